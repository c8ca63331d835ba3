"""The `leakwatch` command as a user runs it: real processes, real files, exit codes, stderr."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from leakwatch.cli.main import build_parser
from leakwatch.synth import generate

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", "leakwatch", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate(out, messages=400, channels=3, seed=3)
    return out


def test_scan_writes_the_contract_as_jsonl(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "scan.jsonl"
    proc = run("scan", str(export), "-f", "jsonl", "-o", str(out), "-w", "1")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for rec in records:
        assert {"source", "channel_id", "channel", "message_id", "date", "verdict", "severity",
                "risk", "categories", "findings"} <= rec.keys()  # fmt: skip
        assert rec["verdict"] in ("leak", "clear")
        assert 0.0 <= rec["risk"] <= 1.0
        assert rec["findings"] or rec["verdict"] == "leak"
        assert all("value" not in f for f in rec["findings"])
    assert "Leak summary per channel" in proc.stderr


def test_output_is_identical_whatever_the_worker_count(export: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("scan", str(export), "-f", "jsonl", "-o", str(one), "-w", "1", "-q").returncode == 0
    assert run("scan", str(export), "-f", "jsonl", "-o", str(two), "-w", "2", "-q").returncode == 0
    assert one.read_bytes() == two.read_bytes()


def test_table_is_the_default_and_shows_a_summary(export: Path) -> None:
    proc = run("scan", str(export), "-w", "1")
    assert proc.returncode == 0
    assert "Leak summary per channel" in proc.stdout
    assert "leak rate" in proc.stdout


def test_fail_on_leak_and_min_severity(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "crit.jsonl"
    proc = run("scan", str(export), "-f", "jsonl", "-o", str(out), "--min-severity", "critical",
               "--fail-on", "leak", "-q", "-w", "1")  # fmt: skip
    assert proc.returncode == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    assert all(r["severity"] == "critical" for r in records)


def test_all_writes_every_message(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    assert (
        run("scan", str(export), "-f", "jsonl", "-o", str(out), "--all", "-q", "-w", "1").returncode
        == 0
    )
    labels = (export / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(labels)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_other_formats(export: Path, fmt: str) -> None:
    proc = run("scan", str(export), "-f", fmt, "-q", "-w", "1")
    assert proc.returncode == 0
    if fmt == "json":
        assert isinstance(json.loads(proc.stdout), list)
    else:
        assert proc.stdout.splitlines()[0].startswith("source,channel_id")


def test_eval_scores_a_scan(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "scan.jsonl"
    run("scan", str(export), "-f", "jsonl", "-o", str(out), "-q", "-w", "1")
    proc = run("eval", str(export / "labels.jsonl"), str(out))
    assert proc.returncode == 0
    assert re.search(r"message\s+P \d\.\d+\s+R \d\.\d+\s+F1 \d\.\d+\s+FPR", proc.stdout)


BAD_INPUTS = {
    "truncated": b'{"name": "c", "type": "public_channel", "id": 1, "messages": [{"id": 1, "type": "message", "text": "hi"}, {"id": 2, "ty',  # noqa: E501
    "binary": bytes(range(256)) * 4,
    "empty": b"",
    "wrong_types": b'{"name": "c", "type": "public_channel", "id": 1, "messages": "not a list"}',
    "not_an_export": b'{"hello": "world"}',
    "a_list": b"[1, 2, 3]",
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_a_nonzero_exit(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(BAD_INPUTS[kind])
    proc = run("scan", str(path), "-q", "-w", "1")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if "error" in line]
    assert len(errors) == 1
    assert errors[0].startswith("leakwatch: error:")


def test_missing_path(tmp_path: Path) -> None:
    proc = run("scan", str(tmp_path / "nope.json"))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"leakwatch: error: {tmp_path / 'nope.json'}: no such file or directory"
    ]


def test_truncated_export_keeps_every_readable_message(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(BAD_INPUTS["truncated"])
    proc = run("scan", str(path), "-f", "jsonl", "--all", "-q", "-w", "1")
    assert proc.returncode == 2
    assert len(proc.stdout.splitlines()) == 1
    assert "truncated" in proc.stderr


def test_malformed_messages_are_skipped_and_counted(tmp_path: Path) -> None:
    export = {
        "name": "c", "type": "public_channel", "id": 1,
        "messages": [
            {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "text": "رقمه 07701234567"},
            {"id": "x", "type": "message", "text": "bad id"},
            {"id": 3, "type": "message", "text": 42},
            {"id": 4, "type": "message", "date": "2024-01-01T00:00:00", "text": "مرحبا"},
        ],
    }  # fmt: skip
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    proc = run("scan", str(path), "-f", "jsonl", "--all", "-q", "-w", "1")
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 2
    assert "skipped 2 malformed message(s)" in proc.stderr


def test_one_broken_file_does_not_stop_the_others(export: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken" / "result.json"
    broken.parent.mkdir()
    broken.write_bytes(BAD_INPUTS["truncated"])
    proc = run("scan", str(export), str(broken), "-f", "jsonl", "-q", "-w", "1")
    assert proc.returncode == 2
    assert len(proc.stdout.splitlines()) > 10


def test_usage_errors_exit_2() -> None:
    proc = run("scan", "x", "--workers", "0")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def _commands(
    parser: argparse.ArgumentParser, prefix: str
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, cmd in action.choices.items():
                yield f"{prefix} {name}", cmd
                yield from _commands(cmd, f"{prefix} {name}")


def test_every_cli_command_and_option_is_documented() -> None:
    """README.md and docs/*.md together name every command, sub-command and long option."""
    docs = "\n".join(
        p.read_text(encoding="utf-8") for p in [REPO / "README.md", *sorted(REPO.glob("docs/*.md"))]
    )
    for name, cmd in _commands(build_parser([], full=True), "leakwatch"):
        assert name in docs, f"`{name}` is not documented"
        for action in cmd._actions:
            longs = [o for o in action.option_strings if o.startswith("--") and o != "--help"]
            for opt in longs:
                assert opt in docs, f"{name} {opt} is not documented"


def test_table_format_honours_output_file(tmp_path: Path) -> None:
    """`scan -o FILE` in the default table format writes the table there (issue 8, item 13)."""
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"channel": "c", "id": 1, "text": "المدعو علي حسين كاظم رقمه 07701234567"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "table.txt"
    result = subprocess.run(
        [sys.executable, "-m", "leakwatch", "scan", str(posts), "-o", str(out), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "07701234567" not in out.read_text(encoding="utf-8")
    assert "leak" in out.read_text(encoding="utf-8").lower()
    assert result.stdout == ""
