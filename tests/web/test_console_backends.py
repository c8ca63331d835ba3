"""The console's review loop on both backends (SQLite and a real PostgreSQL): log in, the queue,
a case, a reveal, a decision, a bad query; nothing reaches the database that it would refuse."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from console_client import csrf_of, field, log_in
from fastapi.testclient import TestClient
from web_seed import PASSWORD, RAW, World, world

from leakwatch.web.app import create_console
from leakwatch.workflow.review import decisions_of


@pytest.fixture
def w(db_url: str) -> Iterator[World]:
    with world(db_url) as w:
        yield w


def test_the_review_loop_on_each_backend(w: World) -> None:
    client = TestClient(create_console(w.store))
    assert log_in(client, "rev", PASSWORD).status_code == 303
    assert f">#{w.case_id}<" in client.get("/queue").text
    page = client.get(f"/cases/{w.case_id}").text
    pk = w.messages[2]
    shown = client.post(
        f"/cases/{w.case_id}/messages/{pk}/reveal",
        data={"reason": "checking the Arabic post", "csrf": csrf_of(page)},
        headers={"HX-Request": "true"},
    )
    assert RAW["person_ar"] in shown.text
    decided = client.post(
        f"/cases/{w.case_id}/decide",
        data={
            "decision": "remove",
            "reason": "identity_bundle",
            "version": field(page, "version"),
            "csrf": csrf_of(page),
        },
        follow_redirects=False,
    )
    assert decided.status_code == 303
    assert [d.decision for d in decisions_of(w.store, w.as_("rev"), w.case_id)] == ["remove"]
    assert client.get("/channel", params={"key": "a\x00b"}).status_code == 422
    assert client.get("/channel", params={"key": "x" * 200}).status_code == 404
    assert client.get("/audit").status_code == 403
