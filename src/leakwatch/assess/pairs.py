"""Framing phrases built from two word lists: an identifier noun and whose it is.

"رقم المبتز", "هوية المتهم", "کارتی ئەو کەسە", "the blackmailer's number", "هذا الرقم يهدد":
each is an identifier noun (or "this number") joined to a culprit, a person word or what the
number does, in the word order of its language. Listing every pair by hand would be hundreds
of lines; the lists (`cue_words/id_nouns.txt`, `culprits.txt`, `threats.txt`) hold the words
and the templates below join them, once at import, into one `CueSet` on the shared phrase pass.
"""

from __future__ import annotations

from typing import Final

from leakwatch.assess.cues import CueSet, words

# Word order per language: {n} the identifier noun, {c} whose it is.
_TEMPLATES: Final = {
    "ar": ("{n} {c}", "{n} هذا {c}", "{n} هاي {c}"),
    "ku": ("{n} {c}", "{n} ئەو {c}", "{n} ئەم {c}"),
    "en": ("{c}'s {n}", "{n} of the {c}", "{n} of this {c}", "{n} of that {c}", "{n} of a {c}"),
}
#: The cue files the pairs are built from.
SOURCES: Final = ("id_nouns", "culprits", "threats")
# Iraqi "الآيبان مال النصاب": the noun takes the article, "مال" joins it to its owner.
_IRAQI_OF: Final = "ال{n} مال {c}"


def _columns(name: str) -> list[tuple[str, str]]:
    """(phrase, tag) rows of a `phrase<TAB>tag` cue file."""
    rows = []
    for line in words(name):
        phrase, _, tag = line.partition("\t")
        rows.append((phrase.strip(), tag.strip()))
    return rows


def framing_pairs() -> tuple[str, ...]:
    """Every identifier-noun + culprit pair, and every "this number" + harm pair."""
    nouns = _columns("id_nouns")
    culprits = _columns("culprits")
    out: list[str] = []
    for noun, lang in nouns:
        for culprit, culprit_lang in culprits:
            if culprit_lang != lang:
                continue
            out.extend(t.format(n=noun, c=culprit) for t in _TEMPLATES[lang])
            if lang == "ar" and " " not in noun:
                out.append(_IRAQI_OF.format(n=noun, c=culprit))
    threats = _columns("threats")
    numbers = [p for p, kind in threats if kind == "number"]
    verbs = [p for p, kind in threats if kind == "verb"]
    out.extend(f"{number} {verb}" for number in numbers for verb in verbs)
    return tuple(dict.fromkeys(out))


FRAMING_PAIRS: Final = CueSet("framing_pairs", framing_pairs())
