"""`leakwatch eval LABELS SCAN`: score a scan against labels, streaming the labels.

The scan (only messages with findings or a leak verdict) is indexed in memory; the labels, one
line per message, stream past it, so memory grows with the scan, not with the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from leakwatch.evaluate.join import ScanIndex
from leakwatch.evaluate.labels import Record, read_labels, read_scan
from leakwatch.evaluate.metrics import (
    Binary,
    KindStats,
    OverlapCounts,
    SpanCounts,
    TypeScores,
    compare_spans,
)
from leakwatch.evaluate.report import EvalReport


class _Tally:
    """Mutable counters filled message by message, frozen into an `EvalReport` at the end."""

    def __init__(self) -> None:
        self.binary: Counter[str] = Counter()
        self.kinds: dict[str, Counter[str]] = {}
        self.severity: Counter[tuple[str, str]] = Counter()
        self.exact: dict[str, SpanCounts] = {}
        self.overlap: dict[str, OverlapCounts] = {}

    def message(self, kind: str | None, gold: bool, pred: bool) -> None:
        cell = ("tp" if pred else "fn") if gold else ("fp" if pred else "tn")
        self.binary[cell] += 1
        k = self.kinds.setdefault(kind or "(none)", Counter())
        k["messages"] += 1
        k["leaks"] += gold
        k["fp"] += pred and not gold
        k["fn"] += gold and not pred

    def spans(self, per_type: dict[str, tuple[SpanCounts, OverlapCounts]]) -> None:
        for etype, (exact, overlap) in per_type.items():
            self.exact[etype] = self.exact.get(etype, SpanCounts()) + exact
            self.overlap[etype] = self.overlap.get(etype, OverlapCounts()) + overlap


def evaluate(labels_path: Path, scan_path: Path) -> EvalReport:
    """Compare a scan's JSONL output with the labels of the same corpus."""
    return evaluate_records(read_labels(labels_path), read_scan(scan_path))


def evaluate_records(labels: Iterable[Record], scan_records: Iterable[Record]) -> EvalReport:
    """Compare scan records with labels already read (the evaluation suite scans in memory)."""
    index = ScanIndex(scan_records)
    tally = _Tally()
    for label in labels:
        scan = index.match(label)
        pred = scan is not None and scan.is_leak
        tally.message(label.kind, label.is_leak, pred)
        if label.is_leak and pred and label.severity is not None:
            tally.severity[(label.severity, (scan.severity if scan else None) or "none")] += 1
        tally.spans(compare_spans(label.findings, scan.findings if scan else ()))
    b = tally.binary
    per_type = tuple(
        sorted(
            (TypeScores(t, tally.exact[t], tally.overlap[t]) for t in tally.exact),
            key=lambda s: (-s.support, s.entity_type),
        )
    )
    kinds = tuple(
        sorted(
            (
                KindStats(k, c["messages"], c["leaks"], c["fp"], c["fn"])
                for k, c in tally.kinds.items()
            ),
            key=lambda k: (-k.errors, -k.error_rate, k.kind),
        )
    )
    severity_total = sum(tally.severity.values())
    return EvalReport(
        messages=sum(b.values()),
        leaks=b["tp"] + b["fn"],
        clear=b["fp"] + b["tn"],
        message=Binary(b["tp"], b["fp"], b["fn"], b["tn"]),
        severity_correct=sum(n for (g, p), n in tally.severity.items() if g == p),
        severity_total=severity_total,
        severity_confusion=tuple(sorted((g, p, n) for (g, p), n in tally.severity.items())),
        spans_exact=sum((t.exact for t in per_type), SpanCounts()),
        spans_overlap=sum((t.overlap for t in per_type), OverlapCounts()),
        per_type=per_type,
        kinds=kinds,
        unmatched_scan=index.unmatched,
        duplicate_scan=index.duplicates,
    )
