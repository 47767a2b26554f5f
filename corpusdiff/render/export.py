"""The 新旧对照表 (render/table.py) as a file to hand in: CSV, a Word table, an Excel sheet.

Each writer lays out the same rows and returns the file's bytes or text; the command line
writes them (no I/O here). python-docx and openpyxl are imported only when their format is
asked for, so the other commands never load them.

Word: landscape A4, a real table (序号 | 旧 | 新 | 修改说明) whose header row repeats on every
page, headings as shaded bold rows, deleted words struck through in the
old column and inserted words bold and underlined in the new one. Excel: one sheet with the
header frozen, text wrapped, column widths set, a filter on every column, the same marks as
rich text, and the header repeated when printed. CSV: the same columns as Excel, plain text.

Report text is untrusted input: a cell is never a formula. Excel cells are typed as text;
in CSV, which Excel reads as formulas too, a cell that starts like one (= + - @) gets a
leading apostrophe, Excel's mark for literal text. Word and Excel files are XML, which cannot
hold every character a document may (a control character, U+FFFE): such a character is written
as its visible stand-in, never dropped, never a crash.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import re
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from corpusdiff.render.diff import edition_name
from corpusdiff.render.table import ComparisonTable, Entry, Mark, Row, SectionRow, UnitRow
from corpusdiff.strings import Strings, catalogue
from corpusdiff.text.chars import CONTROLS_RE, control_picture
from corpusdiff.text.spreadsheet import inert
from corpusdiff.types.document import Metadata

if TYPE_CHECKING:
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

TITLE = "新旧对照表"
#: The class column of a heading row in CSV and Excel, so a filter on the column can hide them.
HEADING = "标题"
WORD_WIDTHS_CM = (1.3, 10.9, 10.9, 4.6)  # 序号, 旧, 新, 修改说明: the 27.7 cm of landscape A4 less margins
EXCEL_WIDTHS = (6, 28, 60, 60, 10, 40, 30, 30)  # in characters of the default font
FONT = "宋体"


def columns(table: ComparisonTable, strings: Strings) -> tuple[str, ...]:
    """The CSV and Excel header: number, section, old, new, class, note, the two addresses."""
    old, new = _side_titles(table, strings)
    return (
        strings("duizhao.number"),
        strings("report.table.section"),
        old,
        new,
        strings("report.table.class"),
        strings("duizhao.explain"),
        strings("report.table.old_address"),
        strings("report.table.new_address"),
    )


def _side_titles(table: ComparisonTable, strings: Strings) -> tuple[str, str]:
    return (
        strings("duizhao.old", date=_when(table.old, strings)),
        strings("duizhao.new", date=_when(table.new, strings)),
    )


def _when(meta: Metadata, strings: Strings) -> str:
    return strings.date(meta.date) or meta.id


def _record(row: Row, cell: Callable[[Sequence[Entry]], object]) -> tuple[object, ...]:
    """One row in `columns` order, its unit cells made by `cell`."""
    if isinstance(row, SectionRow):
        return ("", "", row.old, row.new, HEADING, row.note, "", "")
    return (
        row.number,
        row.section,
        cell(row.old),
        cell(row.new),
        row.change,
        row.note,
        "\n".join(e.address for e in row.old),
        "\n".join(e.address for e in row.new),
    )


def _joined(entries: Sequence[Entry]) -> str:
    return "\n".join(entry.text for entry in entries)


def to_csv(table: ComparisonTable, strings: Strings | None = None) -> str:
    """Comma-separated, a header line first (in the language of `strings`, default Chinese);
    a cell with several units has one per line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(map(inert, columns(table, strings or catalogue())))
    writer.writerows(tuple(map(inert, _record(row, _joined))) for row in table.rows)
    return buffer.getvalue()


# --- XML: Word and Excel ----------------------------------------------------------------

#: Characters XML 1.0 cannot hold (lxml and openpyxl refuse them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_T = TypeVar("_T")


def _xml_char(match: re.Match[str]) -> str:
    """A control character as its control picture (`␋` for a vertical tab), so the reader
    still sees which; anything else as the replacement character."""
    return control_picture(match) if CONTROLS_RE.fullmatch(match.group()) else "\ufffd"


