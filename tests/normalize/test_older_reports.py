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


def test_circled_items_each_one_sentence_are_a_list_not_headings() -> None:
    """`①建设加氢站3座。` / `②推广…500辆。` under `（2）培育氢能产业`: each a whole sentence with
    nothing under it, read as run-in headings they lost their 。 and headed nothing."""
    lines = ["（2）培育氢能产业", "", "①建设加氢站3座。", "", "②推广氢燃料电池重卡500辆。", "", "（3）发展储能产业", ""]
    texts = [(b.text, isinstance(b, Heading)) for b in _blocks(lines)]
    assert texts == [
        ("（2）培育氢能产业", True),
        ("①建设加氢站3座。", False),
        ("②推广氢燃料电池重卡500辆。", False),
        ("（3）发展储能产业", True),
    ]


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


# 1988.txt, lines 106-116 (line 106 cut to its last sentence): five measures, introduced by ：
MEASURES_1988 = [
    f"{IDEOGRAPHIC}国务院最近经过多次认真讨论，决定在物价问题上采取以下的综合配套措施：",
    "",
    f"{IDEOGRAPHIC}一、继续坚持有计划有步骤地改革不合理的价格体系，逐步调整农副产品价格，理顺工业品与农副产品的比价以及"
    "农副产品内部的比价，以利于促进生产的发展；",
    "",
    f"{IDEOGRAPHIC}二、从增加供给和抑制需求两方面入手，适当控制物价上涨幅度，使物价总水平保持相对稳定，"
    "努力做到不超过各方面的承受能力；",
    "",
    f"{IDEOGRAPHIC}三、对主要食品定量供应部分，各地根据价格上涨的不同情况，要给职工以适当补贴；",
    "",
    f"{IDEOGRAPHIC}四、积极发展生产资料市场，对重要生产资料实行最高限价；",
    "",
    f"{IDEOGRAPHIC}五、加强物价管理和工商行政管理，建立和健全群众性的社会监督制度。"
    "对投机倒把和违反价格管理规定的单位和个人，都要严加管束和依法惩处。",
    "",
    f"{IDEOGRAPHIC}为了向代表们进一步说明物价和价格改革的情况，将由国家物价局向大会作一专题汇报。",
]
# 1987.txt, lines 175-185 (line 175 cut to its last sentence)
TASKS_1987 = [
    f"{IDEOGRAPHIC}从当前来说，要集中力量抓好以下几件事：",
    f"{IDEOGRAPHIC}一、继续深入批评资产阶级自由化的错误观点；",
    f"{IDEOGRAPHIC}二、认真进行坚持四项基本原则的正面教育；",
    f"{IDEOGRAPHIC}三、进一步整顿、充实和加强舆论阵地；",
    f"{IDEOGRAPHIC}四、切实加强和改进各条战线特别是学校的思想政治工作；",
    f"{IDEOGRAPHIC}五、大力加强马克思主义理论队伍的建设。",
]
# 1979.txt, lines 59-69 (line 59 cut to its last sentence): one-sentence items after ：, none ending in ；
REQUIREMENTS_1979 = [
    "经过三年调整，我们要努力达到下列几项主要要求：",
    "（一）要使粮食生产和其他农副产品生产的发展同人口的增长和工业的发展比较适应。",
    "（二）在轻纺工业方面，要使它们的增长速度赶上或略高于重工业的增长速度，"
    "使主要轻纺产品的增长大体上同国内购买力的增长相适应，并大量增加出口。",
    "（三）要经过努力增产和厉行节约，使目前燃料动力和交通运输的紧张局面有所缓和。"
    "冶金、机械、化工等重工业部门，要在增加生产的同时，着重提高质量，增加品种。",
    "（四）基本建设要坚决缩短战线，集中力量打歼灭战，提高工程质量，降低工程造价，缩短建设周期。",
    "（五）在发展生产的基础上，要使全国农民从集体分得的平均收入和全国职工的平均工资继续有所提高。",
]


