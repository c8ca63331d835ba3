"""Revealing a message's raw text: a role that may, a stated reason, and an audit event.

The store only holds the text encrypted; this is the one place it is decrypted for a person.
The audit event records who, which message and why, never the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from leakwatch.errors import NotFound, UsageError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store
from leakwatch.store.models import StoredMessage
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.roles import Operation, authorize

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


def reveal(store: Store, keys: KeyRing, actor: str, message_pk: int, reason: str) -> Revealed:
    """Decrypt one stored message for a reviewer or admin who says why (audited)."""
    reason = " ".join(reason.split())
    with store.session() as s:
        who = authorize(s, actor, Operation.REVEAL)
        if len(reason) < MIN_REASON:
            raise UsageError(f"a reveal needs a reason of at least {MIN_REASON} characters")
        msg = s.get(StoredMessage, message_pk)
        if msg is None:
            raise NotFound(f"no stored message {message_pk}")
        if msg.text_cipher is None or msg.text_nonce is None:
            raise NotFound(f"message {message_pk}'s text was purged under the retention policy")
        text = keys.open(msg.text_nonce, msg.text_cipher, f"{msg.channel.key}:{msg.message_id}")
        record(
            s,
            who.name,
            EventType.REVEALED,
            f"message:{msg.id}",
            {"channel": msg.channel.key, "message_id": msg.message_id, "reason": reason},
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
