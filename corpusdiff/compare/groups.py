"""Pairs the units' own pairs imply: a （一） group continues where most of its units went, a theme
(a group heading, a review item line) continues the theme whose units continue its own, a part's
opening paragraph follows its continuing group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpusdiff.compare import params
from corpusdiff.compare.features import Features, Match, is_item_line, item_body_units, probability
from corpusdiff.compare.params import MATCHER, MatcherParams
from corpusdiff.compare.units import part_roles, roles_correspond, task_areas, unit_roles
from corpusdiff.types.diff import Relation, Role
from corpusdiff.types.tree import GROUP, DocTree, Unit, is_within


@dataclass(frozen=True)
class Editions:
    """Both editions' trees and units, which every step here reads side by side."""

    old_tree: DocTree
    new_tree: DocTree
    old_units: Sequence[Unit]
    new_units: Sequence[Unit]


def groups_from_units(editions: Editions, matches: Sequence[Match]) -> list[Match]:
    """Groups paired where their units went: a group continues under the group that holds
    most of its continuing units, as an analyst follows `（三）增强内需…` of one year into
    `四、协调推动经济稳定增长和结构优化` of the next by its tasks, whatever the headings say; and a
    group whose units went to several groups (a task area spread over several （一） groups, or
    several gathered into one) is split into (merged from) each of the others as well."""
    votes = _group_votes(editions, matches)
    sizes = (
        Counter(enclosing_groups(editions.old_tree, editions.old_units).values()),
        Counter(enclosing_groups(editions.new_tree, editions.new_units).values()),
    )
    continued = _groups_where_units_went(editions, votes, sizes, matches)
    return continued + _groups_spread(editions, votes, sizes, [*matches, *continued])


def _group_votes(editions: Editions, matches: Sequence[Match]) -> Counter[tuple[int, int]]:
    """(old group, new group) -> how many pairs of units under them the model found."""
    old_units = editions.old_units
    old_group = enclosing_groups(editions.old_tree, old_units)
    new_group = enclosing_groups(editions.new_tree, editions.new_units)
    votes: Counter[tuple[int, int]] = Counter()
    for match in matches:
        if match.old in old_group and match.new in new_group and old_units[match.old].kind != GROUP:
            votes[(old_group[match.old], new_group[match.new])] += 1
    return votes


_Sizes = tuple[Counter[int], Counter[int]]


def _groups_where_units_went(
    editions: Editions, votes: Counter[tuple[int, int]], sizes: _Sizes, matches: Sequence[Match]
) -> list[Match]:
    """Groups in no pair at all, paired with the group that holds at least GROUP_VOTES and
    GROUP_SHARE of their continuing units: as a pair if that group is free, else merged into
    (split from) it. The probability is the share of all the group's units that went there,
    so a group of which little carries on is no sure pair."""
    old_units, new_units = editions.old_units, editions.new_units
    paired = ({m.old for m in matches}, {m.new for m in matches})
    partnered = ({m.old for m in matches if not m.relation}, {m.new for m in matches if not m.relation})
    proposals = []
    for side, index in _unpaired_groups(old_units, new_units, *paired):
        mine = {pair: n for pair, n in votes.items() if pair[side] == index}
        if mine:
            pair, count = max(mine.items(), key=lambda item: (item[1], -item[0][1 - side]))
            if count >= params.GROUP_VOTES and count >= params.GROUP_SHARE * sum(mine.values()):
                proposals.append((count, _share(count, sizes[side][index]), side, pair))
    # strongest evidence first, the same way round whichever edition is the old one
    proposals.sort(key=lambda p: (-p[0], -p[1], min(p[3]), max(p[3])))
    found: list[Match] = []
    for _, share, side, pair in proposals:
        if pair[side] in paired[side]:
            continue  # paired a moment ago, as the other side of a stronger group
        taken = pair[1 - side] in partnered[1 - side]
        found.append(Match(pair[0], pair[1], share, ("merge" if side == 0 else "split") if taken else ""))
        for ends in (paired, partnered):
            ends[0].add(pair[0])
            ends[1].add(pair[1])
    return found


