"""Review and accounts: users, an audit log of every change, the machine's
version of each claim an analyst changed, a review state per claim, and an
index for the web register's supplier filter.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id")),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_audit_log_claim", "audit_log", ["claim_id", "id"])
    op.create_table(
        "claim_machine",
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("fields", sa.Text, nullable=False),
    )
    op.add_column(
        "claims",
        sa.Column("review", sa.String(10), nullable=False, server_default="machine"),
    )
    op.add_column("claims", sa.Column("review_note", sa.Text))
    # the web register filters by supplier alone, newest first
    op.create_index("ix_claims_supplier", "claims", ["supplier", "on_date"])


def downgrade() -> None:
    op.drop_index("ix_claims_supplier", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("review_note")
        batch.drop_column("review")
    for table in ("claim_machine", "audit_log", "users"):
        op.drop_table(table)
