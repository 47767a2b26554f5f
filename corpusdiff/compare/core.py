"""Two document trees -> a DiffResult: aligned sections, classified initiatives, programmes.

Steps: (1) align sections kind by kind, outermost first, on TF-IDF cosine of their whole
content plus their heading, preferring pairs whose parents are aligned; (2) match initiative
units inside aligned top-level parts, best pairs first; (3) inside matched units, match
sentences, so new and dropped commitments inside a continuing task are found too.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import overload

from corpusdiff.compare import params
from corpusdiff.compare.features import Features, Match, candidate_features, pair_scores
from corpusdiff.compare.inline import changed_figures, token_diff
from corpusdiff.compare.matching import match_units, pairs_by_structure, prefer_whole_copies
from corpusdiff.compare.params import MATCHER, MatcherParams
from corpusdiff.compare.programmes import compare_programmes, extract_programmes
from corpusdiff.compare.script import (
    align_as_simplified,
    as_simplified,
    diff_as_simplified,
    original_sections,
    own_units,
)
from corpusdiff.compare.tables import compare_tables
from corpusdiff.compare.units import GROUP, is_speech_frame, roles_correspond, task_areas, unit_roles
from corpusdiff.text.figures import FIGURE_RE
from corpusdiff.text.script import simplified
from corpusdiff.text.segment import DEFAULT_STOPWORDS, Segmenter, remember_segmentations, segmenter
from corpusdiff.text.sentences import sentences
from corpusdiff.text.vectors import cosine, similarity_matrix, tfidf_vectors
from corpusdiff.types.diff import (
    PLAUSIBLE,
    DiffResult,
    Figure,
    Initiative,
    Level,
    OverrideAction,
    OverrideNote,
    Overrides,
    Relation,
    Role,
    SectionMatch,
    SectionStatus,
    Status,
)
from corpusdiff.types.tree import DocTree, Section, Unit, is_within, section_and_ancestors


def compare(
    old: DocTree,
    new: DocTree,
    overrides: Overrides | None = None,
    stopwords: tuple[str, ...] = DEFAULT_STOPWORDS,
    matcher: MatcherParams = MATCHER,
) -> DiffResult:
    """The full comparison of two editions (same inputs, same result). `stopwords` are the
    corpus's (its vocabulary); words in them never count as evidence. `matcher`: the initiative
    matcher's weights and thresholds (params.py's unless a calibration scores others)."""
    overrides = overrides or Overrides()
    seen_old, seen_new = as_simplified(old), as_simplified(new)  # one script (compare/script.py)
    seg = editions_segmenter(seen_old, seen_new, stopwords)
    unit_pairs = match_initiative_units(seen_old, seen_new, seg, matcher)
    sections, notes = align_sections(
        seen_old, seen_new, seg, overrides, group_section_pairs(unit_pairs), group_links(unit_pairs)
    )
    sections = original_sections(old, new, sections)
    fold = seen_old is not old or seen_new is not new
    if fold:
        unit_pairs = replace(
            unit_pairs, old_units=own_units(old, unit_pairs.old_units), new_units=own_units(new, unit_pairs.new_units)
        )
    initiatives = classify_units(old, new, seg, sections, unit_pairs, fold)
    sections = regrouped_sections(old, new, sections, initiatives)
    programmes = compare_programmes(_all_text(seen_old), _all_text(seen_new), one_edition=same_edition(old, new))
    remember_segmentations(seg)
    tables = compare_tables(old, new)
    return DiffResult(
        old, new, tuple(sections), tuple(initiatives), programmes, tuple(notes), tables,
        old_units=unit_pairs.old_units, new_units=unit_pairs.new_units,
    )


def same_edition(old: DocTree, new: DocTree) -> bool:
    """Both trees are one edition: a document and a revision of it (the git diff driver, review,
    `diff ID@REV ID`), or one report read from two sources (its region, genre and date alike)."""
    a, b = old.metadata, new.metadata
    return (bool(a.id) and a.id == b.id) or (
        bool(a.date) and (a.region, a.genre, a.date) == (b.region, b.genre, b.date)
    )


def editions_segmenter(old: DocTree, new: DocTree, stopwords: tuple[str, ...] = DEFAULT_STOPWORDS) -> Segmenter:
    """The segmenter `compare` cuts two editions with: the programme names both use are words
    of its dictionary, and the corpus's stopwords never count as evidence."""
    texts = [u.text for u in old.units] + [u.text for u in new.units]
    return segmenter(tuple(p.name for p in extract_programmes(texts)), stopwords)


def compare_job(
    job: tuple[DocTree, DocTree, Overrides | None]
    | tuple[DocTree, DocTree, Overrides | None, tuple[str, ...]],
) -> DiffResult:
    """`compare(*job)`: one picklable call for batch runners (corpusdiff.parallel)."""
    return compare(*job)


def _all_text(tree: DocTree) -> list[str]:
    return [s.heading for s in tree.sections] + [u.text for u in tree.units]


# --- sections ---------------------------------------------------------------------------


def _subtree_text(tree: DocTree) -> list[str]:
    texts = [s.heading for s in tree.sections]
    for unit in tree.units:
        for section in section_and_ancestors(tree, unit.section):
            texts[section] += unit.text
    return texts


def _heading_matches(section: Section, text: str) -> bool:
    """Whether an override's heading names the section (as the aligner reads both: simplified)."""
    text = simplified(text)
    return text in (section.heading, f"{section.label}{section.heading}".strip())


def align_sections(
    old: DocTree,
    new: DocTree,
    seg: Segmenter,
    overrides: Overrides,
    groups: Mapping[int, int] | None = None,
    links: GroupLinks | None = None,
) -> tuple[list[SectionMatch], list[OverrideNote]]:
    """1:1 section pairs, then splits/merges; returns (matches, notes about overrides).
    `groups`: the sections whose headings the initiative matcher pairs one-to-one as groups
    (`group_section_pairs`), paired first, after the overrides: the sections a view shows as one
    are then the groups the initiatives continue, and their units are moved only when they left
    the group (one answer), while a section aligned by its place among its neighbours
    (GAP_THRESHOLD) could pair a group with one the initiatives call new."""
    score = _section_scorer(old, new, seg)
    links = links or GroupLinks(frozenset(), frozenset())
    pairs, pinned, forbidden, notes = _apply_overrides(old, new, overrides)
    forbidden |= links.elsewhere
    for i, j in (groups or {}).items():
        free = i not in pairs and j not in pairs.values() and (i, j) not in forbidden
        if free and old.sections[i].kind == new.sections[j].kind:
            pairs[i] = j
    for depth in sorted({s.depth for s in old.sections} | {s.depth for s in new.sections}):
        _pair_at_depth(old, new, depth, pairs, forbidden, score)
        _fill_gaps(old, new, depth, pairs, forbidden, score)
    return _section_matches(old, new, pairs, pinned, score, links.links), notes


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


def _apply_overrides(
    old: DocTree, new: DocTree, overrides: Overrides
) -> tuple[dict[int, int], set[int], set[tuple[int, int]], list[OverrideNote]]:
    """The pairs the corpus's overrides pin and forbid, before any scoring, and a note on each."""
    pairs: dict[int, int] = {}
    pinned: set[int] = set()
    notes: list[OverrideNote] = []
    forbidden: set[tuple[int, int]] = set()
    for old_text, new_text in overrides.forbid:
        for i in (s.index for s in old.sections if _heading_matches(s, old_text)):
            for j in (s.index for s in new.sections if _heading_matches(s, new_text)):
                forbidden.add((i, j))
                notes.append(OverrideNote(OverrideAction.FORBIDDEN, overrides.source, old_text, new_text))
    for old_text, new_text in overrides.pin:
        olds = [s.index for s in old.sections if _heading_matches(s, old_text)]
        news = [s.index for s in new.sections if _heading_matches(s, new_text)]
        if olds and news:
            pairs[olds[0]] = news[0]
            pinned.add(olds[0])
            notes.append(OverrideNote(OverrideAction.PINNED, overrides.source, old_text, new_text))
        else:
            notes.append(OverrideNote(OverrideAction.NOT_FOUND, overrides.source, old_text, new_text))
    return pairs, pinned, forbidden, notes


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


