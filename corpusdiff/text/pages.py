"""Page numbers that a text extract leaves between pages without a sign that a page ends.

pdftotext ends a page with a form feed, so a bare `12` beside one is a page number (the
normaliser reads it so). A browser's copy of a PDF, or a PDF printed to text, has no form
feed: the page numbers stand as bare `12` lines, or as `12/40` (page of pages), in the middle
of the paragraph the page break cut. A bare number alone on a line is rare in a report, but a
table copied cell by cell gives such lines too, so only a run is taken: page numbers count up
one by one, a page's worth of lines apart, and stand among text, not among other figures.
`pdftotext -layout` may set the running head and the page number on one line, a wide gap
between them: such lines are taken when the same head repeats with the numbers going up.
"""

from __future__ import annotations

import re
import statistics
from itertools import pairwise

from corpusdiff.text.rules import is_page_number

_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")
_PAGE_OF_PAGES_RE = re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})$")
#: A page number beside a running head on one line, a wide gap between them.
_PAGE = r"(?:[—–\-－·•]\s*)?(?:第\s*)?{}(?:\s*页)?(?:\s*[—–\-－·•])?"
_HEADED_RE = re.compile(
    "^(?:(?P<head>[^\\d\\s].{{0,38}}?)[ \u3000]{{2,}}{}|{}[ \u3000]{{2,}}(?P<head2>[^\\d\\s].{{0,38}}?))$".format(
        _PAGE.format(r"(?P<page>\d{1,4})"), _PAGE.format(r"(?P<page2>\d{1,4})")
    )
)
#: A figure alone on a line: a table cell, not text around a page number.
_FIGURE_RE = re.compile(r"^[-+]?[\d.,%]+$")
#: A run of bare numbers is taken for page numbers from this many pages on.
_MIN_PAGES = 3
#: Page numbers stand at least this many lines apart: a page holds more lines than a table
#: copied cell by cell has columns.
_MIN_PAGE_LINES = 12


def page_numbers(texts: list[str]) -> dict[int, int]:
    """The lines (by index) of `texts` (cleaned lines) that are page numbers with no form feed
    beside them, and the page each gives: a run of bare numbers counting up, or `N/M` lines
    sharing one page count `M`."""
    return _counted_pages(texts) | _pages_of_pages(texts)


def _counted_pages(texts: list[str]) -> dict[int, int]:
    """Bare numbers alone among text that count up one by one, a page apart, three or more."""
    candidates = [
        (index, int(text)) for index, text in enumerate(texts) if _BARE_NUMBER_RE.match(text) and _among_text(texts, index)
    ]
    runs: list[list[tuple[int, int]]] = []
    for index, page in candidates:
        run = next((r for r in runs if r[-1][1] == page - 1 and index - r[-1][0] >= _MIN_PAGE_LINES), None)
        if run is None:
            runs.append([(index, page)])
        else:
            run.append((index, page))
    found: dict[int, int] = {}
    for run in runs:
        if len(run) >= _MIN_PAGES:
            found |= dict(_evenly_spaced(run, candidates)) | _closing_page(texts, run)
    return found


def _closing_page(texts: list[str], run: list[tuple[int, int]]) -> dict[int, int]:
    """The next page's number as the last line of the text, however few lines after the page
    before: the last page is as long as the text that is left (`注：…为准` / `12` at the end
    was glued to the note, or a paragraph `17` of its own)."""
    last = max(index for index, text in enumerate(texts) if text) if any(texts) else -1
    index, page = run[-1]
    if last > index and texts[last] == str(page + 1) and _among_text(texts, last):
        return {last: page + 1}
    return {}


