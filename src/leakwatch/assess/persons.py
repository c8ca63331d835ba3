"""Group findings into person records: which attributes belong to which name.

The rule is positional, as posts are written: an attribute belongs to the nearest main name
before it (or, with none before, the first one after); a name introduced by a kinship cue
("زوجته", "his wife", "کوڕی") or a mother cue is a relation of the record before it, not a
record of its own. A new main name starts a new record, so a numbered list of people becomes
one record per line.
"""

from __future__ import annotations

from dataclasses import dataclass

from leakwatch.assess import cues
from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType
from leakwatch.normalize import normalize_token

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

_CUE_WINDOW = 24


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A name with what the message says about that person."""

    name: Finding
    attributes: tuple[Finding, ...]
    family: tuple[Finding, ...]
    mother: Finding | None
    workplace: bool
    public: bool


def cue_before(text: str, start: int, cue_set: cues.CueSet, window: int = _CUE_WINDOW) -> bool:
    """True if a cue of `cue_set` ends within `window` characters before `start`."""
    snippet = normalize_token(text[max(0, start - window) : start])
    return any(end >= len(snippet) - window for _, end in cue_set.positions(snippet))


def cue_after(text: str, end: int, cue_set: cues.CueSet, window: int = _CUE_WINDOW) -> bool:
    """True if a cue of `cue_set` starts within `window` characters after `end`."""
    return cue_set.search(normalize_token(text[end : end + window]))


def _relation(text: str, person: Finding) -> str:
    if cue_before(text, person.start, cues.MOTHER, 16):
        return "mother"
    if cue_before(text, person.start, cues.FAMILY, 16):
        return "family"
    return "main"


def group_records(text: str, findings: list[Finding], public_context: bool) -> list[PersonRecord]:
    """Person records of a message, in text order (public-role names flagged, not dropped)."""
    names = [f for f in findings if f.entity_type is EntityType.PERSON]
    if not names:
        return []
    mains: list[Finding] = []
    relations: dict[int, list[tuple[str, Finding]]] = {}
    for person in names:
        kind = _relation(text, person)
        if kind == "main" or not mains:
            mains.append(person)
            relations[len(mains) - 1] = []
        else:
            relations[len(mains) - 1].append((kind, person))
    attributes: dict[int, list[Finding]] = {i: [] for i in range(len(mains))}
    for attr in findings:
        if attr.entity_type in ATTRIBUTE_TYPES:
            attributes[_owner(mains, attr)].append(attr)
    records = []
    for i, name in enumerate(mains):
        rel = relations[i]
        end = mains[i + 1].start if i + 1 < len(mains) else len(text)
        segment = normalize_token(text[name.end : end])
        records.append(
            PersonRecord(
                name=name,
                attributes=tuple(attributes[i]),
                family=tuple(p for k, p in rel if k == "family"),
                mother=next((p for k, p in rel if k == "mother"), None),
                workplace=cues.WORKPLACE.search(segment[:120]),
                public="public" in name.why or public_context,
            )
        )
    return records


def _owner(mains: list[Finding], attr: Finding) -> int:
    """Index of the main name an attribute belongs to: the last one starting before it."""
    owner = 0
    for i, name in enumerate(mains):
        if name.start <= attr.start:
            owner = i
        else:
            break
    return owner
