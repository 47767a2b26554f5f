"""Raw report text -> NormalizedDocument (structure recovered, text cleaned).

The walk over the lines is a small state machine: tables, boxes and headings are recognised
first; every other line is text that either continues the open paragraph (the fragment so far
does not end a sentence) or starts a new one. Blank lines and page numbers never end a
paragraph on their own, because page breaks in PDF extracts look exactly like them; in a web
page's or a PDF's extract (`_LAID_OUT_FORMATS`) a line that opens as a paragraph does starts one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import cast

from corpusdiff.errors import InputError
from corpusdiff.normalize import tables
from corpusdiff.normalize.heading_lines import (
    ordinal_heading_lines,
    plain_heading_lines,
    stands_as_part_title,
    sub_heading_lines,
)
from corpusdiff.normalize.metadata import (
    detect_metadata,
    is_page_info_line,
    without_release_label,
)
from corpusdiff.normalize.raw_lines import (
    BULLET_RE,
    DASH_ITEM_RE,
    cleaned_lines,
    closes_itself,
    debris_only,
    heads_over_title,
    is_occasion_paragraph,
    joints_warning,
    opens_paragraph,
    page_joint_lines,
    page_lines_warning,
    running_head_lines,
    soft_break_lines,
    title_block,
    unindented_wrap_warning,
    without_contents,
    wrapped_lines,
    wrapper_lines,
)
from corpusdiff.read import boilerplate
from corpusdiff.read.decode import RawReport
from corpusdiff.strings import counted
from corpusdiff.text import numbering as headings
from corpusdiff.text.chars import display_width, has_han
from corpusdiff.text.compat import repair_stand_ins
from corpusdiff.text.lines import (
    is_indented,
)
from corpusdiff.text.occasion import (
    SALUTATION_RE,
    is_bare_occasion,
    is_date_line,
    split_glued_salutation,
)
from corpusdiff.text.rules import (
    clean_text,
    ends_sentence,
    is_page_number,
    join_fragments,
    join_letter_spaced,
    keep_clause_gaps,
    repair_misread_dash,
    strip_debris,
    tidy_spaces,
)
from corpusdiff.text.wrapping import Wrap, as_set, hard_wrap
from corpusdiff.types.document import Block, Box, Heading, ListItem, NormalizedDocument, Paragraph
from corpusdiff.types.document import Table as TableBlock

_NOTE_RE = re.compile(r"^注\s*[：:]")
#: A sentence's end: once one has come, the report's text has begun.
_SENTENCE_END_RE = re.compile(r"[。！？!?]")
#: A short line without punctuation: after a bare numeral or 第X部分 alone, the heading's title.
_TITLE_LINE_RE = re.compile(r"^[^，。；：！？、,.;:!?]{1,24}$")
#: A line starting with one of these continues the sentence of the line before it.
_RUN_ON_START = "，。、；：！？,.;:!?）)”’》」』】"
#: Marker kinds of numbered items: the next number in sequence always starts a new block.
_ITEM_KINDS = ("num", "pnum", "circled")
_CONNECTOR_END = "和与及的、"
#: A line whose siblings are headings may have a heading phrase up to this many times as long.
_SIBLING_TITLE_FACTOR = 2
#: Line breaks other than LF that text copied out of other programs carries: Word's manual line
#: break as a vertical tab, the Unicode line and paragraph separators of web and app text, NEL.
#: Read as the line breaks they are, not dropped as control characters, so no lines run together.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\x0b\u2028\u2029\x85", "\n"))
_FLAT_TABLE_MAX_LINES = 400
_FLAT_CELL_MAX = 40
_FLAT_HEADER_MAX_LINES = 30
#: Formats whose extract gives every paragraph as one line (read/html.py: one `<p>` a line); a
#: Word paragraph may be one wrapped line of a converted PDF, and plain text wraps.
_PARAGRAPH_FORMATS = frozenset({"html"})
#: Formats whose lines end where the page's layout ends a paragraph or a `<br>` breaks one
#: (read/html.py, read/pdf/), never at a wrap width: a line that opens as only a paragraph does
#: (`opens_paragraph`) starts one, even after a paragraph that lacks its closing `。`.
_LAID_OUT_FORMATS = frozenset({"html", "pdf"})
#: Formats whose every line is a whole paragraph or heading, as their extractors write them
#: (read/html.py, read/markdown.py, read/docx.py, read/doc.py, read/pdf/): a line never wraps onto the next.
_LINE_PARAGRAPH_FORMATS = frozenset({"html", "markdown", "docx", "doc", "pdf"})


@dataclass(frozen=True)
class _Interrupted:
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
class _Builder:
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
    outer_ordinals: dict[str, list[_Interrupted]] = field(default_factory=dict)
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
    flat_scan: _FlatTableScan | None = None  # read when the walk first looks for a table
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


def _repaired_characters(text: str) -> str:
    """The raw text with every line break an LF, stand-in characters as the ones they stand for
    and OCR's letter-spacing closed up (docs/canonical-markdown.md, rules 1, 10 and 11): before
    anything is read from it, so the title, dates and headings are found in what the report says."""
    lines = repair_stand_ins(text.translate(_LINE_BREAKS)).split("\n")
    return "\n".join(join_letter_spaced(line) for line in lines)


def normalize_report(
    raw: RawReport, overrides: Mapping[str, object] | None = None, *, derive_series: bool = True
) -> NormalizedDocument:
    """Normalise a decoded report; `overrides` (from a manifest or the CLI) win over detection."""
    raw = replace(raw, text=_repaired_characters(raw.text))
    if not has_han(raw.text):
        raise InputError(
            f"{raw.name}: contains no Chinese text, so it is not a report corpusdiff can normalise; "
            "check that this is the right file"
        )
    text, footer = boilerplate.split_trailing_boilerplate(raw.text)
    lines = text.split("\n")
    lines, contents = without_contents(lines, raw.title_hint)
    title = title_block(lines, raw.title_hint)
    body_start = title.end if title else 0
    wrapper = wrapper_lines(lines[: title.start], title.text) if title else []
    body = lines[body_start:]
    cleaned = cleaned_lines(body)
    joints = page_joint_lines(body, cleaned, title.text if title else "")
    builder = _Builder(
        body,
        cleaned=cleaned,
        skip=running_head_lines(body, cleaned, title.text if title else "", heads_over_title(lines, title)) | joints,
        whole_paragraphs=raw.format in _PARAGRAPH_FORMATS,
        laid_out=raw.format in _LAID_OUT_FORMATS,
        line_paragraphs=raw.format in _LINE_PARAGRAPH_FORMATS,
        plain_text=raw.format == "text",
    )
    _walk(builder, 0, len(builder.lines))
    builder.flush()
    blocks = tuple(builder.blocks)
    page_lines = [line for line in wrapper if is_page_info_line(line)] + builder.page_lines
    if page_lines:  # the page's date dates a report that prints none, as the page read as HTML does
        raw = replace(raw, date_hint=raw.date_hint or boilerplate.page_date(page_lines))
    named, label = without_release_label(title)
    metadata, notes = detect_metadata(
        raw, named, wrapper, blocks, overrides or {}, derive_series=derive_series
    )
    warnings = [*raw.notes, *builder.warnings, *page_lines_warning(builder.page_lines), *joints_warning(body, joints)]
    if label:
        warnings.append(f"dropped the news site's label “{label}” from the title: not part of the report's title")
    unindented = unindented_wrap_warning(body, cleaned, builder.skip, builder.wrap) if raw.format == "text" else None
    if unindented:
        warnings.append(unindented)
    if footer:
        what = "a 公文's 版记 (copies, printing office)" if boilerplate.opens_with_record(footer) else "a site licence or footer block"
        warnings.append(
            f"dropped {what} at the end (“{boilerplate.describe(footer)}”), "
            "which is not report text; the raw file keeps it"
        )
    if contents:
        warnings.append(
            f"dropped the table of contents after the title ({counted(len(contents), 'entry', 'entries')}, "
            f"“{contents[0][:30]}”…): not part of the report"
        )
    if wrapper:
        warnings.append(
            f"dropped {counted(len(wrapper), 'line')} before the title (“{tidy_spaces(wrapper[0])[:30]}”…: a "
            f"{metadata.container or 'wrapper'} cover, introduction, contents or official header): "
            "not part of the report"
        )
    warnings.extend(continuation_warnings(blocks, raw.name) if title is None else [])
    warnings.extend(notes)
    warnings.extend(missing_heading_warnings(blocks))
    return NormalizedDocument(metadata=metadata, blocks=blocks, warnings=tuple(warnings))


def _walk(builder: _Builder, start: int, stop: int) -> None:
    index = start
    while index < stop:
        index = _step(builder, index, stop)


def _step(builder: _Builder, index: int, stop: int) -> int:
    """Consume one construct starting at `index`; return the index after it."""
    raw = builder.lines[index]
    text = builder.cleaned[index]
    if not text or is_page_number(text) or index in builder.skip:
        return index + 1
    if text.startswith("。") and _right_after_heading(builder):
        # the heading's own stop, which a line break put on the next line: dropped as rule 5
        # drops it, and the rest of the line opens the heading's first paragraph
        if text[1:].strip():
            builder.add_text(text[1:].lstrip())
        return index + 1
    if (
        tables.starts_tab_table(raw)
        and not raw.startswith("\t")
        and not BULLET_RE.match(text)  # Word's "save as text" sets a tab after a list's bullet
        and _has_a_second_row(builder, index, stop)
    ):
        return _take_tab_table(builder, index, stop)
    if headings.is_box_title(text) and not builder.in_box:
        return _take_box(builder, index, stop)
    if raw.startswith("\t") and _cell_group_size(builder.lines, index, stop) >= 3:
        return _take_cell_table(builder, index, stop)
    if builder.in_appendix and _flat_table_ahead(builder, index, stop):
        return _take_flat_table(builder, index, stop)
    if rows := _gap_table_length(builder, index, stop):
        return _take_gap_table(builder, index, index + rows)
    bullet = BULLET_RE.match(text)
    content = text[bullet.end() :] if bullet else text
    if headings.is_appendix_title(content) and not builder.in_box:
        return _take_appendix_heading(builder, content, index, stop)
    if index in builder.plain_headings:
        builder.flush()
        builder.blocks.append(Heading(keep_clause_gaps(content, builder.heading_line(index)), headings.PLAIN))
        builder.last_ordinal.clear()  # the numbered sections start again under a part
        builder.outer_ordinals.clear()
        return index + 1
    if index in builder.sub_headings:
        builder.flush()
        builder.blocks.append(Heading(keep_clause_gaps(content, builder.heading_line(index)), headings.SUB))
        return index + 1
    if index in builder.standalone:  # a title the evidence does not make a heading: its own line
        builder.add_text(content)
        builder.flush()
        return index + 1
    if headings.is_closing_title(content) and not builder.in_box:
        builder.flush()
        builder.blocks.append(Heading(content.strip(), headings.CLOSING))
        return index + 1
    if not builder.in_box and index not in builder.list_items:
        after = _take_marked_line(builder, index, stop)
        if after is not None:
            return after
    if (
        (builder.laid_out and opens_paragraph(content))
        or (builder.plain_text and _opens_indented(builder.lines, index))
        or (builder.line_paragraphs and _NOTE_RE.match(content))  # a note: a Word file's footnote
    ):
        builder.flush()
    _start_numbered_item(builder, builder.marker(index))
    if headings.is_bare_appendix_label(content) and _after_a_heading(builder):
        return _take_appendix_label(builder, content, index)
    if _is_portals_line(builder, index, content):
        builder.flush()
        builder.page_lines.append(content)
        return index + 1
    if not _after_a_heading(builder) and is_page_info_line(builder.lines[index]):
        return _take_line_alone(builder, content, index)
    if bullet and not DASH_ITEM_RE.match(content):
        builder.add_text(content, ListItem)
    else:
        builder.add_text(content, wrapped=index in builder.wrapped_on)
    return index + 1


def _is_portals_line(builder: _Builder, index: int, content: str) -> bool:
    """A web page's line over the report, which a text copied (or a PDF printed) from the page
    keeps: its publication date and source, view count, font-size, print and share links
    (`发布时间：2024-01-25 10:30  来源：某市人民政府办公室  字号：大 中 小  打印`). The HTML reader
    drops the same line from the page, so the copy drops it too; only before the report's text
    begins (no heading, no sentence yet), and never a date line, which is the report's own
    (`2024年1月20日` under the title)."""
    return (
        not builder.in_box
        and is_page_info_line(builder.lines[index])
        and not is_date_line(content)
        and _before_the_text(builder)
    )


def _before_the_text(builder: _Builder) -> bool:
    """No heading and no sentence yet: the title page's lines (occasion, byline, date line) and
    the salutation are all that has come."""
    texts = [block.text for block in builder.blocks if isinstance(block, (Paragraph, ListItem))]
    if builder.current:
        texts.append(builder.current.text)
    return not _after_a_heading(builder) and not any(_SENTENCE_END_RE.search(text) for text in texts)


def _take_appendix_label(builder: _Builder, label: str, index: int) -> int:
    """`附表` alone on its line opens an appendix: a line of its own, never the end of the
    paragraph before it (a text whose paragraphs open indented carries an unindented line after a
    `。` on as a wrap) nor the start of its title line under it."""
    builder.in_appendix = True
    return _take_line_alone(builder, label, index)


def _take_line_alone(builder: _Builder, text: str, index: int) -> int:
    """A line that is a paragraph of its own, whatever comes before or after it: an appendix's
    label, a web page's date, source and font-size line over the report (`发布日期：… 来源：…
    字号：[ 大 中 小 ]`, which took the occasion line, the byline and the salutation into it)."""
    builder.flush()
    builder.add_text(text)
    builder.flush()
    return index + 1


def _opens_indented(lines: list[str], index: int) -> bool:
    """The line opens with the ideographic paragraph indent: a paragraph of its own, even when the
    text before it ends on no stop. A text file keeps its paragraphs a line each or wraps them, and
    neither a wrap nor a page break (a PDF's extract) indents the line it carries over with U+3000.
    Wikisource's older reports print a long heading (1984: `一、维护世界和平是…而努力`) or a
    paragraph whose stop its source lost (1956: `…１２．５亿元。（⑵⑶）`) right before one, and a
    single-spaced 1950s text an unnumbered sub-heading (`甲、工业生产`)."""
    return index > 0 and lines[index].startswith(_IDEOGRAPHIC_INDENT)


def _after_a_heading(builder: _Builder) -> bool:
    """A heading has come: a bare `附件` label here opens an appendix (its table is read as one),
    while over the report's title page it is the label of a notice's attachment, the report."""
    return any(isinstance(block, Heading) for block in builder.blocks)


def _right_after_heading(builder: _Builder) -> bool:
    """The last block is a heading, and no text has come since."""
    return builder.current is None and bool(builder.blocks) and isinstance(builder.blocks[-1], Heading)


_IDEOGRAPHIC_INDENT = "\u3000\u3000"


def _start_numbered_item(builder: _Builder, marker: headings.Marker | None) -> None:
    """`1.…`, `（1）…`, `①…` items that are not headings (box items, glossary entries, long
    items) are paragraphs of their own: the next number in sequence ends an unfinished
    paragraph before it, so `（1）…` and the `①…` under it never run together."""
    if marker is None or marker.kind not in _ITEM_KINDS:
        return
    if marker.ordinal in (1, builder.last_item.get(marker.kind, 0) + 1):
        builder.flush()
        builder.last_item[marker.kind] = marker.ordinal


def _take_marked_line(builder: _Builder, index: int, stop: int) -> int | None:
    """A heading line; or a bare numeral or division marker alone on its line (`一`, `第一部分`)
    with its title on the next line. Returns the index after what was taken, or None when the
    line is no heading. (A lone `一、` or `（一）` is not taken: its text on the next line is
    often the item's whole first sentence, and it stays one paragraph with it.)"""
    if index in builder.ordinal_headings:
        return _take_ordinal_heading(builder, builder.marker_text(index), index)
    marker = builder.marker(index)
    if marker is None:
        return None
    if not marker.rest and (marker.kind == "bare" or marker.kind in headings.DIVISION_KINDS):
        title = _title_line_after(builder, index, stop)
        raw = f"{builder.lines[index]} {builder.heading_line(title)}" if title is not None else ""
        if title is not None and _accept_heading(builder, marker, builder.cleaned[title], raw):
            return title + 1
    return _take_heading(builder, marker, index)


def _title_line_after(builder: _Builder, index: int, stop: int) -> int | None:
    """The line after a lone marker when it is the marker's title: short, unpunctuated plain
    text, and not run on by the line after it (a text fragment broken off a sentence is)."""
    following = _next_text_index(builder.lines, index + 1, stop)
    if following is None:
        return None
    raw, text = builder.lines[following], builder.cleaned[following]
    if (
        not _TITLE_LINE_RE.match(text)
        or following in builder.skip
        or raw.startswith("\t")
        or headings.parse_marker(clean_text(text, quotes=False))
        or headings.is_box_title(text)
        or headings.is_appendix_title(text)
        or headings.is_closing_title(text)
    ):
        return None
    after = _next_text_index(builder.lines, following + 1, stop)
    if after is not None and builder.cleaned[after][:1] in _RUN_ON_START:
        return None
    return following


def _take_ordinal_heading(builder: _Builder, marker_text: str, index: int) -> int | None:
    """A `第一、…` line decided to be a heading (`ordinal_heading_lines`). A 。 inside it splits
    off the first paragraph as for any marker (rule 5); that paragraph ends with the line, which
    stood alone before the indented body."""
    marker = headings.heading_marker(marker_text)
    assert marker is not None
    title, body = headings.split_title(marker.rest)
    if not _accept_heading(builder, marker, title, builder.heading_line(index)):
        return None
    if body:
        builder.add_text(body)
        builder.flush()
    return index + 1


def _take_heading(builder: _Builder, marker: headings.Marker, index: int) -> int | None:
    """The heading line at `index` (and the end of its title wrapped onto the next line,
    `_title_end_carried`, `_title_wraps_on`); the index after what was taken, or None when it is
    no heading."""
    title, body = headings.split_title(marker.rest)
    raw, after = builder.heading_line(index), index + 1
    carried = _title_end_carried(builder, index, title) if "。" not in marker.rest else None
    if carried is not None or ("。" not in marker.rest and _title_wraps_on(builder, index, title)):
        end, body = carried or (builder.cleaned[index + 1], "")
        title, raw, after = title + end, raw + builder.heading_line(index + 1).strip(), index + 2
    if not _heading_shaped(builder, marker, title, body, index in builder.sibling_headings):
        return None
    if not _accept_heading(builder, marker, title, raw, restarts=not _cut_by_wrap(builder, index)):
        return None
    if body:
        builder.add_text(body)
    return after


def _cut_by_wrap(builder: _Builder, index: int) -> bool:
    """The line at `index` carries on an open paragraph from a full line of hard-wrapped text,
    so a numeral it opens with may be a word's character the wrap cut off (`…促进祖国和平统` /
    `一、推进中外人文交流…`)."""
    if not builder.is_open():
        return False
    before = (i for i in range(index - 1, -1, -1) if builder.cleaned[i] and i not in builder.skip)
    line = next((i for i in before if not is_page_number(builder.cleaned[i])), None)
    return line is not None and _wrapped_on(builder, builder.lines[line])


#: A page's measure holds at least this many characters (`_Builder.page_wrap`).
_MEASURE_MIN = 20


def _title_end_carried(builder: _Builder, index: int, title: str) -> tuple[str, str] | None:
    """In hard-wrapped text, the end of a heading's title that the wrap carried from a full line
    onto the next, and the start of the heading's paragraph after its 。 there (a run-in heading,
    `（一）坚持稳中求进…经济运行保持在合理区间` / `、实现稳中向好。这些年，世界经济…`); or, with no
    。 there, the whole next line when it is short, the end of a heading on a line of its own. None
    when the line is no full one, the next is indented, numbered or furniture, or the two make no
    heading phrase."""
    after = index + 1
    if not _wrapped_on(builder, builder.lines[index]) or after >= len(builder.lines):
        return None
    raw, text = builder.lines[after], builder.cleaned[after]
    if not text or after in builder.skip or is_indented(raw) or is_page_number(text) or builder.marker(after):
        return None
    end, stop, body = text.partition("。")
    if not stop and _wrapped_on(builder, raw):
        return None
    if not headings.plausible_title(title + end) or end.endswith(("，", "、", "；", "：", ",", ";", ":")):
        return None
    return end, body.strip()


#: A heading line this long (marker and title) may have been wrapped: shorter ones fit a line.
_WRAPPED_HEADING_MIN = 14
#: The end of a wrapped heading title on the next line is at most this long.
_TITLE_END_MAX = 24
_TITLE_END_RE = re.compile(r"^[^。；！？：，、,;:!?（）()]+$")


def _title_wraps_on(builder: _Builder, index: int, title: str) -> bool:
    """In plain text, whether the line after a heading is the end of its title, wrapped as a PDF
    wraps a long 篇 or 章 title set large (`第二篇　坚持创新驱动发展　打造具有核心` /
    `竞争力的科技创新高地`; the heading has no 。): right below it, not indented, short and without a mark of a sentence or
    clause, no heading or page number itself, and the two no longer than a heading phrase. A
    paragraph's first line is never short unless the paragraph is, and then it ends a sentence.
    Extracted formats keep a heading whole on its line."""
    if not builder.plain_text or index + 1 >= len(builder.lines) or index + 1 in builder.skip:
        return False
    raw, text = builder.lines[index + 1], builder.cleaned[index + 1]
    centred = is_indented(raw) and _centred_under(builder.lines[index], raw)
    if (
        len(builder.cleaned[index]) < _WRAPPED_HEADING_MIN
        or not (centred or builder.breaks_lines())
        or not 0 < len(text) <= _TITLE_END_MAX
        or not _TITLE_END_RE.match(text)
        or not has_han(text)
        or (is_indented(raw) and not centred)
        or raw.startswith("\t")
        or is_page_number(text)
        or builder.marker(index + 1) is not None
        or index + 1 in builder.plain_headings | builder.sub_headings | builder.standalone | builder.ordinal_headings
        or headings.is_box_title(text)
        or headings.is_appendix_title(text)
        or headings.is_closing_title(text)
        or _chunk_break_after(builder, index + 1)
    ):
        return False
    return headings.plausible_title(title + text)


#: A line of prose this long or longer that ends mid-clause was cut by a wrap, not by its writer.
_WRAPPED_PROSE_MIN = 10


def _breaks_lines(builder: _Builder) -> bool:
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


def _unnumbered(builder: _Builder, index: int) -> str:
    """A line's text after its numbering marker, if any."""
    marker = builder.marker(index)
    return marker.rest if marker else builder.cleaned[index]


_CLAUSE_MARK_RE = re.compile(r"[，；、,;]")
#: The spaces a justified line holds between its characters: ASCII ones, inside the line.
_JUSTIFYING_SPACES_RE = re.compile(r"(?<=\S) +(?=\S)")
#: A heading line indented by this many columns or more stands centred (`pdftotext -layout`).
_CENTRED_INDENT = 4


def _centred_under(heading: str, line: str) -> bool:
    """`line` is indented further than a centred `heading` above it, as the shorter second line
    of a centred title is in `pdftotext -layout` output (a paragraph's indent is less)."""
    indent = _indent_columns(heading)
    return indent >= _CENTRED_INDENT and _indent_columns(line) > indent


def _indent_columns(raw: str) -> int:
    return display_width(raw[: len(raw) - len(raw.lstrip(" \u3000"))])


def _chunk_break_after(builder: _Builder, index: int) -> bool:
    """The line after `index` holds only debris: Wikisource's zero-width-space line, which cuts a
    paragraph anywhere, so the line before it is a piece of a sentence, not a title's end."""
    after = index + 1
    return after < len(builder.lines) and debris_only(builder.lines[after], builder.cleaned[after])


def _accept_heading(
    builder: _Builder, marker: headings.Marker, title: str, raw: str, *, restarts: bool = True
) -> bool:
    """Add the heading unless it would break an open paragraph out of sequence (rule 6). A bare
    numeral breaks one only as the next of a running sequence: a lone 一 inside a paragraph is
    more likely a character the line wrap left alone than the start of a section; so does any
    marker that a wrap may have cut from a word (`restarts` False, `_cut_by_wrap`). `raw` is the
    line (or marker and title lines) it was read from, for the gaps between its clauses."""
    last = builder.last_ordinal.get(marker.kind, 0)
    outer = builder.outer_ordinals.setdefault(marker.kind, [])
    resumed = (outer[-1].ordinal + 1,) if outer else ()
    if marker.kind == "bare":
        allowed: tuple[int, ...] = (last + 1,) if last else ()
    else:
        ran_on = builder.ran_on.get(marker.kind)
        allowed = (last + 1, *((1,) if restarts else ()), *resumed, *(() if ran_on is None else (ran_on + 1,)))
    if builder.is_open() and marker.ordinal not in allowed:
        return False
    builder.flush()
    if marker.ordinal == 1 and last:
        inside = _inside_section_of(builder.blocks, marker.kind)
        outer.append(_Interrupted(last, len(builder.blocks) if inside else None))
    elif marker.ordinal in resumed and marker.ordinal != last + 1:
        _nest_inner_sequence(builder, marker.kind, outer.pop().inner_start)
    builder.last_ordinal[marker.kind] = marker.ordinal
    builder.ran_on.pop(marker.kind, None)
    for inner in headings.RANKS[headings.RANKS.index(marker.kind) + 1 :]:
        if inner != "num":
            if inner in builder.last_ordinal:
                builder.ran_on[inner] = builder.last_ordinal.pop(inner)
            builder.outer_ordinals.pop(inner, None)
    builder.blocks.append(Heading(keep_clause_gaps(headings.heading_text(marker.label, title), raw), marker.kind))
    return True


def _ends_sections_of(block: Block, kind: str) -> bool:
    """A heading of a kind outside `kind` (or a part title, closing or appendix heading): the
    sections of `kind` end before it."""
    if not isinstance(block, Heading):
        return False
    return block.kind in headings.UNRANKED or block.kind in headings.RANKS[: headings.RANKS.index(kind)]


def _inside_section_of(blocks: list[Block], kind: str) -> bool:
    """The next block comes inside a section of `kind`: a heading of `kind` opens the section it
    is in, with only headings of inner kinds since. (A `1.` sequence runs on across sections:
    one starting again under the next （一） restarts there, inside no `1.` section.)"""
    for block in reversed(blocks):
        if isinstance(block, Heading) and headings.base_kind(block.kind) == kind:
            return True
        if _ends_sections_of(block, kind):
            return False
    return False


def _nest_inner_sequence(builder: _Builder, kind: str, start: int | None) -> None:
    """The outer sequence of `kind` resumed: its headings from `start` on (the inner run, and what
    nests inside it) are a sequence nested inside the section before `start`, one level down.
    Only a run that started inside a section of `kind` (`_inside_section_of`) and holds no
    heading of an outer kind is nested: such a heading would have ended the section (the outer
    sequence then resumes in another part of the report, which is no nesting)."""
    if start is None:
        return
    inner = builder.blocks[start:]
    if any(_ends_sections_of(block, kind) for block in inner):
        return
    builder.blocks[start:] = [
        Heading(b.text, headings.nested_kind(kind)) if isinstance(b, Heading) and b.kind == kind else b for b in inner
    ]


def _heading_shaped(
    builder: _Builder, marker: headings.Marker, title: str, body: str, among_headings: bool = False
) -> bool:
    """A bare numeral, or a division marker alone, is a heading by itself; other markers need a
    short heading phrase (rule 6 of docs/canonical-markdown.md), up to twice as long for a line
    whose siblings are headings (`headings.decide_runs`)."""
    if marker.kind == "bare" or (marker.kind in headings.DIVISION_KINDS and not title and not body):
        return True
    if not headings.plausible_title(title, headings.MAX_TITLE * (_SIBLING_TITLE_FACTOR if among_headings else 1)):
        return False
    return not (
        marker.kind == "num" and (builder.in_appendix or "：" in title or (not body and len(title) > 30))
    )


def _take_appendix_heading(builder: _Builder, text: str, index: int, stop: int) -> int:
    """An appendix title, and its end on the next lines: after a digit or a connector it ends
    on, or, in hard-wrapped text, after a full line (`…和2022年主要目标` / `建议表`)."""
    builder.flush()
    line, index = builder.lines[index], index + 1
    title = text
    while title and (title[-1].isdigit() or title[-1] in _CONNECTOR_END or _wrapped_on(builder, line)):
        nxt = _next_text_index(builder.lines, index, stop)
        if nxt is None:
            break
        follow = builder.cleaned[nxt]
        if (
            len(follow) > 30
            or headings.parse_marker(follow)
            or headings.is_bare_appendix_label(follow)
            or is_indented(builder.lines[nxt])
            or ends_sentence(follow)
        ):
            break
        title = join_fragments(title, follow)
        line, index = builder.lines[nxt], nxt + 1
    builder.blocks.append(Heading(clean_text(title), "appendix"))
    builder.in_appendix = True
    return index


def _next_text_index(lines: list[str], index: int, stop: int) -> int | None:
    while index < stop:
        text = tidy_spaces(strip_debris(lines[index]))
        if text and not is_page_number(text):
            return index
        index += 1
    return None


def _has_a_second_row(builder: _Builder, index: int, stop: int) -> bool:
    """A table has rows: one line of two cells alone is text set with a wide space
    (`国务院总理　李克强`, `表1　主要指标` in a PDF, whose extractor marks the gap with a tab). The
    second row may stand on the next page, under its number and running head."""
    lines, width = builder.lines, tables.tab_width(builder.lines[index])
    return index + 1 < stop and (
        tables.continues_tab_table(lines[index + 1], width)
        or _row_after_page_break(builder, index + 1, stop, width) is not None
    )


def _take_tab_table(builder: _Builder, index: int, stop: int) -> int:
    builder.flush()
    rows = [builder.lines[index]]
    width = tables.tab_width(rows[0])
    index += 1
    while index < stop:
        if not tables.continues_tab_table(builder.lines[index], width):
            resumed = _row_after_page_break(builder, index, stop, width)
            if resumed is None:
                break
            index = resumed
        rows.append(builder.lines[index])
        index += 1
    builder.blocks.append(TableBlock(tables.parse_tab_rows(rows)))
    return index


def _wrapped_on(builder: _Builder, line: str) -> bool:
    """A line of hard-wrapped text that fills a page's measure, so the wrap may have cut it."""
    return builder.page_wrap is not None and builder.page_wrap.is_full(line)


def _row_after_page_break(builder: _Builder, index: int, stop: int, width: int) -> int | None:
    """The table's next row when only a page break stands at `index`: blank lines, the page
    number, the running head, a form feed, then a row. A table that runs over a page ended at
    its first page's end, and the page furniture went into the next page's rows (the head as a
    cell of the header row, when the rows went on under it as a table of their own)."""
    at_break = False
    while index < stop:
        raw, text = builder.lines[index], builder.cleaned[index]
        if text and not is_page_number(text) and index not in builder.skip:
            break
        at_break = at_break or bool(text) or "\f" in raw
        index += 1
    if at_break and index < stop and tables.continues_tab_table(builder.lines[index], width):
        return index
    return None


def _cell_group(lines: list[str], index: int, stop: int) -> list[str]:
    group = []
    while index < stop and lines[index].strip(" \u3000") and not lines[index].startswith(" "):
        group.append(lines[index])
        index += 1
    return group


def _cell_group_size(lines: list[str], index: int, stop: int) -> int:
    return sum(1 for line in _cell_group(lines, index, stop) if line.startswith("\t"))


def _take_cell_table(builder: _Builder, index: int, stop: int) -> int:
    builder.flush()
    groups = []
    while index < stop and _cell_group_size(builder.lines, index, stop) >= 3:
        group = _cell_group(builder.lines, index, stop)
        groups.append(group)
        index += len(group)
        while index < stop and not builder.lines[index].strip(" \u3000"):
            index += 1
    builder.blocks.append(TableBlock(tables.parse_cell_groups(groups)))
    return index


def _take_box(builder: _Builder, index: int, stop: int) -> int:
    """A `专栏N` box runs from its title to a blank line, a line led by a space or a heading of the
    outline; in a text that spaces every paragraph with a blank line, on across blank lines while
    the next line is one of its items (`岳麓山实验室：…`, `1.…`). It never takes in a heading: a box
    whose content a table or an extract left out ends at its title (`专栏1 …主要指标` right before
    `第二篇…`), and in a text of a paragraph a line without blank lines it ends at the next heading
    (it took in the rest of the document, its headings as box text)."""
    builder.flush()
    title = headings.canonical_box_title(builder.cleaned[index])
    index += 1
    while index < stop and not builder.lines[index].strip():
        index += 1
    end = index
    while end < stop and not _opens_outline_heading(builder.cleaned[end]):
        while (
            end < stop
            and builder.lines[end].strip()
            and not builder.lines[end].startswith(" ")
            and not _opens_outline_heading(builder.cleaned[end])
        ):
            end += 1
        after = end
        while after < stop and not builder.lines[after].strip():
            after += 1
        if after == end or after >= stop or not _same_box_item(builder.cleaned[index], builder.cleaned[after]):
            break
        end = after
    inner = _Builder(builder.lines, cleaned=builder.cleaned, in_box=True)
    _walk(inner, index, end)
    inner.flush()
    content = tuple(block for block in inner.blocks if not isinstance(block, (Heading, Box)))
    builder.blocks.append(Box(title, content))
    return end


#: A box item is short and names its subject before a colon (`湘江实验室：聚焦先进计算…`), or is
#: numbered as an item.
_BOX_ITEM_LENGTH = 200
_BOX_ITEM_RE = re.compile(r"^[^，。：；]{2,12}：\S")


def _opens_outline_heading(text: str) -> bool:
    """The line opens with a heading marker of the report's outline (第二篇, 第三章, 一、), not
    an item's (1., (1), ①)."""
    marker = headings.heading_marker(text)
    return marker is not None and marker.kind not in _ITEM_KINDS


def _same_box_item(first: str, text: str) -> bool:
    """`text` is an item of the box whose first item is `first`, in the same form: numbered alike
    (1., (1), ①), or naming its subject before a colon."""
    if not text or len(text) > _BOX_ITEM_LENGTH or headings.is_box_title(text) or _opens_outline_heading(text):
        return False
    marker, first_marker = headings.heading_marker(text), headings.heading_marker(first)
    if first_marker is not None:
        return marker is not None and marker.kind == first_marker.kind
    return marker is None and _BOX_ITEM_RE.match(first) is not None and _BOX_ITEM_RE.match(text) is not None


@dataclass(frozen=True)
class _FlatTableScan:
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
    def of(cls, lines: list[str], cleaned: list[str]) -> _FlatTableScan:
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
        _NOTE_RE.match(text)
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


def _flat_scan(builder: _Builder) -> _FlatTableScan:
    if builder.flat_scan is None:
        builder.flat_scan = _FlatTableScan.of(builder.lines, builder.cleaned)
    return builder.flat_scan


def _flat_table_ahead(builder: _Builder, index: int, stop: int) -> bool:
    if builder.current and not builder.current.text.endswith("表") and builder.is_open():
        return False
    return _flat_scan(builder).table_starts(index, stop)


def _gap_table_length(builder: _Builder, index: int, stop: int) -> int:
    """The rows of a table typed with wide spaces that start at `index` (0 if none): they run on
    line by line, up to the first blank line; outside an appendix only rows of short cells count.
    The lines are handed on one by one, as the rule reads them: it stops at the first that is no
    row, so text with one paragraph a line and no blank lines is not read to its end each time."""
    lines = (
        builder.lines[i]
        for i in itertools.takewhile(
            lambda i: builder.lines[i].strip() and i not in builder.skip, range(index, stop)
        )
    )
    return tables.gap_table_length(lines, in_body=not builder.in_appendix)


def _take_gap_table(builder: _Builder, index: int, end: int) -> int:
    builder.flush()
    builder.blocks.append(TableBlock(tables.parse_gap_rows(builder.lines[index:end])))
    return end


def _take_flat_table(builder: _Builder, index: int, stop: int) -> int:
    builder.flush()
    end = _flat_scan(builder).table_end(index, stop)
    builder.blocks.append(TableBlock(tables.parse_flat_rows(builder.lines[index:end])))
    return end


def continuation_warnings(blocks: tuple[Block, ...], name: str) -> list[str]:
    """A text without a title line that starts mid-report: its first numbered heading is not the
    first of its sequence (`（三）…`), and no salutation (`各位代表：`) comes before it. That is
    the second part of a report split across files (a portal's PDF cut in two), which read alone
    comes out untitled and undated; the reader is told to join the parts (docs/inputs.md)."""
    for block in blocks:
        if isinstance(block, Paragraph) and SALUTATION_RE.search(block.text):
            return []
        if not isinstance(block, Heading) or not headings.is_numbered_kind(block.kind):
            continue
        marker = headings.heading_marker(block.text)
        if marker is None or marker.ordinal <= 1:
            return []
        return [
            f"{name} looks like the continuation of a report, not a report of its own: it has no title line "
            f"and starts mid-report (its first heading is “{block.text[:20]}”, with none numbered before "
            "it); if it is a later part of a report split across files, join the parts and give the "
            "joined file (`cat part1.txt part2.txt > report.txt`; docs/inputs.md, “A report in several files”)"
        ]
    return []


def missing_heading_warnings(blocks: tuple[Block, ...]) -> list[str]:
    """Gaps in heading numbering: headings the extract lost. Text is never invented for them.
    Under a new outer heading the numbering starts again or runs on (a five-year outline numbers
    its 章 through every 篇, its 节 again in each 章): either is no gap."""
    skipped = []
    last: dict[str, int] = {}
    outer_changed: set[str] = set()  # kinds whose outer heading changed since their last one
    ranks = headings.document_ranks((b.kind, b.text) for b in blocks if isinstance(b, Heading))
    for block in blocks:
        if isinstance(block, Heading) and block.kind == headings.PLAIN:
            last.clear()  # a part title: the numbered sections under it start again
        if not isinstance(block, Heading) or not headings.is_numbered_kind(block.kind):
            continue
        marker = headings.heading_marker(block.text)
        if marker is None:
            continue
        before = last.get(block.kind, 0)
        if block.kind in outer_changed:
            gap = marker.ordinal not in (1, before + 1)
            outer_changed.discard(block.kind)
        else:
            gap = marker.ordinal > before + 1
        if gap:
            skipped.append(block.text.split(" ")[0][:12])
        last[block.kind] = marker.ordinal
        outer_changed |= {inner for inner, rank in ranks.items() if rank > ranks[block.kind] and inner != "num"}
    if not skipped:
        return []
    return [
        f"heading numbering skips in {counted(len(skipped), 'place')}, so the extract seems to lack at least "
        f"{counted(len(skipped), 'heading line')} (before {', '.join(skipped)}); no heading text was invented"
    ]


def renormalize(document: NormalizedDocument) -> NormalizedDocument:
    """Apply the inline rules again to an already structured document (canonical input)."""

    def clean(block: Block) -> Block:
        if isinstance(block, Heading):
            return replace(block, text=headings.canonical_heading(block.text))
        if isinstance(block, (Paragraph, ListItem)):
            return replace(block, text=clean_text(block.text))
        if isinstance(block, TableBlock):
            return TableBlock(tables.pad([[tables.cell_text(c) for c in row] for row in block.rows]))
        # a box's blocks come back the same kind: paragraphs, list items and tables
        inner = tuple(cast("Paragraph | ListItem | TableBlock", clean(b)) for b in block.blocks)
        return Box(headings.canonical_box_title(block.title), inner)

    return replace(document, blocks=tuple(clean(block) for block in document.blocks))
