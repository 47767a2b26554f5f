"""A unit paired one-to-one is also reported as the piece of a split (or merge) when its link
with a unit paired elsewhere is sure and clearly likelier than its own pair (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.compare import params
from corpusdiff.compare.core import compare
from corpusdiff.compare.features import Match
from corpusdiff.compare.matching import sure_pieces
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.structure import build_tree
from corpusdiff.types.diff import Level, Relation

NATIONAL = Path(__file__).resolve().parents[1] / "data" / "national-gwr" / "wikisource"

# old 0 became new 0 and, as a second paragraph, new 1; the assignment gave new 1 to old 1,
# which is less like it (the shape of national 2016 -> 2017: 大气 -> 蓝天 and 水、土壤)
PAIRS = [(0, 0), (1, 1)]
SCORES = {(0, 0): 0.99, (0, 1): 0.89, (1, 1): 0.76, (1, 0): 0.01}


def _mirrored(scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    return {(j, i): s for (i, j), s in scores.items()}


def test_a_sure_link_beside_a_weaker_pair_is_a_split_piece() -> None:
    assert sure_pieces(PAIRS, SCORES, ()) == [Match(0, 1, 0.89, Relation.SPLIT)]


def test_the_mirrored_case_is_a_merge_piece() -> None:
    assert sure_pieces(PAIRS, _mirrored(SCORES), ()) == [Match(1, 0, 0.89, Relation.MERGE)]


def test_a_link_not_clearly_likelier_than_the_pair_adds_nothing() -> None:
    close = {**SCORES, (0, 1): 0.78}
    assert sure_pieces(PAIRS, close, ()) == []


def test_a_link_below_the_pair_threshold_adds_nothing() -> None:
    unsure = {**SCORES, (1, 1): 0.1, (0, 1): params.PAIR_PROBABILITY - 0.01}
    assert sure_pieces(PAIRS, unsure, ()) == []


def test_a_pair_of_identical_texts_takes_no_piece() -> None:
    assert sure_pieces(PAIRS, SCORES, [(1, 1)]) == []


@pytest.mark.parametrize(
    ("own_old", "own_new", "relation"),
    [(0.6, 0.7, Relation.MERGE), (0.7, 0.6, Relation.SPLIT), (0.6, 0.6, None)],
)
def test_a_link_sure_for_both_units_is_a_piece_of_the_weaker_pair(
    own_old: float, own_new: float, relation: Relation | None
) -> None:
    """Old 0 (own pair: own_old) and new 1 (own pair: own_new) are far likelier together: the
    unit whose own pair is weaker is the piece; with nothing to prefer, no piece at all."""
    scores = {(0, 0): own_old, (1, 1): own_new, (0, 1): 0.97}
    expected = [Match(0, 1, 0.97, relation)] if relation else []
    assert sure_pieces(PAIRS, scores, ()) == expected


def _relations(old: str, new: str, old_lead: str, new_lead: str) -> set[str]:
    """How the differ links the units of two national reports that start with these leads."""
    result = compare(
        build_tree(normalize_file(NATIONAL / f"{old}.txt")),
        build_tree(normalize_file(NATIONAL / f"{new}.txt")),
    )
    return {
        item.relation
        for item in result.initiatives
        if item.level == Level.UNIT
        and item.old is not None
        and item.new is not None
        and item.old.text.startswith(old_lead)
        and item.new.text.startswith(new_lead)
    }


def test_a_reform_paragraph_cut_in_two_is_reported_as_split() -> None:
    """National 2017 -> 2018 (labels: O1-14 continues as N1-16 and N1-18): 2017's reform
    paragraph (简政放权、放管结合、优化服务, 国企改革) continues as 2018's 国资国企 paragraph and
    splits off its 放管服 part into the 供给侧 paragraph, which the assignment gives to 2017's
    one-line reform heading; mirrored, the 放管服 part merges back. The review item `三是大力深化改革
    开放…。` runs on into that paragraph, as the portal prints it (session 14)."""
    reform = "三是大力深化改革开放，发展活力进一步增强。全面深化改革，推出一批"
    supply_side = "推进供给侧结构性改革，必须"
    assert _relations("2017", "2018", reform, supply_side) == {Relation.SPLIT}
    assert _relations("2018", "2017", supply_side, reform) == {Relation.MERGE}
