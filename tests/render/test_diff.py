"""The terminal views of a diff: the one-screen summary, the listing levels, the focus on a
section (which filters the counts too) and the programmes after the sections."""

from __future__ import annotations

import itertools
import re

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.render.diff import edition_name, grouped, in_sections, part_line
from corpusdiff.render.diff_markdown import to_markdown
from corpusdiff.render.diff_terminal import Detail, to_summary, to_terminal
from corpusdiff.strings import catalogue
from corpusdiff.structure import tree_from_markdown
from corpusdiff.text.chars import display_width
from corpusdiff.types.diff import DiffResult, Initiative, PartSummary, Status
from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import DocTree, unit_title
from tests.conftest import ROOT, corpus_diff

OLD, NEW = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
SCREEN = 40


@pytest.fixture(scope="module")
def result() -> DiffResult:
    return corpus_diff(OLD, NEW)


@pytest.mark.parametrize(
    ("language", "new", "dropped", "programmes"),
    [
        ("zh", "新增条目（{n}，其中 {low} 项把握低，标 ?）：", "删除条目（{n}，其中 {low} 项把握低，标 ?）：", "项目（"),
        ("en", "NEW initiatives ({n}; {low} doubtful, marked ?):", "DROPPED initiatives ({n}; {low} doubtful, marked ?):", "programmes ("),
    ],
)
def test_summary_fits_one_screen_and_names_new_and_dropped_initiatives(
    result: DiffResult, language: str, new: str, dropped: str, programmes: str
) -> None:
    lines = to_summary(result, color=False, width=80, strings=catalogue(language)).splitlines()
    assert len(lines) <= SCREEN
    assert all(display_width(line) <= 80 for line in lines)
    text = "".join(line.strip() for line in lines)
    counts = result.counts()
    low = {status: _doubtful(result, status) for status in (Status.NEW, Status.DROPPED)}
    assert low[Status.NEW] and low[Status.DROPPED]  # both kinds of call are doubted somewhere in this pair
    new_title = new.format(n=counts["new"], low=low[Status.NEW])
    dropped_title = dropped.format(n=counts["dropped"], low=low[Status.DROPPED])
    assert new_title in text and dropped_title in text
    # 2022's task 13 (transport hubs 黄木岗枢纽, 岗厦北枢纽) has no counterpart in the 2025 plan
    assert "推进枢纽城区建设" in text.split(dropped_title)[1]
    # each doubtful name is marked, and nothing else but the two titles that explain the mark
    assert text.count("?") == low[Status.NEW] + low[Status.DROPPED] + 2
    assert "==" not in text and programmes not in text  # no sections, no programme names


def _doubtful(result: DiffResult, status: Status) -> int:
    return sum(
        1
        for i in result.initiatives
        if i.level == "unit" and i.status == status and not i.relation and i.nearest is not None
    )


#: A unit's citation after its label: its 新旧对照表 row and addresses (`#80 旧¶58 新¶59`).
_CITATION = re.compile(r"^(\[[^\]]+\]) #\d+(?: (?:[旧新]|old |new )(?:¶\d+|h\d+))+ ?")


def _uncited(text: str) -> list[str]:
    """The lines with the citation after each unit's label taken out."""
    return [_CITATION.sub(r"\1 ", line).replace("] （", "]（") for line in text.splitlines()]


def _printed(result: DiffResult, item: Initiative) -> str:
    """A new or dropped unit's text as its report prints it: a group heading with its numbering."""
    tree, unit = (result.new, item.new) if item.new is not None else (result.old, item.old)
    assert unit is not None
    if unit.kind == "group" and unit.section is not None:
        return tree.sections[unit.section].label + tree.sections[unit.section].heading
    return unit.text


def test_a_doubtful_call_names_the_unit_it_may_continue(result: DiffResult) -> None:
    lines = _uncited(to_terminal(result, color=False, detail=Detail.UNIT))
    doubtful = [i for i in result.initiatives if i.level == "unit" and not i.relation and i.nearest is not None]
    assert doubtful
    for item in doubtful:
        assert item.nearest is not None
        label = "[新增]" if item.status == Status.NEW else "[删除]"
        side = "或延续旧版" if item.status == Status.NEW else "或延续为新版"
        text = _printed(result, item)
        expected = f"{label}（把握低：{side}「{unit_title(item.nearest)}」，匹配概率 {item.nearest_probability:.2f}） {text}"
        assert expected in lines
    sure = [i for i in result.initiatives if i.level == "unit" and i.status == Status.NEW and i.nearest is None]
    assert any(f"[新增] {_printed(result, i)}" in lines for i in sure if i.new is not None)


