"""PDF input: fixtures built from the seeds with reportlab (the built-in CID font STSong-Light,
no font file), hard-wrapped, with a running head and a page number on every page, read back to
the seed's headings and Han characters; encrypted and image-only PDFs refused."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from corpusdiff.canonical.markdown import render
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Heading, NormalizedDocument
from tests.conftest import SEEDS, body_of

#: Two seeds lose their structure when the blank lines between paragraphs are gone (a PDF has
#: none): the gazette's contents run into the title, and the outline's 篇/章/节 headings shift.
#: Blank lines from vertical gaps, and headings from font size, are the next step (docs/inputs.md).
_NEEDS_LAYOUT = {
    "futian-2021-14th-five-year-plan-outline": "篇/章/节 headings shift without paragraph gaps",
    "futian-2022-01-government-work-report": "the contents page runs into the title without paragraph gaps",
}
SEED_FILES = [
    pytest.param(path, marks=pytest.mark.xfail(reason=_NEEDS_LAYOUT[path.stem], strict=True))
    if path.stem in _NEEDS_LAYOUT
    else path
    for path in sorted(SEEDS.glob("*.txt"))
]
RUNNING_HEAD = "深圳市福田区人民政府公报"
_HAN = re.compile(r"[\u3400-\u9fff]")
_WRAP = 36
_LINES_PER_PAGE = 40


def _pdf(lines: list[str], *, text: bool = True) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=(595, 842))
    wrapped = [line[i : i + _WRAP] for line in lines if line.strip() for i in range(0, len(line), _WRAP)]
    pages = [wrapped[i : i + _LINES_PER_PAGE] for i in range(0, len(wrapped), _LINES_PER_PAGE)]
    for number, page in enumerate(pages, start=1):
        sheet.setFont("STSong-Light", 9)
        sheet.drawString(72, 800, RUNNING_HEAD)
        if text:
            sheet.setFont("STSong-Light", 12)
            for row, line in enumerate(page):
                sheet.drawString(72, 770 - row * 17, line.replace("\t", "  "))
        sheet.setFont("STSong-Light", 9)
        sheet.drawString(280, 40, f"— {number} —")
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def _normalize(data: bytes, name: str) -> NormalizedDocument:
    return normalize_raw(decode_report(data, name))


def _headings(document: NormalizedDocument) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Heading)]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_a_pdf_made_from_a_seed_has_its_headings_and_han_characters(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    from_pdf = _normalize(_pdf(text.split("\n")), seed.stem + ".pdf")
    from_text = _normalize(seed.read_bytes(), seed.name)
    assert _headings(from_pdf) == _headings(from_text)
    body_pdf, body_text = body_of(render(from_pdf)), body_of(render(from_text))
    assert RUNNING_HEAD not in body_pdf
    assert Counter(_HAN.findall(body_pdf)) == Counter(_HAN.findall(body_text))
    assert any("running heads" in w for w in from_pdf.warnings)
    source = from_pdf.metadata.source
    assert source is not None and source.format == "pdf" and "pypdfium2" in source.extractor


def test_a_pdf_without_a_text_layer_is_refused() -> None:
    lines = (SEEDS / "futian-2023-10-mid-year-plan-report.txt").read_text(encoding="utf-8").split("\n")
    with pytest.raises(InputError, match="without a text layer"):
        decode_report(_pdf(lines, text=False), "scan.pdf")


def test_an_encrypted_pdf_is_refused() -> None:
    from reportlab.lib import pdfencrypt

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    sheet.drawString(72, 800, "report")
    sheet.showPage()
    sheet.save()
    with pytest.raises(InputError, match="encrypted PDF"):
        decode_report(buffer.getvalue(), "locked.pdf")
