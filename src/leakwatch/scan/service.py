"""Scanning for an interface other than the command line (the HTTP API): a text or an uploaded
export, scanned in this process, nothing stored.

Who may scan: the roles that already see masked previews of stored findings (those that may
view cases); the regulator's liaison may not, so no finding preview ever reaches that role.
Findings are masked previews unless the caller's role may reveal values. One analyzer is
built on first use and shared, one scan at a time (it is not documented as thread-safe).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leakwatch.detect.analyzer import Analyzer
from leakwatch.detect.registry import default_recognizers
from leakwatch.detect.tagger import NameMode
from leakwatch.errors import InputError
from leakwatch.output.records import to_record
from leakwatch.scan.engine import scan_message
from leakwatch.sources.discover import Feed
from leakwatch.sources.message import Message, clean
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation, may

#: Messages scanned from one upload at most; the rest are counted, not scanned.
MAX_MESSAGES = 5_000

_lock = threading.Lock()


@functools.cache
def _analyzer() -> Analyzer:
    return Analyzer(default_recognizers(), NameMode.GATED)


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """Records in the scan output contract (docs/scan-output.md), the messages read, and one
    line per problem with the input."""

    records: tuple[dict[str, Any], ...]
    messages: int
    skipped: int
    errors: tuple[str, ...]
    revealed: bool


def _scan(
    messages: Iterable[Message], reveal: bool, keep_all: bool
) -> tuple[list[dict[str, Any]], int, int]:
    records: list[dict[str, Any]] = []
    seen = skipped = 0
    with _lock:
        analyzer = _analyzer()
        for msg in messages:
            seen += 1
            if seen > MAX_MESSAGES:
                skipped += 1
                continue
            result = scan_message(analyzer, msg)
            if keep_all or result.findings or result.is_leak:
                records.append(to_record(result, reveal=reveal))
    return records, min(seen, MAX_MESSAGES), skipped


def scan_text(principal: Principal, text: str, channel: str | None = None) -> ScanOutcome:
    """Scan one text as one message."""
    require(principal, Operation.VIEW_CASE)
    reveal = may(principal.role, Operation.REVEAL)
    msg = Message("api", None, channel, 1, None, clean(text))
    records, seen, _ = _scan([msg], reveal, keep_all=True)
    return ScanOutcome(tuple(records), seen, 0, (), reveal)


def scan_file(principal: Principal, path: Path, display: str) -> ScanOutcome:
    """Scan an export (Telegram Desktop JSON or JSON Lines) saved at `path`, named `display` in
    messages; messages with findings or a leak verdict only."""
    require(principal, Operation.VIEW_CASE)
    reveal = may(principal.role, Operation.REVEAL)
    feed = Feed.of_paths([str(path)])
    records, seen, skipped = _scan(feed, reveal, keep_all=False)
    errors = tuple(e.replace(str(path), display) for e in feed.errors)
    if not seen and errors:
        raise InputError(errors[0])
    for r in records:
        r["source"] = display
    return ScanOutcome(tuple(records), seen, skipped + feed.stats.skipped_malformed, errors, reveal)
