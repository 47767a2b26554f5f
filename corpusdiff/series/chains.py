"""Chains of units across editions, built from the links of consecutive (and near) editions' diffs:
one chain per lineage, a step that skips an edition bridged, a step another link gainsays or
outweighs undone, the hubs of merges and splits resolved, so that a unit stands in one chain
unless the diff says it was merged or split.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from corpusdiff.types.diff import (
    CONFIDENT,
    PLAUSIBLE,
    Relation,
    Status,
)

#: A link that skips an edition needs the differ's pair at least this probable (its "high"
#: confidence): the lineage's absence from the skipped editions speaks against it.
GAP_LINK_PROBABILITY = CONFIDENT
#: How far (in chain steps, both sides together) the join a distant pair makes may lie from
#: the pair's own units: 0 joins only the units the differ paired, 1 repairs a link the
#: consecutive diff missed next to them.
DISTANT_REACH = 1
#: A merge or split the differ gives at least this probability ("medium") is taken before the
#: pairs of editions further apart; a weaker one only where they leave the item open.
MERGE_SURE = PLAUSIBLE
Node = tuple[int, int]  # (edition index, the differ's unit index in that edition)


@dataclass(frozen=True)
class Link:
    """One pair of the differ at one level, as the chaining sees it."""

    old: int  # unit index in the older edition
    new: int
    probability: float
    relation: Relation = Relation.NONE
    status: Status = Status.REWORDED
    confidence: str = ""


@dataclass(frozen=True)
class Chain:
    """A lineage as nodes in edition order, with the differ's pair behind each step."""

    nodes: tuple[Node, ...]
    evidence: tuple[tuple[tuple[int, int], Link], ...]  # per step: (edition pair compared, link)
    #: positions of the nodes it holds through a merge or split (another chain's own items); a
    #: thread's `shared` adds its own items that another chain holds so (`build_timeline`)
    shared: tuple[int, ...] = ()


@dataclass
class _Graph:
    """The links chosen so far: every node has at most one successor and one predecessor,
    and a node the differ calls merged (split) has one lineage it merged into (split from)."""

    successor: dict[Node, Node] = field(default_factory=dict)
    predecessor: dict[Node, Node] = field(default_factory=dict)
    merged_into: dict[Node, Node] = field(default_factory=dict)
    split_from: dict[Node, Node] = field(default_factory=dict)
    evidence: dict[tuple[Node, Node], tuple[tuple[int, int], Link]] = field(default_factory=dict)
    silent: frozenset[int] = frozenset()  # editions without any item at this level
    #: a node merged into a hub -> the node split from that hub in which its lineage goes on
    through: dict[Node, Node] = field(default_factory=dict)
    resumed: dict[Node, Node] = field(default_factory=dict)  # the reverse of `through`
    refused: set[tuple[Node, Node]] = field(default_factory=set)  # steps undone as gainsaid

    def join(self, a: Node, b: Node, pair: tuple[int, int], link: Link) -> None:
        self.successor[a], self.predecessor[b] = b, a
        self.evidence[(a, b)] = (pair, link)

    def unjoin(self, a: Node, b: Node) -> None:
        """Undo a step that other evidence gainsays; no weaker evidence makes it again."""
        del self.successor[a], self.predecessor[b], self.evidence[(a, b)]
        self.refused.add((a, b))

    def merge(self, a: Node, b: Node, pair: tuple[int, int], link: Link) -> None:
        self.merged_into[a] = b
        self.evidence[(a, b)] = (pair, link)

    def split(self, a: Node, b: Node, pair: tuple[int, int], link: Link) -> None:
        self.split_from[b] = a
        self.evidence[(a, b)] = (pair, link)

    def open_end(self, node: Node) -> bool:
        return node not in self.successor and node not in self.merged_into

    def open_start(self, node: Node) -> bool:
        return node not in self.predecessor and node not in self.split_from

    def start_of(self, node: Node) -> Node:
        while node in self.predecessor:
            node = self.predecessor[node]
        return node

    def end_of(self, node: Node) -> Node:
        while node in self.successor:
            node = self.successor[node]
        return node

    def before(self, node: Node) -> list[Node]:
        """The lineage up to `node`: its chain, and before a split (or a hub it went through)
        the lineage it came from."""
        chain = _up_to(node, self.predecessor)
        first = chain[0]
        if first in self.resumed:
            return [*self.before(self.resumed[first]), self.split_from[first], *chain]
        if first in self.split_from:
            return [*self.before(self.split_from[first]), *chain]
        return chain

    def after(self, node: Node) -> list[Node]:
        """The lineage from `node` on: its chain, and after a merge the lineage it merged into
        (through a hub, the unit it goes on in)."""
        chain = _follow(node, self.successor)
        last = chain[-1]
        if last in self.through:
            return [*chain, self.merged_into[last], *self.after(self.through[last])]
        if last in self.merged_into:
            return [*chain, *self.after(self.merged_into[last])]
        return chain

    def spans(self, first: int, last: int, link: Link) -> bool:
        """Whether a link may join editions `first` and `last`: always when no edition between
        them has items at this level (2015 has no `（一）` groups at all, so its silence says
        nothing), otherwise only on a confident pair."""
        skipped = [n for n in range(first + 1, last) if n not in self.silent]
        return not skipped or link.probability >= GAP_LINK_PROBABILITY


