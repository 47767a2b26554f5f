"""DOCX input: fixtures built from the seeds with python-docx read back to the seed's document,
also when Word's automatic numbering (a numbering part, no number in the runs) makes the
一、/（一） markers."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx")

from corpusdiff.canonical.markdown import render  # noqa: E402
from corpusdiff.errors import InputError  # noqa: E402
from corpusdiff.normalize.entry import normalize_raw  # noqa: E402
from corpusdiff.read.decode import decode_report  # noqa: E402
from corpusdiff.types.document import Heading, ListItem, NormalizedDocument, Paragraph  # noqa: E402
from tests.conftest import SEEDS, body_of  # noqa: E402
from tests.read.docx_fixture import (  # noqa: E402
    MARKERS,
    bulleted_seed_docx,
    docx_of_xml,
    numbered_xml,
    office_docx,
    paragraph_xml,
    seed_docx,
    styled_docx,
)

SEED_FILES = sorted(SEEDS.glob("*.txt"))
_HAN = re.compile(r"[\u3400-\u9fff]")


def _normalize(data: bytes, name: str) -> NormalizedDocument:
    return normalize_raw(decode_report(data, name))


def _headings(document: NormalizedDocument) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Heading)]


@pytest.mark.parametrize("numbering", [False, True], ids=["text-markers", "word-numbering"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_a_docx_made_from_a_seed_reads_as_the_seed(seed: Path, numbering: bool) -> None:
    data = seed_docx(seed, numbering)
    if numbering:  # the markers really are Word's, not text
        from zipfile import ZipFile

        xml = ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
        assert xml.count("<w:numPr>") >= 2
    from_docx = _normalize(data, seed.stem + ".docx")
    from_text = _normalize(seed.read_bytes(), seed.name)
    assert _headings(from_docx) == _headings(from_text)
    body_docx, body_text = body_of(render(from_docx)), body_of(render(from_text))
    assert Counter(_HAN.findall(body_docx)) == Counter(_HAN.findall(body_text))
    assert body_docx == body_text
    source = from_docx.metadata.source
    assert (
        source is not None and source.format == "docx" and source.extractor.startswith("corpusdiff.read.docx")
    )


_FOOTNOTE = "本报告数据为初步统计数。"


def _as_typed_without_bullets(document: NormalizedDocument) -> NormalizedDocument:
    """The document as an office types it without Word's lists: a list item is a paragraph."""
    blocks = tuple(Paragraph(b.text) if isinstance(b, ListItem) else b for b in document.blocks)
    return replace(document, blocks=blocks)


