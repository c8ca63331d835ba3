"""PERSON: name chains in Arabic, Sorani Kurdish and Latin script.

Names cannot be listed exhaustively (the product meets names nobody wrote down), so the
recognizer reads structure and context rather than memorizing: a chain is a run of tokens that
are names or could be, glued by connectors (بن/بنت), compounds (عبد X, X الدين, أبو X, آل X) and
closed by a tribal nisba (ال…ي). It becomes PERSON when it carries enough evidence: two lexicon
names with one unambiguous, a connector, a title before it, a kunya, a list-record position, or
a strong cue ("المدعو", "زوجته", "Name:", "ناوی") — after a cue, unknown words are taken too.
Rare Iraqi names ("زيد خضير عبيس") are admitted as one unknown word after two known ones.

What keeps precision: everyday-word names ("أمل", "سعيد") are weak; "على"/"علي" and
"منى"/"مني" are told apart by the original spelling; verbs, conjunction-glued words and plurals
never join a chain; a chain right after a landmark, street or organisation word (جامع الرحمن,
شارع فلسطين, جمعية ...) is a place name; a tribal name ends the chain ("البياتي صاحب المحل").

One tokenizing regex pass plus one Aho-Corasick pass (every lexicon in one automaton, each key
carrying a bit set of what it is) give every token its flags; the rest is list walking.
`evidence` says which rule fired; "public_role" / "public_figure" mark a public figure in role.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Final

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.lexicon import (
    Entry,
    add_channel,
    channel_hits,
    hits_token_map,
    load,
    patterns,
    word_key,
    word_spans,
)
from leakwatch.detect.recognizer import Recognizer
from leakwatch.entities import EntityType

# What a lexicon key is (bits; a key can be several things).
GIVEN: Final = 1 << 0
FAMILY: Final = 1 << 1
AMBIG: Final = 1 << 2
COMMON: Final = 1 << 3
TITLE: Final = 1 << 4
ROLE: Final = 1 << 5
PLACE: Final = 1 << 6
CUE: Final = 1 << 7
KIN: Final = 1 << 8
CONNECTOR: Final = 1 << 9
KUNYA: Final = 1 << 10
ABD: Final = 1 << 11
TAIL: Final = 1 << 12
PREFIX: Final = 1 << 13
NISBA: Final = 1 << 14  # shape only: an unlisted ال…ي token
LOC: Final = 1 << 15  # landmark / street / organisation word: the name after it is a place's
DESC: Final = 1 << 16  # "الموظف", "النصاب": opens a name but does not vouch for a lone one
_WHERE: Final = PLACE | LOC  # a place or an institution word ("مستشفى", "دائرة")
WEAK_FAMILY: Final = 1 << 17  # a corpus-derived surname that is also a word (الوكيل)

# The kinds of `person_context.txt`: cue words, kinship words, descriptors, name glue and
# locators (after which a chain names a place: "جامع الحاج علي", "شارع فلسطين").
_CONTEXT_BITS: Final = {
    "cue": CUE,
    "kin": KIN,
    "descriptor": DESC,
    "connector": CONNECTOR,
    "kunya": KUNYA,
    "abd": ABD,
    "tail": TAIL,
    "prefix": PREFIX,
    "locator": LOC,
}
# Names whose normalized form is also a function word; the original's last letter decides:
# "علي" is the name only as written with ي ("على" is "on"), "منى" only with ى ("مني": from me).
_FINAL_LETTER: Final = {"علي": "ي", "مني": "ى", "هدي": "ى", "ندي": "ى", "نهي": "ى", "سهي": "ى"}

# "بيت الحجي كاظم", "مكتب المحامي علي": a house or office of a named person, not a place name.
_OWNED_HEADS: Final = frozenset({"بيت", "دار", "مكتب", "المكتب", "office", "house"})
# Titles that are part of a place's name after a landmark head ("جامع الحاج علي").
_NAMING_TITLES: Final = frozenset(
    word_key(w)
    for w in (
        *("الحاج", "الحجي", "الشيخ", "الامام", "السيد", "الشهيد", "مار", "sheikh"),
        *("شێخ", "شيخ", "حاجی", "سەید", "مەلا", "ملا"),
    )
)

_UPPER: Final = re.compile(r"[A-Z]")
_ADJACENT: Final = frozenset(" \t:.-=/")
_JOIN_GAP: Final = frozenset(" \t")
_PREFIX_GAP: Final = frozenset(" \t-")
_TITLE_GAP: Final = frozenset(" \t.:/")
_CUE_GAP: Final = frozenset(" \t:-–—=.")
_HARD_STOPS: Final = frozenset(".!?؟\n;:")
_MAX_TOKENS: Final = 8
_CUE_TOKENS: Final = 5
_BARE_LABELS: Final = frozenset({"name", "mother", "الاسم", "اسم", "ناو"})
_KU_PREPOSITIONS: Final = ("به", "له", "بۆ")
_KURDISH_LETTERS: Final = frozenset("ێۆڕڵڤ")
_KURDISH_SUFFIXES: Final = ("هكه", "هكهي", "ێك", "هوه", "ووه", "هكان", "كيان")
# Demonstratives open a name ("هذا علي حسين") but do not vouch for an unknown first word.
_DEMONSTRATIVES: Final = frozenset(
    word_key(w) for w in ("هذا", "هاي", "هذه", "هو", "هي", "ولك", "ئەم", "ئەمە")
)
_KURDISH_FOLD: Final = str.maketrans({"ێ": "ي", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "ف"})
_VERB_PREFIXES: Final = ("ي", "ت", "ن", "دا", "ده", "ئه")

# Flags that make a word's kind a matter of its lexicons alone.
_LEXICAL: Final = (
    GIVEN | FAMILY | CUE | KIN | TITLE | ROLE | CONNECTOR | KUNYA | ABD | PREFIX | TAIL | LOC
) | (DESC | PLACE | COMMON | AMBIG)
# A message without any of these holds no name chain.
_TRIGGERS: Final = GIVEN | FAMILY | CUE | KIN | TITLE | ROLE | KUNYA | ABD
# Flags of words that matter only by breaking a chain.
_EVERYDAY: Final = COMMON | PLACE | AMBIG
# Non-name words the decisions still read: landmark heads, descriptors, cues.
_KEPT_BREAKS: Final = (
    LOC | DESC | CUE | KIN | TITLE | ROLE | CONNECTOR | KUNYA | ABD | PREFIX | TAIL
)

# Item kinds after merging.
NAME: Final = 0
UNK: Final = 1
CONN: Final = 2
TITLE_K: Final = 3
CUE_K: Final = 4
KIN_K: Final = 5
BREAK: Final = 6
_CHAIN_KINDS: Final = frozenset((NAME, UNK, CONN))


class _Item:
    """A token or merged group (عبد الله, أبو علي, آل ياسين) with what it means in a chain.

    A plain class, not a dataclass: compiled, its constructor stays native.
    """

    __slots__ = (
        "al",
        "end",
        "family",
        "flags",
        "kind",
        "kunya",
        "outer",
        "start",
        "strong",
        "tokens",
    )

    def __init__(
        self,
        outer: int,
        start: int,
        end: int,
        kind: int,
        flags: int,
        tokens: int = 1,
        strong: bool = False,
        family: bool = False,
    ) -> None:
        self.outer = outer  # start including an attached و
        self.start = start
        self.end = end
        self.kind = kind
        self.flags = flags
        self.tokens = tokens
        self.strong = strong  # unambiguous name
        self.family = family  # surname-like (nisba, آل X, family lexicon)
        self.kunya = False  # أبو / أم + name
        self.al = False  # an unlisted ال-word: only ever a chain's surname

    @property
    def clitic(self) -> bool:
        return self.outer < self.start


@dataclass(frozen=True, slots=True)
class _Tables:
    """The person chain's lexicons, built once per process.

    `patterns` holds every key that can be part of a name or its context (matched through
    the shared lexicon pass); words that are only everyday words or places stay out of it
    (they would be most matches in a message) and are looked up in `everyday` for the few
    unlisted words next to a name.
    """

    patterns: dict[str, Entry]
    everyday: frozenset[str]
    figures: frozenset[str]


@cache
def _lexicons() -> _Tables:
    """The patterns of every word list the person chain reads; built once per process."""
    flags: dict[str, int] = {}

    def put(keys: Any, bit: int) -> None:
        for key in keys:
            flags[key] = flags.get(key, 0) | bit

    put(load("given_names").entries, GIVEN)
    family = load("family_names").entries
    put(family, FAMILY)
    put((k for k, v in family.items() if v == "weak"), WEAK_FAMILY)
    put(load("ambiguous_names").entries, AMBIG)
    put(load("common_words").entries, COMMON)
    put(load("titles").entries, TITLE)
    put(load("public_roles").entries, ROLE)
    put(load("places_governorates").entries, PLACE)
    put(load("places_districts").entries, PLACE)
    # Sorani heads name a place only in the ezafe form ("قوتابخانەی ئازادی").
    landmarks = load("landmarks").entries
    put(
        (k for k, v in landmarks.items() if k not in _OWNED_HEADS and (v != "ku" or k[-1] == "ي")),
        LOC,
    )
    for key, kinds in load("person_context").entries.items():
        for kind in kinds.split(","):
            put((key,), _CONTEXT_BITS[kind])
    # "وابنه", "وعلي" are corpus words; read them as و + kinship cue / name instead.
    meaningful = GIVEN | FAMILY | TITLE | ROLE | CUE | KIN | KUNYA | ABD | DESC | PREFIX
    for key in [k for k, f in flags.items() if k.startswith("و") and not f & meaningful]:
        if flags.get(key[1:], 0) & meaningful:
            del flags[key]
    everyday = frozenset(k for k, f in flags.items() if not f & ~_EVERYDAY)
    kept = {k: f for k, f in flags.items() if f & ~_EVERYDAY or " " in k}
    found = patterns(kept, ("و",), lambda f: bool(f & meaningful))
    return _Tables(found, everyday, frozenset(load("public_figures").entries))


def _patterns() -> dict[str, Entry]:
    return _lexicons().patterns


_CHANNEL: Final = add_channel(_patterns)


class PersonRecognizer(Recognizer):
    """Finds name chains; marks public figures in role (`Evidence.PUBLIC_ROLE`, `PUBLIC_FIGURE`)."""

    name: ClassVar[str] = "person_chain"
    entities: ClassVar[tuple[EntityType, ...]] = (EntityType.PERSON,)

    def analyze(self, doc: Document) -> list[Finding]:
        out: list[Finding] = []
        items = _items(doc)
        if not items:
            return out
        figures = _lexicons().figures
        norm = doc.norm
        used = [False] * len(items)
        results: list[tuple[int, int, float, str]] = []
        for i, item in enumerate(items):
            if item.kind in (CUE_K, KIN_K) and not used[i] and _cue_placed(norm, item):
                span = _after_cue(doc, items, i)
                if span is not None:
                    first, last, score = span
                    for k in range(first, last + 1):
                        used[k] = True
                    why = "kin" if item.kind == KIN_K else "cue"
                    results.append((_start(items[first]), items[last].end, score, why))
        i = 0
        while i < len(items):
            if used[i] or items[i].kind not in _CHAIN_KINDS:
                i += 1
                continue
            j = i + 1
            latin = norm[items[i].start].isascii()
            while (
                j < len(items)
                and not used[j]
                and items[j].kind in _CHAIN_KINDS
                and not items[j].clitic
                and norm[items[j].start].isascii() == latin  # one script per name
                and _gap(norm, items[j - 1], items[j], _JOIN_GAP)
            ):
                j += 1
            for first, last, score, why in _judge(doc, items, i, j):
                public = _public(doc, items, first, last, figures)
                results.append((_start(items[first]), items[last].end, score, why + public))
            i = j
        for start, end, score, why in results:
            out.append(doc.finding(EntityType.PERSON, start, end, score, self.name, why))
        return out


def _start(item: _Item) -> int:
    return item.start


# --------------------------------------------------------------------------- tokens → items


def _items(doc: Document) -> list[_Item]:
    """Lexicon hits with their flags, plus the unlisted words right beside them, in text order,
    with compounds merged into single items.

    Everyday words get no item: they can only break a chain, and the gap between the items
    around them (letters, not spaces) already does that. So the work grows with the names in
    a message, not with its length.
    """
    norm = doc.norm
    tables = _lexicons()
    matches = hits_token_map(channel_hits(norm, _CHANNEL))
    if not any(v[3] & _TRIGGERS for v in matches.values()):
        return []
    upper = _Case(doc.original)
    raw: list[_Item] = []
    reach = 0
    for s in sorted(matches):
        if s < reach:
            continue
        m_start, m_end, key, value = matches[s]
        if value & (GIVEN | FAMILY) and not (raw and raw[-1].end > s - 2):
            # One unlisted word before a name may be a rare first name ("سركون يونان بطرس").
            before = _word_before(norm, max(reach, s - 24), s)
            if before is not None and before[0] >= reach:
                _add_unknown(doc, tables, raw, before[0], before[1], upper)
        reach = m_end
        if not value & ~_EVERYDAY and not _after_head(norm, raw, s):
            continue  # an everyday phrase ("رضي الله") that overrides the names in it
        flags = _final_letter(doc, key, m_end, value)
        item = _Item(s, m_start, m_end, 0, flags, key.count(" ") + 1)
        _classify(doc, item, upper)
        if item.kind == BREAK and not item.flags & _KEPT_BREAKS:
            continue
        if key == "باسم" and not item.clitic and _after_word(norm, item):
            named = raw and raw[-1].kind == NAME and norm[raw[-1].end : item.outer] == " "
            if not named:
                item.kind = CUE_K  # "مستمسكات باسم X" is "in the name of X"; else Basim
        raw.append(item)
        # Unlisted words right after it may continue the name ("زيد خضير عبيس", "المدعو زغير").
        pos = m_end
        for _ in range(_CUE_TOKENS + 1):
            after = _word_after(norm, pos)
            if after is None or after[0] in matches:
                break
            word = norm[after[0] : after[1]]
            if word in tables.everyday:
                if item.kind == NAME and key == "علي" and item.strong and pos == m_end:
                    item.strong = False  # "علي امل ان": written علي, read على before a word
                break
            if not _add_unknown(doc, tables, raw, after[0], after[1], upper):
                break
            pos = reach = after[1]
    return _merge(norm, raw)


def _word_before(norm: str, lo: int, s: int) -> tuple[int, int] | None:
    """The word that ends just before `s` (across a space, colon or dash), if any."""
    e = s
    while e > lo and norm[e - 1] in _ADJACENT:
        e -= 1
    if e == s:
        return None
    b = e
    while b > lo and norm[b - 1].isalpha():
        b -= 1
    if b == e or (b > 0 and norm[b - 1].isalnum()):
        return None
    return b, e


def _word_after(norm: str, e: int) -> tuple[int, int] | None:
    """The word that starts just after `e` (across a space, colon or dash), if any."""
    k = e
    n = len(norm)
    while k < n and k - e < 3 and norm[k] in _ADJACENT:
        k += 1
    if k == e or k >= n:
        return None
    # `_WORD.match(norm, k)`, by hand: letters are alphanumeric, not decimal digits.
    j = k
    while j < n:
        c = norm[j]
        if not c.isalpha() and (not c.isalnum() or c.isdecimal()):
            break
        j += 1
    return (k, j) if j > k else None


def _glued_non_name(tables: _Tables, word: str) -> bool:
    """ "ب" glued to a listed place or institution that is no name ("بمستشفى", "بدائرة"): it
    says where someone is, and ends the name before it. Only places: an unlisted word whose
    tail happens to be an everyday word ("فاروقە" → "اروقه") is still a name."""
    if not word.startswith("ب"):
        return False
    value = tables.patterns.get(f" {word[1:]} ")
    return value is not None and bool(value[3] & _WHERE) and not value[3] & (GIVEN | FAMILY)


def _add_unknown(
    doc: Document, tables: _Tables, raw: list[_Item], s: int, e: int, upper: _Case
) -> bool:
    """Classify an unlisted word and keep it if it could be part of a name."""
    word = doc.norm[s:e]
    if word in tables.everyday or (len(word) >= 5 and _glued_non_name(tables, word)):
        return False
    item = _unknown(doc, tables.patterns, s, e)
    _classify(doc, item, upper)
    if item.kind == BREAK and not item.flags & _KEPT_BREAKS:
        return False
    raw.append(item)
    return True


def _after_head(norm: str, raw: list[_Item], s: int) -> bool:
    """An ال-word right after عبد / أبو / آل may be a name part (عبد الامير), so keep it."""
    return bool(
        raw
        and raw[-1].flags & (ABD | KUNYA | PREFIX)
        and raw[-1].end + 1 == s
        and norm.startswith("ال", s)
    )


def _after_word(norm: str, item: _Item) -> bool:
    k = item.outer - 1
    while k >= 0 and norm[k] in " \t":
        k -= 1
    return k >= 0 and norm[k].isalpha()


def _final_letter(doc: Document, key: str, end: int, flags: int) -> int:
    """Tell "علي" (Ali) from "على" (on) and "منى" (Mona) from "مني" (from me)."""
    want = _FINAL_LETTER.get(key)
    if want is None:
        return int(flags)
    o_end = doc.normalized.to_original(end - 1, end)[1]
    if doc.original[o_end - 1] == want:
        return GIVEN
    return COMMON


def _unknown(doc: Document, table: dict[str, Entry], s: int, e: int) -> _Item:
    """A token no lexicon lists: its shape decides (عبدX compound, ال…ي nisba, Kurdish "X-ە")."""
    token = doc.norm[s:e]
    flags = 0
    if len(token) >= 4 and not _KURDISH_LETTERS.isdisjoint(token):
        # Sorani is typed with and without its own letters: "ئۆمێد" / "ئومێد" / "ئوميد".
        value = table.get(f" {token.translate(_KURDISH_FOLD)} ")
        if value is not None and value[1] == 0:
            return _Item(s, s, e, 0, value[3])
    if len(token) >= 5 and token.startswith(("عبد", "عهبد")):
        flags = GIVEN
    elif token.isascii():
        if len(token) >= 6 and token.startswith(("abdul", "abdel", "abdal")):
            flags = GIVEN
    elif len(token) >= 5 and token.startswith("ال") and token.endswith("ي"):
        flags = NISBA
    elif len(token) >= 4 and token.endswith("ه"):
        # Sorani glues the copula to the last word: "کامەرانە" is "is Kameran".
        o_end = doc.normalized.to_original(e - 1, e)[1]
        value = table.get(f" {token[:-1]} ")
        if doc.original[o_end - 1] == "ە" and value is not None and value[3] & GIVEN:
            return _Item(s, s, e - 1, 0, GIVEN)
    return _Item(s, s, e, 0, flags)


def _classify(doc: Document, item: _Item, upper: _Case) -> None:
    f = item.flags
    word = doc.norm[item.start : item.end]
    if f & _LEXICAL and not word.isascii():
        item.kind, item.strong, item.family = _lexical_kind(f, word.startswith("ال"))
        return
    if f & CUE:
        item.kind = CUE_K
    elif f & KIN and not f & CONNECTOR:
        item.kind = KIN_K
    elif f & (TITLE | ROLE):
        item.kind = TITLE_K
    elif f & (CONNECTOR | KUNYA | ABD | PREFIX | TAIL):
        item.kind = CONN
    elif f & (LOC | DESC):
        item.kind = BREAK
    elif f & (GIVEN | FAMILY):
        item.kind = NAME
        item.strong = not f & (AMBIG | COMMON | WEAK_FAMILY)
        item.family = bool(f & FAMILY) and (not f & GIVEN or word.startswith("ال"))
    elif f & (PLACE | COMMON):
        item.kind = BREAK
    elif f & NISBA:
        o_end = doc.normalized.to_original(item.end - 1, item.end)[1]
        if doc.original[o_end - 1] == "ى":  # المستشفى, المبنى: not a nisba
            item.kind = BREAK
        else:
            item.kind = NAME
            item.family = True
    elif _name_like(word) and _name_ending(doc, item):
        item.kind = UNK
        item.al = word.startswith("ال")
    else:
        item.kind = BREAK
    if item.kind in (NAME, UNK) and word.isascii() and not _capitalized(doc, item, upper):
        # Latin script keeps case in the original: lower-case words are not names there.
        item.kind = BREAK if item.kind == UNK or not item.strong else item.kind
        item.strong = False


_KINDS: Final[dict[int, tuple[int, bool, bool]]] = {}


def _lexical_kind(f: int, al: bool) -> tuple[int, bool, bool]:
    """Kind, strength and surname-ness of a listed Arabic-script word: a function of its flags
    (memoized, since a few hundred flag sets cover every word a message can hold)."""
    key = f * 2 + 1 if al else f * 2
    known = _KINDS.get(key)
    if known is None:
        known = _KINDS[key] = _kind_of(f, al)
    return known


def _kind_of(f: int, al: bool) -> tuple[int, bool, bool]:
    if f & CUE:
        return CUE_K, False, False
    if f & KIN and not f & CONNECTOR:
        return KIN_K, False, False
    if f & (TITLE | ROLE):
        return TITLE_K, False, False
    if f & (CONNECTOR | KUNYA | ABD | PREFIX | TAIL):
        return CONN, False, False
    if f & (LOC | DESC):
        return BREAK, False, False
    if f & (GIVEN | FAMILY):
        strong = not f & (AMBIG | COMMON | WEAK_FAMILY)
        return NAME, strong, bool(f & FAMILY) and (not f & GIVEN or al)
    return BREAK, False, False


def _name_like(word: str) -> bool:
    """Could an unlisted word be a name? Verbs, و-glued words, plurals and suffixed nouns not."""
    if word.isascii():
        return len(word) >= 2
    n = len(word)
    if n < 3 or n > 12:
        return False
    if n >= 4 and word.startswith(("و", "لل", "بال", "وال", "فال", "كال")):
        return False
    if n >= 4 and word.startswith(_VERB_PREFIXES) and not word.startswith("ال"):
        return False
    if n >= 5 and word.endswith(("ات", "ين", "تها", "هم", "كم", "نا")):
        return False  # plurals and pronoun suffixes: "المواطنين", "حدثنا"
    if not _KURDISH_LETTERS.isdisjoint(word) or word.endswith(_KURDISH_SUFFIXES):
        return not word.endswith(_KURDISH_SUFFIXES)
    return True


def _name_ending(doc: Document, item: _Item) -> bool:
    """Unlisted words ending in ة (موظفة, منشورة) are nouns; Sorani words ending in ی or ە
    (ezafe, demonstrative: "پاسپۆرتی", "کچە") are not names either."""
    o_end = doc.normalized.to_original(item.end - 1, item.end)[1]
    last = doc.original[o_end - 1]
    return last not in "ةیە" or item.end - item.start <= 2


class _Case:
    """Whether a message's original has any capital letter, looked up on first need."""

    __slots__ = ("known", "original", "upper")

    def __init__(self, original: str) -> None:
        self.original = original
        self.known = False
        self.upper = False

    def found(self) -> bool:
        if not self.known:
            self.upper = _UPPER.search(self.original) is not None
            self.known = True
        return self.upper


