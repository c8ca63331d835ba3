"""The one multi-pattern engine: shipped word lists matched with Aho-Corasick, word-bounded.

Every lexicon lookup in the recognizers goes through here, so a message is scanned once per
automaton instead of once per entry. Word boundaries come for free: non-word characters of both
the entries and the text are mapped to a space (length-preserving), the text is padded with a
space on each side, and every entry is stored as `" entry "`. A match can then only start and end
at a boundary, and the automaton never reports the thousands of sub-word hits ("علي" inside
"والعلي") that a post-filter would have to discard.

Lexicon files (`detect/lexicons/*.txt`) hold one normalized entry per line, optionally followed by
a TAB and a value (a governorate, a marker kind); lines starting with `#` are comments.
Automata are built once per process and cached at module level; recognizers keep no automaton
themselves, so they pickle cheaply and each worker process builds its own on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

from leakwatch.normalize import normalize_token

V = TypeVar("V")

_NON_WORD = re.compile(r"[\W_]")
# The same characters less the space, which maps to itself: far fewer matches to replace.
_PAD_NON_WORD = re.compile(r"[^\w ]|_")
_SPACES = re.compile(r"\s+")


def word_key(text: str) -> str:
    """The form an entry is stored and matched in: normalized, non-word runs as one space."""
    return _SPACES.sub(" ", _NON_WORD.sub(" ", normalize_token(text))).strip()


@lru_cache(maxsize=8)
def padded(norm: str) -> str:
    """`norm` with every non-word character as a space, plus one space at each end.

    Index i of `norm` is index i + 1 of the result. Cached for the last few messages, so the
    recognizers that scan one message share the work.
    """
    return " " + _PAD_NON_WORD.sub(" ", norm) + " "


class Match(NamedTuple, Generic[V]):
    """A word-bounded lexicon hit in normalized text.

    `start`/`end` cover the entry itself; `outer` is where the match begins including an attached
    proclitic ("و" in "وعلي"), equal to `start` when there is none.
    """

    start: int
    end: int
    outer: int
    key: str
    value: V


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A shipped word list: normalized entry → value column ('' where the file has none)."""

    name: str
    entries: Mapping[str, str]

    def __contains__(self, key: object) -> bool:
        return key in self.entries


@cache
def load(name: str) -> Lexicon:
    """Read `detect/lexicons/<name>.txt` once per process."""
    path = resources.files("leakwatch.detect").joinpath("lexicons", f"{name}.txt")
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("\t")
        key = word_key(key)
        if key and key not in entries:
            entries[key] = value
    return Lexicon(name, entries)


# What an automaton stores for a pattern: (entry length, proclitic length, entry, value).
Entry = tuple[int, int, str, Any]
# A raw automaton hit: (index of the trailing pad space in `padded(norm)`, entry).
Hit = tuple[int, Entry]


def patterns(
    entries: Mapping[str, V],
    proclitics: Iterable[str] = (),
    clitic_ok: Callable[[V], bool] | None = None,
) -> dict[str, Entry]:
    """The padded patterns `build_automaton` stores for `entries`, with what each carries."""
    out: dict[str, Entry] = {}
    for key, value in entries.items():
        if key:
            out[f" {key} "] = (len(key), 0, key, value)
    for clitic in proclitics:
        for key, value in entries.items():
            if clitic_ok is not None and not clitic_ok(value):
                continue
            joined = clitic + key
            if key and joined not in entries and f" {joined} " not in out:
                out[f" {joined} "] = (len(key), len(clitic), key, value)
    return out


def build_automaton(
    entries: Mapping[str, V],
    proclitics: Iterable[str] = (),
    clitic_ok: Callable[[V], bool] | None = None,
) -> Any:
    """An automaton over `entries` (keys already in `word_key` form).

    For each proclitic p (a one-letter conjunction or preposition) an extra pattern `p + key`
    is added for the entries `clitic_ok` accepts, unless that string is itself an entry: so
    "وزينب" finds "زينب" while "وليد" stays the name "وليد".
    """
    automaton = ahocorasick.Automaton()
    for word, entry in patterns(entries, proclitics, clitic_ok).items():
        automaton.add_word(word, entry)
    automaton.make_automaton()
    return automaton


