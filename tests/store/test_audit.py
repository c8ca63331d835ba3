"""The audit chain: verify passes on an untouched log and fails on an edited, a deleted (in the
middle or at the end, head moved back or not), a swapped event and a chain rewritten without the
key; anchors catch a tail cut back before them — on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from itertools import pairwise

import pytest
from ingest_support import KEYS
from sqlalchemy import delete, select, text, update

from leakwatch.errors import StoreError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import Store, open_store
from leakwatch.store.models import AuditEvent, User
from leakwatch.workflow.anchor import check_anchor, export_anchor
from leakwatch.workflow.audit import GENESIS, EventType, _digest, head_mac, record, verify
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.service_audit import verify_audit


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url, keys=KEYS)  # binding the key writes event 1, `key_bound`
    with s.session() as session:
        session.add(User(name="leakwatch-admin", role="admin"))
        for i in range(5):
            record(session, "alice", EventType.CASE_OPENED, f"case:{i}", {"n": i})
    yield s
    s.close()


def _verify(store: Store) -> tuple[bool, str | None]:
    with store.session() as s:
        report = verify(s)
    return report.ok, report.problem


def test_untouched_log_verifies(store: Store) -> None:
    with store.session() as s:
        report = verify(s)
    assert report.ok
    assert report.events == 6
    assert len(report.head) == 64


def test_events_are_chained_in_order(store: Store) -> None:
    with store.session() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
    assert [e.seq for e in events] == [1, 2, 3, 4, 5, 6]
    assert all(b.prev_hash == a.hash for a, b in pairwise(events))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("payload", {"n": 99}),
        ("actor", "mallory"),
        ("subject", "case:99"),
        ("event", EventType.DECIDED.value),
    ],
)
def test_edited_event_fails(store: Store, field: str, value: object) -> None:
    with store.session() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == 3).values({field: value}))
    ok, problem = _verify(store)
    assert not ok
    assert problem == "event 3 was altered after it was written"


def test_edited_timestamp_fails(store: Store) -> None:
    with store.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.seq == 2)).one()
        ev.at = ev.at.replace(year=2020)
    assert _verify(store)[0] is False


def test_deleted_event_fails(store: Store) -> None:
    with store.session() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 3))
    ok, problem = _verify(store)
    assert not ok
    assert problem is not None
    assert "event 3 is missing" in problem


def test_deleted_last_event_fails(store: Store) -> None:
    with store.session() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 6))
    ok, problem = _verify(store)
    assert not ok
    assert problem is not None
    assert "head" in problem


def test_swapped_events_fail(store: Store) -> None:
    """Swap two whole events (everything but their places in the sequence)."""
    cols = ("at", "actor", "event", "subject", "payload", "prev_hash", "hash")
    with store.session() as s:
        rows = {
            n: s.execute(select(*(getattr(AuditEvent, c) for c in cols)).where(AuditEvent.seq == n))
            .one()
            ._asdict()
            for n in (2, 4)
        }
        s.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(hash="swap"))
        s.execute(update(AuditEvent).where(AuditEvent.seq == 4).values(rows[2]))
        s.execute(update(AuditEvent).where(AuditEvent.seq == 2).values(rows[4]))
    ok, problem = _verify(store)
    assert not ok
    assert problem == "event 2 does not follow event 1"


def test_renumbered_events_fail(store: Store) -> None:
    """Swap two events' sequence numbers (reorder the log)."""
    with store.session() as s:
        s.execute(text("UPDATE audit_events SET seq = 100 WHERE seq = 2"))
        s.execute(text("UPDATE audit_events SET seq = 2 WHERE seq = 4"))
        s.execute(text("UPDATE audit_events SET seq = 4 WHERE seq = 100"))
    ok, problem = _verify(store)
    assert not ok
    assert problem == "event 2 does not follow event 1"


def test_appends_after_verify_keep_verifying(store: Store) -> None:
    with store.session() as s:
        record(s, "bob", EventType.DECIDED, "case:1", {"decision": "remove"})
    assert _verify(store) == (True, None)


