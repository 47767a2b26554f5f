"""Rendering a timeline (render/timeline.py): grids per level and part, each thread's evidence in
Markdown and JSON, on a hand-built timeline so that every expected string is known."""

from __future__ import annotations

import json
from dataclasses import replace

from corpusdiff.render.timeline import (
    link_text,
    notes,
    thread_cells,
    to_json,
    to_markdown,
    to_terminal,
)
from corpusdiff.series.timeline import (
    GROUP,
    TASK,
    ProgrammeTrack,
    Thread,
    ThreadItem,
    ThreadLink,
    Timeline,
    matching,
)
from corpusdiff.strings import catalogue
from corpusdiff.types.diff import Relation, Status
from corpusdiff.types.edition import Edition

EDITIONS = (
    Edition("n/2016", "2016-03", "报告2016"),
    Edition("n/2017", "2017-03", "报告2017"),
    Edition("n/2018", "2018-03", "报告2018"),
)
LABEL_OF = {"n/2016": "2016-03", "n/2017": "2017-03", "n/2018": "2018-03"}

EN, ZH = catalogue("en"), catalogue("zh")


def item(edition: str, heading: str, kind: str = "paragraph") -> ThreadItem:
    return ThreadItem(edition, heading, f"{heading}。正文。", f"{edition}#p3", kind)


def link(
    old: int, new: int, diff: tuple[str, str], relation: Relation = Relation.NONE, probability: float = 0.93
) -> ThreadLink:
    confidence = "high" if probability >= 0.8 else "medium" if probability >= 0.5 else "low"
    return ThreadLink(old, new, diff, Status.REWORDED, relation, probability, confidence)


#: 水 splits from the pollution paragraph in 2017 and is merged back in 2018; 宏观 skips 2017.
POLLUTION = Thread(
    TASK,
    (
        item("n/2016", "重拳治理大气雾霾和水污染"),
        item("n/2017", "坚决打好蓝天保卫战"),
        item("n/2018", "推进污染防治取得更大成效"),
    ),
    "n/2016",
    "n/2018",
    (),
    (link(0, 1, ("n/2016", "n/2017")), link(1, 2, ("n/2017", "n/2018"))),
    "tasks",
)
WATER = Thread(
    TASK,
    (
        item("n/2016", "重拳治理大气雾霾和水污染"),
        item("n/2017", "强化水、土壤污染防治"),
        item("n/2018", "推进污染防治取得更大成效"),
    ),
    "n/2016",
    "n/2018",
    (),
    (
        link(0, 1, ("n/2016", "n/2017"), Relation.SPLIT, 0.21),
        link(1, 2, ("n/2017", "n/2018"), Relation.MERGE, 0.62),
    ),
    "tasks",
    (0, 2),
)
MACRO = Thread(
    GROUP,
    (
        item("n/2016", "（一）稳定和完善宏观经济政策", "group"),
        item("n/2018", "（一）稳定和完善宏观经济政策", "group"),
    ),
    "n/2016",
    "n/2018",
    ("n/2017",),
    (link(0, 1, ("n/2016", "n/2018")),),
    "tasks",
)
REVIEW = Thread(TASK, (item("n/2017", "一是继续创新和加强宏观调控"),), "n/2017", "n/2017", (), (), "review")
TIMELINE = Timeline(
    EDITIONS,
    (MACRO, REVIEW, POLLUTION, WATER),
    (ProgrammeTrack("一带一路", ("quoted", "mentioned", ""), "n/2016", "n/2017", ()),),
)


def test_cells_show_a_heading_where_it_changed_a_mark_where_it_did_not() -> None:
    assert thread_cells(MACRO, EDITIONS) == ["（一）稳定和完善宏观经济政策", "—", "●"]
    assert thread_cells(POLLUTION, EDITIONS)[2] == "推进污染防治取得更大成效"


