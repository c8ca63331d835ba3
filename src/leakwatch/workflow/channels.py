"""Channel risk: which channels are the sources of leaks, ranked for review.

For a channel with messages M, leak messages L (verdict `leak`) and people exposed P:

    W     = Σ over L of  rank(severity) × (0.1 + 0.9 × 0.5 ** (age_days / 30))   weighted leaks
    rate  = |L| / |M|                                                  leak rate
    score = W × (1 + log2(1 + P)) × (0.5 + 0.5 × rate)

- `rank` is the severity rank (low 1, medium 2, high 3, critical 4), so one critical leak weighs
  as much as four low ones.
- `age_days` is measured from `now` to the message's `posted_at` (its ingest time when the export
  had no date); the recent part of the weight halves every 30 days, so a channel that stopped
  leaking falls behind one that leaks today, while a floor of 0.1 keeps history counting (an old
  export is still ranked by what it exposed). Future dates count as age 0.
- P, people exposed, is counted by fingerprints, never by values: the distinct PERSON fingerprints
  in the channel's leak messages, plus the distinct identifier fingerprints (phone, ID, passport,
  IBAN, card, e-mail, plate) that appear in the channel's leak messages but never in one that
  names someone (policy clause 2: an identifier framed as someone's is one person). An
  identifier seen next to a name belongs to that name's person and is not counted again. The
  logarithm lets reach count without one bulk list drowning every other signal.
- The rate term moves the score by at most a factor two: a large channel with a small leak share
  still ranks by its leaks, but of two channels with equal leaks the one that is mostly leaks
  ranks first.

A channel without leaks scores exactly 0. Views carry channel keys, titles and numbers only.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leakwatch.entities import IDENTIFIERS, EntityType, Severity, Verdict
from leakwatch.errors import UsageError
from leakwatch.store.db import Store
from leakwatch.store.models import Channel, FindingRow, StoredMessage, utcnow
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

HALF_LIFE_DAYS = 30.0
HISTORY_FLOOR = 0.1
_PERSON = EntityType.PERSON.value
_IDENTIFIER_TYPES = frozenset(t.value for t in IDENTIFIERS)
_SEVERITIES = tuple(s.value for s in Severity)
#: Finding types that count people exposed (a name or an identifier).
PEOPLE_TYPES: tuple[str, ...] = (_PERSON, *sorted(_IDENTIFIER_TYPES))


def decay(age_days: float, half_life: float = HALF_LIFE_DAYS) -> float:
    """The weight of a leak `age_days` old: 1 today, 0.55 after one half-life, never below 0.1."""
    recent = float(0.5 ** (max(age_days, 0.0) / half_life))
    return HISTORY_FLOOR + (1 - HISTORY_FLOOR) * recent


def severity_rank(severity: str | None) -> int:
    """A leak's severity rank; a leak stored without one counts as low."""
    try:
        return Severity(severity).rank if severity else 1
    except ValueError:
        return 1


def risk_score(weighted_leaks: float, people: int, leak_rate: float) -> float:
    """The channel score from its parts (see the module docstring)."""
    if weighted_leaks <= 0:
        return 0.0
    return weighted_leaks * (1 + math.log2(1 + people)) * (0.5 + 0.5 * leak_rate)


@dataclass(frozen=True, slots=True)
class ChannelScore:
    """One channel's rank, score and the numbers behind it."""

    rank: int
    key: str
    title: str | None
    messages: int
    leaks: int
    leak_rate: float
    people: int
    critical: int
    high: int
    medium: int
    low: int
    weighted_leaks: float
    last_leak_at: datetime | None
    restricted: bool
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "key": self.key,
            "title": self.title,
            "score": float(f"{self.score:.6g}"),
            "messages": self.messages,
            "leaks": self.leaks,
            "leak_rate": round(self.leak_rate, 4),
            "people": self.people,
            "severity": {
                "critical": self.critical,
                "high": self.high,
                "medium": self.medium,
                "low": self.low,
            },
            "weighted_leaks": float(f"{self.weighted_leaks:.6g}"),
            "last_leak_at": self.last_leak_at.isoformat() if self.last_leak_at else None,
            "restricted": self.restricted,
        }


@dataclass
class _Tally:
    """Running numbers for one channel while the rows stream past."""

    messages: int = 0
    leaks: int = 0
    weighted: float = 0.0
    last_leak_at: datetime | None = None
    by_severity: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_SEVERITIES, 0))


