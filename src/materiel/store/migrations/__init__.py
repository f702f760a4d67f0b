"""Alembic migrations of the register store, shipped inside the package."""
