"""One channel over time: leak messages per month by severity, where its stored messages came
from (the ingested sources, and the channels its posts were forwarded from), and its cases.

Counts, codes, channel keys and titles only. A `forwarded_from` name that matches no stored
channel may be a person's display name, so it is counted, never shown (workflow.trace masks the
same names); sources are the export files an analyst ingested.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from leakwatch.entities import Severity
from leakwatch.errors import NotFound
from leakwatch.store.db import Store
from leakwatch.store.models import Case, Channel, StoredMessage
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
        for posted, ingested, verdict, severity, forwarded in rows:
            total += 1
            undated += posted is None
            tally = months.setdefault(f"{(posted or ingested):%Y-%m}", Counter())
            tally["messages"] += 1
            if verdict == "leak":
                tally["leaks"] += 1
                tally[severity or "none"] += 1
            if forwarded:
                forwards[_norm(forwarded)] += 1
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
                )
                for m, t in sorted(months.items())
            ),
            tuple((src, int(n)) for src, n in sources),
            tuple(known.most_common(TOP)),
            sum(forwards.values()) - sum(known.values()),
            tuple(CaseRef(c.id, c.kind, c.status, c.opened_at) for c in cases),
        )
