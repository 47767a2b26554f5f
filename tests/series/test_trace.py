"""`corpusdiff trace`: plan items and the report passages that address them, on a tiny plan
with known answers and on facts of the real corpus checked by reading (and grep)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.render.trace import score_cells
from corpusdiff.series.trace import PLAN_GENRE, Trace, check_plan, trace
from corpusdiff.structure import build_tree, tree_from_markdown
from corpusdiff.types.document import Metadata
from tests.conftest import ROOT, SEEDS
from tests.traditional import traditional_copy

CORPUS = ROOT / "corpus"
PLAN = "futian/five-year-plan/2021"
REPORTS = (
    "futian/annual-plan/2022-01",
    "futian/government-work-report/2022-01-21",
    "futian/mid-year-report/2023-10",
    "futian/annual-plan/2025-01",
)


def document(doc_id: str, date: str, body: str) -> str:
    return f"---\ntitle: {doc_id}\nid: {doc_id}\ndate: '{date}'\ndialect: '1'\n---\n\n# {doc_id}\n\n{body}"


TINY_PLAN = document(
    "p/plan",
    "2021",
    "## 第一章 科技创新\n\n### 第一节 建设河套科技园区\n\n#### 一、引进深港科研机构\n\n"
    "河套科技园区引进深港科研机构，共建国际联合实验室。\n\n"
    "#### 二、发展数字人民币\n\n扩大数字人民币试点场景，推广数字人民币跨境支付应用。\n\n"
    "## 第二章 生态环境\n\n### 第一节 保护湿地\n\n#### 一、建设红树林湿地公园\n\n"
    "扩建红树林湿地公园，新增湿地保护面积。\n",
)
#: A addresses the 河套 item, B the 数字人民币 item; C names 红树林 and nothing else the plan
#: says: one shared word, not enough (its cosine with the plan heading 建设红树林湿地公园 is 0.52).
TINY_REPORTS = (
    document(
        "r/a",
        "2022-01",
        "## 一、主要任务\n\n### （一）科技\n\n河套科技园区引进深港科研机构二十家。推进垃圾分类。\n",
    ),
    document(
        "r/b", "2023-01", "## 一、主要任务\n\n数字人民币试点场景覆盖门店三千家，推广数字人民币跨境支付。\n"
    ),
    document("r/c", "2024-01", "## 一、主要任务\n\n红树林。\n"),
)


@cache
def tiny() -> Trace:
    return trace(tree_from_markdown(TINY_PLAN), [tree_from_markdown(text) for text in TINY_REPORTS])


@cache
def real() -> Trace:
    def tree(doc: str):  # type: ignore[no-untyped-def]
        return tree_from_markdown((CORPUS / f"{doc}.md").read_text(encoding="utf-8"))

    return trace(tree(PLAN), [tree(doc) for doc in REPORTS])


def item(result: Trace, heading: str):  # type: ignore[no-untyped-def]
    return next(i for i in result.items if i.heading == heading)


# --- tiny plan with known answers ------------------------------------------------------------


def test_each_plan_item_is_addressed_by_the_report_that_talks_about_it() -> None:
    result = tiny()
    assert item(result, "一、引进深港科研机构").addressed_by == ("r/a",)
    assert item(result, "二、发展数字人民币").addressed_by == ("r/b",)
    assert set(item(result, "第一节 建设河套科技园区").addressed_by) == {"r/a", "r/b"}
    assert set(item(result, "第一章 科技创新").addressed_by) == {"r/a", "r/b"}


def test_one_shared_word_is_not_enough() -> None:
    result = tiny()
    wetland = item(result, "一、建设红树林湿地公园")
    assert wetland.passages == ()
    assert [i.heading for i in result.unaddressed()] == [
        "第二章 生态环境",
        "第一节 保护湿地",
        "一、建设红树林湿地公园",
    ]


def test_sentences_alike_only_in_plan_jargon_do_not_match() -> None:
    # without PLAN_JARGON these two sentences score 0.70
    plan = document("p/j", "2021", "## 第一章 发展基础\n\n### 第一节 成就\n\n城区品质活力加速彰显。\n")
    report = document("r/j", "2022-01", "## 一、回顾\n\n城区品质活力加速释放。\n")
    result = trace(tree_from_markdown(plan), [tree_from_markdown(report)])
    assert [i.heading for i in result.unaddressed()] == ["第一章 发展基础", "第一节 成就"]


def test_the_salutation_addresses_no_plan_item() -> None:
    """The 1982 plan's sections with `各位代表！` in them scored 1.00 in every report: the
    salutation alone, or opening a paragraph, is no content of a plan item or a report."""
    plan = document(
        "p/s",
        "1982",
        "## 六、关于财政、信贷的基本平衡\n\n各位代表！\n\n财政收支基本平衡。\n\n"
        "## 结束语\n\n各位代表！我们的前途是光明的。\n",
    )
    report = document("r/s", "1983", "各位代表：\n\n## 一、过去一年的工作\n\n各位代表！粮食产量创历史最高水平。\n")
    result = trace(tree_from_markdown(plan), [tree_from_markdown(report)])
    assert [i.heading for i in result.unaddressed()] == ["六、关于财政、信贷的基本平衡", "结束语"]


def test_a_heading_that_names_a_part_of_the_plan_is_no_plan_sentence() -> None:
    """`第三章 主要目标` counted as the plan sentence `主要目标。`, which matched every work report's
    `今年发展主要预期目标是：…` at 0.52: the chapter and its 篇 were addressed by the words 主要 and
    目标 alone. A heading that names a subject still leads its paragraph (`建设红树林湿地公园`)."""
    plan = document(
        "p/g",
        "2021",
        "## 第一篇 开启新征程\n\n### 第三章 主要目标\n\n展望二〇三五年，基本实现社会主义现代化。\n",
    )
    report = document(
        "r/g", "2023-03-05", "## 二、政策取向\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n"
    )
    result = trace(tree_from_markdown(plan), [tree_from_markdown(report)])
    assert [i.heading for i in result.unaddressed()] == ["第一篇 开启新征程", "第三章 主要目标"]


PARK = "推进环中心公园活力圈规划建设。"
FINANCE = "防范化解地方金融风险，打击非法集资。"


def park_trace(plan_body: str) -> Trace:
    """A plan (body given) traced into one report (`r/x`) whose one task is the park ring."""
    plan = document("p/x", "2021", plan_body)
    report = document("r/x", "2022-01", "## 一、主要任务\n\n高标准建设环中心公园活力圈。\n")
    return trace(tree_from_markdown(plan), [tree_from_markdown(report)])


@pytest.mark.parametrize(
    ("plan_body", "finance"),
    [
        # The plan's extract lost headings (docs/canonical-markdown.md §15): its `一、` sections
        # restart at 一 under one 节, and those after the restart belong to the lost heading, not
        # to the 节 (the Futian plan's 第五节 筑牢金融安全防线 scored 1.00 on 环中心公园活力圈).
        (
            f"## 第四章 金融\n\n### 第五节 筑牢金融安全防线\n\n#### 一、防范金融风险\n\n{FINANCE}\n\n"
            f"#### 一、打造环中心公园活力圈\n\n{PARK}\n",
            "第五节 筑牢金融安全防线",
        ),
        # A lost heading that was the first of its kind leaves no restart: the chapter's 第一节
        # is gone, so its `一、` sections sit directly under 第四章, beside 第二节, although `一、`
        # stands under a 节 everywhere else in the plan. They are the lost 节's, not the chapter's.
        (
            f"## 第四章 金融\n\n#### 一、打造环中心公园活力圈\n\n{PARK}\n\n"
            f"### 第二节 筑牢金融安全防线\n\n#### 一、防范金融风险\n\n{FINANCE}\n",
            "第二节 筑牢金融安全防线",
        ),
    ],
    ids=["numbering-restarts", "lost-first-heading"],
)
def test_sections_under_a_lost_heading_do_not_address_the_sections_above(plan_body: str, finance: str) -> None:
    result = park_trace(plan_body)
    assert item(result, "一、打造环中心公园活力圈").addressed_by == ("r/x",)
    assert item(result, finance).passages == ()
    assert item(result, "第四章 金融").passages == ()


def test_a_chapter_with_sections_of_one_kind_keeps_them_all() -> None:
    """Sub-sections of one kind under a heading are its own: nothing was lost."""
    result = park_trace(f"## 第四章 金融\n\n### 第一节 建设公园\n\n{PARK}\n\n### 第二节 筑牢金融安全防线\n\n{FINANCE}\n")
    assert item(result, "第四章 金融").addressed_by == ("r/x",)


def test_passage_says_where_in_the_report() -> None:
    passage = item(tiny(), "一、引进深港科研机构").passages[0]
    assert passage.doc == "r/a"
    assert passage.path == ("一、主要任务", "（一）科技")
    assert passage.sentence == "河套科技园区引进深港科研机构二十家。"
    assert passage.text == "河套科技园区引进深港科研机构二十家。推进垃圾分类。"
    assert passage.pointer == "r/a#h2"  # title h0, 一、 h1, （一） h2
    assert 0.4 <= passage.score <= 1.0


def test_items_keep_the_plan_hierarchy() -> None:
    result = tiny()
    assert [(i.heading, i.depth) for i in result.items] == [
        ("第一章 科技创新", 0),
        ("第一节 建设河套科技园区", 1),
        ("一、引进深港科研机构", 2),
        ("二、发展数字人民币", 2),
        ("第二章 生态环境", 0),
        ("第一节 保护湿地", 1),
        ("一、建设红树林湿地公园", 2),
    ]
    assert item(result, "二、发展数字人民币").path == ("第一章 科技创新", "第一节 建设河套科技园区")


def test_score_cells_show_only_scores_that_meet_the_threshold() -> None:
    result = tiny()
    cells = score_cells(item(result, "二、发展数字人民币"), result.threshold)
    assert cells[0] == "—" and cells[2] == "—"
    assert float(cells[1]) >= result.threshold


# --- the five-year plan against the reports (facts checked by reading and grep) ----------------


def test_hetao_section_is_addressed_by_the_2022_and_2025_plans() -> None:
    # both plans open their task list with the 河套 task (2022 task 1, 2025 task 1)
    hetao = item(real(), "第一节 规划建设好河套深港科技创新合作区")
    assert {"futian/annual-plan/2022-01", "futian/annual-plan/2025-01"} <= set(hetao.addressed_by)
    for doc in ("futian/annual-plan/2022-01", "futian/annual-plan/2025-01"):
        best = next(p for p in hetao.passages if p.doc == doc)
        assert "河套" in best.sentence


def test_digital_yuan_zone_is_addressed_by_the_2022_plan_where_it_says_so() -> None:
    # 2022-01 review: “…建立湾区国际金融科技城数字人民币示范园区，打造数字人民币示范区。”
    zone = item(real(), "二、建设数字人民币示范区")
    passage = next(p for p in zone.passages if p.doc == "futian/annual-plan/2022-01")
    assert passage.sentence.endswith("打造数字人民币示范区。")


def test_central_park_ring_is_addressed_by_every_report() -> None:
    # 环中心公园活力圈 is a task or review paragraph in all four reports (grep: 2, 3, 2, 3 mentions)
    assert set(item(real(), "一、打造环中心公园活力圈").addressed_by) == set(REPORTS)


def test_finance_safety_is_not_credited_with_the_park_ring() -> None:
    # 第五节 筑牢金融安全防线 is about financial risk; the 环中心公园活力圈 section after it in
    # the extract belongs to a lost heading (its numbering restarts at 一、)
    finance = item(real(), "第五节 筑牢金融安全防线")
    assert not any("环中心公园" in p.sentence for p in finance.passages)


def test_world_situation_is_addressed_by_no_report() -> None:
    # the plan's 发展环境 review of the world (百年未有之大变局) has no counterpart in yearly reports
    assert item(real(), "一、世界正经历百年未有之大变局") in real().unaddressed()


# --- command line -------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "trace", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_shape() -> None:
    code, out, _ = run(PLAN, REPORTS[3], REPORTS[0], "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["plan"]["id"] == PLAN
    assert [r["id"] for r in data["reports"]] == [REPORTS[0], REPORTS[3]]  # ordered by date
    assert data["threshold"] == 0.4
    hetao = next(i for i in data["items"] if i["heading"] == "第一节 规划建设好河套深港科技创新合作区")
    assert hetao["kind"] == "jie" and hetao["path"][-1].startswith("第三章")
    assert set(hetao["addressed_by"]) == {REPORTS[0], REPORTS[3]}
    assert set(hetao["best"]) == {REPORTS[0], REPORTS[3]}
    assert {"doc", "path", "text", "sentence", "plan_sentence", "score", "pointer"} <= set(
        hetao["passages"][0]
    )
    assert any(path.endswith("一、世界正经历百年未有之大变局") for path in data["unaddressed"])
    # 2025-01 task 4 is 加快打造都市型科创区
    assert not any(path.endswith("第二节 加快建设都市型科创区") for path in data["unaddressed"])


def test_terminal_grid_and_passages() -> None:
    code, out, _ = run(PLAN, *REPORTS, "--passages")
    assert code == 0 and "\x1b[" not in out
    assert "规划内容" in out and "2022-01-21" in out
    assert "↳ 2025-01" in out
    assert "没有报告回应：" in out
    _, english, _ = run(PLAN, *REPORTS, "--lang", "en")
    assert "plan item" in english and "not addressed by any report:" in english


def test_threshold_option_and_markdown() -> None:
    code, out, _ = run(PLAN, REPORTS[0], "--threshold", "0.99", "--format", "markdown")
    assert code == 0
    assert "阈值：余弦 ≥ 0.99。" in out
    assert "## 没有报告回应的内容" in out
    missing = out.split("## 没有报告回应的内容")[1]
    assert "一、打造环中心公园活力圈" in missing


def test_an_annual_plan_given_as_the_plan_is_refused_in_one_line() -> None:
    # futian/annual-plan/2022-01 is the 2022 annual plan (年度计划), not the 十四五 outline
    code, out, err = run(REPORTS[0], REPORTS[3])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert REPORTS[0] in err and "five-year-plan" in err


def test_a_report_older_than_the_plan_is_refused(tmp_path: Path) -> None:
    older = tmp_path / "older.md"
    older.write_text(document("r/old", "2019-03", "## 一、主要任务\n\n河套科技园区引进深港科研机构。\n"), "utf-8")
    code, out, err = run(PLAN, REPORTS[0], str(older))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "r/old" in err and "2019-03" in err and PLAN in err


def test_a_report_of_the_plan_year_is_not_older_than_it() -> None:
    plan = Metadata(id="p", genre=PLAN_GENRE, date="2021")
    check_plan(plan, [Metadata(id="r", date="2021-03-05"), Metadata(id="undated")])
    with pytest.raises(InputError, match="r/2020"):
        check_plan(plan, [Metadata(id="r/2020", date="2020-12")])


def test_a_report_of_another_region_is_traced_with_a_warning(tmp_path: Path) -> None:
    code, _, err = run(PLAN, *REPORTS)
    assert code == 0 and err == ""
    other = tmp_path / "other.md"
    body = document("r/chengdu", "2023-01", "## 一、主要任务\n\n河套科技园区引进深港科研机构。\n")
    other.write_text(body.replace("dialect: '1'", "dialect: '1'\nregion: 成都市"), "utf-8")
    code, out, err = run(PLAN, str(other), "--format", "json")
    assert code == 0 and json.loads(out)["reports"][0]["id"] == "r/chengdu"
    assert err == (
        "corpusdiff: warning: r/chengdu: another region (成都市, the plan's is 福田区): its matches may be only shared words\n"
    )


def test_the_plan_itself_as_a_doc_is_refused() -> None:
    """A plan traced into itself addressed every item at 1.00."""
    code, out, err = run(PLAN, PLAN)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "given as PLAN and as a DOC" in err and PLAN in err


def test_another_five_year_plan_as_a_doc_is_traced_with_a_warning(tmp_path: Path) -> None:
    other = tmp_path / "other-plan.md"
    text = TINY_PLAN.replace("id: p/plan", "id: p/plan-2025").replace("date: '2021'", "date: '2025'")
    other.write_text(text.replace("dialect: '1'", "genre: five-year-plan\ndialect: '1'"), "utf-8")
    code, _, err = run(PLAN, str(other))
    assert code == 0
    assert err == (
        "corpusdiff: warning: p/plan-2025: a five-year plan, not a report that carries one out: "
        "its matches may be only shared words\n"
    )


# --- a report printed in traditional characters ----------------------------------------------


def test_a_report_in_traditional_characters_addresses_the_plan_items_its_simplified_copy_does(
    tmp_path: Path,
) -> None:
    """Plan and report sentences are compared in one script: the 2022 plan report reprinted in
    traditional characters addresses the items it addresses as printed, with the same scores,
    and its passages are quoted as the reprint prints them."""
    plan, report = SEEDS / "futian-2021-14th-five-year-plan-outline.txt", SEEDS / "futian-2022-01-plan-report.txt"

    def traced(path: Path) -> dict[str, Any]:
        result = CliRunner().invoke(main, ["trace", str(plan), str(path), "-f", "json"])
        assert result.exit_code == 0, result.output
        return cast(dict[str, Any], json.loads(result.stdout))

    copy = traditional_copy(report, tmp_path)
    as_printed, reprinted = traced(report), traced(copy)
    assert sum(bool(item["addressed_by"]) for item in as_printed["items"]) > 20
    assert [(bool(i["addressed_by"]), list(i["best"].values())) for i in reprinted["items"]] == [
        (bool(i["addressed_by"]), list(i["best"].values())) for i in as_printed["items"]
    ]
    printed_texts = {unit.text for unit in build_tree(normalize_file(copy)).units}
    passages = [p["text"] for item in reprinted["items"] for p in item["passages"]]
    assert len(passages) == sum(len(item["passages"]) for item in as_printed["items"])
    assert set(passages) <= printed_texts
