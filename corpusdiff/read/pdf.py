"""PDF with a text layer -> the plain layout the normaliser reads (docs/inputs.md, "PDF").

PDFium (pypdfium2) gives each page's text as laid-out lines; for every line this module also
reads where it starts and ends, its baseline, its font size and weight. Running heads, footers
and page numbers are removed; then the page layout decides where a paragraph ends, as a reader
sees it: a line filled to the right margin continues in the next one, and a new paragraph starts
where a line is indented, after a vertical gap wider than the line spacing, after a line that
ends short of the margin (unless paragraphs open with an indent and the next line does not: a
ragged right edge), or where the type changes (a larger, bold or centred heading). Each
paragraph becomes one line, opening with `　　` when it opens with the document's paragraph
indent; a gap, a change of type, or a short flush phrase over an indented paragraph (an unmarked
heading in the body type) becomes a blank line, so the normaliser sees the same layout a text
extract has. A page set in two columns has each measured on its own.
Cells standing apart on a line are separated by tabs (a table row); a cell wrapped onto more
lines, closer to its row than rows stand to each other or inside the rules around the row, is
put back into its row. A footnote under a paragraph that runs on to the next page follows the
paragraph, which stays whole. A photo's caption (a line or two right under an image, set smaller
than the body or centred under the image) is no report text: it is dropped with a note quoting
it, as the HTML reader drops a photo block; a short paragraph right under an image that is set
like body text stays, with a note that it may be a caption. A PDF whose pages hold no text (a
scan), that shows neither text nor images (blank pages) or that needs a password is refused;
there is no OCR, so scanned pages among typeset ones are named in a note.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from corpusdiff.errors import InputError
from corpusdiff.read.extracted import Extracted, shortened
from corpusdiff.strings import counted
from corpusdiff.text import numbering
from corpusdiff.text.chars import display_width
from corpusdiff.text.rules import ends_sentence, strip_debris

#: How many lines at the top and bottom of a page may be a running head or footer.
_EDGE_LINES = 2
#: A line at a page edge repeated on at least this share of pages is a running head or footer.
_RUNNING_SHARE = 0.5
#: ... or on at least this share of the left-hand pages, or of the right-hand ones.
_RUNNING_SIDE_SHARE = 0.75
_DIGITS_RE = re.compile(r"[0-9０-９〇一二三四五六七八九十百]+")
#: A page number at a page's edge: `— 12 —`, `第3页 共10页`, `3/10`, in brackets too (`（3）`, `〔3〕`).
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－·•]*[（(〔\[]?\s*(第\s*)?[0-9０-９]+(\s*页)?(\s*/\s*[0-9]+|\s*共\s*[0-9]+\s*页)?\s*[）)〕\]]?[\s\-—–－·•]*$"
)
#: How a footnote opens: a circled or bracketed number, a number, `注`, an asterisk.
_NOTE_MARK_RE = re.compile(r"\s*(?:[\u2460-\u2473\u2474-\u2487]|[\[〔(（]\s*[0-9]{1,3}\s*[\]〕)）]|[0-9]{1,3}(?![0-9.])|注|\*)")
#: A 公文's masthead (发文机关标志: `深圳市福田区人民政府文件`, a gazette's name) and document
#: number (`福府〔2022〕3号`): among the first paragraphs, over the title.
_MASTHEAD_RE = re.compile(r"\S{2,40}(?:文件|公报)|\S{1,12}[〔\[（(]\s*[0-9]{4}\s*[〕\]）)]\s*[0-9]+\s*号")
_MASTHEAD_PARAGRAPHS = 3
_WORD_RE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
_LATIN_WORD_RE = re.compile(r"[!-~]+")
_LATIN_END_RE = re.compile(r"[A-Za-z]$")
_LATIN_START_RE = re.compile(r"[A-Za-z]")
#: Han characters, whose font tells a line's face: an office sets figures and Latin words in
#: another font (Times New Roman) inside a line of 仿宋.
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
#: The tag a PDF puts before the name of a font it embeds a subset of (`ABCDEF+FangSong_GB2312`).
_SUBSET_TAG_RE = re.compile(r"^[A-Z]{6}\+")
#: The longest font name read (bytes, with its NUL); PDF names are at most 127 bytes.
_FONT_NAME_MAX = 128
#: A figure or a Latin word at the start of a line (`6600多万`, `GDP`, `5.2%`), not markup debris.
_FIGURE_OR_WORD_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.%/]*(?![!-~])")
#: Fewer word characters than this per page on average: the PDF has no text layer worth reading.
_MIN_CHARS_PER_PAGE = 20
#: A page without text whose images cover this share of it is a scanned page.
_SCAN_COVER = 0.5

# Layout thresholds, in ems of the line's own type size unless named otherwise.
#: A character this far below the one before it, and left of it, starts a new line.
_NEW_LINE = 0.8
#: A line starting this far right of the text column is indented (a paragraph's first line).
_INDENT = 0.75
#: What an indented paragraph opens with in the plain layout, as in a text extract: the normaliser
#: tells a flush heading over an indented paragraph by it.
_PARAGRAPH_INDENT = "\u3000\u3000"
#: Characters further apart than this on one line are cells of a table row.
_CELL_GAP = 0.8
#: A baseline step this many times the usual line spacing is a gap between paragraphs.
_GAP_FACTOR = 1.35
#: ... and between two rows of a table, this many times (cell padding is no gap).
_ROW_GAP_FACTOR = 2.0
#: Type sizes differing by more than this ratio are different type (a heading, a note).
_SIZE_RATIO = 1.08
#: Room left at the right margin that still counts as a full line, besides the next word.
_FULL_SLACK = 0.3
#: Paragraphs open with an indent when at least this many, and this share, of the lines after a
#: paragraph's end (a sentence ended short of the margin) are indented ...
_INDENTED_STARTS_MIN = 3
_INDENTED_STARTS_SHARE = 2 / 3
#: ... and then a line at the margin continues one that ended this share of the column short of
#: the margin or less (a ragged right edge: a character grid sets figures half-width).
_RAGGED_ROOM = 0.25
#: A document with at least this many lines broken mid-sentence before a line at the margin
#: shows how far short of the margin its wrapped lines end: this share of them end no further
#: short than the rest of the document's wraps may, with an em more (a justified document's
#: lines all reach the margin, so a sentence ended short of it ends a paragraph there).
_WRAP_SAMPLES = 20
_WRAP_SHARE = 0.95
#: A page with fewer lines than this is measured with the whole document's column.
_PAGE_COLUMN_LINES = 8
#: A page is set in two columns when at most this share of its lines run across its middle.
_ACROSS_SHARE = 0.2
#: A box is at least this many lines set in from both margins.
_BOX_LINES = 3
#: A heading is at most this many characters long (a phrase, shorter than a line).
_HEADING_CHARS = 30
#: A line's Han characters set this many sizes apart or more, each the same step from the next:
#: set on a character grid whose cells are wider than the type (Word's 文档网格 as LibreOffice
#: lays it out: each character takes two of a 公文's 28 cells to a line).
_GRID_STEP = 1.5
#: How many steps between Han characters a line needs to show its grid.
_GRID_STEPS = 3
#: A document is set on a character grid when at least this share of its pages show one.
_GRID_PAGES_SHARE = 0.5
#: What bullets a list's items: a line opening with one is an item (as the normaliser reads it).
_BULLETS = frozenset("•·●▪")
#: The width of a space in a Latin text, at most.
_SPACE = 0.5
#: An image smaller than this many ems of body type either way is an icon or a rule, no photo.
_PHOTO_MIN = 3.0
#: A caption starts at most this many ems of its type below its image's lower edge ...
_CAPTION_DROP = 2.5
#: ... and is at most this many lines and characters long (a phrase or two sentences).
_CAPTION_LINES = 2
_CAPTION_CHARS = 100
#: Lines of one caption are at most this many ems of their type apart (baseline to baseline).
_CAPTION_LEADING = 1.6
#: A line set closer than this share of a table's row step to a row, in its columns, is a line
#: of its cells wrapped (rows stand further apart: a cell's padding is between them) ...
_WRAPPED_CELL_STEP = 0.8
#: ... where the rows' step is this many times the lines' step within a cell, or more.
_ROW_PADDING = 1.15
#: A path at least this long (points) and at most this thick is a rule; a thicker one is a
#: rectangle, whose top and bottom edges are rules (a table's ruling lines, a cell's frame).
_RULE_MIN_LENGTH = 20.0
_RULE_MAX_WIDTH = 3.0
#: In a ruled table, a line at most this many ems of its type from a row (baseline to baseline)
#: may be part of it, and the rule over the row's top line stands at least the second above it.
_RULED_REACH = 2.0
#: A cell wraps onto at most this many lines, as far as the rule under it is looked for.
_CELL_LINES = 6
_RULE_CLEAR = 0.5
#: Lines of a table this many lines apart in PDFium's order may be parts of one row.
_ROW_REACH = 2
#: A wrapped cell's next line stands at most this many ems below the row's last line (a table
#: without padding: the line spacing of its cells).
_CELL_LINE_STEP = 1.6
#: A line is balanced when it stands in from both margins by at least the first, and they
#: differ by less than the second; centred, when it stands in as far as an indent.
_BALANCED_MIN = 0.2
_CENTRED_SLACK = 0.5


@dataclass(frozen=True)
class _Line:
    """One laid-out line of a page: its text and where and how it is set (points, y upwards)."""

    text: str
    left: float
    right: float
    baseline: float
    size: float
    bold: bool
    #: the width of the line's first word (a Latin word, or one character): what would have had
    #: to fit at the end of the line before for the line break to be the layout's own
    first_word: float
    #: where each cell starts, when the line is a table row (cells separated by tabs in `text`)
    cells: tuple[float, ...] = ()
    #: where each of those cells ends (its widest line, once a wrapped cell's lines are joined)
    ends: tuple[float, ...] = ()
    #: how far below `baseline` the row's lowest line is set, when its cells wrap onto more lines
    depth: float = 0.0
    #: the font its Han characters are set in, when its first, middle and last one share it
    #: ("" when they do not, or it has none): an office sets headings in 黑体 or 楷体 in the body's
    #: size and weight, the font the only thing telling them from the 仿宋 text
    face: str = ""


@dataclass(frozen=True)
class _Box:
    """Where an image is drawn on a page (points, y upwards)."""

    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True)
class _Page:
    """What is read of one page: its lines, its size, the images and rules it draws."""

    lines: list[_Line]
    width: float
    area: float
    images: list[_Box]
    #: horizontal rules (a table's ruling lines), each a box of no height
    rules: list[_Box]
    #: the character grid its text is set on, when its lines show one
    grid: _Grid | None = None


@dataclass(frozen=True)
class _Column:
    """Where a page's body text runs, or a box's on it: its left and right margins."""

    left: float
    right: float
    box: bool = False


def extractor_version() -> str:
    from importlib.metadata import version

    return f"corpusdiff.read.pdf (pypdfium2 {version('pypdfium2')})"


def extract_pdf(data: bytes, name: str) -> Extracted:
    """The text of a PDF; InputError when it is encrypted, damaged or has no text layer."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                f"{name}: this is a PDF that needs a password to open; corpusdiff cannot read it, so get "
                "an unprotected copy (or decrypt it with its password, e.g. qpdf --decrypt --password=…)"
            ) from exc
        raise InputError(f"{name}: a damaged PDF file ({exc}); get the file again") from exc
    try:  # each page loaded once: loading is most of a PDF's reading time
        _refuse_repeated_pages(len(document), len(data), name)
        pages = [_read_page(page) for page in document]
        grid = _document_grid(pages)
        if grid is not None:  # a page showing no grid of its own (a table set smaller) is on the document's
            pages = [page if page.grid else _read_page(document[number], grid) for number, page in enumerate(pages)]
    finally:
        document.close()
    page_words = [sum(len(_WORD_RE.findall(line.text)) for line in page.lines) for page in pages]
    words = sum(page_words)
    images = [page.images for page in pages]
    if not words and not any(images):
        raise InputError(
            f"{name}: this PDF shows no text and no images (its pages are blank, or its letters are drawn "
            "as shapes), so there is nothing to read; check that it is the right file, or get the report "
            "as text, as a web page or as a PDF with a text layer"
        )
    if not pages or words < _MIN_CHARS_PER_PAGE * len(pages):
        raise InputError(
            f"{name}: this is a PDF without a text layer (a scanned image), with no text to read; "
            "corpusdiff does no OCR, so get the report as text, as a web page or as a PDF with a text layer"
        )
    flow, notes = _without_furniture([page.lines for page in pages])
    notes.extend(_scanned_pages_note(page_words, images, [page.area for page in pages]))
    flow, caption_notes = _without_captions(flow, images)
    notes.extend(caption_notes)
    pitch = _body_pitch(flow) if grid is not None else None
    flow = _rows_over_pages(
        [_rows_with_wrapped_cells(lines, page.rules, pitch) for lines, page in zip(flow, pages, strict=True)],
        [page.rules for page in pages],
        pitch,
    )
    paragraphs = _Layout(flow, [page.width for page in pages]).paragraphs()
    return Extracted(_plain_text(paragraphs), notes, _title(paragraphs))


