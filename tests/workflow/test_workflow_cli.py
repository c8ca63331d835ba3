"""The whole loop through the command line, on SQLite and PostgreSQL: ingest a synthetic export,
open cases, review, a regulator's notice and its response, an appeal, purge, audit verify."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from leakwatch.synth import generate


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    generate(out, messages=300, channels=3, seed=5)
    return out


def _raw_values(export: Path) -> set[str]:
    """Every raw finding value in the export, from a scan with --reveal."""
    out = subprocess.run(
        [sys.executable, "-m", "leakwatch", "scan", str(export), "-f", "jsonl", "--reveal"],
        check=True,
        capture_output=True,
        text=True,
    )
    values = set()
    for line in out.stdout.splitlines():
        for f in json.loads(line)["findings"]:
            if len(f["value"]) >= 6:
                values.add(f["value"])
    return values


class Cli:
    def __init__(self, db_url: str) -> None:
        self.env = {**os.environ, "LEAKWATCH_DB": db_url}

    def run(self, *args: str, who: str = "ada", code: int = 0) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "leakwatch", *args, "--as", who],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )
        assert out.returncode == code, (args, out.stderr)
        assert "Traceback" not in out.stderr
        return out.stdout if code == 0 else out.stderr

    def json(self, *args: str, who: str = "ada") -> Any:
        return json.loads(self.run(*args, "--format", "json", who=who))


def test_review_loop_end_to_end(db_url: str, master_key: bytes, export: Path) -> None:
    cli = Cli(db_url)
    cli.run("init")
    cli.run("ingest", str(export), "--workers", "1")
    for name, role in [("rev", "reviewer"), ("rex", "reviewer"), ("lia", "liaison")]:
        cli.run("user", "add", name, "--role", role)
    cli.run("user", "add", "aud", "--role", "auditor")
    cli.run("case", "open-auto")
    q = cli.json("case", "queue", who="rev")
    assert q
    assert [c["priority"] for c in q] == sorted((c["priority"] for c in q), reverse=True)
    top = cli.json("case", "show", str(q[0]["id"]), who="rev")
    assert top["messages"]
    decision = cli.json(
        "decide",
        str(top["id"]),
        "--decision",
        "remove",
        "--reason",
        "identity_bundle",
        "--version",
        str(top["version"]),
        who="rev",
    )
    assert decision["actions"]
    err = cli.run(
        "decide", str(top["id"]), "--decision", "no_violation", "--reason", "not_a_leak",
        who="rex", code=6,
    )  # fmt: skip
    assert err.strip() == f"leakwatch: error: case {top['id']} is already closed; nothing to decide"

    leak_msg = top["messages"][0]
    link = f"{leak_msg['channel']}/{leak_msg['message_id']}"
    notice = cli.json(
        "notice", "submit", link, "--authority", "CMC", "--reference", "CMC/1",
        "--legal-basis", "Law 6/2019", "--category", "personal_data", who="lia",
    )  # fmt: skip
    cli.run("notice", "ack", str(notice["id"]), who="rev")
    ncase = cli.json("case", "show", str(notice["case_id"]), who="rev")
    cli.run(
        "decide", str(ncase["id"]), "--decision", "restrict_channel", "--reason", "bulk_records",
        who="rex",
    )  # fmt: skip
    status = cli.json("notice", "status", str(notice["id"]), who="lia")
    assert status["status"] == "actioned"
    response = cli.run("notice", "response", str(notice["id"]), "--format", "json", who="lia")
    text_response = cli.run("notice", "response", str(notice["id"]), who="lia")
    report = cli.run("report", "transparency", "--format", "json", who="lia")
    liaison_sees = response + text_response + report + json.dumps(status, ensure_ascii=False)
    for value in _raw_values(export):
        assert value not in liaison_sees
    cli.run("reveal", str(leak_msg["message_pk"]), "--reason", "short", who="lia", code=5)

    appeal = cli.json(
        "appeal", "file", str(decision["id"]), "--appellant", "owner", "--grounds", "news",
        who="ada",
    )  # fmt: skip
    cli.run(
        "appeal", "decide", str(appeal["id"]), "--outcome", "reversed", "--reason", "not_a_leak",
        who="rev", code=5,
    )  # fmt: skip
    cli.run(
        "appeal", "decide", str(appeal["id"]), "--outcome", "reversed", "--reason", "not_a_leak",
        who="rex",
    )  # fmt: skip
    assert "would purge the text of 0 message(s)" in cli.run(
        "purge", "--older-than", "1d", "--dry-run"
    )
    verified = cli.json("audit", "verify", who="aud")
    assert verified["ok"]
    events = {e["event"] for e in cli.json("audit", "log", "--limit", "500", who="aud")}
    assert {"ingested", "case_opened", "decided", "notice_received", "appeal_decided"} <= events
