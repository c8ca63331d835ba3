"""/messages/{pk}/reveal and /findings/{id}/reveal: raw text or one raw value, for a role that
may reveal, with a reason; every reveal is audited (the reason as a keyed hash)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from leakwatch.api.deps import Caller, Id, StoreDep
from leakwatch.errors import StoreError
from leakwatch.workflow.reveal import Revealed, RevealedValue, reveal, reveal_finding

router = APIRouter(tags=["reveal"])


class RevealIn(BaseModel):
    reason: str = Field(min_length=1, max_length=1000, description="why (10 characters or more)")


@router.post("/messages/{message_pk}/reveal")
def post_reveal_message(
    caller: Caller, store: StoreDep, message_pk: Id, body: RevealIn
) -> Revealed:
    """A stored message's text and its findings' values (reviewer, admin; audited)."""
    if store.keys is None:
        raise StoreError("the server opened the store without its key; reveal is unavailable")
    return reveal(store, store.keys, caller, message_pk, body.reason)


@router.post("/findings/{finding_id}/reveal")
def post_reveal_finding(
    caller: Caller, store: StoreDep, finding_id: Id, body: RevealIn
) -> RevealedValue:
    """One finding's value only (reviewer, admin; audited)."""
    if store.keys is None:
        raise StoreError("the server opened the store without its key; reveal is unavailable")
    return reveal_finding(store, store.keys, caller, finding_id, body.reason)
