"""A report printed in traditional characters read as simplified, by the series views that read
words in its blocks (indicators' names, cues and units: 國內生產總值增長6%左右).

The views read a copy whose every text is OpenCC's simplified form of the block's own when it
has the same length (`text.script.searchable`), so that what they find in the copy is cut from the
report at the same places; what they show is given back as printed. A document in simplified
characters is read as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from corpusdiff.text.script import simplified_texts
from corpusdiff.types.document import Block, Box, Heading, ListItem, NormalizedDocument, Paragraph, Table


def simplified_document(document: NormalizedDocument) -> NormalizedDocument:
    """`document` with its blocks' texts in simplified characters, each as long as the report's
    own (a text whose simplified form is not is kept as printed); the same document when no text
    changes. The metadata is the report's."""
    texts = list(_texts(document.blocks))
    seen = [
        copy if len(copy) == len(text) else text for copy, text in zip(simplified_texts(texts), texts, strict=True)
    ]
    if seen == texts:
        return document
    read = iter(seen)
    return replace(document, blocks=tuple(_with_texts(block, read) for block in document.blocks))


def in_print(text: str, seen: str, printed: str) -> str:
    """`text`, found in `seen` (the simplified copy of `printed`), as `printed` has it there;
    `text` itself when it is not found."""
    at = seen.find(text) if len(seen) == len(printed) else -1
    return printed[at : at + len(text)] if at >= 0 else text


def name_in_print(name: str, seen: str, printed: str) -> str:
    """`name`, read in `seen` (the simplified copy of `printed`), as `printed` has it: cut from it
    where the copy has the name whole (`in_print`), else each of its characters as printed where
    the copy has it (a name put together from parts: 轻工业总产值 of 輕工業，總產值 is 輕工業總產值)."""
    if len(seen) != len(printed) or seen == printed:
        return name
    if name in seen:
        return in_print(name, seen, printed)
    own = {simple: char for simple, char in zip(seen, printed, strict=True) if simple != char}
    return "".join(own.get(char, char) for char in name)


def _texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Table):
            yield from (cell for row in block.rows for cell in row)
        elif isinstance(block, Box):
            yield block.title
            yield from _texts(block.blocks)
        else:
            yield block.text


def _with_texts(block: Block, read: Iterator[str]) -> Block:
    if isinstance(block, Table):
        return replace(block, rows=tuple(tuple(next(read) for _ in row) for row in block.rows))
    if isinstance(block, Box):
        title = next(read)
        inner = tuple(_with_texts(each, read) for each in block.blocks)
        return replace(block, title=title, blocks=inner)  # type: ignore[arg-type]
    if isinstance(block, Heading | Paragraph | ListItem):
        return replace(block, text=next(read))
    return block
