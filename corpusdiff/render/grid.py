"""Plain-text grids that stay aligned with Chinese text: a Han character takes two terminal
columns, everything else one (`text.chars.display_width`)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from corpusdiff.text.chars import display_width, pad

__all__ = ["ELLIPSIS", "fold", "pad", "render_grid", "truncate"]

ELLIPSIS = "…"


def truncate(text: str, width: int) -> str:
    """`text` cut to at most `width` columns, marked with … when cut."""
    if display_width(text) <= width:
        return text
    out, used = [], display_width(ELLIPSIS)
    for ch in text:
        used += display_width(ch)
        if used > width:
            break
        out.append(ch)
    return "".join(out) + ELLIPSIS


def render_grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    max_width: int = 24,
    fit: int = 0,
    keep: int = 1,
    restated: Sequence[Sequence[str]] = (),
    whole_last: bool = False,
) -> list[str]:
    """Lines of a left-aligned grid; every cell is cut to `max_width` columns (but the last
    column's when `whole_last`: notes, whose end says what a reader looks for) and columns are
    separated by two spaces, so it reads without colour or box drawing. A grid wider than
    `fit` columns is folded (`fold`) under its first `keep` columns, a block's first column
    taking its cells from `restated` (rows without the header) when given."""
    cut_rows = [_cut(row, max_width, whole_last) for row in (header, *rows)]
    cut_restated = [_cut(row, max_width, whole_last) for row in (header, *restated)] if restated else []
    return fold(cut_rows, fit, keep, restated=cut_restated)


def _cut(row: Sequence[str], width: int, whole_last: bool) -> list[str]:
    cut = [truncate(cell, width) for cell in row]
    return [*cut[:-1], row[-1]] if whole_last and row else cut


def fold(
    rows: Sequence[Sequence[str]],
    fit: int = 0,
    keep: int = 1,
    keep_last: int = 0,
    together: Sequence[object] = (),
    restated: Sequence[Sequence[str]] = (),
) -> list[str]:
    """Lines of the grid `rows` (cells padded to their column's width, two spaces apart). When a
    line would be wider than `fit` terminal columns (0: never), the columns between the first
    `keep` and the last `keep_last` are cut into blocks, one under the other with a blank line
    between them, each beside the kept columns: a grid of ten editions or more stays readable
    in a terminal instead of wrapping every row into stripes. Neighbouring columns with the same
    key in `together` (one per column) stay in one block: an edition's result and target. A
    block after the first takes its first column's cells from `restated` (a grid of the same
    shape) when given: a cell that says "as in the column before" (the timeline's ●) would point
    into another block."""
    widths = _widths(rows)
    if restated and not _fits(widths, fit):
        widths = _widths([*rows, *restated])
    kept = [*range(keep), *range(len(widths) - keep_last, len(widths))]
    keys = list(together) or list(range(len(widths)))
    blocks = _blocks(widths, kept, fit, keys)
    lines: list[str] = []
    for block in blocks:
        first = block[0] if lines and restated else None
        lines += [""] if lines else []
        columns = [*kept[:keep], *block, *kept[keep:]]
        lines += [
            "  ".join(pad((restated if col == first else rows)[n][col], widths[col]) for col in columns).rstrip()
            for n in range(len(rows))
        ]
    return lines


def _widths(rows: Sequence[Sequence[str]]) -> list[int]:
    return [max(display_width(row[col]) for row in rows) for col in range(len(rows[0]))]


def _fits(widths: Sequence[int], fit: int) -> bool:
    """Whether a line of columns this wide, two spaces apart, needs no folding."""
    return not fit or sum(widths) + 2 * (len(widths) - 1) <= fit


def _blocks(widths: Sequence[int], kept: Sequence[int], fit: int, keys: Sequence[object]) -> list[list[int]]:
    """The folded columns cut into runs that fit beside the kept ones, a run of columns with
    one key never cut; each block holds one such run at least, however narrow `fit` is."""
    folded = [col for col in range(len(widths)) if col not in kept]
    if _fits(widths, fit):
        return [folded]
    room = fit - sum(widths[col] + 2 for col in kept)
    blocks: list[list[int]] = [[]]
    used = 0
    for _, run in groupby(folded, key=lambda col: keys[col]):
        columns = list(run)
        size = sum(widths[col] + 2 for col in columns) - 2
        if blocks[-1] and used + size > room:
            blocks.append([])
            used = 0
        blocks[-1] += columns
        used += size + 2
    return blocks
