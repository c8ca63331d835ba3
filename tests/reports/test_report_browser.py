"""The HTML report rendered once in a real headless browser (Debian's `chromium`), offline."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from report_seed import KEYS, seed_report_world

from leakwatch.report.html import render_html
from leakwatch.report.transparency import transparency_report
from leakwatch.store.db import open_store
from leakwatch.workflow.principal import resolve

# Every report test acts under the seed's key (report_seed.KEYS), exported for the CLI too.
pytestmark = pytest.mark.usefixtures("master_key")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--disable-background-networking", "--disable-extensions",
         "--hide-scrollbars"]  # fmt: skip


@pytest.mark.skipif(CHROMIUM is None, reason="Debian package chromium is not installed")
def test_the_report_renders_with_its_charts(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'lw.db'}", keys=KEYS)
    seed_report_world(store)
    report = transparency_report(store, resolve(store, "lia"), date(2024, 3, 1), date(2024, 3, 31))
    store.close()
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    assert CHROMIUM is not None
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    assert dom.count("<svg") >= 6  # five bar charts, the appeals chart, histogram and strip
    assert dom.count('class="bar"') >= 10
    assert "median 6.0 h" in dom
    shot = tmp_path / "report.png"
    subprocess.run(
        [CHROMIUM, *FLAGS, "--window-size=1100,1900", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page is a few kilobytes
