"""Overviews of a store: statistics, unknown names, full-text search."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, desc, func, select, text

from materiel.store.names import Catalogue
from materiel.store.schema import assertions, claims, documents, unknown_names


def stats(conn: Connection, top: int = 10) -> dict[str, Any]:
    """Counts of documents, claims and assertions, and the busiest pairs and items."""
    count = func.count()
    docs = conn.execute(
        select(count, func.count(documents.c.duplicate_of), func.min(documents.c.date),
               func.max(documents.c.date))
    ).one()  # fmt: skip
    return {
        "documents": docs[0],
        "near_duplicates": docs[1],
        "first_date": docs[2],
        "last_date": docs[3],
        "claims": conn.execute(select(count).select_from(claims)).scalar_one(),
        "claims_by_kind": _tally(conn, claims.c.kind),
        "claims_by_stance": _tally(conn, claims.c.stance),
        "assertions": conn.execute(select(count).select_from(assertions)).scalar_one(),
        "assertions_by_stance": _tally(conn, assertions.c.stance),
        "top_pairs": _top_pairs(conn, top),
        "top_items": _top_items(conn, top),
        "unknown_names": conn.execute(
            select(func.count(func.distinct(unknown_names.c.name)))
        ).scalar_one(),
    }


def _tally(conn: Connection, column: Any) -> dict[str, int]:
    rows = conn.execute(select(column, func.count()).group_by(column).order_by(column))
    return {str(key): int(n) for key, n in rows}


def _top_pairs(conn: Connection, top: int) -> list[tuple[str, str, int, int]]:
    """(supplier, recipient, assertions, claims) of the busiest transfer pairs."""
    n_claims = func.sum(assertions.c.n_claims)
    query = (
        select(assertions.c.supplier, assertions.c.recipient, func.count(), n_claims)
        .where(assertions.c.kind == "transfer")
        .group_by(assertions.c.supplier, assertions.c.recipient)
        .order_by(desc(n_claims), assertions.c.supplier, assertions.c.recipient)
        .limit(top)
    )
    return [(str(s), str(r), int(a), int(c)) for s, r, a, c in conn.execute(query)]


def _top_items(conn: Connection, top: int) -> list[tuple[str, int]]:
    item = func.coalesce(claims.c.designation, claims.c.category)
    query = select(item, func.count()).group_by(item).order_by(desc(func.count()), item)
    return [(str(name), int(n)) for name, n in conn.execute(query.limit(top))]


@dataclass(frozen=True)
class UnknownName:
    name: str
    kind: str
    mentions: int
    documents: int
    example: str


def unknowns(conn: Connection, known: Catalogue, limit: int = 100) -> list[UnknownName]:
    """Names no catalogue resolved, most widespread first (those an overlay
    has resolved since are left out)."""
    query = (
        select(
            unknown_names.c.name,
            func.min(unknown_names.c.kind),
            func.sum(unknown_names.c.count),
            func.count(),
            func.min(unknown_names.c.example),
        )
        .group_by(unknown_names.c.name)
        .order_by(desc(func.count()), desc(func.sum(unknown_names.c.count)), unknown_names.c.name)
    )
    out = []
    for name, kind, mentions, docs, example in conn.execute(query):
        if not known.knows(name):
            out.append(UnknownName(name, kind, int(mentions), int(docs), example))
        if len(out) >= limit:
            break
    return out


@dataclass(frozen=True)
class Hit:
    document_id: int
    doc: str
    title: str | None
    outlet: str | None
    date: str | None
    snippet: str


_TOKEN = re.compile(r'"[^"]*"|\S+')

_SQLITE_SEARCH = text(
    "SELECT d.id, d.doc_key, d.title, d.outlet, d.date, "
    "snippet(documents_fts, 1, :open, :close, ' … ', 16) "
    "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
    "WHERE documents_fts MATCH :query ORDER BY bm25(documents_fts), d.id LIMIT :limit"
)
_POSTGRES_SEARCH = text(
    "SELECT d.id, d.doc_key, d.title, d.outlet, d.date, "
    "ts_headline('simple', d.text, q, :options) "
    "FROM documents d, websearch_to_tsquery('simple', :query) q "
    "WHERE d.tsv @@ q ORDER BY ts_rank(d.tsv, q) DESC, d.id LIMIT :limit"
)


def search(
    conn: Connection, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Documents matching `query` (words, "phrases", OR), best first; `marks`
    enclose the matches in the snippets."""
    if not query.strip():
        return []
    if conn.dialect.name == "sqlite":
        matching = fts5_query(query)
        if not matching:
            return []
        values = {"query": matching, "limit": limit, "open": marks[0], "close": marks[1]}
        rows = conn.execute(_SQLITE_SEARCH, values)
    else:
        options = f"StartSel={marks[0]}, StopSel={marks[1]}, MaxWords=24, MinWords=8"
        rows = conn.execute(_POSTGRES_SEARCH, {"query": query, "limit": limit, "options": options})
    return [Hit(int(r[0]), r[1], r[2], r[3], r[4], " ".join(str(r[5]).split())) for r in rows]


def fts5_query(query: str) -> str:
    """A user's query as FTS5 syntax: each word or "phrase" quoted (so that
    `KN-23` is no syntax error), OR kept, the rest ANDed."""
    parts = []
    for token in _TOKEN.findall(query):
        if token == "OR":
            parts.append("OR")
            continue
        phrase = token.strip('"').replace('"', '""')
        if phrase:
            parts.append(f'"{phrase}"')
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(p for i, p in enumerate(parts) if p != "OR" or i > 0)
