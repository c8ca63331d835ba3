"""Cue words the assessment reads around findings, in Arabic (MSA + Iraqi), Kurdish and English.

The vocabulary is data (`assess/cue_words/<set>.txt`, one phrase per line), read once at import;
kinship and residence words come from the recognizers' own lexicons so each word has one home.
Every set rides on the shared phrase pass (`detect.phrases`) and has its own Aho-Corasick
automaton for text outside it, so adding a phrase costs nothing at scan time. Phrases are
normalized like the text they are matched against.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import ahocorasick

from leakwatch.detect import phrases
from leakwatch.detect.lexicon import load
from leakwatch.normalize import normalize_token


def words(name: str) -> tuple[str, ...]:
    """The phrases of `assess/cue_words/<name>.txt` (blank lines and `#` comments skipped)."""
    path = resources.files("leakwatch.assess").joinpath("cue_words", f"{name}.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def lexicon_kind(lexicon: str, kind: str) -> tuple[str, ...]:
    """Entries of a recognizer lexicon (`detect/lexicons/<lexicon>.txt`) of one kind."""
    entries = load(lexicon).entries
    return tuple(key for key, kinds in entries.items() if kind in kinds.split(","))


def _letter(text: str, i: int) -> bool:
    """`re.match(r"\\w", text[i])`, without a regex call per character."""
    c = text[i]
    return c.isalnum() or c == "_"


@dataclass(frozen=True)
class CueSet:
    """A named group of cue phrases with word-boundary-aware search.

    Its phrases also ride on the shared phrase pass (`detect.phrases`): windows of the message
    being assessed are read from that one pass (`positions_in`) instead of walking an
    automaton per window; other text goes through the set's own automaton (`positions`).
    """

    name: str
    phrases: tuple[str, ...]
    prefix_ok: bool = False  # match at a word start even if more letters follow (رقمه → رقم…)
    _automaton: Any = field(default=None, compare=False, repr=False)
    _group: int = field(default=-1, compare=False, repr=False)

    def __post_init__(self) -> None:
        auto = ahocorasick.Automaton()
        words: dict[str, int] = {}
        for phrase in self.phrases:
            norm = normalize_token(phrase).strip()
            if norm:
                auto.add_word(norm, len(norm))
                words[norm] = len(norm)
        auto.make_automaton()
        object.__setattr__(self, "_automaton", auto)
        object.__setattr__(self, "_group", phrases.register(words))

    def positions(self, text: str) -> list[tuple[int, int]]:
        """Spans of every cue occurrence in normalized `text` that stands as a word."""
        out: list[tuple[int, int]] = []
        for end_idx, length in self._automaton.iter(text):
            start, end = end_idx - length + 1, end_idx + 1
            if self._stands(text, start, end):
                out.append((start, end))
        return out

    def positions_in(self, norm: str, start: int, end: int) -> list[tuple[int, int]]:
        """`positions(norm[start:end])` for a window of a whole message `norm`: its occurrences
        are the message's (one shared pass) that lie inside the window, in the same order."""
        hits = phrases.hits(norm, self._group)
        # Hits come in order of their last offset, and only those ending inside the window can
        # lie in it: bisect, not a walk over every hit of the message per window (quadratic in
        # a message dense with findings).
        window_hits = hits[bisect_left(hits, start, key=_last) : bisect_left(hits, end, key=_last)]
        inside = [
            (last - length + 1, last + 1)
            for last, length in window_hits
            if last - length + 1 >= start
        ]
        if not inside:
            return []
        window = norm[start:end]
        out: list[tuple[int, int]] = []
        for cue_start, cue_end in inside:
            if self._stands(window, cue_start - start, cue_end - start):
                out.append((cue_start - start, cue_end - start))
        return out

    def _stands(self, text: str, start: int, end: int) -> bool:
        if start > 0 and _letter(text, start - 1) and not _attached(text, start):
            return False
        return self.prefix_ok or end >= len(text) or not _letter(text, end)

    def search(self, text: str) -> bool:
        return bool(self.positions(text))


def _attached(text: str, start: int) -> bool:
    """Arabic proclitics (و ب ل ف ك) glued to a word: "وزوجته", "بالكرادة", "للبيع"."""
    if start >= 1 and text[start - 1] in "وبلفك" and (start == 1 or not _letter(text, start - 2)):
        return True
    return (
        start >= 2
        and text[start - 2 : start] in ("ال", "لل", "وال", "بال")
        and (start == 2 or not _letter(text, start - 3))
    )


