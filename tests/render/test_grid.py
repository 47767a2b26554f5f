"""Plain-text grids aligned for Chinese: a Han character takes two columns (the width itself:
tests/text/test_text_chars.py)."""

from __future__ import annotations

from corpusdiff.render.grid import fold, pad, render_grid, truncate
from corpusdiff.text.chars import display_width


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


def test_a_grid_wider_than_the_terminal_is_folded_under_its_row_labels() -> None:
    """Ten editions side by side run far past a terminal: the edition columns are cut into
    blocks, each printed beside the row labels, every line within the width."""
    header = ["#", *(str(year) for year in range(2013, 2023))]
    rows = [["1", *("（一）扩大内需" for _ in range(10))], ["2", *("—" for _ in range(10))]]
    lines = render_grid(header, rows, fit=70)
    assert max(display_width(line) for line in render_grid(header, rows)) > 70
    assert all(display_width(line) <= 70 for line in lines)
    blocks = "\n".join(lines).split("\n\n")
    assert len(blocks) == 3
    assert [block.split()[0] for block in blocks] == ["#", "#", "#"]
    assert [block.splitlines()[0].split()[1] for block in blocks] == ["2013", "2017", "2021"]
    assert "".join(blocks).count("（一）扩大内需") == 10


def test_fold_keeps_the_last_columns_too_and_gives_each_block_one_column_at_least() -> None:
    rows = [["词", "2013", "2014", "term"], ["a", "1", "2", "疫情"]]
    assert fold(rows, fit=5, keep=1, keep_last=1) == [
        "词  2013  term",
        "a   1     疫情",
        "",
        "词  2014  term",
        "a   2     疫情",
    ]
    assert fold(rows, fit=0, keep=1) == ["词  2013  2014  term", "a   1     2     疫情"]


def test_columns_of_one_edition_stay_in_one_block() -> None:
    """An edition's result and target (indicators) are read together: a fold never parts them."""
    rows = [["指标", "2013", "2013", "2014", "2014"], ["GDP", "7.8%", "7.5%", "7.7%", "7.5%"]]
    together = ["", "2013", "2013", "2014", "2014"]
    assert fold(rows, fit=22, together=together) == [
        "指标  2013  2013",
        "GDP   7.8%  7.5%",
        "",
        "指标  2014  2014",
        "GDP   7.7%  7.5%",
    ]
    assert fold(rows, fit=22)[0] == "指标  2013  2013  2014"


def test_a_grid_can_keep_its_last_column_whole() -> None:
    rows = [["1", "重拳治理大气雾霾和水污染", "合并 · 拆分 · 桥接 2015→2016"]]
    cut, whole = render_grid(["#", "2016", ""], rows, max_width=8), render_grid(
        ["#", "2016", ""], rows, max_width=8, whole_last=True
    )
    assert cut[1].endswith("合并 · …") and whole[1].endswith("合并 · 拆分 · 桥接 2015→2016")
    assert "重拳治…" in whole[1]
