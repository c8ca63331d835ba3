"""Bind a store to its key and key the audit chain.

`store_meta` holds the store's key check (an HMAC under a sub-key of the master key, written on the
first keyed open) and `audit_legacy`: how many audit events predate the keyed (HMAC) chain. Those
keep their unkeyed SHA-256 links, so an existing store upgrades without losing or rewriting any
event; every later event is linked with an HMAC. `audit_head.mac` keys the head itself, so moving
the head back after deleting the newest events is detected.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    meta = op.create_table(
        "store_meta",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_store_meta")),
    )
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mac", sa.String(length=64), nullable=True))
    legacy = op.get_bind().execute(sa.text("SELECT COALESCE(MAX(seq), 0) FROM audit_events"))
    op.bulk_insert(meta, [{"name": "audit_legacy", "value": str(legacy.scalar() or 0)}])


def downgrade() -> None:
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("mac")
    op.drop_table("store_meta")
