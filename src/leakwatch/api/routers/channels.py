"""/channels and /trace: which channels leak most, and where a value's fingerprint travelled
(masked previews only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from leakwatch.api.deps import Caller, StoreDep
from leakwatch.api.paging import MAX_LIMIT, Limit, Offset, Page, page
from leakwatch.workflow.channels import ChannelScore, channel_scores
from leakwatch.workflow.trace import DEFAULT_LIMIT, trace

router = APIRouter(tags=["channels"])


@router.get("/channels")
def get_channels(
    caller: Caller, store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> Page[ChannelScore]:
    """Channels ranked by leak risk score, highest first."""
    return page(channel_scores(store, caller), limit, offset)


@router.get("/trace")
def get_trace(
    caller: Caller,
    store: StoreDep,
    message: Annotated[
        str | None,
        Query(
            max_length=300,
            pattern=r"^.*/\s*\d{1,18}\s*$",
            description="<channel key or title>/<message id>",
        ),
    ] = None,
    fingerprint: Annotated[
        str | None, Query(max_length=64, description="64 hex digits or a unique prefix of 8+")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Sightings of a message's fingerprints (or one fingerprint) across channels."""
    return trace(store, caller, message=message, fingerprint=fingerprint, limit=limit).as_dict()
