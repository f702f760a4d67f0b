"""Writers on one register at the same time, on each backend: a write
transaction waits for the others, so concurrent ingests merge every claim
exactly once."""

from __future__ import annotations

import random
import threading

from sqlalchemy import func, select

from materiel.ingest.readers import RawDocument
from materiel.store.engine import Store
from materiel.store.ingest import ingest
from materiel.store.schema import assertions, claims
from tests.store.corpus import document

HOLD_SECONDS = 0.5


def test_a_writer_waits_for_the_writer_before_it(store: Store) -> None:
    entered = threading.Event()

    def second_writer() -> None:
        with store.write():
            entered.set()

    with store.write():
        thread = threading.Thread(target=second_writer)
        thread.start()
        # while the first transaction is open the second may not begin
        assert not entered.wait(HOLD_SECONDS)
    thread.join(timeout=30)
    assert entered.is_set()


def _documents(seed: int, count: int) -> list[RawDocument]:
    rng = random.Random(seed)
    out = []
    for number in range(count):
        row = document(rng, number)
        out.append(RawDocument(f"{seed}-{number}", str(row["text"]), "en", str(row["date"]), {}))
    return out


def test_concurrent_ingests_count_every_claim_once(store: Store) -> None:
    halves = [_documents(seed, 40) for seed in (1, 2)]  # the same parties and items
    reports = []

    def run(docs: list[RawDocument]) -> None:
        reports.append(ingest(store, docs, workers=0))

    threads = [threading.Thread(target=run, args=(docs,)) for docs in halves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(reports) == 2 and all(not r.failed for r in reports)
    stored = select(claims.c.assertion_key, func.count()).group_by(claims.c.assertion_key)
    with store.read() as conn:
        per_assertion = {key: n for key, n in conn.execute(stored)}
        counted = conn.execute(
            select(assertions.c.key, assertions.c.n_claims, assertions.c.n_support,
                   assertions.c.n_deny)
        ).all()  # fmt: skip
    assert sum(per_assertion.values()) == sum(r.claims for r in reports) > 20
    assert {key: n for key, n, _, _ in counted} == per_assertion
    assert all(support + deny == n for _, n, support, deny in counted)


def test_the_same_documents_ingested_twice_at_once_are_stored_once(store: Store) -> None:
    docs = _documents(3, 30)
    reports = []

    def run() -> None:
        reports.append(ingest(store, docs, workers=0))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(reports) == 2 and all(not r.failed for r in reports)
    # each document went in once; the other run found it stored (by the unique hash)
    assert sum(r.new for r in reports) == len(docs)
    assert sum(r.known for r in reports) == len(docs)
    with store.read() as conn:
        stored = conn.execute(select(func.count()).select_from(claims)).scalar_one()
    assert stored == sum(r.claims for r in reports)
