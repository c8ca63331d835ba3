"""/cases and /queue: cases to review, filtered and paged; opening cases; excluding messages.

A case shows its messages' masked previews and positions, never a raw value or a message text
(reveal does that, audited).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from leakwatch.api.deps import MAX_ID, Caller, Id, StoreDep
from leakwatch.api.paging import Limit, Offset, Page
from leakwatch.entities import Severity
from leakwatch.workflow.cases import (
    DEFAULT_MIN_LEAKS,
    AutoOpenResult,
    CaseFilter,
    CasePage,
    CaseView,
    cases_page,
    open_channel_cases,
    parse_status,
    queue_page,
    show_case,
)
from leakwatch.workflow.exclusions import exclude_messages

router = APIRouter(tags=["cases"])

SeverityQ = Annotated[Severity | None, Query(description="only cases of this severity")]
ChannelQ = Annotated[str | None, Query(max_length=200, description="only this channel's cases")]
StatusQ = Annotated[str | None, Query(max_length=20, description="open, escalated or closed")]
SinceQ = Annotated[date | None, Query(description="opened on or after this day (UTC)")]
UntilQ = Annotated[date | None, Query(description="opened on or before this day (UTC)")]


def _filter(
    severity: Severity | None,
    channel: str | None,
    status: str | None,
    since: date | None,
    until: date | None,
) -> CaseFilter:
    return CaseFilter(
        severity.value if severity is not None else None,
        channel,
        parse_status(status) if status else None,
        since,
        until,
    )


def _page(found: CasePage, limit: int, offset: int) -> Page[CaseView]:
    return Page[CaseView](items=found.items, total=found.total, limit=limit, offset=offset)


@router.get("/cases")
def get_cases(
    caller: Caller,
    store: StoreDep,
    severity: SeverityQ = None,
    channel: ChannelQ = None,
    status: StatusQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[CaseView]:
    """Every case, oldest first, without its messages."""
    wanted = _filter(severity, channel, status, since, until)
    return _page(cases_page(store, caller, wanted, limit, offset), limit, offset)


@router.get("/queue")
def get_queue(
    caller: Caller,
    store: StoreDep,
    severity: SeverityQ = None,
    channel: ChannelQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[CaseView]:
    """Active cases in review order: notice cases by deadline (overdue first), then priority."""
    wanted = _filter(severity, channel, None, since, until)
    return _page(queue_page(store, caller, wanted, limit, offset), limit, offset)


@router.get("/cases/{case_id}")
def get_case(caller: Caller, store: StoreDep, case_id: Id) -> CaseView:
    """One case with its messages' masked findings."""
    return show_case(store, caller, case_id)


class OpenCasesIn(BaseModel):
    min_leaks: int = Field(default=DEFAULT_MIN_LEAKS, ge=1, le=1_000_000)
    min_severity: Severity = Severity.MEDIUM


@router.post("/cases/open")
def post_open_cases(caller: Caller, store: StoreDep, body: OpenCasesIn) -> AutoOpenResult:
    """Open a case per channel over the thresholds (or add new leaks to its open case)."""
    return open_channel_cases(store, caller, body.min_leaks, body.min_severity.value)


class ExcludeIn(BaseModel):
    messages: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(min_length=1, max_length=1000)
    reason: str = Field(min_length=1, max_length=40, description="a no-violation reason code")
    expected_version: int | None = Field(default=None, ge=1, le=MAX_ID)


@router.post("/cases/{case_id}/exclusions")
def post_exclusions(caller: Caller, store: StoreDep, case_id: Id, body: ExcludeIn) -> CaseView:
    """Take messages out of a case's scope as false positives (reviewer, admin)."""
    return exclude_messages(
        store, caller, case_id, body.messages, body.reason, body.expected_version
    )
