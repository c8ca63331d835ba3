"""Opening the store: a URL or a SQLite path, migrated to the latest schema on open.

SQLite (the embedded default, one file in the user's data directory) runs in WAL mode and starts
every transaction with `BEGIN IMMEDIATE`, so concurrent writers queue instead of failing half-way;
PostgreSQL serializes the audit chain with an advisory lock (workflow.audit).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from leakwatch.errors import NotFound, StoreError

if TYPE_CHECKING:
    from leakwatch.store.crypto import KeyRing

Row = TypeVar("Row")

MIGRATIONS = Path(__file__).with_name("migrations")
#: The newest migration's revision. Checked against Alembic's own head by the tests, so a store
#: already at this revision opens without importing Alembic (half of every command's start-up).
SCHEMA_HEAD = "0007"
#: Where a session carries the store's keys (`Session.info`), for the audit chain's HMAC.
KEYS_INFO = "leakwatch.keys"


class ReadOnlyStore(StoreError):
    """The store can be read but not written (a read-only file, folder or database)."""

    exit_code = 2
    http_status = 503


def _read_only(exc: OperationalError) -> bool:
    text_ = str(exc.orig).lower()
    return "readonly" in text_ or "read-only" in text_ or "read only" in text_


def default_db_path() -> Path:
    """`$LEAKWATCH_DB` if set, else `leakwatch.db` in the user's data directory."""
    return Path(user_data_dir("leakwatch", appauthor=False)) / "leakwatch.db"


def resolve_url(db: str | None) -> str:
    """A SQLAlchemy URL from `db` (else the settings' `$LEAKWATCH_DB`): a URL as it is, anything
    else a SQLite file path."""
    if not db:
        from leakwatch.settings import load_settings  # pydantic only when no store was named

        db = load_settings().db
    if not db:
        path = default_db_path()
        make_private_dirs(path.parent)
        _chmod(path.parent, 0o700)  # leakwatch's own folder: nobody else's business
        return f"sqlite:///{path}"
    if "://" in db:
        if db.startswith("postgresql://"):
            db = "postgresql+psycopg://" + db.removeprefix("postgresql://")
        return db
    path = Path(db).expanduser()
    if path.is_dir():
        raise StoreError(f"the store {db} is a directory; give a file path or a database URL")
    make_private_dirs(path.parent)
    return f"sqlite:///{path}"


#: A SQLite store's files: the database and what SQLite writes beside it.
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def make_private_dirs(folder: Path) -> None:
    """Create `folder` and any missing parent 0700 (`Path.mkdir(parents=True)` would give the
    parents the default mode); existing folders are left as they are."""
    missing = []
    for p in (folder, *folder.parents):
        if p.exists():
            break
        missing.append(p)
    for p in reversed(missing):
        with suppress(FileExistsError):
            p.mkdir(mode=0o700)


def _chmod(path: Path, mode: int) -> None:
    """Tighten `path` to `mode` if it is ours and looser; leave anything else alone."""
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and st.st_mode & 0o777 & ~mode:
            path.chmod(mode)
    except OSError:
        pass  # gone, not ours or a read-only file system: SQLite reports what matters


def private_sqlite_file(path: Path) -> None:
    """Create a new SQLite store 0600 before SQLite does (SQLite gives its -wal, -shm and -journal
    files the database file's mode), with missing folders 0700, and tighten an existing store's
    files created looser by an older version: they hold fingerprints, masked previews, channel
    titles and the audit log."""
    try:
        make_private_dirs(path.parent)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"cannot create database {path}: {exc.strerror}") from exc
    for suffix in SQLITE_SUFFIXES:
        _chmod(path.with_name(path.name + suffix), 0o600)
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise ReadOnlyStore(
            f"the store {path} is read-only (the file or its folder): leakwatch writes to the "
            "store on every command (audit log, WAL); make both writable or copy the store"
        )


@dataclass(frozen=True)
class Store:
    """An engine and its session factory; `session()` is one transaction. `keys`: the store's
    verified keys (store.keybind), which every session carries for the audit chain."""

    engine: Engine
    factory: sessionmaker[Session]
    keys: KeyRing | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        try:
            with self.factory.begin() as session:
                if self.keys is not None:
                    session.info[KEYS_INFO] = self.keys
                yield session
        except OperationalError as exc:
            if _read_only(exc):
                raise ReadOnlyStore(
                    f"the store {self.engine.url.render_as_string()} is read-only: nothing was "
                    "written; make the file (and its folder) writable or use another store"
                ) from exc
            raise

    def close(self) -> None:
        self.engine.dispose()


def fetch(session: Session, model: type[Row], pk: int, what: str) -> Row:
    """The `model` row with primary key `pk`; `NotFound` ("no <what> <pk>") when there is none."""
    row = session.get(model, pk)
    if row is None:
        raise NotFound(f"no {what} {pk}")
    return row


def serialize(session: Session, name: str) -> None:
    """Hold a lock named `name` until `session`'s transaction ends, so check-then-insert work
    (open a case unless one is open) runs one caller at a time.

    PostgreSQL takes a transaction-scoped advisory lock; SQLite needs nothing, since its
    `BEGIN IMMEDIATE` already admits one writer at a time.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name})


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(engine: Engine) -> Any:
    """An Alembic config for the packaged migrations, bound to `engine`."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def open_store(
    db: str | None = None, *, migrate: bool = True, keys: KeyRing | None = None, source: str = "key"
) -> Store:
    """Open (and by default migrate) the store at `db` (see `resolve_url`); with `keys`, check
    they are the store's (recording them on first use) and carry them (store.keybind). `source`
    names where the keys came from, for the one-line refusal of a wrong key."""
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url.split('@')[-1]}") from exc
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": 30}
        if parsed.database and parsed.database != ":memory:" and "uri" not in parsed.query:
            private_sqlite_file(Path(parsed.database))
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except Exception as exc:  # unknown dialect / missing driver
        raise StoreError(f"cannot open database {parsed.render_as_string()}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        _sqlite_pragmas(engine)
    store = Store(engine, sessionmaker(engine, expire_on_commit=False))
    if migrate:
        upgrade(store)
    if keys is None:
        return store
    from leakwatch.store.keybind import bind

    return bind(store, keys, source)


def current_revision(store: Store) -> str | None:
    """The schema revision the database is at (None: not a leakwatch store yet)."""
    try:
        with store.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        if isinstance(exc, OperationalError) and "no such table" not in str(exc.orig):
            raise StoreError(f"cannot open database: {exc.orig}") from exc
        return None


def upgrade(store: Store) -> None:
    """Bring the schema to the latest migration (idempotent, and cheap when already there)."""
    if current_revision(store) == SCHEMA_HEAD:
        return
    from alembic import command

    try:
        with store.engine.begin() as conn:
            cfg = alembic_config(store.engine)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        if _read_only(exc):
            raise ReadOnlyStore(f"cannot migrate a read-only store: {exc.orig}") from exc
        raise StoreError(f"cannot open database: {exc.orig}") from exc