def test_sure_leaves_out_the_doubtful_calls_and_counts_them(result: DiffResult) -> None:
    """`--sure` lists only the calls of new and dropped nothing in the other edition may continue,
    and says how many it left out, in the list and in the summary."""
    doubtful = [i for i in result.initiatives if i.level == "unit" and not i.relation and i.nearest is not None]
    sure = [i for i in result.initiatives if i.level == "unit" and not i.relation and i.nearest is None and i.status in (Status.NEW, Status.DROPPED)]
    assert doubtful and sure
    listing = _uncited(to_terminal(result, color=False, detail=Detail.UNIT, sure=True))
    assert not any("（把握低：" in line for line in listing)  # pairs keep their own （把握低）
    assert all(any(line.endswith(_printed(result, i)) for line in listing) for i in sure)
    assert f"另有 {len(doubtful)} 项新增或删除的判断把握低，未列出（去掉 --sure 可见）。" in listing
    summary = "".join(line.strip() for line in to_summary(result, color=False, sure=True).splitlines())
    for status, word in ((Status.NEW, "新增"), (Status.DROPPED, "删除")):
        n = sum(1 for i in sure if i.status == status)
        assert f"{word}条目（{n}，另有 {_doubtful(result, status)} 项把握低，未列出）：" in summary
    assert "?" not in summary


def test_full_view_wraps_and_lists_programmes_after_the_sections(result: DiffResult) -> None:
    lines = to_terminal(result, color=False, width=60).splitlines()
    assert all(display_width(line) <= 60 for line in lines)
    last_section = max(n for n, line in enumerate(lines) if line.startswith("== ") and "项目名称" not in line)
    programmes = lines.index("== 项目名称")
    assert programmes > last_section
    assert lines[programmes + 1].startswith("  新增项目（")
    unwrapped = to_terminal(result, color=False).splitlines()
    assert max(map(display_width, unwrapped)) > 60  # without a width nothing is wrapped


def _listed(text: str) -> list[str]:
    return [
        line
        for line in text.splitlines()
        if re.match(r"\[(新增|删除|改写|移动|延续|合并|拆分)\]|    [+-] ", line)
    ]


def test_levels_list_tasks_units_or_sentences(result: DiffResult) -> None:
    tasks = to_terminal(result, color=False, detail=Detail.TASK)
    units = to_terminal(result, color=False, detail=Detail.UNIT)
    sentences = to_terminal(result, color=False, detail=Detail.SENTENCE)
    assert len(_listed(tasks)) < len(_listed(units)) < len(_listed(sentences))
    assert "增加句子" not in units and "+ 增加句子：" in sentences
    # 4.推动消费提质升级 is a numbered task of 2022; 消费活力稳中提升 a paragraph of its review
    assert "推动消费提质升级" in tasks and "消费活力稳中提升" not in tasks
    assert "消费活力稳中提升" in units


def test_only_lists_the_sentences_inside_the_units_it_lists(result: DiffResult) -> None:
    """A sentence added inside a continuing unit is no new initiative: `--only new,dropped`
    printed every one of them (national 2021 → 2022: 599 lines) with no unit line above them,
    under the sections as if new or dropped paragraphs. They go with their unit, so listed
    only where it is."""
    new_and_dropped = to_terminal(result, only=[Status.NEW, Status.DROPPED], color=False)
    assert "[新增]" in new_and_dropped and "增加句子" not in new_and_dropped and "删去句子" not in new_and_dropped
    reworded = to_terminal(result, only=[Status.REWORDED], color=False)
    units_above, unit = [], ""
    for line in reworded.splitlines():
        if line.startswith("["):
            unit = line
        elif line.startswith(("    + 增加句子", "    - 删去句子")):
            units_above.append(unit.split(" ")[0])
    # a merge's or split's extra pair is reworded by its status, so listed too (docs/diff-output.md)
    assert "[改写]" in units_above and set(units_above) <= {"[改写]", "[合并]", "[拆分]"}


