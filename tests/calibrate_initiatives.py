"""Fit the initiative matcher's logistic weights on the labelled pairs (never the held-out one).

`python -m tests.calibrate_initiatives` prints the fitted weights, for corpusdiff/compare/params.py,
and how the pooled training pairs separate at the chosen threshold. `--only clauses` (any feature
names) fits those weights alone, the intercept and the others held at params.py's values: how a new
signal is added without moving the operating point the other weights were reviewed at. A candidate pair of the
differ's units is positive when a labelled pair (same or related) joins a labelled unit located in
the old unit with one located in the new unit.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.eval_initiatives import label_files, locate, raw_path

if TYPE_CHECKING:
    from corpusdiff.compare.core import Candidates
    from corpusdiff.types.tree import DocTree

Row = tuple[tuple[float, ...], int]

FEATURES = ("lead", "body", "chars", "anchors", "position", "same_kind", "relative", "mutual", "backed", "sentences", "clauses")


def tuned_files() -> list[Path]:
    """The label files the differ may be tuned on: every one but the held-out ones."""
    return [p for p in label_files() if not json.loads(p.read_text(encoding="utf-8"))["meta"].get("held_out")]


def editions(labels: Mapping[str, Any]) -> tuple[DocTree, DocTree, Candidates]:
    """A label file's two editions as the differ reads them, and its candidate pairs with their
    features (the differ's segmenter, which knows the two editions' programme names)."""
    from corpusdiff.compare.core import editions_segmenter
    from corpusdiff.compare.features import candidate_features
    from corpusdiff.normalize.entry import normalize_file
    from corpusdiff.structure import build_tree

    old, new = (build_tree(normalize_file(raw_path(labels["meta"][side]))) for side in ("old", "new"))
    return old, new, candidate_features(old, new, editions_segmenter(old, new))


def training_rows(path: Path) -> list[Row]:
    """(features, label) for every candidate pair the differ scores in one labelled pair."""
    labels = json.loads(path.read_text(encoding="utf-8"))
    return labelled_rows(labels, *editions(labels))


@dataclass(frozen=True)
class LabelledUnits:
    """What a label file says of the differ's initiative units (indices into the candidates' unit
    lists): the pairs labelled `same`, those only `related` (arguable either way), and the units
    that hold a labelled unit on each side (the rest, salutations and table notes, has no label)."""

    positives: frozenset[tuple[int, int]]
    arguable: frozenset[tuple[int, int]]
    hosts_old: frozenset[int]
    hosts_new: frozenset[int]


def labelled_units(labels: Mapping[str, Any], old: DocTree, new: DocTree, candidates: Candidates) -> LabelledUnits:
    """Locate a label file's units among the differ's units (see `LabelledUnits`)."""
    from corpusdiff.compare.units import reading_order

    old_units, new_units, _ = candidates
    old_order, new_order = reading_order(old), reading_order(new)
    old_at = locate([u["lead"] for u in labels["old_units"]], [u.text for u in old_order])
    new_at = locate([u["lead"] for u in labels["new_units"]], [u.text for u in new_order])
    index_old = {u.index: k for k, u in enumerate(old_units)}
    index_new = {u.index: k for k, u in enumerate(new_units)}
    where_old = {
        u["id"]: index_old[old_order[k].index] for u, k in zip(labels["old_units"], old_at, strict=True) if k is not None
    }
    where_new = {
        u["id"]: index_new[new_order[k].index] for u, k in zip(labels["new_units"], new_at, strict=True) if k is not None
    }

    def hosts(label: str) -> frozenset[tuple[int, int]]:
        return frozenset(
            (where_old[p["old_id"]], where_new[p["new_id"]])
            for p in labels["pairs"]
            if p["label"] == label and p["old_id"] in where_old and p["new_id"] in where_new
        )

    positives = hosts("same")
    return LabelledUnits(
        positives, hosts("related") - positives, frozenset(where_old.values()), frozenset(where_new.values())
    )


def labelled_rows(labels: Mapping[str, Any], old: DocTree, new: DocTree, candidates: Candidates) -> list[Row]:
    """(features, label) for every candidate pair between units that hold labelled units;
    `related` pairs could be argued either way, so they teach the model nothing."""
    found = labelled_units(labels, old, new, candidates)
    return [
        (f.as_tuple(), int(pair in found.positives))
        for pair, f in candidates[2].items()
        if pair[0] in found.hosts_old and pair[1] in found.hosts_new and pair not in found.arguable
    ]


def fit(
    rows: Sequence[Row],
    l2: float = 1e-4,
    held: dict[int, float] | None = None,
) -> list[float]:
    """Logistic regression (intercept first), L2-regularised, non-negative weights, fitted by scipy;
    `held` pins weights (by index, 0 the intercept) at given values."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.array([[1.0, *f] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + l2 * np.sum(w[1:] ** 2)
        grad = x.T @ (p - y) / len(y) + 2 * l2 * np.concatenate([[0.0], w[1:]])
        return float(value), grad

    # every signal is evidence for a pair, never against it: non-negative weights keep the model
    # readable and stop correlated signals (words and characters) from cancelling out
    bounds: list[tuple[float | None, float | None]] = [(None, None)] + [(0.0, None)] * (x.shape[1] - 1)
    start = np.zeros(x.shape[1])
    for index, value in (held or {}).items():
        bounds[index] = (value, value)
        start[index] = value
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    return [round(float(v), 2) for v in result.x]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from corpusdiff.compare import params

    parser = argparse.ArgumentParser(prog="python -m tests.calibrate_initiatives", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=FEATURES, help="fit these weights alone, the rest held")
    args = parser.parse_args(argv)
    training = tuned_files()
    rows = [row for path in training for row in training_rows(path)]
    free = {FEATURES.index(name) + 1 for name in args.only or ()}
    held = {k: w for k, w in enumerate(params.WEIGHTS) if k not in free} if args.only else None
    weights = fit(rows, held=held)
    print("WEIGHTS =", tuple(weights), " # intercept,", ", ".join(FEATURES))
    positives = sum(label for _, label in rows)
    print(f"{len(rows)} candidate pairs, {positives} labelled pairs among them, from {len(training)} labelled pairs")
    for threshold in (0.3, 0.4, 0.5, 0.6):
        tp = fp = fn = 0
        for f, label in rows:
            z = weights[0] + sum(w * v for w, v in zip(weights[1:], f, strict=True))
            yes = 1 / (1 + math.exp(-z)) >= threshold
            tp += yes and label
            fp += yes and not label
            fn += (not yes) and label
        print(f"p >= {threshold}: recall {tp / max(1, tp + fn):.2f}, precision {tp / max(1, tp + fp):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
