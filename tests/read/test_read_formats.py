"""The extraction stage: formats told from content, HTML pages read as reports, site
boilerplate cut, and the format and extractor recorded in the front matter."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from corpusdiff.canonical.markdown import parse, render
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.read.formats import classify_text, sniff_binary
from corpusdiff.types.document import Heading, NormalizedDocument, Paragraph, Table
from tests.conftest import SEEDS

DATA = Path(__file__).parent.parent / "data" / "national-gwr"
YEARS = ("2014", "2015", "2016", "2017")
_NUMBERED = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")
_HAN = re.compile(r"[\u3400-\u9fff]")
_SOURCE_2016 = (DATA / "wikisource" / "2016.txt").read_text(encoding="utf-8").split("\n")


def _normalize(data: bytes, name: str) -> NormalizedDocument:
    return normalize_raw(decode_report(data, name))


def _numbered_headings(document: NormalizedDocument) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Heading) and _NUMBERED.match(b.text)]


def _body_text(document: NormalizedDocument) -> str:
    return "\n".join(b.text for b in document.blocks if isinstance(b, (Heading, Paragraph)))


# --- format detection ---------------------------------------------------------------------


def _zip(**parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n/Font /F1\n%%EOF", "pdf"),
        (_zip(**{"word/document.xml": "<w/>"}), "docx"),
        (_zip(**{"report.txt": "福田"}), "zip"),
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "image"),
        (b"\xff\xd8\xff\xe0" + bytes(20), "image"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "zip"),
    ],
)
def test_binary_formats_are_told_from_their_bytes(data: bytes, kind: str) -> None:
    found = sniff_binary(data)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>各位代表：</p></body></html>", "html"),
        ('[<div class="x">\n<h4>各位代表：</h4>\n<p>现在。</p>\n</div>]', "html"),
        ('<?xml version="1.0"?>\n<tmx version="1.4"><body><tu><seg>福田</seg></tu></body></tmx>', "xml"),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>', "html"),
        ('{"content": "各位代表"}', "json"),
        ("年份,指标,数值\n2021,生产总值,1\n2022,生产总值,2\n2023,生产总值,3\n", "csv"),
        ("各位代表：\n\n现在，我代表区人民政府，向大会报告工作，请予审议。\n", "text"),
        ("一、主要指标\n指标\t2022年\t2023年\n生产总值\t1\t2\n增长\t3\t4\n", "text"),
    ],
)
def test_text_formats_are_told_from_their_content(text: str, kind: str) -> None:
    assert classify_text(text) == kind


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_seed_is_plain_text(seed: Path) -> None:
    raw = decode_report(seed.read_bytes(), seed.name)
    assert raw.format == "text" and raw.extractor == "" and raw.notes == ()


def test_a_file_named_txt_holding_html_is_read_as_html() -> None:
    raw = decode_report((DATA / "govcn" / "2016.html").read_bytes(), "2016.txt")
    assert raw.format == "html" and "lxml" in raw.extractor
    assert "<" not in raw.text and "conlun2" not in raw.text


# --- HTML -------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_govcn_pages_have_the_same_numbered_headings_as_the_wikisource_text(year: str) -> None:
    page = _normalize((DATA / "govcn" / f"{year}.html").read_bytes(), f"{year}.html")
    text = _normalize((DATA / "wikisource" / f"{year}.txt").read_bytes(), f"{year}.txt")
    headings = _numbered_headings(page)
    assert len(headings) >= 6
    assert headings == _numbered_headings(text)
    body = _body_text(page)
    assert not re.search(r"[<>]|class=|conlun2|^\[|\]$", body, re.MULTILINE)
    assert page.metadata.source is not None and page.metadata.source.format == "html"


@pytest.mark.parametrize("year", ["2014", "2016"])
def test_govcn_page_keeps_every_han_character_of_the_report(year: str) -> None:
    """2014 and 2016 are the same text on both sites: nothing lost, nothing added."""
    page = _normalize((DATA / "govcn" / f"{year}.html").read_bytes(), f"{year}.html")
    text = _normalize((DATA / "wikisource" / f"{year}.txt").read_bytes(), f"{year}.txt")
    assert sorted(_HAN.findall(_body_text(page))) == sorted(_HAN.findall(_body_text(text)))


def test_photo_block_with_caption_is_dropped_with_a_warning() -> None:
    data = (DATA / "govcn" / "2017.html").read_bytes()
    assert "3月5日，第十二届全国人民代表大会第五次会议".encode() in data
    document = _normalize(data, "2017.html")
    assert "人民大会堂开幕" not in _body_text(document)
    assert any("photo block" in w and "3月5日" in w for w in document.warnings)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府工作报告</title>
<style>p { color: red }</style><script>document.write("广告位招商");</script></head>
<body>
<nav><a href="/">首页</a> &gt; <a href="/zw">政务公开</a></nav>
<div class="header">中国某某区人民政府门户网站</div>
<div class="main">
<h1>2023年某某区政府工作报告</h1>
<p>各位代表：</p>
<p>现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员提出意见。</p>
<h2>一、2022年工作回顾</h2>
<p>过去一年，全区经济运行稳中向好，地区生产总值增长百分之五，一般公共预算收入稳步增长。</p>
<p><strong>（一）坚持创新驱动，产业结构持续优化。</strong>全年新增高新技术企业二百家，研发投入强度保持在较高水平。</p>
<p><span style="font-weight:bold">（二）坚持民生优先，</span>办好十件民生实事，新增学位一万个。<br>新建公园十个，
  改造老旧小区三十个。</p>
<table><tr><th>指标</th><th>2022年</th></tr><tr><td>地区生产总值</td><td>增长5%</td></tr></table>
<h2>二、2023年工作安排</h2>
<p>今年工作的总体要求是：坚持稳中求进工作总基调，推动高质量发展取得新成效。</p>
<div class="photo"><img src="a.jpg"><p>1月5日，区长作政府工作报告。</p></div>
<p>各位代表！让我们团结一心，为建设现代化国际化城区而努力奋斗！</p>
</div>
<ul class="related"><li><a href="/1">相关新闻：区人大会议开幕</a></li><li><a href="/2">区政协会议开幕</a></li></ul>
<footer>版权所有：某某区人民政府 网站标识码：0000000000 京ICP备00000000号</footer>
</body></html>
"""