def test_the_1988_measures_are_one_list_and_none_of_them_is_a_heading() -> None:
    blocks = _blocks(MEASURES_1988)
    assert not any(isinstance(b, Heading) for b in blocks)
    texts = [b.text for b in blocks]
    assert [text[:2] for text in texts[1:6]] == ["一、", "二、", "三、", "四、", "五、"]
    # the last item keeps its second sentence: it is one item, not a heading and its body
    assert texts[5].endswith("社会监督制度。对投机倒把和违反价格管理规定的单位和个人，都要严加管束和依法惩处。")
    assert not any("skips" in warning for warning in _normalize(MEASURES_1988).warnings)


def test_a_list_whose_last_item_alone_looks_like_a_heading_stays_a_list() -> None:
    # 1987: four clauses ending in ；, and a last item that is a short phrase ending in 。
    assert _headings(TASKS_1987) == []
    assert _blocks(TASKS_1987)[-1] == Paragraph("五、大力加强马克思主义理论队伍的建设。")


def test_one_sentence_items_introduced_by_a_colon_are_a_list() -> None:
    assert _headings(REQUIREMENTS_1979) == []
    assert len(_blocks(REQUIREMENTS_1979)) == 6


def test_a_run_of_headings_after_a_colon_with_bodies_of_their_own_stays_headings() -> None:
    # the shape of the Futian 2022 work report's review (seed 004, lines 57-75), shortened
    lines = [
        "一年来，我们主要抓好三个方面的工作：",
        "（一）战略平台能级跃升。坚决落实国家战略、城市使命，建设取得阶段性成果。",
        "（二）经济发展稳中竞进。完整、准确、全面贯彻新发展理念，在较高基数上保持较快增长。",
        "（三）民生事业强优补短。民生支出占一般公共预算支出的比重连续7年保持80%以上。",
    ]
    assert [text for text, _ in _headings(lines)] == ["（一）战略平台能级跃升", "（二）经济发展稳中竞进", "（三）民生事业强优补短"]


def test_a_run_of_headings_that_are_sentences_without_a_colon_stays_headings() -> None:
    # wikisource/2013.txt lines 113, 116, 128 and 131 (first sentences): each item opens a part
    lines = [
        "（一）加快转变经济发展方式，促进经济持续健康发展。",
        f"{IDEOGRAPHIC}我国社会主义现代化建设取得的一切成就都建立在经济持续健康发展的基础之上，经济不发展，什么事情都办不成。",
        "（二）强化农业农村发展基础，推动城乡发展一体化。",
        f"{IDEOGRAPHIC}近些年是我国农业发展最快、农村面貌变化最大、农民得到实惠最多的时期。",
    ]
    assert [kind for _, kind in _headings(lines)] == ["paren", "paren"]


# 1988.txt, lines 3-12, 155-176 and 371-374 (paragraphs cut to their first sentence): three
# unnumbered part titles, each unindented and alone between blank lines before an indented paragraph
PARTS_1988 = [
    f"{IDEOGRAPHIC}我代表国务院，向大会作政府工作报告，请予审议。",
    "",
    "过去五年国内工作的基本总结",
    "",
    f"{IDEOGRAPHIC}第六届全国人民代表大会期间，国务院在赵紫阳总理主持下，认真执行中国共产党的路线和全国人民代表大会的决议，"
    "在各项工作中取得了举世瞩目的成绩。",
    "",
    "五、妥善处理各方面的利益关系，充分调动广大干部和群众的积极性",
    "",
    f"{IDEOGRAPHIC}我国的改革能否顺利进行下去，在很大程度上取决于广大干部和群众对改革的理解和支持，"
    "取决于充分调动广大干部和群众的积极性。",
    "",
    "今后五年建设和改革的目标、方针和任务",
    "",
    f"{IDEOGRAPHIC}中国共产党第十三次全国代表大会规划了我国社会主义现代化建设的宏伟蓝图。",
    "",
    "一、大力发展农业生产和加强基础工业、基础设施的建设，以保持国民经济的持续稳定增长",  # line 173
    "",
    f"{IDEOGRAPHIC}农业特别是粮食生产的稳定增长是整个国民经济长期稳定发展的基础。",  # line 176
    "",
    "关于外交工作",
    "",
    f"{IDEOGRAPHIC}在过去五年里，我们坚决执行独立自主的和平外交政策。",
]


