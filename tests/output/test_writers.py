"""The scan output contract: keys, order, masking, formats."""

from __future__ import annotations

import csv
import io
import json

import pytest

from leakwatch.assess.verdict import Assessment
from leakwatch.detect.finding import Finding
from leakwatch.entities import Category, EntityType, Severity, Verdict
from leakwatch.errors import UsageError
from leakwatch.output.records import to_record
from leakwatch.output.writers import write_results
from leakwatch.scan.engine import MAX_SCAN_CHARS, scan
from leakwatch.scan.result import ScanResult
from leakwatch.sources.message import Message

CONTRACT_KEYS = [
    "source", "channel_id", "channel", "message_id", "date", "verdict", "severity", "risk",
    "categories", "findings",
]  # fmt: skip


def _result() -> ScanResult:
    phone = Finding(EntityType.PHONE_NUMBER, 9, 20, 0.95, "iq_phone", "07701234567", "mobile")
    assessment = Assessment(
        Verdict.LEAK, Severity.HIGH, (Category.PERSONAL_DATA,), 0.93, ("identity_bundle",), 1
    )
    return ScanResult("x/result.json", 1700015838, "قناة", 12, "2023-08-06T07:09:01Z", (phone,),
                      assessment, 20)  # fmt: skip


def test_jsonl_follows_the_contract() -> None:
    out = io.StringIO()
    write_results([_result()], "jsonl", out)
    rec = json.loads(out.getvalue())
    assert [k for k in rec if k in CONTRACT_KEYS] == CONTRACT_KEYS
    assert rec["findings"][0] == {
        "entity_type": "PHONE_NUMBER", "start": 9, "end": 20, "score": 0.95,
        "recognizer": "iq_phone", "masked": "0770*****67",
    }  # fmt: skip
    assert "07701234567" not in out.getvalue()


def test_reveal_writes_the_value() -> None:
    out = io.StringIO()
    write_results([_result()], "jsonl", out, reveal=True)
    assert json.loads(out.getvalue())["findings"][0]["value"] == "07701234567"


def test_json_is_one_array() -> None:
    out = io.StringIO()
    write_results([_result(), _result()], "json", out)
    assert len(json.loads(out.getvalue())) == 2


def test_csv_has_one_row_per_finding() -> None:
    out = io.StringIO()
    write_results([_result()], "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["entity_type"] == "PHONE_NUMBER"
    assert rows[0]["masked"] == "0770*****67"
    assert rows[0]["categories"] == "personal_data"


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        write_results([], "xml", io.StringIO())


def test_a_message_scanned_in_part_says_so_in_its_record() -> None:
    """Issue 8: a message past the scan's limits is reported as truncated, not silently cut."""
    long = Message("x.jsonl", 1, "c", 1, None, "رقمه 07701234567 " + "ا" * MAX_SCAN_CHARS)
    short = Message("x.jsonl", 1, "c", 2, None, "رقمه 07701234567")
    records = [to_record(r) for r in scan([long, short])]
    assert records[0]["truncated"] is True
    assert "truncated" not in records[1]
