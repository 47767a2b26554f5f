"""Front matter detected from the seeds and from synthetic title pages of every other kind of
report (values read off the reports by hand, or written from what the genre prints)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.errors import InputError
from corpusdiff.normalize.dating import npc_session_year, report_year, session_year, with_arabic_years
from corpusdiff.normalize.entry import normalize_file, normalize_raw
from corpusdiff.normalize.metadata import default_series, detect_genre, detect_period, find_title, report_name
from corpusdiff.normalize.regions import Region, region_of_name, region_of_scope, region_slug
from corpusdiff.read.decode import decode_report
from corpusdiff.store.files import read_yaml
from corpusdiff.store.ingest import proposed_id
from corpusdiff.text.occasion import Occasion, read_occasion
from corpusdiff.types.document import Level, Metadata, NormalizedDocument
from tests.traditional import traditional_copy

EXPECTED = {
    "futian-2022-01-plan-report": dict(
        title="福田区2021年国民经济和社会发展计划执行情况与2022年计划",
        region="福田区",
        genre="annual-plan",
        period="2022",
        date="2022-01",
        series="futian-plan",
    ),
    "futian-2025-01-plan-report": dict(
        title="福田区2024年国民经济和社会发展计划执行情况与2025年计划（草案）报告",
        genre="annual-plan",
        period="2025",
        date="2025-01",
        series="futian-plan",
    ),
    "futian-2023-10-mid-year-plan-report": dict(
        genre="mid-year-report", period="2023", date="2023-10", series="futian-plan"
    ),
    "futian-2022-01-government-work-report": dict(
        title="政府工作报告",
        region="福田区",
        genre="government-work-report",
        period="2022",
        speaker="周江涛",
        meeting="福田区第八届人民代表大会第二次会议",
        delivered="2022-01-21",
        container="深圳市福田区人民政府公报2022年第1期（总第121期）",
    ),
    "futian-2021-14th-five-year-plan-outline": dict(
        genre="five-year-plan", period="2021-2025", region="福田区", date="2021"
    ),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_detected_metadata(stem: str, seed_documents: dict[str, NormalizedDocument]) -> None:
    metadata = seed_documents[stem].metadata
    assert {key: getattr(metadata, key) for key in EXPECTED[stem]} == EXPECTED[stem]


def test_gazette_wrapper_is_dropped_with_a_warning(seed_documents: dict[str, NormalizedDocument]) -> None:
    document = seed_documents["futian-2022-01-government-work-report"]
    assert any("before the title" in w for w in document.warnings)
    texts = [getattr(b, "text", "") for b in document.blocks]
    assert not any("简介" in t or "目录" in t.replace(" ", "") for t in texts)


def test_missing_five_year_plan_headings_are_warned_not_invented(
    seed_documents: dict[str, NormalizedDocument],
) -> None:
    warning = " ".join(seed_documents["futian-2021-14th-five-year-plan-outline"].warnings)
    assert "第二篇" in warning and "第三章" in warning and "invented" in warning


@pytest.mark.parametrize(("chapters", "lost"), [((1, 2, 3, 4), []), ((1, 2, 1, 2), []), ((1, 2, 4, 5), ["第四章"])])
def test_chapters_may_run_on_through_the_parts_of_an_outline(chapters: tuple[int, ...], lost: list[str]) -> None:
    """A five-year outline numbers its 章 on through every 篇 (湖南 第二篇 opens with 第三章), others
    start them again; neither is a gap, a chapter missing either way is."""
    numerals = "零一二三四五六"
    lines = ["湖南省国民经济和社会发展第十四个五年规划纲要", "（2021年1月29日湖南省第十三届人民代表大会第五次会议批准）"]
    for part, pair in enumerate((chapters[:2], chapters[2:]), start=1):
        lines.append(f"第{numerals[part]}篇　坚持创新发展")
        for n in pair:
            lines += [f"第{numerals[n]}章　发展环境", "“十四五”时期，全省经济持续健康发展。"]
    document = normalize_raw(decode_report("\n\n".join(lines).encode("utf-8"), "outline.txt"))
    warnings = [w for w in document.warnings if "numbering skips" in w]
    assert [w for w in lost if any(w in x for x in warnings)] == lost
    assert bool(warnings) == bool(lost)


# --- every common kind of report: synthetic title pages (tests/data/metadata/) -------------

FIXTURES = Path(__file__).parent.parent / "data" / "metadata"
FIXTURE_EXPECTED: dict[str, dict[str, str]] = read_yaml(FIXTURES / "expected.yaml")


@pytest.mark.parametrize("name", sorted(FIXTURE_EXPECTED))
def test_metadata_of_every_kind_of_report(name: str) -> None:
    metadata = normalize_file(FIXTURES / name).metadata
    expected = {key: str(value) for key, value in FIXTURE_EXPECTED[name].items()}
    got = {key: proposed_id(metadata) if key == "id" else getattr(metadata, key) for key in expected}
    assert got == expected


def test_the_fixtures_cover_every_level_and_genre() -> None:
    levels = {entry["level"] for entry in FIXTURE_EXPECTED.values() if "level" in entry}
    genres = {entry["genre"] for entry in FIXTURE_EXPECTED.values()}
    assert levels == set(Level)
    assert genres >= {"government-work-report", "annual-plan", "mid-year-report", "five-year-plan"}


def test_a_manifest_still_overrides_what_the_text_says() -> None:
    overrides = {"title": "广东省政府工作报告", "date": "2024-01", "region": "深圳市", "speaker": "某某"}
    metadata = normalize_file(FIXTURES / "guangdong-2024-gwr.txt", overrides).metadata
    assert (metadata.title, metadata.date, metadata.speaker) == ("广东省政府工作报告", "2024-01", "某某")
    # an overridden region brings its own level, and the series follows it
    assert (metadata.region, metadata.level, metadata.series) == ("深圳市", "city", "shenzhen-gwr")
    assert normalize_file(FIXTURES / "guangdong-2024-gwr.txt", {"level": "city"}).metadata.level == "city"


def test_a_level_the_vocabulary_lacks_is_refused_with_one_line() -> None:
    with pytest.raises(InputError, match="level 'township' is not one of national, provincial"):
        normalize_file(FIXTURES / "guangdong-2024-gwr.txt", {"level": "township"})


def test_a_report_that_names_no_region_says_so_and_how_to_name_it() -> None:
    text = "政府工作报告\n\n——2024年1月22日在省十四届人大二次会议上\n\n省长　王某\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告政府工作。\n"
    document = normalize_raw(decode_report(text.encode("utf-8"), "gwr.txt"))
    assert (document.metadata.region, document.metadata.level) == ("", "provincial")
    assert document.warnings[-1] == (
        "no region found: it reads as a provincial report, but neither its title, meeting, byline nor opening "
        "names one, so its id and series say unknown-region; set it with --region or in the corpus manifest"
    )
    named = normalize_raw(decode_report(text.encode("utf-8"), "gwr.txt"), {"region": "广东省"})
    assert not any("no region found" in w for w in named.warnings)


def test_warnings_say_where_an_untitled_report_got_its_title_and_year() -> None:
    warnings = normalize_file(FIXTURES / "untitled-province-gwr.txt").warnings
    assert "no title line found; titled “政府工作报告” as the report's opening names it" in warnings[0]
    assert "dated 2024 from the text (“一、2023年工作回顾”)" in warnings[1]


# --- the pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            ["——2022年3月5日在第十三届全国人民代表大会第五次会议上", "国务院总理李克强各位代表："],
            Occasion("2022-03-05", "第十三届全国人民代表大会第五次会议", True, "李克强", "国务院总理"),
        ),
        (  # undashed, glued to byline and salutation (1957)
            ["1957年6月26日在第一届全国人民代表大会第四次会议上周恩来各位代表："],
            Occasion("1957-06-26", "第一届全国人民代表大会第四次会议", True, "周恩来"),
        ),
        (
            ["一九五四年九月二十三日在第一届全国人民代表大会第一次会议上", "周恩来", "各位代表："],
            Occasion("1954-09-23", "第一届全国人民代表大会第一次会议", True, "周恩来"),
        ),
        (
            ["（2021年3月11日第十三届全国人民代表大会第四次会议通过）"],
            Occasion("2021-03-11", "第十三届全国人民代表大会第四次会议", False),
        ),
        (["——在区七届人大三次会议上", "各位代表："], Occasion("", "区七届人大三次会议", True)),
        (  # in brackets instead of after a dash, as many provincial and city reports print it
            ["（2024年1月18日在杭州市第十四届人民代表大会第四次会议上）", "杭州市市长　姚高员"],
            Occasion("2024-01-18", "杭州市第十四届人民代表大会第四次会议", True, "姚高员", "杭州市市长"),
        ),
        # the byline over the occasion line
        (
            ["广东省省长　王伟中", "——2024年1月22日在广东省第十四届人民代表大会第二次会议上", "各位代表："],
            Occasion("2024-01-22", "广东省第十四届人民代表大会第二次会议", True, "王伟中", "广东省省长"),
        ),
        # a byline without an occasion line names the speaker, alone or glued to the salutation
        (["国务院总理李克强", "各位代表："], Occasion(speaker="李克强", office="国务院总理")),
        (["广东省省长王伟中各位代表："], Occasion(speaker="王伟中", office="广东省省长")),
        # no occasion line: the body presenting the report under the title is the speaker
        (["南京市发展和改革委员会", "二〇二四年一月十七日", "各位代表："], Occasion(speaker="南京市发展和改革委员会")),
        # an acting mayor or governor (代市长, 代理市长, 代省长) bylines the report too
        (["深圳市人民政府代市长　覃伟中", "各位代表："], Occasion(speaker="覃伟中", office="深圳市人民政府代市长")),
        (["广东省代理省长王伟中各位代表："], Occasion(speaker="王伟中", office="广东省代理省长")),
        # an unpunctuated run longer than any byline is text, whatever it ends with, and so is
        # a short one whose office names no seat
        (["我们要认真落实党中央国务院的各项决策部署全力支持区长张三"], Occasion()),
        (["认真听取市长意见", "各位代表："], Occasion()),
        # a vice-mayor reads the report for the mayor, and the byline says so
        (
            ["——2024年1月20日在合肥市第十七届人民代表大会第四次会议上", "合肥市人民政府副市长张红（受市长委托）"],
            Occasion("2024-01-20", "合肥市第十七届人民代表大会第四次会议", True, "张红", "合肥市人民政府副市长"),
        ),
        (["合肥市人民政府副市长张红（受市长委托）各位代表："], Occasion(speaker="张红", office="合肥市人民政府副市长")),
        # a 地区's head is its commissioner (专员), named by the 行政公署 he heads
        (["喀什地区行政公署专员买买提·吐尔逊各位代表："], Occasion(speaker="买买提·吐尔逊", office="喀什地区行政公署专员")),
    ],
)
def test_occasion_line_and_byline(front: list[str], expected: Occasion) -> None:
    assert read_occasion(front) == expected


@pytest.mark.parametrize(
    ("name", "region", "level"),
    [
        ("福田区2021年国民经济和社会发展计划执行情况与2022年计划", "福田区", Level.DISTRICT),
        ("深圳市福田区国民经济和社会发展第十四个五年规划", "福田区", Level.DISTRICT),
        ("关于广东省2023年国民经济和社会发展计划执行情况", "广东省", Level.PROVINCIAL),
        ("2024年深圳市政府工作报告", "深圳市", Level.CITY),
        ("上海市第十六届人民代表大会第二次会议", "上海市", Level.PROVINCIAL),
        ("苏州市昆山市第十八届人民代表大会", "昆山市", Level.COUNTY),
        # a county-level city named alone is still a county (text/data/county-level-cities.txt)
        ("昆山市第十八届人民代表大会第三次会议", "昆山市", Level.COUNTY),
        ("晉江市2024年政府工作報告", "晉江市", Level.COUNTY),
        ("2024年吉林市政府工作报告", "吉林市", Level.CITY),
        ("延边朝鲜族自治州2024年政府工作报告", "延边朝鲜族自治州", Level.CITY),
        ("内蒙古自治区第十四届人民代表大会第二次会议", "内蒙古自治区", Level.PROVINCIAL),
        # a 地区 or 盟 is a prefecture, level with a city, not a district
        ("大兴安岭地区2024年政府工作报告", "大兴安岭地区", Level.CITY),
        ("喀什地区第三届人民代表大会第四次会议", "喀什地区", Level.CITY),
        ("中华人民共和国国民经济和社会发展第十四个五年规划", "全国", Level.NATIONAL),
        ("第十三届全国人民代表大会第五次会议", "全国", Level.NATIONAL),
        ("国务院关于今年以来国民经济和社会发展计划执行情况的报告", "全国", Level.NATIONAL),
        ("区第七届人民代表大会第三次会议", "", Level.DISTRICT),
        # a county of one character, never the scope word 全县
        ("关于单县2023年国民经济和社会发展计划执行情况的报告", "单县", Level.COUNTY),
        ("歙县第十八届人民代表大会第三次会议", "歙县", Level.COUNTY),
        ("山东省单县第十九届人民代表大会", "单县", Level.COUNTY),
        ("全县2024年国民经济和社会发展计划", "", None),
        # the part of the year before the region, and a scope word that is none
        ("关于2024年上半年成都市国民经济和社会发展计划执行情况的报告", "成都市", Level.CITY),
        ("关于2024年1—6月武汉市国民经济和社会发展计划执行情况的报告", "武汉市", Level.CITY),
        ("关于2024年上半年全市国民经济和社会发展计划执行情况的报告", "", None),
        ("关于2024年前三季度全省经济运行情况的报告", "", None),
        ("关于2023年全市和市本级预算执行情况的报告", "", None),
        ("全州县2024年政府工作报告", "全州县", Level.COUNTY),
        ("全椒县第十八届人民代表大会第三次会议", "全椒县", Level.COUNTY),
        # the party committee's proposal for a five-year plan
        ("中共杭州市委关于制定杭州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议", "杭州市", Level.CITY),
        ("中共广东省委关于制定广东省国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议", "广东省", Level.PROVINCIAL),
        ("中共深圳市委关于制定深圳市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议", "深圳市", Level.CITY),
        ("中共深圳市福田区委关于制定福田区国民经济和社会发展第十四个五年规划的建议", "福田区", Level.DISTRICT),
        ("中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议", "全国", Level.NATIONAL),
        ("政府工作报告", "", None),
        (
            "关于加快建设示范区的报告",
            "",
            None,
        ),  # ends in 区, but no region: nothing follows as a region's name does
    ],
)
def test_region_and_level_of_a_name(name: str, region: str, level: Level | None) -> None:
    assert region_of_name(name) == Region(region, level)


@pytest.mark.parametrize(
    ("region", "level", "slug"),
    [
        ("福田区", "district", "futian"),
        ("全国", "national", "national"),
        ("广西壮族自治区", "provincial", "guangxi"),
        ("新疆维吾尔自治区", "provincial", "xinjiang"),
        ("内蒙古自治区", "provincial", "neimenggu"),
        ("恩施土家族苗族自治州", "city", "enshi"),
        # two governments of one name are two series: the county and the city named as a province
        # keep their suffix (C3: 浦东新区 is pudong, not pudongxin)
        ("吉林省", "provincial", "jilin"),
        ("吉林市", "city", "jilin-shi"),
        ("海南藏族自治州", "city", "hainan-zizhizhou"),
        ("长沙市", "city", "changsha"),
        ("长沙县", "county", "changsha-xian"),
        ("浦东新区", "district", "pudong"),
        # a county-level city is `county` under its city (苏州市昆山市), `city` alone: one series
        ("昆山市", "county", "kunshan"),
        ("昆山市", "city", "kunshan"),
        # a unit named by its nationality alone keeps it: never a bare `zizhiqi` shared by all
        ("鄂温克族自治旗", "county", "ewenke-zizhiqi"),
        ("东乡族自治县", "county", "dongxiang-zizhixian"),
        ("长阳土家族自治县", "county", "changyang-zizhixian"),
        # a development zone: its city and the zone's short name (长沙经开区), not its whole name
        ("长沙经济技术开发区", "district", "changsha-jingkaiqu"),
        ("苏州工业园区", "district", "suzhou-gongyeyuanqu"),
        ("成都高新区", "district", "chengdu-gaoxinqu"),
        ("西安高新技术产业开发区", "district", "xian-gaoxinqu"),
        ("广州开发区", "district", "guangzhou-kaifaqu"),
        ("", "", ""),
    ],
)
def test_region_slug(region: str, level: str, slug: str) -> None:
    assert region_slug(region, level) == slug


def test_scope_words_tell_the_level_only_by_a_clear_majority() -> None:
    national = ["全国各族人民团结奋斗，全国经济稳定增长。"] * 3 + ["全国人民代表大会和全市人民…"]
    assert region_of_scope(national) == Region("全国", Level.NATIONAL)
    assert region_of_scope(["全市经济增长，全区协调发展。"] * 5) == Region()
    assert region_of_scope(["全国人民代表大会"] * 9) == Region()


@pytest.mark.parametrize(
    ("congress", "session", "year"),
    [
        (1, 1, 1954),
        (1, 5, 1958),
        (2, 3, 1962),
        (3, 1, 1964),
        (4, 1, 1975),
        (5, 4, 1981),
        (6, 1, 1983),
        (12, 5, 2017),
        (13, 5, 2022),
        (14, 2, 2024),
        (14, 6, None),
        (4, 2, None),
    ],
)
def test_npc_session_years(congress: int, session: int, year: int | None) -> None:
    assert npc_session_year(congress, session) == year


@pytest.mark.parametrize(
    ("meeting", "year"),
    [
        ("第十三届全国人民代表大会第五次会议", 2022),
        ("十四届全国人大二次会议", 2024),
        ("五届人大四次会议", 1981),  # national reports drop 全国
        ("第四届全国人民代表大会", 1975),  # a congress named alone: its first session
        ("第十四届全国人民代表大会常务委员会第三次会议", None),  # the standing committee meets often
        ("市七届人大五次会议", None),  # a local congress: no common calendar
        ("广东省第十四届人民代表大会第二次会议", None),
    ],
)
def test_the_year_of_a_session(meeting: str, year: int | None) -> None:
    assert session_year(meeting) == year


@pytest.mark.parametrize(
    ("paragraph", "year"),
    [
        ("从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开。", 1979),
        ("根据去年举行的十三届全国人大四次会议的决定。", 2022),
        ("第十三届全国人民代表大会第一次会议以来的五年，是极不平凡的五年。", 2023),
        ("第十三届全国人民代表大会期间，我们团结奋斗。", 2023),
        ("刚刚过去的2023年，是全面贯彻党的二十大精神的开局之年。", 2024),
        ("今年十月一日是中华人民共和国成立七十五周年。", 2024),
        ("今年是“十四五”规划的开局之年。", 2021),
        ("今年是实行“七五”计划的头一年。", 1986),
        ("今年是“十五五”规划的收官之年。", 2030),
    ],
)
def test_a_year_from_the_words_of_the_body(paragraph: str, year: int) -> None:
    evidence = report_year([], [paragraph])
    assert evidence is not None and evidence.year == year


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        ("一、2023年工作回顾", 2024),
        ("二、2024年经济社会发展总体要求和政策取向", 2024),
        ("一、2023年国民经济和社会发展计划执行情况", 2024),
        ("一、2023年上半年计划执行情况", 2023),
        ("三、保证1980、1981年计划的完成", 1980),
        ("一、一九五八年的伟大成就", 1959),
    ],
)
def test_a_year_from_a_heading(heading: str, year: int) -> None:
    evidence = report_year([heading], [])
    assert evidence is not None and (evidence.year, evidence.reason) == (year, with_arabic_years(heading))


def test_thin_or_no_evidence_dates_nothing() -> None:
    assert report_year([], ["2024年，我们要持续发力。"]) is None  # one weak hint is not enough
    assert report_year(["一、经济形势"], ["过去一年，经济平稳运行。"]) is None


def test_a_traditional_title_is_found_and_kept_as_printed() -> None:
    lines = ["政府工作報告", "", "一九五四年九月二十三日在第一屆全國人民代表大會第一次會議上"]
    block = find_title(lines)
    assert block is not None and (block.text, block.end) == ("政府工作報告", 1)
    assert detect_genre("政府工作報告") == "government-work-report"
    assert detect_genre("國民經濟和社會發展第十四個五年規劃綱要") == "five-year-plan"


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        (["现在，我代表国务院，向大会报告政府工作，请予审议。"], "政府工作报告"),
        (["现在，我代表中央人民政府作工作報告。"], "政府工作报告"),
        (["我代表国务院，就当前的经济形势，向大会作以下报告，请予审议。"], "政府工作报告"),
        (["现在，我代表省人民政府，向大会报告工作，请予审议。"], "政府工作报告"),
        (
            ["我代表国务院向大会，提出关于一九五八年度国民经济计划（草案）的报告，请予审议。"],
            "关于一九五八年度国民经济计划（草案）的报告",
        ),
        (
            [
                "受国务院委托，现将2023年中央和地方预算执行情况与2024年中央和地方预算草案的报告提请十四届全国人大二次会议审议。"
            ],
            "关于2023年中央和地方预算执行情况与2024年中央和地方预算草案的报告",
        ),
        (["过去一年，全市经济稳中向好。"], ""),
    ],
)
def test_an_untitled_report_is_named_as_its_opening_names_it(opening: list[str], name: str) -> None:
    assert report_name(opening) == name


@pytest.mark.parametrize(
    ("title", "genre", "period"),
    [
        (
            "中共广东省委关于制定广东省国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
            "five-year-plan-proposal",
            "2021-2025",
        ),
        ("中共中央关于制定国民经济和社会发展第十三个五年规划的建议", "five-year-plan-proposal", "2016-2020"),
        ("广东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要", "five-year-plan", "2021-2025"),
    ],
)
def test_a_party_committees_proposal_is_not_the_plan(title: str, genre: str, period: str) -> None:
    """The proposal precedes the outline drafted from it; as one genre they shared a series and
    the proposal was traced and tabled as if it were the plan."""
    assert (detect_genre(title), detect_period(title, genre)) == (genre, period)


EXPLANATION, REVIEW = "five-year-plan-explanation", "five-year-plan-review"


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        # why and how a draft was made, presented with it: not the plan's text
        ("关于《深圳市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（草案）》的说明", EXPLANATION),
        ("关于《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》的说明", EXPLANATION),
        ("关于制定福田区国民经济和社会发展第十四个五年规划建议的说明", EXPLANATION),
        ("关于《广东省国民经济和社会发展第十四个五年规划纲要（草案）》编制情况的说明（书面）", EXPLANATION),
        # how far the plan has got
        ("广东省国民经济和社会发展第十四个五年规划纲要实施中期评估报告", REVIEW),
        ("关于《北京市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》实施情况的中期评估报告", REVIEW),
        ("关于福田区“十三五”规划纲要实施情况的总结评估报告", REVIEW),
        # the plan itself, and the title alone of a congress report about it (its text decides:
        # test_a_report_about_a_plan_that_reviews_the_years_before_is_the_work_report)
        ("关于第一个五年计划的报告", "five-year-plan"),
        ("关于我国国民经济和社会发展第七个五年计划的报告", "five-year-plan"),
        # a work report stays one, whatever plan it names
        ("政府工作报告——开局“十四五”", "government-work-report"),
    ],
)
def test_an_explanation_or_review_of_a_plan_is_not_the_plan(title: str, genre: str) -> None:
    """An explanation or a review read as the plan shared its series: `review` compared the
    outline with the explanation of its draft, and `trace` took a review for the plan."""
    assert detect_genre(title) == genre


def test_explanations_and_reviews_have_series_of_their_own() -> None:
    titles = (
        "广东省国民经济和社会发展第十四个五年规划纲要",
        "关于《广东省国民经济和社会发展第十四个五年规划纲要（草案）》的说明",
        "广东省国民经济和社会发展第十四个五年规划纲要实施中期评估报告",
    )
    metadata = [Metadata(region="广东省", level="provincial", genre=detect_genre(t)) for t in titles]
    assert [default_series(m) for m in metadata] == [
        "guangdong-five-year-plan",
        "guangdong-five-year-plan-explanation",
        "guangdong-five-year-plan-review",
    ]
    assert {detect_period(t, m.genre) for t, m in zip(titles, metadata, strict=True)} == {"2021-2025"}


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("关于南山区2020年国民经济和社会发展计划执行情况与2021年计划草案及“十四五”规划纲要草案的报告", "2021"),
        ("关于2020年国民经济和社会发展计划执行情况与2021年计划草案暨“十四五”规划和2035年远景目标纲要草案的报告", "2021"),
        ("关于宁波市2015年国民经济和社会发展计划执行情况与2016年计划暨“十三五”规划纲要（草案）的报告", "2016"),
        ("关于长兴县国民经济和社会发展第十三个五年规划纲要（草案）和2016年国民经济和社会发展计划草案的报告", "2016"),
        ("关于二〇一〇年国民经济和社会发展计划执行情况与二〇一一年计划草案及“十二五”规划纲要草案的报告", "2011"),
        ("關於寧波市2015年國民經濟和社會發展計劃執行情況與2016年計劃暨“十三五”規劃綱要（草案）的報告", "2016"),
    ],
)
def test_a_years_plan_report_naming_an_outlines_draft_is_the_years_plan_report(title: str, period: str) -> None:
    """A plan bureau lays the year's plan and the outline's draft before the congress in one report:
    it reviews the last year and plans the next, and the outline is tabled as a document of its
    own. Read as a five-year plan, it was dated by the plan's five years, left its plan series and
    was offered to `trace` as the plan."""
    assert (detect_genre(title), detect_period(title, "annual-plan")) == ("annual-plan", period)


#: A report about a five-year plan as a premier gives it to the congress for the government,
#: in the shape of the national 1982 and 1986 reports (synthetic sentences).
PREMIERS_PLAN_REPORT = (
    "各位代表：",
    "现在，我代表国务院，向大会作关于我国国民经济和社会发展第七个五年计划的报告，请审议。",
    "一、“六五”计划执行情况的回顾",
    "五年来，工农业总产值平均每年增长百分之十一。",
    "二、“七五”时期的基本任务",
    "“七五”期间，国民生产总值平均每年增长百分之七点五。今年是实行“七五”计划的头一年。",
    "三、坚持独立自主的和平外交政策",
    "我国将继续奉行独立自主的和平外交政策。",
)


def _metadata(lines: tuple[str, ...]) -> Metadata:
    return normalize_raw(decode_report("\n\n".join(lines).encode("utf-8"), "report.txt")).metadata


def test_a_report_about_a_plan_that_reviews_the_years_before_is_the_work_report() -> None:
    """The premier's report for the government that reviews the last plan's years under a heading
    of its own and sets the new plan's tasks is that session's work report: read as the plan, it
    left the work reports' series (a gap in every national-gwr timeline) and took the outline's
    place in trace."""
    metadata = _metadata(PREMIERS_PLAN_REPORT)
    assert (metadata.genre, metadata.series, metadata.period) == ("government-work-report", "national-gwr", "1986")


def test_a_report_that_lays_a_plan_out_and_reviews_nothing_is_the_plans() -> None:
    """1955's shape: the plan's tasks and questions, no review of the government's work."""
    lines = (
        "各位代表：",
        "我现在代表国务院向本次大会作关于第一个五年计划的报告。",
        "一、国家在过渡时期的总任务",
        "国家在过渡时期的总任务是逐步实现国家的社会主义工业化。",
        "二、第一个五年计划概要",
        "五年内经济建设和文化教育建设的支出总数为七百六十六亿四千万元。",
    )
    metadata = _metadata(lines)
    assert (metadata.genre, metadata.series, metadata.period) == ("five-year-plan", "national-five-year-plan", "1953-1957")


