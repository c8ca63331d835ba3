"""The workflow's harder rules on SQLite and PostgreSQL: races decided by the store (both reviewers
read the case before either writes), the action right behind restricting decisions, the notice
clock per stage, retention that waits for an open appeal, and revealing a single finding."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select
from wf_seed import KEYS, RAW, World, audit_ok, world

from leakwatch.cli.main import main
from leakwatch.errors import Conflict, NotFound, PermissionDenied, UsageError
from leakwatch.report.transparency import transparency_report
from leakwatch.store.models import AuditEvent, CaseMessage, Notice, utcnow
from leakwatch.workflow import appeals, cases, review
from leakwatch.workflow.appeals import decide_appeal, file_appeal
from leakwatch.workflow.cases import open_channel_cases, show_case
from leakwatch.workflow.notices import (
    list_notices,
    notice_response,
    notice_status,
    submit_notice,
)
from leakwatch.workflow.retention import purge
from leakwatch.workflow.reveal import reveal, reveal_finding
from leakwatch.workflow.review import decide
from leakwatch.workflow.roles import ALLOWED, Operation, Role
from leakwatch.workflow.sla import clock
from leakwatch.workflow.users import add_user


@pytest.fixture
def w(db_url: str) -> Iterator[World]:
    with world(db_url) as built:
        yield built


def _case(w: World) -> int:
    return open_channel_cases(w.store, w.as_("ana")).opened[0]


def _race(calls: dict[str, Callable[[], Any]]) -> tuple[list[Any], list[BaseException]]:
    """Run the calls in threads started together; their results and their errors."""
    start = threading.Barrier(len(calls))
    outcomes: dict[str, Any] = {}

    def run(name: str, call: Callable[[], Any]) -> None:
        start.wait()
        try:
            outcomes[name] = call()
        except BaseException as exc:  # collected and asserted by the caller
            outcomes[name] = exc

    threads = [threading.Thread(target=run, args=item) for item in calls.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    assert len(outcomes) == len(calls), "a racer hung"
    errors = [o for o in outcomes.values() if isinstance(o, BaseException)]
    return [o for o in outcomes.values() if not isinstance(o, BaseException)], errors


def _both_read_first(monkeypatch: pytest.MonkeyPatch, module: Any, w: World) -> None:
    """Make each racer wait, after reading the case, until the other has read it too.

    Only PostgreSQL lets two writers interleave; SQLite's BEGIN IMMEDIATE makes the second wait
    for the first to commit, so there the race is decided before the second one reads.
    """
    if w.store.dialect != "postgresql":
        pytest.skip("SQLite serializes writers (BEGIN IMMEDIATE): nothing to interleave")
    both_read = threading.Barrier(2)
    original = module.get_case

    def get_case_then_wait(session: Any, case_id: int) -> Any:
        case = original(session, case_id)
        both_read.wait(timeout=30)
        return case

    monkeypatch.setattr(module, "get_case", get_case_then_wait)


def test_two_reviewers_who_both_read_the_case_one_wins(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case(w)
    before = show_case(w.store, w.as_("aud"), case_id).version
    _both_read_first(monkeypatch, review, w)
    wins, errors = _race(
        {
            "rev": lambda: decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle"),
            "rex": lambda: decide(w.store, w.as_("rex"), case_id, "no_violation", "not_a_leak"),
        }
    )
    assert len(wins) == 1
    assert len(errors) == 1
    assert isinstance(errors[0], Conflict), repr(errors[0])
    assert "decided by someone else at the same time" in str(errors[0])
    case = show_case(w.store, w.as_("aud"), case_id)
    assert len(case.decisions) == 1
    assert case.version == before + 1  # one update, not two
    with w.store.session() as s:
        decided = s.scalars(select(AuditEvent).where(AuditEvent.event == "decided")).all()
    assert len(decided) == 1
    audit_ok(w)


def test_two_auto_open_runs_at_once_open_one_case_per_channel(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both runs find the same uncovered leaks; each dawdles before opening, so without the lock
    the second would read before the first commits and open a duplicate case."""
    original = cases.new_case

    def slow_new_case(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.5)
        return original(*args, **kwargs)

    monkeypatch.setattr(cases, "new_case", slow_new_case)
    results, errors = _race(
        {
            "one": partial(open_channel_cases, w.store, w.as_("ana")),
            "two": partial(open_channel_cases, w.store, w.as_("ana")),
        }
    )
    assert errors == []
    opened = [c for r in results for c in r.opened]
    assert opened
    assert sorted(opened) == sorted(set(opened))
    assert [r.messages_added for r in results].count(0) == 1  # the later run found nothing left
    views = cases.list_cases(w.store, w.as_("aud"))
    channels = [v.channel for v in views if v.kind == "channel"]
    assert len(channels) == len(set(channels)) == len(opened)
    with w.store.session() as s:
        pks = s.scalars(select(CaseMessage.message_pk)).all()
    assert len(pks) == len(set(pks))  # no message in two cases
    audit_ok(w)


