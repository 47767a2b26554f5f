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


def _gazette_pages(over_title: bool) -> list[str]:
    """Three pages of a gazette's extract, its name over each page's text, the first page's over
    the title when `over_title`."""
    one, two, three = (f"　　{paragraph}" for paragraph in PARAGRAPHS[:3])
    return [
        *(["株洲市人民政府公报", ""] if over_title else []), *OPENING, "", one, "", "- 1 -", "",
        "株洲市人民政府公报", "", two, "", "- 2 -", "", "株洲市人民政府公报", "", three, "", "- 3 -",
    ]  # fmt: skip


def test_a_gazette_s_name_over_the_title_and_two_page_breaks_is_a_running_head() -> None:
    """Found on a three-page city plan from a gazette (helper M3): its name over the title was read
    as the gazette's cover line, and at the two page breaks, twice only, as report text (run into
    the paragraph a page break cut: `…力株洲市人民政府公报争…`). Over the title it is the first
    page's running head: three pages, three heads."""
    assert _body(_gazette_pages(over_title=True)) == PARAGRAPHS[:3]


def test_a_line_at_two_page_breaks_only_is_kept_as_report_text() -> None:
    """Without the first page's, two heads are too few to tell from a short line the report repeats
    (read here as an unnumbered heading, as a short line between paragraphs is)."""
    body = _body(_gazette_pages(over_title=False))
    assert [line.lstrip("# ") for line in body] == [PARAGRAPHS[0], "株洲市人民政府公报", PARAGRAPHS[1], "株洲市人民政府公报", PARAGRAPHS[2]]


def test_a_gazette_s_name_over_a_report_that_opens_without_a_title_is_a_running_head() -> None:
    """A national report as the State Council gazette prints it opens under the gazette's name
    with `各位代表：`, no title between (helper V1, the 2019 report's text pulled from such a
    PDF kept the name twenty times, run into paragraphs and read as headings). Over all the text,
    the name stands at the top of the first page: three pages, three heads."""
    one, two, three = (f"　　{paragraph}" for paragraph in PARAGRAPHS[:3])
    pages = [
        "中华人民共和国国务院公报", "", "各位代表：", one, "", "— 1 —", "", "中华人民共和国国务院公报", "",
        two, "", "— 2 —", "", "中华人民共和国国务院公报", "", three, "", "— 3 —",
    ]  # fmt: skip
    document = normalize_lines(pages)
    markdown = render(document).split("\n---\n", 1)[1]
    assert "公报" not in markdown and "公报" not in document.metadata.title
    assert [line for line in markdown.split("\n") if line][-4:] == ["各位代表：", *PARAGRAPHS[:3]]
