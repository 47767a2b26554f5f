"""Table rows whose cells wrap over lines, or break across a page, put back together."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace

from corpusdiff.read.pdf.lines import _Box, _different_type, _join, _joined, _Line
from corpusdiff.read.pdf.params import (
    _CELL_GAP,
    _CELL_LINE_STEP,
    _CELL_LINES,
    _CELL_TAIL_RE,
    _CENTRED_OFFSET,
    _ROW_PADDING,
    _ROW_REACH,
    _RULE_CLEAR,
    _RULED_REACH,
    _SPACE,
    _WRAPPED_CELL_STEP,
)
from corpusdiff.text import numbering
from corpusdiff.text.chars import display_width


def _rows_with_wrapped_cells(lines: list[_Line], rules: list[_Box], pitch: float | None = None) -> list[_Line]:
    """The page's lines with each table row whole: a cell that wraps onto two lines leaves its
    other line beside the row (above it when the row's cells sit at the bottom, below when at
    the top), and PDFium may give a row's cells on one baseline as lines of their own. Such a
    line goes into the row: on the row's baseline, or closer to it than rows stand to each other
    and starting in one of its columns, or, in a ruled table, inside the row's rules. In a table
    whose rows stand as close as lines of a cell (no cell padding, as Word sets its tables) and
    that has no rules, a row with empty cells looks the same: there only the rest of cells that
    filled their columns goes into the row (`_under_full_cells`). A cell's lines that PDFium
    gives one after another (a cell of three lines centred in its row's height, the rest of a
    cell wrapped) go into the row together (`_cell_lines`). `pitch`: the line grid's step, in a
    document set on one (`_ruled_reach`)."""
    out = _one_cell_rows(_rows_of_cells_apart(lines, rules, pitch), rules, pitch)
    if not any(line.cells for line in out):
        return out
    reach = _wrap_reach(out)
    index = 0
    while index < len(out):
        out, row = _row_taking(out, index, reach, rules, pitch)
        if row is None:
            index += 1
            continue
        out[row] = _merged_row(out[row], out[index])
        del out[index]
        index = max(0, min(index, row) - _ROW_REACH)
    return out


def _rows_of_cells_apart(lines: list[_Line], rules: list[_Box], pitch: float | None) -> list[_Line]:
    """The lines with each row whose every cell wraps made a row: PDFium gives such a row as a
    line for each line of each cell, one cell after another, so no line holds two cells and no
    row was built. Two lines in one type on one baseline, standing apart as cells do, each
    framed by a ruled table's rules (`_framed`), are cells of one row; the other cells on its
    baseline and their wrapped lines then go into it as into any row. Where a row with cells
    stands on their baseline, they are its cells, and go into it as such."""
    out = list(lines)
    index = 0
    while index < len(out):
        near = range(max(0, index - _ROW_REACH - _CELL_LINES), min(len(out), index + _ROW_REACH + _CELL_LINES + 1))
        beside = next((n for n in near if n > index and _cells_apart(out[index], out[n], rules, pitch)), None)
        if beside is None or any(_row_on_baseline(out[n], out[index]) for n in near):
            index += 1
            continue
        first, second = sorted((out[index], out[beside]), key=lambda line: line.left)
        out[index] = replace(
            first,
            text=f"{first.text.rstrip()}\t{second.text}",
            right=second.right,
            cells=(first.left, second.left),
            ends=(first.right, second.right),
        )
        del out[beside]
    return out


def _one_cell_rows(lines: list[_Line], rules: list[_Box], pitch: float | None) -> list[_Line]:
    """The lines with each row of one cell that wraps (`一、预期性` / `指标`, a group's label
    across the table) made one line: lines of no cells, each in line with the one before, with
    a rule right over the first, one right under the last and none between, beside no row, in
    a table (a row near them); each read as a paragraph of its own, and the row ended the table."""
    out = list(lines)
    for index in range(len(out)):
        count = _one_cell_lines(out, index, rules, pitch)
        if count > 1:
            out[index : index + count] = [_stacked(out[index : index + count])]
    return out


def _one_cell_lines(lines: list[_Line], index: int, rules: list[_Box], pitch: float | None) -> int:
    """How many lines from `index` on make a row of one cell wrapped (`_one_cell_rows`), 1 when none."""
    if index >= len(lines) or lines[index].cells or not _ruled_over(lines[index], rules, pitch):
        return 1
    end = index + 1
    while end < min(len(lines), index + _CELL_LINES) and _next_line_of_one_cell(lines[end - 1], lines[end], rules, pitch):
        end += 1
    near = lines[max(0, index - _ROW_REACH - _CELL_LINES) : end + _ROW_REACH + _CELL_LINES]
    run = lines[index:end]
    if (
        len(run) < 2
        or not _ruled_under(run[-1], rules, pitch)
        or not any(line.cells for line in near)
        or any(_row_on_baseline(row, line) for row in near for line in run)
    ):
        return 1
    return len(run)


def _next_line_of_one_cell(upper: _Line, lower: _Line, rules: list[_Box], pitch: float | None) -> bool:
    return (
        not lower.cells
        and not _different_type(upper, lower)
        and 0 < upper.baseline - lower.baseline < _ruled_reach(lower, pitch)
        and _aligned_cell([(upper.left, upper.right)], (lower.left, lower.right), lower.size) is not None
        and not _rule_across(rules, lower, lower.baseline, upper.baseline)
        and numbering.parse_marker(lower.text.strip()) is None
    )


def _ruled_over(line: _Line, rules: list[_Box], pitch: float | None) -> bool:
    """Whether a rule runs right over `line`, as over a ruled table's row."""
    return _rule_across(rules, line, line.baseline + _RULE_CLEAR * line.size, line.baseline + _ruled_reach(line, pitch))


