"""One answer everywhere (issue 14): for each pair of the three Futian plan reports, the pairs of
initiative units and their classes that `diff --format json` reports are the ones the terminal
`diff`, the Markdown report, `review`, the git diff driver, the timeline's steps, the site's
diff and 新旧对照 pages and the 新旧对照表 file show. The corpus is built with the CLI, and each
view is read by its documented structure (docs/diff-output.md, docs/timeline.md, docs/site.md),
never by comparing again."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import PLAN_SEEDS

PLAN_2022, MID_2023, PLAN_2025 = (
    "futian/annual-plan/2022-01",
    "futian/mid-year-report/2023-10",
    "futian/annual-plan/2025-01",
)
PAIRS = [(PLAN_2022, MID_2023), (MID_2023, PLAN_2025), (PLAN_2022, PLAN_2025)]
#: The reviewer overrides of docs/diff-output.md's example, on 2022 → 2025: with them, seven units
#: of that pair are called moved or reworded otherwise, which every view that compares must follow.
OVERRIDES = """pin:
  - old: （五）全力创建文明城市
    new: （六）持续强化社会民生保障，建设高质量民生福地
  - old: 进出口持续向好
    new: p14
forbid:
  - old: （二）积极融入“双循环”发展格局
    new: （一）锚定三大新引擎，高标准建设重大战略平台
  - old: 推进法治城区建设
"""
#: What the overrides decide of initiatives (docs/diff-output.md), by heading or lead: the pinned
#: groups' units, the 2022 review item 进出口持续向好 and 2025's 外资外贸扩量提质 (p14) as one, the
#: 2022 task 推进法治城区建设 continuing nothing.
DECIDED = {
    ("全力创建文明城市", "持续强化社会民生保障，建设高质量民生福地"),
    ("进出口持续向好", "外资外贸扩量提质"),
    ("推进法治城区建设", ""),
}

#: The class labels of the Chinese reports and the site (docs/diff-output.md, "terminal").
CLASS_OF_LABEL = {
    "新增": "new",
    "删除": "dropped",
    "改写": "reworded",
    "移动": "moved",
    "延续": "recurring",
    "合并": "merged",
    "拆分": "split",
}
#: The classes `review` and the git diff driver list: the changes (docs/diff-output.md).
CHANGES = {"new", "dropped", "reworded", "moved"}

#: A unit pair as a view shows it: (old anchor, new anchor, class), "" for a side without a unit.
Pair = tuple[str, str, str]


@dataclass(frozen=True)
class Row:
    """A row of the 新旧对照表 as a view shows it: its units by anchor, its class or classes."""

    old: frozenset[str]
    new: frozenset[str]
    classes: frozenset[str]


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@dataclass(frozen=True)
class Views:
    corpus: Path
    site: Path
    timeline: dict[str, Any]
    review_terminal: str
    review_json: list[dict[str, Any]]


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> Views:
    """The three plans ingested with the CLI (the 2025 plan in a commit of its own, so that
    `review` of that commit and the next compares it with the 2022 plan, the annual plan before
    it), reviewer overrides on that pair committed, the plans' timeline and their site."""
    root = tmp_path_factory.mktemp("one-answer")
    corpus, site = root / "corpus", root / "site"
    cli("--corpus", str(corpus), "ingest", "-q", str(PLAN_SEEDS[0]), str(PLAN_SEEDS[1]))
    cli("--corpus", str(corpus), "ingest", "-q", str(PLAN_SEEDS[2]))
    overrides = corpus / "alignments/futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"
    overrides.parent.mkdir()
    overrides.write_text(OVERRIDES, encoding="utf-8")
    git = ["git", "-c", "user.name=Reviewer", "-c", "user.email=r@example.org"]
    subprocess.run([*git, "add", "alignments"], cwd=corpus, check=True)
    subprocess.run([*git, "commit", "-qm", "pin and forbid section pairs"], cwd=corpus, check=True)
    cli("--corpus", str(corpus), "site", "build", "--out", str(site), "--jobs", "1")
    plans = (PLAN_2022, MID_2023, PLAN_2025)
    timeline = json.loads(cli("--corpus", str(corpus), "timeline", *plans, "--format", "json", "--jobs", "1"))
    review = ("--corpus", str(corpus), "review", "HEAD~2..HEAD", "--jobs", "1")
    return Views(corpus, site, timeline, cli(*review), json.loads(cli(*review, "--format", "json")))


