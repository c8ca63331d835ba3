"""`leakwatch synth` (labelled synthetic exports) and `leakwatch eval` (scan vs labels)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from leakwatch.cli.commands import BY_NAME
from leakwatch.errors import UsageError


def add_synth_parser(sub: Any) -> None:
    p = sub.add_parser(
        "synth",
        help=BY_NAME["synth"].help,
        description="Write synthetic Telegram Desktop exports, one folder per channel, and "
        "OUT/labels.jsonl with the true verdict and spans of every message. Leaks of every kind "
        "of the policy, at least 30%% hard negatives, Arabic, Kurdish and English. No real data.",
    )
    p.add_argument("out", metavar="OUT", help="folder to write (created if missing)")
    p.add_argument(
        "--messages", "-n", type=int, default=5000, help="messages in all (default 5000)"
    )
    p.add_argument(
        "--channels", type=int, default=8, help="channels to spread them over (default 8)"
    )
    p.add_argument("--seed", type=int, default=7, help="random seed; same seed, same bytes")
    p.add_argument(
        "--style",
        choices=["default", "holdout"],
        default="default",
        help="holdout: names, places and templates the default style never uses",
    )
    p.set_defaults(handler=run_synth)


def run_synth(args: argparse.Namespace) -> int:
    from leakwatch.synth.generate import generate

    if args.messages < 1 or args.channels < 1:
        raise UsageError("--messages and --channels must be at least 1")
    summary = generate(
        Path(args.out),
        messages=args.messages,
        channels=args.channels,
        seed=args.seed,
        style=args.style,
    )
    print(
        f"wrote {summary.messages:,} messages ({summary.leaks:,} leaks, {summary.clear:,} clear, "
        f"{summary.hard_negatives:,} hard negatives) in {summary.channels} channels to {args.out} "
        f"in {summary.seconds:.1f}s; labels: {summary.labels_path}",
        file=sys.stderr,
    )
    return 0


def add_eval_parser(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help=BY_NAME["eval"].help,
        description="Compare `leakwatch scan --format jsonl` output with a labels file (the "
        "format `leakwatch synth` writes, see docs/spans.md). Messages absent from the scan count "
        "as clear with no findings. Spans match on exact (type, start, end).",
    )
    p.add_argument("labels", metavar="LABELS", help="labels JSONL")
    p.add_argument("scan", metavar="SCAN", help="scan output JSONL")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from leakwatch.evaluate import evaluate

    report = evaluate(Path(args.labels), Path(args.scan))
    print(report.to_json() if args.format == "json" else report.to_text())
    return 0