def _capitalized(doc: Document, item: _Item, upper: _Case) -> bool:
    """Capitalized in the original, or the writer uses no capitals at all."""
    o_start = doc.normalized.to_original(item.start, item.start + 1)[0]
    return doc.original[o_start].isupper() or not upper.found()


def _merge(norm: str, items: list[_Item]) -> list[_Item]:
    """Fold compounds into one item: عبد X, X الدين, آل/البو/al X, أبو/أم X, ابنه as cue."""
    out = items
    if any(t.flags & (ABD | PREFIX | TAIL) for t in items):
        out = _merge_heads(norm, _merge_heads(norm, items))
    # Kunya (أبو علي) after the compounds, so أبو عبد الله is one item.
    merged: list[_Item] = []
    i = 0
    while i < len(out):
        item = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (
            item.flags & KUNYA
            and item.kind == CONN
            and nxt is not None
            and (nxt.kind in (NAME, UNK) or _al_word(norm, nxt))
            and not nxt.clitic
            and not nxt.family
            and _gap(norm, item, nxt, _JOIN_GAP)
        ):
            kunya = _joined(item, nxt, strong=nxt.strong, family=False)
            kunya.kunya = nxt.kind == NAME
            merged.append(kunya)
            i += 2
            continue
        if item.kind == CONN and item.flags & KIN:
            # "ابنه": connector between two names (ابنة), otherwise "his son".
            prev = merged[-1] if merged else None
            between = (
                prev is not None
                and nxt is not None
                and prev.kind == NAME
                and nxt.kind in (NAME, UNK)
                and _gap(norm, prev, item, _JOIN_GAP)
                and _gap(norm, item, nxt, _JOIN_GAP)
            )
            if not between:
                item.kind = KIN_K
        elif item.kind == CONN and item.flags & ABD and not item.flags & CONNECTOR:
            item.kind = UNK  # a lone "عبد" closing a chain is the name Abed
        elif item.kind == CONN and not item.flags & CONNECTOR:
            item.kind = BREAK  # a lone أبو / الله / al is not part of a name
        merged.append(item)
        i += 1
    return merged


