"""Plain-text grids aligned for Chinese: a Han character takes two columns (the width itself:
tests/text/test_text_chars.py)."""

from __future__ import annotations

from corpusdiff.render.grid import pad, render_grid, truncate


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
