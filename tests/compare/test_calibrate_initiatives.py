"""The calibration (tests/calibrate_initiatives.py) fits the model on the features of the differ's
own candidate pairs: the same segmenter as `compare` (which knows the two editions' programme names)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.calibrate_initiatives import training_rows
from tests.eval_initiatives import raw_path

LABEL_DIR = Path(__file__).parent.parent / "data" / "labels" / "initiatives"


def test_training_rows_are_the_features_the_differ_scores() -> None:
    from corpusdiff.compare.core import editions_segmenter, match_initiative_units
    from corpusdiff.normalize.entry import normalize_file
    from corpusdiff.structure import build_tree

    path = LABEL_DIR / "futian-2022-01__futian-2023-10.json"
    meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
    old, new = (build_tree(normalize_file(raw_path(meta[side]))) for side in ("old", "new"))
    scored = {f.as_tuple() for f in match_initiative_units(old, new, editions_segmenter(old, new)).features.values()}
    rows = training_rows(path)
    assert rows and sum(label for _, label in rows) > 0
    assert {features for features, _ in rows} <= scored