def _merge_heads(norm: str, items: list[_Item]) -> list[_Item]:
    """One pass of head + word merges; twice resolves "Abd al-Karim" (al-Karim, then Abd)."""
    out: list[_Item] = []
    n = len(items)
    i = 0
    while i < n:
        item = items[i]
        nxt = items[i + 1] if i + 1 < n else None
        if nxt is not None and not nxt.clitic and _heads(norm, item, nxt):
            family = bool(item.flags & PREFIX) and not item.flags & ABD
            out.append(_joined(item, nxt, strong=True, family=family))
            i += 2
            continue
        if nxt is not None and not nxt.clitic and _tails(norm, item, nxt):
            out.append(_joined(item, nxt, strong=True, family=False))
            i += 2
            continue
        out.append(item)
        i += 1
    return out


def _heads(norm: str, item: _Item, nxt: _Item) -> bool:
    """عبد X, آل X, البو X, al-X: the head and the next word are one name."""
    if item.kind != CONN or not item.flags & (ABD | PREFIX) or item.tokens > 1:
        return False
    allowed = _PREFIX_GAP if item.flags & PREFIX else _JOIN_GAP
    if not _gap(norm, item, nxt, allowed):
        return False
    return nxt.kind in (NAME, UNK) or bool(item.flags & ABD and _al_word(norm, nxt))


