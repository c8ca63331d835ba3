"""From what a template put in a message to its true verdict, severity and categories.

Templates never state a severity; they record *facts* (a name with a national ID, a bulk list, a
classified marking…) and this module applies the leak policy (`shared/docs/leak-policy.md`) to
them, so every template is judged by the same rules. Decisions where the policy leaves room:

* **Vehicle plate** with a name is `medium` (a weaker attribute); with a phone or home address in
  the same bundle the message is `high` because of those.
* **Residence card** (بطاقة السكن) with a name is `high`: the card certifies a home address.
* **E-mail** with a name is `high`, a direct contact like a phone number.
* **Civil ID** (هوية الأحوال المدنية) counts as a national ID: `critical` with a name.
* A **state document** without a classification marking and without personal data is `high`;
  with a marking (سري / سري للغاية / سري وشخصي / محدود) it is `critical`. Personal data inside a
  document adds the `personal_data` category and its own severity; the highest one wins.
* A **named official signing** a document, or a public figure in role, adds no fact: a name
  alone is not a private attribute.
* An identifier framed as someone's without a name is `low`, whatever the identifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from leakwatch.entities import Category, Severity, Verdict


class Fact(StrEnum):
    """Something a template put in a message that the policy cares about."""

    ID_WITH_NAME = "id_with_name"
    BANK_WITH_NAME = "bank_with_name"
    BULK = "bulk"
    CLASSIFIED_DOC = "classified_doc"
    CONTACT_WITH_NAME = "contact_with_name"
    DOCUMENT = "document"
    WEAK_WITH_NAME = "weak_with_name"
    FRAMED_IDENTIFIER = "framed_identifier"


_SEVERITY: dict[Fact, Severity] = {
    Fact.ID_WITH_NAME: Severity.CRITICAL,
    Fact.BANK_WITH_NAME: Severity.CRITICAL,
    Fact.BULK: Severity.CRITICAL,
    Fact.CLASSIFIED_DOC: Severity.CRITICAL,
    Fact.CONTACT_WITH_NAME: Severity.HIGH,
    Fact.DOCUMENT: Severity.HIGH,
    Fact.WEAK_WITH_NAME: Severity.MEDIUM,
    Fact.FRAMED_IDENTIFIER: Severity.LOW,
}
_DOCUMENT_FACTS = frozenset({Fact.DOCUMENT, Fact.CLASSIFIED_DOC})

#: Which fact a private attribute creates when it sits next to a name.
ATTRIBUTE_FACT: dict[str, Fact] = {
    "phone": Fact.CONTACT_WITH_NAME,
    "address": Fact.CONTACT_WITH_NAME,
    "residence": Fact.CONTACT_WITH_NAME,
    "email": Fact.CONTACT_WITH_NAME,
    "national_id": Fact.ID_WITH_NAME,
    "civil_id": Fact.ID_WITH_NAME,
    "passport": Fact.ID_WITH_NAME,
    "iban": Fact.BANK_WITH_NAME,
    "card": Fact.BANK_WITH_NAME,
    "dob": Fact.WEAK_WITH_NAME,
    "mother": Fact.WEAK_WITH_NAME,
    "family": Fact.WEAK_WITH_NAME,
    "workplace": Fact.WEAK_WITH_NAME,
    "plate": Fact.WEAK_WITH_NAME,
}


@dataclass(frozen=True, slots=True)
class Truth:
    """The label of one message."""

    verdict: Verdict
    severity: Severity | None
    categories: tuple[Category, ...]


CLEAR = Truth(Verdict.CLEAR, None, ())


def judge(facts: frozenset[Fact] | set[Fact]) -> Truth:
    """Apply the policy to the facts of one message."""
    if not facts:
        return CLEAR
    severity = max((_SEVERITY[f] for f in facts), key=lambda s: s.rank)
    categories: list[Category] = []
    if facts - _DOCUMENT_FACTS:
        categories.append(Category.PERSONAL_DATA)
    if facts & _DOCUMENT_FACTS:
        categories.append(Category.STATE_DOCUMENT)
    return Truth(Verdict.LEAK, severity, tuple(categories))
