"""NormalizedDocument <-> canonical Markdown text (the dialect in docs/canonical-markdown.md)."""

from __future__ import annotations

import re
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

from corpusdiff import DIALECT_VERSION
from corpusdiff import yamlsafe as yaml
from corpusdiff.errors import InputError
from corpusdiff.text.chars import visible_controls
from corpusdiff.types.document import (
    Block,
    Box,
    Heading,
    ListItem,
    Metadata,
    NormalizedDocument,
    Paragraph,
    Source,
    Table,
)

if TYPE_CHECKING:  # markdown-it is imported where used
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_INLINE_SPECIAL = re.compile(r"([\\`*_<>\[\]&|#])")
_LINE_START_SPECIAL = re.compile(r"^(#|>|[-+*=]|\d+(?=[.)](\s|$))|~~~)")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def escape_inline(text: str) -> str:
    """Backslash-escape inline markup characters (also enough inside table cells)."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup, so report text stays text."""
    text = escape_inline(text)
    start = _LINE_START_SPECIAL.match(text)
    if not start:
        return text
    token = start.group(0)
    if token[0].isdigit():
        return f"{token}\\{text[len(token) :]}"
    return f"\\{text}"


def heading_levels(blocks: tuple[Block, ...]) -> dict[str, int]:
    """Marker kinds present get levels 2, 3, … from the outermost in (`numbering.kind_order`);
    appendix and closing titles are level 2."""
    from corpusdiff.text import numbering as headings  # on first use: is_canonical_text needs none

    return headings.heading_levels((block.kind, block.text) for block in blocks if isinstance(block, Heading))


def render(document: NormalizedDocument) -> str:
    """The canonical Markdown text: front matter, `# title`, then one block per paragraph."""
    levels = heading_levels(document.blocks)
    parts = [front_matter(document.metadata), f"# {escape(document.metadata.title)}"]
    parts.extend(_render_block(block, levels) for block in document.blocks)
    return "\n\n".join(parts) + "\n"


def front_matter(metadata: Metadata) -> str:
    data: dict[str, object] = {}
    for field in fields(Metadata):
        value = getattr(metadata, field.name)
        if field.name == "source":
            if value is not None:
                data["source"] = {
                    k: v for k, v in asdict(value).items() if v and not (k == "format" and v == "text")
                }
        elif value or field.name == "title":
            data[field.name] = value
    data["dialect"] = DIALECT_VERSION
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---"


def _render_block(block: Block, levels: dict[str, int]) -> str:
    if isinstance(block, Heading):
        return f"{'#' * levels[block.kind]} {escape(block.text)}"
    if isinstance(block, Paragraph):
        return escape(block.text)
    if isinstance(block, ListItem):
        return f"- {escape(block.text)}"
    if isinstance(block, Table):
        return _render_table(block)
    inner = [escape(block.title), *(_render_block(b, levels) for b in block.blocks)]
    return "\n>\n".join(
        "\n".join(f"> {line}" if line else ">" for line in part.split("\n")) for part in inner
    )


def _render_table(table: Table) -> str:
    header, *rows = table.rows
    lines = [_row(header), "| " + " | ".join("---" for _ in header) + " |"]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(escape_inline(cell) for cell in cells) + " |"


def is_canonical_text(text: str) -> bool:
    """Canonical documents start with front matter that names the dialect."""
    match = _FRONT_MATTER.match(text)
    return match is not None and re.search(r"^dialect:", match.group(1), re.MULTILINE) is not None


#: Markup canonical text never holds (the normaliser escapes its signs): read as the text it is
#: by every command and on the site alike, so a document from elsewhere cannot show the site's
#: reader a sentence (an image's alt text, a code span) that `diff` and `review` leave out,
#: nor publish a link or a remote image.
TEXT_ONLY = ["link", "image", "autolink", "backticks", "reference"]