def _ruled_under(line: _Line, rules: list[_Box], pitch: float | None) -> bool:
    """Whether a rule runs right under `line`, as under a ruled table's row."""
    return _rule_across(rules, line, line.baseline - _ruled_reach(line, pitch), line.baseline)


def _row_on_baseline(row: _Line, line: _Line) -> bool:
    return bool(row.cells) and abs(row.baseline - line.baseline) < line.size / 4


def _cells_apart(a: _Line, b: _Line, rules: list[_Box], pitch: float | None) -> bool:
    """Whether `a` and `b`, neither a row, are two cells of one ruled row (`_rows_of_cells_apart`)."""
    return (
        not a.cells
        and not b.cells
        and not _different_type(a, b)
        and abs(a.baseline - b.baseline) < a.size / 4
        and max(b.left - a.right, a.left - b.right) >= _CELL_GAP * a.size
        and _framed(a, rules, pitch)
        and _framed(b, rules, pitch)
    )


def _framed(line: _Line, rules: list[_Box], pitch: float | None) -> bool:
    """Whether a rule runs right over `line` and another under it within a cell's lines, as a
    ruled table's rules frame a row's first line."""
    reach = _ruled_reach(line, pitch)
    return _rule_across(
        rules, line, line.baseline + _RULE_CLEAR * line.size, line.baseline + reach
    ) and _rule_across(rules, line, line.baseline - reach * _CELL_LINES, line.baseline)


def _rows_over_pages(
    pages: list[list[_Line]], rules: list[list[_Box]] | None = None, pitch: float | None = None
) -> list[list[_Line]]:
    """The pages' lines with a table row that a page break cuts whole again: a word processor
    lets a row break across pages (Word's and LibreOffice's default), so the rest of its wrapped
    cells opens the next page, over the next row, where it read as a row of its own (`业率`
    under `7.城镇居民登记失`). The lines opening a page that are the rest of the cells of the row
    ending the page before (`_rest_of_cells`) go into it, up to a line with a rule right over it
    (the next row: the first line has the rule LibreOffice draws at the break); the rests of
    several cells side by side only as that first line, in a ruled table (elsewhere a next row
    with a cell fewer, one merged down, looks the same); so does the rest
    of a row of one cell (`二、约束性` / `指标`) ending a page framed by the table's rules
    (`_one_cell_row_ending`)."""
    out = [list(lines) for lines in pages]
    page_rules = rules or [[] for _ in pages]
    for (before, lines), (ruled, next_ruled) in zip(itertools.pairwise(out), itertools.pairwise(page_rules), strict=True):
        if not before or not (before[-1].cells or _one_cell_row_ending(before, ruled, pitch)):
            continue
        row, taken = before[-1], 0
        while (
            taken < len(lines)
            and _rest_of_cells(row, lines[taken])
            and (not lines[taken].cells or (not taken and _ruled_over(lines[taken], next_ruled, pitch)))
            and not (taken and _ruled_over(lines[taken], next_ruled, pitch))  # a row of its own
        ):
            row = _cell_continued(row, lines[taken])
            taken += 1
        before[-1] = row
        del lines[:taken]
    return out


