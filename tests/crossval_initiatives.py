"""Cross-validate the initiative matcher's weights and thresholds: leave one tuned pair out.

`python -m tests.crossval_initiatives` (or `make xval`). For each tuned label file, the logistic
weights are fitted on the other tuned files (tests.calibrate_initiatives), the operating thresholds
PAIR_PROBABILITY and MERGE_PROBABILITY are picked on those same files (the grid point whose worst
pooled measure is best), and the left-out file is scored with them, beside today's params.py scored
on it in the same run. A value chosen and judged on the same labels is no evidence; out of fold it
is. Held-out files are refused: they are never tuned on, not even to pick a threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.calibrate_initiatives import Row, editions, fit, labelled_rows, tuned_files
from tests.eval_initiatives import RECENT_FROM, DifferView, PairScore, _cell, _first_year, pooled, score

if TYPE_CHECKING:
    from corpusdiff.compare.core import Candidates
    from corpusdiff.compare.params import MatcherParams
    from corpusdiff.types.tree import DocTree

#: The thresholds tried on each fold's training files: PAIR_PROBABILITY x MERGE_PROBABILITY.
PAIR_GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
MERGE_GRID = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3)
MEASURES = ("pairs_found", "pair_precision", "called_dropped_right", "called_new_right")


class HeldOut(Exception):
    """A held-out label file was given: its labels are never used to choose anything."""


@dataclass(frozen=True)
class LabelledPair:
    """One tuned label file, read once: its labels, the two editions, the candidate pairs with
    their features (the costly part, the same for every weight and threshold), and its rows."""

    name: str
    labels: Mapping[str, Any]
    old: DocTree
    new: DocTree
    candidates: Candidates
    rows: tuple[Row, ...]


def read_pair(name: str, labels: Mapping[str, Any], trees: tuple[DocTree, DocTree, Candidates] | None = None) -> LabelledPair:
    """A labelled pair ready to score; `trees` (old, new, candidates) when already built, else read
    from the label file's raw reports. Refuses a held-out file."""
    if labels["meta"].get("held_out"):
        raise HeldOut(f"{name} is held out: its labels choose nothing (see tests/data/labels/initiatives/README.md)")
    old, new, candidates = trees or editions(labels)
    return LabelledPair(name, labels, old, new, candidates, tuple(labelled_rows(labels, old, new, candidates)))


def scored(pair: LabelledPair, matcher: MatcherParams) -> PairScore:
    """The eval's measures of one labelled pair, the differ's units paired with `matcher`."""
    return score(pair.labels, _view(pair, matcher), pair.name)


def _view(pair: LabelledPair, matcher: MatcherParams) -> DifferView:
    """What `tests.eval_initiatives.run_differ` reads of a diff, from the unit pairs alone: the
    unit-level initiatives of `compare` are exactly these pairs and the units left out of them."""
    from corpusdiff.compare.core import match_candidates
    from corpusdiff.compare.units import reading_order

    found = match_candidates(pair.old, pair.new, pair.candidates, matcher)
    old_at = {unit: k for k, unit in enumerate(reading_order(pair.old))}
    new_at = {unit: k for k, unit in enumerate(reading_order(pair.new))}
    pairs = tuple(
        (old_at[found.old_units[m.old]], new_at[found.new_units[m.new]], m.relation or "paired") for m in found.matches
    )
    paired_old, paired_new = {m.old for m in found.matches}, {m.new for m in found.matches}
    return DifferView(
        tuple(u.text for u in old_at),
        tuple(u.text for u in new_at),
        pairs,
        frozenset(old_at[u] for k, u in enumerate(found.old_units) if k not in paired_old),
        frozenset(new_at[u] for k, u in enumerate(found.new_units) if k not in paired_new),
    )


def worst_measure(scores: Sequence[PairScore]) -> float:
    """The criterion thresholds are picked by: the worst of the four pooled measures."""
    total = pooled(scores, "")
    return min(getattr(total, measure) for measure in MEASURES)


def choose_thresholds(training: Sequence[LabelledPair], weights: tuple[float, ...]) -> MatcherParams:
    """The grid's PAIR_PROBABILITY and MERGE_PROBABILITY whose worst pooled measure on `training`
    is best (ties: the earlier grid point), with `weights`."""
    from corpusdiff.compare.params import MATCHER

    best: tuple[float, MatcherParams] | None = None
    for pair_p, merge_p in product(PAIR_GRID, MERGE_GRID):
        if merge_p > pair_p:
            continue
        matcher = replace(MATCHER, weights=weights, pair_probability=pair_p, merge_probability=merge_p)
        value = worst_measure([scored(p, matcher) for p in training])
        if best is None or value > best[0]:
            best = (value, matcher)
    assert best is not None
    return best[1]


Fit = Callable[[Sequence[Row]], list[float]]


