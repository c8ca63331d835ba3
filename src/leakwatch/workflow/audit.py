"""Append-only, HMAC-chained audit events, written in the caller's transaction.

Each event's link is an HMAC, under an audit key derived from the store's master key (HKDF label
"leakwatch audit v1", apart from the text and fingerprint keys) and held outside the database, over
its sequence number, its content and the previous link. The chain head (`audit_head`) carries an
HMAC of its own over (seq, link), so `verify` detects an edited, a deleted (anywhere, the last one
included, even with the head moved back) or a reordered event, and a chain rewritten by someone
who can write the database but does not hold the key. Events written before the chain was keyed
(`audit_legacy`, store.keybind) keep their plain SHA-256 links and are reported as such; an anchor
(`anchor`) exported outside the store also proves that nothing after it was dropped wholesale.
Writers take a lock first (an advisory lock on PostgreSQL; SQLite transactions already begin
IMMEDIATE), so the chain never forks. Payloads carry ids, counts and codes, never personal data.
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

from leakwatch.errors import StoreError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import KEYS_INFO
from leakwatch.store.meta import KEY_CHECK, legacy_events, meta
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
    KEY_BOUND = "key_bound"
    KEY_ROTATED = "key_rotated"
    MESSAGES_EXCLUDED = "messages_excluded"
    TOKEN_CREATED = "token_created"
    TOKEN_REVOKED = "token_revoked"
    PASSWORD_SET = "password_set"
    LOGIN_LOCKED = "login_locked"
    WEBHOOK_ADDED = "webhook_added"
    WEBHOOK_REMOVED = "webhook_removed"
    WEBHOOK_REPLAYED = "webhook_replayed"
    WEBHOOK_SECRET_ROTATED = "webhook_secret_rotated"


def _digest(
    keys: KeyRing | None,
    seq: int,
    at: datetime,
    actor: str,
    event: str,
    subject: str,
    payload: dict[str, Any],
    prev: str,
) -> str:
    """The event's link: an HMAC under the audit key (`keys` None: a legacy, unkeyed SHA-256)."""
    body = json.dumps(
        [seq, at.isoformat(), actor, event, subject, payload, prev],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    return keys.audit_mac(body) if keys else hashlib.sha256(body).hexdigest()


def head_mac(keys: KeyRing, seq: int, link: str) -> str:
    """The head's own HMAC: not derivable from any event, so an older head cannot be restored."""
    return keys.audit_mac(f"leakwatch audit head\x00{seq}\x00{link}".encode())


def session_keys(session: Session) -> KeyRing:
    """The store's keys the session carries (Store.keys); the audit chain cannot work without."""
    keys = session.info.get(KEYS_INFO)
    if not isinstance(keys, KeyRing):
        raise StoreError("the audit log needs the store's key: open the store with its key")
    return keys


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
    keys = session_keys(session)
    _lock(session)
    head = session.get(AuditHead, 1)
    seq = (head.seq if head else 0) + 1
    prev = head.hash if head else GENESIS
    at = utcnow()
    body = dict(payload or {})
    digest = _digest(keys, seq, at, actor, event.value, subject, body, prev)
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
    mac = head_mac(keys, seq, digest)
    if head is None:
        session.add(AuditHead(id=1, seq=seq, hash=digest, mac=mac))
    else:
        head.seq, head.hash, head.mac = seq, digest, mac
    session.flush()
    return row


def relink(session: Session, keys: KeyRing, legacy: int) -> int:
    """Re-link every keyed event (after the first `legacy`) and the head under `keys`, in order;
    for a key rotation, after `verify` passed under the old key. Returns how many were re-linked."""
    _lock(session)
    head = session.get(AuditHead, 1)
    prev = GENESIS
    count = 0
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        if ev.seq > legacy:
            ev.prev_hash = prev
            ev.hash = _digest(keys, ev.seq, ev.at, ev.actor, ev.event, ev.subject, ev.payload, prev)
            count += 1
        prev = ev.hash
    session.flush()
    if head is not None:
        head.hash = prev
        head.mac = head_mac(keys, head.seq, prev) if head.seq > legacy else None
    session.flush()
    return count


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What `verify` found: ok, how many events, the head hash, the first problem if any, and how
    many of the first events predate the keyed chain (`legacy`)."""

    ok: bool
    events: int
    head: str
    problem: str | None = None
    legacy: int = 0


def verify(session: Session) -> VerifyReport:
    """Walk the chain in sequence order and check every link, then the recorded head."""
    keys = session_keys(session)
    legacy = legacy_events(session)
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
        link_keys = None if ev.seq <= legacy else keys
        digest = _digest(
            link_keys, ev.seq, ev.at, ev.actor, ev.event, ev.subject, ev.payload, ev.prev_hash
        )
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
    if count <= legacy and meta(session, KEY_CHECK) is not None:
        return VerifyReport(
            False, count, prev, f"the keyed chain after event {legacy} is missing (deleted)"
        )
    keyed_head = head is not None and head.seq > legacy
    if keyed_head and head is not None and head.mac != head_mac(keys, head.seq, head.hash):
        return VerifyReport(
            False, count, prev, f"the chain's head (event {head_seq}) was not written by leakwatch"
        )
    return VerifyReport(True, count, prev, legacy=min(legacy, count))
