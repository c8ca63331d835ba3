"""The EU DSA transparency database vocabulary, and how leakwatch decisions map onto it.

Field names and values follow the database's statement-of-reasons schema (the API and the
`dsa-tdb` export columns). leakwatch's decisions map as follows:

- `remove` → decision_visibility [DECISION_VISIBILITY_CONTENT_REMOVED];
- `restrict_channel` → [DECISION_VISIBILITY_CONTENT_DISABLED] and decision_provision
  DECISION_PROVISION_PARTIAL_SUSPENSION (the channel stays, access to it is restricted);
- `no_violation` and `escalate` restrict nothing, so they are counted but are not statements.

A decision taken on a regulator's notice that names a legal basis rests on
DECISION_GROUND_ILLEGAL_CONTENT (that basis is the legal ground); one taken on leakwatch's own
detection rests on DECISION_GROUND_INCOMPATIBLE_CONTENT (the leak policy clause is the
contractual ground). Personal data maps to the category
STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS, a leaked state document to
STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY.
"""

from __future__ import annotations

PLATFORM_NAME = "leakwatch"
TERRITORIAL_SCOPE = ("IQ",)  # ISO 3166-1 alpha-2; the EU database itself accepts EEA codes only
CONTENT_TYPE = ("CONTENT_TYPE_TEXT",)

DECISION_VISIBILITY = frozenset(
    {
        "DECISION_VISIBILITY_CONTENT_REMOVED",
        "DECISION_VISIBILITY_CONTENT_DISABLED",
        "DECISION_VISIBILITY_CONTENT_DEMOTED",
        "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
        "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
        "DECISION_VISIBILITY_CONTENT_LABELLED",
        "DECISION_VISIBILITY_OTHER",
    }
)
DECISION_PROVISION = frozenset(
    {
        "DECISION_PROVISION_PARTIAL_SUSPENSION",
        "DECISION_PROVISION_TOTAL_SUSPENSION",
        "DECISION_PROVISION_PARTIAL_TERMINATION",
        "DECISION_PROVISION_TOTAL_TERMINATION",
    }
)
DECISION_GROUND = frozenset(
    {"DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"}
)
SOURCE_TYPE = frozenset(
    {
        "SOURCE_ARTICLE_16",
        "SOURCE_TRUSTED_FLAGGER",
        "SOURCE_TYPE_OTHER_NOTIFICATION",
        "SOURCE_VOLUNTARY",
    }
)
AUTOMATED_DETECTION = frozenset({"Yes", "No"})
AUTOMATED_DECISION = frozenset(
    {
        "AUTOMATED_DECISION_FULLY",
        "AUTOMATED_DECISION_PARTIALLY",
        "AUTOMATED_DECISION_NOT_AUTOMATED",
    }
)
CATEGORY_PRIVACY = "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS"
CATEGORY_SECURITY = "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY"
CATEGORY_NOT_SPECIFIED = "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE"
CATEGORY_OTHER = "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"

#: leakwatch category → DSA statement category.
CATEGORY = {
    "personal_data": CATEGORY_PRIVACY,
    "state_document": CATEGORY_SECURITY,
}

#: leakwatch decision → (decision_visibility, decision_provision); absent: not a restriction.
RESTRICTIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "remove": (("DECISION_VISIBILITY_CONTENT_REMOVED",), None),
    "restrict_channel": (
        ("DECISION_VISIBILITY_CONTENT_DISABLED",),
        "DECISION_PROVISION_PARTIAL_SUSPENSION",
    ),
}
DECISION_PHRASE = {
    "remove": "Content removed",
    "restrict_channel": "Access to the channel restricted",
    "no_violation": "No violation found",
    "escalate": "Escalated for further review",
}


def dsa_category(category: str) -> str:
    return CATEGORY.get(category, CATEGORY_OTHER)


def automated_decision(automated: bool) -> str:
    return "AUTOMATED_DECISION_FULLY" if automated else "AUTOMATED_DECISION_NOT_AUTOMATED"


def yes_no(flag: bool) -> str:
    return "Yes" if flag else "No"
