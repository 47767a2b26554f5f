"""Hard-wrapped text: an extract whose lines were cut at one width, whatever the sentence.

A converter that wraps at a width ends a line after a `。` as often as anywhere else, so in such
text a full line ending a sentence says nothing about where the paragraph ends. The width is told
from the lines themselves: at least `_WRAPPED_SHARE` of them are as long as the commonest length
(in characters, as a `fold` cuts, or in display columns, CJK counting two, as a page is set).
Text with one paragraph per line never comes near (at most 0.11 on the national reports).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corpusdiff.text.chars import WIDE, display_width

_WRAPPED_SHARE = 0.3
#: Lines shorter than this are headings, page furniture or short paragraphs, never the wrap.
_MIN_WRAP = 10


@dataclass(frozen=True)
class Wrap:
    """The width a text was wrapped at, in the measure that shows it."""

    measure: Callable[[str], int]
    width: int
    #: how much shorter a full line may be: a wide character does not fit in the last column
    slack: int

    def is_full(self, line: str) -> bool:
        return self.measure(line.rstrip()) >= self.width - self.slack


def hard_wrap(lines: Sequence[str]) -> Wrap | None:
    """The wrap of hard-wrapped text, or None for text with one paragraph per line. A table's
    tab-separated rows are no wrapped text: an indicator table's thirty rows of one width in a
    PDF's or a page's extract made that width the wrap, and every line after a longer one (a
    byline under the occasion line, `附表`) a wrap of it."""
    texts = [as_set(line) for line in lines if line.strip() and "\t" not in line.strip()]
    candidates = [_wrap_by(texts, measure, slack) for measure, slack in ((len, 1), (display_width, 2))]
    found = [(share, wrap) for share, wrap in candidates if wrap is not None and share >= _WRAPPED_SHARE]
    return max(found, key=lambda pair: pair[0])[1] if found else None


#: ASCII spaces beside a Chinese character or mark inside a line: a PDF extract's, where a
#: justified line spread its characters (a writer types U+3000, which is kept).
_SPREAD_RE = re.compile(f"(?<=[{WIDE}]) +(?=\\S)|(?<=\\S) +(?=[{WIDE}])")


def as_set(line: str) -> str:
    """A line as long as it was set: its indent, and its text without the ASCII spaces beside a
    Chinese character, which reading drops (canonical-markdown.md, rule 10). A justified PDF
    line comes out with a space or two where its characters stood apart (`推进 供给侧  结构性改革`),
    so full lines grew longer by one, two or five and no length was common enough to show the
    wrap."""
    text = line.rstrip()
    body = text.lstrip()
    return text[: len(text) - len(body)] + _SPREAD_RE.sub("", body)


def _wrap_by(texts: list[str], measure: Callable[[str], int], slack: int) -> tuple[float, Wrap | None]:
    """The commonest long-line length by `measure`, and the share of lines that fill it (each
    line measured once: display columns are a tenth of normalising a report)."""
    measured = [measure(text) for text in texts]
    lengths = Counter(length for length in measured if length >= _MIN_WRAP)
    if not lengths:
        return 0.0, None
    wrap = Wrap(measure, lengths.most_common(1)[0][0], slack)
    full = sum(1 for length in measured if wrap.width - slack <= length <= wrap.width)
    return full / len(texts), wrap
