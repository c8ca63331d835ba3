"""What a scan says about one message."""

from __future__ import annotations

from typing import Final

from leakwatch.assess.verdict import Assessment
from leakwatch.detect.finding import Finding
from leakwatch.sources.message import Message


class ScanResult:
    """A message's identity, its findings and the decision on it (the raw text is not kept).

    Read-only attributes with a frozen dataclass's equality, hash and repr, but a plain class:
    compiled, its constructor stays native (a dataclass `__init__` is interpreted Python).
    """

    __slots__ = (
        "assessment",
        "channel",
        "channel_id",
        "date",
        "findings",
        "message_id",
        "source",
        "text_length",
    )

    def __init__(
        self,
        source: str,
        channel_id: int | None,
        channel: str | None,
        message_id: int,
        date: str | None,
        findings: tuple[Finding, ...],
        assessment: Assessment,
        text_length: int,
    ) -> None:
        self.source: Final = source
        self.channel_id: Final = channel_id
        self.channel: Final = channel
        self.message_id: Final = message_id
        self.date: Final = date
        self.findings: Final = findings
        self.assessment: Final = assessment
        self.text_length: Final = text_length

    @classmethod
    def of(cls, msg: Message, findings: list[Finding], assessment: Assessment) -> ScanResult:
        return cls(
            msg.source,
            msg.channel_id,
            msg.channel,
            msg.message_id,
            msg.date,
            tuple(findings),
            assessment,
            len(msg.text),
        )

    def _fields(
        self,
    ) -> tuple[str, int | None, str | None, int, str | None, tuple[Finding, ...], Assessment, int]:
        return (
            self.source,
            self.channel_id,
            self.channel,
            self.message_id,
            self.date,
            self.findings,
            self.assessment,
            self.text_length,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ScanResult):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"ScanResult(source={self.source!r}, channel_id={self.channel_id!r}, "
            f"channel={self.channel!r}, message_id={self.message_id!r}, date={self.date!r}, "
            f"findings={self.findings!r}, assessment={self.assessment!r}, "
            f"text_length={self.text_length!r})"
        )

    @property
    def is_leak(self) -> bool:
        return self.assessment.verdict == "leak"
