"""The 新旧对照表 files read back with the libraries a user's tools stand for: csv, python-docx
(Word) and openpyxl (Excel). Row counts are checked against the units of the DiffResult,
counted apart from the builder (tests/render/test_table.expected_rows)."""

from __future__ import annotations

import csv
import io

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from corpusdiff.compare.core import compare
from corpusdiff.render.export import EXCEL_WIDTHS, HEADING, to_csv, to_docx, to_xlsx
from corpusdiff.render.table import SectionRow, comparison_table
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import DiffResult
from tests.conftest import ROOT, corpus_diff
from tests.render.test_table import addresses, expected_rows

OLD, NEW = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"


@pytest.fixture(scope="module")
def result() -> DiffResult:
    return corpus_diff(OLD, NEW)


def units_of(result: DiffResult, side: str) -> int:
    return len(addresses(result, side))


def test_csv_has_a_numbered_row_per_group_of_units_and_every_address_once(result: DiffResult) -> None:
    table = comparison_table(result)
    header, *rows = list(csv.reader(io.StringIO(to_csv(table))))
    assert header == [
        "序号",
        "章节",
        "旧（2022年1月）",
        "新（2025年1月）",
        "类别",
        "修改说明",
        "旧版位置",
        "新版位置",
    ]
    numbered = [row for row in rows if row[0]]
    assert len(numbered) == expected_rows(result)
    assert len(rows) - len(numbered) == sum(isinstance(r, SectionRow) for r in table.rows)
    assert all(row[4] == HEADING for row in rows if not row[0])
    for side, column in (("old", 6), ("new", 7)):
        shown = sorted(a for row in numbered for a in row[column].split("\n") if a)
        assert shown == addresses(result, side)


def test_word_table_reads_back_with_its_header_marks_and_headings(result: DiffResult) -> None:
    table = comparison_table(result)
    document = docx.Document(io.BytesIO(to_docx(table)))
    [grid] = document.tables
    header, *rows = grid.rows
    assert [c.text for c in header.cells] == ["序号", "旧（2022年1月）", "新（2025年1月）", "修改说明"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert len(rows) == len(table.rows)
    numbered = [row for row in rows if row.cells[0].text.isdigit()]
    assert len(numbered) == expected_rows(result)
    assert [int(row.cells[0].text) for row in numbered] == list(range(1, len(numbered) + 1))
    for side, column in (("old", 1), ("new", 2)):
        paragraphs = [p for row in numbered for p in row.cells[column].paragraphs if p.text]
        assert len(paragraphs) == units_of(result, side)  # one paragraph a unit
    old_runs = [r for row in numbered for p in row.cells[1].paragraphs for r in p.runs]
    new_runs = [r for row in numbered for p in row.cells[2].paragraphs for r in p.runs]
    assert any(r.font.strike for r in old_runs) and not any(r.font.strike for r in new_runs)
    assert any(r.bold and r.underline for r in new_runs) and not any(r.underline for r in old_runs)
    headings = [row for row in rows if not row.cells[0].text.isdigit()]
    assert headings and all(all(r.bold for p in row.cells[1].paragraphs for r in p.runs) for row in headings)
    # a heading only the old edition has (the 2022 appendix) spans the whole row
    appendix = next(row for row in headings if row.cells[0].text.startswith("附件"))
    assert len({id(c._tc) for c in appendix.cells}) == 1


def test_excel_sheet_reads_back_frozen_wrapped_and_sized(result: DiffResult) -> None:
    table = comparison_table(result)
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(table)), rich_text=True)
    sheet = book.active
    assert sheet.title == "新旧对照表" and sheet.freeze_panes == "A2"
    assert sheet.max_row == 1 + len(table.rows)
    numbered = [row for row in sheet.iter_rows(min_row=2) if isinstance(row[0].value, int)]
    assert len(numbered) == expected_rows(result)
    assert all(cell.alignment.wrap_text for row in sheet.iter_rows() for cell in row)
    assert [sheet.column_dimensions[c].width for c in "ABCDEFGH"] == list(EXCEL_WIDTHS)
    for side, column in (("old", 6), ("new", 7)):
        shown = sorted(a for row in numbered for a in str(row[column].value or "").split("\n") if a)
        assert shown == addresses(result, side)
    struck = [
        block.text
        for row in numbered
        if not isinstance(row[2].value, str) and row[2].value is not None
        for block in row[2].value
        if not isinstance(block, str) and block.font.strike
    ]
    assert struck  # deleted words are struck through in the old column


