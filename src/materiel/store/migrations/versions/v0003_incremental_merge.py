"""The incremental merge: what each assertion keeps to take new claims
without reading its old ones (its place in its group, its seed, hedged
count, latest status's rank, categories) and the table of the root documents
it counts; the assertions of a store made before are merged again, claim by
claim in ingest order.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

KEY = 16
COLUMNS = (
    sa.Column("ordinal", sa.Integer, nullable=False, server_default="0"),
    sa.Column("seed_value", sa.Float),
    sa.Column("seed_approximate", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("seed_bound", sa.String(8)),
    sa.Column("n_hedged", sa.Integer, nullable=False, server_default="0"),
    sa.Column("status_rank", sa.String(96), nullable=False, server_default=""),
    sa.Column("categories", sa.Text, nullable=False, server_default="{}"),
)


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column("assertions", column)
    op.drop_index("ix_assertions_group", "assertions")
    op.create_index("ix_assertions_group", "assertions", ["group_key", "ordinal"])
    op.create_table(
        "assertion_documents",
        sa.Column("assertion_key", sa.String(KEY), primary_key=True),
        sa.Column("root", sa.String(64), primary_key=True),
    )
    # Imported here: the merge as of this revision (a store made by 0001 has
    # no claims newer than this code).
    from materiel.store.rebuild import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("assertion_documents")
    op.drop_index("ix_assertions_group", "assertions")
    op.create_index("ix_assertions_group", "assertions", ["group_key"])
    for column in reversed(COLUMNS):
        op.drop_column("assertions", column.name)
