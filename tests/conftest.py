"""Shared fixtures.

The network is blocked for every test except loopback (detect-secrets' conftest idea). Store tests
take the `db_url` fixture and run twice: on a SQLite file and on a real PostgreSQL server started
for the session (tests/pgserver.py); each test gets a fresh, migrated database.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pgserver import PgServer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
_LOOPBACK = ("127.0.0.1", "::1", "localhost")
_real_create_connection = socket.create_connection
_real_connect = socket.socket.connect


def _loopback(address: Any) -> bool:
    return isinstance(address, str) or (isinstance(address, tuple) and address[0] in _LOOPBACK)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        if not _loopback(address):
            raise RuntimeError("tests must not use the network")
        return _real_create_connection(address, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> Any:
        if not _loopback(address):
            raise RuntimeError("tests must not use the network")
        return _real_connect(self, address)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server per test process, with a migrated template database."""
    if os.environ.get("LEAKWATCH_TEST_PG") == "0":
        pytest.skip("LEAKWATCH_TEST_PG=0: PostgreSQL tests switched off")
    import psycopg

    from leakwatch.store.db import open_store

    server = PgServer.start()
    try:
        with psycopg.connect(
            host="127.0.0.1", port=server.port, user="leakwatch", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE lw_template")
        open_store(server.url("lw_template")).close()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'leakwatch.db'}"
        return
    import psycopg

    server: PgServer = request.getfixturevalue("pg_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(
        host="127.0.0.1", port=server.port, user="leakwatch", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE lw_template")
    yield server.url(name)


@pytest.fixture
def master_key(monkeypatch: pytest.MonkeyPatch) -> bytes:
    """A fixed test key, also exported as $LEAKWATCH_KEY for CLI subprocesses."""
    import base64

    key = bytes(range(32))
    monkeypatch.setenv("LEAKWATCH_KEY", base64.urlsafe_b64encode(key).decode())
    return key
