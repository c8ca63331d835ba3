"""Channel keys and dates as the store records them (pure functions, no database)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from leakwatch.sources.message import Message
from leakwatch.store.message_rows import KEY_CHARS, channel_key, posted_at


@pytest.mark.parametrize(
    ("channel_id", "channel", "source", "key"),
    [
        (1700000001, "فضائح بغداد", "a/result.json", "telegram:1700000001"),
        (None, "souq_mosul", "posts.jsonl", "name:souq_mosul"),
        (None, None, "posts.jsonl", "source:posts.jsonl"),
        (None, "", "posts.jsonl", "source:posts.jsonl"),
    ],
)
def test_channel_key(channel_id: int | None, channel: str | None, source: str, key: str) -> None:
    assert channel_key(Message(source, channel_id, channel, 1, None, "")) == key


def test_long_channel_keys_stay_distinct_and_fit() -> None:
    a = channel_key(Message("s", None, "x" * 300 + "a", 1, None, ""))
    b = channel_key(Message("s", None, "x" * 300 + "b", 1, None, ""))
    assert a != b
    assert len(a) <= KEY_CHARS
    assert len(b) <= KEY_CHARS


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2024-03-01T10:00:00Z", datetime(2024, 3, 1, 10, tzinfo=UTC)),
        ("2024-03-01T10:00:00", None),  # exporter's local time: offset unknown
        ("not a date Z", None),
        (None, None),
    ],
)
def test_posted_at(date: str | None, expected: datetime | None) -> None:
    assert posted_at(date) == expected
