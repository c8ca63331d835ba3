"""/cases/{id}/findings: a case's findings one per row, masked previews only, filtered by entity
type and paged (reveal one with /findings/{id}/reveal)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from leakwatch.api.deps import Caller, Id, StoreDep
from leakwatch.api.paging import Limit, Offset, Page, page
from leakwatch.entities import EntityType
from leakwatch.workflow.cases import show_case

router = APIRouter(tags=["findings"])


class FindingOut(BaseModel):
    id: int
    message_pk: int
    channel: str
    message_id: int
    entity_type: str
    start: int
    end: int
    masked: str
    excluded: bool


@router.get("/cases/{case_id}/findings")
def get_findings(
    caller: Caller,
    store: StoreDep,
    case_id: Id,
    entity_type: Annotated[EntityType | None, Query(description="only this entity type")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[FindingOut]:
    """Every finding in a case's messages, in message and text order."""
    case = show_case(store, caller, case_id)
    rows = [
        FindingOut(
            id=f.id,
            message_pk=m.message_pk,
            channel=m.channel,
            message_id=m.message_id,
            entity_type=f.entity_type,
            start=f.start,
            end=f.end,
            masked=f.masked,
            excluded=m.excluded is not None,
        )
        for m in case.messages
        for f in m.findings
        if entity_type is None or f.entity_type == entity_type.value
    ]
    return page(rows, limit, offset)
