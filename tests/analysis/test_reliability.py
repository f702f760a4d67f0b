"""Grades, analysts' overrides and the credibility rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from materiel.analysis.reliability import (
    Grades,
    Voice,
    catalogue_grades,
    credibility,
    load_grade_file,
    parse_grade_options,
)
from materiel.exc import InputError


def voices(*grades: str, hedged: bool = False) -> list[Voice]:
    return [Voice(f"s{i}{g}", g, hedged) for i, g in enumerate(grades)]


def test_catalogue_grades_and_overrides() -> None:
    catalogue = catalogue_grades()
    assert catalogue["Reuters"] == "B" and catalogue["Chinese government"] == "D"
    grades = Grades(catalogue, {"Chinese government": "A"})
    assert grades.grade("Chinese government") == "A" and grades.overridden("Chinese government")
    assert grades.grade("Reuters") == "B" and grades.grade("Nobody Known") == "F"


def test_grade_options_resolve_aliases(tmp_path: Path) -> None:
    assert parse_grade_options(["Thomson Reuters=a", "CNN = C"]) == {"Reuters": "A", "CNN": "C"}
    with pytest.raises(InputError):
        parse_grade_options(["Reuters=G"])
    with pytest.raises(InputError):
        parse_grade_options(["Reuters"])
    path = tmp_path / "grades.yaml"
    path.write_text("Reuters news agency: D\nPolitico: e\n")
    assert load_grade_file(path) == {"Reuters": "D", "Politico": "E"}


@pytest.mark.parametrize(
    ("for_", "against", "expected"),
    [
        (voices("F"), [], 6),  # nobody who can be judged
        (voices("C"), voices("A"), 5),  # outranked and outnumbered
        (voices("B", "C"), voices("B"), 4),  # contested by an equal
        (voices("A", hedged=True), [], 4),  # only hedged
        (voices("A", "B", "C"), [], 1),  # three asserting, two strong
        (voices("C", "C"), voices("D"), 2),  # two asserting, no strong denial
        (voices("A"), [], 2),  # one A-grade source
        (voices("B"), [], 3),
        (voices("B"), voices("D"), 3),
    ],
)
def test_credibility_rule(for_: list[Voice], against: list[Voice], expected: int) -> None:
    assert credibility(for_, against) == expected
