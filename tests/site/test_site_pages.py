"""What an analyst reads on the site (issue 18), without a browser: the diff page plan first
with every unit once, the 新旧对照 page and its exports, any two editions, the Chinese
interface (English by a site option), reviewer notes, document pages listing their diffs,
programmes first on the Programmes page, and the page-weight budget."""

from __future__ import annotations

import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.series.terms import PROGRAMME, STATUSES, TEXT, WORD
from corpusdiff.site.build import build_site, select_pairs
from corpusdiff.site.common import TEMPLATES, Doc
from corpusdiff.site.indicators_view import ChartPoint, chart_svg
from corpusdiff.strings import catalogue
from corpusdiff.structure import split_label, tree_from_markdown
from corpusdiff.types.diff import Level
from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import DocTree
from tests.conftest import ROOT, SEEDS, corpus_diff
from tests.site.test_site import _parse, _target_text
from tests.traditional import traditional_copy

OLD, MID, NEW = "futian/annual-plan/2022-01", "futian/mid-year-report/2023-10", "futian/annual-plan/2025-01"
PAIR = "diff/futian.annual-plan.2022-01__futian.annual-plan.2025-01.html"
#: tests/data/labels/2022-01__2025-01.yaml: the 河套 task of both plans is one initiative.
HETAO_OLD, HETAO_NEW = "1.高水平建设河套深港科技创新合作区", "1.持续高水平建设河套合作区深圳园区"
BUDGET = 300_000  # bytes: the largest page at the seeds (issue 18)
KINDS = (WORD, PROGRAMME, TEXT)


@pytest.fixture(scope="module")
def site(project_site: Path) -> Path:
    return project_site


def tree(doc_id: str) -> DocTree:
    return tree_from_markdown((ROOT / "corpus" / f"{doc_id}.md").read_text(encoding="utf-8"))


def anchor_of(doc_id: str, heading: str) -> str:
    """The paragraph address of the unit with this heading (with its numbering), as
    structure.addressed numbers it: what a reviewer writes in a notes file."""
    doc = tree(doc_id)
    unit = next(u for u in doc.units if u.heading == split_label(heading)[1])
    return doc.unit_address(unit).partition("#")[2]


def rows(html: str) -> list[str]:
    """Each `<article class="row …">…</article>` of a diff page."""
    return re.findall(r'<article class="row[^"]*"[^>]*>.*?</article>', html, re.S)


def links(row: str, doc_id: str) -> list[str]:
    return re.findall(rf'<a class="at" href="\.\./doc/{re.escape(doc_id)}\.html#([ph]\d+)"', row)


def part(html: str, name: str) -> str:
    return html.split(f'<section class="part" id="part-{name}"', 1)[1].split("</section>", 1)[0]


# --- the diff page -----------------------------------------------------------------------------


def test_tasks_come_first_and_the_summary_counts_each_part(site: Path) -> None:
    html = (site / PAIR).read_text(encoding="utf-8")
    result = corpus_diff(OLD, NEW)
    tasks = next(p for p in result.parts() if p.part == "tasks")
    assert html.index('id="part-tasks"') < html.index('id="part-targets"') < html.index('id="part-review"')
    # the 2025 plan's first task comes before its review of 2024 (2025-01.md lines 167 and 7)
    assert html.index("推动深圳园区条例立法") < html.index("2024年是中华人民共和国成立75周年")
    summary = html.split('<table class="parts">', 1)[1].split("</table>", 1)[0]
    first = re.search(
        r'<tr><th scope="row"><a href="#part-(\w+)">[^<]*</a></th><td>(\d+) → (\d+)</td>', summary
    )
    assert first is not None and first.groups() == ("tasks", str(tasks.old_units), str(tasks.new_units))
    task_rows = rows(part(html, "tasks"))
    assert sum('data-status="new"' in r for r in task_rows) == tasks.new
    assert sum('data-status="dropped"' in r for r in task_rows) == tasks.dropped