@pytest.mark.parametrize("style", ["office", "styled"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_a_report_written_as_offices_write_word_files_reads_as_the_seed(seed: Path, style: str) -> None:
    """Two ways offices write a report in Word: no styles at all (headings plain paragraphs
    indented like the text, only numbered; cells centred; boxes as tables of one column; a footnote)
    and Word's styles (Title, Heading 1-3 with their numbers typed, List Bullet, Table Grid, the
    title over every page). Found by writing the seeds so: the 2022 work report's `（一）` heads ran
    into their paragraphs after `…六个方面的工作：`, and the footnote into a last paragraph without
    its `。`; the List Bullet items read as paragraphs. The text's canonical body (its list items
    paragraphs where the office typed no bullet), the footnote after it."""
    from_text = _normalize(seed.read_bytes(), seed.name)
    data = office_docx(from_text, _FOOTNOTE) if style == "office" else styled_docx(from_text)
    from_docx = _normalize(data, seed.stem + ".docx")
    expected = body_of(render(from_text))
    if style == "office":
        expected = body_of(render(_as_typed_without_bullets(from_text))) + f"\n注：{_FOOTNOTE}\n"
    assert body_of(render(from_docx)) == expected
    assert from_docx.metadata.title == from_text.metadata.title


@pytest.mark.parametrize("name", ["futian-2023-10-mid-year-plan-report", "futian-2025-01-plan-report"])
def test_word_bullets_read_as_the_texts_list_items(name: str) -> None:
    """The mid-year report typed in Word with its six figures (`地区生产总值2731亿元，增长3.5%；` …)
    in List Bullet read them as paragraphs, where its text export has list items `- …`; the 2025
    plan's bulleted `——` targets and `(一)预期性指标` are a paragraph and a heading either way."""
    seed = SEEDS / f"{name}.txt"
    from_docx = _normalize(bulleted_seed_docx(seed), f"{name}.docx")
    from_text = _normalize(seed.read_bytes(), seed.name)
    assert body_of(render(from_docx)) == body_of(render(from_text))
    if name.startswith("futian-2023"):
        items = [block.text for block in from_docx.blocks if isinstance(block, ListItem)]
        assert items[0] == "地区生产总值2731亿元，增长3.5%；" and items[-1] == "城镇居民登记失业率控制在2%以内。"
        assert len(items) == 6


def test_word_numbering_formats_and_restarts() -> None:
    seed = SEEDS / "futian-2022-01-plan-report.txt"
    raw = decode_report(seed_docx(seed, numbering=True), "plan.docx")
    numbered = [line for line in raw.text.split("\n") if MARKERS[0].match(line)]
    assert numbered[:2] and numbered[0].startswith("一、") and numbered[1].startswith("二、")


#: Word's lists as a government office sets them: 一、 one list; （一） and 1. lists of their own.
LISTS = (
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
)


def _restarted(num_id: int, abstract_id: int) -> str:
    """The list Word makes for "Restart at 1": a new `w:num` over the same abstract list."""
    return (
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )


def test_a_list_restarted_at_one_counts_from_one_again() -> None:
    body = "".join(
        [
            paragraph_xml("2023年工作回顾", numbered_xml(1)),
            paragraph_xml("坚持稳中求进", numbered_xml(2)),
            paragraph_xml("坚持改革创新", numbered_xml(2)),
            paragraph_xml("重点项目", numbered_xml(3)),
            paragraph_xml("2024年工作安排", numbered_xml(1)),
            paragraph_xml("扩大有效需求", numbered_xml(12)),
            paragraph_xml("重点改革", numbered_xml(13)),
            paragraph_xml("开放平台", numbered_xml(13)),
            paragraph_xml("深化改革开放", numbered_xml(12)),
        ]
    )
    numbering = LISTS + _restarted(12, 2) + _restarted(13, 3)
    raw = decode_report(docx_of_xml(body, {"word/numbering.xml": numbering}), "r.docx")
    assert raw.text.split("\n")[4:] == [
        "二、2024年工作安排",
        "（一）扩大有效需求",
        "1.重点改革",
        "2.开放平台",
        "（二）深化改革开放",
        "",
    ]


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in cells) + "</w:tr>"


#: A template's heading numbers: the multilevel list 5 tied to the heading styles 1 and 2 (a
#: Chinese Word's ids for Heading 1 and 2), and 一级标题 based on heading 1; list 6 takes its
#: levels from the numbering style 标题编号, which numbers by list 5.
_HEADING_LIST = (
    '<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1">'
    '<w:start w:val="1"/><w:pStyle w:val="2"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="标题编号"/></w:abstractNum>'
    '<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="6"/></w:num>'
)
_HEADING_STYLES = (
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>'
    '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="一级标题"><w:name w:val="一级标题"/><w:basedOn w:val="1"/></w:style>'
    '<w:style w:type="numbering" w:styleId="标题编号"><w:name w:val="标题编号"/>'
    '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
)


def test_numbers_from_heading_styles_their_based_on_styles_and_list_styles() -> None:
    """Heading numbers a template sets by style: a style naming the list but no level is at the
    level the list ties to it; a style based on a numbered one is numbered; a list that takes its
    levels from a list style numbers by them, counting on with its list."""
    style = '<w:pStyle w:val="{}"/>'.format
    body = (
        paragraph_xml("2023年工作回顾", style("1"))
        + paragraph_xml("坚持稳中求进", style("2"))
        + paragraph_xml("坚持改革创新", style("2"))
        + paragraph_xml("2024年工作安排", style("一级标题"))
        + paragraph_xml("扩大有效需求", style("2"))
        + paragraph_xml("附则", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr>')
    )
    parts = {"word/numbering.xml": _HEADING_LIST, "word/styles.xml": _HEADING_STYLES}
    raw = decode_report(docx_of_xml(body, parts), "r.docx")
    assert raw.text.split("\n") == [
        "一、2023年工作回顾",
        "（一）坚持稳中求进",
        "（二）坚持改革创新",
        "二、2024年工作安排",
        "（一）扩大有效需求",
        "三、附则",
        "",
    ]


@pytest.mark.parametrize(
    ("number_format", "first", "eleventh"),
    [
        ("decimalEnclosedCircleChinese", "①", "⑪"),  # WPS's ① list
        ("chineseLegalSimplified", "壹", "拾壹"),
        ("decimalEnclosedParen", "⑴", "⑾"),
        ("decimalEnclosedFullstop", "⒈", "⒒"),
        ("decimalZero", "01", "11"),
        ("taiwaneseCountingThousand", "一", "十一"),
    ],
)
def test_the_number_formats_of_chinese_lists(number_format: str, first: str, eleventh: str) -> None:
    """Numbers in these formats read as decimals (or as 一 where 壹 was shown)."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
        '<w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = "".join(paragraph_xml(f"第{n}项。", numbered_xml(1)) for n in range(1, 12))
    lines = decode_report(docx_of_xml(body, {"word/numbering.xml": numbering}), "r.docx").text.split("\n")
    assert lines[0] == f"{first}第1项。" and lines[10] == f"{eleventh}第11项。"


def test_odd_numbering_another_program_wrote_costs_a_number_never_the_reading() -> None:
    """A start override without a value, a start that is no number, a level past Word's nine
    and a start in the thousands were an internal error; they give a number or none."""
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val=""/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="12"><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%13)"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1000"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="x"><w:startOverride/>'
        '</w:lvlOverride></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    )
    body = (
        paragraph_xml("加快重大项目建设。", numbered_xml(1))
        + paragraph_xml("深化改革。", '<w:numPr><w:ilvl w:val="12"/><w:numId w:val="1"/></w:numPr>')
        + paragraph_xml("改善民生。", numbered_xml(2))
    )
    raw = decode_report(docx_of_xml(body, {"word/numbering.xml": numbering}), "r.docx")
    assert raw.text.split("\n") == ["1.加快重大项目建设。", "深化改革。", "一〇〇〇、改善民生。", ""]


def test_numbers_word_puts_in_table_cells_are_kept() -> None:
    """A 序号 column numbered by Word: the numbers are not in the runs, as in the body."""
    body = (
        paragraph_xml("主要指标如下：")
        + "<w:tbl>"
        + _row(paragraph_xml("序号"), paragraph_xml("指标"), paragraph_xml("增长"))
        + _row(paragraph_xml("", numbered_xml(3)), paragraph_xml("地区生产总值"), paragraph_xml("5.5%"))
        + _row(paragraph_xml("", numbered_xml(3)), paragraph_xml("一般公共预算收入"), paragraph_xml("6.1%"))
        + "</w:tbl>"
        + '<w:sdt><w:sdtContent>'
        + paragraph_xml("固定资产投资增长4%。", numbered_xml(2))
        + "</w:sdtContent></w:sdt>"
    )
    raw = decode_report(docx_of_xml(body, {"word/numbering.xml": LISTS}), "r.docx")
    assert raw.text.split("\n")[1:] == [
        "序号\t指标\t增长",
        "1.\t地区生产总值\t5.5%",
        "2.\t一般公共预算收入\t6.1%",
        "",
        "（一）固定资产投资增长4%。",
        "",
    ]


def test_paragraphs_and_tables_that_custom_xml_or_a_content_control_wraps_are_read() -> None:
    """An office system's template wraps fields in custom XML; a cover page or a table sits in a
    content control (`w:sdt`): their paragraphs are lines and their tables tables, as in the body."""
    body = (
        '<w:customXml w:element="title">' + paragraph_xml("临江市2024年政府工作报告") + "</w:customXml>"
        + paragraph_xml("各位代表：")
        + '<w:sdt><w:sdtPr><w:alias w:val="指标表"/></w:sdtPr><w:sdtContent><w:tbl>'
        + _row(paragraph_xml("指标"), paragraph_xml("增长"))
        + _row(paragraph_xml("地区生产总值"), paragraph_xml("5.5%"))
        + "</w:tbl></w:sdtContent></w:sdt>"
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == ["临江市2024年政府工作报告", "各位代表：", "指标\t增长", "地区生产总值\t5.5%", ""]


def test_a_table_inside_a_table_cell_is_that_cells_text_once() -> None:
    inner = "<w:tbl>" + _row(paragraph_xml("新建学校"), paragraph_xml("20所")) + "</w:tbl>"
    body = (
        "<w:tbl>"
        + _row(paragraph_xml("项目"), paragraph_xml("内容"))
        + _row(paragraph_xml("民生工程"), paragraph_xml("其中：") + inner)
        + _row(paragraph_xml("交通工程"), paragraph_xml("地铁3号线"))
        + "</w:tbl>"
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == ["项目\t内容", "民生工程\t其中： 新建学校 20所", "交通工程\t地铁3号线", ""]


def _span_row(text: str, columns: int) -> str:
    return f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{columns}"/></w:tcPr>{paragraph_xml(text)}</w:tc></w:tr>'


_ITEMS = ["1.产业创新工程：新增规模以上工业企业200家。", "2.交通强市工程：建成地铁3号线。"]


@pytest.mark.parametrize(
    "box",
    [
        _row(paragraph_xml("专栏1　重大工程")) + _row("".join(paragraph_xml(item) for item in _ITEMS) + "<w:p/>"),
        _span_row("专栏1　重大工程", 2) + _row(paragraph_xml("类别"), paragraph_xml("工程")) + _row(
            paragraph_xml("产业"), paragraph_xml("产业创新工程")
        ),
    ],
    ids=["one-column", "table"],
)
def test_a_box_set_as_a_table_ends_where_the_table_ends(box: str) -> None:
    """A 专栏 box in a table: a one-column table's paragraphs are the box's paragraphs, and the
    heading and paragraph after the table are not taken into the box."""
    from corpusdiff.types.document import Box, Paragraph, Table

    body = (
        paragraph_xml("第一章　发展基础")
        + paragraph_xml("　　“十四五”时期，全市经济实力显著增强。")
        + f"<w:tbl>{box}</w:tbl>"
        + paragraph_xml("第二节　发展环境")
        + paragraph_xml("　　当前，外部环境复杂严峻。")
    )
    document = _normalize(docx_of_xml(body), "plan.docx")
    [found] = [block for block in document.blocks if isinstance(block, Box)]
    assert found.title == "专栏1 重大工程"
    if "类别" in box:
        assert [type(block) for block in found.blocks] == [Table]
    else:
        assert [block.text for block in found.blocks if isinstance(block, Paragraph)] == _ITEMS
    assert _headings(document)[-1] == "第二节 发展环境"
    assert document.blocks[-1] == Paragraph("当前，外部环境复杂严峻。")


def _text_box(paragraphs: str) -> str:
    """A run holding a text box as Word writes it: the drawing, and its legacy VML copy."""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"<w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_lines_of_its_own_after_its_anchor_paragraph() -> None:
    """A text box's paragraphs were run into the paragraph it is anchored in, glued to its
    sentences: they are lines of their own, once, and end with a blank line as a box does."""
    box = paragraph_xml("专栏1　重大工程") + "".join(paragraph_xml(item) for item in _ITEMS)
    body = (
        '<w:p><w:r><w:t>“十四五”时期，全市经济实力显著增强。</w:t></w:r>'
        + _text_box(box)
        + "<w:r><w:t>发展基础更加坚实。</w:t></w:r></w:p>"
        + paragraph_xml("第二节　发展环境")
    )
    raw = decode_report(docx_of_xml(body), "plan.docx")
    assert raw.text.split("\n") == [
        "“十四五”时期，全市经济实力显著增强。发展基础更加坚实。",
        "专栏1　重大工程",
        *_ITEMS,
        "",
        "第二节　发展环境",
        "",
    ]


_DELETED_MARK = '<w:pPr><w:rPr><w:del w:id="9" w:author="审校"/></w:rPr></w:pPr>'


def test_tracked_changes_left_in_read_as_accepted() -> None:
    """Revisions left in a published report read as Word shows them accepted: text moved with
    tracking once, where it was moved to; a tab or break in a deleted run not at all; a deleted
    paragraph mark runs the paragraph on into the next; a deleted paragraph is gone."""
    body = (
        '<w:p><w:moveFrom w:id="1" w:author="审校"><w:r><w:t>全年完成投资120亿元。</w:t></w:r></w:moveFrom>'
        '<w:r><w:t>加快重大项目建设。</w:t></w:r><w:moveTo w:id="2" w:author="审校"><w:r>'
        "<w:t>全年完成投资120亿元。</w:t></w:r></w:moveTo></w:p>"
        '<w:p><w:r><w:t>新增学位</w:t></w:r><w:del w:id="3" w:author="审校"><w:r><w:tab/><w:delText>8000个'
        '</w:delText><w:br/></w:r></w:del><w:ins w:id="4" w:author="审校"><w:r><w:t>1万个</w:t></w:r></w:ins>'
        "<w:r><w:t>。</w:t></w:r></w:p>"
        f"<w:p>{_DELETED_MARK}<w:r><w:t>推进放管服改革，</w:t></w:r></w:p>"
        + paragraph_xml("优化营商环境。")
        + f'<w:p>{_DELETED_MARK}<w:del w:id="5" w:author="审校"><w:r><w:delText>删去的一段。</w:delText></w:r></w:del></w:p>'
        + paragraph_xml("改善民生。")
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == [
        "加快重大项目建设。全年完成投资120亿元。",
        "新增学位1万个。",
        "推进放管服改革，优化营商环境。",
        "改善民生。",
        "",
    ]


def test_a_paragraph_whose_mark_is_deleted_before_a_table_stays_a_paragraph() -> None:
    """A paragraph cannot run on into a table: accepted, its deleted mark stays, and the paragraph
    with it, numbered as before; its text ran into the table's first cell. A paragraph deleted
    whole before a table is gone, its number too (the next number is 二、)."""
    deleted_mark = "<w:rPr><w:del w:id=\"9\" w:author=\"审校\"/></w:rPr>"
    table = "<w:tbl>" + _row(paragraph_xml("指标"), paragraph_xml("增长")) + _row(paragraph_xml("地区生产总值"), paragraph_xml("5.5%")) + "</w:tbl>"
    deleted_whole = (
        f"<w:p><w:pPr>{numbered_xml(1)}{deleted_mark}</w:pPr>"
        '<w:del w:id="5" w:author="审校"><w:r><w:delText>主要指标删去。</w:delText></w:r></w:del></w:p>'
    )
    body = (
        paragraph_xml("主要指标完成情况如下：", numbered_xml(1) + deleted_mark)
        + table
        + deleted_whole
        + table
        + paragraph_xml("2024年工作安排", numbered_xml(1))
    )
    raw = decode_report(docx_of_xml(body, {"word/numbering.xml": LISTS}), "r.docx")
    assert raw.text.split("\n") == [
        "一、主要指标完成情况如下：",
        "指标\t增长",
        "地区生产总值\t5.5%",
        "",
        "",
        "指标\t增长",
        "地区生产总值\t5.5%",
        "",
        "二、2024年工作安排",
        "",
    ]


def test_a_numbered_paragraph_whose_mark_is_deleted_last_in_a_text_box_or_the_body_keeps_its_number() -> None:
    """The last paragraph of a text box or of the body has nothing to run on into: Word, accepting
    the deletion of its mark, keeps the mark and the paragraph's number, as at a table cell's
    end (tests/read/test_read_doc.py); the paragraph lost its number."""
    deleted_mark = "<w:rPr><w:del w:id=\"9\" w:author=\"审校\"/></w:rPr>"
    box = paragraph_xml("专栏1　民生实事") + paragraph_xml("新建中小学校4所。", numbered_xml(3) + deleted_mark)
    body = (
        f"<w:p><w:pPr>{numbered_xml(1)}</w:pPr><w:r><w:t>稳定和扩大就业。</w:t></w:r>{_text_box(box)}</w:p>"
        + paragraph_xml("办好人民满意的教育。", numbered_xml(1) + deleted_mark)
    )
    raw = decode_report(docx_of_xml(body, {"word/numbering.xml": LISTS}), "r.docx")
    assert raw.text.split("\n") == [
        "一、稳定和扩大就业。",
        "专栏1　民生实事",
        "1.新建中小学校4所。",
        "",
        "二、办好人民满意的教育。",
        "",
    ]


def test_a_text_box_in_a_paragraph_whose_mark_is_deleted_follows_the_paragraph_it_runs_on_into() -> None:
    """Accepted, a deleted paragraph mark makes one paragraph of two, and the text box anchored in
    the first is that paragraph's: its lines follow the whole paragraph, not the half before the
    mark (they were read before it); in the body's last paragraph, with nothing to run on into,
    they follow the paragraph's own text."""
    box = paragraph_xml("专栏1　重大工程") + "".join(paragraph_xml(item) for item in _ITEMS)
    body = (
        f"<w:p>{_DELETED_MARK}<w:r><w:t>推进放管服改革，</w:t></w:r>{_text_box(box)}</w:p>"
        + paragraph_xml("优化营商环境。")
        + f"<w:p>{_DELETED_MARK}<w:r><w:t>以上报告，请予审议。</w:t></w:r>{_text_box(paragraph_xml('附：名词解释'))}</w:p>"
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == [
        "推进放管服改革，优化营商环境。",
        "专栏1　重大工程",
        *_ITEMS,
        "",
        "以上报告，请予审议。",
        "附：名词解释",
        "",
    ]


def test_a_text_box_deleted_or_moved_with_tracking_is_read_as_accepted() -> None:
    """A text box whose anchor run a tracked change deletes is not read, and one moved with
    tracking is read once, where it was moved to (`w:moveTo`), not also where it was (`w:moveFrom`):
    the deleted box was read and the moved one read twice."""
    moved = _text_box(paragraph_xml("专栏2　重点项目"))
    body = (
        f'<w:p><w:r><w:t>推进放管服改革。</w:t></w:r><w:del w:id="1" w:author="审校">{_text_box(paragraph_xml("专栏1　删去"))}</w:del></w:p>'
        f'<w:p><w:r><w:t>优化营商环境。</w:t></w:r><w:moveFrom w:id="2" w:author="审校">{moved}</w:moveFrom></w:p>'
        f'<w:p><w:r><w:t>扩大有效投资。</w:t></w:r><w:moveTo w:id="3" w:author="审校">{moved}</w:moveTo></w:p>'
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == ["推进放管服改革。", "优化营商环境。", "扩大有效投资。", "专栏2　重点项目", ""]


def test_endnotes_are_kept_as_notes_after_the_body() -> None:
    endnotes = (
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> 地区生产总值增速按可比价格计算。</w:t></w:r></w:p></w:endnote>'
    )
    body = '<w:p><w:r><w:t>地区生产总值增长5.5%</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>'
    raw = decode_report(docx_of_xml(body, {"word/endnotes.xml": endnotes}), "r.docx")
    assert raw.text.split("\n") == ["地区生产总值增长5.5%", "", "注：地区生产总值增速按可比价格计算。", ""]
    assert "1 endnote put after the body as paragraphs of their own" in raw.notes


_TOC_FIELD = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def _contents_entry(text: str, page: int, style: str = "TOC1", field: str = "") -> str:
    """A table of contents' entry as Word writes it: a link to the heading, a tab, and the
    heading's page number in a PAGEREF field; `field` goes in front (the TOC field's begin)."""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{field}<w:hyperlink w:anchor="_Toc1">'
        f"<w:r><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{page}</w:t></w:r>{_FIELD_END}</w:hyperlink></w:p>'
    )


_PLAN_TITLE = "临江市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
_PLAN_BODY = (
    paragraph_xml("第一章　发展基础")
    + paragraph_xml("　　“十三五”时期，全市经济实力显著增强。")
    + paragraph_xml("第二章　发展环境")
    + paragraph_xml("　　当前，我市发展仍处于重要战略机遇期。")
)
_ENTRIES = [("第一章　发展基础", 1), ("第二章　发展环境", 3)]
_CONTENTS = {
    # Word: a content control of the contents gallery, around the 目录 line and the TOC field
    "content-control": '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
    "</w:docPartObj></w:sdtPr><w:sdtContent>"
    + paragraph_xml("目　录")
    + _contents_entry(*_ENTRIES[0], field=_TOC_FIELD)
    + _contents_entry(*_ENTRIES[1])
    + f"<w:p>{_FIELD_END}</w:p></w:sdtContent></w:sdt>",
    # WPS, or Word before 2007: the TOC field alone; its end before the first heading's text
    "field": paragraph_xml("目　录")
    + "<w:p/>"
    + _contents_entry(*_ENTRIES[0], style="10", field=_TOC_FIELD)
    + _contents_entry(*_ENTRIES[1], style="10"),
    # the field unlinked (pasted as text): the entries' style alone
    "style": paragraph_xml("目录") + "".join(_contents_entry(*entry, style="TOC2") for entry in _ENTRIES),
}


@pytest.mark.parametrize("contents", sorted(_CONTENTS))
def test_the_table_of_contents_word_generates_is_not_report_text(contents: str) -> None:
    """A table of contents repeats the headings with page numbers: read, it became a table in
    the body and glued its 目录 to the title. It is dropped, with a warning."""
    body = paragraph_xml(_PLAN_TITLE) + _CONTENTS[contents] + _PLAN_BODY
    if contents == "field":  # the field's end in the first heading's paragraph, before its text
        body = body.replace("<w:p><w:r><w:t xml:space=\"preserve\">第一章", f"<w:p>{_FIELD_END}<w:r><w:t>第一章", 1)
    styles = '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/></w:style>'
    raw = decode_report(docx_of_xml(body, {"word/styles.xml": styles}), "plan.docx")
    assert raw.text.split("\n") == [
        _PLAN_TITLE,
        "第一章　发展基础",
        "　　“十三五”时期，全市经济实力显著增强。",
        "第二章　发展环境",
        "　　当前，我市发展仍处于重要战略机遇期。",
        "",
    ]
    assert any(note.startswith("dropped the table of contents Word generates (") for note in raw.notes)
    assert normalize_raw(raw).metadata.title == _PLAN_TITLE


def test_characters_inserted_from_a_symbol_font_are_kept() -> None:
    """Insert > Symbol writes a font and a code, no text: ≥ from Symbol, ✓ from Wingdings were
    lost; one with no known character is reported."""
    sym = '<w:r><w:sym w:font="{}" w:char="{}"/></w:r>'.format
    body = (
        f"<w:p><w:r><w:t>空气质量优良天数比例</w:t></w:r>{sym('Symbol', 'F0B3')}<w:r><w:t>90%</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>完成情况：</w:t></w:r>{sym('Wingdings', 'F0FC')}{sym('Webdings', 'F021')}</w:p>"
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == ["空气质量优良天数比例≥90%", "完成情况：✓", ""]
    assert any("symbol font" in note and "Webdings F021" in note for note in raw.notes)


def _bullets(*symbols: str) -> str:
    """A bullet list for each symbol, list n + 1 for the n-th."""
    return "".join(
        f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{symbol}"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>'
        for n, symbol in enumerate(symbols, start=1)
    )


def test_a_dash_bullet_is_the_reports_dash_item_marker() -> None:
    """An office sets the `——` target items as a list whose bullet is `—`: the dash the page
    shows was lost (`地区生产总值增长5.5%左右；`). Another bullet makes a list item."""
    body = "".join(
        paragraph_xml(text, numbered_xml(num_id))
        for text, num_id in (("地区生产总值增长5.5%左右；", 1), ("城镇调查失业率5.5%以内；", 2), ("稳就业", 3))
    )
    raw = decode_report(docx_of_xml(body, {"word/numbering.xml": _bullets("—", "——", "•")}), "r.docx")
    assert raw.text.split("\n") == ["——地区生产总值增长5.5%左右；", "——城镇调查失业率5.5%以内；", "- 稳就业", ""]


def test_a_bullet_makes_a_list_item_of_a_paragraph_not_of_a_table_cell() -> None:
    """Word's bullets (`•`, Symbol's U+F0B7, `■`) read as the text export's `- `, so
    the items are the list items the .txt gives; a bulleted cell is one value of its row, and a
    bulleted empty paragraph no item."""
    cell = "<w:tc>{}</w:tc>".format
    row = cell(paragraph_xml("指标")) + cell(paragraph_xml("增长5%", numbered_xml(1)))
    body = (
        paragraph_xml("主要指标：")
        + paragraph_xml("地区生产总值2731亿元，增长3.5%；", numbered_xml(1))
        + paragraph_xml("现代服务业增加值2052.94亿元；", numbered_xml(2))
        + paragraph_xml("城镇居民登记失业率控制在2%以内。", numbered_xml(3))
        + paragraph_xml("", numbered_xml(1))
        + f"<w:tbl><w:tr>{row}</w:tr><w:tr>{row}</w:tr></w:tbl>"
    )
    raw = decode_report(docx_of_xml(body, {"word/numbering.xml": _bullets("•", "\uf0b7", "■")}), "r.docx")
    assert raw.text.split("\n") == [
        "主要指标：",
        "- 地区生产总值2731亿元，增长3.5%；",
        "- 现代服务业增加值2052.94亿元；",
        "- 城镇居民登记失业率控制在2%以内。",
        "",
        "指标\t增长5%",
        "指标\t增长5%",
        "",
    ]
    document = normalize_raw(raw)
    assert [type(block).__name__ for block in document.blocks][:4] == ["Paragraph", "ListItem", "ListItem", "ListItem"]


def test_an_absolute_position_tab_parts_the_text_as_a_tab_does() -> None:
    """`w:ptab` (a byline's name set flush right) was dropped: `主任张三`, and no speaker."""
    body = '<w:p><w:r><w:t>发展和改革委员会主任</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>张三</w:t></w:r></w:p>'
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == ["发展和改革委员会主任\t张三", ""]


def test_paragraphs_indented_with_a_tab_are_paragraphs_not_a_table() -> None:
    """Typed with a tab instead of a first-line indent, a whole report read as one table row;
    the tab is the paragraph's indent. A tab between words still separates columns, and a
    short value led by a tab stays a cell."""
    indented = '<w:p><w:r><w:tab/><w:t xml:space="preserve">{}</w:t></w:r></w:p>'.format
    body = (
        paragraph_xml("临江市2024年政府工作报告")
        + paragraph_xml("各位代表：")
        + indented("现在，我代表市人民政府，向大会报告工作，请予审议。")
        + indented("一、2023年工作回顾")
        + indented("过去一年，全市地区生产总值增长5.5%。")
        + indented("工业增加值增长7%，固定资产投资增长4%。")
        + '<w:p><w:r><w:t>新增学位</w:t><w:tab/><w:t>1万个</w:t></w:r></w:p>'
        + indented("4800左右")  # a short value led by a tab: a cell, as a text export writes one
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n")[2:] == [
        "　　现在，我代表市人民政府，向大会报告工作，请予审议。",
        "　　一、2023年工作回顾",
        "　　过去一年，全市地区生产总值增长5.5%。",
        "　　工业增加值增长7%，固定资产投资增长4%。",
        "新增学位\t1万个",
        "\t4800左右",
        "",
    ]
    document = normalize_raw(raw)
    assert _headings(document) == ["一、2023年工作回顾"]


def test_a_strict_open_xml_document_is_read() -> None:
    """Word's "Strict Open XML Document" names its elements in another namespace; it was refused
    as a .docx holding no text."""
    body = paragraph_xml("各位代表：") + paragraph_xml("现在，我代表市人民政府，向大会报告工作。")
    data = docx_of_xml(body, namespace="http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert decode_report(data, "r.docx").text == "各位代表：\n现在，我代表市人民政府，向大会报告工作。\n"


def test_what_the_document_shows_as_pictures_is_named_and_equation_text_kept() -> None:
    """An Excel sheet pasted as an object, a chart and a picture hold no text to read: they were
    dropped without a word; a warning now counts them. An equation's text is read."""
    drawing = '<w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{}</a:graphic></w:drawing></w:r>'.format
    body = (
        paragraph_xml("主要指标完成情况见下表：")
        + '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" ProgID="Excel.Sheet.12"/>'
        "</w:object></w:r></w:p>"
        + "<w:p>"
        + drawing('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>')
        + drawing('<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/>')
        + "</w:p>"
        + '<w:p><w:r><w:t>增速为</w:t></w:r><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        "<m:r><m:t>5.5%</m:t></m:r></m:oMath></w:p>"
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == ["主要指标完成情况见下表：", "", "", "增速为5.5%", ""]
    assert any(note.startswith("left out 1 embedded object, 1 chart, 1 picture: ") for note in raw.notes)


def test_a_picture_a_tracked_change_deletes_or_moves_is_not_counted_as_left_out() -> None:
    """A picture or chart in a deleted run (`w:del`) is not in the report Word shows with its
    changes accepted, and one moved with tracking is there once, where it was moved to: the
    warning counted the deleted ones and the moved one twice."""
    drawing = '<w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{}</a:graphic></w:drawing></w:r>'.format
    picture = drawing('<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/>')
    chart = drawing('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>')
    body = (
        paragraph_xml("主要指标完成情况见下图：")
        + f'<w:p><w:del w:id="1" w:author="审校">{picture}{chart}</w:del></w:p>'
        + f'<w:p><w:moveFrom w:id="2" w:author="审校">{picture}</w:moveFrom></w:p>'
        + f'<w:p><w:moveTo w:id="3" w:author="审校">{picture}</w:moveTo></w:p>'
    )
    notes = decode_report(docx_of_xml(body), "r.docx").notes
    assert [note.split(":")[0] for note in notes if "as pictures" in note] == ["left out 1 picture"]


def test_a_picture_in_a_hidden_run_is_not_counted_as_left_out() -> None:
    """A picture in a run formatted hidden (`w:vanish`) is neither shown nor printed, as the .doc
    reader finds its 0x01 hidden: the warning counted it."""
    picture = '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/>'
    drawing = f'<w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{picture}</a:graphic></w:drawing>'
    body = (
        paragraph_xml("主要指标完成情况见下图：")
        + f"<w:p><w:r><w:rPr><w:vanish/></w:rPr>{drawing}</w:r></w:p>"
        + f"<w:p><w:r>{drawing}</w:r></w:p>"
    )
    notes = decode_report(docx_of_xml(body), "r.docx").notes
    assert [note.split(":")[0] for note in notes if "as pictures" in note] == ["left out 1 picture"]


_CHUNK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rIdHtml" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/aFChunk" Target="afchunk.mht"/><Relationship Id="rIdBin" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/afchunk2.bin"/></Relationships>'
)
_CHUNK_HTML = "".join(
    f"<p style='text-indent:2em'>{text}</p>"
    for text in (
        "各位代表：",
        "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
        "一、2023年工作回顾",
        "过去一年，全市地区生产总值增长5.5%，一般公共预算收入增长6.1%，城镇新增就业5.2万人。",
        "我们坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，经济运行持续回升向好。",
    )
)
_CHUNK_MHT = (
    'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
    "------=_NextPart_01\r\nContent-Location: file:///C:/chunk.htm\r\n"
    'Content-Type: text/html; charset="utf-8"\r\n\r\n'
    f"<html><body>{_CHUNK_HTML}</body></html>\r\n------=_NextPart_01--\r\n"
)


def test_a_part_embedded_for_word_to_convert_is_read_where_it_stands() -> None:
    """An office system writes the report's body as an HTML (MHTML) part for Word to convert on
    opening (`w:altChunk`): it was lost, the file read as its title alone. It is read in its
    place; a part that cannot be read is named in a warning."""
    r_id = 'r:id="{}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'.format
    body = (
        paragraph_xml("临江市2024年政府工作报告")
        + f"<w:altChunk {r_id('rIdHtml')}/>"
        + f"<w:altChunk {r_id('rIdBin')}/>"
        + paragraph_xml("临江市人民政府")
    )
    parts = {"word/_rels/document.xml.rels": _CHUNK_RELS, "word/afchunk.mht": _CHUNK_MHT, "word/afchunk2.bin": "\x00"}
    raw = decode_report(docx_of_xml(body, parts), "r.docx")
    assert raw.text.split("\n") == [
        "临江市2024年政府工作报告",
        "各位代表：",
        "",
        "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
        "",
        "一、2023年工作回顾",
        "",
        "过去一年，全市地区生产总值增长5.5%，一般公共预算收入增长6.1%，城镇新增就业5.2万人。",
        "",
        "我们坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，经济运行持续回升向好。",
        "",
        "临江市人民政府",
        "",
    ]
    assert any(note.startswith("left out 1 part embedded for Word to convert") for note in raw.notes)


def test_a_template_placeholder_left_unfilled_is_not_report_text() -> None:
    """A content control still showing its placeholder holds the template's prompt to the
    author; one filled in holds the report's text."""
    prompt = '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>'.format
    filled = "<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>".format
    run = "<w:r><w:t>{}</w:t></w:r>".format
    body = (
        paragraph_xml("临江市2024年政府工作报告")
        + f"<w:p>{run('——')}{filled(run('2024年1月22日'))}{run('在临江市第十六届人民代表大会第四次会议上')}</w:p>"
        + prompt(paragraph_xml("单击或点击此处输入文字。"))
        + f"<w:p>{run('报告人：')}{prompt(run('单击或点击此处输入文字。'))}</w:p>"
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n") == [
        "临江市2024年政府工作报告",
        "——2024年1月22日在临江市第十六届人民代表大会第四次会议上",
        "报告人：",
        "",
    ]
    assert any(note.startswith("left out 2 content controls showing the template's placeholder") for note in raw.notes)


def test_hidden_text_is_not_read_and_is_named() -> None:
    """Text formatted as hidden (a note left for the authors) Word neither shows nor prints."""
    body = (
        '<w:p><w:r><w:t>全年完成投资120亿元。</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr>'
        "<w:t>（此数待统计局核实）</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>新增学位1万个。</w:t></w:r></w:p>'
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text == "全年完成投资120亿元。新增学位1万个。\n"
    assert any("1 run of text formatted as hidden" in note and "此数待统计局核实" in note for note in raw.notes)


def test_footnotes_and_tables_are_kept() -> None:
    document = docx.Document()
    document.add_paragraph("福田区2023年政府工作报告", style="Title")
    document.add_paragraph("各位代表：现在，我代表区人民政府，向大会报告工作。")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "指标",
        (0, 1): "2022年",
        (1, 0): "地区生产总值",
        (1, 1): "增长5%",
    }.items():
        table.cell(row, col).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    result = _normalize(buffer.getvalue(), "r.docx")
    assert result.metadata.title == "福田区2023年政府工作报告"
    assert "| 地区生产总值 | 增长5% |" in render(result)


def test_a_footnote_after_a_last_paragraph_without_its_stop_is_a_paragraph_of_its_own() -> None:
    """The footnotes follow the body as `注：…` paragraphs after a blank line; the 2022 plan's body
    ends with its table's source line, which has no `。`, and the note ran into it
    (`…以统计部门发布为准注：本报告数据为初步统计数。`)."""
    body = (
        paragraph_xml("关于福田区2021年国民经济和社会发展计划执行情况与2022年计划草案的报告")
        + '<w:p><w:r><w:t>全年地区生产总值增长6.7%。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        + paragraph_xml("注：表中2021年完成数据以统计部门发布为准")
    )
    notes = '<w:footnote w:id="1"><w:p><w:r><w:t>本报告数据为初步统计数。</w:t></w:r></w:p></w:footnote>'
    document = _normalize(docx_of_xml(body, {"word/footnotes.xml": notes}), "plan.docx")
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)][-2:] == [
        "注：表中2021年完成数据以统计部门发布为准",
        "注：本报告数据为初步统计数。",
    ]


def test_a_docx_without_text_is_refused() -> None:
    document = docx.Document()
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(InputError, match="holds no text"):
        decode_report(buffer.getvalue(), "empty.docx")


def _first_paragraph_styled(style: str, style_id: str) -> bytes:
    """A report whose first paragraph has the built-in style `style`, its id `style_id`: Word
    names its styles in English in every language, but a Chinese Word numbers their ids (a3,
    a5, …) in the order a document uses them, so an id says nothing of what a style is."""
    from docx.oxml.ns import qn

    document = docx.Document()
    document.styles[style].element.set(qn("w:styleId"), style_id)
    document.add_paragraph("福田区2023年政府工作报告", style=style)
    document.add_paragraph("各位代表：现在，我代表区人民政府，向大会报告工作。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("style", "style_id", "title"),
    [
        ("Title", "a5", "福田区2023年政府工作报告"),  # Title under a Chinese Word's id
        ("Header", "a3", ""),  # a3 is the header style in many Chinese documents, no title
    ],
)
def test_the_title_style_is_told_by_its_name_not_its_id(style: str, style_id: str, title: str) -> None:
    assert decode_report(_first_paragraph_styled(style, style_id), "r.docx").title_hint == title


# Line breaks (Shift+Enter, `w:br`): a soft break inside one paragraph, unless the author typed
# the whole report in one paragraph with a break for each paragraph end.

_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’）」』》】]*|[^。！？]+$")


def _docx_of(paragraphs: list[list[str]], page_break_after: int | None = None) -> bytes:
    """A Word document of `paragraphs`, each given as the pieces its line breaks separate."""
    document = docx.Document()
    for pieces in paragraphs:
        paragraph = document.add_paragraph()
        for index, piece in enumerate(pieces):
            run = paragraph.add_run(piece)
            if index < len(pieces) - 1:
                run.add_break()
            if index == page_break_after:
                run.add_break(docx.enum.text.WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _seed_lines(seed: Path) -> list[str]:
    return seed.read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("seed", ["futian-2022-01-government-work-report", "futian-2025-01-plan-report"])
def test_a_line_break_after_each_sentence_keeps_the_paragraph(seed: str) -> None:
    """Each line of the seed a Word paragraph with Shift+Enter after every sentence in it: the
    paragraphs are the seed's, not one a sentence."""
    path = SEEDS / f"{seed}.txt"
    paragraphs = [_SENTENCE.findall(line) or [line] for line in _seed_lines(path)]
    assert sum(len(pieces) - 1 for pieces in paragraphs) > 100  # the breaks really are there
    from_docx = _normalize(_docx_of(paragraphs), f"{seed}.docx")
    from_text = _normalize(path.read_bytes(), path.name)
    assert body_of(render(from_docx)) == body_of(render(from_text))


@pytest.mark.parametrize("seed", ["futian-2022-01-government-work-report", "futian-2022-01-plan-report"])
def test_a_report_typed_in_one_paragraph_with_line_breaks_reads_as_its_lines(seed: str) -> None:
    """Every line of the seed a Shift+Enter in one Word paragraph (the plan report's lines are
    a text extract's, broken mid-sentence): read as the seed's lines, with a warning."""
    path = SEEDS / f"{seed}.txt"
    raw = decode_report(_docx_of([_seed_lines(path)]), f"{seed}.docx")
    assert any("Shift+Enter" in note for note in raw.notes)
    from_docx = normalize_raw(raw)
    from_text = _normalize(path.read_bytes(), path.name)
    assert body_of(render(from_docx)) == body_of(render(from_text))


def test_a_line_or_page_break_inside_a_paragraph_is_not_a_paragraph_end() -> None:
    paragraphs = [
        ["各位代表：现在，我代表区人民政府，向大会报告工作。"],
        ["一是加快建设。全年完成投资", "120亿元。二是统筹推进。详见", "Creative", "Commons许可。"],
        ["三是深化改革。推进放管服改革。", "四是改善民生。新增学位1万座。"],
    ]
    raw = decode_report(_docx_of(paragraphs, page_break_after=0), "r.docx")
    assert raw.text.split("\n") == [
        "各位代表：现在，我代表区人民政府，向大会报告工作。",
        "一是加快建设。全年完成投资120亿元。二是统筹推进。详见Creative Commons许可。",
        "三是深化改革。推进放管服改革。四是改善民生。新增学位1万座。",
        "",
    ]
    assert not any("Shift+Enter" in note for note in raw.notes)


def test_a_paragraph_pasted_from_a_web_page_ends_at_each_break_before_an_indent() -> None:
    """Text pasted into Word from a web page: a part's paragraphs in one Word paragraph, each
    after a line break opening with the indent of two ideographic spaces. Two or three breaks
    were read as soft ones, and `各位代表：` ran into the paragraph under it (helper V1)."""
    pieces = ["各位代表：", "\u3000\u3000现在，我代表区人民政府，向大会报告工作。", "\u3000\u3000过去一年，全区经济稳中向好。"]
    raw = decode_report(_docx_of([pieces]), "r.docx")
    assert raw.text.split("\n")[:3] == pieces
    texts = [block.text for block in normalize_raw(raw).blocks]
    assert texts == [piece.strip("\u3000") for piece in pieces]


def test_a_cover_block_typed_with_line_breaks_keeps_its_lines() -> None:
    """Title, subtitle and speaker in one centred paragraph, Shift+Enter between them, were run
    into one title line (`政府工作报告——2024年1月22日在…临江市市长张三`), losing the date, meeting,
    region and speaker; before the first sentence such breaks end lines, as on the page."""
    pieces = ["政府工作报告", "——2024年1月22日在临江市第十六届人民代表大会第四次会议上", "临江市市长　张三"]
    body = (
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:r><w:br/></w:r>".join(f"<w:r><w:t>{piece}</w:t></w:r>" for piece in pieces)
        + "</w:p>"
        + paragraph_xml("各位代表：")
        + paragraph_xml("　　现在，我代表市人民政府，向大会报告工作，请予审议。")
        + paragraph_xml("一、2023年工作回顾")
        + '<w:p><w:r><w:t>全年完成投资</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>120亿元</w:t></w:r></w:p>'
    )
    raw = decode_report(docx_of_xml(body), "r.docx")
    assert raw.text.split("\n")[:3] == pieces
    assert raw.text.split("\n")[-2] == "全年完成投资120亿元"  # after the first sentence, a soft break
    metadata = normalize_raw(raw).metadata
    assert (metadata.title, metadata.speaker, metadata.region) == ("政府工作报告", "张三", "临江市")
    assert str(metadata.date) == "2024-01-22"


#: An indicator table as Word merges it: 类别, 指标 and 单位 merged down over the two header rows,
#: the period merged across 完成 and 2025年目标, 经济发展 merged down over its two indicators.
MERGED = [
    ["类别", "指标", "单位", "2024—2025年", ""],
    ["", "", "", "完成", "2025年目标"],
    ["经济发展", "地区生产总值增速", "%", "6.0", "6"],
    ["", "规模以上工业增加值增速", "%", "4.5", "7"],
    ["民生", "城镇调查失业率", "%", "5.3", "5.5以内"],
]


def test_merged_cells_keep_every_value_under_its_header() -> None:
    from corpusdiff.types.document import Table

    document = docx.Document()
    document.add_paragraph("关于成都市2025年国民经济和社会发展计划的报告", style="Title")
    document.add_paragraph("各位代表：现在，我代表市人民政府，向大会报告计划草案，请予审议。")
    table = document.add_table(rows=5, cols=5)
    for row, cells in enumerate(MERGED):
        for column, text in enumerate(cells):
            if text:
                table.cell(row, column).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    for column in range(3):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(2, 0).merge(table.cell(3, 0))
    buffer = io.BytesIO()
    document.save(buffer)
    [found] = [b for b in _normalize(buffer.getvalue(), "plan.docx").blocks if isinstance(b, Table)]
    assert [list(row) for row in found.rows] == MERGED


def test_a_docx_whose_xml_breaks_off_says_so_in_plain_words() -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>\n<notxml")
    with pytest.raises(InputError) as refused:
        decode_report(buffer.getvalue(), "broken.docx")
    message = str(refused.value)
    assert "XML breaks off, line " in message and "Couldn't" not in message and "\n" not in message


_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _chunk_rels(targets: dict[str, str]) -> str:
    relation = (
        '<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
        'Target="{}"/>'
    ).format
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships">' + "".join(relation(rid, target) for rid, target in targets.items()) + "</Relationships>"
    )


def _embedding(parts: dict[str, Any], references: list[str], title: str = "临江市2024年政府工作报告") -> bytes:
    """A .docx of a title and a `w:altChunk` per reference (a relationship id of `parts`' names)."""
    rids = {f"rId{n}": target for n, target in enumerate(parts)}
    by_target = {target: rid for rid, target in rids.items()}
    body = paragraph_xml(title) + "".join(f'<w:altChunk r:id="{by_target[t]}" {_R}/>' for t in references)
    files = {"word/_rels/document.xml.rels": _chunk_rels(rids), **{f"word/{t}": text for t, text in parts.items()}}
    return docx_of_xml(body, files)


def test_a_part_embedded_twice_is_read_and_placed_once() -> None:
    """A thousand pointers to one part made a thousand copies of its text: a small file that
    reads as gigabytes. Word writes one part per pointer; a part pointed at again is left out."""
    raw = decode_report(_embedding({"chunk.mht": _CHUNK_MHT}, ["chunk.mht"] * 3), "r.docx")
    assert raw.text.count("我们坚持稳中求进工作总基调") == 1
    assert any(note.startswith("left out 2 parts embedded for Word to convert") for note in raw.notes)


def test_a_document_embedded_in_an_embedded_document_is_left_out() -> None:
    """Ten pointers per level to a .docx that points ten times to the next: 5 KB that took
    minutes, ten times longer for each level. An embedded .docx is read when it embeds nothing
    itself; one that does is left out, and said."""
    texts = ["内层文件", *re.findall(">([^<]+)</p>", _CHUNK_HTML)]
    plain = docx_of_xml("".join(paragraph_xml(text) for text in texts))
    middle = _embedding({"inner.docx": plain}, ["inner.docx"], title="中层文件")
    parts = {"plain.docx": plain, "middle.docx": middle}
    raw = decode_report(_embedding(parts, ["plain.docx", "middle.docx"]), "r.docx")
    assert "内层文件" in raw.text and "中层文件" not in raw.text
    assert any(note.startswith("left out 1 part embedded for Word to convert") for note in raw.notes)


def test_embedded_parts_past_what_a_report_holds_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each part may inflate to 200 MB; so may all of them together, not each of a thousand."""
    from corpusdiff.read import docx as docx_reader

    monkeypatch.setattr(docx_reader, "_MAX_PART", len(_CHUNK_MHT.encode()) * 3 // 2)
    other = _CHUNK_MHT.replace("我们坚持", "我们始终坚持")
    raw = decode_report(_embedding({"a.mht": _CHUNK_MHT, "b.mht": other}, ["a.mht", "b.mht"]), "r.docx")
    assert "我们坚持" in raw.text and "我们始终坚持" not in raw.text
    assert any(note.startswith("left out 1 part embedded for Word to convert") for note in raw.notes)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"), ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>")],
    ids=["content controls", "tables"],
)
def test_a_document_nested_past_what_word_writes_is_one_line(opening: str, closing: str) -> None:
    """Content controls or tables nested some hundreds deep were an internal error
    (RecursionError); thousands deep, a damaged file whose XML breaks off."""
    for times in (400, 3000):
        body = paragraph_xml("临江市2024年政府工作报告") + opening * times + paragraph_xml("深处。") + closing * times
        with pytest.raises(InputError, match="nested deeper than"):
            decode_report(docx_of_xml(body), "r.docx")


def test_a_document_nested_as_deep_as_it_may_be_is_read() -> None:
    from corpusdiff.read import docx as docx_reader

    tables = (docx_reader.MAX_DEPTH - 8) // 3
    body = "<w:tbl><w:tr><w:tc>" * tables + paragraph_xml("深处的一段。") + "</w:tc></w:tr></w:tbl>" * tables
    assert "深处的一段。" in decode_report(docx_of_xml(body), "r.docx").text
