"""/reports/transparency: the DSA-style transparency report for a period, as JSON, CSV or HTML
(aggregates and statements of reasons, generated from codes and counts only); /reports/dsa:
the same statements as the EU DSA transparency database's API takes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from leakwatch.api.deps import Caller, StoreDep
from leakwatch.api.headers import REPORT_CSP
from leakwatch.report.dsa_submit import DsaSubmission, dsa_submission
from leakwatch.report.export import to_csv
from leakwatch.report.html import render_html
from leakwatch.report.transparency import transparency_report

router = APIRouter(tags=["reports"])
DEFAULT_DAYS = 30


class ReportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    HTML = "html"


def period(start: date | None, end: date | None) -> tuple[date, date]:
    """`start`..`end`, by default the last 30 days up to today (UTC)."""
    end = end or datetime.now(UTC).date()
    return start or end - timedelta(days=DEFAULT_DAYS), end


@router.get(
    "/reports/transparency",
    response_class=Response,
    responses={200: {"content": {"application/json": {}, "text/csv": {}, "text/html": {}}}},
)
def get_transparency(
    caller: Caller,
    store: StoreDep,
    start: Annotated[date | None, Query(description="first day (UTC); default 30 days ago")] = None,
    end: Annotated[date | None, Query(description="last day (UTC); default today")] = None,
    format: ReportFormat = ReportFormat.JSON,
) -> Response:
    """The transparency report for `start`..`end`."""
    lo, hi = period(start, end)
    report = transparency_report(store, caller, lo, hi, export_format=format.value)
    if format is ReportFormat.CSV:
        return Response(to_csv(report), media_type="text/csv; charset=utf-8")
    if format is ReportFormat.HTML:
        return HTMLResponse(render_html(report), headers={"Content-Security-Policy": REPORT_CSP})
    return JSONResponse(report.as_dict())


@router.get("/reports/dsa")
def get_dsa(
    caller: Caller,
    store: StoreDep,
    start: Annotated[date | None, Query(description="first day (UTC); default 30 days ago")] = None,
    end: Annotated[date | None, Query(description="last day (UTC); default today")] = None,
) -> DsaSubmission:
    """Statements of reasons for the EU DSA transparency database: batches of at most 100 for
    its multiple-statements endpoint, each record checked against the database's field rules;
    a record that breaks one is listed under `rejected`, never batched."""
    lo, hi = period(start, end)
    return dsa_submission(store, caller, lo, hi)