def test_a_new_or_dropped_group_heading_is_quoted_as_the_report_prints_it(result: DiffResult) -> None:
    """2025's `### （一）高质量发展稳步推进` (annual-plan/2025-01.md line 43) was listed as
    `高质量发展稳步推进。`: its numbering gone and a full stop the report does not have, added
    for matching; an analyst quoting the line quoted words the report does not say."""
    terminal = to_terminal(result, only=[Status.NEW, Status.DROPPED], color=False, width=0)
    [new] = [line for line in terminal.splitlines() if line.startswith("[新增]") and " 新h2" in line]
    assert new.endswith(" （一）高质量发展稳步推进")
    # 2022's `### （一）坚持生命至上人民至上，疫情防控取得重要成效` (annual-plan/2022-01.md line 41)
    assert any(line.endswith(" （一）坚持生命至上人民至上，疫情防控取得重要成效") for line in terminal.splitlines())
    markdown = to_markdown(result)
    assert "新h2 （一）高质量发展稳步推进 —" in markdown and "高质量发展稳步推进。" not in markdown


def test_section_focus_cuts_counts_items_and_programmes(result: DiffResult) -> None:
    tasks = in_sections(result, "主要任务")
    assert tasks is not None
    assert [part.part for part in tasks.parts()] == ["tasks"]
    assert {item.part for item in tasks.initiatives} == {"tasks"}
    whole = {p.part: p for p in result.parts()}["tasks"]
    assert tasks.parts()[0] == whole  # the whole part is inside: its counts are the same
    assert set(tasks.programmes.new) < set(result.programmes.new)
    # 五篇大文章 is named only in the 2025 tasks (5.扎实做好金融“五篇大文章”)
    assert "五篇大文章" in tasks.programmes.new
    summary = to_summary(tasks, color=False)
    assert "上年回顾" not in summary and "主要任务 34 → 29：" in summary


def test_section_focus_matches_numbering_and_nested_headings(result: DiffResult) -> None:
    group = in_sections(result, "（一）预期性指标")
    assert group is not None
    assert {item.part for item in group.initiatives} == {"targets"}
    assert all("预期性指标" in " ".join(group.old.path_of(i.old.section)) for i in group.initiatives if i.old)
    task = in_sections(result, "推进枢纽城区建设")  # a task's own heading
    assert task is not None and task.counts()["dropped"] == 1 and sum(task.counts().values()) == 1


def test_no_heading_with_the_text_is_none(result: DiffResult) -> None:
    assert in_sections(result, "没有这一节") is None


def test_a_programme_name_holding_a_list_comma_reads_as_one_name(result: DiffResult) -> None:
    """2022 quotes “一网统管、一键预约” (a platform) and “民意速办” apart: each name is quoted, so
    the list does not read as 一网统管 dropped twice."""
    dropped = result.programmes.dropped
    assert "一网统管、一键预约" in dropped and "民意速办" in dropped
    line = next(line for line in to_terminal(result, color=False).splitlines() if "不再提及的项目" in line)
    assert "“一网统管、一键预约”" in line and "“民意速办”" in line


def test_a_number_beside_a_pair_or_a_call_says_what_it_is(result: DiffResult) -> None:
    """`== …  ⇒  … (0.19)`, `（把握低：或延续为新版「…」，0.28）` and the 对照表's `匹配把握中（0.63）`
    gave numbers a reader could not read (looked at as an analyst comparing two plans): each
    says what it is, the sections' similarity or the matcher's probability that two units are one
    initiative."""
    from corpusdiff.render.table import comparison_table

    number = r"[01]\.\d\d"
    for strings, similarity, probability in (
        (catalogue("zh"), rf"（相似度 {number}）", rf"，匹配概率 {number}）"),
        (catalogue("en"), rf" \(similarity {number}\)", rf", probability {number}\)"),
    ):
        lines = to_terminal(result, color=False, detail=Detail.UNIT, strings=strings).splitlines()
        paired = [line for line in lines if line.startswith("== ") and "  ⇒  " in line]
        assert paired and all(re.search(similarity + "$", line) for line in paired), paired[:3]
        doubts = [line for line in lines if re.match(r"\[(删除|新增|DROPPED|NEW)\].*(把握低|doubtful)", line)]
        assert doubts and all(re.search(probability, line) for line in doubts), doubts[:3]
    notes = [row.note for row in comparison_table(result).unit_rows if "匹配把握" in row.note]
    assert notes and all(re.search(rf"匹配把握[中低]（概率 {number}）", note) for note in notes), notes[:3]
    doubted = [row.note for row in comparison_table(result).unit_rows if "判断把握低" in row.note]
    assert doubted and all(re.search(rf"」（匹配概率 {number}）", note) for note in doubted), doubted[:3]


