"""From a scanned message to the rows the store keeps: text sealed, values fingerprinted and masked.

This is the one place where a message's raw text and its findings' raw values are turned into what
may be written: the text only as AES-GCM ciphertext bound to its row (associated data
`"{channel key}:{message id}"`), a finding only as a keyed fingerprint and a masked preview.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from leakwatch.output.mask import mask
from leakwatch.scan.result import ScanResult
from leakwatch.sources.message import Message
from leakwatch.store.crypto import KeyRing

KEY_CHARS = 200
_KEEP_CHARS = 150
#: What a signed 64-bit column holds (BIGINT on PostgreSQL, INTEGER on SQLite).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def fits_int64(value: int) -> bool:
    """Whether `value` fits the store's id columns; a message id that does not is skipped and
    counted by ingest (Telegram's ids are far below; such an id is damage, not data)."""
    return INT64_MIN <= value <= INT64_MAX


def clean(text: str) -> str:
    """`text` without NUL characters, which PostgreSQL text columns refuse (U+FFFD instead), so a
    name scan accepts stores alike on both backends."""
    return text.replace("\x00", "\ufffd")


def channel_key(msg: Message) -> str:
    """A channel's stable key: Telegram's id where the export has one, else its name, else the
    file it came from. Over-long names keep a prefix and a digest, so two never merge."""
    if msg.channel_id is not None:
        key = f"telegram:{msg.channel_id}"
    elif msg.channel:
        key = clean(f"name:{msg.channel}")
    else:
        key = clean(f"source:{msg.source}")
    if len(key) <= KEY_CHARS:
        return key
    return f"{key[:_KEEP_CHARS]}#{hashlib.sha256(key.encode()).hexdigest()[:32]}"


def text_aad(key: str, message_id: int) -> str:
    """The associated data sealing a message's text to its row: a moved ciphertext fails to open."""
    return f"{key}:{message_id}"


def posted_at(date: str | None) -> datetime | None:
    """A UTC timestamp from an export date; dates in the exporter's local time (no `Z`) stay
    text only, since their offset is unknown."""
    if not date or not date.endswith("Z"):
        return None
    try:
        return datetime.fromisoformat(date)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class PendingMessage:
    """A message ready to insert, but for the ids the database gives (channel, message row)."""

    key: str
    title: str | None
    platform_id: int | None
    message_id: int
    row: dict[str, Any]
    findings: tuple[dict[str, Any], ...]
    is_leak: bool


def pending(msg: Message, result: ScanResult, keys: KeyRing) -> PendingMessage:
    """Seal `msg`'s text and reduce `result`'s findings to fingerprints and masked previews."""
    key = channel_key(msg)
    nonce, cipher = keys.seal(msg.text, text_aad(key, msg.message_id))
    a = result.assessment
    row: dict[str, Any] = {
        "message_id": msg.message_id,
        "posted_at": posted_at(msg.date),
        "date_text": clean(msg.date[:40]) if msg.date else None,
        "forwarded_from": clean(msg.forwarded_from[:300]) if msg.forwarded_from else None,
        "source": clean(msg.source[:500]),
        "text_length": len(msg.text),
        "text_nonce": nonce,
        "text_cipher": cipher,
        "verdict": a.verdict.value,
        "severity": a.severity.value if a.severity else None,
        "risk": a.risk,
        "categories": ",".join(c.value for c in a.categories),
        "reasons": ",".join(a.reasons),
        "people": a.people,
    }
    findings = tuple(
        {
            "entity_type": f.entity_type.value,
            "start": f.start,
            "end": f.end,
            "score": f.score,
            "recognizer": clean(f.recognizer[:50]),
            "fingerprint": keys.fingerprint(f.entity_type, f.text),
            "masked": clean(mask(f.entity_type, f.text)[:300]),
        }
        for f in result.findings
    )
    return PendingMessage(
        key,
        clean(msg.channel[:300]) if msg.channel else None,
        msg.channel_id if msg.channel_id is not None and fits_int64(msg.channel_id) else None,
        msg.message_id,
        row,
        findings,
        result.is_leak,
    )
