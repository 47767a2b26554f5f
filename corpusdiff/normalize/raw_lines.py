"""The raw lines before any block is built: the title block over the text (and the gazette wrapper
over it), running heads and the page joints they mark, a table of contents, hard wraps and soft
breaks inside a paragraph, lines cleaned of debris. Pure functions of the lines, so the walk in
`core` reads a report's layout as one set of facts decided up front."""

from __future__ import annotations

import itertools
import re

from corpusdiff.normalize.metadata import (
    TITLE_HEAD_MIN,
    TitleBlock,
    find_title,
    is_gazette_name,
    is_page_info_line,
    running_heads_over,
)
from corpusdiff.read import boilerplate
from corpusdiff.read.extracted import shortened
from corpusdiff.strings import counted
from corpusdiff.text import numbering as headings
from corpusdiff.text.lines import (
    is_indented,
    is_speaker_name,
    is_speech_subtitle,
)
from corpusdiff.text.occasion import (
    is_bare_occasion,
    is_byline,
    is_bylined_occasion,
    is_date_line,
    is_lone_byline,
    is_presenting_body,
    is_standalone_occasion,
)
from corpusdiff.text.pages import contents_lines, headed_page_numbers, is_contents_entry, page_numbers
from corpusdiff.text.rules import (
    clean_text,
    ends_sentence,
    is_page_number,
    strip_debris,
    tidy_spaces,
)
from corpusdiff.text.script import simplified
from corpusdiff.text.wrapping import Wrap

#: A list mark opening a line, then white space: the bullets a text export writes, and those of a
#: Word list copied out of Word or a PDF whose symbol font was lost: the font's own code in the
#: private use area (U+F06C for Wingdings' ●, U+F0A7 for its ▪, U+F0B7 for Symbol's •), or the
#: Latin-1 letter of that code (`§` for ▪, `Ø` for ➢, `ü` for ✓). No report text opens so.
BULLET_RE = re.compile("^[-•·●▪§ØüŸ\uf020-\uf0ff]\\s+")
DASH_ITEM_RE = re.compile(r"^(——|一一|--)")
_RUNNING_HEADER_MIN = 3
_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")
#: Paragraphs that open with an indent: hard-wrapped text marks where they start this way.
_INDENTED_PARAGRAPHS_MIN = 3
#: A running head's length: a gazette's name or a report's title, never a paragraph.
_RUNNING_HEADER_LENGTH = range(2, 41)
#: A plain text whose lines ending a sentence are this often followed by a blank line separates its
#: paragraphs with blank lines (Wikisource's texts): a break without one is inside a paragraph. The
#: national texts with such breaks are at 0.85-0.97, single-spaced texts at 0-0.12.
_BLANK_LINE_LAYOUT = 0.8
#: Sentence-ending lines a text needs before its spacing says anything.
_BLANK_LINE_LAYOUT_MIN = 20


def page_joint_lines(lines: list[str], cleaned: list[str], title: str) -> frozenset[int]:
    """The lines where one page of an article a site split into pages ends and the next begins, in
    a text that holds the copies of its pages one after another (as the HTML reader, refusing one
    page of such an article, asks for): each pager line (`上一页 1 2 3 下一页`) with the portal's
    lines around it (print links, the next page's date and source line) and the title the next
    page repeats. A pager is never report text, so only lines beside one go."""
    joints: set[int] = set()
    key = _title_key(title)
    for index, text in enumerate(cleaned):
        if index in joints or not boilerplate.is_pager_line(text):
            continue
        joints.add(index)
        for step, stop in ((-1, -1), (1, len(lines))):
            for beside in range(index + step, stop, step):
                if cleaned[beside] and not _joins_pages(lines[beside], cleaned[beside], key):
                    break
                joints.add(beside)
    return frozenset(joints)


def _joins_pages(raw: str, text: str, title_key: str) -> bool:
    """A line of a page joint: the pager, the portal's own lines, or the title over the next page."""
    return (
        boilerplate.is_pager_line(text)
        or (is_page_info_line(raw) and not is_date_line(text))
        or bool(title_key and _title_key(text) == title_key)
    )


