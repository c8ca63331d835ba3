"""The transparency report as CSV (one row per statement of reasons) or JSON (aggregates + rows).

CSV columns are the DSA transparency database's field names in its schema's order; list fields
(decision_visibility, content_type, territorial_scope …) are JSON arrays in one cell, as in the
database's own CSV exports, and a missing value is an empty cell.
"""

from __future__ import annotations

import csv
import io
import json

from leakwatch.report.transparency import StatementOfReasons, TransparencyReport


def to_csv(report: TransparencyReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(StatementOfReasons.field_names())
    for sor in report.statements:
        writer.writerow(
            json.dumps(v) if isinstance(v, list) else "" if v is None else v
            for v in sor.as_dict().values()
        )
    return out.getvalue()


def to_json(report: TransparencyReport) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"
