"""The auditor's view: the audit chain's verification status and its newest events (ids,
counts and codes only: audit payloads carry no personal data)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from leakwatch.web.deps import ConsoleDep, Viewer
from leakwatch.web.render import page
from leakwatch.workflow.service_audit import audit_log, verify_audit

router = APIRouter()


@router.get("/audit", name="audit")
def audit_page(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    report = verify_audit(console.store, visit.principal)
    events = audit_log(console.store, visit.principal, limit)
    return page(
        console.templates,
        request,
        "audit.html",
        visit,
        report=report,
        events=events,
        payloads={e.seq: json.dumps(e.payload, ensure_ascii=False, sort_keys=True) for e in events},
    )
