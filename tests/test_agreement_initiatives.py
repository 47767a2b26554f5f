"""The readers' agreement tool (tests/agreement_initiatives.py): a label scored against itself is
perfect, a label missing one pair is worse by exactly that pair, the cut keeps two leads of one
paragraph apart and a task's body with its heading, and the stored second readings all resolve."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.agreement_initiatives import (
    AgreementError,
    Block,
    agreement,
    as_view,
    blocks,
    first_label,
    lead_starts,
    load,
    main,
    report,
    second_readings,
)
from tests.eval_initiatives import PairScore

OLD = """一、2021年工作回顾

过去一年，经济运行总体平稳。全区生产总值增长6%，居民收入稳步提高。

一是稳住经济增长。出台助企纾困政策，市场主体增加一万户。二是深化改革开放。推进营商环境改革，实现一网通办。

各位代表！

二、2022年主要任务

（一）推动产业升级

坚持创新驱动，加快产业转型升级。

1.建设金融中心。推进金融街建设，引进金融机构二十家。

2.发展数字经济。建设城市数据中心，培育数字企业。

3.改造老旧小区。完成十个小区改造，加装电梯五十部。
"""

NEW = """一、2022年工作回顾

过去一年，经济稳中向好。全区生产总值增长5%，居民收入继续提高。

一是稳住经济增长。落实减税降费，市场主体增加两万户。二是扩大对外开放。举办投资推介会，引进外资项目。

二、2023年主要任务

（一）推动产业升级

坚持创新驱动，推进产业迈向高端。

1.建设金融中心。推进金融街二期建设。

2.发展绿色能源。建设屋顶光伏电站，推广新能源汽车。

