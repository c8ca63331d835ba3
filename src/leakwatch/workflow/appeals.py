"""Appeals: a channel owner contests a restricting decision; a different reviewer decides.

Upheld, the decision stands (and an appeal-stage decision with its own statement says so).
Reversed, the action is undone: removed messages are reinstated, a restricted channel is lifted,
and each undo is recorded as an action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from leakwatch.errors import Conflict, PermissionDenied, UsageError
from leakwatch.store.db import Store, fetch
from leakwatch.store.models import Action, Appeal, Channel, Decision, StoredMessage, utcnow
from leakwatch.workflow import outbox
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.cases import facts_of, get_case
from leakwatch.workflow.limits import APPELLANT, checked
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.reasons import (
    RESTRICTING,
    DecisionType,
    ReasonCode,
    parse,
    statement_of_reasons,
)
from leakwatch.workflow.review import DecisionView, view_of
from leakwatch.workflow.roles import Operation
from leakwatch.workflow.states import AppealOutcome, AppealStatus, DecisionStage

OUTCOMES = tuple(o.value for o in AppealOutcome)


@dataclass(frozen=True, slots=True)
class AppealView:
    id: int
    decision_id: int
    case_id: int
    status: AppealStatus
    outcome: AppealOutcome | None
    filed_at: datetime
    decided_at: datetime | None


def file_appeal(
    store: Store, principal: Principal, decision_id: int, appellant: str, grounds: str
) -> AppealView:
    """File a channel owner's appeal against a remove/restrict decision (analyst, admin)."""
    if not appellant.strip() or not grounds.strip():
        raise UsageError("an appeal needs the appellant and their grounds")
    checked("the appellant", appellant.strip(), APPELLANT)
    checked("the grounds", grounds)
    try:
        who = require(principal, Operation.FILE_APPEAL)
        with store.session() as s:
            d = fetch(s, Decision, decision_id, "decision")
            if d.stage != DecisionStage.INITIAL or DecisionType(d.decision) not in RESTRICTING:
                raise UsageError(
                    f"decision {decision_id} restricts nothing ({d.stage} {d.decision}); "
                    "only remove and restrict_channel decisions can be appealed"
                )
            if s.scalars(select(Appeal).where(Appeal.decision_id == d.id)).first():
                raise Conflict(f"decision {decision_id} has already been appealed")
            appeal = Appeal(
                decision_id=d.id,
                appellant=appellant.strip(),
                grounds=grounds.strip(),
                filed_by=who.id,
                status=AppealStatus.OPEN,
            )
            s.add(appeal)
            s.flush()
            record(
                s,
                who.name,
                EventType.APPEAL_FILED,
                f"appeal:{appeal.id}",
                {"decision_id": d.id, "case_id": d.case_id},
            )
            return AppealView(
                appeal.id, d.id, d.case_id, AppealStatus.OPEN, None, appeal.filed_at, None
            )
    except IntegrityError as exc:
        raise Conflict(f"decision {decision_id} has already been appealed") from exc