# --- initiatives ------------------------------------------------------------------------


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


def classify_units(
    old: DocTree,
    new: DocTree,
    seg: Segmenter,
    sections: Sequence[SectionMatch],
    unit_pairs: UnitPairs,
    fold: bool = False,
) -> list[Initiative]:
    """Describe each pair of the initiative matcher (`match_initiative_units`): its class, the
    word-level diff, figures and sentences inside; and each unit left over, new or dropped.
    `fold`: an edition holds traditional characters, read as simplified (compare/script.py)."""
    # section pairs (old -> new); looked up with a unit's home, None for a unit outside sections
    pairs: dict[int | None, int] = {
        m.old.index: m.new.index for m in sections if m.old and m.new and not m.relation
    }
    old_units, new_units, matches = unit_pairs.old_units, unit_pairs.new_units, unit_pairs.matches
    roles_old, roles_new = unit_pairs.roles
    result: list[Initiative] = []
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    plain_old, plain_new = _plain_parts(old), _plain_parts(new)

    def moved(a: Unit, b: Unit) -> bool:
        """Whether a continuing unit now sits under another group. Units sitting directly in
        a part keep their role, which pairing already holds: the year's targets printed at the
        head of the tasks part one year and in a part of their own the next have not moved
        anywhere an analyst would look."""
        old_home, new_home = _home(old, a), _home(new, b)
        if old_home in plain_old and new_home in plain_new:
            return False
        return pairs.get(old_home) != new_home

    for match in matches:
        a, b = old_units[match.old], new_units[match.new]
        part = roles_old[match.old]
        unit, *in_sentences = _matched_unit(a, b, match.probability, moved(a, b), seg, fold)
        result.append(replace(unit, relation=match.relation, part=part))
        # the shared side of a merge or split has its sentences reported by its own pair
        shared = {Relation.MERGE: Status.NEW, Relation.SPLIT: Status.DROPPED}.get(Relation(match.relation))
        result.extend(replace(item, part=part) for item in in_sentences if item.status != shared)
        paired_old.add(match.old)
        paired_new.add(match.new)
    nearest_old, nearest_new = nearest_partners(unit_pairs)
    for k, u in enumerate(old_units):
        if k not in paired_old:
            near, p = _doubt(new_units, nearest_old.get(k))
            result.append(Initiative(Status.DROPPED, u, None, 0.0, part=roles_old[k], nearest=near, nearest_probability=p))
    for k, u in enumerate(new_units):
        if k not in paired_new:
            near, p = _doubt(old_units, nearest_new.get(k))
            result.append(Initiative(Status.NEW, None, u, 0.0, part=roles_new[k], nearest=near, nearest_probability=p))
    result.sort(key=_initiative_order)
    return [item for item in result if not _frame_only(item)]


def _frame_only(item: Initiative) -> bool:
    """An item of the speech's frame alone (a date line paired with a date line, a byline
    dropped): the units are matched like any other, so that every other unit keeps its place,
    but no view reports them."""
    units = [unit for unit in (item.old, item.new) if unit is not None]
    return all(is_speech_frame(unit) for unit in units)


def nearest_partners(unit_pairs: UnitPairs) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """Each unit's likeliest candidate in the other edition and the model's probability for
    the two (old unit -> (new unit, p); new unit -> (old unit, p)): what a call of new or
    dropped is measured against."""
    best_old: dict[int, tuple[int, float]] = {}
    best_new: dict[int, tuple[int, float]] = {}
    for (i, j), p in unit_pairs.scores.items():
        if p > best_old.get(i, (-1, -1.0))[1]:
            best_old[i] = (j, p)
        if p > best_new.get(j, (-1, -1.0))[1]:
            best_new[j] = (i, p)
    return best_old, best_new


