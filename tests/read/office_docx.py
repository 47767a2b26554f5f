"""A report as an office formats it in Word or WPS before saving it as PDF (GB/T 9704 style):
a cover page with the title, its subtitle and date lines; body in 三号 (16 pt) 仿宋, each paragraph
indented two characters, lines exactly 29 pt apart; `一、` headings in 黑体 and `（一）` headings in
楷体, the same size as the body and not bold; tables ruled; the page number in the footer as
`— N —` (none on the cover), optionally a running header. Debian has no 仿宋/黑体/楷体, so the
fonts are the Noto CJK faces that stand in for them (`fc-list :lang=zh`).

`python -m tests.read.office_docx OUT_DIR REPORT.txt …` writes each report's .docx there (its PDF
held to the text by `python -m tests.formats_equivalence REPORT.txt REPORT.pdf`; with `--grid`,
set on Word's document grid), and
`python -m tests.read.office_docx OUT_DIR` the .docx of each fixture (`FIXTURES`), which
`soffice --headless --convert-to pdf` turns into the PDFs of tests/data/pdf/."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from corpusdiff.text.numbering import DIVISION_KINDS
from corpusdiff.types.document import Box, Heading, ListItem, NormalizedDocument, Paragraph, Table

#: stand-ins for 仿宋_GB2312, 黑体, 楷体_GB2312 and 方正小标宋简体
FANGSONG = "Noto Serif CJK SC"
HEITI = "Noto Sans CJK SC"
KAITI = "Noto Serif CJK SC"
XIAOBIAOSONG = "Noto Sans CJK SC"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class OfficeStyle:
    """What varies between offices: the footer's page number (`mirrored`: on the outer side,
    as 公文 set it), a running header, a cover page, and Word's document grid (`grid`: 28
    characters a line and 22 lines a page, as GB/T 9704 sets a 公文, each character in a cell of
    equal width)."""

    page_number: str = "— {} —"
    mirrored: bool = False
    running_header: str = ""
    cover: bool = True
    grid: bool = False


def office_docx(document: NormalizedDocument, style: OfficeStyle = OfficeStyle(), cut: int = 0) -> bytes:
    """The report's blocks as an office sets them; `cut` keeps only that many blocks (0: all).
    The blocks before the first section heading (title, subtitle, date, speaker) make the cover;
    a report whose text has no title (its title is its file name) has none."""
    word = docx.Document()
    _page_setup(word)
    if style.grid:
        _document_grid(word)
    source = document.metadata.source
    untitled = source is not None and document.metadata.title == Path(source.file).stem
    blocks: list[object] = [] if untitled else [Heading(document.metadata.title, "title")]
    blocks += document.blocks[: cut - 1] if cut else document.blocks
    front = _front_blocks(blocks) if style.cover else 0
    for block in blocks[:front]:
        _cover_line(word, block)
    if front:
        word.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    for block in blocks[front:]:
        _add_block(word, block)
    _footer(word, style, first_page_apart=bool(front))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page_setup(word: docx.document.Document) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.5)
    section.start_type = WD_SECTION.NEW_PAGE


def _document_grid(word: docx.document.Document) -> None:
    """The 公文 template's grid: lines 579 twips (28.95 pt) apart, characters at the body size
    (三号, 16 pt, the size Word measures the pitch from) less 849/4096 pt, 28 to the 15.6 cm line."""
    word.styles["Normal"].font.size = Pt(16)
    grid = word.sections[0]._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), "579")
    grid.set(qn("w:charSpace"), "-849")


def _front_blocks(blocks: list[object]) -> int:
    """How many blocks open the report before its first section heading: short lines only."""
    count = 0
    for block in blocks:
        if isinstance(block, Heading) and block.kind != "title":
            break
        if not isinstance(block, (Heading, Paragraph)) or len(block.text) > 60:
            break
        count += 1
    return count


def _run(paragraph: docx.text.paragraph.Paragraph, text: str, font: str, size: float) -> None:
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _body_format(paragraph: docx.text.paragraph.Paragraph, indent: bool = True) -> None:
    form = paragraph.paragraph_format
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(29)
    form.space_before = form.space_after = Pt(0)
    if indent:
        form.first_line_indent = Pt(32)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _cover_line(word: docx.document.Document, block: object) -> None:
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(24)
    if isinstance(block, Heading):  # the title
        paragraph.paragraph_format.space_before = Pt(120)
        _run(paragraph, block.text, XIAOBIAOSONG, 22)
    else:
        _run(paragraph, getattr(block, "text", ""), KAITI, 16)


def _add_block(word: docx.document.Document, block: object) -> None:
    if isinstance(block, Table):
        _add_table(word, block)
    elif isinstance(block, Box):  # set in two characters from both margins
        _paragraph(word, block.title, HEITI, centred=True)
        for inner in block.blocks:
            _add_block(word, inner)
            if not isinstance(inner, Table):
                word.paragraphs[-1].paragraph_format.left_indent = Pt(32)
                word.paragraphs[-1].paragraph_format.right_indent = Pt(32)
    elif isinstance(block, Heading):
        centred = block.kind in ("title", *DIVISION_KINDS)
        font = XIAOBIAOSONG if centred else {"cn": HEITI, "paren": KAITI}.get(block.kind.split("-")[0], FANGSONG)
        _paragraph(word, block.text, font, size=22 if block.kind == "title" else 16, centred=centred)
    elif isinstance(block, ListItem):
        _paragraph(word, f"• {block.text}", FANGSONG)
    elif isinstance(block, Paragraph):
        _paragraph(word, block.text, FANGSONG)


def _paragraph(word: docx.document.Document, text: str, font: str, size: float = 16, centred: bool = False) -> None:
    paragraph = word.add_paragraph()
    _body_format(paragraph, indent=not centred)
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text.replace("\n", ""), font, size)


def _add_table(word: docx.document.Document, table: Table) -> None:
    width = max(len(row) for row in table.rows)
    grid = word.add_table(rows=len(table.rows), cols=width)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row, cells in zip(grid.rows, table.rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, text, FANGSONG, 12)


def _footer(word: docx.document.Document, style: OfficeStyle, first_page_apart: bool) -> None:
    section = word.sections[0]
    section.different_first_page_header_footer = first_page_apart
    footers = [(section.footer, WD_ALIGN_PARAGRAPH.RIGHT if style.mirrored else WD_ALIGN_PARAGRAPH.CENTER)]
    if style.mirrored:  # GB/T 9704: odd pages' number on the right, even pages' on the left
        word.settings.odd_and_even_pages_header_footer = True
        footers.append((section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    before, _, after = style.page_number.partition("{}")
    for footer, alignment in footers:
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        _run(paragraph, before, FANGSONG, 14)
        _page_field(paragraph)
        _run(paragraph, after, FANGSONG, 14)
    if style.running_header:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(header, style.running_header, FANGSONG, 10.5)


def _page_field(paragraph: docx.text.paragraph.Paragraph) -> None:
    font = f'<w:rPr><w:rFonts w:ascii="{FANGSONG}" w:hAnsi="{FANGSONG}"/><w:sz w:val="28"/></w:rPr>'
    for xml in (
        f'<w:r {W}>{font}<w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W}>{font}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {W}>{font}<w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {W}>{font}<w:t>1</w:t></w:r>",
        f'<w:r {W}>{font}<w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


@dataclass(frozen=True)
class Fixture:
    """A PDF of tests/data/pdf/, made with LibreOffice from an office's .docx of part of a seed:
    its blocks `start` to `stop`, and with `tables`, the seed's tables after them; `title` for
    a seed whose text has none (its corpus manifest names it), or to keep the title to one line."""

    name: str
    seed: str
    start: int
    stop: int
    tables: bool = False
    title: str = ""
    style: OfficeStyle = OfficeStyle()


FIXTURES = (
    Fixture("office-table-centred", "futian-2022-01-plan-report.txt", 0, 3, tables=True),
    Fixture(
        "office-heading-by-font",
        "futian-2021-14th-five-year-plan-outline.txt",
        42,
        54,
        title="深圳市福田区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
    ),
    Fixture(
        "office-box-under-its-title",
        "futian-2021-14th-five-year-plan-outline.txt",
        59,
        63,
        title="深圳市福田区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
    ),
    Fixture("office-table-row-over-pages", "futian-2022-01-plan-report.txt", 139, 146),
    Fixture(
        "office-character-grid",
        "futian-2022-01-plan-report.txt",
        1,
        11,
        title="福田区2022年计划",  # a title of one line: one wrapping on the grid is read short (R7, left)
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture("office-title-on-the-grid", "futian-2022-01-plan-report.txt", 0, 3, style=OfficeStyle(grid=True)),
    Fixture(
        "office-latin-words-on-the-grid",
        "futian-2023-10-mid-year-plan-report.txt",
        19,
        20,
        title="福田区2023年上半年报告",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-section-heading-on-the-grid",
        "futian-2021-14th-five-year-plan-outline.txt",
        67,
        70,
        title="福田区“十四五”规划纲要",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-box-title-narrower-on-the-grid",
        "futian-2021-14th-five-year-plan-outline.txt",
        30,
        33,
        title="福田区“十四五”规划纲要",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-box-title-wider-on-the-grid",
        "futian-2021-14th-five-year-plan-outline.txt",
        96,
        99,
        title="福田区“十四五”规划纲要",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-box-over-a-heading-on-the-grid",
        "futian-2021-14th-five-year-plan-outline.txt",
        165,
        170,
        title="福田区“十四五”规划纲要",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-bullets-on-the-grid",
        "futian-2023-10-mid-year-plan-report.txt",
        6,
        9,
        title="福田区2023年上半年报告",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-table-on-the-grid",
        "futian-2022-01-plan-report.txt",
        142,
        146,
        title="福田区2022年计划",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-table-row-of-one-cell-over-pages",
        "futian-2022-01-plan-report.txt",
        140,
        146,
        title="福田区2022年国民经济和社会发展计划",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-table-cells-on-the-grid",
        "futian-2023-10-mid-year-plan-report.txt",
        97,
        105,
        title="福田区2023年上半年报告",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-table-narrow-columns-on-the-grid",
        "futian-2021-14th-five-year-plan-outline.txt",
        33,
        40,
        tables=True,
        title="福田区“十四五”规划纲要",
        style=OfficeStyle(cover=False, grid=True),
    ),
    Fixture(
        "office-latin-words-wrapped",
        "futian-2021-14th-five-year-plan-outline.txt",
        397,
        399,
        title="深圳市福田区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
    ),
)


def excerpt(document: NormalizedDocument, fixture: Fixture) -> NormalizedDocument:
    """The part of a report a fixture shows (the title stays)."""
    rest = document.blocks[fixture.stop :] if fixture.tables else ()
    tables = [block for block in rest if isinstance(block, Table)]
    metadata = replace(document.metadata, title=fixture.title) if fixture.title else document.metadata
    return replace(document, metadata=metadata, blocks=(*document.blocks[fixture.start : fixture.stop], *tables))


def _fixtures(out: Path) -> None:
    from corpusdiff.normalize.entry import normalize_file

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    out.mkdir(parents=True, exist_ok=True)
    for fixture in FIXTURES:
        document = excerpt(normalize_file(seeds / fixture.seed, {}), fixture)
        (out / f"{fixture.name}.docx").write_bytes(office_docx(document, fixture.style))


def _main(out: Path, reports: list[str], grid: bool = False) -> None:
    from corpusdiff.normalize.entry import normalize_file

    if not reports:
        _fixtures(out)
        return
    out.mkdir(parents=True, exist_ok=True)
    styles = (OfficeStyle(), OfficeStyle(page_number="-{}-"), OfficeStyle(running_header="{title}"))
    for index, name in enumerate(reports):
        document = normalize_file(Path(name), {})
        style = styles[index % len(styles)]
        if style.running_header:
            style = OfficeStyle(running_header=document.metadata.title)
        style = replace(style, grid=grid)
        (out / f"{Path(name).stem}.docx").write_bytes(office_docx(document, style))


if __name__ == "__main__":
    _main(Path(sys.argv[1]), [name for name in sys.argv[2:] if name != "--grid"], grid="--grid" in sys.argv[2:])
