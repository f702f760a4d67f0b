"""Load the YAML tables, lay a user's overlay over them, validate.

Layout (followthemoney's `schema/` style): `data/<table>/<lang>.yaml`, plus
`data/<table>/base.yaml` for the language-neutral part of a catalogue. An
overlay directory has the same layout; its lists extend ours and its mappings
update ours (trafilatura's `use_config`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from materiel.exc import InvalidLexicon

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
OVERLAY_ENV = "MATERIEL_OVERLAY"

M = TypeVar("M", bound=BaseModel)


def overlay_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """Overlay directories: those given, then `$MATERIEL_OVERLAY` (os.pathsep-separated)."""
    dirs = [Path(p) for p in extra]
    env = os.environ.get(OVERLAY_ENV, "")
    dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    for d in dirs:
        if not d.is_dir():
            raise InvalidLexicon(f"overlay directory not found: {d}")
    return dirs


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as err:
        raise InvalidLexicon(f"{path}: not valid YAML: {err}") from err
    except (OSError, UnicodeDecodeError) as err:
        raise InvalidLexicon(f"{path}: cannot read: {err}") from err


def _merge(base: Any, extra: Any, path: Path) -> Any:
    if base is None:
        return extra
    if extra is None:
        return base
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base.get(key), value, path)
        return merged
    raise InvalidLexicon(f"{path}: overlay type {type(extra).__name__} does not fit the table")


def raw_table(table: str, name: str, overlays: Iterable[Path] = ()) -> Any:
    """The merged raw YAML of `data/<table>/<name>.yaml` and its overlays, or None."""
    path = DATA_DIR / table / f"{name}.yaml"
    data = read_yaml(path) if path.exists() else None
    for directory in overlays:
        extra_path = directory / table / f"{name}.yaml"
        if extra_path.exists():
            data = _merge(data, read_yaml(extra_path), extra_path)
    return data


def validate_list(data: Any, model: type[M], where: str) -> list[M]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise InvalidLexicon(f"{where}: expected a list of entries, got {type(data).__name__}")
    out = []
    for index, entry in enumerate(data):
        try:
            out.append(model.model_validate(entry))
        except ValidationError as err:
            raise InvalidLexicon(f"{where}: entry {index + 1}: {_explain(err)}") from err
    return out


def validate_mapping(data: Any, model: type[M], where: str) -> M:
    if not isinstance(data, dict):
        raise InvalidLexicon(f"{where}: missing or not a mapping")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise InvalidLexicon(f"{where}: {_explain(err)}") from err


def _explain(err: ValidationError) -> str:
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first["loc"])
    return f"{loc}: {first['msg']}" + (
        f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    )


def available_languages(overlays: Iterable[Path] = ()) -> list[str]:
    """Languages with a full set of tables (cues, numbers, items), ours or an overlay's."""
    roots = [DATA_DIR, *overlays]
    langs = None
    for table in ("cues", "numbers", "items"):
        found = {p.stem for root in roots for p in (root / table).glob("*.yaml")} - {"base"}
        langs = found if langs is None else langs & found
    return sorted(langs or ())
