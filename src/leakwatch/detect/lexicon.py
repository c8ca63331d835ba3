"""The one multi-pattern engine: shipped word lists matched with Aho-Corasick, word-bounded.

Every lexicon lookup in the recognizers goes through here, so a message is scanned once per
automaton instead of once per entry. Word boundaries come for free: non-word characters of both
the entries and the text are mapped to a space (length-preserving), the text is padded with a
space on each side, and every entry is stored as `" entry "`. A match can then only start and end
at a boundary, and the automaton never reports the thousands of sub-word hits ("علي" inside
"والعلي") that a post-filter would have to discard.

Lexicon files (`detect/lexicons/*.txt`) hold one normalized entry per line, optionally followed by
a TAB and a value (a governorate, a marker kind); lines starting with `#` are comments.
The person, address and state-document patterns share one word-run table instead of an
automaton (see "shared pass" below): same hits, a fraction of the cost. Automata and tables are
built once per process and cached at module level; recognizers keep none themselves, so they
pickle cheaply and each worker process builds its own on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Final, Generic, NamedTuple, TypeVar

import ahocorasick

from leakwatch.detect.chars import CLASSES, WORD
from leakwatch.detect.memo import LastText
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
# own patterns. Their patterns live in one table whose values say which recognizer ("channel")
# each pattern belongs to, so a message is read once for all of them; a channel's hits are
# exactly the hits its own automaton would report.

_CHANNELS: list[Callable[[], dict[str, Entry]]] = []


def add_channel(build: Callable[[], dict[str, Entry]]) -> int:
    """Register a recognizer's patterns (built lazily, once); returns its channel number."""
    _CHANNELS.append(build)
    return len(_CHANNELS) - 1


# What the shared table stores for a run of words: whether a longer pattern ends with the run,
# then, when the run is a pattern itself, its owners as channel, entry, channel, entry, …
# (flat: one object to read per probe).
_Node = tuple[Any, ...]
_BLOOM_BITS: Final = 1 << 19
_BLOOM_MASK: Final = _BLOOM_BITS - 1


@cache
def _shared_table(n: int) -> tuple[dict[str, _Node], bytes]:
    """The patterns of the first `n` channels as a table of word runs, keyed without pads, and
    a one-hash Bloom filter of its keys.

    Every pattern is `" w1 w2 … wk "` (words of `word_key`, one space apart); the table holds
    it and each of its word suffixes ("wk", "w(k-1) wk", …), so a message is read word by word,
    growing each run leftwards only while the run ends some pattern. The filter (64 KB, stays
    in cache) turns away most words that are in no list before they cost a probe of the large
    table.
    """
    merged: dict[str, list[Any]] = {}
    for channel in range(n):
        for word, entry in _CHANNELS[channel]().items():
            merged.setdefault(word, []).extend((channel, entry))
    owners: dict[str, tuple[Any, ...]] = {}
    longer: set[str] = set()
    for pattern, who in merged.items():
        key = pattern[1:-1]
        if pattern != f" {key} " or not key or key != key.strip() or "  " in key:
            raise ValueError(f"not a padded word_key pattern: {pattern!r}")
        owners[key] = tuple(who)
        words = key.split(" ")
        longer.update(" ".join(words[k:]) for k in range(1, len(words)))
    table = {key: (key in longer, *owners.get(key, ())) for key in owners.keys() | longer}
    bloom = bytearray(_BLOOM_BITS // 8)
    for key in table:
        h = hash(key) & _BLOOM_MASK
        bloom[h >> 3] |= 1 << (h & 7)
    return table, bytes(bloom)


_LAST_WORDS: Final = LastText()
_LAST_HITS: Final = LastText()


def word_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the words of `text` (maximal runs of `str.isalnum` characters).

    A table lookup per character (`chars`) instead of the regex engine's Unicode category
    tests, which made tokenizing a message several times slower. Kept for the last text, so
    the shared pass and the recognizers tokenize a message once (do not modify the lists).
    """
    known: tuple[list[int], list[int]] | None = _LAST_WORDS.get(text, 0)
    if known is not None:
        return known
    starts: list[int] = []
    ends: list[int] = []
    inside = False
    for i in range(len(text)):
        c = ord(text[i])
        word = bool(CLASSES[c] & WORD) if c < 0x10000 else text[i].isalnum()
        if word != inside:
            (starts if word else ends).append(i)
            inside = word
    if inside:
        ends.append(len(text))
    _LAST_WORDS.put(text, 0, (starts, ends))
    return starts, ends


def _shared_hits(norm: str, n: int) -> tuple[list[Hit], ...]:
    """Every pattern occurrence in `padded(norm)`, per channel, as an automaton over the
    patterns would report them (by end, longest first), found by word-run lookups: a pattern
    is whole words one non-word character apart, so its occurrences start and end at words.
    A dictionary probe per word costs far less than walking a large automaton per character.
    """
    # Untyped on purpose: compiled, a typed entry would be unpacked and packed again per hit.
    lists: list[list[Any]] = [[] for _ in range(n)]
    table, bloom = _shared_table(n)
    starts, ends = word_spans(norm)
    for j in range(len(starts)):
        s = starts[j]
        e = ends[j]
        word = norm[s:e]
        h = hash(word) & _BLOOM_MASK
        if not bloom[h >> 3] & (1 << (h & 7)):
            continue
        node = table.get(word)
        if node is None:
            continue
        last = e + 1  # index of the pad space after the run in `padded(norm)`
        if not node[0]:
            _emit(lists, last, node)  # the common case: no longer pattern ends here
            continue
        found: list[_Node] = []
        i = j
        clean = True  # every gap so far is a plain space: the run is a slice of `norm`
        while True:
            if len(node) > 1:
                found.append(node)
            if not node[0] or i == 0 or s - ends[i - 1] != 1:
                break
            if norm[s - 1] != " ":
                clean = False
            i -= 1
            s = starts[i]
            if clean:
                node = table.get(norm[s:e])
            else:
                node = table.get(" ".join([norm[starts[k] : ends[k]] for k in range(i, j + 1)]))
            if node is None:
                break
        for k in range(len(found) - 1, -1, -1):
            _emit(lists, last, found[k])
    return tuple(lists)


def _emit(lists: list[list[Any]], last: int, node: _Node) -> None:
    for k in range(1, len(node), 2):
        lists[node[k]].append((last, node[k + 1]))


def channel_hits(norm: str, channel: int) -> list[Hit]:
    """Every hit of `channel`'s patterns in `norm`, in the automaton's order (do not modify).

    Kept for the last message, so the recognizers of one message share one pass.
    """
    n = len(_CHANNELS)
    found: tuple[list[Hit], ...] | None = _LAST_HITS.get(norm, n)
    if found is None:
        found = _shared_hits(norm, n)
        _LAST_HITS.put(norm, n, found)
    return found[channel]


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