def _tails(norm: str, item: _Item, nxt: _Item) -> bool:
    """X الدين / X الله as one name; "الله" only after an unambiguous name (not رحمه الله)."""
    if not nxt.flags & TAIL or item.kind not in (NAME, UNK):
        return False
    if not _gap(norm, item, nxt, _JOIN_GAP):
        return False
    return norm[nxt.start : nxt.end] != "الله" or item.strong


def _al_word(norm: str, item: _Item) -> bool:
    """An ال-word that is not a place: after عبد or أبو it is a name (عبد الامير, أبو الفضل)."""
    return (
        item.kind in (BREAK, CONN, UNK)
        and not item.flags & (PLACE | TITLE | ROLE | CUE | KIN | LOC | DESC)
        and norm.startswith("ال", item.start)
        and item.end - item.start > 3
    )


def _joined(a: _Item, b: _Item, strong: bool, family: bool) -> _Item:
    return _Item(
        a.outer, a.start, b.end, NAME, a.flags | b.flags, a.tokens + b.tokens, strong, family
    )


def _gap(norm: str, a: _Item, b: _Item, allowed: frozenset[str]) -> bool:
    gap = norm[a.end : b.outer]
    return bool(gap) and all(c in allowed for c in gap)


# --------------------------------------------------------------------------- decisions