def test_the_unnumbered_part_titles_of_1988_are_headings_that_hold_the_numbered_sections() -> None:
    document = _normalize(PARTS_1988)
    assert _headings(PARTS_1988) == [
        ("过去五年国内工作的基本总结", "plain"),
        ("五、妥善处理各方面的利益关系，充分调动广大干部和群众的积极性", "cn"),
        ("今后五年建设和改革的目标、方针和任务", "plain"),
        ("一、大力发展农业生产和加强基础工业、基础设施的建设，以保持国民经济的持续稳定增长", "cn"),
        ("关于外交工作", "plain"),
    ]
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert "中国共产党第十三次全国代表大会规划了我国社会主义现代化建设的宏伟蓝图。" in paragraphs
    tree = build_tree(document)
    assert [(s.heading[:6], s.parent) for s in tree.sections] == [
        ("过去五年国内", None),
        ("妥善处理各方", 0),
        ("今后五年建设", None),
        ("大力发展农业", 2),
        ("关于外交工作", None),
    ]
    # the excerpt leaves out 一、…四、 before 五、; 一、 after 五、 restarts under the new part
    skips = [warning for warning in document.warnings if "skips" in warning]
    assert len(skips) == 1 and "skips in 1 place, so the extract seems to lack at least 1 heading line (before 五、" in skips[0]
    markdown = render(document)
    assert "\n## 今后五年建设和改革的目标、方针和任务\n" in markdown
    assert render(parse(markdown)) == markdown


def test_one_title_line_alone_is_no_heading_but_stays_off_the_paragraph_after_it() -> None:
    lines = PARTS_1988[:8]  # only 过去五年国内工作的基本总结: nothing like it elsewhere
    blocks = _blocks(lines)
    assert not any(b.kind == "plain" for b in blocks if isinstance(b, Heading))
    assert Paragraph("过去五年国内工作的基本总结") in blocks


def test_title_lines_inside_a_numbered_section_are_sub_headings_not_part_titles() -> None:
    # 1957.txt lines 157-195 (shortened): 关于… lines under 三、, and 四、 continues after them
    lines = [
        "三、关于人民生活",
        "",
        f"{IDEOGRAPHIC}人民生活逐步改善。",
        "",
        "关于劳动就业问题",
        "",
        f"{IDEOGRAPHIC}解放以来，经过逐年的努力，全国就业人数增加了。",
        "",
        "关于工资制度问题",
        "",
        f"{IDEOGRAPHIC}工资问题是一个极为复杂的生产和分配的问题。",
        "",
        "四、关于国家基本制度",
    ]
    # 四、 continues the numbering across them: they sit inside 三、 (tests/normalize/test_unnumbered_headings.py)
    assert _headings(lines) == [
        ("三、关于人民生活", "cn"),
        ("关于劳动就业问题", "sub"),
        ("关于工资制度问题", "sub"),
        ("四、关于国家基本制度", "cn"),
    ]


def test_a_short_line_without_the_layout_of_a_title_runs_on() -> None:
    # no paragraph indent after it (the seeds' layout): a fragment, joined as before
    lines = ["各项工作取得新进展。", "", "全区上下坚决贯彻落实中央", "", "决策部署，经济稳中向好。", "", "第二段。", "", "关于外交工作", "", "第三段。"]
    assert not _headings(lines)
    assert _blocks(lines)[1] == Paragraph("全区上下坚决贯彻落实中央决策部署，经济稳中向好。")