def anchor(shown: str) -> str:
    """An address as the reports show it (`¶58`, `h12`) or as JSON gives it (`<id>#p58`): `p58`, `h12`."""
    shown = shown.rpartition("#")[2]
    return "p" + shown[1:] if shown.startswith("¶") else shown


# --- diff --format json: the reference --------------------------------------------------------


def json_report(views: Views, old: str, new: str) -> dict[str, Any]:
    return json.loads(cli("--corpus", str(views.corpus), "diff", old, new, "--format", "json"))


def json_pairs(report: Mapping[str, Any]) -> dict[Pair, int]:
    """Each unit-level initiative as (old, new, class) with its 新旧对照表 `row`; a merge or split's
    extra pair is of class merged or split (its `relation`), any other of its `status`."""
    pairs: dict[Pair, int] = {}
    for item in report["initiatives"]:
        if item["level"] != "unit":
            continue
        sides = (anchor(item[side]["address"]) if item[side] else "" for side in ("old", "new"))
        kind = {"merge": "merged", "split": "split"}.get(item.get("relation", ""), item["status"])
        pair = (*sides, kind)
        assert pair not in pairs, f"the JSON reports {pair} twice"
        pairs[pair] = item["row"]
    return pairs


def json_rows(pairs: Mapping[Pair, int]) -> dict[int, Row]:
    """The rows the JSON's pairs make: the units its pairs link, under the one `row` they share; a
    row of several old units is a merge, of several new ones a split (docs/diff-output.md)."""
    rows: dict[int, list[Pair]] = {}
    for pair, number in pairs.items():
        rows.setdefault(number, []).append(pair)
    found = {}
    for number, members in rows.items():
        old = frozenset(o for o, _, _ in members if o)
        new = frozenset(n for _, n, _ in members if n)
        joined = {"merged"} if len(old) > 1 else set()
        joined |= {"split"} if len(new) > 1 else set()
        found[number] = Row(old, new, frozenset(joined or {c for _, _, c in members}))
    assert len(_linked(pairs)) == len(found), (
        "units linked by pairs are in different rows, or one row holds apart ones"
    )
    return found


def _linked(pairs: Iterable[Pair]) -> list[set[tuple[str, str]]]:
    """The groups of (side, anchor) that pairs link."""
    groups: list[set[tuple[str, str]]] = []
    for old, new, _ in pairs:
        units = {("old", old)} if old else set()
        units |= {("new", new)} if new else set()
        touching = [g for g in groups if g & units]
        for group in touching:
            groups.remove(group)
            units |= group
        groups.append(units)
    return groups


# --- the terminal, review and the git diff driver ----------------------------------------------

#: `[改写] #80 旧¶58 新¶59（把握高） …`, `[合并] #60 旧¶45 新¶34 …`, `[新增] #89 新¶69 …`
CITED = re.compile(
    r"^\[(?P<label>[^\]]+)\] #(?P<row>\d+)(?: 旧(?P<old>¶\d+|h\d+))?(?: 新(?P<new>¶\d+|h\d+))?(?=[ （])"
)


def terminal_pairs(text: str) -> dict[Pair, int]:
    """The units listed, each line a unit's label and citation; a table change has no row."""
    pairs: dict[Pair, int] = {}
    for line in text.splitlines():
        if not line.startswith("[") or "] 表格" in line:
            continue
        found = CITED.match(line)
        assert found, line
        pair = (anchor(found["old"] or ""), anchor(found["new"] or ""), CLASS_OF_LABEL[found["label"]])
        assert pair not in pairs, f"{pair} listed twice"
        pairs[pair] = int(found["row"])
    return pairs


def changes_only(pairs: Mapping[Pair, int], report: Mapping[str, Any]) -> dict[Pair, int]:
    """The pairs whose status (JSON) is a change, and every extra pair of a merge or split
    whatever its status: what review and the git diff driver list (docs/diff-output.md)."""
    shown = {
        (anchor(i["old"]["address"]) if i["old"] else "", anchor(i["new"]["address"]) if i["new"] else "")
        for i in report["initiatives"]
        if i["level"] == "unit" and (i["status"] in CHANGES or i.get("relation"))
    }
    return {pair: row for pair, row in pairs.items() if pair[:2] in shown}


