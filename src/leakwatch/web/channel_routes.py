"""Channels and provenance: the channels ranked by risk (workflow.channels), and where a
message's data appears elsewhere, first and along forwarding chains (workflow.trace), by keyed
fingerprints and masked previews only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from leakwatch.web.deps import ConsoleDep, Viewer
from leakwatch.web.render import page
from leakwatch.workflow.channels import channel_scores
from leakwatch.workflow.trace import trace

router = APIRouter()

CHANNEL_LIMIT = 200
TRACE_LIMIT = 50


@router.get("/channels", name="channels")
def channels_page(request: Request, console: ConsoleDep, visit: Viewer) -> Response:
    scores = channel_scores(console.store, visit.principal, limit=CHANNEL_LIMIT)
    return page(console.templates, request, "channels.html", visit, scores=scores)


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
