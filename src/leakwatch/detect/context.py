"""Context windows: the words around a match that raise or lower confidence."""

from __future__ import annotations

from collections.abc import Iterable


def before(norm: str, start: int, chars: int = 40) -> str:
    """The normalized text just before a span (the cue usually sits there: "رقمه", "Name:")."""
    return norm[max(0, start - chars) : start]


def after(norm: str, end: int, chars: int = 25) -> str:
    return norm[end : end + chars]


def around(norm: str, start: int, end: int, left: int = 40, right: int = 25) -> str:
    return norm[max(0, start - left) : start] + " " + norm[end : end + right]


def mentions(window: str, words: Iterable[str]) -> bool:
    """True if any (already normalized) cue word occurs in `window`."""
    return any(w in window for w in words)
