"""The learn/measure split holds: word lists and tagger training never read a measure-only part.

Two checks (docs/evaluation.md): the jobs *ask* only for learnable parts (recorded by
`corpora.record_requests`), and the word lists do not *depend* on the measure-only data at all:
with the ANERcorp test span, the Wojood sample and the Maqsam set replaced by garbage, the build
writes byte-identical files.
"""

from __future__ import annotations

import importlib.util
import inspect
import random
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from leakwatch.evaluate import corpora
from leakwatch.evaluate.corpora import Part

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
SHIPPED = ROOT / "src" / "leakwatch" / "detect" / "lexicons"

needs_data = pytest.mark.skipif(
    not corpora.available(), reason="../shared/data (third-party corpora) is not staged here"
)


def _script(name: str) -> ModuleType:
    """A script under scripts/ loaded as a module (dataclasses need it in sys.modules)."""
    key = f"_leakwatch_script_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


def _build(data: Path, out: Path) -> dict[str, bytes]:
    build: Callable[[Path, Path], None] = _script("build_lexicons").build
    build(data, out)
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.txt"))}


def _measure_only(parts: list[Part]) -> set[Part]:
    return {p for p in parts if not corpora.learnable(p)}


@needs_data
def test_lexicon_build_reads_learnable_parts_only(tmp_path: Path) -> None:
    requested = corpora.record_requests()
    _build(corpora.data_root(), tmp_path)
    assert requested, "the build read no corpus through leakwatch.evaluate.corpora"
    assert _measure_only(requested) == set()
    assert set(requested) == {Part.ANERCORP_TRAIN, Part.NEWSFANE_TRAIN, Part.AQMAR}


@needs_data
def test_tagger_training_reads_learnable_parts_only() -> None:
    if not (SCRIPTS / "train_ner.py").is_file():
        pytest.skip("scripts/train_ner.py (the name tagger's training) does not exist yet")
    try:
        module = _script("train_ner")
    except ImportError as exc:  # its CRF library is not installed here
        pytest.skip(f"scripts/train_ner.py cannot be imported: {exc}")
    if not hasattr(module, "training_sentences"):
        pytest.skip("scripts/train_ner.py has no training_sentences() yet")
    training_sentences: Callable[..., list[object]] = module.training_sentences
    # A few synthetic posts are enough: the check is on which corpus parts are read.
    takes_count = "synthetic" in inspect.signature(training_sentences).parameters
    small = {"synthetic": 20} if takes_count else {}
    requested = corpora.record_requests()
    assert training_sentences(**small)
    assert requested, "training read no corpus through leakwatch.evaluate.corpora"
    assert _measure_only(requested) == set()


@needs_data
def test_shipped_word_lists_match_a_fresh_build(tmp_path: Path) -> None:
    built = _build(corpora.data_root(), tmp_path)
    stale = [name for name, data in built.items() if (SHIPPED / name).read_bytes() != data]
    assert stale == [], "run `make lexicons` and commit the word lists"


def _garbage_words(rng: random.Random, n: int) -> list[str]:
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(n)]


def _garbage_conll(rng: random.Random, n: int) -> str:
    tags = ["B-PERS", "I-PERS", "O", "B-OCC", "B-LOC"]
    rows = [f"{w} {tags[i % len(tags)]}" for i, w in enumerate(_garbage_words(rng, n))]
    return "\n".join(f"{row}\n" if i % 9 == 8 else row for i, row in enumerate(rows)) + "\n"


def _poisoned_copy(src: Path, dst: Path) -> Path:
    """`src` linked into `dst`, with every measure-only token replaced by labelled garbage."""
    rng = random.Random(7)
    dst.mkdir()
    for entry in src.iterdir():
        if entry.name not in {"anercorp", "wojood_sample", "arabic_pii_maqsam"}:
            (dst / entry.name).symlink_to(entry)
    lines = (src / "anercorp" / "ANERCorp_Benajiba_full.txt").read_text("utf-8").splitlines()
    keep = lines[: corpora.ANERCORP_TRAIN_TOKENS]
    tail = [
        f"{w} {'B-PERS' if i % 3 == 0 else 'I-PERS' if i % 3 == 1 else 'O'}"
        for i, w in enumerate(_garbage_words(rng, len(lines) - len(keep)))
    ]
    (dst / "anercorp").mkdir()
    (dst / "anercorp" / "ANERCorp_Benajiba_full.txt").write_text(
        "\n".join(keep + tail) + "\n", encoding="utf-8"
    )
    (dst / "wojood_sample").mkdir()
    for name in ("train.txt", "val.txt", "test.txt"):
        (dst / "wojood_sample" / name).write_text(_garbage_conll(rng, 3000), encoding="utf-8")
    (dst / "arabic_pii_maqsam").mkdir()
    (dst / "arabic_pii_maqsam" / "arabic_pii_maqsam.jsonl").write_text(
        '{"source": "garbage", "target": "garbage", "masked_value": ""}\n', encoding="utf-8"
    )
    return dst


@needs_data
def test_word_lists_do_not_depend_on_measure_only_data(tmp_path: Path) -> None:
    real = _build(corpora.data_root(), tmp_path / "real")
    poisoned_root = _poisoned_copy(corpora.data_root(), tmp_path / "data")
    poisoned = _build(poisoned_root, tmp_path / "poisoned")
    assert real.keys() == poisoned.keys()
    changed = [name for name in real if real[name] != poisoned[name]]
    assert changed == [], f"word lists changed when measure-only data was poisoned: {changed}"
