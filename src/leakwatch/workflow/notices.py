"""Regulator notices: intake, acknowledgement, SLA clock, and a response with no personal data.

A notice moves received → acknowledged → decided → actioned; each step has a timestamp and the
clock runs against `sla_hours` from receipt until the notice is actioned, or decided with nothing
to do (`no_violation`), with each stage's hours shown (workflow.sla). Links are resolved to
stored channels and messages where the store has them (`https://t.me/c/<id>/<msg>`,
`https://t.me/<name>/<msg>` by channel title, or a channel key such as `telegram:123/45`); a case
opens with the notice and holds only what the links resolve to: a message link its one message, a
channel link the channel's leak messages. A message link the store does not have stays
unresolved and adds nothing (it never widens to its channel); the liaison sees each link's
resolution.
What the regulator reads (`notice_status`, `notice_response`) holds the notice's own fields,
timestamps and statements of reasons only: no message text, no values, no previews.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from leakwatch.entities import Category
from leakwatch.errors import Conflict, NotFound, PermissionDenied, UsageError
from leakwatch.store.db import Store, fetch
from leakwatch.store.models import (
    Appeal,
    Case,
    Channel,
    Decision,
    Notice,
    NoticeItem,
    StoredMessage,
    User,
    utcnow,
)
from leakwatch.workflow import limits, outbox
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.cases import new_case
from leakwatch.workflow.limits import checked
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.reasons import Statement
from leakwatch.workflow.roles import Operation, Role
from leakwatch.workflow.sla import clock
from leakwatch.workflow.states import (
    AppealOutcome,
    AppealStatus,
    CaseKind,
    CaseStatus,
    NoticeStatus,
)

_TME_PRIVATE = re.compile(r"^(?:https?://)?t\.me/c/(\d+)(?:/(\d+))?/?$")
_TME_PUBLIC = re.compile(r"^(?:https?://)?t\.me/([A-Za-z0-9_]{3,})(?:/(\d+))?/?$")
_KEY = re.compile(r"^((?:telegram|name|source):[^/]+)(?:/(\d+))?$")
STAGES = tuple(NoticeStatus)


class LinkState(StrEnum):
    """What one link of a notice resolved to."""

    MESSAGE = "message"  # a stored message
    CHANNEL = "channel"  # a stored channel (a channel link: its leak messages)
    NO_SUCH_MESSAGE = "unresolved: the channel is stored, this message is not"
    NO_SUCH_CHANNEL = "unresolved: no stored channel"


@dataclass(frozen=True, slots=True)
class LinkView:
    link: str
    state: LinkState

    @property
    def resolved(self) -> bool:
        return self.state in (LinkState.MESSAGE, LinkState.CHANNEL)


@dataclass(frozen=True, slots=True)
class NoticeView:
    """A notice as its authority may see it: its own fields, the clock, counts."""

    id: int
    authority: str
    reference: str
    legal_basis: str
    category: str
    status: NoticeStatus
    received_at: datetime
    acknowledged_at: datetime | None
    decided_at: datetime | None
    actioned_at: datetime | None
    sla_hours: int
    hours_open: float
    overdue: bool
    links: int
    links_resolved: int
    case_id: int | None
    due_at: datetime
    finished: bool
    hours_to_acknowledge: float | None
    hours_to_decide: float | None
    hours_to_action: float | None
    link_states: tuple[LinkView, ...] = ()

    @property
    def unresolved(self) -> tuple[str, ...]:
        return tuple(v.link for v in self.link_states if not v.resolved)


@dataclass(frozen=True, slots=True)
class AppealState:
    """Where an appeal against one of the notice's decisions stands (no appellant, no grounds)."""

    decision_id: int
    status: AppealStatus
    outcome: AppealOutcome | None
    filed_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedStatement(Statement):
    """A statement of reasons with the decision it was issued for."""

    decision_id: int
    decided_at: datetime

    @classmethod
    def of(cls, decision: Decision) -> IssuedStatement:
        st = Statement.from_json(decision.statement)
        own = {f.name: getattr(st, f.name) for f in fields(Statement)}
        return cls(**own, decision_id=decision.id, decided_at=decision.decided_at)


@dataclass(frozen=True, slots=True)
class NoticeResponse:
    """The answer to the authority: the notice's state and the statements of reasons."""

    notice: NoticeView
    statements: tuple[IssuedStatement, ...]
    appeals: tuple[AppealState, ...]


def _squash(name: str) -> str:
    return re.sub(r"[\s_]+", "", name).casefold()


def is_message_link(link: str) -> bool:
    """Whether `link` names one message (else a whole channel)."""
    link = link.strip()
    m = _TME_PRIVATE.match(link) or _KEY.match(link) or _TME_PUBLIC.match(link)
    return m is not None and m.group(2) is not None