def _doubt(others: Sequence[Unit], nearest: tuple[int, float] | None) -> tuple[Unit | None, float]:
    """What makes a call of new or dropped doubtful: a partner the model gives at least
    DOUBTFUL_UNPAIRED (calls without one are right far more often: params), with its probability."""
    if nearest is None or nearest[1] < params.DOUBTFUL_UNPAIRED:
        return None, 0.0
    return others[nearest[0]], nearest[1]


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


def match_initiative_units(
    old: DocTree, new: DocTree, seg: Segmenter, matcher: MatcherParams = MATCHER
) -> UnitPairs:
    """Every pairing step of the differ, in order: the model's assignment with identical
    texts forced, merges and splits, whole copies preferred, then the layout's pairs. One
    place, so that what examines the pairs (tests.diagnose_initiatives) sees the differ's own."""
    return match_candidates(old, new, candidate_features(old, new, seg, matcher), matcher)


Candidates = tuple[tuple[Unit, ...], tuple[Unit, ...], dict[tuple[int, int], Features]]


def match_candidates(
    old: DocTree, new: DocTree, candidates: Candidates, matcher: MatcherParams = MATCHER
) -> UnitPairs:
    """`match_initiative_units` from the candidate pairs `candidate_features` found: the costly
    part (segmenting, vectors) done once, a calibration scores many weights and thresholds on it."""
    old_units, new_units, features = candidates
    roles_old, roles_new = unit_roles(old, old_units), unit_roles(new, new_units)
    forced = (
        _identical(old_units, new_units, roles_old, roles_new)
        if roles_correspond(old, new)
        else _identical(old_units, new_units, [""] * len(old_units), [""] * len(new_units))
    )
    scores = pair_scores(features, matcher)
    matches = prefer_whole_copies(
        old_units, new_units, match_units(old_units, new_units, features, forced, matcher, scores)
    )
    matches += pairs_by_structure(old, new, old_units, new_units, matches, features, matcher)
    return UnitPairs(old_units, new_units, (roles_old, roles_new), features, matches, scores)


def _identical(
    old_units: Sequence[Unit], new_units: Sequence[Unit], roles_old: Sequence[str], roles_new: Sequence[str]
) -> list[tuple[int, int]]:
    """Units with the very same text in the same part are one initiative, whatever their
    words weigh (a unit of punctuation or stopwords alone has no vector to compare)."""
    waiting: dict[tuple[str, str], list[int]] = {}
    for j, unit in enumerate(new_units):
        waiting.setdefault((roles_new[j], unit.text), []).append(j)
    pairs = []
    for i, unit in enumerate(old_units):
        free = waiting.get((roles_old[i], unit.text))
        if free:
            pairs.append((i, free.pop(0)))
    return pairs


def _initiative_order(item: Initiative) -> tuple[int, int, int, int]:
    """Reading order of the new edition (dropped units at their old place); a group before
    its first unit, a unit before the sentences inside it."""
    level = 0 if item.level == Level.UNIT else 1
    unit = item.new if item.new is not None else item.old
    if unit is None:
        return (0, 0, 0, level)
    other = item.old.index if (item.new is not None and item.old is not None) else -1
    return (unit.paragraph, 0 if unit.kind == GROUP else 1, unit.index * 10000 + other, level)


