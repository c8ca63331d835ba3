"""The view of a message that recognizers read: original, normalized text and platform hints."""

from __future__ import annotations

from dataclasses import dataclass

from leakwatch.detect.finding import Finding
from leakwatch.entities import EntityType
from leakwatch.normalize import NormalizedText, normalize
from leakwatch.sources.message import Hint


@dataclass(frozen=True, slots=True)
class Document:
    """Normalized text plus the way back to the original.

    Recognizers search `norm` (digits ASCII, letter variants folded, Latin lower-cased) and turn
    their normalized spans into findings with `finding()`, which maps positions back so that
    every reported span indexes the original text.
    """

    normalized: NormalizedText
    hints: tuple[Hint, ...] = ()

    @classmethod
    def of(cls, text: str, hints: tuple[Hint, ...] = ()) -> Document:
        return cls(normalize(text), hints)

    @property
    def original(self) -> str:
        return self.normalized.original

    @property
    def norm(self) -> str:
        return self.normalized.text

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
