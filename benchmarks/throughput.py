"""Throughput of leakwatch against Presidio's pattern recognizers, per core, in one run.

    python benchmarks/throughput.py --messages 100000          # what `make bench` runs

A synthetic labelled export is generated once into `.bench/` (keyed by message count and seed) and
every message is loaded into memory before any clock starts, so the two detection rows time
detection only, on the very same texts:

* leakwatch, 1 core: `scan_message` (detect + assess) over every message in this process;
* Presidio, 1 core: `AnalyzerEngine.analyze(text, language="en")` with a blank spaCy pipeline
  (no model can be downloaded, so no NER: only Presidio's predefined pattern recognizers fire);
* leakwatch, N workers, end to end: `scan(...)` reading the export files (I/O, JSON parsing,
  detection, assessment) with a process pool. Its per-core figure divides by N.

Each engine is warmed up on the first 200 messages, untimed. Nothing here asserts a timing; the
numbers go to stdout as a Markdown table (and to `--json FILE`). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.scan.engine import scan, scan_message
from leakwatch.sources.discover import open_sources
from leakwatch.sources.message import Message

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".bench"
WARMUP = 200
MB = 1_000_000
_COMPLETE = ".complete"
_PROGRESS_EVERY_S = 15.0
PACKAGES = ("leakwatch", "presidio-analyzer", "spacy", "phonenumbers", "pyahocorasick", "regex")


def _log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


# --- data ------------------------------------------------------------------------------------


def dataset_dir(messages: int, seed: int, cache: Path = CACHE) -> Path:
    return cache / f"synth-m{messages}-s{seed}"


def ensure_dataset(messages: int, seed: int, cache: Path = CACHE) -> Path:
    """The synthetic export for (messages, seed), generated on first use and reused after."""
    out = dataset_dir(messages, seed, cache)
    if (out / _COMPLETE).exists():
        _log(f"using cached synthetic export {out}")
        return out
    from leakwatch.synth.generate import generate

    channels = max(1, min(20, messages // 5000))
    _log(f"generating {messages} synthetic messages in {channels} channels into {out} ...")
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    generate(out, messages=messages, channels=channels, seed=seed)
    (out / _COMPLETE).write_text(f"messages={messages} seed={seed}\n", encoding="utf-8")
    _log(f"generated in {time.perf_counter() - started:.1f} s")
    return out


def read_messages(paths: Sequence[str]) -> Iterator[Message]:
    """Every message of every export under `paths`, in discovery order."""
    for reader in open_sources(paths):
        yield from reader


def utf8_bytes(texts: Iterable[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


# --- timing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: `cores` processes did the detection work in `seconds`."""

    engine: str
    messages: int
    bytes: int
    seconds: float
    cores: int = 1
    flagged: int = 0  # messages with at least one finding: shows each engine did real work
    note: str = ""

    @property
    def megabytes(self) -> float:
        return self.bytes / MB

    @property
    def messages_per_s_core(self) -> float:
        return self.messages / self.seconds / self.cores if self.seconds > 0 else 0.0

    @property
    def mb_per_s_core(self) -> float:
        return self.megabytes / self.seconds / self.cores if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {
            "megabytes": self.megabytes,
            "messages_per_s_per_core": self.messages_per_s_core,
            "mb_per_s_per_core": self.mb_per_s_core,
        }


class _Progress:
    """Prints done/total, rate and ETA to stderr at most every `_PROGRESS_EVERY_S` seconds."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total = label, total
        self.started = self.last = time.perf_counter()

    def tick(self, done: int) -> None:
        now = time.perf_counter()
        if now - self.last < _PROGRESS_EVERY_S or done == 0:
            return
        self.last = now
        rate = done / (now - self.started)
        eta = (self.total - done) / rate if rate > 0 else float("inf")
        _log(f"  {self.label}: {done}/{self.total} messages, {rate:,.0f} msg/s, ETA {eta:,.0f} s")


def _timed_loop(
    label: str, items: Sequence[Any], call: Callable[[Any], bool], warmup: int
) -> tuple[float, int]:
    """Warm up on the first `warmup` items untimed, then time `call` over all of them."""
    warm = items[:warmup]
    started = time.perf_counter()
    for item in warm:
        call(item)
    if warm:
        per_item = (time.perf_counter() - started) / len(warm)
        _log(f"  {label}: warm-up {1 / max(per_item, 1e-9):,.0f} msg/s, "
             f"ETA {per_item * len(items):,.0f} s for {len(items):,} messages")  # fmt: skip
    progress = _Progress(label, len(items))
    flagged = 0
    gc.collect()
    started = time.perf_counter()
    elapsed_outside = 0.0
    for i, item in enumerate(items):
        if call(item):
            flagged += 1
        if i & 1023 == 1023:
            tick_start = time.perf_counter()
            progress.tick(i + 1)
            elapsed_outside += time.perf_counter() - tick_start
    seconds = time.perf_counter() - started - elapsed_outside
    return seconds, flagged


def time_leakwatch(messages: Sequence[Message], warmup: int = WARMUP) -> Row:
    """leakwatch's detection + assessment (`scan_message`) over `messages`, one core."""
    analyzer = Analyzer(default_recognizers())

    def call(msg: Message) -> bool:
        return bool(scan_message(analyzer, msg).findings)

    seconds, flagged = _timed_loop("leakwatch", messages, call, warmup)
    return Row(
        "leakwatch, 1 core (detect + assess)",
        len(messages),
        utf8_bytes(m.text for m in messages),
        seconds,
        flagged=flagged,
        note="scan_message on in-memory messages",
    )


