"""The store on each backend: ingest, merge, near-duplicates, queries."""

from __future__ import annotations

from sqlalchemy import func, select

from materiel.ingest.readers import RawDocument, ReadError
from materiel.store.dossier import dossier
from materiel.store.engine import Store, open_store
from materiel.store.ingest import ingest
from materiel.store.names import catalogue
from materiel.store.query import ClaimFilter, claim_object, find_claims
from materiel.store.report import search, stats, unknowns
from materiel.store.schema import assertions, claims, documents

WIRE = (
    "Iran has delivered about 300 Shahed drones to Russia, according to Reuters. "
    "The drones were used against Kharkiv and Odesa over the weekend, officials said, "
    "and more launches are expected in the coming weeks across the whole front line. "
    "Air defence units shot down most of them, but several hit power stations and left "
    "thousands of homes without electricity for hours, the regional governor wrote."
)
DOCS = [
    RawDocument("a", WIRE, "en", "2024-03-01", {"outlet": "Daily One", "title": "Drones"}),
    # the same wire story in another outlet, one word changed
    RawDocument("b", WIRE + " (Editing by Jan Smit)", "en", "2024-03-02", {"outlet": "Daily Two"}),
    RawDocument(
        "c",
        "Russia has received some 300 Shahed-136 drones from Iran, CNN reported.",
        "en",
        "2024-03-05",
        {"outlet": "Daily Three"},
    ),
    RawDocument(
        "d",
        "Iran denied that it supplied drones to Russia. Tehran called it lies.",
        "en",
        "2024-04-01",
        {"outlet": "Daily Four"},
    ),
    RawDocument(
        "e",
        "Germany will deliver 14 Leopard 2 tanks to Ukraine, the government said.",
        "en",
        "2023-01-25",
        {"outlet": "Daily Five"},
    ),
]


def count(store: Store, table: object) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_ingest_is_idempotent(store: Store) -> None:
    first = ingest(store, DOCS)
    assert first.new == 5 and not first.failed
    again = ingest(store, DOCS)
    assert again.new == 0 and again.known == 5
    assert count(store, documents) == 5
    assert count(store, claims) == first.claims


def test_near_duplicate_is_linked_and_adds_no_source(store: Store) -> None:
    report = ingest(store, DOCS[:3])
    assert report.duplicates == 1
    with store.read() as conn:
        rows = conn.execute(select(documents.c.doc_key, documents.c.duplicate_of)).all()
        original = {key: dup for key, dup in rows}
        shahed = conn.execute(
            select(assertions).where(assertions.c.designation == "Shahed-136")
        ).one()
    assert original["a"] is None and original["b"] is not None
    assert shahed.n_claims == 3
    assert shahed.n_documents == 2  # a and c; b is a copy of a
    assert shahed.n_sources == 2  # Reuters (twice, once copied) and CNN


def test_a_later_ingest_links_a_copy_to_an_original_already_stored(store: Store) -> None:
    ingest(store, DOCS[:1])
    report = ingest(store, DOCS[1:2])  # its index is loaded from the store
    assert (report.new, report.duplicates) == (1, 1)


def test_denial_joins_the_fact_it_denies(store: Store) -> None:
    ingest(store, [DOCS[0], DOCS[3]])
    with store.read() as conn:
        found = dossier(conn, "RU", "IR")
    stances = {a.designation or a.category: a for a in found}
    assert {"Shahed-136", "uav"} <= set(stances)
    denied = stances["uav"]
    assert denied.n_deny >= 1 and "Iranian government" in denied.deniers


def test_claims_filters(store: Store) -> None:
    ingest(store, DOCS)
    names = catalogue()
    with store.read() as conn:
        iran = find_claims(conn, ClaimFilter(supplier=names.party("Iran")))
        tanks = find_claims(conn, ClaimFilter(item=names.system("Leopard-2A6"), until="2023"))
        none = find_claims(conn, ClaimFilter(category="tank", since="2024-01"))
        denied = find_claims(conn, ClaimFilter(stance="denied"))
    assert iran and all(r.supplier == "IR" for r in iran)
    assert len(tanks) == 1 and tanks[0].recipient == "UA"
    assert none == []
    assert denied and all(r.stance == "denied" for r in denied)
    record = claim_object(iran[0])
    assert record["assertion_id"] and record["document_id"] and record["doc"]
    assert set(record) >= {"kind", "item", "quantity", "evidence", "sources", "stance"}


def test_dossier_is_newest_first_with_history(store: Store) -> None:
    ingest(store, DOCS)
    with store.read() as conn:
        found = dossier(conn, "IR", "RU")
    assert found
    seen = [a.last_seen or "" for a in found]
    assert seen == sorted(seen, reverse=True)
    for assertion in found:
        assert len(assertion.history) == min(assertion.n_claims, 12)
        dates = [r.date or "" for r in assertion.history]
        assert dates == sorted(dates)


def test_stats_unknowns_and_search(store: Store) -> None:
    ingest(store, DOCS)
    with store.read() as conn:
        figures = stats(conn)
        hits = search(conn, "Shahed Kharkiv")
        phrase = search(conn, '"Leopard 2" OR nothing-here')
        odd = search(conn, 'KN-23 "unbalanced')
        names = unknowns(conn, catalogue())
    assert figures["documents"] == 5 and figures["near_duplicates"] == 1
    assert figures["claims"] == sum(figures["claims_by_kind"].values())
    assert ("IR", "RU") in {(s, r) for s, r, _, _ in figures["top_pairs"]}
    assert {h.doc for h in hits} == {"a", "b"}
    assert [h.doc for h in phrase] == ["e"]
    assert odd == []
    assert "Kharkiv" in {n.name for n in names} or "Odesa" in {n.name for n in names}


def test_read_errors_are_reported_not_stored(store: Store) -> None:
    report = ingest(store, [ReadError("x.txt", "binary data, not text"), DOCS[4]])
    assert report.new == 1 and [f.where for f in report.failed] == ["x.txt"]


def test_reopening_runs_no_migration_twice(db_url: str) -> None:
    for _ in range(2):
        with open_store(db_url) as opened:
            ingest(opened, DOCS[4:])
    with open_store(db_url) as opened:
        assert count(opened, documents) == 1
