"""Pieces of a split or a merge (issue 14): a unit left over by the one-to-one assignment that
stands next to the pair of its partner joins that partner at a lower probability than a unit
elsewhere, in reports laid out by role; the rule is the same whichever edition is the old one."""

from __future__ import annotations

from corpusdiff.compare import params
from corpusdiff.compare.units import Features, Match, match_units, probability
from corpusdiff.types.tree import Unit

# a pair the model is sure of, and a pair it barely sees: one piece of a split shares few words
# with the whole it came from (the brief's 2018 推进污染防治取得更大成效 -> 2019 壮大绿色环保产业)
SURE = Features(lead=1.0, body=1.0, chars=1.0, anchors=1.0, position=1.0, same_kind=1.0)
FAINT = Features(lead=0.0, body=1.0, chars=0.6, anchors=0.0, position=0.0, same_kind=0.0)

WHOLE = Unit(0, 1, "paragraph", "", "推进污染防治取得更大成效。", 10)
CARRIED = Unit(0, 1, "paragraph", "", "持续推进污染防治。", 10)
BESIDE = Unit(1, 1, "paragraph", "", "壮大绿色环保产业。", 11)
ELSEWHERE = Unit(2, 2, "paragraph", "", "加强生态系统保护修复。", 30)


def _features(piece: int) -> dict[tuple[int, int], Features]:
    return {(0, 0): SURE, (0, piece): FAINT}


def test_the_faint_pair_is_between_the_two_thresholds() -> None:
    # the premise of the tests below: too faint for a merge anywhere, enough beside its partner's pair
    assert params.NEXT_PIECE_PROBABILITY <= probability(FAINT) < params.MERGE_PROBABILITY
    assert probability(SURE) >= params.PAIR_PROBABILITY


def test_a_piece_beside_its_partners_pair_is_split_from_the_partner() -> None:
    matches = match_units([WHOLE], [CARRIED, BESIDE], _features(1), pieces_together=True)
    assert [(m.old, m.new, m.relation) for m in matches] == [(0, 0, ""), (0, 1, "split")]


def test_a_piece_elsewhere_stays_new() -> None:
    matches = match_units([WHOLE], [CARRIED, BESIDE, ELSEWHERE], _features(2), pieces_together=True)
    assert [(m.old, m.new, m.relation) for m in matches] == [(0, 0, "")]


def test_a_piece_one_unit_further_away_stays_new() -> None:
    # BESIDE is another unit between the pair and the piece (NEXT_PIECE_DISTANCE is 1)
    further = Unit(2, 1, "paragraph", "", "加强生态系统保护修复。", 12)
    features = {**_features(2), (0, 1): Features(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)}
    matches = match_units([WHOLE], [CARRIED, BESIDE, further], features, pieces_together=True)
    assert [(m.old, m.new, m.relation) for m in matches] == [(0, 0, "")]


def test_in_reports_laid_out_by_topic_a_neighbour_is_no_evidence() -> None:
    matches = match_units([WHOLE], [CARRIED, BESIDE], _features(1), pieces_together=False)
    assert [(m.old, m.new, m.relation) for m in matches] == [(0, 0, "")]


def test_the_mirror_is_a_merge() -> None:
    mirrored = {(j, i): f for (i, j), f in _features(1).items()}
    matches = match_units([CARRIED, BESIDE], [WHOLE], mirrored, pieces_together=True)
    assert sorted((m.old, m.new, m.relation) for m in matches) == [(0, 0, ""), (1, 0, "merge")]
    assert isinstance(matches[0], Match)
