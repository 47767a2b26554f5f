"""Title pages without the lines the title usually stands over, and outlines without a title.

The texts are written here from what such reports print (a title line straight over 各位代表：,
simplified or traditional; a five-year outline with no approval line; a district outline whose
extract lost its title), and every expected value is read from that text, never from corpusdiff.
"""

from __future__ import annotations

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import NormalizedDocument, Paragraph

BODY = "\n\n各位代表：\n\n{opening}\n\n一、2023年工作回顾\n\n过去一年，经济运行稳中向好。\n"
STATE_COUNCIL = "受国务院委托，现将计划草案提请大会审议。"
PROVINCE = "现在，我代表省人民政府，向大会报告工作，请予审议。"


def _normalize(text: str) -> NormalizedDocument:
    return normalize_raw(decode_report(text.encode("utf-8"), "page.txt"))


@pytest.mark.parametrize(
    ("title", "opening", "genre", "region", "period"),
    [
        # the body reviews 2023 (一、2023年工作回顾): the report of 2024
        ("政府工作报告", PROVINCE, "government-work-report", "", "2024"),
        ("政府工作報告", PROVINCE, "government-work-report", "", "2024"),
        ("关于2024年国民经济和社会发展计划的报告", STATE_COUNCIL, "annual-plan", "全国", "2024"),
        ("關於2024年國民經濟和社會發展計劃的報告", STATE_COUNCIL, "annual-plan", "全国", "2024"),
        ("关于一九五八年度国民经济计划的报告", STATE_COUNCIL, "annual-plan", "全国", "1958"),
        ("關於一九五八年度國民經濟計劃的報告", STATE_COUNCIL, "annual-plan", "全国", "1958"),
        ("关于湖南省2024年国民经济和社会发展计划的报告", PROVINCE, "annual-plan", "湖南省", "2024"),
    ],
)
def test_a_title_straight_over_the_salutation_is_the_title(
    title: str, opening: str, genre: str, region: str, period: str
) -> None:
    document = _normalize(title + BODY.format(opening=opening))
    metadata = document.metadata
    assert (metadata.title, metadata.genre) == (title, genre)
    assert metadata.region == region or (not region and metadata.level == "provincial")
    assert metadata.period == period
    first = document.blocks[0]
    assert isinstance(first, Paragraph) and first.text == "各位代表："
    assert not any("no title line" in w for w in document.warnings)


def test_a_hard_wrapped_title_over_the_salutation_is_not_glued_to_it() -> None:
    text = "关于2024年国民经济和社会发展计划的报告\n各位代表：\n受国务院委托，现将计划草案提请大会审议。\n"
    document = _normalize(text)
    assert document.metadata.title == "关于2024年国民经济和社会发展计划的报告"
    assert [b.text for b in document.blocks[:2]] == ["各位代表：", STATE_COUNCIL]


OUTLINE = "{title}\n\n第一篇　开启新征程\n\n第一章　发展基础\n\n“十三五”时期，经济持续健康发展。\n"


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("杭州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "杭州市"),
        ("广东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要", "广东省"),
        ("成都市国民经济和社会发展第十五个五年规划纲要", "成都市"),
    ],
)
def test_an_outline_without_an_approval_line_is_never_dated_by_its_vision_year(title: str, region: str) -> None:
    metadata = _normalize(OUTLINE.format(title=title)).metadata
    start = "2026" if "十五个五年" in title else "2021"
    assert metadata.region == region
    assert metadata.genre == "five-year-plan"
    assert metadata.period.startswith(start)
    assert metadata.date in ("", start)
    assert "2035" not in metadata.date


UNTITLED_OUTLINE = """\
三十年来，宝安奋发有为，取得了辉煌成就。过去五年，宝安沿着“十三五”规划蓝图，顺利完成规划主要目标任务，为“十四五”开好局打下坚实基础。

第一篇　开启新征程

第一章　发展环境

“十四五”时期，宝安将深度融入新发展格局。未来五年，宝安将奋勇前行。

表1　宝安区“十四五”经济社会发展主要指标

第二章　总体要求

专栏1　宝安区“十四五”时期交通建设重大项目

到2025年，全区经济实力显著增强。展望2035年，宝安将率先实现社会主义现代化。

专栏2　宝安区“十四五”时期教育重大工程
"""


