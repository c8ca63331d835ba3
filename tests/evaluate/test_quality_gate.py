"""Quality gate: every figure `make eval` prints stays within the bounds in quality_thresholds.toml.

One test per evaluation set, each running only its set, so parallel workers never repeat work.
Sets whose data is absent here (../shared/data, a not-yet-written blind set) are skipped.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from leakwatch.evaluate.suite import EvalSet, run_suite

THRESHOLDS = Path(__file__).with_name("quality_thresholds.toml")


def _bounds() -> tuple[dict[str, float], dict[str, float]]:
    data = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))
    return dict(data.get("at_least", {})), dict(data.get("at_most", {}))


def _of(eval_set: EvalSet, bounds: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in bounds.items() if k.split(".", 1)[0] == eval_set.value}


def test_every_bound_names_a_known_set() -> None:
    at_least, at_most = _bounds()
    known = {s.value for s in EvalSet}
    assert {k.split(".", 1)[0] for k in at_least | at_most} <= known
    assert not at_least.keys() & at_most.keys()


@pytest.mark.parametrize("eval_set", list(EvalSet), ids=lambda s: s.value)
def test_quality_gate(eval_set: EvalSet) -> None:
    at_least, at_most = (_of(eval_set, b) for b in _bounds())
    if not at_least and not at_most:
        pytest.skip(f"no bounds for {eval_set.value} in {THRESHOLDS.name}")
    results = run_suite([eval_set])
    if results.skipped:
        pytest.skip("; ".join(results.skipped))
    values = results.values()
    missing = sorted((at_least | at_most).keys() - values.keys())
    assert missing == [], f"bounds name figures the suite does not compute: {missing}"
    low = {k: (round(values[k], 4), b) for k, b in at_least.items() if values[k] < b}
    high = {k: (round(values[k], 4), b) for k, b in at_most.items() if values[k] > b}
    assert low == {}, f"below the bound (figure, bound): {low}"
    assert high == {}, f"above the bound (figure, bound): {high}"