@dataclass(frozen=True)
class Fold:
    """One left-out pair: what its training fitted and chose, and the pair scored three ways."""

    left_out: str
    trained_on: tuple[str, ...]
    matcher: MatcherParams  # the refitted weights and the thresholds chosen on the training pairs
    today: PairScore  # params.py as it is
    refit: PairScore  # the refitted weights, today's thresholds
    chosen: PairScore  # the refitted weights and the chosen thresholds


def folds(pairs: Sequence[LabelledPair], fitter: Fit = fit) -> list[Fold]:
    """Leave each pair out in turn: fit and choose on the others, score the one left out."""
    from corpusdiff.compare.params import MATCHER

    out = []
    for k, left_out in enumerate(pairs):
        training = [p for n, p in enumerate(pairs) if n != k]
        weights = tuple(fitter([row for p in training for row in p.rows]))
        matcher = choose_thresholds(training, weights)
        out.append(
            Fold(
                left_out.name,
                tuple(p.name for p in training),
                matcher,
                scored(left_out, MATCHER),
                scored(left_out, replace(MATCHER, weights=weights)),
                scored(left_out, matcher),
            )
        )
    return out


def _measures(s: PairScore) -> list[str]:
    return [
        _cell(s.found, s.found_of),
        _cell(s.pairs_right, s.pairs_judged),
        _cell(s.dropped_right, s.dropped_called),
        _cell(s.new_right, s.new_called),
    ]


def table(found: Sequence[Fold]) -> str:
    """Per fold and pooled (recent / older / all), the four measures of each way of scoring."""
    header = ["pair", "params", "thresholds", "pairs found", "pair precision", "dropped right", "new right"]
    rows = []
    for fold in found:
        thresholds = f"{fold.matcher.pair_probability}/{fold.matcher.merge_probability}"
        rows.append([fold.left_out, "today", "", *_measures(fold.today)])
        rows.append(["", "refit", "", *_measures(fold.refit)])
        rows.append(["", "refit+chosen", thresholds, *_measures(fold.chosen)])
    for era, members in (
        ("recent (pooled)", [f for f in found if _first_year(f.left_out) >= RECENT_FROM]),
        ("older (pooled)", [f for f in found if _first_year(f.left_out) < RECENT_FROM]),
        ("all (pooled)", list(found)),
    ):
        if not members:
            continue
        for way in ("today", "refit", "chosen"):
            total = pooled([getattr(f, way) for f in members], era)
            label = {"chosen": "refit+chosen"}.get(way, way)
            rows.append([era if way == "today" else "", label, "", *_measures(total)])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return "\n".join(
        [
            line(header),
            "-" * len(line(header)),
            *(line(r) for r in rows),
            "",
            "today: params.py as it is. refit: weights fitted on the other tuned pairs, today's thresholds.",
            "refit+chosen: those weights and the PAIR/MERGE_PROBABILITY (shown) whose worst pooled measure is best",
            "on the other tuned pairs. Every row scores a pair its weights and thresholds never saw (today's",
            "params.py excepted: it was tuned on all of them).",
        ]
    )


def grid_table(pairs: Sequence[LabelledPair], found: Sequence[Fold]) -> str:
    """Each grid point scored out of fold (each pair with the weights fitted without it): which
    thresholds the refitted model does best with, to write in params.py."""
    from corpusdiff.compare.params import MATCHER

    weights = {f.left_out: f.matcher.weights for f in found}
    out = ["PAIR/MERGE  out-of-fold worst measure  recent: found precision dropped new  older: same"]
    for pair_p, merge_p in product(PAIR_GRID, MERGE_GRID):
        if merge_p > pair_p:
            continue
        scores = [
            scored(p, replace(MATCHER, weights=weights[p.name], pair_probability=pair_p, merge_probability=merge_p))
            for p in pairs
        ]
        recent = pooled([s for s in scores if _first_year(s.name) >= RECENT_FROM], "")
        older = pooled([s for s in scores if _first_year(s.name) < RECENT_FROM], "")
        cells = "  ".join(
            " ".join(f"{getattr(total, m):.2f}" for m in MEASURES) for total in (recent, older)
        )
        out.append(f"{pair_p:.2f}/{merge_p:.2f}  {worst_measure(scores):.3f}  {cells}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.crossval_initiatives", description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="store_true", help="also score every threshold grid point out of fold")
    parser.add_argument("files", nargs="*", type=Path, help="tuned label files (default: all of them)")
    args = parser.parse_args(argv)
    try:
        pairs = [
            read_pair(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in args.files or tuned_files()
        ]
    except HeldOut as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if len(pairs) < 2:
        print("error: leaving one pair out needs at least two tuned label files", file=sys.stderr)
        return 2
    found = folds(pairs)
    print(table(found))
    for fold in found:
        print(f"{fold.left_out}: weights {fold.matcher.weights}")
    full = fit([row for p in pairs for row in p.rows])
    print(f"fitted on all {len(pairs)} tuned pairs: WEIGHTS = {tuple(full)}")
    if args.grid:
        print()
        print(grid_table(pairs, found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
