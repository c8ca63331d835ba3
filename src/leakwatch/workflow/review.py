"""Deciding a case: the decision, its statement of reasons, the action, the notice clock.

Two reviewers may open the same case; exactly one decision wins. The case row carries a version
(an optimistic lock): the decision updates it only at the version it read, and a unique
(case, stage) constraint backs that, so the loser gets a `Conflict` instead of a second decision
or a silent overwrite. On SQLite the second writer waits for the first (BEGIN IMMEDIATE) and then
sees the case already decided.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from leakwatch.entities import Category
from leakwatch.errors import Conflict, PermissionDenied, UsageError
from leakwatch.store.db import Store
from leakwatch.store.models import (
    Action,
    Case,
    CaseMessage,
    Channel,
    Decision,
    Notice,
    StoredMessage,
    User,
    utcnow,
)
from leakwatch.workflow import outbox
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.cases import (
    case_message_pks,
    facts_of,
    get_case,
    require_current,
)
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.reasons import (
    RESTRICTING,
    DecisionType,
    ReasonCode,
    Statement,
    parse,
    statement_of_reasons,
)
from leakwatch.workflow.roles import Operation, may
from leakwatch.workflow.states import CaseKind, CaseStatus, DecisionStage, NoticeStatus


@dataclass(frozen=True, slots=True)
class DecisionView:
    id: int
    case_id: int
    stage: DecisionStage
    decision: str
    reason_code: str
    decided_by: str
    decided_at: datetime
    actions: tuple[str, ...]
    statement: Statement


def _channels_in_scope(session: Session, case: Case) -> list[Channel]:
    if case.channel is not None:
        return [case.channel]
    pks = case_message_pks(session, case.id)
    ids = set(session.scalars(select(StoredMessage.channel_id).where(StoredMessage.id.in_(pks))))
    if case.notice is not None:
        ids |= {i.channel_id for i in case.notice.items if i.channel_id is not None}
    return list(session.scalars(select(Channel).where(Channel.id.in_(ids)).order_by(Channel.id)))


def carry_out(
    session: Session, who: Principal, case: Case, decision: Decision, kind: DecisionType
) -> list[Action]:
    """Record what a restricting decision does: messages removed or channels restricted."""
    now = utcnow()
    actions: list[Action] = []
    if kind is DecisionType.REMOVE:
        # every message in scope gets an action, even one another decision removed already: each
        # decision then answers for its own removals, and reversing one on appeal reinstates a
        # message only where no other standing decision removed it too (workflow.appeals)
        pks = case_message_pks(session, case.id)
        for m in session.scalars(select(StoredMessage).where(StoredMessage.id.in_(pks))):
            if m.removed_at is None:
                m.removed_at = now
            actions.append(
                Action(
                    decision_id=decision.id,
                    action="remove_message",
                    target=f"{m.channel.key}/{m.message_id}",
                    performed_by=who.id,
                    performed_at=now,
                )
            )
    elif kind is DecisionType.RESTRICT_CHANNEL:
        for ch in _channels_in_scope(session, case):
            ch.restricted = True
            actions.append(
                Action(
                    decision_id=decision.id,
                    action="restrict_channel",
                    target=ch.key,
                    performed_by=who.id,
                    performed_at=now,
                )
            )
    session.add_all(actions)
    return actions


def _advance_notice(session: Session, actor: str, notice: Notice, now: datetime) -> None:
    """A decision on a notice nobody acknowledged acknowledges it first: the clock's stages
    stay in order (received → acknowledged → decided → actioned), and the audit log says so."""
    if notice.acknowledged_at is not None:
        return
    notice.acknowledged_at = now
    notice.status = NoticeStatus.ACKNOWLEDGED
    record(session, actor, EventType.NOTICE_ACKNOWLEDGED, f"notice:{notice.id}", {"implicit": True})


def _by_category(code: ReasonCode, doc_code: ReasonCode) -> dict[str, str]:
    return {Category.PERSONAL_DATA.value: code.value, Category.STATE_DOCUMENT.value: doc_code.value}


def _per_message_reasons(
    session: Session, case: Case, code: ReasonCode, doc_code: ReasonCode | None
) -> None:
    """Record on each message in scope the reason code it was decided on: `doc_code` for a
    state document when given, else `code`."""
    links = session.scalars(
        select(CaseMessage).where(CaseMessage.case_id == case.id, CaseMessage.excluded_at.is_(None))
    ).all()
    rows = session.execute(
        select(StoredMessage.id, StoredMessage.categories).where(
            StoredMessage.id.in_([cm.message_pk for cm in links])
        )
    )
    cats = {pk: categories for pk, categories in rows}
    for cm in links:
        is_doc = Category.STATE_DOCUMENT.value in (cats.get(cm.message_pk) or "").split(",")
        cm.reason_code = (doc_code if is_doc and doc_code is not None else code).value


def senior_rule(session: Session, case: Case, who: Principal) -> None:
    """An escalated case goes to someone else: the reviewer who escalated it may not decide it
    (a senior reviewer, or an admin other than them, does)."""
    escalated_by = session.scalar(
        select(Decision.decided_by).where(
            Decision.case_id == case.id, Decision.stage == DecisionStage.ESCALATION
        )
    )
    if escalated_by == who.id:
        raise PermissionDenied(
            f"you escalated case {case.id}; another reviewer (a senior one) decides it"
        )


def view_of(decision: Decision, by: str, actions: list[Action]) -> DecisionView:
    return DecisionView(
        decision.id,
        decision.case_id,
        DecisionStage(decision.stage),
        decision.decision,
        decision.reason_code,
        by,
        decision.decided_at,
        tuple(f"{a.action} {a.target}" for a in actions),
        Statement.from_json(decision.statement),
    )


def decide(
    store: Store,
    principal: Principal,
    case_id: int,
    decision: str,
    reason: str,
    expected_version: int | None = None,
    document_reason: str | None = None,
) -> DecisionView:
    """Decide an open (or escalated) case (reviewer, admin).

    `remove` and `restrict_channel` are carried out at once and close the case; `no_violation`
    closes it; `escalate` keeps it in the queue for a senior reviewer's final decision.
    `expected_version` (from `case show`) makes a stale view fail instead of deciding blind.
    `document_reason` is the reason for the messages that are state documents, when it differs
    from `reason` (personal data); each message in scope records the code it was decided on.
    """
    kind, code = parse(decision, reason)
    doc_code = parse(decision, document_reason)[1] if document_reason else None
    if doc_code is not None and kind is DecisionType.ESCALATE:
        raise UsageError("an escalation decides nothing per category: it takes no document reason")
    try:
        who = require(principal, Operation.DECIDE)
        with store.session() as s:
            if kind in RESTRICTING and not may(who.role, Operation.RECORD_ACTION):
                raise PermissionDenied(f"role {who.role.value} may not record action")
            case = get_case(s, case_id)
            require_current(case, case_id, expected_version, "decide")
            if kind is DecisionType.ESCALATE and case.status == CaseStatus.ESCALATED:
                raise Conflict(f"case {case_id} is already escalated")
            if case.status == CaseStatus.ESCALATED:
                senior_rule(s, case, who)
            escalating = kind is DecisionType.ESCALATE
            stage = DecisionStage.ESCALATION if escalating else DecisionStage.INITIAL
            facts = facts_of(s, case)
            statement = statement_of_reasons(
                kind,
                code,
                facts,
                automated_detection=case.kind == CaseKind.CHANNEL,
                automated_decision=False,
            )
            if doc_code is not None:
                statement = replace(statement, reason_codes=_by_category(code, doc_code))
            now = utcnow()
            row = Decision(
                case_id=case.id,
                stage=stage,
                decision=kind.value,
                reason_code=code.value,
                decided_by=who.id,
                decided_at=now,
                automated_detection=case.kind == CaseKind.CHANNEL,
                automated_decision=False,
                statement=statement.to_json(),
            )
            s.add(row)
            if kind is not DecisionType.ESCALATE:
                _per_message_reasons(s, case, code, doc_code)
            if kind is DecisionType.ESCALATE:
                case.status = CaseStatus.ESCALATED
            else:
                case.status = CaseStatus.CLOSED
                case.closed_at = now
            s.flush()  # the version check happens here: the loser of a race fails now
            actions = carry_out(s, who, case, row, kind)
            if case.notice is not None:
                _advance_notice(s, who.name, case.notice, now)
            if case.notice is not None and kind is not DecisionType.ESCALATE:
                case.notice.decided_at = now
                case.notice.status = NoticeStatus.DECIDED
                if actions:
                    case.notice.actioned_at = now
                    case.notice.status = NoticeStatus.ACTIONED
            s.flush()
            record(
                s,
                who.name,
                EventType.DECIDED,
                f"case:{case.id}",
                {
                    "decision_id": row.id,
                    "stage": stage.value,
                    "decision": kind.value,
                    "reason_code": code.value,
                    "actions": len(actions),
                },
            )
            if actions:
                record(
                    s,
                    who.name,
                    EventType.ACTION_RECORDED,
                    f"decision:{row.id}",
                    {"actions": sorted({a.action for a in actions}), "count": len(actions)},
                )
            outbox.decided(s, case, row, actions)
            return view_of(row, who.name, actions)
    except (StaleDataError, IntegrityError) as exc:
        raise Conflict(
            f"case {case_id} was decided by someone else at the same time; reload it"
        ) from exc


def decisions_of(store: Store, principal: Principal, case_id: int) -> list[DecisionView]:
    require(principal, Operation.VIEW_CASE)
    with store.session() as s:
        case = get_case(s, case_id)
        out = []
        for d in case.decisions:
            acts = list(s.scalars(select(Action).where(Action.decision_id == d.id)))
            by = s.scalar(select(User.name).where(User.id == d.decided_by)) or "?"
            out.append(view_of(d, by, acts))
        return out
