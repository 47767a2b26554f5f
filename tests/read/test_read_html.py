"""Portal pages beyond www.gov.cn (xinhuanet, people.com.cn, provincial and city portals, older
pages laid out in tables, WeChat articles): the report read whole, nothing of the portal kept,
the title taken from the page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Heading, NormalizedDocument, Paragraph, Table

DATA = Path(__file__).parent.parent / "data" / "national-gwr"
_SOURCE_2016 = (DATA / "wikisource" / "2016.txt").read_text(encoding="utf-8").split("\n")
#: salutation, opening, the 一、 heading and the first two paragraphs of the 2016 report
REPORT = [_SOURCE_2016[n] for n in (0, 2, 8, 11, 13)]
TITLE = "2016年国务院政府工作报告"
CONTENT = "".join(f"<p>　　{line}</p>" for line in REPORT)


def _normalize(page: str, name: str = "page.html", encoding: str = "utf-8") -> NormalizedDocument:
    return normalize_raw(decode_report(page.encode(encoding), name))


def _texts(document: NormalizedDocument) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, (Heading, Paragraph))]


#: Where portals put the article's title: outside the content's container, in a box of its own.
TITLED_PAGES = {
    "xinhuanet": f"""<html><head><meta charset="utf-8"><title>{TITLE}-新华网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/politics">时政</a></div>
<div class="h-news"><div class="h-title">{TITLE}</div>
<div class="h-info"><span class="h-time">2016-03-17 10:23:37</span> <span>来源： 新华网</span></div></div>
<div id="p-detail">{CONTENT}</div></body></html>""",
    "people.com.cn": f"""<html><head><meta charset="utf-8"><title>{TITLE}--时政--人民网</title></head><body>
<div class="text_title"><h1>{TITLE}</h1><div class="box01">2016年03月18日08:21 来源：人民网</div></div>
<div class="text_con"><div class="box_con" id="rwb_zw">{CONTENT}</div></div></body></html>""",
    "older portal": f"""<html><head><meta charset="gb2312"><title>{TITLE}_某某市人民政府</title></head>
