"""Tie a store to its key: the first keyed open records a key check, every later one compares.

Without this, an ingest under another key succeeds and leaves texts that do not decrypt and
fingerprints that silently stop matching. The check is an HMAC under a sub-key of its own (never
the key nor another sub-key) over a fixed label and the audit chain's legacy boundary, so the
boundary cannot be moved without the key either.
"""

from __future__ import annotations

import dataclasses
import hmac

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leakwatch.errors import StoreError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import KEYS_INFO, Store, serialize
from leakwatch.store.meta import AUDIT_LEGACY, KEY_CHECK, legacy_events, meta
from leakwatch.store.models import AuditEvent, StoreMeta
from leakwatch.workflow.audit import EventType, record


def expected_check(keys: KeyRing, legacy: int) -> str:
    return keys.key_check(f"{AUDIT_LEGACY}={legacy}")


def is_bound(store: Store) -> bool:
    """Whether the store already records a key (a new store does not)."""
    with store.session() as s:
        return meta(s, KEY_CHECK) is not None


def check_key(session: Session, keys: KeyRing, source: str) -> None:
    """Record `keys` on a store that has none; refuse them (one line) if the store has another."""
    serialize(session, "leakwatch key check")
    legacy = legacy_events(session)
    expected = expected_check(keys, legacy)
    recorded = meta(session, KEY_CHECK)
    if recorded is None:
        keyed = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.seq > legacy)
        )
        if keyed:
            raise StoreError(
                "the store has keyed audit events but no key record: it was altered; "
                "restore it from a backup"
            )
        session.add(StoreMeta(name=KEY_CHECK, value=expected))
        session.info[KEYS_INFO] = keys
        record(session, "leakwatch", EventType.KEY_BOUND, "store", {"key_id": keys.key_id})
    elif not hmac.compare_digest(recorded, expected):
        raise StoreError(
            f"the key from {source} (key id {keys.key_id}) is not this store's key: texts would "
            "not decrypt and fingerprints would not match; use the key the store was created with"
        )


def bind(store: Store, keys: KeyRing, source: str = "key") -> Store:
    """`store` carrying `keys`, once they are checked against (or recorded in) the store; the
    first binding writes a `key_bound` event, so a bound store's keyed chain is never empty."""
    with store.session() as s:
        check_key(s, keys, source)
    return dataclasses.replace(store, keys=keys)


def belongs_to(store: Store, keys: KeyRing) -> bool:
    """Whether the store records `keys` as its own (after a rotation that may have committed)."""
    with store.session() as s:
        recorded = meta(s, KEY_CHECK)
        return recorded is not None and hmac.compare_digest(
            recorded, expected_check(keys, legacy_events(s))
        )