def _cue_placed(norm: str, item: _Item) -> bool:
    """Bare labels ("name", "الاسم", "ناو") count only where a label stands: line start or
    after punctuation, so "company name Zain" or "في اسم الله" do not open a name."""
    word = norm[item.start : item.end]
    if word == "ناوي":  # "ناوی X" is "named X", but "بە ناوی" is "in the name of"
        return not norm[: item.outer].rstrip().endswith(_KU_PREPOSITIONS)
    if word not in _BARE_LABELS:
        return True
    k = item.outer - 1
    while k >= 0 and norm[k] in " \t":
        k -= 1
    after = item.end
    while after < len(norm) and norm[after] in " \t":
        after += 1
    labelled = after < len(norm) and norm[after] in ":-"
    return labelled or k < 0 or not norm[k].isalnum()


def _after_cue(doc: Document, items: list[_Item], i: int) -> tuple[int, int, float] | None:
    """The name a cue introduces: up to five words after it, titles skipped."""
    norm = doc.norm
    k = i + 1
    prev = items[i]
    allowed = _CUE_GAP
    while (
        k < len(items)
        and items[k].kind in (TITLE_K, BREAK)
        and items[k].flags & (TITLE | ROLE | DESC)
    ):
        if not _gap(norm, prev, items[k], allowed):
            return None
        prev, allowed = items[k], _TITLE_GAP | _CUE_GAP
        k += 1
    if k >= len(items) or not _gap(norm, prev, items[k], allowed):
        return None
    first = k
    tokens = 0
    last = -1
    while k < len(items):
        item = items[k]
        if item.kind not in _CHAIN_KINDS or (k > first and item.clitic):
            break
        if k > first and not _gap(norm, items[k - 1], item, _JOIN_GAP):
            break
        if item.kind != CONN:
            tokens += item.tokens
        if tokens > _CUE_TOKENS:
            break
        last = k
        k += 1
        if item.family and not (k < len(items) and items[k].family):
            break  # the tribal name closes the chain
    while last >= first and items[last].kind == CONN:
        last -= 1
    if last < first or items[first].kind == CONN:
        return None
    if norm.startswith("ال", items[first].start) and not items[first].kunya:
        return None  # "أخوه الأكبر": a name does not start with ال
    names = [t for t in items[first : last + 1] if t.kind == NAME]
    if names:
        # One rare word may close a name ("زوجته زينب كطوف" no; "المدعو علي حسين زغير" yes).
        while last > first and items[last].kind == UNK and items[last - 1].kind == UNK:
            last -= 1
        before = sum(1 for t in items[first:last] if t.kind == NAME)
        keep = (1, 2) if items[i].kind == CUE_K else (2,)
        if items[last].kind == UNK and (before not in keep or items[last].al):
            last -= 1
        while last - first >= 3 and _spare(doc, items[last]):
            last -= 1  # "نور الهدى علي جواد طالبة": a fourth, everyday word ends the name
    elif (
        items[i].kind == KIN_K
        or _cue_word(norm, items[i]) == "باسم"
        or any(_kurdish(norm, t) for t in items[first : last + 1])
    ):
        return None  # unknown words after "زوجته", "باسم" or a Sorani cue are often not names
    elif last - first > 2 or any(t.al for t in items[first : last + 1]):
        return None
    return first, last, 0.9 if names else 0.8


