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
        "truncated",
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
        "truncated",
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
        truncated: bool = False,
    ) -> None:
        self.source: Final = source
        self.channel_id: Final = channel_id
        self.channel: Final = channel
        self.message_id: Final = message_id
        self.date: Final = date
        self.findings: Final = findings
        self.assessment: Final = assessment
        self.text_length: Final = text_length
        #: Scanned only in part: longer than `MAX_SCAN_CHARS` or more than `MAX_FINDINGS` findings.
        self.truncated: Final = truncated

    @classmethod
    def of(
        cls,
        msg: Message,
        findings: list[Finding],
        assessment: Assessment,
        truncated: bool = False,
    ) -> ScanResult:
        return cls(
            msg.source,
            msg.channel_id,
            msg.channel,
            msg.message_id,
            msg.date,
            tuple(findings),
            assessment,
            len(msg.text),
            truncated,
        )

    @property
    def is_leak(self) -> bool:
        return self.assessment.verdict == "leak"
