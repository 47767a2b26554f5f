"""Why continuing units are still called dropped or new (issue 14): for every unit the differ leaves
unpaired in a tuned labelled pair, its labelled partners, the model's probability for each, whether
that partner is taken, and what kept the pair out; then the wrong calls counted by kind, and the
right calls by their best candidate (what a fix must not pair).

`python -m tests.diagnose_initiatives` (all tuned label files; `--verbose` lists every unit). Held-out
files are refused: their errors are never read, so nothing is tuned on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from tests.eval_initiatives import RECENT_FROM, _first_year, label_files, locate, raw_path


class Partner(StrEnum):
    """Where the labelled partner of a unit left over stands in the differ's answer."""

    PAIRED = "paired one-to-one with another unit"
    EXTRA = "only the extra side of a merge or split"
    FREE = "left over too"


class Kind(StrEnum):
    """Why a continuing unit is called dropped or new."""

    ACROSS_LEVELS = "a group heading whose partner is a paragraph, or the reverse"
    EXTRA_PIECE = "a piece of a split or merge: partner paired elsewhere, p < 0.1"
    BEHIND_EXTRA = "partner is itself only merged/split: the leftover step skips it"
    BOTH_LEFT_OVER = "both left over, p < 0.5"


@dataclass(frozen=True)
class LabelledPartner:
    """One labelled partner of a unit the differ leaves unpaired."""

    label: str  # "same/high", "related/medium", …
    is_group: bool
    probability: float | None  # None: the pair was never scored
    blocked: str  # why it was not scored: "role", "kinds", "prefilter"; "" when scored
    standing: Partner


@dataclass(frozen=True)
class Leftover:
    """A unit the differ calls dropped (old side) or new, and what the labels say of it."""

    pair: str
    side: str
    ids: tuple[str, ...]
    text: str
    is_group: bool
    partners: tuple[LabelledPartner, ...]  # empty: rightly called
    best_candidate: float | None  # the unit's highest probability with any candidate


def kind_of(unit: Leftover) -> Kind:
    """The kind of a wrong call, from its labelled partners: crossing levels first (every partner on
    the other level), then by the standing of the partner the model likes best."""
    if all(p.is_group != unit.is_group for p in unit.partners):
        return Kind.ACROSS_LEVELS
    best = max(unit.partners, key=lambda p: p.probability or 0.0)
    return {
        Partner.PAIRED: Kind.EXTRA_PIECE,
        Partner.EXTRA: Kind.BEHIND_EXTRA,
        Partner.FREE: Kind.BOTH_LEFT_OVER,
    }[best.standing]


def leftovers(path: Path) -> list[Leftover]:
    """Every located unit of one tuned label file that the differ leaves unpaired."""
    labels = json.loads(path.read_text(encoding="utf-8"))
    if labels["meta"].get("held_out"):
        raise SystemExit(f"{path.name} is held out: its errors are not read (see tests/data/labels/initiatives/README.md)")
    from corpusdiff.compare.core import editions_segmenter, match_initiative_units
    from corpusdiff.compare.units import GROUP, reading_order
    from corpusdiff.normalize.entry import normalize_file
    from corpusdiff.structure import build_tree

    trees = [build_tree(normalize_file(raw_path(labels["meta"][side]))) for side in ("old", "new")]
    found = match_initiative_units(*trees, editions_segmenter(*trees))
    units = (found.old_units, found.new_units)
    scores = found.scores
    one_to_one = ({m.old for m in found.matches if not m.relation}, {m.new for m in found.matches if not m.relation})
    in_any = ({m.old for m in found.matches}, {m.new for m in found.matches})
    where: list[dict[str, int]] = []  # label id -> unit index, per side
    for side, tree in zip(("old", "new"), trees, strict=True):
        order = reading_order(tree)
        at = locate([u["lead"] for u in labels[f"{side}_units"]], [u.text for u in order])
        where.append({u["id"]: order[k].index for u, k in zip(labels[f"{side}_units"], at, strict=True) if k is not None})
    context = _Context(labels, units, found.roles, scores, one_to_one, in_any, where)
    out = []
    for side in (0, 1):
        ids_at: dict[int, list[str]] = {}
        for uid, k in where[side].items():
            ids_at.setdefault(k, []).append(uid)
        for k, ids in sorted(ids_at.items()):
            if k not in in_any[side]:
                unit = units[side][k]
                best = max((s for pair, s in scores.items() if pair[side] == k), default=None)
                partners = tuple(context.partner(side, k, ids))
                out.append(Leftover(path.stem, ("old", "new")[side], tuple(ids), unit.text, unit.kind == GROUP, partners, best))
    return out