def test_the_english_labels_are_the_catalogue_s_other_column(result: DiffResult) -> None:
    """The same report in English: the labels change, the report's text and counts do not."""
    zh = "\n".join(_uncited(to_terminal(result, color=False, detail=Detail.UNIT)))
    en = "\n".join(_uncited(to_terminal(result, color=False, detail=Detail.UNIT, strings=catalogue("en"))))
    sure = next(i for i in result.initiatives if i.status == Status.DROPPED and i.level == "unit" and i.nearest is None)
    assert sure.old is not None and f"[删除] {sure.old.text}" in zh and f"[DROPPED] {sure.old.text}" in en
    # 2022's task 13 (transport hubs) has no counterpart in the 2025 plan; the differ doubts the call
    assert "[删除]（把握低：或延续为新版「" in zh and "[DROPPED] (doubtful: may go on as new " in en
    assert "） 推进枢纽城区建设。" in zh and ") 推进枢纽城区建设。" in en
    assert "主要任务 34 → 29：延续 23（改写 21，移动 2）" in zh
    assert "Tasks 34 → 29: 23 continue (21 reworded, 2 moved)" in en
    assert len(zh.splitlines()) == len(en.splitlines())
    assert not re.search(r"\b(NEW|DROPPED|REWORDED|MOVED|SAME|continue|dropped)\b", zh)


def _report_tree(path: str) -> DocTree:
    from corpusdiff.canonical.markdown import render
    from corpusdiff.normalize.entry import normalize_file

    return tree_from_markdown(render(normalize_file(ROOT / "tests" / "data" / path)))


def test_only_the_opening_s_items_are_listed_before_the_first_heading(result: DiffResult) -> None:
    """An item of a section merged into another (2019's （八）深化重点领域改革 went into 2021's
    （二）) is listed with its unit, never under （正文开头）, the part before the first heading."""
    national = compare(
        _report_tree("national-gwr/wikisource/2019.txt"), _report_tree("national-gwr/wikisource/2021.txt")
    )
    for pair in (result, national):
        opening = [items for match, items in grouped(pair) if match is None]
        for item in (item for items in opening for item in items):
            assert all(unit.section is None for unit in (item.old, item.new) if unit is not None), item


def _provincial(date: str) -> str:
    return (
        f"---\ntitle: 政府工作报告\nid: hunan/government-work-report/{date}\nregion: 湖南省\nlevel: provincial\n"
        f"date: '{date}'\ndialect: '1'\n---\n\n# 政府工作报告\n\n## 一、主要任务\n\n"
        "### （一）稳住经济大盘\n\n出台稳经济一揽子政策措施，为市场主体减负超过800亿元。\n"
    )


def test_the_markdown_title_and_the_terminal_header_name_the_region_and_dates() -> None:
    old, new = (tree_from_markdown(_provincial(date)) for date in ("2023-01-16", "2024-01-22"))
    compared = compare(old, new)
    expected = "湖南省政府工作报告（2023年1月16日）→ 湖南省政府工作报告（2024年1月22日）"
    assert to_markdown(compared).splitlines()[0] == f"# {expected}"
    assert to_summary(compared, color=False).splitlines()[0] == expected
    english = to_markdown(compared, strings=catalogue("en")).splitlines()[0]
    assert english == "# 湖南省政府工作报告 (2023-01-16) → 湖南省政府工作报告 (2024-01-22)"


def test_a_title_that_names_its_region_or_a_national_report_is_not_prefixed() -> None:
    assert edition_name(Metadata(title="福田区2025年计划", region="福田区")) == "福田区2025年计划"
    assert edition_name(Metadata(title="政府工作报告", region="全国", level="national")) == "政府工作报告"
    assert edition_name(Metadata(title="政府工作报告")) == "政府工作报告"


OPENING = "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。"  # 86 columns


