"""`leakwatch channels`, `leakwatch trace` and `leakwatch report transparency`: which channels
leak, where a person's data came from, and what was done about it (for the regulator)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from leakwatch.cli.commands import BY_NAME
from leakwatch.cli.flags import at_least_one, one_of
from leakwatch.cli.store_opts import add_store_options, open_as
from leakwatch.errors import InputError, UsageError
from leakwatch.report.export import to_csv, to_json
from leakwatch.report.html import render_html
from leakwatch.report.transparency import transparency_report
from leakwatch.workflow.channels import ChannelScore, channel_scores
from leakwatch.workflow.trace import DEFAULT_LIMIT, FingerprintTrace, TraceView, trace

REPORT_FORMATS = ("html", "csv", "json")
DEFAULT_DAYS = 30


def add_parsers(sub: Any) -> None:
    ch = sub.add_parser("channels", help=BY_NAME["channels"].help)
    ch.add_argument("--limit", type=int, metavar="N", help="show the first N channels only")
    ch.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_store_options(ch)
    ch.set_defaults(handler=_channels)

    tr = sub.add_parser("trace", help=BY_NAME["trace"].help)
    tr.add_argument(
        "message",
        nargs="?",
        metavar="MESSAGE_REF",
        help="<channel key or title>/<message id>, e.g. telegram:1001/42",
    )
    tr.add_argument(
        "--fingerprint",
        metavar="HEX",
        help="trace one fingerprint instead (64 hex digits, or a unique prefix of 8 or more)",
    )
    tr.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"sightings shown per fingerprint (default {DEFAULT_LIMIT})",
    )
    tr.add_argument(
        "-f", "--format", choices=["table", "json"], default="table", help="output format"
    )
    add_store_options(tr)
    tr.set_defaults(handler=_trace)

    rep = sub.add_parser("report", help=BY_NAME["report"].help)
    rep_sub = rep.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    tp = rep_sub.add_parser(
        "transparency",
        help="decisions, sources, automation and notice-to-action times for a period, with "
        "DSA statements of reasons",
    )
    tp.add_argument(
        "--from",
        dest="start",
        metavar="YYYY-MM-DD",
        help=f"first day, UTC (default {DEFAULT_DAYS} days before --to)",
    )
    tp.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day, UTC (default today)")
    tp.add_argument(
        "-f",
        "--format",
        choices=REPORT_FORMATS,
        help="html (charts), csv (one row per statement of reasons) or json; "
        "default: from the --output suffix, else html",
    )
    tp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_store_options(tp)
    tp.set_defaults(handler=_transparency)


def _console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=140)


def _channels(args: argparse.Namespace) -> int:
    at_least_one(args.limit, "--limit")
    store, principal = open_as(args)
    scores = channel_scores(store, principal, limit=args.limit)
    if args.format == "json":
        json.dump([c.as_dict() for c in scores], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _console().print(_channels_table(scores))
    return 0


def _channels_table(scores: list[ChannelScore]) -> Table:
    table = Table(title="Channels by leak risk", title_justify="left")
    for col in ("#", "channel", "title", "score", "leaks", "messages", "rate", "people"):
        table.add_column(col, justify="right" if col not in ("channel", "title") else "left")
    table.add_column("crit/high/med/low", justify="right")
    table.add_column("last leak")
    for c in scores:
        table.add_row(
            str(c.rank), c.key, (c.title or "") + (" [restricted]" if c.restricted else ""),
            _score(c.score), str(c.leaks), str(c.messages), f"{c.leak_rate:.1%}", str(c.people),
            f"{c.critical}/{c.high}/{c.medium}/{c.low}",
            c.last_leak_at.strftime("%Y-%m-%d") if c.last_leak_at else "",
        )  # fmt: skip
    if not scores:
        table.caption = "the store holds no channels yet; run `leakwatch ingest`"
    return table


def _score(score: float) -> str:
    """Scores decay towards 0 without reaching it; small ones stay visible as non-zero."""
    return f"{score:.1f}" if score >= 0.1 or score == 0 else f"{score:.1e}"


def _trace(args: argparse.Namespace) -> int:
    one_of(args.message, args.fingerprint, "trace needs a message reference or --fingerprint")
    at_least_one(args.limit, "--limit")
    store, principal = open_as(args)
    view = trace(
        store, principal, message=args.message, fingerprint=args.fingerprint, limit=args.limit
    )
    if args.format == "json":
        json.dump(view.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _console().print(_trace_tree(view))
    return 0


def _trace_tree(view: TraceView) -> Tree:
    tree = Tree(f"[bold]trace[/bold] {view.target}")
    if not view.traces:
        tree.add("this message has no findings to trace")
    for t in view.traces:
        _trace_branch(tree, t)
    return tree


def _trace_branch(tree: Tree, t: FingerprintTrace) -> None:
    src = t.source
    where = f"{src.channel_title or src.channel_key}" if src else "?"
    branch = tree.add(
        f"[bold]{t.entity_type}[/bold] {t.masked}  [dim]fp {t.fingerprint[:12]}…[/dim]  "
        f"{t.messages} message(s) in {t.channels} channel(s); likely source: [bold]{where}[/bold]"
    )
    table = Table(show_edge=False, pad_edge=False)
    for col in ("", "posted", "channel", "message", "forwarded from", "verdict"):
        table.add_column(col)
    for s in t.sightings:
        table.add_row(
            "★ first seen" if s.first_seen else "",
            s.posted_at.strftime("%Y-%m-%d %H:%M") if s.posted_at else "(no date)",
            f"{s.channel_title or ''} ({s.channel_key})" if s.channel_title else s.channel_key,
            str(s.message_id), s.forwarded_from or "",
            f"{s.verdict}/{s.severity}" if s.severity else s.verdict,
        )  # fmt: skip
    branch.add(table)
    if t.messages > len(t.sightings):
        branch.add(f"[dim]… {t.messages - len(t.sightings)} more (raise --limit)[/dim]")
    if t.chains:
        chains = branch.add("forwarding chains")
        for chain in t.chains:
            chains.add(" → ".join(h.label for h in chain))


def _date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; write YYYY-MM-DD") from None


def _period(args: argparse.Namespace) -> tuple[date, date]:
    end = _date(args.end, "--to") if args.end else datetime.now(UTC).date()
    start = _date(args.start, "--from") if args.start else end - timedelta(days=DEFAULT_DAYS)
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    return start, end


def _report_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return suffix if suffix in REPORT_FORMATS else "html"


def _transparency(args: argparse.Namespace) -> int:
    start, end = _period(args)
    fmt = _report_format(args)
    if args.output and not Path(args.output).resolve().parent.is_dir():
        raise InputError(f"cannot write {args.output}: no such directory")
    store, principal = open_as(args)
    report = transparency_report(store, principal, start, end, export_format=fmt)
    text = {"html": render_html, "csv": to_csv, "json": to_json}[fmt](report)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {args.output}: {exc.strerror}") from exc
    print(
        f"wrote {args.output}: {report.decisions} decision(s), "
        f"{len(report.statements)} statement(s) of reasons, {start} to {end}",
        file=sys.stderr,
    )
    return 0
