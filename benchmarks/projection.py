"""Time of the Monte Carlo projection: 100,000 draws × 36 months (target:
well under a second). Prints the best and median of several runs, and
where the time goes."""

from __future__ import annotations

import statistics
import time

import numpy as np

from materiel.analysis.projection import (
    Arrival,
    ProjectionInputs,
    Rate,
    crossing_months,
    project,
    stock_paths,
)

DRAWS, HORIZON, RUNS = 100_000, 36, 7
INPUTS = ProjectionInputs(
    start="2023-03-01",
    stock=Rate(126, 154, "stock"),
    inflows=[Rate(3, 6, "production"), Rate(0, 2, "imports")],
    outflows=[Rate(55, 71, "use")],
    arrivals=[Arrival(50, 100, 0.8, 3, 12, "agreed"), Arrival(20, 40, 0.3, 9, 24, "considering")],
)


def timed(call: object) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    project(INPUTS, draws=1000)  # warm up
    whole = timed(lambda: project(INPUTS, level=0, horizon=HORIZON, draws=DRAWS, seed=1))
    rng = np.random.default_rng(1)
    paths = stock_paths(INPUTS, HORIZON, DRAWS, rng)
    parts = {
        "paths": timed(lambda: stock_paths(INPUTS, HORIZON, DRAWS, np.random.default_rng(1))),
        "crossing": timed(lambda: crossing_months(paths, 0)),
    }
    print(f"projection, {DRAWS:,} draws × {HORIZON} months, {RUNS} runs:")
    for name, times in {"whole": whole, **parts}.items():
        best, median = min(times) * 1000, statistics.median(times) * 1000
        print(f"  {name:9} best {best:6.1f} ms   median {median:6.1f} ms")


if __name__ == "__main__":
    main()
