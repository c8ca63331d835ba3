"""`leakwatch ingest` (scan exports into the store) and `leakwatch status` (what it holds)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from leakwatch.cli.commands import BY_NAME
from leakwatch.cli.flags import at_least_one
from leakwatch.cli.store_opts import add_store_options, keyring, open_as
from leakwatch.store.ingest import DEFAULT_BATCH, IngestReport, ProgressFn, ingest
from leakwatch.workflow.status import StatusView, status

INGEST_DESCRIPTION = """\
Scan Telegram Desktop exports or JSON Lines posts (the inputs of `leakwatch scan`) and store the
results: each message's verdict and findings, its text encrypted (AES-GCM), each finding's value
only as a keyed fingerprint and a masked preview.

Ingest is incremental and resumable. Each channel keeps a checkpoint (its highest stored message
id); messages the store already holds are skipped before they are scanned, so re-ingesting an
export adds nothing, and a bigger export of the same channel adds only its new messages. Messages
are written in batches, one transaction each: after a crash or kill, run the same command again
and every message ends up stored exactly once.

The keys come from $LEAKWATCH_KEY or a key file ($LEAKWATCH_KEY_FILE, else leakwatch.key in the
user data directory, created with mode 0600 on first use). See docs/store.md.
"""

INGEST_EPILOG = """\
examples:
  leakwatch ingest export/result.json               one channel's export into the default store
  leakwatch ingest exports/ --workers 4             every export under a folder, 4 scan processes
  leakwatch ingest exports/ --db postgresql://lw@db.internal/leakwatch
  leakwatch ingest exports/ --db case.db --as alice  a SQLite file, acting as user alice
  leakwatch status                                  what the store holds now

exit status: 0 done; 2 bad input (what was readable before the error is stored);
3 the store cannot be opened; 4 unknown user; 5 the user's role may not ingest.
"""

STATUS_EPILOG = """\
examples:
  leakwatch status                       counts as a table
  leakwatch status --format json --db postgresql://lw@db.internal/leakwatch
"""


def add_parsers(sub: Any) -> None:
    """Register `ingest` and `status`."""
    p = sub.add_parser(
        "ingest",
        help=BY_NAME["ingest"].help,
        description=INGEST_DESCRIPTION,
        epilog=INGEST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="export file, JSONL file or folder")
    p.add_argument(
        "--workers",
        "-w",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="scan processes (default: all cores)",
    )
    p.add_argument(
        "--batch",
        type=int,
        default=DEFAULT_BATCH,
        metavar="N",
        help=f"messages per transaction (default {DEFAULT_BATCH}); a crash loses at most the "
        "batch in flight, which the next run stores",
    )
    add_store_options(p)
    p.set_defaults(handler=run_ingest)

    st = sub.add_parser(
        "status",
        help=BY_NAME["status"].help,
        description="Counts of what the store holds (no personal data), where it is and its "
        "schema revision. Every role may run it.",
        epilog=STATUS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    st.add_argument(
        "--format",
        "-f",
        choices=["table", "json"],
        default="table",
        help="table for people (default), json for scripts",
    )
    add_store_options(st)
    st.set_defaults(handler=run_status)


@contextmanager
def _progress_bar(console: Console) -> Iterator[ProgressFn | None]:
    """A live count of messages read and stored on a terminal; nothing when stderr is piped."""
    if not console.is_terminal:
        yield None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("ingesting: {task.completed:,} messages read, {task.fields[stored]:,} stored"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingest", total=None, stored=0)

        def update(read: int, stored: int) -> None:
            bar.update(task, completed=read, stored=stored)

        yield update


def summary_line(r: IngestReport) -> str:
    line = (
        f"ingested {r.read:,} messages from {r.channels:,} channel(s): {r.stored:,} stored, "
        f"{r.already_stored:,} already stored; {r.leaks:,} leaks, {r.findings:,} findings"
    )
    if r.skipped_malformed:
        line += f"; {r.skipped_malformed:,} malformed skipped"
    if r.skipped_out_of_range:
        line += f"; {r.skipped_out_of_range:,} with ids beyond 64 bits skipped"
    return line


def run_ingest(args: argparse.Namespace) -> int:
    at_least_one(args.workers, "--workers")
    at_least_one(args.batch, "--batch")
    store, principal = open_as(args, create_key=True)
    keys = keyring(store)
    with _progress_bar(Console(stderr=True)) as progress:
        report = ingest(store, keys, principal, args.paths, args.workers, args.batch, progress)
    print(summary_line(report))
    for line in report.errors:
        print(f"leakwatch: error: {line}", file=sys.stderr)
    return 2 if report.errors else 0


def _table(view: StatusView) -> Table:
    table = Table(title="leakwatch store", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("", justify="right")
    rows = [
        ("backend", view.backend),
        ("schema revision", view.schema_revision or "-"),
        ("channels", f"{view.channels:,}"),
        ("messages", f"{view.messages:,}"),
        ("leak messages", f"{view.leak_messages:,}"),
        ("findings", f"{view.findings:,}"),
        ("cases open / total", f"{view.cases_open:,} / {view.cases_total:,}"),
        ("notices open / total", f"{view.notices_open:,} / {view.notices_total:,}"),
        ("audit events", f"{view.audit_events:,}"),
        ("users", f"{view.users:,}"),
    ]
    for what, value in rows:
        table.add_row(what, value)
    return table


def run_status(args: argparse.Namespace) -> int:
    store, principal = open_as(args)
    view = status(store, principal)
    if args.format == "json":
        json.dump(asdict(view), sys.stdout, indent=2)
        print()
    else:
        console = Console()
        if not console.is_terminal:  # piped: do not squeeze a long URL into 80 columns
            console = Console(width=140)
        console.print(_table(view))
    return 0
