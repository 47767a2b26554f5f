"""Page numbers of an extract without form feeds: a run of bare numbers a page apart, or `N/M`
lines sharing one page count; never a table's row numbers or a figure a wrap left alone."""

from __future__ import annotations

from corpusdiff.text.pages import headed_page_numbers, page_numbers
from corpusdiff.text.rules import is_page_number

TEXT = "全面推进“互联网+”，运用新技术新模式改造传统产业，深入推进简政减税减费"


def _pages(numbers: list[str], every: int = 20) -> list[str]:
    lines: list[str] = []
    for number in numbers:
        lines += [TEXT] * every + [number]
    return [*lines, TEXT]


def test_bare_numbers_counting_up_a_page_apart_are_page_numbers() -> None:
    lines = _pages(["1", "2", "3", "4"])
    assert page_numbers(lines) == {20: 1, 41: 2, 62: 3, 83: 4}


def test_the_last_page_number_closes_the_text_however_short_the_last_page() -> None:
    """The last page holds what text is left, fewer lines than a page: its number, the last
    line, was kept and glued to the last paragraph (`注：…为准12`)."""
    lines = [*_pages(["1", "2", "3"]), TEXT, "4", ""]
    assert page_numbers(lines) == {20: 1, 41: 2, 62: 3, 65: 4}
    assert page_numbers([*_pages(["1", "2", "3"]), TEXT, "5", ""]) == {20: 1, 41: 2, 62: 3}  # not the next page
    assert 65 not in page_numbers([*lines[:-2], "4", TEXT])  # text after it: a figure of the text


def test_two_bare_numbers_or_numbers_close_together_are_text() -> None:
    assert page_numbers(_pages(["1", "2"])) == {}
    assert page_numbers(_pages(["1", "2", "3"], every=4)) == {}  # a table's row numbers


def test_a_figure_the_wrap_left_alone_is_passed_over_for_the_page_number() -> None:
    lines = _pages(["1", "2", "3"])
    lines[30:31] = ["今年广义货币M", "2", "预期增长13%左右"]  # M2 cut by the wrap on page 2
    assert page_numbers(lines) == {20: 1, 43: 2, 64: 3}


def test_page_of_pages_lines_share_their_page_count() -> None:
    assert page_numbers(_pages(["1/40", "2/40"])) == {20: 1, 41: 2}
    assert page_numbers(_pages(["1/3", "2/5"])) == {}  # fractions, not pages


def test_dotted_page_numbers() -> None:
    assert is_page_number("·3·")
    assert is_page_number("• 12 •")
    assert not is_page_number("·")


def test_a_running_head_and_its_page_number_on_one_line() -> None:
    """`pdftotext -layout` sets a header's head and number on one line, a wide gap between."""
    lines = _pages(["政府工作报告          1", "— 2 —　　　　政府工作报告", "政府工作报告　　— 3 —"])
    assert headed_page_numbers(lines) == {20: 1, 41: 2, 62: 3}
    lines = _pages(["政府工作报告          1", "深圳市福田区人民政府公报     2", "政府工作报告          3"])
    assert headed_page_numbers(lines) == {}  # a head on two pages only


def test_a_table_row_label_with_growing_figures_is_no_running_head() -> None:
    lines = _pages(["合计          120", "合计          356", "合计          780"])
    assert headed_page_numbers(lines) == {}
    assert headed_page_numbers(_pages(["政府工作报告 1", "政府工作报告 2", "政府工作报告 3"])) == {}
