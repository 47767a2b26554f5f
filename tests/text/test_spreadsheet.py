"""A CSV cell Excel would run gets a leading `'`; numbers and a table's blank stay as they are."""

from __future__ import annotations

import pytest

from corpusdiff.text.spreadsheet import inert


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://example.invalid","点击")', "@SUM(A1)", "+cmd|计算", "-2+3行动", "\t=1", "="]
)
def test_a_cell_that_starts_like_a_formula_is_made_text(cell: str) -> None:
    assert inert(cell) == f"'{cell}"


@pytest.mark.parametrize("cell", ["-3.2", "+5%", "-", "+", "——地区生产总值", "增长6%", 5, 1.5, None])
def test_numbers_blanks_and_text_stay_as_they_are(cell: object) -> None:
    assert inert(cell) == cell