def chain_items(
    items: Sequence[Sequence[int]],
    links: Mapping[tuple[int, int], Sequence[Link]],
    aligned: Mapping[tuple[int, int], Sequence[Link]] | None = None,
) -> list[Chain]:
    """Every item of every edition in exactly one chain of its own (possibly a chain of one),
    extended by the items it shares through a merge or split the differ reports; chains in
    order of their first own item. Evidence is taken strongest first: consecutive pairs, then
    the merges and splits the differ is at least fairly sure of (and the consecutive steps a
    diff skipping an edition gainsays are undone), then pairs of editions further
    apart, then the section alignment of consecutive editions (`aligned`, for groups), and
    last the doubtful merges and splits, which must not stand in a confident pair's way (those
    across one edition only where another diff bears them out: `_join_doubtful_across`)."""
    graph = _Graph(silent=frozenset(n for n, keys in enumerate(items) if not keys))
    consecutive = sorted(pair for pair in links if pair[1] == pair[0] + 1)
    distant = sorted((pair for pair in links if pair[1] > pair[0] + 1), key=lambda p: (p[1] - p[0], p))
    for i, j in consecutive:
        for link in links[(i, j)]:
            if not link.relation and graph.open_end((i, link.old)) and graph.open_start((j, link.new)):
                graph.join((i, link.old), (j, link.new), (i, j), link)
    for sure in (True, False):
        for i, j in consecutive:
            for link in links[(i, j)]:
                a, b = (i, link.old), (j, link.new)
                if (link.probability >= MERGE_SURE) == sure and (sure or _not_gainsaid(graph, a, b, link, links)):
                    _join_extra(graph, a, b, (i, j), link)
        if sure:
            for a, b in _gainsaid_steps(graph, links):
                graph.unjoin(a, b)
            for swap in _outweighed_steps(graph, links):
                _swap(graph, swap)
            for i, j in consecutive:
                for link in links[(i, j)]:
                    if _confirmed(graph, (i, link.old), (j, link.new), link, links):
                        _join_extra(graph, (i, link.old), (j, link.new), (i, j), link)
            for i, j in distant:
                for link in links[(i, j)]:
                    _join_distant(graph, (i, link.old), (j, link.new), (i, j), link)
            for i, j in distant:
                for link in links[(i, j)]:
                    _join_meeting(graph, (i, link.old), (j, link.new), (i, j), link, links[(i, j)])
            for (i, j), found in sorted((aligned or {}).items()):
                for link in found:
                    a, b = (i, link.old), (j, link.new)
                    if j == i + 1 and graph.open_end(a) and graph.open_start(b) and (a, b) not in graph.refused:
                        graph.join(a, b, (i, j), link)
    for i, j in distant:
        for link in links[(i, j)]:
            if j == i + 2 and link.relation and link.probability < MERGE_SURE:
                _join_doubtful_across(graph, (i, link.old), (j, link.new), (i, j), link, links)
    for hub in sorted({*graph.merged_into.values(), *graph.split_from.values()}):
        _through_hub(graph, hub, links.get((hub[0] - 1, hub[0] + 1), ()))
    chains = []
    for edition, keys in enumerate(items):
        for node in ((edition, key) for key in keys):
            if node not in graph.predecessor and node not in graph.resumed:
                chains.append(_extended(node, graph))
    return chains


