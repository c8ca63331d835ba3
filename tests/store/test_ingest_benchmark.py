"""The ingest benchmark runs end to end on a small export (SQLite only). No timing is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from ingest_support import channel_posts

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "ingest.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("leakwatch_bench_ingest", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_benchmark_measures_first_and_repeated_ingest(tmp_path: Path) -> None:
    bench = _bench()
    export = channel_posts(tmp_path / "export" / "posts.jsonl", "chan", range(1, 61))
    urls = (f"sqlite:///{tmp_path / 'bench.db'}", f"sqlite:///{tmp_path / 'writes.db'}")
    row = bench.measure("SQLite", urls, export.parent, workers=1, batch=25)
    assert (row.messages, row.stored) == (60, 60)
    assert 0 < row.writes_s < row.ingest_s
    assert row.reingest_s > 0
    table = bench.table([row])
    assert table.count("\n") == 2
    assert "| SQLite | 60 |" in table
