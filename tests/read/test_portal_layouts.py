"""Portal layouts the other fixtures lack (tests/data/portal-layouts/README.md): www.gov.cn's
article page since 2023, xinhuanet's, people.com.cn's, a city portal of the 2000s laid out in
tables, and a provincial portal that splits a report over pages. Each page, and the text a browser copies from
it, reads to the blocks and metadata of the report's plain text, by the equivalence harness's
measure (tests/formats_equivalence.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import NormalizedDocument
from tests.formats_equivalence import differences

DATA = Path(__file__).parent.parent / "data" / "portal-layouts"
#: each page → the report's plain text
PAGES = {
    "govcn-2024-gwr-ucap-content-with-pages-date.html": "govcn-2024-gwr.txt",
    "henan-2024-gwr-xinhuanet-detail-and-editor-line.html": "henan-2024-gwr.txt",
    "shaoxing-2008-gwr-table-layout-gb2312.html": "shaoxing-2008-gwr.txt",
    "national-2024-gwr-people-cn-rm-txt-con.html": "govcn-2024-gwr.txt",
}
#: each text a browser copies from a page (or from every page of a split one) → the plain text
COPIES = {
    "govcn-2024-gwr-browser-copy.txt": "govcn-2024-gwr.txt",
    "henan-2024-gwr-browser-copy.txt": "henan-2024-gwr.txt",
    "shaoxing-2008-gwr-browser-copy.txt": "shaoxing-2008-gwr.txt",
    "zhejiang-2024-gwr-three-pages-copied-in-order.txt": "zhejiang-2024-gwr.txt",
    "national-2024-gwr-people-cn-browser-copy.txt": "govcn-2024-gwr.txt",
}


def _read(name: str) -> NormalizedDocument:
    return normalize_raw(decode_report((DATA / name).read_bytes(), name))


@pytest.mark.parametrize("page", PAGES)
def test_the_page_reads_as_the_report_s_text(page: str) -> None:
    found = differences(_read(PAGES[page]), _read(page))
    assert found.total() == 0, found.examples


@pytest.mark.parametrize("page", PAGES)
def test_the_title_is_read_from_the_page_not_made_up_from_the_opening(page: str) -> None:
    """The xinhuanet page's title box, in a `header-cont` the furniture test dropped, and the
    2000s page's title row, under a `<title>` that names only the site, were not read: the title
    came out right only because the report's opening names a 政府工作报告."""
    assert not any("no title line found" in warning for warning in _read(page).warnings)


@pytest.mark.parametrize("copy", COPIES)
def test_the_browser_s_copy_reads_as_the_report_s_text(copy: str) -> None:
    found = differences(_read(COPIES[copy]), _read(copy))
    assert found.total() == 0, found.examples


def test_one_page_of_the_split_report_is_refused_and_its_pages_copied_in_order_read_whole() -> None:
    with pytest.raises(InputError, match="split into 3 pages"):
        _read("zhejiang-2024-gwr-page-1-of-3.html")
    copied = _read("zhejiang-2024-gwr-three-pages-copied-in-order.txt")
    assert any("copied one page after another" in warning and "2 pagers" in warning for warning in copied.warnings)


@pytest.mark.parametrize("label", ["（两会受权发布）{}", "【受权发布】{}", "{}（全文）"])
def test_a_news_site_s_label_around_the_title_is_not_the_report_s_title(label: str) -> None:
    """xinhuanet heads a report it publishes `（两会受权发布）政府工作报告`, in its `<title>` and its
    headline, and a browser's copy starts with that line: the title read as the site labelled it."""
    labelled = label.format("政府工作报告")
    page = (DATA / "henan-2024-gwr-xinhuanet-detail-and-editor-line.html").read_text(encoding="utf-8")
    copy = (DATA / "henan-2024-gwr-browser-copy.txt").read_text(encoding="utf-8")
    for shown in ("<title>政府工作报告-新华网</title>", '<span class="title">政府工作报告</span>'):
        page = page.replace(shown, shown.replace("政府工作报告", labelled))
    for name, text in (("page.html", page), ("copy.txt", copy.replace("政府工作报告", labelled, 1))):
        assert text.count(labelled) == (2 if name == "page.html" else 1)
        document = normalize_raw(decode_report(text.encode("utf-8"), name))
        found = differences(_read("henan-2024-gwr.txt"), document)
        assert found.total() == 0, found.examples
        assert any(f"label “{labelled.replace('政府工作报告', '')}”" in warning for warning in document.warnings)


def test_gov_cn_s_date_and_font_size_line_copied_with_its_spaces_is_the_portal_s() -> None:
    """gov.cn's 字号 widget offers 默认, 大 and 超大; copied with the spaces its source sets between
    them, the line ran into the title."""
    copy = (DATA / "govcn-2024-gwr-browser-copy.txt").read_text(encoding="utf-8")
    glued = "2024-03-12 19:09　来源： 新华社\n字号：默认大超大打印| 分享\n"
    assert glued in copy
    spaced = copy.replace(glued, "2024-03-12 19:09 来源： 新华社 字号：默认 大 超大 打印 | 分享\n")
    found = differences(_read("govcn-2024-gwr.txt"), normalize_raw(decode_report(spaced.encode("utf-8"), "copy.txt")))
    assert found.total() == 0, found.examples
