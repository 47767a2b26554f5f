"""The lines, boxes and pages read from a PDF's text layer, as the later steps see them, and what
those steps ask of lines alike: their text joined, their size, a change of type."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from corpusdiff.read.pdf.params import _LATIN_END_RE, _LATIN_START_RE, _SIZE_RATIO


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


@dataclass(frozen=True)
class _Grid:
    """The character grid a page's text is set on: the step from one cell to the next, and the
    type size of the lines that show it."""

    step: float
    size: float
    #: the steps that lines in other sizes show on it, an even share of `step`: (size, step)
    shares: tuple[tuple[float, float], ...] = ()


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
