"""PDFs as offices make them: a report formatted in Word the way an office does (a cover page,
仿宋 body indented two characters, 黑体/楷体 headings, `— N —` in the footer, ruled tables;
tests/read/office_docx.py) and saved to PDF by LibreOffice, cut short to the part a fixture
shows (tests/data/pdf/README.md). Each reads to the blocks of the text it was made from."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from corpusdiff.normalize.entry import normalize_file
from corpusdiff.types.document import Box, Heading, ListItem, NormalizedDocument, Paragraph, Table
from tests.conftest import ROOT, SEEDS
from tests.formats_equivalence import Kind, differences
from tests.read.office_docx import FIXTURES, Fixture, excerpt

PDF_DATA = ROOT / "tests" / "data" / "pdf"


def _fixture(name: str) -> Fixture:
    return next(fixture for fixture in FIXTURES if fixture.name == name)


def _reference(fixture: Fixture) -> NormalizedDocument:
    return excerpt(normalize_file(SEEDS / fixture.seed, {}), fixture)


def _read(fixture: Fixture) -> NormalizedDocument:
    return normalize_file(PDF_DATA / f"{fixture.name}.pdf", {})


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_an_office_pdf_reads_as_the_text_it_was_made_from(fixture: Fixture) -> None:
    """The same blocks; the metadata aside, which the whole text dates and places."""
    found = differences(_reference(fixture), _read(fixture))
    assert found.total() == found.counts[Kind.METADATA], "\n".join(found.examples)


def test_two_rows_of_a_centred_table_wider_than_the_text_are_two_rows() -> None:
    """LibreOffice centres a table wider than the text column, so its rows stand out past both
    margins; two rows that both fill the table, the second a little narrower, have the shape of
    a centred title wrapping from a full line onto a shorter one, and were joined into one row,
    the second row's cells lost (`…以市下达目标为准10.能耗总量和强度`). A table row is no title's line."""
    reference, read = _reference(_fixture("office-table-centred")), _read(_fixture("office-table-centred"))
    tables = [[block.rows for block in doc.blocks if isinstance(block, Table)] for doc in (reference, read)]
    assert tables[1] == tables[0]


def test_a_heading_set_in_another_font_is_no_line_of_the_paragraph_after_it() -> None:
    """An office sets `第二篇 …` in 黑体 at the body's size, not bold, centred on a line nearly as
    wide as the text: standing in less than an indent, it read as the first line of a paragraph
    set with a hanging indent, and the indented paragraph under it as its second line. The font
    is what sets it apart, as the reader sees it."""
    heading = next(b for b in _reference(_fixture("office-heading-by-font")).blocks if isinstance(b, Heading) and b.kind == "pian")
    assert heading in _read(_fixture("office-heading-by-font")).blocks


def test_a_box_under_a_title_wider_than_its_lines_is_a_box() -> None:
    """A 专栏's title centred over its paragraphs, which an office sets in from both margins: the
    title stands in from the margins too, so it began the box's run of lines, and measured from
    its ends the box had one line at its right edge, so it was no box; read against the page's
    column, each wrapped line of an item opened a paragraph (`…联合研究院（深` / `圳）、…`)."""
    box = next(b for b in _reference(_fixture("office-box-under-its-title")).blocks if isinstance(b, Box))
    assert box in _read(_fixture("office-box-under-its-title")).blocks


def test_two_latin_words_a_line_break_apart_keep_their_space() -> None:
    """LibreOffice breaks a line at the space between two Latin words and writes no space at the
    end of the line, so the words were run together (`（CommunityHealth Service Center）`)."""
    reference = "".join(b.text for b in _reference(_fixture("office-latin-words-wrapped")).blocks if isinstance(b, Paragraph))
    assert "Community Health" in reference
    assert reference == "".join(b.text for b in _read(_fixture("office-latin-words-wrapped")).blocks if isinstance(b, Paragraph))


def test_a_table_row_broken_across_pages_is_one_row() -> None:
    """A word processor lets a table row break across pages: the rest of a wrapped cell
    (`业率` of `7.城镇居民登记失业率`) opens the next page over the next row, and read as a row of
    its own."""
    fixture = _fixture("office-table-row-over-pages")
    tables = [[b.rows for b in doc.blocks if isinstance(b, Table)] for doc in (_reference(fixture), _read(fixture))]
    assert tables[1] == tables[0]


def test_lines_set_on_a_character_grid_read_as_their_paragraphs() -> None:
    """Word's document grid (文档网格, 28 characters a line) as LibreOffice lays it out gives
    each Han character two cells: a full line ends half a step short of the margin, as a
    paragraph's last line does (`一、2021年国民经济和社会发` / `展计划执行情况` read as two blocks),
    and a figure set at its own width stands apart from the character after it, as a table's
    cells do (`——地区生产总值 | 5318.2 | 亿元，`)."""
    fixture = _fixture("office-character-grid")
    read = _read(fixture).blocks
    assert not [block for block in read if isinstance(block, Table)]
    for block in _reference(fixture).blocks:
        assert block in read


def test_a_cover_title_on_the_line_grid_is_the_title() -> None:
    """On Word's line grid a 22 pt title line is too tall for one of the grid's lines and takes
    two, so the cover title's two lines stood further apart than a blank line: the title read as
    two paragraphs, no title found (the file name stood in, region and date lost with it)."""
    fixture = _fixture("office-title-on-the-grid")
    assert _read(fixture).metadata.title == _reference(fixture).metadata.title


def test_latin_words_on_a_character_grid_keep_their_spaces() -> None:
    """PDFium adds a space in every grid cell's empty remainder; left in, every character of the
    line stood apart, the line read as letter-spaced and lost the spaces between its Latin words
    too (`PradaBeauty`, `A/W2023`). A space beside a Han character on the grid is the grid's."""
    fixture = _fixture("office-latin-words-on-the-grid")
    reference = "".join(b.text for b in _reference(fixture).blocks if isinstance(b, Paragraph))
    assert "Prada Beauty" in reference and "A/W 2023" in reference
    assert reference == "".join(b.text for b in _read(fixture).blocks if isinstance(b, Paragraph))


