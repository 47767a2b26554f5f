"""Reports from beyond Futian, as a user meets them (tests/elsewhere.py: a province's 政府工作报告
and a city's 计划报告, two editions each, as the portal's page, a Word file, the gazette's PDF and a
careless extract of it): each format reads as the text does, the metadata is found without a
manifest, and the whole job — ingest, list, diff in three formats, review, timeline, indicators,
site build — runs through the command line and tells the changes written into the second edition."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.canonical.markdown import render
from corpusdiff.cli.main import main
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import NormalizedDocument
from tests.conftest import body_of
from tests.elsewhere import FORMATS, REPORTS, source

JIANGXI_2024, JIANGXI_2025 = "jiangxi/government-work-report/2024-01-20", "jiangxi/government-work-report/2025-01-15"
ZHUZHOU_2024, ZHUZHOU_2025 = "zhuzhou/annual-plan/2024-01-09", "zhuzhou/annual-plan/2025-01-08"
#: how each report comes into the corpus of the end-to-end tests: every format once
INGESTED = {
    "jiangxi-2024-gwr": "html",
    "jiangxi-2025-gwr": "docx",
    "zhuzhou-2024-plan": "pdf",
    "zhuzhou-2025-plan": "extract",
}
_CITY_PLAN_TITLE = "关于株洲市{0}年国民经济和社会发展计划执行情况与{1}年国民经济和社会发展计划草案的报告"
#: what each report's title page and text say: level and region, genre, year, date, speaker, meeting
METADATA = {
    "jiangxi-2024-gwr": {
        "title": "政府工作报告", "region": "江西省", "level": "provincial", "genre": "government-work-report",
        "series": "jiangxi-gwr", "period": "2024", "date": "2024-01-20", "speaker": "叶明春",
        "meeting": "江西省第十四届人民代表大会第二次会议", "delivered": "2024-01-20",
    },
    "jiangxi-2025-gwr": {
        "title": "政府工作报告", "region": "江西省", "level": "provincial", "genre": "government-work-report",
        "series": "jiangxi-gwr", "period": "2025", "date": "2025-01-15", "speaker": "叶明春",
        "meeting": "江西省第十四届人民代表大会第三次会议", "delivered": "2025-01-15",
    },
    "zhuzhou-2024-plan": {
        "title": _CITY_PLAN_TITLE.format(2023, 2024), "region": "株洲市", "level": "city", "genre": "annual-plan",
        "series": "zhuzhou-plan", "period": "2024", "date": "2024-01-09", "speaker": "李国华",
        "meeting": "株洲市第十六届人民代表大会第四次会议", "delivered": "2024-01-09",
    },
    "zhuzhou-2025-plan": {
        "title": _CITY_PLAN_TITLE.format(2024, 2025), "region": "株洲市", "level": "city", "genre": "annual-plan",
        "series": "zhuzhou-plan", "period": "2025", "date": "2025-01-08", "speaker": "李国华",
        "meeting": "株洲市第十六届人民代表大会第五次会议", "delivered": "2025-01-08",
    },
}  # fmt: skip


def _read(data: bytes, name: str) -> NormalizedDocument:
    return normalize_raw(decode_report(data, name))


def _from_text(stem: str) -> NormalizedDocument:
    return _read(source(stem).encode(), f"{stem}.txt")


def _metadata(document: NormalizedDocument) -> dict[str, str]:
    return {field: getattr(document.metadata, field) for field in METADATA["jiangxi-2024-gwr"]}


@pytest.mark.parametrize("stem", REPORTS)
def test_the_metadata_is_found_without_a_manifest(stem: str) -> None:
    assert _metadata(_from_text(stem)) == METADATA[stem]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", REPORTS)
def test_every_format_reads_as_the_text_does(stem: str, fmt: str) -> None:
    suffix, make = FORMATS[fmt]
    document = _read(make(stem), stem + suffix)
    assert body_of(render(document)) == body_of(render(_from_text(stem)))
    assert _metadata(document) == METADATA[stem]


def test_the_headings_are_recovered() -> None:
    outline = [line for line in body_of(render(_from_text("zhuzhou-2025-plan"))).split("\n") if line.startswith("#")]
    assert outline[1:5] == [
        "## 一、2024年国民经济和社会发展计划执行情况",
        "### （一）产业发展提质增效",
        "### （二）项目建设加力提速",
        "### （三）民生事业持续改善",
    ]
    assert "#### 1.做强轨道交通装备产业" in outline and "#### 3.加强要素保障" in outline
    assert outline[0].startswith("# 关于株洲市2024年") and len([h for h in outline if h.startswith("## ")]) == 3


# --- the whole job through the command line -----------------------------------------------------


def cli(corpus: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus the four reports were ingested into, each in another format, without a manifest."""
    downloads = tmp_path_factory.mktemp("downloads")
    files = []
    for stem, fmt in INGESTED.items():
        suffix, make = FORMATS[fmt]
        files.append(downloads / (stem + suffix))
        files[-1].write_bytes(make(stem))
    root = downloads.parent / "corpus"
    code, out, err = cli(root, "ingest", *map(str, files))
    assert code == 0, err
    ids = [JIANGXI_2024, JIANGXI_2025, ZHUZHOU_2024, ZHUZHOU_2025]
    assert [line.split()[:2] for line in out.strip().split("\n")] == [["added", doc] for doc in ids]
    return root