def test_a_recurring_unit_is_whole_when_it_fits_the_width_and_cut_with_an_ellipsis_when_not() -> None:
    old, new = (tree_from_markdown(_provincial(date).replace("## 一、", f"{OPENING}\n\n## 一、")) for date in ("2023", "2024"))
    compared = compare(old, new)
    wide = [line for line in to_terminal(compared, color=False, width=120).splitlines() if line.startswith("[延续]") and "现在，" in line]
    assert wide == [f"[延续] #1 旧¶0 新¶0 {OPENING}"]
    for width in (0, 60):  # 0: not wrapped, one line of an 80-column terminal
        [line] = [line for line in to_terminal(compared, color=False, width=width).splitlines() if line.startswith("[延续]") and "现在，" in line]
        assert line.endswith("…") and display_width(line) <= (width or 80)
        assert OPENING.startswith(line.removeprefix("[延续] #1 旧¶0 新¶0 ").removesuffix("…"))


def test_the_markdown_redline_table_names_its_merges_and_splits_apart_from_the_counts() -> None:
    # the counts' 改写 and 移动 leave out the pairs of merges and splits; the table shows them too,
    # a row per group of units the pairs link (counted here from the pairs, not the table)
    result = corpus_diff("futian/annual-plan/2022-01", "futian/annual-plan/2025-01")
    linked = _linked_units(result)
    joined = sum(1 for old, new, _ in linked if len(old) > 1 or len(new) > 1)
    changed = [
        g for g in linked if g[0] and g[1] and (len(g[0]) + len(g[1]) > 2 or g[2] != {Status.RECURRING})
    ]
    assert joined
    heading = f"## 新旧对照：改写与移动的条目（{len(changed)} 行，其中 {joined} 行为合并与拆分）"
    assert heading in to_markdown(result).splitlines()


def _linked_units(result: DiffResult) -> list[tuple[set[int], set[int], set[str]]]:
    """(old units, new units, the pairs' statuses) of each group of units linked by pairs."""
    groups: list[tuple[set[int], set[int], set[str]]] = []
    for item in (i for i in result.initiatives if i.level == "unit"):
        old = {item.old.index} if item.old else set()
        new = {item.new.index} if item.new else set()
        touching = [g for g in groups if g[0] & old or g[1] & new]
        for group in touching:
            groups.remove(group)
            old, new = old | group[0], new | group[1]
        statuses = {item.status}.union(*(g[2] for g in touching))
        groups.append((old, new, statuses))
    return groups


def test_a_table_row_line_keeps_its_sign_in_markdown() -> None:
    # unescaped, `  - - 删去行：…` is a nested list: an empty bullet, the sign gone
    result = corpus_diff("futian/annual-plan/2022-01", "futian/annual-plan/2025-01")
    rows = [line for line in to_markdown(result).splitlines() if "删去行" in line]
    assert rows and all(line.startswith("  - \\- 删去行：") for line in rows)


def test_the_closing_part_without_a_heading_is_named_in_the_reader_s_language() -> None:
    from corpusdiff.normalize.entry import normalize_file
    from corpusdiff.structure import build_tree
    from corpusdiff.types.tree import CLOSING_HEADING

    national = ROOT / "tests" / "data" / "national-gwr" / "wikisource"
    compared = compare(*(build_tree(normalize_file(national / f"{year}.txt")) for year in (2014, 2015)))
    english = to_terminal(compared, color=False, strings=catalogue("en")).splitlines()
    assert "== (closing part, without a heading in the report)" in english
    assert not any(CLOSING_HEADING in line for line in english)
    assert f"== {CLOSING_HEADING}" in to_terminal(compared, color=False).splitlines()


def test_a_diff_cut_to_some_sections_says_so_in_every_view_that_counts() -> None:
    # the counts of `--section 全域治理` are of those sections: the terminal, Markdown and the
    # Word table say so, lest they be read as the whole report's
    import io

    import docx

    from corpusdiff.render.export import to_docx
    from corpusdiff.render.table import comparison_table

    cut = in_sections(corpus_diff("futian/annual-plan/2022-01", "futian/annual-plan/2025-01"), "全域治理")
    assert cut is not None
    line = "仅含标题含“全域治理”的章节（--section），各项计数只计这些章节。"
    assert to_summary(cut, color=False).splitlines()[1] == line
    assert line in to_markdown(cut).splitlines()
    assert line in [p.text for p in docx.Document(io.BytesIO(to_docx(comparison_table(cut)))).paragraphs]
    english = to_terminal(cut, color=False, width=0, strings=catalogue("en")).splitlines()
    assert english[1].startswith("Only the sections whose heading contains “全域治理”")


