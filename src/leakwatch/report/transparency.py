"""The transparency report: what was decided in a period, why, how fast, and by what means.

Aggregates count the initial decisions taken in the period (`decided_at` from the first day
00:00 UTC up to the day after the last), by category, decision, source (a regulator's notice or
leakwatch's own detection) and automation. Each decision that restricts something (`remove`,
`restrict_channel`) is also one statement-of-reasons row in the EU DSA transparency database's
format (report.dsa). Notice-to-action time is measured for the notices actioned in the period:
from `received_at` to `actioned_at` (else to the first action recorded on the notice's case).

Everything here is aggregate or generated from codes: no message text, no finding value or
masked preview, no channel name, no free text a reviewer wrote, so the liaison may read it.
Producing the report writes a REPORT_EXPORTED audit event in the same transaction.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leakwatch.entities import Category
from leakwatch.errors import UsageError
from leakwatch.report import dsa
from leakwatch.store.db import Store
from leakwatch.store.models import (
    Action,
    Appeal,
    Case,
    CaseMessage,
    Decision,
    Notice,
    NoticeItem,
    StoredMessage,
    utcnow,
)
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.reasons import clause
from leakwatch.workflow.roles import Operation
from leakwatch.workflow.states import FIRST_INSTANCE

UNCATEGORISED = "uncategorised"
SOURCES = ("notice", "own_detection")
DECISIONS = ("remove", "restrict_channel", "no_violation", "escalate")
MAX_DAYS = 3660


@dataclass(frozen=True, slots=True)
class StatementOfReasons:
    """One statement of reasons, field for field as the DSA transparency database names them."""

    puid: str
    platform_name: str
    decision_visibility: tuple[str, ...]
    decision_visibility_other: str | None
    end_date_visibility_restriction: str | None
    decision_monetary: str | None
    decision_monetary_other: str | None
    end_date_monetary_restriction: str | None
    decision_provision: str | None
    end_date_service_restriction: str | None
    decision_account: str | None
    end_date_account_restriction: str | None
    account_type: str | None
    decision_ground: str
    decision_ground_reference_url: str | None
    illegal_content_legal_ground: str | None
    illegal_content_explanation: str | None
    incompatible_content_ground: str | None
    incompatible_content_explanation: str | None
    incompatible_content_illegal: str | None
    category: str
    category_addition: tuple[str, ...]
    category_specification: tuple[str, ...]
    content_type: tuple[str, ...]
    content_type_other: str | None
    content_language: str | None
    content_date: str | None
    territorial_scope: tuple[str, ...]
    application_date: str
    decision_facts: str
    source_type: str
    source_identity: str | None
    automated_detection: str
    automated_decision: str

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def as_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class TransparencyReport:
    """Aggregates for a period plus one DSA statement of reasons per restricting decision."""

    start: date
    end: date
    generated_at: datetime
    decisions: int
    by_category: tuple[tuple[str, int], ...]
    by_decision: tuple[tuple[str, int], ...]
    by_source: tuple[tuple[str, int], ...]
    by_automated_detection: tuple[tuple[str, int], ...]
    by_automated_decision: tuple[tuple[str, int], ...]
    notices_received: int
    notices_actioned: int
    notices_within_sla: int
    notice_to_action_hours: tuple[float, ...]  # sorted, one per notice actioned in the period
    median_hours: float | None
    p90_hours: float | None
    appeals_filed: int
    appeals_decided: int
    by_appeal_outcome: tuple[tuple[str, int], ...]
    statements: tuple[StatementOfReasons, ...]

    def aggregates(self) -> dict[str, Any]:
        return {
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "generated_at": self.generated_at.isoformat(),
            "platform_name": dsa.PLATFORM_NAME,
            "decisions": self.decisions,
            "statements_of_reasons": len(self.statements),
            "by_category": dict(self.by_category),
            "by_decision": dict(self.by_decision),
            "by_source": dict(self.by_source),
            "automated_detection": dict(self.by_automated_detection),
            "automated_decision": dict(self.by_automated_decision),
            "notices": {
                "received": self.notices_received,
                "actioned": self.notices_actioned,
                "actioned_within_sla": self.notices_within_sla,
                "notice_to_action_hours": {
                    "median": _round(self.median_hours),
                    "p90": _round(self.p90_hours),
                    "values": [round(h, 2) for h in self.notice_to_action_hours],
                },
            },
            "appeals": {
                "filed": self.appeals_filed,
                "decided": self.appeals_decided,
                "by_outcome": dict(self.by_appeal_outcome),
            },
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "aggregates": self.aggregates(),
            "statements_of_reasons": [s.as_dict() for s in self.statements],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-quantile (0 ≤ q ≤ 1) by linear interpolation between closest ranks; None if empty.

    The same definition as numpy's default and a spreadsheet's PERCENTILE.INC, so a regulator
    can recompute it from the exported values.
    """
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _counts(values: Iterable[str], known: Sequence[str] = ()) -> tuple[tuple[str, int], ...]:
    """Counts with every `known` key present (zero if unseen), then the rest by count."""
    c = Counter(values)
    rest = sorted((k for k in c if k not in known), key=lambda k: (-c[k], k))
    return tuple((k, c[k]) for k in (*known, *rest))


