"""Cases: what a reviewer decides on. Opened per channel above a threshold, and per notice.

Priority is severity × reach: the highest severity in scope (rank 1-4) times
(1 + log2(1 + distinct people exposed)) times (1 + log2(1 + leak messages)). People are counted
by distinct PERSON fingerprints, so a name reposted ten times is one person. A message a reviewer
excluded from its case (case exclude) no longer counts. The queue is SLA-first: cases of notices
still on the clock come first, the earliest deadline first (so overdue ones lead), whatever their
severity; then the other cases, highest priority first, the oldest first among equals. A notice
case never has a priority below 1, even over a message the scan found clear: the regulator's
deadline runs regardless.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, selectinload

from leakwatch.entities import EntityType, Severity
from leakwatch.errors import Conflict, UsageError
from leakwatch.store.db import Store, fetch, serialize
from leakwatch.store.models import (
    Case,
    CaseMessage,
    Channel,
    FindingRow,
    StoredMessage,
    utcnow,
)
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.reasons import Facts
from leakwatch.workflow.roles import Operation
from leakwatch.workflow.states import ACTIVE_CASE, CaseKind, CaseStatus

OPEN, ESCALATED, CLOSED = CaseStatus.OPEN, CaseStatus.ESCALATED, CaseStatus.CLOSED
ACTIVE = ACTIVE_CASE
DEFAULT_MIN_LEAKS = 3
#: The lowest priority a notice case has: a regulator's notice is never "nothing to do".
NOTICE_PRIORITY_FLOOR = 1.0


@dataclass(frozen=True, slots=True)
class Scope:
    """A case's messages summarised: counts and codes only."""

    messages: int
    leak_messages: int
    people: int
    severity: str | None
    categories: tuple[str, ...]
    entity_types: tuple[str, ...]

    @property
    def priority(self) -> float:
        rank = Severity(self.severity).rank if self.severity else 0
        return round(
            rank * (1 + math.log2(1 + self.people)) * (1 + math.log2(1 + self.leak_messages)), 3
        )


@dataclass(frozen=True, slots=True)
class FindingView:
    entity_type: str
    start: int
    end: int
    masked: str
    id: int  # for `reveal --finding`


@dataclass(frozen=True, slots=True)
class CaseMessageView:
    message_pk: int
    channel: str
    message_id: int
    posted_at: datetime | None
    verdict: str
    severity: str | None
    removed: bool
    text_purged: bool
    findings: tuple[FindingView, ...]
    excluded: str | None = None  # the no-violation reason code it was excluded with
    reason_code: str | None = None  # the clause this message was decided on


@dataclass(frozen=True, slots=True)
class CaseView:
    id: int
    kind: CaseKind
    channel: str | None
    notice_id: int | None
    status: CaseStatus
    severity: str | None
    priority: float
    version: int
    opened_at: datetime
    closed_at: datetime | None
    scope: Scope
    decisions: tuple[str, ...]
    messages: tuple[CaseMessageView, ...] = ()
    due_at: datetime | None = None  # a notice case: the notice's deadline
    overdue: bool = False  # a notice case past its deadline, not yet finished


def scope_of(session: Session, message_pks: list[int]) -> Scope:
    """Counts, highest severity, categories and entity types over some stored messages."""
    if not message_pks:
        return Scope(0, 0, 0, None, (), ())
    rows = session.execute(
        select(StoredMessage.verdict, StoredMessage.severity, StoredMessage.categories).where(
            StoredMessage.id.in_(message_pks)
        )
    ).all()
    types = set(
        session.scalars(
            select(FindingRow.entity_type).where(FindingRow.message_pk.in_(message_pks)).distinct()
        )
    )
    people = session.scalar(
        select(func.count(func.distinct(FindingRow.fingerprint)))
        .join(StoredMessage, StoredMessage.id == FindingRow.message_pk)
        .where(
            FindingRow.message_pk.in_(message_pks),
            FindingRow.entity_type == EntityType.PERSON.value,
            StoredMessage.verdict == "leak",
        )
    )
    found = [(r.verdict, r.severity, r.categories) for r in rows]
    return _scope(found, types, int(people or 0))


def _scope(rows: list[tuple[str, str | None, str]], types: set[str], people: int) -> Scope:
    """A Scope from its messages' (verdict, severity, categories), their finding types and the
    people counted: one computation for a case (`scope_of`) and for a list (`scopes_of`)."""
    if not rows:
        return Scope(0, 0, 0, None, (), ())
    leaks = [r for r in rows if r[0] == "leak"]
    severities = [Severity(sev) for _, sev, _ in leaks if sev]
    top = max(severities, key=lambda sev: sev.rank).value if severities else None
    cats = sorted({c for _, _, joined in leaks for c in joined.split(",") if c})
    return Scope(len(rows), len(leaks), people, top, tuple(cats), tuple(sorted(types)))