# 1986.txt, lines 225-244 (shortened): section 三、 holds six points numbered 一、…六、 like the
# sections, and the paragraph before section 四、 is cut off in the source without a stop.
RESUMED_1986 = [
    "三、“七五”时期的经济体制改革",
    "",
    f"{IDEOGRAPHIC}为了保证改革的顺利进行，我们必须在以下几个问题上统一认识。",
    "",
    "一、充分认识经济体制改革必须适应发展社会主义商品经济的要求",
    "",
    f"{IDEOGRAPHIC}发展社会主义商品经济，是我国经济发展不可逾越的阶段。",
    "",
    "二、充分认识新旧体制转换过程的艰巨性和复杂性",
    "",
    f"{IDEOGRAPHIC}总之，“七五”期间的改革任务十分繁重。我们一定要继续发扬积极探索、开拓前进的精神",
    "",
    "",
    "四、坚持独立自主的和平外交政策",
    "",
    f"{IDEOGRAPHIC}我国第七个五年计划是动员全国人民专心致志地从事社会主义现代化建设的和平发展计划。",
]


def test_a_section_number_resumes_its_sequence_after_points_numbered_alike() -> None:
    """四、 after the points 一、二、 inside 三、 is the next section, even after a paragraph the
    source left unfinished: it is not glued, with the paragraph after it, onto that paragraph."""
    blocks = _blocks(RESUMED_1986)
    assert ("四、坚持独立自主的和平外交政策", "cn") in [(b.text, b.kind) for b in blocks if isinstance(b, Heading)]
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert paragraphs[-2].endswith("开拓前进的精神")
    assert paragraphs[-1].startswith("我国第七个五年计划")


def test_an_out_of_sequence_number_still_continues_an_unfinished_paragraph() -> None:
    """Only the next number of an interrupted sequence resumes it: 五、 after 三、's points 一、二、
    does not, so a wrapped line that begins 五、 stays in the sentence it continues."""
    lines = [*RESUMED_1986[:10], f"{IDEOGRAPHIC}我们要继续发扬积极探索的精神，做到", "五、六个方面的统一。"]
    assert _headings(lines)[-1] == ("二、充分认识新旧体制转换过程的艰巨性和复杂性", "cn")


def test_word_numbering_characters_are_heading_markers() -> None:
    """㈠ and ⒈, which Word's numbering offers and its "save as text" keeps, are （一） and 1. as
    printed, at their levels."""
    text = "\n\n".join(
        [
            "各位代表：",
            "一、2023年计划执行情况",
            "㈠经济运行稳中向好。全年地区生产总值增长5.2%。",
            "⒈工业生产回升。规模以上工业增加值增长6%。",
            "⒉投资稳步增长。固定资产投资增长3%。",
            "㈡改革开放深化。营商环境持续优化。",
        ]
    )
    document = normalize_raw(RawReport(text=text, name="plan.txt", sha256="0" * 64, encoding="utf-8", size=len(text)))
    markdown = render(document)
    assert "\n### ㈠经济运行稳中向好\n" in markdown
    assert "\n#### ⒉投资稳步增长\n" in markdown
    assert "\n### ㈡改革开放深化\n" in markdown
    assert render(normalize_raw(RawReport(text=markdown, name="plan.md", sha256="0" * 64, encoding="utf-8", size=len(markdown)))) == markdown


# 1984.txt, lines 150-154 (the paragraph shortened): a point of 关于外交工作 too long for a heading,
# laid out as one, and the paragraph under it
LONG_POINT_1984 = [
    f"{IDEOGRAPHIC}我们所以能够取得上述的成就，是因为坚定不移地执行了独立自主的对外政策。",
    "",
    "一、维护世界和平是我国对外政策的主要目标，我们要坚持不懈地为缓和国际紧张局势、停止军备竞赛、促进实现裁军、防止世界战争而努力",
    "",
    "",
    f"{IDEOGRAPHIC}中国要和平，不要战争。中国人民正在致力于建设现代化的国家。",
]


