"""The vocabulary every layer shares: entity types, verdicts, severities, categories.

Values are the strings of the scan output contract (`docs/scan-output.md`); never rename them.
"""

from __future__ import annotations

from enum import StrEnum


class EntityType(StrEnum):
    """What a finding is. Names follow Microsoft Presidio's where one exists."""

    PERSON = "PERSON"
    PHONE_NUMBER = "PHONE_NUMBER"
    IQ_NATIONAL_ID = "IQ_NATIONAL_ID"
    IQ_CIVIL_ID = "IQ_CIVIL_ID"
    IQ_PASSPORT = "IQ_PASSPORT"
    IQ_RESIDENCE_CARD = "IQ_RESIDENCE_CARD"
    ADDRESS = "ADDRESS"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    IBAN_CODE = "IBAN_CODE"
    CREDIT_CARD = "CREDIT_CARD"
    VEHICLE_PLATE = "VEHICLE_PLATE"
    STATE_DOCUMENT = "STATE_DOCUMENT"


class Verdict(StrEnum):
    """Whether anyone should act on a message (see the leak policy)."""

    LEAK = "leak"
    CLEAR = "clear"


class Category(StrEnum):
    """What kind of leak a message is; a message can carry both."""

    PERSONAL_DATA = "personal_data"
    STATE_DOCUMENT = "state_document"


class Severity(StrEnum):
    """How urgent a leak is, for queues and channel scores. Ordered low < critical."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}

#: Identifiers that are sensitive on their own (policy clause 2: an identifier framed as
#: someone else's).
IDENTIFIERS: frozenset[EntityType] = frozenset(
    {
        EntityType.PHONE_NUMBER,
        EntityType.IQ_NATIONAL_ID,
        EntityType.IQ_CIVIL_ID,
        EntityType.IQ_PASSPORT,
        EntityType.IQ_RESIDENCE_CARD,
        EntityType.IBAN_CODE,
        EntityType.CREDIT_CARD,
        EntityType.EMAIL_ADDRESS,
        EntityType.VEHICLE_PLATE,
    }
)
