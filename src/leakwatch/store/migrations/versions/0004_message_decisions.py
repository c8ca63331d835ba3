"""Decisions per message inside a case: a message excluded from its case (with who, when and a
no-violation reason code), and the reason code each message was decided on (personal data and
state documents may rest on different policy clauses).

Existing case messages stay in scope (not excluded) with no per-message reason: their case's
decision still speaks for them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("excluded_reason", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("excluded_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("excluded_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("reason_code", sa.String(length=40), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_case_messages_excluded_by_users"), "users", ["excluded_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("case_messages", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_case_messages_excluded_by_users"), type_="foreignkey"
        )
        batch_op.drop_column("reason_code")
        batch_op.drop_column("excluded_at")
        batch_op.drop_column("excluded_by")
        batch_op.drop_column("excluded_reason")
