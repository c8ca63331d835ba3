"""Issue 8.9: a store is tied to its key. Another key is refused with one line, commands that read
never create a key, `key rotate` re-keys everything in one transaction, and a store made before
keys were bound (schema 0001) upgrades with every row and event kept."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from ingest_support import ADMIN, KEYS, NATIONAL_ID, PHONE, admin_store, channel_posts, scalar
from sqlalchemy import insert, select, text, update

from leakwatch.entities import EntityType
from leakwatch.errors import PermissionDenied, StoreError
from leakwatch.store.crypto import KeyRing
from leakwatch.store.db import alembic_config, open_store
from leakwatch.store.ingest import ingest
from leakwatch.store.message_rows import text_aad
from leakwatch.store.models import AuditEvent, Channel, FindingRow, StoredMessage
from leakwatch.store.rotate import rotate_key
from leakwatch.workflow.audit import GENESIS, _digest, verify
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.users import add_user

OTHER = KeyRing.from_master(b"\x05" * 32)


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leakwatch", *args],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=300, check=False,
    )  # fmt: skip


def test_a_store_refuses_another_key(db_url: str) -> None:
    admin_store(db_url).close()
    with pytest.raises(StoreError, match=r"\(key id \w+\) is not this store's key"):
        open_store(db_url, keys=OTHER)
    open_store(db_url, keys=KEYS).close()  # its own key still opens it


def test_ingest_under_another_key_stores_nothing(db_url: str, tmp_path: Path) -> None:
    store = admin_store(db_url)
    export = channel_posts(tmp_path / "p.jsonl", "chan", range(1, 5))
    assert ingest(store, KEYS, resolve(store, ADMIN), [str(export)]).stored == 4
    more = channel_posts(tmp_path / "q.jsonl", "chan", range(5, 9))
    with pytest.raises(StoreError, match="is not this store's key"):
        ingest(store, OTHER, resolve(store, ADMIN), [str(more)])
    assert scalar(db_url, "SELECT COUNT(*) FROM messages") == 4
    store.close()


@pytest.mark.parametrize(
    "command",
    [["status"], ["reveal", "1", "--reason", "checking the match"], ["case", "list"],
     ["trace", "name:chan/1"], ["audit", "verify"], ["user", "list"]],
)  # fmt: skip
def test_reading_commands_never_create_a_key(tmp_path: Path, command: list[str]) -> None:
    key_file = tmp_path / "keys" / "leakwatch.key"
    env = {"LEAKWATCH_KEY": "", "LEAKWATCH_KEY_FILE": str(key_file), "LEAKWATCH_USER": ADMIN}
    out = _cli(*command, "--db", str(tmp_path / "lw.db"), env=env)
    assert out.returncode == 3, out.stderr
    assert out.stderr.startswith(f"leakwatch: error: no key: {key_file} does not exist")
    assert out.stderr.count("\n") == 1
    assert not key_file.exists()


def test_init_creates_the_key_then_a_second_key_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "leakwatch.key"
    db = str(tmp_path / "lw.db")
    env = {"LEAKWATCH_KEY": "", "LEAKWATCH_KEY_FILE": str(key_file), "LEAKWATCH_USER": ADMIN}
    made = _cli("init", "--db", db, env=env)
    assert made.returncode == 0, made.stderr
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert _cli("status", "--db", db, env=env).returncode == 0
    other = base64.urlsafe_b64encode(b"\x05" * 32).decode()
    export = channel_posts(tmp_path / "p.jsonl", "chan", range(1, 3))
    refused = _cli("ingest", str(export), "--db", db, env={**env, "LEAKWATCH_KEY": other})
    assert refused.returncode == 3
    assert refused.stderr.count("\n") == 1
    assert "is not this store's key" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_rotate_rekeys_texts_fingerprints_and_audit(db_url: str, tmp_path: Path) -> None:
    store = admin_store(db_url)
    export = channel_posts(tmp_path / "p.jsonl", "chan", range(1, 13))
    ingest(store, KEYS, resolve(store, ADMIN), [str(export)])
    with store.session() as s:  # purge one leak's text: its findings have live twins (ids 1, 4)
        s.execute(
            update(StoredMessage)
            .where(StoredMessage.message_id == 7)
            .values(text_nonce=None, text_cipher=None)
        )
    add_user(store, resolve(store, ADMIN), "ana", "analyst")
    with pytest.raises(PermissionDenied):
        rotate_key(store, resolve(store, "ana"), OTHER)

    report = rotate_key(store, resolve(store, ADMIN), OTHER)
    assert report.texts == 11
    assert report.fingerprints_unmatched == 0
    assert report.new_key_id == OTHER.key_id
    store.close()

    with pytest.raises(StoreError, match="is not this store's key"):
        open_store(db_url, keys=KEYS)
    store = open_store(db_url, keys=OTHER)
    with store.session() as s:
        assert verify(s).ok
        for mid, nonce, cipher in s.execute(
            select(StoredMessage.message_id, StoredMessage.text_nonce, StoredMessage.text_cipher)
            .where(StoredMessage.text_cipher.is_not(None))
        ):  # fmt: skip
            assert nonce is not None
            assert cipher is not None
            OTHER.open(nonce, cipher, text_aad("name:chan", mid))
        fps = set(s.scalars(select(FindingRow.fingerprint)))
    assert OTHER.fingerprint(EntityType.PHONE_NUMBER, PHONE) in fps
    assert OTHER.fingerprint(EntityType.IQ_NATIONAL_ID, NATIONAL_ID) in fps
    assert KEYS.fingerprint(EntityType.PHONE_NUMBER, PHONE) not in fps
    # a new ingest under the new key matches what was re-keyed
    more = channel_posts(tmp_path / "q.jsonl", "chan", range(13, 17))
    assert ingest(store, OTHER, resolve(store, ADMIN), [str(more)]).stored == 4
    store.close()


def test_a_store_from_before_key_binding_upgrades_keeping_everything(db_url: str) -> None:
    """A 0001 store with data and an unkeyed chain: upgrading keeps every row and event, the old
    events verify as legacy SHA-256 links, and new events are keyed."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    command.downgrade(alembic_config(engine), "base")  # the PostgreSQL template is migrated
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO channels (key, title, first_ingested_at, "
                          "last_ingested_at, restricted) VALUES ('name:old', 'Old', "
                          "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, false)"))  # fmt: skip
        prev = GENESIS
        for seq in (1, 2, 3):
            at = datetime(2026, 1, seq, tzinfo=UTC)
            digest = _digest(None, seq, at, "old", "case_opened", f"case:{seq}", {"n": seq}, prev)
            conn.execute(
                insert(AuditEvent),
                {"seq": seq, "at": at, "actor": "old", "event": "case_opened",
                 "subject": f"case:{seq}", "payload": {"n": seq}, "prev_hash": prev,
                 "hash": digest},
            )  # fmt: skip
            prev = digest
        conn.execute(text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 3, :h)"), {"h": prev})
    engine.dispose()

    store = open_store(db_url, keys=KEYS)
    with store.session() as s:
        report = verify(s)
        assert report.ok, report.problem
        assert (report.events, report.legacy) == (4, 3)  # three legacy events, then key_bound
        assert s.scalars(select(Channel.title)).all() == ["Old"]
    with pytest.raises(StoreError, match="is not this store's key"):
        open_store(db_url, keys=OTHER)
    store.close()