def _spare(doc: Document, item: _Item) -> bool:
    """A word after three names that is more likely the next phrase than a fourth name:
    an everyday word, or a word ending in ة ("طالبة"), unless it is a surname."""
    if item.kind != NAME or item.family:
        return False
    o_end = doc.normalized.to_original(item.end - 1, item.end)[1]
    return not item.strong or doc.original[o_end - 1] == "ة"


def _cue_word(norm: str, item: _Item) -> str:
    return norm[item.start : item.end]


def _kurdish(norm: str, item: _Item) -> bool:
    return any(c in _KURDISH_LETTERS for c in norm[item.start : item.end])


def _judge(doc: Document, items: list[_Item], i: int, j: int) -> list[tuple[int, int, float, str]]:
    """Decide whether the run items[i:j] holds a name; returns (first, last, score, why)."""
    norm = doc.norm
    # Unlisted ال-words inside a run split it; they may only close a chain as its surname.
    for k in range(i, j):
        if items[k].al and k + 1 < j:
            return _judge(doc, items, i, k + 1) + _judge(doc, items, k + 1, j)
    first, last = i, j - 1
    while first <= last and (items[first].kind in (UNK, CONN) or items[first].family):
        first += 1  # a name never starts with its surname or a connector
    if first + 2 <= last and norm.startswith("ال", items[first].start):
        first += 1  # "الفنان الكبير ناظم الغزالي": an ال-adjective before the name
    while last >= first and items[last].kind in (UNK, CONN):
        last -= 1
    if first > last:
        return []
    # The tribal name closes the chain ("أيدن عرفان صالح البياتي صاحب"); so does a kunya
    # unless a surname follows ("أبو تبارك صاحب المولدة", but "أبو علي الساعدي").
    for k in range(first, last + 1):
        closes = items[k].family or items[k].kunya
        laqab = k < last and items[k].kunya and norm.startswith("ال", items[k + 1].start)
        if closes and not laqab and (k == last or not items[k + 1].family):
            last = k
            break
    head = first
    boundary = _boundary(doc, items, i)
    # A rare first name ("سركون يونان بطرس") is taken at a boundary before two known names.
    rare_first = first - i == 1 and items[i].kind == UNK and not items[i].al
    after_demo = i > 0 and norm[items[i - 1].start : items[i - 1].end] in _DEMONSTRATIVES
    known = sum(1 for t in items[first : last + 1] if t.kind == NAME)
    if rare_first and _boundary(doc, items, i) and not after_demo and known >= 2:
        head = i
    if _in_place_name(doc, items, head, last + 1):
        return []
    chain = items[head : last + 1]
    names = [t for t in chain if t.kind == NAME]
    nxt = items[last + 1] if last + 1 < j else None
    if nxt is not None and nxt.kind == UNK and not chain[-1].family:
        public_context = _title_before(doc, items, head) and bool(items[head - 1].flags & ROLE)
        if nxt.al and public_context and any(t.strong and not t.family for t in names):
            # "عبد القادر الدخيل": an unlisted ال-word after a first name is the surname.
            nxt.kind, nxt.family = NAME, True
            last += 1
        elif not nxt.al and (
            len(names) == 2 or (len(names) == 1 and _title_before(doc, items, head))
        ):
            last += (
                1  # a rare last name after two known ones ("زيد خضير عبيس", "العميد شارل شيخاني")
            )
        chain = items[head : last + 1]
        names = [t for t in chain if t.kind == NAME]
    while len(chain) > 3 and _spare(doc, chain[-1]) and chain[-2].kind != CONN:
        chain = chain[:-1]  # "فاضل عبود شهيب كاملة": a fourth, everyday word ends the name
        last -= 1
    names = [t for t in chain if t.kind == NAME]
    unknown = sum(1 for t in chain if t.kind == UNK)
    if unknown > 1 and unknown >= len(names):
        return []
    if sum(t.tokens for t in chain) > _MAX_TOKENS:
        return []
    given = [t for t in names if not t.family]
    if all(norm.startswith("ال", t.start) for t in names):
        return []  # "الغني الحميد": epithets, not a name
    anchors = sum(1 for t in names if t.strong)
    connectors = sum(1 for t in chain if t.kind == CONN)
    title = _title_before(doc, items, head)
    if len(names) >= 2 and anchors >= 1 and given:
        score, why = (
            (0.85, "connector") if connectors else ((0.85 if len(chain) >= 3 else 0.7), "chain")
        )
        if title:
            score, why = max(score, 0.85), why + ",title"
    elif title and given and (len(names) >= 2 or _vouches(doc, items[head - 1], names[0])):
        score, why = (0.85 if len(names) >= 2 else (0.6 if names[0].strong else 0.5)), "title"
    elif len(names) == 1 and names[0].kunya and len(chain) == 1:
        score, why = 0.6, "kunya"
    elif boundary and given and (len(names) >= 3 or (len(names) == 2 and _record_end(doc, chain))):
        score, why = 0.6, "record"
    else:
        return []
    return [(head, last, score, why)]


