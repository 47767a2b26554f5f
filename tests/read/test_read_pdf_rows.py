"""Table rows read from PDF lines as PDFium gives them, built here as the reader's `_Line`s."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from corpusdiff.read.pdf import lines, rows


def _row(texts: tuple[str, ...], starts: tuple[float, ...], baseline: float) -> lines._Line:
    ends = tuple(start + 12.0 * len(text) for start, text in zip(starts, texts, strict=True))
    return lines._Line(
        text="\t".join(texts),
        left=starts[0],
        right=ends[-1],
        baseline=baseline,
        size=12.0,
        bold=False,
        first_word=12.0,
        cells=starts,
        ends=ends,
    )


def test_a_row_with_a_cell_fewer_opening_a_page_of_an_unruled_table_is_a_row() -> None:
    """The rest of several cells of a row broken across pages may open the next page on one
    line, as in a ruled table on the grid; in a table without rules the next row looks the same
    when a cell merged down leaves it one cell fewer (`| 2 | 人均… |` under `经济发展`), and it
    stays a row of its own."""
    ending = _row(("经济发展", "1", "地区生产总值", "亿元"), (100.0, 180.0, 230.0, 340.0), 120.0)
    opening = _row(("2", "人均地区生产总值", "万元"), (180.0, 230.0, 340.0), 716.0)
    pages = rows._rows_over_pages([[ending], [opening]], [[], []])
    assert pages == [[ending], [opening]]