def test_an_untitled_outline_is_read_from_its_text() -> None:
    document = _normalize(UNTITLED_OUTLINE)
    metadata = document.metadata
    assert (metadata.region, metadata.level) == ("宝安区", "district")
    assert metadata.genre == "five-year-plan"
    assert metadata.period == "2021-2025"
    assert metadata.date in ("", "2021")
    assert any("no title line" in w for w in document.warnings)


def test_a_report_that_only_mentions_a_plan_is_no_outline() -> None:
    text = "各位代表：\n\n过去一年，我们为“十四五”开好局打下基础。\n\n一、今年的工作\n\n全力推进各项工作。\n"
    assert _normalize(text).metadata.genre != "five-year-plan"


UNTITLED_PLAN_REPORT = """\
一、2021年国民经济和社会发展计划执行情况

全区实现“十四五”良好开局。“十四五”规划确定的重大项目全面启动。

二、2022年国民经济和社会发展计划

坚持“十四五”规划主线，全区地区生产总值增长6%。
"""


def test_an_untitled_report_laid_out_in_numbered_points_is_no_outline() -> None:
    """An outline is laid out in 篇 and 章; a plan report naming its plan three times is not one."""
    assert _normalize(UNTITLED_PLAN_REPORT).metadata.genre != "five-year-plan"


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_the_issuing_body_over_the_title_is_a_cover_line_not_part_of_the_title(gap: str) -> None:
    """A cover that prints the issuer over the title (`湖南省人民政府` / `政府工作报告` /
    `二〇二四年一月`): the title is found, the issuer names the region, and no line of the cover is
    glued to the salutation."""
    cover = gap.join(["湖南省人民政府", "政府工作报告", "二〇二四年一月"])
    document = _normalize(cover + BODY.format(opening=PROVINCE))
    metadata = document.metadata
    assert (metadata.title, metadata.region, metadata.level, metadata.date) == ("政府工作报告", "湖南省", "provincial", "2024-01")
    assert [b.text for b in document.blocks[:2]] == ["二〇二四年一月", "各位代表："]
    assert any("湖南省人民政府" in w for w in document.warnings)  # dropped, and said so


def test_a_report_bylined_by_its_presenting_body_keeps_byline_and_salutation_apart() -> None:
    """A plan report presented by a body, not a person: the body is its byline and its speaker."""
    text = (
        "关于成都市2024年国民经济和社会发展计划执行情况及2025年计划草案的报告\n\n"
        "——2025年1月10日在成都市第十八届人民代表大会第三次会议上\n\n成都市发展和改革委员会\n\n各位代表：\n"
        "受市人民政府委托，现将计划草案提请大会审议。\n一、2024年计划执行情况\n全市经济运行稳中向好。\n"
    )
    document = _normalize(text)
    assert [b.text for b in document.blocks[1:3]] == ["成都市发展和改革委员会", "各位代表："]
    assert (document.metadata.speaker, document.metadata.region) == ("成都市发展和改革委员会", "成都市")


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_byline_with_a_transliterated_name_is_read(gap: str) -> None:
    """Uyghur, Tibetan and Mongolian names are printed with a middle dot between their parts."""
    text = gap.join(
        ["政府工作报告", "——2024年1月20日在新疆维吾尔自治区第十四届人民代表大会第二次会议上", "自治区主席　艾尔肯·吐尼亚孜"]
    )
    document = _normalize(text + BODY.format(opening=PROVINCE))
    assert document.metadata.speaker == "艾尔肯·吐尼亚孜"
    assert "各位代表：" in [b.text for b in document.blocks]


def test_a_date_in_brackets_under_the_title_is_a_date_line() -> None:
    """`政府工作报告` / `（2024年1月22日）` / `广东省省长　王伟中` / `各位代表：`: the title over a date
    printed in brackets, each line a paragraph of its own."""
    text = "政府工作报告\n\n（2024年1月22日）\n\n广东省省长　王伟中" + BODY.format(opening=PROVINCE)
    document = _normalize(text)
    metadata = document.metadata
    assert (metadata.title, metadata.date, metadata.region, metadata.speaker) == (
        "政府工作报告",
        "2024-01-22",
        "广东省",
        "王伟中",
    )
    assert [b.text for b in document.blocks[:3]] == ["（2024年1月22日）", "广东省省长王伟中", "各位代表："]


