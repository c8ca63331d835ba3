"""Stream `Message`s out of a JSON Lines file, the input format for platforms other than Telegram.

One object per line:
`{"channel": str | int, "id": int, "text": str, "date"?: str, "channel_id"?: int}`.
`channel_id` is the `channel_id` key when it is an integer, else `channel` when that is an integer,
else None. Lines that are not such an object are skipped and counted in `stats.skipped_malformed`
rather than stopping the scan (a line past `MAX_LINE_BYTES` too, without being held in memory);
blank lines are ignored. A file with no lines at all, or with no line
that is a message, is not JSON Lines input and raises `InputError`, after the iteration.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final, TypeGuard

from leakwatch.errors import InputError
from leakwatch.sources.message import Message, ReadStats, clean
from leakwatch.sources.telegram_desktop import looks_binary

_BOM: Final = "\ufeff"
_HEAD_BYTES: Final = 8192
#: Longest line read as a message (a post is a few KB); a longer one is skipped and counted.
MAX_LINE_BYTES: Final = 16 * 1024 * 1024


class JsonlReader:
    """Yields the messages of one JSON Lines file; `stats` describe the latest iteration."""

    def __init__(self, path: Path, display: str | None = None) -> None:
        self.path = path
        self.display = display if display is not None else str(path)
        self.stats = ReadStats()

    def __iter__(self) -> Iterator[Message]:
        self.stats = ReadStats()
        seen_line = False
        try:
            with self.path.open("rb") as lines:
                if looks_binary(lines.read(_HEAD_BYTES)):
                    raise InputError(f"{self.display}: binary file, not JSON Lines")
                lines.seek(0)
                for number, raw in enumerate(_lines(lines)):
                    text = _decode(raw, first=number == 0) if raw is not None else None
                    if text is not None and not text.strip():
                        continue
                    seen_line = True
                    message = _to_message(text, self.display) if text is not None else None
                    if message is None:
                        self.stats.skipped_malformed += 1
                        continue
                    self.stats.messages += 1
                    yield message
        except OSError as exc:
            raise InputError(f"{self.display}: cannot read ({exc.strerror})") from None
        if not seen_line:
            raise InputError(f"{self.display}: file is empty")
        if self.stats.messages == 0:
            raise InputError(f"{self.display}: not JSON Lines (no line is a message object)")


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Each line, or None for one longer than `MAX_LINE_BYTES` (skipped without holding it)."""
    while line := stream.readline(MAX_LINE_BYTES):
        if len(line) < MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def _decode(raw: bytes, *, first: bool) -> str | None:
    """One line as text, or None when it is not UTF-8."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.removeprefix(_BOM) if first else text


def _to_message(line: str, source: str) -> Message | None:
    """One line → a `Message`, or None when it is not a message object of the documented shape."""
    try:
        obj: object = json.loads(line)
    except (ValueError, RecursionError):  # bad JSON, numbers past int(), nesting past the stack
        return None
    if not isinstance(obj, dict):
        return None
    message_id, text = obj.get("id"), obj.get("text")
    channel, date = obj.get("channel"), obj.get("date")
    if not _is_int(message_id) or not isinstance(text, str):
        return None
    if channel is not None and not (isinstance(channel, str) or _is_int(channel)):
        return None
    if date is not None and not isinstance(date, str):
        return None
    channel_id = obj.get("channel_id")
    if not _is_int(channel_id):
        channel_id = channel if _is_int(channel) else None
    return Message(
        source=source,
        channel_id=channel_id,
        channel=clean(str(channel)) if channel is not None else None,
        message_id=message_id,
        date=clean(date) if date else None,
        text=clean(text),
    )


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
