"""Store-wide facts kept in `store_meta`: which key the store belongs to, and where the keyed
audit chain starts."""

from __future__ import annotations

from sqlalchemy.orm import Session

from leakwatch.errors import StoreError
from leakwatch.store.models import StoreMeta

KEY_CHECK = "key_check"
AUDIT_LEGACY = "audit_legacy"


def meta(session: Session, name: str) -> str | None:
    row = session.get(StoreMeta, name)
    return row.value if row else None


def legacy_events(session: Session) -> int:
    """How many audit events predate the keyed chain (0 for a store created keyed)."""
    value = meta(session, AUDIT_LEGACY)
    try:
        return int(value) if value else 0
    except ValueError:
        raise StoreError("the store's audit_legacy record was altered") from None
