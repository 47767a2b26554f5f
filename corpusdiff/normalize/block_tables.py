"""Tables the walk takes whole: rows set apart by tabs, cells a line each, and the flat and
gap-aligned tables of a text extract (the walk itself takes 专栏 boxes, whose lines it walks).
"""

from __future__ import annotations

import itertools

from corpusdiff.normalize import tables
from corpusdiff.normalize.builder import Builder, FlatTableScan
from corpusdiff.text.rules import (
    is_page_number,
    strip_debris,
    tidy_spaces,
)
from corpusdiff.types.document import Table as TableBlock


def next_text_index(lines: list[str], index: int, stop: int) -> int | None:
    while index < stop:
        text = tidy_spaces(strip_debris(lines[index]))
        if text and not is_page_number(text):
            return index
        index += 1
    return None


def has_a_second_row(builder: Builder, index: int, stop: int) -> bool:
    """A table has rows: one line of two cells alone is text set with a wide space
    (`国务院总理　李克强`, `表1　主要指标` in a PDF, whose extractor marks the gap with a tab). The
    second row may stand on the next page, under its number and running head."""
    lines, width = builder.lines, tables.tab_width(builder.lines[index])
    return index + 1 < stop and (
        tables.continues_tab_table(lines[index + 1], width)
        or _row_after_page_break(builder, index + 1, stop, width) is not None
    )


def take_tab_table(builder: Builder, index: int, stop: int) -> int:
    builder.flush()
    rows = [builder.lines[index]]
    width = tables.tab_width(rows[0])
    index += 1
    while index < stop:
        if not tables.continues_tab_table(builder.lines[index], width):
            resumed = _row_after_page_break(builder, index, stop, width)
            if resumed is None:
                break
            index = resumed
        rows.append(builder.lines[index])
        index += 1
    builder.blocks.append(TableBlock(tables.parse_tab_rows(rows)))
    return index


def _row_after_page_break(builder: Builder, index: int, stop: int, width: int) -> int | None:
    """The table's next row when only a page break stands at `index`: blank lines, the page
    number, the running head, a form feed, then a row. A table that runs over a page ended at
    its first page's end, and the page furniture went into the next page's rows (the head as a
    cell of the header row, when the rows went on under it as a table of their own)."""
    at_break = False
    while index < stop:
        raw, text = builder.lines[index], builder.cleaned[index]
        if text and not is_page_number(text) and index not in builder.skip:
            break
        at_break = at_break or bool(text) or "\f" in raw
        index += 1
    if at_break and index < stop and tables.continues_tab_table(builder.lines[index], width):
        return index
    return None


def _cell_group(lines: list[str], index: int, stop: int) -> list[str]:
    group = []
    while index < stop and lines[index].strip(" \u3000") and not lines[index].startswith(" "):
        group.append(lines[index])
        index += 1
    return group


def cell_group_size(lines: list[str], index: int, stop: int) -> int:
    return sum(1 for line in _cell_group(lines, index, stop) if line.startswith("\t"))


def take_cell_table(builder: Builder, index: int, stop: int) -> int:
    builder.flush()
    groups = []
    while index < stop and cell_group_size(builder.lines, index, stop) >= 3:
        group = _cell_group(builder.lines, index, stop)
        groups.append(group)
        index += len(group)
        while index < stop and not builder.lines[index].strip(" \u3000"):
            index += 1
    builder.blocks.append(TableBlock(tables.parse_cell_groups(groups)))
    return index


def _flat_scan(builder: Builder) -> FlatTableScan:
    if builder.flat_scan is None:
        builder.flat_scan = FlatTableScan.of(builder.lines, builder.cleaned)
    return builder.flat_scan


def flat_table_ahead(builder: Builder, index: int, stop: int) -> bool:
    if builder.current and not builder.current.text.endswith("表") and builder.is_open():
        return False
    return _flat_scan(builder).table_starts(index, stop)


def gap_table_rows(builder: Builder, index: int, stop: int) -> int:
    """The rows of a table typed with wide spaces that start at `index` (0 if none): they run on
    line by line, up to the first blank line; outside an appendix only rows of short cells count.
    The lines are handed on one by one, as the rule reads them: it stops at the first that is no
    row, so text with one paragraph a line and no blank lines is not read to its end each time."""
    lines = (
        builder.lines[i]
        for i in itertools.takewhile(
            lambda i: builder.lines[i].strip() and i not in builder.skip, range(index, stop)
        )
    )
    return tables.gap_table_length(lines, in_body=not builder.in_appendix)


def take_gap_table(builder: Builder, index: int, end: int) -> int:
    builder.flush()
    builder.blocks.append(TableBlock(tables.parse_gap_rows(builder.lines[index:end])))
    return end


def take_flat_table(builder: Builder, index: int, stop: int) -> int:
    builder.flush()
    end = _flat_scan(builder).table_end(index, stop)
    builder.blocks.append(TableBlock(tables.parse_flat_rows(builder.lines[index:end])))
    return end
