"""Every route through HTTP: the role matrix (workflow.roles) holds over the API exactly as in
the services, the loop works end to end, lists page and filter, and a liaison's token never
receives a raw value, a message text or a masked preview from any route."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_seed import RAW, USERS, Loop, World, populate, world
from fastapi.testclient import TestClient

from leakwatch.api.app import create_app
from leakwatch.workflow.roles import Operation, Role, may

Op = Operation


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as w:
        yield w


@pytest.fixture
def client(w: World) -> TestClient:
    return TestClient(create_app(w.store))


def _routes(loop: Loop, w: World) -> list[tuple[str, str, Operation | None, dict[str, Any] | None]]:
    """(method, url, the operation it needs, JSON body) for every authenticated route."""
    leak_text = w.texts[0]
    return [
        ("GET", "/me", None, None),
        ("GET", "/status", Op.VIEW_STATUS, None),
        ("POST", "/scan/text", Op.VIEW_CASE, {"text": leak_text}),
        ("GET", "/channels", Op.VIEW_CHANNELS, None),
        ("GET", "/trace?message=telegram:100/1", Op.TRACE, None),
        ("GET", "/cases", Op.VIEW_CASE, None),
        ("GET", f"/cases/{loop.notice_case}", Op.VIEW_CASE, None),
        ("GET", "/queue", Op.VIEW_QUEUE, None),
        ("POST", "/cases/open", Op.OPEN_CASE, {}),
        ("GET", f"/cases/{loop.case}/decisions", Op.VIEW_CASE, None),
        ("GET", f"/cases/{loop.case}/findings?entity_type=PERSON", Op.VIEW_CASE, None),
        ("POST", f"/cases/{loop.notice_case}/exclusions", Op.DECIDE,
         {"messages": [w.news], "reason": "not_a_leak"}),
        ("POST", f"/messages/{w.leaks[0]}/reveal", Op.REVEAL, {"reason": "checking the finding"}),
        ("POST", f"/findings/{loop.finding}/reveal", Op.REVEAL, {"reason": "checking the finding"}),
        ("GET", "/notices", Op.VIEW_NOTICE, None),
        ("GET", f"/notices/{loop.notice}", Op.VIEW_NOTICE, None),
        ("GET", f"/notices/{loop.notice}/response", Op.VIEW_NOTICE, None),
        ("POST", f"/notices/{loop.notice}/acknowledge", Op.ACKNOWLEDGE_NOTICE, None),
        ("POST", "/notices", Op.SUBMIT_NOTICE,
         {"authority": "CMC", "reference": "CMC/9", "legal_basis": "Law 1",
          "category": "personal_data", "links": ["telegram:100/2"]}),
        ("GET", "/appeals", Op.VIEW_CASE, None),
        ("GET", "/actions?since=0&limit=50", Op.VIEW_QUEUE, None),
        ("POST", "/appeals", Op.FILE_APPEAL,
         {"decision_id": loop.decision, "appellant": "owner", "grounds": "consent"}),
        ("POST", f"/appeals/{loop.appeal}/decision", Op.DECIDE_APPEAL,
         {"outcome": "upheld", "reason": "identity_bundle"}),
        ("POST", f"/cases/{loop.notice_case}/decisions", Op.DECIDE,
         {"decision": "escalate", "reason": "identity_bundle"}),
        ("GET", "/audit/verify", Op.VERIFY_AUDIT, None),
        ("GET", "/audit/events", Op.VIEW_AUDIT, None),
        ("GET", "/reports/transparency", Op.REPORT, None),
        ("GET", "/reports/transparency?format=csv", Op.REPORT, None),
        ("GET", "/reports/transparency?format=html", Op.REPORT, None),
        ("GET", "/reports/dsa", Op.REPORT, None),
        ("GET", "/users", Op.MANAGE_USERS, None),
        ("POST", "/users", Op.MANAGE_USERS, {"name": "new", "role": "analyst"}),
        ("GET", "/tokens", Op.MANAGE_USERS, None),
        ("POST", "/tokens", Op.MANAGE_USERS, {"user": "ana"}),
        ("DELETE", "/tokens/1", Op.MANAGE_USERS, None),
    ]  # fmt: skip


def _call(
    client: TestClient, w: World, who: str, method: str, url: str, body: dict[str, Any] | None
) -> httpx.Response:
    r: httpx.Response = client.request(method, url, headers=w.auth(who), json=body)
    return r


def test_the_schema_lists_exactly_the_routes_tested(w: World, client: TestClient) -> None:
    loop = populate(w)
    tested = {(m, re.sub(r"\?.*", "", u)) for m, u, _, _ in _routes(loop, w)}
    tested = {(m, re.sub(r"/\d+", "/{}", u)) for m, u in tested}
    schema = client.get("/openapi.json").json()
    listed = {
        (m.upper(), re.sub(r"\{[^}]+\}", "{}", p))
        for p, ops in schema["paths"].items()
        for m in ops
        if p != "/health"
    }
    assert listed - {("POST", "/scan/file")} == tested


@pytest.mark.parametrize("who", list(USERS))
def test_role_matrix_over_http(w: World, client: TestClient, who: str) -> None:
    """Each role, each route: 403 exactly where the matrix says no; never a 5xx."""
    loop = populate(w)
    role = Role(USERS[who])
    for method, url, op, body in _routes(loop, w):
        r = _call(client, w, who, method, url, body)
        assert r.status_code < 500, (who, method, url, r.text)
        refused = op is not None and not may(role, op)
        by_role = r.status_code == 403 and r.json()["detail"].startswith(f"role {role.value} ")
        assert by_role == refused, (who, method, url, r.status_code, r.text)


def test_liaison_never_receives_a_raw_value_text_or_preview(
    both: tuple[World, TestClient],
) -> None:
    """Every route as the liaison, including the ones refused and those given ids of every
    stored object: no response body carries anything from the seed's messages."""
    w, client = both
    loop = populate(w)
    secrets = w.secrets()
    bodies: list[str] = []
    for method, url, _, body in _routes(loop, w):
        bodies.append(_call(client, w, "lia", method, url, body).text)
    for pk in (*w.leaks, w.clear, w.news):
        for url in (f"/messages/{pk}/reveal", f"/findings/{pk}/reveal"):
            bodies.append(_call(client, w, "lia", "POST", url, {"reason": "x" * 20}).text)
        for url in (f"/cases/{pk}", f"/notices/{pk}", f"/notices/{pk}/response"):
            bodies.append(_call(client, w, "lia", "GET", url, None).text)
    upload = ("leak.jsonl", b'{"channel": "c", "id": 1, "text": "' + RAW["phone"].encode() + b'"}')
    r = client.post("/scan/file", headers=w.auth("lia"), files={"file": upload})
    bodies.append(r.text)
    assert any('"status":403' in b for b in bodies)
    assert any("statement" in b or "CMC/1" in b for b in bodies)  # it did read its notice
    for text in bodies:
        for secret in secrets:
            assert secret not in text, (secret, text[:300])


