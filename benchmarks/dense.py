"""Dense-message scaling (issue 8, repro 2): time per message as a phone-dense post grows.

    python benchmarks/dense.py                 # 1,000 … 8,000 phones, then 10 MB of text
    python benchmarks/dense.py --no-limits     # the same without MAX_SCAN_CHARS / MAX_FINDINGS

A post of `"رقمه 07701234567 " * n` (a cue and an Iraqi mobile, 21 characters) goes through
`scan_message` (detection + assessment, the per-message work of every scan and ingest). Linear
scaling shows as a constant time per phone while n doubles (a last row marks every phone with a
Telegram `phone` entity, as an export does); the acceptance asks for 8,000 phones
under 2 s and 10 MB of text under 30 s. With the limits on (the default, as in a real scan) the
10 MB post is scanned up to `MAX_SCAN_CHARS` and marked truncated; `--no-limits` scans all of
it, to show the detectors themselves are linear. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import time

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.entities import EntityType
from leakwatch.scan import engine
from leakwatch.sources.message import Hint, Message

UNIT = "رقمه 07701234567 "


def _run(analyzer: Analyzer, text: str, hints: bool = False) -> tuple[float, int, bool]:
    marks: tuple[Hint, ...] = ()
    if hints:  # as Telegram writes it: every phone marked with a `phone` entity
        at = UNIT.index("0")
        marks = tuple(
            Hint(EntityType.PHONE_NUMBER, i + at, i + at + 11)
            for i in range(0, len(text), len(UNIT))
        )
    msg = Message("bench", 1, "bench", 1, None, text, marks)
    t0 = time.perf_counter()
    result = engine.scan_message(analyzer, msg)
    return time.perf_counter() - t0, len(result.findings), result.truncated


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-limits", action="store_true", help="scan every character")
    ap.add_argument("--megabytes", type=float, default=10.0, help="size of the big post")
    args = ap.parse_args()
    if args.no_limits:
        engine.MAX_SCAN_CHARS = 1 << 62
        engine.MAX_FINDINGS = 1 << 62
    analyzer = Analyzer(default_recognizers())
    _run(analyzer, UNIT * 10)  # load lexicons and automata outside the timings
    print(f"limits: {engine.MAX_SCAN_CHARS:,} chars, {engine.MAX_FINDINGS:,} findings per message")
    print("| phones | chars | KB (UTF-8) | seconds | µs per phone | findings | truncated |")
    print("|--:|--:|--:|--:|--:|--:|---|")
    for n, hints in ((1000, False), (2000, False), (4000, False), (8000, False), (8000, True)):
        text = UNIT * n
        secs, found, cut = _run(analyzer, text, hints)
        kb = len(text.encode()) / 1024
        label = f"{n:,}" + (" marked by Telegram" if hints else "")
        print(f"| {label} | {len(text):,} | {kb:,.0f} | {secs:.2f} | {secs / n * 1e6:.0f} | "
              f"{found:,} | {cut} |")  # fmt: skip
    n = int(args.megabytes * 1024 * 1024 / len(UNIT.encode()))
    text = UNIT * n
    secs, found, cut = _run(analyzer, text)
    mb = len(text.encode()) / 1024 / 1024
    print(f"| {n:,} ({mb:.1f} MB) | {len(text):,} | {mb * 1024:,.0f} | {secs:.2f} | "
          f"{secs / n * 1e6:.0f} | {found:,} | {cut} |")  # fmt: skip


if __name__ == "__main__":
    main()