def test_the_json_reports_what_the_overrides_decide_of_initiatives(views: Views) -> None:
    report = json_report(views, PLAN_2022, PLAN_2025)
    decided = {
        tuple(item[side]["heading"].rstrip("。") if item[side] else "" for side in ("old", "new"))
        for item in report["initiatives"]
        if item.get("pinned")
    }
    assert decided == DECIDED
    assert not any(item.get("pinned") for item in json_report(views, PLAN_2022, MID_2023)["initiatives"])
    from corpusdiff.site.diffpage import pair_page

    page = (views.site / pair_page(PLAN_2022, PLAN_2025)).read_text(encoding="utf-8")
    listed = lxml.html.fromstring(page).text_content()
    assert "推进法治城区建设（已审定）" in listed  # the site's list of dropped initiatives


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_the_terminal_lists_the_json_s_pairs_each_once_with_its_row(views: Views, old: str, new: str) -> None:
    expected = json_pairs(json_report(views, old, new))
    assert terminal_pairs(cli("--corpus", str(views.corpus), "diff", old, new)) == expected


@pytest.mark.parametrize(("old", "new"), PAIRS[:2])
def test_the_git_diff_driver_lists_the_json_s_changes(views: Views, old: str, new: str) -> None:
    """What git runs for a corpus document (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE …), here with
    one edition as the old side of the file and the next as its new side. (The driver shows a
    document against its own revision, so it takes the overrides of `<id>__<id>`, not those of
    2022 → 2025: docs/diff-output.md, "Reviewer overrides".)"""
    report = json_report(views, old, new)
    files = [str(views.corpus / f"{doc}.md") for doc in (old, new)]
    blob = ("0" * 7, "100644")
    shown = cli(
        "--corpus", str(views.corpus), "git", "diff-driver", files[1], files[0], *blob, files[1], *blob
    )
    assert shown.startswith(f"corpusdiff {files[1]}\n")
    assert terminal_pairs(shown) == changes_only(json_pairs(report), report)


def test_review_lists_the_json_s_changes_of_the_pair_it_compares(views: Views) -> None:
    """`review` of the commit that adds the 2025 plan compares it with the 2022 plan (the annual
    plan before it, not the mid-year report), under the pair's overrides committed at the head of
    the range; its JSON diff is diff's, its terminal lists the changes."""
    report = json_report(views, PLAN_2022, PLAN_2025)
    assert len(report["overrides"]) == 4
    [item] = [item for item in views.review_json if item["diff"]]
    assert (item["id"], item["against"]) == (PLAN_2025, PLAN_2022)
    assert item["diff"] == report
    assert terminal_pairs(views.review_terminal) == changes_only(json_pairs(report), report)


#: The 2025 plan with one paragraph printed twice, as a hand correction committed after it: the
#: diff splits the second copy off the one paragraph word for word, a split of status recurring.
TWICE = "外资外贸扩量提质。"


