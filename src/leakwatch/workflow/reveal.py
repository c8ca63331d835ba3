"""Revealing raw text (a message or one finding's value): a role that may, a reason, audited.

The store only holds the text encrypted; this is the one place it is decrypted for a person.
The audit event records who and which message, never the text, and not the reason verbatim
either (free text may name the very person): its length and a keyed hash under the audit key,
so a reason stated later can be checked against the log by someone holding the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from leakwatch.errors import NotFound, UsageError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, fetch
from leakwatch.store.models import FindingRow, StoredMessage
from leakwatch.workflow.audit import EventType, record, session_keys
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

MIN_REASON = 10


@dataclass(frozen=True, slots=True)
class RevealedFinding:
    entity_type: str
    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class Revealed:
    message_pk: int
    channel: str
    message_id: int
    text: str
    findings: tuple[RevealedFinding, ...]


def _allowed(principal: Principal, reason: str) -> tuple[Principal, str]:
    """The principal, if their role may reveal, and their reason with its spacing tidied, if it
    is long enough to say something. The role is checked first, so a refused user learns nothing
    about what a reason must be."""
    who = require(principal, Operation.REVEAL)
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise UsageError(f"a reveal needs a reason of at least {MIN_REASON} characters")
    return who, reason


def reason_fields(session: Session, reason: str) -> dict[str, str | int]:
    """What the audit log keeps of a reveal reason: its length and a keyed hash, not the text."""
    digest = session_keys(session).audit_mac(f"leakwatch reveal reason\x00{reason}".encode())
    return {"reason_chars": len(reason), "reason_hmac": digest[:32]}


def reveal(
    store: Store, keys: KeyRing, principal: Principal, message_pk: int, reason: str
) -> Revealed:
    """Decrypt one stored message for a reviewer or admin who says why (audited)."""
    who, reason = _allowed(principal, reason)
    with store.session() as s:
        msg = fetch(s, StoredMessage, message_pk, "stored message")
        text = _decrypt(keys, msg)
        record(
            s,
            who.name,
            EventType.REVEALED,
            f"message:{msg.id}",
            {"channel": msg.channel.key, "message_id": msg.message_id} | reason_fields(s, reason),
        )
        return Revealed(
            msg.id,
            msg.channel.key,
            msg.message_id,
            text,
            tuple(
                RevealedFinding(f.entity_type, f.start, f.end, text[f.start : f.end])
                for f in msg.findings
            ),
        )


@dataclass(frozen=True, slots=True)
class RevealedValue:
    """One finding's raw value, without the rest of the message."""

    finding_id: int
    message_pk: int
    channel: str
    message_id: int
    entity_type: str
    value: str


def reveal_finding(
    store: Store, keys: KeyRing, principal: Principal, finding_id: int, reason: str
) -> RevealedValue:
    """Decrypt one finding's value only (the least a reviewer can ask for; audited the same)."""
    who, reason = _allowed(principal, reason)
    with store.session() as s:
        finding = fetch(s, FindingRow, finding_id, "finding")
        msg = finding.message
        value = _decrypt(keys, msg)[finding.start : finding.end]
        record(
            s,
            who.name,
            EventType.REVEALED,
            f"finding:{finding.id}",
            {
                "channel": msg.channel.key,
                "message_id": msg.message_id,
                "entity_type": finding.entity_type,
            }
            | reason_fields(s, reason),
        )
        return RevealedValue(
            finding.id, msg.id, msg.channel.key, msg.message_id, finding.entity_type, value
        )


def _decrypt(keys: KeyRing, msg: StoredMessage) -> str:
    if msg.text_cipher is None or msg.text_nonce is None:
        raise NotFound(f"message {msg.id}'s text was purged under the retention policy")
    return keys.open(msg.text_nonce, msg.text_cipher, f"{msg.channel.key}:{msg.message_id}")