def _one_cell_row_ending(lines: list[_Line], rules: list[_Box], pitch: float | None) -> bool:
    """Whether the page `lines` ends with a table's row of one cell: a line of no cells after a
    row, with a rule right over it and one right under it."""
    last = lines[-1]
    return (
        not last.cells
        and any(line.cells for line in lines[-_ROW_REACH - _CELL_LINES - 1 : -1])
        and _ruled_over(last, rules, pitch)
        and _ruled_under(last, rules, pitch)
    )


def _rest_of_cells(row: _Line, line: _Line) -> bool:
    """Whether `line` may be the rest of cells of `row`: fewer cells than the row (the rest of
    one cell, or of several side by side), or none when the row has one, in the row's type,
    opening with no numbering marker, and each in line with one of its cells, ending before the
    next (`_in_columns`): a paragraph after the table runs across the columns."""
    return (
        (len(line.cells) < len(row.cells) or not line.cells)
        and not _different_type(row, line)
        and numbering.parse_marker(line.text.strip()) is None
        and _in_columns(row, line)
    )


def _cell_continued(row: _Line, line: _Line) -> _Line:
    """The row with the text of each of `line`'s cells after the text of the cell it stands in
    line with."""
    spans = _spans(row)
    texts = row.text.rstrip().split("\t")
    texts += [""] * (len(spans) - len(texts))
    for span, text in zip(_spans(line), line.text.rstrip().split("\t"), strict=False):
        aligned = _aligned_cell(spans, span, line.size)
        column = aligned[0] if aligned else 0
        texts[column] = _join(texts[column], text)
    return replace(row, text="\t".join(texts))


def _row_taking(
    lines: list[_Line], index: int, reach: float | None, rules: list[_Box], pitch: float | None = None
) -> tuple[list[_Line], int | None]:
    """The row that `lines[index]` goes into, if any, with the lines as they then stand: the
    lines of one wrapped cell from `index` on joined into one (which a row takes whole: the
    middle line of a cell of three, centred in its row's height, stands on the row's baseline,
    its first and last a line above and below, where they looked like the rows around), else
    as they were."""
    count = _cell_lines(lines, index)
    if count > 1:
        joined = [*lines[:index], _stacked(lines[index : index + count]), *lines[index + count :]]
        row = _row_of(joined, index, reach, rules, pitch)
        if row is not None:
            return joined, row
    return lines, _row_of(lines, index, reach, rules, pitch)


def _cell_lines(lines: list[_Line], index: int) -> int:
    """How many lines from `index` on may be the lines of one table cell wrapped: lines of no
    cells, one line's step apart, each in line with the one before (starting where it starts,
    or centred under it), none after the first opening with a numbering marker, and each but
    the last about as wide as the widest (a cell fills a line before it wraps). 1 when none."""
    end = index + 1
    while end < min(len(lines), index + _CELL_LINES) and _next_cell_line(lines[end - 1], lines[end]):
        end += 1
    run = lines[index:end]
    widest = max(line.right - line.left for line in run)
    for count, line in enumerate(run[:-1], 1):
        if line.right - line.left < widest - (_CELL_GAP + 1) * line.size:
            return count
    return len(run)


def _next_cell_line(upper: _Line, lower: _Line) -> bool:
    step = upper.baseline - lower.baseline
    return (
        not upper.cells
        and not lower.cells
        and not _different_type(upper, lower)
        and 0 < step < _CELL_LINE_STEP * lower.size
        and _aligned_cell([(upper.left, upper.right)], (lower.left, lower.right), lower.size) is not None
        and numbering.parse_marker(lower.text.strip()) is None
    )


def _stacked(lines: list[_Line]) -> _Line:
    """The lines of one cell as one line reaching down to the last (see _Line.depth)."""
    first = lines[0]
    return replace(
        first,
        text=_joined(lines),
        left=min(line.left for line in lines),
        right=max(line.right for line in lines),
        depth=first.baseline - lines[-1].baseline,
    )


