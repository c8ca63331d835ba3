"""The audit chain: verify passes on an untouched log and fails on an edited, a deleted (in the
middle or at the end) and a swapped event — on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from sqlalchemy import delete, select, text, update

from leakwatch.store.db import Store, open_store
from leakwatch.store.models import AuditEvent
from leakwatch.workflow.audit import EventType, record, verify


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    with s.session() as session:
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
    assert report.events == 5
    assert len(report.head) == 64


def test_events_are_chained_in_order(store: Store) -> None:
    with store.session() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
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
        s.execute(delete(AuditEvent).where(AuditEvent.seq == 5))
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
        assert verify(s).events == 5
