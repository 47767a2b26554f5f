"""Reading one page: its lines with where they start and end, their type, and the character grid
Word may set them on."""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from corpusdiff.read.pdf.lines import _Box, _Grid, _Line, _Page, _same_size
from corpusdiff.read.pdf.params import (
    _BULLETS,
    _CELL_GAP,
    _FONT_NAME_MAX,
    _GRID_PAGES_SHARE,
    _GRID_STEP,
    _GRID_STEPS,
    _HAN_RE,
    _LATIN_WORD_RE,
    _NEW_LINE,
    _RULE_MAX_WIDTH,
    _RULE_MIN_LENGTH,
    _SIZE_RATIO,
    _SPACE,
    _SUBSET_TAG_RE,
)


def _page_lines(page: Any, turn: _Turn, document_grid: _Grid | None = None) -> tuple[list[_Line], _Grid | None]:
    """The page's lines as PDFium lays them out, in its reading order, placed on the page as
    it is shown (`turn`), and the character grid they are set on, if any: the one its lines
    show, else the document's."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # characters beyond the BMP: map index by index
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
        probe = _CharProbe(textpage, pdfium_c, count, turn)
        spans = [span for start, end in _line_spans(text) for span in _rows_apart(text, start, end, probe)]
        grid = _page_grid(text, spans, probe) or document_grid
        grid = _with_shares(grid, text, spans, probe) if grid else None
        return [line for start, end in spans if (line := _line(text, start, end, probe, grid))], grid
    finally:
        textpage.close()


def _read_page(page: Any, document_grid: _Grid | None = None) -> _Page:
    """The page's lines, and what it draws besides: images, and the rules of its tables (a
    rectangle's top and bottom edges count as rules; those inside a form XObject too);
    `document_grid`: the character grid of the document, for a page that shows none."""
    import pypdfium2.raw as pdfium_c

    turn = _turn(page)
    images: list[_Box] = []
    rules: list[_Box] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH]):
        box = turn.box(*obj.get_bounds())
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(box)
        elif box.right - box.left >= _RULE_MIN_LENGTH:
            edges = [box.bottom, box.top] if box.top - box.bottom > _RULE_MAX_WIDTH else [(box.bottom + box.top) / 2]
            rules.extend(_Box(box.left, y, box.right, y) for y in edges)
    width, height = float(page.get_width()), float(page.get_height())
    lines, grid = _page_lines(page, turn, document_grid)
    return _Page(lines, width, width * height, images, rules, grid)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Index ranges of the lines. PDFium joins a line that ends with a hyphen to the next one
    and marks the hyphen U+FFFE; that hyphen ends a line here, and stays a hyphen."""
    for match in re.finditer(r"[^\r\n\ufffe]+\ufffe?", text):
        yield match.start(), match.end()


def _rows_apart(text: str, start: int, end: int, probe: _CharProbe) -> Iterator[tuple[int, int]]:
    """The line start..end cut where PDFium ran lines together: it joins the rows of a table
    whose cells stand far apart into one line (`序号 指标 … 1 地区生产总值增速 …`). A cut goes
    where a character stands a line lower than the one before and back to its left."""
    begin, previous = start, None
    for index in range(start, end):
        if text[index].isspace():
            continue
        x, y = probe.origin(index)
        if previous is not None:
            last, (last_x, last_y) = previous
            if x < last_x and last_y - y > _NEW_LINE * probe.size(index):
                yield begin, last + 1
                begin = index
        previous = index, (x, y)
    yield begin, end