def _refuse_repeated_pages(pages: int, size: int, name: str) -> None:
    """A page takes more than a byte of the file, so a PDF listing more pages than it has bytes
    lists one page over and over (a page tree naming the same node ten times a level): a bomb
    whose reading would take hours, refused before any page is read."""
    if pages > size:
        raise InputError(
            f"{name}: this PDF lists {pages} pages in {size} bytes, one page over and over, so it is "
            "no report; get the report's file again"
        )


def _scanned_pages_note(page_words: list[int], images: list[list[_Box]], areas: list[float]) -> list[str]:
    """A note naming the pages that are an image covering most of the page with no text on
    it (a scanned page among typeset ones: a signed annex, a table): their words are not read,
    and the user must know, as nothing else tells."""
    scanned = [
        number
        for number, (words, boxes, area) in enumerate(zip(page_words, images, areas, strict=True), 1)
        if words < _MIN_CHARS_PER_PAGE and sum(_area(box) for box in boxes) >= _SCAN_COVER * area
    ]
    if not scanned:
        return []
    pages = f"page {scanned[0]} holds" if len(scanned) == 1 else f"pages {_page_ranges(scanned)} hold"
    return [
        f"{pages} a scanned image and no text, so what they show is not read (corpusdiff does no OCR); if they are part of the report, get it "
        "as text or as a PDF with a text layer"
    ]


def _area(box: _Box) -> float:
    return max(0.0, box.right - box.left) * max(0.0, box.top - box.bottom)