def test_ingest_gives_meaningful_ids_and_list_shows_them(corpus: Path) -> None:
    code, out, _ = cli(corpus, "list")
    assert code == 0
    rows = [line.split() for line in out.strip().split("\n")]
    assert [row[:3] for row in rows] == [
        [JIANGXI_2024, "2024-01-20", "jiangxi-gwr"],
        [JIANGXI_2025, "2025-01-15", "jiangxi-gwr"],
        [ZHUZHOU_2024, "2024-01-09", "zhuzhou-plan"],
        [ZHUZHOU_2025, "2025-01-08", "zhuzhou-plan"],
    ]
    assert "format: docx" in (corpus / f"{JIANGXI_2025}.md").read_text(encoding="utf-8")
    assert "container: 株洲市人民政府公报" in (corpus / f"{ZHUZHOU_2025}.md").read_text(encoding="utf-8")


def _units(corpus: Path, old: str, new: str) -> list[tuple[str, str, str]]:
    code, out, _ = cli(corpus, "diff", old, new, "--format", "json")
    assert code == 1
    return [
        (item["status"], (item["old"] or {}).get("heading", ""), (item["new"] or {}).get("heading", ""))
        for item in json.loads(out)["initiatives"]
        if item["level"] == "unit"
    ]


def test_the_diff_of_the_province_s_reports_tells_the_changes_written_into_the_second(corpus: Path) -> None:
    units = _units(corpus, JIANGXI_2024, JIANGXI_2025)
    assert ("moved", "推进数字经济做优做强“一号发展工程”", "推进数字经济做优做强“一号发展工程”") in units
    assert ("new", "", "发展低空经济") in units
    assert ("dropped", "培育壮大新能源产业", "") in units
    assert ("reworded", "积极促进消费", "大力提振消费") in units
    assert ("recurring", "深化国资国企改革", "深化国资国企改革") in units
    assert ("reworded", "经济运行稳中向好", "经济运行稳中有进") in units  # a （一） heading of the review
    assert [status for status, _, _ in units].count("new") == 1
    assert [status for status, _, _ in units].count("dropped") == 1


def test_the_diff_of_the_city_s_plans_tells_the_changes_written_into_the_second(corpus: Path) -> None:
    units = _units(corpus, ZHUZHOU_2024, ZHUZHOU_2025)
    assert ("moved", "加强要素保障", "加强要素保障") in units
    assert ("new", "", "用好超长期特别国债") in units
    assert ("dropped", "发展陶瓷新材料产业", "") in units
    assert ("reworded", "稳定和扩大就业", "稳定和扩大就业") in units
    targets = [unit for unit in units if "5%—6%" in unit[1]]
    assert targets == [("reworded", "一般公共预算收入增长5%—6%", "一般公共预算收入增长4%—5%")]


def test_the_diff_in_the_terminal_and_in_markdown_names_the_editions_and_the_changes(corpus: Path) -> None:
    code, terminal, _ = cli(corpus, "diff", JIANGXI_2024, JIANGXI_2025, "--no-pager", "--width", "100")
    assert code == 1
    assert terminal.startswith("江西省政府工作报告（2024年1月20日）→ 江西省政府工作报告（2025年1月15日）\n")
    assert "[移动]" in terminal and "[新增]" in terminal and "[删除]" in terminal
    code, markdown, _ = cli(corpus, "diff", JIANGXI_2024, JIANGXI_2025, "--format", "markdown")
    assert code == 1
    assert "## 新增条目（1）" in markdown and "## 删除条目（1）" in markdown and "## 移动条目（1）" in markdown
    assert "发展低空经济" in markdown.split("## 新增条目（1）")[1].split("##")[0]