@dataclass
class _CaseFacts:
    """What one case contributes to its decision's row: messages, dates, categories."""

    message_pks: set[int] = field(default_factory=set)
    first_posted: datetime | None = None
    categories: Counter[str] = field(default_factory=Counter)


def _case_facts(session: Session, cases: dict[int, Case]) -> dict[int, _CaseFacts]:
    facts = {cid: _CaseFacts() for cid in cases}
    if not cases:
        return facts
    notice_case = {c.notice_id: cid for cid, c in cases.items() if c.notice_id is not None}
    msg = (StoredMessage.id, StoredMessage.posted_at, StoredMessage.categories)
    q_case = (
        select(CaseMessage.case_id, *msg)
        .join(StoredMessage, StoredMessage.id == CaseMessage.message_pk)
        .where(CaseMessage.case_id.in_(list(cases)), CaseMessage.excluded_at.is_(None))
    )  # a message a reviewer excluded from its case is not what the decision was about
    rows: list[tuple[int, int, datetime | None, str]] = list(session.execute(q_case))
    if notice_case:
        q_notice = (
            select(NoticeItem.notice_id, *msg)
            .join(StoredMessage, StoredMessage.id == NoticeItem.message_pk)
            .where(NoticeItem.notice_id.in_(list(notice_case)))
        )
        rows += [(notice_case[n], pk, p, c) for n, pk, p, c in session.execute(q_notice)]
    for cid, pk, posted, categories in rows:
        f = facts[cid]
        if pk in f.message_pks:
            continue
        f.message_pks.add(pk)
        if posted is not None and (f.first_posted is None or posted < f.first_posted):
            f.first_posted = posted
        f.categories.update(c for c in (categories or "").split(",") if c)
    return facts


def _category(decision: Decision, notice: Notice | None, facts: _CaseFacts) -> str:
    """The leakwatch category a decision is about: its clause's, else the notice's, else the
    commonest among the case's messages."""
    by_clause = clause(decision.reason_code).category
    if by_clause:
        return by_clause
    known = {c.value for c in Category}
    if notice is not None and notice.category in known:
        return notice.category
    if facts.categories:
        return facts.categories.most_common(1)[0][0]
    return UNCATEGORISED


def _facts_text(decision: Decision, notice: Notice | None, messages: int, auto: bool) -> str:
    """decision_facts, generated from codes and counts only (never a reviewer's free text)."""
    c = clause(decision.reason_code)
    if notice is not None:
        how = "a regulator's notice"
    else:
        how = "automated detection" if auto else "a reviewer's own initiative"
    ground = f"leak policy clause {c.number}" if c.number else "leak policy"
    phrase = dsa.DECISION_PHRASE.get(decision.decision, decision.decision.replace("_", " "))
    return (
        f"{phrase}. {messages} message(s) of one public channel, reviewed after {how}, were "
        f"found to contain {c.explanation} ({ground}, reason code {decision.reason_code})."
    )


