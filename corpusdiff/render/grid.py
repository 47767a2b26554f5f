"""Plain-text grids that stay aligned with Chinese text: a Han character takes two terminal
columns, everything else one (`text.chars.display_width`)."""

from __future__ import annotations

from collections.abc import Sequence

from corpusdiff.text.chars import display_width, pad

__all__ = ["ELLIPSIS", "pad", "render_grid", "truncate"]

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


def render_grid(header: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 24) -> list[str]:
    """Lines of a left-aligned grid; every cell is cut to `max_width` columns and columns are
    separated by two spaces, so it reads without colour or box drawing."""
    cut_rows = [[truncate(cell, max_width) for cell in row] for row in (header, *rows)]
    widths = [max(display_width(row[col]) for row in cut_rows) for col in range(len(header))]
    lines = []
    for row in cut_rows:
        cells = [pad(cell, width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines
