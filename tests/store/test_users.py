"""Users: bootstrap admin, adding users by role, refusals; the admin CLI commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_support import KEYS

from leakwatch.errors import Conflict, NotFound, PermissionDenied, UsageError
from leakwatch.store.db import open_store
from leakwatch.workflow.audit import verify
from leakwatch.workflow.principal import resolve
from leakwatch.workflow.users import add_user, bootstrap_admin, list_users


def test_first_user_becomes_admin_once(db_url: str) -> None:
    store = open_store(db_url, keys=KEYS)
    assert bootstrap_admin(store, "root")
    assert not bootstrap_admin(store, "someone-else")
    assert [(u.name, u.role) for u in list_users(store, resolve(store, "root"))] == [
        ("root", "admin")
    ]
    with store.session() as s:
        assert verify(s).events == 2  # key_bound, user_added
    store.close()


def test_admin_adds_users_others_may_not(db_url: str) -> None:
    store = open_store(db_url, keys=KEYS)
    bootstrap_admin(store, "root")
    add_user(store, resolve(store, "root"), "rita", "reviewer")
    with pytest.raises(PermissionDenied, match="role reviewer may not manage users"):
        add_user(store, resolve(store, "rita"), "eve", "admin")
    with pytest.raises(Conflict):
        add_user(store, resolve(store, "root"), "rita", "analyst")
    with pytest.raises(UsageError, match="unknown role"):
        add_user(store, resolve(store, "root"), "x", "superuser")
    with pytest.raises(NotFound, match="no active user 'ghost'"):
        resolve(store, "ghost")
    store.close()


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leakwatch", *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )


def test_cli_user_and_audit_verify(db_url: str, master_key: bytes) -> None:
    env = {**os.environ, "LEAKWATCH_DB": db_url, "LEAKWATCH_USER": "root"}
    refused = _cli("user", "add", "ana", "--role", "analyst", env=env)
    assert refused.returncode == 4  # an empty store gets an admin first, and only explicitly
    assert "the store has no users yet" in refused.stderr
    first = _cli("user", "add", "root", "--role", "admin", env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "added root (admin), the store's first user\n"
    assert _cli("user", "add", "ana", "--role", "analyst", env=env).returncode == 0
    assert _cli("user", "add", "aud", "--role", "auditor", env=env).returncode == 0
    listed = _cli("user", "list", env=env)
    assert listed.stdout.splitlines() == [
        "root\tadmin\tactive",
        "ana\tanalyst\tactive",
        "aud\tauditor\tactive",
    ]
    ok = _cli("audit", "verify", "--as", "aud", "--format", "json", env=env)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["events"] == 4  # key_bound and three user_added
    refused = _cli("audit", "verify", "--as", "ana", env=env)
    assert refused.returncode == 5
    assert refused.stderr.strip() == "leakwatch: error: role analyst may not verify audit"
    assert "Traceback" not in refused.stderr

    store = open_store(db_url)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_events SET actor = 'x' WHERE seq = 2")
    store.close()
    broken = _cli("audit", "verify", "--as", "aud", env=env)
    assert broken.returncode == 1
    assert broken.stderr.strip() == (
        "leakwatch: error: audit log broken: event 2 was altered after it was written"
    )


def test_cli_bad_database_url_is_one_line() -> None:
    env = {**os.environ, "LEAKWATCH_USER": "root"}
    out = _cli("user", "list", "--db", "nosuchdialect://x", env=env)
    assert out.returncode == 3
    assert out.stderr.count("\n") == 1
    assert "Traceback" not in out.stderr


def test_init_makes_the_acting_user_the_first_admin_once(tmp_path: Path) -> None:
    env = {**os.environ, "LEAKWATCH_DB": str(tmp_path / "lw.db"), "LEAKWATCH_USER": "root"}
    env["LEAKWATCH_KEY_FILE"] = str(tmp_path / "lw.key")
    env.pop("LEAKWATCH_KEY", None)
    made = _cli("init", env=env)
    assert made.returncode == 0, made.stderr
    assert "first admin: root" in made.stdout
    again = _cli("init", env=env)
    assert again.returncode == 0, again.stderr
    assert "it has users already" in again.stdout
    taken = _cli("init", "--as", "eve", env=env)  # a second init makes nobody admin
    assert taken.returncode == 4
    assert "no active user 'eve'" in taken.stderr
    late = _cli("user", "add", "eve", "--role", "admin", "--as", "eve", env=env)
    assert late.returncode == 4  # only an existing admin adds another once the store has one
    listed = _cli("user", "list", env=env)
    assert listed.stdout.splitlines() == ["root\tadmin\tactive"]