def test_a_section_heading_across_the_grid_is_no_line_of_the_heading_under_it() -> None:
    """On the grid `第二节 加快建设都市型科创区`, centred, spans the column but for a few points;
    the `一、…` heading set in under it read as the next line of a numbered paragraph set with a
    hanging indent. After a heading a `一、` opens a heading, as after a sentence. The space typed
    after `第二节` takes a cell of its own and stays."""
    fixture = _fixture("office-section-heading-on-the-grid")
    headings = [b for b in _reference(fixture).blocks if isinstance(b, Heading) and b.kind != "title"]
    assert [h.text for h in headings][:2] == ["第二节 加快建设都市型科创区", "一、建设都市型科创区"]
    read = _read(fixture).blocks
    assert all(heading in read for heading in headings)


def _box(document: NormalizedDocument) -> Box:
    return next(block for block in document.blocks if isinstance(block, Box))


def test_a_box_on_the_grid_under_a_title_narrower_than_its_lines_is_a_box() -> None:
    """On the grid a 专栏's lines are set in three cells on the left and two on the right, and
    its title, centred on the page, stands out past their left edge only: measured from its
    start, no line of the box stood at the box's left edge, and the box was none (`3.…快速崛起。`
    / `制造业进入…` two paragraphs). A line justified with fewer characters than it holds, its
    characters spread apart (`态将加快从“智`), ended a stretched step past the box's edge, and
    the box began only under it (`…从“智` / `慧”向“智能”…` two paragraphs)."""
    fixture = _fixture("office-box-title-narrower-on-the-grid")
    assert _box(_read(fixture)) == _box(_reference(fixture))


def test_a_box_title_on_the_grid_wider_than_the_box_is_its_title() -> None:
    """A 专栏's title wider than the box wraps from a line standing out past both its edges,
    too wide to be set in from the page's margins, onto a line centred under it: the first line
    read as a paragraph before the box, the box's title only the rest (`大项目和平台`)."""
    fixture = _fixture("office-box-title-wider-on-the-grid")
    assert _box(_read(fixture)).title == "专栏3 福田区现代金融新业态重大项目和平台"
    assert _box(_read(fixture)) == _box(_reference(fixture))


