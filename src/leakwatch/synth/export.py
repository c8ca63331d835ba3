"""Write Telegram Desktop single-chat exports (`result.json`) the way the desktop app does.

The serializer mimics tdesktop's `SerializeString` rather than `json.dumps`: pretty-printed
with a 1-space indent, UTF-8 as is, `\\n \\r \\t " \\\\` escaped, U+2028/U+2029 as `\\u2028`, and
every other control character as `\\xNN`, which is *not* valid JSON. Real exports contain such
escapes, so readers must cope with them; synthetic ones should too. Messages are streamed to
disk one at a time, so a channel of a million messages never sits in memory.
"""

from __future__ import annotations

import re
from json.encoder import encode_basestring
from pathlib import Path
from types import TracebackType
from typing import TextIO

JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]

_NEEDS_FIX = re.compile("[\x00-\x08\x0b-\x1f\u2028\u2029]")
_ESCAPE = re.compile(r"\\(?:u00([01][0-9a-fA-F])|([bf])|[\s\S])")
_SHORT = {"b": "\\x08", "f": "\\x0c"}


def _fix_escape(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return "\\x" + m.group(1).lower()
    if m.group(2) is not None:
        return _SHORT[m.group(2)]
    return m.group(0)


def tg_string(value: str) -> str:
    """A string literal as Telegram Desktop writes it (control characters as `\\xNN`)."""
    out: str = encode_basestring(value)
    if _NEEDS_FIX.search(value):
        out = (
            _ESCAPE.sub(_fix_escape, out).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        )
    return out


def tg_dumps(value: JsonValue, level: int = 0) -> str:
    """Pretty-print `value` with tdesktop's 1-space indent, starting at nesting `level`."""
    if isinstance(value, str):
        return tg_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    inner = " " * (level + 1)
    if isinstance(value, list):
        if not value:
            return "[]"
        items = ",\n".join(inner + tg_dumps(v, level + 1) for v in value)
        return "[\n" + items + "\n" + " " * level + "]"
    if not value:
        return "{}"
    fields = ",\n".join(
        f"{inner}{tg_string(k)}: {tg_dumps(v, level + 1)}" for k, v in value.items()
    )
    return "{\n" + fields + "\n" + " " * level + "}"


class ChannelWriter:
    """Streams one channel's `result.json`: header, then messages one by one, then the footer."""

    def __init__(self, path: Path, name: str, chat_type: str, chat_id: int) -> None:
        self.path = path
        self._head = (
            "{\n"
            f" {tg_string('name')}: {tg_string(name)},\n"
            f' "type": {tg_string(chat_type)},\n'
            f' "id": {chat_id},\n'
            ' "messages": ['
        )
        self._fh: TextIO | None = None
        self._count = 0

    def __enter__(self) -> ChannelWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("w", encoding="utf-8", newline="\n")
        self._fh.write(self._head)
        return self

    def write(self, message: dict[str, JsonValue]) -> None:
        assert self._fh is not None, "use ChannelWriter as a context manager"
        self._fh.write(("\n  " if self._count == 0 else ",\n  ") + tg_dumps(message, 2))
        self._count += 1

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._fh is not None
        self._fh.write("\n ]\n}" if self._count else "]\n}")
        self._fh.close()
        self._fh = None

    @property
    def count(self) -> int:
        return self._count
