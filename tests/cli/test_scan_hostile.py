"""Issue 8 at the command line: bad inputs are reported one line each at the end, exit 2, and
every readable input is still scanned (repros 3, 4 and 5); over-long messages are scanned in part
and counted (repro 2)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from leakwatch.cli.main import main
from leakwatch.scan import engine


def _export(tmp: Path, name: str, messages: list[dict[str, Any]]) -> Path:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    root = {"name": path.parent.name, "type": "public_channel", "id": 9, "messages": messages}
    path.write_text(json.dumps(root, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _msgs(n: int) -> list[dict[str, Any]]:
    return [
        {"id": i, "type": "message", "text": f"رقمه 0770123456{i % 10}"} for i in range(1, n + 1)
    ]


def _scan(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str], list[str]]:
    code = main(["scan", *map(str, paths), "-f", "jsonl", "--all", "-w", "1", "-q"])
    out, err = capsys.readouterr()
    return code, out.splitlines(), [line for line in err.splitlines() if line.strip()]


def test_bad_files_named_on_the_command_line_do_not_stop_the_good_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    good = _export(tmp_path, "chan/result.json", _msgs(5))
    code, out, err = _scan(capsys, empty, binary, loop, good)
    assert code == 2
    assert len(out) == 5
    assert err == [
        f"leakwatch: error: {empty}: file is empty",
        f"leakwatch: error: {binary}: binary file, not a Telegram export or JSON Lines",
        f"leakwatch: error: {loop}: cannot read (symbolic link loop)",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a mode-000 file")
def test_unreadable_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = _export(tmp_path, "locked/result.json", _msgs(2))
    locked.chmod(0)
    good = _export(tmp_path, "chan/result.json", _msgs(3))
    code, out, err = _scan(capsys, locked, good)
    assert code == 2
    assert len(out) == 3
    assert err == [f"leakwatch: error: {locked}: cannot read (Permission denied)"]


def test_folder_reports_looping_links_and_damaged_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "exports"
    _export(root, "a_chan/result.json", _msgs(4))
    damaged = _export(root, "b_chan/backup.json", _msgs(6))
    data = damaged.read_bytes()
    cut = data.index(b'"id": 3') - 1
    damaged.write_bytes(data[:cut] + b"\xff}" + data[cut:])
    (root / "self").symlink_to(root / "self")
    (root / "a_chan" / "up").symlink_to(root)
    code, out, err = _scan(capsys, root)
    assert code == 2
    assert len(out) == 4 + 5  # the damaged export keeps all but the message the bytes broke
    assert f"leakwatch: error: {root / 'self'}: cannot read (symbolic link loop)" in err
    assert any(str(root / "a_chan" / "up") in line and "loops back" in line for line in err)
    assert any(line.startswith(f"leakwatch: error: {damaged}: invalid JSON after") for line in err)
    assert all(line.startswith("leakwatch: ") for line in err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters a mode-000 folder")
def test_folder_reports_an_unreadable_subfolder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _export(tmp_path, "a_chan/result.json", _msgs(2))
    locked = tmp_path / "locked"
    _export(locked, "result.json", _msgs(2))
    locked.chmod(0)
    try:
        code, out, err = _scan(capsys, tmp_path)
    finally:
        locked.chmod(0o700)
    assert code == 2
    assert len(out) == 2
    assert err == [f"leakwatch: error: {locked}: cannot read folder (Permission denied)"]


def test_wrong_type_in_one_message_of_the_first_file_keeps_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _msgs(3)
    first[1]["type"] = []
    first[2]["text"] = {}
    a = _export(tmp_path, "a_chan/result.json", first)
    b = _export(tmp_path, "b_chan/result.json", _msgs(3))
    code, out, err = _scan(capsys, a, b)
    assert code == 0
    assert len(out) == 4
    assert err == ["leakwatch: skipped 2 malformed message(s)"]


def test_over_long_message_is_scanned_in_part_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "MAX_SCAN_CHARS", 1000)
    monkeypatch.setattr(engine, "MAX_FINDINGS", 20)
    posts = tmp_path / "posts.jsonl"
    lines = [
        {"channel": "c", "id": 1, "text": "رقمه 07701234567 " * 30},  # 30 phones, 510 chars
        {"channel": "c", "id": 2, "text": "x " * 2000},  # 4,000 characters
        {"channel": "c", "id": 3, "text": "رقمه 07701234567"},
    ]
    posts.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    code, out, err = _scan(capsys, posts)
    assert code == 0
    records = [json.loads(line) for line in out]
    assert len(records[0]["findings"]) == 20
    assert err == [
        "leakwatch: warning: 2 message(s) scanned only in part (limits: 1,000 characters, "
        "20 findings per message)"
    ]