def test_a_line_without_a_stop_stays_off_the_indented_paragraph_after_a_blank_line() -> None:
    """A paragraph indent after a blank line opens a paragraph even when the line before ends on
    no stop: 1984's long point, no heading, is not glued onto the paragraph under it."""
    paragraphs = [b.text for b in _blocks(LONG_POINT_1984) if isinstance(b, Paragraph)]
    assert paragraphs[-2].endswith("防止世界战争而努力")
    assert paragraphs[-1] == "中国要和平，不要战争。中国人民正在致力于建设现代化的国家。"


def test_a_sub_heading_line_of_a_single_spaced_text_stays_off_the_indented_paragraph_under_it() -> None:
    """A single-spaced 1950s text sets its 甲、乙、 points flush over indented paragraphs: each
    stays a line of its own, never glued onto the paragraph's first sentence."""
    lines = ["一、一九五六年计划的执行结果", "甲、工业生产", f"{IDEOGRAPHIC}一九五六年工业总产值达到五百八十六亿元。"]
    assert _blocks(lines)[-2:] == (Heading("甲、工业生产", "stem"), Paragraph("一九五六年工业总产值达到五百八十六亿元。"))


def test_a_short_line_under_a_heading_of_a_single_spaced_text_is_no_end_of_its_title() -> None:
    """Text with one paragraph per line wraps no heading either: the short line under
    `一、一九五六年计划的执行结果` is a sub-heading's line of its own, not the title's end."""
    lines = [
        f"{IDEOGRAPHIC}我代表国务院作关于一九五六年国民经济计划执行结果的报告。",
        "一、一九五六年计划的执行结果",
        "工业生产",
        f"{IDEOGRAPHIC}一九五六年工业总产值达到五百八十六亿元，比一九五五年增长百分之三十一。",
        "农业生产",
        f"{IDEOGRAPHIC}一九五六年农业总产值达到五百八十三亿元。",
    ]
    document = _normalize(lines)
    assert _heading_lines(document) == ["## 一、一九五六年计划的执行结果"]
    assert Paragraph("工业生产") in document.blocks


# Synthetic, written from the 1950s plan reports: points counted with the heavenly stems
PLAN_1957_STEMS = [
    "第一部分　一九五六年国民经济计划的执行结果",
    "",
    "甲、工业生产",
    "",
    f"{IDEOGRAPHIC}一九五六年工业总产值达到五百八十六亿元，比一九五五年增长百分之三十一。",
    "",
    "乙、农业生产",
    "",
    f"{IDEOGRAPHIC}一九五六年农业总产值达到五百八十三亿元。",
    "",
    "第二部分　一九五七年国民经济计划草案",
    "",
    f"{IDEOGRAPHIC}一九五七年的计划，根据以下的方针编制：",
    "",
    "（甲）保证重点建设。",
    "",
    f"{IDEOGRAPHIC}重点建设项目要优先安排，其余项目适当推迟。",
    "",
    "（乙）厉行节约。",
    "",
    f"{IDEOGRAPHIC}各部门都要精打细算。",
]


def test_points_counted_with_the_heavenly_stems_are_numbered_headings_alike() -> None:
    """`甲、工业生产` and `（甲）保证重点建设。` are both numbered points under a 部分, not the one an
    unnumbered sub-heading and the other a paragraph."""
    assert _heading_lines(_normalize(PLAN_1957_STEMS)) == [
        "## 第一部分 一九五六年国民经济计划的执行结果",
        "### 甲、工业生产",
        "### 乙、农业生产",
        "## 第二部分 一九五七年国民经济计划草案",
        "#### （甲）保证重点建设",
        "#### （乙）厉行节约",
    ]
