"""Per-channel summary: messages, leaks by severity, leak rate, top entity types."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from leakwatch.entities import Severity
from leakwatch.output.mask import mask
from leakwatch.scan.result import ScanResult


@dataclass
class ChannelTally:
    """Running counts for one channel (mutable: filled while results stream past)."""

    channel: str
    messages: int = 0
    leaks: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)

    @property
    def leak_count(self) -> int:
        return sum(self.leaks.values())

    @property
    def leak_rate(self) -> float:
        return self.leak_count / self.messages if self.messages else 0.0


@dataclass
class Summary:
    """Everything the closing table needs, accumulated in one pass."""

    channels: dict[str, ChannelTally] = field(default_factory=dict)
    top_leaks: list[ScanResult] = field(default_factory=list)
    keep_top: int = 20

    def add(self, r: ScanResult) -> None:
        key = r.channel or (str(r.channel_id) if r.channel_id is not None else r.source)
        tally = self.channels.setdefault(key, ChannelTally(key))
        tally.messages += 1
        for f in r.findings:
            tally.entities[f.entity_type.value] += 1
        sev = r.assessment.severity
        if r.is_leak and sev is not None:
            tally.leaks[sev.value] += 1
            if len(self.top_leaks) < self.keep_top:
                self.top_leaks.append(r)

    @property
    def messages(self) -> int:
        return sum(t.messages for t in self.channels.values())

    @property
    def leaks(self) -> int:
        return sum(t.leak_count for t in self.channels.values())


def render_leaks(summary: Summary, console: Console) -> None:
    """The first leaks found, masked: what a moderator looks at first."""
    if not summary.top_leaks:
        return
    table = Table(title=f"First {len(summary.top_leaks)} leaks (masked)", title_justify="left")
    for col in ("channel", "message", "severity", "risk", "findings"):
        table.add_column(col, overflow="fold")
    for r in summary.top_leaks:
        sev = r.assessment.severity
        shown = ", ".join(
            f"{f.entity_type.value}:{mask(f.entity_type, f.text)}" for f in r.findings[:4]
        )
        if len(r.findings) > 4:
            shown += f", +{len(r.findings) - 4}"
        table.add_row(
            r.channel or str(r.channel_id), str(r.message_id), sev.value if sev else "",
            f"{r.assessment.risk:.2f}", shown,
        )  # fmt: skip
    console.print(table)


def render_summary(summary: Summary, console: Console) -> None:
    table = Table(title="Leak summary per channel", title_justify="left")
    table.add_column("channel", overflow="fold")
    table.add_column("messages", justify="right")
    for sev in reversed(Severity):
        table.add_column(sev.value, justify="right")
    table.add_column("leak rate", justify="right")
    table.add_column("top entity types", overflow="fold")
    for key in sorted(summary.channels):
        t = summary.channels[key]
        top = ", ".join(f"{k} {v}" for k, v in t.entities.most_common(3))
        table.add_row(
            key, str(t.messages), *(str(t.leaks[s.value]) for s in reversed(Severity)),
            f"{t.leak_rate:.1%}", top,
        )  # fmt: skip
    console.print(table)