@pytest.mark.parametrize(
    ("title", "body", "region"),
    [
        ("关于成都市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告", "成都市发展和改革委员会", "成都市"),
        ("政府工作报告", "广东省人民政府", "广东省"),
    ],
)
def test_the_presenting_body_under_the_title_is_a_line_of_its_own(title: str, body: str, region: str) -> None:
    """A title page with no occasion line: the title, then the body that presents the report, then
    `各位代表：`; the body names the region when the title does not."""
    document = _normalize(f"{title}\n\n{body}" + BODY.format(opening=PROVINCE))
    assert (document.metadata.title, document.metadata.region) == (title, region)
    assert [b.text for b in document.blocks[:2]] == [body, "各位代表："]


def test_a_title_set_over_four_lines_is_one_title() -> None:
    """A plan report's long title on a cover, broken wherever the line was full."""
    lines = ["关于广西壮族自治区2023年国民", "经济和社会发展计划执行情况与", "2024年国民经济和社会发展计划", "草案的报告"]
    occasion = "——2024年1月23日在广西壮族自治区第十四届人民代表大会第二次会议上"
    document = _normalize("\n".join(lines) + f"\n\n{occasion}" + BODY.format(opening=PROVINCE))
    assert document.metadata.title == "".join(lines)
    assert (document.metadata.region, document.metadata.genre) == ("广西壮族自治区", "annual-plan")
    assert document.blocks[0].text == occasion


def test_a_report_signed_at_its_end_is_dated_by_its_signature() -> None:
    """No date under the title, the issuing body and the date at the end, as an official
    document is signed: that date, not a year guessed from the text."""
    text = "政府工作报告" + BODY.format(opening=PROVINCE) + "\n广东省人民政府\n\n2024年1月22日\n"
    document = _normalize(text)
    assert document.metadata.date == "2024-01-22"
    assert not any("no date printed" in w for w in document.warnings)
    assert [b.text for b in document.blocks[-2:]] == ["广东省人民政府", "2024年1月22日"]


@pytest.mark.parametrize(
    "subtitle",
    ["一一2024年1月22日在广东省第十四届人民代表大会第二次会议上", "一一二〇二四年一月二十二日在广东省第十四届人民代表大会第二次会议上"],
)
def test_a_subtitle_whose_dash_came_out_as_yiyi_still_follows_the_title(subtitle: str) -> None:
    """Extraction gives the subtitle's `——` as `一一`: the title is found over it all the same."""
    document = _normalize(f"政府工作报告\n\n{subtitle}\n\n广东省省长　王伟中" + BODY.format(opening=PROVINCE))
    metadata = document.metadata
    assert (metadata.title, metadata.region, metadata.speaker) == ("政府工作报告", "广东省", "王伟中")
    assert metadata.meeting == "广东省第十四届人民代表大会第二次会议"
    assert document.blocks[0].text == "——" + subtitle[2:]


def test_a_gazette_dated_by_its_issue_alone_names_its_year() -> None:
    """A city gazette's cover prints `2024年第2期（总第420期）` and no month: the container keeps the year."""
    cover = "杭州市人民政府公报\n2024年第2期（总第420期）\n目　录\n政府工作报告………………………………1\n\n"
    occasion = "——2024年1月18日在杭州市第十四届人民代表大会第四次会议上"
    document = _normalize(f"{cover}政府工作报告\n\n{occasion}" + BODY.format(opening=PROVINCE))
    assert document.metadata.container == "杭州市人民政府公报2024年第2期（总第420期）"