def _groups_spread(
    editions: Editions, votes: Counter[tuple[int, int]], sizes: _Sizes, matches: Sequence[Match]
) -> list[Match]:
    """A group that has its one-to-one group partner and also gave at least GROUP_VOTES units
    to another group with none (2015's task area `四、` and 2016's `（四）加快发展现代农业…`)
    is split into that group (mirrored: merged from it). A group paired with a paragraph
    still has no group partner: it crosses levels, and the group level is where a reader
    follows it. Each group without a partner is the extra side of at most one such step,
    the one with the most units."""
    old_units, new_units = editions.old_units, editions.new_units
    one_to_one = [
        m for m in matches if not m.relation and old_units[m.old].kind == GROUP and new_units[m.new].kind == GROUP
    ]
    partnered = ({m.old for m in one_to_one}, {m.new for m in one_to_one})
    linked = {(m.old, m.new) for m in matches}
    best: dict[tuple[int, int], tuple[int, tuple[int, int]]] = {}
    for pair, count in votes.items():
        if count < params.GROUP_VOTES or pair in linked:
            continue
        for extra in (0, 1):
            if pair[1 - extra] in partnered[1 - extra] and pair[extra] not in partnered[extra]:
                key = (extra, pair[extra])
                if key not in best or (count, -pair[1 - extra]) > (best[key][0], -best[key][1][1 - extra]):
                    best[key] = (count, pair)
    return [
        Match(pair[0], pair[1], _share(count, sizes[extra][index]), "merge" if extra == 0 else "split")
        for (extra, index), (count, pair) in sorted(best.items())
    ]


def is_theme_unit(unit: Unit) -> bool:
    """A group heading or a review item line: a unit that names a theme other units tell."""
    return unit.kind == GROUP or is_item_line(unit)


def themes_of(tree: DocTree, units: Sequence[Unit]) -> dict[int, int]:
    """unit -> the theme unit it belongs to: a group heading or a review item line is a theme
    of its own, an item's body paragraph belongs to its item line, a unit under a group to the
    innermost group, and any other unit (a review paragraph standing alone, a run-on
    `一是…` paragraph) is its own theme."""
    enclosing = enclosing_groups(tree, units)
    bodies = item_body_units(tree)
    return {
        k: k if is_theme_unit(unit) else bodies.get(k, enclosing.get(k, k)) for k, unit in enumerate(units)
    }


@dataclass(frozen=True)
class _ThemeContent:
    """Each side's theme units and what they hold: the units whose theme they are, a group
    heading among them only when it is paired itself (it says what the group is about, its
    units carry it)."""

    members: tuple[dict[int, frozenset[int]], dict[int, frozenset[int]]]
    theme: tuple[dict[int, int], dict[int, int]]


def _theme_content(editions: Editions, matches: Sequence[Match]) -> _ThemeContent:
    paired = ({m.old for m in matches}, {m.new for m in matches})
    sides = ((editions.old_tree, editions.old_units), (editions.new_tree, editions.new_units))
    themes = tuple(themes_of(tree, units) for tree, units in sides)
    members: list[dict[int, frozenset[int]]] = []
    for side, (_, units) in enumerate(sides):
        held: defaultdict[int, set[int]] = defaultdict(set)
        for k, theme in themes[side].items():
            if units[k].kind != GROUP or k in paired[side]:
                held[theme].add(k)
        members.append({theme: frozenset(inside) for theme, inside in held.items()})
    return _ThemeContent((members[0], members[1]), (themes[0], themes[1]))


def themes_by_content(editions: Editions, matches: Sequence[Match]) -> list[Match]:
    """A theme unit (group heading, review item line) in no pair continues as the theme unit
    of the other edition that holds, or is, the units its own content continues as: 2017's
    item `二是着力抓好“三去一降一补”` and its account continue under 2018's group `（二）坚持以
    供给侧结构性改革为主线…`, 2018's group `（五）坚持对外开放的基本国策…` as 2019's `五是加大改革
    开放力度…`. The evidence is the pairs between the two themes' content, counted from both
    ends: the share of both themes' units (`_theme_likeness`) that continue in the other,
    at least THEME_SHARE. The pair is one-to-one when the other theme has no partner, else
    it is merged into (split from) it; its probability is that share."""
    content = _theme_content(editions, matches)
    links: defaultdict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for match in matches:
        themes = (content.theme[0].get(match.old), content.theme[1].get(match.new))
        if themes[0] is not None and themes[1] is not None:
            links[(themes[0], themes[1])].add((match.old, match.new))
    paired = ({m.old for m in matches}, {m.new for m in matches})
    partnered = ({m.old for m in matches if not m.relation}, {m.new for m in matches if not m.relation})
    proposals = []
    for side, index in _unpaired_themes(editions, paired):
        options = [
            (_theme_likeness(content, pair, found), len(found), pair)
            for pair, found in links.items()
            if pair[side] == index
        ]
        best = max(options, key=lambda o: (o[0], o[1], -o[2][1 - side]), default=None)
        if best is not None and best[0] >= params.THEME_SHARE:
            proposals.append(best)
    # strongest evidence first, the same way round whichever edition is the old one
    proposals.sort(key=lambda p: (-p[0], -p[1], p[2]))
    found_pairs: list[Match] = []
    for likeness, _, pair in proposals:
        if pair[0] in paired[0] and pair[1] in paired[1]:
            continue  # the other end of a stronger proposal a moment ago
        taken_old, taken_new = pair[0] in partnered[0], pair[1] in partnered[1]
        relation = Relation.MERGE if taken_new else Relation.SPLIT if taken_old else Relation.NONE
        found_pairs.append(Match(pair[0], pair[1], likeness, relation))
        for ends in (paired, partnered):
            ends[0].add(pair[0])
            ends[1].add(pair[1])
    return found_pairs


