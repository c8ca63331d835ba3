"""Appeals in the console: an analyst or admin files a channel owner's appeal against a
restricting decision from its case page; a different reviewer decides it here (upheld, or
reversed and its action undone), both through the appeals service, which audits them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from leakwatch.api.deps import Id
from leakwatch.web.deps import ConsoleDep, Csrf, Viewer
from leakwatch.web.render import page
from leakwatch.workflow.appeals import OUTCOMES, decide_appeal, file_appeal, list_appeals
from leakwatch.workflow.reasons import ReasonCode

router = APIRouter()


@router.get("/appeals", name="appeals")
def appeals_page(request: Request, console: ConsoleDep, visit: Viewer) -> Response:
    appeals = list_appeals(console.store, visit.principal)
    return page(
        console.templates,
        request,
        "appeals.html",
        visit,
        appeals=appeals,
        outcomes=OUTCOMES,
        reasons=[r.value for r in ReasonCode],
    )


@router.post(
    "/cases/{case_id}/decisions/{decision_id}/appeal", name="file_appeal", dependencies=[Csrf]
)
def file(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    case_id: Id,
    decision_id: Id,
    appellant: Annotated[str, Form(max_length=500)],
    grounds: Annotated[str, Form(max_length=20_000)],
) -> Response:
    file_appeal(console.store, visit.principal, decision_id, appellant, grounds)
    return RedirectResponse(request.url_for("appeals"), status_code=303)


@router.post("/appeals/{appeal_id}/decide", name="decide_appeal", dependencies=[Csrf])
def decide(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    appeal_id: Id,
    outcome: Annotated[str, Form(max_length=20)],
    reason: Annotated[str, Form(max_length=40)],
) -> Response:
    decide_appeal(console.store, visit.principal, appeal_id, outcome, reason)
    return RedirectResponse(request.url_for("appeals"), status_code=303)