<body><table><tr><td align="center"><font size="4" color="#cc0000"><b>{TITLE}</b></font></td></tr>
<tr><td>发布日期：2016-03-18 浏览次数：1234</td></tr>
<tr><td><font size="3">{"<br><br>".join(REPORT)}</font></td></tr></table></body></html>""",
}


@pytest.mark.parametrize("shape", TITLED_PAGES)
def test_the_title_a_page_shows_over_its_content_and_declares_in_its_head_is_the_title(shape: str) -> None:
    document = _normalize(TITLED_PAGES[shape], encoding="gb18030" if shape == "older portal" else "utf-8")
    assert document.metadata.title == TITLE
    assert not any("no title line" in warning for warning in document.warnings)
    assert _texts(document) == REPORT
    [outside] = [w for w in document.warnings if "outside the report's main block" in w]
    assert TITLE not in outside  # the title was read; only the date line is named


def test_a_site_name_over_the_content_is_not_the_title() -> None:
    page = TITLED_PAGES["xinhuanet"].replace("-新华网</title>", "</title>").replace(
        f'<div class="h-title">{TITLE}</div>', '<div class="logo">新华网</div>'
    )
    assert _normalize(page).metadata.title != "新华网"


#: Page 1 of an article a portal split into three: the pagers of people.com.cn, xinhuanet and a TRS
#: content system (the pager a script draws when the page opens).
PAGERS = {
    "people.com.cn": '<div class="zdfy clearfix"><a href="#">上一页</a><a class="common_current_page">1</a>'
    '<a href="p2.html">2</a><a href="p3.html">3</a><a href="p2.html">下一页</a></div>',
    "xinhuanet": '<div id="div_currpage"><center>共3页 <a href="#">上一页</a> <span>1</span> '
    '<a href="p2.html">2</a> <a href="p3.html">3</a> <a href="p2.html">下一页</a></center></div>',
    "TRS script": '<div class="pages"><script>createPageHTML(3, 0, "t20190305_1", "htm");</script></div>',
}


@pytest.mark.parametrize("shape", PAGERS)
def test_one_page_of_an_article_split_into_pages_is_refused_not_read_as_the_report(shape: str) -> None:
    page = TITLED_PAGES["xinhuanet"].replace("</div></body>", f"</div>{PAGERS[shape]}</body>")
    with pytest.raises(InputError, match="one page of an article the site split into 3 pages"):
        decode_report(page.encode(), "page.html")


@pytest.mark.parametrize(
    "links",
    [
        '<div class="next"><a href="a.html">上一篇：关于印发…的通知</a><a href="b.html">下一篇：2015年政府工作报告</a></div>',
        '<div class="pages"><span>上一页</span> <span>1</span> <span>下一页</span></div>',
    ],
)
def test_links_to_other_articles_or_a_pager_of_one_page_are_no_split(links: str) -> None:
    page = TITLED_PAGES["xinhuanet"].replace("</div></body>", f"</div>{links}</body>")
    assert _texts(_normalize(page)) == REPORT


#: A 政府信息公开 page's record of the document, as a table and as a list, in the text's container.
RECORDS = {
    "table": "<table><tr><th>索引号：</th><td>11440304007542409M/2016-00012</td><th>分类：</th><td>计划</td></tr>"
    f"<tr><th>发布机构：</th><td>某某市发展和改革局</td><th>发文日期：</th><td>2016-03-18</td></tr>"
    f"<tr><th>名称：</th><td colspan='3'>{TITLE}</td></tr></table>",
    "list": "<ul><li><label>索引号：</label><span>11440304007542409M/2016-00012</span></li>"
    "<li><label>发布机构：</label><span>某某市发展和改革局</span></li><li>发文日期：2016-03-18</li>"
    f"<li><label>名称：</label><span>{TITLE}</span></li></ul>",
}


@pytest.mark.parametrize("shape", RECORDS)
def test_a_government_information_page_record_is_dropped_and_names_the_title(shape: str) -> None:
    page = f"<html><head><title>某某市人民政府门户网站</title></head><body><div class='content'>{RECORDS[shape]}{CONTENT}</div></body></html>"
    document = _normalize(page)
    assert _texts(document) == REPORT and not [b for b in document.blocks if not isinstance(b, (Heading, Paragraph))]
    assert document.metadata.title == TITLE
    assert any("dropped the page's document record (索引号" in warning for warning in document.warnings)


def test_a_report_table_of_documents_is_no_record() -> None:
    table = (
        "<table><tr><th>名称</th><th>文号</th><th>发文日期</th></tr>"
        "<tr><td>关于促进消费的若干措施</td><td>福府〔2016〕1号</td><td>2016-01-05</td></tr></table>"
    )
    page = TITLED_PAGES["xinhuanet"].replace("</div></body>", f"{table}</div></body>")
    [found] = [b for b in _normalize(page).blocks if isinstance(b, Table)]
    assert found.rows[0] == ("名称", "文号", "发文日期")


def test_a_table_inside_the_font_run_of_an_older_page_keeps_its_rows_and_cells() -> None:
    table = (
        "<table border='1'><tr><td>指标名称</td><td>2016年目标</td></tr>"
        "<tr><td>一、预期性指标</td><td></td></tr><tr><td>1.地区生产总值</td><td>6.5%</td></tr></table>"
    )
    page = TITLED_PAGES["older portal"].replace("</font></td></tr></table>", f"<br><span>{table}</span></font></td></tr></table>")
    document = _normalize(page, encoding="gb18030")
    [found] = [b for b in document.blocks if isinstance(b, Table)]
    assert [list(row) for row in found.rows] == [["指标名称", "2016年目标"], ["一、预期性指标", ""], ["1.地区生产总值", "6.5%"]]
    assert _texts(document) == REPORT


def test_a_page_nested_to_the_parser_depth_limit_is_read_in_time_that_does_not_grow_with_its_depth() -> None:
    """The Han text below each element is counted once, not again at every level: the whole 2016
    report inside 250 nested divs took 10 s, and now takes a tenth of a second."""
    import time

    paragraphs = "".join(f"<p>{line}</p>" for line in _SOURCE_2016 if line.strip() and "Public domain" not in line)
    page = "<html><body>" + "<div>" * 250 + paragraphs + "</div>" * 250 + "</body></html>"
    start = time.process_time()  # CPU time: a loaded machine (tests run in parallel) does not stretch it
    text = decode_report(page.encode(), "deep.html").text
    assert time.process_time() - start < 3
    assert _SOURCE_2016[13] in text


#: The portal's lines at the top of the article's block: source, date and view count, share links.
PORTAL_TOP = (
    '<p class="info">来源：某某市发展和改革局　　发布时间：2016-03-18 09:30　　浏览次数：1234</p>'
    '<div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin" href="#"></a></div>'
    '<section><p style="text-align:center"><span>点击蓝字 关注我们</span></p></section>'
)


@pytest.mark.parametrize("title_inside", [False, True])
def test_the_portal_lines_at_the_top_of_the_article_block_are_dropped_with_a_note(title_inside: bool) -> None:
    own_title = f"<h1>{TITLE}</h1>" if title_inside else ""
    page = TITLED_PAGES["xinhuanet"].replace('<div id="p-detail">', f'<div id="p-detail">{own_title}{PORTAL_TOP}')
    document = _normalize(page)
    assert _texts(document) == REPORT and document.metadata.title == TITLE
    [note] = [w for w in document.warnings if "lines over the report" in w]
    assert "来源：某某市发展和改革局" in note


#: The 2016 report's opening without a date line, as news pages print it.
UNDATED = "".join(f"<p>{_SOURCE_2016[n]}</p>" for n in (0, 2, 8, 11, 13))


@pytest.mark.parametrize(
    ("above", "date"),
    [
        pytest.param(
            '<div class="h-info"><span class="h-time">2016-03-17 10:23:37</span> <span>来源： 新华网</span></div>',
            "2016-03-17",
            id="xinhuanet",
        ),
        pytest.param('<div class="box01">2016年03月18日08:21 来源：人民网</div>', "2016-03-18", id="people.com.cn"),
        pytest.param(RECORDS["table"], "2016-03-18", id="record"),
        pytest.param('<div class="h-info">2021-06-01 来源：某某网</div>', "2016", id="republished years later"),
    ],
)
def test_a_report_that_prints_no_date_takes_the_date_its_page_gives_when_the_years_agree(above: str, date: str) -> None:
    page = f"""<html><head><meta charset="utf-8"><title>{TITLE}-新华网</title></head><body>
