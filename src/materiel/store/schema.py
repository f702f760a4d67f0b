"""The register's tables (SQLAlchemy Core). Alembic migrations create them;
this module is what the repository functions query.

Full-text search lives beside these tables and is made by the migrations
only: an FTS5 table `documents_fts` on SQLite, a generated `tsv` column with
a GIN index on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

KEY = 16  # hex characters of a merge or group key (64 bits of a SHA-1)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("hash", String(64), nullable=False, unique=True),
    Column("doc_key", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("date", String(10)),
    Column("lang", String(8)),
    Column("text", Text, nullable=False),
    Column("duplicate_of", Integer, ForeignKey("documents.id")),
    Column("similarity", Float),
    Column("minhash", LargeBinary),
    Column("ingested_at", String(32), nullable=False),
)
Index("ix_documents_duplicate_of", documents.c.duplicate_of)
Index("ix_documents_date", documents.c.date)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("group_key", String(KEY), nullable=False),
    Column("assertion_key", String(KEY)),
    Column("kind", String(12), nullable=False),
    Column("supplier", String(64)),
    Column("recipient", String(64)),
    Column("holder", String(64)),
    Column("item_text", Text, nullable=False),
    Column("designation", String(80)),
    Column("category", String(24), nullable=False),
    Column("qty_value", Float),
    Column("qty_approximate", Boolean),
    Column("qty_bound", String(8)),
    Column("qty_per", String(8)),
    Column("status", String(12)),
    Column("stance", String(8), nullable=False),
    Column("sources", Text, nullable=False),
    Column("time", String(32)),
    Column("on_date", String(10)),
    Column("reported", String(10)),  # the document's date, for histories
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("ev_text", Text, nullable=False),
    Column("extra", Text),
    # machine (as extracted), accepted, corrected or rejected by an analyst
    Column("review", String(10), nullable=False, server_default="machine"),
    Column("review_note", Text),  # the reason given for a rejection
)
Index("ix_claims_document", claims.c.document_id)
Index("ix_claims_group", claims.c.group_key)
Index("ix_claims_assertion", claims.c.assertion_key, claims.c.reported)
Index("ix_claims_pair", claims.c.supplier, claims.c.recipient, claims.c.on_date)
Index("ix_claims_recipient", claims.c.recipient, claims.c.on_date)
Index("ix_claims_supplier", claims.c.supplier, claims.c.on_date)  # the register's filter
Index("ix_claims_holder", claims.c.holder, claims.c.on_date)
Index("ix_claims_designation", claims.c.designation, claims.c.on_date)
Index("ix_claims_category", claims.c.category, claims.c.on_date)
Index("ix_claims_on_date", claims.c.on_date)

assertions = Table(
    "assertions",
    metadata,
    Column("key", String(KEY), primary_key=True),
    Column("group_key", String(KEY), nullable=False),
    Column("kind", String(12), nullable=False),
    Column("supplier", String(64)),
    Column("recipient", String(64)),
    Column("holder", String(64)),
    Column("designation", String(80)),
    Column("category", String(24), nullable=False),
    Column("time", String(32)),
    Column("qty_low", Float),
    Column("qty_high", Float),
    Column("qty_per", String(8)),
    Column("status", String(12)),
    Column("stance", String(10), nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("n_support", Integer, nullable=False),
    Column("n_deny", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("sources", Text, nullable=False),
    Column("deniers", Text, nullable=False),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    # what the incremental merge keeps (materiel.store.merge): the assertion's
    # place in its group, its seed, and what its summary is folded from
    Column("ordinal", Integer, nullable=False),
    Column("seed_value", Float),
    Column("seed_approximate", Boolean, nullable=False),
    Column("seed_bound", String(8)),
    Column("n_hedged", Integer, nullable=False),
    Column("status_rank", String(96), nullable=False),
    Column("categories", Text, nullable=False),
)
Index("ix_assertions_group", assertions.c.group_key, assertions.c.ordinal)
Index("ix_assertions_pair", assertions.c.supplier, assertions.c.recipient, assertions.c.last_seen)
Index("ix_assertions_holder", assertions.c.holder, assertions.c.last_seen)

# The root documents (originals) each assertion's supporting claims come from.
assertion_documents = Table(
    "assertion_documents",
    metadata,
    Column("assertion_key", String(KEY), primary_key=True),
    Column("root", String(64), primary_key=True),
)

unknown_names = Table(
    "unknown_names",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), primary_key=True),
    Column("kind", String(12), nullable=False),
    Column("count", Integer, nullable=False),
    Column("example", Text, nullable=False),
)
Index("ix_unknown_names_document", unknown_names.c.document_id)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(8), nullable=False),  # viewer, analyst or admin
    Column("created_at", String(32), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("user_name", String(64), nullable=False),
    Column("action", String(16), nullable=False),  # accept, correct, reject, ...
    Column("claim_id", Integer, ForeignKey("claims.id")),
    Column("before", Text),  # JSON of the changed fields before
    Column("after", Text),  # and after
    Column("reason", Text),
)
Index("ix_audit_log_claim", audit_log.c.claim_id, audit_log.c.id)

# The claim as the machine extracted it, kept when an analyst first changes it.
claim_machine = Table(
    "claim_machine",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id"), primary_key=True),
    Column("fields", Text, nullable=False),
)

# An analyst's Admiralty reliability grade (A-F) for a source, overriding the catalogue's.
source_grades = Table(
    "source_grades",
    metadata,
    Column("source", String(200), primary_key=True),
    Column("grade", String(1), nullable=False),
    Column("set_at", String(32), nullable=False),
)
