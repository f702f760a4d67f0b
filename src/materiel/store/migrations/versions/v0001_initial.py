"""The first register schema: documents, claims, assertions, unknown names,
and full-text search (FTS5 on SQLite, a tsvector column on PostgreSQL).

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

KEY = 16


def upgrade() -> None:
    _documents()
    _claims()
    _assertions()
    _unknown_names()
    if op.get_bind().dialect.name == "sqlite":
        _fts_sqlite()
    else:
        _fts_postgresql()


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("doc_key", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("lang", sa.String(8)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("documents.id")),
        sa.Column("similarity", sa.Float),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"])
    op.create_index("ix_documents_date", "documents", ["date"])


def _claims() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("group_key", sa.String(KEY), nullable=False),
        sa.Column("assertion_key", sa.String(KEY)),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("supplier", sa.String(64)),
        sa.Column("recipient", sa.String(64)),
        sa.Column("holder", sa.String(64)),
        sa.Column("item_text", sa.Text, nullable=False),
        sa.Column("designation", sa.String(80)),
        sa.Column("category", sa.String(24), nullable=False),
        sa.Column("qty_value", sa.Float),
        sa.Column("qty_approximate", sa.Boolean),
        sa.Column("qty_bound", sa.String(8)),
        sa.Column("qty_per", sa.String(8)),
        sa.Column("status", sa.String(12)),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("time", sa.String(32)),
        sa.Column("on_date", sa.String(10)),
        sa.Column("reported", sa.String(10)),
        sa.Column("ev_start", sa.Integer, nullable=False),
        sa.Column("ev_end", sa.Integer, nullable=False),
        sa.Column("ev_text", sa.Text, nullable=False),
        sa.Column("extra", sa.Text),
    )
    for name, columns in (
        ("document", ["document_id"]),
        ("group", ["group_key"]),
        ("assertion", ["assertion_key", "reported"]),
        ("pair", ["supplier", "recipient", "on_date"]),
        ("recipient", ["recipient", "on_date"]),
        ("holder", ["holder", "on_date"]),
        ("designation", ["designation", "on_date"]),
        ("category", ["category", "on_date"]),
        ("on_date", ["on_date"]),
    ):
        op.create_index(f"ix_claims_{name}", "claims", columns)


def _assertions() -> None:
    op.create_table(
        "assertions",
        sa.Column("key", sa.String(KEY), primary_key=True),
        sa.Column("group_key", sa.String(KEY), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("supplier", sa.String(64)),
        sa.Column("recipient", sa.String(64)),
        sa.Column("holder", sa.String(64)),
        sa.Column("designation", sa.String(80)),
        sa.Column("category", sa.String(24), nullable=False),
        sa.Column("time", sa.String(32)),
        sa.Column("qty_low", sa.Float),
        sa.Column("qty_high", sa.Float),
        sa.Column("qty_per", sa.String(8)),
        sa.Column("status", sa.String(12)),
        sa.Column("stance", sa.String(10), nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("n_support", sa.Integer, nullable=False),
        sa.Column("n_deny", sa.Integer, nullable=False),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("deniers", sa.Text, nullable=False),
        sa.Column("first_seen", sa.String(10)),
        sa.Column("last_seen", sa.String(10)),
    )
    op.create_index("ix_assertions_group", "assertions", ["group_key"])
    op.create_index("ix_assertions_pair", "assertions", ["supplier", "recipient", "last_seen"])
    op.create_index("ix_assertions_holder", "assertions", ["holder", "last_seen"])


def _unknown_names() -> None:
    op.create_table(
        "unknown_names",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("example", sa.Text, nullable=False),
    )
    op.create_index("ix_unknown_names_document", "unknown_names", ["document_id"])


def _fts_sqlite() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "title, text, content='documents', content_rowid='id')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); END"
    )


def _fts_postgresql() -> None:
    op.execute(
        "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED"
    )
    op.execute("CREATE INDEX ix_documents_tsv ON documents USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE documents_fts")
    for table in ("unknown_names", "assertions", "claims", "documents"):
        op.drop_table(table)
