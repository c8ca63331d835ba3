"""Audit anchors: the signed chain head, exported to keep outside the store.

The keyed chain already stops anyone without the key from rewriting it; an anchor adds proof
against losing a tail: `verify --anchor` checks that the log still holds the anchored event with
the anchored link and that the verified chain runs through it. The anchor is signed (HMAC under the
audit key), so a forged or edited anchor file is refused. A key rotation re-links the chain, after
which older anchors no longer match: export a new one.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from leakwatch.errors import InputError, StoreError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store
from leakwatch.store.models import AuditEvent, utcnow
from leakwatch.workflow.audit import session_keys, verify
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

_FIELDS = ("seq", "hash", "at", "key_id", "mac")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The head at export time: event `seq` with link `hash`, exported `at` (ISO 8601, UTC)."""

    seq: int
    hash: str
    at: str
    key_id: str
    mac: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"


def _mac(keys: KeyRing, seq: int, link: str, at: str) -> str:
    return keys.audit_mac(f"leakwatch audit anchor\x00{seq}\x00{link}\x00{at}".encode())


def export_anchor(store: Store, principal: Principal) -> Anchor:
    """Sign the head of a chain that verifies (auditor, admin)."""
    require(principal, Operation.VERIFY_AUDIT)
    with store.session() as s:
        report = verify(s)
        if not report.ok:
            raise StoreError(f"audit log broken, no anchor exported: {report.problem}")
        keys = session_keys(s)
    at = utcnow().isoformat(timespec="seconds")
    return Anchor(
        report.events, report.head, at, keys.key_id, _mac(keys, report.events, report.head, at)
    )


def read_anchor(path: Path) -> Anchor:
    """An anchor file, or one line saying why it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read anchor {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"anchor {path} is not JSON") from exc
    if not isinstance(data, dict) or set(data) != set(_FIELDS):
        raise InputError(f"anchor {path} needs exactly the fields {', '.join(_FIELDS)}")
    seq, link, at, key_id, mac = (data[f] for f in _FIELDS)
    if not isinstance(seq, int) or not all(isinstance(v, str) for v in (link, at, key_id, mac)):
        raise InputError(f"anchor {path} has a field of the wrong type")
    return Anchor(seq, link, at, key_id, mac)


def check_anchor(session: Session, anchor: Anchor) -> str | None:
    """Why the (already verified) chain does not contain and extend `anchor`; None if it does."""
    keys = session_keys(session)
    if not hmac.compare_digest(anchor.mac, _mac(keys, anchor.seq, anchor.hash, anchor.at)):
        return "the anchor is not signed by this store's key (forged, edited, or the key rotated)"
    link = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == anchor.seq))
    if link is None:
        return f"anchored event {anchor.seq} is no longer in the log"
    if link != anchor.hash:
        return f"anchored event {anchor.seq} was replaced"
    return None
