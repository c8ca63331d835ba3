"""The actions outbox: every decision, notice event and appeal decision writes one action in its
own transaction, naming links and statement ids and never a raw value; the takedown feed pages
through them by cursor and is closed to the liaison and the auditor."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from wf_seed import World, audit_ok, secrets, world

from leakwatch.errors import PermissionDenied, UsageError
from leakwatch.workflow.appeals import decide_appeal, file_appeal
from leakwatch.workflow.cases import open_channel_cases
from leakwatch.workflow.notices import acknowledge_notice, submit_notice
from leakwatch.workflow.outbox import ActionKind, ActionRecord, channel_link, feed, message_link
from leakwatch.workflow.review import decide


@pytest.fixture
def w(db_url: str) -> Iterator[World]:
    with world(db_url) as built:
        yield built


@pytest.fixture
def sw(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """A SQLite-only world, for the tests that do not need both backends."""
    with world(f"sqlite:///{tmp_path_factory.mktemp('outbox') / 'o.db'}") as built:
        yield built


def _all(w: World) -> list[ActionRecord]:
    return list(feed(w.store, w.as_("ada"), 0, 500).items)


def _loop(w: World) -> dict[str, int]:
    """A channel case removed, appealed and reversed; a notice submitted, acknowledged, and its
    case decided."""
    case = open_channel_cases(w.store, w.as_("ana")).opened[0]
    d = decide(w.store, w.as_("rev"), case, "remove", "identity_bundle")
    appeal = file_appeal(w.store, w.as_("ana"), d.id, "owner of Leaks", "consent")
    reversal = decide_appeal(w.store, w.as_("rex"), appeal.id, "reversed", "not_a_leak")
    notice = submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC/1", "Law 1", "personal_data", ["https://t.me/c/200/1"]
    )
    acknowledge_notice(w.store, w.as_("ana"), notice.id)
    assert notice.case_id is not None
    nd = decide(w.store, w.as_("rev"), notice.case_id, "remove", "identity_bundle")
    return {
        "case": case,
        "decision": d.id,
        "appeal": appeal.id,
        "reversal": reversal.id,
        "notice": notice.id,
        "notice_case": notice.case_id,
        "notice_decision": nd.id,
    }


def test_the_loop_writes_one_action_per_event_in_order(w: World) -> None:
    ids = _loop(w)
    actions = _all(w)
    assert [a.event for a in actions] == [
        ActionKind.DECISION,
        ActionKind.APPEAL_DECIDED,
        ActionKind.NOTICE_SUBMITTED,
        ActionKind.NOTICE_ACKNOWLEDGED,
        ActionKind.DECISION,
        ActionKind.NOTICE_RESOLVED,
    ]
    assert [a.id for a in actions] == sorted(a.id for a in actions)
    removal, reversal, submitted, _, notice_decision, resolved = actions
    assert removal.decision == "remove"
    assert removal.decision_id == ids["decision"]
    assert removal.statement_id == f"leakwatch:decision:{ids['decision']}"
    assert removal.links == tuple(f"https://t.me/c/100/{i}" for i in (1, 2, 3, 5))
    assert {s.action for s in removal.steps} == {"remove_message"}
    assert reversal.appeal_outcome == "reversed"
    assert reversal.appealed_decision_id == ids["decision"]
    assert reversal.statement_id == f"leakwatch:decision:{ids['reversal']}"
    assert {s.action for s in reversal.steps} == {"reinstate_message"}
    assert submitted.links == ("https://t.me/c/200/1",)
    assert submitted.notice_reference == "CMC/1"
    assert notice_decision.links == ("https://t.me/c/200/1",)
    assert notice_decision.notice_id == ids["notice"]
    assert resolved.notice_status == "actioned"
    assert resolved.statement_id == f"leakwatch:decision:{ids['notice_decision']}"
    audit_ok(w)


def test_no_action_carries_a_raw_value_a_text_or_a_preview(sw: World) -> None:
    _loop(sw)
    dumped = json.dumps([a.wire() for a in _all(sw)], ensure_ascii=False)
    for secret in secrets(sw):
        assert secret not in dumped


def test_an_escalation_writes_nothing_and_the_senior_decision_does(sw: World) -> None:
    case = open_channel_cases(sw.store, sw.as_("ana")).opened[0]
    decide(sw.store, sw.as_("rev"), case, "escalate", "identity_bundle")
    assert _all(sw) == []
    decide(sw.store, sw.as_("rex"), case, "no_violation", "public_figure")
    (only,) = _all(sw)
    assert only.decision == "no_violation"
    assert only.steps == ()
    assert only.links == tuple(f"https://t.me/c/100/{i}" for i in (1, 2, 3, 5))


def test_a_decision_that_acknowledges_a_notice_says_so_first(sw: World) -> None:
    notice = submit_notice(
        sw.store, sw.as_("lia"), "CMC", "CMC/2", "Law 1", "personal_data", ["telegram:200/1"]
    )
    assert notice.case_id is not None
    decide(sw.store, sw.as_("rev"), notice.case_id, "restrict_channel", "identity_bundle")
    events = [(a.event, a.notice_status) for a in _all(sw)]
    assert events == [
        (ActionKind.NOTICE_SUBMITTED, "received"),
        (ActionKind.NOTICE_ACKNOWLEDGED, "acknowledged"),
        (ActionKind.DECISION, "actioned"),
        (ActionKind.NOTICE_RESOLVED, "actioned"),
    ]
    decision = _all(sw)[2]
    assert [(s.action, s.link) for s in decision.steps] == [
        ("restrict_channel", "https://t.me/c/200")
    ]


def test_a_failed_decision_writes_no_action(sw: World) -> None:
    case = open_channel_cases(sw.store, sw.as_("ana")).opened[0]
    with pytest.raises(UsageError):
        decide(sw.store, sw.as_("rev"), case, "remove", "not_a_leak")
    with pytest.raises(PermissionDenied):
        decide(sw.store, sw.as_("ana"), case, "remove", "identity_bundle")
    assert _all(sw) == []


def test_the_feed_pages_by_cursor(sw: World) -> None:
    _loop(sw)
    everything = _all(sw)
    seen: list[int] = []
    since = 0
    while True:
        page = feed(sw.store, sw.as_("rev"), since, 4)
        seen += [a.id for a in page.items]
        since = page.next_since
        if not page.more:
            break
    assert seen == [a.id for a in everything]
    empty = feed(sw.store, sw.as_("rev"), since, 4)
    assert empty.items == ()
    assert empty.next_since == since
    assert not empty.more


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("ada", True), ("ana", True), ("rev", True), ("lia", False), ("aud", False)],
)
def test_who_may_read_the_feed(sw: World, who: str, allowed: bool) -> None:
    if allowed:
        assert feed(sw.store, sw.as_(who)).items == ()
    else:
        with pytest.raises(PermissionDenied):
            feed(sw.store, sw.as_(who))


@pytest.mark.parametrize(("since", "limit"), [(-1, 10), (0, 0), (0, 501)])
def test_the_feed_refuses_bad_paging(sw: World, since: int, limit: int) -> None:
    with pytest.raises(UsageError):
        feed(sw.store, sw.as_("ada"), since, limit)


@pytest.mark.parametrize(
    ("key", "message_id", "link"),
    [
        ("telegram:100", 5, "https://t.me/c/100/5"),
        ("telegram:1234567890", None, "https://t.me/c/1234567890"),
        ("name:Leaks", 3, "name:Leaks/3"),
        ("source:export", None, "source:export"),
    ],
)
def test_links(key: str, message_id: int | None, link: str) -> None:
    got = channel_link(key) if message_id is None else message_link(key, message_id)
    assert got == link
