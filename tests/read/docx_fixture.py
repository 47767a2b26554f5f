"""DOCX fixtures for the reader's tests and benchmark: a seed written as a Word document with
python-docx, one paragraph per line, optionally with Word's automatic numbering making the
一、 and （一） markers (a numbering part, no number in the text runs)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.oxml import parse_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
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
