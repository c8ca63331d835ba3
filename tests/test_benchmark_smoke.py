"""The throughput benchmark runs end to end on a handful of messages. No timing is asserted."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from leakwatch.sources.message import Message

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "throughput.py"

_TEXTS = (
    "للبيع سيارة نظيفة، للتواصل 07701234567",
    "Contact Ali at ali.hassan@example.com or +964 750 123 4567",
    "الاسم: علي حسين كاظم، رقم الهوية الوطنية 199012345678، تولد 1990/03/12",
    "Card 4111 1111 1111 1111, IBAN IQ98NBIQ850123456789012",
    "Good morning everyone, the meeting is at 10:00 tomorrow.",
    "ناوی: ئاراس کەریم، ژمارەی مۆبایل 0750 123 4567",
    "",
    "خبر عاجل: افتتاح جسر جديد في بغداد اليوم",
)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("leakwatch_bench_throughput", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def _messages(n: int = 50) -> list[Message]:
    return [
        Message("smoke", 1, "smoke", i + 1, "2024-01-01T00:00:00Z", _TEXTS[i % len(_TEXTS)])
        for i in range(n)
    ]


def test_leakwatch_row_and_report() -> None:
    bench = _bench()
    messages = _messages()
    row = bench.time_leakwatch(messages, warmup=5)
    assert row.messages == len(messages)
    assert row.bytes == sum(len(m.text.encode("utf-8")) for m in messages)
    assert 0 < row.flagged < len(messages)

    report = bench.Report("smoke", bench.machine_info(), [row], None)
    assert "| leakwatch, 1 core" in report.table()
    assert "Presidio not measured" in report.ratio_line()
    json.dumps(report.as_json())


def test_end_to_end_row_reads_jsonl(tmp_path: Path) -> None:
    bench = _bench()
    posts = tmp_path / "posts.jsonl"
    with posts.open("w", encoding="utf-8") as out:
        for m in _messages(20):
            out.write(json.dumps({"channel": "smoke", "id": m.message_id, "text": m.text}) + "\n")
    row = bench.time_leakwatch_end_to_end([str(posts)], workers=1)
    assert row.messages == 20
    assert row.cores == 1


def test_presidio_row_side_by_side() -> None:
    pytest.importorskip("presidio_analyzer")
    pytest.importorskip("spacy")
    bench = _bench()
    messages = _messages(20)
    engine = bench.build_presidio()
    assert "SpacyRecognizer" not in bench.presidio_recognizers(engine)
    presidio = bench.time_presidio([m.text for m in messages], warmup=2, engine=engine)
    assert presidio.messages == 20
    assert presidio.flagged > 0  # the pattern recognizers fire without any spaCy model
    leakwatch = bench.time_leakwatch(messages, warmup=2)
    report = bench.Report("smoke", bench.machine_info(), [leakwatch], presidio)
    assert "Presidio's pattern recognizers per core" in report.ratio_line()
    assert report.table().count("\n") == 3  # header, rule, two rows
