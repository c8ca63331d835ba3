"""The statement-of-reasons export for the EU DSA transparency database, checked against the
database's own field rules (report.dsa_submit): per rule, per record, per batch, and through
the API route."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_seed import World, populate, world
from fastapi.testclient import TestClient

from leakwatch.api.app import create_app
from leakwatch.report import dsa
from leakwatch.report.dsa_submit import (
    MAX_BATCH,
    MAX_FACTS,
    PUID,
    batches,
    language_of,
    problems,
    puid_of,
    submission_record,
)
from leakwatch.report.transparency import StatementOfReasons
from leakwatch.workflow.review import decide


def _sor(**changes: Any) -> StatementOfReasons:
    base = StatementOfReasons(
        puid="leakwatch:decision:7",
        platform_name=dsa.PLATFORM_NAME,
        decision_visibility=("DECISION_VISIBILITY_CONTENT_REMOVED",),
        decision_visibility_other=None,
        end_date_visibility_restriction=None,
        decision_monetary=None,
        decision_monetary_other=None,
        end_date_monetary_restriction=None,
        decision_provision=None,
        end_date_service_restriction=None,
        decision_account=None,
        end_date_account_restriction=None,
        account_type=None,
        decision_ground="DECISION_GROUND_INCOMPATIBLE_CONTENT",
        decision_ground_reference_url=None,
        illegal_content_legal_ground=None,
        illegal_content_explanation=None,
        incompatible_content_ground="leakwatch leak policy, clause 1",
        incompatible_content_explanation="The content is an identity bundle.",
        incompatible_content_illegal="No",
        category=dsa.CATEGORY_PRIVACY,
        category_addition=(),
        category_specification=(),
        content_type=dsa.CONTENT_TYPE,
        content_type_other=None,
        content_language=None,
        content_date="2026-11-30",
        territorial_scope=dsa.TERRITORIAL_SCOPE,
        application_date="2026-12-01",
        decision_facts="Content removed.",
        source_type="SOURCE_VOLUNTARY",
        source_identity=None,
        automated_detection="Yes",
        automated_decision="AUTOMATED_DECISION_NOT_AUTOMATED",
    )
    return dataclasses.replace(base, **changes)


def test_a_typical_statement_passes_every_rule() -> None:
    record = submission_record(_sor(), "AR")
    assert problems(record) == []
    assert record["puid"] == "leakwatch-decision-7"
    assert "platform_name" not in record
    assert "territorial_scope" not in record  # IQ is outside the EEA the database accepts
    assert record["content_language"] == "AR"


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("puid", "leakwatch:decision:7", "puid must be"),
    ("puid", "a" * 501, "puid must be"),
    ("puid", "", "puid is required"),
    ("decision_facts", "x" * (MAX_FACTS + 1), "decision_facts is over 5000"),
    ("decision_facts", "", "decision_facts is required"),
    ("content_language", "FA", "content_language must be AR, KU or EN"),
    ("content_language", "ar", "content_language must be AR, KU or EN"),
    ("category", "STATEMENT_CATEGORY_NOPE", "category is outside"),
    ("category", None, "category is required"),
    ("decision_ground", "GROUND", "decision_ground has a value outside"),
    ("decision_visibility", ["DECISION_VISIBILITY_HIDDEN"], "decision_visibility has a value"),
    ("decision_visibility", [], "one of decision_visibility"),
    ("content_type", ["CONTENT_TYPE_SMELL"], "content_type has a value outside"),
    ("content_date", "30/11/2026", "content_date must be YYYY-MM-DD"),
    ("content_date", "1999-12-31", "content_date must be between"),
    ("application_date", "2019-12-31", "application_date must be between"),
    ("application_date", "2026-02-30", "application_date is not a date"),
    ("territorial_scope", ["IQ"], "territorial_scope may hold EEA"),
    ("source_type", "SOURCE_GUESS", "source_type is outside"),
    ("source_identity", "a" * 501, "source_identity is over 500"),
    ("automated_detection", "Maybe", "automated_detection must be Yes or No"),
    ("automated_decision", "AUTOMATED_DECISION_SOMEWHAT", "automated_decision is outside"),
    ("incompatible_content_ground", None, "incompatible_content needs its ground"),
    ("incompatible_content_explanation", "x" * 2001, "explanation is over 2000"),
    ("incompatible_content_illegal", "Perhaps", "incompatible_content_illegal must be"),
    ("platform_name", "leakwatch", None),  # not a database field, but not a rule it checks
    ("colour", "blue", "unknown fields: colour"),
])  # fmt: skip
def test_each_rule_is_checked(field: str, value: Any, expected: str | None) -> None:
    record = submission_record(_sor(), "EN")
    if value is None:
        record.pop(field, None)
    else:
        record[field] = value
    found = problems(record)
    if expected is None:
        assert [p for p in found if "platform_name" not in p] == []
    else:
        assert any(expected in p for p in found), found


def test_illegal_ground_needs_its_legal_ground() -> None:
    sor = _sor(
        decision_ground="DECISION_GROUND_ILLEGAL_CONTENT",
        illegal_content_legal_ground="Law 1 of 2020",
        illegal_content_explanation="The content is personal data.",
        incompatible_content_ground=None,
        incompatible_content_explanation=None,
        incompatible_content_illegal=None,
        source_type="SOURCE_TRUSTED_FLAGGER",
        source_identity="CMC",
    )
    record = submission_record(sor, None)
    assert problems(record) == []
    del record["illegal_content_legal_ground"]
    assert any("illegal_content needs" in p for p in problems(record))


def test_long_free_text_is_clipped_to_the_limits() -> None:
    sor = _sor(decision_facts="f" * 9000, incompatible_content_explanation="e" * 3000)
    record = submission_record(sor, None)
    assert len(record["decision_facts"]) == MAX_FACTS
    assert len(record["incompatible_content_explanation"]) == 2000
    assert problems(record) == []


def test_missing_content_date_falls_back_to_the_application_date() -> None:
    record = submission_record(_sor(content_date=None), None)
    assert record["content_date"] == "2026-12-01"
    assert problems(record) == []


@pytest.mark.parametrize(("puid", "expected"), [
    ("leakwatch:decision:7", "leakwatch-decision-7"),
    ("a b/c", "a-b-c"),
    ("x" * 600, "x" * 500),
])  # fmt: skip
def test_puid_is_made_valid(puid: str, expected: str) -> None:
    assert puid_of(puid) == expected
    assert PUID.match(puid_of(puid))


@pytest.mark.parametrize(("text", "language"), [
    ("تم نشر اسم علي حسن كاظم ورقم هاتفه", "AR"),
    ("ناوی ئەو کەسە لێرە بڵاوکرایەوە و ژمارەی مۆبایلەکەی", "KU"),
    ("the name and phone number of a private person", "EN"),
    ("07701234567 / 1990", None),
    ("", None),
])  # fmt: skip
def test_language_by_script(text: str, language: str | None) -> None:
    assert language_of(text) == language


def test_batches_hold_at_most_100() -> None:
    records = [submission_record(_sor(puid=f"leakwatch:decision:{i}"), "EN") for i in range(250)]
    sizes = [len(b) for b in batches(records)]
    assert sizes == [100, 100, 50]
    assert all(problems(r) == [] for r in records)
    assert len({r["puid"] for r in records}) == 250
    for bad in (0, MAX_BATCH + 1):
        with pytest.raises(ValueError, match="1 to 100"):
            batches(records, bad)


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as w:
        yield w


def test_dsa_route_returns_only_valid_batches(w: World) -> None:
    loop = populate(w)
    decide(w.store, w.principal("rex"), loop.notice_case, "remove", "identity_bundle")
    client = TestClient(create_app(w.store))
    r = client.get("/reports/dsa", headers=w.auth("lia"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["rejected"] == []
    assert body["statements"] == 2
    records = [s for batch in body["batches"] for s in batch["statements"]]
    assert all(1 <= len(b["statements"]) <= MAX_BATCH for b in body["batches"])
    for record in records:
        assert problems(record) == []
        assert PUID.match(record["puid"])
        assert len(record["decision_facts"]) <= MAX_FACTS
        assert record["content_language"] in {"AR", "KU", "EN"}
    grounds = {rec["decision_ground"] for rec in records}
    assert grounds == {"DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"}
    for secret in w.secrets():
        assert secret not in r.text
    assert client.get("/reports/dsa", headers=w.auth("ana")).status_code == 200
    bad = client.get("/reports/dsa?start=2026-13-01", headers=w.auth("lia"))
    assert bad.status_code == 422