3.改造老旧小区。完成二十个小区改造，加装电梯一百部。
"""


def unit(uid: str, part: int, lead: str, kind: str) -> dict[str, Any]:
    return {"id": uid, "part": part, "group": "", "lead": lead, "kind": kind}


def pair(old: str, new: str, label: str = "same", confidence: str = "high") -> dict[str, str]:
    return {"old_id": old, "new_id": new, "label": label, "confidence": confidence, "why": ""}


# Read from OLD and NEW by hand: 数字经济 is dropped, 绿色能源 new, 深化改革开放 → 扩大对外开放 arguable.
LABEL: dict[str, Any] = {
    "meta": {"old": "old.txt", "new": "new.txt"},
    "old_units": [
        unit("O1-1", 1, "过去一年，经济运行总体平稳。", "lead"),
        unit("O1-2", 1, "一是稳住经济增长。", "lead"),
        unit("O1-3", 1, "二是深化改革开放。", "lead"),
        unit("O3-1", 3, "（一）推动产业升级", "group"),
        unit("O3-2", 3, "1.建设金融中心。", "task"),
        unit("O3-3", 3, "2.发展数字经济。", "task"),
        unit("O3-4", 3, "3.改造老旧小区。", "task"),
    ],
    "new_units": [
        unit("N1-1", 1, "过去一年，经济稳中向好。", "lead"),
        unit("N1-2", 1, "一是稳住经济增长。", "lead"),
        unit("N1-3", 1, "二是扩大对外开放。", "lead"),
        unit("N3-1", 3, "（一）推动产业升级", "group"),
        unit("N3-2", 3, "1.建设金融中心。", "task"),
        unit("N3-3", 3, "2.发展绿色能源。", "task"),
        unit("N3-4", 3, "3.改造老旧小区。", "task"),
    ],
    "pairs": [
        pair("O1-1", "N1-1"),
        pair("O1-2", "N1-2"),
        pair("O1-3", "N1-3", "related", "medium"),
        pair("O3-1", "N3-1"),
        pair("O3-2", "N3-2"),
        pair("O3-4", "N3-4"),
    ],
    "notes": [],
}
REMOVED = ("O3-2", "N3-2")  # a same/high pair whose units are in no other pair


@pytest.fixture
def reports(tmp_path: Path) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    return blocks(tmp_path / "old.txt"), blocks(tmp_path / "new.txt")


def without(label: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    reduced = copy.deepcopy(label)
    reduced["pairs"] = [p for p in reduced["pairs"] if (p["old_id"], p["new_id"]) != (old, new)]
    return reduced


def ratios(s: PairScore) -> tuple[float, ...]:
    return (s.located, s.pairs_found, s.pair_precision, s.called_dropped_right, s.called_new_right)


def unpaired(label: dict[str, Any], side: str) -> int:
    ids = {p[f"{side}_id"] for p in label["pairs"]}
    return sum(u["id"] not in ids for u in label[f"{side}_units"])


def test_a_label_against_itself_is_perfect(reports: tuple[tuple[Block, ...], tuple[Block, ...]]) -> None:
    scores = agreement(LABEL, copy.deepcopy(LABEL), *reports, name="self")
    assert len(scores) == 4
    for s in scores:
        assert ratios(s) == (1.0,) * 5, s.name
        assert (s.old_crowded, s.new_crowded) == (0, 0), s.name  # 一是/二是 of one paragraph stay apart
    with_related, related_aside = scores[0], scores[2]
    assert with_related.dropped_called == unpaired(LABEL, "old") == 1  # the measure is not vacuous
    assert related_aside.dropped_called == 2  # 深化改革开放 unpaired once `related` is set aside
    assert with_related.found_of == 5


def test_one_pair_removed_is_exactly_that_worse(reports: tuple[tuple[Block, ...], tuple[Block, ...]]) -> None:
    reduced = without(LABEL, *REMOVED)
    b_against_a, a_against_b, *_ = agreement(LABEL, reduced, *reports, name="one pair removed")
    same_high = sum(p["label"] == "same" and p["confidence"] == "high" for p in LABEL["pairs"])
    dropped, new = unpaired(LABEL, "old"), unpaired(LABEL, "new")
    # B (without the pair) as the differ: misses it, and calls both of its units unpaired, wrongly.
    assert (b_against_a.found, b_against_a.found_of) == (same_high - 1, same_high)
    assert (b_against_a.pairs_right, b_against_a.pairs_judged) == (len(LABEL["pairs"]) - 1,) * 2
    assert (b_against_a.dropped_right, b_against_a.dropped_called) == (dropped, dropped + 1)
    assert (b_against_a.new_right, b_against_a.new_called) == (new, new + 1)
    # A as the differ, scored against B: the one pair B lacks is A's only wrong pair.
    assert (a_against_b.pairs_right, a_against_b.pairs_judged) == (
        len(LABEL["pairs"]) - 1,
        len(LABEL["pairs"]),
    )
    assert (a_against_b.found, a_against_b.found_of) == (same_high - 1,) * 2
    assert (a_against_b.dropped_right, a_against_b.dropped_called) == (dropped, dropped)


def test_a_task_heading_keeps_its_body_and_a_transition_stands_alone(
    reports: tuple[tuple[Block, ...], tuple[Block, ...]],
) -> None:
    view = as_view(LABEL, *reports)
    assert (
        "1.建设金融中心推进金融街建设，引进金融机构二十家。" in view.old_units
    )  # the normaliser splits heading and body
    assert "各位代表！" in view.old_units  # unlabelled: a piece of its own, neither paired nor called
    salutation = view.old_units.index("各位代表！")
    assert salutation not in view.dropped and all(o != salutation for o, _, _ in view.pairs)


def test_a_lead_missing_from_the_report_is_named(
    reports: tuple[tuple[Block, ...], tuple[Block, ...]],
) -> None:
    broken = copy.deepcopy(LABEL)
    broken["old_units"][5]["lead"] = "2.发展海洋经济。"
    with pytest.raises(AgreementError, match="old unit O3-3"):
        lead_starts(reports[0], broken["old_units"], "old")


def test_a_second_reading_without_its_first_label_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orphan = tmp_path / "nowhere-1__nowhere-2.second.json"
    orphan.write_text(json.dumps(LABEL), encoding="utf-8")
    assert main([str(orphan)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere-1__nowhere-2.json" in err


@pytest.mark.parametrize("second", second_readings(), ids=lambda p: p.name)
def test_every_stored_second_reading_agrees_with_itself(second: Path) -> None:
    """Every lead of both labels is found in its report, in order, and each label read against itself
    is perfect: the stored files and the cut still fit the texts."""
    first = load(first_label(second), "")
    reading = load(second, "")
    assert (reading["meta"]["old"], reading["meta"]["new"]) == (first["meta"]["old"], first["meta"]["new"])
    old, new = blocks(report(reading, first, "old")), blocks(report(reading, first, "new"))
    for label in (first, reading):
        for s in agreement(label, label, old, new, second.name):
            assert ratios(s) == (1.0,) * 5, s.name


def test_there_are_second_readings() -> None:
    assert len(second_readings()) >= 2


def test_the_report_has_four_rows_a_pair_then_the_pooled_rows(capsys: pytest.CaptureFixture[str]) -> None:
    futian = next(p for p in second_readings() if p.name.startswith("futian-"))
    assert main(["--verbose", str(futian)]) == 0
    out = capsys.readouterr().out
    pair = futian.name.removesuffix(".second.json")
    for how in ("B against A", "A against B", "B against A, related aside", "A against B, related aside"):
        assert out.count(f"{pair}: {how} ") == 1, how  # its table row
        assert f"== {pair}: {how}\n" in out  # its disagreements
    assert "all pairs, both directions " in out and "all pairs, both directions, related aside " in out
    assert out.count("wrongly called dropped:") == 4
