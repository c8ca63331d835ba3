"""Provenance: where one person's data appears, where it appeared first, how it travelled.

The same value in two messages has the same keyed fingerprint (store.crypto), so tracing never
needs a raw value: `trace` follows fingerprints across channels, orders the sightings by time and
marks the earliest as the likely source. Forwarding chains come from `forwarded_from`, which a
Telegram export fills with the display name of the channel (or user) a post was forwarded from;
it is matched to stored channel titles. A name that matches no stored channel may be a person's
display name, so it is shown masked, never as written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leakwatch.entities import EntityType
from leakwatch.errors import NotFound, UsageError
from leakwatch.output.mask import mask
from leakwatch.store.db import Store
from leakwatch.store.models import Channel, FindingRow, StoredMessage
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

DEFAULT_LIMIT = 100
MIN_PREFIX = 8
_HEX = re.compile(r"[0-9a-f]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Sighting:
    """One message that carries the traced fingerprint."""

    channel_key: str
    channel_title: str | None
    message_id: int
    posted_at: datetime | None
    forwarded_from: str | None  # a stored channel's title, or a masked unknown name
    forwarded_from_key: str | None  # the stored channel it was forwarded from, if known
    verdict: str
    severity: str | None
    first_seen: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "channel": self.channel_key,
            "title": self.channel_title,
            "message_id": self.message_id,
            "posted_at": self.posted_at.isoformat() if self.posted_at else None,
            "forwarded_from": self.forwarded_from,
            "forwarded_from_channel": self.forwarded_from_key,
            "verdict": self.verdict,
            "severity": self.severity,
            "first_seen": self.first_seen,
        }


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a forwarding chain: a stored channel (and its message), or an unknown source."""

    label: str
    channel_key: str | None
    message_id: int | None

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "channel": self.channel_key, "message_id": self.message_id}


@dataclass(frozen=True, slots=True)
class FingerprintTrace:
    """Every sighting of one fingerprint, oldest first; the first is the likely source."""

    fingerprint: str
    entity_type: str
    masked: str
    messages: int
    channels: int
    sightings: tuple[Sighting, ...]  # at most the trace's limit, oldest first
    chains: tuple[tuple[Hop, ...], ...]  # origin first

    @property
    def source(self) -> Sighting | None:
        return self.sightings[0] if self.sightings else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "entity_type": self.entity_type,
            "masked": self.masked,
            "messages": self.messages,
            "channels": self.channels,
            "likely_source": self.source.as_dict() if self.source else None,
            "sightings": [s.as_dict() for s in self.sightings],
            "chains": [[h.as_dict() for h in chain] for chain in self.chains],
        }


@dataclass(frozen=True, slots=True)
class TraceView:
    """What `trace` found for a message (each of its fingerprints) or for one fingerprint."""

    target: str
    channel_key: str | None
    message_id: int | None
    traces: tuple[FingerprintTrace, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "channel": self.channel_key,
            "message_id": self.message_id,
            "fingerprints": [t.as_dict() for t in self.traces],
        }


def _norm_title(title: str) -> str:
    return _SPACES.sub(" ", title).strip().casefold()


@dataclass(frozen=True)
class _Row:
    """A sighting before ranking: the message row and its channel."""

    pk: int
    channel_id: int
    channel_key: str
    channel_title: str | None
    message_id: int
    posted_at: datetime | None
    when: datetime
    forwarded_from: str | None
    verdict: str
    severity: str | None


class _Channels:
    """Stored channels by id and by normalized title, for resolving `forwarded_from`."""

    def __init__(self, session: Session) -> None:
        self.by_id: dict[int, tuple[str, str | None]] = {}
        self.by_title: dict[str, int] = {}
        for cid, key, title in session.execute(
            select(Channel.id, Channel.key, Channel.title).order_by(Channel.id)
        ):
            self.by_id[cid] = (key, title)
            if title:
                self.by_title.setdefault(_norm_title(title), cid)

    def resolve(self, name: str | None) -> int | None:
        return self.by_title.get(_norm_title(name)) if name else None

    def label(self, cid: int) -> str:
        key, title = self.by_id[cid]
        return title or key


