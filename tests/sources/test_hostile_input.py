"""Issue 8's hostile inputs at the readers: each repro gets one clear line, never a traceback, and
every readable message around the damage is still read."""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from leakwatch.detect.analyzer import resolve_overlaps
from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType
from leakwatch.errors import InputError
from leakwatch.sources.discover import Feed, open_sources
from leakwatch.sources.jsonl import JsonlReader
from leakwatch.sources.message import Message
from leakwatch.sources.telegram_desktop import TelegramDesktopReader


def msg(i: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": i,
        "type": "message",
        "date_unixtime": "1700000000",
        "text": f"post {i}",
        **fields,
    }


def export_bytes(messages: list[Any], **chat: Any) -> bytes:
    root = {"name": "Fake", "type": "public_channel", "id": 7, **chat, "messages": messages}
    return json.dumps(root, ensure_ascii=False, indent=1).encode()


def drain(path: Path) -> tuple[list[Message], str | None, TelegramDesktopReader]:
    reader = TelegramDesktopReader(path, display=path.name)
    got: list[Message] = []
    try:
        got.extend(reader)
    except InputError as exc:
        error: str | None = str(exc)
    else:
        error = None
    assert error is None or "\n" not in error
    return got, error, reader


def write(tmp_path: Path, data: bytes, name: str = "result.json") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- repro 1: nesting ----------------------------------------------------------------------------


def test_text_100000_arrays_deep_costs_one_message_and_bounded_memory(tmp_path: Path) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    data = export_bytes([msg(1), msg(2, text="@@"), msg(3)]).replace(b'"@@"', deep)
    path = write(tmp_path, data)
    tracemalloc.start()
    try:
        got, error, reader = drain(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [m.message_id for m in got] == [1, 3]
    assert error is not None
    assert "nested too deeply" in error
    assert reader.stats.lost_messages == 1
    assert peak < 64 * 1024 * 1024


def test_root_50000_objects_deep_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, b'{"a":' * 50_000 + b"1" + b"}" * 50_000)
    got, error, _ = drain(path)
    assert got == []
    assert error is not None
    assert "nesting deeper than" in error
    feed = Feed.of_paths([str(path)])
    assert list(feed) == []
    assert len(feed.errors) == 1


def test_jsonl_line_100000_deep_is_skipped_and_counted(tmp_path: Path) -> None:
    good = json.dumps({"channel": "c", "id": 1, "text": "x"}).encode()
    deep = b'{"channel": "c", "id": 2, "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    path = write(tmp_path, good + b"\n" + deep + b"\n" + good + b"\n", "posts.jsonl")
    reader = JsonlReader(path)
    assert len(list(reader)) == 2
    assert reader.stats.skipped_malformed == 1


def test_jsonl_head_nested_deep_is_not_a_recursion_error(tmp_path: Path) -> None:
    path = write(tmp_path, b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "data.json")
    feed = Feed.of_paths([str(path)])
    assert list(feed) == []
    assert len(feed.errors) == 1
    assert "\n" not in feed.errors[0]


# --- repro 2: overlaps stay linear-log and equal the greedy rule ---------------------------------


