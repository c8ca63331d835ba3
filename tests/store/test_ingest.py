"""Ingest on both backends: everything stored once, incremental, atomic batches, roles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from ingest_support import (
    ADMIN,
    TEXTS,
    admin_store,
    channel_posts,
    post,
    scalar,
    stored_pairs,
    write_jsonl,
)
from sqlalchemy import select

import leakwatch.store.batch as batch_mod
import leakwatch.store.ingest as ingest_mod
from leakwatch.errors import PermissionDenied, StoreError
from leakwatch.scan.engine import scan
from leakwatch.scan.result import ScanResult
from leakwatch.sources.discover import open_sources
from leakwatch.sources.message import Message
from leakwatch.store.crypto import KeyRing
from leakwatch.store.ingest import ingest
from leakwatch.store.message_rows import channel_key, text_aad
from leakwatch.store.models import Channel, FindingRow, StoredMessage
from leakwatch.synth import generate
from leakwatch.workflow.audit import record as real_record
from leakwatch.workflow.audit import verify
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.status import status
from leakwatch.workflow.users import add_user


@pytest.fixture(scope="module")
def synth_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate(out, messages=300, channels=3, seed=5)
    return out


@pytest.fixture
def keys(master_key: bytes) -> KeyRing:
    return KeyRing.from_master(master_key)


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the messages ingest hands to the scanner (to prove what it skips)."""
    seen: list[int] = []

    def counting(messages: Iterable[Message], workers: int = 1) -> Iterator[ScanResult]:
        def tap() -> Iterator[Message]:
            for m in messages:
                seen.append(m.message_id)
                yield m

        return scan(tap(), workers)

    monkeypatch.setattr(ingest_mod, "scan", counting)
    return seen


def test_ingest_stores_what_a_scan_finds(db_url: str, keys: KeyRing, synth_export: Path) -> None:
    store = admin_store(db_url)
    report = ingest(store, keys, resolve(store, ADMIN), [str(synth_export)], workers=2, batch=64)
    expected = {
        (channel_key(m), m.message_id): r
        for m, r in zip(
            (m for rd in open_sources([str(synth_export)]) for m in rd),
            scan((m for rd in open_sources([str(synth_export)]) for m in rd), 1),
            strict=True,
        )
    }
    assert report.read == report.stored == len(expected) == 300
    assert report.channels == 3
    assert report.leaks == sum(r.is_leak for r in expected.values())
    assert report.findings == sum(len(r.findings) for r in expected.values())
    with store.session() as s:
        rows = s.execute(
            select(Channel.key, StoredMessage.message_id, StoredMessage.verdict).join(
                Channel, Channel.id == StoredMessage.channel_id
            )
        ).all()
        assert {(k, i): v for k, i, v in rows} == {
            k: r.assessment.verdict.value for k, r in expected.items()
        }
        fingerprints = Counter(s.scalars(select(FindingRow.fingerprint)))
        assert verify(s).ok
    assert fingerprints == Counter(
        keys.fingerprint(f.entity_type, f.text) for r in expected.values() for f in r.findings
    )
    view = status(store, resolve(store, ADMIN))
    assert (view.channels, view.messages, view.findings) == (3, 300, report.findings)
    assert view.leak_messages == report.leaks
    store.close()


def test_reingest_adds_nothing_and_scans_nothing(
    db_url: str, keys: KeyRing, synth_export: Path, scanned: list[int]
) -> None:
    store = admin_store(db_url)
    ingest(store, keys, resolve(store, ADMIN), [str(synth_export)], batch=100)
    before = status(store, resolve(store, ADMIN))
    scanned.clear()
    again = ingest(store, keys, resolve(store, ADMIN), [str(synth_export)], batch=100)
    assert (again.read, again.stored, again.already_stored) == (300, 0, 300)
    assert scanned == []
    assert (
        status(store, resolve(store, ADMIN)) == before
    )  # no message, finding or audit event added
    store.close()


def test_incremental_scans_only_the_new_messages(
    db_url: str, keys: KeyRing, tmp_path: Path, scanned: list[int]
) -> None:
    store = admin_store(db_url)
    small = channel_posts(tmp_path / "a" / "posts.jsonl", "chan", range(1, 31))
    bigger = channel_posts(tmp_path / "b" / "posts.jsonl", "chan", range(1, 51))
    assert ingest(store, keys, resolve(store, ADMIN), [str(small)]).stored == 30
    scanned.clear()
    report = ingest(store, keys, resolve(store, ADMIN), [str(bigger)])
    assert (report.read, report.stored, report.already_stored) == (50, 20, 30)
    assert scanned == list(range(31, 51))
    with store.session() as s:
        assert s.scalar(select(Channel.last_message_id)) == 50
    store.close()


