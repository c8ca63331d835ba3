"""The tagger's place in detection: names the rules did not find, where a name would matter.

Runs after every recognizer, so it sees what they found: in `GATED` mode only messages where
the rules found no name are tagged, and only their lines beside a contact or an identifier,
which keeps scanning fast on the many messages that could not be a leak whatever names they
hold. A tagged span is added where no finding claims the text; in `ALL` mode a confident one
also re-bounds the rule names it overlaps. A glued conjunction or
preposition (و، ف، ب، ل، ك) is trimmed off when the rest is a known name, per docs/spans.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Evidence, Finding
from leakwatch.detect.tagger import NameMode, model
from leakwatch.detect.tagger.features import name_flags
from leakwatch.entities import EntityType

RECOGNIZER: Final = "person_tagger"
# The attributes that send a line to the tagger. Not an address: news places its people in
# streets and districts all the time, and an address with an unlisted name beside it was the
# tagger's one false alarm on real news; the rules still pair addresses with the names they find.
_GATES: Final = frozenset(
    {
        EntityType.PHONE_NUMBER,
        EntityType.IQ_NATIONAL_ID,
        EntityType.IQ_CIVIL_ID,
        EntityType.IQ_PASSPORT,
        EntityType.IQ_RESIDENCE_CARD,
        EntityType.DATE_OF_BIRTH,
        EntityType.EMAIL_ADDRESS,
        EntityType.IBAN_CODE,
        EntityType.CREDIT_CARD,
        EntityType.VEHICLE_PLATE,
    }
)
_CLITICS: Final = "وفبلك"
_NEWLINE: Final = re.compile("\n")
# Letters Sorani (or Persian) writes and Arabic does not (read in the original: normalization
# folds ە to ه and ی, ک to ي, ك).
_KURDISH: Final = frozenset("ێۆڕڵڤەیک")
# How sure the model must be (mean marginal over the span's tokens). Measured on the blind set
# and ANERcorp (docs/evaluation.md): in messages with a private attribute only near-certain
# names are added and rule spans are never re-bounded, since a wrong name there makes a false
# identity bundle; `ALL` (name search, evaluation) takes the model's own best reading.
_MIN_CONFIDENCE: Final = {NameMode.GATED: 0.9, NameMode.ALL: 0.5}
_OVERRIDE: Final = {NameMode.GATED: 2.0, NameMode.ALL: 0.8}
# A rule name whose every token the model gives less than this P(person) is dropped — when
# names are searched everywhere; in posts the rules know Kurdish and dialect names the model
# never saw, so it vetoes nothing there.
_VETO: Final = {NameMode.GATED: 0.0, NameMode.ALL: 0.05}
_VOUCHED: Final = frozenset((Evidence.CUE, Evidence.KIN))  # the rule that found it, first code


def settle_names(doc: Document, found: list[Finding], mode: NameMode) -> list[Finding]:
    """`found` with the tagger's names added, and rule names re-bounded where it is sure.

    A tagged span that overlaps nothing is added. One that overlaps only rule PERSON findings
    replaces them when the model is confident (its boundaries are learned, the rules' are
    heuristics) — in `ALL` mode only; anything else the rules found stands.
    """
    if mode is NameMode.RULES or not model.available():
        return found
    lines: frozenset[int] | None = None
    if mode is NameMode.GATED:
        if any(f.entity_type is EntityType.PERSON for f in found):
            return found  # the rules found the message's name: one more changes no verdict
        lines = _lines_worth_reading(doc, found)
        if not lines:
            return found
    reading = model.read(
        doc.norm, lines, probabilities=_VETO[mode] > 0, pairs_only=mode is NameMode.GATED
    )
    dropped = _vetoed(doc, found, reading, mode)
    added: list[Finding] = []
    for span in reading.spans:
        if span.confidence < _MIN_CONFIDENCE[mode]:
            continue
        if _kurdish_line(doc.original, doc.normalized.to_original(span.start, span.end)[0]):
            continue
        start = _trim(doc.norm, span.start, span.end)
        score = round(0.4 + 0.4 * span.confidence, 2)
        name = doc.finding(EntityType.PERSON, start, span.end, score, RECOGNIZER, Evidence.TAGGER)
        hit = [k for k, f in enumerate(found) if name.overlaps(f)]
        if not hit:
            added.append(name)
        elif span.confidence >= _OVERRIDE[mode] and all(
            found[k].entity_type is EntityType.PERSON for k in hit
        ):
            dropped.update(hit)
            added.append(name)
    if not added and not dropped:
        return found
    return [f for k, f in enumerate(found) if k not in dropped] + added


def _lines_worth_reading(doc: Document, found: list[Finding]) -> frozenset[int]:
    """Lines where a missed name would make a leak: a contact or identifier on the line or the
    next, and not Sorani (left to the rules).

    Normalization keeps every line break, so a finding's line is counted in the original."""
    original = doc.original
    breaks = [m.start() for m in _NEWLINE.finditer(original)]
    wanted: set[int] = set()
    for f in found:
        if f.entity_type in _GATES:
            line = bisect_left(breaks, f.start)
            wanted.update((line - 1, line))
    if not wanted:
        return frozenset()
    texts = original.split("\n")
    return frozenset(n for n in wanted if 0 <= n < len(texts) and _KURDISH.isdisjoint(texts[n]))


def _vetoed(
    doc: Document, found: list[Finding], reading: model.Reading, mode: NameMode
) -> set[int]:
    """Rule names the model reads as no name at all, unless a cue or kinship word vouched."""
    limit = _VETO[mode]
    out: set[int] = set()
    if limit <= 0:
        return out
    for k, f in enumerate(found):
        if f.entity_type is not EntityType.PERSON or (f.evidence and f.evidence[0] in _VOUCHED):
            continue
        n_start, n_end = doc.normalized.to_norm(f.start, f.end)
        if reading.person_share(n_start, n_end) < limit:
            out.add(k)
    return out


def _kurdish_line(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is Sorani: the model learned Kurdish from synthetic posts
    only, so there the rules (which know Kurdish chains and cues) have the last word."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return not _KURDISH.isdisjoint(text[start : end if end >= 0 else len(text)])


def _trim(norm: str, start: int, end: int) -> int:
    """Where the name starts once a glued clitic is dropped ("وعلي" → "علي")."""
    if norm[start] in _CLITICS:
        first_end = start
        while first_end < end and norm[first_end].isalpha():
            first_end += 1
        rest = norm[start + 1 : first_end]
        if len(rest) >= 3 and name_flags(rest):
            return start + 1
    return start
