"""`compare` on tiny editions whose right answer is plain from their text: the one matching
model pairs, leaves unpaired and merges tasks; anchors are words only two units share."""

from __future__ import annotations

from corpusdiff.compare.core import compare
from corpusdiff.compare.features import candidate_features, probability
from corpusdiff.structure import tree_from_markdown
from corpusdiff.text.segment import segmenter
from corpusdiff.types.diff import DiffResult
from corpusdiff.types.tree import DocTree, Unit

HETAO = "河套科技园区引进深港科研机构二十家，建成国际联合实验室三个，开通跨境科研通道。"
RIVER = "深圳河完成雨污分流管网改造五十公里，消除黑臭水体，建设河岸碧道十公里。"
INVEST = "扩大有效投资，重大项目年度投资完成三百亿元，推动城市更新项目开工建设。"
SERVICES = "培育会展经济，建设涉外法律服务集群，引进国际律师事务所五家。"
VENUES = "建设莲花山体育公园，新建社区体育场馆十个，开放学校操场。"
FESTIVAL = "举办莲花山草地音乐节，办好城市马拉松赛事，开展群众文化活动。"
ARTS = "推出福田文化菜单，资助原创舞台剧目，举办城市马拉松赛事。"


def edition(date: str, *tasks: tuple[str, str]) -> DocTree:
    body = "".join(f"#### {n}.{heading}\n\n{text}\n\n" for n, (heading, text) in enumerate(tasks, 1))
    return tree_from_markdown(
        f"---\ntitle: 计划{date}\ndate: '{date}'\ndialect: '1'\n---\n\n# 计划{date}\n\n"
        f"## 一、主要任务\n\n### （一）重点工作\n\n{body}"
    )


def task_pairs(result: DiffResult) -> dict[tuple[str, str], str]:
    """(old heading, new heading) -> relation ("" for a 1:1 pair) of every paired task."""
    return {
        (_heading(result.old, item.old), _heading(result.new, item.new)): item.relation
        for item in result.initiatives
        if item.level == "unit" and item.old and item.new and item.old.kind == "task"
    }


def _heading(tree: DocTree, unit: Unit) -> str:
    return tree.sections[unit.section].heading


def test_anchors_are_words_one_unit_of_each_edition_uses_alone() -> None:
    old = edition("2022-01", ("建设河套", HETAO), ("治理深圳河", RIVER))
    new = edition("2025-01", ("建设河套园区", HETAO.replace("二十家", "三十家")), ("治理深圳河", RIVER))
    _old, _new, features = candidate_features(old, new, segmenter())
    assert features[(0, 0)].anchors > 0 and features[(1, 1)].anchors > 0
    # across the two lineages nothing is shared by exactly one unit on each side
    assert (0, 1) not in features or features[(0, 1)].anchors == 0
    assert probability(features[(0, 0)]) > 0.5
    assert (0, 1) not in features or probability(features[(0, 1)]) < 0.5


def test_tasks_paired_only_by_position_need_support_from_their_text() -> None:
    # between two unchanged neighbours, the middle tasks share a heading pattern and nothing else
    # (高质量 is everywhere in plan reports, as in the neighbour here)
    old = edition("2022-01", ("高质量建设河套", HETAO), ("推动投资高质量增长", INVEST), ("治理深圳河", RIVER))
    new = edition(
        "2025-01", ("高质量建设河套", HETAO), ("全力推动服务业高质量发展", SERVICES), ("治理深圳河", RIVER)
    )
    result = compare(old, new)
    assert task_pairs(result) == {("高质量建设河套", "高质量建设河套"): "", ("治理深圳河", "治理深圳河"): ""}
    statuses = {
        (i.status, _heading(result.old if i.old else result.new, i.old or i.new)) for i in result.initiatives
    }
    assert {("dropped", "推动投资高质量增长"), ("new", "全力推动服务业高质量发展")} <= statuses


def test_task_folded_into_another_is_a_merge() -> None:
    old = edition("2022-01", ("完善文体设施", VENUES), ("丰富文体活动", FESTIVAL), ("治理深圳河", RIVER))
    new = edition(
        "2025-01",
        ("构建文体服务体系", VENUES + FESTIVAL.replace("开展群众文化活动", "")),
        ("治理深圳河", RIVER),
    )
    pairs = task_pairs(compare(old, new))
    assert pairs[("完善文体设施", "构建文体服务体系")] == ""
    assert pairs[("丰富文体活动", "构建文体服务体系")] == "merge"