def _confirmed(
    graph: _Graph, a: Node, b: Node, link: Link, links: Mapping[tuple[int, int], Sequence[Link]]
) -> bool:
    """Whether a doubtful merge or split is borne out by the differ's diff of the editions
    either side of the unit merged into (split from): 2014's `（八）统筹做好保障和改善民生工作`,
    folded into 2015's part `五、` with little conviction, is merged there into 2016's
    livelihood group, which continues `五、`. Such a merge or split is taken before the pairs of
    editions further apart, which would otherwise join past the edition in between. A
    one-to-one pair there bears out no merge: it joins the two chains itself (a bridge)."""
    if link.probability >= MERGE_SURE:
        return False
    if link.relation == Relation.MERGE and graph.open_end(a):
        going_on = _neighbours(graph, b, graph.successor, graph.split_from)
        across = links.get((a[0], b[0] + 1), ())
        return any((b[0] + 1, x.new) in going_on for x in across if x.old == a[1] and x.relation)
    if link.relation == Relation.SPLIT and graph.open_start(b):
        coming_in = _neighbours(graph, a, graph.predecessor, graph.merged_into)
        across = links.get((a[0] - 1, b[0]), ())
        return any((a[0] - 1, x.old) in coming_in for x in across if x.new == b[1] and x.relation)
    return False


def _not_gainsaid(
    graph: _Graph, a: Node, b: Node, link: Link, links: Mapping[tuple[int, int], Sequence[Link]]
) -> bool:
    """Whether the diff across the extra side of a doubtful merge or split leaves it standing. A
    split `a` -> `b` says that `b`'s lineage began in `a`; if `b` goes on in the next edition
    (its successor, the unit it merged into, units split from it), the differ's diff of `a`'s
    edition with that one must pair `a` with one of them too, or the split was only a phrase
    `a` shares with `b` (2013's regional paragraph names 扶贫攻坚 in one clause; 2014's poverty
    paragraph, split from it at 0.12, and its successors owe it nothing). A merge is the mirror
    image, on the lineage that comes into `a`. Where the lineage stops at the extra side, or
    that diff was not made, nothing speaks against the step. A unit beyond that `a`'s own chain
    reaches by one-to-one steps bears out nothing: the diff pairs `a` with it for that chain's
    sake (2014's innovation group, cut from 2013's （一） at 0.10, merges into 2015's part 四、,
    where 2013's （一） goes on through 2014's demand group: 2013→2015 pairs （一） with 四、
    whatever 2014 did). A unit the chain reaches only through a split still counts: the pair
    may be the extra side's own (2014's reform group into 2015's 三、, whose chain was cut from
    2013's reform-and-opening group, 2014's reform group's predecessor)."""
    if link.relation == Relation.SPLIT:
        beyond = _neighbours(graph, b, graph.successor, graph.split_from) | _merged_or_none(graph, b)
        return _borne_out(a, beyond, set(_follow(a, graph.successor)), links, old_side=True)
    if link.relation == Relation.MERGE:
        beyond = _neighbours(graph, a, graph.predecessor, graph.merged_into) | _split_or_none(graph, a)
        return _borne_out(b, beyond, set(_up_to(b, graph.predecessor)), links, old_side=False)
    return True


def _borne_out(
    node: Node, beyond: set[Node], own: set[Node], links: Mapping[tuple[int, int], Sequence[Link]], old_side: bool
) -> bool:
    """Whether the diff across pairs `node` with a unit `beyond` that its `own` chain does not
    reach (`_not_gainsaid`); true when nothing is beyond, false when all of it is its own."""
    if not beyond:
        return True
    others = beyond - own
    return bool(others) and _paired_across(node, others, links, old_side)


def _gainsaid_steps(graph: _Graph, links: Mapping[tuple[int, int], Sequence[Link]]) -> list[tuple[Node, Node]]:
    """The one-to-one steps between consecutive editions that a diff skipping an edition
    gainsays, judged all on the same graph so that the order does not matter."""
    return [
        (a, b)
        for a, b in graph.successor.items()
        if b[0] == a[0] + 1 and (_skipped_ahead(graph, a, b, links) or _skipped_behind(graph, a, b, links))
    ]