def test_the_editions_listed_over_the_grids_have_their_ids_and_titles_in_columns() -> None:
    """Ids of different lengths (national/…/2019 beside …/2021-03-05) and ids as labels (when
    dates do not tell editions apart, wider than a date) still leave the titles one under another."""
    editions = (
        Edition("national/government-work-report/2019", "2019", "政府工作报告"),
        Edition("national/government-work-report/2021-03-05", "2021-03-05", "政府工作报告"),
        Edition("hubei/government-work-report/2024", "2024", "湖北省政府工作报告"),
    )
    twins = (Edition("hubei/gwr/2024-a", "2024", "甲"), Edition("hubei/gwr/2024-bb", "2024", "乙"))
    for listed in (editions, twins):
        timeline = Timeline(listed, (), ())
        legend = to_terminal(timeline, strings=EN).splitlines()[1 : 1 + len(listed)]
        assert [line.index(e.id) for line, e in zip(legend, listed, strict=True)] == [
            legend[0].index(listed[0].id)
        ] * len(listed)
        assert len({line.index(e.title) for line, e in zip(legend, listed, strict=True)}) == 1


def test_a_step_names_its_diff_class_and_confidence() -> None:
    assert link_text(WATER.links[0], LABEL_OF, EN) == "2016-03→2017-03 split (low 0.21)"
    assert link_text(POLLUTION.links[1], LABEL_OF, EN) == "2017-03→2018-03 reworded (high 0.93)"
    assert link_text(WATER.links[0], LABEL_OF, ZH) == "2016-03→2017-03 拆分 (低 0.21)"
    assert link_text(POLLUTION.links[1], LABEL_OF, ZH) == "2017-03→2018-03 改写 (高 0.93)"


#: Futian's 新经济 thread: 2023-10's paragraph goes on in 2025's, a pair the 2023-10 → 2025 diff
#: missed and the 2022 → 2025 diff makes of 2022's item and 2025's (docs/timeline.md, Bridge).
BRIDGED = Thread(
    TASK,
    (item("n/2016", "特色产业蓬勃发展"), item("n/2017", "新经济加速发展"), item("n/2018", "总部经济实力巩固")),
    "n/2016",
    "n/2018",
    (),
    (
        replace(link(0, 1, ("n/2016", "n/2017")), step=("n/2016", "n/2017"), pair=("n/2016#p24", "n/2017#p17")),
        replace(link(1, 2, ("n/2016", "n/2018"), probability=0.84), step=("n/2017", "n/2018"), pair=("n/2016#p24", "n/2018#p26")),
    ),
    "review",
)


def test_a_bridged_step_names_its_own_editions_and_the_diff_its_pair_is_from() -> None:
    """The step 2017 → 2018 has its pair from the 2016 → 2018 diff: the evidence names both, not
    2016 → 2018 alone as if it were a step, and the terminal's notes say which step is bridged
    (a thread of ten editions has nine steps; `bridged` alone sent a reader to look for it)."""
    assert not BRIDGED.links[0].bridge and BRIDGED.links[1].bridge
    assert link_text(BRIDGED.links[1], LABEL_OF, EN) == "2017-03→2018-03 (bridged by 2016-03→2018-03) reworded (high 0.84)"
    assert link_text(BRIDGED.links[1], LABEL_OF, ZH) == "2017-03→2018-03（桥接：2016-03→2018-03 的对比）改写 (高 0.84)"
    assert notes(BRIDGED, LABEL_OF, EN) == "bridged 2017-03→2018-03"
    assert notes(BRIDGED, LABEL_OF, ZH) == "桥接 2017-03→2018-03"
    [thread] = to_json(Timeline(EDITIONS, (BRIDGED,), ()))["threads"]
    assert [(x["diff"], x["bridge"], x["pair"]) for x in thread["links"]] == [
        (["n/2016", "n/2017"], False, ["n/2016#p24", "n/2017#p17"]),
        (["n/2016", "n/2018"], True, ["n/2016#p24", "n/2018#p26"]),
    ]


def test_the_terminal_shows_the_notes_whole_though_cells_are_cut() -> None:
    """The notes column is cut like no heading is: `合并 · 拆分 · 桥接 2015→2…` hid which step was
    bridged (national 2013–2022, groups of the reform tasks)."""
    merged = replace(BRIDGED, links=(replace(BRIDGED.links[0], relation=Relation.MERGE), BRIDGED.links[1]))
    out = to_terminal(Timeline(EDITIONS, (merged,), ()), width=12, strings=ZH)
    row = next(line for line in out.splitlines() if line.startswith("1 "))
    assert row.endswith("合并 · 桥接 2017-03→2018-03")
    assert "  特色产业蓬…  " in row  # a heading is still cut to 12 columns


