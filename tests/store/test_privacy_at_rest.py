"""Nothing raw at rest or in logs: text only encrypted, findings only fingerprinted and masked."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from ingest_support import (
    ADMIN,
    EMAIL,
    NAME,
    NATIONAL_ID,
    PHONE,
    TEXTS,
    admin_store,
    channel_posts,
)
from sqlalchemy import create_engine, text

from leakwatch.entities import EntityType
from leakwatch.output.mask import mask
from leakwatch.store.crypto import KeyRing
from leakwatch.store.ingest import ingest
from leakwatch.workflow.principal import resolve

RAW = (PHONE, NATIONAL_ID, NAME, EMAIL, "0771 928 3746", *TEXTS)


def _all_cells(db_url: str, table: str) -> list[str]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(f"SELECT * FROM {table}")).all()
    finally:
        engine.dispose()
    assert rows
    return [
        cell.decode("utf-8", "replace") if isinstance(cell, bytes) else str(cell)
        for row in rows
        for cell in row
    ]


def test_no_plaintext_in_any_column(db_url: str, master_key: bytes, tmp_path: Path) -> None:
    keys = KeyRing.from_master(master_key)
    store = admin_store(db_url)
    ingest(
        store,
        keys,
        resolve(store, ADMIN),
        [str(channel_posts(tmp_path / "p.jsonl", "chan", range(1, 31)))],
    )
    store.close()
    cells = "\x00".join(
        c
        for table in ("messages", "findings", "channels", "audit_events")
        for c in _all_cells(db_url, table)
    )
    for raw in RAW:
        assert raw not in cells


def test_sqlite_file_bytes_hold_no_plaintext(master_key: bytes, tmp_path: Path) -> None:
    db = tmp_path / "lw.db"
    store = admin_store(str(db))
    keys = KeyRing.from_master(master_key)
    ingest(
        store,
        keys,
        resolve(store, ADMIN),
        [str(channel_posts(tmp_path / "p.jsonl", "chan", range(1, 31)))],
    )
    store.close()
    blob = b"".join(p.read_bytes() for p in tmp_path.glob("lw.db*"))
    assert b"name:chan" in blob  # the file is really there and holds the rows
    for raw in RAW:
        assert raw.encode("utf-8") not in blob


def test_findings_keep_only_fingerprints_and_masks(
    db_url: str, master_key: bytes, tmp_path: Path
) -> None:
    keys = KeyRing.from_master(master_key)
    store = admin_store(db_url)
    ingest(
        store,
        keys,
        resolve(store, ADMIN),
        [str(channel_posts(tmp_path / "p.jsonl", "chan", [3, 4]))],
    )
    with store.engine.connect() as conn:
        rows = {
            (t, fp, m)
            for t, fp, m in conn.execute(
                text("SELECT entity_type, fingerprint, masked FROM findings")
            )
        }
    store.close()
    planted = {
        (EntityType.PHONE_NUMBER, PHONE),
        (EntityType.IQ_NATIONAL_ID, NATIONAL_ID),
        (EntityType.EMAIL_ADDRESS, EMAIL),
    }
    for etype, value in planted:
        assert (etype.value, keys.fingerprint(etype, value), mask(etype, value)) in rows
    # the same phone, written differently in the two posts (LEAK, CONTACT), has one fingerprint
    phones = {fp for t, fp, _ in rows if t == EntityType.PHONE_NUMBER.value}
    assert len(phones) == 1


def test_logs_carry_nothing_raw(
    db_url: str, master_key: bytes, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # before opening the store: SQLAlchemy then logs every statement, its parameters and rows
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")
    keys = KeyRing.from_master(master_key)
    store = admin_store(db_url)
    export = channel_posts(tmp_path / "p.jsonl", "chan", range(1, 31))
    ingest(store, keys, resolve(store, ADMIN), [str(export)], workers=1, batch=8)
    ingest(store, keys, resolve(store, ADMIN), [str(export)], workers=1, batch=8)
    store.close()
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r}" for r in caplog.records
    )  # fmt: skip
    assert "leakwatch.store" in logged
    assert "INSERT INTO messages" in logged  # SQLAlchemy's statement log was on
    assert "0771*****46" in logged  # ... with its parameters (a masked preview is fine)
    for raw in RAW:
        assert raw not in logged


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_sqlite_store_files_are_0600_in_a_0700_folder(master_key: bytes, tmp_path: Path) -> None:
    """Issue 8.11: the SQLite file was created 0644, so other local users read fingerprints,
    previews, titles and the audit log. Now the file, its -wal and -shm are 0600 and a folder
    leakwatch creates is 0700."""
    db = tmp_path / "new" / "folder" / "lw.db"
    store = admin_store(str(db))
    export = channel_posts(tmp_path / "p.jsonl", "chan", range(1, 11))
    ingest(store, KeyRing.from_master(master_key), resolve(store, ADMIN), [str(export)])
    files = [p for p in db.parent.iterdir() if p.name.startswith("lw.db")]
    assert {p.name for p in files} >= {"lw.db", "lw.db-wal", "lw.db-shm"}
    assert {p.name: _mode(p) for p in files} == dict.fromkeys((p.name for p in files), 0o600)
    assert _mode(db.parent) == _mode(db.parent.parent) == 0o700
    store.close()


def test_an_existing_world_readable_store_is_tightened(tmp_path: Path) -> None:
    db = tmp_path / "lw.db"
    admin_store(str(db)).close()
    for p in tmp_path.glob("lw.db*"):
        p.chmod(0o644)
    admin_store(str(db)).close()
    assert all(_mode(p) == 0o600 for p in tmp_path.glob("lw.db*"))