def time_leakwatch_end_to_end(paths: Sequence[str], workers: int) -> Row:
    """`scan(...)` from the export files: reading, JSON parsing, detection, assessment."""
    workers = max(1, workers)
    count = size = flagged = 0
    gc.collect()
    started = time.perf_counter()
    for result in scan(read_messages(paths), workers=workers):
        count += 1
        if result.findings:
            flagged += 1
    seconds = time.perf_counter() - started
    # ScanResult keeps no text; the byte count comes from a second, untimed read.
    size = utf8_bytes(m.text for m in read_messages(paths))
    plural = "worker" if workers == 1 else "workers"
    return Row(
        f"leakwatch, {workers} {plural}, end to end incl. JSON parsing",
        count,
        size,
        seconds,
        cores=workers,
        flagged=flagged,
        note="scan() over the export files; per-core figures divide by the worker count",
    )


def _offline_tldextract() -> None:
    """Presidio's e-mail recognizer calls `tldextract`, which fetches the public suffix list from
    the network on first use. Use the snapshot bundled with tldextract instead (same result, no
    network, nothing written to ~/.cache); per-call cost is the same as with a cached list."""
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR = tld.TLDExtract(cache_dir=None, suffix_list_urls=())


def build_presidio() -> Any:
    """Presidio's `AnalyzerEngine` with every predefined English recognizer and a blank spaCy
    pipeline injected in place of a downloaded model (tokenizer only: no NER, no lemmas)."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    _offline_tldextract()
    # `SpacyNlpEngine.load()` would `spacy.load` (and download) the named model; setting `nlp`
    # first makes `is_loaded()` true, so AnalyzerEngine never calls it.
    nlp_engine: Any = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank:en"}])
    nlp_engine.nlp = {"en": spacy.blank("en")}
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    # The NER recognizer reads `doc.ents`, always empty with a blank pipeline: drop it so that
    # exactly the pattern recognizers are measured.
    registry.remove_recognizer("SpacyRecognizer")
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


def presidio_recognizers(engine: Any) -> list[str]:
    return sorted(type(r).__name__ for r in engine.registry.recognizers)


def time_presidio(texts: Sequence[str], warmup: int = WARMUP, engine: Any = None) -> Row:
    """Presidio's pattern recognizers over `texts` (English, all entities), one core."""
    engine = engine if engine is not None else build_presidio()

    def call(text: str) -> bool:
        return bool(engine.analyze(text=text, language="en"))

    seconds, flagged = _timed_loop("presidio", texts, call, warmup)
    return Row(
        "Presidio pattern recognizers, 1 core",
        len(texts),
        utf8_bytes(texts),
        seconds,
        flagged=flagged,
        note="AnalyzerEngine.analyze(language='en'), blank spaCy pipeline",
    )


