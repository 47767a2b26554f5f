"""compare/tables.py: a table added, dropped or changed between two editions, with the rows
added and removed and the cells changed; a table the same in both is no change."""

from __future__ import annotations

from corpusdiff.compare.tables import compare_tables
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import CellChange, Status
from corpusdiff.types.tree import DocTree

TARGETS = "## 二、主要目标\n\n今年的主要预期目标是：城镇新增就业1100万人以上。\n\n"
TABLE = """| 指标 | 目标 |
| --- | --- |
| 城镇新增就业 | 1100万人以上 |
| 城镇调查失业率 | 5.5%左右 |
| 居民消费价格涨幅 | 3%左右 |
"""


def tree(body: str) -> DocTree:
    return tree_from_markdown(f"---\ntitle: 测试\nid: t/r\ndate: '2019'\ndialect: '1'\n---\n\n# 测试\n\n{body}")


def test_a_table_added_is_new_with_its_rows_and_section() -> None:
    old, new = tree(TARGETS), tree(TARGETS + TABLE)
    [change] = compare_tables(old, new)
    assert change.status == Status.NEW and change.old is None and change.new is not None
    assert change.new.number == 1 and new.sections[change.new.section or 0].heading == "主要目标"
    assert change.new.rows[1] == ("城镇新增就业", "1100万人以上")
    [dropped] = compare_tables(new, old)
    assert dropped.status == Status.DROPPED and dropped.new is None


def test_a_changed_table_gives_rows_added_removed_and_cells_changed() -> None:
    edited = TABLE.replace("| 城镇调查失业率 | 5.5%左右 |\n", "").replace("1100万人以上", "1200万人以上")
    edited += "| 城镇登记失业率 | 4.5%以内 |\n"
    [change] = compare_tables(tree(TARGETS + TABLE), tree(TARGETS + edited))
    assert change.status == Status.REWORDED
    assert change.rows_removed == (("城镇调查失业率", "5.5%左右"),)
    assert change.rows_added == (("城镇登记失业率", "4.5%以内"),)
    assert change.cells == (CellChange("城镇新增就业", "目标", "1100万人以上", "1200万人以上"),)


def test_the_same_table_is_no_change_and_an_unlike_table_is_dropped_and_new() -> None:
    assert compare_tables(tree(TARGETS + TABLE), tree(TARGETS + TABLE)) == ()
    other = "| 项目 | 金额 |\n| --- | --- |\n| 中央预算内投资 | 5776亿元 |\n"
    changes = compare_tables(tree(TARGETS + TABLE), tree(TARGETS + other))
    assert [c.status for c in changes] == [Status.NEW, Status.DROPPED]


def test_a_table_printed_in_traditional_characters_is_the_same_table() -> None:
    """A reprint's table (指標, 城鎮新增就業) is the table of the edition in simplified characters: no
    change where only the script differs, and a changed cell shown as each edition prints it."""
    reprint = TABLE.replace("指标", "指標").replace("城镇新增就业", "城鎮新增就業").replace("涨幅", "漲幅")
    assert compare_tables(tree(TARGETS + TABLE), tree(TARGETS + reprint)) == ()
    [change] = compare_tables(tree(TARGETS + TABLE), tree(TARGETS + reprint.replace("3%左右", "2%左右")))
    assert change.cells == (CellChange("居民消费价格漲幅", "目标", "3%左右", "2%左右"),)
