"""What a recognizer reports."""

from __future__ import annotations

from typing import ClassVar, Final

from leakwatch.entities import EntityType
from leakwatch.frozen import Frozen


class Finding(Frozen):
    """One entity span in a message's original text.

    `text` is the raw matched value; it stays in memory for assessment and masking and is only
    written out when a user asks for `--reveal`. `why` says which rule matched (an explanation,
    as Presidio's results carry), never the value itself.
    """

    __slots__ = ("end", "entity_type", "recognizer", "score", "start", "text", "why")
    _NAMES: ClassVar = ("entity_type", "start", "end", "score", "recognizer", "text", "why")

    def __init__(
        self,
        entity_type: EntityType,
        start: int,
        end: int,
        score: float,
        recognizer: str,
        text: str,
        why: str = "",
    ) -> None:
        self.entity_type: Final = entity_type
        self.start: Final = start
        self.end: Final = end
        self.score: Final = score
        self.recognizer: Final = recognizer
        self.text: Final = text
        self.why: Final = why

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start