def test_every_listed_unit_cites_its_comparison_table_row_and_addresses(result: DiffResult) -> None:
    """An analyst reading the terminal cites a change by its 新旧对照表 row and finds it in the
    JSON, CSV, site and a reviewer note by its addresses (`#80 旧¶58 新¶59`), as the table gives them."""
    from corpusdiff.render.table import comparison_table

    rows = {row.number: row for row in comparison_table(result).unit_rows}
    cited = re.compile(r"^\[[^\]]+\] #(\d+)((?: [旧新](?:¶\d+|h\d+))+)")
    terminal = to_terminal(result, color=False, detail=Detail.UNIT).splitlines()
    listed = [line for line in terminal if line.startswith("[") and "] 表格" not in line]  # tables have no row
    assert len(listed) > 100
    for line in listed:
        found = cited.match(line)
        assert found, line
        row = rows[int(found.group(1))]
        table = {f"旧{_shown(e.address)}" for e in row.old} | {f"新{_shown(e.address)}" for e in row.new}
        assert set(found.group(2).split()) <= table, line
    summary = "".join(line.strip() for line in to_summary(result, color=False, width=80).splitlines())
    assert "#94¶72 推进枢纽城区建设?" in summary  # 2022's dropped task 13, row 94 of the table
    assert rows[94].old[0].address.endswith("#p72") and not rows[94].new


def _shown(address: str) -> str:
    anchor = address.rpartition("#")[2]
    return f"¶{anchor[1:]}" if anchor.startswith("p") else anchor


def test_the_english_citation_reads_old_and_new(result: DiffResult) -> None:
    en = to_terminal(result, color=False, detail=Detail.UNIT, strings=catalogue("en"))
    assert re.search(r"^\[REWORDED\] #\d+ old ¶\d+ new ¶\d+ \(high\) ", en, re.M)


@pytest.fixture(scope="module")
def national() -> DiffResult:
    """2021 → 2022 national work reports: a pair whose whole Markdown report is ~83,000
    characters, over GitHub's limit on a pull request's body or comment."""
    from corpusdiff.store.diffs import cached_compare

    return cached_compare(
        _report_tree("national-gwr/wikisource/2021.txt"), _report_tree("national-gwr/wikisource/2022.txt")
    )


def test_a_changed_figure_s_unit_is_named_once_stopped(result: DiffResult) -> None:
    """The 数字变化 list gave `——地区生产总值5949亿元；：2731亿元 → 5949亿元`: the unit's own
    semicolon, then the list's colon."""
    figures = to_markdown(result).split("## 数字变化（", 1)[1].split("\n\n", 2)[1].splitlines()
    units = [i for i in result.initiatives if i.level == "unit" and i.figures]
    assert any(unit_title(i.new or i.old).endswith("；") for i in units)  # type: ignore[arg-type]
    assert len(figures) == len(units) and not [line for line in figures if re.search(r"[；;，,。：:]：", line)]


def test_the_markdown_summary_of_a_national_pair_fits_a_pull_request_comment(national: DiffResult) -> None:
    from corpusdiff.render.diff import markdown_text
    from corpusdiff.render.diff_markdown import PULL_REQUEST_LIMIT

    whole, summary = to_markdown(national), to_markdown(national, summary=True)
    assert len(whole) > PULL_REQUEST_LIMIT > 4 * len(summary)
    units = [i for i in national.initiatives if i.level == "unit"]
    called = [i for i in units if i.status in (Status.NEW, Status.DROPPED) and not i.relation]
    assert called and all(markdown_text((i.new or i.old).text) in summary for i in called)  # type: ignore[union-attr]
    figures = [f.shown() for i in units for f in i.figures]
    assert figures and all(shown in summary for shown in figures)
    assert f"## 数字变化（{len(figures)}）" in summary
    inside = sum(1 for i in national.initiatives if i.level == "sentence")
    assert f"另有延续条目内部增删的 {inside} 句" in summary and "## 延续条目内部" not in summary
    assert summary.startswith(whole.split("## 项目名称")[0])  # the same title, editions and counts


