"""Score a scan against labels (`leakwatch eval`): message verdicts, severities and spans."""

from __future__ import annotations

from leakwatch.evaluate.evaluator import evaluate
from leakwatch.evaluate.labels import Record, read_labels, read_scan
from leakwatch.evaluate.report import EvalReport, render_text

__all__ = ["EvalReport", "Record", "evaluate", "read_labels", "read_scan", "render_text"]
