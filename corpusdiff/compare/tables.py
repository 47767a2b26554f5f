"""Tables of two editions paired and compared (docs/diff-output.md, "Tables").

A table is no initiative, but it is part of the report: an indicator table states the year's
targets as surely as the 主要预期目标 paragraph does. Two tables are one table in two editions
when most of what names their cells, the header and each row's first cell, is the same
(`SAME_TABLE`); their rows are lined up by those first cells, so a row added or removed is
one row, and a row both have shows the cells that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from corpusdiff.text.script import simplified
from corpusdiff.types.diff import CellChange, Status, TableChange
from corpusdiff.types.tree import DocTree, TreeTable

#: Share (Jaccard) of header cells and row names two tables must have in common to be the same
#: table: an indicator table keeps its header and most row names from one edition to the next,
#: while two different tables of one report share few of them.
SAME_TABLE = 0.5

Row = tuple[str, ...]


def compare_tables(old: DocTree, new: DocTree) -> tuple[TableChange, ...]:
    """The tables new, dropped or changed, in the new edition's order, dropped ones last."""
    partner = {n.number: o for o, n in _pairs(old.tables, new.tables)}
    paired = {o.number for o in partner.values()}
    changes: list[TableChange] = []
    for table in new.tables:
        before = partner.get(table.number)
        change = TableChange(Status.NEW, None, table) if before is None else _changed(before, table)
        if change is not None:
            changes.append(change)
    changes += [
        TableChange(Status.DROPPED, table, None) for table in old.tables if table.number not in paired
    ]
    return tuple(changes)


def _names(table: TreeTable) -> set[str]:
    """What names a table's cells: its header cells and each row's first cell."""
    header, *rows = table.rows
    return {_read(cell) for cell in (*header, *(row[0] for row in rows if row)) if cell.strip()}


def _read(cell: str) -> str:
    """A cell as tables are compared: in either script (a reprint in traditional characters
    prints the same table), without its surrounding spaces."""
    return simplified(cell.strip())


def _likeness(old: TreeTable, new: TreeTable) -> float:
    a, b = _names(old), _names(new)
    return len(a & b) / len(a | b) if a | b else 1.0


def _pairs(old: Sequence[TreeTable], new: Sequence[TreeTable]) -> list[tuple[TreeTable, TreeTable]]:
    """Each table paired at most once, the likest pairs first (ties in reading order)."""
    scored = sorted(
        ((-_likeness(o, n), o.number, n.number, o, n) for o in old for n in new),
        key=lambda each: each[:3],
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for score, _, _, o, n in scored:
        if -score >= SAME_TABLE and o.number not in used_old and n.number not in used_new:
            used_old.add(o.number)
            used_new.add(n.number)
            pairs.append((o, n))
    return pairs


def _key(row: Row) -> str:
    return _read(row[0]) if row else ""


def _changed(old: TreeTable, new: TreeTable) -> TableChange | None:
    """Rows added and removed (lined up by their first cells, header included) and the cells
    changed in rows both have; None when the table is the same."""
    added: list[Row] = []
    removed: list[Row] = []
    cells: list[CellChange] = []
    header = new.rows[0]
    matcher = SequenceMatcher(a=[_key(r) for r in old.rows], b=[_key(r) for r in new.rows], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for before, after in zip(old.rows[i1:i2], new.rows[j1:j2], strict=True):
                cells += _cell_changes(before, after, header, old.rows[0])
        else:
            removed += old.rows[i1:i2]
            added += new.rows[j1:j2]
    if not (added or removed or cells):
        return None
    return TableChange(Status.REWORDED, old, new, tuple(added), tuple(removed), tuple(cells))


def _cell_changes(before: Row, after: Row, header: Row, old_header: Row) -> list[CellChange]:
    width = max(len(before), len(after))
    changes = []
    for at in range(1, width):
        was = before[at].strip() if at < len(before) else ""
        now = after[at].strip() if at < len(after) else ""
        if _read(was) != _read(now):
            column = header[at] if at < len(header) else old_header[at] if at < len(old_header) else ""
            changes.append(CellChange(after[0].strip() if after else "", column.strip(), was, now))
    return changes
