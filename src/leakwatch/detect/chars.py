r"""Character classes by table lookup: word character (`[^\W_]`, `str.isalnum`) and letter
(`str.isalpha`).

Regexes and `str` methods answer these through the Unicode database, the methods on a new
one-character string each time; compiled, `ord(text[i])` reads the code point without building
a string and one lookup in a 64 KB table answers both. Characters beyond the Basic Multilingual
Plane (emoji) fall back to the `str` methods, so every answer is theirs.
"""

from __future__ import annotations

from typing import Final

WORD: Final = 1
ALPHA: Final = 2


def _classes(ch: str) -> int:
    return (WORD if ch.isalnum() else 0) | (ALPHA if ch.isalpha() else 0)


#: The class bits of every Basic Multilingual Plane code point.
CLASSES: Final = bytes(_classes(chr(c)) for c in range(0x10000))


def is_alpha(text: str, i: int) -> bool:
    """`text[i].isalpha()`."""
    c = ord(text[i])
    return bool(CLASSES[c] & ALPHA) if c < 0x10000 else text[i].isalpha()
