"""`leakwatch scan`: read exports, detect, assess, write results and a per-channel summary."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from leakwatch.cli.commands import BY_NAME
from leakwatch.detect.tagger import NameMode
from leakwatch.entities import Severity
from leakwatch.errors import InputError, LeakwatchError, UsageError
from leakwatch.output.summary import Summary, render_leaks, render_summary
from leakwatch.output.writers import FORMATS, write_results
from leakwatch.scan import engine
from leakwatch.scan.engine import scan
from leakwatch.scan.result import ScanResult
from leakwatch.sources.discover import Feed

DESCRIPTION = """\
Scan one or more Telegram Desktop exports (result.json: a single chat or a full-account export)
or JSON Lines files ({"channel": ..., "id": ..., "text": ...} per line). A folder is scanned for
every export under it. Large exports are streamed, never loaded whole.

By default a summary table is printed. With --format jsonl|json|csv one record per message that
has a finding or a leak verdict is written (to --output or stdout) and the summary goes to stderr.
Raw values are never written: findings carry a masked preview unless --reveal is given.

A file that cannot be read does not stop the others: every readable input is scanned, a damaged
export is read past its corrupt regions, and each problem is reported in one line at the end
(exit status 2). A message longer than 200,000 characters or with more than 10,000 findings
is scanned up to that limit and counted as truncated.
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "scan",
        help=BY_NAME["scan"].help,
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="export file, JSONL file or folder")
    p.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="table",
        help="output format (default: table, a summary for people)",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write records here instead of stdout")
    p.add_argument(
        "--workers",
        "-w",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: all cores; output order never changes)",
    )
    p.add_argument(
        "--all", action="store_true", help="write every message, also those with no finding"
    )
    p.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        metavar="S",
        help="write only leaks of at least this severity: low, medium, high, critical",
    )
    p.add_argument(
        "--fail-on",
        choices=["leak"],
        metavar="leak",
        help="exit with status 1 if any leak is found (for CI and pipelines)",
    )
    p.add_argument(
        "--reveal",
        action="store_true",
        help="also write raw values (handle the output as personal data)",
    )
    p.add_argument(
        "--names",
        choices=[m.value for m in NameMode],
        default=NameMode.GATED.value,
        help="where the trained name tagger runs: gated (default: messages where the rules "
        "found no name, beside a contact or identifier, where a missed name makes a leak), all "
        "(every message: name search, evaluation), "
        "rules (never: word lists and context rules alone)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    p.set_defaults(handler=run)


def _selected(r: ScanResult, args: argparse.Namespace) -> bool:
    if args.min_severity:
        sev = r.assessment.severity
        return sev is not None and sev.rank >= Severity(args.min_severity).rank
    return bool(args.all or r.findings or r.is_leak)


def _console(stderr: bool = False) -> Console:
    """A console that does not squeeze tables to 80 columns when output is piped or logged."""
    console = Console(stderr=stderr)
    return console if console.is_terminal else Console(stderr=stderr, width=140)


def run(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    feed = Feed.of_paths(args.paths)
    if not feed.readers:
        _report_errors(feed.errors)
        return 2
    err = _console(stderr=True)
    summary = Summary()
    truncated = 0
    show_progress = err.is_terminal and not args.quiet

    def tallied(results: Iterable[ScanResult], progress: Progress | None) -> Iterator[ScanResult]:
        task = progress.add_task("scanning", total=None) if progress else None
        nonlocal truncated
        for i, r in enumerate(results, 1):
            summary.add(r)
            truncated += r.truncated
            if progress is not None and task is not None and i % 500 == 0:
                progress.update(task, completed=i)
            if _selected(r, args):
                yield r

    with ExitStack() as stack:
        progress = None
        if show_progress:
            progress = stack.enter_context(
                Progress(
                    SpinnerColumn(),
                    TextColumn("{task.description} {task.completed:,} messages"),
                    TimeElapsedColumn(),
                    console=err,
                    transient=True,
                )
            )
        results = tallied(scan(feed, args.workers, NameMode(args.names)), progress)
        if args.format == "table":
            for _ in results:
                pass
        else:
            out: IO[str] = sys.stdout
            if args.output:
                try:
                    out = stack.enter_context(Path(args.output).open("w", encoding="utf-8"))
                except OSError as exc:
                    raise InputError(f"{args.output}: cannot write ({exc.strerror})") from None
            write_results(results, args.format, out, reveal=args.reveal)

    if args.format == "table" and args.output:
        try:
            with Path(args.output).open("w", encoding="utf-8") as handle:
                console = Console(file=handle, width=140, color_system=None)
                render_leaks(summary, console)
                render_summary(summary, console)
        except OSError as exc:
            raise InputError(f"{args.output}: cannot write ({exc.strerror})") from None
    elif args.format == "table":
        console = _console()
        render_leaks(summary, console)
        render_summary(summary, console)
    elif not args.quiet:
        render_summary(summary, err)
    stats = feed.stats
    if stats.skipped_malformed:
        print(f"leakwatch: skipped {stats.skipped_malformed} malformed message(s)", file=sys.stderr)
    if truncated:
        print(
            f"leakwatch: warning: {truncated:,} message(s) scanned only in part (limits: "
            f"{engine.MAX_SCAN_CHARS:,} characters, {engine.MAX_FINDINGS:,} findings per message)",
            file=sys.stderr,
        )
    if feed.errors:
        _report_errors(feed.errors)
        return 2
    if args.fail_on == "leak" and summary.leaks:
        return 1
    return 0


def _report_errors(errors: list[str]) -> None:
    """Every input problem, one line each, after everything readable was scanned."""
    for line in errors:
        print(f"leakwatch: error: {line}", file=sys.stderr)


__all__ = ["LeakwatchError", "add_parser", "run"]
