"""The matcher's weights and thresholds as one value (params.MatcherParams): params.py's by default,
and what `compare` pairs with when given others, no module state touched (the cross-validation,
tests/crossval_initiatives.py, scores other values this way)."""

from __future__ import annotations

from dataclasses import fields

from corpusdiff.compare import params
from corpusdiff.compare.core import compare
from corpusdiff.compare.params import MATCHER, MatcherParams
from tests.compare.test_compare import ARTS, FESTIVAL, HETAO, INVEST, SERVICES, edition, task_pairs

MODULE_VALUES = {
    "weights": params.WEIGHTS,
    "pair_probability": params.PAIR_PROBABILITY,
    "merge_probability": params.MERGE_PROBABILITY,
    "sure_piece_margin": params.SURE_PIECE_MARGIN,
    "mutual_lead": params.MUTUAL_LEAD,
    "backed_likeness": params.BACKED_LIKENESS,
}

# 办好节庆 and 繁荣文化 share one event (城市马拉松) and little else: a pair the model likes, not one
# it is certain of (p ~ 0.997 with today's weights); 建设河套 continues almost word for word
OLD = edition("2022-01", ("建设河套", HETAO), ("办好节庆", FESTIVAL), ("扩大投资", INVEST))
NEW = edition("2025-01", ("建设河套园区", HETAO.replace("二十家", "三十家")), ("繁荣文化", ARTS), ("培育会展", SERVICES))


def test_the_defaults_are_the_module_values() -> None:
    assert {f.name for f in fields(MatcherParams)} == set(MODULE_VALUES)
    assert {name: getattr(MATCHER, name) for name in MODULE_VALUES} == MODULE_VALUES
    assert MatcherParams() == MATCHER


def test_compare_pairs_with_the_thresholds_it_is_given() -> None:
    strict = MatcherParams(pair_probability=0.9999, merge_probability=0.9999)
    today = task_pairs(compare(OLD, NEW))
    assert today.get(("办好节庆", "繁荣文化")) == ""
    stricter = task_pairs(compare(OLD, NEW, matcher=strict))
    assert ("办好节庆", "繁荣文化") not in stricter
    assert ("建设河套", "建设河套园区") in stricter
    # nothing changed behind the caller's back: the default still pairs them
    assert task_pairs(compare(OLD, NEW)) == today


def test_compare_scores_with_the_weights_it_is_given() -> None:
    """An intercept far below any evidence: no pair passes (the nearly identical one included)."""
    hopeless = MatcherParams(weights=(-60.0, *params.WEIGHTS[1:]))
    assert task_pairs(compare(OLD, NEW, matcher=hopeless)) == {}