def test_a_portal_page_becomes_headings_paragraphs_and_tables() -> None:
    document = _normalize(PAGE.encode("utf-8"), "page.html")
    assert document.metadata.title == "2023年某某区政府工作报告"
    assert _numbered_headings(document) == [
        "一、2022年工作回顾",
        "（一）坚持创新驱动，产业结构持续优化",
        "（二）坚持民生优先",
        "二、2023年工作安排",
    ]
    body = _body_text(document)
    for furniture in (
        "首页",
        "政务公开",
        "门户网站",
        "广告位",
        "color",
        "相关新闻",
        "版权所有",
        "区长作政府工作报告",
    ):
        assert furniture not in body, furniture
    assert "新建公园十个，改造老旧小区三十个。" in body  # an HTML line break inside a sentence
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    assert table.rows == (("指标", "2022年"), ("地区生产总值", "增长5%"))


def test_gbk_page_naming_its_charset_is_decoded() -> None:
    data = PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("gbk")
    document = _normalize(data, "page.html")
    assert "一、2022年工作回顾" in _numbered_headings(document)


def test_a_page_with_no_report_on_it_is_refused() -> None:
    page = "<html><body><nav><a href='/'>首页</a></nav><p>页面不存在。</p></body></html>"
    with pytest.raises(InputError, match="no report text"):
        decode_report(page.encode("utf-8"), "404.html")


# --- boilerplate ------------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_wikisource_licence_notice_is_dropped_with_a_warning(year: str) -> None:
    data = (DATA / "wikisource" / f"{year}.txt").read_bytes()
    assert "公有领域".encode() in data and b"Public domain" in data
    document = _normalize(data, f"{year}.txt")
    body = _body_text(document)
    assert "公有领域" not in body and "Public domain" not in body and "false" not in body
    assert body.rstrip().endswith(("！", "。"))
    [warning] = [w for w in document.warnings if "licence or footer" in w]
    assert "本作品是中华人民共和国的法律" in warning


def test_a_site_footer_is_dropped_but_report_text_about_copyright_is_kept() -> None:
    report = (SEEDS / "futian-2023-10-mid-year-plan-report.txt").read_text(encoding="utf-8")
    footer = "\n\n版权所有：深圳市福田区人民政府\n网站标识码：4403040001\n粤ICP备00000000号\n"
    document = _normalize((report + footer).encode("utf-8"), "page.txt")
    assert "版权所有" not in _body_text(document)
    plain = _normalize(report.encode("utf-8"), "page.txt")
    assert plain.blocks == document.blocks
    kept = report.rstrip() + "\n\n加强知识产权和版权保护，严厉打击侵权盗版行为。\n"
    assert "版权保护" in _body_text(_normalize(kept.encode("utf-8"), "page.txt"))


# --- front matter -----------------------------------------------------------------------------


def test_format_and_extractor_are_recorded_and_read_back() -> None:
    document = _normalize((DATA / "govcn" / "2016.html").read_bytes(), "2016.html")
    text = render(document)
    assert "format: html" in text and "extractor: corpusdiff.read.html (lxml " in text
    source = parse(text).metadata.source
    assert source is not None and source.format == "html" and source.extractor.startswith("corpusdiff")


