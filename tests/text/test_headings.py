from __future__ import annotations

import pytest

from corpusdiff.text.numbering import (
    Marker,
    canonical_box_title,
    canonical_heading,
    chinese_numeral,
    heading_kind,
    heading_levels,
    heading_marker,
    kind_order,
    list_item_lines,
    parse_marker,
    split_title,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十四", 14),
        ("二十三", 23),
        ("一百零二", 102),
        ("一百二十三", 123),
        ("兩百", 200),
    ],
)
def test_chinese_numeral(text: str, value: int) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize(
    ("line", "kind", "ordinal", "label"),
    [
        ("第二篇 突出经济发展", "pian", 2, "第二篇 "),
        ("第十一章 打造社会主义文化繁荣兴盛的文明城区", "zhang", 11, "第十一章 "),
        ("第一节 规划建设好河套深港科技创新合作区", "jie", 1, "第一节 "),
        ("三、2022年经济社会发展主要任务", "cn", 3, "三、"),
        ("（五）全力创建文明城市", "paren", 5, "（五）"),
        ("(一) 高质量发展稳步推进", "paren", 1, "（一）"),
        ("1．本区生产总值", "num", 1, "1."),
        ("12. 加快建设枢纽城区。", "num", 12, "12."),
        # older reports and other styles
        ("一", "bare", 1, "一"),
        ("十一", "bare", 11, "十一"),
        ("一 国家在过渡时期的总任务", "bare", 1, "一 "),
        ("一百零一、其他事项", "cn", 101, "一百零一、"),
        ("一百〇一、其他事项", "cn", 101, "一百〇一、"),
        ("（一百一十）其他", "paren", 110, "（一百一十）"),
        ("第一部分 总体要求", "bufen", 1, "第一部分 "),
        ("第二部份", "bufen", 2, "第二部份 "),
        ("第三節 加強管理", "jie", 3, "第三節 "),
        ("兩百、附則", "cn", 200, "兩百、"),
        ("（1）有步骤地实行半工半读的教育制度", "pnum", 1, "（1）"),
        ("(12)加强管理", "pnum", 12, "（12）"),
        ("⑶改良土壤", "pnum", 3, "⑶"),
        # Word's numbering characters, as its "save as text" keeps them
        ("㈡改革开放深化", "paren", 2, "㈡"),
        ("⒊投资稳步增长", "num", 3, "⒊"),
        ("①兴修水利", "circled", 1, "①"),
        ("㉑二十一", "circled", 21, "㉑"),
        # a full-width or ASCII period in place of 、 (issue 16)
        ("一．过去一年工作回顾", "cn", 1, "一、"),
        ("二. 2023年工作安排", "cn", 2, "二、"),
        ("十二.加强管理", "cn", 12, "十二、"),
        ("（一）．经济运行稳中向好", "paren", 1, "（一）"),
        ("(三).保障民生", "paren", 3, "（三）"),
        ("（2）．扩大有效投资", "pnum", 2, "（2）"),
        ("1、办好民生实事", "num", 1, "1."),
        ("3．推进制造业升级", "num", 3, "3."),
        # the 1950s' heavenly stems and earthly branches
        ("甲、工业生产", "stem", 1, "甲、"),
        ("丙、基本建設", "stem", 3, "丙、"),
        ("（乙）厉行节约。", "pstem", 2, "（乙）"),
        ("(癸)其他", "pstem", 10, "（癸）"),
        ("丑、农业", "branch", 2, "丑、"),
    ],
)
def test_parse_marker(line: str, kind: str, ordinal: int, label: str) -> None:
    marker = parse_marker(line)
    assert marker is not None
    assert (marker.kind, marker.ordinal, marker.label) == (kind, ordinal, label)


@pytest.mark.parametrize(
    "line",
    [
        "16.7万平方米用地完成产权注销",
        "11.2%。持续推进",
        "一是当前国际环境",
        "二〇二五年一月",
        "十三五",  # 2017.txt line 33: a link text of its own, a name and no numeral
        "二〇二二",
        "一二三",
        "一九五六年",
        "一一对应",
        "百、",
        # figures and versions open sentences: a period followed by a digit is no stop
        "1.5万亿元的投资计划顺利推进。",
        "2.0版营商环境改革全面实施。",
        "1、2月份规模以上工业增加值增长5%。",
        "3..",
        "甲、乙双方签订协议。",  # a pair of stems, no marker
        "甲、乙两类城市分别对待。",
        "甲级医院增加三家。",
    ],
)
def test_not_a_marker(line: str) -> None:
    assert parse_marker(line) is None


def test_heading_and_body_split_at_first_full_stop() -> None:
    assert split_title("战略平台能级跃升。坚决落实国家战略。") == ("战略平台能级跃升", "坚决落实国家战略。")
    assert split_title("高质量发展稳步推进") == ("高质量发展稳步推进", "")


def test_canonical_heading_keeps_one_space_after_part_markers() -> None:
    assert canonical_heading("第二篇  突出经济发展") == "第二篇 突出经济发展"
    assert canonical_heading(canonical_heading("第二篇 突出经济发展")) == "第二篇 突出经济发展"
    assert canonical_heading("(一)锚定三大新引擎, 高标准建设") == "（一）锚定三大新引擎，高标准建设"


def test_canonical_box_title() -> None:
    assert canonical_box_title("专栏1  “后疫情时代”新变化") == "专栏1 “后疫情时代”新变化"


