"""Canonical Markdown -> document tree: sections with heading paths, and initiative units.

An *initiative unit* is what a reader thinks of as one initiative: a numbered task (its heading
and body together), or, outside tasks, one paragraph or list item (often led by a short
lead sentence such as `消费活力持续释放。`). Units are split into sentences for the finer
comparison inside matched units.
"""

from __future__ import annotations

import re

from corpusdiff.types.document import Box, Heading, ListItem, NormalizedDocument, Paragraph, Table
from corpusdiff.types.tree import DocTree, Section, Unit

_LEAD_RE = re.compile(r"^([^。！？；]{2,24})。")
_SENTENCE_RE = re.compile(r"[^。！？；]+[。！？；]?")


def build_tree(document: NormalizedDocument) -> DocTree:
    """Sections from headings, units from the blocks between them."""
    sections: list[Section] = []
    units: list[Unit] = []
    stack: list[tuple[int, int]] = []  # (rank, section index)
    task: dict[str, object] | None = None
    paragraph = 0

    def close_task() -> None:
        nonlocal task
        if task is not None:
            units.append(
                Unit(
                    len(units),
                    task["section"],
                    "task",
                    task["heading"],  # type: ignore[arg-type]
                    "".join(task["parts"]),
                    task["paragraph"],
                )
            )  # type: ignore[arg-type]
        task = None

    for block in _flatten(document.blocks):
        if isinstance(block, Heading):
            close_task()
            rank = _rank(block.kind)
            while stack and stack[-1][0] >= rank:
                stack.pop()
            parent = stack[-1][1] if stack else None
            label, text = split_label(block.text)
            path = (*[sections[i].heading for _, i in stack],)
            sections.append(Section(len(sections), block.kind, label, text, path, parent, len(stack)))
            stack.append((rank, len(sections) - 1))
            if block.kind == "num":
                task = {
                    "section": len(sections) - 1,
                    "heading": text,
                    "parts": [f"{text}。"],
                    "paragraph": paragraph,
                }
            continue
        current = stack[-1][1] if stack else None
        if task is not None:
            task["parts"].append(block.text)  # type: ignore[union-attr]
        else:
            lead = _LEAD_RE.match(block.text)
            kind = "item" if isinstance(block, ListItem) else "paragraph"
            units.append(
                Unit(len(units), current, kind, lead.group(1) if lead else "", block.text, paragraph)
            )
        paragraph += 1
    close_task()
    return DocTree(document.metadata, tuple(sections), tuple(units))


def _flatten(blocks):  # -> Iterator[Heading | Paragraph | ListItem]
    """Headings and text blocks in order; boxes contribute their paragraphs, tables are skipped."""
    for block in blocks:
        if isinstance(block, Box):
            yield from (b for b in block.blocks if isinstance(b, (Paragraph, ListItem)))
        elif isinstance(block, (Heading, Paragraph, ListItem)):
            yield block
        elif isinstance(block, Table):
            continue


def _rank(kind: str) -> int:
    from corpusdiff.text.numbering import RANKS

    return RANKS.index(kind) + 1 if kind in RANKS else 0


def split_label(text: str) -> tuple[str, str]:
    """`（五）全力创建文明城市` -> (`（五）`, `全力创建文明城市`)."""
    from corpusdiff.text.numbering import parse_marker

    marker = parse_marker(text)
    if marker is None:
        return "", text
    return marker.label, marker.rest.strip()


def sentences(text: str) -> list[str]:
    """Sentences and semicolon clauses, each with its closing punctuation."""
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip(" 。；")]


def tree_from_markdown(text: str) -> DocTree:
    from corpusdiff.canonical.markdown import parse

    return build_tree(parse(text))
