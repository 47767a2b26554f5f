"""Task areas laid out as parts of their own (`三、把改革开放扎实推向纵深`) play the tasks role and
pair with the （一） groups of a year that puts them under one tasks part."""

from __future__ import annotations

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.compare.units import (
    initiative_units,
    part_roles,
    role_of,
    roles_correspond,
    task_areas,
    unit_roles,
)
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import Role, Status
from tests.conftest import REPORT_FRONT_MATTER

REFORM = (
    "深化行政体制改革，进一步简政放权，今年再取消和下放行政审批事项200项以上。"
    "推进财税体制改革，实行全面规范、公开透明的预算制度，扩大营业税改征增值税试点范围。"
)
OPENING = (
    "稳定外贸增长，扩大跨境电子商务综合试点，推动加工贸易转型升级。"
    "推进上海自由贸易试验区建设，加快实施走出去战略，推动丝绸之路经济带建设。"
)
GOVERNMENT = (
    "坚持依法行政，把政府工作全面纳入法治轨道。"
    "坚持从严治政，深入开展党风廉政建设和反腐败工作，严格执行中央八项规定精神。"
)

FRONT = REPORT_FRONT_MATTER

GROUPED = FRONT + f"""
## 一、2013年工作回顾

过去一年，经济运行稳中向好，就业持续增加。

## 二、2014年工作总体部署

今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。

## 三、2014年重点工作

### （一）推动重要领域改革取得新突破

{REFORM}

### （二）开创高水平对外开放新局面

{OPENING}

### （三）努力建设人民满意的政府

{GOVERNMENT}
"""

AREAS = FRONT + f"""
## 一、2014年工作回顾

过去一年，经济运行保持在合理区间，就业继续增加。

## 二、2015年工作总体部署

今年经济社会发展的主要预期目标是：国内生产总值增长7%左右。

## 三、把改革开放扎实推向纵深

{REFORM}

{OPENING}

## 四、切实加强政府自身建设

{GOVERNMENT}
"""


def test_parts_after_the_targets_without_role_words_are_task_areas() -> None:
    tree = tree_from_markdown(AREAS)
    roles = {tree.sections[i].heading: role for i, role in part_roles(tree).items()}
    assert roles == {
        "2014年工作回顾": Role.REVIEW,
        "2015年工作总体部署": Role.TARGETS,
        "把改革开放扎实推向纵深": Role.TASKS,
        "切实加强政府自身建设": Role.TASKS,
    }
    assert {tree.sections[i].heading for i in task_areas(tree)} == {"把改革开放扎实推向纵深", "切实加强政府自身建设"}


def test_a_tasks_part_named_as_such_is_not_a_task_area() -> None:
    assert task_areas(tree_from_markdown(GROUPED)) == set()


def test_task_paragraphs_continue_across_the_change_of_layout() -> None:
    result = compare(tree_from_markdown(GROUPED), tree_from_markdown(AREAS))
    tasks = [i for i in result.initiatives if i.level == "unit" and i.part is Role.TASKS]
    unpaired = [i for i in tasks if i.status in (Status.NEW, Status.DROPPED) and (i.old or i.new).kind != "group"]
    assert tasks and not unpaired
    areas = {i.new.heading: i for i in tasks if i.new is not None and i.new.kind == "group"}
    government = areas["切实加强政府自身建设"].old
    assert government is not None and government.heading == "努力建设人民满意的政府"

TOPICAL = FRONT + f"""
## 一、关于经济体制改革

{REFORM}

## 二、关于对外开放

{OPENING}

## 三、关于政府工作

{GOVERNMENT}
"""


def test_layouts_correspond_only_when_both_editions_name_their_parts() -> None:
    grouped, topical = tree_from_markdown(GROUPED), tree_from_markdown(TOPICAL)
    assert roles_correspond(grouped, tree_from_markdown(AREAS))
    assert not roles_correspond(topical, grouped)
    assert not roles_correspond(grouped, topical)


def test_units_of_a_report_laid_out_by_topic_continue_in_any_part() -> None:
    """An older report names its parts by topic; its paragraphs continue in the tasks of a
    report laid out as review, targets and tasks (the other way round alike)."""
    for old, new in ((TOPICAL, GROUPED), (GROUPED, TOPICAL)):
        result = compare(tree_from_markdown(old), tree_from_markdown(new))
        texts = {REFORM, OPENING, GOVERNMENT}
        paired = {
            i.new.text for i in result.initiatives if i.level == "unit" and i.old is not None and i.new is not None
        }
        assert texts <= paired


def test_parts_named_by_topic_are_groups_when_a_report_is_not_laid_out_by_role() -> None:
    """`一、关于经济体制改革` in an older report is an area of work like a （一） group; the
    parts of a report laid out by role are not (only its task areas are)."""
    topical = tree_from_markdown(TOPICAL)
    assert {topical.sections[i].heading for i in task_areas(topical)} == {
        "关于经济体制改革",
        "关于对外开放",
        "关于政府工作",
    }
    grouped = tree_from_markdown(GROUPED)
    assert task_areas(grouped) == set()