def _spans(line: _Line) -> list[tuple[float, float]]:
    """Where each cell of the line starts and ends (the whole line when it is no row)."""
    if line.cells and len(line.ends) == len(line.cells):
        return list(zip(line.cells, line.ends, strict=True))
    return [(line.left, line.right)]


def _aligned_cell(
    spans: list[tuple[float, float]], span: tuple[float, float], size: float
) -> tuple[int, bool] | None:
    """Which of the cells `spans` the cell `span` stands in line with, and whether by its centre:
    starting where it starts (cells set flush left), else centred on its centre (cells centred
    in their columns, as government tables often are: a centred cell's wrapped line starts
    further right than its first). None when it stands in line with none."""
    for column, (start, _) in enumerate(spans):
        if abs(start - span[0]) < size / 2:
            return column, False
    centre = (span[0] + span[1]) / 2
    for column, (start, end) in enumerate(spans):
        if abs((start + end) / 2 - centre) < size / 2:
            return column, True
    return None


def _wrap_reach(lines: list[_Line]) -> float | None:
    """How close to a row a line must stand to be a line of its cells wrapped: halfway between
    the steps from one line of text to the next within the table's height, the lines of a cell
    (the closest step that recurs) and the rows (the next); below a row's step when all are
    alike (no cell wraps, or no padding tells them apart)."""
    rows = [line.baseline for line in lines if line.cells]
    if not rows:
        return None
    levels = sorted(
        {round(line.baseline * 2) / 2 for line in lines if min(rows) <= line.baseline <= max(rows)}, reverse=True
    )
    steps = Counter(upper - lower for upper, lower in itertools.pairwise(levels))
    recurring = sorted(step for step, count in steps.items() if count >= 2)
    if not recurring:
        return None
    wider = [step for step in recurring if step > recurring[0] * _ROW_PADDING]
    return (recurring[0] + wider[0]) / 2 if wider else recurring[0] * _WRAPPED_CELL_STEP


def _row_of(
    lines: list[_Line], index: int, reach: float | None, rules: list[_Box], pitch: float | None = None
) -> int | None:
    """The row near `lines[index]` that the line is part of: a line on the row's baseline (not
    a row itself, or its cells beside the row's: PDFium gives a row apart where a cell in it
    wraps), or a line of wrapped cells, each of them starting in one of the row's columns,
    closer to the row than rows stand or ruled in with it. Rows are looked for as many lines
    away in PDFium's order as beside a line (`_row_beside`): it gives a row's cells one after
    another, and a cell's lines may stand that far from the row's line of figures."""
    line = lines[index]
    beside = _row_beside(lines, index, rules)
    if beside is not None:
        return beside
    near = range(max(0, index - _ROW_REACH - _CELL_LINES), min(len(lines), index + _ROW_REACH + _CELL_LINES + 1))
    rows = [n for n in near if n != index and lines[n].cells and not _different_type(lines[n], line)]
    table_right = max((lines[n].right for n in rows), default=line.right)
    wrapped = [
        n
        for n in rows
        if (
            _wraps_into(lines[n], line, reach, rules, pitch)
            or _under_full_cells(lines[n], line, table_right, lines)
        )
        and _in_columns(lines[n], line)
    ]
    return min(wrapped, key=lambda n: _vertical_distance(lines[n], line), default=None)


def _row_beside(lines: list[_Line], index: int, rules: list[_Box]) -> int | None:
    """The row on `lines[index]`'s baseline that it stands beside: PDFium gives a row apart where
    a cell in it wraps, the wrapped cell's lines first, so the rest of the row comes as many
    lines later as that cell has (up to _CELL_LINES, and _ROW_REACH more). Or the row it stands
    beside within half a line (`_centred_beside`)."""
    line = lines[index]
    reach = _ROW_REACH + _CELL_LINES
    near = [
        n
        for n in range(max(0, index - reach), min(len(lines), index + reach + 1))
        if n != index and lines[n].cells and not _different_type(lines[n], line)
    ]
    for n in near:
        row = lines[n]
        apart = not line.cells or line.left > row.right or line.right < row.left
        if apart and abs(row.baseline - line.baseline) < line.size / 4:
            return n
    return next((n for n in near if _centred_beside(lines[n], line, rules)), None)



