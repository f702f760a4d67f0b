"""Monte Carlo projection of a stock: when does it cross a level?

Each draw takes a starting stock, monthly inflow and outflow rates uniformly
from their ranges, a month-to-month variation of each rate, and for each
pending import whether it comes, when (within its lead time) and how many.
All draws are computed at once with numpy; a seeded Generator makes the
result reproducible. The model is documented in docs/assessment.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

VARIATION = 0.2  # each month's rate is the draw's rate × U(0.8, 1.2)
PERCENTILES = (10, 50, 90)
BAND_DRAWS = 10_000  # the band of stock (for charts) is read off the first draws only


@dataclass(frozen=True)
class Rate:
    """A monthly rate known as a range, and where it comes from."""

    low: float
    high: float
    basis: str
    claims: tuple[int, ...] = ()


@dataclass(frozen=True)
class Arrival:
    """A pending import: it comes with `probability`, between months
    `first` and `last` after the start (inclusive), in a number from the range."""

    low: float
    high: float
    probability: float
    first: int
    last: int
    basis: str
    claims: tuple[int, ...] = ()


@dataclass(frozen=True)
class ProjectionInputs:
    start: str  # the date of the starting stock (YYYY-MM-DD)
    stock: Rate  # the starting stock's range (a level, not a rate)
    inflows: list[Rate] = field(default_factory=list)
    outflows: list[Rate] = field(default_factory=list)
    arrivals: list[Arrival] = field(default_factory=list)


@dataclass(frozen=True)
class Projection:
    inputs: ProjectionInputs
    level: float
    horizon: int
    draws: int
    seed: int
    months: list[str]  # YYYY-MM of month 0 … horizon
    band: dict[int, list[float]]  # percentile → the stock in each month
    crossing: dict[int, int | None]  # percentile → months until the level is reached
    share_crossing: float  # share of draws that reach the level within the horizon

    def crossing_month(self, percentile: int) -> str | None:
        month = self.crossing[percentile]
        return None if month is None else self.months[month]


def stock_paths(
    inputs: ProjectionInputs, horizon: int, draws: int, rng: np.random.Generator
) -> NDArray[np.float64]:
    """The stock of each draw (rows) at months 0 … horizon (columns). Random
    numbers are drawn in a fixed order and shape, so two inputs differing only
    in their rates see the same randomness (common random numbers)."""
    start = _uniform(inputs.stock, rng.random(draws))
    flows = _variation(rng, draws, horizon)
    flows *= _total(inputs.inflows, draws, rng)[:, None]
    outflows = _variation(rng, draws, horizon)
    outflows *= _total(inputs.outflows, draws, rng)[:, None]
    flows -= outflows
    if inputs.arrivals:
        flows += _arrivals(inputs.arrivals, horizon, draws, rng)
    paths = np.empty((draws, horizon + 1))
    paths[:, 0] = start
    np.cumsum(flows, axis=1, out=paths[:, 1:])
    paths[:, 1:] += start[:, None]
    return paths


def _variation(rng: np.random.Generator, draws: int, horizon: int) -> NDArray[np.float64]:
    """Month-to-month factors U(1 − VARIATION, 1 + VARIATION)."""
    factors = rng.random((draws, horizon))
    factors *= 2 * VARIATION
    factors += 1 - VARIATION
    return factors


def _uniform(rate: Rate, u: NDArray[np.float64]) -> NDArray[np.float64]:
    return rate.low + u * (rate.high - rate.low)


def _total(rates: list[Rate], draws: int, rng: np.random.Generator) -> NDArray[np.float64]:
    total = np.zeros(draws)
    for rate in rates:
        total += _uniform(rate, rng.random(draws))
    return total


def _arrivals(
    arrivals: list[Arrival], horizon: int, draws: int, rng: np.random.Generator
) -> NDArray[np.float64]:
    out = np.zeros((draws, horizon + 1))
    rows = np.arange(draws)
    for arrival in arrivals:
        comes = rng.random(draws) < arrival.probability
        month = rng.integers(arrival.first, arrival.last + 1, size=draws)
        amount = arrival.low + rng.random(draws) * (arrival.high - arrival.low)
        inside = comes & (month >= 1) & (month <= horizon)
        out[rows[inside], month[inside]] += amount[inside]
    return out[:, 1:]


def crossing_months(paths: NDArray[np.float64], level: float) -> NDArray[np.int64]:
    """For each draw, the first month whose stock is at or below `level`;
    horizon + 1 when it never is."""
    below = paths <= level
    first = np.argmax(below, axis=1)
    months: NDArray[np.int64] = np.where(below.any(axis=1), first, paths.shape[1])
    return months.astype(np.int64)


def project(
    inputs: ProjectionInputs,
    level: float = 0.0,
    horizon: int = 36,
    draws: int = 100_000,
    seed: int = 0,
) -> Projection:
    """Percentiles of the month the stock reaches `level`, and the band of stock."""
    paths = stock_paths(inputs, horizon, draws, np.random.default_rng(seed))
    months = crossing_months(paths, level)
    at = np.percentile(months, PERCENTILES, method="inverted_cdf")
    band = np.percentile(paths[:BAND_DRAWS], PERCENTILES, axis=0, method="inverted_cdf")
    return Projection(
        inputs=inputs,
        level=level,
        horizon=horizon,
        draws=draws,
        seed=seed,
        months=month_labels(inputs.start, horizon),
        band={p: [round(float(v), 1) for v in band[i]] for i, p in enumerate(PERCENTILES)},
        crossing={p: _within(int(m), horizon) for p, m in zip(PERCENTILES, at, strict=True)},
        share_crossing=float(np.mean(months <= horizon)),
    )


def _within(month: int, horizon: int) -> int | None:
    return month if month <= horizon else None


def month_labels(start: str, horizon: int) -> list[str]:
    year, month = int(start[:4]), int(start[5:7])
    out = []
    for offset in range(horizon + 1):
        y, m = divmod(month - 1 + offset, 12)
        out.append(f"{year + y:04d}-{m + 1:02d}")
    return out