def parse_message_ref(ref: str) -> tuple[str, int]:
    """`<channel key or title>/<message id>` → (channel, message id)."""
    channel, sep, number = ref.strip().rpartition("/")
    if not sep or not channel or not number.strip().isdigit():
        raise UsageError(
            f"not a message reference: {ref!r}; write <channel key or title>/<message id>, "
            "e.g. telegram:1001/42"
        )
    return channel.strip(), int(number)


def _find_channel(session: Session, name: str) -> Channel:
    channel = session.scalars(select(Channel).where(Channel.key == name)).one_or_none()
    if channel is not None:
        return channel
    wanted = _norm_title(name)
    matches = [
        c
        for c in session.scalars(select(Channel).where(Channel.title.is_not(None)))
        if _norm_title(c.title or "") == wanted
    ]
    if not matches:
        raise NotFound(f"no stored channel with key or title {name!r}")
    if len(matches) > 1:
        keys = ", ".join(c.key for c in matches)
        raise UsageError(f"several channels are titled {name!r} ({keys}); use the key")
    return matches[0]


def _message_fingerprints(session: Session, ref: str) -> tuple[str, int, list[str]]:
    name, message_id = parse_message_ref(ref)
    channel = _find_channel(session, name)
    message = session.scalars(
        select(StoredMessage).where(
            StoredMessage.channel_id == channel.id, StoredMessage.message_id == message_id
        )
    ).one_or_none()
    if message is None:
        raise NotFound(f"channel {channel.key} has no stored message {message_id}")
    fingerprints = list(dict.fromkeys(f.fingerprint for f in message.findings))
    return channel.key, message_id, fingerprints


def _resolve_fingerprint(session: Session, fingerprint: str) -> str:
    fp = fingerprint.strip().lower()
    if not _HEX.fullmatch(fp) or len(fp) > 64:
        raise UsageError(f"a fingerprint is hexadecimal (up to 64 digits), not {fingerprint!r}")
    if len(fp) == 64:
        found = session.scalars(
            select(FindingRow.fingerprint).where(FindingRow.fingerprint == fp).limit(1)
        ).first()
        if found is None:
            raise NotFound(f"no finding has fingerprint {fp}")
        return fp
    if len(fp) < MIN_PREFIX:
        raise UsageError(f"a fingerprint prefix needs at least {MIN_PREFIX} hex digits")
    matches = session.scalars(
        select(FindingRow.fingerprint)
        .where(FindingRow.fingerprint.startswith(fp, autoescape=True))
        .distinct()
        .limit(2)
    ).all()
    if not matches:
        raise NotFound(f"no finding has a fingerprint starting {fp}")
    if len(matches) > 1:
        raise UsageError(f"fingerprint prefix {fp} is ambiguous; give more digits")
    return matches[0]


def _rows(session: Session, fingerprint: str) -> tuple[str, str, list[_Row]]:
    m = StoredMessage
    q = (
        select(FindingRow.entity_type, FindingRow.masked, m.id, m.channel_id, Channel.key,
               Channel.title, m.message_id, m.posted_at, m.ingested_at, m.forwarded_from,
               m.verdict, m.severity)
        .join(m, m.id == FindingRow.message_pk)
        .join(Channel, Channel.id == m.channel_id)
        .where(FindingRow.fingerprint == fingerprint)
    )  # fmt: skip
    seen: dict[int, tuple[_Row, str, str]] = {}
    for (
        etype,
        preview,
        pk,
        cid,
        key,
        title,
        mid,
        posted,
        ingested,
        fwd,
        verdict,
        sev,
    ) in session.execute(q):
        if pk not in seen:
            row = _Row(pk, cid, key, title, mid, posted, posted or ingested, fwd, verdict, sev)
            seen[pk] = (row, etype, preview)
    ordered = sorted(seen.values(), key=lambda t: (t[0].when, t[0].pk))
    if not ordered:
        return "", "", []
    _, entity_type, masked = ordered[0]
    return entity_type, masked, [row for row, _, _ in ordered]