def _centred_beside(row: _Line, line: _Line, rules: list[_Box]) -> bool:
    """Whether `line` holds cells of `row` set centred in the row's height (Word's 垂直居中, as
    government tables are often set): within _CENTRED_OFFSET ems of the row's lines, no rule
    between them, each of its cells either in a column of the row (the rest of a cell wrapped
    there) or clear of all of the row's cells (beside them, or in the gap of a column the row
    leaves empty on its baseline: a cell of three lines centred in the row's height stands
    there), and one of them clear."""
    if _band_distance(row, line) >= _CENTRED_OFFSET * line.size or _rule_between(row, line, rules):
        return False
    spans = _spans(row)
    in_column = [_aligned_cell(spans, span, line.size) is not None for span in _spans(line)]
    clear = [all(span[1] <= start or span[0] >= stop for start, stop in spans) for span in _spans(line)]
    return all(known or free for known, free in zip(in_column, clear, strict=True)) and not all(in_column)


def _band_distance(row: _Line, line: _Line) -> float:
    """How far apart the heights the two lines' text stands at are (0 where they overlap)."""
    return max(0.0, line.baseline - line.depth - row.baseline, row.baseline - row.depth - line.baseline)


def _under_full_cells(row: _Line, line: _Line, table_right: float, lines: list[_Line]) -> bool:
    """Whether `line` is the rest of cells that filled their columns in `row`, right above it, in
    a table whose rows stand as close as a cell's lines and that has no rules (a borderless Word
    table): it holds fewer cells than the row and opens with no numbering marker, each cell under a
    cell of the row that ran up to the next column (or the right edge of the rows around,
    `table_right`), or centred under a cell about as wide as the widest text centred in its
    column (`_fills_column`), as a cell wraps, or a cell's tail no row opens with
    (`_CELL_TAIL_RE`); a row of its own has its values beside them."""
    step = row.baseline - row.depth - line.baseline
    if not 0 < step < _CELL_LINE_STEP * line.size or len(line.cells or (line.left,)) >= len(row.cells):
        return False
    if numbering.parse_marker(line.text.strip()) is not None:  # `二、约束性指标`: a row of its own
        return False
    texts = row.text.split("\t")
    if len(texts) != len(row.cells):
        return False
    spans = _spans(row)
    ends = [*row.cells[1:], table_right + _CELL_GAP * row.size]
    for span, text in zip(_spans(line), line.text.split("\t"), strict=False):
        aligned = _aligned_cell(spans, span, row.size)
        if aligned is not None and aligned[1]:
            full = _fills_column(spans[aligned[0]], lines, row.size)
        else:
            column = min(range(len(row.cells)), key=lambda k: abs(row.cells[k] - span[0]))
            width = display_width(texts[column].strip()) * row.size / 2  # an em a Han character
            full = row.cells[column] + width >= ends[column] - (_CELL_GAP + 1) * row.size
        if not (full or _CELL_TAIL_RE.fullmatch(text.strip())):
            return False
    return True


def _fills_column(cell: tuple[float, float], lines: list[_Line], size: float) -> bool:
    """Whether a cell centred in its column fills it: it is about as wide as the widest cell of
    the rows centred with it (where a centred cell wraps, its first line is the widest)."""
    centre = (cell[0] + cell[1]) / 2
    widest = max(
        (
            end - start
            for line in lines
            if line.cells
            for start, end in _spans(line)
            if abs((start + end) / 2 - centre) < size / 2
        ),
        default=cell[1] - cell[0],
    )
    return cell[1] - cell[0] >= widest - (_CELL_GAP + 1) * size



def _in_columns(row: _Line, line: _Line) -> bool:
    """Whether each cell of `line` stands in line with a cell of the row (starts where it starts,
    or is centred under it), and ends before the row's next cell: a line running across the
    columns is text, not a cell's."""
    spans = _spans(row)
    for span in _spans(line):
        aligned = _aligned_cell(spans, span, line.size)
        if aligned is None:
            return False
        later = [start for start, _ in spans[aligned[0] + 1 :]]
        if later and span[1] >= later[0] - line.size / 2:
            return False
    return True


