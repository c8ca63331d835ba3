"""`leakwatch key rotate`: move a store to a new key in one transaction.

Everything keyed is re-keyed together, or nothing is: each stored text is decrypted under the old
key and sealed under the new one; each fingerprint is re-derived under the new fingerprint key
from its value, which is cut from the decrypted text at the finding's offsets (a fingerprint is an
HMAC, so it cannot be re-keyed without the value); the keyed audit chain is checked, then re-linked
under the new audit key; the key check is replaced. A finding whose message text was purged has no
value left: it takes the new fingerprint of an equal fingerprint found in a message that still has
its text, and otherwise an HMAC of the old fingerprint under the new key, so purged findings still
match each other but no longer match new ingests (the report counts them).
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from leakwatch.entities import EntityType
from leakwatch.errors import StoreError
from leakwatch.store.batch import FINDINGS, MESSAGES
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import KEYS_INFO, Store
from leakwatch.store.keybind import expected_check
from leakwatch.store.message_rows import text_aad
from leakwatch.store.meta import KEY_CHECK, legacy_events
from leakwatch.store.models import Channel, StoreMeta
from leakwatch.workflow import webhooks
from leakwatch.workflow.audit import EventType, record, relink, verify
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation

_PAGE = 1000


@dataclass(frozen=True, slots=True)
class RotateReport:
    """What a rotation re-keyed. `fingerprints_unmatched`: purged findings with no live twin."""

    texts: int
    fingerprints: int
    fingerprints_unmatched: int
    audit_events: int
    old_key_id: str
    new_key_id: str


def _texts(s: Session, old: KeyRing, new: KeyRing, fps: dict[str, str]) -> tuple[int, int]:
    """Re-seal every stored text; re-derive its findings' fingerprints into `fps` (old → new)."""
    texts = findings = 0
    last = 0
    while True:
        page = s.execute(
            select(MESSAGES.c.id, Channel.key, MESSAGES.c.message_id, MESSAGES.c.text_nonce,
                   MESSAGES.c.text_cipher)
            .join(Channel, Channel.id == MESSAGES.c.channel_id)
            .where(MESSAGES.c.id > last, MESSAGES.c.text_cipher.is_not(None))
            .order_by(MESSAGES.c.id)
            .limit(_PAGE)
        ).all()  # fmt: skip
        if not page:
            return texts, findings
        last = page[-1].id
        sealed: list[dict[str, Any]] = []
        plain: dict[int, str] = {}
        for pk, key, mid, nonce, cipher in page:
            aad = text_aad(key, mid)
            body = old.open(nonce, cipher, aad)
            plain[pk] = body
            n, c = new.seal(body, aad)
            sealed.append({"pk": pk, "n": n, "c": c})
        s.execute(
            update(MESSAGES).where(MESSAGES.c.id == bindparam("pk")).values(
                text_nonce=bindparam("n"), text_cipher=bindparam("c")
            ),
            sealed,
        )  # fmt: skip
        texts += len(sealed)
        rows = s.execute(
            select(FINDINGS.c.id, FINDINGS.c.message_pk, FINDINGS.c.entity_type,
                   FINDINGS.c.start, FINDINGS.c.end, FINDINGS.c.fingerprint)
            .where(FINDINGS.c.message_pk.in_(plain))
        ).all()  # fmt: skip
        changed = []
        for fid, mpk, etype, start, end, fp in rows:
            fresh = new.fingerprint(EntityType(etype), plain[mpk][start:end])
            fps.setdefault(fp, fresh)
            changed.append({"fid": fid, "fp": fresh})
        _set_fingerprints(s, changed)
        findings += len(changed)


def _set_fingerprints(s: Session, changed: Sequence[dict[str, Any]]) -> None:
    if changed:
        s.execute(
            update(FINDINGS)
            .where(FINDINGS.c.id == bindparam("fid"))
            .values(fingerprint=bindparam("fp")),
            changed,
        )


def _purged(s: Session, new: KeyRing, fps: dict[str, str]) -> tuple[int, int]:
    """Re-key the findings of purged messages through `fps`, else by HMAC of the old value."""
    rows = s.execute(
        select(FINDINGS.c.id, FINDINGS.c.fingerprint)
        .join(MESSAGES, MESSAGES.c.id == FINDINGS.c.message_pk)
        .where(MESSAGES.c.text_cipher.is_(None))
    ).all()
    unmatched = 0
    changed = []
    for fid, fp in rows:
        fresh = fps.get(fp)
        if fresh is None:
            unmatched += 1
            fresh = hmac.new(new.fingerprint_key, f"rekeyed\x00{fp}".encode(), sha256).hexdigest()
        changed.append({"fid": fid, "fp": fresh})
    _set_fingerprints(s, changed)
    return len(changed), unmatched


def rotate_key(store: Store, principal: Principal, new: KeyRing) -> RotateReport:
    """Re-key everything under `new` in one transaction (admin); the store must be open under
    its current key, and its audit chain must verify first."""
    old = store.keys
    if old is None:
        raise StoreError("open the store with its current key to rotate it")
    if new == old:
        raise StoreError("the new key is the store's key already")
    require(principal, Operation.ROTATE_KEY)
    with store.session() as s:
        checked = verify(s)
        if not checked.ok:
            raise StoreError(f"audit log broken, not rotating: {checked.problem}")
        fps: dict[str, str] = {}
        texts, live = _texts(s, old, new, fps)
        purged, unmatched = _purged(s, new, fps)
        legacy = legacy_events(s)
        events = relink(s, new, legacy)
        webhooks.reseal(s, old, new)
        row = s.get(StoreMeta, KEY_CHECK)
        if row is None:
            raise StoreError("the store records no key")
        row.value = expected_check(new, legacy)
        s.info[KEYS_INFO] = new
        report = RotateReport(texts, live + purged, unmatched, events, old.key_id, new.key_id)
        record(
            s,
            principal.name,
            EventType.KEY_ROTATED,
            "store",
            {"from": old.key_id, "to": new.key_id, "texts": texts,
             "fingerprints": live + purged, "unmatched": unmatched, "audit_events": events},
        )  # fmt: skip
    return report
