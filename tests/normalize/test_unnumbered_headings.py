"""Unnumbered headings inside a numbered section: a short line without a stop, laid out as a line
of its own before an indented paragraph, is a heading one level below its section when the section
holds at least two such lines (siblings of the same shape); one alone stays a paragraph of its own.

Real lines are excerpts of `../shared/corpora/national-gwr/wikisource-older/` (1957, 1958), cited
by file and line; a recent report printed the same way (`深入推进行政体制改革`) is synthetic, as the
development corpus has none.
"""

from __future__ import annotations

from corpusdiff.canonical.markdown import parse, render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.structure import build_tree
from corpusdiff.types.document import Heading, Paragraph
from tests.normalize.rawlines import heading_lines, normalize_lines

INDENT = "\u3000\u3000"
# 1957.txt, lines 157-215 (paragraphs cut to their first sentence)
PEOPLE_1957 = [
    "三、关于人民生活",
    "",
    "",
    f"{INDENT}下面，我想就劳动就业、工资、学徒制度和人民的文化生活等几个问题讲一些意见。",
    "",
    "",
    "关于劳动就业问题",
    "",
    "",
    f"{INDENT}解放以来，经过逐年的努力，全国就业人数增加了。",
    "",
    "",
    "关于工资制度问题",
    "",
    "",
    f"{INDENT}工资问题是一个极为复杂的生产和分配的问题。",
    "",
    "",
    "关于学徒制度问题",
    "",
    "",
    f"{INDENT}对于解放前的学徒制度，它的封建性的陋规必须废除。",
    "",
    "",
    "四、关于国家基本制度",
    "",
    f"{INDENT}我国的国家制度是人民民主专政的制度。",
]
# 1958.txt, lines 21-67: under （一）, before （二）
FRONTS_1958 = [
    "（一）一九五七年经济战线上的胜利",
    "",
    f"{INDENT}现在我首先报告一九五七年度国民经济计划的执行结果。",
    "",
    "",
    "先说工业战线上的情况",
    "",
    "",
    f"{INDENT}根据预计数字，一九五七年工业总产值达到七百零四亿元。",
    "",
    "",
    "以下再说农业战线上的情况",
    "",
    "",
    f"{INDENT}根据预计，一九五七年比一九五六年，粮食增产了。",
    "",
    "",
    "（二）争取一九五八年国民经济的新跃进",
    "",
    f"{INDENT}一九五八年是我国第二个五年计划的第一年。",
]
# synthetic: a recent report's section with sub-headings printed without numbers, under （一）
REFORM = [
    "一、2024年政府工作任务",
    "",
    f"{INDENT}今年要重点做好以下工作。",
    "",
    "（一）全面深化改革",
    "",
    f"{INDENT}改革是发展的动力。",
    "",
    "深入推进行政体制改革",
    "",
    f"{INDENT}持续转变政府职能，优化机构设置。",
    "",
    "加快建设法治政府",
    "",
    f"{INDENT}严格规范公正文明执法。",
    "",
    "（二）扩大高水平对外开放",
    "",
    f"{INDENT}稳外贸稳外资。",
]


def test_sibling_title_lines_inside_a_numbered_section_are_its_sub_headings() -> None:
    document = normalize_lines(PEOPLE_1957)
    assert heading_lines(document) == [
        "## 三、关于人民生活",
        "### 关于劳动就业问题",
        "### 关于工资制度问题",
        "### 关于学徒制度问题",
        "## 四、关于国家基本制度",
    ]
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert "工资问题是一个极为复杂的生产和分配的问题。" in paragraphs


def test_sub_headings_round_trip_and_nest_in_the_tree() -> None:
    markdown = render(normalize_lines(PEOPLE_1957))
    assert render(parse(markdown)) == markdown
    tree = build_tree(parse(markdown))
    assert [(s.heading, s.parent) for s in tree.sections] == [
        ("关于人民生活", None),
        ("关于劳动就业问题", 0),
        ("关于工资制度问题", 0),
        ("关于学徒制度问题", 0),
        ("关于国家基本制度", None),
    ]
    wages = [u.text for u in tree.units if u.section == 2]
    assert wages == ["工资问题是一个极为复杂的生产和分配的问题。"]


def test_sub_headings_sit_one_level_below_the_section_that_holds_them() -> None:
    assert heading_lines(normalize_lines(FRONTS_1958)) == [
        "## （一）一九五七年经济战线上的胜利",
        "### 先说工业战线上的情况",
        "### 以下再说农业战线上的情况",
        "## （二）争取一九五八年国民经济的新跃进",
    ]
    document = normalize_lines(REFORM)
    assert heading_lines(document) == [
        "## 一、2024年政府工作任务",
        "### （一）全面深化改革",
        "#### 深入推进行政体制改革",
        "#### 加快建设法治政府",
        "### （二）扩大高水平对外开放",
    ]
    markdown = render(document)
    assert render(parse(markdown)) == markdown


