"""One report, read from its different formats, reads the same (docs/inputs.md, "One report in
four formats"): the national reports 2014–2017 as the government portal's page (govcn/) and as
Wikisource's text, the text written as a user's Word files (heading styles; bold runs only), and
a page printed to PDF by Chromium.

The normal form the copies are held to: the body's blocks (headings with their level, paragraphs)
with the differences the two sources really have taken out — each read from the files, not from
the tool's output (`SOURCE_DIFFERENCES`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.structure import build_tree
from corpusdiff.types.diff import Status
from corpusdiff.types.document import NormalizedDocument
from tests.formats_equivalence import body_blocks, bold_docx, differences, saved_page, styled_docx

DATA = Path(__file__).parent / "data" / "national-gwr"
YEARS = ("2014", "2015", "2016", "2017")
_HEADING = re.compile(r"^#+ ")

#: What one source has and the other has not, as (text in the Wikisource copy, text on the page),
#: read from the two files:
#: - 2015: the page adds a note after M2, and prints `主要做了以下工作` without its `。`;
#: - 2017: the page has neither the title nor the occasion line and byline the text opens with.
SOURCE_DIFFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "2015": (
        ("广义货币M2预期增长", "广义货币M2（注：M2为M右下角加2）预期增长"),
        ("主要做了以下工作。", "主要做了以下工作"),
    ),
    "2017": (
        ("——2017年3月5日在第十二届全国人民代表大会第五次会议上", ""),
        ("国务院总理李克强", ""),
    ),
}
#: Paragraphs the Wikisource text holds twice: 2015's 加大简政放权… first cut short after
#: `法定职责必须为。` (line 108), then in full (line 110), which is how the page has it, once.
REPEATED_IN_TEXT = {"2015": "加大简政放权、放管结合改革力度。今年再取消和下放一批行政审批事项"}


def _normalize(path: Path) -> NormalizedDocument:
    return normalize_raw(decode_report(path.read_bytes(), path.name))


@functools.cache
def _text(year: str) -> NormalizedDocument:
    return _normalize(DATA / "wikisource" / f"{year}.txt")


@functools.cache
def _page(year: str) -> NormalizedDocument:
    return _normalize(DATA / "govcn" / f"{year}.html")


def _normal_form(
    blocks: list[str], replacements: tuple[tuple[str, str], ...] = (), repeated: str = ""
) -> list[str]:
    """The blocks with the sources' own differences taken out (each replaced once), and of a
    paragraph the text holds twice, the first, short copy left out."""
    text = "\n\n".join(blocks)
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    kept = [block for block in text.split("\n\n") if block]
    if repeated:
        copies = [i for i, block in enumerate(kept) if block.startswith(repeated)]
        assert len(copies) == 2, repeated
        del kept[copies[0]]
    return kept


@pytest.mark.parametrize("year", YEARS)
def test_the_page_and_the_text_hold_the_same_report(year: str) -> None:
    text = _normal_form(
        body_blocks(_text(year)), SOURCE_DIFFERENCES.get(year, ()), REPEATED_IN_TEXT.get(year, "")
    )
    page = body_blocks(_page(year))
    assert [b for b in text if _HEADING.match(b)] == [b for b in page if _HEADING.match(b)]
    assert "".join(_HEADING.sub("", b) for b in text) == "".join(_HEADING.sub("", b) for b in page)
    # Wikisource's breaks inside a paragraph (after a run-in `一是…。`, at a link's end, at its
    # zero-width-space chunk lines) are read as the page prints them (docs/inputs.md)
    assert text == page
    assert _page(year).metadata.title == _text(year).metadata.title


@pytest.mark.parametrize("year", YEARS)
def test_the_diff_between_the_text_and_the_page_finds_nothing_new_or_dropped(year: str) -> None:
    """Nothing is new or dropped; the occasion line and byline only 2017's text has are the
    speech's frame, which no view reports (compare.units.is_speech_frame)."""
    result = compare(build_tree(_text(year)), build_tree(_page(year)))
    units = [item for item in result.initiatives if item.level == "unit"]
    assert not [item for item in units if item.status in (Status.NEW, Status.DROPPED)]


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("make", [styled_docx, bold_docx], ids=["heading-styles", "bold-runs"])
def test_a_word_copy_of_the_text_reads_as_the_text(year: str, make: object, tmp_path: Path) -> None:
    """Built here with python-docx from the text's own blocks: the title, the 一、/（一） headings
    (by style, or only bold), the paragraphs. No difference of any kind."""
    assert callable(make)
    path = tmp_path / f"{year}.docx"
    path.write_bytes(make(_text(year)))
    word = _normalize(path)
    found = differences(_text(year), word)
    assert found.total() == 0, found.examples
    assert word.metadata.source is not None and word.metadata.source.format == "docx"


#: Chromium's own header and footer of a printed page: the date and the page's title over each
#: page, its address and the page number under it (what a user's "Save as PDF" gives).
_HEADER = '<div style="font-size:8px;width:100%"><span class="date"></span> <span class="title"></span></div>'
_FOOTER = '<div style="font-size:8px;width:100%"><span class="url"></span> <span class="pageNumber"></span>/<span class="totalPages"></span></div>'
#: What the PDF has that the page's text has not: 2017's photo caption, which the page marks as
#: one (an image and its caption in one block, dropped from the page) but the printed PDF shows
#: under a broken-image icon (the page's image does not load from a saved copy).
PDF_ONLY = {
    "2017": "3月5日，第十二届全国人民代表大会第五次会议在北京人民大会堂开幕。国务院总理李克强作政府工作报告。"
}


@pytest.fixture(scope="module")
def printed_pages(browser: Any) -> Iterator[Any]:
    """A page of the test process's Chromium to print with (tests/conftest.py `browser`; the PDFs
    are made here, not committed: a printed page embeds its CJK glyphs, some 80 KB a page)."""
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize("year", YEARS)
def test_the_page_printed_to_pdf_reads_as_the_page(year: str, printed_pages: Any, tmp_path: Path) -> None:
    markup = (DATA / "govcn" / f"{year}.html").read_text(encoding="utf-8")
    printed_pages.set_content(saved_page(markup, f"{year}年政府工作报告"))
    path = tmp_path / f"{year}.pdf"
    path.write_bytes(
        printed_pages.pdf(
            format="A4", display_header_footer=True, header_template=_HEADER, footer_template=_FOOTER
        )
    )
    pdf = _normalize(path)
    extra = ((PDF_ONLY[year], ""),) if year in PDF_ONLY else ()
    assert _normal_form(body_blocks(pdf), extra) == body_blocks(_page(year))
    assert any("running heads or footers" in warning for warning in pdf.warnings)
