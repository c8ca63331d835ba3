"""/notices: a regulator's removal requests: submit, follow (status and SLA clock), acknowledge,
and read the response (statements of reasons, appeal outcomes). A liaison sees only the notices
of the authority they speak for."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from leakwatch.api.deps import Caller, Id, StoreDep
from leakwatch.api.paging import Limit, Offset, Page, page
from leakwatch.entities import Category
from leakwatch.workflow import limits
from leakwatch.workflow.notices import (
    NoticeResponse,
    NoticeView,
    acknowledge_notice,
    list_notices,
    notice_response,
    notice_status,
    submit_notice,
)

router = APIRouter(tags=["notices"])


class NoticeIn(BaseModel):
    authority: str = Field(min_length=1, max_length=limits.AUTHORITY)
    reference: str = Field(min_length=1, max_length=limits.REFERENCE)
    legal_basis: str = Field(min_length=1, max_length=limits.LEGAL_BASIS)
    category: Category
    links: list[Annotated[str, Field(min_length=1, max_length=limits.LINK)]] = Field(
        min_length=1, max_length=1000, description="t.me links or channel keys"
    )
    sla_hours: int = Field(default=24, ge=1, le=24 * 365)


@router.post("/notices", status_code=status.HTTP_201_CREATED)
def post_notice(caller: Caller, store: StoreDep, body: NoticeIn) -> NoticeView:
    """Submit a notice (liaison, admin); a case opens for it at once."""
    return submit_notice(
        store,
        caller,
        body.authority,
        body.reference,
        body.legal_basis,
        body.category.value,
        body.links,
        body.sla_hours,
    )


@router.get("/notices")
def get_notices(
    caller: Caller, store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> Page[NoticeView]:
    """The notices the caller may see, oldest first."""
    return page(list_notices(store, caller), limit, offset)


@router.get("/notices/{notice_id}")
def get_notice(caller: Caller, store: StoreDep, notice_id: Id) -> NoticeView:
    """A notice's status and SLA clock."""
    return notice_status(store, caller, notice_id)


@router.post("/notices/{notice_id}/acknowledge")
def post_acknowledge(caller: Caller, store: StoreDep, notice_id: Id) -> NoticeView:
    """Acknowledge receipt (analyst, reviewer, admin)."""
    return acknowledge_notice(store, caller, notice_id)


@router.get("/notices/{notice_id}/response")
def get_response(caller: Caller, store: StoreDep, notice_id: Id) -> NoticeResponse:
    """What the authority reads back: status, clock, statements of reasons, appeal outcomes."""
    return notice_response(store, caller, notice_id)