@pytest.fixture
def both(db_url: str) -> Iterator[tuple[World, TestClient]]:
    """The seeded store on SQLite and on PostgreSQL (tests/conftest.py), with a client."""
    with world(db_url) as w:
        yield w, TestClient(create_app(w.store))


def test_review_loop_over_http(both: tuple[World, TestClient]) -> None:
    w, client = both
    opened = client.post("/cases/open", headers=w.auth("ana"), json={}).json()
    assert len(opened["opened"]) == 1
    case_id = opened["opened"][0]
    queue = client.get("/queue", headers=w.auth("rev")).json()
    assert queue["items"][0]["id"] == case_id
    case = client.get(f"/cases/{case_id}", headers=w.auth("rev")).json()
    assert len(case["messages"]) == 4
    finding = case["messages"][0]["findings"][0]
    assert RAW["person"] not in str(case)
    revealed = client.post(
        f"/findings/{finding['id']}/reveal",
        headers=w.auth("rev"),
        json={"reason": "confirming the name"},
    ).json()
    assert revealed["value"] == RAW["person"]
    short = client.post(
        f"/findings/{finding['id']}/reveal", headers=w.auth("rev"), json={"reason": "why"}
    )
    assert short.status_code == 400
    d = client.post(
        f"/cases/{case_id}/decisions",
        headers=w.auth("rev"),
        json={
            "decision": "remove",
            "reason": "identity_bundle",
            "expected_version": case["version"],
        },
    )
    assert d.status_code == 201, d.text
    assert d.json()["statement"]["decision"]
    again = client.post(
        f"/cases/{case_id}/decisions",
        headers=w.auth("rex"),
        json={"decision": "remove", "reason": "identity_bundle"},
    )
    assert again.status_code == 409
    events = client.get("/audit/events?event=revealed", headers=w.auth("aud")).json()
    assert len(events) == 1
    assert client.get("/audit/verify", headers=w.auth("aud")).json()["ok"] is True


