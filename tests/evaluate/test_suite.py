"""The evaluation suite's table, JSON and command line (its figures: test_quality_gate.py)."""

from __future__ import annotations

import json

import pytest

from leakwatch.evaluate.suite import (
    EvalSet,
    Figure,
    Results,
    main,
    render_json,
    render_markdown,
    render_text,
)

RESULTS = Results(
    (
        Figure(EvalSet.HELDOUT, "message", 400, 0.99, 0.95, 0.97, 0.01, "fpr"),
        Figure(EvalSet.ANERCORP, "PERSON exact", 882, 0.62, 0.17, 0.27),
        Figure(EvalSet.NEWS, "flagged", 644, rate=0.002, rate_name="share"),
    ),
    ("blind: tests/data/blind/labels.jsonl does not exist yet",),
)


def test_values_are_keyed_set_measure_stat() -> None:
    assert RESULTS.values() == {
        "heldout.message.precision": 0.99,
        "heldout.message.recall": 0.95,
        "heldout.message.f1": 0.97,
        "heldout.message.fpr": 0.01,
        "anercorp-test.person_exact.precision": 0.62,
        "anercorp-test.person_exact.recall": 0.17,
        "anercorp-test.person_exact.f1": 0.27,
        "newsfane-test.flagged.share": 0.002,
    }


def test_text_table_marks_in_sample_rows_and_skips() -> None:
    lines = render_text(RESULTS).splitlines()
    assert lines[0].split() == ["set", "in-sample", "measure", "n", "P", "R", "F1", "FPR/share"]
    assert lines[2].split()[:2] == ["heldout", "yes"]
    assert lines[3].split()[:2] == ["anercorp-test", "no"]
    assert lines[-1].startswith("skipped blind:")


def test_markdown_has_one_row_per_figure() -> None:
    rows = render_markdown(RESULTS).splitlines()
    assert len(rows) == 2 + len(RESULTS.figures)
    assert rows[-1] == "| newsfane-test | no | flagged | 644 |  |  |  | 0.002 |"


def test_json_carries_figures_values_and_skips() -> None:
    doc = json.loads(render_json(RESULTS))
    assert doc["values"] == RESULTS.values()
    assert doc["figures"][0]["fpr"] == 0.01
    assert doc["skipped"] == list(RESULTS.skipped)


def test_main_runs_a_limited_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--only", "heldout", "--limit", "20", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["figures"][0]["n"] == 20


@pytest.mark.parametrize("argv", [["--only", "nope"], ["--limit", "0"]])
def test_bad_arguments_exit_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