@dataclass(frozen=True)
class _Turn:
    """How a page is turned for showing (its /Rotate, clockwise): PDFium gives positions on
    the page as drawn, and a landscape table on a page turned a quarter runs up the page."""

    rotation: int
    left: float
    bottom: float
    width: float
    height: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Where (x, y) of the page as drawn stands on the page as shown."""
        x, y = x - self.left, y - self.bottom
        if self.rotation == 90:
            return y, self.width - x
        if self.rotation == 180:
            return self.width - x, self.height - y
        if self.rotation == 270:
            return self.height - y, x
        return x, y

    def box(self, left: float, bottom: float, right: float, top: float) -> _Box:
        (x1, y1), (x2, y2) = self.point(left, bottom), self.point(right, top)
        return _Box(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def _turn(page: Any) -> _Turn:
    left, bottom, right, top = page.get_mediabox()
    return _Turn(int(page.get_rotation()) % 360, float(left), float(bottom), float(right - left), float(top - bottom))


class _CharProbe:
    """Geometry and type of single characters of a text page (PDFium's C API, index by index)."""

    def __init__(self, textpage: Any, api: Any, count: int, turn: _Turn) -> None:
        self._page, self._api, self._count, self._turn = textpage, api, count, turn
        self._box, self._matrix = api.FS_RECTF(), api.FS_MATRIX()
        self._x, self._y = ctypes.c_double(), ctypes.c_double()

    def origin(self, index: int) -> tuple[float, float]:
        """Where the character is set: the pen position on its baseline, on the page as shown."""
        self._api.FPDFText_GetCharOrigin(self._page, index, self._x, self._y)
        return self._turn.point(float(self._x.value), float(self._y.value))

    def _char_box(self, index: int) -> _Box:
        self._api.FPDFText_GetLooseCharBox(self._page, index, self._box)
        box = self._box
        return self._turn.box(float(box.left), float(box.bottom), float(box.right), float(box.top))

    def end(self, index: int) -> float:
        """Where the character's advance ends: where the next character on its line is set (the
        PDF's own widths), else the end of its box (PDFium's font, when the PDF's is missing)."""
        x, y = self.origin(index)
        if index + 1 < self._count:
            next_x, next_y = self.origin(index + 1)
            if abs(next_y - y) < 0.5 and next_x > x:
                return next_x
        return self._char_box(index).right

    def generated(self, index: int) -> bool:
        """Whether PDFium added the character (a space where it sees a gap): not in the PDF."""
        return bool(self._api.FPDFText_IsGenerated(self._page, index) == 1)

    def typed_width(self, index: int) -> float:
        """How wide the character is set when the PDF holds it (a typed space), else 0: PDFium
        adds a space of no width where it sees a gap between two runs of text."""
        if self.generated(index):
            return 0.0
        box = self._char_box(index)
        return box.right - box.left

    def size(self, index: int) -> float:
        """The type size as set on the page: the font size scaled by the text's matrix."""
        self._api.FPDFText_GetMatrix(self._page, index, self._matrix)
        matrix = self._matrix
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        return float(self._api.FPDFText_GetFontSize(self._page, index)) * (scale or 1.0)

    def face(self, index: int) -> str:
        """The name of the character's font, without a subset's tag."""
        buffer = ctypes.create_string_buffer(_FONT_NAME_MAX)
        length = self._api.FPDFText_GetFontInfo(self._page, index, buffer, _FONT_NAME_MAX, None)
        if not 0 < length <= _FONT_NAME_MAX:
            return ""
        return _SUBSET_TAG_RE.sub("", buffer.value.decode("latin-1"))

    def bold(self, index: int) -> bool:
        """A bold face, or the fill-and-stroke a word processor uses to fake one."""
        if self._api.FPDFText_GetFontWeight(self._page, index) >= 600:
            return True
        text_object = self._api.FPDFText_GetTextObject(self._page, index)
        return bool(text_object) and (
            self._api.FPDFTextObj_GetTextRenderMode(text_object) == self._api.FPDF_TEXTRENDERMODE_FILL_STROKE
        )


def _page_grid(text: str, spans: list[tuple[int, int]], probe: _CharProbe) -> _Grid | None:
    """The character grid the page's text is set on (`_grid_step`), as most lines that show one
    have it: a line too short to show it (`元，增长8.6%；`, `来。`) is on it too."""
    shown = [
        (step, probe.size(visible[0]))
        for start, end in spans
        if (visible := _visible(text, start, end)) and (step := _grid_step(text, visible, probe)) is not None
    ]
    if not shown:
        return None
    return _Grid(statistics.median(step for step, _ in shown), statistics.median(size for _, size in shown))


def _with_shares(grid: _Grid, text: str, spans: list[tuple[int, int]], probe: _CharProbe) -> _Grid:
    """The grid with the steps the page's lines in a smaller type show on it (`_on_grid`): a
    line of that type with no two Han characters side by side (`/ 人` of `万元/人` wrapped) is
    on that share of it, as a line in the grid's own type is on the grid."""
    shown: dict[float, list[float]] = {}
    for start, end in spans:
        visible = _visible(text, start, end)
        size = probe.size(visible[0]) if visible else grid.size
        if size >= grid.size / _SIZE_RATIO or not _han_steps(text, visible, probe):  # the body's own type
            continue
        step = _on_grid(text, visible, probe, grid)
        if step is not None and step < grid.step - _SPACE * size:
            shown.setdefault(round(size * 2) / 2, []).append(step)
    return replace(grid, shares=tuple((size, statistics.median(steps)) for size, steps in sorted(shown.items())))


def _document_grid(pages: list[_Page]) -> _Grid | None:
    """The character grid the document is set on, when at least half its pages with text in
    the grid's type show one (Word sets a section's pages on one grid, so a page that shows
    none, a table's in a smaller type or a page of short lines, is on it too; a page of a table
    alone tells nothing): the middle step and size of theirs."""
    grids = [page.grid for page in pages if page.grid is not None]
    if not grids:
        return None
    grid = _Grid(statistics.median(grid.step for grid in grids), statistics.median(grid.size for grid in grids))
    in_its_type = [page for page in pages if page.grid or any(_same_size(line, grid.size) for line in page.lines)]
    return grid if len(grids) >= _GRID_PAGES_SHARE * len(in_its_type) else None


def _visible(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if not text[i].isspace()]


def _line(text: str, start: int, end: int, probe: _CharProbe, page_grid: _Grid | None = None) -> _Line | None:
    """The line of characters start..end, or None when it holds only white space. Its type is
    what most of three sampled characters (first, middle, last) have, so a run-in bold head or a
    note mark does not decide it; its face only when its first, middle and last Han character
    agree, so a phrase set in 黑体 inside a paragraph of 仿宋 does not decide it either."""
    visible = _visible(text, start, end)
    if not visible:
        return None
    first, last = visible[0], visible[-1]
    samples = sorted({first, visible[len(visible) // 2], last})
    sizes = [probe.size(i) for i in samples]
    bold = sum(probe.bold(i) for i in samples) * 2 > len(samples)
    left, baseline = probe.origin(first)
    word = _LATIN_WORD_RE.match(text, first, end)
    word_end = word.end() - 1 if word else first
    size = statistics.median(sizes)
    grid = _grid_step(text, visible, probe) or _on_grid(text, visible, probe, page_grid)
    line_text, cells, ends = _cells(text, start, end, probe, size, grid)
    right = probe.end(last)
    if grid and not text[last].isascii():  # the last character's cell ends the line
        right = max(right, probe.origin(last)[0] + _last_cell(grid, page_grid, size))
    han = [i for i in visible if _HAN_RE.match(text[i])]
    faces = {probe.face(i) for i in {han[0], han[len(han) // 2], han[-1]}} if han else set()
    return _Line(
        text=line_text.replace("\ufffe", "-"),
        left=left,
        right=right,
        baseline=baseline,
        size=size,
        bold=bold,
        first_word=probe.end(word_end) - left,
        cells=(left, *cells) if cells else (),
        ends=(*ends, right) if cells else (),
        face=faces.pop() if len(faces) == 1 else "",
    )


def _last_cell(step: float, page_grid: _Grid | None, size: float) -> float:
    """How wide the last character's cell of a line on a grid is: the line's step, unless its
    characters stand further apart than the page's grid by half an em or more. Such a line is
    justified with fewer characters than it holds (broken before a character that may not open a
    line: `态将加快从“智` over `慧”…`), its spare room spread between them, and its last
    character keeps a cell of the grid: measured by the line's step, it ended far past the box it
    is set in, which then began only under it."""
    if page_grid is not None and step - page_grid.step >= _SPACE * size:
        return page_grid.step
    return step


def _han_steps(text: str, visible: list[int], probe: _CharProbe) -> list[float]:
    """How far each Han character of a line is set from the Han character next to it, when only
    a space PDFium added stands between them."""
    han = [i for i in visible if _HAN_RE.match(text[i])]
    return [
        probe.origin(b)[0] - probe.origin(a)[0]
        for a, b in itertools.pairwise(han)
        if b == a + 1 or (b == a + 2 and text[a + 1] == " " and probe.typed_width(a + 1) == 0.0)
    ]


def _on_grid(text: str, visible: list[int], probe: _CharProbe, grid: _Grid | None) -> float | None:
    """The page's grid step for a line too short to show a grid of its own: its Han characters
    stand a step apart, or, with no two side by side (`来。`), it is set in the grid's type size;
    else None. A line in a smaller type is on the grid too when its Han characters stand an even
    share of the page's step apart, wider than their type: the grid's cells are narrower than
    the body's characters, which take two each, and a 12 pt table's take one (`本 区 生 产`,
    PDFium's spaces in each cell's remainder); the step is then that share."""
    if grid is None:
        return None
    steps = _han_steps(text, visible, probe)
    size = probe.size(visible[0])
    if not steps:
        sizes = ((grid.size, grid.step), *grid.shares)
        return next((step for each, step in sizes if abs(size - each) <= each * (_SIZE_RATIO - 1)), None)
    cells = max(1, round(grid.step / statistics.median(steps)))
    step = grid.step / cells
    if cells > 1 and statistics.median(steps) < size * _SIZE_RATIO:
        return None
    inside = [each for each in steps if cells == 1 or each < 2 * step]  # a table row's cells stand apart
    return step if all(abs(each - step) * cells < _SPACE * size for each in inside) else None


def _grid_space(text: str, line_start: int, before: int, after: int, probe: _CharProbe, grid: float) -> bool:
    """Whether the space between the characters `before` and `after` of a grid line (starting at
    `line_start`) is a cell's empty remainder that PDFium wrote as a space: one it added (a single
    space), beside a character that is not Latin (between two Latin words LibreOffice leaves the
    text's space as a gap too), and, between two that are not, no wider than the grid's step
    leaves (a space the text has, `第二节 加快`, takes a cell of its own). The space after a bullet
    opening the line is the text's: on a line justified to the margin (`•一般公共预算收入95.65亿`)
    LibreOffice writes it as a gap, and left out, the item read as a paragraph."""
    space = before + 1
    if after != space + 1 or text[space] != " " or not probe.generated(space):
        return False
    if text[before] in _BULLETS and not text[line_start:before].strip():
        return False
    if text[before].isascii() and text[after].isascii():
        return False
    if text[before].isascii() or text[after].isascii():
        return True
    step = probe.origin(after)[0] - probe.origin(before)[0]
    return step < grid + _SPACE * probe.size(before)


def _grid_step(text: str, visible: list[int], probe: _CharProbe) -> float | None:
    """The step from one character's cell to the next when the line is set on a character grid
    wider than its type, else None. The grid leaves each character's cell empty past it, so the
    line ends a cell's remainder short of the margin and a run of figures (`2021`, set at its own
    width) stands apart from the Han character after it, a gap of less than a cell; neither is
    the text's."""
    steps = _han_steps(text, visible, probe)
    if len(steps) < _GRID_STEPS:
        return None
    size = probe.size(visible[0])
    step = statistics.median(steps)
    even = sum(abs(s - step) < _SPACE * size for s in steps) * 2 > len(steps)
    return step if even and step >= _GRID_STEP * size else None


def _cells(
    text: str, start: int, end: int, probe: _CharProbe, size: float, grid: float | None = None
) -> tuple[str, list[float], list[float]]:
    """The line's text with a tab for each run of spaces that stands for a wide gap (cells of a
    table row, or text set at tab stops), where each cell after the first starts, and where each
    cell before the last ends. One space
    typed in the text (the ideographic space of `第一章　标题`, `国务院总理　李克强`) is as wide as
    the gap it fills: a space, not a gap between cells. On a character grid (`grid`, the step
    between cells) a gap narrower than a step is a cell's empty remainder, and the space PDFium
    adds there is not the text's (`_grid_space`): kept, every character of the line stood apart,
    and the line read as letter-spaced lost the spaces between its Latin words (`PradaBeauty`).
    Trailing white space is kept as one space, which tells a line broken between two Latin
    words."""
    line = text[start:end].rstrip()
    trailing = " " if len(line) < end - start else ""
    out: list[str] = []
    starts: list[float] = []
    ends: list[float] = []
    index = 0
    for match in re.finditer(r"(?<=\S)\s+(?=\S)", line):
        cell_start = probe.origin(start + match.end())[0]
        cell_end = probe.end(start + match.start() - 1)
        gap = cell_start - cell_end
        if len(match.group()) == 1:
            gap -= probe.typed_width(start + match.start())
        out.append(line[index : match.start()])
        if gap >= _CELL_GAP * size and (grid is None or gap >= grid):
            out.append("\t")
            starts.append(cell_start)
            ends.append(cell_end)
        elif not (grid and _grid_space(text, start, start + match.start() - 1, start + match.end(), probe, grid)):
            out.append(match.group())
        index = match.end()
    out.append(line[index:])
    return "".join(out) + trailing, starts, ends