def markdown_reader() -> MarkdownIt:
    """The one Markdown set-up for canonical documents, for reading them into blocks and for
    rendering them on the site: CommonMark with GFM tables and front matter; raw HTML, links,
    images, code spans and link definitions off (`TEXT_ONLY`), so text stays text."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    reader = MarkdownIt("commonmark", {"html": False}).enable("table").use(front_matter_plugin)
    return reader.disable(TEXT_ONLY)


def read_metadata(text: str) -> Metadata:
    """Only the front matter: enough for listing a corpus, without parsing the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise InputError("not canonical Markdown: the front matter (--- … ---) is missing")
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"the front matter is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise InputError("the front matter must be a YAML mapping")
    return metadata_from_dict(data)


def parse(text: str) -> NormalizedDocument:
    """Read canonical Markdown back into blocks with markdown-it-py (the inverse of render).
    A control character, which no canonical document holds but one from elsewhere may (ESC
    sequences that would recolour, hide or clear what a terminal shows), is read as its
    visible control picture, in the front matter too."""
    metadata = read_metadata(text)
    tokens = markdown_reader().parse(visible_controls(text))
    blocks, _ = _blocks(tokens, 1, close=None)
    return NormalizedDocument(metadata=metadata, blocks=_with_nested_kinds(blocks, tokens))


def _with_nested_kinds(blocks: list[Block], tokens: list[Token]) -> tuple[Block, ...]:
    """The blocks with a heading deeper than the shallowest of its kind read as of the nested
    sequence of that kind (`numbering.nested_kinds`), as the normaliser wrote it."""
    from corpusdiff.text import numbering as headings

    levels = [int(t.tag[1:]) for t in tokens if t.type == "heading_open" and t.level == 0 and t.tag != "h1"]
    found = [block for block in blocks if isinstance(block, Heading)]
    if len(levels) != len(found):  # a heading inside a box: not canonical, read as written
        return tuple(blocks)
    kinds = iter(headings.nested_kinds([(h.kind, level) for h, level in zip(found, levels, strict=True)]))
    return tuple(Heading(b.text, next(kinds)) if isinstance(b, Heading) else b for b in blocks)


def metadata_from_dict(data: dict[str, object]) -> Metadata:
    known = {f.name for f in fields(Metadata)} - {"source"}
    values: dict[str, Any] = {
        key: visible_controls(str(value)) for key, value in data.items() if key in known and value is not None
    }
    source = data.get("source")
    if isinstance(source, dict):
        names = {f.name for f in fields(Source)}
        values["source"] = Source(**{k: str(v) for k, v in source.items() if k in names})
    return Metadata(**values)


def _inline_text(token: Token) -> str:
    return "".join(child.content for child in token.children or [] if child.type == "text")


def _blocks(tokens: list[Token], index: int, close: str | None) -> tuple[list[Block], int]:
    """Blocks from `tokens[index:]` up to the token of type `close`; returns them and the index after."""
    from corpusdiff.text import numbering as headings

    blocks: list[Block] = []
    while index < len(tokens) and tokens[index].type != close:
        token = tokens[index]
        if token.type == "heading_open":
            text = _inline_text(tokens[index + 1])
            if token.tag != "h1":
                blocks.append(Heading(text, headings.heading_kind(text, int(token.tag[1:]))))
            index += 3
        elif token.type == "paragraph_open":
            blocks.append(Paragraph(_inline_text(tokens[index + 1])))
            index += 3
        elif token.type == "list_item_open":
            items, index = _blocks(tokens, index + 1, "list_item_close")
            blocks.extend(ListItem(item.text) for item in items if isinstance(item, Paragraph))
            index += 1
        elif token.type == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, "blockquote_close")
            title = inner[0].text if inner and isinstance(inner[0], Paragraph) else ""
            content = tuple(b for b in inner[1:] if isinstance(b, (Paragraph, ListItem, Table)))
            blocks.append(Box(title, content))
            index += 1
        elif token.type == "table_open":
            rows, index = _table_rows(tokens, index + 1)
            blocks.append(Table(rows))
        else:
            index += 1
    return blocks, index


def _table_rows(tokens: list[Token], index: int) -> tuple[tuple[tuple[str, ...], ...], int]:
    rows: list[tuple[str, ...]] = []
    cells: list[str] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            cells = []
        elif token.type == "inline":
            cells.append(_inline_text(token))
        elif token.type == "tr_close":
            rows.append(tuple(cells))
        index += 1
    return tuple(rows), index + 1
