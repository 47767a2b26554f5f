"""Flattened tables from PDF/Word extracts -> rows of cells.

Four layouts occur: tab-separated rows, one cell per line (Word, cells led by a tab, rows
separated by blank lines), space-separated rows with wrapped cells (PDF appendices), and rows
whose columns are set apart with wide spaces (a 附表 typed or pasted into a text file).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from corpusdiff.text.chars import HAN_RE, display_width, has_han
from corpusdiff.text.numbering import DIVISION_KINDS, parse_marker
from corpusdiff.text.rules import (
    clean_text,
    is_page_number,
    join_fragments,
    strip_debris,
    tidy_spaces,
)
from corpusdiff.text.script import simplified

Rows = tuple[tuple[str, ...], ...]

_ROW_NUMBER_RE = re.compile(r"^(\d{1,3})\s*[.．]\s*")
_GROUP_LABEL_RE = re.compile(r"^[一二三四五六七八九十]+、\S+$")
_FLAT_ROW_RE = re.compile(r"^\d{1,3}\s*[.．]\s*\S")
#: The gap between the columns of a row typed with spaces: an ideographic space, or two ASCII
#: spaces or more (a single ASCII space parts the words and figures inside a cell).
_COLUMN_GAP_RE = re.compile("[ \u3000]*\u3000[ \u3000]*| {2,}")
#: A table has a header and rows: fewer lines alike are text set with a wide space (a byline).
_GAP_TABLE_MIN_LINES = 3
_VALUE_PREFIXES = ("下降", "增长", "减少", "提高", "降低")
_NUMBER_RE = re.compile(r"[-+≤≥<>]?\d")


def cell_text(text: str) -> str:
    """Canonical cell text: inline rules plus `1．` row numbers written `1.`."""
    return _ROW_NUMBER_RE.sub(lambda m: f"{m.group(1)}.", clean_text(text))


def pad(rows: Sequence[Sequence[str]]) -> Rows:
    """Give every row the same number of cells."""
    width = max(len(row) for row in rows)
    return tuple(tuple(row) + ("",) * (width - len(row)) for row in rows)


def starts_tab_table(raw: str) -> bool:
    """A tab-separated row: at least two non-empty cells, so not mere indentation, and no
    heading set with a tab (`tabbed_heading`)."""
    return len([cell for cell in raw.split("\t") if cell.strip()]) >= 2 and tabbed_heading(raw) is None


def continues_tab_table(raw: str, width: int = 0) -> bool:
    """Inside a tab table, a row may have one filled cell (`一、预期性指标\t\t`); a 篇, 章, 节 or
    部分 heading set with a tab ends the table (a group row of a table is never one). A row of the
    table's `width` whose first cell is empty opens with a tab (a 类别 merged down, in a table
    saved as text from Word or Excel): it goes on with the table, where a line led by a tab
    alone is a cell of Word's one-cell-a-line layout."""
    if raw.startswith("\t"):
        return tab_width(raw) == width and starts_tab_table(raw)
    return "\t" in raw.strip(" ") and bool(raw.strip()) and tabbed_heading(raw) not in DIVISION_KINDS


def tab_width(raw: str) -> int:
    """How many cells a tab-separated row has, empty ones included."""
    return len(raw.rstrip("\n").split("\t"))


def tabbed_heading(raw: str) -> str | None:
    """The marker kind of a heading typed with a tab after its marker (`第一章\t总则`,
    `一、\t稳定经济`: Word's list numbering ends its label with a tab, and so does its "save as
    text"), or None: a marker alone, then one cell of Chinese text, or several for a 篇, 章, 节
    or 部分 marker (a tab between its title's clauses too), which never numbers a table's rows. A
    bare numeral in the first cell is a table's row number, not a heading."""
    cells = [cell.strip() for cell in raw.split("\t") if cell.strip()]
    if len(cells) < 2 or not all(has_han(cell) for cell in cells[1:]):
        return None
    marker = parse_marker(clean_text(cells[0]))
    if marker is None or marker.rest or marker.kind == "bare":
        return None
    return marker.kind if len(cells) == 2 or marker.kind in DIVISION_KINDS else None


def parse_tab_rows(raws: Sequence[str]) -> Rows:
    """Rows written as one line each, cells separated by tabs."""
    rows = []
    for raw in raws:
        cells = [cell_text(strip_debris(cell)) for cell in raw.rstrip("\n").split("\t")]
        while len(cells) > 1 and not cells[-1] and not cells[0]:
            cells.pop()
        rows.append(cells)
    return pad(rows)