@dataclass(frozen=True)
class _Swap:
    """A one-to-one step `step` that gives way to `better`, the pair of the same unit with one
    the consecutive diff cut from it (merged into it); the unit the step led to joins the
    lineage where the diff skipping an edition puts it (`extra`), each with its evidence."""

    step: tuple[Node, Node]
    better: tuple[Node, Node]
    better_link: tuple[tuple[int, int], Link]
    extra: tuple[Node, Node]
    extra_link: tuple[tuple[int, int], Link]


def _outweighed_steps(graph: _Graph, links: Mapping[tuple[int, int], Sequence[Link]]) -> list[_Swap]:
    """The one-to-one steps between consecutive editions whose alternative two diffs confirm,
    judged all on the same graph. A chain A -> B -> C, where the consecutive diff also cuts C'
    from B, and the diff skipping B's edition pairs A one to one with C' and calls C only cut
    from A: the lineage goes on in C' when the two diffs weigh it more (the probabilities of
    B -> C' and A ~ C' together against those of B -> C and A -> C). 2014's industrial-structure
    paragraph (进 and 退) goes on as 2015's 推动产业结构迈向中高端 (0.99); 2015→2016 pairs that with
    2016's 化解过剩产能 (0.57) and cuts 改善产品和服务供给 from it (0.48), while 2014→2016 pairs
    2014's paragraph with 改善产品和服务供给 (0.53) and cuts 化解过剩产能 from it (0.23): the
    lineage goes on in 改善产品和服务供给, and 化解过剩产能 is cut from 2014's 退 half. The
    mirror image weighs a step by the diff skipping the edition before it, on merges."""
    swaps = []
    for b, c in list(graph.successor.items()):
        if c[0] != b[0] + 1:
            continue
        ahead = _outweighed(graph, b, c, links, ahead=True)
        behind = _outweighed(graph, b, c, links, ahead=False)
        swaps += [x for x in (ahead, behind) if x is not None]
    return swaps


def _outweighed(
    graph: _Graph, b: Node, c: Node, links: Mapping[tuple[int, int], Sequence[Link]], ahead: bool
) -> _Swap | None:
    """The swap of the step `b` -> `c` that `_outweighed_steps` describes, looking ahead (the
    diff skipping `b`'s edition, from `b`'s predecessor) or behind (the diff skipping `c`'s,
    to `c`'s successor), if two diffs outweigh the step. `near` is the step's unit whose other
    partner may win, `far` the unit it would give way, `edge` the lineage's unit beyond `near`."""
    near, far = (b, c) if ahead else (c, b)
    edge = graph.predecessor.get(b) if ahead else graph.successor.get(c)
    if edge is None or abs(edge[0] - near[0]) != 1:
        return None
    relation = Relation.SPLIT if ahead else Relation.MERGE
    pair = (edge[0], far[0]) if ahead else (far[0], edge[0])

    def ends(x: Link) -> tuple[int, int]:  # (its unit on the edge's or near side, on the far side)
        return (x.old, x.new) if ahead else (x.new, x.old)

    across = links.get(pair, ())
    demoted = next((x for x in across if ends(x) == (edge[1], far[1]) and x.relation == relation), None)
    if demoted is None:
        return None
    weight = graph.evidence[(b, c)][1].probability + demoted.probability
    for x in (x for x in across if ends(x)[0] == edge[1] and not x.relation):
        rival = (far[0], ends(x)[1])
        if not (graph.open_start(rival) if ahead else graph.open_end(rival)):
            continue
        for z in links.get((b[0], c[0]), ()):
            if ends(z) == (near[1], rival[1]) and z.relation == relation and z.probability + x.probability > weight:
                better = (near, rival) if ahead else (rival, near)
                extra = (edge, far) if ahead else (far, edge)
                return _Swap((b, c), better, ((b[0], c[0]), z), extra, (pair, demoted))
    return None


def _swap(graph: _Graph, swap: _Swap) -> None:
    """Make the outweighed step's alternative the step, and join the unit it led to where the
    diff skipping an edition puts it (cut from the lineage before, merged into the one after)."""
    (b, c), (x, y), (old, new) = swap.step, swap.better, swap.extra
    if graph.successor.get(b) != c or not ((x == b or graph.open_end(x)) and (y == c or graph.open_start(y))):
        return
    graph.unjoin(b, c)
    graph.join(x, y, *swap.better_link)
    link = swap.extra_link[1]
    if link.relation == Relation.SPLIT and graph.open_start(new):
        graph.split(old, new, *swap.extra_link)
    elif link.relation == Relation.MERGE and graph.open_end(old):
        graph.merge(old, new, *swap.extra_link)


