"""The scan output contract: one JSON-ready dict per message (docs/scan-output.md)."""

from __future__ import annotations

from typing import Any

from leakwatch.output.mask import mask
from leakwatch.scan.result import ScanResult


def to_record(result: ScanResult, reveal: bool = False) -> dict[str, Any]:
    """The contract's keys, in the contract's order; raw values only with `reveal`."""
    a = result.assessment
    findings = []
    for f in result.findings:
        item: dict[str, Any] = {
            "entity_type": f.entity_type.value,
            "start": f.start,
            "end": f.end,
            "score": round(f.score, 3),
            "recognizer": f.recognizer,
            "masked": mask(f.entity_type, f.text),
        }
        if reveal:
            item["value"] = f.text
        findings.append(item)
    record: dict[str, Any] = {
        "source": result.source,
        "channel_id": result.channel_id,
        "channel": result.channel,
        "message_id": result.message_id,
        "date": result.date,
        "verdict": a.verdict.value,
        "severity": a.severity.value if a.severity else None,
        "risk": a.risk,
        "categories": [c.value for c in a.categories],
        "reasons": list(a.reasons),
        "findings": findings,
    }
    if result.truncated:
        record["truncated"] = True  # scanned only in part (the scan's limits); a new key only
    return record
