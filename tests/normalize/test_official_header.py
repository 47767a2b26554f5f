"""What stands over a report's title and is not the report: an official document's red header, a
web page's breadcrumb.

An official document's red header over the report's title — the issuing body's `…人民政府文件`
line and the document number — is a wrapper like a gazette's cover: dropped with a warning, so
that the title, the occasion line and the byline are read as such and stay apart.

The report is the Shenzhen 2024 excerpt (tests/data/metadata/shenzhen-2024-gwr.txt, values in
its expected.yaml); the header is written from the genre (深圳市人民政府文件, 深府〔2024〕1号).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Paragraph

REPORT = Path(__file__).parent.parent / "data" / "metadata" / "shenzhen-2024-gwr.txt"


@pytest.mark.parametrize(
    "header",
    [["深圳市人民政府文件", "", "深府〔2024〕1号"], ["深府〔2024〕1号"], ["深圳市人民政府文件"]],
    ids=["both", "number", "issuer"],
)
def test_red_header_over_the_title_is_a_wrapper(header: list[str]) -> None:
    text = "\n".join([*header, "", REPORT.read_text(encoding="utf-8")])
    document = normalize_raw(decode_report(text.encode("utf-8"), "shenzhen.txt"))
    assert document.metadata.title == "2024年深圳市政府工作报告"
    assert document.metadata.date == "2024-01-29"
    assert document.metadata.speaker == "覃伟中"
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == ["——2024年1月29日在深圳市第七届人民代表大会第五次会议上", "深圳市市长覃伟中", "各位代表："]
    assert any("before the title" in warning and header[0] in warning for warning in document.warnings)


#: A portal's article printed to PDF, as the PDF reader lays it out (one block a line): the site's
#: navigation and breadcrumb (written from gov.cn's layout), the h1, the page's date and source
#: line, then the report as the page prints it (govcn/2017.html with its occasion line and byline).
PRINTED_PAGE = """首页政策互动

首页 > 总理 > 正文

政府工作报告

2017-03-16 21:15 来源： 新华社

——2017年3月5日在第十二届全国人民代表大会第五次会议上

国务院总理 李克强

各位代表：

现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。

一、2016年工作回顾

过去一年，我国发展面临国内外诸多矛盾叠加、风险隐患交汇的严峻挑战。在以习近平同志为核心的党中央坚强领导下，全国各族人民迎难而上，砥砺前行，推动经济社会持续健康发展。
"""


def test_a_printed_web_page_has_its_title_under_the_breadcrumb_and_over_the_date_line() -> None:
    document = normalize_raw(decode_report(PRINTED_PAGE.encode("utf-8"), "2017.pdf.txt"))
    assert document.metadata.title == "政府工作报告"
    assert (document.metadata.date, document.metadata.speaker) == ("2017-03-05", "李克强")
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == [  # the page's date and source line goes, as it goes from the page itself
        "——2017年3月5日在第十二届全国人民代表大会第五次会议上",
        "国务院总理李克强",
        "各位代表：",
    ]
    assert any("before the title" in warning and "首页政策互动" in warning for warning in document.warnings)
    assert any("lines over the report" in warning and "来源：新华社" in warning for warning in document.warnings)


def test_the_warning_counts_one_dropped_line_in_the_singular() -> None:
    text = "\n".join(["深府〔2024〕1号", "", REPORT.read_text(encoding="utf-8")])
    document = normalize_raw(decode_report(text.encode("utf-8"), "shenzhen.txt"))
    (dropped,) = [warning for warning in document.warnings if "before the title" in warning]
    assert dropped.startswith("dropped 1 line before the title (“深府〔2024〕1号”")
    text = "\n".join(["深圳市人民政府文件", "", "深府〔2024〕1号", "", REPORT.read_text(encoding="utf-8")])
    document = normalize_raw(decode_report(text.encode("utf-8"), "shenzhen.txt"))
    assert any(warning.startswith("dropped 2 lines before the title") for warning in document.warnings)


#: The same page saved as text from a browser: no blank lines, the site menu apart by bars, the
#: date and source line with its font-size links.
SAVED_PAGE = """首页 | 政策 | 互动 | 服务 | 数据
当前位置：首页 > 总理 > 正文
政府工作报告
2017-03-16 21:15 来源：新华社 字号：大 中 小
——2017年3月5日在第十二届全国人民代表大会第五次会议上
国务院总理 李克强
各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。
一、2016年工作回顾
过去一年，我国发展面临国内外诸多矛盾叠加、风险隐患交汇的严峻挑战。
"""


SAVED_PAGES = {
    "menu, breadcrumb, date line": SAVED_PAGE,
    "no date line": SAVED_PAGE.replace("2017-03-16 21:15 来源：新华社 字号：大 中 小\n", ""),
    "menu an item a line": SAVED_PAGE.replace("首页 | 政策 | 互动 | 服务 | 数据\n", "首页\n政策\n互动\n服务\n数据\n"),
}


@pytest.mark.parametrize("shape", SAVED_PAGES)
def test_a_page_saved_as_text_has_its_title_under_the_menu_and_breadcrumb(shape: str) -> None:
    document = normalize_raw(decode_report(SAVED_PAGES[shape].encode("utf-8"), "2017.txt"))
    assert document.metadata.title == "政府工作报告"
    assert (document.metadata.date, document.metadata.speaker) == ("2017-03-05", "李克强")
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert "——2017年3月5日在第十二届全国人民代表大会第五次会议上" in paragraphs
    assert any("lines before the title" in warning for warning in document.warnings)