def link_state(item: NoticeItem) -> LinkState:
    if item.message_pk is not None:
        return LinkState.MESSAGE
    if item.channel_id is None:
        return LinkState.NO_SUCH_CHANNEL
    return LinkState.NO_SUCH_MESSAGE if is_message_link(item.link) else LinkState.CHANNEL


def resolve_link(session: Session, link: str) -> tuple[int | None, int | None]:
    """(channel id, message pk) a link points at, as far as the store knows them."""
    link = link.strip()
    key: str | None = None
    msg_id: str | None = None
    if m := _TME_PRIVATE.match(link):
        key, msg_id = f"telegram:{m.group(1)}", m.group(2)
        channel = session.scalars(select(Channel).where(Channel.key == key)).one_or_none()
    elif m := _KEY.match(link):
        key, msg_id = m.group(1), m.group(2)
        channel = session.scalars(select(Channel).where(Channel.key == key)).one_or_none()
    elif m := _TME_PUBLIC.match(link):
        name, msg_id = m.group(1), m.group(2)
        channel = next(
            (
                c
                for c in session.scalars(select(Channel).order_by(Channel.id))
                if c.title and _squash(c.title) == _squash(name)
            ),
            None,
        )
    else:
        raise UsageError(f"not a channel or message link: {link[:80]}")
    if channel is None:
        return None, None
    if msg_id is None:
        return channel.id, None
    pk = session.scalar(
        select(StoredMessage.id).where(
            StoredMessage.channel_id == channel.id, StoredMessage.message_id == int(msg_id)
        )
    )
    return channel.id, pk


def _view(session: Session, n: Notice, now: datetime | None = None) -> NoticeView:
    case = session.execute(select(Case.id, Case.status).where(Case.notice_id == n.id)).first()
    case_id = case.id if case else None
    finished = n.status == NoticeStatus.ACTIONED or (
        case is not None and case.status == CaseStatus.CLOSED
    )
    c = clock(
        n.received_at,
        n.acknowledged_at,
        n.decided_at,
        n.actioned_at,
        n.sla_hours,
        finished=finished,
        now=now or utcnow(),
    )
    return NoticeView(
        n.id,
        n.authority,
        n.reference,
        n.legal_basis,
        n.category,
        NoticeStatus(n.status),
        n.received_at,
        n.acknowledged_at,
        n.decided_at,
        n.actioned_at,
        n.sla_hours,
        c.total,
        c.overdue,
        len(n.items),
        sum(1 for i in n.items if link_state(i) in (LinkState.MESSAGE, LinkState.CHANNEL)),
        case_id,
        c.due_at,
        c.finished,
        c.to_acknowledge,
        c.to_decide,
        c.to_action,
        tuple(LinkView(i.link, link_state(i)) for i in n.items),
    )


def submit_notice(
    store: Store,
    principal: Principal,
    authority: str,
    reference: str,
    legal_basis: str,
    category: str,
    links: list[str],
    sla_hours: int = 24,
) -> NoticeView:
    """Take in a notice (liaison, admin) and open its case."""
    if category not in {c.value for c in Category}:
        raise UsageError(f"category must be one of {', '.join(c.value for c in Category)}")
    if not links:
        raise UsageError("a notice needs at least one channel or message link")
    if not authority.strip() or not reference.strip() or not legal_basis.strip():
        raise UsageError("a notice needs an authority, its reference and a legal basis")
    if sla_hours < 1:
        raise UsageError("a notice's SLA must be at least 1 hour")
    checked("the authority", authority, limits.AUTHORITY)
    checked("the reference", reference, limits.REFERENCE)
    checked("the legal basis", legal_basis, limits.LEGAL_BASIS)
    for i, link in enumerate(links, start=1):
        checked(f"link {i}", link, limits.LINK)
    try:
        return _submit(
            store, principal, authority, reference, legal_basis, category, links, sla_hours
        )
    except IntegrityError as exc:  # the same reference submitted twice at the same moment
        raise Conflict(f"notice {reference!r} from {authority!r} was already received") from exc