def test_the_summary_says_merges_and_splits_in_the_words_of_the_part_line(site: Path) -> None:
    """The 合并 column showed `3 → 3` for 2022 → 2025's 上年回顾, where three units were folded
    into three that continue others: three merged into three, which the terminal's part line
    stopped saying (`3 项并入 3 项`). Each cell is the part line's piece that says it."""
    import lxml.html

    from corpusdiff.render.diff import part_line

    page = lxml.html.fromstring((site / PAIR).read_text(encoding="utf-8"))
    strings = catalogue("zh")
    parts = corpus_diff(OLD, NEW).parts()
    assert any(p.merged == p.merged_into > 0 for p in parts)  # the case the column misread
    for summary in parts:
        [row] = page.xpath(f"//table[@class='parts']//tr[th/a/@href='#part-{summary.part}']")
        merged, split = (cell.text_content() for cell in row.xpath("td")[4:6])
        pieces = part_line(summary, strings).split(strings("report.sep"))
        for cell, count in ((merged, summary.merged), (split, summary.split)):
            assert cell in pieces if count else cell == "0", (summary.part, cell, pieces)


def test_the_summary_lists_each_changed_figure_whole_and_links_its_row(site: Path) -> None:
    """The summary said `15 处数字变化` and no more: to find which figures changed, and from what
    to what, a reader went through a hundred rows. Folded under the counts, as the Markdown
    report lists them, each changed figure whole (old → new), linked to the row that shows it."""
    import lxml.html

    page = lxml.html.fromstring((site / PAIR).read_text(encoding="utf-8"))
    changed = [f for item in corpus_diff(OLD, NEW).initiatives if item.level == Level.UNIT for f in item.figures]
    assert any(f.old and f.new for f in changed) and any(not f.new for f in changed)
    [listing] = page.xpath("//section[@id='summary']//details[@class='figures']")
    assert str(len(changed)) in listing.xpath("summary")[0].text_content()
    entries = listing.xpath(".//li")
    for figure in changed:
        holding = [li for li in entries if figure.shown() in li.text_content()]
        assert holding, figure.shown()
        for li in holding:
            [link] = li.xpath("a")
            row = page.get_element_by_id(link.get("href")[1:])
            assert figure.shown() in row.xpath(".//p[@class='explain']")[0].text_content()


def test_the_summary_lists_each_merge_and_split_and_links_its_row(site: Path) -> None:
    """The counts said `8 项由 7 项拆分而来` and named none: folded under them, each merge and
    split, one per row as the 新旧对照表 has it, linked to that row, which lists all its units."""
    import lxml.html

    page = lxml.html.fromstring((site / PAIR).read_text(encoding="utf-8"))
    joined_rows = page.xpath("//article[contains(@class, 'status-joined')]")
    [listing] = page.xpath("//section[@id='summary']//details[@class='joined']")
    links = listing.xpath(".//li/a")
    assert str(len(joined_rows)) in listing.xpath("summary")[0].text_content()
    assert sorted(link.get("href") for link in links) == sorted(f"#{row.get('id')}" for row in joined_rows)
    for link in links:
        row = page.get_element_by_id(link.get("href")[1:])
        label = row.xpath(".//header/span[contains(@class, 'label')]")[0].text_content()
        assert label in link.text_content()
        named = link.getparent().text_content()
        assert ("并入" in named) == ("合并" in label) and ("拆分自" in named) == ("拆分" in label)


def test_every_unit_is_in_exactly_one_row(site: Path) -> None:
    html = (site / PAIR).read_text(encoding="utf-8")
    result = corpus_diff(OLD, NEW)
    units = [i for i in result.initiatives if i.level == Level.UNIT]
    for doc_id, side in ((OLD, "old"), (NEW, "new")):
        expected = {getattr(result, side).unit_address(getattr(i, side)) for i in units if getattr(i, side)}
        shown = [f"{doc_id}#{anchor}" for row in rows(html) for anchor in links(row, doc_id)]
        assert len(shown) == len(set(shown)) and set(shown) == expected, side


def test_a_row_links_each_unit_to_its_paragraph_in_both_documents(site: Path) -> None:
    page = site / PAIR
    html = page.read_text(encoding="utf-8")
    [row] = [r for r in rows(html) if links(r, NEW) == [anchor_of(NEW, HETAO_NEW)]]
    [old], [new] = links(row, OLD), links(row, NEW)
    assert old == anchor_of(OLD, HETAO_OLD)
    # the body paragraphs of the two tasks (2022-01.md line 165, 2025-01.md line 167)
    assert _target_text(page, f"../doc/{OLD}.html#{old}").startswith("推动出台合作区深圳园区发展规划")
    assert _target_text(page, f"../doc/{NEW}.html#{new}").startswith("推动深圳园区条例立法")
    # one stream: the words the 2025 plan dropped and the words it added
    redline = row.split('<div class="redline">', 1)[1].split("</div>", 1)[0]
    assert "<del>" in redline and "<ins>" in redline and "推动深圳园区条例立法" in redline