def _skipped_ahead(graph: _Graph, a: Node, b: Node, links: Mapping[tuple[int, int], Sequence[Link]]) -> bool:
    """Whether the diff of `a`'s edition with the one after `b`'s gainsays the step `a` -> `b`
    (`_gainsays`), on the units `b` goes on in: its successor, and every unit the next diff
    merges it into or splits from it, however doubtful. 2014's 扩大全方位主动开放, continued as
    2015's opening-up paragraph, is paired by the 2014→2016 diff with 2016's 利用外资 at 0.99,
    and with nothing 2015's paragraph goes on in, which that diff pairs with 2014's 走出去."""
    across = links.get((a[0], b[0] + 1))
    after = b[0] + 1
    if across is None or b not in graph.successor:
        return False
    onward = {(after, x.new) for x in links.get((b[0], after), ()) if x.old == b[1] and x.relation}
    pairs = [(x.old, (after, x.new), x) for x in across]
    return _gainsays(pairs, a[1], onward | {graph.successor[b]}, graph.successor[b], graph.evidence[(a, b)][1])


def _skipped_behind(graph: _Graph, a: Node, b: Node, links: Mapping[tuple[int, int], Sequence[Link]]) -> bool:
    """The mirror image of `_skipped_ahead`, on the units `a` comes from: 2015's part 三、
    (reform and opening), continued as 2016's supply-side group, which the 2014→2016 diff pairs
    with 2014's innovation group at 1.00, and 三、's predecessor (2014's opening-up group) with
    2016's opening-up group."""
    across = links.get((a[0] - 1, b[0]))
    before = a[0] - 1
    if across is None or a not in graph.predecessor:
        return False
    coming = {(before, x.old) for x in links.get((before, a[0]), ()) if x.new == a[1] and x.relation}
    pairs = [(x.new, (before, x.old), x) for x in across]
    return _gainsays(pairs, b[1], coming | {graph.predecessor[a]}, graph.predecessor[a], graph.evidence[(a, b)][1])


def _gainsays(
    pairs: Sequence[tuple[int, Node, Link]], unit: int, lineage: set[Node], neighbour: Node, step: Link
) -> bool:
    """Whether a diff across a step gainsays it: it pairs the step's `unit` one to one with a
    unit outside the `lineage` on the far side, confidently and more probably than the step
    itself or any pair of `unit` with the lineage, and it pairs the lineage's one-to-one
    `neighbour` with another unit than `unit` (the two chains cross). `pairs` gives each of
    the diff's pairs as (its unit on the step's side, its far unit, link)."""
    outside = [
        x.probability
        for mine, far, x in pairs
        if mine == unit and far not in lineage and not x.relation and x.probability >= GAP_LINK_PROBABILITY
    ]
    inside = [x.probability for mine, far, x in pairs if mine == unit and far in lineage]
    crossed = any(far == neighbour and mine != unit for mine, far, _ in pairs)
    return crossed and max(outside, default=0.0) > max([*inside, step.probability])


def _merged_or_none(graph: _Graph, node: Node) -> set[Node]:
    return {graph.merged_into[node]} if node in graph.merged_into else set()


def _split_or_none(graph: _Graph, node: Node) -> set[Node]:
    return {graph.split_from[node]} if node in graph.split_from else set()


def _paired_across(
    node: Node, beyond: set[Node], links: Mapping[tuple[int, int], Sequence[Link]], old_side: bool
) -> bool:
    """Whether the diff of `node`'s edition with the edition of the units `beyond` pairs `node`
    with one of them (any pair, merges and splits included); true when nothing is beyond or
    that diff was not made."""
    for edition in {n[0] for n in beyond}:
        pair = (node[0], edition) if old_side else (edition, node[0])
        if pair not in links:
            return True
        for x in links[pair]:
            mine, theirs = (x.old, x.new) if old_side else (x.new, x.old)
            if mine == node[1] and (edition, theirs) in beyond:
                return True
    return not beyond


