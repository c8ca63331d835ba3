"""Acceptance: kill -9 during the ingest of 100,000 messages, run again, every message stored once.

`leakwatch ingest` runs as a real process (with its scan workers) on a 100k-message synthetic
export; once some batches are committed the whole process group gets SIGKILL, mid-batch as likely
as not. The same command then runs to completion, and the store must hold exactly the export's
(channel, message id) pairs, none twice, with an intact audit chain.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from ingest_support import ADMIN, admin_store, scalar, stored_pairs

from leakwatch.sources.discover import open_sources
from leakwatch.store.message_rows import channel_key
from leakwatch.synth import generate
from leakwatch.workflow.audit import verify

MESSAGES = 100_000
CHANNELS = 20
SEED = 11


@dataclass(frozen=True)
class BigExport:
    path: Path
    pairs: frozenset[tuple[str, int]]


@pytest.fixture(scope="session")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> BigExport:
    """Generated once per test session (shared by xdist workers through a lock)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    out = base / f"synth-m{MESSAGES}-s{SEED}"
    with (base / f"synth-m{MESSAGES}-s{SEED}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / ".complete").exists():
            generate(out, messages=MESSAGES, channels=CHANNELS, seed=SEED)
            (out / ".complete").write_text("done\n", encoding="utf-8")
    pairs = frozenset((channel_key(m), m.message_id) for r in open_sources([str(out)]) for m in r)
    assert len(pairs) >= MESSAGES
    return BigExport(out, pairs)


def _ingest_cmd(export: Path, db_url: str) -> list[str]:
    return [
        sys.executable, "-m", "leakwatch", "ingest", str(export),
        "--db", db_url, "--as", ADMIN, "--workers", "2", "--batch", "2000",
    ]  # fmt: skip


def test_kill_9_then_rerun_stores_every_message_exactly_once(
    db_url: str, master_key: bytes, big_export: BigExport
) -> None:
    admin_store(db_url).close()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    count = "SELECT count(*) FROM messages"
    victim = subprocess.Popen(
        _ingest_cmd(big_export.path, db_url),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the scan workers too
    )
    try:
        deadline = time.monotonic() + 600
        while scalar(db_url, count) < 6000:  # three batches committed, more on the way
            assert victim.poll() is None, "ingest ended before it could be killed"
            assert time.monotonic() < deadline, "ingest committed nothing in time"
            time.sleep(0.05)
    finally:
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
    assert victim.returncode == -signal.SIGKILL
    partial = scalar(db_url, count)
    assert 0 < partial < len(big_export.pairs)

    rerun = subprocess.run(
        _ingest_cmd(big_export.path, db_url),
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial:,} already stored" in rerun.stdout

    pairs = stored_pairs(db_url)
    assert len(pairs) == len(big_export.pairs)
    dupes = scalar(
        db_url,
        "SELECT count(*) FROM (SELECT channel_id, message_id FROM messages "
        "GROUP BY channel_id, message_id HAVING count(*) > 1) d",
    )
    assert dupes == 0
    assert set(pairs) == big_export.pairs
    store = admin_store(db_url)
    with store.session() as s:
        assert verify(s).ok
    store.close()
