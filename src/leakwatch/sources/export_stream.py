r"""The events of a Telegram Desktop export, read on past damage.

A strict streaming parser stops at the first corrupt byte, and a damaged export then kept a median
8% of its messages. This stream tokenizes the export's outer structure itself (its own stack, so
nesting costs no recursion and is capped at `MAX_DEPTH`) and parses each message object whole with
the C JSON decoder (`raw_decode`, bounded by `MAX_MESSAGE_CHARS`; a message nested past the
decoder's recursion limit is damage, not a crash). When something does not parse, it
*resynchronises*: it looks ahead for the next message object at message-array depth and rebuilds
the stack for it, counting the bytes and messages skipped in `Damage`.

"Message-array depth" is read from the layout: Telegram Desktop pretty-prints with a 1-space indent,
so a line that opens `{` after exactly as many spaces as the first good message did is the next
message (2 in a single-chat export, 5 in a full export, whose chats open at 3). A file without that
layout (minified, hand-made) resynchronises on `{"id": <number>` instead. Invalid UTF-8 becomes
U+FFFD and is counted; inside a string it costs nothing else.

Events are ijson-like `(prefix, event, value)` tuples; a message object arrives whole as
`(prefix, "message", obj)`, and `("", "resync", None)` says the stack was rebuilt.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Final

from leakwatch.sources.jsonfix import EscapeFixingReader

#: Nesting allowed outside message objects (a real export needs 6).
MAX_DEPTH: Final = 256
#: Characters one message object may take; a longer one is skipped as damage (Telegram's largest
#: post, 4,096 characters with entities, is a few tens of kilobytes).
MAX_MESSAGE_CHARS: Final = 16 * 1024 * 1024
#: Characters one string outside the messages (a chat name) may take.
MAX_STRING_CHARS: Final = 1024 * 1024

_CHUNK: Final = 64 * 1024
_LOOKBEHIND: Final = 64
_MESSAGE_ITEMS: Final = frozenset(
    {"messages.item", "chats.list.item.messages.item", "left_chats.list.item.messages.item"}
)
_CHAT_ITEMS: Final = frozenset({"chats.list.item", "left_chats.list.item"})
#: Stacks to resume in when the layout was not learnt yet: (is_object, prefix) per frame.
_SINGLE_MESSAGES: Final = ((True, ""), (False, "messages"))
_FULL_CHATS: Final = ((True, ""), (True, "chats"), (False, "chats.list"))
_FULL_MESSAGES: Final = (
    *_FULL_CHATS,
    (True, "chats.list.item"),
    (False, "chats.list.item.messages"),
)

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
_LINE_OPEN = re.compile(r"\n( *)\{")
_ID_OPEN = re.compile(r"\{(?=[ \t\n\r]*\"(id|name)\"[ \t\n\r]*:)")
_DECODER = json.JSONDecoder(strict=False)
_Event = tuple[str, str, object]
_LITERALS: Final = {"true": True, "false": False, "null": None}

# What each frame expects next.
_VALUE_OR_END, _KEY_OR_END, _KEY, _COLON, _VALUE, _COMMA_OR_END = range(6)

_BAD_UTF8 = [0]


def _count_bad_utf8(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _BAD_UTF8[0] += 1
    return "\ufffd", exc.end


codecs.register_error("leakwatch-count", _count_bad_utf8)


class Truncated(Exception):
    """The file ends inside the export."""


@dataclass(slots=True)
class Damage:
    """What reading on past damage cost: regions skipped, their bytes, the messages in them."""

    regions: int = 0
    skipped_bytes: int = 0
    lost_messages: int = 0
    bad_utf8: int = 0
    first: str | None = None


@dataclass(slots=True)
class _Frame:
    is_object: bool
    prefix: str
    expect: int
    child: str = ""


def _child(prefix: str, key: str) -> str:
    """ijson's prefix of a value, kept short: below the levels that matter it is only `~`."""
    if prefix == "~" or len(prefix) > 48:
        return "~"
    return f"{prefix}.{key}" if prefix else key