# --------------------------------------------------------------------------- shared pass
#
# The lexicon recognizers (person, address, state document) each read a message through their
# own patterns. Their patterns live in one automaton whose values say which recognizer ("channel")
# each pattern belongs to, so a message is walked once for all of them; a channel's hits are
# exactly the hits its own automaton would report.

_CHANNELS: list[Callable[[], dict[str, Entry]]] = []


def add_channel(build: Callable[[], dict[str, Entry]]) -> int:
    """Register a recognizer's patterns (built lazily, once); returns its channel number."""
    _CHANNELS.append(build)
    return len(_CHANNELS) - 1


@cache
def _shared_automaton(n: int) -> Any:
    """One automaton over the patterns of the first `n` channels."""
    merged: dict[str, list[tuple[int, Entry]]] = {}
    for channel in range(n):
        for word, entry in _CHANNELS[channel]().items():
            merged.setdefault(word, []).append((channel, entry))
    automaton = ahocorasick.Automaton()
    for word, owners in merged.items():
        automaton.add_word(word, tuple(owners))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=8)
def _shared_hits(norm: str, n: int) -> tuple[list[Hit], ...]:
    # Untyped on purpose: compiled, a typed entry would be unpacked and packed again per hit.
    lists: list[list[Any]] = [[] for _ in range(n)]
    for found in _shared_automaton(n).iter(padded(norm)):
        last = found[0]
        for owner in found[1]:
            lists[owner[0]].append((last, owner[1]))
    return tuple(lists)


def channel_hits(norm: str, channel: int) -> list[Hit]:
    """Every hit of `channel`'s patterns in `norm`, in the automaton's order (do not modify).

    Cached for the last few messages, so the recognizers of one message share one pass.
    """
    return _shared_hits(norm, len(_CHANNELS))[channel]


def token_map(norm: str, automaton: Any) -> dict[int, tuple[int, int, str, Any]]:
    """The fast form of `find_tokens` for recognizers that walk words themselves.

    Maps each match's outer start (with proclitic) to the longest (start, end, key, value)
    beginning there. Matches starting inside an earlier, longer match are kept too; a caller
    that skips words covered by the match it took resolves them exactly as `find_tokens`.
    """
    return hits_token_map(automaton.iter(padded(norm)))


def hits_token_map(hits: Iterable[Hit]) -> dict[int, tuple[int, int, str, Any]]:
    """`token_map` of raw hits (`channel_hits`)."""
    best: dict[int, tuple[int, int, str, Any]] = {}
    for last, (key_len, clitic_len, key, value) in hits:
        start = last - 1 - key_len
        outer = start - clitic_len
        seen = best.get(outer)
        if seen is None or seen[1] < last - 1:
            best[outer] = (start, last - 1, key, value)
    return best


def find_tokens(norm: str, automaton: Any, text: str | None = None) -> list[Match[Any]]:
    """Word-bounded, leftmost-longest, non-overlapping matches of `automaton` in `norm`.

    `text` is `padded(norm)` when the caller already has it.
    """
    if text is None:
        text = padded(norm)
    return hits_tokens(automaton.iter(text))


def hits_tokens(found: Iterable[Hit]) -> list[Match[Any]]:
    """`find_tokens` of raw hits (`channel_hits`)."""
    hits: list[tuple[int, int, int, int, str, Any]] = []
    for last, (key_len, clitic_len, key, value) in found:
        # `last` indexes the trailing pad space in `text`, i.e. the entry's end in `norm`.
        start = last - 1 - key_len
        outer = start - clitic_len
        hits.append((outer, outer - last, start, last - 1, key, value))
    if not hits:
        return []
    hits.sort()
    out: list[Match[Any]] = []
    reach = -1
    for outer, _, start, end, key, value in hits:
        if outer >= reach:
            out.append(Match(start, end, outer, key, value))
            reach = end
    return out
