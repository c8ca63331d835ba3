"""The states a case, a notice, an appeal and a decision move through, as enums.

Each value is the string the store already holds (the columns stay `String`), so these need no
migration and a row written before them reads back as the same member. Services compare and
assign members; views carry members, which serialise as their plain values.
"""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    OPEN = "open"
    ESCALATED = "escalated"  # waiting for a senior reviewer; still active
    CLOSED = "closed"


#: The statuses of a case that still needs work (it is in the queue).
ACTIVE_CASE = (CaseStatus.OPEN, CaseStatus.ESCALATED)


class CaseKind(StrEnum):
    CHANNEL = "channel"  # opened from a channel's own leaks (automated detection)
    NOTICE = "notice"  # opened with a regulator's notice


class NoticeStatus(StrEnum):
    """received → acknowledged → decided → actioned (workflow.sla times each stage)."""

    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    DECIDED = "decided"
    ACTIONED = "actioned"


class DecisionStage(StrEnum):
    INITIAL = "initial"  # a first-instance decision (also a senior reviewer's, after escalation)
    ESCALATION = "escalation"  # referred to a senior reviewer; decides nothing yet
    APPEAL = "appeal"  # the decision on an appeal against an initial one


#: The stages a transparency report counts as first-instance decisions.
FIRST_INSTANCE = (DecisionStage.INITIAL, DecisionStage.ESCALATION)


class AppealStatus(StrEnum):
    OPEN = "open"
    DECIDED = "decided"


class AppealOutcome(StrEnum):
    UPHELD = "upheld"  # the decision stands
    REVERSED = "reversed"  # its action is undone
