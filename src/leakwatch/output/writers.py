"""Write scan results as JSON Lines, one JSON array, or CSV (one row per finding)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from leakwatch.errors import UsageError
from leakwatch.output.records import to_record
from leakwatch.scan.result import ScanResult

FORMATS = ("table", "jsonl", "json", "csv")
CSV_FIELDS = (
    "source", "channel_id", "channel", "message_id", "date", "verdict", "severity", "risk",
    "categories", "entity_type", "start", "end", "score", "recognizer", "masked",
)  # fmt: skip


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_results(
    results: Iterable[ScanResult], fmt: str, out: IO[str], reveal: bool = False
) -> None:
    """Stream `results` to `out` in `fmt` (not "table": the table is a summary, see summary.py)."""
    if fmt == "jsonl":
        for r in results:
            out.write(_dumps(to_record(r, reveal)) + "\n")
    elif fmt == "json":
        out.write("[")
        for i, r in enumerate(results):
            out.write(("," if i else "") + "\n " + _dumps(to_record(r, reveal)))
        out.write("\n]\n")
    elif fmt == "csv":
        fields = (*CSV_FIELDS, "value") if reveal else CSV_FIELDS
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for r in results:
            rec = to_record(r, reveal)
            base = {k: rec[k] for k in CSV_FIELDS[:8]}
            base["categories"] = ";".join(rec["categories"])
            for f in rec["findings"] or [{}]:
                writer.writerow({**base, **f})
    else:
        raise UsageError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
