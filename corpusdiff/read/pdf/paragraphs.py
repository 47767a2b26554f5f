"""Paragraphs from the layout: where a paragraph ends, as a reader of the page sees it."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, replace

from corpusdiff.read.pdf.lines import (
    _body_size,
    _Column,
    _different_type,
    _Line,
    _paragraph_text,
    _same_size,
    _weighted_mode,
)
from corpusdiff.read.pdf.params import (
    _ACROSS_SHARE,
    _BALANCED_MIN,
    _BOX_LINES,
    _CENTRED_SLACK,
    _FIGURE_OR_WORD_RE,
    _FULL_SLACK,
    _GAP_FACTOR,
    _HEADING_CHARS,
    _INDENT,
    _INDENTED_STARTS_MIN,
    _INDENTED_STARTS_SHARE,
    _MASTHEAD_PARAGRAPHS,
    _MASTHEAD_RE,
    _NOTE_MARK_RE,
    _PAGE_COLUMN_LINES,
    _PARAGRAPH_INDENT,
    _RAGGED_ROOM,
    _ROW_GAP_FACTOR,
    _SIZE_RATIO,
    _SPACE,
    _WRAP_SAMPLES,
    _WRAP_SHARE,
)
from corpusdiff.text import numbering
from corpusdiff.text.chars import display_width
from corpusdiff.text.rules import ends_sentence, strip_debris


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
