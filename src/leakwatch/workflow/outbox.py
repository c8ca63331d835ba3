"""The actions outbox: what a platform's moderation system must carry out, in the order it happened.

Each decision (remove, restrict, no violation; an escalation decides nothing yet), notice event
(submitted, acknowledged, resolved) and appeal decision writes one `ActionEvent` row in the
transaction that records it, so an action exists exactly when its decision does. The rows are the
takedown feed (`feed`, `GET /actions?since=`) and what webhooks deliver (workflow.delivery), both
in `id` order. An action names message and channel links, decision and statement-of-reasons ids,
reason codes and the notice's reference: never a raw value, a preview or a message text.

Writers hold a lock until they commit (`serialize`; SQLite's `BEGIN IMMEDIATE` already does), so
ids become visible in order and a reader's cursor never skips a row committed late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leakwatch.errors import UsageError
from leakwatch.store.db import Store, serialize
from leakwatch.store.models import (
    Action,
    ActionEvent,
    Appeal,
    Case,
    CaseMessage,
    Channel,
    Decision,
    Notice,
    StoredMessage,
)
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.roles import Operation
from leakwatch.workflow.states import DecisionStage, NoticeStatus

MAX_PAGE = 500
#: The actions a message link carries; every other action (restrict, lift) names a channel.
_MESSAGE_ACTIONS = frozenset({"remove_message", "reinstate_message", "keep_removed"})
_TELEGRAM = "telegram:"


class ActionKind(StrEnum):
    """What happened; also the `X-Leakwatch-Event` header of its webhook delivery."""

    DECISION = "decision"
    NOTICE_SUBMITTED = "notice.submitted"
    NOTICE_ACKNOWLEDGED = "notice.acknowledged"
    NOTICE_RESOLVED = "notice.resolved"
    APPEAL_DECIDED = "appeal.decided"


@dataclass(frozen=True, slots=True)
class Step:
    """One thing carried out: `remove_message` a link, `restrict_channel` a channel, and the
    undos of a reversed appeal (`reinstate_message`, `lift_restriction`, `keep_removed`)."""

    action: str
    link: str


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """One action as the feed and webhooks carry it; ids, codes and links only."""

    id: int
    event: ActionKind
    at: datetime
    case_id: int | None
    links: tuple[str, ...]
    steps: tuple[Step, ...] = ()
    decision_id: int | None = None
    decision: str | None = None
    stage: str | None = None
    reason_code: str | None = None
    statement_id: str | None = None
    notice_id: int | None = None
    notice_authority: str | None = None
    notice_reference: str | None = None
    notice_status: str | None = None
    appeal_id: int | None = None
    appeal_outcome: str | None = None
    appealed_decision_id: int | None = None

    def wire(self) -> dict[str, Any]:
        """The JSON object a webhook delivers (its bytes are what the signature covers), field
        for field what `GET /actions` returns (`at` in UTC with a `Z`, as the API writes it)."""
        return {
            "id": self.id,
            "event": self.event.value,
            "at": self.at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "case_id": self.case_id,
            "links": list(self.links),
            "steps": [{"action": s.action, "link": s.link} for s in self.steps],
            "decision_id": self.decision_id,
            "decision": self.decision,
            "stage": self.stage,
            "reason_code": self.reason_code,
            "statement_id": self.statement_id,
            "notice_id": self.notice_id,
            "notice_authority": self.notice_authority,
            "notice_reference": self.notice_reference,
            "notice_status": self.notice_status,
            "appeal_id": self.appeal_id,
            "appeal_outcome": self.appeal_outcome,
            "appealed_decision_id": self.appealed_decision_id,
        }


@dataclass(frozen=True, slots=True)
class FeedPage:
    """Actions after a cursor; `next_since` is the cursor for the next page (the last id here,
    or the given one when nothing is new), `more` whether another page is waiting already."""

    items: tuple[ActionRecord, ...]
    next_since: int
    more: bool


def statement_id(decision_id: int) -> str:
    """A decision's statement-of-reasons id: the `puid` the transparency report gives it."""
    return f"leakwatch:decision:{decision_id}"


def channel_link(key: str) -> str:
    """A channel's link: `https://t.me/c/<id>` for a Telegram channel, its store key otherwise
    (the forms a notice accepts, workflow.notices)."""
    if key.startswith(_TELEGRAM):
        return f"https://t.me/c/{key.removeprefix(_TELEGRAM)}"
    return key


def message_link(key: str, message_id: int) -> str:
    return f"{channel_link(key)}/{message_id}"


def _step(action: Action) -> Step:
    if action.action in _MESSAGE_ACTIONS:
        key, _, mid = action.target.rpartition("/")
        return Step(action.action, message_link(key, int(mid)))
    return Step(action.action, channel_link(action.target))


def _scope_links(session: Session, case_id: int) -> list[str]:
    rows = session.execute(
        select(Channel.key, StoredMessage.message_id)
        .join(StoredMessage, StoredMessage.channel_id == Channel.id)
        .join(CaseMessage, CaseMessage.message_pk == StoredMessage.id)
        .where(CaseMessage.case_id == case_id, CaseMessage.excluded_at.is_(None))
        .order_by(StoredMessage.id)
    )
    return [message_link(key, mid) for key, mid in rows]


def _emit(session: Session, kind: ActionKind, body: dict[str, Any], **refs: int | None) -> None:
    serialize(session, "leakwatch action feed")
    session.add(ActionEvent(event=kind.value, body=body, **refs))
    session.flush()


def _decision_fields(decision: Decision) -> dict[str, Any]:
    return {
        "decision_id": decision.id,
        "decision": decision.decision,
        "stage": decision.stage,
        "reason_code": decision.reason_code,
        "statement_id": statement_id(decision.id),
    }