def themes_left_alone(
    editions: Editions,
    matches: Sequence[Match],
    features: Mapping[tuple[int, int], Features],
    matcher: MatcherParams = MATCHER,
) -> list[Match]:
    """Two theme units of which nothing continues anywhere — neither the item line or group
    heading nor any unit of its content is in a pair — continue each other when each is the
    other's likeliest partner among such themes, at MERGE_PROBABILITY or more (the model's
    best probability between their units): 2021's review item `三是坚决打好三大攻坚战…` and
    2022's `六是加强生态环境保护…` share the pollution battle, told in a few words each, and
    are left over on both sides. Their item bodies, both left over too, continue each other."""
    alone = _themes_alone(editions, matches)
    likeness: dict[tuple[int, int], float] = {}
    for (i, j), f in features.items():
        pair = (alone[0].get(i), alone[1].get(j))
        if pair[0] is not None and pair[1] is not None:
            likeness[(pair[0], pair[1])] = max(likeness.get((pair[0], pair[1]), 0.0), probability(f, matcher.weights))
    best_old: dict[int, tuple[float, int]] = {}
    best_new: dict[int, tuple[float, int]] = {}
    for (i, j), value in likeness.items():
        best_old[i] = max(best_old.get(i, (0.0, -1)), (value, -j))
        best_new[j] = max(best_new.get(j, (0.0, -1)), (value, -i))
    found = []
    bodies = (_body_of_item(editions.old_tree), _body_of_item(editions.new_tree))
    for (i, j), value in sorted(likeness.items()):
        if value >= matcher.merge_probability and best_old[i] == (value, -j) and best_new[j] == (value, -i):
            found.append(Match(i, j, value))
            if i in bodies[0] and j in bodies[1]:
                found.append(Match(bodies[0][i], bodies[1][j], value))
    return found


def _themes_alone(editions: Editions, matches: Sequence[Match]) -> tuple[dict[int, int], dict[int, int]]:
    """Per side, unit -> its theme, for the units of theme units (group headings, item lines)
    none of whose units is in a pair."""
    paired = ({m.old for m in matches}, {m.new for m in matches})
    found: list[dict[int, int]] = []
    for side, (tree, units) in enumerate(
        ((editions.old_tree, editions.old_units), (editions.new_tree, editions.new_units))
    ):
        members: defaultdict[int, set[int]] = defaultdict(set)
        for k, theme in themes_of(tree, units).items():
            members[theme].add(k)
        found.append(
            {
                k: theme
                for theme, inside in members.items()
                if is_theme_unit(units[theme]) and not inside & paired[side]
                for k in inside
            }
        )
    return found[0], found[1]


def _body_of_item(tree: DocTree) -> dict[int, int]:
    return {item: body for body, item in item_body_units(tree).items()}


def _unpaired_themes(editions: Editions, paired: tuple[set[int], set[int]]) -> list[tuple[int, int]]:
    """(side, index) of every theme unit in no pair: group headings and review item lines."""
    found = []
    for side, units in ((0, editions.old_units), (1, editions.new_units)):
        found += [
            (side, k)
            for k, unit in enumerate(units)
            if is_theme_unit(unit) and k not in paired[side]
        ]
    return found


def _theme_likeness(content: _ThemeContent, pair: tuple[int, int], links: set[tuple[int, int]]) -> float:
    """The share of the two themes' units that continue in the other theme (a Dice
    coefficient over units): symmetric, and low both for a theme of which one unit out of
    many carries on and for one that sends a unit to each of several themes."""
    old_inside = content.members[0].get(pair[0], frozenset())
    new_inside = content.members[1].get(pair[1], frozenset())
    covered = len({i for i, _ in links} & old_inside) + len({j for _, j in links} & new_inside)
    return covered / max(1, len(old_inside) + len(new_inside))


