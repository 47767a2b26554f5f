"""Lines of Chinese report text wrapped to a terminal's width.

`textwrap` counts characters and breaks only at spaces; a Han character takes two columns
and Chinese has no spaces, so a paragraph would come out as one line twice the width. Here a
line may break between any two characters except inside a run of Latin letters and digits
(`PM2.5`, `5318.2`: a figure or a word stays whole unless it is wider than a line), before
closing punctuation or after opening punctuation (，。、） never start a line, （“ never end
one, as Chinese typesetting has it); colour codes take no width and carry over a break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpusdiff.text.chars import display_width

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RESETS = ("\x1b[0m", "\x1b[m")
#: never at the start of a line
CLOSING = frozenset("，。、；：？！）》」』】〕”’…%,.;:?!)]}")
#: never at the end of a line
OPENING = frozenset("（《「『【〔“‘([{")


def wrap(text: str, width: int, indent: str = "", subsequent: str = "") -> list[str]:
    """`text` (one paragraph, colour codes allowed) as lines of at most `width` columns, the
    first starting with `indent`, the others with `subsequent`; width 0 leaves it whole."""
    if width <= 0:
        return [indent + text]
    lines = _Lines(width, indent, subsequent)
    for chunk in _chunks(text):
        lines.add(chunk)
    return lines.finish()


class _Lines:
    """The lines filled so far, the one being filled and the colour in force."""

    def __init__(self, width: int, indent: str, subsequent: str) -> None:
        self.width, self.subsequent = width, subsequent
        self.done: list[str] = []
        self.tokens: list[str] = [indent]
        self.used = display_width(indent)
        self.visible = False  # the line holds text, not only its indent and colour codes
        self.colour = ""

    def add(self, chunk: list[str]) -> None:
        if self.visible and self.used + _width(chunk) > self.width:
            self.new_line()
            while chunk and chunk[0] == " ":
                chunk = chunk[1:]
        if self.used + _width(chunk) <= self.width:
            for token in chunk:
                self.put(token)
            return
        for token in chunk:  # wider than a line: cut it where the line is full
            if self.visible and self.used + _width([token]) > self.width:
                self.new_line()
            self.put(token)

    def put(self, token: str) -> None:
        self.tokens.append(token)
        if token.startswith("\x1b"):
            self.colour = "" if token in _RESETS else self.colour + token
        else:
            self.used += display_width(token)
            self.visible = True

    def new_line(self) -> None:
        self.done.append("".join(self.tokens).rstrip(" ") + (_RESETS[0] if self.colour else ""))
        self.tokens = [self.subsequent, self.colour]
        self.used = display_width(self.subsequent)
        self.visible = False

    def finish(self) -> list[str]:
        self.done.append("".join(self.tokens).rstrip(" "))
        return self.done


def _chunks(text: str) -> Iterator[list[str]]:
    """Tokens a line may not break between: a Han character with the punctuation that must
    stay with it, a run of Latin letters and digits, a space; colour codes join the text
    after them."""
    chunk: list[str] = []
    previous = ""
    for token in _tokens(text):
        if not token.startswith("\x1b"):
            if previous and _may_break(previous, token):
                yield chunk
                chunk = []
            previous = token
        chunk.append(token)
    if chunk:
        yield chunk


def _may_break(before: str, after: str) -> bool:
    if after in CLOSING or before in OPENING:
        return False
    return " " in (before, after) or display_width(before) == 2 or display_width(after) == 2


def _tokens(text: str) -> Iterator[str]:
    """Characters, with each colour code one token."""
    position = 0
    for match in _ANSI.finditer(text):
        yield from text[position : match.start()]
        yield match.group()
        position = match.end()
    yield from text[position:]


def _width(tokens: list[str]) -> int:
    return sum(display_width(token) for token in tokens if not token.startswith("\x1b"))
