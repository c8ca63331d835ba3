"""Choosing readers for the paths a user names: sniffed formats, directories, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leakwatch.errors import InputError
from leakwatch.sources.discover import Reader, open_sources
from leakwatch.sources.jsonl import JsonlReader
from leakwatch.sources.telegram_desktop import TelegramDesktopReader

EXPORT = {
    "name": "Fake",
    "type": "public_channel",
    "id": 1,
    "messages": [{"id": 1, "type": "message", "text": "x"}],
}
LINE = {"channel": "fake", "id": 1, "text": "x"}


def _write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_readers_satisfy_the_protocol(tmp_path: Path) -> None:
    readers: list[Reader] = [TelegramDesktopReader(tmp_path), JsonlReader(tmp_path)]
    assert all(r.stats.messages == 0 for r in readers)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("result.json", json.dumps(EXPORT, indent=1), TelegramDesktopReader),
        ("export.txt", json.dumps(EXPORT), TelegramDesktopReader),
        ("posts.jsonl", json.dumps(LINE) + "\n", JsonlReader),
        ("posts.ndjson", json.dumps(LINE) + "\n", JsonlReader),
        ("posts.json", json.dumps(LINE) + "\n" + json.dumps(LINE) + "\n", JsonlReader),
        ("posts.jsonl", "not json at all\n", JsonlReader),  # the reader counts or rejects its lines
    ],
)
def test_file_kind_is_sniffed(tmp_path: Path, name: str, content: str, kind: type) -> None:
    path = _write(tmp_path / name, content)
    (reader,) = open_sources([str(path)])
    assert isinstance(reader, kind)
    assert reader.display == str(path)


def test_large_export_with_late_keys_is_not_judged_early(tmp_path: Path) -> None:
    padding = "x" * 40_000  # pushes the export keys past the sniffed head
    root = {"about": padding, "chats": {"list": [EXPORT]}}
    path = _write(tmp_path / "big.json", json.dumps(root))
    (reader,) = open_sources([str(path)])
    assert [m.text for m in reader] == ["x"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"\n \n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"[1, 2]", "top level is a list"),
        (b'{"foo": 1}', "not a Telegram export (no 'messages' or 'chats')"),
        (b'{"foo": [1, 2', "truncated"),
        (b"plain text", "not a Telegram export or JSON Lines file"),
    ],
)
def test_bad_files_fail_early(tmp_path: Path, content: bytes, reason: str) -> None:
    path = _write(tmp_path / "data.json", content)
    with pytest.raises(InputError) as caught:
        open_sources([str(path)])
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    with pytest.raises(InputError, match=r": no such file or directory$") as caught:
        open_sources([missing])
    assert str(caught.value) == f"{missing}: no such file or directory"


def test_directory_is_walked_sorted(tmp_path: Path) -> None:
    root = tmp_path / "exports"
    _write(root / "b_chan" / "result.json", json.dumps(EXPORT))
    _write(root / "a_chan" / "result.json", json.dumps(EXPORT))
    _write(root / "a_chan" / "photos" / "photo_1.jpg", b"\xff\xd8\xff\x00")
    _write(root / "feeds" / "z.ndjson", json.dumps(LINE))
    _write(root / "feeds" / "a.jsonl", json.dumps(LINE))
    _write(root / "renamed_export.json", json.dumps(EXPORT))
    _write(root / "settings.json", json.dumps({"theme": "dark"}))
    _write(root / ".hidden" / "c.jsonl", json.dumps(LINE))
    readers = open_sources([str(root)])
    assert [(r.display, type(r).__name__) for r in readers] == [
        (str(root / "a_chan" / "result.json"), "TelegramDesktopReader"),
        (str(root / "b_chan" / "result.json"), "TelegramDesktopReader"),
        (str(root / "feeds" / "a.jsonl"), "JsonlReader"),
        (str(root / "feeds" / "z.ndjson"), "JsonlReader"),
        (str(root / "renamed_export.json"), "TelegramDesktopReader"),
    ]
    assert [m.source for r in readers for m in r] == [r.display for r in readers]


def test_directory_without_sources(tmp_path: Path) -> None:
    _write(tmp_path / "notes.txt", "hello")
    _write(tmp_path / "settings.json", "{}")
    with pytest.raises(InputError, match="no Telegram export or JSON Lines file in directory"):
        open_sources([str(tmp_path)])


def test_each_file_once_in_order(tmp_path: Path) -> None:
    export = _write(tmp_path / "chan" / "result.json", json.dumps(EXPORT))
    feed = _write(tmp_path / "feed.jsonl", json.dumps(LINE))
    readers = open_sources([str(feed), str(tmp_path), str(export)])
    assert [r.display for r in readers] == [str(feed), str(export)]
