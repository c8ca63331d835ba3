"""`status`: what the store holds, as counts only (every role may look; nothing personal shows)."""

from __future__ import annotations

from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from leakwatch.store.db import Store
from leakwatch.store.models import (
    AuditEvent,
    Case,
    Channel,
    FindingRow,
    Notice,
    StoredMessage,
    User,
)
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation
from leakwatch.workflow.states import CaseStatus, NoticeStatus


@dataclass(frozen=True, slots=True)
class StatusView:
    """Counts of what the store holds, where it is (password hidden) and its schema revision.

    A case is open until it is closed (an escalated case is still open); a notice until it is
    actioned or its case is closed (a decision of no violation ends it without an action).
    """

    backend: str
    schema_revision: str | None
    channels: int
    messages: int
    leak_messages: int
    findings: int
    cases_open: int
    cases_total: int
    notices_open: int
    notices_total: int
    audit_events: int
    users: int


def _count(s: Session, entity: type[object], *where: ColumnElement[bool]) -> int:
    return s.scalar(select(func.count()).select_from(entity).where(*where)) or 0


def status(store: Store, principal: Principal) -> StatusView:
    """Counts of channels, messages, findings, cases, notices, audit events and users."""
    require(principal, Operation.VIEW_STATUS)
    with store.session() as s:
        closed_case = exists().where(Case.notice_id == Notice.id, Case.status == CaseStatus.CLOSED)
        revision = MigrationContext.configure(s.connection()).get_current_revision()
        return StatusView(
            backend=store.engine.url.render_as_string(hide_password=True),
            schema_revision=revision,
            channels=_count(s, Channel),
            messages=_count(s, StoredMessage),
            leak_messages=_count(s, StoredMessage, StoredMessage.verdict == "leak"),
            findings=_count(s, FindingRow),
            cases_open=_count(s, Case, Case.status != CaseStatus.CLOSED),
            cases_total=_count(s, Case),
            notices_open=_count(s, Notice, Notice.status != NoticeStatus.ACTIONED, ~closed_case),
            notices_total=_count(s, Notice),
            audit_events=_count(s, AuditEvent),
            users=_count(s, User),
        )