def _page_ranges(numbers: list[int]) -> str:
    """`3, 7–9`: page numbers, runs of consecutive ones as ranges."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)


# --- reading a page ---------------------------------------------------------------------------


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


@dataclass(frozen=True)
class _Grid:
    """The character grid a page's text is set on: the step from one cell to the next, and the
    type size of the lines that show it."""

    step: float
    size: float
    #: the steps that lines in other sizes show on it, an even share of `step`: (size, step)
    shares: tuple[tuple[float, float], ...] = ()


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


# --- page furniture -------------------------------------------------------------------------


def _without_furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[str]]:
    """The pages without running heads, footers and page numbers, and notes naming what went."""
    running = _running_lines(pages)
    kept_pages: list[list[_Line]] = []
    dropped_heads = dropped_numbers = 0
    for lines in pages:
        edges = _edge_lines(lines)
        kept = []
        for line in lines:
            if id(line) in edges and _is_running(line, running):
                dropped_heads += 1
            elif id(line) in edges and _PAGE_NUMBER_RE.match(line.text):
                dropped_numbers += 1
            else:
                kept.append(line)
        kept_pages.append(kept)
    notes = []
    if dropped_heads:
        heads = "; ".join(f"“{head}”" for head in sorted(running)[:3])
        furniture = counted(dropped_heads, "running head or footer", "running heads or footers")
        notes.append(f"dropped {furniture} ({heads}) from {counted(len(pages), 'page')}")
    if dropped_numbers:
        notes.append(f"dropped {counted(dropped_numbers, 'page number')}")
    return kept_pages, notes


def _edge_lines(lines: Sequence[_Line]) -> set[int]:
    """The topmost and bottommost lines of a page (by position, whatever order they come in)."""
    ordered = sorted(lines, key=lambda line: -line.baseline)
    return {id(line) for line in ordered[:_EDGE_LINES] + ordered[-_EDGE_LINES:]}


def _key(line: str) -> str:
    """A line with its numbers blanked: running heads differ only in the page number."""
    return _DIGITS_RE.sub("#", line.strip())


def _running_lines(pages: list[list[_Line]]) -> dict[str, float]:
    """The running heads and footers (their keys), each with the type size it is set in: a line
    at a page's edge on half the pages, or on three quarters of the left-hand or of the right-
    hand pages (a gazette heads its left pages with its name, its right ones with the issue). A
    page counts a line only when no line inside it has the same shape: the rows of a table that
    runs over the pages (`#　第#项指标　%　#.#`) stand at their edges too, and inside them."""
    if len(pages) < 2:
        return {}
    counts: Counter[str] = Counter()
    sides: list[Counter[str]] = [Counter(), Counter()]
    sizes: dict[str, Counter[float]] = {}
    for number, lines in enumerate(pages):
        edges = _edge_lines(lines)
        inside = {_key(line.text) for line in lines if id(line) not in edges}
        on_page = [line for line in lines if id(line) in edges and _key(line.text) not in inside]
        keys = {_key(line.text) for line in on_page}
        counts.update(keys)
        sides[number % 2].update(keys)
        for line in on_page:
            sizes.setdefault(_key(line.text), Counter())[round(line.size, 1)] += 1
    threshold = _at_least(len(pages), _RUNNING_SHARE)
    side_thresholds = [_at_least(len(pages[side::2]), _RUNNING_SIDE_SHARE) for side in (0, 1)]
    return {
        key: sizes[key].most_common(1)[0][0]
        for key, count in counts.items()
        if _WORD_RE.search(key)
        and (count >= threshold or any(sides[side][key] >= side_thresholds[side] for side in (0, 1)))
    }


def _at_least(pages: int, share: float) -> int:
    """How many of `pages` a line must stand on to be on `share` of them (two at least)."""
    return max(2, int(pages * share + 0.999))


def _is_running(line: _Line, running: dict[str, float]) -> bool:
    """A line worded as a running head and set in its size: a title worded like it (政府工作报告
    over every page, and as the title at the top of the first) is set larger, and stays."""
    size = running.get(_key(line.text))
    return size is not None and max(size, line.size) <= min(size, line.size) * _SIZE_RATIO


# --- photo captions ---------------------------------------------------------------------------


def _without_captions(
    pages: list[list[_Line]], images: list[list[_Box]]
) -> tuple[list[list[_Line]], list[str]]:
    """The pages without the captions under their photos, and notes quoting each one dropped,
    and each short paragraph under a photo kept that may be one."""
    size = _body_size([line for lines in pages for line in lines])
    kept_pages: list[list[_Line]] = []
    notes: list[str] = []
    for number, (lines, boxes) in enumerate(zip(pages, images, strict=True), 1):
        dropped: set[int] = set()
        for box in boxes:
            if min(box.right - box.left, box.top - box.bottom) < _PHOTO_MIN * size:
                continue
            block = _block_under(lines, box)
            if not block or _is_heading_like(block[0], size):
                continue
            text = _joined(block).strip()
            if _is_caption(block, box, size):
                dropped.update(id(line) for line in block)
                notes.append(f"dropped a photo caption (page {number}): “{shortened(text)}”")
            else:
                notes.append(
                    f"kept the short paragraph right under a photo (page {number}) as report text; if it "
                    f"is the photo's caption, delete it from the document: “{shortened(text)}”"
                )
        kept_pages.append([line for line in lines if id(line) not in dropped])
    return kept_pages, notes


def _block_under(lines: list[_Line], box: _Box) -> list[_Line]:
    """The short block of lines that starts right under `box` and stands apart from the text
    after it; [] when the text under the image is none, or a longer paragraph."""
    under = [
        index
        for index, line in enumerate(lines)
        if 0 <= box.bottom - line.baseline <= _CAPTION_DROP * line.size
        and line.left < box.right
        and line.right > box.left
    ]
    if not under:
        return []
    start = max(under, key=lambda index: lines[index].baseline)
    block = [lines[start]]
    for line in lines[start + 1 :]:
        step = block[-1].baseline - line.baseline
        apart = not 0 < step <= _CAPTION_LEADING * line.size or _different_type(block[-1], line)
        if apart or _centred_under(block[-1], box) != _centred_under(line, box):
            break
        block.append(line)
    if len(block) > _CAPTION_LINES or len(_joined(block).strip()) > _CAPTION_CHARS:
        return []
    return block


def _is_caption(block: list[_Line], box: _Box, body: float) -> bool:
    """Set smaller than body text, or centred under the image with its last line standing in
    from the image's edges (a body line under a column-wide image is centred under it too)."""
    if all(line.size * _SIZE_RATIO < body for line in block):
        return True
    last = block[-1]
    centred = all(_centred_under(line, box) for line in block)
    return centred and min(last.left - box.left, box.right - last.right) >= last.size


def _centred_under(line: _Line, box: _Box) -> bool:
    middle = (box.left + box.right) / 2
    return abs((line.left + line.right) / 2 - middle) <= _CENTRED_SLACK * line.size


def _is_heading_like(line: _Line, body: float) -> bool:
    """Larger than body text, or opening with a heading marker: a heading under a figure."""
    return (
        line.size > body * _SIZE_RATIO or numbering.parse_marker(strip_debris(line.text).strip()) is not None
    )


def _joined(lines: list[_Line]) -> str:
    """The lines of one paragraph as one line of text."""
    text = lines[0].text
    for line in lines[1:]:
        text = _join(text, line.text)
    return text


def _paragraph_text(lines: list[_Line]) -> str:
    """The lines of a paragraph of running text as one line: as `_joined`, and where one line
    ends in a Latin letter and the next opens with one, a space between them. A word processor
    breaks a paragraph's line at the space between two words and never inside a word (a table's
    narrow cell may, so cells are joined as they are), and LibreOffice writes no space at the end
    of the line (`（Community` / `Health Service Center）`)."""
    text = lines[0].text
    for line in lines[1:]:
        apart = _LATIN_END_RE.search(text) and _LATIN_START_RE.match(line.text)
        text = _join(text.rstrip() + " " if apart else text, line.text)
    return text


# --- table cells wrapped over lines --------------------------------------------------------------


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


#: Cells centred in their row's height stand off the baseline of a row's other cells by half a
#: line (one cell of two lines beside cells of one): less than this many ems, where the next row
#: stands a whole line or more away.
_CENTRED_OFFSET = 0.8


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


