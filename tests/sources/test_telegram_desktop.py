"""The Telegram Desktop reader against golden synthetic exports, the real exports, and bad input.

Goldens: `golden/exports/<name>.json` is read and compared with `golden/expected/<name>.json`;
run with `UPDATE_GOLDEN=1` to rewrite the expected files after a deliberate change.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from leakwatch.entities import EntityType
from leakwatch.errors import InputError
from leakwatch.sources.jsonfix import EscapeFixingReader
from leakwatch.sources.message import Message
from leakwatch.sources.telegram_desktop import TelegramDesktopReader, looks_like_telegram_export

GOLDEN = Path(__file__).parent / "golden"
EXPORTS = sorted((GOLDEN / "exports").glob("*.json"))


def _repo_root() -> Path:
    here = Path(__file__).resolve()
    return next(p for p in here.parents if (p / "pyproject.toml").is_file())


REAL = _repo_root().parent / "shared" / "data" / "telegram_export_examples"
SALAF = REAL / "upon_the_path_of_salaf_public_channel_result.json"
GUZELKA = REAL / "guzelka_reuploads_public_channel_result.json"


def drain(reader: TelegramDesktopReader) -> tuple[list[Message], InputError | None]:
    """Everything the reader yields, and the error it ends with, as the CLI would see them."""
    messages: list[Message] = []
    try:
        for message in reader:
            messages.append(message)
    except InputError as exc:
        return messages, exc
    return messages, None


def read(path: Path) -> tuple[list[Message], TelegramDesktopReader]:
    reader = TelegramDesktopReader(path, display=path.name)
    return list(reader), reader


def write_export(tmp_path: Path, messages: list[Any], **chat: Any) -> Path:
    path = tmp_path / "result.json"
    root = {"name": "Fake Chat", "type": "public_channel", "id": 42, **chat, "messages": messages}
    path.write_text(json.dumps(root, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def msg(message_id: int = 1, **fields: Any) -> dict[str, Any]:
    return {"id": message_id, "type": "message", "date_unixtime": "1700000000", **fields}


# --- golden ------------------------------------------------------------------------------------


@pytest.mark.parametrize("export", EXPORTS, ids=[p.stem for p in EXPORTS])
def test_golden(export: Path) -> None:
    messages, reader = read(export)
    actual = {
        "stats": dataclasses.asdict(reader.stats),
        "messages": [dataclasses.asdict(m) for m in messages],
    }
    expected_path = GOLDEN / "expected" / export.name
    rendered = json.dumps(actual, ensure_ascii=False, indent=1) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(rendered, encoding="utf-8")
    assert json.loads(rendered) == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("export", EXPORTS, ids=[p.stem for p in EXPORTS])
def test_golden_hints_point_at_their_entity(export: Path) -> None:
    messages, _ = read(export)
    raw = json.loads(EscapeFixingReader(export.open("rb")).read())
    chats = [raw] if "messages" in raw else raw["chats"]["list"] + raw["left_chats"]["list"]
    entities = {
        (m["id"], e["text"])
        for chat in chats
        for m in chat["messages"]
        for e in m.get("text_entities", m.get("text", []))
        if isinstance(e, dict) and e["type"] in ("phone", "email", "bank_card")
    }
    spans = {(m.message_id, m.text[h.start : h.end]) for m in messages for h in m.hints}
    assert spans == entities


def test_golden_exports_are_sniffed() -> None:
    assert all(looks_like_telegram_export(p) for p in EXPORTS)


def test_full_account_yields_only_chat_messages() -> None:
    messages, reader = read(GOLDEN / "exports" / "full_account.json")
    assert [(m.channel, m.channel_id, m.message_id) for m in messages] == [
        ("Fake Friend", 4000000004, 10),
        (None, 999000999, 12),
        ("Left Fake Group", 5000000005, -999999939),
    ]
    assert reader.stats.chats == 3
    assert all("0009" not in m.text and "0008" not in m.text for m in messages)


def test_escapes_are_decoded() -> None:
    messages, _ = read(GOLDEN / "exports" / "escapes.json")
    assert messages[0].channel == "Escape\x1fTest"
    assert messages[0].text == "tab\x0bhere 0770\x1f0000005 path C:\\x41\\\\x0b"
    assert messages[1].text == "\x00\x01\x0b\x1f end"


def test_old_shape_dates_keep_local_time_without_zone() -> None:
    messages, _ = read(GOLDEN / "exports" / "old_shape.json")
    assert messages[0].date == "2019-03-01T10:00:00"
    assert messages[0].extra == (("from_id", "111111111"),)


# --- the real exports ----------------------------------------------------------------------------


@pytest.mark.skipif(not REAL.is_dir(), reason="shared real exports not present")
@pytest.mark.parametrize(
    ("path", "messages", "service"), [(SALAF, 208, 5), (GUZELKA, 6, 0)], ids=["salaf", "guzelka"]
)
def test_real_export(path: Path, messages: int, service: int) -> None:
    got, reader = read(path)
    assert (reader.stats.messages, reader.stats.skipped_service) == (messages, service)
    assert (reader.stats.skipped_malformed, reader.stats.chats) == (0, 1)
    assert len(got) == messages
    raw = json.loads(path.read_bytes())
    by_id = {m["id"]: m for m in raw["messages"]}
    for message in got:
        source = by_id[message.message_id]
        assert message.text == "".join(e["text"] for e in source["text_entities"])
        assert message.date is not None
        assert message.date.endswith("Z")
        assert message.channel_id == raw["id"]
        assert message.channel == raw["name"]
        assert message.forwarded_from == source.get("forwarded_from")
        assert message.source == path.name


# --- message-level rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "date"),
    [
        ({"date_unixtime": "1762200628"}, "2025-11-03T20:10:28Z"),
        ({"date_unixtime": 1762200628}, "2025-11-03T20:10:28Z"),
        ({"date_unixtime": "0"}, "1970-01-01T00:00:00Z"),
        ({"date_unixtime": "soon", "date": "2025-11-03T23:10:28"}, "2025-11-03T23:10:28"),
        (
            {"date_unixtime": "99999999999999999999", "date": "2025-01-01T00:00:00"},
            "2025-01-01T00:00:00",
        ),
        ({"date_unixtime": None, "date": "2019-01-01T01:02:03"}, "2019-01-01T01:02:03"),
        ({"date_unixtime": None}, None),
    ],
)
def test_date(tmp_path: Path, fields: dict[str, Any], date: str | None) -> None:
    messages, _ = read(write_export(tmp_path, [msg(text="x", **fields)]))
    assert messages[0].date == date


@pytest.mark.parametrize(
    ("from_id", "extra"),
    [
        (12345, (("from_id", "12345"),)),
        ("user12345", (("from_id", "user12345"),)),
        ("channel777", (("from_id", "channel777"),)),
        (None, ()),
        (True, ()),
    ],
)
def test_from_id(tmp_path: Path, from_id: object, extra: tuple[tuple[str, str], ...]) -> None:
    messages, _ = read(write_export(tmp_path, [msg(text="x", from_id=from_id)]))
    assert messages[0].extra == extra


def test_hints_use_code_point_offsets(tmp_path: Path) -> None:
    text = [
        "📞😀 هاتف ",
        {"type": "phone", "text": "07700000000"},
        " ✉ ",
        {"type": "email", "text": "a@example.com"},
    ]
    messages, _ = read(write_export(tmp_path, [msg(text=text)]))
    (message,) = messages
    assert [(h.entity_type, message.text[h.start : h.end]) for h in message.hints] == [
        (EntityType.PHONE_NUMBER, "07700000000"),
        (EntityType.EMAIL_ADDRESS, "a@example.com"),
    ]
    assert message.hints[0].start == 8


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({}, ""),
        ({"text": ""}, ""),
        ({"text": []}, ""),
        ({"text_entities": [{"type": "plain", "text": "from entities"}]}, "from entities"),
        (
            {"text": "from text", "text_entities": [{"type": "plain", "text": "ignored"}]},
            "from text",
        ),
        ({"text": ["a", {"type": "bold", "text": "b", "extra": [1]}, ""]}, "ab"),
    ],
)
def test_text_sources(tmp_path: Path, fields: dict[str, Any], text: str) -> None:
    messages, reader = read(write_export(tmp_path, [msg(**fields)]))
    assert [m.text for m in messages] == [text]
    assert reader.stats.messages == 1


_MALFORMED: list[Any] = [
    5,
    "message",
    None,
    [1, 2],
    {"type": "message", "text": "no id"},
    {"id": "12", "type": "message", "text": "string id"},
    {"id": 1.5, "type": "message", "text": "float id"},
    {"id": True, "type": "message", "text": "bool id"},
    {"id": 1, "type": "message", "text": 42},
    {"id": 1, "type": "message", "text": None},
    {"id": 1, "type": "message", "text": {"type": "bold", "text": "object"}},
    {"id": 1, "type": "message", "text": ["ok", 7]},
    {"id": 1, "type": "message", "text": ["ok", {"type": "bold"}]},
    {"id": 1, "type": "message", "text": ["ok", {"type": "bold", "text": 3}]},
    {"id": 1, "type": "message", "text_entities": "not a list"},
    {"id": 1, "text": "no type"},
    {"id": 1, "type": "poll", "text": "unknown type"},
]


def test_malformed_messages_are_skipped_and_counted(tmp_path: Path) -> None:
    good = [msg(i, text=f"good {i}") for i in range(100, 104)]
    service = [
        {"id": 200, "type": "service", "action": "pin_message"},
        {"id": 201, "type": "unsupported"},
    ]
    mixed = [good[0], *_MALFORMED[:8], good[1], *service, *_MALFORMED[8:], good[2], good[3]]
    messages, error = drain(TelegramDesktopReader(write_export(tmp_path, mixed)))
    assert error is None
    assert [m.text for m in messages] == ["good 100", "good 101", "good 102", "good 103"]


def test_malformed_counts(tmp_path: Path) -> None:
    reader = TelegramDesktopReader(write_export(tmp_path, [msg(text="ok"), *_MALFORMED]))
    list(reader)
    assert (reader.stats.messages, reader.stats.skipped_malformed) == (1, len(_MALFORMED))


def test_chat_list_item_that_is_not_an_object_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    chat = {"name": "Fake", "type": "private_group", "id": 3, "messages": [msg(text="ok")]}
    path.write_text(json.dumps({"chats": {"list": [7, "x", [1], chat]}}), encoding="utf-8")
    messages, reader = read(path)
    assert [m.channel for m in messages] == ["Fake"]
    assert (reader.stats.skipped_malformed, reader.stats.chats) == (3, 1)


def test_chat_metadata_is_not_leaked_between_chats(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    first = {"name": "First", "id": 1, "messages": [msg(text="a")]}
    second = {"messages": [msg(text="b")]}
    path.write_text(json.dumps({"chats": {"list": [first]}, "left_chats": {"list": [second]}}))
    messages, _ = read(path)
    assert [(m.channel, m.channel_id) for m in messages] == [("First", 1), (None, None)]


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write_export(tmp_path, [msg(text="x")])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    messages, _ = read(path)
    assert [m.text for m in messages] == ["x"]


def test_reader_can_iterate_twice(tmp_path: Path) -> None:
    reader = TelegramDesktopReader(
        write_export(tmp_path, [msg(text="x"), {"id": 2, "type": "service"}])
    )
    assert list(reader) == list(reader)
    assert (reader.stats.messages, reader.stats.skipped_service) == (1, 1)


# --- bad input -----------------------------------------------------------------------------------


def _export_bytes(n: int) -> tuple[bytes, list[int]]:
    """A small export and, for each message, the byte offset just past its closing brace."""
    head = b'{\n "name": "Fake",\n "type": "public_channel",\n "id": 1,\n "messages": [\n'
    body = bytearray(head)
    ends: list[int] = []
    for i in range(n):
        if i:
            body += b",\n"
        body += json.dumps(msg(i, text=["a\\x0bb ", {"type": "phone", "text": "0770"}])).encode()
        ends.append(len(body))
    body += b"\n ]\n}\n"
    return bytes(body), ends


def test_every_truncation_yields_the_complete_messages_then_one_line_error(tmp_path: Path) -> None:
    data, ends = _export_bytes(4)
    path = tmp_path / "result.json"
    final = data.rindex(b"}")
    for cut in range(final + 1):
        path.write_bytes(data[:cut])
        messages, error = drain(TelegramDesktopReader(path, display="cut.json"))
        assert error is not None, cut
        assert "\n" not in str(error)
        assert str(error).startswith("cut.json: ")
        assert len(messages) == sum(end <= cut for end in ends), cut


def test_truncation_message(tmp_path: Path) -> None:
    data, ends = _export_bytes(3)
    path = tmp_path / "result.json"
    path.write_bytes(data[: ends[1] + 5])
    messages, error = drain(TelegramDesktopReader(path, display="x/result.json"))
    assert len(messages) == 2
    assert (
        str(error) == "x/result.json: export is truncated after 2 messages (unexpected end of JSON)"
    )


def test_garbage_mid_file_keeps_earlier_messages(tmp_path: Path) -> None:
    data, ends = _export_bytes(3)
    path = tmp_path / "result.json"
    path.write_bytes(data[: ends[1]] + b", }garbage" + data[ends[1] :])
    messages, error = drain(TelegramDesktopReader(path, display="g.json"))
    assert len(messages) == 3  # the reader resynchronises on the message after the garbage
    assert error is not None
    assert str(error).startswith("g.json: invalid JSON after 2 messages (")
    assert "read on past 1 damaged region(s), skipping 10 bytes and 0 message(s)" in str(error)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b" \n\t\n", "file is empty"),
        (b"\xef\xbb\xbf\n", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\xff\xfe\xfa garbage", "not a JSON file"),
        (b"hello world", "not a JSON file"),
        (b"[1, 2, 3]", "top level is a list"),
        (b'"just a string"', "top level is a string"),
        (b"42", "top level is a number"),
        (b'{"foo": 1, "bar": [1, 2]}', "no 'messages' or 'chats'"),
        (b'{"name": "x", "id": 1, "messages": "oops"}', "'messages' is a string, expected a list"),
        (
            b'{"name": "x", "id": 1, "messages": {"a": 1}}',
            "'messages' is an object, expected a list",
        ),
        (b'{"name": "x", "id": 1, "messages": null}', "'messages' is null, expected a list"),
        (b'{"chats": []}', "'chats' is a list, expected an object"),
        (b'{"chats": {"list": 5}}', "'chats.list' is a number, expected a list"),
        (b'{"chats": {"list": [{"messages": 1}]}}', "'chats.list.item.messages' is a number"),
        (b'{"messages": [{"id": 1, "type": "message", "text": "\xff"}]}', "invalid"),
        (b'{"messages": [{"id": 1, "type": "message", "text": "a"}]} {"x": 1}', "invalid JSON"),
        (b'{"messages": [{"id": 1, "type": "message", "text": "\\q"}]}', "invalid JSON"),
    ],
)
def test_bad_input(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(TelegramDesktopReader(path, display="in/result.json"))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("in/result.json: ")
    assert reason in message


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^missing\.json: cannot read \(No such file"):
        list(TelegramDesktopReader(tmp_path / "missing.json", display="missing.json"))
    with pytest.raises(InputError, match=r"cannot read \(Is a directory\)"):
        list(TelegramDesktopReader(tmp_path))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{\n "name": "x",\n "type": "public_channel",\n "id": 1,\n "messages": [', True),
        (b'{"about": "x", "personal_information": {"first_name": "F"', True),
        (b'{"type": "private_group", "id": 1', True),
        (b'{"type": "invoice", "id": 1', False),
        (b'{"channel": "x", "id": 1, "text": "y"}\n', False),
        (b"[1, 2]", False),
        (b"", False),
        (b"\x00\x01", False),
    ],
)
def test_sniff(tmp_path: Path, content: bytes, expected: bool) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(content)
    assert looks_like_telegram_export(path) is expected


def test_sniff_missing_file(tmp_path: Path) -> None:
    assert looks_like_telegram_export(tmp_path / "nope.json") is False
