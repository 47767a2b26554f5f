"""A reorganised report keeps its sections: when the groups of one year's tasks part become the
next year's parts (national 2014's （一）…（九） under 三、2014年重点工作 → 2015's 三、…六、), the
sections are not dropped and new while their initiatives all continue; each is paired with the
section that received its units (compare/sections.py `regrouped_sections`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.structure import build_tree, tree_from_markdown
from corpusdiff.types.diff import DiffResult, Relation, SectionStatus
from tests.conftest import REPORT_FRONT_MATTER

NATIONAL = Path(__file__).resolve().parent.parent / "data" / "national-gwr" / "wikisource"

FRONT = REPORT_FRONT_MATTER

REFORM = (
    "深化财税体制改革，完善地方税体系，推进预算公开，建立跨年度预算平衡机制。",
    "推进金融体制改革，稳步推进利率市场化，扩大金融机构利率自主定价权。",
    "加快国有企业改革，完善现代企业制度，推进混合所有制经济发展。",
)
OPENING = (
    "稳定外贸增长，扩大服务贸易，推动出口结构优化升级，提高通关效率。",
    "提高利用外资水平，放宽服务业市场准入，推进自由贸易试验区建设。",
    "加快实施走出去战略，鼓励企业参与境外基础设施建设和产能合作。",
)
JOBS = "实施更加积极的就业政策，做好高校毕业生就业工作，加强职业技能培训。"


def _paragraphs(texts: tuple[str, ...]) -> str:
    return "\n\n".join(texts)


GROUPS_UNDER_TASKS = FRONT + f"""
## 三、今年重点工作

### （一）推动重要领域改革取得新突破

{_paragraphs(REFORM)}

### （二）开创高水平对外开放新局面

{_paragraphs(OPENING)}

## 四、民生

{JOBS}
"""

PARTS_OF_THEIR_OWN = FRONT + f"""
## 三、把改革开放扎实推向纵深

{_paragraphs(REFORM)}

{_paragraphs(OPENING)}

## 四、民生

{JOBS}
"""


def _pairs(result: DiffResult) -> dict[tuple[str, str], tuple[str, str]]:
    return {
        (m.old.heading, m.new.heading): (m.status, m.relation)
        for m in result.sections
        if m.old is not None and m.new is not None
    }


def _unpaired(result: DiffResult) -> list[str]:
    return [
        (m.old or m.new).heading  # type: ignore[union-attr]
        for m in result.sections
        if m.status in (SectionStatus.DROPPED, SectionStatus.NEW)
    ]


def test_groups_that_became_one_part_moved_there() -> None:
    result = compare(tree_from_markdown(GROUPS_UNDER_TASKS), tree_from_markdown(PARTS_OF_THEIR_OWN))
    pairs = _pairs(result)
    assert pairs[("推动重要领域改革取得新突破", "把改革开放扎实推向纵深")][0] == SectionStatus.MOVED
    assert pairs[("开创高水平对外开放新局面", "把改革开放扎实推向纵深")][0] == SectionStatus.MOVED
    groups = ("推动重要领域改革取得新突破", "开创高水平对外开放新局面")
    relations = {pairs[(old, "把改革开放扎实推向纵深")][1] for old in groups}
    assert Relation.MERGE in relations  # two groups into one part: one pairs, the other merges into it
    assert "推动重要领域改革取得新突破" not in _unpaired(result)
    assert "开创高水平对外开放新局面" not in _unpaired(result)


def test_the_mirror_splits_where_the_forward_diff_merges() -> None:
    forward = compare(tree_from_markdown(GROUPS_UNDER_TASKS), tree_from_markdown(PARTS_OF_THEIR_OWN))
    backward = compare(tree_from_markdown(PARTS_OF_THEIR_OWN), tree_from_markdown(GROUPS_UNDER_TASKS))
    mirrored = {
        (new, old): (status, {Relation.SPLIT: Relation.MERGE, Relation.MERGE: Relation.SPLIT}.get(rel, rel))
        for (old, new), (status, rel) in _pairs(backward).items()
    }
    assert mirrored == _pairs(forward)


def test_a_group_whose_units_went_nowhere_is_still_dropped() -> None:
    """The rule needs the units: a group whose paragraphs are gone is dropped, as before."""
    border = "扩大同周边国家的边境贸易往来，建设边境经济合作区和跨境旅游合作区。"
    gone = GROUPS_UNDER_TASKS.replace(_paragraphs(OPENING), border)
    result = compare(tree_from_markdown(gone), tree_from_markdown(PARTS_OF_THEIR_OWN))
    assert "开创高水平对外开放新局面" in _unpaired(result)


@pytest.fixture(scope="module")
def national_2014_2015() -> DiffResult:
    trees = [build_tree(normalize_file(NATIONAL / f"{year}.txt")) for year in (2014, 2015)]
    return compare(*trees)


def test_national_2014_groups_continue_as_2015_parts(national_2014_2015: DiffResult) -> None:
    """By reading the headings: 2014's reform group went into 2015's part on reform and opening,
    its groups on demand, farming, towns and innovation into the part on growth and structure."""
    pairs = _pairs(national_2014_2015)
    assert ("推动重要领域改革取得新突破", "把改革开放扎实推向纵深") in pairs
    assert ("开创高水平对外开放新局面", "把改革开放扎实推向纵深") in pairs
    assert ("以创新支撑和引领经济结构优化升级", "协调推动经济稳定增长和结构优化") in pairs
    assert ("统筹做好保障和改善民生工作", "持续推进民生改善和社会建设") in pairs
    assert _unpaired(national_2014_2015) == []