def _title_key(text: str) -> str:
    return simplified(re.sub(r"\s+", "", text))


def joints_warning(lines: list[str], joints: frozenset[int]) -> list[str]:
    """The note on the page joints dropped from a text of several pages copied one after another."""
    pagers = [index for index in sorted(joints) if boilerplate.is_pager_line(lines[index])]
    if not pagers:
        return []
    return [
        f"read the text of an article its site split into pages, copied one page after another: dropped "
        f"the pager and the page's lines between the pages ({counted(len(pagers), 'pager')}, “{shortened(lines[pagers[0]].strip())}”)"
    ]


def page_lines_warning(lines: list[str]) -> list[str]:
    """The note on a web page's lines a copy of the page kept over the report, worded as the
    HTML reader words its own (the same lines, dropped from the page)."""
    if not lines:
        return []
    return [
        f"dropped the page's lines over the report (“{shortened(tidy_spaces(' '.join(lines)))}”): "
        "its source, date, share or print links, not report text"
    ]


def without_contents(lines: list[str], hint: str) -> tuple[list[str], list[str]]:
    """The lines with a table of contents after the title blanked (a five-year outline prints
    one between its title and its first part: it is no report text, its entries would read as
    headings, and it stands where the title's follower is looked for), and its entries. A
    contents before the title is the wrapper's (rule 3)."""
    title = title_block(lines, hint)
    contents = contents_lines(lines, title.start if title else 0)  # a title may run on into 目录
    if not contents:
        return lines, []
    ordered = sorted(contents)
    entries = [tidy_spaces(strip_debris(lines[i])) for i in ordered if is_contents_entry(lines[i])]
    if not entries:  # a contents without page numbers: each of its lines under 目录
        entries = [text for i in ordered[1:] if (text := tidy_spaces(strip_debris(lines[i])))]
    return ["" if index in contents else line for index, line in enumerate(lines)], entries


def heads_over_title(lines: list[str], title: TitleBlock | None) -> frozenset[str]:
    """The running heads over the first page's title: the lines over it when they only repeat
    it, else a gazette's name among them (`株洲市人民政府公报`, the cover line a gazette's extract
    prints over every page)."""
    if title is None:
        return frozenset()
    over = [text for text in cleaned_lines(lines[: title.start]) if text]
    if running_heads_over(lines[: title.start], title.text):
        return frozenset(over)
    return frozenset(text for text in over if is_gazette_name(text))


def wrapper_lines(lines: list[str], title: str) -> list[str]:
    """The lines before the title that are a publication's wrapper: none when they only repeat
    the title (a running head over the first page)."""
    if running_heads_over(lines, title):
        return []
    return [line for line in lines if strip_debris(line).strip()]


def title_block(lines: list[str], hint: str = "") -> TitleBlock | None:
    """The title's lines (rule 3): what comes before them is a wrapper and is dropped."""
    return find_title(lines) or _title_under_headline(lines, hint) or _hinted_title(lines, hint)


def _title_under_headline(lines: list[str], hint: str) -> TitleBlock | None:
    """The report's own title right under the page's headline (a news or WeChat page heads the
    article `全文来了！…`): the report's title wins, and the headline is dropped as a wrapper."""
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if not hint or first is None or lines[first].strip() != hint:
        return None
    own = find_title(lines[first + 1 :])
    if own is None:
        return None
    return TitleBlock(own.text, own.start + first + 1, own.end + first + 1)


def _hinted_title(lines: list[str], hint: str) -> TitleBlock | None:
    """The title the format marks (an HTML page's h1), when it is the first line of text."""
    if not hint:
        return None
    for index, line in enumerate(lines):
        if line.strip():
            return TitleBlock(clean_text(hint), index, index + 1) if line.strip() == hint else None
    return None


