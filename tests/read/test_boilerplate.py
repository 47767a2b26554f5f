"""Trailing site boilerplate: a licence or footer block, and the editor, source and print lines a
portal or WeChat article prints under the text, cut from what the normaliser reads."""

from __future__ import annotations

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.boilerplate import split_trailing_boilerplate
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Paragraph

#: A report whose last paragraph ends without `。` (a note under a table, as the mid-year plan prints it).
LAST = "注：表中2023年上半年数据以统计部门发布为准"
REPORT = (
    "各位代表：\n\n现在，我代表区人民政府，向大会报告上半年国民经济和社会发展计划执行情况，请予审议。\n\n"
    "一、上半年计划执行情况\n\n上半年，全区经济运行稳中向好，地区生产总值增长6.2%，固定资产投资增长10.3%，"
    "社会消费品零售总额增长8.1%，进出口总额增长5.5%，主要指标好于预期。\n\n" + LAST + "\n"
)
PORTAL_TAILS = {
    "xinhuanet": "\n【纠错】 【责任编辑:王莉 】\n",
    "people.com.cn": "\n(责任编辑：杨光宇、岳弘彬)\n",
    "WeChat": "\n来源：福田区发展和改革局\n\n编辑：李明　审核：张华\n",
    "older portal": "\n【打印本页】【关闭窗口】\n\n责任编辑：张三\n",
    "with a footer": "\n打印本页　关闭窗口\n\n版权所有：深圳市福田区人民政府 粤ICP备15052288号\n",
    "WeChat credits": "\nEND\n\n文字 | 福田区发展和改革局\n\n编辑 | 李明\n\n审核 | 张华\n",
    "saved as text": "\n分享到： 微信 微博 QQ空间\n【打印本页】【关闭窗口】\n上一篇：2023年政府工作报告\n"
    "下一篇：关于福田区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n扫一扫在手机打开当前页\n",
    # a browser's copy of a province's page (helper M3): the related articles' titles under their
    # header kept the print links and the header over them in the report's last paragraphs
    "related articles": "\n【打印本页】【关闭窗口】\n分享到：微信 微博\n相关文章\n政府工作报告解读\n"
    "一图读懂2024年政府工作报告\n\n主办：江西省人民政府办公厅\n版权所有　赣ICP备05001234号\n",
    # fields a page sets in <span>s side by side, nothing between them in its source: one glued line
    "fields in spans": "\n责任编辑：王莉审核：张华来源：福田区发展和改革局分享到：微信微博\n",
    # the last page of an article split into pages, copied: its pager, gov.cn's `| 分享`
    "pager": "\n上一页 1 2 3\n【打印本页】【关闭窗口】\n打印| 分享\n",
    "people.com.cn copied": "\n(责任编辑：杨光宇、岳弘彬)\n分享让更多人看到\n",
}


@pytest.mark.parametrize("shape", PORTAL_TAILS)
def test_editor_source_and_print_lines_under_the_text_are_cut_not_glued_to_the_last_paragraph(shape: str) -> None:
    text, block = split_trailing_boilerplate(REPORT + PORTAL_TAILS[shape])
    assert (text, block.strip()) == (REPORT, PORTAL_TAILS[shape].strip())
    document = normalize_raw(decode_report((REPORT + PORTAL_TAILS[shape]).encode(), "page.txt"))
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)][-1] == LAST
    assert any("dropped a site licence or footer block" in warning for warning in document.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "资料来源：深圳市福田区统计局",
        "来源：国家统计局。全年地区生产总值增长5%。",
        "作者：我们要坚定信心，迎难而上，奋力谱写新篇章",
        "编辑出版高质量的年鉴和地方志，关闭一批落后产能企业",
        "上一篇：我们回顾了过去五年的工作。",
        "相关文章\n我们要坚定信心，迎难而上，奋力谱写新篇章。",  # a title ends no sentence
    ],
)
def test_a_last_line_of_report_text_that_opens_like_an_editor_line_is_kept(line: str) -> None:
    assert split_trailing_boilerplate(REPORT + line + "\n") == (REPORT + line + "\n", "")