def test_racing_reviewers_never_both_win(w: World) -> None:
    """Without any forced interleaving, on both backends: always one win and one Conflict."""
    for i in range(3):
        notice = submit_notice(
            w.store,
            w.as_("lia"),
            "CMC",
            f"R-{i}",
            "Law",
            "personal_data",
            ["telegram:100/1"],
        )
        assert notice.case_id is not None
        wins, errors = _race(
            {
                "rev": partial(
                    decide, w.store, w.as_("rev"), notice.case_id, "remove", "identity_bundle"
                ),
                "rex": partial(
                    decide, w.store, w.as_("rex"), notice.case_id, "no_violation", "not_a_leak"
                ),
            }
        )
        assert (len(wins), [type(e) for e in errors]) == (1, [Conflict])
    audit_ok(w)


def test_two_reviewers_deciding_one_appeal_one_wins(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = decide(w.store, w.as_("rev"), _case(w), "remove", "identity_bundle")
    appeal = file_appeal(w.store, w.as_("ana"), d.id, "owner", "grounds")
    _both_read_first(monkeypatch, appeals, w)
    wins, errors = _race(
        {
            "rex": lambda: decide_appeal(
                w.store, w.as_("rex"), appeal.id, "reversed", "not_a_leak"
            ),
            "ada": lambda: decide_appeal(
                w.store, w.as_("ada"), appeal.id, "upheld", "identity_bundle"
            ),
        }
    )
    assert (len(wins), [type(e) for e in errors]) == (1, [Conflict])
    audit_ok(w)


def test_duplicate_notices_at_once_one_is_refused(w: World) -> None:
    def submit() -> Any:
        return submit_notice(
            w.store, w.as_("lia"), "CMC", "SAME", "Law", "personal_data", ["t.me/c/1/1"]
        )

    wins, errors = _race({"a": submit, "b": submit})
    assert (len(wins), [type(e) for e in errors]) == (1, [Conflict])
    assert "already received" in str(errors[0])


def test_restricting_needs_the_record_action_right(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(ALLOWED, Role.REVIEWER, ALLOWED[Role.REVIEWER] - {Operation.RECORD_ACTION})
    case_id = _case(w)
    with pytest.raises(PermissionDenied, match="may not record action"):
        decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle")
    assert decide(w.store, w.as_("rev"), case_id, "no_violation", "not_a_leak").actions == ()


T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


@pytest.mark.parametrize(
    ("stamps", "finished", "now", "expected"),
    [
        # (ack, decided, actioned), finished, now → (to_ack, to_decide, to_action, total, overdue)
        ((None, None, None), False, 5, (None, None, None, 5.0, False)),
        ((None, None, None), False, 30, (None, None, None, 30.0, True)),
        ((1, None, None), False, 3, (1.0, None, None, 3.0, False)),
        ((1, 4, 6), True, 100, (1.0, 3.0, 2.0, 6.0, False)),
        ((1, 4, None), False, 100, (1.0, 3.0, None, 100.0, True)),  # decided, action pending
        ((1, 4, None), True, 100, (1.0, 3.0, None, 4.0, False)),  # no_violation: clock stopped
        ((2, 20, 30), True, 100, (2.0, 18.0, 10.0, 30.0, True)),  # finished, but late
    ],
)
def test_sla_clock(
    stamps: tuple[float | None, float | None, float | None],
    finished: bool,
    now: float,
    expected: tuple[float | None, float | None, float | None, float, bool],
) -> None:
    ack, decided, actioned = (None if x is None else _h(x) for x in stamps)
    c = clock(T0, ack, decided, actioned, 24, finished=finished, now=_h(now))
    assert (c.to_acknowledge, c.to_decide, c.to_action, c.total, c.overdue) == expected
    assert c.due_at == _h(24)
    assert c.finished is finished


def test_deciding_an_unacknowledged_notice_acknowledges_it(w: World) -> None:
    n = submit_notice(w.store, w.as_("lia"), "CMC", "N-1", "Law", "personal_data", ["t.me/c/100/1"])
    assert n.case_id is not None
    decide(w.store, w.as_("rev"), n.case_id, "remove", "identity_bundle")
    view = notice_status(w.store, w.as_("lia"), n.id)
    assert view.status == "actioned"
    assert view.acknowledged_at is not None
    assert view.decided_at is not None
    assert view.acknowledged_at <= view.decided_at
    assert view.finished
    assert view.hours_to_acknowledge is not None
    assert view.hours_to_action is not None
    with w.store.session() as s:
        ack = s.scalars(select(AuditEvent).where(AuditEvent.event == "notice_acknowledged")).one()
    assert ack.payload == {"implicit": True}
    audit_ok(w)


def test_a_notice_decided_no_violation_stops_its_clock(w: World) -> None:
    n = submit_notice(
        w.store, w.as_("lia"), "CMC", "N-2", "Law", "personal_data", ["t.me/c/200/1"], 2
    )
    assert n.case_id is not None
    with w.store.session() as s:
        row = s.get(Notice, n.id)
        assert row is not None
        row.received_at = utcnow() - timedelta(hours=1)
    decide(w.store, w.as_("rev"), n.case_id, "no_violation", "public_contact")
    view = notice_status(w.store, w.as_("lia"), n.id)
    assert (view.status, view.finished, view.actioned_at) == ("decided", True, None)
    assert 0.9 < view.hours_open < 1.5
    assert not view.overdue
    assert view.due_at == view.received_at + timedelta(hours=2)


def test_purge_waits_for_an_open_appeal(w: World) -> None:
    d = decide(w.store, w.as_("rev"), _case(w), "remove", "identity_bundle")
    appeal = file_appeal(w.store, w.as_("ana"), d.id, "owner", "grounds")
    later = utcnow() + timedelta(days=100)
    assert purge(w.store, w.as_("ada"), timedelta(days=90), now=later).in_cases == 0
    assert reveal(w.store, KEYS, w.as_("rex"), w.leaks[0], "reading it for the appeal").text
    decide_appeal(w.store, w.as_("rex"), appeal.id, "upheld", "identity_bundle")
    report = purge(w.store, w.as_("ada"), timedelta(days=90), now=later)
    assert (report.in_cases, report.cases) == (4, 1)
    audit_ok(w)


def _finding_id(w: World, entity_type: str) -> int:
    case = show_case(w.store, w.as_("rev"), _case(w))
    first = next(m for m in case.messages if m.message_pk == w.leaks[0])
    return next(f.id for f in first.findings if f.entity_type == entity_type)


def test_reveal_one_finding_value(w: World) -> None:
    fid = _finding_id(w, "PHONE_NUMBER")
    with pytest.raises(PermissionDenied):
        reveal_finding(w.store, KEYS, w.as_("lia"), fid, "the regulator wants to see")
    shown = reveal_finding(w.store, KEYS, w.as_("rev"), fid, "is this the phone from case 2?")
    assert (shown.entity_type, shown.value, shown.message_pk) == (
        "PHONE_NUMBER",
        RAW["phone"],
        w.leaks[0],
    )
    with w.store.session() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.event == "revealed")).one()
    assert ev.subject == f"finding:{fid}"
    assert ev.payload["entity_type"] == "PHONE_NUMBER"
    assert RAW["phone"] not in json.dumps(ev.payload)
    with pytest.raises(NotFound, match="no finding"):
        reveal_finding(w.store, KEYS, w.as_("rev"), 99999, "is this the phone from case 2?")
    audit_ok(w)


