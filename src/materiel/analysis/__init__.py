"""Assessment: ledgers of stocks and flows with their arithmetic, Monte Carlo
projections, source reliability and credibility, Analysis of Competing
Hypotheses, and charts. Pure functions over plain records (`records.Record`),
with thin readers of the store in `load`."""