def test_plain_text_documents_do_not_write_a_format() -> None:
    seed = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
    text = render(_normalize(seed.read_bytes(), seed.name))
    assert "format:" not in text and "extractor:" not in text
    source = parse(text).metadata.source
    assert source is not None and source.format == "text" and source.extractor == ""


def _portal_page(content: str) -> bytes:
    """The layout of the central government's article pages: the title in an `h1` above a date
    line and the text's container, an editor line and share bar after it."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>政府工作报告（全文）_中国政府网</title></head><body>
<div class="header"><a href="/">首页</a> <a href="/zhengce">政策</a></div>
<div class="article">
<h1>政府工作报告</h1>
<div class="pages-date">2017-03-16 21:15　来源：新华社</div>
<div class="pages_content">{content}</div>
<div class="editor">【我要纠错】 责任编辑：王洋</div>
<div class="share">分享到：微信 微博</div>
</div></body></html>""".encode()


def _govcn_2017_body() -> str:
    return (DATA / "govcn" / "2017.html").read_text(encoding="utf-8").strip().strip("[]")


def test_the_h1_over_a_portal_article_is_the_title() -> None:
    document = _normalize(_portal_page(_govcn_2017_body()), "2017.html")
    assert document.metadata.title == "政府工作报告"
    assert not any("no title line" in warning for warning in document.warnings)
    body = _body_text(document)
    assert "责任编辑" not in body and "来源" not in body


def test_a_headline_over_a_report_that_prints_its_own_title_is_not_the_title() -> None:
    """A news or WeChat page heads the article with its own headline (`全文来了！…`); the report
    under it opens with its title and occasion line, which stay the title and the front."""
    own = (
        "<p>政府工作报告</p><p>——2016年3月5日在第十二届全国人民代表大会第四次会议上</p>"
        "<p>国务院总理　李克强</p>"
    )
    report = "".join(f"<p>{_SOURCE_2016[n]}</p>" for n in (0, 2, 8, 11, 13))
    page = _portal_page(own + report).replace(
        b"<h1>\xe6\x94\xbf\xe5\xba\x9c\xe5\xb7\xa5\xe4\xbd\x9c\xe6\x8a\xa5\xe5\x91\x8a</h1>",
        "<h1>全文来了！2016年政府工作报告</h1>".encode(),
    )
    assert "全文来了".encode() in page
    document = _normalize(page, "2016.html")
    assert (document.metadata.title, document.metadata.speaker) == ("政府工作报告", "李克强")
    body = _body_text(document)
    assert "全文来了" not in body and "\n政府工作报告\n" not in body
    assert any("全文来了" in warning for warning in document.warnings)


def test_the_occasion_line_and_byline_over_the_main_block_are_read_and_the_rest_named() -> None:
    """gov.cn's layout with the occasion line and byline set in the content's container over the
    report's own block: read under the title as the text prints them (they were named in a
    warning and lost, the report dated by its year alone, its speaker unknown); the portal's date
    and source line and its editor line are still named."""
    front = "<p>——2017年3月5日在第十二届全国人民代表大会第五次会议上</p><p>国务院总理　李克强</p>"
    document = _normalize(_portal_page(front + _govcn_2017_body()), "2017.html")
    metadata = document.metadata
    assert (metadata.date, metadata.speaker) == ("2017-03-05", "李克强")
    assert metadata.meeting == "第十二届全国人民代表大会第五次会议"
    [warning] = [w for w in document.warnings if "outside the report's main block" in w]
    assert "来源：新华社" in warning and "责任编辑" in warning
    assert "李克强" not in warning and "会议上" not in warning


#: An older portal's page: the layout is a table, the report one cell of it, its paragraphs lines
#: of one <font> run ended by <br> and indented with &nbsp;: lines 1, 3, 9, 12 and 14 of
#: wikisource/2016.txt (salutation, opening, 一、 heading, the first two paragraphs).
_TABLE_LAYOUT_LINES = [_SOURCE_2016[n] for n in (0, 2, 8, 11, 13)]
TABLE_LAYOUT_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    "<title>政府工作报告</title></head><body><table width=\"100%\">"
    '<tr><td class="nav"><a href="/">首页</a>|<a href="/xw">新闻</a></td></tr>'
    '<tr><td class="content"><font size="3">'
    + "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + line for line in _TABLE_LAYOUT_LINES)
    + "</font></td></tr></table></body></html>"
)


