"""/actions: the takedown feed a platform's moderation system polls (analyst, reviewer, admin).

Cursor-paginated: ask with `since` (0 the first time), keep the answer's `next_since` for the next
call. Each action names links and statement ids, never a value or a text (workflow.outbox)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from leakwatch.api.deps import MAX_ID, Caller, StoreDep
from leakwatch.workflow.outbox import MAX_PAGE, FeedPage, feed

router = APIRouter(tags=["actions"])


@router.get("/actions")
def get_actions(
    caller: Caller,
    store: StoreDep,
    since: Annotated[int, Query(ge=0, le=MAX_ID, description="the last action id seen")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="actions per page")] = 100,
) -> FeedPage:
    """Actions after `since`, oldest first: decisions, notice events, appeal decisions."""
    return feed(store, caller, since, limit)
