"""Indicator lines continue only the indicator they name, and never hang off a paragraph."""

from __future__ import annotations

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.compare.features import indicator_name, names_alike
from corpusdiff.structure import tree_from_markdown

FRONT = """---
dialect: corpusdiff/1
title: 国民经济和社会发展计划执行情况
---

## 一、上年计划执行情况

"""


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("——地区生产总值增长6.0%以上；", "地区生产总值"),
        ("- 一一进出口总额9047亿元;", "进出口总额"),
        ("一般公共预算收入95.65亿元，下降5.1%；", "一般公共预算收入"),
        ("城镇居民登记失业率控制在2.0%以内", "城镇居民登记失业率"),
        ("万元GDP水耗完成市下达的降幅目标", "万元GDP水耗"),
        ("进出口总额力争正增长", "进出口总额"),
        ("今年发展主要预期目标是：国内生产总值增长5.5%左右", "国内生产总值"),
    ],
)
def test_a_short_figure_line_names_its_indicator(line: str, name: str) -> None:
    assert indicator_name(line) == name


@pytest.mark.parametrize(
    "text",
    [
        "发展质量稳步提升。",
        "主要污染物排放量继续下降",
        "1. 高标准规划建设河套深港科技创新合作区，2025年前建成10个重大平台，引进创新团队30个以上。",
    ],
)
def test_a_paragraph_or_a_worded_aim_names_no_indicator(text: str) -> None:
    assert indicator_name(text) is None


def test_indicator_names_with_nothing_in_common_are_two_indicators() -> None:
    assert names_alike("能耗总量和强度", "万元GDP能耗")
    assert names_alike("城镇新增就业", "城镇新增就业人数")
    assert not names_alike("一般公共预算收入", "万元GDP水耗")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("万元GDP能耗", "万元GDP水耗"),  # Futian plans: energy and water intensity, one character apart
        ("城镇登记失业率", "城镇调查失业率"),  # national 2017 -> 2018: two unemployment rates
        ("单位国内生产总值能耗", "国内生产总值"),  # national 2021 -> 2022: a measure of GDP is not GDP
    ],
)
def test_names_that_differ_where_they_name_the_quantity_are_two_indicators(old: str, new: str) -> None:
    assert not names_alike(old, new)
    assert not names_alike(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("生产总值", "地区生产总值"),
        ("居民消费价格", "居民消费价格涨幅"),
        ("固定资产投资", "固定资产投资额"),
        ("规上工业增加值", "规模以上工业增加值"),
        ("社会消费品零售总额", "社会消费品零售额"),
    ],
)
def test_a_name_with_words_on_one_side_or_a_longer_rewrite_is_one_indicator(old: str, new: str) -> None:
    assert names_alike(old, new)
    assert names_alike(new, old)


OLD_REVIEW = FRONT + """——地区生产总值2650亿元，增长6.2%；

——社会消费品零售总额1156.95亿元，增长9.1%；

——一般公共预算收入95.65亿元，下降5.1%；

——城镇居民登记失业率控制在2%以内。
"""

NEW_REVIEW = FRONT + """——地区生产总值2731亿元，增长3.5%；

——社会消费品零售总额1210.3亿元，增长4.6%；

——万元GDP水耗下降5.7%；

——城镇居民登记失业率控制在2%以内。
"""


def test_indicator_lines_pair_by_the_indicator_they_name() -> None:
    """Futian 2023-10 → 2025-01: revenue fell 5.1 %, water use per GDP 5.7 %; the lines read
    alike, figure, verb and all, and are two indicators."""
    result = compare(tree_from_markdown(OLD_REVIEW), tree_from_markdown(NEW_REVIEW))
    pairs = {
        (item.old.text, item.new.text)
        for item in result.initiatives
        if item.level == "unit" and item.old is not None and item.new is not None
    }
    assert ("——地区生产总值2650亿元，增长6.2%；", "——地区生产总值2731亿元，增长3.5%；") in pairs
    revenue, water = "——一般公共预算收入95.65亿元，下降5.1%；", "——万元GDP水耗下降5.7%；"
    assert not any(revenue == old or water == new for old, new in pairs)


def test_a_group_heading_with_no_text_under_it_is_read_where_it_stands() -> None:
    """`（一）强化要素保障` right before `（二）…`, with no paragraph of its own, comes after the
    sections before it, never before the report's opening (it was listed first in the terminal)."""
    from corpusdiff.compare.units import reading_order

    text = (
        "---\ntitle: 报告\n---\n\n# 报告\n\n各位代表：\n\n## 一、主要任务\n\n### （一）扩大内需\n\n促进消费扩容提质。\n\n"
        "## 二、保障措施\n\n### （一）强化要素保障\n\n### （二）强化项目攻坚\n\n实施重点项目1000个。\n"
    )
    order = [u.text for u in reading_order(tree_from_markdown(text))]
    # 二、保障措施 is a task area of its own (a group unit too)
    assert order == [
        "各位代表：",
        "扩大内需。",
        "促进消费扩容提质。",
        "保障措施。",
        "强化要素保障。",
        "强化项目攻坚。",
        "实施重点项目1000个。",
    ]