def closes_itself(text: str, after_subtitle: bool, in_front: bool = False) -> bool:
    """Paragraphs complete without final punctuation: subtitle, date line, a web page's date and
    source line, speaker or byline, `附件`; before the first heading also an undashed occasion
    line (`1957年6月26日在…会议上`, or with its byline after it on the line), whose byline and
    salutation follow on lines of their own,
    and a byline with no occasion line above it (the salutation after it is a line of its own);
    anywhere, the name of a body alone, which presents the report under its title or signs it at
    its end over the date (`广东省人民政府` / `2024年1月22日`).
    (Fragments are tidied line by line already, so the growing text is not re-tidied.)"""
    return bool(
        is_occasion_paragraph(text)
        or (in_front and (is_bare_occasion(text) or is_bylined_occasion(text)))
        or is_date_line(text)
        or is_page_info_line(text)
        or headings.is_bare_appendix_label(text)
        or (after_subtitle and (is_speaker_name(text) or is_byline(text)))
        or (in_front and is_lone_byline(text))
        or is_presenting_body(text)
    )


def is_occasion_paragraph(text: str) -> bool:
    """A speech subtitle (`——在…会议上的讲话`) or an occasion line in brackets
    (`（2024年1月18日在…会议上）`): complete without final punctuation, and a byline may follow."""
    return is_speech_subtitle(text) or is_standalone_occasion(text)


def running_headers(lines: list[str], title: str) -> frozenset[str]:
    """Running heads: a line repeated at the top or foot of pages — part of the report's title,
    or a line that every time stands next to a page number (`政府工作报告` over pages of
    `2016年政府工作报告`, a gazette's name).

    No other line counts: a short line may repeat for real (a table cell, a slogan), and dropping
    it would lose text.
    """
    return _running_headers_of(cleaned_lines(lines), title)


def _running_headers_of(cleaned: list[str], title: str, over_title: frozenset[str] = frozenset()) -> frozenset[str]:
    """`running_headers` of the body; `over_title`: the running head over the first page's
    title, one more time each of those lines stands at a page's top."""
    positions: dict[str, list[int]] = {}
    for index, text in enumerate(cleaned):
        if len(text) in _RUNNING_HEADER_LENGTH:
            positions.setdefault(text, []).append(index)
    return frozenset(
        text
        for text, where in positions.items()
        if len(where) + (text in over_title) >= _RUNNING_HEADER_MIN
        and not is_page_number(text)
        and (_is_part_of_title(text, title) or _beside_page_numbers(cleaned, where, text in over_title))
    )


def running_head_lines(
    lines: list[str], cleaned: list[str], title: str, over_title: frozenset[str] = frozenset()
) -> frozenset[int]:
    """The lines to drop as running heads: those of a running head (`running_headers`) that stand
    at a page break. The same words elsewhere on a page are the report's text (rule 9)."""
    heads = _running_headers_of(cleaned, title, over_title)
    return frozenset(
        index
        for index, text in enumerate(cleaned)
        if text in heads and _at_page_break(lines, cleaned, heads, index)
    )


def _at_page_break(lines: list[str], cleaned: list[str], heads: frozenset[str], index: int) -> bool:
    """The line opens or closes a page: on each side, before the nearest line of text, a form
    feed, a page number or the body's edge. Other running heads are passed over, so a head of two
    lines stands at the break with both."""
    return "\f" in lines[index] or any(
        _break_beside(lines, cleaned, heads, range(index + step, stop, step))
        for step, stop in ((-1, -1), (1, len(lines)))
    )


def _break_beside(lines: list[str], cleaned: list[str], heads: frozenset[str], around: range) -> bool:
    """Walking `around` away from a line, a page break comes before any line of report text."""
    for index in around:
        if "\f" in lines[index] or is_page_number(cleaned[index]):
            return True
        if cleaned[index] and cleaned[index] not in heads:
            return False
    return True


def _is_part_of_title(text: str, title: str) -> bool:
    return len(text) >= TITLE_HEAD_MIN and text.replace(" ", "") in title


