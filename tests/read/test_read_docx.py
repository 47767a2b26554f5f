"""DOCX input: fixtures built from the seeds with python-docx read back to the seed's document,
also when Word's automatic numbering (a numbering part, no number in the runs) makes the
一、/（一） markers."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

from corpusdiff.canonical.markdown import render  # noqa: E402
from corpusdiff.errors import InputError  # noqa: E402
from corpusdiff.normalize.entry import normalize_raw  # noqa: E402
from corpusdiff.read.decode import decode_report  # noqa: E402
from corpusdiff.types.document import Heading, NormalizedDocument  # noqa: E402
from tests.conftest import SEEDS, body_of  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SEED_FILES = sorted(SEEDS.glob("*.txt"))
_CN = "一二三四五六七八九十"
_MARKERS = (re.compile(rf"^([{_CN}]+)、"), re.compile(rf"^（([{_CN}]+)）"))
_HAN = re.compile(r"[\u3400-\u9fff]")


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


def _docx(seed: Path, numbering: bool) -> bytes:
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
        level = next((n for n, pattern in enumerate(_MARKERS) if pattern.match(line)), None)
        if numbering and level is not None:
            marker = _MARKERS[level].match(line)
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


def _normalize(data: bytes, name: str) -> NormalizedDocument:
    return normalize_raw(decode_report(data, name))


def _headings(document: NormalizedDocument) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Heading)]


@pytest.mark.parametrize("numbering", [False, True], ids=["text-markers", "word-numbering"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_a_docx_made_from_a_seed_reads_as_the_seed(seed: Path, numbering: bool) -> None:
    data = _docx(seed, numbering)
    if numbering:  # the markers really are Word's, not text
        from zipfile import ZipFile

        xml = ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
        assert xml.count("<w:numPr>") >= 2
    from_docx = _normalize(data, seed.stem + ".docx")
    from_text = _normalize(seed.read_bytes(), seed.name)
    assert _headings(from_docx) == _headings(from_text)
    body_docx, body_text = body_of(render(from_docx)), body_of(render(from_text))
    assert Counter(_HAN.findall(body_docx)) == Counter(_HAN.findall(body_text))
    assert body_docx == body_text
    source = from_docx.metadata.source
    assert (
        source is not None and source.format == "docx" and source.extractor.startswith("corpusdiff.read.docx")
    )


def test_word_numbering_formats_and_restarts() -> None:
    seed = SEEDS / "futian-2022-01-plan-report.txt"
    raw = decode_report(_docx(seed, numbering=True), "plan.docx")
    numbered = [line for line in raw.text.split("\n") if _MARKERS[0].match(line)]
    assert numbered[:2] and numbered[0].startswith("一、") and numbered[1].startswith("二、")


def test_footnotes_and_tables_are_kept() -> None:
    document = docx.Document()
    document.add_paragraph("福田区2023年政府工作报告", style="Title")
    document.add_paragraph("各位代表：现在，我代表区人民政府，向大会报告工作。")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "指标",
        (0, 1): "2022年",
        (1, 0): "地区生产总值",
        (1, 1): "增长5%",
    }.items():
        table.cell(row, col).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    result = _normalize(buffer.getvalue(), "r.docx")
    assert result.metadata.title == "福田区2023年政府工作报告"
    assert "| 地区生产总值 | 增长5% |" in render(result)


def test_a_docx_without_text_is_refused() -> None:
    document = docx.Document()
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(InputError, match="holds no text"):
        decode_report(buffer.getvalue(), "empty.docx")