def test_the_speech_frame_is_no_initiative_in_any_view() -> None:
    """The date line, the occasion line, the speaker and the salutation before the first heading
    are matched like any unit (every other unit keeps its place) but never reported: a work
    report against a plan report calls no byline dropped and no date line new."""
    from tests.conftest import corpus_diff

    result = corpus_diff("futian/government-work-report/2022-01-21", "futian/annual-plan/2025-01")
    texts = {(i.old or i.new).text for i in result.initiatives if i.level == "unit"}  # type: ignore[union-attr]
    for frame in ("周江涛", "各位代表：", "二〇二五年一月", "——2022年1月21日在福田区第八届人民代表大会第二次会议上"):
        assert frame not in texts
    assert any(text.startswith("现在，我代表深圳市福田区人民政府") for text in texts)  # the opening stays


def test_a_report_without_headings_is_all_body_and_no_opening() -> None:
    """Text before the first heading opens a report; 1954's report has no heading at all, so its
    units are its body (shown as 其他), not an opening of ninety paragraphs."""
    headless = tree_from_markdown(FRONT + "\n\n".join(["各位代表：", REFORM, OPENING, GOVERNMENT]) + "\n")
    assert headless.sections == ()
    assert set(unit_roles(headless, initiative_units(headless))) == {Role.OTHER}
    headed = tree_from_markdown(FRONT + "\n各位代表：\n\n" + GROUPED[len(FRONT) :])
    opening = [u for u in headed.units if u.section is None]
    assert opening
    roles = unit_roles(headed, initiative_units(headed))
    assert all(roles[u.index] is Role.PREAMBLE for u in opening)


TARGETS = (
    "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右；"
    "城镇新增就业1000万人以上，城镇登记失业率4.6%以内；居民消费价格涨幅3.5%左右。"
)
COMBINED = FRONT + f"""
## 一、2013年工作回顾

过去一年，经济运行稳中向好，就业持续增加。

## 二、2014年工作总体要求和主要任务

{TARGETS}

### （一）推动重要领域改革取得新突破

{REFORM}

### （二）开创高水平对外开放新局面

{OPENING}

### （三）努力建设人民满意的政府

{GOVERNMENT}
"""


def test_a_part_that_holds_both_the_targets_and_the_groups_is_the_tasks_part() -> None:
    """`二、…总体要求和主要任务` holds the target list and then the （一） groups, with no tasks
    part of its own after it: its groups play the tasks role and its opening the targets, as
    where a year gives each a part; the opening part, named by no role word, is the review."""
    tree = tree_from_markdown(COMBINED.replace("2013年工作回顾", "过去一年的工作"))
    roles = {tree.sections[i].heading: role for i, role in part_roles(tree).items()}
    assert roles == {"过去一年的工作": Role.REVIEW, "2014年工作总体要求和主要任务": Role.TASKS}
    units = initiative_units(tree)
    roles_of = {u.text: role for u, role in zip(units, unit_roles(tree, units), strict=True)}
    assert roles_of[REFORM] is Role.TASKS
    assert {role for text, role in roles_of.items() if "%" in text} == {Role.TARGETS}


def test_a_targets_part_followed_by_a_tasks_part_stays_the_targets() -> None:
    tree = tree_from_markdown(GROUPED)
    assert sorted(part_roles(tree).values()) == sorted([Role.REVIEW, Role.TARGETS, Role.TASKS])


def test_tasks_continue_when_a_year_puts_its_targets_and_tasks_in_one_part() -> None:
    for old, new in ((GROUPED, COMBINED), (COMBINED, GROUPED)):
        result = compare(tree_from_markdown(old), tree_from_markdown(new))
        paired = {
            i.new.text for i in result.initiatives if i.level == "unit" and i.old is not None and i.new is not None
        }
        assert {REFORM, OPENING, GOVERNMENT} <= paired


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("2023年工作总结", Role.REVIEW),
        ("上半年经济社会发展情况", Role.REVIEW),
        ("“九五”时期国民经济和社会发展的主要成就", Role.REVIEW),
        ("2024年经济社会发展总体要求和政策取向", Role.TARGETS),
        ("2024年主要目标和任务", Role.TARGETS),  # by its words; the layout may make it the tasks part
        ("今年的主要工作", Role.TASKS),
        ("2024年工作安排", Role.TASKS),
        ("下半年工作部署", Role.TASKS),
        ("2024年预算草案", Role.TASKS),  # a budget report's year ahead
        ("2024年计划（草案）", Role.TASKS),
        ("2023年预算执行情况和2024年预算草案", Role.REVIEW),  # the review named first
        ("关于国民经济调整", Role.OTHER),
        ("名词解释", Role.APPENDIX),
        ("附件：名词、术语注释", Role.APPENDIX),
    ],
)
def test_a_heading_names_its_part_role_in_the_words_reports_use(heading: str, role: Role) -> None:
    assert role_of(heading) is role


def test_a_targets_part_with_policy_groups_stays_the_targets_before_a_task_area() -> None:
    """A targets part may hold groups of its own (the year's policies); when the year's work
    follows in parts its headings do not name as tasks, those are the tasks, not its groups."""
    policy = FRONT + f"""
## 一、2013年工作回顾

过去一年，经济运行稳中向好，就业持续增加。

## 二、2014年工作总体部署

{TARGETS}

### （一）继续实施积极的财政政策

今年拟安排财政赤字1.35万亿元。

### （二）继续实施稳健的货币政策

广义货币M2预期增长13%左右。

## 三、今年的工作

{REFORM}
"""
    tree = tree_from_markdown(policy)
    roles = {tree.sections[i].heading: role for i, role in part_roles(tree).items() if tree.sections[i].parent is None}
    assert roles == {"2013年工作回顾": Role.REVIEW, "2014年工作总体部署": Role.TARGETS, "今年的工作": Role.TASKS}
