"""Hostile input on both backends: NUL characters, lone surrogates, numbers past any column,
injection-looking text, in every query, path and body the API takes. PostgreSQL refuses NUL in
text and overflows differently from SQLite, so each runs on both: never a 5xx."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from api_seed import Loop, World, populate, world
from fastapi.testclient import TestClient

from leakwatch.api.app import create_app

BAD = ["\x00", "x\x00y", "\ud800", "\u202e", "a" * 20_000, "", " ", "'; DROP TABLE users; --"]
QUERIES = [
    "/cases?channel=%00", "/cases?status=%00", "/cases?channel=%ED%A0%80", "/queue?channel=%00",
    "/trace?message=%00", "/trace?message=%00/1",
    "/trace?message=telegram:100/99999999999999999999",
    "/trace?fingerprint=%00", "/trace?fingerprint=" + "f" * 64, "/audit/events?event=%00",
    "/tokens?user=%00", "/tokens?user=" + "u" * 500, "/cases/%00", "/notices/1%00",
    "/reports/transparency?start=0001-01-01&end=9999-12-31", "/reports/dsa?start=1900-01-01",
    "/cases/1/findings?entity_type=%00", "/channels?limit=1&offset=2147483647",
]  # fmt: skip


@pytest.fixture
def hostile(db_url: str) -> Iterator[tuple[World, TestClient, Loop]]:
    with world(db_url) as w:
        loop = populate(w)
        yield w, TestClient(create_app(w.store), raise_server_exceptions=False), loop


def _bodies(w: World, loop: Loop) -> dict[str, dict[str, Any]]:
    return {
        "/scan/text": {"text": "x", "channel": "c"},
        "/notices": {"authority": "CMC", "reference": "R", "legal_basis": "L",
                     "category": "personal_data", "links": ["telegram:100/1"]},
        "/appeals": {"decision_id": loop.decision, "appellant": "a", "grounds": "g"},
        "/users": {"name": "n", "role": "liaison", "authority": "CMC"},
        "/tokens": {"user": "ana"},
        f"/cases/{loop.notice_case}/decisions": {"decision": "escalate", "reason": "x"},
        f"/cases/{loop.notice_case}/exclusions": {"messages": [w.news], "reason": "x"},
        f"/messages/{w.leaks[0]}/reveal": {"reason": "x"},
        f"/appeals/{loop.appeal}/decision": {"outcome": "upheld", "reason": "x"},
    }  # fmt: skip


def test_no_query_or_path_gives_a_server_error(
    hostile: tuple[World, TestClient, Loop],
) -> None:
    w, client, _ = hostile
    for url in QUERIES:
        for who in ("ada", "aud", "lia"):
            r = client.get(url, headers=w.auth(who))
            assert r.status_code < 500, (url, who, r.text)


def test_no_body_gives_a_server_error(hostile: tuple[World, TestClient, Loop]) -> None:
    w, client, loop = hostile
    for url, body in _bodies(w, loop).items():
        for key, value in body.items():
            if not isinstance(value, str | list):
                continue
            for bad in BAD:
                changed = body | {key: [bad] if isinstance(value, list) else bad}
                content = json.dumps(changed)  # a lone surrogate travels as its escape
                r = client.post(
                    url,
                    headers=w.auth("ada") | {"Content-Type": "application/json"},
                    content=content,
                )
                assert r.status_code < 500, (url, key, repr(bad)[:12], r.text)