def xml_safe(value: _T) -> _T:
    """`value` (a table, its rows, their texts) with every string XML can hold."""
    if isinstance(value, str) and not isinstance(value, Enum):
        return _NOT_XML.sub(_xml_char, value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(xml_safe(item) for item in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)  # type: ignore[type-var]
    return value


# --- Word ---------------------------------------------------------------------------------


def to_docx(table: ComparisonTable, strings: Strings | None = None) -> bytes:
    """A Word document holding the table, titled with both editions."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.0)
    section.top_margin = section.bottom_margin = Cm(1.8)
    _east_asian_font(document.styles["Normal"], FONT, Pt(10.5))
    strings, table = strings or catalogue(), xml_safe(table)
    document.add_heading(strings("duizhao.title"), level=1)
    old_title, new_title = _side_titles(table, strings)
    for key, meta in (("report.table.old_title", table.old), ("report.table.new_title", table.new)):
        document.add_paragraph(strings(key, title=edition_name(meta), date=_when(meta, strings)))
    if table.scope:
        document.add_paragraph(strings("report.scope", text=table.scope))
    grid = document.add_table(rows=1, cols=4)
    grid.style = "Table Grid"
    grid.autofit = False
    for column, width in zip(grid.columns, WORD_WIDTHS_CM, strict=True):
        column.width = Cm(width)
    header = grid.rows[0]
    _repeat_as_header(header)
    _sized(header.cells)
    titles = (strings("duizhao.number"), old_title, new_title, strings("duizhao.explain"))
    for cell, text in zip(header.cells, titles, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    blank = _blank_row(grid)
    for row in table.rows:
        cells = _row_like(grid, blank)
        if isinstance(row, SectionRow):
            _heading_row(cells, row)
        else:
            _unit_row(cells, row)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _blank_row(grid: Table) -> Any:
    """An empty row of the table's widths (`<w:tr>`), to copy for every row."""
    row = grid.add_row()
    _sized(row.cells)
    grid._tbl.remove(row._tr)
    return row._tr


def _row_like(grid: Table, blank: Any) -> Sequence[_Cell]:
    """The cells of a new last row, a copy of the `blank` row: what `add_row` and `_sized` make,
    without python-docx looking up the grid and setting each width again for every row (a
    Word file of a long report holds hundreds of rows)."""
    from docx.table import _Row

    tr = copy.deepcopy(blank)
    grid._tbl.append(tr)
    return _Row(tr, grid).cells


def _sized(cells: Sequence[_Cell]) -> Sequence[_Cell]:
    """The cells given their columns' widths (Word reads a cell's own width, and a merged
    cell's is the sum of those it took in)."""
    from docx.shared import Cm

    for cell, width in zip(cells, WORD_WIDTHS_CM, strict=True):
        cell.width = Cm(width)
    return cells


def _unit_row(cells: Sequence[_Cell], row: UnitRow) -> None:
    cells[0].text = str(row.number)
    for cell, entries in ((cells[1], row.old), (cells[2], row.new)):
        for n, entry in enumerate(entries):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            if entry.label:
                _add_run(paragraph, entry.label)
            for span in entry.spans:
                run = _add_run(paragraph, span.text)
                if span.mark is Mark.DELETED:
                    run.font.strike = True
                elif span.mark is Mark.INSERTED:
                    run.bold = run.underline = True
    cells[3].text = row.note


#: What python-docx writes as elements of their own in a run (a tab, a line break).
_RUN_BREAKS = frozenset("\t\r\n")


def _add_run(paragraph: Paragraph, text: str) -> Run:
    """`paragraph.add_run(text)`: text without tabs or line breaks goes into the run's one
    `<w:t>` at once, where python-docx would look at it character by character."""
    if not text or not _RUN_BREAKS.isdisjoint(text):
        return paragraph.add_run(text)
    run = paragraph.add_run()
    run._r.add_t(text)
    return run


def _heading_row(cells: Sequence[_Cell], row: SectionRow) -> None:
    """A heading as one bold, shaded row: one merged cell when both editions word it alike or
    only one has it, else old and new side by side with the note."""
    if row.old == row.new or not (row.old and row.new):
        merged = cells[0].merge(cells[-1])
        text = row.new or row.old
        merged.paragraphs[0].add_run(text + (f"（{row.note}）" if row.note else "")).bold = True
        _shade(merged)
        return
    for cell, text in zip(cells, ("", row.old, row.new, row.note), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        _shade(cell)


def _east_asian_font(style: object, name: str, size: object) -> None:
    """Word takes the font of Chinese text from `w:eastAsia`, which python-docx's `font.name`
    does not set; Latin letters and digits keep the theme's font."""
    from docx.oxml.ns import qn

    style.font.size = size  # type: ignore[attr-defined]
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)  # type: ignore[attr-defined]


def _repeat_as_header(row: object) -> None:
    """Mark the row as the table's header, which Word repeats at the top of every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)  # type: ignore[attr-defined]


def _shade(cell: _Cell) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "E7E6E6")
    cell._tc.get_or_add_tcPr().append(shading)


# --- Excel --------------------------------------------------------------------------------


def to_xlsx(table: ComparisonTable, strings: Strings | None = None) -> bytes:
    """An Excel workbook of one sheet, 新旧对照表 (its header in the language of `strings`)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TITLE
    _fill(sheet, xml_safe(table), strings or catalogue())
    _lay_out(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill(sheet: Any, table: ComparisonTable, strings: Strings) -> None:
    """The header and the rows, every cell text (never a formula), headings bold and shaded."""
    from openpyxl.styles import Font, PatternFill

    sheet.append(columns(table, strings))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        for record in _within_cell_limit(_record(row, _rich), strings):
            sheet.append(record)
            for cell in sheet[sheet.max_row]:
                if cell.data_type == "f":  # openpyxl takes text starting with = for a formula
                    cell.data_type = "s"
                if isinstance(row, SectionRow):
                    cell.font = Font(bold=True)
                    cell.fill = PatternFill("solid", fgColor="E7E6E6")


#: The characters an Excel cell holds (UTF-16 code units). openpyxl cuts a longer string there
#: without a word and writes longer rich text whole, which Excel "repairs" by dropping it: a
#: report extracted as one paragraph (a bad PDF) is a cell of 50,000 characters or more.
EXCEL_CELL_LIMIT = 32_767
#: Columns a continuation row repeats, so that sorting or filtering on them keeps it with its
#: row: 序号, 章节, 类别. The 修改说明 column (5) says it is one.
_REPEATED_COLUMNS = (0, 1, 4)
_NOTE_COLUMN = 5


def _within_cell_limit(record: tuple[object, ...], strings: Strings) -> list[tuple[object, ...]]:
    """`record`, or when a cell is longer than Excel holds, that row and continuation rows
    under it: the long cells cut into pieces (each but the last marked as continued), nothing
    dropped."""
    mark = strings("duizhao.continues")
    pieces = [_cell_pieces(value, EXCEL_CELL_LIMIT - _utf16_length(mark)) for value in record]
    count = max(len(cut) for cut in pieces)
    if count == 1:
        return [record]
    rows = []
    for n in range(count):
        cells: list[object] = []
        for column, (value, cut) in enumerate(zip(record, pieces, strict=True)):
            if len(cut) > 1:
                cells.append(_continued(cut[n], mark) if n < len(cut) - 1 else cut[n] if n < len(cut) else "")
            elif n == 0 or column in _REPEATED_COLUMNS:
                cells.append(value)
            elif column == _NOTE_COLUMN:
                cells.append(strings("duizhao.continued", limit=EXCEL_CELL_LIMIT))
            else:
                cells.append("")
        rows.append(tuple(cells))
    return rows


def _cell_pieces(value: object, budget: int) -> list[object]:
    """A cell's value (text or rich text) in pieces of at most `budget` characters, cut at the
    end of a line or sentence near the limit when there is one; [value] when it fits."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    if not isinstance(value, str | CellRichText):
        return [value]
    parts = [(part.font, part.text) if isinstance(part, TextBlock) else (None, part) for part in value]
    text = "".join(part for _, part in parts)
    if _utf16_length(text) <= budget:
        return [value]
    pieces: list[object] = []
    start = 0
    for end in [*_cuts(text, budget), len(text)]:
        sliced = _slice_parts(parts, start, end)
        if isinstance(value, CellRichText):
            pieces.append(
                CellRichText(*[TextBlock(font, t) if font is not None else t for font, t in sliced])
            )
        else:
            pieces.append("".join(t for _, t in sliced))
        start = end
    return pieces


def _cuts(text: str, budget: int) -> list[int]:
    """Where to cut `text` so that no piece is longer than `budget` UTF-16 code units: after the
    last line break or 。 in a piece's last tenth, else at the limit."""
    cuts, start = [], 0
    while _utf16_length(text[start:]) > budget:
        end = start + budget
        while (excess := _utf16_length(text[start:end]) - budget) > 0:
            end -= (excess + 1) // 2  # a character beyond the BMP (a rare Han) counts twice
        near = start + budget * 9 // 10
        at = max(text.rfind("\n", near, end), text.rfind("。", near, end))
        end = at + 1 if at >= 0 else end
        cuts.append(end)
        start = end
    return cuts


def _slice_parts(parts: list[tuple[Any, str]], start: int, end: int) -> list[tuple[Any, str]]:
    """The stretch [start, end) of the concatenated parts, each piece with its font."""
    sliced, offset = [], 0
    for font, text in parts:
        piece = text[max(start - offset, 0) : max(end - offset, 0)]
        if piece:
            sliced.append((font, piece))
        offset += len(text)
    return sliced


def _continued(piece: object, mark: str) -> object:
    from openpyxl.cell.rich_text import CellRichText

    return CellRichText(*piece, mark) if isinstance(piece, CellRichText) else f"{piece}{mark}"


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _lay_out(sheet: Any) -> None:
    """Wrapped text, column widths, the header frozen, filtered and printed on every page."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wrapped = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows():
        for cell in line:
            cell.alignment = wrapped
    for index, width in enumerate(EXCEL_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _rich(entries: Sequence[Entry]) -> object:
    """The units of a cell, one a line, deleted words struck through and inserted ones bold
    and underlined (plain text when nothing is marked: Excel treats it alike)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    if all(span.mark is Mark.KEPT for entry in entries for span in entry.spans):
        return _joined(entries)
    styles = {Mark.DELETED: InlineFont(strike=True), Mark.INSERTED: InlineFont(b=True, u="single")}
    parts: list[str | TextBlock] = []
    for n, entry in enumerate(entries):
        parts.append(("\n" if n else "") + entry.label)
        parts += [TextBlock(styles[s.mark], s.text) if s.mark in styles else s.text for s in entry.spans]
    return CellRichText(*[part for part in parts if part])
