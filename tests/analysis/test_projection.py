"""The projection: known cases and properties (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from materiel.analysis.projection import (
    Arrival,
    ProjectionInputs,
    Rate,
    crossing_months,
    month_labels,
    project,
    stock_paths,
)

DRAWS = 2_000


def inputs(stock: float, use: float, spread: float = 0.0, production: float = 0.0,
           arrivals: tuple[Arrival, ...] = ()) -> ProjectionInputs:  # fmt: skip
    return ProjectionInputs(
        start="2023-03-01",
        stock=Rate(stock * (1 - spread), stock * (1 + spread), "stock"),
        inflows=[Rate(production, production, "production")] if production else [],
        outflows=[Rate(use * (1 - spread), use * (1 + spread), "use")],
        arrivals=list(arrivals),
    )


def test_a_known_case() -> None:
    # 100 in stock, 10 a month used (±20% month to month): gone after about 10 months
    found = project(inputs(100, 10), level=0, horizon=36, draws=DRAWS, seed=1)
    assert 9 <= found.crossing[10] <= found.crossing[50] == 10 <= found.crossing[90] <= 11  # type: ignore[operator]
    assert found.crossing_month(50) == "2024-01" and found.share_crossing == 1.0
    assert found.band[50][0] == 100 and len(found.band[50]) == 37


def test_never_crossing_is_reported_as_beyond_the_horizon() -> None:
    found = project(inputs(1000, 10, production=10), level=0, horizon=12, draws=DRAWS)
    assert found.crossing == {10: None, 50: None, 90: None} and found.share_crossing == 0


def test_arrivals_delay_the_crossing() -> None:
    certain = Arrival(100, 100, 1.0, 5, 5, "agreed")
    without = project(inputs(100, 10), draws=DRAWS, seed=3)
    with_it = project(inputs(100, 10, arrivals=(certain,)), draws=DRAWS, seed=3)
    assert with_it.crossing[50] == (without.crossing[50] or 0) + 10


@settings(max_examples=25, deadline=None)
@given(
    stock=st.floats(10, 10_000),
    use=st.floats(0.1, 500),
    extra=st.floats(0, 500),
    spread=st.floats(0, 0.5),
    seed=st.integers(0, 2**32 - 1),
)
def test_more_consumption_never_makes_the_crossing_later(
    stock: float, use: float, extra: float, spread: float, seed: int
) -> None:
    arrival = Arrival(10, 50, 0.5, 2, 8, "pending")
    less = inputs(stock, use, spread, production=use / 3, arrivals=(arrival,))
    more = inputs(stock, use + extra, spread, production=use / 3, arrivals=(arrival,))
    paths_less = stock_paths(less, 36, 500, np.random.default_rng(seed))
    paths_more = stock_paths(more, 36, 500, np.random.default_rng(seed))
    assert (crossing_months(paths_more, 0) <= crossing_months(paths_less, 0)).all()
    low, high = project(less, draws=500, seed=seed), project(more, draws=500, seed=seed)
    for p, month in high.crossing.items():
        assert (month if month is not None else 99) <= (low.crossing[p] if low.crossing[p]
                                                         is not None else 99)  # fmt: skip


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), spread=st.floats(0, 0.5))
def test_the_same_seed_gives_the_same_result(seed: int, spread: float) -> None:
    arrival = Arrival(10, 50, 0.5, 2, 8, "pending")
    case = inputs(500, 20, spread, production=5, arrivals=(arrival,))
    assert project(case, draws=500, seed=seed) == project(case, draws=500, seed=seed)


def test_month_labels_roll_over_years() -> None:
    assert month_labels("2023-11-15", 3) == ["2023-11", "2023-12", "2024-01", "2024-02"]
