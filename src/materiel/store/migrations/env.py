"""Alembic environment: the caller (materiel.store.engine) passes an open
connection in `config.attributes["connection"]`; no alembic.ini is needed."""

from __future__ import annotations

from alembic import context

from materiel.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
