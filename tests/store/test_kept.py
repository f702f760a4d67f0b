"""The assertions an ingest keeps between its documents: another connection's
write in between (an analyst's rejection re-merges a group) is seen, so the
ingest never writes back counts the store no longer has."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from materiel.ingest.readers import RawDocument
from materiel.store.engine import Store, open_store
from materiel.store.ingest import IngestReport, ingest
from materiel.store.kept import KeptAssertions
from materiel.store.merge import Fact
from materiel.store.rebuild import rebuild
from materiel.store.review import reject
from materiel.store.schema import claims
from tests.store.test_crash import snapshot

SENTENCES = [
    "{s} has delivered about {n} Shahed drones to Russia, {src}.",
    "{s} denied that it supplied Shahed drones to Russia.",
    "Russia has received {n} artillery shells from {s}, {src}.",
]


def _news(number: int) -> RawDocument:
    """A short report on one of a few groups (so that every group is merged into often)."""
    rng = random.Random(number)
    line = rng.choice(SENTENCES).format(
        s=rng.choice(["Iran", "North Korea"]),
        n=rng.choice([100, 110, 400, 5000]),
        src=rng.choice(["according to Reuters", "the BBC reported", "CNN reported"]),
    )
    text = f"{line} Talks on a ceasefire stalled again on report {number}."
    return RawDocument(f"n{number}", text, "en", f"2024-{1 + number % 12:02d}-10", {})


NEWS = [_news(number) for number in range(40)]


def _reject_some(store: Store) -> None:
    """Reject the oldest claim still merged (on its own connection)."""
    with store.write() as conn:
        query = select(claims.c.id).where(claims.c.assertion_key.is_not(None))
        claim_id = conn.execute(query.order_by(claims.c.id)).scalars().first()
        if claim_id is not None:
            reject(conn, claim_id, "analyst", "misread")


def test_a_review_between_documents_is_not_overwritten(db_url: str) -> None:
    def review_now_and_then(report: IngestReport, _where: str) -> None:
        if report.new % 7 == 3:
            _reject_some(store)

    with open_store(db_url) as store:
        report = ingest(store, NEWS, workers=0, progress=review_now_and_then)
        assert report.new == len(NEWS) and report.claims >= 40
        with store.read() as conn:
            rejected = conn.execute(select(claims.c.id).where(claims.c.review == "rejected"))
            assert len(rejected.all()) >= 5
    merged = snapshot(db_url)
    with open_store(db_url) as store, store.write() as conn:
        rebuild(conn)  # from the claims alone
    assert snapshot(db_url) == merged


def test_the_least_recently_used_groups_are_dropped_first() -> None:
    kept = KeptAssertions(max_facts=3)
    for key in ("a", "b", "c"):
        kept.add(key, [Fact(f"{key}1", key, 0)])
    kept.group("a")  # used: "b" is now the oldest
    kept.add("d", [Fact("d1", "d", 0)])
    kept.merged([], made=0)
    assert kept.missing(["a", "b", "c", "d"]) == ["b"]
    assert kept.size == 3


@pytest.mark.parametrize("made", [0, 2])
def test_merged_forgets_the_roots_it_has_written(made: int) -> None:
    kept = KeptAssertions()
    fact = Fact("k", "g", 0, roots={"r"}, new_roots=["r"])
    kept.add("g", [fact])
    kept.merged([fact], made=made)
    assert not fact.roots and not fact.new_roots and kept.size == 1 + made
