"""The tables a diff found new, dropped or changed (compare/tables.py), as JSON and as the
lines the terminal and Markdown reports print under the table's section."""

from __future__ import annotations

from collections.abc import Callable

from corpusdiff.strings import Strings
from corpusdiff.types.diff import DiffResult, Status, TableChange
from corpusdiff.types.tree import DocTree, TreeTable

#: An empty cell, as the reports print it.
EMPTY = "—"


def table_json(tree: DocTree, table: TreeTable | None) -> dict[str, object] | None:
    """One side of a table change: its `table <n>` number, section path and rows."""
    if table is None:
        return None
    return {
        "table": table.number,
        "section": list(tree.path_of(table.section)),
        "rows": [list(row) for row in table.rows],
    }


def change_json(result: DiffResult, change: TableChange) -> dict[str, object]:
    return {
        "status": change.status,
        "old": table_json(result.old, change.old),
        "new": table_json(result.new, change.new),
        "rows_added": [list(row) for row in change.rows_added],
        "rows_removed": [list(row) for row in change.rows_removed],
        "cells": [{"row": c.row, "column": c.column, "old": c.old, "new": c.new} for c in change.cells],
    }


def tables_line(result: DiffResult, strings: Strings) -> str:
    """`表格：1 新增，0 删除，0 改动。`, or "" when no table changed."""
    if not result.tables:
        return ""
    count = {status: sum(1 for c in result.tables if c.status == status) for status in Status}
    return strings(
        "report.tables_line",
        new=count[Status.NEW],
        dropped=count[Status.DROPPED],
        reworded=count[Status.REWORDED],
    )


def unstyled(text: str, *_: object, **__: bool) -> str:
    """The style of Markdown and HTML: a change is marked by its words, never by colour."""
    return text


def row_text(row: tuple[str, ...]) -> str:
    return " | ".join(cell.strip() or EMPTY for cell in row)


def heading_line(change: TableChange, strings: Strings) -> str:
    """`表格2（3行）：指标 | 2019年目标` of the side the change is shown on."""
    table = change.new or change.old
    assert table is not None  # a change has at least one side
    return strings("report.table", n=table.number, rows=len(table.rows) - 1, header=row_text(table.rows[0]))


def detail_lines(change: TableChange, style: Callable[..., str], strings: Strings) -> list[str]:
    """Rows of a new or dropped table; rows added, removed and cells changed of a changed one."""
    if change.status == Status.NEW and change.new is not None:
        return [_row_line(row, Status.NEW, style, strings) for row in change.new.rows[1:]]
    if change.status == Status.DROPPED and change.old is not None:
        return [_row_line(row, Status.DROPPED, style, strings) for row in change.old.rows[1:]]
    lines = [_row_line(row, Status.DROPPED, style, strings) for row in change.rows_removed]
    lines += [_row_line(row, Status.NEW, style, strings) for row in change.rows_added]
    lines += [
        strings(
            "report.table_cell",
            row=c.row or EMPTY,
            column=c.column or EMPTY,
            old=c.old or EMPTY,
            new=c.new or EMPTY,
        )
        for c in change.cells
    ]
    return lines


def _row_line(row: tuple[str, ...], status: Status, style: Callable[..., str], strings: Strings) -> str:
    key = "report.table_row_added" if status == Status.NEW else "report.table_row_removed"
    return strings.labelled(style(strings(key), status), row_text(row))