def test_a_diff_of_an_edition_with_itself_has_no_marks() -> None:
    text = (ROOT / "corpus" / f"{OLD}.md").read_text(encoding="utf-8")
    same = compare(tree_from_markdown(text), tree_from_markdown(text))
    table = comparison_table(same)
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table)), rich_text=True).active
    assert all(isinstance(cell.value, (str, int, type(None))) for row in sheet.iter_rows() for cell in row)
    assert {row[4] for row in csv.reader(io.StringIO(to_csv(table)))} == {"类别", "延续", HEADING}


def test_report_text_never_becomes_a_formula() -> None:
    """Report text is untrusted: a paragraph written like a formula stays text in Excel and
    in a CSV file Excel opens."""
    from tests.compare.test_compare_synthetic import BASE, run

    formula = '=HYPERLINK("http://example.invalid","点击")'
    marker = "2022年，我区将坚持以习近平新时代"
    edited = BASE.replace(marker, f"{formula}\n\n+1。@SUM(A1)。\n\n{marker}", 1)
    table = comparison_table(run(edited))
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert any(cell.value == formula for cell in cells)
    assert all(cell.data_type != "f" for cell in cells)
    written = [cell for row in csv.reader(io.StringIO(to_csv(table))) for cell in row]
    assert f"'{formula}" in written and "'+1。@SUM(A1)。" in written
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in written)


def test_the_headers_follow_the_report_language(result: DiffResult) -> None:
    """The header of all three files comes from the catalogue: Chinese by default, English on
    request; the rows (the 对照表's own text) are the same."""
    from corpusdiff.strings import catalogue

    table = comparison_table(result)
    english = catalogue("en")
    expected = ("No.", "Section", "Old (2022-01)", "New (2025-01)", "Class (类别)", "修改说明 (what changed)")
    header = next(iter(openpyxl.load_workbook(io.BytesIO(to_xlsx(table, english))).active.values))
    assert header[:6] == expected and header[6:] == ("Old address", "New address")
    assert next(csv.reader(io.StringIO(to_csv(table, english))))[:6] == list(expected)
    assert to_csv(table, english).split("\n", 1)[1] == to_csv(table).split("\n", 1)[1]
    word = docx.Document(io.BytesIO(to_docx(table, english)))
    assert [c.text for c in word.tables[0].rows[0].cells] == [
        "No.",
        "Old (2022-01)",
        "New (2025-01)",
        expected[5],
    ]
    assert word.paragraphs[1].text.startswith("Old: 福田区2021年")
    chinese = docx.Document(io.BytesIO(to_docx(table)))
    assert [c.text for c in chinese.tables[0].rows[0].cells] == [
        "序号",
        "旧（2022年1月）",
        "新（2025年1月）",
        "修改说明",
    ]


@pytest.mark.parametrize("text", ["推进河套合作区建设", " 前后有空格 ", "一\t二", "上行\n下行\r", "", "GDP 5.5%"])
def test_a_run_is_written_as_python_docx_writes_it(text: str) -> None:
    """The exporter's quick path for a run (`_add_run`) gives the XML of `add_run`."""
    from docx.oxml.xmlchemy import serialize_for_reading

    from corpusdiff.render.export import _add_run

    ours, theirs = docx.Document().add_paragraph(), docx.Document().add_paragraph()
    _add_run(ours, text)
    theirs.add_run(text)
    assert serialize_for_reading(ours._p) == serialize_for_reading(theirs._p)


