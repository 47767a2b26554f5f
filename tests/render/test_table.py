"""The 新旧对照表 builder: every unit of both editions once, one row per pair, new or dropped
unit and per whole merge or split, in reading order under its headings, with a 修改说明."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from corpusdiff.compare.units import initiative_units, is_speech_frame, reading_order
from corpusdiff.render.diff import in_sections
from corpusdiff.render.table import (
    Change,
    ComparisonTable,
    Mark,
    SectionRow,
    UnitRow,
    comparison_table,
)
from corpusdiff.types.diff import DiffResult
from corpusdiff.types.tree import DocTree, Unit, unit_title
from tests.compare.test_compare_synthetic import BASE, move, run
from tests.conftest import ROOT, corpus_diff

PAIRS = [
    ("futian/annual-plan/2022-01", "futian/annual-plan/2025-01"),
    ("futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"),
    ("futian/mid-year-report/2023-10", "futian/annual-plan/2025-01"),
]


def _text(doc_id: str) -> str:
    return (ROOT / "corpus" / f"{doc_id}.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def diffs() -> dict[tuple[str, str], DiffResult]:
    return {pair: corpus_diff(*pair) for pair in PAIRS}


def expected_rows(result: DiffResult) -> int:
    """How many rows the units make, counted apart from the builder: the connected groups of
    the graph whose nodes are the units of both editions and whose edges are the unit-level
    pairs (a unit in no pair is a group of its own)."""
    old = [u.index for u in reported_units(result.old)]
    new = [u.index for u in reported_units(result.new)]
    node = {("old", i): n for n, i in enumerate(old)} | {("new", i): len(old) + n for n, i in enumerate(new)}
    edges = [
        (node[("old", item.old.index)], node[("new", item.new.index)])
        for item in result.initiatives
        if item.level == "unit" and item.old is not None and item.new is not None
    ]
    rows, cols = zip(*edges, strict=True) if edges else ((), ())
    graph = coo_matrix((np.ones(len(edges)), (rows, cols)), shape=(len(node), len(node)))
    return int(connected_components(graph, directed=False)[0])


def reported_units(tree: DocTree) -> list[Unit]:
    """The units a diff reports: all but the lines of the speech's frame (the date line, the
    byline, the salutation), which carry no initiative."""
    return [unit for unit in initiative_units(tree) if not is_speech_frame(unit)]


def addresses(result: DiffResult, side: str) -> list[str]:
    tree = result.old if side == "old" else result.new
    return sorted(tree.unit_address(unit) for unit in reported_units(tree))


@pytest.mark.parametrize("pair", PAIRS)
def test_every_unit_of_both_editions_is_in_exactly_one_row(diffs: dict, pair: tuple[str, str]) -> None:
    result = diffs[pair]
    table = comparison_table(result)
    for side in ("old", "new"):
        shown = sorted(entry.address for row in table.unit_rows for entry in getattr(row, side))
        assert shown == addresses(result, side)
    assert len(table.unit_rows) == expected_rows(result)
    assert [row.number for row in table.unit_rows] == list(range(1, len(table.unit_rows) + 1))


@pytest.mark.parametrize("pair", PAIRS)
def test_rows_follow_the_new_edition_and_merges_and_splits_are_one_row(
    diffs: dict, pair: tuple[str, str]
) -> None:
    result = diffs[pair]
    table = comparison_table(result)
    position = {result.new.unit_address(unit): n for n, unit in enumerate(reading_order(result.new))}
    single = [
        position[row.new[0].address] for row in table.unit_rows if len(row.new) == 1 and len(row.old) <= 1
    ]
    assert single == sorted(single)
    for row in table.unit_rows:
        many = len(row.old) > 1 or len(row.new) > 1
        assert (Change.MERGED in row.changes) == (len(row.old) > 1)
        assert (Change.SPLIT in row.changes) == (len(row.new) > 1)
        if not many:
            assert len(row.changes) == 1
        assert row.note.startswith(row.change)


def test_headings_of_each_part_come_once_in_order(diffs: dict) -> None:
    table = comparison_table(diffs[PAIRS[0]])
    parts = [
        (row.old[:2], row.new[:2]) for row in table.rows if isinstance(row, SectionRow) and row.depth == 0
    ]
    # the 2022 plan has 一、二、三、 and an appendix; the 2025 plan the same three parts, no appendix
    assert parts == [("一、", "一、"), ("二、", "二、"), ("三、", "三、"), ("附件", "")]
    appendix = table.rows.index(
        next(r for r in table.rows if isinstance(r, SectionRow) and r.old.startswith("附件"))
    )
    assert all(isinstance(r, UnitRow) and r.changes == (Change.DROPPED,) for r in table.rows[appendix + 1 :])


def test_a_figure_change_is_named_in_the_note(diffs: dict) -> None:
    table = comparison_table(diffs[PAIRS[0]])
    # the 2022 plan's target 地区生产总值增长6.0%以上 is 5.5%左右 in the 2025 plan
    row = next(r for r in table.unit_rows if r.old and r.old[0].text.startswith("——地区生产总值增长"))
    assert row.new[0].text.startswith("——地区生产总值增长")
    assert row.changes == (Change.REWORDED,)
    assert "6.0%以上 → 5.5%左右" in row.note


def test_marks_rebuild_each_side_and_stay_on_their_side(diffs: dict) -> None:
    result = diffs[PAIRS[0]]
    table = comparison_table(result)
    texts = {t.unit_address(u): u.text for t in (result.old, result.new) for u in t.units}
    for row in table.unit_rows:
        for entry in row.old:
            assert Mark.INSERTED not in {s.mark for s in entry.spans}
        for entry in row.new:
            assert Mark.DELETED not in {s.mark for s in entry.spans}
        for entry in (*row.old, *row.new):
            if entry.address in texts:  # not a group: a group shows its heading
                assert entry.text == entry.label + texts[entry.address]
    assert any(s.mark is Mark.DELETED for row in table.unit_rows for e in row.old for s in e.spans)


def test_a_merge_lists_all_its_units_in_one_row(diffs: dict) -> None:
    # docs/diff-output.md: 2023's 10.深化城市建设管理体制改革 is folded into 2025's
    # 10.深化社会治理领域改革, which continues 2023's 9.深化社会领域改革
    table = comparison_table(diffs[PAIRS[2]])
    row = next(r for r in table.unit_rows if any(e.text.startswith("10.深化社会治理领域改革") for e in r.new))
    olds = [e.text for e in row.old]
    assert any(t.startswith("10.深化城市建设管理体制改革") for t in olds)
    assert any(t.startswith("9.深化社会领域改革") for t in olds)
    assert Change.MERGED in row.changes


def _without(text: str, heading: str) -> str:
    """The plan with one task (its heading and body) deleted."""
    return re.sub(
        rf"^{re.escape(heading)}\n\n.*?\n\n(?=#)", "", text, count=1, flags=re.MULTILINE | re.DOTALL
    )


def _row_with(table: ComparisonTable, text: str) -> UnitRow:
    return next(r for r in table.unit_rows if any(text in e.text for e in (*r.old, *r.new)))


def test_a_deleted_task_stands_where_it_was_deleted() -> None:
    edited = _without(BASE, "#### 5.推动外贸战略转型")
    assert "推动外贸战略转型" not in edited
    table = comparison_table(run(edited))
    rows = list(table.unit_rows)
    dropped = _row_with(table, "推动外贸战略转型")
    assert dropped.changes == (Change.DROPPED,) and not dropped.new
    assert rows[rows.index(dropped) - 1] == _row_with(table, "推动消费提质升级")
    assert rows[rows.index(dropped) + 1].old[0].text.startswith("（三）加快构建现代产业体")


def test_a_moved_task_says_where_it_was() -> None:
    table = comparison_table(run(move(BASE, "#### 4.推动消费提质升级", "#### 10.提升总部经济综合实力")))
    row = _row_with(table, "推动消费提质升级")
    assert row.changes == (Change.MOVED,)
    assert "原在三、（二）积极融入“双循环”发展格局" in row.note


def test_identical_editions_make_one_continuing_row_per_unit() -> None:
    table = comparison_table(run(BASE))
    assert {row.changes for row in table.unit_rows} == {(Change.CONTINUED,)}
    assert {row.note for row in table.unit_rows} == {"延续"}
    assert all(row.old == row.new for row in table.rows if isinstance(row, SectionRow))


def test_a_table_of_one_section_keeps_its_part_heading_paired(diffs: dict) -> None:
    part = in_sections(diffs[PAIRS[0]], "预期性指标")
    assert part is not None
    table = comparison_table(part)
    headings = [row for row in table.rows if isinstance(row, SectionRow)]
    assert [(h.old, h.new) for h in headings] == [
        ("二、2022年经济社会发展主要目标", "二、2025年经济社会发展主要目标")
    ]
    # 2022 lists six expected indicators, 2025 five: 一般公共预算收入 is no longer among them
    [dropped] = [row for row in table.unit_rows if row.changes == (Change.DROPPED,)]
    assert dropped.old[0].text.startswith("——一般公共预算收入")
    assert table.unit_rows[0].old[0].text == table.unit_rows[0].new[0].text == "（一）预期性指标"


@pytest.mark.parametrize("pair", PAIRS)
def test_a_doubtful_new_or_dropped_row_names_the_unit_to_check(diffs: dict, pair: tuple[str, str]) -> None:
    result = diffs[pair]
    rows = {(r.old[0].address if r.old else "", r.new[0].address if r.new else ""): r for r in comparison_table(result).unit_rows}
    calls = [i for i in result.initiatives if i.level == "unit" and i.status in ("new", "dropped") and not i.relation]
    assert {i.nearest is None for i in calls} == {True, False}  # sure and doubtful calls in every pair
    for item in calls:
        key = ("", result.new.unit_address(item.new)) if item.new else (result.old.unit_address(item.old), "")
        if item.nearest is None:
            assert "判断把握" not in rows[key].note
        else:
            side = "旧版" if item.new else "新版"
            p = f"{item.nearest_probability:.2f}"
            assert f"判断把握低：或延续{side}「{unit_title(item.nearest)}」（匹配概率 {p}），请核对" in rows[key].note


def test_a_row_a_reviewer_decided_says_so_and_no_other_does() -> None:
    from corpusdiff.compare.core import compare
    from corpusdiff.types.diff import Overrides
    from tests.conftest import corpus_tree

    old, new = PAIRS[0]
    overrides = Overrides(pin=(("进出口持续向好", "p14"),), forbid=(("推进法治城区建设", ""),))
    table = comparison_table(compare(corpus_tree(old), corpus_tree(new), overrides))
    decided = {
        (r.old[0].address.rpartition("#")[2] if r.old else "", r.new[0].address.rpartition("#")[2] if r.new else "")
        for r in table.unit_rows
        if "已审定" in r.note
    }
    assert decided == {("p12", "p14"), ("p71", "")}


def _report(title: str, parts: str) -> str:
    return f"---\ntitle: {title}\ndate: '2015'\ndialect: '1'\n---\n\n# {title}\n\n{parts}"


#: 2014's tasks under （一） groups of one part, 2015's as parts of their own (task areas).
GROUPED_TASKS = _report(
    "2014年政府工作报告",
    "## 一、2013年工作回顾\n\n过去一年，经济运行稳中向好，国内生产总值增长7.7%。\n\n"
    "## 三、2014年重点工作\n\n### （一）推动重要领域改革取得新突破\n\n"
    "深入推进行政体制改革。进一步简政放权，再取消和下放行政审批事项200项以上。\n\n"
    "### （二）增强内需拉动经济的主引擎作用\n\n把消费作为扩大内需的主要着力点。通过增加居民收入提高消费能力。\n",
)
TASK_AREAS = _report(
    "2015年政府工作报告",
    "## 一、2014年工作回顾\n\n过去一年，经济运行处于合理区间，国内生产总值增长7.4%。\n\n"
    "## 三、把改革开放扎实推向纵深\n\n加大简政放权、放管结合改革力度。今年再取消和下放一批行政审批事项。\n\n"
    "## 四、协调推动经济稳定增长和结构优化\n\n加快培育消费增长点。通过增加居民收入提高消费能力。\n",
)


def test_a_unit_under_a_part_that_is_a_row_of_its_own_has_that_part_as_its_section() -> None:
    """National 2015 lays its tasks out as parts (`三、把改革开放扎实推向纵深`), each a row of its
    own as a （一） group is: the units under it had an empty 章节, where a unit under a （一）
    group has its part."""
    table = comparison_table(run(TASK_AREAS, GROUPED_TASKS))
    sections = {row.new[0].text[:4]: row.section for row in table.unit_rows if row.new}
    assert sections["加大简政"] == "三、把改革开放扎实推向纵深"
    assert sections["加快培育"] == "四、协调推动经济稳定增长和结构优化"
    assert sections["三、把改"] == ""  # the part's own row stands at the top


def test_the_shared_unit_of_a_merge_marks_what_no_partner_had(diffs: dict) -> None:
    # the row of test_a_merge_lists_all_its_units_in_one_row: 2025's unit, made of two of
    # 2023's, shows inserted only the words neither of them had
    table = comparison_table(diffs[PAIRS[2]])
    row = next(r for r in table.unit_rows if any(e.text.startswith("10.深化社会治理领域改革") for e in r.new))
    (shared,) = row.new
    kept = [s.text for s in shared.spans if s.mark is Mark.KEPT and len(s.text) > 1]
    assert kept and any(s.mark is Mark.INSERTED for s in shared.spans)
    assert all(any(text in old.text for old in row.old) for text in kept)