def _statement(
    decision: Decision,
    notice: Notice | None,
    facts: _CaseFacts,
    category: str,
    applied: datetime,
) -> StatementOfReasons:
    visibility, provision = dsa.RESTRICTIONS[decision.decision]
    c = clause(decision.reason_code)
    illegal = notice is not None and bool(notice.legal_basis.strip())
    contractual = (
        f"leakwatch leak policy, clause {c.number}" if c.number else "leakwatch leak policy"
    )
    others = sorted(facts.categories.keys() - {category})
    return StatementOfReasons(
        puid=f"leakwatch:decision:{decision.id}",
        platform_name=dsa.PLATFORM_NAME,
        decision_visibility=visibility,
        decision_visibility_other=None,
        end_date_visibility_restriction=None,
        decision_monetary=None,
        decision_monetary_other=None,
        end_date_monetary_restriction=None,
        decision_provision=provision,
        end_date_service_restriction=None,
        decision_account=None,
        end_date_account_restriction=None,
        account_type=None,
        decision_ground=(
            "DECISION_GROUND_ILLEGAL_CONTENT" if illegal else "DECISION_GROUND_INCOMPATIBLE_CONTENT"
        ),
        decision_ground_reference_url=None,
        illegal_content_legal_ground=notice.legal_basis.strip() if illegal and notice else None,
        illegal_content_explanation=f"The content is {c.explanation}." if illegal else None,
        incompatible_content_ground=None if illegal else contractual,
        incompatible_content_explanation=None if illegal else f"The content is {c.explanation}.",
        incompatible_content_illegal=None if illegal else "No",
        category=dsa.dsa_category(category),
        category_addition=tuple(
            sorted({dsa.dsa_category(o) for o in others} - {dsa.dsa_category(category)})
        ),
        category_specification=(),
        content_type=dsa.CONTENT_TYPE,
        content_type_other=None,
        content_language=None,
        content_date=facts.first_posted.date().isoformat() if facts.first_posted else None,
        territorial_scope=dsa.TERRITORIAL_SCOPE,
        application_date=applied.date().isoformat(),
        decision_facts=_facts_text(
            decision, notice, len(facts.message_pks), decision.automated_detection
        ),
        source_type="SOURCE_TRUSTED_FLAGGER" if notice is not None else "SOURCE_VOLUNTARY",
        source_identity=notice.authority if notice is not None else None,
        automated_detection=dsa.yes_no(decision.automated_detection),
        automated_decision=dsa.automated_decision(decision.automated_decision),
    )


def _first_actions(session: Session, decision_ids: Iterable[int]) -> dict[int, datetime]:
    ids = list(decision_ids)
    first: dict[int, datetime] = {}
    if not ids:
        return first
    for did, at in session.execute(
        select(Action.decision_id, Action.performed_at).where(Action.decision_id.in_(ids))
    ):
        if did not in first or at < first[did]:
            first[did] = at
    return first


def _notice_hours(session: Session, lo: datetime, hi: datetime) -> tuple[int, list[float], int]:
    """(notices received in the window, hours to action of those actioned in it, within SLA)."""
    notices = {n.id: n for n in session.scalars(select(Notice))}
    received = sum(1 for n in notices.values() if lo <= n.received_at < hi)
    cases = {
        c.id: c.notice_id for c in session.scalars(select(Case).where(Case.notice_id.is_not(None)))
    }
    actions: dict[int, datetime] = {}
    q = (
        select(Decision.case_id, Action.performed_at)
        .join(Action, Action.decision_id == Decision.id)
        .where(Decision.case_id.in_(list(cases)))
    )
    for case_id, at in session.execute(q):
        nid = cases[case_id]
        if nid is not None and (nid not in actions or at < actions[nid]):
            actions[nid] = at
    hours: list[float] = []
    within = 0
    for n in notices.values():
        done = n.actioned_at or actions.get(n.id)
        if done is None or not lo <= done < hi:
            continue
        h = max((done - n.received_at).total_seconds() / 3600, 0.0)
        hours.append(h)
        within += h <= n.sla_hours
    return received, sorted(hours), within


