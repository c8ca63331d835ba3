"""The regulator's portal: submit a notice with its links, follow its SLA clock, read the
statements of reasons. Everything here comes from the notice services, which return no message
text, no value and no preview, so a liaison's pages cannot show one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from leakwatch.api.deps import Id
from leakwatch.entities import Category
from leakwatch.errors import LeakwatchError, UsageError
from leakwatch.web.deps import ConsoleDep, Csrf, Viewer
from leakwatch.web.render import page
from leakwatch.workflow.notices import (
    acknowledge_notice,
    list_notices,
    notice_response,
    submit_notice,
)
from leakwatch.workflow.roles import Operation, may

router = APIRouter()

MAX_LINKS = 500
CATEGORIES = tuple(c.value for c in Category)
#: What the submit form shows before anything was typed.
EMPTY_FORM = {
    "authority": "",
    "reference": "",
    "legal_basis": "",
    "category": CATEGORIES[0],
    "links": "",
    "sla_hours": "24",
}


@router.get("/notices", name="notices")
def notices_page(request: Request, console: ConsoleDep, visit: Viewer) -> Response:
    return _notices(request, console, visit)


def _notices(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    error: str | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    notices = list_notices(console.store, visit.principal)
    return page(
        console.templates,
        request,
        "notices.html",
        visit,
        status_code=status_code,
        notices=notices,
        may_submit=may(visit.principal.role, Operation.SUBMIT_NOTICE),
        categories=CATEGORIES,
        error=error,
        form=form or EMPTY_FORM,
    )


@router.post("/notices", name="submit_notice", dependencies=[Csrf])
def submit(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    authority: Annotated[str, Form(max_length=500)],
    reference: Annotated[str, Form(max_length=500)],
    legal_basis: Annotated[str, Form(max_length=1000)],
    category: Annotated[str, Form(max_length=40)],
    links: Annotated[str, Form(max_length=100_000)],
    sla_hours: Annotated[int, Form(ge=1, le=24 * 365)] = 24,
) -> Response:
    form = {
        "authority": authority,
        "reference": reference,
        "legal_basis": legal_basis,
        "category": category,
        "links": links,
        "sla_hours": str(sla_hours),
    }
    try:
        items = [line.strip() for line in links.splitlines() if line.strip()]
        if len(items) > MAX_LINKS:
            raise UsageError(f"a notice may hold at most {MAX_LINKS} links")
        view = submit_notice(
            console.store,
            visit.principal,
            authority,
            reference,
            legal_basis,
            category,
            items,
            sla_hours,
        )
    except LeakwatchError as exc:
        return _notices(request, console, visit, exc.message, form, exc.http_status)
    return RedirectResponse(request.url_for("notice", notice_id=view.id), status_code=303)


@router.get("/notices/{notice_id}", name="notice")
def notice_page(request: Request, console: ConsoleDep, visit: Viewer, notice_id: Id) -> Response:
    response = notice_response(console.store, visit.principal, notice_id)
    return page(console.templates, request, "notice.html", visit, response=response)


@router.post("/notices/{notice_id}/acknowledge", name="acknowledge", dependencies=[Csrf])
def acknowledge(request: Request, console: ConsoleDep, visit: Viewer, notice_id: Id) -> Response:
    """Acknowledge receipt (analyst, reviewer, admin): the clock's second stage starts."""
    acknowledge_notice(console.store, visit.principal, notice_id)
    return RedirectResponse(request.url_for("notice", notice_id=notice_id), status_code=303)