def _neighbours(
    graph: _Graph, node: Node, one_to_one: Mapping[Node, Node], extra: Mapping[Node, Node]
) -> set[Node]:
    """The units next to `node` on one side: its one-to-one neighbour, and the units merged into
    it (split from it)."""
    found = {x for x, y in extra.items() if y == node}
    if node in one_to_one:
        found.add(one_to_one[node])
    return found


def _through_hub(graph: _Graph, hub: Node, across: Sequence[Link]) -> None:
    """Lineages that meet in one item and part again: several units of one edition merged into
    a hub (2014's demand, innovation and farming groups into 2015's task area `四、`) that splits
    into several of the next (2016's demand, supply-side and farming groups). Which lineage
    goes on in which unit is the differ's word on the editions either side of the hub, which it
    compares directly (`across`): each unit coming in continues in the unit going out it pairs
    with there, strongest pairs first. The hub's own lineage keeps its successor unless a
    merged lineage goes on in it; then it goes on in the unit it pairs with, if any."""
    before, after = hub[0] - 1, hub[0] + 1
    main_in = graph.predecessor.get(hub)
    main_out = graph.successor.get(hub)
    merged = [a for a, b in graph.merged_into.items() if b == hub and a[0] == before]
    split = [b for b, a in graph.split_from.items() if a == hub and b[0] == after]
    incoming = [*([main_in] if main_in is not None and main_in[0] == before else []), *merged]
    outgoing = [*([main_out] if main_out is not None and main_out[0] == after else []), *split]
    if not merged or not split:
        return
    going: dict[Node, Node] = {}
    for link in sorted(across, key=lambda x: (bool(x.relation), -x.probability)):
        a, b = (before, link.old), (after, link.new)
        if a in incoming and b in outgoing and a not in going and b not in going.values():
            going[a] = b
    if main_out is not None and any(going.get(a) == main_out for a in merged):
        _rewire(graph, hub, main_out, going.get(main_in) if main_in is not None else None)
    for a in merged:
        if a in going:
            graph.through[a] = going[a]
            graph.resumed[going[a]] = a


def _rewire(graph: _Graph, hub: Node, old_next: Node, new_next: Node | None) -> None:
    """`old_next`, the hub's successor, goes on a lineage merged into the hub; the hub's own
    lineage goes on in `new_next` (one of its splits) or ends there. Each step keeps the
    differ's evidence."""
    del graph.successor[hub], graph.predecessor[old_next]
    graph.split_from[old_next] = hub
    if new_next is not None and new_next in graph.split_from:
        del graph.split_from[new_next]
        graph.successor[hub], graph.predecessor[new_next] = new_next, hub


def _join_extra(graph: _Graph, a: Node, b: Node, pair: tuple[int, int], link: Link) -> None:
    """The extra side of a merge (an old unit folded into `b`) or of a split (a new unit cut
    from `a`) joins the lineage of its partner, which continues through the one-to-one pair."""
    if link.relation == Relation.MERGE and graph.open_end(a):
        graph.merge(a, b, pair, link)
    elif link.relation == Relation.SPLIT and graph.open_start(b):
        graph.split(a, b, pair, link)


def _join_distant(graph: _Graph, a: Node, b: Node, pair: tuple[int, int], link: Link) -> None:
    """A pair of editions further apart says that the chains through `a` and `b` are one
    lineage: the end of the one joins the start of the other, when they do not overlap (a
    link the consecutive pairs missed, or a gap) and the join lies next to the pair itself (a
    pair vouches for its own units and, at most, one step of their chains beyond them). Its
    merges and splits join a lineage that is still open the same way (`_join_distant_extra`),
    and a pair across one edition joins through a unit of it that one side merged into or
    split from (`_join_through`)."""
    if link.relation:
        _join_distant_extra(graph, a, b, pair, link)
        return
    end, start = graph.end_of(a), graph.start_of(b)
    if end[0] >= start[0] or (end[0] - a[0]) + (b[0] - start[0]) > DISTANT_REACH or (end, start) in graph.refused:
        return
    if graph.open_end(end) and graph.open_start(start):
        if graph.spans(end[0], start[0], link):
            graph.join(end, start, pair, link)
    elif (end, start) == (a, b) and b[0] == a[0] + 2 and link.probability >= GAP_LINK_PROBABILITY:
        _join_through(graph, a, b, pair, link)


