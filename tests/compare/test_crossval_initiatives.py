"""The leave-one-pair-out cross-validation (tests/crossval_initiatives.py) on three tiny labelled
pairs: each fold fits on the other pairs' rows only, and held-out label files are refused."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.calibrate_initiatives import Row, fit
from tests.compare.test_compare import ARTS, FESTIVAL, HETAO, INVEST, RIVER, SERVICES, VENUES, edition
from tests.crossval_initiatives import HeldOut, LabelledPair, folds, main, read_pair, scored

LABEL_DIR = Path(__file__).parent.parent / "data" / "labels" / "initiatives"

# (old tasks, new tasks, labelled pairs by task number): one task continues nearly word for word,
# one is rewritten around a shared detail, one is dropped for another
PAIRS = {
    "synthetic-2020__synthetic-2021": (
        [("建设河套", HETAO), ("办好节庆", FESTIVAL)],
        [("建设河套园区", HETAO.replace("二十家", "三十家")), ("繁荣文化", ARTS)],
        [(1, 1), (2, 2)],
    ),
    "synthetic-2021__synthetic-2022": (
        [("治理深圳河", RIVER), ("扩大投资", INVEST)],
        [("治理深圳河流", RIVER.replace("五十公里", "八十公里")), ("培育会展", SERVICES)],
        [(1, 1)],
    ),
    "synthetic-2022__synthetic-2023": (
        [("建设场馆", VENUES), ("培育会展", SERVICES)],
        [("新建场馆", VENUES.replace("十个", "十五个")), ("扩大投资", INVEST.replace("三百", "四百"))],
        [(1, 1)],
    ),
}


def _labels(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]], pairs: Sequence[tuple[int, int]]) -> dict[str, Any]:
    return {
        "meta": {"old": "synthetic-old", "new": "synthetic-new"},
        "old_units": [{"id": f"O{n}", "lead": heading} for n, (heading, _) in enumerate(old, 1)],
        "new_units": [{"id": f"N{n}", "lead": heading} for n, (heading, _) in enumerate(new, 1)],
        "pairs": [{"old_id": f"O{a}", "new_id": f"N{b}", "label": "same", "confidence": "high"} for a, b in pairs],
    }


def _pair(name: str) -> LabelledPair:
    from corpusdiff.compare.core import editions_segmenter
    from corpusdiff.compare.features import candidate_features

    old_tasks, new_tasks, pairs = PAIRS[name]
    old, new = edition("2022-01", *old_tasks), edition("2023-01", *new_tasks)
    return read_pair(name, _labels(old_tasks, new_tasks, pairs), (old, new, candidate_features(old, new, editions_segmenter(old, new))))


def test_a_fold_fits_on_the_other_pairs_rows_only() -> None:
    pairs = [_pair(name) for name in sorted(PAIRS)]
    rows = [set(p.rows) for p in pairs]
    # the test means something only if the pairs' rows tell them apart, and each has a positive one
    assert all(rows[a].isdisjoint(rows[b]) for a in range(3) for b in range(a + 1, 3))
    assert all(any(label for _, label in p.rows) for p in pairs)
    fitted_on: list[list[Row]] = []

    def recording_fit(training: Sequence[Row]) -> list[float]:
        fitted_on.append(list(training))
        return fit(training)

    found = folds(pairs, recording_fit)
    assert [f.left_out for f in found] == [p.name for p in pairs]
    for k, fold in enumerate(found):
        others = [p for n, p in enumerate(pairs) if n != k]
        assert fold.trained_on == tuple(p.name for p in others)
        assert fitted_on[k] == [row for p in others for row in p.rows]
        assert rows[k].isdisjoint(fitted_on[k])


def test_a_held_out_label_set_is_refused_before_anything_is_read() -> None:
    old, new, pairs = PAIRS["synthetic-2020__synthetic-2021"]
    labels = _labels(old, new, pairs)
    labels["meta"]["held_out"] = True
    # no trees given: reading the reports ("synthetic-old") would fail, refusing comes first
    with pytest.raises(HeldOut, match="held out"):
        read_pair("synthetic-2020__synthetic-2021", labels)


def test_the_command_refuses_a_held_out_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(LABEL_DIR / "national-2016__national-2017.json")]) == 2
    assert "national-2016__national-2017 is held out" in capsys.readouterr().err


def test_a_fold_scores_what_make_eval_scores() -> None:
    """The folds pair the units from precomputed candidates (`compare.core.match_candidates`): with
    params.py's values, a tuned pair's measures are those `make eval` prints for it."""
    from corpusdiff.compare.params import MATCHER
    from tests.eval_initiatives import evaluate

    path = LABEL_DIR / "futian-2023-10__futian-2025-01.json"
    pair = read_pair(path.stem, json.loads(path.read_text(encoding="utf-8")))
    measured, expected = scored(pair, MATCHER), evaluate(path)
    assert (measured.found, measured.pairs_right, measured.pairs_judged) == (expected.found, expected.pairs_right, expected.pairs_judged)
    assert (measured.dropped_right, measured.dropped_called, measured.new_right, measured.new_called) == (
        expected.dropped_right,
        expected.dropped_called,
        expected.new_right,
        expected.new_called,
    )
