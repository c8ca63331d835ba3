"""The migrations build exactly the schema the models describe, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from leakwatch.store.db import open_store
from leakwatch.store.models import Base


def test_migrations_match_models(db_url: str) -> None:
    store = open_store(db_url)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        store.close()


def test_open_twice_is_idempotent(db_url: str) -> None:
    open_store(db_url).close()
    open_store(db_url).close()


def test_schema_head_constant_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from leakwatch.store.db import SCHEMA_HEAD, alembic_config

    cfg = alembic_config(create_engine("sqlite://"))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


def test_store_reports_its_revision(db_url: str) -> None:
    from leakwatch.store.db import SCHEMA_HEAD, current_revision

    store = open_store(db_url)
    assert current_revision(store) == SCHEMA_HEAD
    store.close()