def decide_appeal(
    store: Store, principal: Principal, appeal_id: int, outcome: str, reason: str
) -> DecisionView:
    """Decide an appeal (reviewer, admin) — never by the reviewer who made the decision."""
    if outcome not in OUTCOMES:
        raise UsageError(f"outcome must be one of {', '.join(OUTCOMES)}")
    verdict = AppealOutcome(outcome)
    try:
        who = require(principal, Operation.DECIDE_APPEAL)
        with store.session() as s:
            appeal = fetch(s, Appeal, appeal_id, "appeal")
            if appeal.status != AppealStatus.OPEN:
                raise Conflict(f"appeal {appeal_id} was already decided ({appeal.outcome})")
            original = s.get(Decision, appeal.decision_id)
            assert original is not None
            if original.decided_by == who.id:
                raise PermissionDenied(
                    "an appeal must be decided by a different reviewer than the one who made "
                    "the decision"
                )
            if verdict is AppealOutcome.UPHELD:
                kind, code = parse(original.decision, reason)
            else:
                kind, code = parse(DecisionType.NO_VIOLATION.value, reason)
            case = get_case(s, original.case_id)
            now = utcnow()
            row = Decision(
                case_id=case.id,
                stage=DecisionStage.APPEAL,
                decision=kind.value,
                reason_code=code.value,
                decided_by=who.id,
                decided_at=now,
                automated_detection=original.automated_detection,
                automated_decision=False,
                statement=statement_of_reasons(
                    kind,
                    ReasonCode(code),
                    facts_of(s, case),
                    automated_detection=original.automated_detection,
                    automated_decision=False,
                    stage=DecisionStage.APPEAL,
                ).to_json(),
            )
            s.add(row)
            appeal.status = AppealStatus.DECIDED
            appeal.outcome = verdict
            appeal.decided_by = who.id
            appeal.decided_at = now
            s.flush()
            actions = _undo(s, who.id, original, row) if verdict is AppealOutcome.REVERSED else []
            s.flush()
            record(
                s,
                who.name,
                EventType.APPEAL_DECIDED,
                f"appeal:{appeal.id}",
                {
                    "decision_id": original.id,
                    "appeal_decision_id": row.id,
                    "outcome": verdict.value,
                    "reason_code": code.value,
                    "actions": len(actions),
                },
            )
            outbox.appeal_decided(s, appeal, row, actions)
            return view_of(row, who.name, actions)
    except IntegrityError as exc:
        raise Conflict(f"appeal {appeal_id} was decided by someone else at the same time") from exc


def _removed_by_another(session: Session, target: str, original: Decision) -> bool:
    """Whether a standing decision other than `original` (a first-instance `remove` whose
    appeal, if any, did not reverse it) removed the message `target` too: a reversal must not put
    back what someone else's decision took down."""
    reversed_ = exists().where(
        Appeal.decision_id == Decision.id, Appeal.outcome == AppealOutcome.REVERSED
    )
    other = session.scalar(
        select(Decision.id)
        .join(Action, Action.decision_id == Decision.id)
        .where(
            Decision.id != original.id,
            Decision.stage == DecisionStage.INITIAL,
            Decision.decision == DecisionType.REMOVE.value,
            Action.action == "remove_message",
            Action.target == target,
            ~reversed_,
        )
        .limit(1)
    )
    return other is not None


def _undo(session: Session, by: int, original: Decision, appeal_decision: Decision) -> list[Action]:
    """Reverse what `original` did, recording each undo as an action of the appeal decision."""
    now = utcnow()
    actions: list[Action] = []
    done = session.scalars(select(Action).where(Action.decision_id == original.id)).all()
    for act in done:
        if act.action == "remove_message":
            key, _, mid = act.target.rpartition("/")
            msg = session.scalars(
                select(StoredMessage)
                .join(Channel, Channel.id == StoredMessage.channel_id)
                .where(Channel.key == key, StoredMessage.message_id == int(mid))
            ).one_or_none()
            if _removed_by_another(session, act.target, original):
                undo = "keep_removed"  # another standing decision removed it too
            else:
                if msg is not None:
                    msg.removed_at = None
                undo = "reinstate_message"
        elif act.action == "restrict_channel":
            ch = session.scalars(select(Channel).where(Channel.key == act.target)).one_or_none()
            if ch is not None:
                ch.restricted = False
            undo = "lift_restriction"
        else:
            continue
        actions.append(
            Action(
                decision_id=appeal_decision.id,
                action=undo,
                target=act.target,
                performed_by=by,
                performed_at=now,
            )
        )
    session.add_all(actions)
    return actions


def list_appeals(store: Store, principal: Principal) -> list[AppealView]:
    require(principal, Operation.VIEW_CASE)
    with store.session() as s:
        out = []
        for a in s.scalars(select(Appeal).order_by(Appeal.id)):
            d = s.get(Decision, a.decision_id)
            assert d is not None
            out.append(
                AppealView(
                    a.id,
                    a.decision_id,
                    d.case_id,
                    AppealStatus(a.status),
                    AppealOutcome(a.outcome) if a.outcome else None,
                    a.filed_at,
                    a.decided_at,
                )
            )
        return out