#: What ends a cell and never opens a row: an indicator's unit in brackets (`（%）`, `（万元）`)
#: or a target's qualifier (`以内`, `左右`), which an author often breaks onto the cell's next
#: line with its column far from full.
_CELL_TAIL_RE = re.compile(r"[（(][^（）()]{1,8}[）)]|以内|以上|以下|左右")


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


# --- paragraphs from the layout ---------------------------------------------------------------


@dataclass(frozen=True)
class _Paragraph:
    """Lines that read as one paragraph; `gap_before`: a blank line goes before it."""

    text: str
    size: float
    bold: bool
    #: its first line is centred, or its last (a title whose first line fills the column)
    centred: bool
    gap_before: bool
    left: float
    #: where the cells of a table row start and end (see _Line.cells, _Line.ends)
    cells: tuple[float, ...] = ()
    ends: tuple[float, ...] = ()
    #: it opens with the paragraphs' indent, in a document whose paragraphs open indented
    indented: bool = False
    #: a short line alone at the margin in such a document, ending no sentence: a heading's shape
    flush_phrase: bool = False


class _Layout:
    """The measures of a document's body text (its type size, line spacing and columns), and the
    paragraphs they give."""

    def __init__(self, pages: list[list[_Line]], widths: list[float]) -> None:
        self.pages = pages
        body = [line for lines in pages for line in lines]
        self.size = _body_size(body)
        self.pitch = self._pitch()
        whole = self._column(body, max(widths, default=595))
        measured = _widened(
            [
                self._column(lines, width) if len(lines) >= _PAGE_COLUMN_LINES else whole
                for lines, width in zip(pages, widths, strict=True)
            ],
            self.size,
        )
        columns = [
            self._page_columns(lines, width, page)
            for lines, width, page in zip(pages, widths, measured, strict=True)
        ]
        placed = [
            (line, number, column)
            for number, lines in enumerate(pages)
            for line, column in zip(lines, columns[number], strict=True)
        ]
        #: every line with its page and the text column it is set in (its page's, or a box's)
        self.placed = [
            (line, number, column)
            for (line, number, _), column in zip(
                placed, _insets([(line, col) for line, _, col in placed], self.size), strict=True
            )
        ]
        #: how far paragraphs open indented (points), when they do
        self.indent = self._paragraph_indent()
        #: how far short of the margin a line may end and still wrap, when the document shows it
        self.wrap_room = self._wrap_room()

    def _is_body(self, line: _Line) -> bool:
        return abs(line.size - self.size) <= self.size * (_SIZE_RATIO - 1)

    def _pitch(self) -> float:
        """The usual baseline step between two lines of body text."""
        return _body_pitch(self.pages, self.size) or self.size * 1.4

    def _column(self, lines: list[_Line], page_width: float) -> _Column:
        """The left margin is the leftmost start that two body lines share, the right margin the
        rightmost end that two share (justified lines all end there; ragged ones near it) unless
        two lines of text (no table rows) run on by more than an em: then the rightmost end of
        all. On a page of one-line paragraphs (a `——` list) few lines reach the margin, and two
        that end alike short of it would make every longer line a full one; one line sticking
        out (a long Latin word) moves no margin."""
        body = [line for line in lines if self._is_body(line)]
        lefts = Counter(float(round(line.left)) for line in body)
        rights = Counter(float(round(line.right)) for line in body)
        shared_left = [x for x, n in lefts.items() if n >= 2] or list(lefts) or [72.0]
        shared_right = [x for x, n in rights.items() if n >= 2] or list(rights) or [page_width - 72]
        right = max(shared_right)
        beyond = [line.right for line in body if not line.cells and line.right > right + self.size]
        return _Column(min(shared_left), max(beyond) if len(beyond) >= 2 else right)

    def _page_columns(self, lines: list[_Line], width: float, page: _Column) -> list[_Column]:
        """The column each line of a page is set in: the page's (`page`), or on a page set in two
        columns, the one the line stands in (a title across both has the page's)."""
        halves = _two_columns(lines, width) if len(lines) >= _PAGE_COLUMN_LINES else None
        if halves is None:
            return [page] * len(lines)
        left, right = (self._column(half, width) for half in halves)
        sides = {id(line): left for line in halves[0]} | {id(line): right for line in halves[1]}
        return [sides.get(id(line), page) for line in lines]

    def _paragraph_indent(self) -> float | None:
        """How far paragraphs open indented, when they do: the lines after a sentence that ended
        short of the margin (a paragraph's end, as far as the right edge tells) are mostly
        indented, most of them this far; None when they are not. A line opening with a marker
        set flush is not counted against them: a 公文 sets its headings flush (`（一）…`), and a
        report of short sections has nearly as many headings as paragraphs."""
        indents: list[float] = []
        flush = 0
        for (prev, page, prev_col), (line, next_page, column) in itertools.pairwise(self.placed):
            if page != next_page or prev_col != column or not self._same_body(prev, line):
                continue
            if self._room(prev, prev_col) < line.first_word + prev.size or not _ends_sentence(prev.text):
                continue
            if line.left - column.left >= _INDENT * line.size:
                indents.append(round((line.left - column.left) * 2) / 2)
            elif not _opens_with_marker(line, after_sentence=True):  # a heading set flush tells nothing
                flush += 1
        if len(indents) < _INDENTED_STARTS_MIN or len(indents) < _INDENTED_STARTS_SHARE * (len(indents) + flush):
            return None
        return _weighted_mode([(indent, 1) for indent in indents])

    def _wrap_room(self) -> float | None:
        """How far short of the margin a wrapped line of this document ends at most, but for a
        few: measured on lines broken mid-sentence before a line at the margin (their paragraph
        surely goes on), among which a ragged edge or a character grid shows; None when too few
        lines tell."""
        rooms = sorted(
            max(0.0, self._room(prev, prev_col))
            for (prev, page, prev_col), (line, next_page, column) in itertools.pairwise(self.placed)
            if page == next_page
            and prev_col == column
            and self._same_body(prev, line)
            and line.left - column.left < _INDENT * line.size
            and not ends_sentence(prev.text)
            and self._room(prev, prev_col) <= _RAGGED_ROOM * (prev_col.right - prev_col.left)
        )
        if len(rooms) < _WRAP_SAMPLES:
            return None
        return rooms[int(_WRAP_SHARE * (len(rooms) - 1))] + self.size

    def _same_body(self, a: _Line, b: _Line) -> bool:
        """Two lines of body text in one type, neither a table row."""
        return self._is_body(a) and not _different_type(a, b) and not a.cells and not b.cells

    def paragraphs(self) -> list[_Paragraph]:
        return _aligned_tables(_headings_set_apart(self._paragraphs_of(self.placed, self._footnotes())))

    def _paragraphs_of(self, placed: list[tuple[_Line, int, _Column]], notes: set[int]) -> list[_Paragraph]:
        """The paragraphs the lines make; a footnote (its lines' ids in `notes`) is set aside
        until the paragraph it interrupts (one running on to the next page) has ended."""
        paragraphs: list[_Paragraph] = []
        lines: list[_Line] = []
        held: list[tuple[_Line, int, _Column]] = []
        gap = False
        prev_page, prev_column = 0, _Column(0.0, 0.0)
        for index, item in enumerate(placed):
            line, page, column = item
            if id(line) in notes:
                held.append(item)
                continue
            if lines:
                after = placed[index + 1] if index + 1 < len(placed) else None
                following = after[0] if after and after[1:] == (page, column) else None
                joined, gap_here = self._continues(lines, prev_column, line, column, page == prev_page, following)
                if not joined:
                    paragraphs.append(self._paragraph(lines, prev_column, gap))
                    paragraphs.extend(self._notes(held))
                    lines, gap, held = [], gap_here, []
            lines.append(line)
            prev_page, prev_column = page, column
        if lines:
            paragraphs.append(self._paragraph(lines, prev_column, gap))
        return paragraphs + self._notes(held)

    def _notes(self, held: list[tuple[_Line, int, _Column]]) -> list[_Paragraph]:
        """The footnotes set aside, as paragraphs of their own after a blank line."""
        if not held:
            return []
        first, *rest = self._paragraphs_of(held, set())
        return [replace(first, gap_before=True), *rest]

    def _footnotes(self) -> set[int]:
        """The lines of the footnotes at the foot of each page (their ids): all the lines below
        the page's last line of body text, set smaller and in no table, the first of them
        opening with a note's mark (`①`, `[1]`, `注：`, `*`, a number)."""
        notes: set[int] = set()
        for lines in self.pages:
            body = [line.baseline for line in lines if self._is_body(line)]
            foot = sorted((line for line in lines if body and line.baseline < min(body)), key=lambda x: -x.baseline)
            if foot and _NOTE_MARK_RE.match(foot[0].text) and all(self._is_note(line) for line in foot):
                notes.update(id(line) for line in foot)
        return notes

    def _is_note(self, line: _Line) -> bool:
        return not line.cells and line.size * _SIZE_RATIO < self.size

    def _continues(
        self,
        paragraph: list[_Line],
        prev_col: _Column,
        line: _Line,
        column: _Column,
        same_page: bool,
        following: _Line | None = None,
    ) -> tuple[bool, bool]:
        """(whether `line` continues `paragraph`, whether a blank line goes between them);
        `following`: the line after `line` on its page and in its column, when there is one."""
        prev = paragraph[-1]
        step = prev.baseline - prev.depth - line.baseline
        pitch = self.pitch * max(prev.size, line.size) / self.size
        rows = bool(prev.cells and line.cells)  # a table's padding stands between its rows
        gap = same_page and step > pitch * (_ROW_GAP_FACTOR if rows else _GAP_FACTOR)
        room = self._room(prev, prev_col)
        full = room < line.first_word + _FULL_SLACK * prev.size
        if gap and not rows and full and self._title_over_grid_lines(prev, prev_col, line, step, pitch):
            return True, False
        if gap or _different_type(prev, line) or _other_column(prev_col, column):
            return False, True
        if full and not rows and _centred_title_wraps(prev, prev_col, line, prev.size > self.size * _SIZE_RATIO):
            return True, False
        ragged = self._ragged_wrap(paragraph, prev_col, line, column)
        # a table row that happens to stand balanced (cells centred, the last column empty) is no centred line
        centred = self._centred_text(prev, prev_col), self._centred_text(line, column)
        if any(centred) and not ragged:  # a centred paragraph wraps from a full line onto a centred one
            wraps = (
                full
                and self._balanced(prev, prev_col)
                and self._balanced(line, column)
                and not _heading_under_heading(paragraph, line)
            )
            return wraps, not wraps and centred[0] != centred[1]
        starts_new = (
            (not full and not ragged)
            or "\t" in prev.text
            or "\t" in line.text
            or line.text[:1].isspace()
            or (
                line.left - column.left >= _INDENT * line.size
                and not self._hanging(paragraph, line, column, following)
            )
            or (room >= _unbreakable_start(line, prev.size) and _ends_sentence(prev.text) and not ragged)
            or (_is_heading(paragraph) and (room >= prev.size or self._full_line_after_heading(paragraph, line, column)))
            or _opens_with_marker(
                line,
                after_sentence=(_ends_sentence(prev.text) and not _ends_list_item(prev.text)) or _is_heading(paragraph),
            )
        )
        return not starts_new, False

    def _title_over_grid_lines(self, prev: _Line, column: _Column, line: _Line, step: float, pitch: float) -> bool:
        """Whether a title set larger than the body wraps from the full line `prev` onto `line`
        across what would be a blank line: on Word's line grid (文档网格) a line too tall for one
        of the grid's lines takes two, so the title's lines stand further apart than its size
        spaces lines (the 2022 plan's 22 pt cover title, saved to PDF by LibreOffice)."""
        return (
            prev.size > self.size * _SIZE_RATIO
            and not _different_type(prev, line)
            and step <= 2 * pitch * _GAP_FACTOR
            and _centred_title_wraps(prev, column, line, larger=True)
        )

    def _hanging(self, paragraph: list[_Line], line: _Line, column: _Column, following: _Line | None) -> bool:
        """Whether `line` goes on with a paragraph set with a hanging indent (`_hangs`): one
        numbered (`（1）…`, Word's list) or, without a number (a `注：…`, a bulleted item, any
        paragraph so set), when `line` too wraps near the margin or ends a sentence, as a
        paragraph's lines do: a short phrase set in under a full heading line (`附表：…情况表`
        over `附表`) is a line of its own. A first line that happens to end its sentence at the
        margin hangs too when `line` wraps onto a `following` line set in as it is
        (`_hangs_past_a_full_stop`)."""
        if not _hangs(paragraph, line):
            return self._hangs_past_a_full_stop(paragraph, line, column, following)
        return (
            _numbered(paragraph)
            or self._room(line, column) <= self._ragged_room(column)
            or _ends_sentence(line.text)
        )

    def _hangs_past_a_full_stop(
        self, paragraph: list[_Line], line: _Line, column: _Column, following: _Line | None
    ) -> bool:
        """Whether `line`, set in under a full first line at the margin that ends a sentence,
        goes on with it: `line` wraps near the margin and the line after it stands set in as
        `line` does. A paragraph opening indented wraps to the margin instead, so a set-in line
        under a set-in line is a hanging paragraph's (`注：…。` / `…` / `…`). A set-in line
        that ends its paragraph cannot tell, and opens one."""
        first = paragraph[0]
        return (
            len(paragraph) == 1
            and following is not None
            and line.left - first.left >= _INDENT * line.size
            and abs(following.left - line.left) < _SPACE * line.size
            and self._same_body(line, following)
            and self._room(line, column) <= self._ragged_room(column)
        )

    def _full_line_after_heading(self, heading: list[_Line], line: _Line, column: _Column) -> bool:
        """Whether `line` is a full line that the heading cannot wrap onto: a heading wraps onto a
        short line, or, in a narrow column (two to a page), onto full ones while it stays a heading's
        length (`（一）着力稳定宏观经济大` / `盘，保持经济运行在合理区间`)."""
        if self.indent is not None:  # the paragraph under a heading would open indented
            return False
        length = len(strip_debris("".join(part.text for part in heading) + line.text).strip())
        return self._room(line, column) < line.size and length > _HEADING_CHARS

    def _ragged_wrap(self, paragraph: list[_Line], prev_col: _Column, line: _Line, column: _Column) -> bool:
        """Whether `line` wraps a paragraph that opened with the paragraphs' indent, where they
        do: it stands at the margin and the line before ended near it, though short of it (ragged
        right, or a character grid's half-width figures), even with a `。`; an opening line that
        ends about as short as it is indented is no centred line then."""
        first = paragraph[0]
        return (
            self.indent is not None
            and prev_col == column
            and abs(first.left - prev_col.left - self.indent) < _SPACE * first.size
            and line.left - column.left < _INDENT * line.size
            and self._same_body(paragraph[-1], line)
            and self._room(paragraph[-1], prev_col) <= self._ragged_room(prev_col)
        )

    def _ragged_room(self, column: _Column) -> float:
        """How far short of the margin a line may end and still wrap onto a line at the margin:
        as far as the document's wrapped lines end, or a quarter of the column when too few tell."""
        most = _RAGGED_ROOM * (column.right - column.left)
        return most if self.wrap_room is None else min(most, self.wrap_room)

    def _room(self, line: _Line, column: _Column) -> float:
        """The room left at the end of `line`: unless the first word of the next line is wider,
        the line ended short of the margin, so its paragraph ended there."""
        room = column.right - line.right
        if line.text.endswith(" "):  # broken at a space: the space took room too
            room -= _SPACE * line.size
        return room

    def _balanced(self, line: _Line, column: _Column) -> bool:
        """Whether the line stands in from the left margin as far as from the right one."""
        left, right = line.left - column.left, column.right - line.right
        return left >= _BALANCED_MIN * line.size and abs(left - right) < _CENTRED_SLACK * line.size

    def _centred(self, line: _Line, column: _Column) -> bool:
        """A balanced line clearly set in from both margins: centred."""
        return self._balanced(line, column) and line.left - column.left >= _INDENT * line.size

    def _centred_text(self, line: _Line, column: _Column) -> bool:
        return not line.cells and self._centred(line, column)

    def _paragraph(self, lines: list[_Line], column: _Column, gap: bool) -> _Paragraph:
        first = lines[0]
        centred = self._centred(first, column) or (len(lines) > 1 and self._centred(lines[-1], column))
        return _Paragraph(
            _paragraph_text(lines).rstrip(),
            first.size,
            first.bold,
            centred,
            gap,
            first.left,
            first.cells,
            first.ends,
            indented=self._opens_indented(first, column) and not centred,
            flush_phrase=self._flush_phrase(lines, column) and not centred,
        )

    def _flush_phrase(self, lines: list[_Line], column: _Column) -> bool:
        """A paragraph of one short line at the margin, in a document whose paragraphs open
        indented, ending no sentence: an unmarked heading (`关于国内建设`) set in the body type."""
        line = lines[0]
        return (
            self.indent is not None
            and len(lines) == 1
            and not line.cells
            and abs(line.left - column.left) < _SPACE * line.size
            and self._room(line, column) >= line.size
            and len(line.text.strip()) <= _HEADING_CHARS
            and not _ends_sentence(line.text.rstrip())
        )

    def _opens_indented(self, line: _Line, column: _Column) -> bool:
        """Whether `line` opens with the indent the document's paragraphs open with."""
        return self.indent is not None and abs(line.left - column.left - self.indent) < _SPACE * line.size