def test_review_compares_each_new_edition_with_the_one_before(corpus: Path) -> None:
    code, out, _ = cli(corpus, "review", "HEAD~3..HEAD", "--format", "json")
    assert code in (0, 1)
    assert [(item["id"], item["change"], item["against"], item["problems"]) for item in json.loads(out)] == [
        (JIANGXI_2025, "new edition", JIANGXI_2024, []),
        (ZHUZHOU_2024, "first of its series", "", []),
        (ZHUZHOU_2025, "new edition", ZHUZHOU_2024, []),
    ]


def test_the_timeline_follows_the_moved_initiative_in_one_thread(corpus: Path) -> None:
    code, out, _ = cli(corpus, "timeline", "--series", "jiangxi-gwr", "--format", "json")
    assert code == 0
    threads = json.loads(out)["threads"]
    [moved] = [
        thread for thread in threads if thread["items"][0]["heading"] == "推进数字经济做优做强“一号发展工程”"
    ]  # (the threads of its two groups hold it too, as their text)
    assert [item["edition"] for item in moved["items"]] == [JIANGXI_2024, JIANGXI_2025]
    assert [link["class"] for link in moved["links"]] == ["moved"]


def _indicators(corpus: Path, series: str) -> list[dict[str, str]]:
    code, out, _ = cli(corpus, "indicators", "--series", series, "--format", "csv")
    assert code == 0
    return list(csv.DictReader(io.StringIO(out)))


def _record(rows: list[dict[str, str]], name: str, role: str, year: str) -> tuple[str, str, str, str, str]:
    [row] = [r for r in rows if r["name"] == name and r["role"] == role and r["year"] == year and r["unit"] == "%"]
    return row["low"], row["high"], row["unit"], row["change"], row["modifier"]


def test_the_indicators_of_the_province_keep_modifiers_ranges_and_the_year_s_results(corpus: Path) -> None:
    rows = _indicators(corpus, "jiangxi-gwr")
    assert _record(rows, "地区生产总值", "target", "2024") == ("5", "5", "%", "growth", "左右")
    assert _record(rows, "规模以上工业增加值", "target", "2025") == ("6.5", "7.5", "%", "growth", "")
    assert _record(rows, "城镇调查失业率", "target", "2025") == ("5.5", "5.5", "%", "level", "以内")
    # the results of each year its review states, 2024's after `2024年是实现“十四五”规划…的关键一年。`
    assert _record(rows, "地区生产总值", "achieved", "2023")[:2] == ("4.1", "4.1")
    assert _record(rows, "地区生产总值", "achieved", "2024")[:2] == ("5.1", "5.1")


def test_the_indicators_of_the_city_have_one_row_each_and_no_row_of_a_comparison(corpus: Path) -> None:
    rows = _indicators(corpus, "zhuzhou-plan")
    assert _record(rows, "一般公共预算收入", "target", "2025") == ("4", "5", "%", "growth", "")
    assert _record(rows, "地区生产总值", "achieved", "2024")[:2] == ("5.8", "5.8")
    assert {row["name"] for row in rows} == {
        "地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入", "城镇新增就业",
    }  # fmt: skip  (not `低于计划目标`, the 2024 result's distance from its target)


def test_the_site_has_every_document_and_both_diffs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, err = cli(corpus, "site", "build", "--out", str(out))
    assert code == 0, err
    for doc in (JIANGXI_2024, JIANGXI_2025, ZHUZHOU_2024, ZHUZHOU_2025):
        assert (out / "doc" / f"{doc}.html").is_file()
    pages = sorted(path.name for path in (out / "diff").glob("*.html") if "duizhao" not in path.name)
    assert pages == [
        f"{JIANGXI_2024.replace('/', '.')}__{JIANGXI_2025.replace('/', '.')}.html",
        f"{ZHUZHOU_2024.replace('/', '.')}__{ZHUZHOU_2025.replace('/', '.')}.html",
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "江西省" in index and "株洲市" in index