def _evenly_spaced(run: list[tuple[int, int]], candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The run again, taking for each page the number nearest a page's length after the page
    before: a figure a wrap left alone (`M` / `2` of M2) may have the next page's number too."""
    length = statistics.median(b[0] - a[0] for a, b in pairwise(run))
    chosen = [run[0]]
    for _, page in run[1:]:
        last = chosen[-1][0]
        options = [c for c in candidates if c[1] == page and c[0] - last >= _MIN_PAGE_LINES]
        chosen.append(min(options, key=lambda c: abs(c[0] - last - length)))
    return chosen


def _pages_of_pages(texts: list[str]) -> dict[int, int]:
    """`3/40` lines: two or more with the same page count, each page within it, all different."""
    by_total: dict[int, dict[int, int]] = {}
    for index, text in enumerate(texts):
        match = _PAGE_OF_PAGES_RE.match(text)
        if match and _among_text(texts, index):
            page, total = int(match.group(1)), int(match.group(2))
            if 0 < page <= total:
                by_total.setdefault(total, {})[index] = page
    found: dict[int, int] = {}
    for pages in by_total.values():
        if len(pages) >= 2 and len(set(pages.values())) == len(pages):
            found |= pages
    return found


def headed_page_numbers(raws: list[str]) -> dict[int, int]:
    """Raw lines that hold a running head and a page number set apart by a wide gap, as
    `pdftotext -layout` gives a header line (`政府工作报告        3`, `— 4 —        政府工作报告`):
    the same head on three lines or more, the numbers going up, each page a page's worth of
    lines on (`_a_page_on`; a head on odd pages only goes up by two). Such a line is
    page furniture as a whole, so it is read as its page number."""
    by_head: dict[str, list[tuple[int, int]]] = {}
    for index, raw in enumerate(raws):
        match = _HEADED_RE.match(raw.replace("\f", " ").strip())
        if match:
            head = "".join((match.group("head") or match.group("head2")).split())
            page = int(match.group("page") or match.group("page2"))
            by_head.setdefault(head, []).append((index, page))
    found: dict[int, int] = {}
    for lines in by_head.values():
        if len(lines) >= _MIN_PAGES and all(_a_page_on(a, b) for a, b in pairwise(lines)):
            found |= dict(lines)
    return found


def _a_page_on(before: tuple[int, int], after: tuple[int, int]) -> bool:
    """(line, page) `after` comes pages after `before`, each page a page's worth of lines: a
    figure in a table's row under the same label grows faster than that, if it grows."""
    lines, pages = after[0] - before[0], after[1] - before[1]
    return pages > 0 and pages * _MIN_PAGE_LINES <= lines


def _among_text(texts: list[str], index: int) -> bool:
    """The nearest line before or the one after is no figure alone: a number among a table's
    cells has figures on both sides (one side may be a subscript a wrap left alone, PM / 10)."""
    before = next((t for t in reversed(texts[:index]) if t), "")
    after = next((t for t in texts[index + 1 :] if t), "")
    return not (_FIGURE_RE.match(before) and _FIGURE_RE.match(after))


#: The heading of a table of contents (`目　　录`, `目錄`), its spaces taken out.
_CONTENTS_TITLES = frozenset({"目录", "目錄"})
#: A contents entry ends in its page number after leader dots, a wide gap or a tab (Word's
#: contents saved as text), or in brackets (`1. 政府工作报告 (1)`).
_CONTENTS_ENTRY_RE = re.compile(r"(?:(?:…|\.|·|．|-){3,}|…{2,}|\s{2,}|\t)\s*\d{1,3}$|[(（]\d{1,3}[)）]$")
#: A contents entry wrapped before its leaders is at most this long.
_ENTRY_PIECE_MAX = 40
#: The `目录` line is one of this many lines of text from where it is looked for (a title of up to
#: three lines, or a title's date line, may stand before it).
_CONTENTS_SEARCH = 4
#: A table of contents lists this many entries or more.
_CONTENTS_MIN = 2


def contents_lines(raws: list[str], start: int) -> frozenset[int]:
    """The lines of a table of contents that starts near line `start` (after the title, as a
    five-year outline prints one between its title and its first part): the `目录` line,
    then contents entries, with the blank lines and page numbers among them and the first piece
    of an entry wrapped before its leaders. Empty when there is none, or fewer than two entries."""
    texts = [" ".join(raw.replace("\f", " ").split()) for raw in raws]
    near = [i for i in range(start, len(texts)) if texts[i]][:_CONTENTS_SEARCH]
    heading = next((i for i in near if texts[i].replace(" ", "") in _CONTENTS_TITLES), None)
    if heading is None:
        return frozenset()
    taken, entries = [heading], 0
    for index in range(heading + 1, len(raws)):
        text = texts[index]
        if not text or is_page_number(text) or _BARE_NUMBER_RE.match(text):
            taken.append(index)
        elif is_contents_entry(raws[index]):
            taken.append(index)
            entries += 1
        elif len(text) <= _ENTRY_PIECE_MAX and "。" not in text and _next_is_entry(raws, texts, index):
            taken.append(index)
        else:
            break
    while taken and not texts[taken[-1]]:
        taken.pop()
    if entries >= _CONTENTS_MIN:
        return frozenset(taken)
    return _unnumbered_contents(texts, heading)


def _unnumbered_contents(texts: list[str], heading: int) -> frozenset[int]:
    """A contents without page numbers (a page's outline, Word's headings typed as a list): the
    `目录` line and the short lines under it, none ending a sentence, that the body then repeats
    as its headings (up to the last of them that comes again: a `序言` label or a heading over the
    preface, once only, is the body's). Kept, every heading came twice."""
    keys = [text.replace(" ", "") for text in texts]  # `第一篇　开启…` in one, `第一篇开启…` in the other
    run: list[int] = []
    stop = len(texts)
    for index in range(heading + 1, len(texts)):
        key = keys[index]
        if key and ((run and key == keys[run[0]]) or len(key) > _ENTRY_PIECE_MAX or "。" in key):
            stop = index
            break
        if key:
            run.append(index)
    body = set(keys[stop:])
    while run and keys[run[-1]] not in body:
        run.pop()
    return frozenset(range(heading, run[-1] + 1)) if len(run) >= _CONTENTS_MIN else frozenset()


def is_contents_entry(raw: str) -> bool:
    """A raw line that ends as a contents entry does: in its page number after leaders."""
    return _CONTENTS_ENTRY_RE.search(raw.rstrip()) is not None


def _next_is_entry(raws: list[str], texts: list[str], index: int) -> bool:
    following = next((i for i in range(index + 1, len(raws)) if texts[i]), None)
    return following is not None and is_contents_entry(raws[following])
