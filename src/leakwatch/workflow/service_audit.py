"""The audit operations users call (verify the chain, read the log), behind the role check.

Both are reads: neither writes an event.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from leakwatch.store.db import Store
from leakwatch.store.models import AuditEvent
from leakwatch.workflow.anchor import Anchor, check_anchor
from leakwatch.workflow.audit import EventType, VerifyReport, verify
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation


@dataclass(frozen=True, slots=True)
class AuditEventView:
    seq: int
    at: datetime
    actor: str
    event: EventType
    subject: str
    payload: dict[str, Any]
    hash: str


def verify_audit(store: Store, principal: Principal, anchor: Anchor | None = None) -> VerifyReport:
    """Verify the whole chain (auditor, admin), and that it contains and extends `anchor`."""
    require(principal, Operation.VERIFY_AUDIT)
    with store.session() as s:
        report = verify(s)
        if report.ok and anchor is not None:
            problem = check_anchor(s, anchor)
            if problem:
                return dataclasses.replace(report, ok=False, problem=problem)
        return report


def audit_log(
    store: Store, principal: Principal, limit: int = 50, event: EventType | str | None = None
) -> list[AuditEventView]:
    """The newest events first (auditor, admin), optionally of one type (a type no event has,
    such as a string that names none, finds nothing)."""
    require(principal, Operation.VIEW_AUDIT)
    with store.session() as s:
        q = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        if event:
            q = q.where(AuditEvent.event == event)
        return [
            AuditEventView(
                e.seq, e.at, e.actor, EventType(e.event), e.subject, dict(e.payload), e.hash
            )
            for e in s.scalars(q)
        ]
