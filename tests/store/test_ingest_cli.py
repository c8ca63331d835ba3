"""`leakwatch ingest` and `leakwatch status` as a user runs them: real processes, both backends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_support import ADMIN, PHONE, channel_posts, stored_pairs


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "LEAKWATCH_USER": ADMIN}
    return subprocess.run(
        [sys.executable, "-m", "leakwatch", *args],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


def test_ingest_then_status_json(db_url: str, master_key: bytes, tmp_path: Path) -> None:
    export = channel_posts(tmp_path / "posts.jsonl", "chan", range(1, 41))
    refused = _cli("ingest", str(export), "--db", db_url, "--workers", "1")
    assert refused.returncode == 4  # nobody becomes admin by ingesting first
    assert "the store has no users yet: create its first admin with `leakwatch init`" in (
        refused.stderr
    )
    assert _cli("init", "--db", db_url).returncode == 0
    first = _cli("ingest", str(export), "--db", db_url, "--workers", "1", "--batch", "16")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("ingested 40 messages from 1 channel(s): 40 stored")
    assert first.stderr == ""  # no progress bar when stderr is not a terminal
    again = _cli("ingest", str(export), "--db", db_url, "-w", "1")
    assert "0 stored, 40 already stored" in again.stdout

    proc = _cli("status", "--format", "json", "--db", db_url)
    assert proc.returncode == 0, proc.stderr
    view = json.loads(proc.stdout)
    assert view["channels"] == 1
    assert view["messages"] == 40
    assert view["leak_messages"] > 0
    assert view["findings"] > view["messages"]
    assert view["cases_total"] == view["notices_total"] == 0
    assert view["audit_events"] == 2 + 3  # key bound, bootstrap admin, one event per batch
    assert view["users"] == 1
    assert view["schema_revision"]
    assert view["backend"].split(":")[0] in ("sqlite", "postgresql+psycopg")
    assert PHONE not in proc.stdout + first.stdout + first.stderr

    table = _cli("status", "--db", db_url)
    assert table.returncode == 0
    assert "messages" in table.stdout
    assert "40" in table.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file or directory"),
        (b"", "file is empty"),
        (
            b'{"name": "c", "type": "public_channel", "id": 1, "messages": [{"id": 1, '
            b'"type": "message", "text": "hi"}, {"id": 2, "ty',
            "truncated",
        ),
    ],
    ids=["missing", "empty", "truncated"],
)
def test_bad_input_is_one_line_and_keeps_what_was_read(
    db_url: str, master_key: bytes, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "result.json"
    if content is not None:
        path.write_bytes(content)
    assert _cli("init", "--db", db_url).returncode == 0
    proc = _cli("ingest", str(path), "--db", db_url, "-w", "1")
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("leakwatch: error:")]
    assert len(errors) == 1
    assert message in errors[0]
    assert "Traceback" not in proc.stderr
    if message == "truncated":
        assert stored_pairs(db_url) == [("telegram:1", 1)]


def test_a_role_that_may_not_ingest_is_refused(
    db_url: str, master_key: bytes, tmp_path: Path
) -> None:
    export = channel_posts(tmp_path / "posts.jsonl", "chan", range(1, 4))
    assert _cli("init", "--db", db_url).returncode == 0
    assert _cli("user", "add", "lia", "--role", "liaison", "--db", db_url).returncode == 0
    proc = _cli("ingest", str(export), "--db", db_url, "--as", "lia")
    assert proc.returncode == 5
    assert proc.stderr.strip() == "leakwatch: error: role liaison may not ingest"
    assert stored_pairs(db_url) == []


def test_help_teaches_with_examples() -> None:
    out = _cli("ingest", "--help").stdout
    assert "examples:" in out
    assert "--workers" in out
    assert "--batch" in out
    assert "exactly once" in out
    assert "examples:" in _cli("status", "--help").stdout
