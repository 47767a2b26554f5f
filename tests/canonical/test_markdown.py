"""Rendering and reading canonical Markdown: report text never turns into markup."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from corpusdiff.canonical.markdown import escape, parse, render
from corpusdiff.types.document import (
    Box,
    Heading,
    ListItem,
    Metadata,
    NormalizedDocument,
    Paragraph,
    Source,
    Table,
)

DOCUMENT = NormalizedDocument(
    metadata=Metadata(
        title="福田区2022年计划",
        region="福田区",
        genre="annual-plan",
        date="2022-01",
        source=Source(file="seeds/x.txt", sha256="ab" * 32),
    ),
    blocks=(
        Heading("一、2021年执行情况", "cn"),
        Heading("（一）疫情防控", "paren"),
        Paragraph("坚持“提级防疫”。"),
        ListItem("地区生产总值2731亿元；"),
        Table((("指标名称", "2023年目标"), ("1.本区生产总值", "6.5%"), ("9.万元GDP水耗", "-"))),
        Box("专栏1 “后疫情时代”新变化", (Paragraph("1.传统消费遭受冲击。"), Paragraph("2.传统贸易。"))),
        Heading("附件：指标表", "appendix"),
    ),
)


def test_render_then_parse_round_trips() -> None:
    text = render(DOCUMENT)
    back = parse(text)
    assert back.blocks == DOCUMENT.blocks
    assert back.metadata == DOCUMENT.metadata
    assert render(back) == text


def test_levels_follow_marker_rank() -> None:
    lines = render(DOCUMENT).split("\n")
    assert "## 一、2021年执行情况" in lines
    assert "### （一）疫情防控" in lines
    assert "## 附件：指标表" in lines
    assert lines.count("# 福田区2022年计划") == 1


def test_a_sequence_nested_in_a_section_is_one_level_down_and_reads_back() -> None:
    """1986 national report: points numbered 一、二、 like the sections, inside section 二、, before
    三、 resumes. Written one level below the sections; read back, a heading deeper than the
    shallowest of its kind is of the nested sequence again."""
    blocks = (
        Heading("一、“六五”计划执行情况的回顾", "cn"),
        Heading("二、“七五”时期的基本任务和主要建设方针", "cn"),
        Heading("一、确定适度的经济增长率", "cn-nested"),
        Paragraph("根据社会不断增长的需要和综合各种生产条件的可能。"),
        Heading("（一）进一步发展商品市场", "paren"),
        Heading("二、规定恰当的投资规模", "cn-nested"),
        Heading("三、“七五”时期的经济体制改革", "cn"),
    )
    document = NormalizedDocument(metadata=DOCUMENT.metadata, blocks=blocks)
    text = render(document)
    headings = [line for line in text.split("\n") if line.startswith("##")]
    assert headings == [
        "## 一、“六五”计划执行情况的回顾",
        "## 二、“七五”时期的基本任务和主要建设方针",
        "### 一、确定适度的经济增长率",
        "#### （一）进一步发展商品市场",
        "### 二、规定恰当的投资规模",
        "## 三、“七五”时期的经济体制改革",
    ]
    assert parse(text).blocks == blocks


def test_box_is_a_blockquote_and_table_a_pipe_table() -> None:
    text = render(DOCUMENT)
    assert "> 专栏1 “后疫情时代”新变化\n>\n> 1.传统消费遭受冲击。" in text
    assert "| 指标名称 | 2023年目标 |\n| --- | --- |" in text
    assert "| 9.万元GDP水耗 | - |" in text


HOSTILE = [
    "<script>alert(1)</script>",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "> not a quote",
    "**not bold** and _not em_ and `not code`",
    "[not a link](javascript:alert(1))",
    "a | b",
    "C:\\path\\*",
    "&amp; stays literal",
]


def _rendered_text(markdown: str) -> str:
    """What a Markdown reader shows: the text content of the single paragraph."""
    tokens = MarkdownIt("commonmark", {"html": False}).parse(markdown)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    return "".join(child.content for child in tokens[1].children or [] if child.type == "text")


def test_escaped_text_reads_back_as_the_same_text() -> None:
    for text in HOSTILE:
        assert _rendered_text(escape(text)) == text


@given(st.text(alphabet=st.sampled_from(list("#>-+=*_`<>[]()|\\&!~1. 福田x")), min_size=1, max_size=30))
def test_any_paragraph_text_reads_back_unchanged(text: str) -> None:
    assume(text.strip() == text and text)
    document = NormalizedDocument(metadata=Metadata(title="t"), blocks=(Paragraph(text),))
    assert parse(render(document)).blocks == (Paragraph(text),)
