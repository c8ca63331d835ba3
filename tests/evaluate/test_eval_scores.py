"""Hand-made labels and scans with known message- and span-level scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leakwatch.evaluate import evaluate


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _label(
    mid: int,
    verdict: str,
    findings: list[tuple[str, int, int]],
    kind: str,
    severity: str | None = None,
) -> dict[str, Any]:
    return {
        "source": "chan/result.json",
        "channel_id": 1700000001,
        "message_id": mid,
        "verdict": verdict,
        "severity": severity if verdict == "leak" else None,
        "categories": ["personal_data"] if verdict == "leak" else [],
        "findings": [{"entity_type": t, "start": s, "end": e} for t, s, e in findings],
        "kind": kind,
    }


def _scan(
    mid: int,
    verdict: str,
    findings: list[tuple[str, int, int]],
    severity: str | None = None,
    channel: int | None = 1700000001,
    source: str = "exports/chan/result.json",
) -> dict[str, Any]:
    return {
        "source": source,
        "channel_id": channel,
        "message_id": mid,
        "verdict": verdict,
        "severity": severity,
        "findings": [
            {"entity_type": t, "start": s, "end": e, "score": 0.9, "recognizer": "x", "masked": "*"}
            for t, s, e in findings
        ],
    }


LABELS = [
    _label(
        1, "leak", [("PERSON", 0, 8), ("PHONE_NUMBER", 15, 26)], "bundle_phone", "high"
    ),  # TP, exact both
    _label(
        2, "leak", [("IQ_NATIONAL_ID", 10, 22)], "bundle_national_id", "critical"
    ),  # FN: missing from scan
    _label(3, "clear", [("PHONE_NUMBER", 5, 16)], "ad_shop"),  # FP, phone found with off-by-one end
    _label(4, "clear", [], "chatter"),  # TN, missing from scan
    _label(
        5, "leak", [("ADDRESS", 0, 20)], "bundle_address", "high"
    ),  # TP, wrong severity, overlap only
]
SCAN = [
    _scan(1, "leak", [("PERSON", 0, 8), ("PHONE_NUMBER", 15, 26)], "high"),
    _scan(3, "leak", [("PHONE_NUMBER", 5, 17)], "high"),
    _scan(5, "leak", [("ADDRESS", 5, 20), ("PERSON", 30, 35)], "medium"),
]


@pytest.fixture
def report_paths(tmp_path: Path) -> tuple[Path, Path]:
    return _write(tmp_path / "labels.jsonl", LABELS), _write(tmp_path / "scan.jsonl", SCAN)


def test_message_level(report_paths: tuple[Path, Path]) -> None:
    r = evaluate(*report_paths)
    assert (r.messages, r.leaks, r.clear) == (5, 3, 2)
    m = r.message
    assert (m.tp, m.fp, m.fn, m.tn) == (2, 1, 1, 1)
    assert m.precision == pytest.approx(2 / 3)
    assert m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3)
    assert m.fpr == pytest.approx(1 / 2)


def test_severity_on_true_positives(report_paths: tuple[Path, Path]) -> None:
    r = evaluate(*report_paths)
    assert (r.severity_correct, r.severity_total) == (1, 2)
    assert r.severity_accuracy == pytest.approx(0.5)
    assert ("high", "medium", 1) in r.severity_confusion


def test_span_level_exact_and_overlap(report_paths: tuple[Path, Path]) -> None:
    r = evaluate(*report_paths)
    # gold 5 spans; predicted 5; exact matches: PERSON(1) + PHONE(1) = 2
    assert (r.spans_exact.gold, r.spans_exact.pred, r.spans_exact.tp) == (5, 5, 2)
    assert r.spans_exact.precision == pytest.approx(0.4)
    assert r.spans_exact.recall == pytest.approx(0.4)
    # overlap: phone 5-17 touches 5-16, address 5-20 touches 0-20; PERSON 30-35 and the ID do not
    assert (r.spans_overlap.pred_hit, r.spans_overlap.gold_hit) == (4, 4)
    assert r.spans_overlap.f1 == pytest.approx(0.8)
    by_type = {t.entity_type: t for t in r.per_type}
    assert by_type["PHONE_NUMBER"].support == 2
    assert by_type["PHONE_NUMBER"].exact.tp == 1
    assert by_type["PERSON"].exact.precision == pytest.approx(0.5)
    assert by_type["PERSON"].exact.recall == pytest.approx(1.0)
    assert by_type["IQ_NATIONAL_ID"].exact.recall == 0.0
    assert by_type["ADDRESS"].overlap.f1 == pytest.approx(1.0)
    assert r.per_type[0].entity_type == "PHONE_NUMBER"  # highest support first


def test_kinds_rank_errors_first(report_paths: tuple[Path, Path]) -> None:
    r = evaluate(*report_paths)
    errors = {k.kind: (k.false_positives, k.false_negatives) for k in r.kinds if k.errors}
    assert errors == {"bundle_national_id": (0, 1), "ad_shop": (1, 0)}
    assert r.kinds[0].errors == 1


def test_perfect_scan_of_itself(tmp_path: Path) -> None:
    labels = _write(tmp_path / "labels.jsonl", LABELS)
    r = evaluate(labels, labels)
    assert r.message.f1 == 1.0
    assert r.message.fpr == 0.0
    assert r.spans_exact.f1 == 1.0
    assert r.severity_accuracy == 1.0
    assert r.unmatched_scan == 0


def test_empty_scan_means_everything_clear(tmp_path: Path) -> None:
    r = evaluate(_write(tmp_path / "labels.jsonl", LABELS), _write(tmp_path / "scan.jsonl", []))
    assert (r.message.tp, r.message.fn, r.message.tn, r.message.fp) == (0, 3, 2, 0)
    assert r.message.precision == 0.0
    assert r.spans_exact.recall == 0.0
