"""What a recognizer reports."""

from __future__ import annotations

from dataclasses import dataclass

from leakwatch.entities import EntityType


@dataclass(frozen=True, slots=True)
class Finding:
    """One entity span in a message's original text.

    `text` is the raw matched value; it stays in memory for assessment and masking and is only
    written out when a user asks for `--reveal`. `why` says which rule matched (an explanation,
    as Presidio's results carry), never the value itself.
    """

    entity_type: EntityType
    start: int
    end: int
    score: float
    recognizer: str
    text: str
    why: str = ""

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start
