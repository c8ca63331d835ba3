"""Tokens and their features for the PERSON tagger; one function for training and for scanning.

Features are plain strings (CRFsuite's attribute names): the word and its clitic-stripped stem,
affixes, shape, what the shipped word lists say of the word and of its stem, the same for two
neighbours on each side, and name-chain glue (بن, عبد, ابو, ال…ي). The word lists are features,
not verdicts: a name no list holds can still be tagged from its context and shape, and training
hides the lists on part of the tokens (`hide`) so the model does not learn to trust them blindly.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from leakwatch.detect.lexicon import load

# Arabic (with Kurdish letters) or Latin letter runs, digit runs, or one other non-space char.
TOKEN: Final = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")
_PROCLITICS: Final = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_GLUE: Final = frozenset(("بن", "ابن", "بنت", "bin", "ibn", "bint"))
_KUNYA: Final = frozenset(("ابو", "ابي", "ام", "abu", "umm"))
_ABD: Final = frozenset(("عبد", "abd", "abdul", "abdel"))

# Word-list flags, by the lists they come from.
_LISTS: Final = (
    ("given_names", "g"),
    ("family_names", "f"),
    ("ambiguous_names", "a"),
    ("common_words", "c"),
    ("titles", "t"),
    ("public_roles", "r"),
    ("places_governorates", "p"),
    ("places_districts", "p"),
    ("places_neighbourhoods", "p"),
    ("places_world", "p"),
    ("landmarks", "m"),
    ("public_figures", "u"),
)


@cache
def _flags() -> dict[str, tuple[str, ...]]:
    """Single-word entry → the short codes of the lists that hold it (built once per process)."""
    out: dict[str, set[str]] = {}
    for name, code in _LISTS:
        for key in load(name).entries:
            for word in key.split(" "):
                if len(word) > 1:
                    out.setdefault(word, set()).add(code if " " not in key else code + "+")
    for key, kinds in load("person_context").entries.items():
        if " " not in key:
            for kind in kinds.split(","):
                out.setdefault(key, set()).add("k" + kind)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def name_flags(word: str) -> bool:
    """Whether a word list holds `word` as a given or family name."""
    flags = _flags().get(word, ())
    return "g" in flags or "f" in flags


_NAME_CODES: Final = frozenset(("g", "f", "a", "u"))


@lru_cache(maxsize=1 << 16)
def could_be_name(word: str) -> bool:
    """A word no list calls an everyday word, place or cue: unknown, or a listed name."""
    if len(word) < 2 or not word.isalpha():
        return False
    flags = _flags()
    codes = flags.get(word, ())
    base = stem(word)
    if base != word:
        codes = codes + flags.get(base, ())
    return not codes or any(code in _NAME_CODES for code in codes)


def holds_name_pair(words: list[str]) -> bool:
    """Whether two words in a row could be a name: the cheap test before tagging a line (a
    lone word is seldom the name that makes a leak, and most lines hold no such pair)."""
    previous = False
    for word in words:
        current = could_be_name(word)
        if current and previous:
            return True
        previous = current
    return False


def tokenize(norm: str) -> list[tuple[int, int]]:
    """Token spans in normalized text."""
    return [m.span() for m in TOKEN.finditer(norm)]


def stem(word: str) -> str:
    """The word without a glued conjunction or preposition and article: "والكاظمي" → "كاظمي"."""
    base = word
    for clitic in _PROCLITICS:
        if base.startswith(clitic) and len(base) - len(clitic) >= 3:
            base = base[len(clitic) :]
            break
    if len(base) >= 5 and base.startswith(("ال", "لل")):
        base = base[2:]
    return base


def _shape(word: str) -> str:
    c = word[0]
    if c.isdigit():
        return "D"
    if not c.isalpha():
        return "P"
    if c.isascii():
        if word.isupper() and len(word) > 1:
            return "U"
        return "C" if c.isupper() else "L"
    return "A"


def _length(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4"
    return "6" if n <= 8 else "9"


class _Word:
    """What one word contributes, computed once per distinct word (an LRU cache)."""

    __slots__ = ("key", "lex", "lex_feats", "near", "own", "shape", "stem")

    def __init__(self, word: str, lex: tuple[str, ...] | None = None) -> None:
        key = word.lower()
        st = stem(key)
        if lex is None:
            flags = _flags()
            via_stem = tuple("s" + f for f in flags.get(st, ())) if st != key else ()
            lex = flags.get(key, ()) + via_stem
        shape = _shape(word)
        own = [
            "w=" + key,
            "s=" + st,
            "p2=" + key[:2],
            "p3=" + key[:3],
            "x2=" + key[-2:],
            "x3=" + key[-3:],
            "sx2=" + st[-2:],
            "sh=" + shape,
            "len=" + _length(len(key)),
        ]
        own.extend("L=" + x for x in lex)
        if not lex:
            own.append("L=none")
        if len(key) >= 5:
            own.append("x4=" + key[-4:])
            own.append("p4=" + key[:4])
            own.extend("c3=" + key[k : k + 3] for k in range(1, len(key) - 3))
        if key in _GLUE:
            own.append("glue")
        if key in _KUNYA:
            own.append("kunya")
        if key in _ABD or key.startswith("عبد"):
            own.append("abd")
        if key.startswith("ال") and key.endswith("ي") and len(key) >= 5:
            own.append("nisba")
        if st != key:
            own.append("clitic=" + key[: len(key) - len(st)])
        self.key = key
        self.stem = st
        self.shape = shape
        self.lex = lex
        self.own = own
        # Neighbour attributes, by offset: what this word says about the word 2 or 1 before or
        # after it.
        self.near = {
            d: [f"w{d:+d}=" + key, f"sh{d:+d}=" + shape, *(f"L{d:+d}=" + x for x in lex)]
            + ([f"s{d:+d}=" + st] if abs(d) == 1 else [])
            for d in (-2, -1, 1, 2)
        }


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> _Word:
    return _Word(word)


def sentence_features(words: list[str], hide: frozenset[int] = frozenset()) -> list[list[str]]:
    """CRFsuite attributes for each word of one token sequence (`words` as written, not lowered).

    `hide` names positions whose word-list flags are withheld (training only).
    """
    info = [_Word(w, ()) if i in hide else _word(w) for i, w in enumerate(words)]
    out: list[list[str]] = []
    n = len(info)
    for i in range(n):
        w = info[i]
        f = list(w.own)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.extend(info[j].near[d])
            else:
                f.append(f"edge{d:+d}")
        if i > 0:
            f.append("w-1|w=" + info[i - 1].key + "|" + w.key)
        if i + 1 < n:
            f.append("w|w+1=" + w.key + "|" + info[i + 1].key)
        out.append(f)
    return out