def test_notes_name_gaps_merges_splits_and_doubtful_steps() -> None:
    assert notes(MACRO, LABEL_OF, EN) == "gap 2017-03"
    assert notes(WATER, LABEL_OF, EN) == "merged · split · low"
    assert notes(POLLUTION, LABEL_OF, EN) == ""
    assert notes(MACRO, LABEL_OF, ZH) == "中断于 2017-03"
    assert notes(WATER, LABEL_OF, ZH) == "合并 · 拆分 · 低"


def test_terminal_has_one_grid_per_level_and_part() -> None:
    out = to_terminal(TIMELINE, strings=EN)
    titles = [line for line in out.splitlines() if line.startswith("== ")]
    assert titles == [
        "== Groups （一）… in Tasks: 1 threads, 1 with gaps",
        "== Tasks N.… in Review: 1 threads, 0 with gaps",
        "== Tasks N.… in Tasks: 2 threads, 0 with gaps",
        "== programmes: 1 quoted names, 1 in more than one edition (● quoted · ○ mentioned without quotes"
        " · — absent)",
    ]
    water_row = next(line for line in out.splitlines() if "强化水、土壤污染防治" in line)
    assert water_row.rstrip().endswith("merged · split · low")
    chinese = to_terminal(TIMELINE)  # the default
    assert [line for line in chinese.splitlines() if line.startswith("== ")][:2] == [
        "== 主要任务中的（一）级举措：1 条，其中 1 条有中断",
        "== 上年回顾中的编号任务：1 条，其中 0 条有中断",
    ]
    assert (
        next(line for line in chinese.splitlines() if "强化水" in line).rstrip().endswith("合并 · 拆分 · 低")
    )


def test_markdown_gives_each_thread_its_evidence() -> None:
    out = to_markdown(TIMELINE, EN)
    assert "## Tasks N.… in Tasks" in out
    assert "| # | 2016-03 | 2017-03 | 2018-03 | Gaps | evidence |" in out
    row = next(line for line in out.splitlines() if "强化水、土壤污染防治" in line)
    assert row.endswith("|  | 2016-03→2017-03 split (low 0.21); 2017-03→2018-03 merged (medium 0.62) |")
    macro = next(line for line in out.splitlines() if "宏观" in line)
    assert "| 2017-03 | 2016-03→2018-03 reworded (high 0.93) |" in macro
    chinese = to_markdown(TIMELINE)
    assert (
        "## 主要任务中的编号任务" in chinese
        and "| # | 2016-03 | 2017-03 | 2018-03 | 中断 | 依据 |" in chinese
    )


def test_json_gives_each_thread_its_part_items_links_and_shared_items() -> None:
    data = json.loads(json.dumps(to_json(TIMELINE), ensure_ascii=False))
    water = data["threads"][3]
    assert (water["level"], water["part"], water["shared"]) == ("task", "tasks", [0, 2])
    assert water["items"][1] == {
        "edition": "n/2017",
        "heading": "强化水、土壤污染防治",
        "kind": "paragraph",
        "text": "强化水、土壤污染防治。正文。",
        "pointer": "n/2017#p3",
    }
    assert water["links"] == [
        {
            "old": 0,
            "new": 1,
            "diff": ["n/2016", "n/2017"],
            "bridge": False,
            "pair": [],
            "class": "split",
            "confidence": "low",
            "probability": 0.21,
        },
        {
            "old": 1,
            "new": 2,
            "diff": ["n/2017", "n/2018"],
            "bridge": False,
            "pair": [],
            "class": "merged",
            "confidence": "medium",
            "probability": 0.62,
        },
    ]
    assert data["threads"][0]["gaps"] == ["n/2017"]
    assert data["programmes"][0]["presence"] == {"n/2016": "quoted", "n/2017": "mentioned", "n/2018": None}


