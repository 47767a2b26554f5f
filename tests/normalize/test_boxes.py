"""专栏 boxes in a text that spaces every paragraph with a blank line, as a 五年规划纲要's text
extract does: the box holds all its items and never takes in the heading after it."""

from __future__ import annotations

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Box, Heading, NormalizedDocument, Paragraph

OPENING = "湖南省国民经济和社会发展第十四个五年规划纲要\n\n第一篇　开启新征程\n\n第一章　发展基础\n\n“十三五”时期，全省经济持续健康发展。\n\n"


def _normalize(body: str) -> NormalizedDocument:
    return normalize_raw(decode_report((OPENING + body).encode("utf-8"), "outline.txt"))


def test_a_box_holds_every_item_of_its_own_form_across_blank_lines() -> None:
    body = (
        "专栏2　重大科技创新平台\n\n岳麓山实验室：聚焦种业创新。\n\n湘江实验室：聚焦先进计算与人工智能。\n\n"
        "到2025年，建成一批重大科技创新平台：实验室、科学城。\n\n第二节　加强关键核心技术攻关\n\n突破一批关键核心技术。\n"
    )
    document = _normalize(body)
    [box] = [b for b in document.blocks if isinstance(b, Box)]
    assert [b.text for b in box.blocks] == ["岳麓山实验室：聚焦种业创新。", "湘江实验室：聚焦先进计算与人工智能。"]
    # the running text after the box, though it has a colon, is no item of it
    assert Paragraph("到2025年，建成一批重大科技创新平台：实验室、科学城。") in document.blocks


def test_a_box_whose_content_is_missing_does_not_take_the_heading_after_it() -> None:
    body = "专栏1　“十四五”经济社会发展主要指标\n\n\n第二篇　坚持创新驱动发展\n\n第三章　强化战略科技力量\n\n建设重大科技创新平台。\n"
    document = _normalize(body)
    [box] = [b for b in document.blocks if isinstance(b, Box)]
    assert box.blocks == ()
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert headings[-2:] == ["第二篇 坚持创新驱动发展", "第三章 强化战略科技力量"]


def test_numbered_box_items_run_on_but_a_numbered_line_of_another_form_ends_the_box() -> None:
    body = "专栏3　重大项目\n\n1.轨道交通：建设地铁3号线。\n\n2.道路体系：打通断头路。\n\n（一）加快建设交通强省\n\n推进综合交通枢纽建设。\n"
    document = _normalize(body)
    [box] = [b for b in document.blocks if isinstance(b, Box)]
    assert [b.text for b in box.blocks] == ["1.轨道交通：建设地铁3号线。", "2.道路体系：打通断头路。"]


def test_a_box_in_traditional_characters_is_a_box() -> None:
    """A reprint in traditional characters labels its boxes `專欄N`: the box is read as `专栏N`
    is, its numbered items text, never headings, and the label stays as printed."""
    body = "專欄3　重大項目\n\n1.軌道交通：建設地鐵3號線。\n\n2.道路體系：打通斷頭路。\n\n（一）加快建設交通強省\n\n推進綜合交通樞紐建設。\n"
    document = _normalize(body)
    [box] = [b for b in document.blocks if isinstance(b, Box)]
    assert box.title == "專欄3 重大項目"
    assert [b.text for b in box.blocks] == ["1.軌道交通：建設地鐵3號線。", "2.道路體系：打通斷頭路。"]


def test_a_box_in_a_text_of_a_paragraph_a_line_ends_at_the_next_heading() -> None:
    """No blank lines (a text copied from a page, or saved from Word): the box ran to the end of
    the document, every heading after it read as box text. The outline's next heading ends it, as
    it does after a blank line."""
    opening = "广州市国民经济和社会发展第十四个五年规划纲要\n第一篇　开启新征程\n第一章　发展基础\n“十三五”时期，全市经济持续健康发展。\n"
    body = (
        "专栏1　“十三五”时期主要成就\n1.经济实力：地区生产总值达到25019亿元。\n2.创新能力：高新技术企业1.2万家。\n"
        "第二节　发展环境\n我市发展仍然处于重要战略机遇期。\n"
        "专栏2　重大平台\n1.南沙科学城\n2.中新广州知识城\n（一）建设科技创新强市\n坚持创新驱动。\n"
    )
    document = normalize_raw(decode_report((opening + body).encode("utf-8"), "outline.txt"))
    boxes = [[b.text for b in box.blocks] for box in document.blocks if isinstance(box, Box)]
    assert boxes == [
        ["1.经济实力：地区生产总值达到25019亿元。", "2.创新能力：高新技术企业1.2万家。"],
        ["1.南沙科学城", "2.中新广州知识城"],
    ]
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert headings[-2:] == ["第二节 发展环境", "（一）建设科技创新强市"]
