"""A bounded fuzz run that keeps the readers honest (issue 8): seeded byte and structure mutations
of real exports (when `../shared` is there) and synthetic ones, fed to the readers and to
`leakwatch scan`. Never a traceback; the CLI exits 0 or 2; every error is one line.

The mutators are `scripts/fuzz_exports.py`'s, which runs the full acceptance run (3,000 exports,
each in its own memory-capped process); here a few hundred cases run in-process in seconds.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from leakwatch.cli.main import main
from leakwatch.sources.discover import Feed
from leakwatch.synth import generate

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "data" / "telegram_export_examples"
READER_CASES = 300
CLI_CASES = 10


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fuzz_exports", REPO / "scripts" / "fuzz_exports.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_exports", module)
    spec.loader.exec_module(module)
    return module


FUZZ = _fuzz_module()


@pytest.fixture(scope="module", params=["synthetic", "real"])
def bases(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    if request.param == "real":
        found = sorted(REAL.glob("*.json")) if REAL.is_dir() else []
        if not found:
            pytest.skip("no real exports in ../shared/data/telegram_export_examples")
        return [p.read_bytes() for p in found]
    out = tmp_path_factory.mktemp("fuzz-synth")
    generate(out, messages=120, channels=2, seed=5)
    return [p.read_bytes() for p in sorted(out.glob("*/result.json"))]


def _one_line_each(errors: list[str]) -> None:
    for line in errors:
        assert line
        assert "\n" not in line
        assert "Traceback" not in line


def test_readers_never_raise_on_mutated_exports(bases: list[bytes], tmp_path: Path) -> None:
    rng = random.Random(8)
    path = tmp_path / "result.json"
    for case in range(READER_CASES):
        kind, data = FUZZ.mutate(rng.choice(bases), rng)
        path.write_bytes(data)
        feed = Feed.of_paths([str(path)])
        try:
            messages = list(feed)
        except Exception as exc:
            pytest.fail(f"case {case} ({kind}): {type(exc).__name__}: {exc}")
        _one_line_each(feed.errors)
        for m in messages:
            m.text.encode("utf-8")  # writable as UTF-8: no lone surrogate reaches the output


def test_scan_exits_0_or_2_with_one_line_errors(
    bases: list[bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(12)
    path = tmp_path / "result.json"
    for case in range(CLI_CASES):
        kind, data = FUZZ.mutate(rng.choice(bases), rng)
        path.write_bytes(data)
        code = main(["scan", str(path), "-f", "jsonl", "--all", "-w", "1", "-q"])
        err = capsys.readouterr().err
        assert code in (0, 2), f"case {case} ({kind}): exit {code}: {err[-500:]}"
        lines = [line for line in err.splitlines() if line.strip()]
        assert all(line.startswith("leakwatch: ") for line in lines), f"case {case} ({kind}): {err}"
