"""A PDF's text dump of justified lines: a full line comes out with a space or two where its
characters were spread to fill the measure (`坚持稳中  求进工作总基调`), the last line of a paragraph
without. The fixture (tests/data/extracts/2018-justified.txt) is lines 30, 32, 34, 36 and 38 of
wikisource/2018.txt cut at 38 characters, paragraphs indented, one to three such gaps in each full
line, single or double; the headings (the text of lines 30 and 34 up to their first 。) wrap over
two lines, the first of them spread too. What comes back must be the source's own text.
"""

from __future__ import annotations

from pathlib import Path

from corpusdiff.normalize.entry import normalize_file, normalize_raw
from corpusdiff.normalize.tables import gap_table_length
from corpusdiff.read.decode import RawReport
from corpusdiff.types.document import Heading, Paragraph, Table

DATA = Path(__file__).parent.parent / "data"
EXTRACT = DATA / "extracts" / "2018-justified.txt"
SOURCE = DATA / "national-gwr" / "wikisource" / "2018.txt"


def _source_blocks() -> list[str]:
    """Lines 30, 32, 34, 36 and 38 of the source, each run-in heading cut off at its 。."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    blocks: list[str] = []
    for number in (30, 32, 34, 36, 38):
        line = lines[number - 1]
        if line.startswith("（"):
            heading, _, body = line.partition("。")
            blocks.extend([heading, body])
        else:
            blocks.append(line)
    return blocks


def _body() -> list[str]:
    document = normalize_file(EXTRACT)
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph | Heading)]
    return texts[texts.index("各位代表：") + 1 :]


def test_a_run_in_heading_wrapped_before_its_stop_takes_its_end_from_the_next_line() -> None:
    """The same lines unspread: the heading `（一）…合理区间、实现稳中向好` runs into its paragraph
    (`。这些年，…`), and the wrap cut it after `合理区间`; the heading was the first line alone and
    `、实现稳中向好。这些年，…` a paragraph of its own."""
    head, body = EXTRACT.read_text(encoding="utf-8").split("各位代表：\n")
    text = f"{head}各位代表：\n{body.replace(' ', '')}"
    raw = RawReport(text=text, name="2018.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    texts = [block.text for block in normalize_raw(raw).blocks if isinstance(block, Paragraph | Heading)]
    assert texts[texts.index("各位代表：") + 1 :] == _source_blocks()


def test_the_fixture_spreads_full_lines_with_single_and_double_spaces() -> None:
    lines = EXTRACT.read_text(encoding="utf-8").split("\n")
    assert sum("  " in line for line in lines) >= 10 and sum(" " in line.replace("  ", "") for line in lines) >= 10


def test_spread_full_lines_still_show_the_wrap_so_paragraphs_come_back_whole() -> None:
    """The spaces made full lines 39, 40 or 43 characters long, no length common enough to show
    a wrap, so a full line ending on `。` ended its paragraph."""
    paragraphs = [text for text in _body() if not text.startswith("（")]
    assert paragraphs == [text for text in _source_blocks() if not text.startswith("（")]


def test_the_spaces_of_a_spread_heading_line_are_no_gaps_between_its_clauses() -> None:
    """A heading's first line, full and spread, kept its spaces as ideographic clause gaps
    (`经济　运行保持在　合理　区间`): rule 10 keeps those only between a heading's clauses."""
    headings = [text for text in _body() if text.startswith("（")]
    assert headings == [text for text in _source_blocks() if text.startswith("（")]


def test_lines_spread_with_double_spaces_are_no_table() -> None:
    """Three spread lines in a row, each cut by double spaces into short cells, were read as a
    table of three columns: a cell that ends a clause inside and goes on is no table's cell."""
    lines = EXTRACT.read_text(encoding="utf-8").split("\n")
    spread = lines.index("，不断创新和完善宏观调  控，确立区间调控的思路和  方式，加强定向调控、相机调控、")
    assert gap_table_length(lines[spread : spread + 3], in_body=True) == 0
    assert not [block for block in normalize_file(EXTRACT).blocks if isinstance(block, Table)]
