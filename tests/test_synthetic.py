"""The synthetic corpus generator (benchmarks/synthetic.py): deterministic, ingestible reports
whose ground truth agrees with what the normaliser and the differ find."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.synthetic import (
    REGIONS,
    cn_numeral,
    edition_from_blocks,
    main,
    render_raw,
    scaled,
    update_years,
    write_corpus,
)
from corpusdiff.canonical.markdown import parse
from corpusdiff.cli.main import main as corpusdiff_main
from corpusdiff.compare.core import compare
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.normalize.metadata import detect_region
from corpusdiff.structure import build_tree
from corpusdiff.text.slugs import slugify_region
from corpusdiff.types.document import Heading

#: One full series (the 2022 plan as 福田区, 2022–2031) and two editions of the next
#: (the 2025 plan as 罗湖区).
N, SEED = 12, 7
FUTIAN = [f"futian-{year}-01-annual-plan.txt" for year in range(2022, 2032)]
LUOHU = ["luohu-2025-01-annual-plan.txt", "luohu-2026-01-annual-plan.txt"]

TINY_PLAN = """---
title: 示例一区2021年国民经济和社会发展计划执行情况与2022年计划
region: 示例一区
genre: annual-plan
date: 2022-01
dialect: '1'
---

# 示例一区2021年国民经济和社会发展计划执行情况与2022年计划

二〇二二年一月

## 一、2022年经济社会发展主要任务

### （一）推进产业发展

#### 1.推动消费提质升级

到2035年基本建成，2022年新增学位9510座，2019年以来累计新增3万座。

#### 2.推动外贸战略转型

进出口总额7500亿元。

### （二）提升城区品质

#### 3.打造优美生态环境

建成公园10个。
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    write_corpus(N, SEED, out)
    return out


def _truth(corpus: Path, name: str) -> dict:
    return json.loads((corpus / name.replace(".txt", ".truth.json")).read_text(encoding="utf-8"))


def _ops(truth: dict, kind: str) -> list[dict]:
    return [op for op in truth["operations"] if op["op"] == kind]


def _headings(path: Path, *kinds: str) -> list[str]:
    return [b.text for b in normalize_file(path).blocks if isinstance(b, Heading) and b.kind in kinds]