def _window(start: date, end: date) -> tuple[datetime, datetime]:
    if end < start:
        raise UsageError(f"the last day {end} is before the first day {start}")
    if (end - start).days > MAX_DAYS:
        raise UsageError(f"a report covers at most {MAX_DAYS} days")
    lo = datetime.combine(start, time(0), tzinfo=UTC)
    return lo, datetime.combine(end + timedelta(days=1), time(0), tzinfo=UTC)


def transparency_report(
    store: Store, principal: Principal, start: date, end: date, *, export_format: str = "data"
) -> TransparencyReport:
    """The report for the days `start`..`end` (inclusive, UTC); see the module docstring.

    `export_format` only labels the audit event (html, csv, json).
    """
    lo, hi = _window(start, end)
    who = require(principal, Operation.REPORT)
    with store.session() as s:
        in_window = (Decision.decided_at >= lo, Decision.decided_at < hi)
        decisions = list(
            s.scalars(
                select(Decision)
                # an escalation is a decision of its own (the "Escalate" bar); the senior
                # reviewer's final decision on the same case is another, stage "initial"
                .where(Decision.stage.in_(FIRST_INSTANCE), *in_window)
                .order_by(Decision.decided_at, Decision.id)
            )
        )
        cases = {
            c.id: c
            for c in s.scalars(select(Case).where(Case.id.in_({d.case_id for d in decisions})))
        }
        notices = {
            n.id: n
            for n in s.scalars(
                select(Notice).where(Notice.id.in_({c.notice_id for c in cases.values()}))
            )
        }
        facts = _case_facts(s, cases)
        first_action = _first_actions(s, (d.id for d in decisions))
        categories: list[str] = []
        sources: list[str] = []
        statements: list[StatementOfReasons] = []
        for d in decisions:
            case = cases[d.case_id]
            notice = notices.get(case.notice_id) if case.notice_id is not None else None
            cat = _category(d, notice, facts[d.case_id])
            categories.append(cat)
            sources.append("notice" if notice is not None else "own_detection")
            if d.decision in dsa.RESTRICTIONS:
                applied = first_action.get(d.id, d.decided_at)
                statements.append(_statement(d, notice, facts[d.case_id], cat, applied))
        received, hours, within = _notice_hours(s, lo, hi)
        appeals = list(s.scalars(select(Appeal)))
        filed = [a for a in appeals if lo <= a.filed_at < hi]
        decided = [a for a in appeals if a.decided_at is not None and lo <= a.decided_at < hi]
        report = TransparencyReport(
            start=start,
            end=end,
            generated_at=utcnow(),
            decisions=len(decisions),
            by_category=_counts(categories, [c.value for c in Category]),
            by_decision=_counts((d.decision for d in decisions), DECISIONS),
            by_source=_counts(sources, SOURCES),
            by_automated_detection=_counts(
                (dsa.yes_no(d.automated_detection) for d in decisions), ("Yes", "No")
            ),
            by_automated_decision=_counts(
                (dsa.automated_decision(d.automated_decision) for d in decisions),
                ("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_NOT_AUTOMATED"),
            ),
            notices_received=received,
            notices_actioned=len(hours),
            notices_within_sla=within,
            notice_to_action_hours=tuple(hours),
            median_hours=percentile(hours, 0.5),
            p90_hours=percentile(hours, 0.9),
            appeals_filed=len(filed),
            appeals_decided=len(decided),
            by_appeal_outcome=_counts(a.outcome or "pending" for a in decided),
            statements=tuple(statements),
        )
        record(
            s,
            who.name,
            EventType.REPORT_EXPORTED,
            f"report:transparency:{start.isoformat()}..{end.isoformat()}",
            {
                "report": "transparency",
                "from": start.isoformat(),
                "to": end.isoformat(),
                "format": export_format,
                "decisions": report.decisions,
                "statements": len(report.statements),
            },
        )
        return report
