"""Analysts' reliability grades for sources, overriding the catalogue's.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_grades",
        sa.Column("source", sa.String(200), primary_key=True),
        sa.Column("grade", sa.String(1), nullable=False),
        sa.Column("set_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("source_grades")
