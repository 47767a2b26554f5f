"""What every extractor (HTML, DOCX, PDF) hands the reader: the plain layout the normaliser
already understands, notes on what was dropped on the way, and the title it found."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    """One paragraph or heading a line, tables as tab-separated rows."""

    text: str
    notes: list[str] = field(default_factory=list)
    #: the title the format marks (an opening h1, a Title-style paragraph), or ""
    title: str = ""
    #: the date a web page gives the report outside its text (YYYY-MM-DD), or ""
    date: str = ""


def lxml_extractor(module: str) -> str:
    """The `extractor` recorded in front matter for a reader built on lxml."""
    import lxml

    return f"corpusdiff.read.{module} (lxml {lxml.__version__})"


def shortened(text: str, limit: int = 30) -> str:
    """The start of a dropped text, as a note quotes it."""
    return text if len(text) <= limit else text[:limit] + "…"


def table_row(cells: list[str]) -> str:
    """A table row in the normaliser's tab layout: cells joined by tabs, a space standing for an
    empty first cell (a line that opens with a tab is no row: under a merged 类别 cell the
    first cell of the next row is empty)."""
    text = "\t".join(cell.replace("\t", " ") for cell in cells)
    return f" {text}" if text.startswith("\t") else text


def spanned_rows(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Rows of (text, columns spanned, rows spanned) cells as a grid: a cell spanning columns is
    followed by empty ones, and one spanning rows leaves an empty cell at its place in each row
    below, so every value stays under its header (Word's merged cells, HTML's colspan/rowspan)."""
    grid: list[list[str]] = []
    below: dict[int, int] = {}  # column -> rows still covered by a cell from above
    for row in rows:
        out: list[str] = []
        cells = iter(row)
        while True:
            column = len(out)
            if below.get(column, 0) > 0:
                below[column] -= 1
                out.append("")
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text, columns, spanned = cell
            for offset in range(max(1, columns)):
                out.append(text if offset == 0 else "")
                if spanned > 1:
                    below[column + offset] = spanned - 1
        for column in [c for c, left in below.items() if c >= len(out) and left > 0]:
            below[column] -= 1  # covered in this short row too
        grid.append(out)
    return grid
