"""No input gets a 500 from the console: arbitrary text in every query and form field a
reviewer or a liaison can send (bounded examples; the TestClient raises any server error)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from console_client import csrf_of, log_in
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_seed import PASSWORD, World, world

from leakwatch.web.app import create_console

TEXT = st.text(max_size=60) | st.sampled_from(["", "telegram:100/1", "2026-01-01", "high", "1"])
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


Clients = tuple[World, dict[str, TestClient]]


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clients]:
    with world(tmp_path_factory.mktemp("fuzz") / "console.db") as w:
        out = {}
        for name in ("rev", "lia"):
            client = TestClient(create_console(w.store))
            assert log_in(client, name, PASSWORD).status_code == 303
            out[name] = client
        yield w, out


@FUZZ
@given(path=st.sampled_from(["/channel", "/trace", "/queue", "/queue/rows", "/transparency/report",
                             "/audit", "/notices"]),
       key=st.sampled_from(["key", "message", "severity", "kind", "start", "end", "limit"]),
       value=TEXT)  # fmt: skip
def test_queries_never_get_a_500(clients: Clients, path: str, key: str, value: str) -> None:
    _, by = clients
    for client in by.values():
        r = client.get(path, params={key: value})
        assert r.status_code < 500, (path, key, value, r.text[:200])


@FUZZ
@given(authority=TEXT, reference=TEXT, legal_basis=TEXT, category=TEXT, links=TEXT,
       sla=st.sampled_from(["", "0", "1", "24", "-3", "99999999999", "x"]))  # fmt: skip
def test_notice_forms_never_get_a_500(
    clients: Clients,
    authority: str,
    reference: str,
    legal_basis: str,
    category: str,
    links: str,
    sla: str,
) -> None:
    _, by = clients
    client = by["lia"]
    csrf = csrf_of(client.get("/notices").text)
    r = client.post(
        "/notices",
        data={"authority": authority, "reference": reference, "legal_basis": legal_basis,
              "category": category, "links": links, "sla_hours": sla, "csrf": csrf},
    )  # fmt: skip
    assert r.status_code < 500, r.text[:200]


@FUZZ
@given(decision=TEXT, reason=TEXT, version=TEXT)
def test_decision_forms_never_get_a_500(
    clients: Clients, decision: str, reason: str, version: str
) -> None:
    w, by = clients
    client = by["rev"]
    csrf = csrf_of(client.get("/queue").text)
    r = client.post(
        f"/cases/{w.case_id}/decide",
        data={"decision": decision, "reason": reason, "version": version, "csrf": csrf},
    )
    assert r.status_code < 500, r.text[:200]