def test_a_merge_or_split_is_one_row_listing_all_its_units(site: Path) -> None:
    html = (site / "diff/futian.mid-year-report.2023-10__futian.annual-plan.2025-01.html").read_text(
        encoding="utf-8"
    )
    joined = [r for r in rows(html) if 'data-status="joined"' in r]
    assert joined
    for row in joined:
        assert len(links(row, MID)) + len(links(row, NEW)) >= 3, row[:300]
        assert '<div class="sides">' in row  # both sides shown, not one redline


# --- the 新旧对照 page and its exports -----------------------------------------------------------


def test_duizhao_page_numbers_every_row_and_offers_word_excel_and_csv(site: Path) -> None:
    import docx
    import openpyxl

    page = site / PAIR.replace(".html", "-duizhao.html")
    html = page.read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r'<td class="no">(\d+)</td>', html)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == len(rows((site / PAIR).read_text(encoding="utf-8")))  # the diff page's rows
    exports = {
        link.rsplit(".", 1)[1]: page.parent / link for link in _parse(page).links if "-duizhao." in link
    }
    assert set(exports) == {"docx", "xlsx", "csv"}
    sheet = openpyxl.load_workbook(exports["xlsx"]).active
    assert sum(isinstance(row[0], int) for row in sheet.iter_rows(values_only=True)) == len(numbers)
    table = docx.Document(str(exports["docx"])).tables[0]
    assert sum(row.cells[0].text.isdigit() for row in table.rows) == len(numbers)
    text = exports["csv"].read_bytes().decode("utf-8")
    assert text.startswith("\ufeff序号,") and len(re.findall(r"^\d+,", text, re.M)) == len(numbers)


# --- any two editions --------------------------------------------------------------------------


def _doc(number: int) -> Doc:
    date = f"202{number}-01"
    return Doc(f"x/annual-plan/{date}", "", Metadata(title=f"plan {number}", date=date, series="x-plan"))


@pytest.mark.parametrize(
    ("reach", "expected"),
    [
        (1, [(0, 1), (1, 2), (2, 3)]),
        (2, [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]),
        (None, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]),
    ],
)
def test_pairs_within_reach_or_all(
    tmp_path: Path, reach: int | None, expected: list[tuple[int, int]]
) -> None:
    docs = [_doc(n) for n in (3, 1, 4, 2)]  # any order: a series is sorted by date
    ordered = sorted(docs, key=lambda d: d.meta.date)
    (tmp_path / "site.yaml").write_text(
        f"pairs:\n  - old: {ordered[0].id}\n    new: {ordered[1].id}\n  - old: {ordered[3].id}\n    new: {ordered[0].id}\n",
        encoding="utf-8",
    )
    pairs = select_pairs(tmp_path, docs, reach)
    assert [(ordered.index(o), ordered.index(n)) for o, n in pairs.window] == expected
    assert [(ordered.index(o), ordered.index(n)) for o, n in pairs.extra] == [
        (3, 0)
    ]  # (0, 1) is built anyway


def test_pairs_script_lists_each_series_and_the_pairs_built(site: Path) -> None:
    script = (site / "pairs.js").read_text(encoding="utf-8")
    data = json.loads(script.split("=", 1)[1].rstrip().rstrip(";"))
    assert [e["label"] for e in data["series"]["futian-plan"]] == ["2022年1月", "2023年10月", "2025年1月"]
    assert sorted(data["pairs"]) == sorted([f"{OLD}|{MID}", f"{OLD}|{NEW}", f"{MID}|{NEW}"])
    assert all((site / url).is_file() for url in data["pairs"].values())
    pickers = re.findall(
        r'<form class="pair-picker" data-series="([^"]*)"', (site / PAIR).read_text(encoding="utf-8")
    )
    assert pickers == ["futian-plan"]


@pytest.mark.parametrize("value", ["0", "-1", "some"])
def test_site_build_refuses_a_pairs_value_that_is_no_reach(tmp_path: Path, value: str) -> None:
    result = CliRunner().invoke(
        main, ["--corpus", str(ROOT / "corpus"), "site", "build", "--out", str(tmp_path), "--pairs", value]
    )
    assert result.exit_code == 2 and "give a number of editions (1, 2, …) or `all`" in result.output
    assert not (tmp_path / "index.html").exists()