def parse_cell_groups(groups: Sequence[Sequence[str]]) -> Rows:
    """Word tables: each group (a row) has one tab-led line per cell, wrapped cells continue."""
    rows = []
    for group in groups:
        cells: list[str] = []
        for raw in group:
            text = tidy_spaces(strip_debris(raw))
            if is_page_number(text):
                continue
            if raw.startswith("\t") or not cells:
                cells.append(text)
            else:
                cells[-1] = join_fragments(cells[-1], text)
        rows.append([cell_text(cell) for cell in cells])
    return pad(rows)


def gap_table_length(raws: Iterable[str], *, in_body: bool = False) -> int:
    """How many of the lines, from the first, are the rows of one table typed with wide spaces:
    lines next to each other with two or more cells, at least _GAP_TABLE_MIN_LINES of them, each
    with as many cells as the widest or with fewer that stand in its columns (a row with an
    empty cell); 0 if they are not. A line of a marker and one more cell (`1.　钢铁工业`) is a
    numbered item, no row. In the body, where a line set with wide spaces is more often text (a
    heading's clauses, a byline), the table needs rows of three short cells or more, none ending
    a clause (an indicator table as `pdftotext -layout` sets it). A line of one cell inside the
    table is a cell's text wrapped onto its next line (`规模以上工业增加值增` / `长`)."""
    lines: list[list[_GapCell]] = []
    for raw in raws:
        cells = _gap_spans(raw)
        texts = [cell.text for cell in cells]
        if len(cells) == 1 and lines and _is_wrapped_piece(texts[0]):
            lines.append(cells)
            continue
        if len(cells) < 2 or (len(cells) == 2 and _is_lone_marker(texts[0])):
            break
        if in_body and not _is_body_row(texts, min_cells=2):
            break
        lines.append(cells)
    while lines and len(lines[-1]) == 1:  # a line of text under the table, no wrapped cell
        lines.pop()
    if not lines or (in_body and max(map(len, lines)) < _BODY_ROW_CELLS_MIN):
        return 0
    columns = _GapColumns.of(lines)
    length = len(list(itertools.takewhile(lambda cells: columns.place(cells) is not None, lines)))
    return length if length >= _GAP_TABLE_MIN_LINES else 0


@dataclass(frozen=True)
class _GapCell:
    """A cell of a line typed with wide spaces and the display columns it spans (a Han
    character two), which place it under its header when cells before it are empty."""

    text: str
    start: int
    end: int


def _gap_spans(raw: str) -> list[_GapCell]:
    """The cells of a line whose columns are set apart with wide spaces (`钢　万吨　4666`), with
    where each stands on the line; the indent before the first is no gap, but it places it."""
    text = strip_debris(raw).rstrip()
    body = text.lstrip()
    offset = display_width(text[: len(text) - len(body)])
    cells: list[_GapCell] = []
    begin = 0
    for gap in [*_COLUMN_GAP_RE.finditer(body), None]:
        end = gap.start() if gap else len(body)
        start = offset + display_width(body[:begin])
        cells.append(_GapCell(body[begin:end], start, start + display_width(body[begin:end])))
        begin = gap.end() if gap else begin
    return cells


#: How far (display columns: a Han character is two) a cell may stand from its column's edge.
_GAP_ALIGN_SLACK = 2


@dataclass(frozen=True)
class _GapColumns:
    """Where the cells of the full rows (as many cells as the widest line) start and end, column
    by column: a cell typed left-aligned, right-aligned or centred under them is in that column."""

    starts: tuple[frozenset[int], ...]
    ends: tuple[frozenset[int], ...]
    centres: tuple[frozenset[int], ...]

    @classmethod
    def of(cls, lines: Sequence[Sequence[_GapCell]]) -> _GapColumns:
        width = max(map(len, lines))
        full = [cells for cells in lines if len(cells) == width]
        return cls(
            *(
                tuple(frozenset(edge(cells[k]) for cells in full) for k in range(width))
                for edge in (lambda c: c.start, lambda c: c.end, lambda c: c.start + c.end)
            )
        )

    def place(self, cells: Sequence[_GapCell]) -> list[int] | None:
        """The column of each cell, left to right; None when the line is no row of the table
        (a cell under no column, or two under one)."""
        if len(cells) == len(self.starts):
            return list(range(len(cells)))
        placed = [column for column in map(self._column, cells) if column is not None]
        if len(placed) < len(cells) or any(b <= a for a, b in pairwise(placed)):
            return None
        return placed

    def _column(self, cell: _GapCell) -> int | None:
        for column, (starts, ends, centres) in enumerate(zip(self.starts, self.ends, self.centres, strict=True)):
            if (
                _near(cell.start, starts)
                or _near(cell.end, ends)
                or _near(cell.start + cell.end, centres, 2 * _GAP_ALIGN_SLACK)
            ):
                return column
        return None