def case_message_pks(session: Session, case_id: int, *, excluded: bool = False) -> list[int]:
    """The messages in a case's scope (with `excluded`, those a reviewer excluded as well)."""
    q = select(CaseMessage.message_pk).where(CaseMessage.case_id == case_id)
    if not excluded:
        q = q.where(CaseMessage.excluded_at.is_(None))
    return list(session.scalars(q.order_by(CaseMessage.message_pk)))


def facts_of(session: Session, case: Case) -> Facts:
    """The statement-of-reasons facts for a case (codes and counts)."""
    scope = scope_of(session, case_message_pks(session, case.id))
    notice = case.notice
    return Facts(
        channel=case.channel.key if case.channel else None,
        messages=scope.messages,
        leak_messages=scope.leak_messages,
        people=scope.people,
        severity=scope.severity,
        categories=scope.categories,
        entity_types=scope.entity_types,
        source="notice" if notice else "own_detection",
        notice_reference=notice.reference if notice else None,
        legal_basis=notice.legal_basis if notice else None,
    )


def refresh(session: Session, case: Case) -> Scope:
    scope = scope_of(session, case_message_pks(session, case.id))
    case.severity = scope.severity
    floor = NOTICE_PRIORITY_FLOOR if case.kind == CaseKind.NOTICE else 0.0
    case.priority = max(scope.priority, floor)
    return scope


def new_case(
    session: Session,
    actor: str,
    kind: CaseKind,
    message_pks: list[int],
    *,
    channel_id: int | None = None,
    notice_id: int | None = None,
) -> Case:
    """Open a case over `message_pks` and write its audit event (in the caller's transaction)."""
    case = Case(kind=kind, channel_id=channel_id, notice_id=notice_id, status=CaseStatus.OPEN)
    session.add(case)
    session.flush()
    session.add_all(CaseMessage(case_id=case.id, message_pk=pk) for pk in message_pks)
    session.flush()
    scope = refresh(session, case)
    session.flush()
    record(
        session,
        actor,
        EventType.CASE_OPENED,
        f"case:{case.id}",
        {"kind": kind, "messages": scope.messages, "severity": scope.severity},
    )
    return case


@dataclass(frozen=True, slots=True)
class AutoOpenResult:
    opened: tuple[int, ...]
    updated: tuple[int, ...]
    messages_added: int


def open_channel_cases(
    store: Store,
    principal: Principal,
    min_leaks: int = DEFAULT_MIN_LEAKS,
    min_severity: str = Severity.MEDIUM.value,
) -> AutoOpenResult:
    """Open a case for every channel whose leaks not yet in any case reach the threshold.

    Counted are leak messages of severity ≥ `min_severity`; a channel reaches the threshold with
    `min_leaks` of them, or with a single critical one. A channel that already has an active case
    gets its new leaks attached to it instead. Running it again, or twice at once, opens nothing
    new.
    """
    try:
        floor = Severity(min_severity).rank
    except ValueError:
        raise UsageError(f"unknown severity {min_severity!r}") from None
    if min_leaks < 1:
        raise UsageError("the leak threshold must be at least 1")
    allowed = [s.value for s in Severity if s.rank >= floor]
    opened: list[int] = []
    updated: list[int] = []
    added = 0
    require(principal, Operation.OPEN_CASE)
    with store.session() as s:
        serialize(s, "open_channel_cases")  # two runs at once must not open two cases per channel
        in_case = exists().where(CaseMessage.message_pk == StoredMessage.id)
        rows = s.execute(
            select(StoredMessage.channel_id, StoredMessage.id, StoredMessage.severity)
            .where(
                StoredMessage.verdict == "leak",
                StoredMessage.severity.in_(allowed),
                StoredMessage.removed_at.is_(None),
                ~in_case,
            )
            .order_by(StoredMessage.channel_id, StoredMessage.id)
        ).all()
        by_channel: dict[int, list[tuple[int, str | None]]] = {}
        for channel_id, pk, severity in rows:
            by_channel.setdefault(channel_id, []).append((pk, severity))
        for channel_id, items in by_channel.items():
            pks = [pk for pk, _ in items]
            active = s.scalars(
                select(Case).where(
                    Case.kind == CaseKind.CHANNEL,
                    Case.channel_id == channel_id,
                    Case.status.in_(ACTIVE_CASE),
                )
            ).first()
            if active is not None:
                s.add_all(CaseMessage(case_id=active.id, message_pk=pk) for pk in pks)
                s.flush()
                refresh(s, active)
                s.flush()
                record(
                    s,
                    principal.name,
                    EventType.CASE_UPDATED,
                    f"case:{active.id}",
                    {"added": len(pks)},
                )
                updated.append(active.id)
                added += len(pks)
                continue
            critical = any(sev == Severity.CRITICAL.value for _, sev in items)
            if len(pks) >= min_leaks or critical:
                case = new_case(s, principal.name, CaseKind.CHANNEL, pks, channel_id=channel_id)
                opened.append(case.id)
                added += len(pks)
    return AutoOpenResult(tuple(opened), tuple(updated), added)


