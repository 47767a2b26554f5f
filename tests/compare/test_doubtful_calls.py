"""A call of new or dropped carries the differ's confidence in it: doubtful (low) when some unit of
the other edition is a plausible partner, which is named beside the call; sure (high) when none is."""

from __future__ import annotations

import pytest

from corpusdiff.compare import params
from corpusdiff.compare.core import compare, editions_segmenter, match_initiative_units, nearest_partners
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import DiffResult, Initiative, Level, Status
from tests.conftest import REPORT_FRONT_MATTER, corpus_diff

PAIRS = [
    ("futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"),
    ("futian/mid-year-report/2023-10", "futian/annual-plan/2025-01"),
]


def _calls(result: DiffResult) -> list[Initiative]:
    return [
        i
        for i in result.initiatives
        if i.level == Level.UNIT and i.status in (Status.NEW, Status.DROPPED) and not i.relation
    ]


@pytest.mark.parametrize("old, new", PAIRS)
def test_a_call_is_doubtful_exactly_when_the_other_edition_holds_a_plausible_partner(old: str, new: str) -> None:
    result = corpus_diff(old, new)
    found = match_initiative_units(result.old, result.new, editions_segmenter(result.old, result.new))
    best_old, best_new = nearest_partners(found)
    calls = _calls(result)
    assert {i.confidence for i in calls} == {"high", "low"}  # both kinds occur in a real plan pair
    for item in calls:
        if item.status == Status.DROPPED:
            assert item.old is not None
            best, others = best_old.get(found.old_units.index(item.old)), found.new_units
        else:
            assert item.new is not None
            best, others = best_new.get(found.new_units.index(item.new)), found.old_units
        if best is None or best[1] < params.DOUBTFUL_UNPAIRED:
            assert (item.confidence, item.nearest) == ("high", None)
        else:  # the named partner is the likeliest one, from the other edition
            assert item.confidence == "low"
            assert (item.nearest, item.nearest_probability) == (others[best[0]], best[1])


@pytest.mark.parametrize("old, new", PAIRS)
def test_doubt_mirrors_when_the_editions_are_swapped(old: str, new: str) -> None:
    def doubtful(result: DiffResult, status: Status) -> set[tuple[str, str]]:
        return {
            ((i.old or i.new).text, i.nearest.text)  # type: ignore[union-attr]
            for i in _calls(result)
            if i.status == status and i.nearest is not None
        }

    forward, backward = corpus_diff(old, new), corpus_diff(new, old)
    assert doubtful(forward, Status.NEW) == doubtful(backward, Status.DROPPED)
    assert doubtful(forward, Status.DROPPED) == doubtful(backward, Status.NEW)


def _tree(body: str):  # type: ignore[no-untyped-def]
    return tree_from_markdown(REPORT_FRONT_MATTER + body)


def test_a_task_sharing_nothing_with_the_other_edition_is_a_sure_call() -> None:
    old = _tree(
        "## 二、2025年工作安排\n\n"
        "1.推进老旧小区改造。完成老旧小区改造项目30个，加装电梯200台。\n\n"
        "2.建设智慧交通体系。新建智能信号灯路口120个，优化公交线路15条。\n"
    )
    new = _tree(
        "## 二、2026年工作安排\n\n"
        "1.推进老旧小区改造。完成老旧小区改造项目40个，加装电梯260台。\n\n"
        "2.举办国际马拉松赛事。邀请职业选手参赛，配套志愿服务与赛道医疗保障。\n"
    )
    calls = _calls(compare(old, new))
    assert sorted((i.status, (i.old or i.new).text[2:8]) for i in calls) == [  # type: ignore[union-attr]
        (Status.DROPPED, "建设智慧交通"),
        (Status.NEW, "举办国际马拉"),
    ]
    assert all(i.confidence == "high" and i.nearest is None for i in calls)
