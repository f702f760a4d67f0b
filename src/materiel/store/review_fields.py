"""The fields of a claim an analyst may correct, and their validation: values
from a form (strings) or from JSON are checked and turned into what the
claims table stores."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from materiel.exc import ReviewError
from materiel.model import CATEGORIES, KINDS, STANCES, STATUSES
from materiel.store.names import catalogue

BOUNDS = ("at_least", "at_most")
PERS = ("day", "week", "month", "year")
_TIME = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"", "0", "false", "off", "no"}


def _text(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError("expected text")
    text = " ".join(value.split())
    if len(text) > limit:
        raise ReviewError(f"longer than {limit} characters")
    return text or None


def _choice(options: tuple[str, ...], required: bool) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        text = _text(value, 40)
        if text is None and not required:
            return None
        if text not in options:
            raise ReviewError(f"must be one of {', '.join(options)}")
        return text

    return check


def _party(value: Any) -> str | None:
    text = _text(value, 64)
    return catalogue().party(text) if text else None


def _designation(value: Any) -> str | None:
    text = _text(value, 80)
    return catalogue().system(text) if text else None


def _item_text(value: Any) -> str:
    text = _text(value, 500)
    if not text:
        raise ReviewError("the item text cannot be empty")
    return text


def _number(value: Any) -> float | None:
    if isinstance(value, str):
        value = value.replace(",", "").replace("_", "").strip() or None
    if value is None:
        return None
    if isinstance(value, bool):
        raise ReviewError("expected a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ReviewError("expected a number") from None
    if not math.isfinite(number) or number < 0 or number > 1e12:
        raise ReviewError("expected a number from 0 to 10^12")
    return number


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ReviewError("expected true or false")


def _sources(value: Any) -> str:
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewError("expected a list of names")
    names = [t for v in value if (t := _text(v, 200))]
    return json.dumps(names[:50], ensure_ascii=False)


def _time(value: Any) -> str | None:
    text = _text(value, 32)
    if text is not None and not _TIME.match(text):
        raise ReviewError("expected an ISO period: 2023, 2023-04, 2023-04-01 or 2022/2023")
    return text


FIELDS: dict[str, Callable[[Any], Any]] = {
    "kind": _choice(KINDS, True),
    "supplier": _party,
    "recipient": _party,
    "holder": _party,
    "item_text": _item_text,
    "designation": _designation,
    "category": _choice(CATEGORIES, True),
    "qty_value": _number,
    "qty_approximate": _flag,
    "qty_bound": _choice(BOUNDS, False),
    "qty_per": _choice(PERS, False),
    "status": _choice(STATUSES, False),
    "stance": _choice(STANCES, True),
    "sources": _sources,
    "time": _time,
}
EDITABLE: tuple[str, ...] = tuple(FIELDS)


def clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` checked and converted; a ReviewError names the first bad field."""
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in FIELDS:
            raise ReviewError(f"{name}: not a field that can be corrected")
        try:
            out[name] = FIELDS[name](value)
        except ReviewError as err:
            raise ReviewError(f"{name}: {err}") from None
    return out