def _naive(findings: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    ranked = sorted(findings, key=lambda f: (-round(f.score, 2), -f.length, f.start))
    for cand in ranked:
        if not any(cand.overlaps(k) for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda f: (f.start, f.end, f.entity_type))


@pytest.mark.parametrize("seed", range(20))
def test_overlap_sweep_keeps_what_the_pairwise_check_kept(seed: int) -> None:
    rng = random.Random(seed)
    findings = []
    for _ in range(rng.randint(2, 60)):
        start = rng.randrange(200)
        end = start + rng.randint(0, 25)
        score = rng.choice((0.4, 0.6, 0.9))
        findings.append(Finding(EntityType.PHONE_NUMBER, start, end, score, "r", "x", "w"))
    assert resolve_overlaps(findings) == _naive(findings)


# --- repro 3: wrong JSON types -------------------------------------------------------------------

FIELDS = (
    "type",
    "id",
    "text",
    "text_entities",
    "date",
    "date_unixtime",
    "from_id",
    "forwarded_from",
)


@pytest.mark.parametrize("value", [[], {}, None, 1.5, True, [[[]]], {"a": {}}])
@pytest.mark.parametrize("field", FIELDS)
def test_wrong_json_type_in_one_field_costs_at_most_that_message(
    tmp_path: Path, field: str, value: object
) -> None:
    path = write(tmp_path, export_bytes([msg(1), msg(2, **{field: value}), msg(3)]))
    got, error, reader = drain(path)
    assert error is None
    ids = [m.message_id for m in got]
    assert ids[0] == 1
    assert ids[-1] == 3
    assert len(got) + reader.stats.skipped_malformed == 3


def test_wrong_type_in_the_first_file_keeps_the_later_files(tmp_path: Path) -> None:
    for name, bad in (("a_chan", True), ("b_chan", False)):
        (tmp_path / name).mkdir()
        messages = [msg(1, type=[]), msg(2)] if bad else [msg(1), msg(2)]
        write(tmp_path / name, export_bytes(messages))
    feed = Feed.of_paths([str(tmp_path)])
    assert [(m.source.split("/")[-2], m.message_id) for m in feed] == [
        ("a_chan", 2),
        ("b_chan", 1),
        ("b_chan", 2),
    ]
    assert feed.errors == []
    assert feed.stats.skipped_malformed == 1


# --- repro 5: reading on past damage -------------------------------------------------------------


def _msgs(n: int) -> list[dict[str, Any]]:
    return [msg(i) for i in range(1, n + 1)]


def _numbered(n: int) -> bytes:
    return export_bytes(_msgs(n))


def test_one_ff_early_in_the_file_loses_nothing_else(tmp_path: Path) -> None:
    data = _numbered(50)
    at = data.index(b'"name"') + 9
    path = write(tmp_path, data[:at] + b"\xff" + data[at:])
    got, error, _ = drain(path)
    assert len(got) == 50
    assert error is not None
    assert "invalid UTF-8 in 1 place(s)" in error


def test_ff_between_tokens_costs_one_region(tmp_path: Path) -> None:
    data = _numbered(50)
    at = data.index(b'"id": 3,') - 1
    path = write(tmp_path, data[:at] + b"\xff" + data[at:])
    got, error, reader = drain(path)
    assert len(got) == 49  # message 3 is damaged; every other one is read
    assert reader.stats.damaged_regions == 1
    assert reader.stats.lost_messages == 1
    assert error is not None
    assert "read on past 1 damaged region(s)" in error


def test_nul_in_the_first_16_kb_is_not_binary(tmp_path: Path) -> None:
    data = _numbered(50)
    at = data.index(b"post 2") + 2
    path = write(tmp_path, data[:at] + b"\x00" + data[at:])
    (reader,) = open_sources([str(path)])
    assert len(list(reader)) == 50


@pytest.mark.parametrize("junk", [b"}", b"]", b'"', b"{", b",,", b"\xc3", b"garbage"])
def test_corrupt_region_mid_file_is_skipped_and_counted(tmp_path: Path, junk: bytes) -> None:
    data = _numbered(100)
    at = data.index(b'"text": "post 40"')  # between two keys, outside any string
    path = write(tmp_path, data[:at] + junk + data[at:])
    got, error, reader = drain(path)
    assert len(got) >= 99
    assert {m.message_id for m in got} >= set(range(1, 40)) | set(range(41, 101))
    assert error is not None
    assert reader.stats.skipped_bytes > 0 or reader.stats.damaged_regions == 0


def test_full_export_resumes_in_the_right_chat(tmp_path: Path) -> None:
    chats = [
        {"name": f"Chat {c}", "type": "public_channel", "id": c, "messages": _msgs(20)}
        for c in (1, 2)
    ]
    data = json.dumps({"about": "x", "chats": {"about": "y", "list": chats}}, indent=1).encode()
    at = data.index(b'"text": "post 5"') + 8
    path = write(tmp_path, data[:at] + b"}}}" + data[at:])
    got, error, _ = drain(path)
    assert error is not None
    by_chat = [(m.channel, m.message_id) for m in got]
    assert ("Chat 2", 20) in by_chat
    assert ("Chat 1", 20) in by_chat
    assert all(ch == "Chat 2" for ch, _ in by_chat[by_chat.index(("Chat 2", 1)) :])
    assert len(got) == 39


def test_minified_export_resynchronises_on_the_next_id(tmp_path: Path) -> None:
    root = {
        "name": "Fake",
        "type": "public_channel",
        "id": 7,
        "messages": [msg(i) for i in range(1, 31)],
    }
    data = json.dumps(root).encode()
    at = data.index(b'"post 9"')
    path = write(tmp_path, data[:at] + b"@" + data[at:])
    got, error, _ = drain(path)
    assert len(got) == 29
    assert error is not None


def test_lone_surrogate_escape_becomes_a_replacement_character(tmp_path: Path) -> None:
    path = write(tmp_path, export_bytes([msg(1, text="@@")]).replace(b'"@@"', b'"a\\ud800b"'))
    got, error, _ = drain(path)
    assert error is None
    assert got[0].text == "a\ufffdb"
    got[0].text.encode("utf-8")


@pytest.mark.parametrize("unixtime", ["159216802\x1f", "9" * 5000, "\u0661\u0662", " 12 "])
def test_odd_date_unixtime_is_no_crash(tmp_path: Path, unixtime: str) -> None:
    path = write(tmp_path, export_bytes([msg(1, date_unixtime=unixtime), msg(2)]))
    got, error, _ = drain(path)
    assert error is None
    assert [m.message_id for m in got] == [1, 2]
