"""Results as plain tuples for the trip from a worker process back to the parent.

Compiled (mypyc) result classes cannot be unpickled, and plain tuples of str/int/float are
also the cheapest thing to pickle; the parent rebuilds the objects.
"""

from __future__ import annotations

from leakwatch.assess.verdict import Assessment
from leakwatch.detect.finding import Finding
from leakwatch.entities import Category, EntityType, Severity, Verdict
from leakwatch.scan.result import ScanResult

FindingWire = tuple[str, int, int, float, str, str, tuple[str, ...]]
AssessmentWire = tuple[str, str | None, tuple[str, ...], float, tuple[str, ...], int]
ResultWire = tuple[
    str,
    int | None,
    str | None,
    int,
    str | None,
    tuple[FindingWire, ...],
    AssessmentWire,
    int,
    bool,
]


def encode(r: ScanResult) -> ResultWire:
    a = r.assessment
    return (
        r.source,
        r.channel_id,
        r.channel,
        r.message_id,
        r.date,
        tuple(
            (f.entity_type.value, f.start, f.end, f.score, f.recognizer, f.text, f.evidence)
            for f in r.findings
        ),
        (
            a.verdict.value,
            a.severity.value if a.severity else None,
            tuple(c.value for c in a.categories),
            a.risk,
            a.reasons,
            a.people,
        ),
        r.text_length,
        r.truncated,
    )


def decode(w: ResultWire) -> ScanResult:
    source, channel_id, channel, message_id, date, findings, a, length, truncated = w
    assessment = Assessment(
        Verdict(a[0]),
        Severity(a[1]) if a[1] else None,
        tuple(Category(c) for c in a[2]),
        a[3],
        a[4],
        a[5],
    )
    return ScanResult(
        source,
        channel_id,
        channel,
        message_id,
        date,
        tuple(Finding(EntityType(f[0]), f[1], f[2], f[3], f[4], f[5], f[6]) for f in findings),
        assessment,
        length,
        truncated,
    )