def _vouches(doc: Document, title: _Item, name: _Item) -> bool:
    """A lone name after a title: an honorific ("الحاج", "Dr.") vouches for any given name,
    a role word ("رئيس قسم") only for an unambiguous one; never for an ال-word."""
    if doc.norm.startswith("ال", name.start) and not name.kunya:
        return False
    return bool(title.flags & TITLE) or name.strong


def _boundary(doc: Document, items: list[_Item], i: int) -> bool:
    """The run starts a field: line start, after punctuation or a digit, or after a
    title / descriptor / cue word."""
    if i > 0 and items[i - 1].kind in (TITLE_K, CUE_K, KIN_K):
        return True
    if i > 0 and items[i - 1].flags & DESC and _gap(doc.norm, items[i - 1], items[i], _TITLE_GAP):
        return True
    norm = doc.norm
    k = items[i].outer - 1
    while k >= 0 and norm[k] in " \t":
        k -= 1
    return k < 0 or not norm[k].isalpha()


def _record_end(doc: Document, chain: list[_Item]) -> bool:
    """A list record: the name is followed by a separator, a digit or the line end."""
    norm = doc.norm
    k = chain[-1].end
    while k < len(norm) and norm[k] in " \t":
        k += 1
    return k >= len(norm) or not norm[k].isalpha()