def _bytes(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_same_seed_and_n_give_byte_identical_files(corpus: Path, tmp_path: Path) -> None:
    write_corpus(N, SEED, tmp_path / "again")
    assert _bytes(tmp_path / "again") == _bytes(corpus)


def test_another_seed_gives_other_editions_of_the_same_templates(corpus: Path, tmp_path: Path) -> None:
    write_corpus(N, SEED + 1, tmp_path / "other")
    other = _bytes(tmp_path / "other")
    assert other[FUTIAN[0]] == _bytes(corpus)[FUTIAN[0]]  # the first edition is the template
    assert other[FUTIAN[1]] != _bytes(corpus)[FUTIAN[1]]


def test_n_reports_in_series_of_ten_with_truth_and_index(corpus: Path) -> None:
    assert sorted(p.name for p in corpus.glob("*.txt")) == sorted(FUTIAN + LUOHU)
    assert sorted(p.name for p in corpus.glob("*.truth.json")) == sorted(
        name.replace(".txt", ".truth.json") for name in FUTIAN + LUOHU
    )
    index = json.loads((corpus / "index.json").read_text(encoding="utf-8"))
    assert index == {"n": N, "seed": SEED, "series": {"futian-plan": FUTIAN, "luohu-plan": LUOHU}}
    assert _truth(corpus, FUTIAN[3])["previous"] == FUTIAN[2]
    assert _truth(corpus, LUOHU[0])["previous"] is None


def test_reports_are_as_large_as_the_seeds(corpus: Path) -> None:
    sizes = [path.stat().st_size for path in corpus.glob("*.txt")]
    assert all(15_000 <= size <= 60_000 for size in sizes), sizes


@pytest.mark.parametrize("edition", range(10))
def test_futian_series_normalises_with_detected_metadata(corpus: Path, edition: int) -> None:
    document = normalize_file(corpus / FUTIAN[edition])
    year = 2022 + edition
    assert document.warnings == ()
    meta = document.metadata
    assert meta.title == f"福田区{year - 1}年国民经济和社会发展计划执行情况与{year}年计划"
    assert (meta.region, meta.genre, meta.date, meta.series, meta.period) == (
        "福田区",
        "annual-plan",
        f"{year}-01",
        "futian-plan",
        str(year),
    )


def test_second_series_is_the_2025_plan_of_another_district(corpus: Path) -> None:
    meta = normalize_file(corpus / LUOHU[1]).metadata
    assert meta.title == "罗湖区2025年国民经济和社会发展计划执行情况与2026年计划（草案）报告"
    assert (meta.region, meta.date, meta.series) == ("罗湖区", "2026-01", "luohu-plan")
    assert _headings(corpus / LUOHU[1], "cn") == [
        "一、2025年国民经济和社会发展计划执行情况",
        "二、2026年经济社会发展主要目标",
        "三、2026年经济社会发展主要任务",
    ]


def test_outline_keeps_its_parts_and_numbers_tasks_in_order(corpus: Path) -> None:
    tasks = 27  # the 2022 plan's tasks; groups are never added or dropped
    for edition, name in enumerate(FUTIAN):
        year = 2022 + edition
        truth = _truth(corpus, name)
        tasks += len(_ops(truth, "add_task")) - len(_ops(truth, "drop_task"))
        assert _headings(corpus / name, "cn", "appendix") == [
            f"一、{year - 1}年国民经济和社会发展计划执行情况",
            f"二、{year}年经济社会发展主要目标",
            f"三、{year}年经济社会发展主要任务",
            f"附件：福田区{year - 1}年经济社会发展目标预计完成情况和{year}年主要目标建议表",
        ]
        assert len(_headings(corpus / name, "paren")) == 8 + 2 + 7  # review, targets, task groups
        numbers = [int(text.split(".")[0]) for text in _headings(corpus / name, "num")]
        assert numbers == list(range(1, tasks + 1)), name


def test_dropped_moved_and_renamed_show_in_the_diff(corpus: Path) -> None:
    old_path, new_path = corpus / FUTIAN[0], corpus / FUTIAN[1]
    truth = _truth(corpus, FUTIAN[1])
    drops, moves, renames = (_ops(truth, kind) for kind in ("drop_task", "move_task", "rename_group"))
    assert drops and renames  # every edition drops a task and renames a group
    new_text = new_path.read_text(encoding="utf-8")
    result = compare(build_tree(normalize_file(old_path)), build_tree(normalize_file(new_path)))
    status = {
        i.old.heading: i.status
        for i in result.initiatives
        if i.level == "unit" and i.old and i.old.kind == "task"
    }
    for op in drops:
        assert not re.search(rf"^\d+\.{re.escape(op['task'])}$", new_text, flags=re.MULTILINE)
        assert status[op["task"]] == "dropped"
    for op in moves:
        assert status[op["task"]] == "moved"
    for op in renames:
        assert f"）{op['new']}\n" in new_text
        match = next(m for m in result.sections if m.old and m.old.heading == op["old"] and not m.relation)
        assert (match.status, match.new.heading) == ("matched", op["new"])


def test_generated_reports_are_ingested_under_their_ids(corpus: Path, tmp_path: Path) -> None:
    files = [str(corpus / name) for name in (FUTIAN[0], FUTIAN[1], LUOHU[0])]
    result = CliRunner().invoke(corpusdiff_main, ["--corpus", str(tmp_path / "c"), "ingest", *files])
    assert result.exit_code == 0, result.stderr
    added = sorted(line.split()[1] for line in result.stdout.splitlines())
    assert added == ["futian/annual-plan/2022-01", "futian/annual-plan/2023-01", "luohu/annual-plan/2025-01"]


def test_update_years_moves_the_years_near_the_edition_only() -> None:
    document = parse(TINY_PLAN)
    edition, count = update_years(edition_from_blocks(document.metadata, document.blocks))
    text = render_raw(edition)
    assert edition.year == 2023 and count == 4
    assert text.startswith("示例一区2022年国民经济和社会发展计划执行情况与2023年计划\n\n二〇二三年一月\n\n")
    assert "一、2023年经济社会发展主要任务" in text
    assert "到2035年基本建成，2023年新增学位9510座，2019年以来累计新增3万座。" in text


def test_tasks_are_renumbered_by_position_when_written() -> None:
    document = parse(TINY_PLAN)
    edition = edition_from_blocks(document.metadata, document.blocks)
    first, second = edition.groups
    shorter = replace(edition, groups=(second, replace(first, tasks=first.tasks[1:])))
    lines = render_raw(shorter).splitlines()
    assert [line for line in lines if re.match(r"^(\d+\.|（)", line)] == [
        "（一）提升城区品质",
        "1.打造优美生态环境",
        "（二）推进产业发展",
        "2.推动外贸战略转型",
    ]


@pytest.mark.parametrize("figure", ["9510", "5318.2", "8.6", "2.0", "3"])
def test_scaled_figure_keeps_its_decimals_and_moves_at_most_30_percent(figure: str) -> None:
    rng = random.Random(1)
    for _ in range(50):
        value = scaled(figure, rng)
        assert value != figure
        assert len(value.partition(".")[2]) == len(figure.partition(".")[2])
        assert abs(float(value) / float(figure) - 1) <= 0.34  # 3 -> 4 is the largest step for an integer


def test_chinese_numerals_for_group_labels() -> None:
    assert [cn_numeral(n) for n in (1, 7, 10, 12, 20, 23)] == ["一", "七", "十", "十二", "二十", "二十三"]


def test_region_names_are_detected_and_give_distinct_ids() -> None:
    assert len(REGIONS) >= 100
    assert all(detect_region(f"{r}2024年国民经济和社会发展计划执行情况与2025年计划") == r for r in REGIONS)
    assert len({slugify_region(r) for r in REGIONS}) == len(REGIONS)


def test_command_line_writes_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--n", "2", "--seed", "7", "--out", str(tmp_path)])
    assert capsys.readouterr().out.startswith("2 reports in 1 series, 0.1 MB, in ")
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == FUTIAN[:2]
