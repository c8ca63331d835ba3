"""Write one batch of scanned messages in one transaction: channels, messages, findings,
checkpoints and the audit event commit together or not at all.

That is what makes ingest crash-safe: a batch killed half-way leaves nothing, a committed batch is
complete, and a message already stored (a re-run, an overlapping export, ids out of order) is
skipped because the batch asks which of its ids exist before inserting; the unique constraint on
(channel, message id) backs that check against a concurrent ingest, and the batch is retried.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, case, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from leakwatch.errors import StoreError
from leakwatch.store.db import Store
from leakwatch.store.message_rows import PendingMessage
from leakwatch.store.models import Channel, FindingRow, StoredMessage, utcnow
from leakwatch.workflow.audit import EventType, record

log = logging.getLogger(__name__)

MESSAGES = cast(Table, StoredMessage.__table__)
FINDINGS = cast(Table, FindingRow.__table__)
CHANNELS = cast(Table, Channel.__table__)
_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What one batch added (`already_stored`: messages the store had before)."""

    stored: int
    already_stored: int
    leaks: int
    findings: int


def write_batch(store: Store, actor: str, batch: Sequence[PendingMessage]) -> BatchResult:
    """Store `batch` in one transaction; a concurrent writer's duplicate makes it retry."""
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            with store.session() as s:
                return _write(s, actor, batch)
        except IntegrityError as exc:
            log.debug("batch conflicted with a concurrent ingest (attempt %d)", attempt)
            if attempt == _ATTEMPTS:
                raise StoreError("ingest kept conflicting with a concurrent ingest") from exc
    raise AssertionError("unreachable")


def _channel_ids(s: Session, batch: Sequence[PendingMessage]) -> dict[str, int]:
    """Ids of the batch's channels, inserting the new ones."""
    wanted: dict[str, PendingMessage] = {}
    for p in batch:
        wanted.setdefault(p.key, p)
    ids = {
        key: cid
        for cid, key in s.execute(
            select(CHANNELS.c.id, CHANNELS.c.key).where(CHANNELS.c.key.in_(wanted))
        )
    }
    now = utcnow()
    new: list[dict[str, Any]] = [
        {
            "key": k,
            "title": p.title,
            "platform_id": p.platform_id,
            "first_ingested_at": now,
            "last_ingested_at": now,
        }
        for k, p in wanted.items()
        if k not in ids
    ]
    if new:
        stmt = insert(CHANNELS).returning(CHANNELS.c.id, sort_by_parameter_order=True)
        for row, cid in zip(new, s.scalars(stmt, new), strict=True):
            ids[row["key"]] = cid
    return ids


def _existing(s: Session, channel_id: int, message_ids: list[int]) -> set[int]:
    q = select(MESSAGES.c.message_id).where(
        MESSAGES.c.channel_id == channel_id, MESSAGES.c.message_id.in_(message_ids)
    )
    return set(s.scalars(q))


def _row_ids(
    s: Session, ids: dict[str, int], fresh: list[PendingMessage]
) -> dict[tuple[str, int], int]:
    """The new rows' primary keys, looked up by (channel, message id) through the unique index.

    A plain executemany plus one indexed query is much faster than `INSERT … RETURNING` in
    parameter order, which SQLite can only do one row per statement."""
    wanted: dict[str, list[int]] = {}
    for p in fresh:
        wanted.setdefault(p.key, []).append(p.message_id)
    pks: dict[tuple[str, int], int] = {}
    for key, mids in wanted.items():
        q = select(MESSAGES.c.message_id, MESSAGES.c.id).where(
            MESSAGES.c.channel_id == ids[key], MESSAGES.c.message_id.in_(mids)
        )
        pks.update(((key, mid), pk) for mid, pk in s.execute(q))
    return pks


def _write(s: Session, actor: str, batch: Sequence[PendingMessage]) -> BatchResult:
    ids = _channel_ids(s, batch)
    by_channel: dict[str, list[int]] = {}
    for p in batch:
        by_channel.setdefault(p.key, []).append(p.message_id)
    taken = {key: _existing(s, ids[key], mids) for key, mids in by_channel.items()}
    fresh: list[PendingMessage] = []
    for p in batch:
        seen = taken[p.key]
        if p.message_id not in seen:
            seen.add(p.message_id)  # an id twice in one batch is stored once
            fresh.append(p)
    if not fresh:
        return BatchResult(0, len(batch), 0, 0)

    s.execute(insert(MESSAGES), [{**p.row, "channel_id": ids[p.key]} for p in fresh])
    pks = _row_ids(s, ids, fresh)
    finding_rows = [
        {**f, "message_pk": pks[p.key, p.message_id]} for p in fresh for f in p.findings
    ]
    if finding_rows:
        s.execute(insert(FINDINGS), finding_rows)

    summary: dict[str, dict[str, Any]] = {}
    for p in fresh:
        c = summary.setdefault(p.key, {"stored": 0, "leaks": 0, "findings": 0})
        c["stored"] += 1
        c["leaks"] += int(p.is_leak)
        c["findings"] += len(p.findings)
        c["from"] = min(c.get("from", p.message_id), p.message_id)
        c["to"] = max(c.get("to", p.message_id), p.message_id)
    now = utcnow()
    for key, c in summary.items():
        top = c["to"]
        checkpoint = case(
            (CHANNELS.c.last_message_id.is_(None), top),
            (CHANNELS.c.last_message_id < top, top),
            else_=CHANNELS.c.last_message_id,
        )
        s.execute(
            update(CHANNELS)
            .where(CHANNELS.c.id == ids[key])
            .values(last_message_id=checkpoint, last_ingested_at=now)
        )

    leaks = sum(c["leaks"] for c in summary.values())
    subject = f"channel:{next(iter(summary))}" if len(summary) == 1 else "channels"
    record(
        s,
        actor,
        EventType.INGESTED,
        subject[:100],
        {
            "stored": len(fresh),
            "already_stored": len(batch) - len(fresh),
            "leaks": leaks,
            "findings": len(finding_rows),
            "channels": summary,
        },
    )
    log.debug(
        "stored %d messages (%d findings) in %d channel(s)", len(fresh), len(finding_rows),
        len(summary),
    )  # fmt: skip
    return BatchResult(len(fresh), len(batch) - len(fresh), leaks, len(finding_rows))