def test_document_pages_list_the_diffs_that_include_them(site: Path) -> None:
    page = site / f"doc/{MID}.html"
    listed = [link for link in _parse(page).links if "/diff/" in link]
    assert sorted(listed) == sorted(
        [
            "../../../diff/futian.annual-plan.2022-01__futian.mid-year-report.2023-10.html",
            "../../../diff/futian.mid-year-report.2023-10__futian.annual-plan.2025-01.html",
        ]
    )
    assert not [
        link for link in _parse(site / "doc/futian/five-year-plan/2021.html").links if "/diff/" in link
    ]


# --- language ----------------------------------------------------------------------------------


def test_no_page_sends_its_reader_to_the_repository_or_names_a_statistic(site: Path) -> None:
    """The series views' introductions pointed to docs/timeline.md, docs/terms.md and the like,
    which a reader of a published site does not have, and named the measures by their statistics
    (对数似然, 余弦相似度) where a reader needs what the numbers mean: each now says it in words."""
    import lxml.html

    said = {}
    for page in sorted(site.rglob("*.html")):
        text = lxml.html.fromstring(page.read_text(encoding="utf-8")).text_content()
        found = re.findall(r"docs/[\w-]+\.md|对数似然|余弦", text)
        if found:
            said[page.relative_to(site).as_posix()] = sorted(set(found))
    assert said == {}


@pytest.mark.parametrize(("language", "foreign"), [("zh", r"[;.]\s*$|; "), ("en", "[；。]")])
def test_the_term_index_explains_its_statuses_in_its_language_s_punctuation(language: str, foreign: str) -> None:
    """The statuses' meanings were joined with a Chinese ； and ended with an English full stop in
    both languages: `…最新版本和更早的版本都使用.`, `…no longer does；the latest…`."""
    from corpusdiff.series import terms as tm
    from corpusdiff.site.common import environment

    html = environment(language).get_template("terms.html").render(root="", title="", sets=[], statuses=tm.STATUSES)
    [lede] = re.findall(r'<p class="lede">(.*?)</p>', html, re.S)
    text = re.sub(r"<[^>]+>", "", lede)
    assert not re.search(foreign, text), text


