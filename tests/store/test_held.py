"""Writes held for one statement: rows of a table go together, an assertion
updated twice is written once with its last values, and one updated after
its insert in the same batch is inserted with them."""

from __future__ import annotations

import json

from materiel.store.held import HeldWrites
from materiel.store.schema import assertion_documents, assertions, claims, documents


def _row(key: str, n_claims: int) -> dict[str, object]:
    return {"key": key, "n_claims": n_claims}


def test_an_update_of_a_row_inserted_in_the_batch_changes_the_insert() -> None:
    held = HeldWrites()
    held.insert(assertions, [_row("a", 1)])
    held.update(assertions, "key", [_row("a", 2), _row("b", 7)])
    held.update(assertions, "key", [_row("b", 8)])
    sql, params = held.statement()
    assert sql.count("INSERT INTO") == 1 and sql.count("UPDATE") == 1
    inserted, updated, keys = (json.loads(params[0]), json.loads(params[1]), params[2])
    assert inserted == [_row("a", 2)]
    assert updated == [{"n_claims": 8, "key": "b"}] and keys == ["b"]


def test_rows_of_one_table_are_one_part_of_the_statement() -> None:
    held = HeldWrites()
    assert not held
    for number in range(3):
        held.insert(assertion_documents, [{"assertion_key": "a", "root": f"r{number}"}])
    held.insert(assertions, [_row("c", 1)])
    sql, params = held.statement()
    assert sql.startswith('WITH w0 AS (INSERT INTO "assertion_documents"')
    assert len(json.loads(params[0])) == 3 and len(params) == 2


def test_signatures_go_as_postgresql_hex_bytes() -> None:
    held = HeldWrites()
    held.insert(assertions, [{"key": "d", "minhash": b"\x00\xff"}])
    _, params = held.statement()
    assert json.loads(params[0]) == [{"key": "d", "minhash": "\\x00ff"}]


def test_a_table_goes_in_before_the_tables_that_refer_to_it() -> None:
    held = HeldWrites()  # a read sent the first document's row; its claims were held first
    held.insert(claims, [{"document_id": 1, "seq": 0}])
    held.insert(documents, [{"id": 2, "hash": "h2"}])
    held.insert(claims, [{"document_id": 2, "seq": 0}])
    held.update(assertions, "key", [_row("a", 3)])
    order = [(table.name, key) for table, key, _ in held.writes()]
    assert order == [("documents", None), ("claims", None), ("assertions", "key")]
