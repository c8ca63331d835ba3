"""Read labels JSONL (`leakwatch synth`) and scan JSONL (`leakwatch scan --format jsonl`).

Both share the keys `source`, `channel_id`, `message_id`, `verdict`, `findings` (docs/spans.md), so
one reader serves both. A malformed file raises `InputError` with one line naming the file and
line number, never echoing the line itself (it may hold personal data).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from leakwatch.errors import InputError

VERDICTS = frozenset({"leak", "clear"})
Span = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class Record:
    """One message's verdict and findings, from either side of a comparison."""

    source: str
    channel_id: int | None
    message_id: int
    verdict: str
    severity: str | None
    findings: tuple[Span, ...]
    kind: str | None = None

    @property
    def is_leak(self) -> bool:
        return self.verdict == "leak"


def _fail(what: str, path: Path, line: int, problem: str) -> InputError:
    return InputError(f"{what} file {path.name} line {line}: {problem}")


def _int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _span(what: str, path: Path, line: int, item: Any) -> Span:
    if not isinstance(item, dict):
        raise _fail(what, path, line, "a finding is not an object")
    etype, start, end = item.get("entity_type"), item.get("start"), item.get("end")
    if not isinstance(etype, str) or not _int(start) or not _int(end):
        raise _fail(
            what, path, line, "a finding needs entity_type (string), start and end (integers)"
        )
    return etype, start, end


def parse_record(what: str, path: Path, line: int, obj: Any, require_channel: bool) -> Record:
    """Validate one decoded JSON line into a `Record`."""
    if not isinstance(obj, dict):
        raise _fail(what, path, line, "not a JSON object")
    required = ("source", "channel_id", "message_id", "verdict", "findings")
    for key in required if require_channel else tuple(k for k in required if k != "channel_id"):
        if key not in obj:
            raise _fail(what, path, line, f"missing key {key!r}")
    source, channel_id, message_id = obj["source"], obj.get("channel_id"), obj["message_id"]
    verdict, severity, findings = obj["verdict"], obj.get("severity"), obj["findings"]
    if not isinstance(source, str):
        raise _fail(what, path, line, "source must be a string")
    if channel_id is not None and not _int(channel_id):
        raise _fail(what, path, line, "channel_id must be an integer or null")
    if not _int(message_id):
        raise _fail(what, path, line, "message_id must be an integer")
    if verdict not in VERDICTS:
        raise _fail(what, path, line, "verdict must be 'leak' or 'clear'")
    if severity is not None and not isinstance(severity, str):
        raise _fail(what, path, line, "severity must be a string or null")
    if not isinstance(findings, list):
        raise _fail(what, path, line, "findings must be a list")
    kind = obj.get("kind")
    return Record(
        source=source,
        channel_id=channel_id,
        message_id=message_id,
        verdict=verdict,
        severity=severity,
        findings=tuple(_span(what, path, line, f) for f in findings),
        kind=kind if isinstance(kind, str) else None,
    )


def read_records(
    path: Path, what: str = "labels", require_channel: bool = True
) -> Iterator[Record]:
    """Stream the records of a JSONL file; blank lines are skipped."""
    try:
        fh = path.open("r", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{what} file {path} cannot be read: {exc.strerror or exc}") from exc
    with fh:
        line_no = 0
        try:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise _fail(what, path, line_no, "not JSON (expected JSON Lines)") from exc
                yield parse_record(what, path, line_no, obj, require_channel)
        except UnicodeDecodeError as exc:
            raise _fail(what, path, line_no + 1, "not UTF-8 text") from exc


def read_labels(path: Path) -> Iterator[Record]:
    """Labels as `leakwatch synth` writes them: every key required."""
    return read_records(path, "labels", require_channel=True)


def read_scan(path: Path) -> Iterator[Record]:
    """A scan's JSONL output: `channel_id` may be absent (treated as null)."""
    return read_records(path, "scan", require_channel=False)
