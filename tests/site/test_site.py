"""The static site without a browser: every link resolves, text is escaped, builds are incremental."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from corpusdiff.site.build import build_site
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="session")
def built(project_site: Path) -> Path:
    return project_site


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append(attributes[name])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_asset_resolves(built: Path) -> None:
    built = built.resolve()
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 10
    parsed: dict[Path, _Links] = {}  # each page is parsed once, keyed by its resolved path

    def parse(path: Path) -> _Links:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    broken = []
    for page in pages:
        for link in parse(page).links:
            parts = urlsplit(link)
            assert not parts.scheme.startswith("http"), f"{page}: network link {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(built)} -> {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(built)} -> {link} (no such anchor)")
    assert broken == []


def test_pages_make_no_network_requests(built: Path) -> None:
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']https?://""", text), page


def test_index_groups_series_and_links_consecutive_diffs(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    assert 'id="series-futian-plan"' in index
    assert "diff/futian.annual-plan.2022-01__futian.mid-year-report.2023-10.html" in index
    assert "diff/futian.mid-year-report.2023-10__futian.annual-plan.2025-01.html" in index
    assert (
        "diff/futian.annual-plan.2022-01__futian.annual-plan.2025-01.html" in index
    )  # from corpus/site.yaml


def test_index_heads_each_series_by_its_kinds_of_report_not_only_its_slug(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    assert '<h3>年度计划报告、年中计划执行报告 <span class="meta">futian-plan</span></h3>' in index
    assert '<h3>政府工作报告 <span class="meta">futian-gwr</span></h3>' in index
    # and so are the series views: the timeline's link, as the timeline page is headed
    assert '>时间线：年度计划报告、年中计划执行报告 <span class="meta">futian-plan</span></a>' in index


def test_index_names_an_editions_genre_only_where_its_series_mixes_genres(built: Path) -> None:
    """The heading names a one-genre series' genre once; every edition repeating it (政府工作报告
    2013年 · 政府工作报告, nine times for the national reports) said nothing more (helper E3)."""
    series = {
        s.get("id"): " ".join(s.itertext()) for s in lxml.html.parse(str(built / "index.html")).iter("section")
    }
    assert "· 政府工作报告" not in series["series-futian-gwr"]
    assert "· 年中计划执行报告" in series["series-futian-plan"]


def test_second_build_rewrites_nothing(project_site_copy: Path) -> None:
    from corpusdiff.site.output import STATE_FILE

    out = project_site_copy  # what the first build wrote
    first = [p for p in out.rglob("*") if p.is_file() and p.name != STATE_FILE]
    second = build_site(ROOT / "corpus", out)
    assert second.written == [] and len(second.unchanged) == len(first)


def _count_programme_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each call of edition_programmes (one per series read), as its edition count."""
    from corpusdiff.series import timeline

    reads: list[int] = []
    read = timeline.edition_programmes
    monkeypatch.setattr(timeline, "edition_programmes", lambda texts: reads.append(len(texts)) or read(texts))
    return reads


def test_an_unchanged_build_reads_no_programmes_again(
    project_site_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a series' programmes loads jieba's word tags (seconds); a build with nothing to
    do took 1.1 s of CPU for 0.5 s without it (docs/site.md's second build)."""
    reads = _count_programme_reads(monkeypatch)
    report = build_site(ROOT / "corpus", project_site_copy)
    assert reads == [] and report.written == []


def test_a_series_whose_editions_changed_has_its_programmes_read_again_alone(
    project_site_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from corpusdiff.site.build import PROGRAMMES
    from corpusdiff.site.output import STATE_FILE

    state_file = project_site_copy / STATE_FILE
    state = json.loads(state_file.read_text(encoding="utf-8"))
    state["tasks"][PROGRAMMES]["data"]["series"]["futian-plan"]["hash"] = "another text"
    state_file.write_text(json.dumps(state), encoding="utf-8")
    reads = _count_programme_reads(monkeypatch)
    report = build_site(ROOT / "corpus", project_site_copy)
    assert reads == [3]  # the plan series' three editions; the work report and the outline kept
    assert report.written == []  # read again, the same names


HOSTILE_LINES = [
    "<script>alert('x')</script>推动河套建设。",
    '<img src=x onerror="alert(1)">福田。',
    "[点击](javascript:alert(1))福田。",
]


def test_report_text_never_becomes_markup(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpusdiff.cli.main import main

    raw = SEEDS / "futian-2022-01-plan-report.txt"
    hostile = tmp_path / "hostile.txt"
    text = raw.read_text(encoding="utf-8").replace(
        "初步测算，主要指标预计完成情况如下：", "\n\n".join(HOSTILE_LINES), 1
    )
    hostile.write_text(
        text.replace("福田区2021年国民经济", "<b>福田区</b>2021年国民经济", 1), encoding="utf-8"
    )
    corpus = tmp_path / "c"
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(hostile)]).exit_code == 0
    out = tmp_path / "site"
    build_site(corpus, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
        assert "<b>福田区</b>" not in html
    document = next((out / "doc").rglob("*.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('x')&lt;/script&gt;推动河套建设。" in document


def test_site_build_cli_reports_what_it_did(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpusdiff.cli.main import main

    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "site", "build", "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 0
    assert re.search(r"\d+ files: \d+ written, 0 unchanged, in [\d.]+ s", result.stdout)
    assert "index.html" in result.stdout


def test_hostile_front_matter_is_escaped(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpusdiff.cli.main import main

    corpus = tmp_path / "c"
    result = CliRunner().invoke(
        main,
        [
            "--corpus",
            str(corpus),
            "ingest",
            str(SEEDS / "futian-2022-01-plan-report.txt"),
            "--title",
            "<script>alert(1)</script>",
            "--series",
            '"><img src=x onerror=alert(1)>',
            "--region",
            "javascript:alert(1)",
        ],
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "site"
    build_site(corpus, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_changed_document_rerenders_only_its_pages_and_pairs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    out = tmp_path / "site"
    first = build_site(corpus, out)
    assert len(first.rendered) == 8 and first.series_rendered
    second = build_site(corpus, out)
    assert second.rendered == [] and not second.series_rendered
    plan = corpus / "futian/annual-plan/2025-01.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n新增一段用于测试增量构建。\n", encoding="utf-8")
    again = build_site(corpus, out)
    assert sorted(again.rendered) == [
        "diff/futian.annual-plan.2022-01__futian.annual-plan.2025-01.html",
        "diff/futian.mid-year-report.2023-10__futian.annual-plan.2025-01.html",
        "doc/futian/annual-plan/2025-01.html",
    ]
    assert again.series_rendered
    assert "新增一段用于测试增量构建" in (out / "doc/futian/annual-plan/2025-01.html").read_text(
        encoding="utf-8"
    )
    assert "新增一段用于测试增量构建" in (out / "search-index.js").read_text(encoding="utf-8")


def test_a_deleted_page_is_rendered_again(project_site_copy: Path) -> None:
    out = project_site_copy
    (out / "doc/futian/five-year-plan/2021.html").unlink()
    assert build_site(ROOT / "corpus", out).rendered == ["doc/futian/five-year-plan/2021.html"]
    (out / "terms.html").unlink()
    again = build_site(ROOT / "corpus", out)
    assert again.rendered == [] and again.series_rendered and (out / "terms.html").is_file()


# --- series views (site_series.py) -------------------------------------------------------------


class _Rows(HTMLParser):
    """Rows of tables of one class, each cell as (text, first link)."""

    def __init__(self, table_class: str) -> None:
        super().__init__()
        self.table_class, self.depth, self.rows = table_class, 0, []
        self.cell: list[str] | None = None
        self.link = ""

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attributes = dict(attrs)
        if tag == "table":
            self.depth += self.depth > 0 or self.table_class in (attributes.get("class") or "").split()
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell, self.link = [], ""
        elif self.cell is not None and tag == "a" and not self.link:
            self.link = attributes.get("href", "")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "table" and self.depth:
            self.depth -= 1
        elif tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(("".join(self.cell).strip(), self.link))
            self.cell = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.cell is not None:
            self.cell.append(data)


def _rows(page: Path | str, table_class: str) -> list[list[tuple[str, str]]]:
    """Table rows of a page, or of a piece of one."""
    parser = _Rows(table_class)
    parser.feed(page if isinstance(page, str) else page.read_text(encoding="utf-8"))
    return [row for row in parser.rows if row]


def _row_with(rows: list[list[tuple[str, str]]], text: str) -> list[tuple[str, str]]:
    return next(row for row in rows if any(cell == text for cell, _ in row))


class _ElementText(HTMLParser):
    def __init__(self, anchor: str) -> None:
        super().__init__()
        self.anchor, self.open, self.text = anchor, "", []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if dict(attrs).get("id") == self.anchor:
            self.open = tag

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == self.open:
            self.open = ""

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.open:
            self.text.append(data)


def _target_text(page: Path, link: str) -> str:
    """The text of the element a link points at (a heading or paragraph of a document page)."""
    path, _, anchor = link.partition("#")
    parser = _ElementText(anchor)
    parser.feed((page.parent / path).read_text(encoding="utf-8"))
    return "".join(parser.text)


def test_index_and_nav_link_the_series_views(built: Path) -> None:
    index = _parse(built / "index.html").links
    for page in ("timeline/futian-plan.html", "indicators.html", "trace.html", "terms.html"):
        assert page in index
    # the `timelines:` entry of corpus/site.yaml lists exactly the futian-plan editions: one page
    assert not (built / "timeline/futian-plans.html").exists()
    document_nav = _parse(built / "doc/futian/annual-plan/2022-01.html").links
    assert {"../../../indicators.html", "../../../trace.html", "../../../terms.html"} <= set(document_nav)


def test_timeline_page_follows_the_hetao_task_across_the_plan_editions(built: Path) -> None:
    page = built / "timeline/futian-plan.html"
    rows = _rows(page, "timeline")
    assert [text for text, _ in rows[0][1:4]] == ["2022年1月", "2023年10月", "2025年1月"]
    hetao = _row_with(rows, "1.高水平建设河套深港科技创新合作区")
    headings = [
        "1.高水平建设河套深港科技创新合作区",  # annual-plan/2022-01.md line 163
        "1.高标准规划建设河套深港科技创新合作区",  # mid-year-report/2023-10.md line 119
        "1.持续高水平建设河套合作区深圳园区",  # annual-plan/2025-01.md line 165
    ]
    assert [text for text, _ in hetao[1:4]] == headings
    # each links to the task's address, as the diff pages and the JSON give it: its paragraph
    # under the heading (the lines after those above)
    bodies = [
        "推动出台合作区深圳园区发展规划，",
        "全面落实好《河套深港科技创新合作区深",
        "推动深圳园区条例立法。",
    ]
    for (_, link), body in zip(hetao[1:4], bodies, strict=True):
        assert _target_text(page, link).startswith(body)
    assert [text for text, _ in hetao[4:7]] == ["2022年1月", "2025年1月", ""]
    # the evidence: each step a pair of its own two editions, the task reworded each time
    [(evidence, link)] = hetao[7:]
    assert re.fullmatch(r"2022年1月→2023年10月 改写 \(.*\)2023年10月→2025年1月 改写 \(.*\)", evidence)
    page_of_pair, _, row = link.partition("#")
    assert page_of_pair.endswith("diff/futian.annual-plan.2022-01__futian.mid-year-report.2023-10.html")
    # ... at the row of the pair on that page, the one that links the task in both editions
    assert re.fullmatch(r"r\d+", row)
    diff_page = (page.parent / page_of_pair).read_text(encoding="utf-8")
    article = re.search(f'<article [^>]*id="{row}".*?</article>', diff_page, re.S)
    assert article and f'href="{hetao[1][1]}"' in article.group(0) and f'href="{hetao[2][1]}"' in article.group(0)
    # hand label 枢纽城区 (tests/data/labels/threads.yaml): the 2025 plan has no such task
    hub = _row_with(rows, "13.推进枢纽城区建设")
    assert [text for text, _ in hub[1:6]] == [
        "13.推进枢纽城区建设",
        "12.加快建设枢纽城区",
        "—",
        "2022年1月",
        "2023年10月",
    ]


def test_indicators_page_charts_gdp_with_the_2025_target(built: Path) -> None:
    html = (built / "indicators.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg\b.*?</svg>", html, re.S)
    gdp = [c for c in charts if re.search(r"<title[^>]*>地区生产总值：增减幅度，%，按年份</title>", c)]
    assert len(gdp) == 1
    # 2025-01.md line 143: ——地区生产总值增长5.5%左右；
    assert re.search(r'<text x="([\d.]+)"[^>]*class="value target">\+5\.5%左右</text>', gdp[0])
    assert ">2025</text>" in gdp[0] and "<script" not in gdp[0]
    plan_section = html.split("<h2>futian-plan", 1)[1].split("</section>", 1)[0]
    rows = _rows(plan_section, "indicators")
    column = rows[1].index(("目标 2025", "")) + 1  # the first header row spans the name column
    assert rows[0][column][0] == "2025年1月"
    assert _row_with(rows, "地区生产总值")[column][0] == "+5.5%左右"


def test_indicator_charts_of_a_chinese_site_are_labelled_in_chinese(built: Path) -> None:
    """Caption, legend, title, screen-reader description and the target-vs-achieved lines came
    out in English on a Chinese page, and so did a cell an edition leaves out: (not stated)."""
    html = (built / "indicators.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1])
    assert "（未说明" in text  # the seeds' plans drop indicators the reports before them set
    english = ("rate of change", "level,", "achieved", "target", "by year", "not stated", "no target")
    assert not [word for word in english if word in text]
    assert '<text x="4" y="12" class="caption">增减幅度，%</text>' in html
    assert "● 完成 ○ 目标（虚线）" in html
    assert re.search(r"<desc[^>]*>完成 \d{4}：[^<]*</desc>", html)
    assert re.search(r"<td class=\"versus\">\d{4}年：目标 [^<]* → 完成 ", html)


def test_trace_page_links_passages_and_lists_what_no_report_addresses(built: Path) -> None:
    page = built / "trace.html"
    html = page.read_text(encoding="utf-8")
    unaddressed = html.split('id="plan-0-unaddressed"', 1)[1]
    # background, not a task (five-year-plan/2021.md line 65): no report says 大变局
    assert "一、世界正经历百年未有之大变局</a>" in unaddressed
    rows = _rows(page, "trace")
    hetao = next(row for row in rows if row[0][0].startswith("第一节 规划建设好河套深港科技创新合作"))
    links = [link for _, link in hetao[1:5]]
    assert all(links), hetao  # every report has a passage on 河套
    assert all("河套" in _target_text(page, link) for link in links)


def test_terms_page_counts_hetao_in_every_plan_edition(built: Path) -> None:
    rows = _rows(built / "terms.html", "terms")
    assert [text for text, _ in rows[0][6:]] == ["2022年1月", "2023年10月", "2025年1月"]
    # `grep -o 河套` in each body (without the title): 9, 8, 9
    assert [text for text, _ in _row_with(rows, "河套")] == [
        "河套",
        "词",
        "持续",
        "2022年1月",
        "2025年1月",
        "26",
        "9",
        "8",
        "9",
    ]


@pytest.mark.slow
def test_series_views_never_turn_report_text_into_markup(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpusdiff.cli.main import main

    text = (SEEDS / "futian-2022-01-plan-report.txt").read_text(encoding="utf-8")
    for line, hostile in [
        (
            "1.高水平建设河套深港科技创新合作区。",
            "1.高水平建设<script>alert('x')</script>河套深港科技创新合作区。推进“<i>福田</i>工程”。",
        ),
        ("——地区生产总值5318.2亿元", "——<img src=x onerror=alert(1)>地区生产总值5318.2亿元"),
        ("——地区生产总值增长6.0%以上", "——<img src=x onerror=alert(1)>地区生产总值增长6.0%以上"),
    ]:
        assert line in text
        text = text.replace(line, hostile, 1)
    hostile_file = tmp_path / "hostile.txt"
    hostile_file.write_text(text, encoding="utf-8")
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copyfile(ROOT / "corpus/manifest.yaml", corpus / "manifest.yaml")  # the plan's title
    others = [SEEDS / "futian-2025-01-plan-report.txt", SEEDS / "futian-2021-14th-five-year-plan-outline.txt"]
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "ingest", str(hostile_file), *map(str, others)]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "site"
    build_site(corpus, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<i>福田</i>" not in html, page
    timeline = next((out / "timeline").glob("*.html")).read_text(encoding="utf-8")
    assert "1.高水平建设&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;河套深港科技创新合作区" in timeline
    assert "&lt;i&gt;福田&lt;/i&gt;工程" in timeline
    indicators = (out / "indicators.html").read_text(encoding="utf-8")  # (1) is dropped from names
    assert re.search(r"<title[^>]*>&lt;img src=x onerror=alert&gt;地区生产总值：增减幅度", indicators)
    assert "&lt;i&gt;福田&lt;/i&gt;工程" in (out / "terms.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;河套" in (out / "trace.html").read_text(
        encoding="utf-8"
    )


def test_diff_page_shows_parts_merges_and_changes_within(built: Path) -> None:
    page = (built / "diff" / "futian.mid-year-report.2023-10__futian.annual-plan.2025-01.html").read_text(
        encoding="utf-8"
    )
    summary = page.split('<table class="parts">', 1)[1].split("</table>", 1)[0]
    assert re.search(r'<th scope="row"><a href="#part-tasks">主要任务</a></th><td>\d+ → \d+</td>', summary)
    assert "延续条目内部的变化：增加" in page
    assert 'class="label status-joined">合并' in page
    assert re.search(r"内文增\d+句", page)  # sentences added inside a continuing unit: its 修改说明
    # a sentence added inside a continuing unit is never a row of its own, labelled new
    assert "+ sentence added" not in page


def test_the_diff_page_names_the_new_and_dropped_initiatives_and_links_their_rows(built: Path) -> None:
    """The summary gave counts only (新增 6): a reader had to find the six among a hundred rows.
    Under it, as `diff --summary` lists them, each new and dropped initiative by name, linked
    to its row, and as many as the parts' counts say."""
    page = built / "diff/futian.annual-plan.2022-01__futian.annual-plan.2025-01.html"
    html = page.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    counted = {
        status: sum(int(cell.text_content()) for cell in tree.xpath(f"//table[@class='parts']//td[@class='status-{status}']"))
        for status in ("new", "dropped")
    }
    for status in ("new", "dropped"):
        links = tree.xpath(f"//details[contains(@class, 'listed status-{status}')]//a")
        assert len(links) == counted[status] > 0
        for link in links:
            row = tree.get_element_by_id(link.get("href")[1:])
            assert row.get("data-status") == status
    # 2022's task 13 (transport hubs) has no counterpart in the 2025 plan
    dropped = tree.xpath("//details[contains(@class, 'listed status-dropped')]")[0].text_content()
    assert "推进枢纽城区建设" in dropped
