"""The site's timeline page (site/timeline_view.py, templates/timeline.html) on a hand-built timeline,
so that every expected string is known."""

from __future__ import annotations

import re

import pytest

from corpusdiff.series.timeline import TASK, Thread, Timeline
from corpusdiff.site.common import Doc, environment
from corpusdiff.site.edition_sets import EditionSet
from corpusdiff.site.series import _timeline_page, timeline_reach
from corpusdiff.site.timeline_view import TIMELINE_REACH, timeline_context
from corpusdiff.types.diff import DiffResult, Overrides
from corpusdiff.types.document import Metadata
from tests.render.test_timeline import BRIDGED, EDITIONS, MACRO, OPENING, item
from tests.series.test_timeline import TINY

#: The pairs of the three tiny editions a site timeline compares (editions at most two apart).
PAIRS = (("t/a", "t/b"), ("t/b", "t/c"), ("t/a", "t/c"))

DOCS = tuple(Doc(e.id, "", Metadata(title=e.title, id=e.id, date=e.date)) for e in EDITIONS)
SET = EditionSet("n", "series", DOCS, "timeline/n.html")


def page(timeline: Timeline, language: str) -> str:
    context = timeline_context(SET, timeline, SET.page, language)
    return environment(language).get_template("timeline.html").render(**context)


def section(html: str, section_id: str) -> str:
    found = re.search(f'<section id="{section_id}">(.*?)</section>', html, re.S)
    assert found, section_id
    return found.group(1)


def test_a_part_standing_as_a_group_is_named_under_the_groups_title() -> None:
    """The terminal and Markdown grids say which group cells are no （一） heading; the site's
    grid showed 2017's 三、 among the （一） groups without a word."""
    groups = section(page(Timeline(EDITIONS, (MACRO, OPENING), ()), "en"), "groups")
    title_end = groups.index("</h2>")
    note = groups.index("note: not （一） headings")
    assert title_end < note < groups.index("<table")
    assert "2017-03 (三、)" in groups[note : groups.index("<table")]
    chinese = section(page(Timeline(EDITIONS, (MACRO, OPENING), ()), "zh"), "groups")
    assert "注：下列标题不是（一）级标题" in chinese and "2017年3月 (三、)" in chinese


def test_no_note_when_every_group_is_a_paren_heading() -> None:
    groups = section(page(Timeline(EDITIONS, (MACRO,), ()), "en"), "groups")
    assert "note:" not in groups


def test_the_page_says_which_pairs_its_threads_come_from() -> None:
    """The site compared editions at most two apart while `corpusdiff timeline` compares all
    pairs, so the two gave other threads for nine national reports (the macro-policy group
    2016, 2019–2022 on the command line, 2016 → 2017's 三去一降一补 on the site) and the page
    did not say so. It says so now, and `site build --pairs all` compares what the command does."""
    timeline = Timeline(EDITIONS, (MACRO,), ())
    within = page_at(timeline, reach=1)
    assert "at most 1 apart" in within and "--pairs all" in within
    assert "every pair of editions, as corpusdiff timeline does" in page_at(timeline, reach=None)
    assert "every pair" in page_at(timeline, reach=len(EDITIONS) - 1)


def test_the_site_timeline_reaches_as_far_as_the_pair_pages_built() -> None:
    assert timeline_reach(None) is None  # site build --pairs all: the command's pairs
    assert timeline_reach(5) == 5
    assert timeline_reach(1) == TIMELINE_REACH  # gaps are still looked for


def page_at(timeline: Timeline, reach: int | None) -> str:
    context = timeline_context(SET, timeline, SET.page, "en", reach)
    return environment("en").get_template("timeline.html").render(**context)


def test_the_page_names_the_years_a_yearly_series_has_no_edition_of() -> None:
    """Wikisource has no 2020 work report: the columns 2019 and 2021 stand side by side, and the
    page says so as `corpusdiff timeline` does on stderr."""
    dated = {"n/2016": "2016", "n/2017": "2018", "n/2018": "2021"}
    docs = tuple(
        Doc(e.id, "", Metadata(title=e.title, id=e.id, date=dated[e.id], genre="government-work-report"))
        for e in EDITIONS
    )
    gapped = EditionSet("n", "series", docs, "timeline/n.html")
    context = timeline_context(gapped, Timeline(EDITIONS, (MACRO,), ()), gapped.page, "en")
    html = environment("en").get_template("timeline.html").render(**context)
    assert "No edition of 2017, 2019–2020: neighbouring columns may be years apart." in html
    assert "No edition of" not in page_at(Timeline(EDITIONS, (MACRO,), ()), reach=None)


