"""The view of a message that recognizers read: original, normalized text and platform hints."""

from __future__ import annotations

from typing import ClassVar, Final

from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType
from leakwatch.frozen import Frozen
from leakwatch.normalize import NormalizedText, normalize
from leakwatch.sources.message import Hint

_DIGITS: Final = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")


def _ascii_digits(text: str) -> int:
    count = 0
    for digit in _DIGITS:
        count += text.count(digit)
    return count


class Document(Frozen):
    """Normalized text plus the way back to the original.

    Recognizers search `norm` (digits ASCII, letter variants folded, Latin lower-cased) and turn
    their normalized spans into findings with `finding()`, which maps positions back so that
    every reported span indexes the original text.
    """

    __slots__ = ("digits", "hints", "norm", "normalized", "original")
    _NAMES: ClassVar = ("normalized", "hints")

    def __init__(self, normalized: NormalizedText, hints: tuple[Hint, ...] = ()) -> None:
        self.normalized: Final = normalized
        self.hints: Final = hints
        # Plain attributes rather than properties: recognizers read them in their inner loops.
        self.original: Final = normalized.original
        self.norm: Final = normalized.text
        # How many ASCII digits `norm` holds: a pattern that needs N digits cannot match in a
        # message with fewer, so the digit-based recognizers skip most messages without a scan.
        self.digits: Final = _ascii_digits(normalized.text)

    @classmethod
    def of(cls, text: str, hints: tuple[Hint, ...] = ()) -> Document:
        return cls(normalize(text), hints)

    def finding(
        self,
        entity_type: EntityType,
        start: int,
        end: int,
        score: float,
        recognizer: str,
        why: str = "",
    ) -> Finding:
        """A finding for the normalized span [start, end), reported in original offsets."""
        o_start, o_end = self.normalized.to_original(start, end)
        return Finding(
            entity_type, o_start, o_end, score, recognizer, self.original[o_start:o_end], why
        )