@pytest.fixture(scope="module")
def doubled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of the 2025 plan, then the plan with one paragraph printed twice in a commit of
    its own."""
    corpus = tmp_path_factory.mktemp("one-answer-doubled") / "corpus"
    cli("--corpus", str(corpus), "ingest", "-q", str(PLAN_SEEDS[-1]))
    path = corpus / f"{PLAN_2025}.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(TWICE))
    path.write_text("\n".join([*lines[: at + 1], "", lines[at], *lines[at + 1 :]]), encoding="utf-8")
    git = ("git", "-C", str(corpus), "-c", "user.name=t", "-c", "user.email=t@t.invalid")
    subprocess.run([*git, "commit", "-qam", "a paragraph printed twice"], check=True)
    return corpus


def test_review_and_the_git_diff_driver_list_a_split_whose_piece_recurs(doubled: Path) -> None:
    """A merge or split whose extra pair recurs word for word is a change of the report's shape:
    `diff` lists it, and so do review and the git diff driver (they filtered by status, and hid
    it). The listings are compared as counts of (old, new, class, row)."""
    report = json.loads(cli("--corpus", str(doubled), "diff", f"{PLAN_2025}@HEAD~1", PLAN_2025, "--format", "json"))
    units = [i for i in report["initiatives"] if i["level"] == "unit"]
    assert any(i.get("relation") and i["status"] == "recurring" for i in units), "the fixture lost its case"
    expected = Counter(
        (
            anchor(i["old"]["address"]) if i["old"] else "",
            anchor(i["new"]["address"]) if i["new"] else "",
            {"merge": "merged", "split": "split"}.get(i.get("relation", ""), i["status"]),
            i["row"],
        )
        for i in units
        if i["status"] in CHANGES or i.get("relation")
    )
    path = doubled / f"{PLAN_2025}.md"
    before = doubled / "before.md"
    before.write_bytes(subprocess.run(
        ["git", "-C", str(doubled), "show", f"HEAD~1:{PLAN_2025}.md"], check=True, capture_output=True
    ).stdout)
    blob = ("0" * 7, "100644")
    driver = cli("--corpus", str(doubled), "git", "diff-driver", str(path), str(before), *blob, str(path), *blob)
    before.unlink()
    assert cited(driver) == expected
    review = ("--corpus", str(doubled), "review", "HEAD~1..HEAD", "--jobs", "1")
    assert cited(cli(*review)) == expected


def cited(text: str) -> Counter[tuple[str, str, str, int]]:
    """Each unit line of a terminal listing as (old, new, class, row), however often it comes."""
    found: Counter[tuple[str, str, str, int]] = Counter()
    for line in text.splitlines():
        if line.startswith("[") and "] 表格" not in line and (match := CITED.match(line)):
            label = CLASS_OF_LABEL[match["label"]]
            found[(anchor(match["old"] or ""), anchor(match["new"] or ""), label, int(match["row"]))] += 1
    return found


# --- Markdown ------------------------------------------------------------------------------------

#: A row's number is `#` and a word joiner (U+2060) in Markdown, so that no forge links an issue.
LISTED = re.compile(r"^- #\u2060(?P<row>\d+)(?: 旧(?P<old>¶\d+|h\d+))?(?: 新(?P<new>¶\d+|h\d+))?(?=[ （])")
REDLINE = re.compile(r"^\| #\u2060(?P<row>\d+)(?P<at>(?: [旧新](?:¶\d+|h\d+))+) \| (?P<label>[^|]+) \| ")
#: `- #60 旧¶45 旧¶46 新¶34 合并：…`: a merge or split, one entry per row with all its units.
JOINED = re.compile(r"^- #\u2060(?P<row>\d+)(?P<at>(?: [旧新](?:¶\d+|h\d+))+) (?P<label>[^：]+)：")
#: The lists of the Markdown report and the class of the units each holds.
SECTIONS = {"新增条目": "new", "删除条目": "dropped", "移动条目": "moved"}


def markdown_views(text: str) -> tuple[dict[Pair, int], dict[int, Row], dict[int, Row]]:
    """The units the lists name (new, dropped, moved), the merges and splits (one entry per row
    of the 新旧对照表), and the rows of the 新旧对照 table, one per row whose units continue changed."""
    pairs: dict[Pair, int] = {}
    joined: dict[int, Row] = {}
    rows: dict[int, Row] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = re.sub(r"（.*", "", line[3:])
        elif section in SECTIONS and (found := LISTED.match(line)):
            pair = (anchor(found["old"] or ""), anchor(found["new"] or ""), SECTIONS[section])
            assert pair not in pairs, f"{pair} listed twice"
            pairs[pair] = int(found["row"])
        elif section == "合并与拆分的条目" and (found := JOINED.match(line)):
            _add_row(joined, found, "merged or split")
        elif section.startswith("新旧对照") and (found := REDLINE.match(line)):
            _add_row(rows, found, "the 新旧对照 table")
    return pairs, joined, rows


def _add_row(rows: dict[int, Row], found: re.Match[str], where: str) -> None:
    """A row as a Markdown line cites it: its number, its units' addresses and its classes."""
    at = found["at"].split()
    number = int(found["row"])
    assert number not in rows, f"row {number} twice in {where}"
    rows[number] = Row(
        frozenset(anchor(a[1:]) for a in at if a.startswith("旧")),
        frozenset(anchor(a[1:]) for a in at if a.startswith("新")),
        frozenset(CLASS_OF_LABEL[label] for label in found["label"].split("、")),
    )


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_the_markdown_report_shows_the_json_s_pairs_and_rows(views: Views, old: str, new: str) -> None:
    pairs = json_pairs(json_report(views, old, new))
    listed, joined, table = markdown_views(
        cli("--corpus", str(views.corpus), "diff", old, new, "--format", "markdown")
    )
    # the lists: every new, dropped and moved unit (a merge's or split's main pair too, when moved);
    # merges and splits: one entry per row, with all its units, as the table has it; the table:
    # every row that continues changed
    assert listed == {pair: row for pair, row in pairs.items() if pair[2] in ("new", "dropped", "moved")}
    rows = json_rows(pairs)
    assert joined == {n: r for n, r in rows.items() if r.classes & {"merged", "split"}}
    assert table == {n: r for n, r in rows.items() if r.old and r.new and r.classes != {"recurring"}}


