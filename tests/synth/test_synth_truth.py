"""Severity decisions of the synthetic labels (see `leakwatch.synth.truth`)."""

from __future__ import annotations

import pytest

from leakwatch.entities import Category, Severity, Verdict
from leakwatch.synth.truth import ATTRIBUTE_FACT, CLEAR, Fact, judge


@pytest.mark.parametrize(
    ("attrs", "severity"),
    [
        ({"national_id"}, Severity.CRITICAL),
        ({"civil_id"}, Severity.CRITICAL),
        ({"passport"}, Severity.CRITICAL),
        ({"iban"}, Severity.CRITICAL),
        ({"card"}, Severity.CRITICAL),
        ({"phone"}, Severity.HIGH),
        ({"address"}, Severity.HIGH),
        ({"residence"}, Severity.HIGH),
        ({"email"}, Severity.HIGH),
        ({"dob"}, Severity.MEDIUM),
        ({"mother"}, Severity.MEDIUM),
        ({"family"}, Severity.MEDIUM),
        ({"workplace"}, Severity.MEDIUM),
        ({"plate"}, Severity.MEDIUM),
        ({"plate", "phone"}, Severity.HIGH),
        ({"dob", "passport"}, Severity.CRITICAL),
    ],
)
def test_bundle_severity(attrs: set[str], severity: Severity) -> None:
    truth = judge({ATTRIBUTE_FACT[a] for a in attrs})
    assert truth.verdict is Verdict.LEAK
    assert truth.severity is severity
    assert truth.categories == (Category.PERSONAL_DATA,)


def test_documents_and_framed_identifiers() -> None:
    assert judge({Fact.DOCUMENT}).severity is Severity.HIGH
    assert judge({Fact.DOCUMENT}).categories == (Category.STATE_DOCUMENT,)
    assert judge({Fact.CLASSIFIED_DOC}).severity is Severity.CRITICAL
    both = judge({Fact.DOCUMENT, Fact.WEAK_WITH_NAME})
    assert both.severity is Severity.HIGH
    assert both.categories == (Category.PERSONAL_DATA, Category.STATE_DOCUMENT)
    assert judge({Fact.FRAMED_IDENTIFIER}).severity is Severity.LOW
    assert judge({Fact.BULK}).severity is Severity.CRITICAL
    assert judge(set()) == CLEAR
