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
