"""Page furniture: running heads, footers and page numbers repeated page after page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corpusdiff.read.pdf.lines import _Line
from corpusdiff.read.pdf.params import (
    _DIGITS_RE,
    _EDGE_LINES,
    _PAGE_NUMBER_RE,
    _RUNNING_SHARE,
    _RUNNING_SIDE_SHARE,
    _SIZE_RATIO,
    _WORD_RE,
)
from corpusdiff.strings import counted


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