def _near(value: int, edges: frozenset[int], slack: int = _GAP_ALIGN_SLACK) -> bool:
    return any(abs(value - edge) <= slack for edge in edges)


#: In the body, a row typed with wide spaces has at least this many cells, each at most this long.
_BODY_ROW_CELLS_MIN = 3
_BODY_CELL_MAX = 24


#: A 篇, 章 or 节 number set apart from its title's clauses opens a heading, not a row.
_PART_NUMBER_RE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+(?:篇|章|节|部分)$")


#: A clause ends inside a cell and text goes on after it (`术改造升级工程。三是加快现代`).
_CLAUSE_INSIDE_RE = re.compile("[。；，！？](?=[^”’）」』》】])")


def _is_body_row(cells: Sequence[str], min_cells: int = _BODY_ROW_CELLS_MIN) -> bool:
    """A line of the body typed as a table's row: short cells, none a clause or holding the end
    of one with more text after it. A justified line of prose that a PDF extract spread with
    double spaces (`重大工程，组织实施重大技  术改造升级工程。三是加快现代  服务业发展`) has cells
    cut anywhere in its sentences; three such lines in a row were read as a table."""
    return len(cells) >= min_cells and not _PART_NUMBER_RE.match(cells[0]) and all(
        len(cell) <= _BODY_CELL_MAX and not cell.endswith(("。", "；", "，", "：")) and not _CLAUSE_INSIDE_RE.search(cell)
        for cell in cells
    )


def _is_lone_marker(cell: str) -> bool:
    marker = parse_marker(clean_text(cell))
    return marker is not None and not marker.rest


def parse_gap_rows(raws: Sequence[str]) -> Rows:
    """Rows typed one line each, columns set apart with wide spaces; a row with empty cells has
    each of its cells put in the column it stands in."""
    lines = [_gap_spans(raw) for raw in raws]
    columns = _GapColumns.of(lines)
    rows: list[list[str]] = []
    for cells in lines:
        row = [""] * len(columns.starts)
        for column, cell in zip(columns.place(cells) or range(len(cells)), cells, strict=True):
            row[column] = cell_text(cell.text)
        if rows and (_is_wrapped_line(row) or (len(rows) == 1 and _is_header_line(row))):
            rows[-1] = [join_fragments(above, below) for above, below in zip(rows[-1], row, strict=True)]
        else:
            rows.append(row)
    return pad(rows)


def _is_wrapped_piece(text: str) -> bool:
    """A line of one short cell, no numbering marker, ending no sentence: the rest of a cell."""
    return len(text) <= _BODY_CELL_MAX and not text.endswith(("。", "；", "：")) and parse_marker(text) is None


def _is_wrapped_line(row: Sequence[str]) -> bool:
    """A row of one filled cell that is the rest of the cell above it, wrapped."""
    filled = [cell for cell in row if cell]
    return len(filled) == 1 and _is_wrapped_piece(filled[0])


def _is_header_line(row: Sequence[str]) -> bool:
    """The header's second line (`2023年` / `完成`): its first cell empty and no cell a figure,
    as a row under the header would have."""
    return not row[0] and not any(_FIGURE_CELL_RE.fullmatch(cell) for cell in row)


#: A cell that is a figure (`6.0`, `-1.2%`, `412.5`): a row's value, never a header's word.
_FIGURE_CELL_RE = re.compile(r"[-+＋－]?\d+(?:\.\d+)?%?")


def is_flat_row(text: str) -> bool:
    """`8．万元 GDP建设用地 下降 5.0% …`: a numbered row of a space-separated table."""
    return bool(_FLAT_ROW_RE.match(text)) and "\t" not in text


def flat_text(line: str) -> str:
    """A line of a space-separated table without debris, its spaces collapsed."""
    return " ".join(strip_debris(line).split())


def is_caption(text: str) -> bool:
    """A table's caption line (`…指标表`): no table's header starts after one."""
    return text.endswith("表")


def has_value_cells(row: str) -> bool:
    """A numbered row that ends in value cells (`下降 5.0%`), as a table row does: no piece of a
    sentence (a glossary entry's line that a justified PDF line spread with spaces, `15.RCEP：区域
    全面经济伙伴关系协定。由东盟2012年发起，历经8年、3`, ends in a token holding a figure too)."""
    return bool(_split_row(row)[1])


