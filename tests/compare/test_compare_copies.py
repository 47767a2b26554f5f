"""A paragraph the source prints twice, cut short and then whole (2015's national report does so
with its 简政放权 paragraph): both copies stay in the report, and the differ carries the
initiative on through the whole copy, with the cut-short one as the extra side of the pair."""

from __future__ import annotations

from corpusdiff.compare.core import compare
from corpusdiff.compare.matching import cut_short_copies
from corpusdiff.compare.units import initiative_units
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import Initiative, Relation

FRONT = """---
dialect: corpusdiff/1
title: 政府工作报告
---

## 一、上年工作回顾

过去一年，经济运行保持在合理区间，就业继续增加。

## 三、今年重点工作

"""

#: Last year: approvals and supervision in two paragraphs.
APPROVALS = "深入推进行政体制改革。今年再取消和下放一批行政审批事项，深化投资审批制度改革，清理非行政许可审批。"
SUPERVISION = "加强事中事后监管。坚持放管并重，建立纵横联动协同管理机制，实现责任和权力同步下放、调控和监管同步加强。"
#: This year: one paragraph holding both, printed first cut short after its approvals half.
CUT = "加大简政放权、放管结合改革力度。今年再取消和下放一批行政审批事项，深化投资审批制度改革，清理非行政许可审批。"
WHOLE = CUT + "坚持放管并重，建立纵横联动协同管理机制，实现责任和权力同步下放、调控和监管同步加强。"
OTHER = "稳定粮食生产。稳定粮食播种面积，提高单产和品质，实施新一轮千亿斤粮食产能工程。"


def _report(*paragraphs: str) -> str:
    return FRONT + "\n\n".join(paragraphs) + "\n"


def _pairs(old: str, new: str) -> list[Initiative]:
    result = compare(tree_from_markdown(old), tree_from_markdown(new))
    return [i for i in result.initiatives if i.level == "unit" and i.old is not None and i.new is not None]


def test_a_paragraph_whose_whole_text_opens_the_next_is_a_cut_short_copy() -> None:
    tree = tree_from_markdown(_report(APPROVALS, CUT, WHOLE, OTHER))
    units = initiative_units(tree)
    assert {units[c].text: units[w].text for c, w in cut_short_copies(units).items()} == {CUT: WHOLE}


def test_a_paragraph_cut_mid_sentence_or_not_followed_by_its_whole_is_no_copy() -> None:
    mid_sentence = CUT[: CUT.index("，") + 1]
    tree = tree_from_markdown(_report(mid_sentence, WHOLE, CUT, OTHER, WHOLE))
    assert cut_short_copies(initiative_units(tree)) == {}


def _partners(pairs: list[Initiative], text: str, new_side: bool) -> set[tuple[str, Relation]]:
    """(partner's text, relation) of every pair whose unit on one side has `text`."""
    found = set()
    for item in pairs:
        mine, theirs = (item.new, item.old) if new_side else (item.old, item.new)
        if mine is not None and theirs is not None and mine.text == text:
            found.add((theirs.text, Relation(item.relation)))
    return found


def test_the_whole_copy_carries_the_initiative_on_and_the_cut_short_one_is_split_from_it() -> None:
    pairs = _pairs(_report(APPROVALS, SUPERVISION, OTHER), _report(CUT, WHOLE, OTHER))
    assert _partners(pairs, APPROVALS, new_side=False) == {(WHOLE, Relation.NONE), (CUT, Relation.SPLIT)}
    assert (APPROVALS, Relation.NONE) in _partners(pairs, WHOLE, new_side=True)


def test_the_same_either_way_round() -> None:
    pairs = _pairs(_report(CUT, WHOLE, OTHER), _report(APPROVALS, SUPERVISION, OTHER))
    assert _partners(pairs, APPROVALS, new_side=True) == {(WHOLE, Relation.NONE), (CUT, Relation.MERGE)}
    assert (APPROVALS, Relation.NONE) in _partners(pairs, WHOLE, new_side=False)


def test_both_editions_printing_the_copies_pair_copy_with_copy() -> None:
    reworded = WHOLE.replace("同步加强", "协同加强")
    pairs = _pairs(_report(APPROVALS, CUT, WHOLE, OTHER), _report(APPROVALS, CUT, reworded, OTHER))
    assert _partners(pairs, CUT, new_side=False) == {(CUT, Relation.NONE)}
    assert _partners(pairs, WHOLE, new_side=False) == {(reworded, Relation.NONE)}
