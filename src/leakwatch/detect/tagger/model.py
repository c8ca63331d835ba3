"""Load the shipped CRF once per process and turn its tags into PERSON spans of normalized text."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, NamedTuple

import pycrfsuite

from leakwatch.detect.tagger.features import holds_name_pair, sentence_features, tokenize

MODEL_PATH: Final = Path(str(resources.files("leakwatch.detect.tagger") / "person.crfsuite"))
_MAX_TOKENS: Final = 400  # one sequence per line; longer lines are cut into windows
# The model also tags places and organisations (it learns names better beside them); only
# person tags become spans.
_PERSON: Final = frozenset(("B-PERS", "I-PERS"))


class Span(NamedTuple):
    """A tagged name in normalized text, with the model's marginal confidence (mean over tokens)."""

    start: int
    end: int
    confidence: float


@cache
def _tagger() -> Any:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


@cache
def available() -> bool:
    return MODEL_PATH.is_file()


class Reading(NamedTuple):
    """The model's reading of one text: its PERSON spans and each token's P(person)."""

    spans: list[Span]
    tokens: list[tuple[int, int, float]]

    def person_share(self, start: int, end: int) -> float:
        """The highest P(person) of the tokens inside [start, end) (0 when none is)."""
        return max((p for s, e, p in self.tokens if start <= s and e <= end), default=0.0)


def tag(norm: str) -> list[Span]:
    """PERSON spans the model finds in normalized text, line by line."""
    return read(norm).spans


def read(
    norm: str,
    lines: frozenset[int] | None = None,
    probabilities: bool = True,
    pairs_only: bool = False,
) -> Reading:
    """Spans and (unless not asked for) token probabilities, one CRF sequence per line (only
    `lines`, if given; only lines with two name-like words in a row, if `pairs_only`)."""
    tagger = _tagger()
    reading = Reading([], [])
    offset = 0
    for number, text in enumerate(norm.split("\n")):
        if lines is None or number in lines:
            tokens = [(s + offset, e + offset) for s, e in tokenize(text)]
            for k in range(0, len(tokens), _MAX_TOKENS):
                window = tokens[k : k + _MAX_TOKENS]
                _read_line(tagger, norm, window, reading, probabilities, pairs_only)
        offset += len(text) + 1
    return reading


def _read_line(
    tagger: Any,
    norm: str,
    line: list[tuple[int, int]],
    out: Reading,
    probabilities: bool,
    pairs_only: bool,
) -> None:
    words = [norm[s:e] for s, e in line]
    if pairs_only and not holds_name_pair(words):
        return
    labels: list[str] = tagger.tag(sentence_features(words))
    if probabilities:
        known = _known_labels(tagger)
        for k, (s, e) in enumerate(line):
            p = sum(tagger.marginal(label, k) for label in _PERSON if label in known)
            out.tokens.append((s, e, p))
    i = 0
    while i < len(labels):
        if labels[i] not in _PERSON:
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == "I-PERS":
            j += 1
        conf = sum(tagger.marginal(labels[k], k) for k in range(i, j)) / (j - i)
        out.spans.append(Span(line[i][0], line[j - 1][1], conf))
        i = j


@cache
def _known_labels(tagger: Any) -> frozenset[str]:
    return frozenset(tagger.labels())
