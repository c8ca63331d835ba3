"""/cases/{id}/decisions: decide a case with a statement of reasons; read its decisions."""

from __future__ import annotations

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from leakwatch.api.deps import MAX_ID, Caller, Id, StoreDep
from leakwatch.workflow.review import DecisionView, decide, decisions_of

router = APIRouter(tags=["decisions"])


class DecisionIn(BaseModel):
    decision: str = Field(
        min_length=1, max_length=30, description="remove, restrict_channel, no_violation, escalate"
    )
    reason: str = Field(min_length=1, max_length=40, description="the policy reason code")
    document_reason: str | None = Field(
        default=None, min_length=1, max_length=40, description="reason code for state documents"
    )
    expected_version: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="the case version you read; stale: 409"
    )


@router.post("/cases/{case_id}/decisions", status_code=status.HTTP_201_CREATED)
def post_decision(caller: Caller, store: StoreDep, case_id: Id, body: DecisionIn) -> DecisionView:
    """Decide a case (reviewer, admin); removals and restrictions are recorded at once."""
    return decide(
        store,
        caller,
        case_id,
        body.decision,
        body.reason,
        body.expected_version,
        body.document_reason,
    )


@router.get("/cases/{case_id}/decisions")
def get_decisions(caller: Caller, store: StoreDep, case_id: Id) -> list[DecisionView]:
    """A case's decisions with their statements of reasons and actions."""
    return decisions_of(store, caller, case_id)