def _join_meeting(
    graph: _Graph, a: Node, b: Node, pair: tuple[int, int], link: Link, found: Sequence[Link]
) -> None:
    """A lineage that ends at `a` merges into `b`, which goes on another lineage, where the diff
    of their editions pairs them one to one, confidently, and calls that other lineage (its unit
    in `a`'s edition) the one merged into `b`: the two lineages meet in `b`, and the diff only
    names the other way round which of them is the main one (`found`: that diff's pairs). 2019's regional group
    `（六）促进区域协调发展，提高新型城镇化质量` has no 2021 group; 2022's
    `（五）坚定实施扩大内需战略，推进区域协调发展和新型城镇化` continues 2021's demand group, and
    2019→2022 pairs the regional group with it (0.98) and merges 2019's demand group into it. A
    one-to-one pair alone merges nothing (the lineage through `b` may simply have it)."""
    if link.relation or link.probability < GAP_LINK_PROBABILITY or (a, b) in graph.refused:
        return
    if not _dead_end(graph, a) or graph.open_start(b):
        return
    coming = set(graph.before(b))
    if any(x.relation == Relation.MERGE and x.new == b[1] and (a[0], x.old) in coming for x in found):
        graph.merge(a, b, pair, link)


def _join_through(graph: _Graph, a: Node, b: Node, pair: tuple[int, int], link: Link) -> None:
    """A confident pair of `a` and `b`, one edition apart, where `a`'s lineage ends merged into
    a unit of the edition between and `b`'s starts open (or `b`'s starts split from a unit
    there and `a`'s ends open): the lineage goes on through that unit, which it shares, and
    the hub rule (`_through_hub`) carries it on into `b`. 2014's innovation group, merged into
    2015's part 四、 (which goes on as 2016's demand group), is paired by 2014→2016 with 2016's
    supply-side group at 1.00: that group is cut from 四、 and goes on the innovation lineage.
    The lineage has no item of its own in the edition between, so, as across a gap, the pair
    must be one the differ is confident of."""
    if a in graph.merged_into and graph.open_start(b):
        hub = graph.merged_into[a]
        if hub[0] == a[0] + 1 and (hub, b) not in graph.refused:
            graph.split(hub, b, pair, link)
    elif b in graph.split_from and graph.open_end(a):
        hub = graph.split_from[b]
        if hub[0] == a[0] + 1 and (a, hub) not in graph.refused:
            graph.merge(a, hub, pair, link)


def _join_distant_extra(
    graph: _Graph, a: Node, b: Node, pair: tuple[int, int], link: Link, floor: float = MERGE_SURE
) -> None:
    """A merge or split of editions further apart, on the lineage that is still open next to
    it: a split cuts `b`'s lineage from `a`, so where that lineage starts (at `b`, or one
    step before it, as a bridge joins) it has `a`'s past; a merge is the mirror image, on
    where `a`'s lineage ends. 2014's 走出去 paragraph goes on as 2015's 加快实施走出去战略,
    and 2014→2016 cuts 2016's 一带一路 from it: 2015's opening-up paragraph, where the
    一带一路 lineage starts, was cut from 2014's. The differ must be fairly sure of it
    (`MERGE_SURE`, or the `floor` a caller with other evidence gives), and confident where the
    join skips an edition with items (a gap)."""
    if link.probability < floor:
        return
    if link.relation == Relation.SPLIT:
        start = graph.start_of(b)
        goes_on = start == b or not graph.open_end(a)
        if graph.open_start(start) and _near(graph, a, start, b[0] - start[0], goes_on, link):
            graph.split(a, start, pair, link)
    elif link.relation == Relation.MERGE:
        end = graph.end_of(a)
        goes_on = end == a or not graph.open_start(b)
        if graph.open_end(end) and _near(graph, end, b, end[0] - a[0], goes_on, link):
            graph.merge(end, b, pair, link)


