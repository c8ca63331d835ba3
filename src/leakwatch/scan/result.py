"""What a scan says about one message."""

from __future__ import annotations

from dataclasses import dataclass

from leakwatch.assess.verdict import Assessment
from leakwatch.detect.finding import Finding
from leakwatch.sources.message import Message


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A message's identity, its findings and the decision on it (the raw text is not kept)."""

    source: str
    channel_id: int | None
    channel: str | None
    message_id: int
    date: str | None
    findings: tuple[Finding, ...]
    assessment: Assessment
    text_length: int

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