def test_notice_loop_over_http(both: tuple[World, TestClient]) -> None:
    w, client = both
    n = client.post(
        "/notices",
        headers=w.auth("lia"),
        json={"authority": "CMC", "reference": "R-1", "legal_basis": "Law 1",
              "category": "personal_data", "links": ["telegram:100/1", "t.me/nowhere_x/5"]},
    )  # fmt: skip
    assert n.status_code == 201, n.text
    notice = n.json()
    assert notice["links"] == 2
    dup = client.post(
        "/notices",
        headers=w.auth("lia"),
        json={"authority": "CMC", "reference": "R-1", "legal_basis": "Law 1",
              "category": "personal_data", "links": ["telegram:100/1"]},
    )  # fmt: skip
    assert dup.status_code == 409
    ack = client.post(f"/notices/{notice['id']}/acknowledge", headers=w.auth("ana"))
    assert ack.json()["status"] == "acknowledged"
    client.post(
        f"/cases/{notice['case_id']}/decisions",
        headers=w.auth("rev"),
        json={"decision": "remove", "reason": "identity_bundle"},
    )
    response = client.get(f"/notices/{notice['id']}/response", headers=w.auth("lia")).json()
    assert response["notice"]["status"] in {"decided", "actioned"}
    assert len(response["statements"]) == 1


def test_lists_page_and_filter(w: World, client: TestClient) -> None:
    populate(w)
    everything = client.get("/cases", headers=w.auth("aud")).json()
    assert everything["total"] == 2
    first = client.get("/cases?limit=1&offset=0", headers=w.auth("aud")).json()
    second = client.get("/cases?limit=1&offset=1", headers=w.auth("aud")).json()
    assert [first["items"][0]["id"], second["items"][0]["id"]] == [
        c["id"] for c in everything["items"]
    ]
    closed = client.get("/cases?status=closed", headers=w.auth("aud")).json()
    assert [c["status"] for c in closed["items"]] == ["closed"]
    leaks = client.get("/cases?channel=telegram:100", headers=w.auth("aud")).json()
    assert {c["channel"] for c in leaks["items"]} == {"telegram:100"}
    crit = client.get("/cases?severity=critical", headers=w.auth("aud")).json()
    assert all(c["severity"] == "critical" for c in crit["items"])
    future = client.get("/cases?since=2999-01-01", headers=w.auth("aud")).json()
    assert future["total"] == 0
    for bad in ("limit=0", "limit=501", "offset=-1", "severity=huge", "since=yesterday"):
        r = client.get(f"/cases?{bad}", headers=w.auth("aud"))
        assert r.status_code == 422, bad
    channels = client.get("/channels?limit=1", headers=w.auth("ana")).json()
    assert channels["total"] == 2
    assert channels["items"][0]["key"] == "telegram:100"


def test_scan_masks_unless_the_role_may_reveal(w: World, client: TestClient) -> None:
    text = {"text": w.texts[0]}
    masked = client.post("/scan/text", headers=w.auth("ana"), json=text).json()
    assert masked["revealed"] is False
    findings = masked["records"][0]["findings"]
    assert findings
    assert all("value" not in f for f in findings)
    assert RAW["phone"] not in str(masked)
    shown = client.post("/scan/text", headers=w.auth("rev"), json=text).json()
    assert shown["revealed"] is True
    assert RAW["phone"] in {f["value"] for f in shown["records"][0]["findings"]}


