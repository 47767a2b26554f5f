"""Plain-text grids aligned for Chinese: a Han character takes two columns."""

from __future__ import annotations

from corpusdiff.render.grid import display_width, pad, render_grid, truncate


def test_han_characters_take_two_columns() -> None:
    assert display_width("河套a") == 5
    assert display_width("（一）") == 6  # full-width brackets are wide too
    assert display_width("●—…") == 3


def test_truncate_marks_the_cut_and_fits_the_width() -> None:
    assert truncate("一二三四五", 7) == "一二三…"
    assert truncate("一二三", 6) == "一二三"
    assert pad("河套", 6) == "河套  "


def test_grid_columns_line_up_across_han_and_ascii() -> None:
    lines = render_grid(["#", "2022", "2025"], [["1", "河套合作区", "—"], ["10", "ab", "●"]], max_width=8)
    # 河套合作区 is cut to 河套合… (7 columns; one more character would make 9), so the
    # column is 7 wide, then two spaces
    assert lines == [
        "#   2022     2025",
        "1   河套合…  —",
        "10  ab       ●",
    ]