def test_one_title_line_alone_in_its_section_stays_a_paragraph_of_its_own() -> None:
    lines = [*PEOPLE_1957[:10], *PEOPLE_1957[24:]]  # 关于劳动就业问题 alone under 三、
    blocks = normalize_lines(lines).blocks
    assert [b.text for b in blocks if isinstance(b, Heading)] == ["三、关于人民生活", "四、关于国家基本制度"]
    assert Paragraph("关于劳动就业问题") in blocks


def test_on_a_web_page_title_lines_need_no_indented_paragraph_after_them() -> None:
    # what read/html.py gives for the same section: one <p> a line, blank lines between, no indent
    lines = [line.strip(INDENT) for line in REFORM if line.strip(INDENT)]
    text = "\n\n".join(lines) + "\n"
    page = RawReport(text=text, name="report.html", sha256="0" * 64, encoding="utf-8", size=len(text), format="html")
    assert heading_lines(normalize_raw(page))[2:4] == ["#### 深入推进行政体制改革", "#### 加快建设法治政府"]
    # as a plain-text extract without the indent, the same short lines may be wraps: no heading
    assert "#### 深入推进行政体制改革" not in heading_lines(normalize_lines(lines))


# 1982.txt, lines 142-153 and 259-268: two part titles laid out alike, the second with a comma inside
PARTS_1982 = [
    f"{INDENT}总之，这两年执行第六个五年计划所取得的成绩是很大的。",
    "",
    "",
    "全面实现六五计划的主要措施",
    "",
    "",
    f"{INDENT}我们要在今后三年内全面实现第六个五年计划。",
    "",
    "",
    "第一、严格控制固定资产投资的总规模，切实保证重点建设和企业技术改造按计划完成",
    "",
    "",
    f"{INDENT}通过这三项工作，把整个经济体制改革工作带动起来。",
    "",
    "",
    "最后，着重讲一讲农业和农村工作问题",
    "",
    "",
    f"{INDENT}这几年农村形势很好，主要是由于执行了一系列正确的政策。",
]


def test_a_title_line_may_hold_a_comma_and_is_never_glued_to_the_paragraph_after_it() -> None:
    document = normalize_lines(PARTS_1982)
    assert heading_lines(document) == [
        "## 全面实现六五计划的主要措施",
        "## 第一、严格控制固定资产投资的总规模，切实保证重点建设和企业技术改造按计划完成",  # the top kind here
        "## 最后，着重讲一讲农业和农村工作问题",
    ]
    assert Paragraph("这几年农村形势很好，主要是由于执行了一系列正确的政策。") in document.blocks
    # a line ending on a comma is a wrap, never a title: it runs on
    wrapped = [*PARTS_1982[:15], "最后，着重讲一讲农业和农村工作，", "", f"{INDENT}问题。"]
    assert "## 最后，着重讲一讲农业和农村工作，" not in heading_lines(normalize_lines(wrapped))


# A city report copied from its web page as plain text: one paragraph a line, a blank line after
# each, its part titles unnumbered (synthetic, as tests/data/metadata/zunyi-…-parts-without-numbers).
CITY_PARTS = [
    "各位代表：",
    "",
    "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。",
    "",
    "2023年工作回顾",
    "",
    "过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长8%，城乡居民收入稳步增长。",
    "",
    "2024年工作安排",
    "",
    "一、2024年经济社会发展的总体要求、主要目标和宏观政策取向",
    "",
    "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率5.5%以内。",
    "",
    "二、2024年重点工作",
    "",
    "加快构建现代化产业体系，推动制造业高质量发展，做强白酒产业和先进装备制造业。",
]


def test_part_titles_of_a_text_laid_out_one_paragraph_a_line() -> None:
    """Its numbered headings may be as long as a line of prose (28 characters, no stop): they
    are no prose that a wrap cut, and the part titles over them stand."""
    assert heading_lines(normalize_lines(CITY_PARTS)) == [
        "## 2023年工作回顾",
        "## 2024年工作安排",
        "## 一、2024年经济社会发展的总体要求、主要目标和宏观政策取向",
        "## 二、2024年重点工作",
    ]


def test_a_hard_wrapped_text_runs_a_short_line_on_as_text() -> None:
    """A line of prose broken inside its sentence: the text is not laid out one paragraph a line,
    and `2023年工作回顾` stays the start of the paragraph under it, as in the seeds' extracts."""
    broken = ["过去一年，全市地区生产总值增长5.2%，一般公共预算收入增长8%，城乡", "居民收入稳步增长。"]
    wrapped = [*CITY_PARTS[:6], *broken, *CITY_PARTS[7:]]
    assert "## 2023年工作回顾" not in heading_lines(normalize_lines(wrapped))
