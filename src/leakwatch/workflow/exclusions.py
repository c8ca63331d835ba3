"""Deciding single messages inside a case: a reviewer excludes a false positive from its case.

A channel case holds every leak of a channel (hundreds of messages); deciding it all or nothing
meant one false positive could only be removed with the rest or kept with the rest. An excluded
message stays linked to its case (so `case open-auto` does not pick it up again) but leaves its
scope: its counts, its priority, and whatever the case's decision does (it is not removed). The
exclusion rests on a no-violation reason code and is audited like a decision; it changes the
case's version, so a reviewer deciding on a stale view is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm.attributes import flag_modified

from leakwatch.errors import Conflict, NotFound, UsageError
from leakwatch.store.db import Store
from leakwatch.store.models import CaseMessage, utcnow
from leakwatch.workflow.audit import EventType, record
from leakwatch.workflow.cases import (
    ESCALATED,
    CaseView,
    get_case,
    refresh,
    require_current,
    view_case,
)
from leakwatch.workflow.principal import Principal, require
from leakwatch.workflow.reasons import DecisionType, parse
from leakwatch.workflow.review import senior_rule
from leakwatch.workflow.roles import Operation


def exclude_messages(
    store: Store,
    principal: Principal,
    case_id: int,
    message_pks: Sequence[int],
    reason: str,
    expected_version: int | None = None,
) -> CaseView:
    """Take `message_pks` out of an active case's scope on a no-violation reason (reviewer,
    admin); the case with its new scope and version."""
    _, code = parse(DecisionType.NO_VIOLATION.value, reason)
    if not message_pks:
        raise UsageError("name at least one message to exclude")
    who = require(principal, Operation.DECIDE)
    with store.session() as s:
        case = get_case(s, case_id)
        require_current(case, case_id, expected_version, "exclude from")
        if case.status == ESCALATED:
            senior_rule(s, case, who)
        now = utcnow()
        for pk in dict.fromkeys(message_pks):
            link = s.get(CaseMessage, (case.id, pk))
            if link is None:
                raise NotFound(f"message {pk} is not in case {case_id}")
            if link.excluded_at is not None:
                raise Conflict(f"message {pk} is already excluded from case {case_id}")
            link.excluded_reason, link.excluded_by, link.excluded_at = code.value, who.id, now
        s.flush()
        refresh(s, case)
        flag_modified(case, "priority")  # a new version even when the priority did not move
        s.flush()
        record(
            s,
            who.name,
            EventType.MESSAGES_EXCLUDED,
            f"case:{case.id}",
            {"messages": sorted(set(message_pks)), "reason_code": code.value},
        )
        return view_case(s, case, with_messages=True)