def test_a_markdown_report_cut_to_a_limit_says_what_it_left_out(national: DiffResult) -> None:
    from corpusdiff.render.diff_markdown import PULL_REQUEST_LIMIT, within_limit

    whole = to_markdown(national)
    cut = within_limit(whole, PULL_REQUEST_LIMIT)
    assert len(cut) <= PULL_REQUEST_LIMIT
    kept, note = cut.rstrip("\n").rsplit("\n\n> ", 1)
    assert whole.startswith(kept)
    left = whole[len(kept) :].strip("\n").splitlines()
    assert note.startswith(f"报告在此截断以免超过长度上限（--max-chars）：略去其后 {len(left)} 行")
    assert "新旧对照：改写与移动的条目（" in note  # the section the cut falls in is named
    short = within_limit(whole, 20_000)
    assert len(short) <= 20_000 and "延续条目内部增删的句子（" in short.rsplit("\n> ", 1)[1]
    assert within_limit(to_markdown(national, summary=True), PULL_REQUEST_LIMIT) == to_markdown(national, summary=True)


def test_an_unchanged_continuing_unit_is_called_unchanged_in_english() -> None:
    """`延续 14（未变 2，改写 12）` reads `14 continue (2 unchanged, 12 reworded)`: `recurring` said
    of a continuing unit told nothing, and the labels call such a unit SAME."""
    old, new = (tree_from_markdown(_provincial(date)) for date in ("2023", "2024"))
    line = to_summary(compare(old, new), color=False, strings=catalogue("en"))
    assert "Tasks 2 → 2: 2 continue (2 unchanged), 0 new, 0 dropped" in line


def test_the_markdown_redline_and_sentence_lists_name_each_pair_s_row(result: DiffResult) -> None:
    """Every line of the Markdown's 新旧对照 table and of its sentences added or removed names the
    新旧对照表 row of its pair, as the terminal's `#80` does, so a reviewer can cite it (a word
    joiner after `#`: no link to issue 80 where the report is pasted)."""
    from corpusdiff.render.table import comparison_table

    numbers = {row.number for row in comparison_table(result).unit_rows}
    lines = to_markdown(result).splitlines()
    table = list(itertools.takewhile(bool, lines[lines.index("| 序号 | 类别 | 旧 | 新 |") + 2 :]))
    inside = [line for line in lines if line.startswith(("- + ", "- − "))]
    assert table and inside
    for line in table:
        assert int(re.match(r"\| #\u2060(\d+) ", line).group(1)) in numbers, line  # type: ignore[union-attr]
    for line in inside:
        assert int(re.search(r"\* #\u2060(\d+)$", line).group(1)) in numbers, line  # type: ignore[union-attr]


def test_an_english_markdown_doubt_is_spaced_from_the_section(result: DiffResult) -> None:
    lines = to_markdown(result, strings=catalogue("en")).splitlines()
    assert any(line.endswith(")") and "* (doubtful: may " in line for line in lines)
    assert not any("*(doubtful" in line for line in lines)


def test_a_changed_figure_in_markdown_is_escaped_as_report_text() -> None:
    """`5%~6%` in the 数字变化 list would be struck through by GitHub; it is report text."""
    old, new = (
        tree_from_markdown(_provincial(date).replace("减负超过800亿元", f"减负{band}亿元"))
        for date, band in (("2023", "5%~6%"), ("2024", "6%~7%"))
    )
    report = to_markdown(compare(old, new))
    figures = report.split("## 数字变化（", 1)[1].split("\n\n", 2)[1]
    assert "5%\\~\u20606%" in figures and "5%~6%" not in figures  # nor GitLab's label ~6


def _redline(markdown: str) -> list[str]:
    """The lines of the Markdown's 新旧对照 table, marks, escapes and word joiners taken off the text."""
    lines = markdown.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("## 新旧对照"))
    table = itertools.takewhile(bool, lines[start + 6 :])  # heading, blank, marks, blank, header, rule
    return [re.sub(r"~~\u2060|\u2060~~|\*\*\u2060|\u2060\*\*|\\", "", line) for line in table]