def _title_before(doc: Document, items: list[_Item], i: int) -> bool:
    return (
        i > 0
        and items[i - 1].kind == TITLE_K
        and _gap(doc.norm, items[i - 1], items[i], _TITLE_GAP)
    )


def _in_place_name(doc: Document, items: list[_Item], i: int, j: int) -> bool:
    """A run right after a landmark, street or organisation word (or before an English one)
    names that place: "جامع الحاج علي", "شارع فلسطين", "Sami Abdulrahman Park"."""
    norm = doc.norm
    k = i - 1
    if k >= 0 and norm[items[k].start : items[k].end] in _NAMING_TITLES:
        k -= 1  # "جامع الحاج علي"
    loc = k >= 0 and items[k].flags & LOC and not norm.startswith("ال", items[k].start)
    if loc and _gap(norm, items[k], items[k + 1], _TITLE_GAP):
        return True
    if j < len(items) and items[j].flags & LOC and _gap(norm, items[j - 1], items[j], _JOIN_GAP):
        return norm[items[j].start].isascii()
    return False


def _public(
    doc: Document, items: list[_Item], first: int, last: int, figures: frozenset[str]
) -> str:
    """ ",public_role" / ",public_figure" when the chain is a public figure in role."""
    norm = doc.norm
    k = first - 1
    seen = 0
    while k >= 0 and seen < 5:
        item = items[k]
        gap = norm[item.end : items[k + 1].outer]
        if any(c in _HARD_STOPS for c in gap) or item.kind in (CUE_K, KIN_K, NAME):
            break
        if item.kind == TITLE_K and item.flags & ROLE:
            return ",public_role"
        seen += 1
        k -= 1
    if last + 1 < len(items):
        nxt = items[last + 1]
        gap = norm[items[last].end : nxt.outer]
        if nxt.kind == TITLE_K and nxt.flags & ROLE and all(c in " \t," for c in gap):
            return ",public_role"
    if _key(norm, items[first].start, items[last].end) in figures:
        return ",public_figure"
    return ""


def _key(norm: str, start: int, end: int) -> str:
    """The words of norm[start:end] joined by single spaces (`word_key` form), read from the
    message's word spans: the runs clipped to [start, end), as a word regex would find them."""
    starts, ends = word_spans(norm)
    words: list[str] = []
    for k in range(bisect_right(ends, start), len(starts)):
        if starts[k] >= end:
            break
        words.append(norm[max(starts[k], start) : min(ends[k], end)])
    return " ".join(words)
