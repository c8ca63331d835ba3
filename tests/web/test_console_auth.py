"""Console login: argon2 passwords, the signed session cookie, CSRF on every POST, throttled
logins, logout, and a password change that ends old sessions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from console_client import csrf_of, log_in
from fastapi.testclient import TestClient
from sqlalchemy import select
from web_seed import PASSWORD, World, world

from leakwatch.store.models import AuditEvent
from leakwatch.web.app import create_console
from leakwatch.web.passwords import set_password
from leakwatch.web.throttle import Throttle
from leakwatch.workflow.review import decisions_of


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path / "console.db") as w:
        yield w


@pytest.fixture
def client(w: World) -> TestClient:
    return TestClient(create_console(w.store))


def _events(w: World, event: str) -> list[AuditEvent]:
    with w.store.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.event == event)))


def test_login_sets_a_strict_httponly_signed_cookie_and_lands_on_the_queue(
    client: TestClient,
) -> None:
    r = log_in(client, "rev", PASSWORD)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "lw_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "samesite=strict" in cookie.lower()
    assert "Secure" not in cookie  # plain http in the test; https adds Secure
    assert "correct horse" not in cookie
    home = client.get("/", follow_redirects=False)
    assert home.status_code == 303
    assert home.headers["location"].endswith("/queue")
    assert client.get("/queue").status_code == 200


def test_the_cookie_is_secure_over_https(w: World) -> None:
    client = TestClient(create_console(w.store), base_url="https://testserver")
    assert "Secure" in log_in(client, "rev", PASSWORD).headers["set-cookie"]


@pytest.mark.parametrize(
    ("name", "password"),
    [("rev", "wrong password here"), ("nobody", PASSWORD), ("", PASSWORD), ("rev", "")],
)
def test_a_bad_login_gets_one_message_whatever_the_cause(
    client: TestClient, name: str, password: str
) -> None:
    r = log_in(client, name, password)
    assert r.status_code in (401, 422)
    if r.status_code == 401:
        assert "wrong user name or password" in r.text
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_pages_need_a_session(client: TestClient, w: World) -> None:
    for path in ("/", "/queue", "/queue/rows", f"/cases/{w.case_id}", "/notices", "/audit"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303, path
        assert r.headers["location"].endswith("/login")
    htmx = client.get("/queue/rows", headers={"HX-Request": "true"}, follow_redirects=False)
    assert htmx.headers["hx-redirect"].endswith("/login")


def test_a_forged_cookie_is_no_session(client: TestClient) -> None:
    client.cookies.set("lw_session", "eyJ1IjoxfQ.forged.signature")
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_login_without_the_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    r = client.post("/login", data={"name": "rev", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403
    assert "security token" in r.text


def test_a_decision_posted_with_a_wrong_csrf_token_is_refused(client: TestClient, w: World) -> None:
    log_in(client, "rev", PASSWORD)
    r = client.post(
        f"/cases/{w.case_id}/decide",
        data={"decision": "remove", "reason": "identity_bundle", "version": "1", "csrf": "x"},
    )
    assert r.status_code == 403
    assert decisions_of(w.store, w.as_("rev"), w.case_id) == []


def test_login_rotates_the_csrf_token(client: TestClient) -> None:
    before = csrf_of(client.get("/login").text)
    log_in(client, "rev", PASSWORD)
    after = csrf_of(client.get("/queue").text)
    assert before != after


def test_five_failures_lock_the_user_out_even_with_the_right_password(
    client: TestClient, w: World
) -> None:
    for _ in range(5):
        assert log_in(client, "rev", "wrong password here").status_code == 401
    r = log_in(client, "rev", PASSWORD)
    assert r.status_code == 429
    assert "too many failed logins" in r.text
    assert "15 minutes" in r.text
    locked = _events(w, "login_locked")
    assert len(locked) == 1
    assert locked[0].payload == {"by": ["addr", "user"]}


def test_failures_across_users_from_one_address_lock_the_address(w: World) -> None:
    client = TestClient(create_console(w.store))
    for name in ("ada", "lia", "aud", "nobody", "rev"):
        log_in(client, name, "wrong password here")
    assert log_in(client, "aud", PASSWORD).status_code == 429


def test_a_lockout_ends_when_the_window_passes(w: World) -> None:
    now = [1000.0]
    client = TestClient(create_console(w.store, throttle=Throttle(clock=lambda: now[0])))
    for _ in range(5):
        log_in(client, "rev", "wrong password here")
    assert log_in(client, "rev", PASSWORD).status_code == 429
    now[0] += 15 * 60 + 1
    assert log_in(client, "rev", PASSWORD).status_code == 303


def test_logout_ends_the_session_and_a_copied_cookie_with_it(client: TestClient) -> None:
    log_in(client, "rev", PASSWORD)
    copied = client.cookies.get("lw_session")
    csrf = csrf_of(client.get("/queue").text)
    r = client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get("/queue", follow_redirects=False).status_code == 303
    assert copied is not None
    client.cookies.set("lw_session", copied)
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_a_new_password_ends_sessions_opened_with_the_old_one(client: TestClient, w: World) -> None:
    log_in(client, "rev", PASSWORD)
    set_password(w.store, w.as_("ada"), "rev", "another long password")
    assert client.get("/queue", follow_redirects=False).status_code == 303
    assert log_in(client, "rev", "another long password").status_code == 303
    assert len(_events(w, "password_set")) == len(("ada", "rev", "lia", "aud")) + 1


def test_pages_carry_strict_security_headers(client: TestClient) -> None:
    r = client.get("/login")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["x-frame-options"] == "DENY"


def test_the_api_app_serves_the_console_under_console(w: World) -> None:
    from leakwatch.api.app import create_app

    client = TestClient(create_app(w.store))
    r = log_in(client, "rev", PASSWORD, prefix="/console")
    assert r.status_code == 303
    assert "Path=/console/" in r.headers["set-cookie"]
    assert client.get("/console/queue").status_code == 200
    js = client.get("/console/static/htmx.min.js")
    assert js.status_code == 200
    assert js.text.startswith("/*! htmx 2")
    assert js.headers["cache-control"] == "no-cache"  # revalidated, not refetched
    assert client.get("/console/queue").headers["cache-control"] == "no-store"


def test_the_login_page_sends_a_logged_in_user_home(client: TestClient) -> None:
    log_in(client, "rev", PASSWORD)
    r = client.get("/login", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].endswith("/")
