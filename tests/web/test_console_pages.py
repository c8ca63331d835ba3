"""Console pages through a TestClient: the queue, a case with masked findings, reveal with a
reason (audited), the decision form, the liaison's notices (no raw value, ever) and the audit
view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from console_client import csrf_of, field, log_in
from fastapi.testclient import TestClient
from sqlalchemy import select
from web_seed import PASSWORD, RAW, World, world

from leakwatch.store.models import AuditEvent
from leakwatch.web.app import create_console
from leakwatch.web.render import Segment, segments
from leakwatch.workflow.cases import queue
from leakwatch.workflow.notices import submit_notice
from leakwatch.workflow.review import decide, decisions_of


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path / "console.db") as w:
        yield w


def _client(w: World, name: str) -> TestClient:
    client = TestClient(create_console(w.store))
    assert log_in(client, name, PASSWORD).status_code == 303
    return client


def test_the_queue_lists_the_case_and_polls_for_new_ones(w: World) -> None:
    client = _client(w, "rev")
    page = client.get("/queue")
    assert f'href="http://testserver/cases/{w.case_id}"' in page.text
    assert 'hx-trigger="every 5s"' in page.text
    assert "/static/htmx.min.js" in page.text
    rows = client.get("/queue/rows", headers={"HX-Request": "true"})
    assert rows.status_code == 200
    assert f"#{w.case_id}" in rows.text
    assert "<html" not in rows.text


def test_the_case_page_shows_findings_masked_and_no_raw_value(w: World) -> None:
    page = _client(w, "rev").get(f"/cases/{w.case_id}")
    assert page.status_code == 200
    assert 'class="masked" dir="auto"' in page.text
    for value in [*RAW.values(), *w.texts]:
        assert value not in page.text
    assert 'data-key="r"' in page.text
    assert 'data-key="k"' in page.text
    assert 'data-key="e"' in page.text


def test_reveal_needs_a_reason_and_is_audited(w: World) -> None:
    client = _client(w, "rev")
    page = client.get(f"/cases/{w.case_id}")
    csrf = csrf_of(page.text)
    pk = w.messages[2]  # the Arabic message
    url = f"/cases/{w.case_id}/messages/{pk}/reveal"
    short = client.post(url, data={"reason": "why", "csrf": csrf}, headers={"HX-Request": "true"})
    assert short.status_code == 400
    assert "at least 10 characters" in short.text
    assert f'id="reason-{pk}"' in short.text  # the form again, to try once more
    r = client.post(
        url,
        data={"reason": "checking a notice from CMC", "csrf": csrf},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200
    assert 'dir="auto"' in r.text
    assert f'title="PERSON">{RAW["person_ar"]}</mark>' in r.text
    with w.store.session() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.event == "revealed")))
    assert [e.subject for e in events] == [f"message:{pk}"]
    assert "checking" not in str(events[0].payload)


def test_reveal_without_htmx_renders_the_case_page_with_the_text(w: World) -> None:
    client = _client(w, "rev")
    csrf = csrf_of(client.get(f"/cases/{w.case_id}").text)
    pk = w.messages[0]
    r = client.post(
        f"/cases/{w.case_id}/messages/{pk}/reveal",
        data={"reason": "verifying the detection", "csrf": csrf},
    )
    assert r.status_code == 200
    assert f'title="PHONE_NUMBER">{RAW["phone"]}</mark>' in r.text
    assert '<h1><span lang="en">Case</span>' in r.text
    short = client.post(
        f"/cases/{w.case_id}/messages/{pk}/reveal", data={"reason": "why", "csrf": csrf}
    )
    assert short.status_code == 400
    assert '<h1><span lang="en">Case</span>' in short.text
    assert "at least 10 characters" in short.text


def test_a_message_outside_the_case_is_not_revealed_through_it(w: World) -> None:
    client = _client(w, "rev")
    csrf = csrf_of(client.get(f"/cases/{w.case_id}").text)
    r = client.post(
        f"/cases/{w.case_id}/messages/999/reveal",
        data={"reason": "verifying the detection", "csrf": csrf},
    )
    assert r.status_code == 404


def test_the_decision_form_records_the_decision(w: World) -> None:
    client = _client(w, "rev")
    page = client.get(f"/cases/{w.case_id}").text
    r = client.post(
        f"/cases/{w.case_id}/decide",
        data={
            "decision": "remove",
            "reason": "identity_bundle",
            "version": field(page, "version"),
            "csrf": csrf_of(page),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    [d] = decisions_of(w.store, w.as_("rev"), w.case_id)
    assert (d.decision, d.reason_code, d.decided_by) == ("remove", "identity_bundle", "rev")
    page = client.get(f"/cases/{w.case_id}")
    assert "initial:remove" in page.text
    assert 'id="decide"' not in page.text  # closed: no form


@pytest.mark.parametrize(
    ("decision", "reason", "status", "message"),
    [
        ("remove", "not_a_leak", 400, "needs a policy clause reason"),
        ("no_violation", "identity_bundle", 400, "cannot rest on identity_bundle"),
        ("burn", "identity_bundle", 400, "unknown decision"),
    ],
)
def test_a_bad_decision_is_one_clear_line(
    w: World, decision: str, reason: str, status: int, message: str
) -> None:
    client = _client(w, "rev")
    page = client.get(f"/cases/{w.case_id}").text
    r = client.post(
        f"/cases/{w.case_id}/decide",
        data={
            "decision": decision,
            "reason": reason,
            "version": field(page, "version"),
            "csrf": csrf_of(page),
        },
    )
    assert r.status_code == status
    assert message in r.text


def test_a_stale_decision_form_is_a_conflict(w: World) -> None:
    client = _client(w, "rev")
    page = client.get(f"/cases/{w.case_id}").text
    decide(w.store, w.as_("ada"), w.case_id, "escalate", "identity_bundle")
    r = client.post(
        f"/cases/{w.case_id}/decide",
        data={
            "decision": "remove",
            "reason": "identity_bundle",
            "version": field(page, "version"),
            "csrf": csrf_of(page),
        },
    )
    assert r.status_code == 409
    assert "reload it" in r.text


@pytest.mark.parametrize("path", ["/queue", "/queue/rows", "/cases/{case}", "/audit"])
def test_a_liaison_is_refused_the_reviewers_and_auditors_pages(w: World, path: str) -> None:
    r = _client(w, "lia").get(path.format(case=w.case_id))
    assert r.status_code == 403


def test_a_liaison_lands_on_notices_with_no_queue_in_the_menu(w: World) -> None:
    client = _client(w, "lia")
    r = client.get("/")
    assert r.url.path == "/notices"
    assert "Review queue" not in r.text
    assert "Audit log" not in r.text


def test_a_liaisons_pages_carry_no_raw_value_through_the_whole_loop(w: World) -> None:
    lia = _client(w, "lia")
    csrf = csrf_of(lia.get("/notices").text)
    r = lia.post(
        "/notices",
        data={
            "authority": "CMC",
            "reference": "CMC-2026-17",
            "legal_basis": "Media law art. 4",
            "category": "personal_data",
            "links": "telegram:100/1\ntelegram:100/3\nhttps://t.me/c/999/1",
            "sla_hours": "24",
            "csrf": csrf,
        },
    )
    assert r.status_code == 200
    assert r.url.path.startswith("/notices/")
    notice_id = int(r.url.path.rsplit("/", 1)[1])
    assert "unresolved: no stored channel" in r.text
    notice_case = next(c for c in _queue_ids(w) if c != w.case_id)
    decide(w.store, w.as_("rev"), notice_case, "remove", "identity_bundle")
    pages = [lia.get("/notices"), lia.get(f"/notices/{notice_id}"), lia.get("/")]
    assert "Statements of reasons" in pages[1].text
    assert "remove" in pages[1].text
    for page in pages:
        assert page.status_code == 200
        for secret in w.secrets():
            assert secret not in page.text, secret


def _queue_ids(w: World) -> list[int]:
    return [c.id for c in queue(w.store, w.as_("ada"))]


def test_a_liaison_may_not_submit_for_another_authority(w: World) -> None:
    lia = _client(w, "lia")
    csrf = csrf_of(lia.get("/notices").text)
    r = lia.post(
        "/notices",
        data={
            "authority": "Other",
            "reference": "X-1",
            "legal_basis": "law",
            "category": "personal_data",
            "links": "telegram:100/1",
            "csrf": csrf,
        },
    )
    assert r.status_code == 403
    assert "may not submit notices for Other" in r.text
    assert 'value="X-1"' in r.text  # the form keeps what was typed


def test_the_auditor_sees_the_chain_verified_and_the_events(w: World) -> None:
    page = _client(w, "aud").get("/audit")
    assert page.status_code == 200
    assert "Chain intact" in page.text
    assert "case_opened" in page.text
    assert "password_set" in page.text
    for value in RAW.values():
        assert value not in page.text


def test_static_assets_are_served_locally(w: World) -> None:
    client = TestClient(create_console(w.store))
    for name in ("htmx.min.js", "console.js", "console.css", "NotoNaskhArabic-Regular.ttf"):
        assert client.get(f"/static/{name}").status_code == 200
    assert 'url("NotoNaskhArabic-Regular.ttf")' in client.get("/static/console.css").text


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("abc", [], [Segment("abc")]),
        ("a 077 b", [(2, 5, "PHONE")], [Segment("a "), Segment("077", "PHONE"), Segment(" b")]),
        ("077", [(0, 3, "PHONE")], [Segment("077", "PHONE")]),
        ("abcdef", [(0, 4, "A"), (2, 6, "B")], [Segment("abcd", "A"), Segment("ef", "B")]),
        ("abc", [(1, 99, "A")], [Segment("a"), Segment("bc", "A")]),
        ("abc", [(5, 9, "A")], [Segment("abc")]),
    ],
)
def test_segments_cover_every_character_once(
    text: str, spans: list[tuple[int, int, str]], expected: list[Segment]
) -> None:
    got = segments(text, spans)
    assert got == expected
    assert "".join(s.text for s in got) == text


@pytest.mark.parametrize(
    ("user", "lands"),
    [("rev", "/queue"), ("lia", "/notices"), ("aud", "/audit"), ("ada", "/queue")],
)
def test_each_role_lands_on_its_own_page(w: World, user: str, lands: str) -> None:
    assert _client(w, user).get("/").url.path == lands


def test_the_liaison_opens_the_transparency_report_with_no_raw_value(w: World) -> None:
    decide(w.store, w.as_("rev"), w.case_id, "remove", "identity_bundle")
    lia = _client(w, "lia")
    form = lia.get("/transparency")
    assert form.status_code == 200
    assert 'type="date"' in form.text
    today = form.text.split('id="end" name="end" type="date" required value="')[1][:10]
    report = lia.get("/transparency/report", params={"start": "2026-01-01", "end": today})
    assert report.status_code == 200
    assert "<svg" in report.text
    assert "script-src" not in report.headers["content-security-policy"]
    assert "default-src 'none'" in report.headers["content-security-policy"]
    for secret in w.secrets():
        assert secret not in report.text, secret
    bad = lia.get("/transparency/report", params={"start": "2026-13-01", "end": today})
    assert bad.status_code == 422


def test_the_channels_page_ranks_by_risk(w: World) -> None:
    page = _client(w, "rev").get("/channels")
    assert page.status_code == 200
    assert "telegram:100" in page.text
    assert "3 / 3" in page.text


def test_the_case_links_each_message_to_its_provenance_masked(w: World) -> None:
    client = _client(w, "rev")
    case = client.get(f"/cases/{w.case_id}").text
    assert "/trace?message=telegram%3A100%2F1" in case
    page = client.get("/trace", params={"message": "telegram:100/1"})
    assert page.status_code == 200
    assert "likely source" in page.text
    assert 'class="masked" dir="auto"' in page.text
    for value in RAW.values():
        assert value not in page.text


@pytest.mark.parametrize(
    ("path", "status"), [("/channels", 403), ("/trace?message=telegram:100/1", 403)]
)
def test_a_liaison_sees_no_channel_or_provenance(w: World, path: str, status: int) -> None:
    assert _client(w, "lia").get(path).status_code == status


def test_an_unknown_message_to_trace_is_a_404(w: World) -> None:
    assert _client(w, "rev").get("/trace", params={"message": "telegram:100/77"}).status_code == 404


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/cases/abc", 422),
        ("/cases/99999999999", 422),
        ("/cases/999", 404),
        ("/notices/0", 422),
        ("/nope", 404),
        ("/audit?limit=100000", 422),
        ("/trace?message=x", 422),
        ("/transparency/report?start=2026-01-01", 422),
    ],
)
def test_bad_requests_get_an_html_page_not_a_500(w: World, path: str, status: int) -> None:
    r = _client(w, "rev").get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in r.text


def test_a_reviewer_acknowledges_a_notice_and_the_liaison_cannot(w: World) -> None:
    n = submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC-9", "law", "personal_data", ["telegram:100/1"]
    )
    lia = _client(w, "lia")
    page = lia.get(f"/notices/{n.id}").text
    assert "Acknowledge receipt" not in page
    assert f"/cases/{n.case_id}" not in page
    refused = lia.post(f"/notices/{n.id}/acknowledge", data={"csrf": csrf_of(page)})
    assert refused.status_code == 403
    rev = _client(w, "rev")
    page = rev.get(f"/notices/{n.id}").text
    assert f"/cases/{n.case_id}" in page
    done = rev.post(f"/notices/{n.id}/acknowledge", data={"csrf": csrf_of(page)})
    assert done.status_code == 200
    assert 'id="notice-status">acknowledged<' in done.text
    again = rev.post(f"/notices/{n.id}/acknowledge", data={"csrf": csrf_of(page)})
    assert again.status_code == 409


def test_a_false_positive_is_excluded_from_its_case(w: World) -> None:
    client = _client(w, "rev")
    page = client.get(f"/cases/{w.case_id}").text
    pk = w.messages[0]
    r = client.post(
        f"/cases/{w.case_id}/messages/{pk}/exclude",
        data={"reason": "public_contact", "version": field(page, "version"), "csrf": csrf_of(page)},
    )
    assert r.status_code == 200
    assert "excluded (public_contact)" in r.text
    assert f'action="http://testserver/cases/{w.case_id}/messages/{pk}/exclude"' not in r.text
    stale = client.post(
        f"/cases/{w.case_id}/messages/{w.messages[1]}/exclude",
        data={"reason": "not_a_leak", "version": field(page, "version"), "csrf": csrf_of(page)},
    )
    assert stale.status_code == 409  # the page was read before the exclusion
    fresh = field(r.text, "version")
    bad = client.post(
        f"/cases/{w.case_id}/messages/{w.messages[1]}/exclude",
        data={"reason": "identity_bundle", "version": fresh, "csrf": csrf_of(page)},
    )
    assert bad.status_code == 400


@pytest.mark.parametrize(
    ("query", "shows_channel_case", "shows_notice_case"),
    [
        ({}, True, True),
        ({"severity": "", "kind": ""}, True, True),
        ({"kind": "notice"}, False, True),
        ({"kind": "channel"}, True, False),
        ({"severity": "critical"}, True, False),  # the notice's one message is high
        ({"severity": "high", "kind": "notice"}, False, True),
    ],
)
def test_the_queue_filters_by_severity_and_kind_and_polls_with_the_filter(
    w: World, query: dict[str, str], shows_channel_case: bool, shows_notice_case: bool
) -> None:
    n = submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC-F", "law", "personal_data", ["telegram:100/1"]
    )
    client = _client(w, "rev")
    for path in ("/queue", "/queue/rows"):
        text = client.get(path, params=query).text
        assert (f">#{w.case_id}<" in text) is shows_channel_case
        assert (f">#{n.case_id}<" in text) is shows_notice_case
    page = client.get("/queue", params=query).text
    if query.get("kind"):
        assert f"kind={query['kind']}" in page  # the polled rows keep the filter


def test_an_unknown_filter_is_one_line(w: World) -> None:
    r = _client(w, "rev").get("/queue", params={"severity": "huge"})
    assert r.status_code == 400
    assert "filter by severity (low, medium, high, critical)" in r.text


def test_an_appeal_is_filed_from_the_case_and_decided_by_another_reviewer(w: World) -> None:
    decide(w.store, w.as_("rev"), w.case_id, "remove", "identity_bundle")
    ada = _client(w, "ada")
    page = ada.get(f"/cases/{w.case_id}").text
    [d] = decisions_of(w.store, w.as_("ada"), w.case_id)
    filed = ada.post(
        f"/cases/{w.case_id}/decisions/{d.id}/appeal",
        data={
            "appellant": "the channel owner",
            "grounds": "it is my own number",
            "csrf": csrf_of(page),
        },
    )
    assert filed.status_code == 200
    assert filed.url.path == "/appeals"
    assert 'id="appeal-1"' in filed.text
    rev = _client(w, "rev")
    listing = rev.get("/appeals").text
    own = rev.post(
        "/appeals/1/decide",
        data={"outcome": "reversed", "reason": "public_contact", "csrf": csrf_of(listing)},
    )
    assert own.status_code == 403
    assert "different reviewer" in own.text
    done = ada.post(
        "/appeals/1/decide",
        data={"outcome": "reversed", "reason": "public_contact", "csrf": csrf_of(filed.text)},
    )
    assert done.status_code == 200
    assert "reversed" in done.text
    stages = [v.stage for v in decisions_of(w.store, w.as_("ada"), w.case_id)]
    assert stages == ["initial", "appeal"]


def test_a_liaison_sees_no_appeals_page(w: World) -> None:
    assert _client(w, "lia").get("/appeals").status_code == 403


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("GET", "/channel?key=telegram%00100", None),
        ("GET", "/trace?message=telegram:100/1%00", None),
        ("POST", "/notices", {"authority": "CMC", "reference": "R\x00", "legal_basis": "law",
                              "category": "personal_data", "links": "telegram:100/1"}),
    ],
)  # fmt: skip
def test_a_nul_character_is_a_422_before_any_database_sees_it(
    w: World, method: str, path: str, data: dict[str, str] | None
) -> None:
    client = _client(w, "rev")
    if data is None:
        r = client.get(path)
    else:
        r = client.post(path, data=data | {"csrf": csrf_of(client.get("/notices").text)})
    assert r.status_code == 422
    assert "NUL character" in r.text


def test_a_nul_in_the_login_name_is_refused(w: World) -> None:
    client = TestClient(create_console(w.store))
    assert log_in(client, "rev\x00", PASSWORD).status_code == 422
