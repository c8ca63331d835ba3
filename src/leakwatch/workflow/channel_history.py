"""One channel over time: leak messages per month by severity, where its stored messages came
from (the ingested sources, and the channels its posts were forwarded from), and its cases.

Counts, codes, channel keys and titles only. A `forwarded_from` name that matches no stored
channel may be a person's display name, so it is counted, never shown (workflow.trace masks the
same names); sources are the export files an analyst ingested.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leakwatch.entities import Severity, Verdict
from leakwatch.errors import NotFound
from leakwatch.store.db import Store
from leakwatch.store.models import Case, Channel, FindingRow, StoredMessage, utcnow
from leakwatch.workflow.channels import (
    PEOPLE_TYPES,
    decay,
    people_exposed,
    risk_score,
    severity_rank,
)
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

#: The most sources and forwarding channels listed (the rest are counted together).
TOP = 20


@dataclass(frozen=True, slots=True)
class MonthCount:
    """One calendar month (UTC) of a channel's messages, by when they were posted."""

    month: str  # YYYY-MM
    messages: int
    leaks: int
    by_severity: tuple[tuple[str, int], ...]
    risk: float = 0.0  # the channel's risk score at the month's end (workflow.channels)


@dataclass(frozen=True, slots=True)
class CaseRef:
    id: int
    kind: str
    status: str
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class ChannelHistory:
    key: str
    title: str | None
    restricted: bool
    first_ingested_at: datetime
    last_ingested_at: datetime
    messages: int
    undated: int  # messages without a posting date, counted by their ingest month
    months: tuple[MonthCount, ...]  # oldest first
    sources: tuple[tuple[str, int], ...]  # ingested source, messages; most first
    forwarded_from: tuple[tuple[str, int], ...]  # stored channel title or key, messages
    forwarded_unknown: int  # forwarded from a name that is no stored channel
    cases: tuple[CaseRef, ...]


def _norm(title: str) -> str:
    return " ".join(title.split()).casefold()


def channel_history(store: Store, principal: Principal, key: str) -> ChannelHistory:
    """The history of the channel stored under `key` (analyst, reviewer, auditor, admin)."""
    require(principal, Operation.VIEW_CHANNELS)
    with store.session() as s:
        ch = s.scalars(select(Channel).where(Channel.key == key)).one_or_none()
        if ch is None:
            raise NotFound(f"no stored channel {key[:100]!r}")
        months: dict[str, Counter[str]] = {}
        undated = 0
        forwards: Counter[str] = Counter()
        rows = s.execute(
            select(
                StoredMessage.posted_at,
                StoredMessage.ingested_at,
                StoredMessage.verdict,
                StoredMessage.severity,
                StoredMessage.forwarded_from,
            ).where(StoredMessage.channel_id == ch.id)
        )
        total = 0
        posts: list[datetime] = []
        leaks: list[tuple[datetime, int]] = []
        for posted, ingested, verdict, severity, forwarded in rows:
            total += 1
            undated += posted is None
            when = _utc(posted or ingested)
            posts.append(when)
            tally = months.setdefault(f"{when:%Y-%m}", Counter())
            tally["messages"] += 1
            if verdict == "leak":
                tally["leaks"] += 1
                tally[severity or "none"] += 1
                leaks.append((when, severity_rank(severity)))
            if forwarded:
                forwards[_norm(forwarded)] += 1
        risks = _risk_by_month(s, ch.id, sorted(months), posts, leaks)
        titles = {
            _norm(t): t or k
            for k, t in s.execute(select(Channel.key, Channel.title))
            if t is not None
        }
        known = Counter({titles[n]: c for n, c in forwards.items() if n in titles})
        sources = s.execute(
            select(StoredMessage.source, func.count())
            .where(StoredMessage.channel_id == ch.id)
            .group_by(StoredMessage.source)
            .order_by(func.count().desc(), StoredMessage.source)
            .limit(TOP)
        ).all()
        cases = s.scalars(select(Case).where(Case.channel_id == ch.id).order_by(Case.id))
        return ChannelHistory(
            ch.key,
            ch.title,
            ch.restricted,
            ch.first_ingested_at,
            ch.last_ingested_at,
            total,
            undated,
            tuple(
                MonthCount(
                    m,
                    t["messages"],
                    t["leaks"],
                    tuple((sev.value, t[sev.value]) for sev in Severity if t[sev.value]),
                    risks[m],
                )
                for m, t in sorted(months.items())
            ),
            tuple((src, int(n)) for src, n in sources),
            tuple(known.most_common(TOP)),
            sum(forwards.values()) - sum(known.values()),
            tuple(CaseRef(c.id, c.kind, c.status, c.opened_at) for c in cases),
        )


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _month_end(month: str) -> datetime:
    year, number = int(month[:4]), int(month[5:7])
    if number == 12:
        return datetime(year + 1, 1, 1, tzinfo=UTC)
    return datetime(year, number + 1, 1, tzinfo=UTC)


def _risk_by_month(
    s: Session,
    channel_id: int,
    months: list[str],
    posts: list[datetime],
    leaks: list[tuple[datetime, int]],
) -> dict[str, float]:
    """The risk score the channel ranking would have given at each month's end (or now, for
    the current month): the same decay, people and leak rate, counting only what was posted
    by then. One channel's messages, so a pass per month stays small."""
    rows = s.execute(
        select(
            StoredMessage.posted_at,
            StoredMessage.ingested_at,
            FindingRow.message_pk,
            FindingRow.entity_type,
            FindingRow.fingerprint,
        )
        .join(StoredMessage, StoredMessage.id == FindingRow.message_pk)
        .where(
            StoredMessage.channel_id == channel_id,
            StoredMessage.verdict == Verdict.LEAK.value,
            FindingRow.entity_type.in_(PEOPLE_TYPES),
        )
        .distinct()
    )
    found = [(_utc(p or i), (pk, et, fp)) for p, i, pk, et, fp in rows]
    now = utcnow()
    out: dict[str, float] = {}
    for month in months:
        end = min(_month_end(month), _utc(now))
        shown = sum(1 for when in posts if when < end)
        upto = [(when, rank) for when, rank in leaks if when < end]
        weighted = sum(rank * decay((end - when).total_seconds() / 86400) for when, rank in upto)
        people = people_exposed(row for when, row in found if when < end)
        out[month] = risk_score(weighted, people, len(upto) / shown if shown else 0.0)
    return out
