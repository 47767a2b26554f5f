"""A report as a PDF-to-text converter leaves it: lines cut at 38 characters wherever they fall
(after a `。`, inside `C919` and `18.2%`), a page number and the running head `政府工作报告`
between pages, mid-sentence; paragraphs opening with an indent; `,` `:` `;` half-width here and there.

The fixture (tests/data/extracts/2016-hard-wrapped.txt) is lines 22, 24 and 58 of
wikisource/2016.txt laid out that way; the paragraphs must come back exactly as Wikisource prints
them — the expected text is the source's own lines, not the tool's output.
"""

from __future__ import annotations

from pathlib import Path

from corpusdiff.normalize.entry import normalize_file
from corpusdiff.text.wrapping import hard_wrap
from corpusdiff.types.document import Paragraph

DATA = Path(__file__).parent.parent / "data"
EXTRACT = DATA / "extracts" / "2016-hard-wrapped.txt"
SOURCE = DATA / "national-gwr" / "wikisource" / "2016.txt"


def test_hard_wrapped_paragraphs_come_back_whole() -> None:
    source = SOURCE.read_text(encoding="utf-8").split("\n")
    document = normalize_file(EXTRACT)
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[paragraphs.index("各位代表：") + 1 :] == [source[21], source[23], source[57]]


def test_one_paragraph_a_line_is_not_hard_wrapped() -> None:
    assert hard_wrap(SOURCE.read_text(encoding="utf-8").split("\n")) is None
    assert hard_wrap(EXTRACT.read_text(encoding="utf-8").split("\n")) is not None