# --- report ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Report:
    command: str
    machine: dict[str, Any]
    rows: list[Row]
    presidio: Row | None
    presidio_recognizers: list[str] = field(default_factory=list)

    def speedup(self, row: Row) -> float | None:
        if self.presidio is None or self.presidio.mb_per_s_core <= 0:
            return None
        return row.mb_per_s_core / self.presidio.mb_per_s_core

    def ratio_line(self) -> str:
        head = self.rows[0] if self.rows else None
        ratio = self.speedup(head) if head is not None else None
        if ratio is None:
            return "Presidio not measured: no speed-up to report."
        return f"leakwatch is {ratio:.1f}× Presidio's pattern recognizers per core"

    def table(self) -> str:
        lines = [
            "| engine | messages | MB | seconds | messages/s per core | MB/s per core "
            "| flagged | speed-up vs Presidio |",
            "|---|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for row in [*self.rows, *([self.presidio] if self.presidio else [])]:
            ratio = self.speedup(row)
            lines.append(
                f"| {row.engine} | {row.messages:,} | {row.megabytes:.2f} | {row.seconds:.2f} "
                f"| {row.messages_per_s_core:,.0f} | {row.mb_per_s_core:.3f} | {row.flagged:,} "
                f"| {'—' if ratio is None else f'{ratio:.1f}×'} |"
            )
        return "\n".join(lines)

    def machine_lines(self) -> list[str]:
        m = self.machine
        versions = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        return [
            f"CPU: {m['cpu']} ({m['cores']} cores, {m['usable_cores']} usable)",
            f"Python {m['python']} on {m['platform']}",
            f"Packages: {versions}",
        ]

    def text(self) -> str:
        return "\n".join([*self.machine_lines(), "", self.table(), "", self.ratio_line()])

    def markdown(self) -> str:
        parts = [
            f"Measured with `{self.command}`:",
            "",
            *(f"- {line}" for line in self.machine_lines()),
        ]
        if self.presidio_recognizers:
            parts.append(f"- Presidio recognizers: {', '.join(self.presidio_recognizers)}")
        parts += ["", self.table(), "", f"**{self.ratio_line()}.**"]
        return "\n".join(parts)

    def as_json(self) -> dict[str, Any]:
        head = self.rows[0] if self.rows else None
        return {
            "command": self.command,
            "machine": self.machine,
            "rows": [r.as_dict() for r in self.rows],
            "presidio": self.presidio.as_dict() if self.presidio else None,
            "presidio_recognizers": self.presidio_recognizers,
            "speedup_per_core": self.speedup(head) if head is not None else None,
        }


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Model", "Hardware") and value.strip():
                return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def machine_info() -> dict[str, Any]:
    versions: dict[str, str] = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count() or 1,
        "usable_cores": usable_cores(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "packages": versions,
    }


# --- command line ----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Messages/s and MB/s per core: leakwatch vs Presidio's pattern recognizers."
    )
    p.add_argument("--messages", type=int, default=100_000, help="synthetic messages (100000)")
    p.add_argument("--seed", type=int, default=11, help="seed of the synthetic export (11)")
    p.add_argument(
        "--workers",
        type=int,
        default=usable_cores(),
        help="worker processes of the end-to-end row (default: all usable cores)",
    )
    p.add_argument(
        "--presidio-sample",
        type=int,
        default=0,
        metavar="N",
        help="time Presidio on the first N messages only (default 0: all of them); "
        "faster, but then the two engines no longer run on the same set",
    )
    p.add_argument("--no-presidio", action="store_true", help="leakwatch rows only")
    p.add_argument("--no-end-to-end", action="store_true", help="skip the end-to-end row")
    p.add_argument(
        "--data",
        metavar="DIR",
        help="benchmark this export (file or folder) instead of the synthetic one",
    )
    p.add_argument("--cache", type=Path, default=CACHE, help="where synthetic exports are kept")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers as JSON")
    p.add_argument(
        "--markdown",
        action="store_true",
        help="print a README-ready block (command, machine, table, ratio)",
    )
    return p.parse_args(argv)


def run(args: argparse.Namespace, command: str) -> Report:
    if args.data:
        root = str(args.data)
    else:
        root = str(ensure_dataset(args.messages, args.seed, args.cache))
    _log(f"loading messages from {root} ...")
    messages = list(read_messages([root]))
    texts = [m.text for m in messages]
    _log(f"{len(messages):,} messages, {utf8_bytes(texts) / MB:.2f} MB of UTF-8 text in memory")

    rows: list[Row] = []
    _log("timing leakwatch, 1 core ...")
    rows.append(time_leakwatch(messages))
    _log(f"  {rows[-1].seconds:.1f} s, {rows[-1].messages_per_s_core:,.0f} msg/s")

    presidio: Row | None = None
    recognizers: list[str] = []
    if not args.no_presidio:
        engine = build_presidio()
        recognizers = presidio_recognizers(engine)
        sample = texts[: args.presidio_sample] if 0 < args.presidio_sample < len(texts) else texts
        _log(f"timing Presidio, 1 core, on {len(sample):,} messages "
             f"(progress with ETA every {_PROGRESS_EVERY_S:.0f} s) ...")  # fmt: skip
        presidio = time_presidio(sample, engine=engine)
        _log(f"  {presidio.seconds:.1f} s, {presidio.messages_per_s_core:,.0f} msg/s")

    if not args.no_end_to_end:
        _log(f"timing leakwatch end to end with {args.workers} worker(s) ...")
        rows.append(time_leakwatch_end_to_end([root], args.workers))
        _log(f"  {rows[-1].seconds:.1f} s")

    return Report(command, machine_info(), rows, presidio, recognizers)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    shown = sys.argv[1:] if argv is None else list(argv)
    command = " ".join(["python benchmarks/throughput.py", *shown])
    report = run(args, command)
    print(report.markdown() if args.markdown else report.text())
    if args.json:
        args.json.write_text(json.dumps(report.as_json(), indent=2) + "\n", encoding="utf-8")
        _log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
