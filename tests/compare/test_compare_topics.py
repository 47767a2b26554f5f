"""Units of reports laid out by topic (the national reports of the 1950s–1980s): the headings a
reader takes as groups of initiatives are group units, as the （一） groups of a report laid out
by role are."""

from __future__ import annotations

from corpusdiff.compare.core import compare
from corpusdiff.compare.units import GROUP, initiative_units
from corpusdiff.structure import tree_from_markdown

HEAD = """---
dialect: corpusdiff/1
title: 政府工作报告
---
"""

#: A report whose parts are topics: a situation part, then guidelines `一、…` inside a part.
GUIDELINES = (
    HEAD
    + """
## （一）当前的经济形势

过去的一年，我们的经济工作是在巩固已有的成绩、克服面临的困难中前进的。

## （二）今后经济建设的方针

我们对国民经济进行进一步调整，要走出一条速度比较实在、经济效益比较好的新路子。

### 一、依靠政策和科学，加快农业的发展

我国人口多，耕地少，必须把农业科学技术的研究和推广放在重要地位。

### 二、提高能源的利用效率，加强能源工业和交通运输业的建设

解决能源问题的方针，是开发和节约并重，近期把节约放在优先地位。
"""
)

#: A report with topic parts `一、关于…` holding unnumbered subheads `关于…问题`.
SUBHEADS = (
    HEAD
    + """
## 一、关于社会主义建设

第一个五年计划的各项指标，大部分可以提前完成。

### 关于教育改革问题

教育事业的发展，必须同国家建设的需要相适应，逐步改革学制和教学内容。

### 关于向科学进军

我们要在十二年内使我国最急需的科学部门接近国际先进水平。
"""
)

#: A report laid out by role: its parts review, targets, tasks; a subhead inside the review is a
#: sub-topic of the review, not a group of initiatives.
BY_ROLE = (
    HEAD
    + """
## 一、过去一年工作回顾

### 关于农业

粮食产量再创新高，农民收入持续增加。

## 二、今年发展的主要预期目标

国内生产总值增长6%左右。

## 三、今年重点工作

### （一）稳定粮食生产

稳定粮食播种面积，提高单产和品质。
"""
)


def _group_headings(markdown: str) -> set[str]:
    return {u.heading for u in initiative_units(tree_from_markdown(markdown)) if u.kind == GROUP}


def test_guidelines_inside_a_topic_part_are_groups() -> None:
    groups = _group_headings(GUIDELINES)
    assert "依靠政策和科学，加快农业的发展" in groups
    assert "提高能源的利用效率，加强能源工业和交通运输业的建设" in groups


def test_subheads_inside_a_topic_part_are_groups() -> None:
    assert {"关于教育改革问题", "关于向科学进军"} <= _group_headings(SUBHEADS)


def test_a_subhead_of_a_report_laid_out_by_role_stays_a_heading() -> None:
    """Only the （一） group is a group: the role layout says where the initiatives are."""
    assert _group_headings(BY_ROLE) == {"稳定粮食生产"}


def test_a_guideline_continues_the_group_of_the_same_topic() -> None:
    """The same guideline, reworded, in the next edition: the two groups pair instead of one
    heading unit left without a partner."""
    later = GUIDELINES.replace("加快农业的发展", "大力加快农业的发展").replace(
        "提高能源的利用效率", "努力提高能源的利用效率"
    )
    result = compare(tree_from_markdown(GUIDELINES), tree_from_markdown(later))
    paired = {
        (i.old.heading, i.new.heading)
        for i in result.initiatives
        if i.level == "unit" and i.old is not None and i.new is not None and i.old.kind == GROUP
    }
    assert ("依靠政策和科学，加快农业的发展", "依靠政策和科学，大力加快农业的发展") in paired


#: An older report's plan targets: framing sentences, then one figure per sentence (1981's form).
PLAN_PARAGRAPH = (
    "明年是第六个五年计划的第二年。我们必须鼓足干劲，扎扎实实地做好当前的工作。"
    "明年的计划，要求工农业总产值的增长速度由今年预计的３％提高到４％，并在执行中力争超过。"
    "国民收入也安排为比今年增长４％左右。这就要求农业和轻纺工业继续有较大幅度的增长。"
    "在国民收入的分配上，要求消费部分增长５．７％，社会商品零售总额增长８％。"
    "教育、科学、文化、卫生等事业费用的支出增长５．９％。"
)


def _units_of(paragraph: str) -> list[tuple[str, str]]:
    tree = tree_from_markdown(HEAD + "\n## 一、关于明年的计划\n\n" + paragraph + "\n")
    return [(u.kind, u.text) for u in tree.units]


def test_a_plan_paragraph_of_figure_sentences_is_cut_into_targets() -> None:
    units = _units_of(PLAN_PARAGRAPH)
    assert [kind for kind, _ in units] == ["paragraph", "target", "target", "target", "target"]
    assert units[0][1].endswith("做好当前的工作。")
    assert units[2][1].startswith("国民收入也安排为") and units[2][1].endswith("较大幅度的增长。")
    assert "".join(text for _, text in units) == PLAN_PARAGRAPH


def test_a_paragraph_of_figures_a_year_achieved_stays_whole() -> None:
    review = (
        "过去一年经济运行稳中有进。国内生产总值增长６．６％。城镇新增就业１３６１万人。"
        "居民消费价格上涨２．１％。粮食产量６５８９亿斤。"
    )
    assert _units_of(review) == [("paragraph", review)]


def test_a_budget_paragraph_without_the_plan_named_stays_whole() -> None:
    """Recent reports' fiscal paragraphs hold figures but are one initiative (labels of 2018→2019)."""
    fiscal = (
        "积极的财政政策要加力提效。今年赤字率拟按２．８％安排，比去年预算高０．２个百分点。"
        "今年财政支出超过２３万亿元，增长６．５％。中央对地方均衡性转移支付增长１０．９％。"
    )
    assert _units_of(fiscal) == [("paragraph", fiscal)]


def test_each_target_clause_continues_last_years_target_line() -> None:
    """Last year's targets printed one per paragraph face this year's one paragraph: each
    clause pairs with its line, instead of the whole paragraph with one of them."""
    lines = (
        "今年的计划，要求工农业总产值比去年预计增长５．５％，其中农业增长４％。",
        "国民收入安排为比去年增长４．５％左右。",
        "社会商品零售总额二千二百亿元，比去年预计增长７％。",
        "教育、科学、文化、卫生等事业费用的支出增长６％。",
    )
    old = HEAD + "\n## 一、关于今年的计划\n\n" + "\n\n".join(lines) + "\n"
    new = HEAD + "\n## 一、关于明年的计划\n\n" + PLAN_PARAGRAPH + "\n"
    result = compare(tree_from_markdown(old), tree_from_markdown(new))
    paired = {
        (i.old.text[:4], i.new.text[:4])
        for i in result.initiatives
        if i.level == "unit" and i.old is not None and i.new is not None
    }
    assert {("今年的计", "明年的计"), ("国民收入", "国民收入"), ("教育、科", "教育、科")} <= paired


def test_words_of_multitude_are_no_figures() -> None:
    """`亿万人民`, `千万人` name no amount: two figures and a call to the people are no target list."""
    call = (
        "明年是第六个五年计划的第二年。明年的计划，要求工农业总产值增长４％。"
        "国民收入也安排为比今年增长４％左右。要依靠亿万人民的积极性。千万人的努力汇成伟大的事业。"
    )
    assert _units_of(call) == [("paragraph", call)]
