"""Issue 8.6: values scan accepts must not make ingest (or the workflow commands) traceback, on
SQLite and on PostgreSQL: ids beyond 64 bits, NUL characters in names, over-long free text, and a
read-only store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_support import ADMIN, KEYS, LEAK, admin_store, scalar, stored_pairs, write_jsonl

from leakwatch.errors import UsageError
from leakwatch.store.db import ReadOnlyStore, open_store
from leakwatch.store.ingest import ingest
from leakwatch.workflow.appeals import file_appeal
from leakwatch.workflow.notices import submit_notice
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.users import add_user, bootstrap_admin


def test_ids_beyond_64_bits_are_skipped_and_counted(db_url: str, tmp_path: Path) -> None:
    """Ids are stored as 64-bit integers; an id outside that range is skipped and counted, never
    a traceback. A channel id beyond it keeps its key (text) without the numeric id."""
    posts = [
        {"channel": "chan", "id": 2**63, "text": LEAK},
        {"channel": "chan", "id": 2**64 + 5, "text": LEAK},
        {"channel": "chan", "id": -(2**63) - 1, "text": LEAK},
        {"channel": "chan", "id": 2**63 - 1, "text": LEAK},
        {"channel": "x", "channel_id": 2**70, "id": 1, "text": LEAK},
    ]
    export = write_jsonl(tmp_path / "p.jsonl", posts)
    store = admin_store(db_url)
    report = ingest(store, KEYS, resolve(store, ADMIN), [str(export)])
    assert (report.read, report.stored, report.skipped_out_of_range) == (5, 2, 3)
    assert sorted(stored_pairs(db_url)) == [("name:chan", 2**63 - 1), (f"telegram:{2**70}", 1)]
    again = ingest(store, KEYS, resolve(store, ADMIN), [str(export)])
    assert (again.stored, again.already_stored, again.skipped_out_of_range) == (0, 2, 3)
    store.close()


def test_nul_characters_in_names_are_stored_as_replacement(db_url: str, tmp_path: Path) -> None:
    """PostgreSQL refuses NUL in text columns; channel names, dates and sources with one are
    stored with U+FFFD instead, on both backends alike."""
    posts = [{"channel": "bad\x00name", "id": 1, "text": LEAK, "date": "2024-03-01\x00"}]
    export = write_jsonl(tmp_path / "nul\x01.jsonl", posts)
    store = admin_store(db_url)
    assert ingest(store, KEYS, resolve(store, ADMIN), [str(export)]).stored == 1
    assert stored_pairs(db_url) == [("name:bad\ufffdname", 1)]
    assert scalar(db_url, "SELECT COUNT(*) FROM channels WHERE title LIKE 'bad%name'") == 1
    store.close()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("authority", "A" * 201, "the authority is 201 characters long; at most 200 allowed"),
        ("reference", "R" * 5000, "the reference is 5,000 characters long; at most 200 allowed"),
        ("legal_basis", "L" * 501, "the legal basis is 501 characters long; at most 500 allowed"),
        ("authority", "CMC\x00", "the authority contains a NUL character"),
        ("links", ["t.me/c/1/" + "9" * 600], "link 1 is 609 characters long; at most 500 allowed"),
    ],
)
def test_over_long_notice_fields_are_one_line(
    db_url: str, field: str, value: object, message: str
) -> None:
    store = admin_store(db_url)
    args: dict[str, object] = {
        "authority": "CMC", "reference": "R/1", "legal_basis": "Law 1", "links": ["t.me/c/1/1"],
    }  # fmt: skip
    args[field] = value
    with pytest.raises(UsageError) as err:
        submit_notice(store, resolve(store, ADMIN), category="personal_data", **args)  # type: ignore[arg-type]
    assert str(err.value) == message
    assert scalar(db_url, "SELECT COUNT(*) FROM notices") == 0
    store.close()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("u" * 65, "the user name is 65 characters long; at most 64 allowed"),
        ("u" * 100, "the user name is 100 characters long; at most 64 allowed"),
        ("nul\x00name", "the user name contains a NUL character"),
    ],
)
def test_over_long_user_names_are_one_line(db_url: str, name: str, message: str) -> None:
    store = open_store(db_url, keys=KEYS)
    with pytest.raises(UsageError, match=message):
        bootstrap_admin(store, name)  # the first user of an empty store
    bootstrap_admin(store, ADMIN)
    with pytest.raises(UsageError, match=message):
        add_user(store, resolve(store, ADMIN), name, "analyst")
    assert scalar(db_url, "SELECT COUNT(*) FROM users") == 1
    store.close()


def test_over_long_appellant_is_one_line(db_url: str) -> None:
    store = admin_store(db_url)
    with pytest.raises(UsageError, match="the appellant is 201 characters long"):
        file_appeal(store, resolve(store, ADMIN), 1, "o" * 201, "the grounds")
    store.close()


def _cli(
    *args: str, env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leakwatch", *args],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=300, check=False,
        cwd=cwd,
    )  # fmt: skip


def test_a_read_only_store_is_one_line_exit_2(master_key: bytes, tmp_path: Path) -> None:
    """A store SQLite may read but not write (as a read-only file is for anyone but root; the URI
    mode=ro gives the same error to root as well): one line, exit 2, nothing written."""
    db = tmp_path / "lw.db"
    admin_store(str(db)).close()
    export = write_jsonl(tmp_path / "p.jsonl", [{"channel": "chan", "id": 1, "text": LEAK}])
    ro = f"sqlite:///file:{db}?mode=ro&uri=true"
    out = _cli(
        "ingest", str(export), "--db", ro, "-w", "1", env={"LEAKWATCH_USER": ADMIN}, cwd=tmp_path
    )
    assert out.returncode == 2, out.stderr
    assert out.stderr.count("\n") == 1
    assert out.stderr.startswith("leakwatch: error: the store sqlite:///file")
    assert "is read-only: nothing was written" in out.stderr
    assert stored_pairs(f"sqlite:///{db}") == []
    assert not (tmp_path / "file:").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only file regardless")
def test_a_read_only_store_file_is_refused_before_opening(tmp_path: Path) -> None:
    db = tmp_path / "lw.db"
    admin_store(str(db)).close()
    for p in tmp_path.glob("lw.db*"):
        p.chmod(0o400)
    with pytest.raises(ReadOnlyStore, match="is read-only"):
        open_store(str(db), keys=KEYS)


def test_summary_line_counts_ids_beyond_64_bits(master_key: bytes, tmp_path: Path) -> None:
    export = tmp_path / "p.jsonl"
    export.write_text(json.dumps({"channel": "c", "id": 2**64, "text": "hi"}) + "\n")
    admin_store(str(tmp_path / "lw.db")).close()
    out = _cli("ingest", str(export), "--db", str(tmp_path / "lw.db"), "-w", "1",
               env={"LEAKWATCH_USER": ADMIN})  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "1 with ids beyond 64 bits skipped" in out.stdout