def _headings_set_apart(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """A flush phrase over an indented paragraph stands between blank lines, as an unmarked
    heading does in a text extract, so the normaliser reads it as one and does not run it into
    the paragraph under it."""
    out = list(paragraphs)
    for index, (heading, following) in enumerate(itertools.pairwise(paragraphs)):
        if heading.flush_phrase and following.indented:
            out[index] = replace(out[index], gap_before=True)
            out[index + 1] = replace(out[index + 1], gap_before=True)
    return out


def _widened(columns: list[_Column], size: float) -> list[_Column]:
    """The pages' columns, a page's narrower than most pages' by an em or more replaced by the
    column of the nearest page of the usual width (two pages on first: books mirror their
    margins): a page that a box fills (a long 专栏 set in from one margin or both) measures the
    box's edges as its column, and its lines were read as the page's text, not set in."""
    widths = Counter(round(column.right - column.left) for column in columns)
    if not widths:
        return columns
    usual = widths.most_common(1)[0][0]

    def usual_width(column: _Column) -> bool:
        return abs(column.right - column.left - usual) < size

    out = list(columns)
    for number, column in enumerate(columns):
        if column.right - column.left > usual - size:
            continue
        near = [number + step for step in (-2, 2, -1, 1, -3, 3) if 0 <= number + step < len(columns)]
        out[number] = next((columns[n] for n in near if usual_width(columns[n])), column)
    return out


def _two_columns(lines: list[_Line], width: float) -> tuple[list[_Line], list[_Line]] | None:
    """The lines of a page set in two columns, left and right of the page's middle, or None on
    a page of one: there, most lines run across the middle; in two columns, at least a few lines
    stand on either side, and few run across (a title, a table over both)."""
    middle = width / 2
    left = [line for line in lines if line.right < middle]
    right = [line for line in lines if line.left > middle]
    across = len(lines) - len(left) - len(right)
    if min(len(left), len(right)) < _PAGE_COLUMN_LINES / 2 or across > _ACROSS_SHARE * len(lines):
        return None
    return left, right


def _centred_title_wraps(prev: _Line, column: _Column, line: _Line, larger: bool) -> bool:
    """Whether a centred title wraps from the full line `prev` onto `line`, centred under it:
    `prev` does not start at the margin (it is set wider than the body text, or stands in), or
    is set `larger` than the body text (a 公文's title, 20 characters of 22 pt, fills the
    column to a point or two), and `line` is shorter and has the same centre. Measured against
    `prev`, not the column: on a page of one-line paragraphs the column is measured from their
    indented starts. A `prev` ending a sentence is a paragraph of one full line, not a title's
    first line: the indented paragraph after it, its first line ragged a little short of the
    margin, shares its centre. The caller passes no table rows: two rows of a table centred and
    wider than the text (as LibreOffice sets one) have this shape too."""
    at_margin = abs(prev.left - column.left) < _BALANCED_MIN * prev.size
    centre = abs((prev.left + prev.right) / 2 - (line.left + line.right) / 2)
    shorter = line.right - line.left < prev.right - prev.left
    return (
        (larger or not at_margin)
        and shorter
        and centre < _CENTRED_SLACK * line.size
        and not _ends_sentence(prev.text)
        and not _heading_under_heading([prev], line)
    )


def _heading_under_heading(paragraph: list[_Line], line: _Line) -> bool:
    """Whether `line` opens a heading under the heading `paragraph`: after a heading a `一、`
    opens one as after a sentence. On a character grid a centred `第三节 打造数字经济先行区`
    and the `一、提升数字产业化能级` set in under it two characters, as wide as the grid leaves
    on its right, have one centre, and read as one centred heading wrapped."""
    return _is_heading(paragraph) and _opens_with_marker(line, after_sentence=True)


def _hangs(paragraph: list[_Line], line: _Line) -> bool:
    """Whether `line` may be the next line of a paragraph set with a hanging indent (its first
    line at the margin, the lines after it set in under its text): the paragraph opens left of
    `line`, its last line (full, as the caller knows) breaks mid-sentence, and `line` stands where
    the paragraph's lines after the first do. A new paragraph opens after a sentence, not inside one."""
    first, last = paragraph[0], paragraph[-1]
    return (
        line.left - first.left >= _INDENT * line.size
        and not _ends_sentence(last.text)
        and (len(paragraph) == 1 or abs(line.left - last.left) < _SPACE * line.size)
    )


def _numbered(paragraph: list[_Line]) -> bool:
    return numbering.parse_marker(strip_debris(paragraph[0].text).strip()) is not None


def _unbreakable_start(line: _Line, character: float) -> float:
    """What a line's start needs at the end of the line before to have been set there: a figure
    or a Latin word is never broken (`6600多万…`), so a sentence end with room for a character but
    not for it is the layout's break, not the paragraph's; anything else, one `character`."""
    return max(character, line.first_word) if _FIGURE_OR_WORD_RE.match(line.text) else character


def _ends_sentence(text: str) -> bool:
    """A line that ends a sentence (not a Latin line broken at a space after a colon)."""
    return not text.endswith(" ") and ends_sentence(text)


def _ends_list_item(text: str) -> bool:
    """A line ending in `；`: an item of a run-in enumeration (`一、…；二、…；`) ends there as
    often as a paragraph does, so `一、` after it on the next line goes on with the sentence."""
    return text.rstrip().endswith(("；", ";"))


def _opens_with_marker(line: _Line, after_sentence: bool) -> bool:
    """Whether a line opens with a heading or item marker, so that it does not continue a full
    line before it (the normaliser decides, as for a text extract). `一、` is left alone mid-
    sentence (or after a `；`): running text breaks before `一、` in 之一、 or 统一、 as often as
    before a heading; a heading ends a sentence as far as this goes (`第二节 …` set across the
    column on a character grid, over `一、…`)."""
    marker = numbering.parse_marker(strip_debris(line.text).strip())
    return marker is not None and (after_sentence or marker.kind != "cn")


def _is_heading(paragraph: list[_Line]) -> bool:
    """Whether the lines so far are a short heading (a marker and a phrase, once converter debris
    such as `[bookmark: …]` is gone). A heading ends with its line when the next line is a full
    line of text (it would wrap onto a short one) or opens with a Latin word too wide for the room
    left."""
    opening = strip_debris("".join(line.text for line in paragraph)).strip()
    marker = numbering.parse_marker(opening)
    return (
        marker is not None
        and len(opening) <= _HEADING_CHARS
        and "。" not in opening
        and numbering.plausible_title(marker.rest)
    )


def _insets(lines: list[tuple[_Line, _Column]], body: float) -> list[_Column]:
    """The column each line is set in: its page's, or a box's within it. A box (a framed
    专栏, a quotation) is a run of lines set in from both margins, most of which end at one right
    edge and start at one left edge, one of those at least ending mid-sentence (its text wraps
    there; `——` items of one length, each ending in `；`, are no box): its own column, also
    where it runs on to the next page. A box set in from the left only is one too
    (`_left_insets`). Its lines are set in the `body` size or smaller: a title's line set larger,
    centred, ended where a heading under it did, and the two made a box."""
    columns = [column for _, column in lines]
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and _set_in(*lines[end]) and lines[end][0].size <= body * _SIZE_RATIO:
            end += 1
        run = _box_run([line for line, _ in lines[start:end]], body)
        under = run[1:] if _title_over(run) else run  # the box's lines, measured without its title
        if len(under) >= _BOX_LINES and (_justified_box(under) or _ragged_box(under, lines[start][1])):
            left, right = min(line.left for line in under), max(line.right for line in under)
            head = start - 1 if start and _title_wraps_into(lines[start - 1][0], run[0], left, right) else start
            columns[head : start + len(run)] = [_Column(left, right, box=True)] * (start + len(run) - head)
        start = start + len(run) if len(run) < end - start else end + 1
    return _left_insets(lines, columns, body)


def _box_run(run: list[_Line], body: float) -> list[_Line]:
    """The lines set in from both margins that may be one box: up to a line standing out past
    the left edge of all the box's lines before it after a line ending short of their right
    edge (a paragraph's end), which is none of them. A heading after the box, centred on the
    page and about as narrow as the box (`第三节 打造数字经济先行区` under 专栏5 on a character
    grid), is set in too, and measured with the box, the box had no left edge and was none. The
    run's first line may stand out so: the box's title; and a line its paragraph wraps onto from
    a full line stands left of that paragraph's indented first line."""
    for index in range(2, len(run)):
        before = run[1:index]
        standing_out = run[index].left < min(line.left for line in before) - _SPACE * body
        if standing_out and run[index - 1].right < max(line.right for line in before) - body:
            return run[:index]
    return run


def _title_over(run: list[_Line]) -> bool:
    """Whether the run opens with a line standing out past the others' left edge: a box's title
    centred over it, set in from the margins as its lines are. Wider than they are, it stands
    out on both sides (measured from its ends, the box would have one line at its right edge,
    and be none); narrower, on the left only where a character grid sets the box's left edge
    further in than its right one (`专栏1 “后疫情时代”新变化` centred on the page over lines
    set in three cells on the left and two on the right: measured from its start, no line of
    the box stood at the box's left edge)."""
    if len(run) < 2:
        return False
    first, rest = run[0], run[1:]
    return first.left < min(line.left for line in rest)


def _title_wraps_into(prev: _Line, line: _Line, left: float, right: float) -> bool:
    """Whether `prev`, over the box from `left` to `right`, is the first line of its title and
    `line`, the box's first, the last: a title wider than the box wraps from a line standing out
    past its edges on both sides, too wide to be set in from the page's margins, onto a shorter
    line centred under it (`专栏3 福田区现代金融新业态重` over `大项目和平台`). Left in the page's
    column, it was a paragraph of its own, and the box's title only the rest."""
    return (
        not prev.cells
        and not _different_type(prev, line)
        and prev.left < left
        and prev.right > right
        and _centred_title_wraps(prev, _Column(left, right), line, larger=False)
    )


def _justified_box(run: list[_Line]) -> bool:
    """Lines set in from both margins that are a box's, justified: at least two and a third of
    them start at one left edge and end at one right edge, one of those mid-sentence."""
    left, right = min(line.left for line in run), max(line.right for line in run)
    at_right = sum(1 for line in run if right - line.right < 0.5)
    at_left = sum(1 for line in run if line.left - left < 0.5)
    wraps = any(right - line.right < 0.5 and not _ends_sentence(line.text) for line in run)
    return wraps and min(at_left, at_right) >= 2 and min(at_left, at_right) * 3 >= len(run)


def _ragged_box(run: list[_Line], column: _Column) -> bool:
    """Lines set in from both margins that are a box's, set ragged right (a web page printed to
    PDF): no two end at one point, but at least two lines wider than half the page's column end
    within an em of the right edge mid-sentence and wrap onto a line at the left edge, and at
    least two and a third of the lines start there (headings of one length, each a short line
    over the next, are none)."""
    left, right = min(line.left for line in run), max(line.right for line in run)
    at_left = [line.left - left < 0.5 for line in run]
    wide = (column.right - column.left) / 2
    wraps = sum(
        1
        for line, next_at_left in zip(run, at_left[1:], strict=False)
        if next_at_left
        and right - line.right < line.size
        and line.right - line.left > wide
        and not _ends_sentence(line.text)
    )
    return wraps >= 2 and sum(at_left) >= 2 and sum(at_left) * 3 >= len(run)


def _left_insets(lines: list[tuple[_Line, _Column]], columns: list[_Column], body: float) -> list[_Column]:
    """`columns` with the boxes set in by a left indent only (a 专栏 whose paragraphs Word
    indents from the left, their lines reaching the right margin): a run of lines set in by an
    em or more, most of them starting at one left edge, where a line wraps mid-sentence at the
    margin onto a line at that edge. The line before the run must not wrap into it (the hanging
    indent of a numbered paragraph: its first line at the margin, the rest set in), and a last
    line that wraps out of it onto the margin is the first line of the indented paragraph after
    the box. Read against the page's column, the box's wrapped lines were indented paragraphs
    and the text after it ran into its last paragraph."""
    start = 0
    while start < len(lines):
        end = start
        while (
            end < len(lines)
            and not columns[end].box
            and _set_in_left(*lines[end])
            and lines[end][0].size <= body * _SIZE_RATIO
        ):
            end += 1
        while end > start and end < len(lines) and _wraps_out(lines[end - 1]):
            end -= 1
        run = [line for line, _ in lines[start:end]]
        into = start > 0 and not columns[start - 1].box and _wraps_out(lines[start - 1])
        if len(run) >= _BOX_LINES and not into and _wraps_within(run, lines[start][1]):
            left = min(line.left for line in run)
            columns[start:end] = [_Column(left, lines[start][1].right, box=True)] * (end - start)
        start = max(end, start + 1)
    return columns


def _wraps_out(placed: tuple[_Line, _Column]) -> bool:
    """Whether a line reaches the right margin mid-sentence: its text wraps onto the next line."""
    line, column = placed
    return column.right - line.right < line.size and not _ends_sentence(line.text)


def _wraps_within(run: list[_Line], column: _Column) -> bool:
    """Whether lines set in from the left are a box's: most start at one left edge, and a line
    reaching the margin mid-sentence wraps onto a line at that edge."""
    left = min(line.left for line in run)
    at_left = [line.left - left < 0.5 for line in run]
    if sum(at_left) < 2 or sum(at_left) * 3 < len(run):
        return False
    return any(
        _wraps_out((line, column)) and starts_at_edge
        for line, starts_at_edge in zip(run, at_left[1:], strict=False)
    )


def _other_column(a: _Column, b: _Column) -> bool:
    """Whether text moves into or out of a box (a page's own column may shift a little)."""
    return (a.box or b.box) and (a.box != b.box or abs(a.left - b.left) + abs(a.right - b.right) > 1)


def _set_in_left(line: _Line, column: _Column) -> bool:
    """Whether a line of text (not a table row) stands in from the left margin."""
    return not line.cells and line.left - column.left >= line.size


def _set_in(line: _Line, column: _Column) -> bool:
    """Whether a line of text (not a table row) stands in from both margins."""
    return not line.cells and line.left - column.left >= line.size and column.right - line.right >= line.size


def _aligned_tables(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Table rows with their cells in columns: an empty cell leaves no trace on the page, so each
    cell goes to the column it starts in (the columns are where the rows of one table start
    their cells, or, where the starts do not fall into as many columns as the widest row has
    cells, by their centres: cells centred in their columns), and a line of one cell is a row
    too when it stands between two rows (`一、预期性指标`) or, after the last, in a column of its
    own. Cells that stand in no columns (text set at tab stops) are taken in order."""
    out = list(paragraphs)
    index = 0
    while index < len(out):
        if not out[index].cells:
            index += 1
            continue
        end = index + 1
        while end < len(out) and not out[end].gap_before and (out[end].cells or _row_between(out, end)):
            end += 1
        columns = _columns([x for row in out[index:end] for x in (row.cells or (row.left,))], out[index].size)
        right = max((max(row.ends) for row in out[index:end] if row.ends), default=float("inf"))
        while end < len(out) and not out[end].gap_before and _in_a_later_column(out[end], columns, right):
            end += 1
        rows = out[index:end]
        widest = max(len(row.cells) for row in rows)
        centres = _columns([x for row in rows for x in _centres(row)], out[index].size)
        by_centre = len(columns) != widest and len(centres) == widest
        aligned = centres if by_centre else columns if len(columns) == widest else None
        for row in range(index, end):
            out[row] = replace(out[row], text=_row_text(out[row], aligned, widest, by_centre))
        index = end
    return out


def _centres(row: _Paragraph) -> list[float]:
    """Where the middle of each cell of a row stands (of the line, for a row of one cell)."""
    if row.cells and len(row.ends) == len(row.cells):
        return [(start + end) / 2 for start, end in zip(row.cells, row.ends, strict=True)]
    return [row.left + display_width(row.text.strip()) * row.size / 4]


def _row_between(paragraphs: list[_Paragraph], index: int) -> bool:
    return (
        index + 1 < len(paragraphs)
        and bool(paragraphs[index + 1].cells)
        and "\t" not in paragraphs[index].text
    )


def _in_a_later_column(paragraph: _Paragraph, columns: list[float], right: float) -> bool:
    """Whether a line of one cell after a table's rows is a row of it: it starts in a column after
    the first and ends within the table (the rows' `right`; an em of slack). A paragraph under
    the table may start where a centred cell does (at the paragraph indent), but runs on past it."""
    width = display_width(paragraph.text.strip()) * paragraph.size / 2
    return (
        "\t" not in paragraph.text
        and paragraph.left + width <= right + paragraph.size
        and any(abs(paragraph.left - x) < paragraph.size / 2 for x in columns[1:])
    )


def _columns(starts: list[float], size: float) -> list[float]:
    """Cell starts closer than an em are one column."""
    columns: list[float] = []
    for x in sorted(starts):
        if not columns or x - columns[-1] >= size:
            columns.append(x)
    return columns


def _row_text(row: _Paragraph, columns: list[float] | None, width: int, by_centre: bool = False) -> str:
    cells = [""] * width
    texts = row.text.strip().split("\t")
    places = _centres(row) if by_centre else row.cells or (row.left,)
    for order, (x, text) in enumerate(zip(places, texts, strict=False)):
        column = min(range(width), key=lambda n: abs(columns[n] - x)) if columns else order
        cells[column] = f"{cells[column]} {text}".strip()
    text = "\t".join(cells)
    return f" {text}" if text.startswith("\t") else text  # a space stands for an empty first cell


def _different_type(a: _Line, b: _Line) -> bool:
    """Set in another size, weight or font (when both lines' Han characters tell theirs)."""
    larger, smaller = max(a.size, b.size), min(a.size, b.size)
    return a.bold != b.bold or larger > smaller * _SIZE_RATIO or bool(a.face and b.face and a.face != b.face)


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph: a word processor breaks Chinese text anywhere and a Latin
    word only at a space, which it leaves at the end of the line."""
    right = right.lstrip()
    if left.endswith(" ") and left.rstrip()[-1:].isascii() and right[:1].isascii():
        return left.rstrip() + " " + right
    return left.rstrip() + right


def _body_pitch(pages: list[list[_Line]], size: float | None = None) -> float | None:
    """The usual baseline step between two lines of body text (set in `size`, by default the
    size most of the text is set in), None when no two follow each other."""
    size = size or _body_size([line for lines in pages for line in lines])
    steps = [
        round((upper.baseline - lower.baseline) * 2) / 2
        for lines in pages
        for upper, lower in itertools.pairwise(lines)
        if _same_size(upper, size) and _same_size(lower, size) and upper.baseline > lower.baseline
    ]
    return _weighted_mode([(step, 1) for step in steps])


def _same_size(line: _Line, size: float) -> bool:
    return abs(line.size - size) <= size * (_SIZE_RATIO - 1)


def _body_size(lines: list[_Line]) -> float:
    """The type size most of the text is set in."""
    return _weighted_mode([(round(line.size * 2) / 2, len(line.text)) for line in lines]) or 12.0


def _weighted_mode(values: list[tuple[float, int]]) -> float | None:
    counts: Counter[float] = Counter()
    for value, weight in values:
        counts[value] += weight
    return counts.most_common(1)[0][0] if counts else None


def _plain_text(paragraphs: list[_Paragraph]) -> str:
    out: list[str] = []
    for paragraph in paragraphs:
        if paragraph.gap_before and out:
            out.append("")
        out.append(_PARAGRAPH_INDENT + paragraph.text if paragraph.indented and not paragraph.cells else paragraph.text)
    return "\n".join(out) + "\n"


def _title(paragraphs: list[_Paragraph]) -> str:
    """The opening paragraph when it is centred and set larger than anything after it on the
    first lines: the report's title. A 公文's masthead and document number over it
    (`…人民政府文件`, set larger still, and `福府〔2022〕3号`) are passed over."""
    start = 0
    while start < min(len(paragraphs), _MASTHEAD_PARAGRAPHS) and _MASTHEAD_RE.fullmatch(paragraphs[start].text.strip()):
        start += 1
    if start == len(paragraphs) or not paragraphs[start].centred:
        return ""
    first = paragraphs[start]
    following = paragraphs[start + 1 : start + 12]
    if following and all(first.size > p.size * _SIZE_RATIO for p in following):
        return first.text.strip()
    return ""