<div class="h-title">{TITLE}</div>{above}<div id="p-detail">{UNDATED}</div></body></html>"""
    document = _normalize(page)
    assert document.metadata.date == date
    assert any(f"dated {date}" in warning for warning in document.warnings)


def test_a_site_name_a_page_declares_as_its_title_is_not_the_title_when_its_banner_shows_it() -> None:
    page = TITLED_PAGES["xinhuanet"].replace(f"<title>{TITLE}-新华网</title>", "<title>某某市人民政府</title>").replace(
        f'<div class="h-title">{TITLE}</div>', '<div class="logo">某某市人民政府</div>'
    )
    assert _normalize(page).metadata.title != "某某市人民政府"


def test_a_related_links_list_set_as_paragraphs_under_the_text_is_not_read_as_report_text() -> None:
    related = (
        "<p><strong>相关链接：</strong></p><p><a href='a.html'>2015年国务院政府工作报告</a></p>"
        "<p><a href='b.html'>图解：一图读懂2016年政府工作报告</a></p>"
    )
    page = TITLED_PAGES["xinhuanet"].replace("</div></body>", f"{related}</div></body>")
    assert _texts(_normalize(page)) == REPORT


def test_a_tables_caption_is_a_line_over_its_rows() -> None:
    """`<caption>表1　2024年主要指标</caption>` was read as nothing: the table's title was lost."""
    table = (
        "<table><caption>表1　2024年主要指标</caption><tr><th>指标</th><th>单位</th><th>目标</th></tr>"
        "<tr><td>地区生产总值增长</td><td>%</td><td>5.5左右</td></tr><tr><td>城镇新增就业</td><td>万人</td><td>10</td></tr></table>"
    )
    document = _normalize(f"<html><body><div>{CONTENT}{table}</div></body></html>")
    index = next(n for n, block in enumerate(document.blocks) if isinstance(block, Table))
    assert document.blocks[index - 1] == Paragraph("表1 2024年主要指标")


def test_a_paragraph_bolded_whole_keeps_the_full_stop_of_its_text() -> None:
    """Found on a city plan's portal page (helper M3): a portal that bolds the whole review item
    `（二）项目建设加力提速。全市实施重点项目400个，完成投资900亿元。` lost its last `。`, the end
    of the report's sentence, taken for the heading's closing mark. It now reads as the text does."""
    item = "（二）项目建设加力提速。全市实施重点项目400个，完成投资900亿元。"
    bold = _normalize(f"<html><body>{CONTENT}<p><strong>{item}</strong></p></body></html>")
    plain = _normalize(f"<html><body>{CONTENT}<p>{item}</p></body></html>")
    assert _texts(bold)[-2:] == _texts(plain)[-2:] == ["（二）项目建设加力提速", "全市实施重点项目400个，完成投资900亿元。"]


