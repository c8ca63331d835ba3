"""The text table and JSON rendering of an evaluation."""

from __future__ import annotations

import json
from pathlib import Path

from leakwatch.evaluate import evaluate
from leakwatch.synth import LABELS_NAME, generate


def test_report_on_a_synthetic_corpus(tmp_path: Path) -> None:
    generate(tmp_path, 400, 2, seed=2)
    labels = tmp_path / LABELS_NAME
    # A scan that only keeps leak verdicts and PHONE_NUMBER findings, on a path with a prefix.
    scan = tmp_path / "scan.jsonl"
    with labels.open(encoding="utf-8") as src, scan.open("w", encoding="utf-8") as out:
        for line in src:
            row = json.loads(line)
            row["findings"] = [f for f in row["findings"] if f["entity_type"] == "PHONE_NUMBER"]
            if row["verdict"] == "leak" or row["findings"]:
                out.write(json.dumps({**row, "source": "corpus/" + row["source"]}) + "\n")
    report = evaluate(labels, scan)
    assert report.message.f1 == 1.0
    phone = next(t for t in report.per_type if t.entity_type == "PHONE_NUMBER")
    assert phone.exact.f1 == 1.0
    assert report.spans_exact.precision == 1.0
    assert report.spans_exact.recall < 1.0

    text = report.to_text()
    lines = text.splitlines()
    assert lines[0] == f"messages 400  leaks {report.leaks}  clear {report.clear}"
    assert lines[1].startswith("message  P 1.000  R 1.000  F1 1.000  FPR 0.000")
    assert "(exact)" in text
    assert "(overlap)" in text
    assert any(line.startswith("PHONE_NUMBER") for line in lines)
    assert "top error kinds" not in text

    data = json.loads(report.to_json())
    assert data["message"]["tp"] == report.message.tp
    assert data["per_type"]["PHONE_NUMBER"]["exact"]["f1"] == 1.0
    assert data["spans"]["overlap"]["gold"] == report.spans_exact.gold