def _join_doubtful_across(
    graph: _Graph, a: Node, b: Node, pair: tuple[int, int], link: Link, links: Mapping[tuple[int, int], Sequence[Link]]
) -> None:
    """A doubtful merge or split across one edition, where the one-to-one step it competes
    with leads nowhere and another diff bears it out. A split of `b` from `a`: `a`'s successor
    in the edition between ends there (nothing continues it, merged or split), so the
    consecutive diff kept `a`'s lineage alive one edition longer in a unit that goes no
    further, and a diff of `a`'s edition with a later one pairs `a` with a later unit of `b`'s
    lineage. 2013's only environment paragraph continues as 2014's 生态文明建设 opening (0.86),
    which 2015 does not continue; 2013→2015 cuts 2015's pollution paragraph from it (0.46), and
    2013→2022 pairs it with 2022's 生态环境综合治理 (0.90), where that lineage goes on: 2014's
    pollution paragraph, where it starts, gets 2013's paragraph as its past. A merge is the
    mirror image."""
    if link.relation == Relation.SPLIT:
        step, dead, own, lineage = graph.successor.get(a), _dead_end, a, graph.after(b)[1:]
    elif link.relation == Relation.MERGE:
        step, dead, own, lineage = graph.predecessor.get(b), _dead_start, b, graph.before(a)[:-1]
    else:
        return
    leads_nowhere = step is not None and step[0] == a[0] + 1 and dead(graph, step)
    if leads_nowhere and _paired_elsewhere(own, set(lineage), links, old_side=link.relation == Relation.SPLIT):
        _join_distant_extra(graph, a, b, pair, link, floor=0.0)


def _paired_elsewhere(
    node: Node, lineage: set[Node], links: Mapping[tuple[int, int], Sequence[Link]], old_side: bool
) -> bool:
    """Whether some diff of `node`'s edition pairs `node` with a unit of `lineage` (any pair)."""
    for unit in lineage:
        pair = (node[0], unit[0]) if old_side else (unit[0], node[0])
        for x in links.get(pair, ()):
            mine, theirs = (x.old, x.new) if old_side else (x.new, x.old)
            if mine == node[1] and theirs == unit[1]:
                return True
    return False


def _dead_end(graph: _Graph, node: Node) -> bool:
    """Whether no unit of a later edition continues `node`: no successor, no merge, no split."""
    return graph.open_end(node) and node not in graph.split_from.values()


def _dead_start(graph: _Graph, node: Node) -> bool:
    """Whether no unit of an earlier edition goes on in `node`: the mirror of `_dead_end`."""
    return graph.open_start(node) and node not in graph.merged_into.values()


def _near(graph: _Graph, old: Node, new: Node, beyond: int, goes_on: bool, link: Link) -> bool:
    """Whether a distant merge or split may join `old` and `new`, `beyond` chain steps from its
    own units: near enough, and across no gap the differ is unsure of. A join beyond the pair's
    own units needs the lineage of the one-to-one side to go on elsewhere (`goes_on`): a split
    cuts from a lineage that continues; were `old`'s lineage to end there, the unit after it
    would rather continue it, which is a bridge's business."""
    return (
        old[0] < new[0]
        and beyond <= DISTANT_REACH
        and goes_on
        and graph.spans(old[0], new[0], link)
        and (old, new) not in graph.refused
    )


def _follow(node: Node, successor: Mapping[Node, Node]) -> list[Node]:
    chain = [node]
    while chain[-1] in successor:
        chain.append(successor[chain[-1]])
    return chain


def _up_to(node: Node, predecessor: Mapping[Node, Node]) -> list[Node]:
    chain = [node]
    while chain[0] in predecessor:
        chain.insert(0, predecessor[chain[0]])
    return chain


def _extended(start: Node, graph: _Graph) -> Chain:
    """The chain that starts at `start`, with the lineage it split from before it, and after it
    the hubs it went through and the lineage it merged into at last. Its own items are those
    it reaches by one-to-one steps and through hubs; the rest it shares."""
    chain = graph.before(graph.split_from[start]) if start in graph.split_from else []
    shared = set(range(len(chain)))
    node: Node | None = start
    while node is not None:
        chain += _follow(node, graph.successor)
        node = graph.through.get(chain[-1])
        if node is not None:
            shared.add(len(chain))
            chain.append(graph.merged_into[chain[-1]])
    if chain[-1] in graph.merged_into:
        rest = graph.after(graph.merged_into[chain[-1]])
        shared.update(range(len(chain), len(chain) + len(rest)))
        chain += rest
    evidence = tuple(graph.evidence[(a, b)] for a, b in pairwise(chain))
    return Chain(tuple(chain), evidence, tuple(sorted(shared)))