def _deadline(case: Case, now: datetime) -> tuple[datetime | None, bool]:
    """A notice case's deadline and whether it is past it while the case is still active."""
    if case.notice is None:
        return None, False
    due = case.notice.received_at + timedelta(hours=case.notice.sla_hours)
    return due, case.status in ACTIVE_CASE and now > due


def scopes_of(session: Session, case_ids: list[int]) -> dict[int, Scope]:
    """`scope_of` for many cases in three grouped queries (a list page would otherwise cost
    several queries per case); the same figures, message by message."""
    if not case_ids:
        return {}
    live = (CaseMessage.case_id.in_(case_ids), CaseMessage.excluded_at.is_(None))
    rows: dict[int, list[tuple[str, str | None, str]]] = {cid: [] for cid in case_ids}
    for cid, verdict, severity, categories in session.execute(
        select(
            CaseMessage.case_id,
            StoredMessage.verdict,
            StoredMessage.severity,
            StoredMessage.categories,
        )
        .join(StoredMessage, StoredMessage.id == CaseMessage.message_pk)
        .where(*live)
    ):
        rows[cid].append((verdict, severity, categories))
    types: dict[int, set[str]] = {cid: set() for cid in case_ids}
    for cid, entity_type in session.execute(
        select(CaseMessage.case_id, FindingRow.entity_type)
        .join(FindingRow, FindingRow.message_pk == CaseMessage.message_pk)
        .where(*live)
        .distinct()
    ):
        types[cid].add(entity_type)
    people: dict[int, int] = {}
    for cid, count in session.execute(
        select(CaseMessage.case_id, func.count(func.distinct(FindingRow.fingerprint)))
        .join(FindingRow, FindingRow.message_pk == CaseMessage.message_pk)
        .join(StoredMessage, StoredMessage.id == CaseMessage.message_pk)
        .where(
            *live,
            FindingRow.entity_type == EntityType.PERSON.value,
            StoredMessage.verdict == "leak",
        )
        .group_by(CaseMessage.case_id)
    ):
        people[cid] = int(count)
    return {cid: _scope(rows[cid], types[cid], people.get(cid, 0)) for cid in case_ids}


def view_case(
    session: Session, case: Case, with_messages: bool, scope: Scope | None = None
) -> CaseView:
    """A case as interfaces show it; `scope` when the caller computed it for many cases."""
    if scope is None:
        scope = scope_of(session, case_message_pks(session, case.id))
    messages: tuple[CaseMessageView, ...] = ()
    if with_messages:
        links = {
            cm.message_pk: cm
            for cm in session.scalars(select(CaseMessage).where(CaseMessage.case_id == case.id))
        }
        msgs = session.scalars(
            select(StoredMessage).where(StoredMessage.id.in_(links)).order_by(StoredMessage.id)
        ).all()
        messages = tuple(
            CaseMessageView(
                m.id,
                m.channel.key,
                m.message_id,
                m.posted_at,
                m.verdict,
                m.severity,
                m.removed_at is not None,
                m.text_cipher is None,
                tuple(
                    FindingView(f.entity_type, f.start, f.end, f.masked, f.id) for f in m.findings
                ),
                links[m.id].excluded_reason,
                links[m.id].reason_code,
            )
            for m in msgs
        )
    due, overdue = _deadline(case, utcnow())
    return CaseView(
        case.id,
        CaseKind(case.kind),
        case.channel.key if case.channel else None,
        case.notice_id,
        CaseStatus(case.status),
        case.severity,
        case.priority,
        case.version,
        case.opened_at,
        case.closed_at,
        scope,
        tuple(f"{d.stage}:{d.decision}" for d in case.decisions),
        messages,
        due,
        overdue,
    )


def require_current(case: Case, case_id: int, expected_version: int | None, verb: str) -> None:
    """Refuse work on a case someone changed since the caller read it, or one already closed."""
    if expected_version is not None and case.version != expected_version:
        raise Conflict(
            f"case {case_id} changed since you read it (version {case.version}, "
            f"not {expected_version}); reload it"
        )
    if case.status not in ACTIVE_CASE:
        raise Conflict(f"case {case_id} is already {case.status}; nothing to {verb}")


