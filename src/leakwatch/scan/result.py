"""What a scan says about one message."""

from __future__ import annotations

from typing import ClassVar, Final

from leakwatch.assess.verdict import Assessment
from leakwatch.detect.finding import Finding
from leakwatch.frozen import Frozen
from leakwatch.sources.message import Message


class ScanResult(Frozen):
    """A message's identity, its findings and the decision on it (the raw text is not kept)."""

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
    _NAMES: ClassVar = (
        "source",
        "channel_id",
        "channel",
        "message_id",
        "date",
        "findings",
        "assessment",
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

    @property
    def is_leak(self) -> bool:
        return self.assessment.verdict == "leak"
