"""Channels and provenance: the channels ranked by risk (workflow.channels), one channel's
history and sources (workflow.channel_history), and where a message's data appears elsewhere,
first and along forwarding chains (workflow.trace), by keyed fingerprints and masked previews
only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from markupsafe import Markup
from starlette.responses import Response

from leakwatch.report.svg import bar_chart
from leakwatch.web.deps import ConsoleDep, Viewer
from leakwatch.web.render import page
from leakwatch.workflow.channel_history import channel_history
from leakwatch.workflow.channels import channel_scores
from leakwatch.workflow.trace import trace

router = APIRouter()

CHANNEL_LIMIT = 200
TRACE_LIMIT = 50
#: The chart shows the latest months; the table below it has them all.
CHART_MONTHS = 24


@router.get("/channels", name="channels")
def channels_page(request: Request, console: ConsoleDep, visit: Viewer) -> Response:
    scores = channel_scores(console.store, visit.principal, limit=CHANNEL_LIMIT)
    return page(console.templates, request, "channels.html", visit, scores=scores)


@router.get("/channel", name="channel")
def channel_page(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    key: Annotated[str, Query(min_length=1, max_length=200)],
) -> Response:
    """One channel: its risk score month by month, leaks per month, where its messages came
    from, its cases."""
    history = channel_history(console.store, visit.principal, key)
    chart = bar_chart(
        "Risk score at each month's end",
        [(m.month, round(m.risk, 1)) for m in history.months[-CHART_MONTHS:]],
    )
    return page(console.templates, request, "channel.html", visit, h=history, chart=Markup(chart))


@router.get("/trace", name="trace")
def trace_page(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    message: Annotated[str, Query(min_length=3, max_length=300)],
) -> Response:
    """Every fingerprint of one message (`<channel key>/<message id>`), traced across channels."""
    view = trace(console.store, visit.principal, message=message, limit=TRACE_LIMIT)
    return page(console.templates, request, "trace.html", visit, view=view)