# --- message-level context (hard negatives) -------------------------------------------------
AD = CueSet("ad", words("ad"))
HOTLINE = CueSet("hotline", words("hotline"))
OBITUARY = CueSet("obituary", words("obituary"))
ELECTION = CueSet("election", words("election"))
SPORTS = CueSet("sports", words("sports"))
PUBLIC_NOTICE = CueSet("public_notice", words("public_notice"))
EXPOSURE = CueSet("exposure", words("exposure"), prefix_ok=True)
SELF = CueSet("self", words("self"))
LIST = CueSet("list", words("list"))
PRIVATE = CueSet("private", words("private"))
PRIVATE_BARE = CueSet("private_bare", words("private_bare"))
RECORDS = CueSet("records", words("records"))
LOST = CueSet("lost", words("lost"))
PET = CueSet("pet", words("pet"))
OFFICIAL = CueSet("official", words("official"))
POINTING = CueSet("pointing", words("pointing"))
LEAKED_DOCUMENT = CueSet("leaked_document", words("leaked_document"), prefix_ok=True)
OCCASION = CueSet("occasion", words("occasion"))
HISTORY = CueSet("history", words("history"))
# An authority asking for information about someone it names ("لديه معلومات عنه", "any
# information on"): its notice's own words, not an exposure.
TIP_REQUEST = CueSet("tip_request", words("tip_request"))
# An institution's own official account or number ("رقم حسابه الرسمي", "official account").
OWN_OFFICIAL = CueSet("own_official", words("own_official"))

# --- cues near a finding ----------------------------------------------------------------------
THIRD_PARTY = CueSet("third_party", words("third_party"))
CALL = CueSet("call", words("call"))
# Kinship and residence words live once, in the recognizers' lexicons; the sets add labels.
FAMILY = CueSet("family", words("family") + lexicon_kind("person_context", "kin"))
MOTHER = CueSet("mother", words("mother"))
WORKPLACE = CueSet("workplace", words("workplace"))
WORKPLACE_LABEL = CueSet("workplace_label", words("workplace_label"))
RESIDENCE = CueSet("residence", words("residence") + lexicon_kind("address_context", "cue"))
PROFESSIONAL = CueSet("professional", words("professional"))
PET_NAME = CueSet("pet_name", words("pet_name"))
TRADE = CueSet("trade", words("trade"))
AUTHORITY = CueSet("authority", words("authority"))

MESSAGE_CONTEXTS = (
    AD,
    HOTLINE,
    OBITUARY,
    ELECTION,
    SPORTS,
    PUBLIC_NOTICE,
    EXPOSURE,
    SELF,
    LIST,
    THIRD_PARTY,
    PRIVATE,
    PRIVATE_BARE,
    RECORDS,
    LOST,
    PET,
    OFFICIAL,
    POINTING,
    LEAKED_DOCUMENT,
    OCCASION,
    HISTORY,
)


class CueIndex:
    """Every message-level cue set in one phrase group: one pass tells which sets occur.

    The group rides on the shared phrase pass (`detect.phrases`), so the message is walked once
    for these cues and the recognizers' cue words together.
    """

    def __init__(self, sets: tuple[CueSet, ...]) -> None:
        owners: dict[str, list[tuple[str, bool]]] = {}
        for cue_set in sets:
            for phrase in cue_set.phrases:
                norm = normalize_token(phrase).strip()
                if norm:
                    owners.setdefault(norm, []).append((cue_set.name, cue_set.prefix_ok))
        self._group = phrases.register(
            {norm: (len(norm), tuple(who)) for norm, who in owners.items()}
        )

    def present(self, text: str) -> frozenset[str]:
        found: set[str] = set()
        for end_idx, (length, who) in phrases.hits(text, self._group):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and _letter(text, start - 1) and not _attached(text, start):
                continue
            open_end = end < len(text) and _letter(text, end)
            found.update(name for name, prefix_ok in who if prefix_ok or not open_end)
        return frozenset(found)


MESSAGE_CUES = CueIndex(MESSAGE_CONTEXTS)


def _last(hit: tuple[int, int]) -> int:
    return hit[0]
