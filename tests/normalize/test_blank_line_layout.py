"""A plain text that separates its paragraphs with blank lines (Wikisource's national reports) also
breaks lines inside a paragraph: after a run-in `一是…。` and where the web page had a link. Such a
break is read as the inside of a paragraph, as the government portal prints it; a single-spaced
text, an indented line, a line opening as only a paragraph does, and every extracted format keep
their breaks."""

from __future__ import annotations

from corpusdiff.normalize.entry import normalize_file, normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Paragraph
from tests.conftest import ROOT

#: Sentences for the spacing to speak: the layout is judged from at least 20 sentence-ending lines.
FILLER = "".join(f"第{n}段的内容写在这里，说明一项工作进展顺利。\n\n" for n in range(1, 25))
ITEM = "一是继续创新和加强宏观调控，经济运行保持在合理区间。"
ACCOUNT = "去年宏观调控面临多难抉择，我们坚持不搞强刺激。"
LINKED = "新建改建高速公路6700多公里、农村公路29万公里。"
AFTER_LINK = "城市轨道交通、地下综合管廊建设加快。"


def _paragraphs(text: str) -> list[str]:
    document = normalize_raw(decode_report(text.encode("utf-8"), "report.txt"))
    return [block.text for block in document.blocks if isinstance(block, Paragraph)]


def _spaced(body: str) -> str:
    return "各位代表：\n\n" + FILLER + body + "\n\n" + FILLER


def test_a_break_without_a_blank_line_is_inside_the_paragraph() -> None:
    paragraphs = _paragraphs(_spaced(f"{ITEM}\n{ACCOUNT}\n\n——{LINKED}\n{AFTER_LINK}"))
    assert ITEM + ACCOUNT in paragraphs
    assert f"——{LINKED}{AFTER_LINK}" in paragraphs


def test_a_single_spaced_text_keeps_every_line_a_paragraph() -> None:
    single = "各位代表：\n" + FILLER.replace("\n\n", "\n") + f"{ITEM}\n{ACCOUNT}\n"
    paragraphs = _paragraphs(single)
    assert ITEM in paragraphs and ACCOUNT in paragraphs


def test_a_line_that_opens_a_paragraph_still_opens_one() -> None:
    second = "二是着力抓好“三去一降一补”，供给结构有所改善。"
    body = f"{ITEM}\n{second}\n{ACCOUNT}\n 开展迎春花市活动，持续打造文化季。\n——地区生产总值增长6.5%。"
    paragraphs = _paragraphs(_spaced(body))
    # the next item, an indented line and a —— line each start a paragraph
    assert ITEM in paragraphs and second + ACCOUNT in paragraphs
    assert "开展迎春花市活动，持续打造文化季。" in paragraphs
    assert "——地区生产总值增长6.5%。" in paragraphs


def test_wikisource_2017_reads_as_the_portal_prints_it() -> None:
    """The eight review items of 2017 (`一是…。` on a line of its own, its account on the next), the
    indicator paragraph broken at a link and the three paragraphs broken at a zero-width-space line
    are one paragraph each, as on the government portal: every paragraph of the page is one of the
    text's (the text alone has the occasion line and the byline)."""
    corpora = ROOT / "tests" / "data" / "national-gwr"
    text = [b.text for b in normalize_file(corpora / "wikisource" / "2017.txt").blocks if isinstance(b, Paragraph)]
    page = [b.text for b in normalize_file(corpora / "govcn" / "2017.html").blocks if isinstance(b, Paragraph)]
    items = [p for p in page if p[:2] in {"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"} and "。" in p[:40]]
    assert len(items) == 8 and all(item in text for item in items)
    assert next(p for p in page if p.startswith("——基础设施支撑能力持续提升。")) in text
    assert [p for p in page if p not in text] == []
    assert [p[:8] for p in text if p not in page] == ["——2017年3", "国务院总理李克强"]


def test_a_zero_width_space_line_is_looked_through_unless_a_lead_follows() -> None:
    """Wikisource cuts its pages into chunks with a line holding only a zero-width space, inside a
    paragraph or between two: after a sentence end, the next line goes on with the paragraph
    unless it opens with a short lead sentence or an address."""
    lead = "深化农村改革。稳步推进农村集体产权制度改革。"
    address = "我们要全面贯彻党的宗教工作基本方针，依法管理宗教事务。"
    body = f"{ACCOUNT}\n\u200b\n{AFTER_LINK}\n\n{ACCOUNT}\n\u200b\n{lead}\n\n{LINKED}\n\u200b\n{address}"
    paragraphs = _paragraphs(_spaced(body))
    assert ACCOUNT + AFTER_LINK in paragraphs
    assert ACCOUNT in paragraphs and lead in paragraphs
    assert LINKED in paragraphs and address in paragraphs


def test_the_occasion_line_and_the_byline_stay_lines_of_their_own() -> None:
    """They end without a full stop and close themselves; a break after them is no soft break."""
    front = "政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理　李克强\n\n"
    document = normalize_raw(decode_report((front + _spaced("")).encode("utf-8"), "report.txt"))
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == ["——2017年3月5日在第十二届全国人民代表大会第五次会议上", "国务院总理李克强", "各位代表："]
    assert (document.metadata.speaker, document.metadata.meeting) == ("李克强", "第十二届全国人民代表大会第五次会议")


def test_an_address_in_traditional_characters_after_a_zero_width_space_line_opens_a_paragraph() -> None:
    """A reprint in traditional characters prints the address `我們要`: it opens a paragraph after
    a chunk line as `我们要` does, so the two scripts cut the report alike."""
    address = "我們要全面貫徹黨的宗教工作基本方針，依法管理宗教事務。"
    paragraphs = _paragraphs(_spaced(f"{LINKED}\n\u200b\n{address}"))
    assert LINKED in paragraphs and address in paragraphs
