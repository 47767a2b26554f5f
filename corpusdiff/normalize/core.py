"""Raw report text -> NormalizedDocument (structure recovered, text cleaned).

The walk over the lines is a small state machine: tables, boxes and headings are recognised
first; every other line is text that either continues the open paragraph (the fragment so far
does not end a sentence) or starts a new one. Blank lines and page numbers never end a
paragraph on their own, because page breaks in PDF extracts look exactly like them; in a web
page's or a PDF's extract (`_LAID_OUT_FORMATS`) a line that opens as a paragraph does starts one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import cast

from corpusdiff.errors import InputError
from corpusdiff.normalize import tables
from corpusdiff.normalize.block_tables import (
    cell_group_size,
    flat_table_ahead,
    gap_table_rows,
    has_a_second_row,
    next_text_index,
    take_cell_table,
    take_flat_table,
    take_gap_table,
    take_tab_table,
)
from corpusdiff.normalize.builder import NOTE_RE, Builder, Interrupted, fills_measure
from corpusdiff.normalize.metadata import (
    detect_metadata,
    is_page_info_line,
    without_release_label,
)
from corpusdiff.normalize.raw_lines import (
    BULLET_RE,
    DASH_ITEM_RE,
    cleaned_lines,
    debris_only,
    heads_over_title,
    joints_warning,
    opens_paragraph,
    page_joint_lines,
    page_lines_warning,
    running_head_lines,
    title_block,
    unindented_wrap_warning,
    without_contents,
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
    is_date_line,
)
from corpusdiff.text.rules import (
    clean_text,
    ends_sentence,
    is_page_number,
    join_fragments,
    join_letter_spaced,
    keep_clause_gaps,
    tidy_spaces,
)
from corpusdiff.types.document import Block, Box, Heading, ListItem, NormalizedDocument, Paragraph
from corpusdiff.types.document import Table as TableBlock

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


#: A line of prose is longer than any heading phrase a title line may be (`is_plain_title`).
_PROSE_LINE_MIN = 25
#: A plain text is taken as one paragraph a line only when it holds this many lines of prose.
_PROSE_LINES_MIN = 3


def _one_paragraph_a_line(cleaned: list[str]) -> bool:
    """A plain text laid out as a web page's copy is (`_PARAGRAPH_FORMATS`): a blank line after
    every line, and every line of prose ending a sentence, from the first that does on (the title
    page's occasion line ends on none; a numbered heading as long is no prose). Its unindented
    short lines stand alone as a page's `<p>` do; a hard-wrapped text (the seeds' PDF extracts)
    breaks its prose inside sentences."""
    texts = [text.strip() for text in cleaned]
    first = next((i for i, text in enumerate(texts) if len(text) >= _PROSE_LINE_MIN and ends_sentence(text)), None)
    if first is None:
        return False
    body = texts[first:]
    prose = [text for text in body if len(text) >= _PROSE_LINE_MIN and headings.parse_marker(text) is None]
    spaced = all(not body[i + 1] for i in range(len(body) - 1) if body[i])
    return spaced and len(prose) >= _PROSE_LINES_MIN and all(ends_sentence(text) for text in prose)


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
    builder = Builder(
        body,
        cleaned=cleaned,
        skip=running_head_lines(body, cleaned, title.text if title else "", heads_over_title(lines, title)) | joints,
        whole_paragraphs=raw.format in _PARAGRAPH_FORMATS or (raw.format == "text" and _one_paragraph_a_line(cleaned)),
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


def _walk(builder: Builder, start: int, stop: int) -> None:
    index = start
    while index < stop:
        index = _step(builder, index, stop)


def _step(builder: Builder, index: int, stop: int) -> int:
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
        and has_a_second_row(builder, index, stop)
    ):
        return take_tab_table(builder, index, stop)
    if headings.is_box_title(text) and not builder.in_box:
        return _take_box(builder, index, stop)
    if raw.startswith("\t") and cell_group_size(builder.lines, index, stop) >= 3:
        return take_cell_table(builder, index, stop)
    if builder.in_appendix and flat_table_ahead(builder, index, stop):
        return take_flat_table(builder, index, stop)
    if rows := gap_table_rows(builder, index, stop):
        return take_gap_table(builder, index, index + rows)
    bullet = BULLET_RE.match(text)
    content = text[bullet.end() :] if bullet else text
    if _opens_appendix(builder, content):
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
        or (builder.line_paragraphs and NOTE_RE.match(content))  # a note: a Word file's footnote
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


def _is_portals_line(builder: Builder, index: int, content: str) -> bool:
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


def _before_the_text(builder: Builder) -> bool:
    """No heading and no sentence yet: the title page's lines (occasion, byline, date line) and
    the salutation are all that has come."""
    texts = [block.text for block in builder.blocks if isinstance(block, (Paragraph, ListItem))]
    if builder.current:
        texts.append(builder.current.text)
    return not _after_a_heading(builder) and not any(_SENTENCE_END_RE.search(text) for text in texts)


def _take_appendix_label(builder: Builder, label: str, index: int) -> int:
    """`附表` alone on its line opens an appendix: a line of its own, never the end of the
    paragraph before it (a text whose paragraphs open indented carries an unindented line after a
    `。` on as a wrap) nor the start of its title line under it."""
    builder.in_appendix = True
    return _take_line_alone(builder, label, index)


def _take_line_alone(builder: Builder, text: str, index: int) -> int:
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


def _after_a_heading(builder: Builder) -> bool:
    """A heading has come: a bare `附件` label here opens an appendix (its table is read as one),
    while over the report's title page it is the label of a notice's attachment, the report."""
    return any(isinstance(block, Heading) for block in builder.blocks)


def _right_after_heading(builder: Builder) -> bool:
    """The last block is a heading, and no text has come since."""
    return builder.current is None and bool(builder.blocks) and isinstance(builder.blocks[-1], Heading)


_IDEOGRAPHIC_INDENT = "\u3000\u3000"


def _start_numbered_item(builder: Builder, marker: headings.Marker | None) -> None:
    """`1.…`, `（1）…`, `①…` items that are not headings (box items, glossary entries, long
    items) are paragraphs of their own: the next number in sequence ends an unfinished
    paragraph before it, so `（1）…` and the `①…` under it never run together."""
    if marker is None or marker.kind not in _ITEM_KINDS:
        return
    if marker.ordinal in (1, builder.last_item.get(marker.kind, 0) + 1):
        builder.flush()
        builder.last_item[marker.kind] = marker.ordinal


def _take_marked_line(builder: Builder, index: int, stop: int) -> int | None:
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


def _title_line_after(builder: Builder, index: int, stop: int) -> int | None:
    """The line after a lone marker when it is the marker's title: short, unpunctuated plain
    text, and not run on by the line after it (a text fragment broken off a sentence is)."""
    following = next_text_index(builder.lines, index + 1, stop)
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
    after = next_text_index(builder.lines, following + 1, stop)
    if after is not None and builder.cleaned[after][:1] in _RUN_ON_START:
        return None
    return following


def _take_ordinal_heading(builder: Builder, marker_text: str, index: int) -> int | None:
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


def _take_heading(builder: Builder, marker: headings.Marker, index: int) -> int | None:
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
    if _is_list_item(marker) and _in_item_list(builder, marker, index, after):
        return None
    if not _accept_heading(builder, marker, title, raw, restarts=not _cut_by_wrap(builder, index)):
        return None
    if body:
        builder.add_text(body)
    return after


def _is_list_item(marker: headings.Marker) -> bool:
    """A circled item that is one whole sentence, nothing after its 。 (`①建设加氢站3座。`): the
    lowest rank of numbering lists what its section will do. A bracketed number printed so is
    still a heading (1958: `（２）在高等学校招收的新生中，尽可能地增加工人和农民的成分。`)."""
    title, body = headings.split_title(marker.rest)
    return marker.kind == "circled" and "。" in marker.rest and not body and bool(title)


def _in_item_list(builder: Builder, marker: headings.Marker, index: int, after: int) -> bool:
    """The line next to it is its sibling in the sequence, a whole sentence too (`①建设加氢站3座。`
    / `②推广氢燃料电池重卡500辆。`): items of a list, none a run-in heading, which heads text of
    its own before the next."""
    lines = range(len(builder.lines))
    following = next((i for i in lines[after:] if builder.marker_text(i)), None)
    preceding = next((i for i in reversed(lines[:index]) if builder.marker_text(i)), None)
    return any(
        sibling is not None
        and sibling.kind == marker.kind
        and abs(sibling.ordinal - marker.ordinal) == 1
        and _is_list_item(sibling)
        for sibling in (builder.marker(i) for i in (following, preceding) if i is not None)
    )


def _cut_by_wrap(builder: Builder, index: int) -> bool:
    """The line at `index` carries on an open paragraph from a full line of hard-wrapped text,
    so a numeral it opens with may be a word's character the wrap cut off (`…促进祖国和平统` /
    `一、推进中外人文交流…`)."""
    if not builder.is_open():
        return False
    before = (i for i in range(index - 1, -1, -1) if builder.cleaned[i] and i not in builder.skip)
    line = next((i for i in before if not is_page_number(builder.cleaned[i])), None)
    return line is not None and fills_measure(builder, builder.lines[line])


def _title_end_carried(builder: Builder, index: int, title: str) -> tuple[str, str] | None:
    """In hard-wrapped text, the end of a heading's title that the wrap carried from a full line
    onto the next, and the start of the heading's paragraph after its 。 there (a run-in heading,
    `（一）坚持稳中求进…经济运行保持在合理区间` / `、实现稳中向好。这些年，世界经济…`); or, with no
    。 there, the whole next line when it is short, the end of a heading on a line of its own. None
    when the line is no full one, the next is indented, numbered or furniture, or the two make no
    heading phrase."""
    after = index + 1
    if not fills_measure(builder, builder.lines[index]) or after >= len(builder.lines):
        return None
    raw, text = builder.lines[after], builder.cleaned[after]
    if not text or after in builder.skip or is_indented(raw) or is_page_number(text) or builder.marker(after):
        return None
    end, stop, body = text.partition("。")
    if not stop and fills_measure(builder, raw):
        return None
    if not headings.plausible_title(title + end) or end.endswith(("，", "、", "；", "：", ",", ";", ":")):
        return None
    return end, body.strip()


#: A heading line this long (marker and title) may have been wrapped: shorter ones fit a line.
_WRAPPED_HEADING_MIN = 14
#: The end of a wrapped heading title on the next line is at most this long.
_TITLE_END_MAX = 24
_TITLE_END_RE = re.compile(r"^[^。；！？：，、,;:!?（）()]+$")


def _title_wraps_on(builder: Builder, index: int, title: str) -> bool:
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


#: A heading line indented by this many columns or more stands centred (`pdftotext -layout`).
_CENTRED_INDENT = 4


def _centred_under(heading: str, line: str) -> bool:
    """`line` is indented further than a centred `heading` above it, as the shorter second line
    of a centred title is in `pdftotext -layout` output (a paragraph's indent is less)."""
    indent = _indent_columns(heading)
    return indent >= _CENTRED_INDENT and _indent_columns(line) > indent


def _indent_columns(raw: str) -> int:
    return display_width(raw[: len(raw) - len(raw.lstrip(" \u3000"))])


def _chunk_break_after(builder: Builder, index: int) -> bool:
    """The line after `index` holds only debris: Wikisource's zero-width-space line, which cuts a
    paragraph anywhere, so the line before it is a piece of a sentence, not a title's end."""
    after = index + 1
    return after < len(builder.lines) and debris_only(builder.lines[after], builder.cleaned[after])


def _accept_heading(
    builder: Builder, marker: headings.Marker, title: str, raw: str, *, restarts: bool = True
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
        outer.append(Interrupted(last, len(builder.blocks) if inside else None))
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


def _nest_inner_sequence(builder: Builder, kind: str, start: int | None) -> None:
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
    builder: Builder, marker: headings.Marker, title: str, body: str, among_headings: bool = False
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


def _opens_appendix(builder: Builder, text: str) -> bool:
    """An appendix title (`附件：…`), or the title of the notes after the report (`名词解释`) when
    no appendix is open (an appendix prints its own title again under its label), outside a box."""
    glossary = headings.is_glossary_title(text) and not builder.in_appendix
    return (headings.is_appendix_title(text) or glossary) and not builder.in_box


def _take_appendix_heading(builder: Builder, text: str, index: int, stop: int) -> int:
    """An appendix title, and its end on the next lines: after a digit or a connector it ends
    on, or, in hard-wrapped text, after a full line (`…和2022年主要目标` / `建议表`)."""
    builder.flush()
    line, index = builder.lines[index], index + 1
    title = text
    while title and (title[-1].isdigit() or title[-1] in _CONNECTOR_END or fills_measure(builder, line)):
        nxt = next_text_index(builder.lines, index, stop)
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


def _take_box(builder: Builder, index: int, stop: int) -> int:
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
    inner = Builder(builder.lines, cleaned=builder.cleaned, in_box=True)
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
