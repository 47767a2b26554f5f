"""Rule 9: a running head is dropped where it stands at a page break (next to a page number or a
form feed, a head of two lines together), and kept where the same words stand inside a page.

The pages are written here as a typeset report lays them out: a paragraph a line, opening with an
indent, `— n —` under each page, the gazette's name and the report's short title over the next
one; the text under test is made up, not a report's."""

from __future__ import annotations

from corpusdiff.canonical.markdown import render
from tests.normalize.rawlines import normalize_lines

#: The report's opening as tests/data/extracts/2016-hard-wrapped.txt has it.
OPENING = ["2016年政府工作报告", "——2016年3月5日在第十二届全国人民代表大会第四次会议上", "国务院总理 李克强", "各位代表："]
PARAGRAPHS = [f"第{n}段说明当年工作的一个方面，并且写满一句话。" for n in "一二三四五六"]


def _pages(mid_page: list[str]) -> list[str]:
    """Six paragraphs on four pages; `mid_page` stands between the first two paragraphs."""
    one, two, three, four, five, six = (f"　　{paragraph}" for paragraph in PARAGRAPHS)
    return [
        *OPENING, "", one, "", *mid_page, two, "", "— 1 —", "", "国务院公报", "政府工作报告", "",
        three, "", "— 2 —", "", "国务院公报", "政府工作报告", "", four, "", "— 3 —",
        "\f国务院公报", "政府工作报告", "", five, "", "— 4 —", "", "国务院公报", "政府工作报告", "", six,
    ]


def _body(lines: list[str]) -> list[str]:
    markdown = render(normalize_lines(lines)).split("\n---\n", 1)[1]
    lines = [line for line in markdown.split("\n") if line]
    return lines[lines.index("各位代表：") + 1 :]


def test_a_two_line_running_head_at_every_page_break_is_dropped() -> None:
    assert _body(_pages([])) == PARAGRAPHS


def test_the_running_head_inside_a_page_is_kept_as_report_text() -> None:
    body = _body(_pages(["政府工作报告", ""]))
    assert body[:3] == [PARAGRAPHS[0], "政府工作报告", PARAGRAPHS[1]]
    assert body[3:] == PARAGRAPHS[2:]
