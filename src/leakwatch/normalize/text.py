"""Fold the ways Arabic, Kurdish and Latin text vary into one form, keeping a map back.

Detection runs on the normalized text; spans are reported in the original. The folding:

* digits: Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) become ASCII; ٫ ٬ become . ,
  and so do decorated digits people use to slip numbers past filters: keycaps (7️⃣ = digit +
  U+FE0F + U+20E3: the two marks vanish), circled and dingbat digits (① ⓵ ❶ ➀ ➊), fullwidth
  (０-９, through NFKC) and mathematical digits (𝟎 𝟘 𝟬 …, through NFKC)
* letters: أ إ آ ٱ → ا, ى ی → ي, ک → ك, ة ە ہ → ه; Latin is lower-cased
* removed: tatweel, harakat and Quranic marks, zero-width and bidi controls
* expanded: presentation forms and ligatures (ﻻ → لا) through NFKC

Most messages need only 1:1 replacements, so the common path is one `str.translate` and the
offset map is the identity (stored as None). Only text with removable or expandable characters
pays for a per-character loop.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from typing import ClassVar, Final

from leakwatch.frozen import Frozen

_ONE_TO_ONE: dict[int, str] = {}
for _i in range(10):
    _ONE_TO_ONE[0x0660 + _i] = str(_i)
    _ONE_TO_ONE[0x06F0 + _i] = str(_i)
for _src, _dst in {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ة": "ه",
    "ە": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "٫": ".",
    "٬": ",",
    "،": ",",
    "؛": ";",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}.items():
    _ONE_TO_ONE[ord(_src)] = _dst
for _c in range(ord("A"), ord("Z") + 1):
    _ONE_TO_ONE[_c] = chr(_c + 32)
# Circled and dingbat digits (one code point each, 1:1): ① ⓵ ❶ ➀ ➊ for 1-9, ⓪ ⓿ for 0.
for _first in (0x2460, 0x24F5, 0x2776, 0x2780, 0x278A):
    for _i in range(9):
        _ONE_TO_ONE[_first + _i] = str(_i + 1)
_ONE_TO_ONE[0x24EA] = "0"
_ONE_TO_ONE[0x24FF] = "0"

# `str.translate` looks every character up in its table and treats a LookupError as "keep it":
# with a dict that is a KeyError raised and cleared for nearly every character. A list over the
# Basic Multilingual Plane (each code point to itself unless folded) answers by index instead;
# only characters beyond it (emoji) still take the LookupError path. Same result, ~2x faster.
_TABLE: Final[list[int]] = list(range(0x10000))
for _c, _dst in _ONE_TO_ONE.items():
    _TABLE[_c] = ord(_dst)

# Characters that vanish: tatweel, harakat (064B-065F), superscript alef, Quranic marks,
# zero-width and directional controls, BOM, variation selectors and the combining keycap
# (so "7️⃣" is the digit 7).
_REMOVED = (
    "\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufe0e\ufe0f\u20e3"
)
# Marks that decorate the character before them: a span that ends on that character also
# covers them, so a number of keycap digits is reported up to the end of its last keycap.
_TRAILING_MARKS: Final = frozenset("\ufe0e\ufe0f\u20e3")
# Characters that may expand or change under NFKC: Arabic presentation forms, fullwidth forms,
# mathematical digits (bold, double-struck, sans-serif, monospace).
_EXPANDED = "\ufb50-\ufdff\ufe70-\ufefe\uff01-\uff5e\U0001d7ce-\U0001d7ff"
_SLOW = re.compile(f"[{_REMOVED}{_EXPANDED}]")
_REMOVED_RE = re.compile(f"[{_REMOVED}]")
_REMOVED_RUNS = re.compile(f"[{_REMOVED}]+")
_EXPANDED_RE = re.compile(f"[{_EXPANDED}]")


class NormalizedText(Frozen):
    """A normalized copy of `original` and the map from its indices back to the original's.

    `offsets[i]` is the original index of normalized character i, with one extra entry equal to
    `len(original)`; None means the identity (same length, character for character).
    """

    __slots__ = ("offsets", "original", "text")
    _NAMES: ClassVar = ("original", "text", "offsets")

    def __init__(self, original: str, text: str, offsets: tuple[int, ...] | None = None) -> None:
        self.original: Final = original
        self.text: Final = text
        self.offsets: Final = offsets

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the smallest original span that produced it,
        plus the marks that decorate its last character (a keycap's U+FE0F U+20E3)."""
        if self.offsets is None:
            return start, end
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        o_end = self.offsets[end - 1] + 1
        original = self.original
        while o_end < len(original) and original[o_end] in _TRAILING_MARKS:
            o_end += 1
        return self.offsets[start], o_end

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span back to the normalized span it came from."""
        if self.offsets is None:
            return start, end
        return bisect_left(self.offsets, start), bisect_left(self.offsets, end)


def _fold_char(ch: str) -> str:
    if _REMOVED_RE.match(ch):
        return ""
    if (
        "\ufb50" <= ch <= "\ufdff"
        or "\ufe70" <= ch <= "\ufefe"
        or "\uff01" <= ch <= "\uff5e"
        or "\U0001d7ce" <= ch <= "\U0001d7ff"
    ):
        ch = unicodedata.normalize("NFKC", ch)
        return "".join(_fold_char(c) for c in ch) if len(ch) > 1 else _fold_simple(ch)
    return _fold_simple(ch)


@lru_cache(maxsize=4096)
def _fold_simple(ch: str) -> str:
    out = ch.translate(_TABLE)
    if out == ch and not ch.isascii():
        low = ch.lower()
        if len(low) == 1:
            out = low
    return out


def normalize(text: str) -> NormalizedText:
    """Normalize `text` for detection, with an offset map back to it."""
    if not _SLOW.search(text):
        folded = text.translate(_TABLE)
        if folded.isascii():
            return NormalizedText(text, folded)
        lowered = folded.lower()
        if len(lowered) == len(folded):
            return NormalizedText(text, lowered)
    elif not _EXPANDED_RE.search(text):
        removed = _without_removed(text)
        if removed is not None:
            return removed
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        out = _fold_char(ch)
        for o in out:
            chars.append(o)
            offsets.append(i)
    offsets.append(len(text))
    return NormalizedText(text, "".join(chars), tuple(offsets))


def _without_removed(text: str) -> NormalizedText | None:
    """The common slow case, only removable characters (harakat, tatweel, ZWNJ), done with
    string methods: the same result as the per-character loop, or None where whole-string
    lower-casing could differ from per-character lower-casing (capital sigma, expanding
    lower-case forms)."""
    offsets: list[int] = []
    pieces: list[str] = []
    prev = 0
    for m in _REMOVED_RUNS.finditer(text):
        start = m.start()
        pieces.append(text[prev:start])
        offsets.extend(range(prev, start))
        prev = m.end()
    pieces.append(text[prev:])
    offsets.extend(range(prev, len(text) + 1))
    folded = "".join(pieces).translate(_TABLE)
    if not folded.isascii():
        if "\u03a3" in folded:
            return None  # word-final sigma: str.lower reads context, the loop does not
        lowered = folded.lower()
        if len(lowered) != len(folded):
            return None
        folded = lowered
    return NormalizedText(text, folded, tuple(offsets))


def normalize_token(text: str) -> str:
    """Normalize a lexicon entry or a value for comparison (no offsets kept)."""
    return normalize(text).text
