"""Read gold and prediction files (JSON Lines in claims-v1)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from materiel.exc import GoldFormatError
from materiel.model import Claim


@dataclass
class GoldDocument:
    doc: str
    lang: str | None
    date: str | None
    text: str
    claims: list[Claim]


def read_gold(path: Path) -> list[GoldDocument]:
    """Every document of a gold file; `text_file` is read relative to the file."""
    out = []
    for number, record in _records(path):
        where = f"{path}:{number}"
        text = record.get("text")
        if text is None and "text_file" in record:
            text_path = path.parent / str(record["text_file"])
            try:
                text = text_path.read_text(encoding="utf-8")
            except OSError as err:
                raise GoldFormatError(f"{where}: cannot read text_file {text_path}: {err}") from err
        if not isinstance(text, str):
            raise GoldFormatError(f"{where}: needs 'text' or 'text_file'")
        out.append(
            GoldDocument(
                doc=str(record.get("doc", number)),
                lang=record.get("lang"),
                date=record.get("date"),
                text=text,
                claims=_claims(record, where),
            )
        )
    return out


def read_predictions(path: Path) -> dict[str, list[Claim]]:
    """`materiel extract` output (or any claims-v1 JSON Lines) by document id."""
    return {str(r.get("doc", n)): _claims(r, f"{path}:{n}") for n, r in _records(path)}


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldFormatError(f"{path}: cannot read: {err}") from err
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldFormatError(f"{path}:{number}: malformed JSON: {err.msg}") from err
        if not isinstance(record, dict):
            raise GoldFormatError(f"{path}:{number}: a line must be a JSON object")
        out.append((number, record))
    return out


def _claims(record: dict[str, Any], where: str) -> list[Claim]:
    claims = record.get("claims", [])
    if not isinstance(claims, list):
        raise GoldFormatError(f"{where}: 'claims' must be a list")
    out = []
    for index, claim in enumerate(claims, start=1):
        try:
            out.append(Claim.model_validate(claim))
        except ValidationError as err:
            first = err.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise GoldFormatError(f"{where}: claim {index}: {loc}: {first['msg']}") from err
    return out