def test_each_step_gives_its_evidence_linked_to_the_page_of_the_pair_it_names() -> None:
    """A row lists its steps as `--format markdown` does, each linked to the site's page of the
    diff its pair is from; a bridge (2017 → 2018 paired by the 2016 → 2018 diff) says so and
    links that pair's page, not the step's own, which lacks the pair. Where the site built no
    page of the pair (`site build --pairs 1`), the step is text, no dead link."""
    timeline = Timeline(EDITIONS, (BRIDGED,), ())
    built = [("n/2016", "n/2017"), ("n/2017", "n/2018"), ("n/2016", "n/2018")]
    context = timeline_context(SET, timeline, SET.page, "en", None, built)
    html = environment("en").get_template("timeline.html").render(**context)
    evidence = re.findall(r'<td class="evidence">(.*?)</td>', html, re.S)
    assert evidence == [
        '<a href="../diff/n.2016__n.2017.html">2016-03→2017-03 reworded (high 0.93)</a><br>'
        '<a href="../diff/n.2016__n.2018.html" class="bridge">'
        "2017-03→2018-03 (bridged by 2016-03→2018-03) reworded (high 0.84)</a>"
    ]
    # with the rows of the pages, each step links the row of its pair on the page, so a reader
    # of a 30-row diff is not left to find it
    rows = {("n/2016", "n/2017"): {("n/2016#p24", "n/2017#p17"): 3}, ("n/2016", "n/2018"): {}}
    context = timeline_context(SET, timeline, SET.page, "en", None, built, rows)
    html = environment("en").get_template("timeline.html").render(**context)
    assert re.findall(r'<td class="evidence"><a href="([^"]*)">.*?<a href="([^"]*)"', html, re.S) == [
        ("../diff/n.2016__n.2017.html#r3", "../diff/n.2016__n.2018.html")  # no row known: the page
    ]
    context = timeline_context(SET, timeline, SET.page, "en", None, built[:2])
    html = environment("en").get_template("timeline.html").render(**context)
    assert '<span class="bridge">2017-03→2018-03 (bridged by 2016-03→2018-03)' in html
    assert "n.2016__n.2018" not in html


def test_a_series_timeline_is_headed_by_its_kind_of_report_as_the_index_heads_it() -> None:
    """`时间线：national-gwr` headed a Chinese page with the series id alone; the index heads the
    same series `政府工作报告 national-gwr`, and so does its timeline now."""
    docs = tuple(Doc(e.id, "", Metadata(title=e.title, id=e.id, date=e.date, genre="government-work-report")) for e in EDITIONS)
    series = EditionSet("national-gwr", "series", docs, "timeline/national-gwr.html")
    context = timeline_context(series, Timeline(EDITIONS, (MACRO,), ()), series.page, "zh")
    html = environment("zh").get_template("timeline.html").render(**context)
    assert '<h1>时间线：政府工作报告 <span class="meta">national-gwr</span></h1>' in html
    assert "<title>时间线：政府工作报告 national-gwr · corpusdiff</title>" in html
    # a set named in site.yaml keeps the name it was given
    named = EditionSet("河套合作区", "site.yaml", docs, "timeline/hetao.html")
    context = timeline_context(named, Timeline(EDITIONS, (MACRO,), ()), named.page, "zh")
    assert "<h1>时间线：河套合作区</h1>" in environment("zh").get_template("timeline.html").render(**context)


def test_a_thread_of_one_edition_is_listed_under_its_edition_not_as_a_grid_row() -> None:
    """Over the national reports 306 of 996 task rows held one cell among 23 columns (most of a
    2.4 MB page): such a thread is listed by its edition, folded under the grid, linked as the
    grid links; the title counts the threads the grid holds."""
    alone = Thread(TASK, (item("n/2017", "加强社会信用体系建设"),), "n/2017", "n/2017", (), ())
    tasks = section(page(Timeline(EDITIONS, (BRIDGED, alone), ()), "zh"), "tasks")
    grid, folded = tasks.split("</table>")
    assert "加强社会信用体系建设" not in grid and grid.count('<tr id="tasks-') == 1
    assert "编号任务：1 条见于多个版本" in tasks
    assert "只见于一个版本的编号任务（1）" in folded
    assert re.search(r"<dt>2017年3月</dt><dd><a href=\"../doc/n/2017.html#p\d+\">加强社会信用体系建设</a></dd>", folded)


def test_no_fold_when_every_thread_spans_editions() -> None:
    assert "<details" not in section(page(Timeline(EDITIONS, (BRIDGED,), ()), "zh"), "tasks")


def test_the_legend_says_what_a_step_s_word_and_number_are() -> None:
    """A step read `2016-03→2017-03 改写 (高 0.93)` and nothing on the page said what 高 and 0.93
    were: the legend names them, the confidence and the matcher's probability."""
    for language, confidence, probability in (("zh", "把握", "匹配概率"), ("en", "confidence", "probability")):
        html = page(Timeline(EDITIONS, (BRIDGED,), ()), language)
        [step] = re.findall(r'<td class="evidence"><(?:a|span)[^>]*>([^<]*)<', html)
        [level] = re.findall(r"\((\w+) \d\.\d\d\)$", step)
        [legend] = re.findall(r'<p class="meta legend">(.*?)</p>', html, re.S)
        assert re.search(rf"{confidence}（?\(?[^）)]*{level}", legend) and probability in legend, legend


def test_a_timeline_page_keeps_each_diff_once_under_the_comparisons_own_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's diffs went through the series views' cache as jobs of their own and, inside
    them, through the comparisons' cache: every diff encoded and written twice (70 MB beside
    59 MB for the older national reports with `site build --pairs all`, five of the page's nine
    seconds). A pair is kept once now, where its pair page and `corpusdiff timeline` find it."""
    from corpusdiff.store import cache

    saved: list[tuple[str, object]] = []
    monkeypatch.setattr(cache, "load", lambda namespace, key: None)
    monkeypatch.setattr(cache, "save", lambda namespace, key, value: saved.append((namespace, value)))
    docs = tuple(Doc(f"t/{n}", text, Metadata()) for n, text in zip("abc", TINY, strict=True))
    html = _timeline_page(EditionSet("t", "series", docs, "timeline/t.html"), dict.fromkeys(PAIRS, Overrides()), ())
    assert [namespace for namespace, value in saved if isinstance(value, DiffResult)] == ["diffs"] * len(PAIRS)
    assert "打造深港科技合作区" in html
