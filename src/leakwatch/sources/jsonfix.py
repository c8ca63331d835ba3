r"""Make Telegram Desktop's `\xNN` string escapes valid JSON while streaming.

Telegram Desktop writes control characters other than `\n`, `\r`, `\t` as `\xNN`, which no strict
JSON parser accepts. `EscapeFixingReader` rewrites each such escape to `\u00NN` chunk by chunk, so a
multi-gigabyte export never has to be loaded whole. An escaped backslash followed by `x` (`\\x41`)
is text, not an escape, and stays untouched. Working on bytes is safe: UTF-8 never uses the byte
0x5C (`\`) inside a multi-byte character.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_BACKSLASH = 0x5C
_HEX = frozenset(b"0123456789abcdefABCDEF")
# One escape sequence: a backslash and the byte it escapes; `x` + two hex digits is the broken one.
_ESCAPE = re.compile(rb"\\(?:x([0-9a-fA-F]{2})|[\s\S])")

DEFAULT_CHUNK_SIZE = 64 * 1024


def _fix_escape(match: re.Match[bytes]) -> bytes:
    hex_digits = match.group(1)
    return b"\\u00" + hex_digits if hex_digits is not None else match.group(0)


def fix_escapes(data: bytes) -> bytes:
    r"""Rewrite every `\xNN` escape in `data`, which must start outside an escape sequence."""
    if b"\\x" not in data:
        return data
    return _ESCAPE.sub(_fix_escape, data)


def _is_active_backslash(buf: bytes | bytearray, i: int) -> bool:
    """Whether the backslash at `i` starts an escape (it ends an odd run of backslashes).

    Valid only when `buf[0]` is not itself escaped, which the carry logic guarantees.
    """
    j = i
    while j > 0 and buf[j - 1] == _BACKSLASH:
        j -= 1
    return (i - j) % 2 == 0


def _pending_escape_start(buf: bytes | bytearray) -> int:
    r"""Index of an escape sequence cut off by the end of `buf`, or `len(buf)` if there is none.

    Only `\`, `\x` and `\xN` at the very end can still become a `\xNN`; longer ones are decided.
    """
    n = len(buf)
    for i in range(n - 1, max(n - 4, -1), -1):
        if buf[i] != _BACKSLASH:
            continue
        tail = buf[i + 1 :]
        incomplete = len(tail) == 0 or (tail[0] == ord("x") and all(b in _HEX for b in tail[1:]))
        if incomplete and _is_active_backslash(buf, i):
            return i
        return n
    return n


class EscapeFixingReader(io.RawIOBase):
    r"""A readable binary stream over `raw` with every `\xNN` string escape turned into `\u00NN`.

    Bytes of an escape that a chunk boundary cuts off are carried into the next chunk, and the carry
    always starts at an unescaped backslash, so each chunk can be fixed on its own.
    """

    def __init__(self, raw: BinaryIO, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        super().__init__()
        if chunk_size < 1:
            raise ValueError("chunk_size must be positive")
        self._raw = raw
        self._chunk_size = chunk_size
        self._carry = b""
        self._out = bytearray()
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        want = len(view)
        if want == 0:
            return 0
        while not self._out and not self._eof:
            self._fill()
        n = min(want, len(self._out))
        view[:n] = self._out[:n]
        del self._out[:n]
        return n

    def _fill(self) -> None:
        chunk = self._raw.read(self._chunk_size)
        if not chunk:
            self._eof = True
            self._out += fix_escapes(self._carry)
            self._carry = b""
            return
        buf = self._carry + chunk
        cut = _pending_escape_start(buf)
        self._out += fix_escapes(buf[:cut])
        self._carry = buf[cut:]

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()
