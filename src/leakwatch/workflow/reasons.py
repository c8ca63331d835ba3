"""Decisions, reason codes tied to the leak policy's clauses, and the statement of reasons.

The statement follows the EU DSA Art. 17(3) fields: what was decided and its scope, the facts and
circumstances, whether detection and decision were automated, the legal or terms-of-service
ground, and the redress open to the recipient. It is built from codes and counts only, never from
the message or a reviewer's free text, so it carries no personal data and can go to a regulator.
"""

from __future__ import annotations

from collections.abc import Mapping
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


@dataclass(frozen=True, slots=True)
class Ground:
    """What a decision rests on: the policy clause, in plain words, and any legal basis."""

    terms_of_service: str
    explanation: str
    legal: str | None = None


@dataclass(frozen=True, slots=True)
class Redress:
    internal_complaint: str
    out_of_court_settlement: str
    judicial_redress: str


@dataclass(frozen=True, slots=True)
class Statement:
    """The DSA Art. 17 statement for one decision: codes, counts and set phrases only.

    Stored as JSON (`decisions.statement`, `to_json`) and read back with `from_json`;
    `reason_codes` names the clause per category when a state document was decided on another
    clause than personal data.
    """

    stage: DecisionStage
    decision: DecisionType
    scope: str
    reason_code: ReasonCode
    policy_clause: int | None
    facts_and_circumstances: str
    automated_detection: bool
    automated_decision: bool
    ground: Ground
    redress: Redress
    reason_codes: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        """The stored form: plain values, and no key for what is absent."""
        ground: dict[str, Any] = {
            "terms_of_service": self.ground.terms_of_service,
            "explanation": self.ground.explanation,
        }
        if self.ground.legal is not None:
            ground["legal"] = self.ground.legal
        out: dict[str, Any] = {
            "stage": self.stage.value,
            "decision": self.decision.value,
            "scope": self.scope,
            "reason_code": self.reason_code.value,
            "policy_clause": self.policy_clause,
            "facts_and_circumstances": self.facts_and_circumstances,
            "automated_detection": self.automated_detection,
            "automated_decision": self.automated_decision,
            "ground": ground,
            "redress": {
                "internal_complaint": self.redress.internal_complaint,
                "out_of_court_settlement": self.redress.out_of_court_settlement,
                "judicial_redress": self.redress.judicial_redress,
            },
        }
        if self.reason_codes is not None:
            out["reason_codes"] = dict(self.reason_codes)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Statement:
        """A stored statement; redress and the optional keys default as they are written now."""
        ground = data["ground"]
        redress = data.get("redress") or REDRESS
        codes = data.get("reason_codes")
        return cls(
            stage=DecisionStage(data.get("stage", DecisionStage.INITIAL)),
            decision=DecisionType(data["decision"]),
            scope=str(data["scope"]),
            reason_code=ReasonCode(data["reason_code"]),
            policy_clause=data.get("policy_clause"),
            facts_and_circumstances=str(data["facts_and_circumstances"]),
            automated_detection=bool(data["automated_detection"]),
            automated_decision=bool(data["automated_decision"]),
            ground=Ground(ground["terms_of_service"], ground["explanation"], ground.get("legal")),
            redress=Redress(
                redress["internal_complaint"],
                redress["out_of_court_settlement"],
                redress["judicial_redress"],
            ),
            reason_codes=dict(codes) if codes is not None else None,
        )


def statement_of_reasons(
    decision: DecisionType,
    reason: ReasonCode,
    facts: Facts,
    *,
    automated_detection: bool,
    automated_decision: bool,
    stage: DecisionStage = DecisionStage.INITIAL,
) -> Statement:
    """The DSA Art. 17 statement for one decision."""
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
    return Statement(
        stage=stage,
        decision=decision,
        scope=_SCOPE[decision].format(n=facts.messages),
        reason_code=reason,
        policy_clause=c.number,
        facts_and_circumstances=circumstances,
        automated_detection=automated_detection,
        automated_decision=automated_decision,
        ground=Ground(
            f"{POLICY}, clause {c.number}" if c.number else POLICY,
            c.explanation,
            facts.legal_basis or None,
        ),
        redress=Redress(**REDRESS),
    )