def test_characters_xml_cannot_hold_are_written_as_their_stand_ins() -> None:
    """A document may hold what Word's and Excel's XML cannot (a vertical tab pasted from Word,
    U+FFFF from a damaged PDF, a control character in a title): each is written as a visible
    stand-in, the rest of the text as it is. Before, both exports failed with an internal error."""
    import dataclasses

    from tests.compare.test_compare_synthetic import BASE, run

    marker = "2022年，我区将坚持以习近平新时代"
    edited = BASE.replace(marker, f"分行\x0b写的\uffff一段。\n\n{marker}", 1)
    table = comparison_table(run(edited))
    table = dataclasses.replace(table, new=dataclasses.replace(table.new, title="标题\x07"))
    word = docx.Document(io.BytesIO(to_docx(table)))
    cells = [cell.text for row in word.tables[0].rows for cell in row.cells]
    assert "分行␋写的\ufffd一段。" in cells and "标题␇" in word.paragraphs[2].text
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    assert "分行␋写的\ufffd一段。" in [cell.value for row in sheet.iter_rows() for cell in row]
    assert "写的\uffff一段。" in to_csv(table)  # CSV holds any character


def _paragraph_of_a_whole_report(items: int) -> str:
    """What a bad extraction gives: every sentence of a report in one paragraph, a Han
    character beyond the BMP (two UTF-16 units, as Excel counts) among them."""
    return "".join(f"第{n}项重点工作稳步推进，完成投资{n}亿元，𠀀字号企业{n}家。" for n in range(items))


def test_a_paragraph_longer_than_an_excel_cell_runs_on_over_rows(result: DiffResult) -> None:
    """An Excel cell holds 32,767 characters. Before, openpyxl cut the plain text of a longer
    paragraph there without a word, and wrote marked (rich) text whole, which Excel drops when
    it "repairs" the file. Now the row runs on over continuation rows, nothing dropped."""
    import dataclasses

    from corpusdiff.render.table import Entry, Mark, Span, UnitRow

    old_text, new_text = _paragraph_of_a_whole_report(2500), _paragraph_of_a_whole_report(4000)
    assert len(old_text) > 32_767 * 2 and len(new_text) > 32_767 * 3
    old = Entry(
        "¶1", "", (Span(old_text[:40_000]), Span("删去的话。", Mark.DELETED), Span(old_text[40_000:]))
    )
    new = Entry("¶1", "", (Span(new_text),))
    row = UnitRow(1, "一、总体要求", (old,), (new,), ("改写",), "改写")
    table = dataclasses.replace(comparison_table(result), rows=(row,))
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table)), rich_text=True).active
    _, *rows = sheet.iter_rows(values_only=True)
    assert len(rows) > 3
    assert all(len(str(v).encode("utf-16-le")) // 2 <= 32_767 for r in rows for v in r if v)
    mark = "（接下行）"
    for column, expected in ((2, old.text), (3, new.text)):
        pieces = [str(r[column]) for r in rows if r[column]]
        assert all(p.endswith(mark) for p in pieces[:-1]) and not pieces[-1].endswith(mark)
        assert "".join(p.removesuffix(mark) for p in pieces) == expected
    assert all(r[0] == 1 and r[1] == "一、总体要求" and r[4] == "改写" for r in rows)
    assert rows[0][5] == "改写" and all(r[5].startswith("接上行") for r in rows[1:])
    struck = [
        part.text
        for r in sheet.iter_rows(min_row=2, min_col=3, max_col=3)
        for part in (r[0].value if not isinstance(r[0].value, str | None) else [])
        if hasattr(part, "font") and part.font.strike
    ]
    assert struck == ["删去的话。"]
    assert new_text in to_csv(table)  # CSV keeps the paragraph whole


def test_a_long_paragraph_of_characters_beyond_the_bmp_is_cut_by_what_excel_counts(
    result: DiffResult,
) -> None:
    """Each such character is two of Excel's 32,767: a piece of them holds half as many (the
    cutting once stopped advancing on them and ran for ever)."""
    import dataclasses

    from corpusdiff.render.table import Entry, Span, UnitRow

    text = "𠀀𠀁𠀂" * 14_000
    row = UnitRow(1, "", (), (Entry("¶1", "", (Span(text),)),), ("新增",), "新增")
    table = dataclasses.replace(comparison_table(result), rows=(row,))
    _, *rows = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active.iter_rows(values_only=True)
    pieces = [str(r[3]).removesuffix("（接下行）") for r in rows]
    assert len(pieces) == 3 and all(len(p) <= 32_767 // 2 for p in pieces) and "".join(pieces) == text
