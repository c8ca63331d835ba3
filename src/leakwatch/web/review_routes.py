"""The reviewer's desk: the live queue, a case with its findings masked, reveal with a reason
(audited by the reveal service), and the decision form."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from leakwatch.api.deps import Id
from leakwatch.entities import Severity
from leakwatch.errors import LeakwatchError, NotFound, UsageError
from leakwatch.web.deps import ConsoleDep, Csrf, Viewer
from leakwatch.web.render import Segment, is_htmx, page, segments
from leakwatch.workflow.cases import CaseView, queue, show_case
from leakwatch.workflow.exclusions import exclude_messages
from leakwatch.workflow.reasons import NO_VIOLATION_CODES, RESTRICTING, DecisionType, ReasonCode
from leakwatch.workflow.reveal import MIN_REASON, reveal
from leakwatch.workflow.review import decide, decisions_of

router = APIRouter()

QUEUE_LIMIT = 200
#: The decision form's choices: value, label (labels.toml), keyboard shortcut.
DECISIONS = (
    (DecisionType.REMOVE, "remove", "r"),
    (DecisionType.RESTRICT_CHANNEL, "restrict_channel", "c"),
    (DecisionType.NO_VIOLATION, "no_violation", "k"),
    (DecisionType.ESCALATE, "escalate", "e"),
)


def _reason_fits(reason: ReasonCode) -> str:
    """The decisions a reason code may go with (workflow.reasons.parse), space-separated: the
    form offers only those once a decision is chosen."""
    if reason in NO_VIOLATION_CODES:
        kinds = [DecisionType.NO_VIOLATION, DecisionType.ESCALATE]
    else:
        kinds = [*sorted(RESTRICTING), DecisionType.ESCALATE]
    return " ".join(k.value for k in kinds)


#: The reason codes a message may be excluded on (a no-violation clause).
EXCLUDE_REASONS = tuple(sorted(str(r) for r in NO_VIOLATION_CODES))
REASONS = tuple((r.value, r.value.replace("_", " "), _reason_fits(r)) for r in ReasonCode)


class CaseKind(StrEnum):
    CHANNEL = "channel"
    NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the queue page shows: at least this severity, and one kind of case (None: all)."""

    severity: Severity | None = None
    kind: CaseKind | None = None

    def keep(self, case: CaseView) -> bool:
        if self.kind is not None and case.kind != self.kind.value:
            return False
        if self.severity is None:
            return True
        return case.severity is not None and Severity(case.severity).rank >= self.severity.rank

    def query(self) -> dict[str, str]:
        """The filter as query parameters, for the rows the page polls for."""
        out = {"severity": self.severity.value} if self.severity else {}
        return out | ({"kind": self.kind.value} if self.kind else {})


def queue_filter(
    severity: Annotated[str, Query(max_length=20)] = "",
    kind: Annotated[str, Query(max_length=20)] = "",
) -> QueueFilter:
    """The filter from the form's query ("" for any), or one line naming what is allowed."""
    try:
        return QueueFilter(
            Severity(severity) if severity else None, CaseKind(kind) if kind else None
        )
    except ValueError:
        raise UsageError(
            f"filter by severity ({', '.join(Severity)}) and kind ({', '.join(CaseKind)})"
        ) from None


FilterDep = Annotated[QueueFilter, Depends(queue_filter)]


def _queue(console: ConsoleDep, visit: Viewer, only: QueueFilter) -> list[CaseView]:
    return [c for c in queue(console.store, visit.principal, QUEUE_LIMIT) if only.keep(c)]


@router.get("/queue", name="queue")
def queue_page(request: Request, console: ConsoleDep, visit: Viewer, only: FilterDep) -> Response:
    return page(
        console.templates,
        request,
        "queue.html",
        visit,
        cases=_queue(console, visit, only),
        only=only,
        severities=[s.value for s in Severity],
        kinds=[k.value for k in CaseKind],
    )


@router.get("/queue/rows", name="queue_rows")
def queue_rows(request: Request, console: ConsoleDep, visit: Viewer, only: FilterDep) -> Response:
    """The queue's rows alone, which the queue page polls for (HTMX, every few seconds)."""
    cases = _queue(console, visit, only)
    return page(console.templates, request, "queue_rows.html", visit, cases=cases)


def _case_page(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    case_id: int,
    revealed: dict[int, list[Segment]] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    case = show_case(console.store, visit.principal, case_id)
    return page(
        console.templates,
        request,
        "case.html",
        visit,
        status_code=status_code,
        case=case,
        decision_views=decisions_of(console.store, visit.principal, case_id),
        revealed=revealed or {},
        decisions=DECISIONS,
        reasons=REASONS,
        exclude_reasons=EXCLUDE_REASONS,
        min_reason=MIN_REASON,
        error=error,
        reveal_error=None,
    )


@router.get("/cases/{case_id}", name="case")
def case_page(request: Request, console: ConsoleDep, visit: Viewer, case_id: Id) -> Response:
    return _case_page(request, console, visit, case_id)


@router.post("/cases/{case_id}/messages/{message_pk}/reveal", name="reveal", dependencies=[Csrf])
def reveal_message(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    case_id: Id,
    message_pk: Id,
    reason: Annotated[str, Form(max_length=1000)],
) -> Response:
    """Decrypt one message of the case for a reviewer who says why (the service audits it)."""
    case = show_case(console.store, visit.principal, case_id)
    if message_pk not in {m.message_pk for m in case.messages}:
        raise NotFound(f"no message {message_pk} in case {case_id}")
    assert console.store.keys is not None
    try:
        shown = reveal(console.store, console.store.keys, visit.principal, message_pk, reason)
    except LeakwatchError as exc:  # a reason too short, a purged text: the form again, and why
        if not is_htmx(request):
            return _case_page(request, console, visit, case_id, None, exc.message, exc.http_status)
        return page(
            console.templates,
            request,
            "reveal_form.html",
            visit,
            status_code=exc.http_status,
            case=case,
            pk=message_pk,
            min_reason=MIN_REASON,
            reveal_error=exc.message,
        )
    parts = segments(shown.text, [(f.start, f.end, f.entity_type) for f in shown.findings])
    if is_htmx(request):
        return page(console.templates, request, "revealed.html", visit, parts=parts, pk=message_pk)
    return _case_page(request, console, visit, case_id, revealed={message_pk: parts})


@router.post("/cases/{case_id}/decide", name="decide", dependencies=[Csrf])
def decide_case(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    case_id: Id,
    decision: Annotated[str, Form(max_length=40)],
    reason: Annotated[str, Form(max_length=40)],
    version: Annotated[int, Form(ge=1, le=2**31 - 1)],
) -> Response:
    decide(console.store, visit.principal, case_id, decision, reason, expected_version=version)
    return RedirectResponse(request.url_for("case", case_id=case_id), status_code=303)


@router.post("/cases/{case_id}/messages/{message_pk}/exclude", name="exclude", dependencies=[Csrf])
def exclude_message(
    request: Request,
    console: ConsoleDep,
    visit: Viewer,
    case_id: Id,
    message_pk: Id,
    reason: Annotated[str, Form(max_length=40)],
    version: Annotated[int, Form(ge=1, le=2**31 - 1)],
) -> Response:
    """Take one false positive out of the case's scope (audited; the case's version moves)."""
    exclude_messages(
        console.store, visit.principal, case_id, [message_pk], reason, expected_version=version
    )
    return RedirectResponse(request.url_for("case", case_id=case_id), status_code=303)
