"""The transparency report in the console: a period to choose, then the same self-contained HTML
report `leakwatch report transparency --format html` writes (aggregates and statements of
reasons from codes only, so every role that may read reports, the liaison included, may open
it). Producing it is audited by the report service."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse, Response

from leakwatch.report.html import render_html
from leakwatch.report.transparency import transparency_report
from leakwatch.store.models import utcnow
from leakwatch.web.deps import ConsoleDep, Viewer
from leakwatch.web.render import page
from leakwatch.workflow.principal import require
from leakwatch.workflow.roles import Operation

router = APIRouter()

DEFAULT_DAYS = 30
#: The report is a document of its own: inline styles and SVG, no script at all.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)


@router.get("/transparency", name="transparency")
def transparency_page(request: Request, console: ConsoleDep, visit: Viewer) -> Response:
    require(visit.principal, Operation.REPORT)
    today = utcnow().date()
    return page(
        console.templates,
        request,
        "transparency.html",
        visit,
        start=today - timedelta(days=DEFAULT_DAYS - 1),
        end=today,
    )


@router.get("/transparency/report", name="transparency_report")
def transparency_report_page(
    console: ConsoleDep,
    visit: Viewer,
    start: Annotated[date, Query()],
    end: Annotated[date, Query()],
) -> Response:
    report = transparency_report(console.store, visit.principal, start, end, export_format="html")
    return HTMLResponse(render_html(report), headers={"Content-Security-Policy": REPORT_CSP})
