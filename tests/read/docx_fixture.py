"""DOCX fixtures for the reader's tests and benchmark: a seed written as a Word document with
python-docx, one paragraph per line, optionally with Word's automatic numbering making the
一、 and （一） markers (a numbering part, no number in the text runs); and documents written as
WordprocessingML directly, for what Word and office systems write that python-docx cannot."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml

from corpusdiff.types.document import Box, Heading, ListItem, NormalizedDocument, Paragraph, Table

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NAMESPACE}"'
_CN = "一二三四五六七八九十"
MARKERS = (re.compile(rf"^([{_CN}]+)、"), re.compile(rf"^（([{_CN}]+)）"))


def _cn(value: int) -> str:
    if value <= 10:
        return _CN[value - 1]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")


def _add_line(document: docx.document.Document, line: str) -> docx.text.paragraph.Paragraph:
    paragraph = document.add_paragraph()
    for index, piece in enumerate(line.split("\t")):
        if index:
            paragraph.add_run().add_tab()
        if piece:
            paragraph.add_run(piece)
    return paragraph


def seed_docx(seed: Path, numbering: bool) -> bytes:
    """One paragraph per line of the seed; with `numbering`, the 一、 and （一） markers that
    follow each other in order are left out of the text and made by a Word numbering list."""
    document = docx.Document()
    if numbering:
        document.part.numbering_part.element.insert(
            0,
            parse_xml(
                f'<w:abstractNum {W} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
                '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
            ),
        )
        document.part.numbering_part.element.append(
            parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )
    counters = [0, 0]
    for line in seed.read_text(encoding="utf-8").split("\n"):
        level = next((n for n, pattern in enumerate(MARKERS) if pattern.match(line)), None)
        if numbering and level is not None:
            marker = MARKERS[level].match(line)
            assert marker is not None
            expected = [counters[0] + 1, 0] if level == 0 else [counters[0], counters[1] + 1]
            if marker.group(1) == _cn(expected[level]) and (level == 0 or counters[0]):
                counters = expected
                paragraph = _add_line(document, line[marker.end() :])
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
                )
                continue
        _add_line(document, line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bulleted_seed_docx(seed: Path) -> bytes:
    """A seed as a civil servant types it into Word: a paragraph for each line of text (no empty
    ones), the title centred, the text indented two characters, and a line the text export
    bullets (`- 地区生产总值…`) set in Word's `List Bullet` style, the bullet no text of its run."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    for index, line in enumerate(line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()):
        if line.startswith("- "):
            document.add_paragraph(line.removeprefix("- "), style="List Bullet")
            continue
        paragraph = _add_line(document, line)
        if index == 0:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph.paragraph_format.first_line_indent = Pt(32)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_PACKAGE_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
