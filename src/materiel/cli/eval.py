"""`materiel eval GOLD.jsonl [--pred PRED.jsonl] [--json]`"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from materiel.eval import read_gold, read_predictions, score
from materiel.eval.score import FIELDS, Scores
from materiel.model import Claim
from materiel.nlp.doc import Doc
from materiel.nlp.pipeline import process


def eval_cli(
    gold: Annotated[Path, typer.Argument(help="Gold file (claims-v1 JSON Lines).")],
    pred: Annotated[
        Path | None, typer.Option(help="Predictions instead of running the extractor.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[bool, typer.Option(help="List missed and spurious claims.")] = False,
) -> None:
    """Score the extractor against a gold file."""
    scores = evaluate(gold, pred)
    if as_json:
        typer.echo(json.dumps(scores.as_dict(), indent=2))
        return
    if errors:
        _print_errors(scores)
    _print_table(scores)


def evaluate(gold_path: Path, pred_path: Path | None = None) -> Scores:
    documents = read_gold(gold_path)
    predictions = read_predictions(pred_path) if pred_path else None
    triples = []
    for document in documents:
        if predictions is not None:
            predicted: list[Claim] = predictions.get(document.doc, [])
        else:
            doc = process(Doc(document.doc, document.text, document.lang, document.date))
            predicted = doc.claims
        triples.append((document.doc, document.claims, predicted))
    return score(triples)


def _print_table(scores: Scores) -> None:
    header = f"{'':12} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}"
    header += "".join(f" {name[:8]:>8}" for name in FIELDS)
    typer.echo(header)
    rows = [("all", scores.total), *scores.by_kind.items()]
    for name, tally in rows:
        if not (tally.gold or tally.predicted):
            continue
        line = (
            f"{name:12} {tally.gold:5d} {tally.predicted:5d} {tally.matched:5d} "
            f"{tally.precision:6.3f} {tally.recall:6.3f} {tally.f1:6.3f}"
        )
        line += "".join(f" {tally.accuracy(f):8.3f}" for f in FIELDS)
        typer.echo(line)


def _print_errors(scores: Scores) -> None:
    for doc, gold, predicted in scores.pairs:
        if gold is not None and predicted is not None:
            continue
        claim = gold or predicted
        assert claim is not None
        tag = "MISSED  " if gold is not None else "SPURIOUS"
        parties = (
            f"{claim.supplier}->{claim.recipient}" if claim.kind == "transfer" else claim.holder
        )
        item = claim.item.designation or claim.item.category
        typer.echo(
            f"{tag} {doc} {claim.kind} {parties} {item} "
            f"q={claim.quantity and claim.quantity.value} "
            f"{claim.status} {claim.stance} {claim.sources} | {claim.evidence.text[:90]}"
        )