def test_a_plan_bureaus_report_about_a_plan_is_no_work_report() -> None:
    """A plan bureau presents the outline on the government's commission (受…委托), beside the work
    report the head of government gives: it is no work report, whatever it reviews."""
    lines = (
        PREMIERS_PLAN_REPORT[0],
        "受国务院委托，现将关于我国国民经济和社会发展第七个五年计划的报告提请大会审议。",
        *PREMIERS_PLAN_REPORT[2:],
    )
    assert _metadata(lines).genre == "five-year-plan"


def test_a_mid_year_report_naming_how_the_outline_is_carried_out_is_the_mid_year_report() -> None:
    """The half-year's plan is the report's subject; the outline's progress is one part of it."""
    title = "关于2021年上半年国民经济和社会发展计划执行情况及“十四五”规划纲要实施情况的报告"
    assert (detect_genre(title), detect_period(title, "mid-year-report")) == ("mid-year-report", "2021")


def test_a_proposal_has_a_series_of_its_own() -> None:
    proposal = detect_genre("中共广东省委关于制定广东省国民经济和社会发展第十四个五年规划的建议")
    outline = detect_genre("广东省国民经济和社会发展第十四个五年规划纲要")
    series = {default_series(Metadata(region="广东省", level="provincial", genre=g)) for g in (proposal, outline)}
    assert series == {"guangdong-five-year-plan-proposal", "guangdong-five-year-plan"}