def test_a_portals_date_source_and_font_size_line_under_the_title_is_the_portals_not_the_reports() -> None:
    """A mid-year report copied from its portal page: the page's line of date, source, view count
    and font size (`字号：[ 大 中 小 ]`) is no publication line of the narrow kind, so it ran into
    the title, and in the body took the occasion line, byline and salutation into one paragraph; then
    it stood as a paragraph of its own, which the page read as HTML does not have (brief Q1.2)."""
    document = _normalize(
        "关于杭州市2024年上半年国民经济和社会发展计划执行情况的报告\n"
        "发布日期：2024-08-28 来源：市发改委 浏览次数：2351 字号：[ 大 中 小 ]\n"
        "——2024年8月27日在杭州市第十四届人民代表大会常务委员会第二十次会议上\n"
        "杭州市发展和改革委员会主任　陈新华\n"
        "主任、各位副主任、秘书长、各位委员：\n"
        "受市人民政府委托，现将杭州市2024年上半年国民经济和社会发展计划执行情况报告如下，请予审议。\n"
        "一、上半年计划执行情况\n"
        "今年以来，全市经济运行总体平稳、稳中有进。\n"
    )
    assert document.metadata.title == "关于杭州市2024年上半年国民经济和社会发展计划执行情况的报告"
    assert (document.metadata.speaker, document.metadata.date) == ("陈新华", "2024-08-27")
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == [  # the page's line goes, as the HTML reader drops it from the page
        "——2024年8月27日在杭州市第十四届人民代表大会常务委员会第二十次会议上",
        "杭州市发展和改革委员会主任陈新华",
        "主任、各位副主任、秘书长、各位委员：",
    ]


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_a_report_issued_by_a_notice_is_titled_by_the_notice_s_attachment(separator: str) -> None:
    """A plan published as the attachment of the notice issuing it (`关于印发…的通知`): its title is
    followed by a paragraph, no date or heading, so no title was found, the notice's lines ran
    into one paragraph and the plan's title into the text under it. The line the notice names is
    the title, and the notice before it is passed over as the 公文's wrapper."""
    lines = [
        "杭州市人民政府文件",
        "杭政〔2024〕5号",
        "杭州市人民政府关于印发杭州市2024年国民经济和社会发展计划的通知",
        "各区、县（市）人民政府，市政府各部门、各直属单位：",
        "现将《杭州市2024年国民经济和社会发展计划》印发给你们，请认真贯彻执行。",
        "杭州市人民政府",
        "2024年2月1日",
        "（此件公开发布）",
        "杭州市2024年国民经济和社会发展计划",
        "2024年是实现“十四五”规划目标任务的关键一年。",
        "一、2024年经济社会发展的主要目标",
        "全市地区生产总值增长5.5%左右。",
    ]
    document = _normalize(separator.join(lines) + "\n")
    metadata = document.metadata
    assert (metadata.title, metadata.genre, metadata.date) == ("杭州市2024年国民经济和社会发展计划", "annual-plan", "2024-02-01")
    assert document.blocks[0] == Paragraph("2024年是实现“十四五”规划目标任务的关键一年。")
    assert any("dropped 8 lines before the title" in warning for warning in document.warnings)


XINHUA_TITLE_PAGE = ("政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "国务院总理　李强")


@pytest.mark.parametrize(
    "title_page",
    [
        ["新华社北京3月12日电", *XINHUA_TITLE_PAGE],
        [*XINHUA_TITLE_PAGE, "新华社北京3月12日电"],
        [f"新华社北京3月12日电　{XINHUA_TITLE_PAGE[0]}", *XINHUA_TITLE_PAGE[1:]],
    ],
    ids=["over the title", "under the byline", "on the title's line"],
)
def test_a_news_agency_s_dateline_is_no_line_of_the_report(title_page: list[str]) -> None:
    """Xinhua releases a report under its dateline (`新华社北京3月12日电`), which a copy keeps
    over the title, under the byline or before the title on its line. It is the agency's, not the
    report's: over the title it hid the title page (the dateline, title, subtitle and byline were
    read as one paragraph), under the byline it ran into the salutation, on the title's line it
    was the title's (helper V1)."""
    lines = title_page
    document = _normalize("\n\n".join(lines) + BODY.format(opening=STATE_COUNCIL))
    assert (document.metadata.title, document.metadata.speaker, document.metadata.delivered) == (
        "政府工作报告",
        "李强",
        "2024-03-05",
    )
    texts = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert texts[texts.index("各位代表：") + 1] == STATE_COUNCIL
    assert not any("新华社" in text for text in texts)