def _wraps_into(row: _Line, line: _Line, reach: float | None, rules: list[_Box], pitch: float | None = None) -> bool:
    """Whether `line`, above or below `row`, may be a line of its cells: no rule runs between
    them, and it stands closer than rows stand to each other or within the rules around the row."""
    if abs(line.baseline - row.baseline) < line.size / 4 or _rule_between(row, line, rules):
        return False
    distance = _vertical_distance(row, line)
    return (reach is not None and distance < reach) or _ruled_in(row, line, rules, pitch)


def _rule_between(row: _Line, line: _Line, rules: list[_Box]) -> bool:
    if line.baseline > row.baseline:
        return _rule_across(rules, line, row.baseline, line.baseline)
    return _rule_across(rules, line, line.baseline, row.baseline - row.depth)


def _ruled_in(row: _Line, line: _Line, rules: list[_Box], pitch: float | None = None) -> bool:
    """Whether `line` stands within the rules that frame `row` (a ruled table whose rows stand
    as close as a cell's lines): next to the row (`_ruled_reach`), with a rule right over the
    row's top line and one under `line` (further down when the cell wraps onto more lines), and
    fewer cells than the row (in a table ruled only at its head and foot, each row fills the
    cells of the rows before it)."""
    top, bottom = max(row.baseline, line.baseline), min(row.baseline - row.depth, line.baseline)
    reach = _ruled_reach(line, pitch)
    return (
        _vertical_distance(row, line) < reach
        and len(line.cells) < len(row.cells)
        and _rule_across(rules, line, top + _RULE_CLEAR * line.size, top + reach)
        and _rule_across(rules, line, bottom - reach * _CELL_LINES, bottom)
    )


def _ruled_reach(line: _Line, pitch: float | None) -> float:
    """How far from a row, baseline to baseline, a line of its cells stands at most: two ems of
    its type, or on a line grid (Word's 文档网格, `pitch` its step) one of the grid's lines and
    half an em, as every line of any type size there takes a line of the grid: a 12 pt cell's
    next line stands 29 pt under its first, further than two ems, and never rejoined its row."""
    ems = _RULED_REACH * line.size
    return ems if pitch is None else max(ems, pitch + _SPACE * line.size)


def _rule_across(rules: list[_Box], line: _Line, low: float, high: float) -> bool:
    """Whether a rule runs under `line`'s text somewhere between the heights `low` and `high`."""
    return any(low < rule.bottom < high and rule.left < line.right and rule.right > line.left for rule in rules)


def _vertical_distance(row: _Line, line: _Line) -> float:
    """How far `line` is set above the row's first line or below its last."""
    if line.baseline > row.baseline:
        return line.baseline - row.baseline
    return max(0.0, row.baseline - row.depth - line.baseline)


def _merged_row(row: _Line, part: _Line) -> _Line:
    """The row with `part` in it: cells on the row's baseline take their place among its cells;
    a wrapped line's text goes before (above) or after (below) the text of the cell it stands in
    line with (or the nearest)."""
    cells = dict(zip(row.cells, row.text.rstrip().split("\t"), strict=False))
    ends = dict(_spans(row))
    same_line = abs(row.baseline - part.baseline) < part.size / 4 or (
        _band_distance(row, part) < _CENTRED_OFFSET * part.size
    )
    for span, text in zip(_spans(part), part.text.rstrip().split("\t"), strict=False):
        aligned = _aligned_cell(list(ends.items()), span, part.size)
        if aligned is None and same_line:
            cells[span[0]], ends[span[0]] = text, span[1]
            continue
        column = list(ends)[aligned[0]] if aligned else min(cells, key=lambda start: abs(start - span[0]))
        above = part.baseline > row.baseline
        joined = _join(text, cells.pop(column)) if above else _join(cells.pop(column), text)
        start = min(column, span[0])  # the cell reaches as far as its widest line
        cells[start], ends[start] = joined, max(ends.pop(column), span[1])
    starts = sorted(cells)
    top, bottom = max(row.baseline, part.baseline), min(row.baseline - row.depth, part.baseline - part.depth)
    return replace(
        row,
        text="\t".join(cells[x] for x in starts),
        left=min(row.left, part.left),
        right=max(row.right, part.right),
        baseline=top,
        depth=top - bottom,
        cells=tuple(starts),
        ends=tuple(ends[x] for x in starts),
    )
