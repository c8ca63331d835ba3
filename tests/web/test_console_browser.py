"""The console end to end in a real browser: Playwright driving Debian's headless `chromium`
(launched by its path: no browser is ever downloaded) against a real uvicorn server on a free
loopback port, serving the API app with the console mounted at /console.

A reviewer logs in, sees the queue (and a new case appear in it without a reload), opens the
case, reveals the Arabic message with a reason (it renders right to left), and decides with the
`r` shortcut; a liaison submits a notice, follows it and reads its statement of reasons, and no
page of theirs holds a raw value; the auditor sees the chain verified. With
LEAKWATCH_SCREENSHOTS=1 the queue, case, notice and audit screenshots are also copied to docs/img/
for the README.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright
from web_seed import PASSWORD, RAW, World, world

from leakwatch.api.app import create_app
from leakwatch.workflow.cases import queue
from leakwatch.workflow.notices import submit_notice
from leakwatch.workflow.review import decide, decisions_of

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or os.environ.get("LEAKWATCH_TEST_BROWSER") == "0",
    reason="Debian package chromium is not installed (scripts/ensure-test-deps.sh installs it)",
)
TIMEOUT_MS = 30_000  # generous: the machine may be busy; a passing run takes ~10 s
POLL_MS = 20_000  # the queue polls every 5 s


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[World, str]]:
    """The seeded store served by uvicorn in a background thread, stopped after the module."""
    with world(tmp_path_factory.mktemp("browser") / "console.db") as w:
        port = _free_port()
        config = uvicorn.Config(
            create_app(w.store), host="127.0.0.1", port=port, log_level="warning"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        try:
            yield w, f"http://127.0.0.1:{port}/console"
        finally:
            server.should_exit = True
            thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, args=["--disable-dev-shm-usage", "--disable-gpu"]
        )
        try:
            yield b
        finally:
            b.close()


def _shot(page: Page, tmp: Path, name: str) -> None:
    path = tmp / name
    page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("LEAKWATCH_SCREENSHOTS") == "1":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_IMG / name)


def _log_in(page: Page, base: str, name: str) -> None:
    page.goto(f"{base}/")
    assert page.url.endswith("/console/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_reviewer_reveals_and_decides_with_a_shortcut(
    served: tuple[World, str], browser: Browser, tmp_path: Path
) -> None:
    w, base = served
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    _log_in(page, base, "rev")
    page.wait_for_url(f"{base}/queue")
    link = page.get_by_role("link", name=f"#{w.case_id}")
    expect(link).to_be_visible()
    notice = submit_notice(
        w.store, w.as_("lia"), "CMC", "CMC-LIVE-1", "Media law art. 4", "personal_data",
        ["telegram:100/1"],
    )  # fmt: skip
    live = page.get_by_role("link", name=f"#{notice.case_id}")
    expect(live).to_be_visible(timeout=POLL_MS)  # the queue polls: no reload
    _shot(page, tmp_path, "console-queue.png")

    link.click()
    page.wait_for_url(f"{base}/cases/{w.case_id}")
    expect(page.locator("mark.masked").first).to_be_visible()
    assert RAW["person_ar"] not in page.content()
    pk = w.messages[2]  # the Arabic message
    page.locator(f"#reason-{pk}").fill("checking the Arabic post for a notice")
    page.locator(f"#text-{pk}").get_by_role("button", name="Reveal").click()
    revealed = page.locator(f"#text-{pk} .revealed")
    expect(revealed).to_contain_text(RAW["person_ar"])
    assert revealed.evaluate("e => getComputedStyle(e).direction") == "rtl"
    _shot(page, tmp_path, "console-case.png")

    page.locator("h1").click()  # focus out of the reason field: shortcuts are live
    reason = page.locator("#reason-code")
    page.keyboard.press("k")  # keep: only the no-violation reasons fit
    expect(page.locator('input[name="decision"][value="no_violation"]')).to_be_checked()
    expect(reason).to_have_value("not_a_leak")
    page.locator("h1").click()
    page.keyboard.press("r")
    expect(page.locator('input[name="decision"][value="remove"]')).to_be_checked()
    expect(reason).to_have_value("identity_bundle")
    expect(page.locator("#decide-submit")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#case-decisions")).to_have_text("initial:remove")
    [d] = decisions_of(w.store, w.as_("rev"), w.case_id)
    assert (d.decision, d.decided_by) == ("remove", "rev")
    assert errors == []  # no CSP violation, no script error
    context.close()


def test_a_liaison_submits_and_follows_a_notice_and_sees_no_raw_value(
    served: tuple[World, str], browser: Browser, tmp_path: Path
) -> None:
    w, base = served
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    _log_in(page, base, "lia")
    page.wait_for_url(f"{base}/notices")
    page.get_by_label("Authority").fill("CMC")
    page.get_by_label("Reference").fill("CMC-E2E-1")
    page.get_by_label("Legal basis").fill("Media law art. 4")
    page.get_by_label("Links, one per line").fill("telegram:100/2")
    page.get_by_role("button", name="Submit notice").click()
    expect(page.locator("#notice-status")).to_have_text("received")
    notice_url = page.url
    doms = [page.content()]
    notice_id = int(notice_url.rsplit("/", 1)[1])
    case = next(c for c in queue(w.store, w.as_("ada")) if c.notice_id == notice_id)
    decide(w.store, w.as_("ada"), case.id, "remove", "third_party_identifier")
    page.goto(notice_url)
    expect(page.locator("#notice-status")).to_have_text("actioned")
    expect(page.get_by_text("third party identifier")).to_be_visible()
    doms.append(page.content())
    _shot(page, tmp_path, "console-notice.png")
    page.goto(f"{base}/notices")
    doms.append(page.content())
    page.get_by_role("link", name="العربية").click()  # the interface in Arabic, English beside
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_contain_text("الإشعارات")
    assert page.locator("h1").evaluate("e => getComputedStyle(e).direction") == "rtl"
    doms.append(page.content())
    _shot(page, tmp_path, "console-notices-ar.png")
    for dom in doms:
        for secret in w.secrets():
            assert secret not in dom, secret
    context.close()


def test_the_auditor_sees_the_chain_verified(
    served: tuple[World, str], browser: Browser, tmp_path: Path
) -> None:
    _, base = served
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    _log_in(page, base, "aud")
    page.wait_for_url(f"{base}/audit")
    expect(page.locator("#audit-status")).to_contain_text("Chain intact")
    expect(page.get_by_role("cell", name="password_set").first).to_be_visible()
    _shot(page, tmp_path, "console-audit.png")
    context.close()
