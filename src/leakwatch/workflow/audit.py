"""Append-only, hash-chained audit events, written in the caller's transaction.

Each event's hash covers its sequence number, its content and the previous event's hash, and the
chain head (`audit_head`) is updated in the same transaction, so `verify` detects an edited, a
deleted (anywhere, the last one included) or a reordered event. Writers take a lock first (an
advisory lock on PostgreSQL; SQLite transactions already begin IMMEDIATE), so the chain never forks.
Payloads carry ids, counts and codes, never personal data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from leakwatch.store.models import AuditEvent, AuditHead, utcnow

GENESIS = "0" * 64
_PG_LOCK = 0x1EA4


class EventType(StrEnum):
    USER_ADDED = "user_added"
    INGESTED = "ingested"
    CASE_OPENED = "case_opened"
    CASE_UPDATED = "case_updated"
    DECIDED = "decided"
    ACTION_RECORDED = "action_recorded"
    NOTICE_RECEIVED = "notice_received"
    NOTICE_ACKNOWLEDGED = "notice_acknowledged"
    NOTICE_RESPONDED = "notice_responded"
    APPEAL_FILED = "appeal_filed"
    APPEAL_DECIDED = "appeal_decided"
    REVEALED = "revealed"
    PURGED = "purged"
    REPORT_EXPORTED = "report_exported"


def _digest(
    seq: int, at: datetime, actor: str, event: str, subject: str, payload: dict[str, Any], prev: str
) -> str:
    body = json.dumps(
        [seq, at.isoformat(), actor, event, subject, payload, prev],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})


def record(
    session: Session,
    actor: str,
    event: EventType,
    subject: str,
    payload: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain inside `session`'s transaction."""
    _lock(session)
    head = session.get(AuditHead, 1)
    seq = (head.seq if head else 0) + 1
    prev = head.hash if head else GENESIS
    at = utcnow()
    body = dict(payload or {})
    digest = _digest(seq, at, actor, event.value, subject, body, prev)
    row = AuditEvent(
        seq=seq,
        at=at,
        actor=actor,
        event=event.value,
        subject=subject,
        payload=body,
        prev_hash=prev,
        hash=digest,
    )
    session.add(row)
    if head is None:
        session.add(AuditHead(id=1, seq=seq, hash=digest))
    else:
        head.seq, head.hash = seq, digest
    session.flush()
    return row


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What `verify` found: ok, how many events, the head hash, the first problem if any."""

    ok: bool
    events: int
    head: str
    problem: str | None = None


def verify(session: Session) -> VerifyReport:
    """Walk the chain in sequence order and check every link, then the recorded head."""
    prev = GENESIS
    expected = 1
    count = 0
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        count += 1
        if ev.seq != expected:
            return VerifyReport(
                False, count, prev, f"event {expected} is missing (next is {ev.seq})"
            )
        if ev.prev_hash != prev:
            return VerifyReport(
                False, count, prev, f"event {ev.seq} does not follow event {ev.seq - 1}"
            )
        digest = _digest(ev.seq, ev.at, ev.actor, ev.event, ev.subject, ev.payload, ev.prev_hash)
        if digest != ev.hash:
            return VerifyReport(
                False, count, prev, f"event {ev.seq} was altered after it was written"
            )
        prev = ev.hash
        expected += 1
    head = session.get(AuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != count or head_hash != prev:
        return VerifyReport(
            False, count, prev, f"the chain ends at event {count} but its head says {head_seq}"
        )
    return VerifyReport(True, count, prev)