def test_the_interface_is_chinese_with_chinese_dates(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in index and ">文件</a>" in index and ">搜索</a>" in index
    assert "2022年1月 → 2023年10月" in index and not re.search(r">[^<]*2022-01", index)
    diff = (site / PAIR).read_text(encoding="utf-8")
    assert 'class="label status-new">新增</span>' in diff and "NEW" not in diff


def test_every_template_string_is_in_both_languages() -> None:
    keys = set()
    for template in TEMPLATES.glob("*.html"):
        keys |= set(re.findall(r"""\bt\(\s*["']([\w.-]+)["']\s*[,)]""", template.read_text(encoding="utf-8")))
    assert len(keys) > 100
    # the keys a template composes: a status, kind or role of the series views, a document's side
    keys |= {f"terms.status.{status}" for status in STATUSES} | {f"terms.kind.{kind}" for kind in KINDS}
    keys |= {"indicators.target", "indicators.achieved", "doc.as_old", "doc.as_new"}
    for language in ("zh", "en"):
        missing = [key for key in keys if key not in catalogue(language).table]
        assert missing == [], language


def _two_plans(tmp_path: Path, site_yaml: str = "") -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copyfile(ROOT / "corpus/manifest.yaml", corpus / "manifest.yaml")
    if site_yaml:
        (corpus / "site.yaml").write_text(site_yaml, encoding="utf-8")
    plans = [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"]
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", *map(str, plans)])
    assert result.exit_code == 0, result.output
    return corpus


def test_language_en_in_site_yaml_gives_an_english_site(tmp_path: Path) -> None:
    corpus = _two_plans(tmp_path, "language: en\n")
    out = tmp_path / "site"
    build_site(corpus, out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and ">Documents</a>" in index and "2022-01 → 2025-01" in index
    diff = (out / PAIR).read_text(encoding="utf-8")
    assert 'class="label status-new">NEW</span>' in diff and ">Tasks <span" in diff
    assert "新增" not in diff.split("</h1>", 1)[1].split('<section class="part"', 1)[0]
    # the 新旧对照表 files beside the page are headed in the site's language too
    csv_text = (out / PAIR.replace(".html", "-duizhao.csv")).read_bytes().decode("utf-8")
    english = catalogue("en")
    assert csv_text.startswith("\ufeff" + english("duizhao.number") + ",")
    assert english("duizhao.number") != catalogue("zh")("duizhao.number")


def test_an_english_site_lists_in_english_punctuation(tmp_path: Path) -> None:
    """The English site joined a series' kinds with 、 (`annual plan report、mid-year plan report`),
    a term index's counts with ， (`new 209，dropped 406`), a timeline row's gap years
    with 、: the separators are the page language's."""
    import lxml.html

    from tests.conftest import PLAN_SEEDS

    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copyfile(ROOT / "corpus/manifest.yaml", corpus / "manifest.yaml")
    (corpus / "site.yaml").write_text("language: en\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", *map(str, PLAN_SEEDS)]).exit_code == 0
    out = tmp_path / "site"
    build_site(corpus, out)

    def texts(page: str, xpath: str) -> list[str]:
        return [e.text_content() for e in lxml.html.fromstring((out / page).read_text(encoding="utf-8")).xpath(xpath)]

    kinds = [*texts("index.html", "//section[@class='series']/h3"), *texts("timeline/futian-plan.html", "//h1")]
    counts = texts("terms.html", "//form[@class='term-filters']/following-sibling::p[1]")
    assert kinds and counts and any(", " in text for text in kinds) and ", " in counts[0]
    assert [text for text in kinds + counts if re.search("[、，]", text)] == []


def test_an_unknown_language_is_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "site.yaml").write_text("language: fr\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "site", "build", "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"corpusdiff: error: {corpus}/site.yaml: language must be one of zh, en, not 'fr'"
    )
    assert not (tmp_path / "s").exists()


# --- reviewer notes ----------------------------------------------------------------------------

HOSTILE = '<img src=x onerror="alert(1)">河套提法改为“深圳园区”'


def notes_corpus(tmp_path: Path) -> Path:
    """The two plans with notes: a significant one on the 河套 pair, and one claiming the old
    河套 task was dropped, which the diff does not say (an orphan)."""
    corpus = _two_plans(tmp_path)
    (corpus / "notes").mkdir()
    (corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml").write_text(
        "notes:\n"
        f"  - old: {anchor_of(OLD, HETAO_OLD)}\n"
        f"    new: {NEW}#{anchor_of(NEW, HETAO_NEW)}\n"
        "    significant: true\n"
        f"    note: '{HOSTILE}'\n"
        f"  - old: {anchor_of(OLD, HETAO_OLD)}\n"
        "    note: 以为删去了\n",
        encoding="utf-8",
    )
    return corpus


def test_reviewer_notes_show_on_their_change_escaped(tmp_path: Path) -> None:
    corpus = notes_corpus(tmp_path)
    out = tmp_path / "site"
    report = build_site(corpus, out)
    html = (out / PAIR).read_text(encoding="utf-8")
    assert "<img src=x" not in html
    escaped = "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;河套提法改为“深圳园区”"
    [row] = [r for r in rows(html) if escaped in r]
    assert links(row, OLD) == [anchor_of(OLD, HETAO_OLD)] and links(row, NEW) == [anchor_of(NEW, HETAO_NEW)]
    assert 'class="row status-reworded significant"' in row and "★ 重要" in row
    assert html.count(escaped) == 2  # on the row, and in the notes listed at the top
    orphans = html.split('<ul class="orphans">', 1)[1].split("</ul>", 1)[0]
    assert "以为删去了" in orphans and "以为删去了" not in "".join(rows(html))
    assert [w for w in report.warnings if "no longer has this change" in w] == [
        f"note notes/futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml: {anchor_of(OLD, HETAO_OLD)} → —: "
        "the diff no longer has this change (`corpusdiff check` lists such notes)"
    ]
    duizhao = (out / PAIR.replace(".html", "-duizhao.html")).read_text(encoding="utf-8")
    assert escaped in duizhao and "<img src=x" not in duizhao


def test_a_broken_notes_file_stops_the_build_with_one_line(tmp_path: Path) -> None:
    corpus = _two_plans(tmp_path)
    (corpus / "notes").mkdir()
    path = corpus / "notes" / "futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"
    path.write_text("notes:\n  - old: paragraph three\n    note: x\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "site", "build", "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert f"{path}: note 1: `old` must be a unit address such as p163" in result.output


# --- programmes, weight --------------------------------------------------------------------------


def test_programmes_page_opens_with_programmes_several_editions_name(site: Path) -> None:
    """● where an edition quotes the name, ○ where it names it unquoted: the rule by which `diff`
    calls a programme recurring (the page showed only the quoting editions, so 全链条, named in
    four seeds and quoted in one, read as a programme of one edition)."""
    html = (site / "programmes.html").read_text(encoding="utf-8")
    first_table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows_seen = re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', first_table)
    named = {name: marks.count("●") + marks.count("○") for name, marks in rows_seen}
    assert rows_seen and all(count >= 2 for count in named.values())
    counts = list(named.values())
    assert counts == sorted(counts, reverse=True)
    assert named["全链条"] == 5 and named["1+9+N产业"] == 4
    # labelled programmes (tests/data/labels/programmes.yaml) the plans all carry
    assert {"三大新引擎", "1+9+N产业"} <= {name for name, _ in rows_seen[:10]}


def test_every_page_is_within_the_weight_budget(site: Path) -> None:
    sizes = {page.relative_to(site).as_posix(): page.stat().st_size for page in site.rglob("*.html")}
    assert max(sizes.values()) <= BUDGET, sorted(sizes.items(), key=lambda item: -item[1])[:3]


def test_a_second_build_with_notes_writes_nothing(tmp_path: Path) -> None:
    corpus = notes_corpus(tmp_path)
    out = tmp_path / "site"
    build_site(corpus, out)
    files = {
        p: p.read_bytes() for p in out.rglob("*") if p.is_file() and not p.name.startswith(".corpusdiff")
    }
    (out / PAIR.replace(".html", "-duizhao.xlsx")).unlink()  # the task is rendered again: same bytes
    again = build_site(corpus, out)
    assert again.rendered == [PAIR]
    assert {p: p.read_bytes() for p in files} == files
    assert io.BytesIO(files[out / PAIR.replace(".html", "-duizhao.docx")]).read(2) == b"PK"


def test_the_diff_page_lists_a_table_added_with_its_rows(tmp_path: Path) -> None:
    import lxml.html

    from tests.cli.test_cli_diff import _report_2019

    old, new = _report_2019(tmp_path)
    corpus, out = tmp_path / "c", tmp_path / "site"
    assert (
        CliRunner()
        .invoke(main, ["--corpus", str(corpus), "ingest", "--as-new", str(old), str(new)])
        .exit_code
        == 0
    )
    build_site(corpus, out)
    [page] = (out / "diff").glob("*__*[0-9].html")
    [block] = lxml.html.fromstring(page.read_text(encoding="utf-8")).xpath(
        "//section[@class='table-changes']/div[@class='table-change status-new']"
    )
    assert block.xpath(".//span")[0].text_content() == "新增"
    assert "表格1（2行）：指标 | 目标" in block.text_content()
    assert block.xpath(".//em")[0].text_content() == "2019年经济社会发展总体要求和政策取向"
    assert [li.text_content() for li in block.xpath(".//li")] == [
        "+ 增加行：城镇新增就业 | 1100万人以上",
        "+ 增加行：城镇调查失业率 | 5.5%左右",
    ]


def test_a_diff_page_names_a_province_whose_report_title_does_not(tmp_path: Path) -> None:
    """Every province's report is titled 政府工作报告: the pair's page says whose they are."""
    corpus = tmp_path / "c"
    body = "各位代表：\n\n现在，我代表省人民政府向大会报告工作，请予审议。\n\n一、{year}年工作回顾\n\n" + "全省经济运行稳中向好，地区生产总值增长5%。" * 6 + "\n\n二、{next}年重点工作\n\n扩大有效投资。\n"
    files = []
    for year in (2023, 2024):
        path = tmp_path / f"{year}.txt"
        path.write_text(
            f"政府工作报告\n\n——{year + 1}年1月16日在湖南省第十四届人民代表大会第{year - 2021}次会议上\n\n"
            + body.format(year=year, next=year + 1),
            encoding="utf-8",
        )
        files.append(str(path))
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", *files]).exit_code == 0
    out = tmp_path / "site"
    build_site(corpus, out)
    [page] = [p for p in (out / "diff").glob("*.html") if "duizhao" not in p.name]
    heading = page.read_text(encoding="utf-8").split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert heading.count("湖南省政府工作报告") == 2
    # ... and when: two reports of one title read `政府工作报告 → 政府工作报告` (every national pair)
    text = re.sub(r"<[^>]+>", "", heading)
    assert text == "湖南省政府工作报告（2024年1月16日） → 湖南省政府工作报告（2025年1月16日）"
    # the 新旧对照表 page too, whose heading gave `2024-01-16` under columns of `2024年1月16日`
    [table] = (out / "diff").glob("*-duizhao.html")
    heading = table.read_text(encoding="utf-8").split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert heading == "新旧对照表：湖南省政府工作报告（2024年1月16日） → 湖南省政府工作报告（2025年1月16日）"
    # browser tabs and bookmarks tell the editions apart: every page's title names its date, as
    # the page writes it (the tabs read `2024-01-16` over pages dated `2024年1月16日`)
    titles = {
        p.read_text(encoding="utf-8").split("<title>", 1)[1].split("</title>", 1)[0]
        for p in [*(out / "doc").rglob("*.html"), page]
    }
    assert titles == {
        "湖南省政府工作报告 2024年1月16日 · corpusdiff",
        "湖南省政府工作报告 2025年1月16日 · corpusdiff",
        "湖南省政府工作报告 2024年1月16日 → 湖南省政府工作报告 2025年1月16日 · corpusdiff",
    }


def test_an_english_site_labels_its_indicator_charts_in_english() -> None:
    """The chart strings come from the catalogue: the same chart in either language."""
    points = [ChartPoint(2021, "achieved", Decimal("8.6"), "+8.6%"), ChartPoint(2022, "target", Decimal(6), "+6%")]
    english = chart_svg("地区生产总值", "rate of change, %", points, "c", catalogue("en"))
    assert "地区生产总值: rate of change, %, by year</title>" in english
    assert ">achieved 2021: +8.6%; target 2022: +6%</desc>" in english
    assert ">● achieved ○ target (dashed)</text>" in english
    chinese = chart_svg("地区生产总值", "增减幅度，%", points, "c", catalogue("zh"))
    assert ">完成 2021：+8.6%; 目标 2022：+6%</desc>" in chinese and ">● 完成 ○ 目标（虚线）</text>" in chinese


def test_each_address_is_shown_as_a_note_names_it(site: Path) -> None:
    """`旧¶58` links p58; a （一） group's heading anchor h2 is shown `新h2`, not `新¶2`, which
    would name paragraph 2: the label is what a reviewer writes in a notes file."""
    html = (site / PAIR).read_text(encoding="utf-8")
    shown = re.findall(r'<a class="at" href="[^"]*#([ph])(\d+)"[^>]*>([^<]*)</a>', html)
    assert {kind for kind, _n, _label in shown} == {"p", "h"}
    for kind, number, label in shown:
        assert label.endswith(f"¶{number}" if kind == "p" else f"h{number}"), (kind, number, label)


def test_an_edition_in_traditional_characters_marks_the_programmes_its_simplified_copy_does(tmp_path: Path) -> None:
    """The programmes page reads names in simplified characters, as `diff` does: with the 2025
    plan reprinted in traditional characters each row has the marks it has with the plan as
    printed. A name the reprint prints unquoted (○) was not found in its text: 150 ○ on the
    site of the S1 mixed corpus, 102 with its three reprints."""
    old, new = SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"
    (tmp_path / "reprint").mkdir()

    def marks(*reports: Path) -> list[tuple[str, str]]:
        corpus = tmp_path / f"c{len(list(tmp_path.glob('c*')))}"
        corpus.mkdir()
        shutil.copyfile(ROOT / "corpus/manifest.yaml", corpus / "manifest.yaml")
        result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", *map(str, reports)])
        assert result.exit_code == 0, result.output
        build_site(corpus, corpus.with_name(corpus.name + "-site"))
        html = (corpus.with_name(corpus.name + "-site") / "programmes.html").read_text(encoding="utf-8")
        return re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', html)

    as_printed = marks(old, new)
    assert any("○" in row for _, row in as_printed)
    assert marks(old, traditional_copy(new, tmp_path / "reprint")) == as_printed