# --- the timeline --------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_each_step_of_the_timeline_is_a_pair_of_the_diff_it_names(views: Views, old: str, new: str) -> None:
    """Each step of a thread names the diff whose pair is its evidence (docs/timeline.md): the
    thread's items in that diff's two editions — the step's own two items, or for a bridge or a
    gap the items either side of it — are a pair that diff reports, with the step's class, and
    the step names them (`pair`); a step whose diff is not of its own two editions says it is a
    bridge. Every item is a unit the diff reports at the same address."""
    pairs = json_pairs(json_report(views, old, new))
    threads = views.timeline["threads"]
    steps = set()
    for thread, link in ((t, link) for t in threads for link in t["links"] if link["diff"] == [old, new]):
        items = (_item_in(thread, old)["pointer"], _item_in(thread, new)["pointer"])
        assert link["pair"] == list(items)
        own = [thread["items"][link[side]]["edition"] for side in ("old", "new")]
        assert link["bridge"] == (own != [old, new])
        steps.add((anchor(items[0]), anchor(items[1]), link["class"]))
    assert steps and steps <= set(pairs)
    for edition, side in ((old, 0), (new, 1)):
        reported = {pair[side] for pair in pairs} - {""}
        items = {anchor(i["pointer"]) for t in threads for i in t["items"] if i["edition"] == edition}
        assert items <= reported


def edition_of(href: str) -> str:
    """The document id of a site link to a unit (`../doc/futian/annual-plan/2022-01.html#h2`)."""
    return href.split("../doc/", 1)[1].split(".html", 1)[0]


def _item_in(thread: Mapping[str, Any], edition: str) -> dict[str, str]:
    """A thread's item in an edition: it holds at most one per edition (docs/timeline.md)."""
    [item] = [i for i in thread["items"] if i["edition"] == edition]
    return item


def test_the_site_s_timeline_page_holds_the_command_s_threads(views: Views) -> None:
    """The site's timeline of the series (docs/site.md: the same pairs, editions at most two apart,
    which for three editions is every pair) has the command's threads: each row's cells link the
    items' addresses, `—` where the thread has none."""
    editions = [e["id"] for e in views.timeline["editions"]]
    command = sorted(
        tuple(next((anchor(i["pointer"]) for i in t["items"] if i["edition"] == e), "") for e in editions)
        for t in views.timeline["threads"]
    )
    page = lxml.html.parse(str(views.site / "timeline/futian-plan.html"))
    grid = [
        tuple(anchor(a.get("href")) if (a := td.find("a")) is not None else "" for td in tr.findall("td")[:3])
        for tr in page.iter("tr")
        if re.fullmatch(r"[a-z-]+-\d+", tr.get("id") or "")
    ]
    # a thread of one edition is listed under the grid by its edition (docs/site.md)
    folded = [
        tuple(anchor(href) if e == edition_of(href) else "" for e in editions)
        for href in page.xpath('//details[@class="single-threads"]//dd/a/@href')
    ]
    assert len(command) > 100 and folded and sorted(grid + folded) == command
    # each bridge links the page of the pair of editions its evidence is from (docs/site.md)
    bridges = sorted(
        "../diff/{}__{}.html".format(*(e.replace("/", ".") for e in link["diff"]))
        for t in views.timeline["threads"]
        for link in t["links"]
        if link["bridge"]
    )
    linked = sorted(a.get("href") for a in page.iter("a") if a.get("class") == "bridge")
    assert bridges and [href.partition("#")[0] for href in linked] == bridges
    # ... at the row of its pair there, the row that links both its units
    pairs = sorted(link["pair"] for t in views.timeline["threads"] for link in t["links"] if link["bridge"])
    for href, pair in zip(linked, pairs, strict=True):
        path, _, row = href.partition("#")
        diff_page = lxml.html.parse(str(views.site / "timeline" / path))
        units = {a.get("href") for a in diff_page.getroot().get_element_by_id(row).iter("a")}
        assert {"../doc/{}.html#{}".format(*pointer.split("#")) for pointer in pair} <= units


# --- the site ----------------------------------------------------------------------------------