def test_a_section_heading_after_a_box_on_the_grid_is_no_part_of_it() -> None:
    """The centred `第三节 …` after 专栏5 and the `一、…` under it are set in from both margins as
    the box's lines are: measured with them the box had no left edge, was none, and its items'
    wrapped lines read as paragraphs (`…智能管理服` / `务，…`); and the two headings, one centre
    between them on the grid, read as one centred heading wrapped."""
    fixture = _fixture("office-box-over-a-heading-on-the-grid")
    reference, read = _reference(fixture), _read(fixture)
    assert _box(read) == _box(reference)
    headings = [b for b in reference.blocks if isinstance(b, Heading) and b.kind != "title"]
    assert [h.text for h in headings][:2] == ["第三节 打造数字经济先行区", "一、提升数字产业化能级"]
    assert all(heading in read.blocks for heading in headings)


def test_a_bulleted_line_justified_on_the_grid_is_a_list_item() -> None:
    """On a line justified to the margin LibreOffice writes the space after a bullet as a gap,
    which PDFium fills with a space of its own, as in every grid cell's remainder: left out as
    the grid's, `•一般公共预算收入…` read as a paragraph, not the list's item."""
    fixture = _fixture("office-bullets-on-the-grid")
    items = [b for b in _reference(fixture).blocks if isinstance(b, ListItem)]
    assert len(items) == 3
    assert [b for b in _read(fixture).blocks if isinstance(b, ListItem)] == items


def _table_rows(document: NormalizedDocument) -> list[tuple[str, ...]]:
    return [row for block in document.blocks if isinstance(block, Table) for row in block.rows]


def test_a_cells_next_line_on_the_line_grid_is_in_its_row() -> None:
    """On Word's line grid every line takes one of the grid's 29 pt lines, a 12 pt table's too:
    a cell's wrapped line (`总值` under `1.本区生产`) stands further below its row than two ems of
    its type, the reach of a ruled table's row, and read as a row of its own. Within a grid
    line of the row, inside its rules, it is the row's."""
    fixture = _fixture("office-table-on-the-grid")
    numbered = [row for row in _table_rows(_reference(fixture)) if row[0][:1].isdigit()]
    wrapped = [row for row in numbered if row[0].startswith(tuple(f"{n}." for n in range(1, 9)))]
    assert len(wrapped) == 8
    assert [row for row in wrapped if row not in _table_rows(_read(fixture))] == []


def test_a_table_set_smaller_on_the_character_grid_reads_as_its_rows() -> None:
    """On the grid a 12 pt cell's characters take one of the grid's cells each, half the body's
    step: no line showed a grid of its own, so PDFium's spaces in each cell's remainder stayed
    (`本 区`) and the gap after a figure taking two cells (`10.` before `能耗总量和`) read as a
    cell's edge, the wrapped `强度` in no column. A page holding nothing but the table's rows,
    showing no grid, is on the document's."""
    fixture = _fixture("office-table-cells-on-the-grid")
    tables = [[b.rows for b in doc.blocks if isinstance(b, Table)] for doc in (_reference(fixture), _read(fixture))]
    assert tables[1] == tables[0]


def test_a_row_whose_every_cell_wraps_is_one_row() -> None:
    """PDFium gives a row whose every cell wraps (`9.万元GDP` / `水耗`, `以市下达目` / `标为准`, …)
    as a line for each line of each cell, no line holding two cells, so no row was built and each
    line read as a paragraph. Lines on one baseline, apart as cells stand, each framed by the
    table's rules, are one row's cells."""
    fixture = _fixture("office-table-on-the-grid")
    every_cell_wraps = [row for row in _table_rows(_reference(fixture)) if row[0].startswith(("9.", "10."))]
    assert len(every_cell_wraps) == 2
    assert [row for row in every_cell_wraps if row not in _table_rows(_read(fixture))] == []


def test_a_row_of_one_cell_wrapped_is_one_row() -> None:
    """A group's label across the table wraps on the grid (`一、预期性` / `指标`): two lines of no
    cells, each read as a paragraph, the first a heading, and the table cut in two there. Lines
    in line with each other between a rule right over the first and one right under the last,
    none between, in a table, are one cell's."""
    fixture = _fixture("office-table-on-the-grid")
    labels = [row for row in _table_rows(_reference(fixture)) if not any(row[1:])]
    assert [row[0] for row in labels] == ["一、预期性指标", "二、约束性指标"]
    assert [row for row in labels if row not in _table_rows(_read(fixture))] == []


