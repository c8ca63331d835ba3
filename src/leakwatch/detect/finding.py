"""What a recognizer reports."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, Final

from leakwatch.entities import EntityType
from leakwatch.frozen import Frozen


class Evidence(StrEnum):
    """The rule codes other modules act on (a finding may carry others, for people to read)."""

    CUE = "cue"  # a name after a cue word ("المدعو", "Name:")
    KIN = "kin"  # a name after a kinship word ("زوجته")
    PUBLIC_ROLE = "public_role"  # a public figure named in role
    PUBLIC_FIGURE = "public_figure"  # a name on the public-figures list
    TAGGER = "tagger"  # a name the trained tagger found
    LETTERHEAD = "letterhead"  # state document parts
    REF = "ref"
    DATE = "date"
    CLASSIFICATION = "classification"
    PUBLIC = "public"  # a state document that announces itself as public


_PUBLIC_PERSON: Final = frozenset((Evidence.PUBLIC_ROLE.value, Evidence.PUBLIC_FIGURE.value))


class Finding(Frozen):
    """One entity span in a message's original text.

    `text` is the raw matched value; it stays in memory for assessment and masking and is only
    written out when a user asks for `--reveal`. `evidence` lists the codes of the rules that
    matched (an explanation, as Presidio's results carry), never the value itself; code asks
    it for an `Evidence` member, never searches its text. A recognizer may pass the codes as one
    comma-separated string.
    """

    __slots__ = ("end", "entity_type", "evidence", "recognizer", "score", "start", "text")
    _NAMES: ClassVar = ("entity_type", "start", "end", "score", "recognizer", "text", "evidence")

    def __init__(
        self,
        entity_type: EntityType,
        start: int,
        end: int,
        score: float,
        recognizer: str,
        text: str,
        evidence: str | tuple[str, ...] = (),
    ) -> None:
        self.entity_type: Final = entity_type
        self.start: Final = start
        self.end: Final = end
        self.score: Final = score
        self.recognizer: Final = recognizer
        self.text: Final = text
        self.evidence: Final = (
            tuple(code.strip() for code in evidence.split(",") if code.strip())
            if isinstance(evidence, str)
            else evidence
        )

    @property
    def why(self) -> str:
        """The evidence as one line, for people (logs, `--explain`); code reads `evidence`."""
        return ",".join(self.evidence)

    @property
    def public(self) -> bool:
        """A person named as a public figure in role."""
        return any(code in _PUBLIC_PERSON for code in self.evidence)

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start