def test_a_gazette_copy_in_traditional_characters_reads_as_its_simplified_copy(tmp_path: Path) -> None:
    """A gazette's wrapper (目錄, 公報, 簡介, 總第) is known in traditional characters too: the
    seed's gazette copy converted gets the seed's title, dates, level, region and gazette."""
    seed = Path(__file__).resolve().parents[2] / "seeds" / "futian-2022-01-government-work-report.txt"
    copy = traditional_copy(seed, tmp_path)
    printed, converted = normalize_file(seed).metadata, normalize_file(copy).metadata
    fields = ("genre", "level", "region", "date", "delivered", "period", "series")
    assert [getattr(converted, f) for f in fields] == [getattr(printed, f) for f in fields]
    assert converted.title == "政府工作報告"
    assert converted.container == "深圳市福田區人民政府公報2022年第1期（总第121期）"


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("锡林郭勒盟行政公署工作报告", "government-work-report"),
        ("长沙经济技术开发区管理委员会2024年工作报告", "government-work-report"),
        ("北京市人民委员会工作报告", "government-work-report"),
        ("上海市革命委员会工作报告", "government-work-report"),
        # the congress's standing committee reports on its own work, not the government's
        ("全国人民代表大会常务委员会工作报告", "report"),
    ],
)
def test_a_government_not_named_people_s_government_gives_a_work_report(title: str, genre: str) -> None:
    """A 盟's 行政公署, a zone's 管理委员会, the 1950s 人民委员会 and the 1970s 革命委员会 are the
    government whose work report they give: read as a bare `report`, it had a series of its own."""
    assert detect_genre(title) == genre
