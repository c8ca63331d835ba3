"""The transparency report: counts, timing, DSA fields and vocabulary, exports, the liaison."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date

import pytest
from report_seed import KEYS, PRIVATE, seed_report_world
from sqlalchemy import select

from leakwatch.errors import NotFound, UsageError
from leakwatch.report.export import to_csv, to_json
from leakwatch.report.html import render_html
from leakwatch.report.transparency import (
    StatementOfReasons,
    TransparencyReport,
    percentile,
    transparency_report,
)
from leakwatch.store.db import Store, open_store
from leakwatch.store.models import AuditEvent
from leakwatch.workflow.audit import verify
from leakwatch.workflow.principal import resolve

# Every report test acts under the seed's key (report_seed.KEYS), exported for the CLI too.
pytestmark = pytest.mark.usefixtures("master_key")

MARCH = (date(2024, 3, 1), date(2024, 3, 31))

# The DSA transparency database's value vocabularies (statement-of-reasons schema), restated
# here so the test does not trust the module it checks.
VOCAB: dict[str, set[str]] = {
    "decision_visibility": {
        "DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_DISABLED",
        "DECISION_VISIBILITY_CONTENT_DEMOTED", "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
        "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
        "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_OTHER",
    },
    "decision_provision": {
        "DECISION_PROVISION_PARTIAL_SUSPENSION", "DECISION_PROVISION_TOTAL_SUSPENSION",
        "DECISION_PROVISION_PARTIAL_TERMINATION", "DECISION_PROVISION_TOTAL_TERMINATION",
    },
    "decision_ground": {"DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"},
    "category": {
        "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
        "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
        "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
    },
    "content_type": {"CONTENT_TYPE_TEXT"},
    "source_type": {
        "SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION",
        "SOURCE_VOLUNTARY",
    },
    "automated_detection": {"Yes", "No"},
    "automated_decision": {
        "AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY",
        "AUTOMATED_DECISION_NOT_AUTOMATED",
    },
    "incompatible_content_illegal": {"Yes", "No"},
}  # fmt: skip
REQUIRED = (
    "puid", "platform_name", "decision_visibility", "decision_ground", "category",
    "content_type", "application_date", "content_date", "territorial_scope", "decision_facts",
    "source_type", "automated_detection", "automated_decision",
)  # fmt: skip


@pytest.fixture
def world(db_url: str) -> Iterator[tuple[Store, dict[str, int]]]:
    store = open_store(db_url, keys=KEYS)
    ids = seed_report_world(store)
    yield store, ids
    store.close()


@pytest.fixture
def report(world: tuple[Store, dict[str, int]]) -> TransparencyReport:
    return transparency_report(world[0], resolve(world[0], "rev"), *MARCH)


def _row(report: TransparencyReport, decision_id: int) -> StatementOfReasons:
    return next(s for s in report.statements if s.puid == f"leakwatch:decision:{decision_id}")


def test_counts(report: TransparencyReport) -> None:
    assert report.decisions == 10  # the appeal-stage decision and those outside March excluded
    assert dict(report.by_decision) == {
        "remove": 7, "restrict_channel": 1, "no_violation": 1, "escalate": 1,
    }  # fmt: skip
    assert dict(report.by_source) == {"notice": 6, "own_detection": 4}
    assert dict(report.by_category) == {"personal_data": 8, "state_document": 2}
    assert dict(report.by_automated_detection) == {"Yes": 4, "No": 6}
    assert dict(report.by_automated_decision) == {
        "AUTOMATED_DECISION_FULLY": 0, "AUTOMATED_DECISION_NOT_AUTOMATED": 10,
    }  # fmt: skip
    assert len(report.statements) == 8  # the restrictions only
    assert (report.appeals_filed, report.appeals_decided) == (1, 1)
    assert dict(report.by_appeal_outcome) == {"upheld": 1}


def test_notice_to_action_times(report: TransparencyReport) -> None:
    # CMC-0 was actioned in April, CMC-4 never; CMC-2's time comes from its recorded action.
    assert report.notices_received == 6
    assert report.notice_to_action_hours == (1.0, 2.0, 6.0, 24.0, 72.0)
    assert report.median_hours == pytest.approx(6.0)
    assert report.p90_hours == pytest.approx(24 + 0.6 * 48)
    assert (report.notices_actioned, report.notices_within_sla) == (5, 4)


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [([], 0.5, None), ([5.0], 0.9, 5.0), ([1.0, 3.0], 0.5, 2.0), ([1, 2, 3, 4], 0.9, 3.7)],
)
def test_percentile(values: list[float], q: float, expected: float | None) -> None:
    assert percentile(values, q) == (None if expected is None else pytest.approx(expected))


def test_dsa_fields_and_vocabulary(report: TransparencyReport) -> None:
    for sor in report.statements:
        row = sor.as_dict()
        for name in REQUIRED:
            assert row[name] not in (None, "", []), name
        for name, allowed in VOCAB.items():
            value = row[name]
            for v in value if isinstance(value, list) else [value]:
                assert v is None or v in allowed, (name, v)
        assert row["platform_name"] == "leakwatch"
        assert row["territorial_scope"] == ["IQ"]
        assert row["decision_monetary"] is None
        assert row["decision_account"] is None
        date.fromisoformat(row["application_date"])
        date.fromisoformat(row["content_date"])
        if row["decision_ground"] == "DECISION_GROUND_ILLEGAL_CONTENT":
            assert row["illegal_content_legal_ground"]
            assert row["illegal_content_explanation"]
        else:
            assert row["incompatible_content_ground"]
            assert row["incompatible_content_explanation"]
    assert len({s.puid for s in report.statements}) == len(report.statements)


def test_rows_map_each_decision(
    world: tuple[Store, dict[str, int]], report: TransparencyReport
) -> None:
    ids = world[1]
    n1 = _row(report, ids["n1"])
    assert n1.decision_visibility == ("DECISION_VISIBILITY_CONTENT_REMOVED",)
    assert n1.decision_ground == "DECISION_GROUND_ILLEGAL_CONTENT"
    assert n1.illegal_content_legal_ground == "Iraqi Constitution, Art. 17"
    assert (n1.source_type, n1.source_identity) == ("SOURCE_TRUSTED_FLAGGER", "CMC")
    assert (n1.automated_detection, n1.application_date) == ("No", "2024-03-02")
    assert n1.content_date == "2024-02-02"
    assert n1.category == "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS"
    n5 = _row(report, ids["n5"])  # a notice without a legal basis: terms-of-service ground
    assert n5.decision_ground == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert n5.incompatible_content_ground == "leakwatch leak policy, clause 2"
    c2 = _row(report, ids["c2"])
    assert c2.decision_visibility == ("DECISION_VISIBILITY_CONTENT_DISABLED",)
    assert c2.decision_provision == "DECISION_PROVISION_PARTIAL_SUSPENSION"
    assert c2.category == "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY"
    assert c2.category_addition == ("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",)
    assert (c2.source_type, c2.automated_detection) == ("SOURCE_VOLUNTARY", "Yes")
    assert "2 message(s)" in c2.decision_facts
    assert _row(report, ids["c4"]).application_date == "2024-04-01"  # acted on the next day
    puids = {s.puid for s in report.statements}
    for excluded in ("n0", "n4", "c3", "c5", "c1_appeal"):
        assert f"leakwatch:decision:{ids[excluded]}" not in puids


def test_csv_parses_with_one_row_per_statement(report: TransparencyReport) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert len(rows) == len(report.statements)
    assert list(rows[0]) == StatementOfReasons.field_names()
    for row in rows:
        assert json.loads(row["decision_visibility"])[0].startswith("DECISION_VISIBILITY_")
        assert json.loads(row["territorial_scope"]) == ["IQ"]
        assert row["decision_monetary"] == ""


def test_json_has_aggregates_and_rows(report: TransparencyReport) -> None:
    data = json.loads(to_json(report))
    agg = data["aggregates"]
    assert agg["period"] == {"from": "2024-03-01", "to": "2024-03-31"}
    assert agg["notices"]["notice_to_action_hours"]["median"] == 6.0
    assert agg["notices"]["notice_to_action_hours"]["p90"] == 52.8
    assert agg["by_source"] == {"notice": 6, "own_detection": 4}
    assert len(data["statements_of_reasons"]) == 8


def test_the_liaison_reads_it_without_personal_data(world: tuple[Store, dict[str, int]]) -> None:
    report = transparency_report(world[0], resolve(world[0], "lia"), *MARCH)
    for text in (to_json(report), to_csv(report), render_html(report)):
        for private in PRIVATE:
            assert private not in text


def test_exporting_is_audited(world: tuple[Store, dict[str, int]]) -> None:
    store = world[0]
    transparency_report(store, resolve(store, "lia"), *MARCH, export_format="csv")
    with store.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.event == "report_exported")).all()
        assert [(e.actor, e.payload["format"], e.payload["statements"]) for e in events] == [
            ("lia", "csv", 8)
        ]
        assert events[0].payload["from"] == "2024-03-01"
        assert verify(s).ok


@pytest.mark.parametrize("actor", ["ada", "ana", "rev", "lia", "aud"])
def test_every_role_may_read_the_report(world: tuple[Store, dict[str, int]], actor: str) -> None:
    assert transparency_report(world[0], resolve(world[0], actor), *MARCH).decisions == 10


def test_refusals(world: tuple[Store, dict[str, int]]) -> None:
    store = world[0]
    with pytest.raises(NotFound):
        transparency_report(store, resolve(store, "mallory"), *MARCH)
    with pytest.raises(UsageError):
        transparency_report(store, resolve(store, "rev"), date(2024, 3, 31), date(2024, 3, 1))


def test_an_empty_period(world: tuple[Store, dict[str, int]]) -> None:
    report = transparency_report(
        world[0], resolve(world[0], "rev"), date(2023, 1, 1), date(2023, 1, 31)
    )
    assert (report.decisions, report.statements, report.median_hours) == (0, (), None)
    assert "No notice was actioned" in render_html(report)
    assert to_csv(report).count("\n") == 1