@dataclass(frozen=True)
class _Context:
    labels: dict[str, Any]
    units: tuple[Sequence[Any], Sequence[Any]]
    roles: tuple[Sequence[Any], Sequence[Any]]
    scores: dict[tuple[int, int], float]
    one_to_one: tuple[set[int], set[int]]
    in_any: tuple[set[int], set[int]]
    where: list[dict[str, int]]

    def partner(self, side: int, unit: int, ids: Sequence[str]) -> list[LabelledPartner]:
        from corpusdiff.compare.features import _compatible
        from corpusdiff.compare.units import GROUP

        mine, theirs = ("old_id", "new_id") if side == 0 else ("new_id", "old_id")
        out = []
        for p in self.labels["pairs"]:
            other = self.where[1 - side].get(p[theirs])
            if p[mine] not in ids or other is None:
                continue
            pair = (unit, other) if side == 0 else (other, unit)
            a, b = self.units[0][pair[0]], self.units[1][pair[1]]
            blocked = ""
            if pair not in self.scores:
                blocked = (
                    "role"
                    if self.roles[0][pair[0]] != self.roles[1][pair[1]]
                    else ("kinds" if not _compatible(a, b) else "prefilter")
                )
            standing = (
                Partner.PAIRED
                if other in self.one_to_one[1 - side]
                else (Partner.EXTRA if other in self.in_any[1 - side] else Partner.FREE)
            )
            is_group = self.units[1 - side][other].kind == GROUP
            out.append(LabelledPartner(f"{p['label']}/{p['confidence']}", is_group, self.scores.get(pair), blocked, standing))
        return out


def _bucket(value: float | None) -> str:
    if value is None:
        return "no candidate scored"
    for edge in (0.01, 0.05, 0.1, 0.5):
        if value < edge:
            return f"best p < {edge}"
    return "best p >= 0.5"


def summary(found: Sequence[Leftover]) -> str:
    """The wrong calls by kind (with the labels of their partners and how many were never scored),
    and the right calls by their best candidate."""
    out = []
    for era, members in (
        ("recent", [u for u in found if _first_year(u.pair) >= RECENT_FROM]),
        ("older", [u for u in found if _first_year(u.pair) < RECENT_FROM]),
    ):
        wrong = [u for u in members if u.partners]
        right = [u for u in members if not u.partners]
        out.append(f"{era} tuned pairs: {len(wrong)} units wrongly called dropped/new, {len(right)} rightly")
        kinds = Counter(kind_of(u) for u in wrong)
        for kind, count in kinds.most_common():
            inside = [u for u in wrong if kind_of(u) is kind]
            labels = Counter(max((p.label for p in u.partners), key=_label_rank) for u in inside)
            unscored = sum(all(p.probability is None for p in u.partners) for u in inside)
            out.append(
                f"  {count:4d}  {kind}  [{', '.join(f'{n} {label}' for label, n in sorted(labels.items()))};"
                f" {unscored} never scored]"
            )
        buckets = Counter(_bucket(u.best_candidate) for u in right)
        out.append("  right calls: " + ", ".join(f"{n} {b}" for b, n in sorted(buckets.items())))
    return "\n".join(out)


def _label_rank(label: str) -> tuple[bool, bool]:
    return label.startswith("same"), label.endswith("high")


def details(unit: Leftover) -> str:
    head = f"{unit.pair} {unit.side} {','.join(unit.ids)} {unit.text[:30]}"
    if not unit.partners:
        return f"[right] {head}  best p {unit.best_candidate if unit.best_candidate is not None else '-'}"
    lines = [f"[wrong: {kind_of(unit)}] {head}"]
    for p in unit.partners:
        score = f"p={p.probability:.3f}" if p.probability is not None else f"not scored ({p.blocked})"
        lines.append(f"    {p.label} {'group ' if p.is_group else ''}{score}, partner {p.standing}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.diagnose_initiatives", description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every unit left over")
    parser.add_argument("files", nargs="*", type=Path, help="tuned label files (default: all of them)")
    args = parser.parse_args(argv)
    files = args.files or [
        p for p in label_files() if not json.loads(p.read_text(encoding="utf-8"))["meta"].get("held_out")
    ]
    found = [unit for path in files for unit in leftovers(path)]
    print(summary(found))
    if args.verbose:
        print()
        print("\n".join(details(u) for u in found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
