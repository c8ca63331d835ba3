"""/audit: verify the hash chain, read the newest events (auditor, admin), and /status."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Query

from leakwatch.api.deps import Caller, StoreDep
from leakwatch.api.paging import MAX_LIMIT
from leakwatch.workflow.audit import EventType, VerifyReport
from leakwatch.workflow.roles import Role
from leakwatch.workflow.service_audit import AuditEventView, audit_log, verify_audit
from leakwatch.workflow.status import StatusView, status

router = APIRouter(tags=["audit"])


@router.get("/audit/verify")
def get_verify(caller: Caller, store: StoreDep) -> VerifyReport:
    """Walk the whole chain; `ok` false names the first problem."""
    return verify_audit(store, caller)


@router.get("/audit/events")
def get_events(
    caller: Caller,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    event: Annotated[EventType | None, Query(description="only events of this type")] = None,
) -> list[AuditEventView]:
    """The newest events first, optionally of one type."""
    return audit_log(store, caller, limit, event.value if event else None)


@router.get("/status", tags=["status"])
def get_status(caller: Caller, store: StoreDep) -> StatusView:
    """Counts of what the store holds. Where it is (a file path, a database host) only to an
    admin: everyone else learns the backend's kind."""
    view = status(store, caller)
    if caller.role is Role.ADMIN:
        return view
    return dataclasses.replace(view, backend=store.dialect)
