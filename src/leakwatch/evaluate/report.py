"""The evaluation result and its two renderings: a plain text table and JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass

from leakwatch.evaluate.metrics import Binary, KindStats, OverlapCounts, SpanCounts, TypeScores

TOP_KINDS = 10


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of one scan against one labels file.

    `severity_confusion` holds (gold, predicted, count) over true positives; `kinds` is sorted
    by error count, worst first; `unmatched_scan` counts scan records no label claimed.
    """

    messages: int
    leaks: int
    clear: int
    message: Binary
    severity_correct: int
    severity_total: int
    severity_confusion: tuple[tuple[str, str, int], ...]
    spans_exact: SpanCounts
    spans_overlap: OverlapCounts
    per_type: tuple[TypeScores, ...]
    kinds: tuple[KindStats, ...]
    unmatched_scan: int = 0
    duplicate_scan: int = 0

    @property
    def severity_accuracy(self) -> float:
        """Share of true positives whose severity the scan got right (0.0 when there are none)."""
        return self.severity_correct / self.severity_total if self.severity_total else 0.0

    def to_dict(self) -> dict[str, object]:
        m = self.message
        return {
            "messages": self.messages,
            "leaks": self.leaks,
            "clear": self.clear,
            "message": {
                "tp": m.tp,
                "fp": m.fp,
                "fn": m.fn,
                "tn": m.tn,
                "precision": m.precision,
                "recall": m.recall,
                "f1": m.f1,
                "fpr": m.fpr,
            },
            "severity": {
                "accuracy": self.severity_accuracy,
                "correct": self.severity_correct,
                "total": self.severity_total,
                "confusion": [
                    {"gold": g, "pred": p, "count": n} for g, p, n in self.severity_confusion
                ],
            },
            "spans": {"exact": _exact(self.spans_exact), "overlap": _overlap(self.spans_overlap)},
            "per_type": {
                t.entity_type: {
                    "support": t.support,
                    "exact": _exact(t.exact),
                    "overlap": _overlap(t.overlap),
                }
                for t in self.per_type
            },
            "kinds": [
                {
                    "kind": k.kind,
                    "messages": k.messages,
                    "leaks": k.leaks,
                    "false_positives": k.false_positives,
                    "false_negatives": k.false_negatives,
                    "error_rate": k.error_rate,
                }
                for k in self.kinds
            ],
            "unmatched_scan": self.unmatched_scan,
            "duplicate_scan": self.duplicate_scan,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, top_kinds: int = TOP_KINDS) -> str:
        return render_text(self, top_kinds)


def _exact(c: SpanCounts) -> dict[str, object]:
    return {
        "gold": c.gold,
        "pred": c.pred,
        "tp": c.tp,
        "precision": c.precision,
        "recall": c.recall,
        "f1": c.f1,
    }


def _overlap(c: OverlapCounts) -> dict[str, object]:
    return {
        "gold": c.gold,
        "pred": c.pred,
        "pred_hit": c.pred_hit,
        "gold_hit": c.gold_hit,
        "precision": c.precision,
        "recall": c.recall,
        "f1": c.f1,
    }


def _scores(p: float, r: float, f: float) -> str:
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def render_text(report: EvalReport, top_kinds: int = TOP_KINDS) -> str:
    """The human-readable summary `leakwatch eval` prints."""
    m, ex, ov = report.message, report.spans_exact, report.spans_overlap
    lines = [
        f"messages {report.messages}  leaks {report.leaks}  clear {report.clear}",
        f"message  {_scores(m.precision, m.recall, m.f1)}  FPR {m.fpr:.3f}"
        f"   (TP {m.tp} FP {m.fp} FN {m.fn} TN {m.tn})",
        f"severity accuracy on true positives {report.severity_accuracy:.3f}"
        f" (n={report.severity_total})",
        f"spans    {_scores(ex.precision, ex.recall, ex.f1)}  (exact)"
        f"   {_scores(ov.precision, ov.recall, ov.f1)}  (overlap)",
        "",
        f"{'entity_type':<18} {'support':>7}  {'P':<6} {'R':<6} {'F1':<6} {'F1~':<6}",
    ]
    for t in report.per_type:
        e = t.exact
        row = f"{e.precision:<6.3f} {e.recall:<6.3f} {e.f1:<6.3f} {t.overlap.f1:<6.3f}"
        lines.append(f"{t.entity_type:<18} {t.support:>7}  {row}")
    errors = [k for k in report.kinds if k.errors][:top_kinds]
    if errors:
        lines += ["", f"{'top error kinds':<26} {'n':>6} {'FP':>6} {'FN':>6}  err"]
        for k in errors:
            counts = f"{k.messages:>6} {k.false_positives:>6} {k.false_negatives:>6}"
            lines.append(f"{k.kind:<26} {counts}  {k.error_rate:.3f}")
    if report.unmatched_scan or report.duplicate_scan:
        lines.append("")
        lines.append(f"scan records without a label: {report.unmatched_scan}")
        lines.append(f"duplicate scan records: {report.duplicate_scan}")
    lines.append("F1~ = overlap F1 (same type, any overlap)")
    return "\n".join(line.rstrip() for line in lines)