def test_a_bold_heading_run_into_its_paragraph_still_loses_its_closing_mark() -> None:
    page = f"<html><body>{CONTENT}<p><strong>（二）项目建设加力提速。</strong>全市实施重点项目400个。</p></body></html>"
    assert _texts(_normalize(page))[-2:] == ["（二）项目建设加力提速", "全市实施重点项目400个。"]


#: Portal pages that set the report's occasion line and byline between the title and the article's
#: text, each beside a text copy of the same report (tests/data/portal-title-pages/README.md).
TITLE_PAGES = Path(__file__).parent.parent / "data" / "portal-title-pages"
_TITLE_PAGE_LAYOUTS = {
    "anhui-2024-gwr-subtitle-and-byline-over-the-content.html": ("anhui-2024-gwr.txt", "安徽省", "李明远"),
    "hefei-2024-gwr-title-box-with-h2-and-fbt.html": ("hefei-2024-gwr.txt", "合肥市", "张文华"),
    "wuhu-2024-gwr-occasion-in-the-first-paragraph.html": ("wuhu-2024-gwr.txt", "芜湖市", "周建新"),
    "nantong-2024-gwr-fields-in-spans-inside-the-content.html": ("nantong-2024-gwr.txt", "南通市", "王建华"),
    "changzhou-2024-gwr-publication-line-over-the-date-line.html": ("changzhou-2024-gwr.txt", "常州市", "陈建国"),
}


def _read_file(name: str) -> NormalizedDocument:
    return normalize_raw(decode_report((TITLE_PAGES / name).read_bytes(), name))


@pytest.mark.parametrize("page", _TITLE_PAGE_LAYOUTS)
def test_a_portal_page_reads_to_the_body_and_metadata_of_the_text_copy_of_its_report(page: str) -> None:
    text_copy, region, speaker = _TITLE_PAGE_LAYOUTS[page]
    html, text = _read_file(page), _read_file(text_copy)
    assert html.blocks == text.blocks
    assert replace(html.metadata, source=None) == replace(text.metadata, source=None)
    assert (html.metadata.region, html.metadata.speaker, html.metadata.date[:4]) == (region, speaker, "2024")
    assert len(html.metadata.date) == len("2024-01-14") and html.metadata.meeting.startswith(region)


@pytest.mark.parametrize("page", _TITLE_PAGE_LAYOUTS)
def test_the_portal_lines_between_the_title_and_the_text_stay_out_of_the_report(page: str) -> None:
    body = "\n".join(_texts(_read_file(page)))
    assert not any(word in body for word in ("发布", "来源", "字号", "字体", "打印", "关闭", "浏览"))


def test_a_date_alone_between_the_title_and_the_text_is_the_portals_not_the_reports() -> None:
    """A bare `2024年1月29日` over an article is the day the portal published it; the report's date
    line stands in brackets, or beside its occasion line."""
    page = (TITLE_PAGES / "anhui-2024-gwr-subtitle-and-byline-over-the-content.html").read_text(encoding="utf-8")
    page = page.replace('<p class="subtitle">——2024年1月23日在安徽省第十四届人民代表大会第二次会议上</p>', "")
    published = _normalize(page.replace('<div class="author">', '<div class="time">2024年1月29日</div><div class="author">'))
    assert "2024年1月29日" not in _texts(published)
    assert published.metadata.speaker == "李明远"
    bracketed = _normalize(page.replace('<div class="author">', '<div class="date">（2024年1月23日）</div><div class="author">'))
    assert bracketed.metadata.date == "2024-01-23"


def test_the_portal_line_under_the_title_page_lines_inside_the_article_block_is_dropped() -> None:
    """A short report's page, where the article's block holds its title, occasion line, byline and
    the portal's line over the text: the portal's line goes, as it does right under a title."""
    page = (TITLE_PAGES / "anhui-2024-gwr-subtitle-and-byline-over-the-content.html").read_text(encoding="utf-8")
    content = page[page.index('<div class="wzcon j-fontContent">') : page.index('<div class="share">')]
    inner = content.removeprefix('<div class="wzcon j-fontContent">').strip().removesuffix("</div>")
    document = _normalize(page.replace(content, inner))
    assert not any("发布时间" in text for text in _texts(document))
    assert document.blocks == _read_file("anhui-2024-gwr.txt").blocks
