"""Decisions, reason codes tied to the leak policy's clauses, and the statement of reasons.

The statement follows the EU DSA Art. 17(3) fields: what was decided and its scope, the facts and
circumstances, whether detection and decision were automated, the legal or terms-of-service
ground, and the redress open to the recipient. It is built from codes and counts only, never from
the message or a reviewer's free text, so it carries no personal data and can go to a regulator.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from leakwatch.errors import UsageError
from leakwatch.workflow.states import DecisionStage

POLICY = "leakwatch leak policy (docs/leak-policy.md)"


class DecisionType(StrEnum):
    REMOVE = "remove"
    RESTRICT_CHANNEL = "restrict_channel"
    NO_VIOLATION = "no_violation"
    ESCALATE = "escalate"


class ReasonCode(StrEnum):
    IDENTITY_BUNDLE = "identity_bundle"
    THIRD_PARTY_IDENTIFIER = "third_party_identifier"
    BULK_RECORDS = "bulk_records"
    STATE_DOCUMENT = "state_document"
    NOT_A_LEAK = "not_a_leak"
    PUBLIC_CONTACT = "public_contact"
    PUBLIC_FIGURE = "public_figure"


@dataclass(frozen=True, slots=True)
class Clause:
    """A reason code's leak-policy clause: its number, category and plain explanation."""

    number: int | None
    category: str | None
    explanation: str


CLAUSES: dict[str, Clause] = {
    ReasonCode.IDENTITY_BUNDLE: Clause(
        1,
        "personal_data",
        "a private individual's name published together with a private attribute of that "
        "person (identity bundle)",
    ),
    ReasonCode.THIRD_PARTY_IDENTIFIER: Clause(
        2, "personal_data", "an identity, bank or phone identifier published as a third party's"
    ),
    ReasonCode.BULK_RECORDS: Clause(
        3, "personal_data", "two or more person records published in a list or table"
    ),
    ReasonCode.STATE_DOCUMENT: Clause(4, "state_document", "a non-public official state document"),
    ReasonCode.NOT_A_LEAK: Clause(
        None, None, "no private individual's data or state document exposed"
    ),
    ReasonCode.PUBLIC_CONTACT: Clause(None, None, "a contact published by its owner"),
    ReasonCode.PUBLIC_FIGURE: Clause(None, None, "a public figure named in their public role"),
}

RESTRICTING = frozenset({DecisionType.REMOVE, DecisionType.RESTRICT_CHANNEL})
VIOLATIONS = frozenset(c for c, cl in CLAUSES.items() if cl.number is not None)
#: The reason codes a no-violation decision (or a message's exclusion) may rest on.
NO_VIOLATION_CODES = frozenset(c for c in CLAUSES if c not in VIOLATIONS)

REDRESS = {
    "internal_complaint": "The channel owner may appeal this decision within 6 months; the appeal "
    "is decided by a different reviewer (leakwatch appeal).",
    "out_of_court_settlement": "The channel owner may refer the dispute to a certified "
    "out-of-court dispute settlement body.",
    "judicial_redress": "The channel owner may seek redress before the competent courts.",
}


def clause(reason_code: str) -> Clause:
    """The clause behind a reason code (an unknown code explains itself by name)."""
    return CLAUSES.get(reason_code, Clause(None, None, reason_code.replace("_", " ")))


def parse(decision: str, reason: str) -> tuple[DecisionType, ReasonCode]:
    """Check a decision and its reason code belong together; one clear line if not."""
    try:
        d = DecisionType(decision)
    except ValueError:
        raise UsageError(
            f"unknown decision {decision!r}; choose one of {', '.join(DecisionType)}"
        ) from None
    try:
        r = ReasonCode(reason)
    except ValueError:
        raise UsageError(
            f"unknown reason code {reason!r}; choose one of {', '.join(ReasonCode)}"
        ) from None
    if d in RESTRICTING and r not in VIOLATIONS:
        raise UsageError(f"{d.value} needs a policy clause reason (one of {', '.join(VIOLATIONS)})")
    if d is DecisionType.NO_VIOLATION and r in VIOLATIONS:
        raise UsageError(f"no_violation cannot rest on {r.value}, a violation clause")
    return d, r


@dataclass(frozen=True, slots=True)
class Facts:
    """What the decision was about, as codes and counts (no values, no previews, no text)."""

    channel: str | None
    messages: int
    leak_messages: int
    people: int
    severity: str | None
    categories: tuple[str, ...]
    entity_types: tuple[str, ...]
    source: str  # "notice" | "own_detection"
    notice_reference: str | None = None
    legal_basis: str | None = None


_SCOPE = {
    DecisionType.REMOVE: "the {n} message(s) in scope are removed",
    DecisionType.RESTRICT_CHANNEL: "access to the channel is restricted",
    DecisionType.NO_VIOLATION: "no restriction",
    DecisionType.ESCALATE: "no restriction yet; referred to a senior reviewer",
}


def statement_of_reasons(
    decision: DecisionType,
    reason: ReasonCode,
    facts: Facts,
    *,
    automated_detection: bool,
    automated_decision: bool,
    stage: DecisionStage = DecisionStage.INITIAL,
) -> dict[str, Any]:
    """The DSA Art. 17 statement for one decision, as plain JSON-ready data."""
    c = clause(reason)
    where = f" in channel {facts.channel}" if facts.channel else ""
    source = (
        f"a notice from a competent authority (reference {facts.notice_reference})"
        if facts.source == "notice"
        else "leakwatch's own automated detection"
    )
    circumstances = (
        f"Reviewed on {source}: {facts.messages} message(s){where}, {facts.leak_messages} "
        f"assessed as leaks exposing {facts.people} distinct person(s); highest severity "
        f"{facts.severity or 'none'}; categories {', '.join(facts.categories) or 'none'}; "
        f"data types {', '.join(facts.entity_types) or 'none'}. Found to contain "
        f"{c.explanation}."
    )
    ground: dict[str, Any] = {
        "terms_of_service": f"{POLICY}, clause {c.number}" if c.number else POLICY,
        "explanation": c.explanation,
    }
    if facts.legal_basis:
        ground["legal"] = facts.legal_basis
    return {
        "stage": stage.value,
        "decision": decision.value,
        "scope": _SCOPE[decision].format(n=facts.messages),
        "reason_code": reason.value,
        "policy_clause": c.number,
        "facts_and_circumstances": circumstances,
        "automated_detection": automated_detection,
        "automated_decision": automated_decision,
        "ground": ground,
        "redress": REDRESS,
    }
