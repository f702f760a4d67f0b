"""Scoring extraction against gold files, as claims-v1's Scoring section defines it."""

from materiel.eval.gold import GoldDocument, read_gold, read_predictions
from materiel.eval.score import Scores, score

__all__ = ["GoldDocument", "Scores", "read_gold", "read_predictions", "score"]