#: The namespaces a Word document declares, for the parts `docx_of_xml` writes.
NAMESPACES = (
    f"{W} "
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def paragraph_xml(text: str, properties: str = "") -> str:
    """A `w:p` of one run holding `text`, with `properties` (the inside of `w:pPr`)."""
    ppr = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def numbered_xml(num_id: int, level: int = 0) -> str:
    """The `w:numPr` that puts a paragraph in Word numbering list `num_id` at `level`."""
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


#: The root element of the parts whose inside `docx_of_xml` is given; any other part is written as given.
_ROOTS = {
    "word/numbering.xml": "numbering",
    "word/footnotes.xml": "footnotes",
    "word/endnotes.xml": "endnotes",
    "word/styles.xml": "styles",
}


def docx_of_xml(body: str, parts: dict[str, str] | None = None, namespace: str = "") -> bytes:
    """A .docx whose `w:body` holds `body` (WordprocessingML as Word or an office system writes
    it, which python-docx cannot make), with further `parts` (`word/numbering.xml`: its inside;
    another part, such as one embedded for Word to convert: its bytes as text);
    `namespace`, when given, is the `w:` namespace instead of the usual one."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", _PACKAGE_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        declared = NAMESPACES.replace(W_NAMESPACE, namespace or W_NAMESPACE)
        archive.writestr("word/document.xml", f"<w:document {declared}><w:body>{body}</w:body></w:document>")
        for part, inside in (parts or {}).items():
            root = _ROOTS.get(part)
            archive.writestr(part, f"<w:{root} {NAMESPACES}>{inside}</w:{root}>" if root else inside)
    return buffer.getvalue()


#: A paragraph indented two characters, as offices set the text of a report.
_INDENT = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
_CENTRED = '<w:jc w:val="center"/>'
_CENTRED_HEADINGS = ("pian", "zhang", "jie")


def _has_title(document: NormalizedDocument) -> bool:
    """Whether the report prints a title: a text without one has its file name for a title."""
    source = document.metadata.source
    return source is None or document.metadata.title != Path(source.file).stem


def _box_rows(block: Table | Box) -> list[tuple[str, ...]]:
    """A table's rows; a 专栏 box as Word frames one, a table of one column: its title, its paragraphs."""
    if isinstance(block, Table):
        return [tuple(row) for row in block.rows]
    return [(block.title,), *((child.text,) for child in block.blocks if not isinstance(child, Table))]


def _table_xml(rows: list[tuple[str, ...]], centred: bool) -> str:
    def cell(text: str) -> str:
        return f'<w:tc><w:tcPr><w:vAlign w:val="center"/></w:tcPr>{paragraph_xml(escape(text), _CENTRED if centred else "")}</w:tc>'

    return "<w:tbl>" + "".join("<w:tr>" + "".join(map(cell, row)) + "</w:tr>" for row in rows) + "</w:tbl>"


def office_docx(document: NormalizedDocument, footnote: str) -> bytes:
    """A normalised document as an office's template writes it: no styles at all, the title
    centred, bold and large, headings plain paragraphs indented like the text (only their
    numbers mark them), list items paragraphs (their bullet typed in no text), tables with their
    cells centred, boxes as tables of one column, and `footnote` a footnote to the first paragraph."""
    body = paragraph_xml(escape(document.metadata.title), _CENTRED) if _has_title(document) else ""
    noted = False
    for block in document.blocks:
        if isinstance(block, Heading):
            body += paragraph_xml(
                escape(block.text), _CENTRED if block.kind in _CENTRED_HEADINGS else _INDENT
            )
        elif isinstance(block, Paragraph) and not noted:
            reference = '<w:r><w:footnoteReference w:id="1"/></w:r>'
            body += paragraph_xml(escape(block.text), _INDENT).replace("</w:p>", reference + "</w:p>")
            noted = True
        elif isinstance(block, Paragraph | ListItem):
            body += paragraph_xml(escape(block.text), _INDENT)
        elif isinstance(block, Table | Box):
            body += _table_xml(_box_rows(block), centred=isinstance(block, Table))
    notes = f'<w:footnote w:id="1"><w:p><w:r><w:t>{escape(footnote)}</w:t></w:r></w:p></w:footnote>'
    return docx_of_xml(body, {"word/footnotes.xml": notes})


def styled_docx(document: NormalizedDocument) -> bytes:
    """A normalised document written with Word's styles: the title in `Title`, headings in
    `Heading 1`-`3` with their numbers typed, paragraphs with a first-line indent, list items in
    `List Bullet`, tables in `Table Grid` with centred cells, boxes as tables of one column, the
    title over every page and the page number under it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = docx.Document()
    if _has_title(document):
        word.add_paragraph(document.metadata.title, style="Title")
    levels = {"pian": 1, "zhang": 1, "cn": 1, "appendix": 1, "jie": 2, "paren": 2}
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_paragraph(block.text, style=f"Heading {levels.get(block.kind, 3)}")
        elif isinstance(block, ListItem):
            word.add_paragraph(block.text, style="List Bullet")
        elif isinstance(block, Paragraph):
            word.add_paragraph(block.text).paragraph_format.first_line_indent = Pt(24)
        elif isinstance(block, Table | Box):
            rows = _box_rows(block)
            table = word.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for number, row in enumerate(rows):
                for column, text in enumerate(row):
                    table.cell(number, column).text = text
                    if isinstance(block, Table):
                        table.cell(number, column).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    section = word.sections[0]
    section.header.paragraphs[0].text = document.metadata.title
    section.footer.paragraphs[0].text = "— 1 —"
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
