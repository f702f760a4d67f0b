from __future__ import annotations

import pytest
from sqlalchemy import select

from materiel.exc import ReviewError
from materiel.store.dossier import dossier
from materiel.store.engine import Store
from materiel.store.query import ClaimFilter, find_claims
from materiel.store.review import accept, correct, history, machine_version, reject
from materiel.store.schema import claims
from tests.web.seed import seed


def _claim_id(store: Store, value: float) -> int:
    with store.read() as conn:
        query = select(claims.c.id).where(claims.c.qty_value == value)
        return int(conn.execute(query).scalar_one())


def test_correction_shows_in_queries_and_keeps_the_machine_version(store: Store) -> None:
    seed(store)
    claim = _claim_id(store, 300)
    with store.write() as conn:
        changed = correct(conn, claim, "ann", {"qty_value": "350", "status": "delivered"})
    assert changed == ["qty_value"]
    with store.read() as conn:
        found = find_claims(conn, ClaimFilter(supplier="IR", recipient="RU"))
        assert 350 in [row.qty_value for row in found]
        assert machine_version(conn, claim)["qty_value"] == 300  # type: ignore[index]
        entry = history(conn, claim)[-1]
        assert (entry["user_name"], entry["before"], entry["after"]) == (
            "ann",
            {"qty_value": 300},
            {"qty_value": 350},
        )
        highs = {a.qty_high for a in dossier(conn, "IR", "RU")}
    assert 350 in highs


def test_a_correction_can_move_a_claim_to_another_pair(store: Store) -> None:
    seed(store)
    claim = _claim_id(store, 1000)
    with store.write() as conn:
        correct(conn, claim, "ann", {"supplier": "China"})
    with store.read() as conn:
        assert dossier(conn, "KP", "RU") == []
        assert [a.n_claims for a in dossier(conn, "CN", "RU")] == [1]


def test_rejected_claims_leave_the_register_and_come_back_when_accepted(store: Store) -> None:
    seed(store)
    claim = _claim_id(store, 1000)
    with store.write() as conn:
        with pytest.raises(ReviewError):
            reject(conn, claim, "ann", "  ")
        reject(conn, claim, "ann", "not a transfer")
    with store.read() as conn:
        assert find_claims(conn, ClaimFilter(supplier="KP")) == []
        assert dossier(conn, "KP", "RU") == []
    with store.write() as conn:
        accept(conn, claim, "bob")
    with store.read() as conn:
        assert len(dossier(conn, "KP", "RU")) == 1
        assert [e["action"] for e in history(conn, claim)] == ["reject", "accept"]


def test_invalid_corrections_are_refused(store: Store) -> None:
    seed(store)
    claim = _claim_id(store, 300)
    with store.write() as conn:
        for bad in ({"qty_value": "lots"}, {"stance": "maybe"}, {"ev_text": "x"},
                    {"time": "last year"}, {"qty_value": "-3"}):  # fmt: skip
            with pytest.raises(ReviewError):
                correct(conn, claim, "ann", bad)
