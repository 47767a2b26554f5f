"""The differ against the hand-labelled set (tests/data/labels/): at least 90 % right."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.labels_eval import LABELS, score_pair

LABEL_FILES = sorted(LABELS.glob("*__*.yaml"))


@pytest.mark.parametrize("path", LABEL_FILES, ids=[p.stem for p in LABEL_FILES])
def test_labelled_pairs_are_at_least_90_percent_right(path: Path) -> None:
    score, _ = score_pair(path)
    assert score.accuracy >= 0.9, "\n".join(score.misses)


@pytest.mark.parametrize("path", LABEL_FILES, ids=[p.stem for p in LABEL_FILES])
def test_every_label_category_is_mostly_right(path: Path) -> None:
    score, _ = score_pair(path)
    weak = {c: f"{score.right[c]}/{t}" for c, t in score.total.items() if score.right[c] / t < 0.6}
    assert weak == {}


def test_the_labelled_pairs_are_there() -> None:
    # Without label files the two tests above would have no cases and pytest would skip them.
    assert LABEL_FILES, f"no labelled pairs (*__*.yaml) in {LABELS}"
