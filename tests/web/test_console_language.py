"""The console's two interface languages: every label in both, every label a page uses defined,
and the switch (a cookie) that lays a page out right to left in Arabic, English beside."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from console_client import log_in
from fastapi.testclient import TestClient
from web_seed import PASSWORD, World, world

from leakwatch.web.app import create_console
from leakwatch.web.labels import labels
from leakwatch.web.render import NAV
from leakwatch.web.review_routes import DECISIONS

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "leakwatch" / "web" / "templates"
_USED = re.compile(r"""\bt\('([a-z_]+)'\)""")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[World, TestClient]]:
    with world(tmp_path / "console.db") as w:
        client = TestClient(create_console(w.store))
        assert log_in(client, "rev", PASSWORD).status_code == 303
        yield w, client


@pytest.mark.parametrize("key", sorted(labels()))
def test_every_label_has_both_languages(key: str) -> None:
    label = labels()[key]
    assert label.en.strip()
    assert label.ar.strip()
    assert re.search("[\u0600-\u06ff]", label.ar), "the Arabic label has no Arabic letter"


def test_every_label_a_page_or_menu_uses_is_defined() -> None:
    used = {k for p in TEMPLATES.glob("*.html") for k in _USED.findall(p.read_text("utf-8"))}
    used |= {n.label for n in NAV} | {label for _, label, _ in DECISIONS}
    assert used - set(labels()) == set()
    assert len(used) > 30


def test_switching_to_arabic_lays_the_page_out_right_to_left(
    client: tuple[World, TestClient],
) -> None:
    _, c = client
    english = c.get("/queue").text
    assert '<html lang="en" dir="ltr">' in english
    assert '<span lang="en">Review queue</span> <span class="alt" lang="ar" dir="rtl">' in english
    r = c.get("/language", params={"to": "ar", "next": "/queue"}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/queue"
    arabic = c.get("/queue").text
    assert '<html lang="ar" dir="rtl">' in arabic
    assert '<span lang="ar">قائمة المراجعة</span> <span class="alt" lang="en" dir="ltr">' in arabic
    c.get("/language", params={"to": "en", "next": "/queue"})
    assert '<html lang="en" dir="ltr">' in c.get("/queue").text


@pytest.mark.parametrize(
    "target", ["https://elsewhere.example/", "//elsewhere.example/x", "/\\elsewhere", "queue"]
)
def test_the_switch_never_sends_anyone_off_the_console(
    client: tuple[World, TestClient], target: str
) -> None:
    _, c = client
    r = c.get("/language", params={"to": "ar", "next": target}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "http://testserver/"


def test_an_unknown_language_is_one_line(client: tuple[World, TestClient]) -> None:
    _, c = client
    r = c.get("/language", params={"to": "fr"})
    assert r.status_code == 400
    assert "choose en or ar" in r.text
