"""Issue 8.8: decisions per message inside a case, reversals that reinstate only what they should,
and an SLA-first queue — on SQLite and on PostgreSQL.

Before: a case (hundreds of messages) was decided all or nothing, one reason code covered personal
data and state documents alike, an appeal reversal reinstated every message (critical leaks that
another decision had removed included), and notice cases were ranked by severity × reach, so a
notice over a "clear" message sat at the bottom with no due time shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from wf_seed import World, audit_ok, world

from leakwatch.cli.main import main
from leakwatch.errors import Conflict, NotFound, UsageError
from leakwatch.store.models import Action, Notice, StoredMessage, utcnow
from leakwatch.workflow.appeals import decide_appeal, file_appeal
from leakwatch.workflow.cases import NOTICE_PRIORITY_FLOOR, open_channel_cases, queue, show_case
from leakwatch.workflow.exclusions import exclude_messages
from leakwatch.workflow.notices import submit_notice
from leakwatch.workflow.review import decide


@pytest.fixture
def w(db_url: str) -> Iterator[World]:
    with world(db_url) as built:
        yield built


def _case(w: World) -> int:
    return open_channel_cases(w.store, w.as_("ana")).opened[0]


def _removed(w: World) -> set[int]:
    with w.store.session() as s:
        return set(s.scalars(select(StoredMessage.id).where(StoredMessage.removed_at.is_not(None))))


def test_an_excluded_false_positive_survives_the_cases_removal(w: World) -> None:
    case_id = _case(w)
    before = show_case(w.store, w.as_("rev"), case_id)
    false_positive = w.leaks[4]
    after = exclude_messages(
        w.store, w.as_("rev"), case_id, [false_positive], "not_a_leak", before.version
    )
    assert after.version > before.version
    assert after.scope.messages == before.scope.messages - 1
    assert (
        next(m for m in after.messages if m.message_pk == false_positive).excluded == "not_a_leak"
    )
    with pytest.raises(Conflict, match="changed since you read it"):
        decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle", before.version)
    with pytest.raises(Conflict, match="already excluded"):
        exclude_messages(w.store, w.as_("rev"), case_id, [false_positive], "not_a_leak")
    with pytest.raises(NotFound, match=f"message {w.news} is not in case {case_id}"):
        exclude_messages(w.store, w.as_("rev"), case_id, [w.news], "not_a_leak")
    with pytest.raises(UsageError):
        exclude_messages(w.store, w.as_("rev"), case_id, [w.leaks[0]], "identity_bundle")
    view = decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle", after.version)
    assert len(view.actions) == after.scope.messages
    assert false_positive not in _removed(w)
    in_case = {m.message_pk for m in before.messages}  # the low-severity leak is in no case
    assert _removed(w) == in_case - {false_positive}
    assert (
        open_channel_cases(w.store, w.as_("ana")).opened == ()
    )  # it does not come back as a new case
    with pytest.raises(Conflict, match="already closed"):
        exclude_messages(w.store, w.as_("rev"), case_id, [w.leaks[0]], "not_a_leak")
    audit_ok(w)


def test_each_category_rests_on_its_own_reason_code(w: World) -> None:
    doc = w.leaks[1]
    with w.store.session() as s:
        s.execute(
            update(StoredMessage).where(StoredMessage.id == doc).values(categories="state_document")
        )
    case_id = _case(w)
    with pytest.raises(UsageError, match="needs a policy clause reason"):
        decide(
            w.store,
            w.as_("rev"),
            case_id,
            "remove",
            "identity_bundle",
            document_reason="not_a_leak",
        )
    d = decide(
        w.store,
        w.as_("rev"),
        case_id,
        "remove",
        "identity_bundle",
        document_reason="state_document",
    )
    assert d.statement.reason_codes == {
        "personal_data": "identity_bundle",
        "state_document": "state_document",
    }
    codes = {
        m.message_pk: m.reason_code for m in show_case(w.store, w.as_("rev"), case_id).messages
    }
    assert codes[doc] == "state_document"
    assert {code for pk, code in codes.items() if pk != doc} == {"identity_bundle"}
    audit_ok(w)


def test_a_reversal_never_reinstates_what_another_decision_removed(w: World) -> None:
    """The channel case's removal is reversed on appeal; the critical leak a notice case's
    decision removed as well stays down, the rest comes back."""
    critical = w.leaks[2]
    channel_case = _case(w)
    channel_decision = decide(w.store, w.as_("rev"), channel_case, "remove", "bulk_records")
    notice = submit_notice(
        w.store,
        w.as_("lia"),
        "CMC",
        "CMC/7",
        "Law 1",
        "personal_data",
        ["telegram:100/3"],
    )
    assert notice.case_id is not None
    decide(w.store, w.as_("rex"), notice.case_id, "remove", "third_party_identifier")
    appeal = file_appeal(w.store, w.as_("ana"), channel_decision.id, "owner", "mostly news")
    reversal = decide_appeal(w.store, w.as_("rex"), appeal.id, "reversed", "not_a_leak")
    assert _removed(w) == {critical}
    kept = [a for a in reversal.actions if a.startswith("keep_removed")]
    assert kept == ["keep_removed telegram:100/3"]
    with w.store.session() as s:
        reinstated = s.scalars(
            select(Action.target).where(Action.action == "reinstate_message")
        ).all()
    assert len(reinstated) == 3  # the channel case's four messages but the critical one
    audit_ok(w)


def test_a_notice_on_a_clear_message_gets_a_due_time_and_leads_the_queue(w: World) -> None:
    _case(w)  # a high-priority channel case
    submit_notice(
        w.store,
        w.as_("lia"),
        "CMC",
        "CMC/8",
        "Law 1",
        "personal_data",
        ["telegram:100/6"],
    )
    q = queue(w.store, w.as_("rev"))
    assert [c.kind for c in q] == ["notice", "channel"]
    assert q[0].priority == NOTICE_PRIORITY_FLOOR  # severity × reach of a clear message is 0
    assert q[0].due_at is not None
    assert not q[0].overdue


def test_overdue_notices_come_first_and_are_flagged(
    w: World, db_url: str, master_key: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    early = submit_notice(
        w.store, w.as_("lia"), "CMC", "A", "Law 1", "personal_data", ["telegram:100/1"]
    )
    late = submit_notice(
        w.store, w.as_("lia"), "CMC", "B", "Law 1", "personal_data", ["telegram:100/2"], 72
    )
    with w.store.session() as s:  # received two days ago: the 72-hour one is not due yet
        s.execute(
            update(Notice)
            .where(Notice.id.in_([early.id, late.id]))
            .values(received_at=utcnow() - timedelta(hours=48))
        )
    q = queue(w.store, w.as_("rev"))
    assert [(c.notice_id, c.overdue) for c in q] == [(early.id, True), (late.id, False)]
    assert main(["case", "queue", "-f", "json", "--db", db_url, "--as", "rev"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["notice_id"], r["overdue"]) for r in rows] == [(early.id, True), (late.id, False)]
    assert main(["case", "queue", "--db", db_url, "--as", "rev"]) == 0
    assert "OVERDUE" in capsys.readouterr().out


def test_case_exclude_cli(
    w: World, db_url: str, master_key: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = _case(w)
    argv = ["case", "exclude", str(case_id), str(w.leaks[4]), "--reason", "public_contact"]
    assert main([*argv, "--db", db_url, "--as", "rev"]) == 0
    assert f"excluded 1 message(s) from case {case_id} (public_contact)" in capsys.readouterr().out
    assert main(["case", "show", str(case_id), "--db", db_url, "--as", "rev"]) == 0
    assert "excluded (public_contact)" in capsys.readouterr().out
