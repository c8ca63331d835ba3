"""Alembic environment: runs on the connection `leakwatch.store.db.upgrade` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from leakwatch.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with config.attributes["engine"].begin() as conn:
        _run(conn)
