"""NormalizedDocument <-> canonical Markdown text (the dialect in docs/canonical-markdown.md)."""

from __future__ import annotations

import re
from dataclasses import asdict, fields

import yaml

from corpusdiff import DIALECT_VERSION, headings
from corpusdiff.errors import InputError
from corpusdiff.model import (
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

_INLINE_SPECIAL = re.compile(r"([\\`*_<>\[\]&|])")
_LINE_START_SPECIAL = re.compile(r"^(#|>|[-+*=](?=\s|$)|\d+(?=[.)](\s|$))|~~~|```)")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HEADING_LINE = re.compile(r"^(#{1,6}) (.*)$")
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


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def heading_levels(blocks: tuple[Block, ...]) -> dict[str, int]:
    """Marker kinds present get levels 2, 3, … in rank order; appendix titles are level 2."""
    present = {block.kind for block in blocks if isinstance(block, Heading)}
    ranked = [kind for kind in headings.RANKS if kind in present]
    levels = {kind: min(index + 2, 6) for index, kind in enumerate(ranked)}
    levels["appendix"] = 2
    return levels


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
                data["source"] = {k: v for k, v in asdict(value).items() if v}
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
    return bool(match) and re.search(r"^dialect:", match.group(1), re.MULTILINE) is not None


def parse(text: str) -> NormalizedDocument:
    """Read canonical Markdown back into blocks (the inverse of render)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise InputError("not canonical Markdown: the front matter (--- … ---) is missing")
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"the front matter is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise InputError("the front matter must be a YAML mapping")
    metadata = metadata_from_dict(data)
    blocks = _parse_blocks(text[match.end() :].split("\n"))
    return NormalizedDocument(metadata=metadata, blocks=tuple(blocks))


def metadata_from_dict(data: dict[str, object]) -> Metadata:
    known = {f.name for f in fields(Metadata)} - {"source"}
    values = {key: str(value) for key, value in data.items() if key in known and value is not None}
    source = data.get("source")
    if isinstance(source, dict):
        names = {f.name for f in fields(Source)}
        values["source"] = Source(**{k: str(v) for k, v in source.items() if k in names})  # type: ignore[assignment]
    return Metadata(**values)  # type: ignore[arg-type]


def _parse_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif line.startswith(">"):
            end = index
            while end < len(lines) and lines[end].startswith(">"):
                end += 1
            blocks.append(_parse_box([re.sub(r"^> ?", "", raw) for raw in lines[index:end]]))
            index = end
        elif line.startswith("|"):
            end = index
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            blocks.append(_parse_table(lines[index:end]))
            index = end
        else:
            block = _parse_line(line)
            if block is not None:
                blocks.append(block)
            index += 1
    return blocks


def _parse_line(line: str) -> Block | None:
    heading = _HEADING_LINE.match(line)
    if heading:
        if len(heading.group(1)) == 1:
            return None
        text = unescape(heading.group(2))
        marker = headings.parse_marker(text)
        return Heading(text, marker.kind if marker else "appendix")
    if line.startswith("- "):
        return ListItem(unescape(line[2:]))
    return Paragraph(unescape(line))


def _parse_box(lines: list[str]) -> Box:
    inner = _parse_blocks(lines)
    title = inner[0].text if inner and isinstance(inner[0], Paragraph) else ""
    content = tuple(b for b in inner[1:] if isinstance(b, (Paragraph, ListItem, Table)))
    return Box(title, content)


def _parse_table(lines: list[str]) -> Table:
    rows = [_split_cells(line) for line in lines]
    rows = [row for index, row in enumerate(rows) if index != 1]
    return Table(tuple(tuple(row) for row in rows))


def _split_cells(line: str) -> list[str]:
    inner = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
    cells = re.split(r"(?<!\\)\|", inner)
    return [unescape(cell.strip()) for cell in cells]
