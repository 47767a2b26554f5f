"""One report, whether it comes as its portal page or as the text a browser copies from that page
(tests/data/portal-title-pages/README.md), reads to the same blocks and metadata: the page's
publication line (`发布时间：… 来源：… 字号：大 中 小 打印 分享到：`) is the portal's in both readings,
the report's own date line under the title stays in both, and the portal's date dates the report
only when the report prints none, in both."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import NormalizedDocument, Paragraph
from tests.formats_equivalence import differences

DATA = Path(__file__).parent.parent / "data" / "portal-title-pages"
#: page → (the browser's copy of it, the report's own date, the line that prints it on the page)
COPIES = {
    "nantong-2024-gwr-fields-in-spans-inside-the-content.html": (
        "nantong-2024-gwr-browser-copy.txt", "2024-01-16", "——2024年1月16日在南通市",
    ),
    "changzhou-2024-gwr-publication-line-over-the-date-line.html": (
        "changzhou-2024-gwr-browser-copy.txt", "2024-01-20", "2024年1月20日",
    ),
}  # fmt: skip
#: the day both portals published the report (their 发布时间), not the report's date
PUBLISHED = "2024-01-25"


def _read(name: str, text: str | None = None) -> NormalizedDocument:
    data = (DATA / name).read_bytes() if text is None else text.encode("utf-8")
    return normalize_raw(decode_report(data, name))


def _undated(name: str, dated_by: str) -> str:
    """The file with the report's own date taken out: its date line, or the date in its occasion line."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.count(dated_by) == 1, dated_by
    return text.replace(dated_by, "——在南通市" if dated_by.startswith("——") else "")


@pytest.mark.parametrize("page", COPIES)
def test_the_browser_copy_of_a_page_reads_as_the_page(page: str) -> None:
    copy, own_date, _ = COPIES[page]
    html, text = _read(page), _read(copy)
    found = differences(html, text)
    assert found.total() == 0, found.examples
    assert html.metadata.date == text.metadata.date == own_date


@pytest.mark.parametrize("page", COPIES)
def test_the_publication_line_is_the_portals_in_both_readings(page: str) -> None:
    copy, _, _ = COPIES[page]
    for document in (_read(page), _read(copy)):
        paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
        assert not any(word in text for text in paragraphs for word in ("发布时间", "来源", "字号", "分享到"))


def test_the_reports_own_date_line_under_the_title_stays_in_both_readings() -> None:
    page = "changzhou-2024-gwr-publication-line-over-the-date-line.html"
    for document in (_read(page), _read(COPIES[page][0])):
        assert Paragraph("2024年1月20日") in document.blocks


@pytest.mark.parametrize("page", COPIES)
def test_a_report_that_prints_no_date_is_dated_by_the_portal_in_both_readings(page: str) -> None:
    copy, _, dated_by = COPIES[page]
    for name in (page, copy):
        document = _read(name, _undated(name, dated_by))
        assert document.metadata.date == PUBLISHED
        assert any(f"dated {PUBLISHED} as the web page dates" in warning for warning in document.warnings)
