"""Run every recognizer over a message and settle where their findings overlap."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from leakwatch.detect.document import Document
from leakwatch.detect.finding import Finding
from leakwatch.detect.recognizer import Recognizer
from leakwatch.detect.rows import infer_row_fields
from leakwatch.detect.tagger import NameMode
from leakwatch.detect.tagger.stage import settle_names
from leakwatch.entities import EntityType
from leakwatch.sources.message import Hint

# When two findings of different types claim the same characters, the more specific wins
# (an IBAN contains digit runs a phone or card pattern could also match).
_PRIORITY: dict[EntityType, int] = {
    EntityType.IBAN_CODE: 10,
    EntityType.CREDIT_CARD: 9,
    EntityType.IQ_NATIONAL_ID: 8,
    EntityType.IQ_PASSPORT: 8,
    EntityType.IQ_CIVIL_ID: 7,
    EntityType.IQ_RESIDENCE_CARD: 7,
    EntityType.EMAIL_ADDRESS: 7,
    EntityType.PHONE_NUMBER: 6,
    EntityType.VEHICLE_PLATE: 5,
    EntityType.DATE_OF_BIRTH: 5,
    EntityType.ADDRESS: 4,
    EntityType.PERSON: 3,
}
# Blocks that legitimately contain other entities: never in conflict with anything.
_CONTAINERS = frozenset({EntityType.STATE_DOCUMENT})
_HINT_SCORE = 0.6


class Analyzer:
    """Runs recognizers over a `Document` and returns non-overlapping findings in text order."""

    def __init__(self, recognizers: Sequence[Recognizer], names: NameMode = NameMode.GATED) -> None:
        self.recognizers = tuple(recognizers)
        self.names = names

    def analyze(self, text: str, hints: tuple[Hint, ...] = ()) -> tuple[Document, list[Finding]]:
        doc = Document.of(text, hints)
        found: list[Finding] = []
        if text.strip():
            for recognizer in self.recognizers:
                found.extend(recognizer.analyze(doc))
            found.extend(_unclaimed_hints(doc, found))
            # Names first, so a name only the tagger knew can anchor a table row.
            found = settle_names(doc, found, self.names)
            found.extend(infer_row_fields(text, doc.norm, found))
        return doc, resolve_overlaps(found)


def _unclaimed_hints(doc: Document, found: list[Finding]) -> list[Finding]:
    """Telegram's own phone/e-mail/card marks that no recognizer explained become findings."""
    extra: list[Finding] = []
    if not doc.hints:
        return extra
    # Whether any finding overlaps a hint, by bisect over the findings sorted by start with the
    # running maximum of their ends: a post marking 8,000 phones stays linear-log.
    ordered = sorted(found, key=_start)
    starts = [f.start for f in ordered]
    reach: list[int] = []
    furthest = -1
    for f in ordered:
        furthest = max(furthest, f.end)
        reach.append(furthest)
    for hint in doc.hints:
        span = doc.original[hint.start : hint.end]
        i = bisect_left(starts, hint.end)
        if not span.strip() or (i and reach[i - 1] > hint.start):
            continue
        if hint.entity_type is not EntityType.EMAIL_ADDRESS and sum(c.isdigit() for c in span) < 7:
            continue
        extra.append(
            Finding(
                hint.entity_type,
                hint.start,
                hint.end,
                _HINT_SCORE,
                "telegram_hint",
                span,
                "marked by telegram",
            )
        )
    return extra


def _start(f: Finding) -> int:
    return f.start


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the best of each group of overlapping findings; containers are always kept.

    "Best" is the higher score, then the more specific type, then the longer span: a validated
    IBAN beats the phone-shaped digits inside it, a long name chain beats a nested short one.
    """
    if len(findings) < 2:
        return list(findings)  # nothing to settle (the general path returns the same)
    kept: list[Finding] = []
    # The kept spans never overlap, so sorted by start they are sorted by end too: a candidate
    # overlaps one iff the last kept span starting before its end ends after its start. A
    # bisect per candidate keeps a message with 8,000 findings linear-log, not quadratic.
    starts: list[int] = []
    ends: list[int] = []
    ranked = sorted(
        (f for f in findings if f.entity_type not in _CONTAINERS),
        key=lambda f: (-round(f.score, 2), -_PRIORITY.get(f.entity_type, 0), -f.length, f.start),
    )
    for cand in ranked:
        i = bisect_left(starts, cand.end)
        if i and ends[i - 1] > cand.start:
            continue
        kept.append(cand)
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
    kept.extend(f for f in findings if f.entity_type in _CONTAINERS)
    unique = {(f.entity_type, f.start, f.end): f for f in kept}
    # EntityType is a StrEnum: members order as their values, without the interpreted `.value`.
    return sorted(unique.values(), key=lambda f: (f.start, f.end, f.entity_type))
