"""The review workflow end to end on SQLite and PostgreSQL: cases, decisions, statements of
reasons, reveal, notices with their clock, appeals, retention — and the audit chain after it all."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import asdict
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from wf_seed import KEYS, RAW, World, audit_ok, secrets, world

from leakwatch.cli.main import main
from leakwatch.errors import Conflict, NotFound, PermissionDenied, UsageError
from leakwatch.store.models import AuditEvent, Case, Channel, StoredMessage, utcnow
from leakwatch.workflow.appeals import decide_appeal, file_appeal
from leakwatch.workflow.cases import (
    CaseFilter,
    case_message_pks,
    cases_page,
    list_cases,
    open_channel_cases,
    queue,
    queue_page,
    scope_of,
    scopes_of,
    show_case,
)
from leakwatch.workflow.notices import (
    LinkState,
    acknowledge_notice,
    notice_response,
    notice_status,
    submit_notice,
)
from leakwatch.workflow.reasons import Statement
from leakwatch.workflow.retention import parse_period, purge
from leakwatch.workflow.reveal import reveal, reveal_finding
from leakwatch.workflow.review import decide
from leakwatch.workflow.states import CaseStatus


@pytest.fixture
def w(db_url: str) -> Iterator[World]:
    with world(db_url) as built:
        yield built


def _case_for_leaks(w: World) -> int:
    result = open_channel_cases(w.store, w.as_("ana"))
    assert len(result.opened) == 1
    return result.opened[0]


def test_channel_above_threshold_gets_one_case(w: World) -> None:
    result = open_channel_cases(w.store, w.as_("ana"))
    assert len(result.opened) == 1  # "Leaks": 4 leaks ≥ medium; "News": 1, below threshold
    case = show_case(w.store, w.as_("rev"), result.opened[0])
    assert case.channel == "telegram:100"
    assert case.severity == "critical"
    assert case.scope.leak_messages == 4
    assert case.scope.people == 2  # two distinct names, by fingerprint
    assert open_channel_cases(w.store, w.as_("ana")).opened == ()
    audit_ok(w)


def test_single_critical_leak_opens_a_case(w: World) -> None:
    result = open_channel_cases(w.store, w.as_("ana"), min_leaks=10)
    assert len(result.opened) == 1  # only the channel with a critical leak


def test_new_leaks_attach_to_the_open_case(w: World) -> None:
    case_id = _case_for_leaks(w)
    with w.store.session() as s:
        s.execute(
            update(StoredMessage)
            .where(StoredMessage.id == w.clear)
            .values(verdict="leak", severity="high")
        )
    again = open_channel_cases(w.store, w.as_("ana"))
    assert again.opened == ()
    assert again.updated == (case_id,)
    assert show_case(w.store, w.as_("rev"), case_id).scope.leak_messages == 5


def test_case_view_holds_masked_previews_only(w: World) -> None:
    case = show_case(w.store, w.as_("rev"), _case_for_leaks(w))
    dumped = json.dumps(asdict(case), default=str, ensure_ascii=False)
    for raw in ("Ali Hassan Kadhim", "07701234567", "199012345678"):
        assert raw not in dumped
    assert any(f.masked for m in case.messages for f in m.findings)


def test_queue_is_sla_first_then_severity_times_reach(w: World) -> None:
    """A notice case on the clock comes before a channel case of higher priority (issue 8.8)."""
    _case_for_leaks(w)
    submit_notice(w.store, w.as_("lia"), "CMC", "N-1", "Law 1", "personal_data", ["t.me/c/200/1"])
    q = queue(w.store, w.as_("ana"))
    assert [c.kind for c in q] == ["notice", "channel"]
    assert q[1].priority > q[0].priority > 0
    assert q[0].due_at is not None
    assert q[1].due_at is None


def test_queue_and_case_pages_filter_rows_then_view_only_the_page(w: World) -> None:
    """A page of the queue views only its own cases; the total counts every match."""
    _case_for_leaks(w)
    submit_notice(w.store, w.as_("lia"), "CMC", "N-1", "Law 1", "personal_data", ["t.me/c/200/1"])
    whole = queue(w.store, w.as_("ana"))
    first = queue_page(w.store, w.as_("ana"), CaseFilter(), limit=1)
    second = queue_page(w.store, w.as_("ana"), CaseFilter(), limit=1, offset=1)
    assert (first.total, second.total) == (2, 2)
    assert [c.id for c in first.items + second.items] == [c.id for c in whole]
    leaks = queue_page(w.store, w.as_("ana"), CaseFilter(channel="telegram:100"))
    assert [c.channel for c in leaks.items] == ["telegram:100"]
    opened = cases_page(w.store, w.as_("ana"), CaseFilter(status=CaseStatus.OPEN), limit=10)
    assert opened.total == len(opened.items) == 2


def test_list_scopes_in_bulk_equal_each_cases_own(w: World) -> None:
    _case_for_leaks(w)
    submit_notice(w.store, w.as_("lia"), "CMC", "N-1", "Law 1", "personal_data", ["t.me/c/200/1"])
    with w.store.session() as s:
        ids = list(s.scalars(select(Case.id)))
        bulk = scopes_of(s, [*ids, 999])
        for cid in ids:
            assert bulk[cid] == scope_of(s, case_message_pks(s, cid))
        assert bulk[999] == scope_of(s, [])


def test_decide_remove_closes_case_and_records_actions(w: World) -> None:
    case_id = _case_for_leaks(w)
    view = decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle")
    assert len(view.actions) == 4
    assert all(a.startswith("remove_message telegram:100/") for a in view.actions)
    st = view.statement
    stored = st.to_json()
    for field in (
        "decision",
        "scope",
        "facts_and_circumstances",
        "automated_detection",
        "automated_decision",
        "ground",
        "redress",
    ):
        assert field in stored
    assert Statement.from_json(stored) == st  # what the store keeps reads back the same
    assert st.policy_clause == 1
    assert st.automated_detection is True
    assert st.automated_decision is False
    assert "Ali" not in json.dumps(stored)
    case = show_case(w.store, w.as_("rev"), case_id)
    assert case.status == "closed"
    assert all(m.removed for m in case.messages)
    with pytest.raises(Conflict, match="already closed"):
        decide(w.store, w.as_("rex"), case_id, "no_violation", "not_a_leak")
    audit_ok(w)


def test_restrict_channel(w: World) -> None:
    case_id = _case_for_leaks(w)
    decide(w.store, w.as_("rev"), case_id, "restrict_channel", "bulk_records")
    with w.store.session() as s:
        assert s.scalars(select(Channel.restricted).where(Channel.key == "telegram:100")).one()


def test_escalate_then_final_decision(w: World) -> None:
    case_id = _case_for_leaks(w)
    decide(w.store, w.as_("rev"), case_id, "escalate", "identity_bundle")
    assert show_case(w.store, w.as_("rev"), case_id).status == "escalated"
    assert [c.id for c in queue(w.store, w.as_("rev"))] == [case_id]
    with pytest.raises(Conflict, match="already escalated"):
        decide(w.store, w.as_("rex"), case_id, "escalate", "identity_bundle")
    decide(w.store, w.as_("ada"), case_id, "no_violation", "public_figure")
    assert show_case(w.store, w.as_("rev"), case_id).decisions == (
        "escalation:escalate",
        "initial:no_violation",
    )


@pytest.mark.parametrize(
    ("decision", "reason", "message"),
    [
        ("delete", "identity_bundle", "unknown decision"),
        ("remove", "because", "unknown reason code"),
        ("remove", "not_a_leak", "needs a policy clause"),
        ("no_violation", "bulk_records", "cannot rest on"),
    ],
)
def test_decision_and_reason_must_fit(w: World, decision: str, reason: str, message: str) -> None:
    case_id = _case_for_leaks(w)
    with pytest.raises(UsageError, match=message):
        decide(w.store, w.as_("rev"), case_id, decision, reason)


def test_stale_version_is_a_conflict(w: World) -> None:
    case_id = _case_for_leaks(w)
    with pytest.raises(Conflict, match="changed since you read it"):
        decide(
            w.store,
            w.as_("rev"),
            case_id,
            "remove",
            "identity_bundle",
            expected_version=99,
        )


def test_two_reviewers_at_once_exactly_one_wins(w: World) -> None:
    case_id = _case_for_leaks(w)
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def run(who: str, decision: str, reason: str) -> None:
        barrier.wait()
        try:
            outcomes[who] = decide(
                w.store, w.as_(who), case_id, decision, reason, expected_version=None
            )
        except Exception as exc:  # collected and asserted below
            outcomes[who] = exc

    threads = [
        threading.Thread(target=run, args=("rev", "remove", "identity_bundle")),
        threading.Thread(target=run, args=("rex", "no_violation", "not_a_leak")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    errors = [o for o in outcomes.values() if isinstance(o, Exception)]
    wins = [o for o in outcomes.values() if not isinstance(o, Exception)]
    assert len(wins) == 1, outcomes
    assert len(errors) == 1
    assert isinstance(errors[0], Conflict), repr(errors[0])
    assert len(show_case(w.store, w.as_("rev"), case_id).decisions) == 1
    audit_ok(w)


def test_reveal_needs_role_and_reason_and_is_audited(w: World) -> None:
    pk = w.leaks[0]
    with pytest.raises(PermissionDenied):
        reveal(w.store, KEYS, w.as_("ana"), pk, "checking the match for case 1")
    with pytest.raises(UsageError, match="reason"):
        reveal(w.store, KEYS, w.as_("rev"), pk, "why")
    shown = reveal(w.store, KEYS, w.as_("rev"), pk, "checking the match for case 1")
    assert shown.text == w.texts[0]
    assert {f.value for f in shown.findings} == {"Ali Hassan Kadhim", "07701234567"}
    with w.store.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.event == "revealed")).one()
        assert ev.actor == "rev"
        assert ev.payload["reason_chars"] == len("checking the match for case 1")
        assert len(ev.payload["reason_hmac"]) == 32
        assert "0770" not in json.dumps(ev.payload)
    with pytest.raises(NotFound):
        reveal(w.store, KEYS, w.as_("rev"), 99999, "checking the match for case 1")


def test_notice_lifecycle_and_clean_response(w: World) -> None:
    links = ["https://t.me/c/100/1", "t.me/News/1", "telegram:100/3", "https://t.me/unknown/5"]
    n = submit_notice(
        w.store,
        w.as_("lia"),
        "CMC",
        "CMC/2023/881",
        "Law 6/2019 art. 4",
        "personal_data",
        links,
    )
    assert (n.status, n.links, n.links_resolved) == ("received", 4, 3)
    assert n.case_id is not None
    with pytest.raises(Conflict, match="already received"):
        submit_notice(w.store, w.as_("lia"), "CMC", "CMC/2023/881", "x", "personal_data", links)
    with pytest.raises(UsageError, match="not a channel or message link"):
        submit_notice(w.store, w.as_("lia"), "CMC", "N-2", "x", "personal_data", ["ftp://nope"])
    with pytest.raises(PermissionDenied):
        acknowledge_notice(w.store, w.as_("lia"), n.id)
    assert acknowledge_notice(w.store, w.as_("ana"), n.id).status == "acknowledged"
    with pytest.raises(Conflict):
        acknowledge_notice(w.store, w.as_("ana"), n.id)
    case = show_case(w.store, w.as_("rev"), n.case_id)
    assert case.scope.messages == 3
    decide(w.store, w.as_("rev"), n.case_id, "remove", "identity_bundle")
    status = notice_status(w.store, w.as_("lia"), n.id)
    assert status.status == "actioned"
    assert status.acknowledged_at
    assert status.decided_at
    assert status.actioned_at
    assert not status.overdue
    response = notice_response(w.store, w.as_("lia"), n.id)
    assert response.statements[0].ground.legal == "Law 6/2019 art. 4"
    assert "CMC/2023/881" in response.statements[0].facts_and_circumstances
    dumped = json.dumps(asdict(response), default=str, ensure_ascii=False)
    for secret in secrets(w):
        assert secret not in dumped
    audit_ok(w)


def test_notice_clock_runs_against_the_sla(w: World) -> None:
    n = submit_notice(
        w.store, w.as_("lia"), "CMC", "N-9", "Law", "state_document", ["t.me/c/200"], 1
    )
    with w.store.session() as s:
        from leakwatch.store.models import Notice

        row = s.get(Notice, n.id)
        assert row is not None
        row.received_at = utcnow() - timedelta(hours=3)
    view = notice_status(w.store, w.as_("lia"), n.id)
    assert view.overdue
    assert view.hours_open >= 3


def test_appeal_goes_to_a_different_reviewer_and_reversal_undoes(w: World) -> None:
    case_id = _case_for_leaks(w)
    d = decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle")
    with pytest.raises(PermissionDenied):
        file_appeal(w.store, w.as_("lia"), d.id, "channel owner", "public interest reporting")
    appeal = file_appeal(w.store, w.as_("ana"), d.id, "owner of Leaks", "the people consented")
    with pytest.raises(Conflict, match="already been appealed"):
        file_appeal(w.store, w.as_("ana"), d.id, "owner of Leaks", "again")
    with pytest.raises(PermissionDenied, match="different reviewer"):
        decide_appeal(w.store, w.as_("rev"), appeal.id, "reversed", "not_a_leak")
    reversal = decide_appeal(w.store, w.as_("rex"), appeal.id, "reversed", "not_a_leak")
    assert reversal.stage == "appeal"
    assert all(a.startswith("reinstate_message") for a in reversal.actions)
    assert not any(m.removed for m in show_case(w.store, w.as_("rev"), case_id).messages)
    with pytest.raises(Conflict, match="already decided"):
        decide_appeal(w.store, w.as_("ada"), appeal.id, "upheld", "identity_bundle")
    audit_ok(w)


def test_appeal_upheld_keeps_the_action(w: World) -> None:
    case_id = _case_for_leaks(w)
    d = decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle")
    appeal = file_appeal(w.store, w.as_("ana"), d.id, "owner", "grounds")
    upheld = decide_appeal(w.store, w.as_("rex"), appeal.id, "upheld", "identity_bundle")
    assert upheld.decision == "remove"
    assert upheld.actions == ()
    assert all(m.removed for m in show_case(w.store, w.as_("rev"), case_id).messages)


def test_only_restricting_decisions_can_be_appealed(w: World) -> None:
    case_id = _case_for_leaks(w)
    d = decide(w.store, w.as_("rev"), case_id, "no_violation", "not_a_leak")
    with pytest.raises(UsageError, match="restricts nothing"):
        file_appeal(w.store, w.as_("ana"), d.id, "owner", "grounds")


def test_purge_removes_text_of_old_closed_cases_and_old_uncased_messages(w: World) -> None:
    case_id = _case_for_leaks(w)
    decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle")
    later = utcnow() + timedelta(days=100)
    assert purge(w.store, w.as_("ada"), parse_period("90d"), now=utcnow()).messages == 0
    dry = purge(w.store, w.as_("ada"), parse_period("90d"), now=later, dry_run=True)
    assert (dry.in_cases, dry.uncased) == (4, 3)
    assert reveal(w.store, KEYS, w.as_("rev"), w.leaks[0], "still there after a dry run").text
    with pytest.raises(PermissionDenied):
        purge(w.store, w.as_("rev"), parse_period("90d"), now=later)
    report = purge(w.store, w.as_("ada"), parse_period("90d"), now=later)
    assert (report.messages, report.in_cases, report.uncased) == (7, 4, 3)
    with pytest.raises(NotFound, match="purged"):
        reveal(w.store, KEYS, w.as_("rev"), w.leaks[0], "after the retention period")
    case = show_case(w.store, w.as_("rev"), case_id)
    assert all(m.text_purged for m in case.messages)
    assert all(m.findings for m in case.messages)  # fingerprints and previews are kept
    with pytest.raises(NotFound, match="purged"):  # in no case, but stored over 90 days
        reveal(w.store, KEYS, w.as_("rev"), w.news, "never in a case, ingested long ago")
    assert list_cases(w.store, w.as_("aud"))[0].decisions == ("initial:remove",)
    audit_ok(w)


@pytest.mark.parametrize("text", ["90", "d", "1y", "-3d"])
def test_bad_period(text: str) -> None:
    with pytest.raises(UsageError):
        parse_period(text)


def test_purge_reaches_every_stored_text_by_age(w: World) -> None:
    """Issue 8.11: texts of messages never in a case could never be purged; now every stored text
    has a retention: uncased messages by ingest time, cased ones when their cases closed."""
    case_id = _case_for_leaks(w)  # leaves the case open
    soon = utcnow() + timedelta(days=10)
    assert purge(w.store, w.as_("ada"), parse_period("90d"), now=soon).messages == 0
    later = utcnow() + timedelta(days=100)
    report = purge(w.store, w.as_("ada"), parse_period("90d"), now=later)
    assert (report.in_cases, report.uncased) == (0, 3)  # the open case keeps its texts
    with pytest.raises(NotFound, match="purged"):
        reveal(w.store, KEYS, w.as_("rev"), w.clear, "the clear message, never in a case")
    assert reveal(w.store, KEYS, w.as_("rev"), w.leaks[0], "still under review in the case").text
    assert show_case(w.store, w.as_("rev"), case_id).messages
    audit_ok(w)


def test_reveal_reason_is_not_copied_into_the_audit_log(w: World) -> None:
    """Issue 8.11: a reason may name the person ("is this Ali Hassan's phone?"); the log keeps its
    length and a keyed hash only."""
    reason = f"is this {RAW['person']}'s phone, as in case 1?"
    reveal(w.store, KEYS, w.as_("rev"), w.leaks[0], reason)
    finding = show_case(w.store, w.as_("rev"), _case_for_leaks(w)).messages[0].findings[0]
    reveal_finding(w.store, KEYS, w.as_("rev"), finding.id, reason)
    with w.store.session() as s:
        payloads = [
            json.dumps(e.payload, ensure_ascii=False)
            for e in s.scalars(select(AuditEvent).where(AuditEvent.event == "revealed"))
        ]
    assert len(payloads) == 2
    for payload in payloads:
        assert RAW["person"] not in payload
        assert "phone" not in payload
        assert f'"reason_chars": {len(reason)}' in payload


def test_a_link_to_a_message_not_stored_never_widens_to_its_channel(w: World) -> None:
    """Issue 8.7: a link to a message the store lacks turned the notice case into every leak in
    that channel (a `remove` then removed them all) and the liaison read "links 1/1". Now the
    case holds only what resolved, and each unresolved link is reported as such."""
    n = submit_notice(
        w.store,
        w.as_("lia"),
        "CMC",
        "CMC/9",
        "Law 1",
        "personal_data",
        ["https://t.me/c/100/999"],
    )
    assert (n.links, n.links_resolved) == (1, 0)
    assert n.unresolved == ("https://t.me/c/100/999",)
    assert n.link_states[0].state is LinkState.NO_SUCH_MESSAGE
    assert n.case_id is not None
    assert show_case(w.store, w.as_("rev"), n.case_id).scope.messages == 0


def test_notice_case_holds_only_the_linked_messages(w: World) -> None:
    links = ["https://t.me/c/100/1", "telegram:100/999", "t.me/nobody/3", "telegram:200"]
    n = submit_notice(w.store, w.as_("lia"), "CMC", "CMC/10", "Law 1", "personal_data", links)
    states = [v.state for v in n.link_states]
    assert states == [
        LinkState.MESSAGE,
        LinkState.NO_SUCH_MESSAGE,
        LinkState.NO_SUCH_CHANNEL,
        LinkState.CHANNEL,  # a channel link: that channel's leaks (one, in "News")
    ]
    assert n.links_resolved == 2
    assert n.case_id is not None
    case = show_case(w.store, w.as_("rev"), n.case_id)
    assert {m.message_pk for m in case.messages} == {w.leaks[0], w.news}
    decide(w.store, w.as_("rev"), n.case_id, "remove", "identity_bundle")
    removed = {
        m.message_pk for m in show_case(w.store, w.as_("rev"), n.case_id).messages if m.removed
    }
    assert removed == {w.leaks[0], w.news}  # the other four leaks in "Leaks" stay up
    audit_ok(w)


def test_liaison_cli_reads_resolved_and_unresolved_per_link(
    w: World, db_url: str, master_key: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--authority", "CMC", "--reference", "CMC/11", "--legal-basis", "Law 1",
            "--category", "personal_data", "--db", db_url, "--as", "lia"]  # fmt: skip
    assert main(["notice", "submit", "https://t.me/c/100/999", "telegram:100/2", *args]) == 0
    out = capsys.readouterr().out
    assert "resolved" in out
    assert "1/2" in out
    assert "unresolved: the channel is stored, this message is not: https://t.me/c/100/999" in out
