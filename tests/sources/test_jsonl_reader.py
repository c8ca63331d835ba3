"""JSON Lines input: good lines become messages, bad lines are counted, unreadable files raise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leakwatch.errors import InputError
from leakwatch.sources.jsonl import JsonlReader
from leakwatch.sources.message import Message


def write_lines(tmp_path: Path, lines: list[Any]) -> Path:
    path = tmp_path / "posts.jsonl"
    rendered = [line if isinstance(line, bytes) else json.dumps(line).encode() for line in lines]
    path.write_bytes(b"\n".join(rendered) + b"\n")
    return path


def test_reads_messages(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        [
            {
                "channel": "fake_chan",
                "id": 1,
                "text": "call 07700000000",
                "date": "2024-01-01T00:00:00Z",
            },
            {"channel": "قناة", "id": -2, "text": ""},
        ],
    )
    messages = list(JsonlReader(path, display="p.jsonl"))
    assert messages == [
        Message("p.jsonl", None, "fake_chan", 1, "2024-01-01T00:00:00Z", "call 07700000000"),
        Message("p.jsonl", None, "قناة", -2, None, ""),
    ]


@pytest.mark.parametrize(
    ("fields", "channel_id", "channel"),
    [
        ({"channel": "x", "channel_id": 7}, 7, "x"),
        ({"channel": 5}, 5, "5"),
        ({"channel": 5, "channel_id": 9}, 9, "5"),
        ({"channel": 5, "channel_id": "z"}, 5, "5"),
        ({"channel": "x", "channel_id": "7"}, None, "x"),
        ({"channel": "x", "channel_id": True}, None, "x"),
        ({}, None, None),
    ],
)
def test_channel_id(
    tmp_path: Path, fields: dict[str, Any], channel_id: int | None, channel: str | None
) -> None:
    path = write_lines(tmp_path, [{"id": 1, "text": "t", **fields}])
    (message,) = list(JsonlReader(path))
    assert (message.channel_id, message.channel) == (channel_id, channel)


_BAD_LINES: list[Any] = [
    b"not json",
    b'{"channel": "x", "id": 1, "text": "unterminated',
    b"[1, 2]",
    b'"a string"',
    b"\xff\xfe bad utf-8",
    {"channel": "x", "text": "no id"},
    {"channel": "x", "id": 1},
    {"channel": "x", "id": "1", "text": "string id"},
    {"channel": "x", "id": 1.0, "text": "float id"},
    {"channel": "x", "id": True, "text": "bool id"},
    {"channel": "x", "id": 1, "text": 5},
    {"channel": ["x"], "id": 1, "text": "list channel"},
    {"channel": True, "id": 1, "text": "bool channel"},
    {"channel": "x", "id": 1, "text": "t", "date": 20240101},
]


def test_bad_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    good = [{"channel": "x", "id": i, "text": f"good {i}"} for i in range(3)]
    path = write_lines(
        tmp_path, [good[0], *_BAD_LINES[:7], b"", b"   ", good[1], *_BAD_LINES[7:], good[2]]
    )
    reader = JsonlReader(path)
    assert [m.text for m in reader] == ["good 0", "good 1", "good 2"]
    assert (reader.stats.messages, reader.stats.skipped_malformed) == (3, len(_BAD_LINES))


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    lines = [b'{"channel": "x", "id": 1, "text": "a"}', b'{"channel": "x", "id": 2, "text": "b"}']
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\r\n")
    assert [m.text for m in JsonlReader(path)] == ["a", "b"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"\n\n  \n", "file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"just text\nmore text\n", "no line is a message object"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(JsonlReader(path, display="in.jsonl"))
    assert str(caught.value).startswith("in.jsonl: ")
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(JsonlReader(tmp_path / "nope.jsonl"))