def test_an_older_page_laid_out_in_a_table_with_lines_ended_by_br_reads_line_by_line() -> None:
    document = _normalize(TABLE_LAYOUT_PAGE.encode("gb18030"), "old.html")
    assert _numbered_headings(document) == [_SOURCE_2016[8]]
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [_SOURCE_2016[n] for n in (0, 2, 11, 13)]


#: A page's paragraph that lacks its closing `。` (govcn/2015.html prints `主要做了以下工作` so)
#: before a paragraph that opens with `一是`; a paragraph a `<br>` breaks in mid-sentence; and one a
#: stray `</p><p>` breaks in mid-sentence (govcn/2015.html's `今年也</p><p>要再减少…`).
_PARAGRAPHS_PAGE = """<html><head><meta charset="utf-8"></head><body><div class="article">
<p>各位代表：</p>
<p>现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。</p>
<h5>一、2014年工作回顾</h5>
<p>过去一年，困难和挑战比预想的大。我们迎难而上，主要做了以下工作</p>
<p>一是在区间调控基础上实施定向调控，保持经济稳定增长。面对经济下行压力加大态势，我们保持战略定力。</p>
<p>二是深化改革开放，激发经济社会发展活力。针对束缚发展的体制机制障碍，<br>我们通过全面深化改革，以释放市场活力对冲经济下行压力。</p>
<p>持续打好扶贫攻坚战，实施精准扶贫、精准脱贫。难度再大，今年也</p><p>要再减少农村贫困人口1000万人以上。</p>
</div></body></html>"""


def test_a_page_paragraph_ends_where_its_element_ends_even_without_a_full_stop() -> None:
    document = _normalize(_PARAGRAPHS_PAGE.encode("utf-8"), "page.html")
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraphs[2] == "过去一年，困难和挑战比预想的大。我们迎难而上，主要做了以下工作"
    assert paragraphs[3].startswith("一是在区间调控基础上")
    assert paragraphs[4] == (
        "二是深化改革开放，激发经济社会发展活力。针对束缚发展的体制机制障碍，"
        "我们通过全面深化改革，以释放市场活力对冲经济下行压力。"
    )
    assert paragraphs[5] == "持续打好扶贫攻坚战，实施精准扶贫、精准脱贫。难度再大，今年也要再减少农村贫困人口1000万人以上。"
    assert len(paragraphs) == 6


def test_a_page_table_with_rowspan_and_colspan_keeps_every_value_under_its_header() -> None:
    from tests.read.test_read_docx import MERGED

    table = (
        "<table><tr><th rowspan='2'>类别</th><th rowspan='2'>指标</th><th rowspan='2'>单位</th>"
        "<th colspan='2'>2024—2025年</th></tr><tr><th>完成</th><th>2025年目标</th></tr>"
        "<tr><td rowspan='2'>经济发展</td><td>地区生产总值增速</td><td>%</td><td>6.0</td><td>6</td></tr>"
        "<tr><td>规模以上工业增加值增速</td><td>%</td><td>4.5</td><td>7</td></tr>"
        "<tr><td>民生</td><td>城镇调查失业率</td><td>%</td><td>5.3</td><td>5.5以内</td></tr></table>"
    )
    page = PAGE.replace(
        "<table><tr><th>指标</th><th>2022年</th></tr><tr><td>地区生产总值</td><td>增长5%</td></tr></table>", table
    )
    [found] = [b for b in _normalize(page.encode("utf-8"), "page.html").blocks if isinstance(b, Table)]
    assert [list(row) for row in found.rows] == MERGED


def test_a_page_nested_deeper_than_its_first_characters_show_is_no_text() -> None:
    """Opening tags only in the first 200,000 characters: still a page, so its markup is never
    kept as report text (it is refused as a page the parser cannot read a report from)."""
    from corpusdiff.read.formats import classify_text

    page = "<div>" * 50_000 + "<p>" + "各位代表：现在我代表政府向大会报告工作。" * 20 + "</p>" + "</div>" * 50_000
    assert classify_text(page) == "html"


def test_a_page_nested_past_the_parser_depth_limit_is_refused_as_too_deep() -> None:
    """libxml2 stops at 255 levels and drops the rest: the page is named as too deep, not as one
    with no report text."""
    body = "<p>" + "各位代表：现在我代表政府向大会报告工作。" * 20 + "</p>"
    deep = "<html><body>" + "<div>" * 255 + body + "</div>" * 255 + "</body></html>"
    with pytest.raises(InputError, match="nested deeper than 255 elements"):
        decode_report(deep.encode("utf-8"), "deep.html")
    shallow = deep.replace("<div>" * 255, "<div>" * 50).replace("</div>" * 255, "</div>" * 50)
    assert "各位代表" in decode_report(shallow.encode("utf-8"), "shallow.html").text