def _beside_page_numbers(cleaned: list[str], where: list[int], over_title: bool = False) -> bool:
    """Every line at `where` has a page number as its nearest line of text before or after, and
    those are different pages' numbers (a page break repeated whole is not a running head); a
    line that stands over the title too (`over_title`), or over all the text of a report that
    opens without a title (`各位代表：` right under the gazette's name), counts that first page
    as one of them."""
    pages: set[str] = set()
    first_page = over_title
    for index in where:
        before, after = _nearest_texts(cleaned, index)
        numbers = [neighbour for neighbour in (before, after) if is_page_number(neighbour)]
        if not numbers and not (index == where[0] and not before):
            return False
        first_page = first_page or not numbers
        pages.update(numbers)
    return len(pages) + first_page >= _RUNNING_HEADER_MIN


def _nearest_texts(cleaned: list[str], index: int) -> tuple[str, str]:
    before = next((cleaned[i] for i in range(index - 1, -1, -1) if cleaned[i]), "")
    after = next((cleaned[i] for i in range(index + 1, len(cleaned)) if cleaned[i]), "")
    return before, after


def wrapped_lines(lines: list[str], cleaned: list[str], skip: frozenset[int], wrap: Wrap | None) -> frozenset[int]:
    """In hard-wrapped text (`wrap`) whose paragraphs open with an indent, the lines that continue
    a paragraph: not indented, after a full line (page numbers and running heads between them
    are passed over). Such a line continues even when the full line ended on a `。`."""
    if wrap is None or sum(map(is_indented, lines)) < _INDENTED_PARAGRAPHS_MIN:
        return frozenset()
    continuing: set[int] = set()
    previous: str | None = None
    for index, (raw, text) in enumerate(zip(lines, cleaned, strict=True)):
        if not text or is_page_number(text) or index in skip:
            continue
        if previous is not None and wrap.is_full(previous) and _may_continue(raw, text):
            continuing.add(index)
        previous = raw
    return frozenset(continuing)


def unindented_wrap_warning(
    lines: list[str], cleaned: list[str], skip: frozenset[int], wrap: Wrap | None
) -> str | None:
    """The warning for hard-wrapped text (`wrap`) whose paragraphs open without an indent (plain
    `pdftotext`, a browser's copy): there a full line that ends a sentence may end its paragraph
    or only a line, and nothing tells which, so the reader is told how often that happened."""
    if wrap is None or sum(map(is_indented, lines)) >= _INDENTED_PARAGRAPHS_MIN:
        return None
    texts = [(raw, text) for index, (raw, text) in enumerate(zip(lines, cleaned, strict=True))
             if text and not is_page_number(text) and index not in skip]
    doubtful = sum(
        1
        for (before, said), (_, text) in itertools.pairwise(texts)
        if wrap.is_full(before) and ends_sentence(said) and not opens_paragraph(text)
    )
    if not doubtful:
        return None
    return (
        f"the text is wrapped at {wrap.width} {'characters' if wrap.measure is len else 'columns'} and its "
        f"paragraphs open without an indent, so at {counted(doubtful, 'full line')} ending a sentence a paragraph "
        "break was assumed that may be only a line break; give corpusdiff the PDF itself, or `pdftotext -layout` "
        "output, which keeps the indents"
    )


def soft_break_lines(lines: list[str], cleaned: list[str], skip: frozenset[int]) -> frozenset[int]:
    """In a text that separates its paragraphs with blank lines, the lines that follow a text line
    directly: the break before them is inside the paragraph, even after a sentence end (Wikisource
    breaks a line after a run-in `一是…。` and where the page had a link). A line indented, or
    opening as only a paragraph does, still starts one."""
    ends = [i for i, text in enumerate(cleaned) if text and i not in skip and ends_sentence(text)]
    if len(ends) < _BLANK_LINE_LAYOUT_MIN:
        return frozenset()
    spaced = sum(1 for i in ends if i + 1 >= len(lines) or not lines[i + 1].strip())
    if spaced < _BLANK_LINE_LAYOUT * len(ends):
        return frozenset()
    return frozenset(
        i
        for i in range(1, len(lines))
        if cleaned[i]
        and i not in skip
        and _text_line_before(lines, cleaned, skip, i)
        and not lines[i][:1].isspace()  # even one space of indent may open a paragraph
        and _may_continue(lines[i], cleaned[i])
        and not BULLET_RE.match(cleaned[i])
        and not opens_paragraph(cleaned[i])
    )


