"""/docs in a real browser (Playwright driving Debian's headless `chromium`, launched by its
path): Swagger UI renders every operation from the locally served files under the page's own
Content-Security-Policy, and the page asks no host but the server for anything."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from api_seed import world

from leakwatch.api.app import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or os.environ.get("LEAKWATCH_TEST_BROWSER") == "0",
    reason="Debian package chromium is not installed (scripts/ensure-test-deps.sh installs it)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    with world(tmp_path) as w:
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(w.store), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def test_swagger_ui_renders_from_local_files_only(served: str) -> None:
    from playwright.sync_api import sync_playwright

    base = served
    hosts: set[str] = set()
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--disable-dev-shm-usage", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{base}/docs")
            page.wait_for_selector(".opblock", timeout=20_000)
            operations = page.locator(".opblock").count()
            title = page.locator(".title").first.inner_text()
        finally:
            browser.close()
    assert operations >= 30
    assert "leakwatch" in title
    assert hosts == {urlsplit(base).netloc}
    assert errors == []