def test_key_rotate_cli_moves_the_store_to_the_new_key_file(tmp_path: Path) -> None:
    old_file, new_file = tmp_path / "old.key", tmp_path / "new.key"
    db = str(tmp_path / "lw.db")
    env = {"LEAKWATCH_KEY": "", "LEAKWATCH_KEY_FILE": str(old_file), "LEAKWATCH_USER": ADMIN}
    export = channel_posts(tmp_path / "p.jsonl", "chan", range(1, 7))
    assert _cli("init", "--db", db, env=env).returncode == 0
    assert _cli("ingest", str(export), "--db", db, "-w", "1", env=env).returncode == 0
    refused = _cli("key", "rotate", "--new-key-file", str(old_file), "--db", db, env=env)
    assert refused.returncode == 2
    assert "exists; name a new file" in refused.stderr
    done = _cli("key", "rotate", "--new-key-file", str(new_file), "--db", db, env=env)
    assert done.returncode == 0, done.stderr
    assert "6 texts re-encrypted" in done.stdout
    assert new_file.stat().st_mode & 0o777 == 0o600
    assert _cli("status", "--db", db, env=env).returncode == 3  # the old key is refused now
    new_env = {**env, "LEAKWATCH_KEY_FILE": str(new_file)}
    assert _cli("audit", "verify", "--db", db, env=new_env).returncode == 0
    shown = _cli("reveal", "1", "--reason", "after the rotation", "--db", db, env=new_env)
    assert shown.returncode == 0, shown.stderr
