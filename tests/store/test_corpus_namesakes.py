"""Two districts of one name in two cities (鼓楼区 of 南京市 and of 福州市) share a slug, since a
region's slug is its own name; when their meetings name the two cities, ingest (as a library
caller meets it) gives the second a series and ids of its own and says so. The texts are
written here from what district reports print."""

from __future__ import annotations

from pathlib import Path

from corpusdiff.store.corpus import read_document
from corpusdiff.store.ingest import ingest

#: A 鼓楼区 work report's opening, of a city the meeting names (`city` may be "").
GULOU_REPORT = """政府工作报告

——{date}在{city}鼓楼区第十九届人民代表大会第三次会议上

区长　{speaker}

各位代表：

现在，我代表区人民政府，向大会报告政府工作，请予审议。

一、2023年工作回顾

{review}
"""


def _write(folder: Path, file: str, **fields: str) -> Path:
    path = folder / file
    path.write_text(GULOU_REPORT.format(**fields), encoding="utf-8")
    return path


def test_a_district_of_the_same_name_in_another_city_gets_its_own_series(tmp_path: Path) -> None:
    nanjing = _write(
        tmp_path,
        "nanjing.txt",
        date="2024年1月9日",
        city="南京市",
        speaker="陈某",
        review="过去一年，全区软件和信息服务业营业收入增长12%。",
    )
    fuzhou = _write(
        tmp_path,
        "fuzhou.txt",
        date="2024年1月10日",
        city="福州市",
        speaker="林某",
        review="过去一年，三坊七巷历史文化街区保护利用取得新进展。",
    )
    first, second = ingest(tmp_path / "corpus", [nanjing, fuzhou])
    assert (first.id, second.id) == (
        "gulou/government-work-report/2024-01-09",
        "fuzhou-gulou/government-work-report/2024-01-10",
    )
    assert [read_document(tmp_path / "corpus", r.id).metadata.series for r in (first, second)] == [
        "gulou-gwr",
        "fuzhou-gulou-gwr",
    ]
    assert not any("two governments" in w for w in first.warnings)
    assert [w for w in second.warnings if "two governments" in w] == [
        "this report is 福州市鼓楼区's, but gulou/government-work-report/2024-01-09 is 南京市鼓楼区's under the "
        "same name (gulou): two governments, so this one has a series of its own, fuzhou-gulou-gwr, and its ids "
        "start fuzhou-gulou/; to choose its series, set `series:` under fuzhou.txt in manifest.yaml and ingest "
        "it again (its id stays)"
    ]


def test_two_editions_of_one_district_are_no_namesakes(tmp_path: Path) -> None:
    """The same city named, or none: one government's series, nothing to say."""
    editions = [
        _write(
            tmp_path,
            "2024.txt",
            date="2024年1月9日",
            city="南京市",
            speaker="陈某",
            review="过去一年，全区经济稳中向好。",
        ),
        _write(
            tmp_path,
            "2025.txt",
            date="2025年1月8日",
            city="南京市",
            speaker="陈某",
            review="过去一年，全区消费品零售总额增长5%。",
        ),
        _write(
            tmp_path,
            "2026.txt",
            date="2026年1月8日",
            city="",
            speaker="陈某",
            review="过去一年，全区新增市场主体两万户。",
        ),
    ]
    results = ingest(tmp_path / "corpus", editions)
    assert not any("two governments" in w for result in results for w in result.warnings)


def test_a_district_and_a_city_of_one_stem_are_two_series(tmp_path: Path) -> None:
    """朝阳区 (of 北京市) and 朝阳市 (of 辽宁省) are both `chaoyang`: the city, second, keeps its
    suffix (`chaoyang-shi`), as 吉林市 does beside 吉林省."""
    district = tmp_path / "district.txt"
    district.write_text(
        GULOU_REPORT.format(date="2024年1月5日", city="北京市", speaker="文某", review="过去一年，全区经济稳中向好。")
        .replace("鼓楼区", "朝阳区"),
        encoding="utf-8",
    )
    city = tmp_path / "city.txt"
    city.write_text(
        GULOU_REPORT.format(date="2024年1月8日", city="", speaker="李某", review="过去一年，全市粮食产量再创新高。")
        .replace("鼓楼区", "朝阳市")
        .replace("区长", "市长"),
        encoding="utf-8",
    )
    first, second = ingest(tmp_path / "corpus", [district, city])
    assert (first.id, second.id) == (
        "chaoyang/government-work-report/2024-01-05",
        "chaoyang-shi/government-work-report/2024-01-08",
    )
    assert read_document(tmp_path / "corpus", second.id).metadata.series == "chaoyang-shi-gwr"
    assert any("two governments, so this one has a series of its own, chaoyang-shi-gwr" in w for w in second.warnings)


def test_namesakes_nothing_else_tells_apart_are_numbered(tmp_path: Path) -> None:
    """潮阳区 and 朝阳区 read alike to the tone (chao2yang) and name no city: the second is
    `chaoyang-2`, still a series of its own."""
    reports = []
    for name, district in (("chaoyang-shantou.txt", "潮阳区"), ("chaoyang-beijing.txt", "朝阳区")):
        path = tmp_path / name
        path.write_text(
            GULOU_REPORT.format(date="2024年1月9日", city="", speaker="陈某", review="过去一年，全区经济稳中向好。")
            .replace("鼓楼区", district),
            encoding="utf-8",
        )
        reports.append(path)
    first, second = ingest(tmp_path / "corpus", reports)
    assert (first.id, second.id) == (
        "chaoyang/government-work-report/2024-01-09",
        "chaoyang-2/government-work-report/2024-01-09",
    )
    assert read_document(tmp_path / "corpus", second.id).metadata.series == "chaoyang-2-gwr"
