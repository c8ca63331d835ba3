"""`leakwatch channels`, `leakwatch trace` and `leakwatch report transparency` as a user runs
them: output formats, files, one-line errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from report_seed import (
    ALI,
    ALI_PHONE,
    KEYS,
    PRIVATE,
    fingerprint,
    seed_report_world,
    seed_trace_world,
)

from leakwatch.cli.main import main
from leakwatch.store.db import open_store

# Every report test acts under the seed's key (report_seed.KEYS), exported for the CLI too.
pytestmark = pytest.mark.usefixtures("master_key")

PERIOD = ["--from", "2024-03-01", "--to", "2024-03-31"]


def _run(
    capsys: pytest.CaptureFixture[str], db_url: str, actor: str, *args: str
) -> tuple[int, str, str]:
    code = main([*args, "--db", db_url, "--as", actor])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def trace_db(db_url: str) -> str:
    store = open_store(db_url, keys=KEYS)
    seed_trace_world(store)
    store.close()
    return db_url


@pytest.fixture
def report_db(db_url: str) -> str:
    store = open_store(db_url, keys=KEYS)
    seed_report_world(store)
    store.close()
    return db_url


def test_channels_table_and_json(trace_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, trace_db, "ana", "channels")
    assert code == 0
    assert "Channels by leak risk" in out
    assert "Leaks Central" in out
    code, out, _ = _run(capsys, trace_db, "ana", "channels", "--format", "json", "--limit", "2")
    rows = json.loads(out)
    assert [r["rank"] for r in rows] == [1, 2]
    assert all(r["score"] > 0 for r in rows)


def test_trace_tree_and_json(trace_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, trace_db, "rev", "trace", "Mirror News/20")
    assert code == 0
    assert "★ first seen" in out
    assert "Leaks Central → Mirror News → Forwarder" in out
    assert ALI not in out
    assert ALI_PHONE not in out
    fp = fingerprint("PHONE_NUMBER", ALI_PHONE)
    code, out, _ = _run(capsys, trace_db, "rev", "trace", "--fingerprint", fp[:12], "-f", "json")
    view = json.loads(out)
    assert view["target"] == fp
    assert view["fingerprints"][0]["likely_source"]["channel"] == "telegram:100"


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (["trace"], 2, "needs a message reference or --fingerprint"),
        (["trace", "Mirror News/x"], 2, "not a message reference"),
        (["trace", "Nowhere/1"], 4, "no stored channel"),
        (["channels", "--limit", "0"], 2, "--limit must be at least 1"),
    ],
)
def test_trace_and_channel_errors_are_one_line(
    trace_db: str, capsys: pytest.CaptureFixture[str], args: list[str], exit_code: int,
    message: str,
) -> None:  # fmt: skip
    code, _, err = _run(capsys, trace_db, "ana", *args)
    assert code == exit_code
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("leakwatch: error:")
    assert message in err


@pytest.mark.parametrize(
    ("actor", "args"), [("lia", ["channels"]), ("lia", ["trace", "Mirror News/20"]),
                        ("aud", ["trace", "Mirror News/20"])],
)  # fmt: skip
def test_refused_roles_exit_5(
    trace_db: str, capsys: pytest.CaptureFixture[str], actor: str, args: list[str]
) -> None:
    code, _, err = _run(capsys, trace_db, actor, *args)
    assert code == 5
    assert "may not" in err


def test_report_formats(report_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html_file, csv_file = tmp_path / "r.html", tmp_path / "r.csv"
    code, _, err = _run(capsys, report_db, "lia", "report", "transparency", *PERIOD,
                        "-o", str(html_file))  # fmt: skip
    assert code == 0
    assert "8 statement(s) of reasons" in err
    html = html_file.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") >= 6
    assert "<script" not in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    code, _, _ = _run(capsys, report_db, "lia", "report", "transparency", *PERIOD,
                      "--output", str(csv_file))  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
    assert len(rows) == 8
    code, out, _ = _run(capsys, report_db, "lia", "report", "transparency", *PERIOD,
                        "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert data["aggregates"]["decisions"] == 10
    for private in PRIVATE:
        assert private not in out
        assert private not in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2024-13-01", "--to", "2024-03-31"], "--from '2024-13-01' is not a date"),
        (["--from", "2024-03-01", "--to", "March"], "--to 'March' is not a date"),
        (["--from", "2024-03-31", "--to", "2024-03-01"], "is before --from"),
    ],
)
def test_bad_dates_are_one_line(
    report_db: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = _run(capsys, report_db, "lia", "report", "transparency", *args)
    assert code == 2
    assert out == ""
    assert err.strip().splitlines() == [err.strip()]
    assert message in err


def test_output_into_a_missing_folder(
    report_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, report_db, "lia", "report", "transparency", *PERIOD,
                        "-o", str(tmp_path / "nope" / "r.html"))  # fmt: skip
    assert code == 2
    assert "no such directory" in err
