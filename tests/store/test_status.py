"""`status` counts what the store holds: cases and notices open and total."""

from __future__ import annotations

from ingest_support import ADMIN, admin_store
from sqlalchemy import select

from leakwatch.store.models import Case, Notice, User
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.status import status


def test_cases_and_notices_open_and_total(db_url: str) -> None:
    store = admin_store(db_url)
    with store.session() as s:
        admin_id = s.scalar(select(User.id).where(User.name == ADMIN))
        assert admin_id is not None
        notices = [
            Notice(
                authority="CMC",
                reference=f"ref-{i}",
                legal_basis="Law 1",
                category="personal_data",
                status=st,
                submitted_by=admin_id,
            )
            for i, st in enumerate(["received", "acknowledged", "decided", "actioned"])
        ]
        s.add_all(notices)
        s.flush()
        s.add_all(
            [
                Case(kind="notice", notice_id=notices[2].id, status="closed"),  # no violation
                Case(kind="notice", notice_id=notices[1].id, status="open"),
                Case(kind="channel", status="escalated"),
                Case(kind="channel", status="closed"),
            ]
        )
    view = status(store, resolve(store, ADMIN))
    assert (view.cases_open, view.cases_total) == (2, 4)
    assert (view.notices_open, view.notices_total) == (2, 4)
    assert (view.channels, view.messages, view.findings, view.users) == (0, 0, 0, 1)
    assert view.audit_events == 2  # key_bound, user_added
    assert view.schema_revision
    store.close()
