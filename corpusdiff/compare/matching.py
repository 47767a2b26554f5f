"""Which initiative units of two editions continue each other: one scoring model, one assignment.

Every candidate pair of units in the same part of the report (review, targets, tasks, …) is
scored from several signals at once — lead similarity on character bigrams, body similarity
on words and on character bigrams, rare terms only the two units share, sentences that continue
across unit boundaries, position, and how the pair ranks among each unit's candidates — by a
logistic model whose weights live in `params.py`, fitted on hand-labelled pairs. One global
assignment then keeps the best one-to-one pairs whose probability passes the threshold, and a
unit left over whose best partner is taken is reported as merged into it (old side) or split
from it (new side); a paired unit far likelier one initiative with a unit paired elsewhere is
also reported as that unit's split (or merge) piece. No pass overrides another, so the answer
does not depend on the order in which evidence is looked at.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from corpusdiff.compare import params
from corpusdiff.compare.features import Features, Match, pair_scores
from corpusdiff.compare.groups import (
    Editions,
    groups_from_units,
    openings_of_continuing_groups,
    themes_by_content,
    themes_left_alone,
)
from corpusdiff.compare.overrides import UnitOverrides
from corpusdiff.compare.params import MATCHER, MatcherParams
from corpusdiff.compare.units import LEAD_END_RE
from corpusdiff.types.diff import Relation, Role
from corpusdiff.types.tree import DocTree, Unit


@dataclass(frozen=True)
class UnitPairs:
    """The initiative units of two editions and their roles, the features of every candidate
    pair, and the pairs the differ keeps (one-to-one, merges and splits, and those the layout
    adds)."""

    old_units: tuple[Unit, ...]
    new_units: tuple[Unit, ...]
    roles: tuple[list[Role], list[Role]]
    features: dict[tuple[int, int], Features]
    matches: list[Match]
    scores: dict[tuple[int, int], float]  # the model's probability for every candidate pair
    reviewed: UnitOverrides = field(default_factory=UnitOverrides)  # a reviewer's pins and forbids (compare/overrides.py)


def match_units(
    old_units: Sequence[Unit],
    new_units: Sequence[Unit],
    features: dict[tuple[int, int], Features],
    forced: Sequence[tuple[int, int]] = (),
    matcher: MatcherParams = MATCHER,
    scores: dict[tuple[int, int], float] | None = None,
) -> list[Match]:
    """One-to-one pairs by a global assignment, the sure pieces of splits and merges among the
    paired units, then merges and splits of what is left; `scores` when `pair_scores` already
    gave them."""
    scores = pair_scores(features, matcher) if scores is None else scores
    pairs = _assign(scores, forced, matcher.pair_probability)
    matches = [Match(i, j, scores.get((i, j), 1.0)) for i, j in pairs]
    matches += sure_pieces(pairs, scores, forced, matcher)
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    of_old, of_new = _scores_by_unit(scores)
    for i in range(len(old_units)):
        if i not in paired_old:
            best = _best((p, s) for p, s in of_old.get(i, ()) if p[1] in paired_new)
            if best and best[1] >= matcher.merge_probability:
                matches.append(Match(i, best[0][1], best[1], "merge"))
    for j in range(len(new_units)):
        if j not in paired_new:
            best = _best((p, s) for p, s in of_new.get(j, ()) if p[0] in paired_old)
            if best and best[1] >= matcher.merge_probability:
                matches.append(Match(best[0][0], j, best[1], "split"))
    return matches


def sure_pieces(
    pairs: Sequence[tuple[int, int]],
    scores: Mapping[tuple[int, int], float],
    forced: Collection[tuple[int, int]],
    matcher: MatcherParams = MATCHER,
) -> list[Match]:
    """Links between units that are both paired elsewhere, reported beside their pairs.

    The assignment gives each unit one partner, and the leftover step links only units left
    without one: a paragraph cut in two whose second half the assignment gave to a weaker
    partner z is never reported as split, though that half y is far likelier one initiative
    with the old x paired elsewhere. So y is also a split piece of x when (x, y) is sure (at
    PAIR_PROBABILITY) and SURE_PIECE_MARGIN log-odds likelier than (z, y); mirrored, z also
    merges into a new w paired elsewhere. Pairs of identical texts (`forced`) take no piece."""
    partner_of_old = dict(pairs)
    partner_of_new = {j: i for i, j in pairs}
    by_old: dict[int, list[tuple[int, float]]] = defaultdict(list)
    by_new: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), value in scores.items():
        by_old[i].append((j, value))
        by_new[j].append((i, value))
    splits: dict[tuple[int, int], float] = {}  # (x, y) -> the probability of y's own pair
    merges: dict[tuple[int, int], float] = {}  # (z, w) -> the probability of z's own pair
    for z, y in pairs:
        if (z, y) in forced:
            continue
        own = scores.get((z, y), 1.0)
        floor = max(matcher.pair_probability, _raised(own, matcher.sure_piece_margin))
        split = _best(((x, y), s) for x, s in by_new[y] if x != z and x in partner_of_old and s >= floor)
        merge = _best(((z, w), s) for w, s in by_old[z] if w != y and w in partner_of_new and s >= floor)
        if split:
            splits[split[0]] = own
        if merge:
            merges[merge[0]] = own
    pieces = []
    for pair in sorted(splits.keys() | merges.keys()):
        relation = _piece_relation(splits.get(pair), merges.get(pair))
        if relation:
            pieces.append(Match(pair[0], pair[1], scores[pair], relation))
    return pieces


def _piece_relation(beside_new: float | None, beside_old: float | None) -> Relation | None:
    """A link sure for both its units is a piece of the side whose own pair is weaker (none
    when they are equal: no side to prefer)."""
    if beside_old is None:
        return Relation.SPLIT
    if beside_new is None:
        return Relation.MERGE
    if beside_new == beside_old:
        return None
    return Relation.SPLIT if beside_new < beside_old else Relation.MERGE


def _raised(probability_: float, margin: float) -> float:
    """The probability `margin` log-odds above `probability_` (above 1 for a certain pair)."""
    if probability_ >= 1.0:
        return 2.0
    logit = math.log(probability_ / (1 - probability_)) + margin
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def pairs_by_structure(
    old_tree: DocTree,
    new_tree: DocTree,
    old_units: Sequence[Unit],
    new_units: Sequence[Unit],
    matches: Sequence[Match],
    features: Mapping[tuple[int, int], Features] | None = None,
    matcher: MatcherParams = MATCHER,
) -> list[Match]:
    """What the report's layout adds to the model's pairs: groups paired where their units
    went, theme units where their content went (or, none of it continuing, with the theme
    most like them, given the model's `features`), then the openings of continuing groups
    and parts."""
    editions = Editions(old_tree, new_tree, old_units, new_units)
    found = groups_from_units(editions, matches)
    found += themes_by_content(editions, [*matches, *found])
    found += themes_left_alone(editions, [*matches, *found], features or {}, matcher)
    return found + openings_of_continuing_groups(editions, [*matches, *found])


def cut_short_copies(units: Sequence[Unit]) -> dict[int, int]:
    """cut-short copy -> whole copy: a paragraph whose whole text, ending with a sentence, opens
    the next paragraph of the same section. Sources print a paragraph twice so (2015's national
    report gives its 简政放权 paragraph cut short after one sentence of the 权力清单, then
    whole); both copies are the report's text and are kept, but they are one initiative, and
    the whole copy is the one that carries it on."""
    found = {}
    for unit, following in pairwise(units):
        if (
            unit.kind == following.kind == "paragraph"
            and unit.section == following.section
            and len(unit.text) >= params.MIN_SENTENCE
            and LEAD_END_RE.match(unit.text[-1])
            and len(following.text) > len(unit.text)
            and following.text.startswith(unit.text)
        ):
            found[unit.index] = following.index
    return found


def prefer_whole_copies(
    old_units: Sequence[Unit], new_units: Sequence[Unit], matches: Sequence[Match]
) -> list[Match]:
    """The model's pairs with each cut-short copy's one-to-one pair moved to its whole copy:
    the whole copy continues the partner, the cut-short copy becomes the extra side of that
    partner (split from it in the new edition, merged into it in the old one), and the unit the
    whole copy was paired with, if any, the extra side of the whole copy. The same either way
    round, so the differ stays mirror-symmetric. A cut-short copy paired with the other
    edition's cut-short copy stays so: both editions print the paragraph twice alike, and a
    report compared with itself is unchanged."""
    cuts = (cut_short_copies(old_units), cut_short_copies(new_units))
    copies_paired = {
        (m.old, m.new) for m in matches if not m.relation and m.old in cuts[0] and m.new in cuts[1]
    }
    rebuilt = list(matches)
    for side in (0, 1):
        for cut, whole in sorted(cuts[side].items()):
            if not any(pair[side] == cut for pair in copies_paired):
                rebuilt = _to_whole_copy(rebuilt, side, cut, whole)
    return rebuilt


def _to_whole_copy(matches: Sequence[Match], side: int, cut: int, whole: int) -> list[Match]:
    """`matches` with the one-to-one pair of unit `cut` (on `side`: 0 old, 1 new) moved to `whole`."""
    pair = next((m for m in matches if _end(m, side) == cut and not m.relation), None)
    if pair is None:
        return list(matches)
    cut_relation, whole_relation = ("split", "merge") if side == 1 else ("merge", "split")
    moved = _with_end(pair, side, whole)
    rebuilt = [moved, replace(pair, relation=cut_relation)]
    for match in matches:
        if match is pair or (match.old, match.new) == (moved.old, moved.new):
            continue
        if _end(match, side) == whole and not match.relation:
            rebuilt.append(replace(match, relation=whole_relation))
        elif _end(match, side) == cut:
            rebuilt.append(_with_end(match, side, whole))
        else:
            rebuilt.append(match)
    return rebuilt


def _scores_by_unit(
    scores: Mapping[tuple[int, int], float],
) -> tuple[dict[int, list[tuple[tuple[int, int], float]]], dict[int, list[tuple[tuple[int, int], float]]]]:
    """Each old unit's and each new unit's scored pairs, in the order of `scores` (so that `_best`
    breaks ties as over all of them): a unit left over looks at its own pairs, not at every pair."""
    of_old: dict[int, list[tuple[tuple[int, int], float]]] = defaultdict(list)
    of_new: dict[int, list[tuple[tuple[int, int], float]]] = defaultdict(list)
    for pair, value in scores.items():
        of_old[pair[0]].append((pair, value))
        of_new[pair[1]].append((pair, value))
    return of_old, of_new


def _end(match: Match, side: int) -> int:
    return match.new if side else match.old


def _with_end(match: Match, side: int, unit: int) -> Match:
    return replace(match, new=unit) if side else replace(match, old=unit)


def _best(options: Iterable[tuple[tuple[int, int], float]]) -> tuple[tuple[int, int], float] | None:
    return max(options, key=lambda option: option[1], default=None)


def _assign(
    scores: dict[tuple[int, int], float], forced: Sequence[tuple[int, int]], threshold: float
) -> list[tuple[int, int]]:
    """The one-to-one pairs maximising the summed log-odds of the pairs above the threshold."""
    pairs = list(forced)
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    eligible = {
        (i, j): s
        for (i, j), s in scores.items()
        if s >= threshold and i not in used_old and j not in used_new
    }
    if not eligible:
        return pairs
    from scipy.optimize import linear_sum_assignment

    olds = sorted({i for i, _ in eligible})
    news = sorted({j for _, j in eligible})
    row_of = {i: r for r, i in enumerate(olds)}
    col_of = {j: c for c, j in enumerate(news)}
    cost = [[0.0] * len(news) for _ in olds]
    for (i, j), s in eligible.items():
        cost[row_of[i]][col_of[j]] = -_gain(s, threshold)
    for r, c in zip(*linear_sum_assignment(cost), strict=True):
        i, j = olds[r], news[c]
        if (i, j) in eligible:
            pairs.append((i, j))
    return sorted(pairs)


def _gain(probability_: float, threshold: float) -> float:
    """What a pair adds to the assignment: its log-odds over the threshold's."""
    return math.log(probability_ / (1 - probability_ + 1e-9)) - math.log(threshold / (1 - threshold)) + 1e-6
