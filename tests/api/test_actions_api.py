"""GET /actions: the takedown feed over HTTP, cursor-paginated, in the webhook body's shape,
closed to the liaison and the auditor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_seed import World, populate, world
from fastapi.testclient import TestClient

from leakwatch.api.app import create_app
from leakwatch.workflow.outbox import feed


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as w:
        yield w


@pytest.fixture
def client(w: World) -> TestClient:
    return TestClient(create_app(w.store))


def test_the_feed_pages_by_cursor_in_the_webhook_shape(w: World, client: TestClient) -> None:
    loop = populate(w)
    first = client.get("/actions?limit=1", headers=w.auth("rev"))
    assert first.status_code == 200
    page = first.json()
    (decision,) = page["items"]
    assert decision["event"] == "decision"
    assert decision["decision_id"] == loop.decision
    assert decision["statement_id"] == f"leakwatch:decision:{loop.decision}"
    assert page["more"] is True
    seen = [decision]
    since = page["next_since"]
    while True:
        page = client.get(f"/actions?since={since}&limit=1", headers=w.auth("ana")).json()
        seen += page["items"]
        since = page["next_since"]
        if not page["more"]:
            break
    expected = [a.wire() for a in feed(w.store, w.principal("ada"), 0, 500).items]
    assert seen == expected
    assert [a["event"] for a in seen] == ["decision", "notice.submitted"]
    done = client.get(f"/actions?since={since}", headers=w.auth("ada")).json()
    assert done == {"items": [], "next_since": since, "more": False}


@pytest.mark.parametrize("who", ["lia", "aud"])
def test_the_liaison_and_the_auditor_may_not_read_it(
    w: World, client: TestClient, who: str
) -> None:
    populate(w)
    r = client.get("/actions", headers=w.auth(who))
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "links" not in r.text


@pytest.mark.parametrize(
    "query", ["since=-1", "limit=0", "limit=501", "since=x", "since=99999999999"]
)
def test_bad_paging_is_a_problem_not_an_error(w: World, client: TestClient, query: str) -> None:
    r = client.get(f"/actions?{query}", headers=w.auth("ada"))
    assert r.status_code == 422


def test_no_token_no_feed(client: TestClient) -> None:
    assert client.get("/actions").status_code == 401