def people_exposed(rows: Iterable[tuple[int, str, str]]) -> int:
    """Distinct people in (message, entity type, fingerprint) rows of one channel's leaks.

    PERSON fingerprints count once each; an identifier fingerprint counts only if it never
    appears in a message that names someone (see the module docstring).
    """
    named: set[int] = set()
    persons: set[str] = set()
    identifiers: dict[str, set[int]] = defaultdict(set)
    for message, entity_type, fingerprint in rows:
        if entity_type == _PERSON:
            named.add(message)
            persons.add(fingerprint)
        elif entity_type in _IDENTIFIER_TYPES:
            identifiers[fingerprint].add(message)
    unnamed = {fp for fp, messages in identifiers.items() if not messages & named}
    return len(persons) + len(unnamed)


def _tallies(session: Session, now: datetime) -> dict[int, _Tally]:
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    counts = select(StoredMessage.channel_id, func.count()).group_by(StoredMessage.channel_id)
    for channel_id, count in session.execute(counts):
        tallies[channel_id].messages = count
    leaks = select(
        StoredMessage.channel_id,
        StoredMessage.severity,
        StoredMessage.posted_at,
        StoredMessage.ingested_at,
    ).where(StoredMessage.verdict == Verdict.LEAK.value)
    for channel_id, severity, posted_at, ingested_at in session.execute(leaks):
        t = tallies[channel_id]
        when: datetime = posted_at or ingested_at
        t.leaks += 1
        rank = severity_rank(severity)
        t.by_severity[_SEVERITIES[rank - 1]] += 1
        t.weighted += rank * decay((now - when).total_seconds() / 86400)
        if t.last_leak_at is None or when > t.last_leak_at:
            t.last_leak_at = when
    return tallies


def _people(session: Session) -> dict[int, int]:
    rows = (
        select(
            StoredMessage.channel_id,
            FindingRow.message_pk,
            FindingRow.entity_type,
            FindingRow.fingerprint,
        )
        .join(StoredMessage, StoredMessage.id == FindingRow.message_pk)
        .where(
            StoredMessage.verdict == Verdict.LEAK.value,
            FindingRow.entity_type.in_(PEOPLE_TYPES),
        )
        .distinct()
    )
    per_channel: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for channel_id, message, entity_type, fingerprint in session.execute(rows):
        per_channel[channel_id].append((message, entity_type, fingerprint))
    return {cid: people_exposed(found) for cid, found in per_channel.items()}


def channel_scores(
    store: Store, principal: Principal, now: datetime | None = None, limit: int | None = None
) -> list[ChannelScore]:
    """Every channel ranked by risk score, highest first (ties: more leaks, then key).

    `now` anchors the recency decay (default: the current time); `limit` keeps the first N.
    """
    if limit is not None and limit < 1:
        raise UsageError("the number of channels shown must be at least 1")
    at = now or utcnow()
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    require(principal, Operation.VIEW_CHANNELS)
    with store.session() as s:
        tallies = _tallies(s, at)
        people = _people(s)
        channels = s.execute(select(Channel.id, Channel.key, Channel.title, Channel.restricted))
        unranked = [_score(key, title, bool(restricted), tallies.get(cid), people.get(cid, 0))
                    for cid, key, title, restricted in channels]  # fmt: skip
    unranked.sort(key=lambda c: (-c.score, -c.leaks, c.key))
    ranked = [replace(c, rank=i) for i, c in enumerate(unranked, 1)]
    return ranked[:limit] if limit else ranked


def _score(
    key: str, title: str | None, restricted: bool, tally: _Tally | None, people: int
) -> ChannelScore:
    t = tally or _Tally()
    rate = t.leaks / t.messages if t.messages else 0.0
    return ChannelScore(
        rank=0,
        key=key,
        title=title,
        messages=t.messages,
        leaks=t.leaks,
        leak_rate=rate,
        people=people,
        critical=t.by_severity["critical"],
        high=t.by_severity["high"],
        medium=t.by_severity["medium"],
        low=t.by_severity["low"],
        weighted_leaks=t.weighted,
        last_leak_at=t.last_leak_at,
        restricted=restricted,
        score=risk_score(t.weighted, people, rate),
    )