def _submit(
    store: Store,
    principal: Principal,
    authority: str,
    reference: str,
    legal_basis: str,
    category: str,
    links: list[str],
    sla_hours: int,
) -> NoticeView:
    who = require(principal, Operation.SUBMIT_NOTICE)
    with store.session() as s:
        own = s.scalar(select(User.authority).where(User.id == who.id))
        if who.role is Role.LIAISON and own is not None and own != authority:
            raise PermissionDenied(f"a liaison for {own} may not submit notices for {authority}")
        dup = s.scalar(
            select(func.count())
            .select_from(Notice)
            .where(Notice.authority == authority, Notice.reference == reference)
        )
        if dup:
            raise Conflict(f"notice {reference!r} from {authority!r} was already received")
        notice = Notice(
            authority=authority,
            reference=reference,
            legal_basis=legal_basis,
            category=category,
            status=NoticeStatus.RECEIVED,
            submitted_by=who.id,
            sla_hours=sla_hours,
        )
        s.add(notice)
        s.flush()
        message_pks: list[int] = []
        for link in links:
            channel_id, pk = resolve_link(s, link)
            s.add(NoticeItem(notice_id=notice.id, link=link, channel_id=channel_id, message_pk=pk))
            if pk is not None:
                message_pks.append(pk)
            elif channel_id is not None and not is_message_link(link):
                message_pks.extend(
                    s.scalars(
                        select(StoredMessage.id).where(
                            StoredMessage.channel_id == channel_id,
                            StoredMessage.verdict == "leak",
                        )
                    )
                )
        s.flush()
        record(
            s,
            who.name,
            EventType.NOTICE_RECEIVED,
            f"notice:{notice.id}",
            {
                "authority": authority,
                "reference": reference,
                "links": len(links),
                "messages": len(set(message_pks)),
            },
        )
        channels = {i.channel_id for i in notice.items if i.channel_id is not None}
        new_case(
            s,
            who.name,
            CaseKind.NOTICE,
            sorted(set(message_pks)),
            channel_id=next(iter(channels)) if len(channels) == 1 else None,
            notice_id=notice.id,
        )
        s.refresh(notice)
        outbox.notice_submitted(s, notice)
        return _view(s, notice)


def _notice(session: Session, notice_id: int) -> Notice:
    return fetch(session, Notice, notice_id, "notice")


def visible(session: Session, who: Principal) -> ColumnElement[bool]:
    """Which notices `who` may see: a liaison only their authority's (or, with no authority on
    record, the ones they submitted); every other role all of them."""
    if who.role is not Role.LIAISON:
        return true()
    authority = session.scalar(select(User.authority).where(User.id == who.id))
    if authority is None:
        return Notice.submitted_by == who.id
    return Notice.authority == authority


def _visible_notice(session: Session, who: Principal, notice_id: int) -> Notice:
    """The notice, if `who` may see it; otherwise "no notice N", as if it did not exist."""
    n = session.scalar(select(Notice).where(Notice.id == notice_id, visible(session, who)))
    if n is None:
        raise NotFound(f"no notice {notice_id}")
    return n


def acknowledge_notice(store: Store, principal: Principal, notice_id: int) -> NoticeView:
    """Acknowledge receipt (analyst, reviewer, admin): starts the clock's second stage."""
    who = require(principal, Operation.ACKNOWLEDGE_NOTICE)
    with store.session() as s:
        n = _notice(s, notice_id)
        if n.status != NoticeStatus.RECEIVED:
            raise Conflict(f"notice {notice_id} is already {n.status}")
        n.status = NoticeStatus.ACKNOWLEDGED
        n.acknowledged_at = utcnow()
        s.flush()
        record(s, who.name, EventType.NOTICE_ACKNOWLEDGED, f"notice:{n.id}", {})
        outbox.notice_acknowledged(s, n)
        return _view(s, n)


def notice_status(store: Store, principal: Principal, notice_id: int) -> NoticeView:
    who = require(principal, Operation.VIEW_NOTICE)
    with store.session() as s:
        return _view(s, _visible_notice(s, who, notice_id))


def list_notices(store: Store, principal: Principal) -> list[NoticeView]:
    """Every notice `principal` may see (a liaison: their authority's), oldest first."""
    who = require(principal, Operation.VIEW_NOTICE)
    with store.session() as s:
        q = select(Notice).where(visible(s, who)).order_by(Notice.id)
        return [_view(s, n) for n in s.scalars(q)]


def notice_response(store: Store, principal: Principal, notice_id: int) -> NoticeResponse:
    """What the authority reads back: status, clock, statements of reasons, appeal outcomes."""
    who = require(principal, Operation.VIEW_NOTICE)
    with store.session() as s:
        n = _visible_notice(s, who, notice_id)
        case = s.scalars(select(Case).where(Case.notice_id == n.id)).one_or_none()
        statements: list[IssuedStatement] = []
        appeals: list[AppealState] = []
        if case is not None:
            for d in case.decisions:
                statements.append(IssuedStatement.of(d))
                appeal = s.scalars(select(Appeal).where(Appeal.decision_id == d.id)).one_or_none()
                if appeal is not None:
                    appeals.append(
                        AppealState(
                            d.id,
                            AppealStatus(appeal.status),
                            AppealOutcome(appeal.outcome) if appeal.outcome else None,
                            appeal.filed_at,
                            appeal.decided_at,
                        )
                    )
        return NoticeResponse(_view(s, n), tuple(statements), tuple(appeals))
