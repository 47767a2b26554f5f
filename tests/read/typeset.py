"""Typeset report text as a PDF the way a word processor lays it out, for the PDF reader's tests
and benchmark: lines filled to the measure (Han characters one by one, a Latin word or number
kept whole), first-line indents, paragraph spacing, centred and larger or bold headings, tables
in columns, a running head and a page number on every page. reportlab's built-in CID font
STSong-Light needs no font file.

Two ways in: `seed_layout` sets a text file as a PDF of it would look (a line is a paragraph, a
blank line is paragraph spacing, a leading tab is a tab stop, a leading space is a space), and
`report_layout` sets a normalised document the way government PDFs look (centred title, every
paragraph indented two characters, bold headings, boxes set in, no spacing between paragraphs).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from corpusdiff.types.document import Box, Heading, ListItem, NormalizedDocument, Paragraph, Table

FONT = "STSong-Light"
RUNNING_HEAD = "深圳市福田区人民政府公报"
_LATIN_RUN = re.compile(r"[\x21-\x7e]+ ?| ")
_TAB_STOP = 2  # em: a word processor's default tab stops for Chinese text
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


@dataclass(frozen=True)
class Page:
    """The page and its type area, in points."""

    width: float = 595
    height: float = 842
    left: float = 72
    measure: float = 432  # 36 characters of 12 pt
    top: float = 770
    bottom: float = 72
    size: float = 12
    leading: float = 17
    justify: bool = False
    running_head: str = RUNNING_HEAD
    page_numbers: bool = True
    #: how a page number is printed at the foot of the page
    page_number: str = "— {} —"
    #: False draws the page furniture only, like a scan that has no text layer
    text: bool = True


@dataclass(frozen=True)
class Block:
    """One paragraph as set: its text and how it sits on the page."""

    text: str
    indent: float = 0  # first line, in em
    inset: float = 0  # every line, in em, from both sides
    #: every line, in em, from the left only (a box set in by a left indent, its lines reaching the margin)
    left_inset: float = 0
    size: float = 0  # 0: the body size
    bold: bool = False
    centred: bool = False
    space_before: float = 0  # points
    #: a table row: its cells, set at the table's column positions
    cells: tuple[str, ...] = ()
    columns: tuple[float, ...] = ()
    #: the columns' widths, when each cell is centred in its column (Word's 居中)
    widths: tuple[float, ...] = ()


@dataclass
class _Sheet:
    """Where the next line goes; without a canvas it only counts (see `fitting`)."""

    page: Page
    canvas: canvas.Canvas | None
    y: float = 0
    number: int = 0

    def new_page(self) -> None:
        if self.number:
            self.finish_page()
        self.number += 1
        self.y = self.page.top
        if self.page.running_head and self.canvas:
            self.canvas.setFont(FONT, 9)
            self.canvas.drawString(self.page.left, self.page.top + 30, self.page.running_head)

    def finish_page(self) -> None:
        if not self.canvas:
            return
        if self.page.page_numbers:
            self.canvas.setFont(FONT, 9)
            self.canvas.drawCentredString(self.page.width / 2, 40, self.page.page_number.format(self.number))
        self.canvas.showPage()


def typeset(blocks: Iterable[Block], page: Page = Page()) -> bytes:
    """The PDF of `blocks` on as many pages as they need."""
    buffer = io.BytesIO()
    sheet = _Sheet(page, canvas.Canvas(buffer, pagesize=(page.width, page.height)))
    sheet.new_page()
    for block in blocks:
        _set_block(sheet, block)
    sheet.finish_page()
    assert sheet.canvas is not None
    sheet.canvas.save()
    return buffer.getvalue()


def fitting(blocks: Sequence[Block], pages: int, page: Page = Page()) -> int:
    """How many of `blocks`, from the first, fit on `pages` pages."""
    sheet = _Sheet(page, None)
    sheet.new_page()
    for count, block in enumerate(blocks):
        _set_block(sheet, block)
        if sheet.number > pages:
            return count
    return len(blocks)


def _set_block(sheet: _Sheet, block: Block) -> None:
    page = sheet.page
    size = block.size or page.size
    leading = page.leading * size / page.size
    if block.space_before and sheet.y < page.top:
        sheet.y -= block.space_before
    left = page.left + (block.inset + block.left_inset) * page.size
    measure = page.measure - (2 * block.inset + block.left_inset) * page.size
    lines = (
        [[(cell, _cell_offset(block, n, size)) for n, cell in enumerate(block.cells)]]
        if block.cells
        else _fill(block.text, size, measure, block.indent * size)
    )
    for number, pieces in enumerate(lines):
        if sheet.y < page.bottom:
            sheet.new_page()
        last = number == len(lines) - 1
        for text, offset in pieces:
            width = pdfmetrics.stringWidth(text.rstrip(" "), FONT, size)
            x = left + (measure - width) / 2 if block.centred else left + offset
            justified = page.justify and not (last or block.cells or block.centred)
            spread = measure - offset - width if justified else 0
            if page.text and sheet.canvas:
                _draw(sheet.canvas, text, x, sheet.y, size, block.bold, spread)
        sheet.y -= leading


def _cell_offset(block: Block, column: int, size: float) -> float:
    """Where a cell of a row starts: at its column, or centred in it when the widths are given."""
    if not block.widths:
        return block.columns[column]
    width = pdfmetrics.stringWidth(block.cells[column], FONT, size)
    return block.columns[column] + (block.widths[column] - width) / 2


def _draw(
    sheet: canvas.Canvas, text: str, x: float, y: float, size: float, bold: bool, spread: float
) -> None:
    """One line; `bold` as word processors fake it for a font without a bold face (fill and
    stroke), `spread` shared out between the characters to justify the line. The text state is
    saved and restored around it, so nothing carries over to the next line."""
    sheet.saveState()
    line = sheet.beginText(x, y)
    line.setFont(FONT, size)
    if bold:
        line.setTextRenderMode(2)
        sheet.setLineWidth(size / 30)
    if spread and len(text.rstrip(" ")) > 1:
        line.setCharSpace(spread / (len(text.rstrip(" ")) - 1))
    line.textOut(text)
    sheet.drawText(line)
    sheet.restoreState()


def _fill(text: str, size: float, measure: float, indent: float) -> list[list[tuple[str, float]]]:
    """Break a paragraph into lines no wider than the measure: Han characters may break
    anywhere, a Latin word or a number only as a whole, and a space that ends a line stays at
    its end (as word processors write it); a tab moves to the next tab stop after a gap."""
    lines: list[list[tuple[str, float]]] = []
    pieces: list[tuple[str, float]] = []
    current, start, x = "", indent, indent
    for token in _tokens(text):
        if token == "\t":
            if current:
                pieces.append((current, start))
            stop = _TAB_STOP * size
            x = (x // stop + 1) * stop + (stop if x % stop > stop / 2 else 0)
            current, start = "", x
            continue
        width = pdfmetrics.stringWidth(token.rstrip(" "), FONT, size)
        if x + width > measure + 0.01 and (current or pieces):
            if current:
                pieces.append((current, start))
            lines.append(pieces)
            pieces, current, start, x = [], "", 0, 0
        current += token
        x += pdfmetrics.stringWidth(token, FONT, size)
    if current or not lines:
        pieces.append((current, start))
    lines.append(pieces)
    return lines


def _tokens(text: str) -> Iterator[str]:
    """Han characters one by one, a Latin word with the space after it, a tab."""
    index = 0
    while index < len(text):
        if text[index] == "\t":
            yield "\t"
            index += 1
            continue
        run = _LATIN_RUN.match(text, index)
        if run:
            yield run.group()
            index = run.end()
        else:
            yield text[index]
            index += 1


def seed_layout(text: str, *, spacing: float = 8.5, page: Page = Page()) -> list[Block]:
    """A text file as the PDF it was extracted from would set it: each line a paragraph, set
    flush left; a blank line becomes paragraph spacing (`spacing` points; 0 sets none); a tab
    moves to the next tab stop (so a leading tab indents the first line, and cells separated by
    tabs stand in columns); a leading space is a space in the text."""
    blocks, gap = [], 0.0
    for line in text.split("\n"):
        if not line.strip():
            gap = spacing
            continue
        blocks.append(Block(line.rstrip(), space_before=gap))
        gap = 0.0
    return blocks


@dataclass(frozen=True)
class Style:
    """How a report's blocks are set (`report_layout`): the portal PDF's by default."""

    #: headings bold, and parts, chapters and `一、` sections larger than the text
    bold_headings: bool = True
    larger_headings: bool = True
    #: points between paragraphs (0: none, as 公文 are set)
    spacing: float = 0
    #: a 专栏 box set in from both margins, or from the left only (Word's left indent)
    box_from_left_only: bool = False
    #: table cells centred in their columns (Word's 居中)
    centred_cells: bool = False


#: A 公文 (GB/T 9704) as offices print one: headings neither bold nor larger, only numbered (their
#: face, 黑体 or 楷体, is not read), boxes indented from the left.
GONGWEN = Style(bold_headings=False, larger_headings=False, box_from_left_only=True)
#: A web page printed to PDF: set ragged right (with `Page(justify=False)`), spacing between the
#: paragraphs, bold headings in the text size, table cells centred.
WEB_PAGE = Style(larger_headings=False, spacing=6, centred_cells=True)


def report_layout(document: NormalizedDocument, page: Page = Page(), style: Style = Style()) -> list[Block]:
    """A normalised document set as government PDFs are: the title centred and large, every
    paragraph indented two characters and justified, headings bold on lines of their own (parts
    and chapters centred and larger), boxes set in from both margins, tables in columns; `style`
    sets it otherwise. A document whose title is its file name (the text has none) has none."""
    title = document.metadata.title
    has_title = document.metadata.source is None or title != Path(document.metadata.source.file).stem
    blocks = [Block(title, size=page.size * 1.6, bold=style.bold_headings, centred=True)] if has_title else []
    for block in document.blocks:
        blocks.extend(_report_blocks(block, page, style))
    return blocks


_HEADING_STYLE = {
    "pian": {"size": 1.4, "centred": True},
    "zhang": {"size": 1.3, "centred": True},
    "jie": {"size": 1.15, "centred": True},
    "cn": {"size": 1.15, "indent": 2},
    "appendix": {"size": 1.15},
}


def _report_blocks(block: object, page: Page, style: Style) -> list[Block]:
    if isinstance(block, Heading):
        heading = _HEADING_STYLE.get(block.kind, {"indent": 2})
        size = page.size * float(heading.get("size", 1)) if style.larger_headings else page.size
        return [
            Block(
                block.text,
                size=size,
                bold=style.bold_headings,
                centred=bool(heading.get("centred")),
                indent=float(heading.get("indent", 0)),
                space_before=page.leading / 2 if heading.get("centred") else style.spacing,
            )
        ]
    if isinstance(block, Paragraph):
        return [Block(block.text, indent=2, space_before=style.spacing)]
    if isinstance(block, ListItem):
        return [Block(f"• {block.text}", indent=2, space_before=style.spacing)]
    if isinstance(block, Table):
        return _table_blocks(block, page, style.centred_cells)
    if isinstance(block, Box):
        set_in = {"left_inset": 2} if style.box_from_left_only else {"inset": 2}
        inner = [replace(b, **set_in) for child in block.blocks for b in _report_blocks(child, page, style)]
        title = Block(
            block.title, bold=style.bold_headings, centred=True, space_before=page.leading / 2, **set_in
        )
        return [title, *inner]
    raise TypeError(f"no layout for {type(block).__name__}")


def _table_blocks(table: Table, page: Page, centred: bool = False) -> list[Block]:
    """Rows of cells in columns as wide as their widest cell and two characters apart, in a
    smaller size when the table is wider than the measure; `centred`: each cell in the middle
    of its column."""
    size = page.size
    while True:
        widths = [
            max(pdfmetrics.stringWidth(row[col], FONT, size) for row in table.rows)
            for col in range(len(table.rows[0]))
        ]
        gap = 2 * size
        if sum(widths) + gap * (len(widths) - 1) <= page.measure or size <= 6:
            break
        size -= 0.5
    columns, x = [], 0.0
    for width in widths:
        columns.append(x)
        x += width + gap
    return [
        Block(
            "",
            size=size,
            cells=tuple(row),
            columns=tuple(columns),
            widths=tuple(widths) if centred else (),
            space_before=page.leading / 2 if not n else 0,
        )
        for n, row in enumerate(table.rows)
    ]