def parse_status(status: str) -> CaseStatus:
    try:
        return CaseStatus(status)
    except ValueError:
        choices = ", ".join(c.value for c in CaseStatus)
        raise UsageError(f"unknown case status {status!r}; choose one of {choices}") from None


def get_case(session: Session, case_id: int) -> Case:
    return fetch(session, Case, case_id, "case")


def show_case(store: Store, principal: Principal, case_id: int) -> CaseView:
    """One case with its messages' masked findings (never raw values or text)."""
    require(principal, Operation.VIEW_CASE)
    with store.session() as s:
        return view_case(s, get_case(s, case_id), with_messages=True)


def list_cases(store: Store, principal: Principal, status: str | None = None) -> list[CaseView]:
    """Every case, or those with `status` (a `CaseStatus` value)."""
    wanted = CaseFilter(status=parse_status(status)) if status else CaseFilter()
    return cases_page(store, principal, wanted).items


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """Which cases a list shows; None is "any". Dates are the day a case was opened (UTC)."""

    severity: str | None = None
    channel: str | None = None
    status: CaseStatus | None = None
    since: date | None = None
    until: date | None = None

    def keeps(self, case: Case) -> bool:
        return (
            (self.severity is None or case.severity == self.severity)
            and (
                self.channel is None
                or (case.channel is not None and case.channel.key == self.channel)
            )
            and (self.status is None or case.status == self.status)
            and (self.since is None or case.opened_at.date() >= self.since)
            and (self.until is None or case.opened_at.date() <= self.until)
        )


@dataclass(frozen=True, slots=True)
class CasePage:
    """One page of views, and how many cases matched in all."""

    items: list[CaseView]
    total: int


def cases_page(
    store: Store,
    principal: Principal,
    wanted: CaseFilter = CaseFilter(),
    limit: int | None = None,
    offset: int = 0,
) -> CasePage:
    """Cases oldest first, filtered on their rows and viewed only for the page asked for: a
    view costs several queries, so a page of 50 out of thousands builds 50."""
    require(principal, Operation.VIEW_CASE)
    with store.session() as s:
        q = select(Case).options(*_LIST_LOADS).order_by(Case.id)
        if wanted.status is not None:
            q = q.where(Case.status == wanted.status)
        rows = [c for c in s.scalars(q) if wanted.keeps(c)]
        return _page(s, rows, limit, offset)


# What a list view reads of each case, loaded for the whole list in one query each.
_LIST_LOADS = (selectinload(Case.channel), selectinload(Case.decisions), selectinload(Case.notice))


def _page(s: Session, rows: list[Case], limit: int | None, offset: int) -> CasePage:
    chosen = rows[offset : offset + limit] if limit is not None else rows[offset:]
    scopes = scopes_of(s, [c.id for c in chosen])
    views = [view_case(s, c, with_messages=False, scope=scopes[c.id]) for c in chosen]
    return CasePage(views, len(rows))


def _by_deadline(case: Case) -> tuple[datetime, float, datetime, int]:
    """A notice case's place in the queue: earliest deadline, then priority, then age."""
    due, _ = _deadline(case, utcnow())
    assert due is not None
    return (due, -case.priority, case.opened_at, case.id)


def queue(store: Store, principal: Principal, limit: int | None = None) -> list[CaseView]:
    """Active cases, SLA first: notice cases by deadline (overdue first), then by priority."""
    return queue_page(store, principal, CaseFilter(), limit or None).items


def queue_page(
    store: Store,
    principal: Principal,
    wanted: CaseFilter = CaseFilter(),
    limit: int | None = None,
    offset: int = 0,
) -> CasePage:
    """`queue`, filtered on the case rows and viewed only for the page asked for."""
    require(principal, Operation.VIEW_QUEUE)
    with store.session() as s:
        active = [
            c
            for c in s.scalars(
                select(Case).options(*_LIST_LOADS).where(Case.status.in_(ACTIVE_CASE))
            )
            if wanted.keeps(c)
        ]
        notices = [c for c in active if c.notice is not None]
        others = sorted(
            (c for c in active if c.notice is None),
            key=lambda c: (-c.priority, c.opened_at, c.id),
        )
        return _page(s, sorted(notices, key=_by_deadline) + others, limit, offset)


def channel_by_key(session: Session, key: str) -> Channel | None:
    return session.scalars(select(Channel).where(Channel.key == key)).one_or_none()