def _matched_unit(a: Unit, b: Unit, value: float, moved: bool, seg: Segmenter, fold: bool = False) -> list[Initiative]:
    def align(old_s: list[str], new_s: list[str]) -> list[tuple[str, str]]:
        return _align_sentences(old_s, new_s, seg)

    def words(old_s: str, new_s: str) -> list[tuple[str, str]]:
        return token_diff(old_s, new_s, seg.tokens)

    in_old, in_new = sentences(a.text) or [a.text], sentences(b.text) or [b.text]
    aligned = align_as_simplified(in_old, in_new, align) if fold else align(in_old, in_new)
    diff: list[tuple[str, str]] = []
    figures: list[Figure] = []
    for old_s, new_s in aligned:
        if old_s and new_s:
            piece = diff_as_simplified(old_s, new_s, words) if fold else words(old_s, new_s)
            figures.extend(changed_figures(piece))
            diff.extend(piece)
        elif old_s:
            diff.append(("-", old_s))
        else:
            diff.append(("+", new_s))
    # recurring is the same words: an edit of a few characters (改革 → 变革) is what a reader
    # of two editions looks for, so it is never hidden as "unchanged"
    if moved:
        status = Status.MOVED
    elif all(op == "=" for op, _ in diff):
        status = Status.RECURRING
    else:
        status = Status.REWORDED
    unit = Initiative(
        status,
        a,
        b,
        round(value, 3),
        diff=_merge_runs(diff) if status != Status.RECURRING else (),
        figures=tuple(figures),
    )
    if status == Status.RECURRING or max(len(sentences(a.text)), len(sentences(b.text))) < 2:
        return [unit]
    sentence_items = [
        Initiative(Status.DROPPED, a, b, 0.0, level=Level.SENTENCE, old_sentence=o)
        for o, n in aligned
        if o and not n and len(o) > 6
    ]
    sentence_items += [
        Initiative(Status.NEW, a, b, 0.0, level=Level.SENTENCE, new_sentence=n)
        for o, n in aligned
        if n and not o and len(n) > 6
    ]
    return [unit, *sentence_items]


def _merge_runs(diff: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for op, text in diff:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


def _align_identical_sentences(old_s: list[str], new_s: list[str]) -> list[tuple[str, str]]:
    """The alignment of two units too long to weigh every sentence against every other (a whole
    report in one paragraph): identical sentences continue each other, a run replaced by a run
    of as many is read sentence for sentence, anything else is removed or added."""
    from difflib import SequenceMatcher

    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_s, new_s, autojunk=False).get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            out += zip(old_s[i1:i2], new_s[j1:j2], strict=True)
        else:
            out += [(o, "") for o in old_s[i1:i2]] + [("", n) for n in new_s[j1:j2]]
    return out


def _align_sentences(old_s: list[str], new_s: list[str], seg: Segmenter) -> list[tuple[str, str]]:
    """Sentence pairs (old, new) in the new edition's order; unmatched ones with an empty side.
    Two one-sentence units continue each other sentence for sentence: an indicator line whose
    figures all changed is still the same line."""
    if len(old_s) == 1 and len(new_s) == 1:
        return [(old_s[0], new_s[0])]
    if len(old_s) * len(new_s) > params.MAX_SENTENCE_PAIRS:
        return _align_identical_sentences(old_s, new_s)
    # figures are masked: a sentence whose figure changed (实施重点项目1000个 → 1200个) is the
    # same sentence with a figure change, not one removed and another added
    vectors = tfidf_vectors([seg.words(FIGURE_RE.sub("#", s)) for s in (*old_s, *new_s)])
    rows = similarity_matrix(vectors[: len(old_s)], vectors[len(old_s) :])
    match: dict[int, int] = {}
    for i, sentence in enumerate(old_s):
        same = [j for j, other in enumerate(new_s) if other == sentence and j not in match.values()]
        if same:
            match[i] = same[0]
    for value, i, j in sorted(
        ((v, i, j) for i, row in enumerate(rows) for j, v in row.items()), reverse=True
    ):
        if value >= params.SENTENCE_THRESHOLD and i not in match and j not in match.values():
            match[i] = j
    by_new = {j: i for i, j in match.items()}
    out: list[tuple[str, str]] = []
    pending = [i for i in range(len(old_s)) if i not in match]
    for j, sentence in enumerate(new_s):
        old_i = by_new.get(j)
        if old_i is not None:
            while pending and pending[0] < old_i:
                out.append((old_s[pending.pop(0)], ""))
            out.append((old_s[old_i], sentence))
        else:
            out.append(("", sentence))
    out.extend((old_s[i], "") for i in pending)
    return out
