"""The app around the routes: bearer authentication, problem details for every error, the body
cap, the health check, OpenAPI and docs served without a CDN, and `leakwatch serve`."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from api_seed import World, world
from fastapi.testclient import TestClient
from sqlalchemy import select

from leakwatch.api.app import create_app
from leakwatch.store.models import ApiToken, AuditEvent, utcnow
from leakwatch.web.throttle import Throttle
from leakwatch.workflow.tokens import create_token, revoke_token

PROBLEM = "application/problem+json"


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as w:
        yield w


@pytest.fixture
def client(w: World) -> TestClient:
    return TestClient(create_app(w.store, max_body_bytes=64 * 1024))


def _problem(r: httpx.Response, status: int) -> dict[str, object]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert isinstance(body, dict)
    assert body["status"] == status
    assert isinstance(body["title"], str)
    assert isinstance(body["type"], str)
    return body


def test_health_needs_no_token(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_a_token_names_its_caller(w: World, client: TestClient) -> None:
    for name, role in (("lia", "liaison"), ("rev", "reviewer"), ("ada", "admin")):
        assert client.get("/me", headers=w.auth(name)).json()["role"] == role


@pytest.mark.parametrize("header", [
    None, "", "Bearer", "Bearer ", "Bearer lw_unknown", "Basic YWRhOmFkYQ==", "lw_x",
    "Bearer " + "x" * 5000, "Bearer lw_\u00e9\u00e9",
])  # fmt: skip
def test_missing_or_unknown_token_is_401(client: TestClient, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header.encode()}
    body = _problem(client.get("/me", headers=headers), 401)
    assert body["detail"] == "missing, unknown, expired or revoked token"


def test_expired_and_revoked_tokens_are_401(w: World, client: TestClient) -> None:
    ada = w.principal("ada")
    expired = create_token(w.store, ada, "rev")
    with w.store.session() as s:
        row = s.get(ApiToken, expired.view.id)
        assert row is not None
        row.expires_at = utcnow() - timedelta(minutes=1)
    revoked = create_token(w.store, ada, "rev")
    revoke_token(w.store, ada, revoked.view.id)
    for secret in (expired.secret, revoked.secret):
        r = client.get("/me", headers={"Authorization": f"Bearer {secret}"})
        assert _problem(r, 401)["type"] == "urn:leakwatch:problem:unauthenticated"
        assert r.headers["www-authenticate"] == "Bearer"


def test_every_route_but_health_and_docs_needs_a_token(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    public = {"/health"}
    for path, ops in schema["paths"].items():
        for method in ops:
            url = re.sub(r"\{[^}]+\}", "1", path)
            r = client.request(method, url)
            if path in public:
                assert r.status_code == 200, (method, path)
            else:
                _problem(r, 401)


def test_service_errors_map_to_their_status(w: World, client: TestClient) -> None:
    body = _problem(client.get("/tokens", headers=w.auth("rev")), 403)
    assert body["detail"] == "role reviewer may not manage users"
    body = _problem(client.delete("/tokens/4242", headers=w.auth("ada")), 404)
    assert body["type"] == "urn:leakwatch:problem:not-found"
    _problem(client.post("/tokens", headers=w.auth("ada"), json={"user": "ghost"}), 404)


@pytest.mark.parametrize(("content", "ctype", "status"), [
    (b"{bad json", "application/json", 422),
    (b"[]", "application/json", 422),
    (b'{"user": 5}', "application/json", 422),
    (b'{"user": "rev", "expires_days": "soon"}', "application/json", 422),
    (b'{"user": "rev", "expires_days": 1e309}', "application/json", 422),
    (b'{"user": "rev", "expires_days": 99999999999999999999999}', "application/json", 422),
    (b'{"user": "' + b"a" * 1000 + b'"}', "application/json", 422),
    (b"user=rev", "application/x-www-form-urlencoded", 422),
    (b"", "application/json", 422),
    (b"\xff\xfe\x00", "application/json", 400),  # not UTF-8: not even JSON text
])  # fmt: skip
def test_bad_bodies_are_problems(
    w: World, client: TestClient, content: bytes, ctype: str, status: int
) -> None:
    r = client.post("/tokens", headers=w.auth("ada") | {"Content-Type": ctype}, content=content)
    body = _problem(r, status)
    if status == 422:
        assert body["type"] == "urn:leakwatch:problem:validation-error"
        assert isinstance(body["errors"], list)
    assert "aaaa" not in r.text  # the input is never echoed


@pytest.mark.parametrize("path", [
    "/tokens/abc", "/tokens/0", "/tokens/-1", "/tokens/99999999999999999999999", "/tokens/1.5",
])  # fmt: skip
def test_bad_ids_are_422_not_500(w: World, client: TestClient, path: str) -> None:
    _problem(client.delete(path, headers=w.auth("ada")), 422)


def test_unknown_route_and_method_are_problems(w: World, client: TestClient) -> None:
    _problem(client.get("/nowhere", headers=w.auth("ada")), 404)
    _problem(client.put("/health"), 405)


def test_body_over_the_cap_is_413(w: World, client: TestClient) -> None:
    big = b"x" * (65 * 1024)
    body = _problem(client.post("/tokens", headers=w.auth("ada"), content=big), 413)
    assert body["type"] == "urn:leakwatch:problem:body-too-large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams in
        for _ in range(100):
            yield b"y" * 1024

    _problem(client.post("/tokens", headers=w.auth("ada"), content=chunks()), 413)


def test_openapi_and_docs_are_local(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "leakwatch"
    assert "/tokens" in schema["paths"]
    page = client.get("/docs")
    assert page.status_code == 200
    assert re.findall(r"https?://", page.text) == []
    assets = re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', page.text)
    assert len(assets) == 3
    for url in assets:
        assert client.get(url).status_code == 200
    assert "validatorUrl" in page.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_answers_on_loopback(w: World, master_key: bytes) -> None:
    port = _free_port()
    db = str(w.store.engine.url.database)
    proc = subprocess.Popen(
        [sys.executable, "-m", "leakwatch", "serve", "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "LEAKWATCH_PORT": str(port)},  # the port from the settings
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/me", headers=w.auth("aud"), timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.json()["name"] == "aud"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_refuses_a_bad_port(master_key: bytes, tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "leakwatch",
            "serve",
            "--port",
            "70000",
            "--db",
            str(tmp_path / "x.db"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 2
    assert "--port must be 1-65535" in out.stderr
    assert "Traceback" not in out.stderr


def test_wrong_tokens_lock_the_address_out_and_are_audited(w: World) -> None:
    now = [1000.0]
    client = TestClient(create_app(w.store, throttle=Throttle(limit=3, clock=lambda: now[0])))
    for _ in range(3):
        _problem(client.get("/me", headers={"Authorization": "Bearer lw_guess"}), 401)
    r = client.get("/me", headers=w.auth("rev"))  # even a good token: the address is locked
    body = _problem(r, 429)
    assert body["type"] == "urn:leakwatch:problem:too-many-attempts"
    assert int(r.headers["retry-after"]) > 0
    with w.store.session() as s:
        events = s.scalars(select(AuditEvent.event).where(AuditEvent.event == "login_locked"))
        assert list(events) == ["login_locked"]
    now[0] += 16 * 60
    assert client.get("/me", headers=w.auth("rev")).status_code == 200


def test_a_missing_token_is_not_counted_as_a_guess(w: World) -> None:
    client = TestClient(create_app(w.store, throttle=Throttle(limit=2)))
    for _ in range(5):
        _problem(client.get("/me"), 401)
    assert client.get("/me", headers=w.auth("rev")).status_code == 200


def test_a_token_without_a_lifetime_gets_the_servers(w: World) -> None:
    client = TestClient(create_app(w.store, token_days=5))
    r = client.post("/tokens", headers=w.auth("ada"), json={"user": "ana"})
    assert r.status_code == 201, r.text
    body = r.json()
    lifetime = datetime.fromisoformat(body["expires_at"]) - datetime.fromisoformat(
        body["created_at"]
    )
    assert lifetime == timedelta(days=5)


def test_security_headers(w: World, client: TestClient) -> None:
    me = client.get("/me", headers=w.auth("rev"))
    assert me.headers["cache-control"] == "no-store"
    assert me.headers["x-content-type-options"] == "nosniff"
    assert me.headers["content-security-policy"].startswith("default-src 'none'")
    assert client.get("/nowhere").headers["cache-control"] == "no-store"  # errors too
    docs = client.get("/docs").headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in docs
    assert "http" not in docs
    report = client.get("/reports/transparency?format=html", headers=w.auth("lia"))
    assert "script-src" not in report.headers["content-security-policy"]


def test_operation_ids_are_the_handlers_names_and_unique(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    assert {"get_cases", "post_decision", "get_dsa", "post_scan_file"} <= set(ids)