def _notice_fields(notice: Notice) -> dict[str, Any]:
    return {
        "notice_id": notice.id,
        "notice_authority": notice.authority,
        "notice_reference": notice.reference,
        "notice_status": notice.status,
        "links": [i.link for i in notice.items],
    }


def decided(session: Session, case: Case, decision: Decision, actions: list[Action]) -> None:
    """A case decided (workflow.review): the decision, and for a notice's case its implicit
    acknowledgement (when the decision made it) before and its resolution after. An escalation
    writes nothing: the senior reviewer's decision is the one to carry out."""
    if decision.stage == DecisionStage.ESCALATION:
        return
    steps = [_step(a) for a in actions]
    links = list(dict.fromkeys(s.link for s in steps)) or _scope_links(session, case.id)
    notice = case.notice
    refs: dict[str, int | None] = {"case_id": case.id, "decision_id": decision.id}
    if notice is not None and notice.acknowledged_at == decision.decided_at:
        notice_ack = _notice_fields(notice) | {
            "notice_status": NoticeStatus.ACKNOWLEDGED.value,
            "case_id": case.id,
        }
        _emit(
            session,
            ActionKind.NOTICE_ACKNOWLEDGED,
            notice_ack,
            case_id=case.id,
            notice_id=notice.id,
        )
    body = {
        "case_id": case.id,
        "links": links,
        "steps": [{"action": s.action, "link": s.link} for s in steps],
        **_decision_fields(decision),
    }
    if notice is not None:
        body |= {k: v for k, v in _notice_fields(notice).items() if k != "links"}
    _emit(session, ActionKind.DECISION, body, notice_id=notice.id if notice else None, **refs)
    if notice is not None:
        resolved = _notice_fields(notice) | {"case_id": case.id, **_decision_fields(decision)}
        _emit(session, ActionKind.NOTICE_RESOLVED, resolved, notice_id=notice.id, **refs)


def notice_submitted(session: Session, notice: Notice) -> None:
    """A notice received (workflow.notices): its links as the authority gave them."""
    case_id = session.scalar(select(Case.id).where(Case.notice_id == notice.id))
    body = _notice_fields(notice) | {"case_id": case_id}
    _emit(session, ActionKind.NOTICE_SUBMITTED, body, case_id=case_id, notice_id=notice.id)


def notice_acknowledged(session: Session, notice: Notice) -> None:
    """A notice acknowledged by hand (workflow.notices)."""
    case_id = session.scalar(select(Case.id).where(Case.notice_id == notice.id))
    body = _notice_fields(notice) | {"case_id": case_id}
    _emit(session, ActionKind.NOTICE_ACKNOWLEDGED, body, case_id=case_id, notice_id=notice.id)


def appeal_decided(
    session: Session, appeal: Appeal, decision: Decision, actions: list[Action]
) -> None:
    """An appeal decided (workflow.appeals): the appeal-stage decision, and for a reversal the
    undos a platform must carry out (reinstate, lift)."""
    steps = [_step(a) for a in actions]
    links = list(dict.fromkeys(s.link for s in steps)) or _scope_links(session, decision.case_id)
    body = {
        "case_id": decision.case_id,
        "links": links,
        "steps": [{"action": s.action, "link": s.link} for s in steps],
        "appeal_id": appeal.id,
        "appeal_outcome": appeal.outcome,
        "appealed_decision_id": appeal.decision_id,
        **_decision_fields(decision),
    }
    _emit(
        session,
        ActionKind.APPEAL_DECIDED,
        body,
        case_id=decision.case_id,
        decision_id=decision.id,
        appeal_id=appeal.id,
    )


def record_of(row: ActionEvent) -> ActionRecord:
    b = row.body
    return ActionRecord(
        id=row.id,
        event=ActionKind(row.event),
        at=row.at,
        case_id=b.get("case_id"),
        links=tuple(b.get("links", ())),
        steps=tuple(Step(s["action"], s["link"]) for s in b.get("steps", ())),
        decision_id=b.get("decision_id"),
        decision=b.get("decision"),
        stage=b.get("stage"),
        reason_code=b.get("reason_code"),
        statement_id=b.get("statement_id"),
        notice_id=b.get("notice_id"),
        notice_authority=b.get("notice_authority"),
        notice_reference=b.get("notice_reference"),
        notice_status=b.get("notice_status"),
        appeal_id=b.get("appeal_id"),
        appeal_outcome=b.get("appeal_outcome"),
        appealed_decision_id=b.get("appealed_decision_id"),
    )


def after(session: Session, since: int, limit: int) -> list[ActionRecord]:
    """Up to `limit` actions with an id above `since`, oldest first."""
    rows = session.scalars(
        select(ActionEvent).where(ActionEvent.id > since).order_by(ActionEvent.id).limit(limit)
    )
    return [record_of(r) for r in rows]


def last_id(session: Session) -> int:
    """The newest action's id (0 for an empty feed)."""
    return session.scalar(select(ActionEvent.id).order_by(ActionEvent.id.desc()).limit(1)) or 0


def feed(store: Store, principal: Principal, since: int = 0, limit: int = 100) -> FeedPage:
    """The takedown feed: actions after the cursor `since`, oldest first, `limit` at a time.
    Read with the queue's permission (analyst, reviewer, admin); never open to a liaison."""
    require(principal, Operation.VIEW_QUEUE)
    if since < 0:
        raise UsageError("since must be 0 or a cursor the feed returned")
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit must be between 1 and {MAX_PAGE}")
    with store.session() as s:
        items = after(s, since, limit + 1)
    page = tuple(items[:limit])
    return FeedPage(page, page[-1].id if page else since, len(items) > limit)
