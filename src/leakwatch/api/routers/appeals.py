"""/appeals: a channel owner's appeal against a decision, filed and decided by a different
reviewer."""

from __future__ import annotations

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from leakwatch.api.deps import MAX_ID, Caller, Id, StoreDep
from leakwatch.api.paging import Limit, Offset, Page, page
from leakwatch.workflow import limits
from leakwatch.workflow.appeals import AppealView, decide_appeal, file_appeal, list_appeals
from leakwatch.workflow.review import DecisionView

router = APIRouter(tags=["appeals"])


class AppealIn(BaseModel):
    decision_id: int = Field(ge=1, le=MAX_ID)
    appellant: str = Field(min_length=1, max_length=limits.APPELLANT)
    grounds: str = Field(min_length=1, max_length=10_000)


class AppealDecisionIn(BaseModel):
    outcome: str = Field(min_length=1, max_length=20, description="upheld or reversed")
    reason: str = Field(min_length=1, max_length=40, description="the policy reason code")


@router.post("/appeals", status_code=status.HTTP_201_CREATED)
def post_appeal(caller: Caller, store: StoreDep, body: AppealIn) -> AppealView:
    """File an appeal against a remove or restrict decision (analyst, admin)."""
    return file_appeal(store, caller, body.decision_id, body.appellant, body.grounds)


@router.get("/appeals")
def get_appeals(
    caller: Caller, store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> Page[AppealView]:
    """Every appeal, oldest first."""
    return page(list_appeals(store, caller), limit, offset)


@router.post("/appeals/{appeal_id}/decision", status_code=status.HTTP_201_CREATED)
def post_appeal_decision(
    caller: Caller, store: StoreDep, appeal_id: Id, body: AppealDecisionIn
) -> DecisionView:
    """Decide an appeal (reviewer, admin), never by the reviewer who made the decision."""
    return decide_appeal(store, caller, appeal_id, body.outcome, body.reason)