@pytest.mark.parametrize(("name", "content", "status"), [
    ("posts.jsonl", b'{"channel": "c", "id": 1, "text": "call 07701234567 Ali Hassan Kadhim"}\n',
     200),
    ("result.json", b'{"name": "c", "id": 5, "messages": [{"id": 1, "type": "message", '
     b'"text": "Ali Hassan Kadhim 07701234567"}]}', 200),
    ("posts.jsonl", b"", 422),
    ("posts.jsonl", b"\x00\x01\x02binary", 422),
    ("result.json", b"[1, 2]", 422),
    ("result.json", b'{"messages": [', 422),  # truncated: says so
    ("evil.exe", b"MZ", 422),
    ("../../etc/passwd.json", b"{}", 422),
])  # fmt: skip
def test_scan_file_uploads(
    w: World, client: TestClient, name: str, content: bytes, status: int
) -> None:
    r = client.post("/scan/file", headers=w.auth("ana"), files={"file": (name, content)})
    assert r.status_code == status, r.text
    if status == 200:
        assert "/tmp" not in r.text
        assert "leakwatch-scan-" not in r.text


def test_scan_refuses_oversized_input(w: World, client: TestClient) -> None:
    r = client.post("/scan/text", headers=w.auth("ana"), json={"text": "x" * 100_001})
    assert r.status_code == 422
    small = TestClient(create_app(w.store, max_body_bytes=1000))
    big = ("big.jsonl", b"x" * 2000)
    assert small.post("/scan/file", headers=w.auth("ana"), files={"file": big}).status_code == 413


def test_reports_in_three_formats(w: World, client: TestClient) -> None:
    populate(w)
    j = client.get("/reports/transparency", headers=w.auth("lia"))
    assert j.headers["content-type"] == "application/json"
    assert j.json()["aggregates"]["decisions"] == 1
    c = client.get("/reports/transparency?format=csv", headers=w.auth("lia"))
    assert c.headers["content-type"].startswith("text/csv")
    assert c.text.startswith("puid,")
    h = client.get("/reports/transparency?format=html", headers=w.auth("lia"))
    assert h.headers["content-type"].startswith("text/html")
    bad = client.get("/reports/transparency?start=2020-01-01&end=2019-01-01", headers=w.auth("lia"))
    assert bad.status_code in (400, 422)


def test_users_and_tokens_for_admin(w: World, client: TestClient) -> None:
    r = client.post(
        "/users",
        headers=w.auth("ada"),
        json={"name": "lia2", "role": "liaison", "authority": "CMC"},
    )
    assert r.status_code == 201, r.text
    t = client.post("/tokens", headers=w.auth("ada"), json={"user": "lia2", "expires_days": 1})
    assert t.status_code == 201
    token = t.json()["token"]
    me = client.get("/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me == {"id": me["id"], "name": "lia2", "role": "liaison"}
    listed = client.get("/tokens?user=lia2", headers=w.auth("ada")).json()
    assert token not in str(listed)
    gone = client.delete(f"/tokens/{t.json()['id']}", headers=w.auth("ada")).json()
    assert gone["active"] is False
    assert client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert (
        client.post("/users", headers=w.auth("ada"), json={"name": "x", "role": "god"}).status_code
        == 422
    )


def test_findings_of_a_case_page_and_filter(w: World, client: TestClient) -> None:
    loop = populate(w)
    everything = client.get(f"/cases/{loop.case}/findings", headers=w.auth("aud")).json()
    assert everything["total"] == 8
    phones = client.get(
        f"/cases/{loop.case}/findings?entity_type=PHONE_NUMBER", headers=w.auth("aud")
    ).json()
    assert [f["entity_type"] for f in phones["items"]] == ["PHONE_NUMBER"] * 2
    assert RAW["phone"] not in str(phones)
    assert phones["items"][0]["masked"]
    bad = client.get(f"/cases/{loop.case}/findings?entity_type=SHOE_SIZE", headers=w.auth("aud"))
    assert bad.status_code == 422


def test_status_names_the_stores_location_to_an_admin_only(w: World, client: TestClient) -> None:
    db = str(w.store.engine.url.database)
    assert db in client.get("/status", headers=w.auth("ada")).json()["backend"]
    for who in ("lia", "rev", "aud"):
        body = client.get("/status", headers=w.auth(who)).json()
        assert body["backend"] == "sqlite"
        assert db not in str(body)