def test_out_of_order_ids_below_the_checkpoint_are_still_stored(
    db_url: str, keys: KeyRing, tmp_path: Path
) -> None:
    store = admin_store(db_url)
    first = channel_posts(tmp_path / "first.jsonl", "chan", [10, 20])
    later = channel_posts(tmp_path / "later.jsonl", "chan", [5, 10, 20, 25, 5])
    ingest(store, keys, resolve(store, ADMIN), [str(first)])
    report = ingest(store, keys, resolve(store, ADMIN), [str(later)])
    assert (report.read, report.stored, report.already_stored) == (5, 2, 3)
    assert sorted(stored_pairs(db_url)) == [("name:chan", i) for i in (5, 10, 20, 25)]
    store.close()


def test_a_batch_that_fails_leaves_nothing_and_a_rerun_completes(
    db_url: str, keys: KeyRing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = admin_store(db_url)
    export = channel_posts(tmp_path / "posts.jsonl", "chan", range(1, 101))
    calls = 0

    def dying_record(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:  # the third batch dies after its messages and findings were inserted
            raise RuntimeError("simulated crash")
        return real_record(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_mod, "record", dying_record)
    with pytest.raises(RuntimeError, match="simulated crash"):
        ingest(store, keys, resolve(store, ADMIN), [str(export)], batch=20)
    assert sorted(i for _, i in stored_pairs(db_url)) == list(range(1, 41))
    orphans = scalar(
        db_url,
        "SELECT count(*) FROM findings f LEFT JOIN messages m ON m.id = f.message_pk "
        "WHERE m.id IS NULL",
    )
    assert orphans == 0
    with store.session() as s:
        assert s.scalar(select(Channel.last_message_id)) == 40
        assert verify(s).ok

    monkeypatch.setattr(batch_mod, "record", real_record)
    report = ingest(store, keys, resolve(store, ADMIN), [str(export)], batch=20)
    assert (report.stored, report.already_stored) == (60, 40)
    assert sorted(i for _, i in stored_pairs(db_url)) == list(range(1, 101))
    store.close()


def test_a_truncated_export_keeps_what_was_readable(
    db_url: str, keys: KeyRing, tmp_path: Path
) -> None:
    import json

    messages = [{"id": i, "type": "message", "text": TEXTS[i % 3]} for i in range(1, 41)]
    whole = json.dumps(
        {"name": "c", "type": "public_channel", "id": 77, "messages": messages},
        ensure_ascii=False,
    ).encode()
    path = tmp_path / "result.json"
    path.write_bytes(whole[: len(whole) * 3 // 4])
    store = admin_store(db_url)
    report = ingest(store, keys, resolve(store, ADMIN), [str(path)], batch=7)
    assert len(report.errors) == 1
    assert 20 < report.stored == report.read < 40
    assert len(stored_pairs(db_url)) == report.stored
    store.close()


def test_text_is_sealed_to_its_row(db_url: str, keys: KeyRing, tmp_path: Path) -> None:
    store = admin_store(db_url)
    export = write_jsonl(tmp_path / "p.jsonl", [post("chan", i) for i in range(1, 7)])
    ingest(store, keys, resolve(store, ADMIN), [str(export)])
    with store.session() as s:
        rows = s.execute(
            select(StoredMessage.message_id, StoredMessage.text_nonce, StoredMessage.text_cipher)
        ).all()
    for mid, nonce, cipher in rows:
        assert nonce is not None
        assert cipher is not None
        assert keys.open(nonce, cipher, text_aad("name:chan", mid)) == TEXTS[mid % 3]
        with pytest.raises(StoreError, match="does not decrypt"):
            keys.open(nonce, cipher, text_aad("name:chan", mid + 1))
    other = KeyRing.from_master(b"\x01" * 32)
    mid, nonce, cipher = rows[0]
    assert nonce is not None
    assert cipher is not None
    with pytest.raises(StoreError):
        other.open(nonce, cipher, text_aad("name:chan", mid))
    store.close()


def test_only_analysts_and_admins_ingest(db_url: str, keys: KeyRing, tmp_path: Path) -> None:
    store = admin_store(db_url)
    export = channel_posts(tmp_path / "p.jsonl", "chan", range(1, 4))
    for name, role in [("ana", "analyst"), ("lia", "liaison"), ("rev", "reviewer")]:
        add_user(store, resolve(store, ADMIN), name, role)
    assert ingest(store, keys, resolve(store, "ana"), [str(export)]).stored == 3
    for name in ("lia", "rev"):
        with pytest.raises(PermissionDenied, match="may not ingest"):
            ingest(store, keys, resolve(store, name), [str(export)])
        assert status(store, resolve(store, name)).messages == 3  # every role may see the counts
    store.close()