def parse_flat_rows(lines: Sequence[str]) -> Rows:
    """PDF appendix tables: header cells and value cells wrapped over several lines. A line whose
    cells the extract set apart with tabs has those cells (`_tab_cells`)."""
    kept = [line for line in lines if (text := flat_text(line)) and not is_page_number(text)]
    fragments = [flat_text(line) for line in kept]
    tabbed = [_tab_cells(line) for line in kept]
    starts = [i for i, f in enumerate(fragments) if _FLAT_ROW_RE.match(f) or _GROUP_LABEL_RE.match(f)]
    if not starts:
        return ()
    header, body = fragments[: starts[0]], fragments[starts[0] :]
    width = 1 + max(
        (len(_row_cells(f, tabbed[starts[0] + i])[1]) for i, f in enumerate(body) if _FLAT_ROW_RE.match(f)), default=0
    )
    rows: list[list[str]] = []
    if header:
        first_cells = tabbed[0] or [tidy_spaces(header[0])]
        rows.append([*first_cells, *_group([tidy_spaces(f) for f in header[1:]], width - len(first_cells))])
    bounds = [i - starts[0] for i in starts] + [len(body)]
    for begin, end in pairwise(bounds):
        first, trailing = body[begin], [tidy_spaces(f) for f in body[begin + 1 : end]]
        if _GROUP_LABEL_RE.match(first) and not _FLAT_ROW_RE.match(first):
            rows.append([first, *trailing])  # the lines under a group label are kept, never lost
            continue
        name, values = _row_cells(first, tabbed[starts[0] + begin])
        rows.append([name, *values, *_group(trailing, width - 1 - len(values))])
    return pad([[cell_text(c) for c in row] for row in rows])


def _tab_cells(line: str) -> list[str] | None:
    """The cells of a line that the extract set apart with tabs (a PDF reader that saw the
    columns), each with its spaces tidied, the empty ones after the last dropped; None for a line
    of fewer than two. Its cells are known: split at spaces instead, a cell a character grid
    spreads (`6.0% 以 上`) was three tokens and no value, and the row's values ran into its name
    (`1.本区生产总值6.8%8.6%6.0%以上`)."""
    cells = [tidy_spaces(strip_debris(cell)) for cell in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return cells if sum(bool(cell) for cell in cells) >= 2 else None


def _row_cells(line: str, tabbed: list[str] | None) -> tuple[str, list[str]]:
    """A numbered row's name and value cells: its tabbed cells when the extract gave them."""
    return (tabbed[0], tabbed[1:]) if tabbed else _split_row(line)


def _split_row(line: str) -> tuple[str, list[str]]:
    """`8．万元 GDP建设用地 下降 5.0% 下降 7.7%` -> name and trailing value cells."""
    tokens: list[str] = []
    for token in line.split():
        if tokens and _NUMBER_RE.match(token) and simplified(tokens[-1]) in _VALUE_PREFIXES:
            tokens[-1] += token
        else:
            tokens.append(token)
    split = len(tokens)
    while split > 1 and _is_value(tokens[split - 1]):
        split -= 1
    name = ""
    for token in tokens[:split]:
        name = join_fragments(name, token)
    return name, tokens[split:]


#: A value cell's words around its figure: `下降`, `以内`, `亿元以上`.
_VALUE_WORDS_MAX = 4


def _is_value(token: str) -> bool:
    """A value cell: a figure with a few words (`下降5.0%`, `3000亿元以上`) or a target (`基本持平`),
    never a piece of a sentence (`设置11个条款16`, `早上6点所包含的经济`)."""
    if any(mark in token for mark in "，。；"):
        return False
    if simplified(token).endswith(("持平", "正增长", "目标", "为准")):  # 力爭正增長 too
        return True
    return bool(_NUMBER_RE.search(token)) and len(HAN_RE.findall(token)) <= _VALUE_WORDS_MAX


def _group(fragments: Sequence[str], cells: int) -> list[str]:
    """Spread wrapped fragments over `cells` cells: equal runs when they divide evenly."""
    if cells <= 0 or not fragments:
        return list(fragments)
    if len(fragments) % cells:
        return list(fragments)
    size = len(fragments) // cells
    out = []
    for index in range(cells):
        text = ""
        for fragment in fragments[index * size : (index + 1) * size]:
            text = join_fragments(text, fragment)
        out.append(text)
    return out