class ExportStream:
    """Events of one export file; read `damage` after iterating."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = EscapeFixingReader(raw)
        self._decoder = codecs.getincrementaldecoder("utf-8")("leakwatch-count")
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.damage = Damage()
        self._stack: list[_Frame] = []
        self._root_done = False
        self._message_indent: int | None = None  # -1: not pretty-printed
        self._message_stack: tuple[tuple[bool, str], ...] | None = None
        self._chat_stack: tuple[tuple[bool, str], ...] | None = None
        self._full: bool | None = None

    # --- buffer ----------------------------------------------------------------------------

    def _more(self, keep: int) -> int:
        """Read on, dropping what lies before `keep` (but a little look-behind); the shift."""
        shift = max(0, min(keep, self.pos) - _LOOKBEHIND)
        if shift:
            self.buf = self.buf[shift:]
            self.pos -= shift
        want = max(_CHUNK, len(self.buf))
        data = self._raw.read(want) or b""
        before = _BAD_UTF8[0]
        text = self._decoder.decode(data, final=not data)
        self.damage.bad_utf8 += _BAD_UTF8[0] - before
        if not data:
            self.eof = True
        self.buf += text
        return shift

    def _skip_ws(self) -> bool:
        """Move past whitespace; False at the end of the file."""
        while True:
            m = _WS.match(self.buf, self.pos)
            self.pos = m.end() if m else self.pos
            if self.pos < len(self.buf):
                return True
            if self.eof:
                return False
            self._more(self.pos)

    # --- events ----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[tuple[str, str, object]]:
        """Every event; raises `Truncated` if the file ends inside the export."""
        while self._skip_ws():
            if self._root_done and not self._stack:
                event = self._bad("data after the end of the export")
            else:
                event = self._step()
            if event is not None:
                yield event
        if self._stack or not self._root_done:
            raise Truncated

    def _step(self) -> tuple[str, str, object] | None:
        """One token at `pos`: an event, None for punctuation, or a resync event after damage."""
        c = self.buf[self.pos]
        top = self._stack[-1] if self._stack else None
        expect = top.expect if top is not None else _VALUE
        if expect == _COLON:
            if c != ":":
                return self._bad(f"expected ':', found {c!r}")
            self.pos += 1
            assert top is not None
            top.expect = _VALUE
            return None
        if expect == _COMMA_OR_END:
            assert top is not None
            if c == ",":
                self.pos += 1
                top.expect = _KEY if top.is_object else _VALUE
                return None
            return self._close(top, c)
        if expect in (_KEY_OR_END, _KEY):
            assert top is not None
            if c == '"':
                key = self._string()
                if key is None:
                    return self._bad("a key that is not a valid string")
                top.child = _child(top.prefix, key)
                top.expect = _COLON
                return top.prefix, "map_key", key
            if expect == _KEY_OR_END:
                return self._close(top, c)
            return self._bad(f"expected a key, found {c!r}")
        if expect == _VALUE_OR_END and c == "]":
            assert top is not None
            return self._close(top, c)
        return self._value(top, c)

    def _value(self, top: _Frame | None, c: str) -> tuple[str, str, object] | None:
        if top is None:
            prefix = ""
        elif top.is_object:
            prefix = top.child
        else:
            prefix = _child(top.prefix, "item")
        if c == "{" and prefix in _MESSAGE_ITEMS:
            return self._message(top, prefix)
        if c in "{[":
            if len(self._stack) >= MAX_DEPTH:
                return self._bad(f"nesting deeper than {MAX_DEPTH} levels")
            if c == "{" and prefix in _CHAT_ITEMS:
                self._learn_chat(prefix)
            self.pos += 1
            self._stack.append(_Frame(c == "{", prefix, _KEY_OR_END if c == "{" else _VALUE_OR_END))
            return prefix, "start_map" if c == "{" else "start_array", None
        if c == '"':
            value: object = self._string()
            if value is None:
                return self._bad("a string that does not end")
            event = "string"
        else:
            scalar = self._scalar()
            if scalar is None:
                return self._bad(f"unexpected {c!r}")
            event, value = scalar
        self._done_value(top)
        return prefix, event, value

    def _done_value(self, top: _Frame | None) -> None:
        if top is None:
            self._root_done = True
        else:
            top.expect = _COMMA_OR_END

    def _close(self, top: _Frame, c: str) -> tuple[str, str, object] | None:
        if c != ("}" if top.is_object else "]"):
            kind = "an object" if top.is_object else "a list"
            return self._bad(f"expected ',' or the end of {kind}, found {c!r}")
        self.pos += 1
        self._stack.pop()
        self._done_value(self._stack[-1] if self._stack else None)
        return top.prefix, "end_map" if top.is_object else "end_array", None

    def _string(self) -> str | None:
        """The string starting at `pos` (which is a quote), or None if it is invalid or too long."""
        start = self.pos
        while True:
            try:
                value, end = json.decoder.scanstring(self.buf, start + 1, False)  # type: ignore[attr-defined]
            except json.JSONDecodeError:
                if self.eof:
                    raise Truncated from None
                if len(self.buf) - start > MAX_STRING_CHARS:
                    return None
                start -= self._more(start)
                continue
            self.pos = end
            return str(value)

    def _scalar(self) -> tuple[str, object] | None:
        """A number or literal at `pos`, or None if there is none."""
        while True:
            m = _SCALAR.match(self.buf, self.pos)
            near_end = len(self.buf) - self.pos < 64
            if (m is None or m.end() == len(self.buf)) and near_end and not self.eof:
                self._more(self.pos)
                continue
            if m is None:
                rest = self.buf[self.pos :].rstrip()
                if self.eof and any(word.startswith(rest) for word in (*_LITERALS, "-")):
                    raise Truncated
                return None
            text = m.group()
            self.pos = m.end()
            if text in _LITERALS:
                return ("null" if text == "null" else "boolean"), _LITERALS[text]
            if "." in text or "e" in text or "E" in text or len(text) > 4000:
                return "number", float(text)  # past int()'s 4,300-digit limit: inf
            return "number", int(text)

    def _message(self, top: _Frame | None, prefix: str) -> tuple[str, str, object] | None:
        start = self.pos
        self._learn_message(start)
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, start)
            except RecursionError:
                return self._bad("a message nested too deeply", start, lost=1)
            except json.JSONDecodeError as exc:
                unterminated = exc.msg.startswith("Unterminated string")
                if self.eof:  # the whole rest is here: damage, unless it just stops
                    if unterminated or not self.buf[exc.pos :].strip():
                        raise Truncated from None
                    return self._bad(f"invalid JSON in a message: {exc.msg}", start, lost=1)
                at_end = exc.pos >= len(self.buf) - 32 or unterminated
                if at_end and len(self.buf) - start <= MAX_MESSAGE_CHARS:
                    start -= self._more(start)
                    continue
                why = "a message too long" if at_end else f"invalid JSON in a message: {exc.msg}"
                return self._bad(why, start, lost=1)
            except ValueError:  # an integer past int()'s digit limit
                return self._bad("a number too long in a message", start, lost=1)
            if end - start > MAX_MESSAGE_CHARS:
                return self._bad("a message too long", start, lost=1)
            self.pos = end
            self._done_value(top)
            return prefix, "message", obj

    # --- learning the layout ---------------------------------------------------------------

    def _indent(self, at: int) -> int:
        """Spaces between the line start and `at`, or -1 if other text comes before it."""
        i = at
        while i > 0 and self.buf[i - 1] == " ":
            i -= 1
        return at - i if i > 0 and self.buf[i - 1] == "\n" else -1

    def _learn_message(self, at: int) -> None:
        if self._message_stack is None:
            self._message_indent = self._indent(at)
            self._message_stack = tuple((f.is_object, f.prefix) for f in self._stack)
            self._full = len(self._stack) > 2

    def _learn_chat(self, prefix: str) -> None:
        self._full = True
        if self._chat_stack is None:
            self._chat_stack = tuple((f.is_object, f.prefix) for f in self._stack)

    # --- damage ----------------------------------------------------------------------------

    def _bad(self, why: str, at: int | None = None, lost: int = 0) -> _Event | None:
        start = self.pos if at is None else at
        if not self._damaged(start, why, lost):
            self.pos = len(self.buf)
            self._stack.clear()
            self._root_done = True
            return None
        return "", "resync", None

    def _damaged(self, start: int, why: str, lost: int) -> bool:
        """Record damage at `start` and move to the next message (True) or the end (False)."""
        d = self.damage
        d.regions += 1
        d.lost_messages += lost
        if d.first is None:
            d.first = why
        search = start + 1
        while True:
            found = self._candidate(search)
            if found is not None:
                at, frames = found
                d.skipped_bytes += _utf8_len(self.buf[start:at])
                self.pos = at
                self._stack = [
                    _Frame(is_obj, prefix, _COMMA_OR_END if is_obj else _VALUE_OR_END)
                    for is_obj, prefix in frames
                ]
                self._root_done = True
                return True
            keep = max(search, len(self.buf) - _LOOKBEHIND)
            d.skipped_bytes += _utf8_len(self.buf[start:keep])
            if self.eof:
                d.skipped_bytes += _utf8_len(self.buf[keep:])
                return False
            self.pos = keep
            shift = self._more(keep)
            start = search = keep - shift

    def _candidate(self, search: int) -> tuple[int, tuple[tuple[bool, str], ...]] | None:
        """The next place a message (or, in a full export, a chat) opens, and its stack."""
        best: tuple[int, tuple[tuple[bool, str], ...]] | None = None
        if self._message_indent is None or self._message_indent >= 0:
            for m in _LINE_OPEN.finditer(self.buf, max(search - 1, 0)):
                at = m.end() - 1
                if at < search:
                    continue
                frames = self._frames_for_indent(len(m.group(1)))
                if frames is not None:
                    best = (at, frames)
                    break
        if self._message_indent is None or self._message_indent < 0:
            for m in _ID_OPEN.finditer(self.buf, search):
                if best is not None and m.start() >= best[0]:
                    break
                frames = self._frames_for_key(m.group(1))
                if frames is not None:
                    best = (m.start(), frames)
                    break
        return best

    def _frames_for_indent(self, indent: int) -> tuple[tuple[bool, str], ...] | None:
        if self._message_indent is not None:
            if indent == self._message_indent:
                return self._message_stack
            if self._full and indent == self._message_indent - 2:
                return self._chat_stack or _FULL_CHATS
            return None
        if indent == 2 and not self._full:
            return _SINGLE_MESSAGES
        if indent == 3 and self._full is not False:
            return self._chat_stack or _FULL_CHATS
        if indent == 5 and self._full:
            return _FULL_MESSAGES
        return None

    def _frames_for_key(self, key: str) -> tuple[tuple[bool, str], ...] | None:
        if key == "id":
            return self._message_stack or (_FULL_MESSAGES if self._full else _SINGLE_MESSAGES)
        if self._full:
            return self._chat_stack or _FULL_CHATS
        return None


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))
