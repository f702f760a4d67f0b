"""Analysts' reliability grades for sources, kept in the register so that
every later `ledger` and `assess` uses them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select

from materiel.store.schema import source_grades


def stored_grades(conn: Connection) -> dict[str, str]:
    """Source name → the analyst's grade."""
    rows = conn.execute(select(source_grades.c.source, source_grades.c.grade))
    return {row.source: row.grade for row in rows}


def store_grades(conn: Connection, grades: dict[str, str]) -> None:
    """Set (or replace) the analyst's grade of each source."""
    if not grades:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(delete(source_grades).where(source_grades.c.source.in_(list(grades))))
    rows = [{"source": s, "grade": g, "set_at": now} for s, g in sorted(grades.items())]
    conn.execute(insert(source_grades), rows)


def clear_grades(conn: Connection, sources: list[str]) -> None:
    conn.execute(delete(source_grades).where(source_grades.c.source.in_(sources)))