@pytest.mark.parametrize(
    ("line", "portal"),
    [
        ("2024年03月13日08:21 | 来源：人民网－人民日报", True),  # people.com.cn: a date with its time
        ("2024-03-12 19:09 来源：新华社 小字号", True),
        ("发布时间：2024-01-25 来源：某市人民政府 字号：A+ A A-", True),  # a font-size widget in letters
        ("字体：A＋ A A－ 打印 关闭", True),
        ("新华社北京3月12日电", True),  # a news agency's dateline over a report it releases
        ("新华社北京3月12日电（记者王某）", True),
        ("APEC会议在北京举行", False),
        ("新华社北京3月12日电，国务院总理在会上作报告。", False),  # a sentence of a news story
        ("2024年1月20日", False),  # a date alone is the report's date line
        ("（2024年1月20日）", False),
    ],
)
def test_a_page_s_publication_time_is_the_portal_s_a_date_alone_is_not(line: str, portal: bool) -> None:
    from corpusdiff.read.boilerplate import is_portal_line

    assert is_portal_line(line) is portal


@pytest.mark.parametrize(
    ("line", "pager"),
    [
        ("上一页 1 2 3 下一页", True),
        ("首页 上一页 1 2 3 下一页 尾页", True),
        ("共3页 第2页", True),
        ("1 2 3 下一页", True),
        ("1 2 3", False),  # numbers alone: a table's row, a page number
        ("上一页：2023年政府工作报告", False),  # the link to the article before: no pager
        ("上一页" + "1" * 5000 + "x", False),
    ],
)
def test_a_pager_line_is_told_by_its_links_to_other_pages(line: str, pager: bool) -> None:
    from corpusdiff.read.boilerplate import is_pager_line

    assert is_pager_line(line) is pager


def test_a_long_line_that_is_almost_a_portal_line_is_told_apart_at_once() -> None:
    import time

    from corpusdiff.read.boilerplate import is_portal_line

    start = time.process_time()  # CPU time: a loaded machine (tests run in parallel) does not stretch it
    assert not is_portal_line("来源：a " * 3000 + "。")
    assert not is_portal_line("发布时间：2016-03-18 09:30 " * 2000 + "全年增长。")
    assert time.process_time() - start < 1
    assert is_portal_line("来源：某某市发展和改革局　　发布时间：2016-03-18 09:30　　浏览次数：1234")


#: A 公文's 版记 and 附注 as a notice issuing a plan prints them under the plan (GB/T 9704).
RECORD_TAILS = {
    "版记": "\n抄送：区委各部门，区人大常委会办公室，区政协办公室。\n深圳市福田区人民政府办公室 2022年1月26日印发\n",
    "附注 and 版记": "\n（此件公开发布）\n\n抄送：市发展改革委。\n\n福田区人民政府办公室　　2022年1月26日印发\n",
    "附注 and print run": "\n（此件主动公开）\n（共印30份）\n",
}


@pytest.mark.parametrize("shape", RECORD_TAILS)
def test_a_gongwen_distribution_record_under_the_text_is_cut_not_glued_to_the_last_paragraph(shape: str) -> None:
    text, block = split_trailing_boilerplate(REPORT + RECORD_TAILS[shape])
    assert (text, block.strip()) == (REPORT, RECORD_TAILS[shape].strip())
    document = normalize_raw(decode_report((REPORT + RECORD_TAILS[shape]).encode(), "plan.txt"))
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)][-1] == LAST
    assert any("dropped a 公文's 版记" in warning for warning in document.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "抄送制度要落实到位，全年印发文件减少20%。",
        "区政府办公室要在2022年1月26日前印发实施方案，确保落实。",
        "（此件工作要在年底前完成，确保各项任务落到实处。）",
    ],
)
def test_a_last_line_of_report_text_that_opens_like_a_record_line_is_kept(line: str) -> None:
    assert split_trailing_boilerplate(REPORT + line + "\n") == (REPORT + line + "\n", "")


def test_the_warning_quotes_a_block_s_cells_as_words_not_tabs() -> None:
    from corpusdiff.read.boilerplate import describe

    assert describe("抄送：市发展改革委。\n福田区人民政府办公室\t2022年1月26日印发\n", 60) == (
        "抄送：市发展改革委。福田区人民政府办公室 2022年1月26日印发"
    )
