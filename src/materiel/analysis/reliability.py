"""Source reliability (Admiralty grades A–F) and the credibility (1–6) of
what a group of sources says, by the rule documented in docs/assessment.md.

A source's grade is, in order: the analyst's override (an option, a YAML
file, or a grade stored in the register), else the catalogue's
(`data/sources/base.yaml`), else F (cannot be judged).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from materiel.exc import InputError
from materiel.lexicon import load_lexicon
from materiel.store.names import catalogue

GRADES = ("A", "B", "C", "D", "E", "F")
# What one source's word counts for; F (cannot be judged) sits between C and D.
GRADE_WEIGHT = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
CREDIBILITY_WORDS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
CREDIBILITY_WEIGHT = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5}
STRONG = ("A", "B")


@dataclass(frozen=True)
class Grades:
    """Grades of sources: the catalogue's, with the analyst's overrides on top."""

    catalogue: Mapping[str, str]
    overrides: Mapping[str, str]

    def grade(self, source: str) -> str:
        return self.overrides.get(source) or self.catalogue.get(source) or "F"

    def overridden(self, source: str) -> bool:
        return source in self.overrides


def catalogue_grades(overlays: tuple[Path, ...] = ()) -> dict[str, str]:
    """Canonical source name → its catalogue grade."""
    sources = load_lexicon("en", overlays).sources
    return {name: source.reliability for name, source in sources.items()}


def canonical_source(name: str, overlays: tuple[Path, ...] = ()) -> str:
    """The catalogue's name for `name` (`Pentagon` → its canonical name)."""
    return catalogue(overlays).sources.get(name.strip().lower(), name.strip())


def parse_grade_options(options: Iterable[str], overlays: tuple[Path, ...] = ()) -> dict[str, str]:
    """`SOURCE=GRADE` options as {canonical source: grade}."""
    out: dict[str, str] = {}
    for option in options:
        source, sep, grade = option.rpartition("=")
        out[canonical_source(source, overlays)] = _checked(grade, option, sep)
    return out


def load_grade_file(path: Path, overlays: tuple[Path, ...] = ()) -> dict[str, str]:
    """A YAML mapping `source: grade` as {canonical source: grade}."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise InputError(f"{path}: cannot read grades: {err}") from err
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping of source: grade")
    return {
        canonical_source(str(k), overlays): _checked(str(v), f"{k}: {v}", "=")
        for k, v in data.items()
    }


def _checked(grade: str, option: str, sep: str) -> str:
    grade = grade.strip().upper()
    if not sep or grade not in GRADES:
        raise InputError(f"not a reliability grade: {option!r} (use SOURCE=A … SOURCE=F)")
    return grade


@dataclass(frozen=True)
class Voice:
    """One independent source speaking on one side of a question."""

    source: str
    grade: str
    hedged: bool = False

    @property
    def weight(self) -> float:
        return GRADE_WEIGHT[self.grade]


def credibility(for_: list[Voice], against: list[Voice]) -> int:
    """Admiralty credibility (1 confirmed … 6 cannot be judged) of what the
    `for_` voices say, given the voices that say the opposite. First match wins:

    6  every voice for it is graded F and nobody contradicts it;
    5  the best voice against outranks the best voice for, and there are at
       least as many voices against as for;
    4  a voice against is at least as reliable as the best voice for, or
       every voice for it hedges;
    1  three or more voices assert it, two of them graded A or B, none against;
    2  two or more voices assert it, or one graded A does, and no voice
       graded A or B is against;
    3  otherwise.
    """
    best_for = max((v.weight for v in for_), default=0.0)
    best_against = max((v.weight for v in against), default=0.0)
    asserting = [v for v in for_ if not v.hedged]
    if not against and all(v.grade == "F" for v in for_):
        return 6
    if best_against > best_for and len(against) >= len(for_):
        return 5
    if (against and best_against >= best_for) or not asserting:
        return 4
    if not against and len(asserting) >= 3 and sum(v.grade in STRONG for v in asserting) >= 2:
        return 1
    strong_against = any(v.grade in STRONG for v in against)
    if not strong_against and (len(asserting) >= 2 or any(v.grade == "A" for v in asserting)):
        return 2
    return 3
