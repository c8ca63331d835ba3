"""Group findings into person records: which attributes belong to which name.

The rule is positional, as posts are written: an attribute belongs to the nearest main name
before it (or, with none before, the first one after); a name introduced by a kinship cue
("زوجته", "his wife", "کوڕی") or a mother cue is a relation of the record before it, not a
record of its own. A new main name starts a new record, so a numbered list of people becomes
one record per line.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar, Final

from leakwatch.assess import cues
from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType
from leakwatch.frozen import Frozen
from leakwatch.normalize import NormalizedText, normalize, normalize_token

#: Entity types that can be attributes of a person.
ATTRIBUTE_TYPES = frozenset(
    {
        EntityType.PHONE_NUMBER,
        EntityType.IQ_NATIONAL_ID,
        EntityType.IQ_CIVIL_ID,
        EntityType.IQ_PASSPORT,
        EntityType.IQ_RESIDENCE_CARD,
        EntityType.ADDRESS,
        EntityType.DATE_OF_BIRTH,
        EntityType.EMAIL_ADDRESS,
        EntityType.IBAN_CODE,
        EntityType.CREDIT_CARD,
        EntityType.VEHICLE_PLATE,
    }
)


class PersonRecord(Frozen):
    """A name with what the message says about that person."""

    __slots__ = ("attributes", "family", "mother", "name", "public", "workplace")
    _NAMES: ClassVar = ("name", "attributes", "family", "mother", "workplace", "public")

    def __init__(
        self,
        name: Finding,
        attributes: tuple[Finding, ...],
        family: tuple[Finding, ...],
        mother: Finding | None,
        workplace: bool,
        public: bool,
    ) -> None:
        self.name: Final = name
        self.attributes: Final = attributes
        self.family: Final = family
        self.mother: Final = mother
        self.workplace: Final = workplace
        self.public: Final = public


class Spans:
    """A message and its normalized text: the normalized form of any span of the original.

    Normalization folds character by character, so normalizing `text[a:b]` gives the slice of
    the whole normalized text between the images of `a` and `b`; the cue checks slice instead
    of normalizing each window again. Where that does not hold (a capital sigma, whose
    lower-casing reads its neighbours, or a `norm` that is not `text`'s), windows are
    normalized one by one as before.
    """

    def __init__(self, text: str, norm: str, normalized: NormalizedText | None = None) -> None:
        if normalized is None or normalized.original != text or normalized.text != norm:
            normalized = normalize(text)
        self.text = text
        self.norm = norm
        self.offsets = normalized.offsets
        self.exact = normalized.text == norm and "\u03a3" not in text

    def of(self, start: int, end: int) -> str:
        """`normalize_token(text[start:end])` for 0 <= start."""
        if not self.exact:
            return normalize_token(self.text[start:end])
        x, y = self.bounds(start, end)
        return self.norm[x:y]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Where `of(start, end)` lies in `norm` (only when `exact`): norm[x:y], x <= y."""
        offsets = self.offsets
        if offsets is not None:
            start, end = bisect_left(offsets, start), bisect_left(offsets, end)
        size = len(self.norm)
        x = min(start, size)
        return x, max(x, min(end, size))

    def positions(self, cue_set: cues.CueSet, start: int, end: int) -> list[tuple[int, int]]:
        """`cue_set.positions(of(start, end))`, from the message's shared phrase pass when the
        window is a slice of `norm`."""
        if not self.exact:
            return cue_set.positions(self.of(start, end))
        x, y = self.bounds(start, end)
        return cue_set.positions_in(self.norm, x, y)

    def length(self, start: int, end: int) -> int:
        """len(of(start, end))."""
        if not self.exact:
            return len(self.of(start, end))
        x, y = self.bounds(start, end)
        return y - x


def cue_before(spans: Spans, start: int, cue_set: cues.CueSet, window: int) -> bool:
    """True if a cue of `cue_set` ends within `window` characters before `start`."""
    return _cue_in(spans, max(0, start - window), start, cue_set, window)


def cue_after(spans: Spans, end: int, cue_set: cues.CueSet, window: int) -> bool:
    """True if a cue of `cue_set` starts within `window` characters after `end`."""
    return bool(spans.positions(cue_set, end, end + window))


def _cue_in(spans: Spans, start: int, end: int, cue_set: cues.CueSet, window: int) -> bool:
    size = spans.length(start, end)
    if not size:
        return False
    low = size - window
    return any(cue_end >= low for _, cue_end in spans.positions(cue_set, start, end))


def _relation(spans: Spans, person: Finding) -> str:
    start = max(0, person.start - 16)
    if _cue_in(spans, start, person.start, cues.MOTHER, 16):
        return "mother"
    if _cue_in(spans, start, person.start, cues.FAMILY, 16):
        return "family"
    return "main"


def group_records(
    text: str, findings: list[Finding], public_context: bool, spans: Spans | None = None
) -> list[PersonRecord]:
    """Person records of a message, in text order (public-role names flagged, not dropped).

    `spans` is the message's `Spans` when the caller has it (it saves normalizing windows).
    """
    names = [f for f in findings if f.entity_type is EntityType.PERSON]
    if not names:
        return []
    if spans is None:
        normalized = normalize(text)
        spans = Spans(text, normalized.text, normalized)
    mains: list[Finding] = []
    relations: dict[int, list[tuple[str, Finding]]] = {}
    # Relations named before any main name ("Brother: …\nFull name: …", "کچ: …\nناوی تەواو: …")
    # wait for the first main name; with none at all, the first of them stands as the record.
    pending: list[tuple[str, Finding]] = []
    for person in names:
        kind = _relation(spans, person)
        if kind == "main":
            mains.append(person)
            relations[len(mains) - 1] = pending if len(mains) == 1 else []
        elif not mains:
            pending.append((kind, person))
        else:
            relations[len(mains) - 1].append((kind, person))
    if not mains:
        mains.append(pending[0][1])
        relations[0] = pending[1:]
    attributes: dict[int, list[Finding]] = {i: [] for i in range(len(mains))}
    for attr in findings:
        if attr.entity_type in ATTRIBUTE_TYPES:
            attributes[_owner(mains, attr)].append(attr)
    records = []
    for i, name in enumerate(mains):
        rel = relations[i]
        end = mains[i + 1].start if i + 1 < len(mains) else len(text)
        records.append(
            PersonRecord(
                name=name,
                attributes=tuple(attributes[i]),
                family=tuple(p for k, p in rel if k == "family"),
                mother=next((p for k, p in rel if k == "mother"), None),
                workplace=_workplace(spans, name.end, end)
                or (i == 0 and _workplace_line_before(spans, name.start)),
                public=name.public or public_context,
            )
        )
    return records


def _workplace(spans: Spans, start: int, end: int) -> bool:
    """A workplace cue in the first 120 characters after a name (up to the next name)."""
    if not spans.exact:
        return cues.WORKPLACE.search(spans.of(start, end)[:120])
    x, y = spans.bounds(start, end)
    return bool(cues.WORKPLACE.positions_in(spans.norm, x, min(y, x + 120)))


def _workplace_line_before(spans: Spans, start: int) -> bool:
    """A labelled workplace line ("الدائرة: …", "یەکە: …") above the post's first name."""
    window = spans.of(max(0, start - 120), start)
    for a, b in cues.WORKPLACE_LABEL.positions(window):
        line_start = window.rfind("\n", 0, a) + 1
        if window[b : b + 2].lstrip().startswith(":") and not any(
            c.isalnum() for c in window[line_start:a]
        ):
            return True
    return False


def _owner(mains: list[Finding], attr: Finding) -> int:
    """Index of the main name an attribute belongs to: the last one starting before it."""
    owner = 0
    for i, name in enumerate(mains):
        if name.start <= attr.start:
            owner = i
        else:
            break
    return owner