def test_reveal_finding_from_the_cli(
    w: World,
    db_url: str,
    master_key: bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fid = _finding_id(w, "PERSON")
    monkeypatch.setenv("LEAKWATCH_DB", db_url)
    code = main(["reveal", "--finding", str(fid), "--reason", "checking the name", "--as", "rev"])
    out = capsys.readouterr().out
    assert code == 0
    assert RAW["person"] in out
    assert "audit log" in out
    assert main(["reveal", "--reason", "checking the name", "--as", "rev"]) == 2
    assert "either a MESSAGE" in capsys.readouterr().err


def test_the_reviewer_who_escalated_may_not_decide_the_case(w: World) -> None:
    """Issue 8.13: an escalation goes to a senior reviewer; the one who escalated could decide
    the case themselves."""
    case_id = _case(w)
    decide(w.store, w.as_("rev"), case_id, "escalate", "identity_bundle")
    with pytest.raises(PermissionDenied, match=f"you escalated case {case_id}"):
        decide(w.store, w.as_("rev"), case_id, "remove", "identity_bundle")
    assert decide(w.store, w.as_("rex"), case_id, "remove", "identity_bundle").stage == "initial"
    audit_ok(w)


def test_transparency_escalate_bar_counts_escalations(w: World) -> None:
    """Issue 8.13: the report counted only stage `initial`, so its Escalate bar was always 0."""
    case_id = _case(w)
    decide(w.store, w.as_("rev"), case_id, "escalate", "identity_bundle")
    decide(w.store, w.as_("rex"), case_id, "remove", "identity_bundle")
    today = utcnow().date()
    report = transparency_report(w.store, w.as_("aud"), today, today)
    assert dict(report.by_decision)["escalate"] == 1
    assert dict(report.by_decision)["remove"] == 1
    assert report.decisions == 2


def test_liaisons_see_only_their_authoritys_notices(w: World) -> None:
    """Issue 8.13: every liaison saw every authority's notices."""
    add_user(w.store, w.as_("ada"), "kri", "liaison", authority="KRG-DPA")
    add_user(w.store, w.as_("ada"), "solo", "liaison")  # no authority on record: their own only
    cmc = submit_notice(
        w.store, w.as_("lia"), "CMC", "C/1", "Law 1", "personal_data", ["telegram:100/1"]
    )
    krg = submit_notice(w.store, w.as_("kri"), "KRG-DPA", "K/1", "Law 2", "personal_data",
                        ["telegram:200/1"])  # fmt: skip
    admin = submit_notice(
        w.store, w.as_("ada"), "CMC", "C/2", "Law 1", "personal_data", ["telegram:100"]
    )
    assert [n.id for n in list_notices(w.store, w.as_("lia"))] == [cmc.id, admin.id]
    assert [n.id for n in list_notices(w.store, w.as_("kri"))] == [krg.id]
    assert list_notices(w.store, w.as_("solo")) == []
    assert len(list_notices(w.store, w.as_("rev"))) == 3  # the platform's side sees them all
    for call in (notice_status, notice_response):
        with pytest.raises(NotFound, match=f"no notice {cmc.id}"):
            call(w.store, w.as_("kri"), cmc.id)
    assert notice_response(w.store, w.as_("kri"), krg.id).notice.authority == "KRG-DPA"
    with pytest.raises(PermissionDenied, match="a liaison for KRG-DPA may not submit"):
        submit_notice(
            w.store,
            w.as_("kri"),
            "CMC",
            "C/3",
            "Law 1",
            "personal_data",
            ["telegram:100/2"],
        )
    with pytest.raises(UsageError, match="only a liaison speaks for an authority"):
        add_user(w.store, w.as_("ada"), "x", "reviewer", authority="CMC")
    audit_ok(w)


def test_workflow_list_commands_take_short_format(
    w: World, db_url: str, master_key: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 8.13: `-f` was missing on most workflow commands."""
    _case(w)
    for argv in (["case", "list"], ["case", "queue"], ["notice", "list"], ["appeal", "list"],
                 ["user", "list"], ["audit", "log"]):  # fmt: skip
        assert main([*argv, "-f", "json", "--db", db_url, "--as", "ada"]) == 0, argv
        assert isinstance(json.loads(capsys.readouterr().out), list), argv
