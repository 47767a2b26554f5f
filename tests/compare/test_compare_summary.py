"""Initiative counts per part: every unit is counted once, and diff(A, B) mirrors diff(B, A)."""

from __future__ import annotations

import pytest

from corpusdiff.types.diff import DiffResult, PartSummary
from tests.conftest import corpus_diff

PAIRS = [
    ("futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"),
    ("futian/mid-year-report/2023-10", "futian/annual-plan/2025-01"),
]


def _diff(old: str, new: str) -> DiffResult:
    return corpus_diff(old, new)


@pytest.mark.parametrize("old, new", PAIRS)
def test_every_unit_is_counted_once(old: str, new: str) -> None:
    result = _diff(old, new)
    for part in result.parts():
        assert part.old_units == part.continuing + part.merged + part.dropped, part
        assert part.new_units == part.continuing + part.split + part.new, part


@pytest.mark.parametrize("old, new", PAIRS)
def test_diff_of_b_and_a_mirrors_a_and_b(old: str, new: str) -> None:
    forward = {p.part: p for p in _diff(old, new).parts()}
    backward = {p.part: p for p in _diff(new, old).parts()}
    assert forward.keys() == backward.keys()
    for name, part in forward.items():
        mirror: PartSummary = backward[name]
        assert (part.old_units, part.new_units) == (mirror.new_units, mirror.old_units)
        assert (part.new, part.dropped) == (mirror.dropped, mirror.new)
        assert (part.merged, part.split) == (mirror.split, mirror.merged)
        assert part.continuing == mirror.continuing


def test_sentences_inside_continuing_units_are_not_initiatives() -> None:
    result = _diff(*PAIRS[0])
    counted = sum(result.counts().values())
    units = sum(1 for item in result.initiatives if item.level == "unit")
    assert counted == units < len(result.initiatives)
    within = result.within()
    assert within.sentences_added + within.sentences_removed == len(result.initiatives) - units