def test_a_row_of_one_cell_broken_across_pages_is_one_row() -> None:
    """A one-cell row wrapped over a page break (`二、约束性` ending a page, `指标` opening the
    next): the rest of a row was looked for only after a row of cells, so `指标` read as a line of
    its own. A line of no cells ending a page after the table's rows, framed by its rules, is a
    row of one cell, and a line in line with it opening the next page is its rest."""
    fixture = _fixture("office-table-row-of-one-cell-over-pages")
    tables = [[b.rows for b in doc.blocks if isinstance(b, Table)] for doc in (_reference(fixture), _read(fixture))]
    assert ("二、约束性指标", "", "", "") in tables[0][0]
    assert tables[1] == tables[0]


def test_a_table_alone_on_its_pages_is_on_the_documents_grid() -> None:
    """The outline's indicator table runs over three pages after a paragraph: those pages hold
    nothing in the body's type and show no grid, so the document was taken as set on none, and
    its head read as a paragraph (`类别序号指标单位2020 2025属性年预计值…`). A page of a table alone
    tells nothing of the grid; the pages in the grid's type do."""
    fixture = _fixture("office-table-narrow-columns-on-the-grid")
    assert _table_rows(_read(fixture))[:2] == _table_rows(_reference(fixture))[:2]


def _holds(row: tuple[str, ...], cells: tuple[str, ...]) -> bool:
    return any(row[start : start + len(cells)] == cells for start in range(len(row)))


def test_a_cells_lines_after_the_next_cells_in_pdfiums_order_stay_in_order() -> None:
    """PDFium gives a row's cells one after another, its numbered cell first and the cells of
    figures last, so a row's cells may stand more lines from its first line of figures than a
    wrapped line was looked for: a cell's lines (`绿化覆盖面积`) went into the row only after a
    later part of them did, after it (`立体覆盖面积绿化`). A row is looked for as far as it is
    beside its cells."""
    fixture = _fixture("office-table-narrow-columns-on-the-grid")
    rows = [row[1:] for row in _table_rows(_reference(fixture)) if row[1] in {"11", "24"}]
    assert [cells[1] for cells in rows] == ["立体绿化覆盖面积", "公共文体设施面积"]
    read = _table_rows(_read(fixture))
    assert [cells for cells in rows if not any(_holds(row, cells) for row in read)] == []


def test_a_line_of_one_han_character_in_a_tables_type_is_on_its_share_of_the_grid() -> None:
    """`万元/人` wraps in a column two characters wide onto `万`, `元` and `/ 人`, a line with no
    two Han characters side by side to show the grid's step: the gap after the `/`, the rest of
    its cell, read as a cell's edge, and the row split into two rows of shifted cells. A line in
    the type of the page's lines on a share of the grid is on that share, as a line in the grid's
    own type is on the grid."""
    fixture = _fixture("office-table-narrow-columns-on-the-grid")
    rows = [row[1:] for row in _table_rows(_reference(fixture)) if row[1] in {"2", "9"}]
    assert [cells[2] for cells in rows] == ["万元/人", "人/亿元"]
    read = _table_rows(_read(fixture))
    assert [cells for cells in rows if not any(_holds(row, cells) for row in read)] == []


def test_a_row_under_its_own_rule_after_a_page_break_is_no_rest_of_the_row_before() -> None:
    """The rest of a row broken across pages may hold several cells; so does the next row when
    a cell merged down (`民生发展`) leaves it one fewer than the row before, and rows 19 to 22
    read as the rest of row 18, all in one. The rest opens the page, under the rule LibreOffice
    draws at the break; a line under a rule of its own after it is a row."""
    fixture = _fixture("office-table-narrow-columns-on-the-grid")
    rows = [row[1:] for row in _table_rows(_reference(fixture)) if row[1] in {"18", "19", "20", "21", "22"}]
    assert len(rows) == 5
    read = _table_rows(_read(fixture))
    assert [cells for cells in rows if not any(_holds(row, cells) for row in read)] == []
