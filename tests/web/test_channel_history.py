"""A channel's history: leaks per month by severity, its ingested sources, the stored channels its
posts were forwarded from (an unknown name is counted, never shown), its cases; and the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from console_client import log_in
from fastapi.testclient import TestClient
from web_seed import PASSWORD, World, world

from leakwatch.errors import NotFound, PermissionDenied
from leakwatch.store.models import Channel, StoredMessage
from leakwatch.web.app import create_console
from leakwatch.workflow.channel_history import channel_history
from leakwatch.workflow.channels import channel_scores

PERSON_NAME = "Hassan Ali Jasim"


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path / "console.db") as w:
        with w.store.session() as s:
            s.add(Channel(key="telegram:300", platform_id=300, title="Mirror  channel"))
            m1, m2, m3 = (s.get(StoredMessage, pk) for pk in w.messages)
            assert m1 is not None
            assert m2 is not None
            assert m3 is not None
            m1.posted_at = datetime(2026, 3, 5, tzinfo=UTC)
            m2.posted_at = datetime(2026, 4, 1, tzinfo=UTC)
            m3.posted_at = None
            m1.forwarded_from = "mirror channel"
            m2.forwarded_from = PERSON_NAME
        yield w


def test_the_history_counts_per_month_and_by_source(w: World) -> None:
    h = channel_history(w.store, w.as_("rev"), "telegram:100")
    assert h.messages == 3
    assert h.undated == 1
    months = {m.month: (m.messages, m.leaks, m.by_severity) for m in h.months}
    assert months["2026-03"] == (1, 1, (("high", 1),))
    assert months["2026-04"] == (1, 1, (("critical", 1),))
    assert h.sources == (("seed", 3),)
    assert h.forwarded_from == (("Mirror  channel", 1),)
    assert h.forwarded_unknown == 1
    assert [c.id for c in h.cases] == [w.case_id]


def test_an_unknown_channel_is_not_found_and_a_liaison_is_refused(w: World) -> None:
    with pytest.raises(NotFound):
        channel_history(w.store, w.as_("rev"), "telegram:999")
    with pytest.raises(PermissionDenied):
        channel_history(w.store, w.as_("lia"), "telegram:100")


def test_the_channel_page_charts_the_history_and_hides_unknown_names(w: World) -> None:
    client = TestClient(create_console(w.store))
    log_in(client, "rev", PASSWORD)
    listing = client.get("/channels").text
    assert "/channel?key=telegram%3A100" in listing
    page = client.get("/channel", params={"key": "telegram:100"})
    assert page.status_code == 200
    assert "<svg" in page.text
    assert "2026-03" in page.text
    assert "Mirror  channel" in page.text
    assert "1 message(s) from sources that are not stored channels" in page.text
    assert PERSON_NAME not in page.text
    assert f"/cases/{w.case_id}" in page.text
    assert client.get("/channel", params={"key": "nope"}).status_code == 404


def test_the_risk_history_grows_with_leaks_and_ends_at_the_ranking_score(w: World) -> None:
    """Each month's risk counts only what was posted by its end; the current month's is the
    score the channel ranking gives now."""
    h = channel_history(w.store, w.as_("rev"), "telegram:100")
    assert all(m.risk > 0 for m in h.months if m.leaks)
    score = {c.key: c.score for c in channel_scores(w.store, w.as_("rev"))}["telegram:100"]
    assert h.months[-1].risk == pytest.approx(score, rel=1e-3)
    page = TestClient(create_console(w.store))
    log_in(page, "rev", PASSWORD)
    assert "Risk at month end" in page.get("/channel", params={"key": "telegram:100"}).text
