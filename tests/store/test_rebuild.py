"""The incremental merge and a merge from nothing agree; a store made by the
first schema gets the same assertions when it is migrated."""

from __future__ import annotations

import random

from alembic import command
from alembic.config import Config

from materiel.ingest.readers import RawDocument
from materiel.store.engine import MIGRATIONS, open_store
from materiel.store.ingest import ingest
from materiel.store.rebuild import rebuild
from tests.store.corpus import document
from tests.store.test_crash import snapshot
from tests.store.test_store import DOCS

# several documents a group, near-duplicates among them
NEWS = [
    RawDocument(str(d["id"]), str(d["text"]), "en", str(d["date"]), {"outlet": d["outlet"]})
    for d in (document(random.Random(n), n) for n in range(60))
]


def _alembic(db_url: str, target: str, up: bool) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with open_store(db_url) as store, store.engine.connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        (command.upgrade if up else command.downgrade)(config, target)


def test_rebuild_equals_the_incremental_merge(db_url: str) -> None:
    with open_store(db_url) as store:
        ingest(store, [*DOCS, *NEWS], workers=0)
    before = snapshot(db_url)
    with open_store(db_url) as store, store.write() as conn:
        rebuild(conn)
    assert snapshot(db_url) == before


def test_migrating_a_first_schema_store_merges_it_again(db_url: str) -> None:
    with open_store(db_url) as store:
        ingest(store, [*DOCS, *NEWS], workers=0)
    before = snapshot(db_url)
    _alembic(db_url, "0001", up=False)
    _alembic(db_url, "head", up=True)
    assert snapshot(db_url) == before