def test_rolled_back_transaction_leaves_no_event(store: Store) -> None:
    def failing_decision() -> None:
        with store.session() as s:
            record(s, "bob", EventType.DECIDED, "case:1", {})
            raise RuntimeError("decision failed")

    with pytest.raises(RuntimeError):
        failing_decision()
    with store.session() as s:
        assert verify(s).events == 6


def test_deleted_last_event_with_head_moved_back_fails(store: Store) -> None:
    """Issue 8.10: delete the newest event and set the head to the one before; the head's own
    HMAC (under a key the store does not hold) gives it away."""
    with store.session() as s:
        prev = s.execute(select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.seq == 5)).one()
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 6))
        s.execute(text("UPDATE audit_head SET seq = :q, hash = :h"), {"q": prev[0], "h": prev[1]})
    ok, problem = _verify(store)
    assert not ok
    assert problem == "the chain's head (event 5) was not written by leakwatch"


@pytest.mark.parametrize("forger", ["sha256", "other_key"])
def test_rewritten_chain_without_the_key_fails(store: Store, forger: str) -> None:
    """Issue 8.10: someone who can write the database rewrites every link consistently (plain
    SHA-256, or an HMAC under a key of their own) and the head with it: verify still fails."""
    forged_keys = None if forger == "sha256" else KeyRing.from_master(b"\x07" * 32)
    with store.session() as s:
        prev = GENESIS
        for ev in s.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
            payload = {"n": 0} if ev.seq == 3 else ev.payload
            ev.payload, ev.prev_hash = payload, prev
            ev.hash = _digest(
                forged_keys, ev.seq, ev.at, ev.actor, ev.event, ev.subject, payload, prev
            )
            prev = ev.hash
        s.flush()
        mac = head_mac(forged_keys, 6, prev) if forged_keys else None
        s.execute(text("UPDATE audit_head SET hash = :h, mac = :m"), {"h": prev, "m": mac})
    ok, problem = _verify(store)
    assert not ok
    assert problem == "event 1 was altered after it was written"


def test_anchor_is_contained_and_extended(store: Store) -> None:
    anchor = export_anchor(store, resolve(store, "leakwatch-admin"))
    assert (anchor.seq, anchor.key_id) == (6, KEYS.key_id)
    with store.session() as s:
        record(s, "bob", EventType.DECIDED, "case:1", {})
        assert check_anchor(s, anchor) is None
    assert verify_audit(store, resolve(store, "leakwatch-admin"), anchor).ok


def test_anchor_catches_a_chain_cut_back_before_it(store: Store) -> None:
    """Delete the tail through the anchored event and restore an older head row saved before: the
    chain alone verifies again, the anchor does not."""
    with store.session() as s:
        old_head = s.execute(text("SELECT seq, hash, mac FROM audit_head")).one()
        record(s, "bob", EventType.DECIDED, "case:1", {})
    anchor = export_anchor(store, resolve(store, "leakwatch-admin"))
    with store.session() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 7))
        s.execute(
            text("UPDATE audit_head SET seq = :q, hash = :h, mac = :m"),
            {"q": old_head[0], "h": old_head[1], "m": old_head[2]},
        )
    assert _verify(store) == (True, None)  # a replayed head: only the anchor can tell
    report = verify_audit(store, resolve(store, "leakwatch-admin"), anchor)
    assert not report.ok
    assert report.problem == "anchored event 7 is no longer in the log"


def test_forged_anchor_is_refused(store: Store) -> None:
    anchor = dataclasses.replace(export_anchor(store, resolve(store, "leakwatch-admin")), seq=5)
    report = verify_audit(store, resolve(store, "leakwatch-admin"), anchor)
    assert not report.ok
    assert report.problem is not None
    assert report.problem.startswith("the anchor is not signed by this store's key")


def test_recording_without_the_key_is_refused(db_url: str) -> None:
    bare = open_store(db_url)
    with pytest.raises(StoreError, match="needs the store's key"), bare.session() as s:
        record(s, "alice", EventType.CASE_OPENED, "case:1", {})
    bare.close()