def site_rows(page: Path) -> dict[int, Row]:
    """The rows of a diff page (docs/site.md): `<article class="row" id="r28">`, its label
    (`拆分`) and the addresses of its units (`旧¶17`, `新h5`)."""
    rows: dict[int, Row] = {}
    for article in lxml.html.parse(str(page)).iter("article"):
        number = int(article.get("id").removeprefix("r"))
        label = article.find("header/span").text_content()
        at = [a.text_content() for a in article.iterfind("header/a") if a.get("class") == "at"]
        assert number not in rows
        rows[number] = Row(
            frozenset(anchor(a[1:]) for a in at if a.startswith("旧")),
            frozenset(anchor(a[1:]) for a in at if a.startswith("新")),
            frozenset(CLASS_OF_LABEL[part] for part in label.split("、")),
        )
    return rows


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_the_site_s_diff_page_shows_the_json_s_rows(views: Views, old: str, new: str) -> None:
    from corpusdiff.site.diffpage import pair_page

    pairs = json_pairs(json_report(views, old, new))
    assert site_rows(views.site / pair_page(old, new)) == json_rows(pairs)


def duizhao_rows(page: Path) -> dict[int, Row]:
    """The rows of a 新旧对照 page (docs/site.md): `<tr id="r28">`, the addresses of the units in
    its old and new cells (`¶17`, `h5`), its 修改说明, which starts with the class (`拆分；…`)."""
    rows: dict[int, Row] = {}
    for tr in lxml.html.parse(str(page)).iter("tr"):
        if not (tr.get("id") or "").startswith("r"):
            continue
        cells = tr.findall("td")
        old, new = ({anchor(a.text_content()) for a in cell.iterfind("p/a")} for cell in cells[1:3])
        classes = cells[3].text_content().split("；")[0].split("、")
        rows[int(tr.get("id").removeprefix("r"))] = Row(
            frozenset(old), frozenset(new), frozenset(CLASS_OF_LABEL[c] for c in classes)
        )
    return rows


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_the_site_s_duizhao_page_shows_the_json_s_rows(views: Views, old: str, new: str) -> None:
    from corpusdiff.site.diffpage import DUIZHAO, pair_page

    pairs = json_pairs(json_report(views, old, new))
    assert duizhao_rows(views.site / pair_page(old, new, DUIZHAO + ".html")) == json_rows(pairs)


# --- the 新旧对照表 file ----------------------------------------------------------------------


def csv_rows(text: str) -> dict[int, Row]:
    """The numbered rows of the 新旧对照表 as CSV (docs/diff-output.md): 序号, 类别 and each unit's
    address, one per line, in 旧版位置 and 新版位置; a heading row has no number."""
    rows: dict[int, Row] = {}
    for record in csv.DictReader(io.StringIO(text)):
        if record["序号"]:
            rows[int(record["序号"])] = Row(
                frozenset(anchor(a) for a in record["旧版位置"].split()),
                frozenset(anchor(a) for a in record["新版位置"].split()),
                frozenset(CLASS_OF_LABEL[label] for label in record["类别"].split("、")),
            )
    return rows


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_the_comparison_table_file_holds_the_json_s_rows(views: Views, old: str, new: str) -> None:
    pairs = json_pairs(json_report(views, old, new))
    table = cli("--corpus", str(views.corpus), "diff", old, new, "--format", "csv")
    assert csv_rows(table) == json_rows(pairs)


def test_review_s_table_counts_what_the_diff_counts(doubled: Path) -> None:
    """The review's Markdown table counts each class the JSON summary counts, merges and splits
    included (it counted only new, dropped, reworded and moved, so a split showed nowhere)."""
    report = json.loads(cli("--corpus", str(doubled), "diff", f"{PLAN_2025}@HEAD~1", PLAN_2025, "--format", "json"))
    classes = ("new", "dropped", "reworded", "moved", "merged", "split")
    expected = {c: sum(part[c] for part in report["summary"]["parts"]) for c in classes}
    assert expected["split"] == 1, "the fixture lost its case"
    table = cli("--corpus", str(doubled), "review", "HEAD~1..HEAD", "--format", "markdown", "--lang", "en")
    header = next(line for line in table.splitlines() if line.startswith("| "))
    row = next(line for line in table.splitlines() if line.startswith(f"| `{PLAN_2025}`"))
    names, counts = ([cell.strip() for cell in line.split("|")[4:-1]] for line in (header, row))
    shown = dict(zip(names, counts, strict=True))
    assert shown == {
        "NEW": str(expected["new"]),
        "DROPPED": str(expected["dropped"]),
        "REWORDED": str(expected["reworded"]),
        "MOVED": str(expected["moved"]),
        "MERGED": str(expected["merged"]),
        "SPLIT": str(expected["split"]),
    }
