"""Headings of older reports: every numbering style the national reports used since the 1950s,
traditional characters, and no character of a report changed into another.

The real lines are excerpts (cut at a sentence end) of `../shared/corpora/national-gwr/
wikisource-older/`, cited by file and line; what that corpus lacks (bare numerals, 第X部分,
①, numbers past one hundred, traditional headings) is synthetic, written from the genre.
"""

from __future__ import annotations

from corpusdiff.canonical.markdown import parse, render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.structure import build_tree
from corpusdiff.types.document import Block, Heading, NormalizedDocument, Paragraph

IDEOGRAPHIC = "\u3000\u3000"
# 1958.txt, line 13 (the first paragraph under （一）一九五七年经济战线上的胜利)
YEAR_1957 = f"{IDEOGRAPHIC}一九五七年是我国在各个战线上取得伟大胜利的一年。"
# 1958.txt, lines 283-289
ITEMS_1958 = [
    f"{IDEOGRAPHIC}在文化教育方面，必须继续加强政治思想领导。",
    "",
    f"{IDEOGRAPHIC}（１）有步骤地实行半工半读的教育制度。中等学校和高等学校，凡是有条件的，都应当举办实验工厂。",
    "",
    f"{IDEOGRAPHIC}（２）在高等学校招收的新生中，尽可能地增加工人和农民的成分。",
    "",
    f"{IDEOGRAPHIC}（３）中等专业学校主要是培养有文化有技术的工人和农民，学生在毕业以后一律参加工业和农业的生产。",
]
# 1982.txt, lines 276-285
CLOSING_1982 = [
    f"{IDEOGRAPHIC}现在，农村中有两股歪风，一是滥占耕地建房，二是乱砍滥伐林木。",
    "",
    "",
    "结束语",
    "",
    "",
    f"{IDEOGRAPHIC}各位代表！",
    "",
    f"{IDEOGRAPHIC}我们要全面完成第六个五年计划，必须坚定不移地贯彻执行社会主义物质文明和精神文明一齐抓的方针。",
]
# 1981.txt, lines 11-292 (headings and the first sentence of one paragraph under each)
NESTING_1981 = [
    "（一）当前的经济形势",
    f"{IDEOGRAPHIC}过去的一年，我们的经济工作是在巩固已有的成绩、克服面临的困难中前进的。",
    "（二）今后经济建设的方针",
    f"{IDEOGRAPHIC}围绕着提高经济效益，走出一条经济建设的新路子，必须认真贯彻执行下列十条方针。",
    "一、依靠政策和科学，加快农业的发展",
    f"{IDEOGRAPHIC}农业是国民经济的基础。",
    "二、把消费品工业的发展放到重要地位，进一步调整重工业的服务方向",
    f"{IDEOGRAPHIC}我国经济建设效益不高，有客观原因，也有主观原因。",
    "（三）我国经济发展的前景",
    f"{IDEOGRAPHIC}现在我向大会报告的，是正在拟定的方案的一些要点。",
]
# 1955.txt, lines 243-248: a lone 一、 and the item's first sentence on the next line
LONE_MARKER_1955 = [
    "一、",
    "我国人民已经推翻了帝国主义者在中国的统治，帝国主义者已经不可能象过去那样掠夺我国人民的大量财富，"
    "这样就提供了我国建设的一个重要积累来源。",
    "",
    "二、",
    "我国人民推翻了封建主义，把地主的土地所有制变成了农民的土地所有制，农民过去要向地主交纳高额的地租，现在不再交纳了。",
]


