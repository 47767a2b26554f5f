"""Sections of two editions aligned: by heading and content, parents before children, a gap
between two aligned neighbours filled in order, a reviewer's overrides applied first; a section
whose units went to several sections of the other edition is regrouped, not paired.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import overload

from corpusdiff.compare import params
from corpusdiff.compare.matching import UnitPairs
from corpusdiff.compare.overrides import SectionOverrides
from corpusdiff.compare.units import GROUP, task_areas
from corpusdiff.text.segment import Segmenter
from corpusdiff.text.vectors import cosine, tfidf_vectors
from corpusdiff.types.diff import (
    PLAUSIBLE,
    Initiative,
    Level,
    Relation,
    SectionMatch,
    SectionStatus,
)
from corpusdiff.types.tree import DocTree, Section, Unit, is_within, section_and_ancestors


def _subtree_text(tree: DocTree) -> list[str]:
    texts = [s.heading for s in tree.sections]
    for unit in tree.units:
        for section in section_and_ancestors(tree, unit.section):
            texts[section] += unit.text
    return texts


def align_sections(
    old: DocTree,
    new: DocTree,
    seg: Segmenter,
    overrides: SectionOverrides | None = None,
    groups: Mapping[int, int] | None = None,
    links: GroupLinks | None = None,
) -> list[SectionMatch]:
    """1:1 section pairs, then splits/merges; a reviewer's pins first (`overrides`, resolved
    by compare/overrides.py), its forbidden pairs never. `groups`: the sections whose headings
    the initiative matcher pairs one-to-one as groups (`group_section_pairs`), paired first,
    after the overrides: the sections a view shows as one are then the groups the initiatives
    continue, and their units are moved only when they left the group (one answer), while a
    section aligned by its place among its neighbours (GAP_THRESHOLD) could pair a group with
    one the initiatives call new."""
    score = _section_scorer(old, new, seg)
    links = links or GroupLinks(frozenset(), frozenset())
    overrides = overrides or SectionOverrides()
    pairs = dict(overrides.pins)
    pinned = set(pairs)
    forbidden = set(overrides.forbidden) | links.elsewhere
    for i, j in (groups or {}).items():
        free = i not in pairs and j not in pairs.values() and (i, j) not in forbidden
        if free and old.sections[i].kind == new.sections[j].kind:
            pairs[i] = j
    for depth in sorted({s.depth for s in old.sections} | {s.depth for s in new.sections}):
        _pair_at_depth(old, new, depth, pairs, forbidden, score)
        _fill_gaps(old, new, depth, pairs, forbidden, score)
    return _section_matches(old, new, pairs, pinned, score, links.links)


def _section_scorer(old: DocTree, new: DocTree, seg: Segmenter) -> Callable[[int, int], float]:
    """How alike two sections are: their whole text (headings and everything below) by TF-IDF
    over words, and their headings by character bigrams, the heading's share by its kind
    (`params.HEADING_WEIGHT`)."""
    old_texts, new_texts = _subtree_text(old), _subtree_text(new)
    content = tfidf_vectors([seg.words(t) for t in (*old_texts, *new_texts)])
    heads = tfidf_vectors([_bigrams(s.heading) for s in (*old.sections, *new.sections)])
    n_old = len(old.sections)

    @functools.cache
    def score(i: int, j: int) -> float:
        if old_texts[i] == new_texts[j]:
            return 1.0
        weight = params.HEADING_WEIGHT.get(old.sections[i].kind, 0.25)
        body = cosine(content[i], content[n_old + j])
        return (1 - weight) * body + weight * cosine(heads[i], heads[n_old + j])

    return score


def _pair_at_depth(
    old: DocTree,
    new: DocTree,
    depth: int,
    pairs: dict[int, int],
    forbidden: set[tuple[int, int]],
    score: Callable[[int, int], float],
) -> None:
    """Pair the sections of one depth greedily, best score first, into `pairs`: only sections of
    one kind, under paired top-level parts, at SECTION_THRESHOLD or more, with a bonus where
    their parents are paired."""
    candidates: list[tuple[float, int, int]] = []
    for a in (s for s in old.sections if s.depth == depth and s.index not in pairs):
        for b in (s for s in new.sections if s.depth == depth and s.kind == a.kind):
            if (a.index, b.index) in forbidden or b.index in pairs.values():
                continue
            if depth and pairs.get(_top(old, a.index)) != _top(new, b.index):
                continue
            value = score(a.index, b.index)
            if value < params.SECTION_THRESHOLD:
                continue
            if _parents_aligned(a, b, pairs):
                value += params.PARENT_BONUS
            candidates.append((value, a.index, b.index))
    taken = set(pairs.values())
    for _value, i, j in sorted(candidates, reverse=True):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)


def _section_matches(
    old: DocTree,
    new: DocTree,
    pairs: dict[int, int],
    pinned: set[int],
    score: Callable[[int, int], float],
    links: frozenset[tuple[int, int]] = frozenset(),
) -> list[SectionMatch]:
    """The pairs as matched or moved sections; an unpaired section merged into (or split from)
    a paired one of its kind — one its group unit is linked to by the matcher (`links`), else
    the closest — or else dropped or new; in reading order."""
    matches: list[SectionMatch] = []
    reverse = {j: i for i, j in pairs.items()}

    def closest(options: list[tuple[int, int]]) -> tuple[float, int, int] | None:
        linked = [(round(score(i, j), 3), i, j) for i, j in options if (i, j) in links]
        return max(linked) if linked else _closest(options, score)

    for i, j in sorted(pairs.items()):
        a, b = old.sections[i], new.sections[j]
        status = SectionStatus.MATCHED if _parents_aligned(a, b, pairs) else SectionStatus.MOVED
        matches.append(SectionMatch(status, a, b, round(score(i, j), 3), pinned=i in pinned))
    for a in old.sections:
        if a.index not in pairs:
            best = closest([(a.index, j) for j in reverse if new.sections[j].kind == a.kind])
            if best is not None:
                matches.append(
                    SectionMatch(
                        SectionStatus.MATCHED, a, new.sections[best[2]], best[0], relation=Relation.MERGE
                    )
                )
            else:
                matches.append(SectionMatch(SectionStatus.DROPPED, a, None, 0.0))
    for b in new.sections:
        if b.index not in reverse:
            best = closest([(i, b.index) for i in pairs if old.sections[i].kind == b.kind])
            if best is not None:
                matches.append(
                    SectionMatch(
                        SectionStatus.MATCHED, old.sections[best[1]], b, best[0], relation=Relation.SPLIT
                    )
                )
            else:
                matches.append(SectionMatch(SectionStatus.NEW, None, b, 0.0))
    matches.sort(key=_section_order)
    return matches


def regrouped_sections(
    old: DocTree, new: DocTree, sections: Sequence[SectionMatch], initiatives: Sequence[Initiative]
) -> list[SectionMatch]:
    """The section pairs, with those only the units show. The aligner pairs sections of one
    depth and kind by their text, so a reorganised report (2014's （一） groups under 重点工作
    became 2015's top-level parts 三、…六、) leaves sections dropped and new whose initiatives all
    continue. A section left unpaired whose continuing units went mostly (GROUP_VOTES, GROUP_SHARE)
    into one section of the other edition moved there: a pair when that section's units came
    mostly from it too, else merged into (split from) it."""
    unpaired_old = {m.old.index for m in sections if m.status == SectionStatus.DROPPED and m.old}
    unpaired_new = {m.new.index for m in sections if m.status == SectionStatus.NEW and m.new}
    if not unpaired_old and not unpaired_new:
        return list(sections)
    links = [
        (item.old, item.new) for item in initiatives if item.level == Level.UNIT and item.old and item.new
    ]
    olds = _where_units_went(old, new, links, unpaired_old)
    news = _where_units_went(new, old, [(b, a) for a, b in links], unpaired_new)
    found: dict[tuple[int, int], SectionMatch] = {}
    for i, (j, share) in olds.items():
        mutual = news.get(j, (None, 0.0))[0] == i
        relation = "" if mutual else Relation.MERGE
        found[(i, j)] = SectionMatch(SectionStatus.MOVED, old.sections[i], new.sections[j], share, relation)
    for j, (i, share) in news.items():
        if (i, j) not in found:
            found[(i, j)] = SectionMatch(
                SectionStatus.MOVED, old.sections[i], new.sections[j], share, Relation.SPLIT
            )
    placed_old = {i for i, _ in found}
    placed_new = {j for _, j in found}
    kept = [
        m
        for m in sections
        if not (m.status == SectionStatus.DROPPED and m.old and m.old.index in placed_old)
        and not (m.status == SectionStatus.NEW and m.new and m.new.index in placed_new)
    ]
    return sorted([*kept, *found.values()], key=_section_order)


def _where_units_went(
    tree: DocTree, other: DocTree, links: Sequence[tuple[Unit, Unit]], unpaired: set[int]
) -> dict[int, tuple[int, float]]:
    """For each section in `unpaired`: the deepest section of `other` holding at least
    GROUP_VOTES and GROUP_SHARE of its continuing units, and that share. Not a section holding
    sections of the unpaired one's own kind: the units went to several of those (a new group whose
    tasks come from several of last year's groups came from none of them, nor from the tasks part
    holding them all), while a part of its own with no such groups is where a group went (2014's
    （三） group into 2015's part 四、)."""
    total: Counter[int] = Counter()
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for here, there in links:
        homes = [s for s in section_and_ancestors(tree, here.section) if s in unpaired]
        for section in homes:
            total[section] += 1
            votes[section].update(section_and_ancestors(other, there.section))
    went: dict[int, tuple[int, float]] = {}
    for section, count in total.items():
        kind = tree.sections[section].kind
        held = [
            (other.sections[target].depth, n, target)
            for target, n in votes[section].items()
            if n >= params.GROUP_VOTES and n / count >= params.GROUP_SHARE
            and not _holds_kind(other, target, kind)
        ]
        if held:
            _depth, n, target = max(held)
            went[section] = (target, round(n / count, 3))
    return went


def _holds_kind(tree: DocTree, section: int, kind: str) -> bool:
    """Whether a section below `section` is of `kind`."""
    return any(s.kind == kind and s.index != section and is_within(tree, s.index, section) for s in tree.sections)


def _bigrams(text: str) -> list[str]:
    """Character bigrams of a heading: `医养` still meets `医疗养老` half way."""
    chars = [c for c in text if c.isalnum()]
    return [a + b for a, b in pairwise(chars)]


def _fill_gaps(
    old: DocTree,
    new: DocTree,
    depth: int,
    pairs: dict[int, int],
    forbidden: set[tuple[int, int]],
    score: Callable[[int, int], float],
) -> None:
    """Between two aligned neighbours, unaligned sections correspond in order when they are at
    all alike: reports keep their order far more often than they reshuffle."""
    olds = [s.index for s in old.sections if s.depth == depth]
    news = [s.index for s in new.sections if s.depth == depth]

    def eligible(gap_old: list[int], gap_new: list[int]) -> dict[tuple[int, int], float]:
        return {
            (i, j): score(i, j)
            for i in gap_old
            for j in gap_new
            if old.sections[i].kind == new.sections[j].kind
            and (i, j) not in forbidden
            and _top_aligned(old, new, i, j, pairs)
        }

    for parent_old, parent_new in list(pairs.items()):
        kids_old = [i for i in olds if old.sections[i].parent == parent_old and i not in pairs]
        kids_new = [j for j in news if new.sections[j].parent == parent_new and j not in pairs.values()]
        for i, j in _monotone_assignment(kids_old, kids_new, eligible(kids_old, kids_new)):
            pairs[i] = j
    chain = _increasing_chain(sorted((i, j) for i, j in pairs.items() if i in olds))
    anchors = [(-1, -1), *chain, (10**9, 10**9)]
    for (i1, j1), (i2, j2) in pairwise(anchors):
        gap_old = [i for i in olds if i1 < i < i2 and i not in pairs]
        gap_new = [j for j in news if j1 < j < j2 and j not in pairs.values()]
        for i, j in _monotone_assignment(gap_old, gap_new, eligible(gap_old, gap_new)):
            pairs[i] = j


def _monotone_assignment(
    left: list[int], right: list[int], scores: dict[tuple[int, int], float]
) -> Iterator[tuple[int, int]]:
    """Order-preserving pairs maximising the total score (a small sequence alignment)."""
    rows, cols = len(left), len(right)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for a in range(rows - 1, -1, -1):
        for b in range(cols - 1, -1, -1):
            value = scores.get((left[a], right[b]), 0.0)
            take = value + best[a + 1][b + 1] if value >= params.GAP_THRESHOLD else -1.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    a = b = 0
    while a < rows and b < cols:
        value = scores.get((left[a], right[b]), 0.0)
        if value >= params.GAP_THRESHOLD and best[a][b] == value + best[a + 1][b + 1]:
            yield left[a], right[b]
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs in order on both sides (ties broken the same way either side)."""
    best: list[list[tuple[int, int]]] = []
    for index, (i, j) in enumerate(pairs):
        options = [best[k] for k in range(index) if pairs[k][1] < j]
        longest = max(options, key=lambda chain: (len(chain), [-p[1] for p in chain]), default=[])
        best.append([*longest, (i, j)])
    return max(best, key=len, default=[])


def _top_aligned(old: DocTree, new: DocTree, i: int, j: int, pairs: dict[int, int]) -> bool:
    if old.sections[i].parent is None:
        return new.sections[j].parent is None
    return pairs.get(_top(old, i)) == _top(new, j)


def _section_order(match: SectionMatch) -> tuple[int, int]:
    if match.new is not None:
        return (match.new.index, match.old.index if match.old else -1)
    return (match.old.index if match.old else 0, -1)


def _closest(
    pairs: Sequence[tuple[int, int]], score: Callable[[int, int], float]
) -> tuple[float, int, int] | None:
    """The best-scoring (old, new) pair that is clearly alike, for the extra side of a split or merge."""
    options = [(round(score(i, j), 3), i, j) for i, j in pairs]
    options = [option for option in options if option[0] >= params.SECTION_THRESHOLD * 1.5]
    return max(options) if options else None


def _parents_aligned(a: Section, b: Section, pairs: dict[int, int]) -> bool:
    if a.parent is None or b.parent is None:
        return a.parent is None and b.parent is None
    return pairs.get(a.parent) == b.parent


@overload
def _top(tree: DocTree, section: int) -> int: ...


@overload
def _top(tree: DocTree, section: int | None) -> int | None: ...


def _top(tree: DocTree, section: int | None) -> int | None:
    while section is not None and tree.sections[section].parent is not None:
        section = tree.sections[section].parent
    return section


def _home(tree: DocTree, unit: Unit) -> int | None:
    """The section a unit lives in; a task lives in its group and a group in its part, not
    in their own headings."""
    if unit.kind in ("task", GROUP) and unit.section is not None:
        return tree.sections[unit.section].parent
    return unit.section


def _plain_parts(tree: DocTree) -> frozenset[int | None]:
    """The homes that are a report's top-level parts (not task areas), and None for a unit
    outside any section: units there are compared by their part's role, not its number."""
    areas = task_areas(tree)
    return frozenset(
        [None, *(s.index for s in tree.sections if s.parent is None and s.index not in areas)]
    )


@dataclass(frozen=True)
class GroupLinks:
    """What the initiative matcher says of the groups, as section pairs: the links between two
    group units (one-to-one, merge or split) it is not unsure of (medium or high), and the pairs
    of groups either of which it links, however unsure, to a group other than the other."""

    links: frozenset[tuple[int, int]]
    elsewhere: frozenset[tuple[int, int]]


def group_links(unit_pairs: UnitPairs) -> GroupLinks:
    """The matcher's links between groups (`GroupLinks`): two groups at one place are not one
    section when either continues elsewhere (2016's （一）宏观 group, merged into 2017's （二）, is
    not 2017's new （一）三去一降一补), and a group left unpaired merges into (or splits from) the
    group its unit does, where the matcher is not unsure of it (a low link, as a section pair,
    would outweigh what the sections' text says)."""
    old_units, new_units = unit_pairs.old_units, unit_pairs.new_units
    links: dict[tuple[int, int], float] = {}
    for match in unit_pairs.matches:
        a, b = old_units[match.old], new_units[match.new]
        if a.kind == GROUP and b.kind == GROUP and a.section is not None and b.section is not None:
            links[(a.section, b.section)] = match.probability
    old_groups = {u.section for u in old_units if u.kind == GROUP and u.section is not None}
    new_groups = {u.section for u in new_units if u.kind == GROUP and u.section is not None}
    linked_old, linked_new = {i for i, _ in links}, {j for _, j in links}
    elsewhere = frozenset(
        (i, j)
        for i in old_groups
        for j in new_groups
        if (i, j) not in links and (i in linked_old or j in linked_new)
    )
    return GroupLinks(frozenset(pair for pair, p in links.items() if p >= PLAUSIBLE), elsewhere)


def group_section_pairs(unit_pairs: UnitPairs) -> dict[int, int]:
    """old section -> new section, of the groups the matcher pairs one-to-one (their headings)."""
    old_units, new_units = unit_pairs.old_units, unit_pairs.new_units
    found = {}
    for match in unit_pairs.matches:
        a, b = old_units[match.old], new_units[match.new]
        if match.relation or a.kind != GROUP or b.kind != GROUP or a.section is None or b.section is None:
            continue
        found[a.section] = b.section
    return found
