"""The merge rule on its own: compatibility and order-independent clustering."""

from __future__ import annotations

import random

from materiel.store.merge import Member, cluster, compatible, group_key, period, summarise


def member(n: int, value: float | None = None, time: str | None = None, **kw: object) -> Member:
    fields: dict[str, object] = {
        "claim_id": n,
        "order": (f"doc{n:03d}", 0),
        "assertion_key": None,
        "category": "uav",
        "value": value,
        "approximate": False,
        "bound": None,
        "per": None,
        "time": time,
        "status": "delivered",
        "stance": "asserted",
        "units": (f"outlet{n}",),
        "root": f"doc{n:03d}",
        "date": f"2024-01-{n % 28 + 1:02d}",
    }
    fields.update(kw)
    return Member(**fields)  # type: ignore[arg-type]


def test_quantities_within_slack_are_compatible() -> None:
    assert compatible(member(1, 300), member(2, 310))
    assert not compatible(member(1, 300), member(2, 1000))
    assert compatible(member(1, 100, bound="at_least"), member(2, 1000))
    assert not compatible(member(1, 100, per="day"), member(2, 100, per="month"))
    assert compatible(member(1, None), member(2, 5))


def test_times_overlap_by_prefix() -> None:
    assert period("2023") == ("2023", "2023-99")
    assert compatible(member(1, time="2023"), member(2, time="2023-04"))
    assert not compatible(member(1, time="2022"), member(2, time="2023-04"))
    assert compatible(member(1, time="2022-02/2023-04"), member(2, time="2023"))


def test_clusters_do_not_depend_on_order() -> None:
    members = [
        member(1, 300),
        member(2, 310),
        member(3, 1000),
        member(4),
        member(5, time="2023"),
        member(6, 1000, time="2023", stance="denied"),
        member(7),
    ]
    expected = cluster("g", members)
    for seed in range(20):
        shuffled = members[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster("g", shuffled) == expected
    sizes = sorted(len(ms) for ms in expected.values())
    assert sum(sizes) == len(members)
    assert sizes == [2, 5]  # 300 and 310 apart; the rest with the 1000s of 2023


def test_claims_without_figures_join_the_largest_assertion() -> None:
    found = cluster("g", [member(1, 50), member(2, 52), member(3, 900), member(4)])
    home = next(ms for ms in found.values() if any(m.claim_id == 4 for m in ms))
    assert {m.claim_id for m in home} == {1, 2, 4}


def test_summary_counts_sources_and_denials() -> None:
    members = [
        member(1, 300, units=("Reuters",)),
        member(2, 320, units=("Reuters",), root="doc001"),  # a near-duplicate of doc 1
        member(3, None, stance="denied", units=("Iranian government",), status=None),
        member(4, 300, stance="hedged", units=("CNN",), status="ongoing"),
    ]
    summary = summarise(members)
    assert summary.stance == "contested"
    assert summary.n_sources == 2 and summary.sources == ("CNN", "Reuters")
    assert summary.n_documents == 2
    assert summary.deniers == ("Iranian government",)
    assert (summary.qty_low, summary.qty_high) == (300, 320)
    assert summary.status == "ongoing"  # the latest report's


def test_group_key_uses_designation_before_category() -> None:
    a = group_key("transfer", "IR", "RU", None, "Shahed-136", "uav")
    b = group_key("transfer", "IR", "RU", None, None, "uav")
    assert a != b
    assert a == group_key("transfer", "IR", "RU", None, "Shahed-136", "missile")
