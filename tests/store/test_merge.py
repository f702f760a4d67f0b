"""The merge rule on its own: compatibility, and the incremental merge (each
claim joins the first compatible assertion of its group, in ingest order)."""

from __future__ import annotations

from materiel.store.merge import (
    Fact,
    Member,
    compatible,
    group_key,
    merge_all,
    period,
    short_hash,
    status_rank,
)


def member(n: int, value: float | None = None, time: str | None = None, **kw: object) -> Member:
    fields: dict[str, object] = {
        "order": (f"doc{n:03d}", 0),
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


def numbers(facts: list[Fact], homes: list[Fact], members: list[Member]) -> list[list[int]]:
    """The members of each assertion, by their number (doc001 → 1), oldest first."""
    return [
        [int(m.order[0][3:]) for m, home in zip(members, homes, strict=True) if home is fact]
        for fact in facts
    ]


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


def test_each_claim_joins_the_first_compatible_assertion() -> None:
    members = [
        member(1, 300),  # seeds A
        member(2, 310),  # within 300 ± 10%: A
        member(3, 1000),  # seeds B
        member(4),  # no figures: the largest, A (2 claims to 1)
        member(5, time="2023"),  # A's seed (300, no time) admits it: A
        member(6, 1000, time="2023", stance="denied"),  # not 300; B
        member(7),  # the largest, A (4 to 2)
    ]
    facts, homes = merge_all("g", members)
    assert numbers(facts, homes, members) == [[1, 2, 4, 5, 7], [3, 6]]
    assert [f.key for f in facts] == [short_hash("g", "doc001", 0), short_hash("g", "doc003", 0)]
    assert (facts[1].stance, facts[1].n_support, facts[1].n_deny) == ("contested", 1, 1)


def test_the_order_of_arrival_decides_and_the_same_order_gives_the_same() -> None:
    first = [member(1, 300), member(2, 330), member(3, 400)]
    # 330 (297–363) meets 300 (270–330); 400 (360–440) does not
    assert numbers(*merge_all("g", first), first) == [[1, 2], [3]]
    # seeded by 330 (297–363), which 300 and 400 both meet
    second = [first[1], first[0], first[2]]
    assert numbers(*merge_all("g", second), second) == [[2, 1, 3]]
    again, _ = merge_all("g", first)
    assert [f.key for f in again] == [f.key for f in merge_all("g", first)[0]]


def test_a_claim_without_figures_first_is_seeded_later() -> None:
    members = [member(1), member(2, 300), member(3, 1000)]
    facts, homes = merge_all("g", members)
    assert numbers(facts, homes, members) == [[1, 2], [3]]
    assert facts[0].key == short_hash("g", "doc001", 0)  # its first claim's, kept
    assert (facts[0].value, facts[0].qty_low, facts[0].qty_high) == (300, 300, 300)


def test_summary_counts_sources_and_denials() -> None:
    members = [
        member(1, 300, units=("Reuters",)),
        member(2, 320, units=("Reuters",), root="doc001"),  # a near-duplicate of doc 1
        member(3, None, stance="denied", units=("Iranian government",), status=None),
        member(4, 300, stance="hedged", units=("CNN",), status="ongoing", category="missile"),
    ]
    facts, _ = merge_all("g", members)
    assert len(facts) == 1
    fact = facts[0]
    assert fact.stance == "contested"
    assert sorted(fact.sources) == ["CNN", "Reuters"]
    assert fact.n_documents == 2  # doc001 (twice) and doc004
    assert fact.deniers == {"Iranian government"}
    assert (fact.qty_low, fact.qty_high) == (300, 320)
    assert fact.status == "ongoing"  # the latest report's (2024-01-05)
    assert fact.category == "uav"  # 3 to 1
    assert (fact.first_seen, fact.last_seen) == ("2024-01-02", "2024-01-05")


def test_status_rank_orders_like_date_document_position() -> None:
    year = member(1, date="2024", order=("ff", 3))
    month = member(2, date="2024-03", order=("00", 0))
    undated = member(3, date=None, order=("ff", 9))
    assert status_rank(undated) < status_rank(year) < status_rank(month)


def test_group_key_uses_designation_before_category() -> None:
    a = group_key("transfer", "IR", "RU", None, "Shahed-136", "uav")
    b = group_key("transfer", "IR", "RU", None, None, "uav")
    assert a != b
    assert a == group_key("transfer", "IR", "RU", None, "Shahed-136", "missile")