def _normalize(lines: list[str]) -> NormalizedDocument:
    text = "\n".join(lines) + "\n"
    return normalize_raw(
        RawReport(text=text, name="older.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    )


def _blocks(lines: list[str]) -> tuple[Block, ...]:
    return _normalize(lines).blocks


def _headings(lines: list[str]) -> list[tuple[str, str]]:
    return [(b.text, b.kind) for b in _blocks(lines) if isinstance(b, Heading)]


def _heading_lines(document: NormalizedDocument) -> list[str]:
    return [line for line in render(document).split("\n") if line.startswith("##")]


def test_a_bare_numeral_line_is_a_heading_and_the_year_after_it_keeps_its_characters() -> None:
    blocks = _blocks(["一", YEAR_1957, "", "二", f"{IDEOGRAPHIC}一九五八年是我国第二个五年计划的第一年。"])
    assert blocks == (
        Heading("一", "bare"),
        Paragraph("一九五七年是我国在各个战线上取得伟大胜利的一年。"),
        Heading("二", "bare"),
        Paragraph("一九五八年是我国第二个五年计划的第一年。"),
    )


def test_a_bare_numeral_takes_a_short_title_line_and_keeps_the_space_that_sets_it_apart() -> None:
    document = _normalize(["一", "国家在过渡时期的总任务", YEAR_1957])
    assert document.blocks[:2] == (
        Heading("一 国家在过渡时期的总任务", "bare"),
        Paragraph("一九五七年是我国在各个战线上取得伟大胜利的一年。"),
    )
    markdown = render(document)
    assert "\n## 一 国家在过渡时期的总任务\n" in markdown
    assert render(parse(markdown)) == markdown
    assert build_tree(parse(markdown)).sections[0].heading == "国家在过渡时期的总任务"


def test_a_bare_numeral_does_not_take_a_fragment_broken_off_a_sentence() -> None:
    blocks = _blocks(["一", "中华人民共和国宪法", "，接着又通过了几个重要的法律。"])
    assert blocks == (Heading("一", "bare"), Paragraph("中华人民共和国宪法，接着又通过了几个重要的法律。"))


def test_a_lone_numbered_marker_stays_with_the_sentence_on_the_next_line() -> None:
    blocks = _blocks(LONE_MARKER_1955)
    assert [type(b) for b in blocks] == [Paragraph, Paragraph]
    assert blocks[0].text.startswith("一、我国人民已经推翻了帝国主义者")  # type: ignore[union-attr]


def test_numbers_past_one_hundred_continue_the_sequence() -> None:
    document = _normalize(["九十九、甲项", "正文。", "一百、乙项", "正文。", "一百零一、丙项", "正文。"])
    assert [(b.text, b.kind) for b in document.blocks if isinstance(b, Heading)] == [
        ("九十九、甲项", "cn"),
        ("一百、乙项", "cn"),
        ("一百零一、丙项", "cn"),
    ]
    # only the first heading skips numbers (from nothing to 99): 一百 and 一百零一 follow on
    skips = [warning for warning in document.warnings if "skips" in warning]
    assert len(skips) == 1 and "(before 九十九、甲项)" in skips[0]


def test_part_markers_alone_or_with_their_title() -> None:
    assert _headings(["第一部分　总体要求", "正文。", "第二部分", "主要任务", "正文。"]) == [
        ("第一部分 总体要求", "bufen"),
        ("第二部分 主要任务", "bufen"),
    ]


def test_traditional_characters_keep_every_character() -> None:
    lines = [
        "第一部份　總體要求",
        "正文。",
        "第三節　加強管理",
        "正文。",
        "兩百、附則",
        "正文。",
        "結束語",
        "各位代表！",
    ]
    assert _headings(lines) == [
        ("第一部份 總體要求", "bufen"),
        ("第三節 加強管理", "jie"),
        ("兩百、附則", "cn"),
        ("結束語", "closing"),
    ]


def test_arabic_numerals_in_brackets_from_1958_are_headings() -> None:
    assert _headings(ITEMS_1958) == [
        ("（1）有步骤地实行半工半读的教育制度", "pnum"),
        ("（2）在高等学校招收的新生中，尽可能地增加工人和农民的成分", "pnum"),
        (
            "（3）中等专业学校主要是培养有文化有技术的工人和农民，学生在毕业以后一律参加工业和农业的生产",
            "pnum",
        ),
    ]


def test_a_bracketed_item_never_runs_into_the_circled_item_after_it() -> None:
    assert _headings(["（1）加强农业基础设施建设", "①兴修水利", "②改良土壤"]) == [
        ("（1）加强农业基础设施建设", "pnum"),
        ("①兴修水利", "circled"),
        ("②改良土壤", "circled"),
    ]
    long_items = [
        "（1）加强农业基础设施建设，大力兴修水利，改良土壤，推广良种，改进耕作制度，提高单位面积产量，使粮食",
        "①兴修水利，扩大灌溉面积，治理盐碱低产田，改造中低产田，加快建设旱涝保收、稳产高产的基本农田，",
        "②改良土壤，推广良种，改进耕作制度，提高单位面积产量，这是长期的任务，要一年一年地坚持下去，",
    ]
    assert [b.text[:2] for b in _blocks(long_items)] == ["（1", "①兴", "②改"]


def test_the_closing_heading_of_1982_stands_apart_from_the_salutation() -> None:
    document = _normalize(CLOSING_1982)
    assert document.blocks[1:3] == (Heading("结束语", "closing"), Paragraph("各位代表！"))
    assert "\n## 结束语\n" in render(document)


def test_1981_opens_with_paren_sections_and_nests_the_numbered_ones_under_them() -> None:
    document = _normalize(NESTING_1981)
    assert _heading_lines(document) == [
        "## （一）当前的经济形势",
        "## （二）今后经济建设的方针",
        "### 一、依靠政策和科学，加快农业的发展",
        "### 二、把消费品工业的发展放到重要地位，进一步调整重工业的服务方向",
        "## （三）我国经济发展的前景",
    ]
    tree = build_tree(document)
    assert [(s.label, s.parent) for s in tree.sections] == [
        ("（一）", None),
        ("（二）", None),
        ("一、", 1),
        ("二、", 1),
        ("（三）", None),
    ]
    # （三） follows （二）: nothing is missing, though 一、 and 二、 came between
    assert not any("skips" in warning for warning in document.warnings)


def test_line_initial_dash_repair_spares_numbers_and_words_and_still_repairs_items() -> None:
    blocks = _blocks(
        [
            "主要指标完成情况如下：",
            "- 一一地区生产总值5949亿元;",  # seed 000, line 25
            "一一对应的办法要坚持。",
            "一一九五六年的预算已经执行完毕。",
        ]
    )
    assert [b.text for b in blocks[1:]] == [
        "——地区生产总值5949亿元；",
        "一一对应的办法要坚持。",
        "一一九五六年的预算已经执行完毕。",
    ]


def test_a_lone_numeral_inside_an_open_paragraph_stays_text() -> None:
    # a paragraph the line wrap left open, then 一 on a line: no section starts, no 一 is lost
    blocks = _blocks(["我们要推动全国统", "一", "一九五六年的计划必须完成。"])
    assert blocks == (Paragraph("我们要推动全国统一一九五六年的计划必须完成。"),)
    # but the next numeral of a running sequence does break it
    blocks = _blocks(["一", "甲。", "二", "乙，未完", "三", "丙。"])
    assert [b.text for b in blocks if isinstance(b, Heading)] == ["一", "二", "三"]
