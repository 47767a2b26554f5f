"""Markdown without front matter (what pandoc or markitdown make of a Word or PDF report, or a
corpus document's body copied out): read through the HTML reader, so that its `#` headings,
pipe tables and lists come through as they do from a web page, never as escaped text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from corpusdiff.read.extracted import Extracted

if TYPE_CHECKING:  # markdown-it is imported where a Markdown file is read, not to tell one
    from markdown_it.token import Token

#: A text is Markdown when at least this many lines are ATX headings (`## 一、…`): a report's
#: plain text never opens a line with `#` and a space.
_HEADINGS_MIN = 2
_ATX_HEADING_RE = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)


def is_markdown(text: str) -> bool:
    """Whether decoded text is Markdown laid out with `#` headings."""
    return len(_ATX_HEADING_RE.findall(text, 0, 200_000)) >= _HEADINGS_MIN


def extractor_version() -> str:
    import markdown_it

    return f"corpusdiff.read.markdown (markdown-it-py {markdown_it.__version__})"


def extract_markdown(text: str, name: str) -> Extracted:
    """The report text of a Markdown file: rendered to HTML (CommonMark with tables) and read as
    a page is."""
    from markdown_it import MarkdownIt

    from corpusdiff.errors import InputError
    from corpusdiff.read.html import MIN_REPORT_HAN, extract_html

    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = _numbered_items(parser.parse(text))
    body = parser.renderer.render(tokens, parser.options, {})
    try:
        return extract_html(f"<html><body><article>{body}</article></body></html>", name)
    except InputError:
        raise InputError(
            f"{name}: a Markdown file with no report text in it (fewer than {MIN_REPORT_HAN} Chinese "
            "characters outside its markup); check that this is the right file"
        ) from None


def _numbered_items(tokens: list[Token]) -> list[Token]:
    """The tokens with each ordered list item's number written into its text (`1. 经济运行…` ->
    `1.经济运行…`): pandoc writes a Word list's numbers as a Markdown list, and rendered to HTML
    the numbers would be the browser's, not text, so the report's `1.` `2.` would be lost."""
    from markdown_it.token import Token

    for index, token in enumerate(tokens):
        if token.type != "list_item_open" or not token.info:
            continue
        inline = next((t for t in tokens[index + 1 :] if t.type in ("inline", "list_item_close")), None)
        if inline is not None and inline.type == "inline":
            number = Token("text", "", 0, content=f"{token.info}{token.markup}")
            inline.children = [number, *(inline.children or [])]
    return tokens