def _origin(row: _Row, rows_by_channel: dict[int, list[_Row]], channels: _Channels) -> _Row | None:
    """The sighting `row` was most likely forwarded from: the latest one in the channel named by
    its `forwarded_from` at or before it (else that channel's earliest)."""
    cid = channels.resolve(row.forwarded_from)
    if cid is None:
        return None
    candidates = [r for r in rows_by_channel.get(cid, []) if r.pk != row.pk]
    before = [r for r in candidates if r.when <= row.when]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


def _hop_from_name(name: str, channels: _Channels) -> Hop:
    cid = channels.resolve(name)
    if cid is not None:
        return Hop(channels.label(cid), channels.by_id[cid][0], None)
    return Hop(f"unknown source {mask(EntityType.PERSON, name)}", None, None)


def _chains(rows: list[_Row], channels: _Channels) -> tuple[tuple[Hop, ...], ...]:
    """Forwarding chains ending at each sighting no other sighting was forwarded from."""
    by_channel: dict[int, list[_Row]] = defaultdict(list)
    for r in rows:
        by_channel[r.channel_id].append(r)
    origin = {r.pk: _origin(r, by_channel, channels) for r in rows if r.forwarded_from}
    parents = {o.pk for o in origin.values() if o is not None}
    chains: list[tuple[Hop, ...]] = []
    for leaf in rows:
        if leaf.pk in parents or not leaf.forwarded_from:
            continue
        hops = [Hop(leaf.channel_title or leaf.channel_key, leaf.channel_key, leaf.message_id)]
        visited = {leaf.pk}
        cur: _Row | None = leaf
        while cur is not None and cur.forwarded_from:
            nxt = origin.get(cur.pk)
            if nxt is None or nxt.pk in visited:
                if nxt is None:
                    hops.append(_hop_from_name(cur.forwarded_from, channels))
                break
            visited.add(nxt.pk)
            hops.append(Hop(nxt.channel_title or nxt.channel_key, nxt.channel_key, nxt.message_id))
            cur = nxt
        chain = tuple(reversed(hops))
        if chain not in chains:
            chains.append(chain)
    return tuple(chains)


def _sighting(row: _Row, first: bool, channels: _Channels) -> Sighting:
    fwd_label: str | None = None
    fwd_key: str | None = None
    if row.forwarded_from:
        hop = _hop_from_name(row.forwarded_from, channels)
        fwd_label, fwd_key = hop.label, hop.channel_key
    return Sighting(
        row.channel_key, row.channel_title, row.message_id, row.posted_at, fwd_label, fwd_key,
        row.verdict, row.severity, first,
    )  # fmt: skip


def _trace_one(
    session: Session, fingerprint: str, channels: _Channels, limit: int
) -> FingerprintTrace:
    entity_type, masked, rows = _rows(session, fingerprint)
    sightings = tuple(_sighting(r, i == 0, channels) for i, r in enumerate(rows[:limit]))
    return FingerprintTrace(
        fingerprint=fingerprint,
        entity_type=entity_type,
        masked=masked,
        messages=len(rows),
        channels=len({r.channel_id for r in rows}),
        sightings=sightings,
        chains=_chains(rows, channels),
    )


def trace(
    store: Store,
    principal: Principal,
    *,
    message: str | None = None,
    fingerprint: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> TraceView:
    """Trace every fingerprint of `message` (`<channel key or title>/<message id>`), or one
    `fingerprint` (64 hex digits, or a unique prefix of at least 8).

    Each fingerprint comes back with its sightings across channels, oldest first (at most
    `limit`; `messages` counts them all), the first marked as the likely source, and the
    forwarding chains among them. Values are shown only as their masked previews.
    """
    if (message is None) == (fingerprint is None):
        raise UsageError("trace needs a message reference or a fingerprint, not both or neither")
    if limit < 1:
        raise UsageError("the number of sightings shown must be at least 1")
    require(principal, Operation.TRACE)
    with store.session() as s:
        channels = _Channels(s)
        if message is not None:
            key, message_id, fingerprints = _message_fingerprints(s, message)
            traces = tuple(_trace_one(s, fp, channels, limit) for fp in fingerprints)
            return TraceView(message, key, message_id, traces)
        fp = _resolve_fingerprint(s, fingerprint or "")
        return TraceView(fp, None, None, (_trace_one(s, fp, channels, limit),))
