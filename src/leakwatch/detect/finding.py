"""What a recognizer reports."""

from __future__ import annotations

from typing import Final

from leakwatch.entities import EntityType


class Finding:
    """One entity span in a message's original text.

    `text` is the raw matched value; it stays in memory for assessment and masking and is only
    written out when a user asks for `--reveal`. `why` says which rule matched (an explanation,
    as Presidio's results carry), never the value itself.

    A plain class with read-only attributes and a frozen dataclass's equality, hash and repr,
    not a dataclass: compiled with mypyc its constructor stays native, where a dataclass's
    generated `__init__` runs as interpreted Python (several are built per message).
    """

    __slots__ = ("end", "entity_type", "recognizer", "score", "start", "text", "why")

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

    def _fields(self) -> tuple[EntityType, int, int, float, str, str, str]:
        return (
            self.entity_type,
            self.start,
            self.end,
            self.score,
            self.recognizer,
            self.text,
            self.why,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Finding(entity_type={self.entity_type!r}, start={self.start!r}, end={self.end!r}, "
            f"score={self.score!r}, recognizer={self.recognizer!r}, text={self.text!r}, "
            f"why={self.why!r})"
        )

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start