def test_canonical_heading_of_bare_numerals_and_lone_parts() -> None:
    assert canonical_heading("一 国家在过渡时期的总任务") == "一 国家在过渡时期的总任务"
    assert canonical_heading("一\u3000国家在过渡时期的总任务") == "一 国家在过渡时期的总任务"
    assert canonical_heading("一") == "一"
    assert canonical_heading("第一部分 ") == "第一部分"
    assert canonical_heading("（１）有步骤地实行") == "（1）有步骤地实行"


@pytest.mark.parametrize(
    ("text", "kind"), [("结束语", "closing"), ("結束語", "closing"), ("附件：表", "appendix"), ("一", "bare")]
)
def test_heading_kind(text: str, kind: str) -> None:
    assert heading_kind(text) == kind


def test_an_ordinal_is_a_heading_marker_but_no_line_marker() -> None:
    # a line opening with 第一， is a paragraph's lead unless the normaliser decides otherwise
    assert parse_marker("第一，向深化改革要动力。改革是最大的红利。") is None
    assert heading_marker("第一，全国动员，大办农业") == Marker("ordinal", 1, "第一，", "全国动员，大办农业")
    assert heading_marker("第十二、关于文化教育") == Marker("ordinal", 12, "第十二、", "关于文化教育")
    assert heading_marker("第一部分 总体要求") == parse_marker("第一部分 总体要求")
    assert heading_marker("第一百万，") is None and heading_marker("第一次会议") is None
    assert heading_kind("第二、关于工业生产") == "ordinal"
    assert canonical_heading("第一,全国动员, 大办农业") == "第一，全国动员，大办农业"


def test_an_ordinal_nests_inside_bracketed_sections_and_holds_numbered_items() -> None:
    levels = heading_levels([("paren", "（三）安排"), ("ordinal", "第一、关于基本建设"), ("pnum", "（1）半工半读")])
    assert (levels["paren"], levels["ordinal"], levels["pnum"]) == (2, 3, 4)


def _markers(*pairs: tuple[str, int]) -> list[Marker]:
    return [Marker(kind, ordinal, "", "") for kind, ordinal in pairs]


def test_kind_order_is_the_usual_one_without_evidence() -> None:
    plan = _markers(("cn", 1), ("paren", 1), ("num", 1), ("paren", 2), ("cn", 2), ("paren", 1))
    assert kind_order(plan) == ("cn", "paren", "num")
    assert kind_order(_markers(("paren", 1), ("paren", 2))) == ("paren",)


def test_kind_order_follows_a_document_that_nests_the_other_way_round() -> None:
    # 1981: （一）（二）, then 一、…十、 under （二）, then （三）
    report_1981 = _markers(("paren", 1), ("paren", 2), ("cn", 1), ("cn", 2), ("cn", 3), ("paren", 3))
    assert kind_order(report_1981) == ("paren", "cn")
    assert heading_levels([("paren", "（一）甲"), ("cn", "一、乙"), ("paren", "（二）丙")]) == {
        "paren": 2,
        "cn": 3,
        "appendix": 2,
        "closing": 2,
        "plain": 2,
    }


def test_an_unnumbered_heading_is_a_part_title_unless_it_is_an_appendix_or_the_closing() -> None:
    assert heading_kind("关于外交工作") == "plain"
    assert heading_kind("附件：名词、术语注释") == "appendix"
    assert heading_kind("结束语") == "closing"


def test_kind_order_keeps_the_usual_order_when_the_evidence_goes_both_ways() -> None:
    # opens with （一） but 一、 also holds a （一） that restarts under it
    mixed = _markers(("paren", 1), ("cn", 1), ("paren", 1), ("cn", 2))
    assert kind_order(mixed) == ("cn", "paren")


def test_divisions_never_swap_with_the_running_sequences() -> None:
    assert kind_order(_markers(("cn", 1), ("zhang", 1), ("cn", 1))) == ("zhang", "cn")


def test_a_run_of_siblings_is_a_list_when_most_items_are_clauses() -> None:
    # synthetic: two clauses ending in ；, and a last item that alone could be a heading
    lines = ["措施如下：", "", "一、调整价格；", "二、控制物价上涨幅度；", "三、加强物价管理。"]
    assert list_item_lines(lines) == frozenset({2, 3, 4})


def test_a_run_of_short_headings_each_followed_by_a_paragraph_is_no_list() -> None:
    lines = ["一、工作回顾", "过去一年，经济平稳运行。", "二、总体部署", "今年要稳中求进。", "三、重点工作"]
    assert list_item_lines(lines) == frozenset()


def test_a_numbered_line_of_another_kind_between_siblings_ends_the_run() -> None:
    # 一、 alone and 二、 alone, each a run of one: decided on its own (so not here)
    lines = ["一、降低消耗；", "（一）节约能源", "二、提高质量；"]
    assert list_item_lines(lines) == frozenset()


def test_headings_after_a_colon_with_a_body_paragraph_each_are_no_list() -> None:
    """`…工作：` then `（一）标题`, a blank line, one body paragraph, `（二）标题`…: each heading has a
    paragraph of its own (a PDF's or a plain extract's layout), so the run is headings, not a
    list of one-liners (the body was missed when it was a single line)."""
    lines = [
        "今年要重点做好以下工作：",
        "",
        "（一）加快发展先进制造业",
        "",
        "推进产业升级，建设一批重点项目。",
        "",
        "（二）扩大有效投资",
        "",
        "加快重大项目建设，优化投资结构。",
    ]
    assert list_item_lines(lines) == frozenset()
