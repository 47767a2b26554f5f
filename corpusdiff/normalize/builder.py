"""The state of the line walk: the blocks built so far, the paragraph open, the list and box the
walk is in, and the facts decided about the raw lines before it (raw_lines).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from corpusdiff.normalize import tables
from corpusdiff.normalize.heading_lines import (
    ordinal_heading_lines,
    plain_heading_lines,
    stands_as_part_title,
    sub_heading_lines,
)
from corpusdiff.normalize.raw_lines import (
    BULLET_RE,
    cleaned_lines,
    closes_itself,
    is_occasion_paragraph,
    soft_break_lines,
    wrapped_lines,
)
from corpusdiff.text import numbering as headings
from corpusdiff.text.chars import has_han
from corpusdiff.text.lines import (
    is_indented,
)
from corpusdiff.text.occasion import (
    is_bare_occasion,
    split_glued_salutation,
)
from corpusdiff.text.rules import (
    clean_text,
    ends_sentence,
    is_page_number,
    join_fragments,
    repair_misread_dash,
)
from corpusdiff.text.wrapping import Wrap, as_set, hard_wrap
from corpusdiff.types.document import Block, Heading, ListItem, Paragraph

NOTE_RE = re.compile(r"^注\s*[：:]")
_FLAT_TABLE_MAX_LINES = 400
_FLAT_CELL_MAX = 40
_FLAT_HEADER_MAX_LINES = 30


@dataclass(frozen=True)
class Interrupted:
    """A sequence a restart at 1 interrupted: its last ordinal, and the block where the inner
    sequence starts (its headings become the nested kind when the outer sequence resumes); None
    when the restart does not come inside a section of the interrupted sequence."""

    ordinal: int
    inner_start: int | None


@dataclass
class _Open:
    """The paragraph or list item being assembled from fragments."""

    kind: type[Paragraph] | type[ListItem]
    text: str = ""
    after_subtitle: bool = False
    in_front: bool = False  # before the first heading: the occasion, byline and salutation


@dataclass
class Builder:
    """Accumulates blocks while walking the body lines."""

    lines: list[str]
    #: The running-head lines to pass over (`running_head_lines`), by index.
    skip: frozenset[int] = frozenset()
    cleaned: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    current: _Open | None = None
    last_ordinal: dict[str, int] = field(default_factory=dict)
    #: Per marker kind, the sequences a restart at 1 interrupted (a 一、…五、 list of points inside
    #: section 二、), innermost last: the next of the outer one resumes it.
    outer_ordinals: dict[str, list[Interrupted]] = field(default_factory=dict)
    #: Per marker kind, its last number before a heading of an outer kind started its numbering
    #: again: the sequence may run on instead (a five-year outline numbers its 章 through every 篇).
    ran_on: dict[str, int] = field(default_factory=dict)
    in_appendix: bool = False
    in_box: bool = False
    last_item: dict[str, int] = field(default_factory=dict)
    list_items: frozenset[int] = frozenset()
    plain_headings: frozenset[int] = frozenset()
    standalone: frozenset[int] = frozenset()
    ordinal_headings: frozenset[int] = frozenset()
    sub_headings: frozenset[int] = frozenset()
    #: Numbered lines whose siblings are mostly headings (`headings.decide_runs`): a heading phrase
    #: may be twice as long, so one long first sentence goes with its siblings.
    sibling_headings: frozenset[int] = frozenset()
    whole_paragraphs: bool = False  # every line is a whole paragraph (_PARAGRAPH_FORMATS)
    #: the line breaks come from a layout, not a wrap width (_LAID_OUT_FORMATS)
    laid_out: bool = False
    #: every line is a whole paragraph or heading (_LINE_PARAGRAPH_FORMATS)
    line_paragraphs: bool = False
    #: the report came as plain text, whose spacing is the writer's (`soft_break_lines`), not an
    #: extractor's
    plain_text: bool = False
    #: Lines that continue the paragraph before them although it ends a sentence (`wrapped_lines`).
    wrapped_on: frozenset[int] = frozenset()
    flat_scan: FlatTableScan | None = None  # read when the walk first looks for a table
    #: Lines' marker texts and markers as first read: the walk asks again for each numbered line.
    marker_texts: dict[int, str] = field(default_factory=dict)
    markers: dict[int, headings.Marker | None] = field(default_factory=dict)
    #: whether the text breaks its lines inside paragraphs (`_breaks_lines`), read when first asked
    line_breaking: bool | None = None
    #: A web page's lines over the report that a copy of the page keeps (`_is_portals_line`), dropped.
    page_lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.cleaned:
            self.cleaned = cleaned_lines(self.lines)
        if not self.in_box:
            marker_texts = [self.marker_text(i) for i in range(len(self.lines))]
            runs = headings.decide_runs(marker_texts, self.line_paragraphs)
            self.list_items = runs.list_items
            self.sibling_headings = runs.headings
            self.standalone = frozenset(
                i
                for i in range(len(self.lines))
                if stands_as_part_title(self.lines, marker_texts, i, self.whole_paragraphs)
            )
            self.plain_headings = plain_heading_lines(self.lines, marker_texts, self.standalone)
            self.ordinal_headings = ordinal_heading_lines(self.lines, marker_texts, self.whole_paragraphs)
            self.sub_headings = sub_heading_lines(self.lines, marker_texts, self.standalone - self.plain_headings)
            self.wrapped_on = wrapped_lines(self.lines, self.cleaned, self.skip, self.wrap)
            if self.plain_text:
                self.wrapped_on |= soft_break_lines(self.lines, self.cleaned, self.skip)

    @cached_property
    def wrap(self) -> Wrap | None:
        """The width the text is hard-wrapped at (`text.wrapping.hard_wrap`), measured once: the
        paragraph joins, the heading rule and the warning on unindented wrapping all ask."""
        return hard_wrap(self.lines)

    @cached_property
    def page_wrap(self) -> Wrap | None:
        """The wrap when it is a page's measure (20 characters or more): the lines of a short
        text that happen to be of one length (a test's few lines) are no page, and a line of
        theirs no full line a wrap cut."""
        wrap = self.wrap
        if wrap is None or wrap.width < (_MEASURE_MIN if wrap.measure is len else 2 * _MEASURE_MIN):
            return None
        return wrap

    def breaks_lines(self) -> bool:
        """Whether the text breaks lines inside its paragraphs (`_breaks_lines`)."""
        if self.line_breaking is None:
            self.line_breaking = _breaks_lines(self)
        return self.line_breaking

    def marker_text(self, index: int) -> str:
        """A line as its numbering marker is read (after any bullet); "" for no text."""
        if index not in self.marker_texts:
            self.marker_texts[index] = self._read_marker_text(index)
        return self.marker_texts[index]

    def _read_marker_text(self, index: int) -> str:
        text = self.cleaned[index]
        if not text or is_page_number(text) or index in self.skip:
            return ""
        bullet = BULLET_RE.match(text)
        return clean_text(text[bullet.end() :] if bullet else text, quotes=False)

    def heading_line(self, index: int) -> str:
        """The line at `index` as its heading's clause gaps are read from (`keep_clause_gaps`):
        in hard-wrapped text a full line is justified, so its ASCII spaces are where the
        characters were spread to fill the measure (`经济 运行保持在  合理区间`), no gap between
        clauses (a heading set with gaps between its clauses is shorter than the measure without
        them); the ideographic space a writer types between them stays."""
        raw = self.lines[index]
        if self.page_wrap is None or not self.page_wrap.is_full(as_set(raw)):
            return raw
        return _JUSTIFYING_SPACES_RE.sub("", raw)

    def marker(self, index: int) -> headings.Marker | None:
        """The numbering marker a line opens with (`headings.parse_marker` of its marker text)."""
        if index not in self.markers:
            self.markers[index] = headings.parse_marker(self.marker_text(index))
        return self.markers[index]

    def flush(self) -> None:
        if self.current and self.current.text:
            text = clean_text(self.current.text)
            glued = split_glued_salutation(text) if self.current.in_front else None
            if glued:
                self.blocks.extend(Paragraph(part) for part in glued)
            elif text:
                self.blocks.append(self.current.kind(text))
        self.current = None

    def is_open(self) -> bool:
        current = self.current
        return bool(
            current
            and not ends_sentence(current.text)
            and not closes_itself(current.text, current.after_subtitle, current.in_front)
        )

    def add_text(
        self, text: str, kind: type[Paragraph] | type[ListItem] = Paragraph, *, wrapped: bool = False
    ) -> None:
        """Continue the open paragraph, or start a block; `wrapped` continues it even after a
        sentence end (a hard wrap fell there)."""
        if kind is Paragraph and (self.is_open() or (wrapped and self.current is not None)):
            assert self.current is not None
            self.current.text = join_fragments(self.current.text, text)
            return
        self.flush()
        previous = self.blocks[-1] if self.blocks else None
        after_subtitle = isinstance(previous, Paragraph) and (
            is_occasion_paragraph(previous.text) or is_bare_occasion(previous.text)
        )
        in_front = not any(isinstance(block, Heading) for block in self.blocks)
        self.current = _Open(kind, repair_misread_dash(text), after_subtitle, in_front)


#: A page's measure holds at least this many characters (`Builder.page_wrap`).
_MEASURE_MIN = 20
#: A line of prose this long or longer that ends mid-clause was cut by a wrap, not by its writer.
_WRAPPED_PROSE_MIN = 10


def _breaks_lines(builder: Builder) -> bool:
    """Whether the text breaks lines inside its paragraphs: it is hard-wrapped at one width, or a
    line of prose (a clause mark after any numbering) ends on a character with the next line right
    under it, unindented (`加快建` / `设综合性国家科学中心。`). Only such text wraps a heading too: text
    with one paragraph per line, single-spaced as the older reports are, sets a short line under a
    heading as a sub-heading of its own (`一、一九五六年计划的执行结果` / `工业生产`)."""
    lines, cleaned = builder.lines, builder.cleaned
    if builder.wrap is not None:
        return True
    return any(
        len(text) >= _WRAPPED_PROSE_MIN
        and has_han(text[-1])
        and index not in builder.skip
        and cleaned[index + 1]
        and not is_indented(lines[index + 1])
        and _CLAUSE_MARK_RE.search(_unnumbered(builder, index))
        for index, text in enumerate(cleaned[:-1])
    )


def _unnumbered(builder: Builder, index: int) -> str:
    """A line's text after its numbering marker, if any."""
    marker = builder.marker(index)
    return marker.rest if marker else builder.cleaned[index]


_CLAUSE_MARK_RE = re.compile(r"[，；、,;]")
#: The spaces a justified line holds between its characters: ASCII ones, inside the line.
_JUSTIFYING_SPACES_RE = re.compile(r"(?<=\S) +(?=\S)")


def fills_measure(builder: Builder, line: str) -> bool:
    """A line of hard-wrapped text that fills a page's measure, so the wrap may have cut it."""
    return builder.page_wrap is not None and builder.page_wrap.is_full(line)


@dataclass(frozen=True)
class FlatTableScan:
    """What the look-ahead for a space-separated table needs of every line, read once when the
    walk first asks in an appendix (it asks at every line there): from each line, the next
    numbered row and the next line that ends a table; and running counts of captions, numbered
    rows and rows with values. Asking whether a table starts at a line then costs the same
    however long the appendix is, instead of re-reading up to a table's worth of lines."""

    next_row: tuple[int, ...]
    next_end: tuple[int, ...]
    captions: tuple[int, ...]
    rows: tuple[int, ...]
    valued_rows: tuple[int, ...]

    @classmethod
    def of(cls, lines: list[str], cleaned: list[str]) -> FlatTableScan:
        texts = [tables.flat_text(line) for line in lines]
        rows = [tables.is_flat_row(text) for text in texts]
        ends = [_ends_flat_table(text) for text in cleaned]
        return cls(
            next_row=_next_true(rows),
            next_end=_next_true(ends),
            captions=_running_count(tables.is_caption(text) for text in texts),
            rows=_running_count(rows),
            valued_rows=_running_count(row and tables.has_value_cells(text) for row, text in zip(rows, texts, strict=True)),
        )

    def table_end(self, index: int, stop: int) -> int:
        """The end of the lines a table starting at `index` may take: up to its note, the next
        appendix, or running text, and never more than a table's worth of lines."""
        return min(stop, index + _FLAT_TABLE_MAX_LINES, self.next_end[index])

    def table_starts(self, index: int, stop: int) -> bool:
        """The header starts here: a numbered row follows within a header's length, no caption
        stands before it, and the table's lines hold two numbered rows, one with values."""
        end = self.table_end(index, stop)
        first = self.next_row[index]
        return (
            first < min(end, index + _FLAT_HEADER_MAX_LINES)
            and self.captions[first] == self.captions[index]
            and self.rows[end] - self.rows[index] >= 2
            and self.valued_rows[end] > self.valued_rows[index]
        )


def _ends_flat_table(text: str) -> bool:
    """A note, an appendix title, or running text (a long line that is not a numbered row)."""
    return bool(
        NOTE_RE.match(text)
        or headings.is_appendix_title(text)
        or (len(text) > _FLAT_CELL_MAX and not tables.is_flat_row(text))
    )


def _next_true(flags: list[bool]) -> tuple[int, ...]:
    """For each position, the first position at or after it whose flag is set (len(flags) if none)."""
    nearest = [len(flags)] * (len(flags) + 1)
    for index in range(len(flags) - 1, -1, -1):
        nearest[index] = index if flags[index] else nearest[index + 1]
    return tuple(nearest)


def _running_count(flags: Iterable[bool]) -> tuple[int, ...]:
    """How many flags are set before each position (one more position than flags)."""
    return (0, *itertools.accumulate(int(flag) for flag in flags))