#: 2017 has no （一） groups here: its task part 三、 stands as a group (compare/units.task_areas).
OPENING = Thread(
    GROUP,
    (
        item("n/2016", "（四）以更大的政治勇气深化改革", "group"),
        item("n/2017", "三、把改革开放扎实推向纵深", "group"),
        item("n/2018", "（五）推进新一轮高水平对外开放", "group"),
    ),
    "n/2016",
    "n/2018",
    (),
    (link(0, 1, ("n/2016", "n/2017")), link(1, 2, ("n/2017", "n/2018"))),
    "tasks",
)


def test_a_part_standing_as_a_group_is_named_under_the_groups_title() -> None:
    """2015 has no （一） groups: its task parts 三、…六、 stand as groups (compare/units.task_areas).
    Shown under `（一）级举措` without a word, they looked like threads of the wrong level."""
    timeline = Timeline(EDITIONS, (MACRO, OPENING), ())
    lines = to_terminal(timeline, strings=EN).splitlines()
    title = next(n for n, line in enumerate(lines) if line.startswith("== Groups"))
    assert lines[title + 1].startswith("note: not （一） headings")
    assert lines[title + 1].endswith(": 2017-03 (三、)")
    assert "2017-03 (三、)" in to_markdown(timeline, EN)
    assert not any(line.startswith("note:") for line in to_terminal(TIMELINE, strings=EN).splitlines())


def test_a_thread_sharing_items_with_a_merged_or_split_one_is_noted_like_it() -> None:
    """The pollution paragraph holds the 2016 and 2018 items the water thread split from and
    merged into: read alone, its row must not look like an unbroken single lineage."""
    sharer = replace(POLLUTION, shared=(0, 2))
    out = to_terminal(Timeline(EDITIONS, (sharer, WATER), ()))
    row = next(line for line in out.splitlines() if "坚决打好蓝天保卫战" in line)
    assert row.rstrip().endswith("合并 · 拆分")


def test_match_keeps_the_threads_and_programmes_that_mention_a_text_and_says_so() -> None:
    """A researcher following one policy across nine editions met hundreds of threads, each cell
    a dozen characters of a heading: `--match` keeps those with an item that mentions the text,
    whatever the script or the quotation marks, and every format says what was kept."""
    belt = ProgrammeTrack("一带一路", ("", "quoted", "quoted"), "n/2017", "n/2018", ())
    other = ProgrammeTrack("互联网+", ("quoted", "", ""), "n/2016", "n/2016", ())
    whole = Timeline(EDITIONS, (POLLUTION, WATER), (belt, other))
    water = matching(whole, "水、土壤")
    assert water.threads == (WATER,) and water.programmes == () and water.focus == "水、土壤"
    assert matching(whole, "藍天").threads == (POLLUTION,)  # traditional characters read as simplified
    assert matching(whole, "“一带一路”").programmes == (belt,)
    assert "only the threads with an item that mentions “水、土壤”" in to_terminal(water, strings=EN).lower()
    assert "（--match）" in to_markdown(water, ZH)
    assert to_json(water)["match"] == "水、土壤" and "match" not in to_json(whole)


def test_a_folded_grid_restates_a_same_heading_at_the_head_of_a_block() -> None:
    """● says "as in the column before": once the grid is folded, the column before a block's
    first one is in the block above, so the block shows the heading itself."""
    same = Thread(
        TASK,
        tuple(item(e.id, "（一）稳定和完善宏观经济政策，保持经济运行在合理区间") for e in EDITIONS),
        "n/2016",
        "n/2018",
        (),
        (link(0, 1, ("n/2016", "n/2017")), link(1, 2, ("n/2017", "n/2018"))),
        "tasks",
    )
    whole = to_terminal(Timeline(EDITIONS, (same,), ()), strings=EN).splitlines()
    row = next(line for line in whole if line.startswith("1  "))
    assert row.split()[1:] == ["（一）稳定和完善宏观经济…", "●", "●"]
    folded = to_terminal(Timeline(EDITIONS, (same,), ()), strings=EN, fit=32).splitlines()
    rows = [line.split()[1:] for line in folded if line.startswith("1  ")]
    assert rows == [["（一）稳定和完善宏观经济…"]] * 3
