"""Retention: every stored text is purged after a configurable period.

A message in no case loses its text once it was ingested longer ago than the period; a message in
cases loses it once they all closed longer ago than the period. Only the ciphertext goes;
fingerprints, masked findings, verdicts, decisions, statements and the audit log stay, so counts,
reports, trace and audit verify keep working. A message that is also in an active case keeps its
text until that case closes too, and one whose case has an open appeal keeps it until the appeal
is decided (the appeal's reviewer may need to read it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select, update
from sqlalchemy.orm import aliased

from leakwatch.errors import UsageError
from leakwatch.store.db import Store
from leakwatch.store.models import Appeal, Case, CaseMessage, Decision, StoredMessage, utcnow
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation
from leakwatch.workflow.states import ACTIVE_CASE, AppealStatus, CaseStatus

_PERIOD = re.compile(r"^\s*(\d+)\s*([dhw])\s*$")
_CHUNK = 1000
_UNIT = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_period(text: str) -> timedelta:
    """'90d', '12h', '4w' → a timedelta; anything else is a usage error."""
    m = _PERIOD.match(text)
    if not m:
        raise UsageError(f"not a period: {text!r} (use e.g. 90d, 12h or 4w)")
    return int(m.group(1)) * _UNIT[m.group(2)]


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """Texts purged (`messages`): `in_cases` of them from `cases` closed cases, `uncased` from
    messages never in a case."""

    messages: int
    cases: int
    cutoff: datetime
    dry_run: bool
    in_cases: int = 0
    uncased: int = 0


def purge(
    store: Store,
    principal: Principal,
    older_than: timedelta,
    now: datetime | None = None,
    dry_run: bool = False,
) -> PurgeReport:
    """Delete the text of messages whose cases all closed before `now - older_than`, and of
    messages in no case ingested before it (admin)."""
    cutoff = (now or utcnow()) - older_than
    who = require(principal, Operation.PURGE)
    with store.session() as s:
        old_cases = select(Case.id).where(Case.status == CaseStatus.CLOSED, Case.closed_at < cutoff)
        cm, other = aliased(CaseMessage), aliased(Case)
        still_active = exists().where(
            cm.message_pk == StoredMessage.id,
            cm.case_id == other.id,
            other.status.in_(ACTIVE_CASE),
        )
        cm2, other2 = aliased(CaseMessage), aliased(Case)
        recent = exists().where(
            cm2.message_pk == StoredMessage.id,
            cm2.case_id == other2.id,
            other2.status == CaseStatus.CLOSED,
            other2.closed_at >= cutoff,
        )
        cm3 = aliased(CaseMessage)
        appealed = exists().where(
            cm3.message_pk == StoredMessage.id,
            cm3.case_id == Decision.case_id,
            Decision.id == Appeal.decision_id,
            Appeal.status == AppealStatus.OPEN,
        )
        rows = s.execute(
            select(StoredMessage.id, CaseMessage.case_id)
            .join(CaseMessage, CaseMessage.message_pk == StoredMessage.id)
            .where(
                CaseMessage.case_id.in_(old_cases),
                StoredMessage.text_cipher.is_not(None),
                ~still_active,
                ~recent,
                ~appealed,
            )
        ).all()
        cm4 = aliased(CaseMessage)
        uncased = set(
            s.scalars(
                select(StoredMessage.id).where(
                    StoredMessage.text_cipher.is_not(None),
                    StoredMessage.ingested_at < cutoff,
                    ~exists().where(cm4.message_pk == StoredMessage.id),
                )
            )
        )
        in_cases = {pk for pk, _ in rows}
        targets = sorted(in_cases | uncased)
        cases = len({case_id for _, case_id in rows})
        if not dry_run and targets:
            at = utcnow()
            for i in range(0, len(targets), _CHUNK):  # bound the statement's parameter count
                s.execute(
                    update(StoredMessage)
                    .where(StoredMessage.id.in_(targets[i : i + _CHUNK]))
                    .values(text_cipher=None, text_nonce=None, text_purged_at=at)
                )
            record(
                s,
                who.name,
                EventType.PURGED,
                "retention",
                {
                    "messages": len(targets),
                    "cases": cases,
                    "in_cases": len(in_cases),
                    "uncased": len(uncased),
                    "older_than_hours": older_than.total_seconds() / 3600,
                },
            )
        return PurgeReport(len(targets), cases, cutoff, dry_run, len(in_cases), len(uncased))