def _text_line_before(lines: list[str], cleaned: list[str], skip: frozenset[int], index: int) -> bool:
    """A line ending a sentence comes right before `index` (a line that ends otherwise is joined or
    closes itself, an occasion line or a byline, by the usual rules). A line of debris alone between
    them (a zero-width space) is looked through unless `index` opens with a lead: Wikisource cuts
    its pages into chunks of about equal length with such a line, wherever the chunk ends, so it
    falls inside paragraphs far more often than between them (portal 2017: 3 of 5 after a
    sentence end), and a short lead sentence is what tells a new paragraph there."""
    before = index - 1
    if before > 0 and debris_only(lines[before], cleaned[before]) and not _opens_with_lead(cleaned[index]):
        before -= 1
    return before >= 0 and before not in skip and ends_sentence(cleaned[before])


def debris_only(raw: str, text: str) -> bool:
    """A line that holds something, all of it debris (a zero-width space)."""
    return bool(raw.strip()) and not text


def _opens_with_lead(text: str) -> bool:
    """The line opens as a paragraph of a report's plan does: a lead sentence of a few words
    (`深化农村改革。`) or an address to the meeting (`我们要…`). On the government portal's
    pages of 2014-2017, 24% of paragraphs open with a sentence of at most _LEAD_CHARS characters
    and no comma, or with `我们要`, against 4% of the sentences inside a paragraph. A reprint in
    traditional characters prints `我們要`, read the same."""
    first = _FIRST_SENTENCE_RE.match(text)
    short = first is not None and len(first.group()) <= _LEAD_CHARS and "，" not in first.group()
    return short or simplified(text[: len(_ADDRESS)]) == _ADDRESS


def _may_continue(raw: str, text: str) -> bool:
    """Not indented, not a tab-table row, not a `——` item: a line a wrap may have started."""
    return not is_indented(raw) and not raw.startswith("\t") and not DASH_ITEM_RE.match(text)


def cleaned_lines(lines: list[str]) -> list[str]:
    """Each line without debris, its spaces tidied: what the walk reads of a line. A bare number
    at a form feed is read as the page number it is (`— 7 —`), and so are the page numbers of
    an extract without form feeds and a running head's line with its page number on it
    (`text.pages`)."""
    cleaned = [tidy_spaces(strip_debris(raw)) for raw in lines]
    pages = page_numbers(cleaned) | headed_page_numbers(lines)
    return [
        f"— {pages[index]} —"
        if index in pages
        else f"— {text} —"
        if _BARE_NUMBER_RE.match(text) and _at_form_feed(lines, index)
        else text
        for index, text in enumerate(cleaned)
    ]


def _at_form_feed(lines: list[str], index: int) -> bool:
    """The line opens a page or closes one: pdftotext ends each page with a form feed, so the
    next page's first line starts with one."""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return lines[index].lstrip(" ").startswith("\f") or after.startswith("\f")


#: `一是…`, `二是…`: the enumeration a paragraph of a report opens with.
_ENUMERATION_RE = re.compile(r"^[一二三四五六七八九十]{1,3}是")
#: A lead sentence is short: the first sentence of a line, up to its stop.
_FIRST_SENTENCE_RE = re.compile(r"^[^。！？]*[。！？]")
_LEAD_CHARS = 10
_ADDRESS = "我们要"


def opens_paragraph(text: str) -> bool:
    """The text opens as only a paragraph does: with a numbering marker, an ordinal (`第一，`,
    `一是`) or a `——` item."""
    return bool(
        headings.heading_marker(text) or _ENUMERATION_RE.match(text) or DASH_ITEM_RE.match(text)
    )