def test_a_merge_and_a_split_are_one_line_each_of_the_markdown_redline_with_all_their_units() -> None:
    """2023-10's review paragraph 新经济加速发展 continues as 2025's group （四）“新经济”提速发展
    and is split into 总部经济… and 数字经济…; 2023-10's task 10.深化城市建设管理体制改革 is folded
    into 2025's 10.深化社会治理领域改革, which continues 9.深化社会领域改革 (read in the reports;
    docs/diff-output.md, worked examples). Each is one line of the 新旧对照 table, named as such,
    its shared unit written once: it was a line per pair, the shared unit's text on each."""
    result = corpus_diff("futian/mid-year-report/2023-10", "futian/annual-plan/2025-01")
    table = _redline(to_markdown(result))
    split = [line for line in table if "新经济加速发展。强力打造“新经济”中心" in line]
    assert len(split) == 1 and "| 拆分 |" in split[0]
    assert "“新经济”提速发展" in split[0]
    assert "总部经济、服务经济、楼宇经济实力巩固" in split[0]
    assert "数字经济、绿色经济、平台经济加速集聚" in split[0]
    merge = [line for line in table if "深化社会治理领域改革。" in line]
    assert len(merge) == 1 and "| 合并 |" in merge[0]
    assert "9.深化社会领域改革。" in merge[0] and "10.深化城市建设管理体制改革。" in merge[0]


def test_a_reworded_group_heading_reads_as_the_report_prints_it(result: DiffResult) -> None:
    """Its word diff ended with the full stop compare adds to a group heading for matching
    (`[-全面强化全域治理-]{+持续提升城区治理能力，推进治理体系现代化+}。`): the report prints none."""
    groups = [
        i
        for i in result.initiatives
        if i.level == "unit" and i.status == Status.REWORDED and not i.relation and i.new and i.new.kind == "group"
    ]
    assert groups
    lines = to_terminal(result, color=False, width=0).splitlines()
    for item in groups:
        assert item.new is not None and item.new.section is not None
        cited = f" 新{result.new.unit_anchor(item.new)}（"
        (line,) = [line for line in lines if line.startswith("[改写]") and cited in line]
        shown = re.sub(r"\[-.*?-\]", "", line.split("） ", 1)[1]).replace("{+", "").replace("+}", "")
        assert shown == result.new.sections[item.new.section].heading


def test_each_clause_of_a_target_paragraph_is_cited_with_its_own_row(national: DiffResult) -> None:
    """2022's target paragraph (今年发展主要预期目标是：…) is a dozen clause units at one address,
    ¶28: the terminal cited each with the row of the last (`#48`), where the Word, Excel and CSV
    tables give each its own row. A unit's citation names the table row that holds it."""
    from corpusdiff.render.diff import item_row, row_numbers
    from corpusdiff.render.table import comparison_table

    table = comparison_table(national)
    holder = {(side, e.unit): row.number for row in table.unit_rows for side in ("old", "new") for e in getattr(row, side)}
    clauses = [
        i for i in national.initiatives if i.level == "unit" and i.new is not None and i.new.kind == "target"
    ]
    addresses = {national.new.unit_address(i.new) for i in clauses}  # type: ignore[arg-type]
    assert len(clauses) > 5 and len(addresses) < len(clauses)  # clauses share their paragraph's address
    rows = row_numbers(table)
    cited = {i.new.index: item_row(i, rows) for i in clauses}  # type: ignore[union-attr]
    assert cited == {i.new.index: holder[("new", i.new.index)] for i in clauses}  # type: ignore[union-attr]
    assert len(set(cited.values())) > len(addresses)
    shown = to_terminal(national, color=False)
    assert all(f"#{cited[i.new.index]} " in shown for i in clauses)  # type: ignore[union-attr]


def test_one_unit_folded_into_one_that_continues_another_is_not_said_to_merge_into_one() -> None:
    """2022 → 2025's 上年回顾 under 全域治理: one old unit went into a new unit that continues
    another old one. The line said `1 项合并为 1 项` (one merged into one: nothing happened); it
    says what did: the one was folded into one, as the unit's own line says (`— 并入 —`)."""
    part = PartSummary(
        part="review", old_units=6, new_units=5, recurring=0, reworded=4, moved=0, merged=1, merged_into=1,
        split=1, split_from=1, new=0, dropped=1,
    )
    zh, en = (part_line(part, catalogue(language)) for language in ("zh", "en"))
    assert "1 项并入 1 项" in zh and "合并为" not in zh
    assert "1 folded into 1" in en and "merged into" not in en