def _share(count: int, size: int) -> float:
    """The share of a group's units that went one way, at most 1: a unit in a pair and in a
    split as well is counted for each."""
    return min(1.0, count / max(1, size))


def openings_of_continuing_groups(editions: Editions, matches: Sequence[Match]) -> list[Match]:
    """The opening paragraphs of two groups that continue each other, both left unpaired,
    continue each other too: the paragraph that restates a group's theme before its tasks is
    rewritten every year and shares few words with its successor, but it is the same place in
    the same group."""
    old_units, new_units = editions.old_units, editions.new_units
    paired_old = {m.old for m in matches}
    paired_new = {m.new for m in matches}
    old_opening = _openings(editions.old_tree, old_units)
    new_opening = _openings(editions.new_tree, new_units)
    found = []
    # the surest group pairs first: a group merged with two others gives its opening to the surer
    for match in sorted(matches, key=lambda m: -m.probability):
        if old_units[match.old].kind != GROUP or new_units[match.new].kind != GROUP:
            continue
        i, j = old_opening.get(match.old), new_opening.get(match.new)
        if i is None or j is None or i in paired_old or j in paired_new:
            continue
        found.append(Match(i, j, match.probability * params.OPENING_FACTOR))
        paired_old.add(i)
        paired_new.add(j)
    if roles_correspond(editions.old_tree, editions.new_tree):
        old_parts = _part_openings(editions.old_tree, old_units)
        new_parts = _part_openings(editions.new_tree, new_units)
        for role in sorted(old_parts.keys() & new_parts.keys()):
            i, j = old_parts[role], new_parts[role]
            if i not in paired_old and j not in paired_new:
                found.append(Match(i, j, params.OPENING_FACTOR))
    return found


def _part_openings(tree: DocTree, units: Sequence[Unit]) -> dict[Role, int]:
    """role -> the opening of the first part playing it: the first unit standing directly in
    the part before its groups (`今年要重点做好以下几方面工作。`, `今年经济社会发展任务重、挑战
    多。…`), when groups follow. Parts pair by role, so their openings are in the same place."""
    roles = part_roles(tree)
    unit_role = unit_roles(tree, units)
    areas = task_areas(tree)
    openings: dict[Role, int] = {}
    for section in tree.sections:
        if section.parent is not None or section.synthetic or section.index in areas:
            continue
        role = roles[section.index]
        direct = [
            k
            for k, u in enumerate(units)
            if u.section == section.index and u.kind != GROUP and unit_role[k] is role
        ]
        below = any(is_within(tree, u.section, section.index) and u.section != section.index for u in units)
        if direct and below:
            openings.setdefault(role, min(direct, key=lambda k: units[k].paragraph))
    return openings


def _openings(tree: DocTree, units: Sequence[Unit]) -> dict[int, int]:
    """group unit -> its opening: the first unit directly under the group's heading, when it is
    a paragraph and more units follow it in the group."""
    enclosing = enclosing_groups(tree, units)
    members: dict[int, list[int]] = defaultdict(list)
    for k, group in enclosing.items():
        members[group].append(k)
    openings = {}
    for group, inside in members.items():
        first = min(inside, key=lambda k: units[k].paragraph)
        unit = units[first]
        if len(inside) > 1 and unit.kind == "paragraph" and not unit.heading and unit.section == units[group].section:
            openings[group] = first
    return openings


def _unpaired_groups(
    old_units: Sequence[Unit], new_units: Sequence[Unit], paired_old: set[int], paired_new: set[int]
) -> list[tuple[int, int]]:
    """(side, index) of every group unit in no pair: old side 0, new side 1."""
    return [(0, i) for i, u in enumerate(old_units) if u.kind == GROUP and i not in paired_old] + [
        (1, j) for j, u in enumerate(new_units) if u.kind == GROUP and j not in paired_new
    ]


def enclosing_groups(tree: DocTree, units: Sequence[Unit]) -> dict[int, int]:
    """Each unit's innermost enclosing group unit (indices into `units`); a group's is the
    group above it."""
    group_of_section = {u.section: k for k, u in enumerate(units) if u.kind == GROUP}
    enclosing: dict[int, int] = {}
    for k, unit in enumerate(units):
        section = unit.section
        if unit.kind == GROUP and section is not None:
            section = tree.sections[section].parent
        while section is not None and section not in group_of_section:
            section = tree.sections[section].parent
        if section is not None:
            enclosing[k] = group_of_section[section]
    return enclosing
