"""Several editions -> threads: one per initiative lineage across all of them (docs/timeline.md).

Two steps. `pairwise_diffs` compares editions pair by pair with `compare.compare`; it is the
expensive step and each pair is independent, so callers may run the pairs in a process pool.
`build_timeline` then chains the differ's pairs of initiative units into threads, a pure
function of trees and diffs, at two levels: the groups (`（一）` headings and task areas), and
the units below them (numbered tasks, and in reports without them the paragraphs and list
items). Evidence is taken strongest first:

1. consecutive editions: each one-to-one pair of the differ links an item to its successor,
   unless a diff that skips an edition crosses the step (pairs its one end elsewhere, more
   surely, and its neighbour with another unit), or two diffs outweigh it (the consecutive
   diff's split from the same item and the skipping diff's one-to-one pair confirm another
   successor: `_outweighed_steps`);
2. the extra side of a merge or split the differ reports joins the lineage it merged into or
   split from, so two threads share items — the only way an item is in two threads (doubtful
   merges and splits wait until after step 4, unless the diff of the editions either side
   bears them out);
3. a pair of editions further apart joins the end of one chain to the start of the other when
   they do not overlap and the join lies next to the pair's own units; a join that skips an
   edition with items (a *gap*) needs a confident pair, since the absence speaks against it.
   Its merges and splits join where the lineage is open next to them, and a confident pair
   across one edition joins through the unit there that one side merged into or split from;
   a doubtful merge or split across one edition joins last (with the doubtful ones of step 2),
   only where the one-to-one step it competes with leads nowhere and another diff bears it out.
   A lineage that ends merges into a unit that goes on another lineage where a confident pair
   of their editions pairs them and merges that other lineage into the same unit (they meet);
4. a group left without a successor joins one of the next edition left without a predecessor
   where the differ's section alignment pairs their sections;
5. lineages that merge into one item and split from it again (a *hub*) go on where the diff
   of the editions either side of the hub pairs them.

Each step keeps the differ's evidence (which diff, class, confidence), so a reader can see why
two items are one lineage. Rendering is in `render/timeline.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import pairwise
from typing import cast

from corpusdiff.compare.core import compare_job
from corpusdiff.compare.programmes import extract_programmes, mentioned, plain
from corpusdiff.compare.units import GROUP as GROUP_KIND
from corpusdiff.compare.units import initiative_units, is_speech_frame, unit_roles
from corpusdiff.errors import InputError
from corpusdiff.parallel import SERIAL, Runner
from corpusdiff.structure import is_salutation
from corpusdiff.text.numbering import CLOSING, base_kind
from corpusdiff.text.script import simplified, simplified_texts
from corpusdiff.text.sentences import sentences
from corpusdiff.types.diff import (
    CONFIDENT,
    PLAUSIBLE,
    DiffResult,
    Initiative,
    Level,
    Overrides,
    Relation,
    Status,
    confidence_band,
)
from corpusdiff.types.edition import Edition
from corpusdiff.types.tree import DocTree, Unit, UnitKind, is_within


class ThreadLevel(StrEnum):
    """The level of a thread's items."""

    GROUP = "group"  # the `（一）` groups and task areas (compare/units.task_areas)
    TASK = "task"  # the units below them: numbered tasks, paragraphs, list items, targets


GROUP, TASK = ThreadLevel.GROUP, ThreadLevel.TASK
LEVELS = (GROUP, TASK)
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
QUOTED, MENTIONED = "quoted", "mentioned"
#: The part of a thread in a report's closing part (its own `结束语`, or the unheaded block
#: after the last numbered part: defence, Hong Kong, Macao and Taiwan, foreign policy, the
#: final exhortation), which the differ pairs as it pairs the tasks but which sets no task.
CLOSING_PART = "closing"

Node = tuple[int, int]  # (edition index, the differ's unit index in that edition)
CompareJob = tuple[DocTree, DocTree, Overrides | None]  # one pair: old, new, reviewer overrides


@dataclass(frozen=True)
class ThreadItem:
    edition: str  # edition id
    heading: str  # a heading as printed, numbering included (`（一）…`, `3.…`), or a paragraph's lead
    text: str  # a unit's text; for a group, the text of every unit under it, one per line
    pointer: str  # `<edition id>#<anchor>`: the unit's one address, as `diff` gives it (DocTree.unit_anchor)
    kind: str = ""  # group, task, paragraph, item or target


@dataclass(frozen=True)
class ThreadLink:
    """Why two items of a thread are one lineage: the differ's pair that links them."""

    old: int  # index of the earlier item in the thread's items
    new: int  # index of the later item
    diff: tuple[str, str]  # the editions the differ compared (the new one may lie beyond `new`)
    status: Status  # recurring, reworded or moved
    relation: Relation  # merge / split when the earlier / later item is the extra side
    probability: float  # the differ's probability that the pair is one initiative
    confidence: str  # high / medium / low (types.diff.Initiative.confidence)
    step: tuple[str, ...] = ()  # the editions of the step's own two items (old, new)
    pair: tuple[str, ...] = ()  # the pointers of the two units the diff paired (old, new)

    @property
    def bridge(self) -> bool:
        """Whether the evidence is a diff of other editions than the step's own: it pairs the
        item before the step with the step's new item (or its old item with the one after), a
        pair the diff of the step's own editions, or the site's page of that pair, does not show."""
        return bool(self.step) and self.step != self.diff

    @property
    def label(self) -> str:
        """The pair's class as the diff reports it: merged, split, or the status."""
        return {Relation.MERGE: "merged", Relation.SPLIT: "split"}.get(self.relation, self.status)


@dataclass(frozen=True)
class Thread:
    level: ThreadLevel
    items: tuple[ThreadItem, ...]  # in edition order, one per edition where present
    first: str  # edition id
    last: str
    gaps: tuple[str, ...]  # editions between first and last where the lineage is absent
    links: tuple[ThreadLink, ...] = ()  # one per pair of successive items
    part: str = ""  # the part of the report its items belong to (review, targets, tasks, …)
    shared: tuple[int, ...] = ()  # items also in another thread, through a merge or split

    def item_in(self, edition: str) -> ThreadItem | None:
        return next((item for item in self.items if item.edition == edition), None)


@dataclass(frozen=True)
class ProgrammeTrack:
    name: str
    presence: tuple[str, ...]  # per edition: quoted, mentioned (unquoted) or ""
    first: str
    last: str
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    editions: tuple[Edition, ...]
    threads: tuple[Thread, ...]
    programmes: tuple[ProgrammeTrack, ...]
    focus: str = ""  # the text the threads were chosen by (`matching`), "" for all


@dataclass(frozen=True)
class Link:
    """One pair of the differ at one level, as the chaining sees it."""

    old: int  # unit index in the older edition
    new: int
    probability: float
    relation: Relation = Relation.NONE
    status: Status = Status.REWORDED
    confidence: str = ""


# --- editions and pairs -------------------------------------------------------------------


def named(tree: DocTree, edition_id: str) -> DocTree:
    """The tree with `edition_id` as its document id (files outside the corpus have none)."""
    return replace(tree, metadata=replace(tree.metadata, id=edition_id))


def date_order(tree: DocTree) -> tuple[bool, str]:
    """Sort key for editions: oldest first, undated last (a stable sort keeps ties in order)."""
    return (not tree.metadata.date, tree.metadata.date)


def comparison_pairs(count: int, reach: int | None = None) -> list[tuple[int, int]]:
    """Index pairs to compare: consecutive editions first, then editions up to `reach` apart
    (all pairs by default), which only serve to find gaps."""
    reach = count - 1 if reach is None else reach
    return [(i, i + span) for span in range(1, reach + 1) for i in range(count - span)]


def pairwise_diffs(
    trees: Sequence[DocTree],
    pairs: Iterable[tuple[int, int]],
    overrides: Mapping[tuple[int, int], Overrides] | None = None,
    runner: Runner = SERIAL,
    done: Callable[[int], None] = lambda n: None,
    job: Callable[[CompareJob], DiffResult] = compare_job,
    known: Callable[[CompareJob], DiffResult | None] = lambda job: None,
) -> list[DiffResult]:
    """The differ's result for each index pair; the pairs are independent, so `runner` may
    compare them in parallel. `job` makes one comparison (a picklable function: the pure
    `compare_job`, or a caller's cached one such as `store.diffs.cached_compare_job`); `known`
    gives the results a caller already holds (`store.diffs.CachedCompare.known`), looked up
    here first, so that a pool starts for the other pairs only, and for none when all are known
    (its workers would start cold to read what this process reads faster)."""
    overrides = overrides or {}
    jobs = [(trees[i], trees[j], overrides.get((i, j))) for i, j in pairs]
    results = [known(one) for one in jobs]
    todo = [n for n, result in enumerate(results) if result is None]
    if len(todo) < len(jobs):
        done(len(jobs) - len(todo))
    for n, result in zip(todo, runner.map(job, [jobs[n] for n in todo], done), strict=True):
        results[n] = result
    return cast(list[DiffResult], results)


def edition_of(tree: DocTree) -> Edition:
    meta = tree.metadata
    return Edition(meta.id or meta.title, meta.date, meta.title)


# --- threads ------------------------------------------------------------------------------


def build_timeline(trees: Sequence[DocTree], diffs: Iterable[DiffResult]) -> Timeline:
    """Threads of `trees` (in edition order) from the diffs of their consecutive pairs, and
    of pairs further apart when given. Diffs are matched to editions by document id."""
    editions = tuple(edition_of(tree) for tree in trees)
    position = {edition.id: n for n, edition in enumerate(editions)}
    if len(position) < len(editions):
        raise InputError("the same edition is given twice; give each document once")
    by_pair = {(position[d.old.metadata.id], position[d.new.metadata.id]): d for d in diffs}
    missing = [(i, i + 1) for i in range(len(trees) - 1) if (i, i + 1) not in by_pair]
    if missing:
        raise ValueError(f"no diff for consecutive editions {missing}")
    units = [initiative_units(tree) for tree in trees]
    parts = [thread_parts(tree, found) for tree, found in zip(trees, units, strict=True)]
    left = [group_parents(tree, found) | salutations(found) for tree, found in zip(trees, units, strict=True)]
    threads: list[Thread] = []
    for level in LEVELS:
        items = [
            [u.index for u in found if _level_of(u) == level and not is_speech_frame(u) and u.index not in out]
            for found, out in zip(units, left, strict=True)
        ]
        links = {(i, j): _without(links_at(diff, level), left[i], left[j]) for (i, j), diff in by_pair.items()}
        aligned: dict[tuple[int, int], list[Link]] = {}
        if level == GROUP:
            aligned = {(i, j): _without(section_links(diff), left[i], left[j]) for (i, j), diff in by_pair.items()}
        chains = chain_items(items, links, aligned)
        held = Counter(node for chain in chains for node in set(chain.nodes))
        for chain in chains:
            shared = {n for n, node in enumerate(chain.nodes) if held[node] > 1}.union(chain.shared)
            threads.append(_thread(level, chain, trees, units, parts, editions, tuple(sorted(shared))))
    return Timeline(editions, tuple(threads), programme_tracks(trees, editions))


def thread_parts(tree: DocTree, units: Sequence[Unit]) -> list[str]:
    """Each unit's part: its role in the report (`compare.units.unit_roles`), except in the
    closing part, which the differ treats as the part before it (the tasks) but which holds
    no task of the year's work: its threads are shown apart (`CLOSING_PART`)."""
    roles = unit_roles(tree, units)
    return [
        CLOSING_PART if _in_closing(tree, unit.section) else str(role)
        for unit, role in zip(units, roles, strict=True)
    ]


def _in_closing(tree: DocTree, section: int | None) -> bool:
    if section is None:
        return False
    top = tree.sections[section]
    while top.parent is not None:
        top = tree.sections[top.parent]
    return base_kind(top.kind) == CLOSING


def group_parents(tree: DocTree, units: Sequence[Unit]) -> frozenset[int]:
    """The group units whose section holds groups of its own (安徽's task area `四、加强政府自身
    建设` over `（一）坚持政治引领` …): its groups stand for it at the group level, and the area
    threaded as one more group would show the same units twice, under a note that is false."""
    grouped = {u.section for u in units if u.kind == GROUP_KIND}
    return frozenset(
        u.index
        for u in units
        if u.kind == GROUP_KIND and any(s != u.section and is_within(tree, s, u.section) for s in grouped)
    )


def salutations(units: Sequence[Unit]) -> frozenset[int]:
    """The paragraphs that are nothing but the salutation (`各位代表！` opening the closing part):
    speech frame wherever they stand, every edition has them, and no initiative is in them."""
    return frozenset(u.index for u in units if is_salutation(u.text))


def _without(links: Sequence[Link], old: frozenset[int], new: frozenset[int]) -> list[Link]:
    """The links that join no unit left out of the threads."""
    return [link for link in links if link.old not in old and link.new not in new]


def select(timeline: Timeline, levels: Iterable[str]) -> Timeline:
    """The timeline with only the threads of these levels."""
    wanted = set(levels)
    return replace(timeline, threads=tuple(t for t in timeline.threads if t.level in wanted))


def matching(timeline: Timeline, text: str) -> Timeline:
    """The timeline with only the threads that have an item whose heading or text mentions
    `text`, and the programmes whose name does: a reader following one policy (一带一路) over ten
    editions finds its threads among hundreds, whose cells show a dozen characters of a heading.
    Traditional characters and quotation marks do not matter (三網“融合” mentions 三网融合)."""
    wanted = _searchable(text)
    threads = tuple(
        t for t in timeline.threads if any(wanted in _searchable(f"{i.heading}\n{i.text}") for i in t.items)
    )
    programmes = tuple(p for p in timeline.programmes if wanted in _searchable(p.name))
    return replace(timeline, threads=threads, programmes=programmes, focus=text)


def _searchable(text: str) -> str:
    return plain(simplified(text))


def _level_of(unit: Unit) -> ThreadLevel:
    return GROUP if unit.kind == GROUP_KIND else TASK


def links_at(diff: DiffResult, level: ThreadLevel) -> list[Link]:
    """The differ's pairs of initiative units at one level (a group with a group, any other
    unit with any other), best first; a group paired with a paragraph crosses levels and is
    left out."""
    found = [
        _link(item)
        for item in diff.initiatives
        if item.level == Level.UNIT
        and item.old is not None
        and item.new is not None
        and _level_of(item.old) == level
        and _level_of(item.new) == level
        and not is_speech_frame(item.old)
        and not is_speech_frame(item.new)
    ]
    return sorted(found, key=lambda link: -link.probability)


def section_links(diff: DiffResult) -> list[Link]:
    """The differ's one-to-one pairs of sections whose headings are group units: the section
    alignment follows a group by its place among the groups aligned around it, where its
    units, scattered one each over several groups, say nothing."""
    old_group = {u.section: u.index for u in initiative_units(diff.old) if u.kind == GROUP_KIND}
    new_group = {u.section: u.index for u in initiative_units(diff.new) if u.kind == GROUP_KIND}
    found = [
        Link(
            old_group[m.old.index],
            new_group[m.new.index],
            m.similarity,
            status=Status.MOVED if m.status == Status.MOVED else Status.REWORDED,
            confidence=confidence_band(m.similarity),
        )
        for m in diff.sections
        if m.old is not None and m.new is not None and not m.relation
        and m.old.index in old_group and m.new.index in new_group
    ]
    return sorted(found, key=lambda link: -link.probability)


def _link(item: Initiative) -> Link:
    assert item.old is not None and item.new is not None
    return Link(
        item.old.index,
        item.new.index,
        item.similarity,
        Relation(item.relation),
        Status(item.status),
        item.confidence,
    )


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
    that diff was not made, nothing speaks against the step."""
    if link.relation == Relation.SPLIT:
        beyond = _neighbours(graph, b, graph.successor, graph.split_from) | _merged_or_none(graph, b)
        return _paired_across(a, beyond, links, old_side=True)
    if link.relation == Relation.MERGE:
        beyond = _neighbours(graph, a, graph.predecessor, graph.merged_into) | _split_or_none(graph, a)
        return _paired_across(b, beyond, links, old_side=False)
    return True


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


def _thread(
    level: ThreadLevel,
    chain: Chain,
    trees: Sequence[DocTree],
    units: Sequence[Sequence[Unit]],
    parts: Sequence[Sequence[str]],
    editions: Sequence[Edition],
    shared: tuple[int, ...],
) -> Thread:
    """The chain as a thread: its part is that of its first own item, and `shared` names every
    item another thread holds too, whichever of the two holds it through a merge or split."""
    items = tuple(_item(trees[n], units[n][key], editions[n].id) for n, key in chain.nodes)
    present = {n for n, _ in chain.nodes}
    first, last = min(present), max(present)
    gaps = tuple(editions[n].id for n in range(first, last + 1) if n not in present)
    links = tuple(
        ThreadLink(
            step,
            step + 1,
            (editions[pair[0]].id, editions[pair[1]].id),
            link.status,
            link.relation,
            link.probability,
            link.confidence,
            (items[step].edition, items[step + 1].edition),
            tuple(
                f"{editions[n].id}#{trees[n].unit_anchor(units[n][key])}"
                for n, key in ((pair[0], link.old), (pair[1], link.new))
            ),
        )
        for step, (pair, link) in enumerate(chain.evidence)
    )
    own = next(n for n in range(len(chain.nodes)) if n not in chain.shared)
    edition, key = chain.nodes[own]
    part = str(parts[edition][key])
    return Thread(level, items, editions[first].id, editions[last].id, gaps, links, part, shared)


def _item(tree: DocTree, unit: Unit, edition_id: str) -> ThreadItem:
    """A unit as a thread shows it: a group or task by its heading, any other unit by its lead;
    each at the address `diff`, the site and a reviewer note give it, so that a step of a
    thread names the units of the diff's pair (a numbered task: `p<n>` under its heading)."""
    pointer = f"{edition_id}#{tree.unit_anchor(unit)}"
    if unit.kind in (GROUP_KIND, UnitKind.TASK) and unit.section is not None:
        section = tree.sections[unit.section]
        text = unit.text
        if unit.kind == GROUP_KIND:
            text = "\n".join(u.text for u in tree.units if is_within(tree, u.section, section.index))
        return ThreadItem(edition_id, f"{section.label}{section.heading}", text, pointer, unit.kind)
    return ThreadItem(edition_id, lead(unit), unit.text, pointer, unit.kind)


def lead(unit: Unit) -> str:
    """A paragraph's lead sentence as printed (`加快转变政府职能。` without its full stop), else
    its first sentence; after a salutation that opens it (`各位代表！我们要积极支持国防…`), the
    sentence after it, since every speech says the salutation in the same words."""
    if unit.heading:
        return unit.heading
    said = sentences(unit.text)
    if len(said) > 1 and is_salutation(said[0]):
        said = said[1:]
    return (said[0] if said else unit.text).rstrip("。；！？")


# --- programmes ---------------------------------------------------------------------------


def tree_texts(tree: DocTree) -> list[str]:
    """The texts programmes are read from: every heading and unit, as `diff` reads them, in
    simplified characters (compare/script.py), so that an edition printed in traditional
    characters quotes 一带一路 as the others do, not a programme of its own, 一帶一路."""
    return simplified_texts([s.heading for s in tree.sections] + [u.text for u in tree.units])


def edition_programmes(texts: Sequence[Sequence[str]]) -> list[list[str]]:
    """Each edition's programme names, read with the other editions as evidence, as `diff`
    reads an edition with the one it is compared with (`extract_programmes`, `others`): a
    name the series quotes elsewhere as a programme's is one here too, so a view of several
    editions lists for each the names its own diffs call new or recurring, not fewer."""
    return [
        [p.name for p in extract_programmes(text, others=[other for j, other in enumerate(texts) if j != n])]
        for n, text in enumerate(texts)
    ]


def programme_tracks(trees: Sequence[DocTree], editions: Sequence[Edition]) -> tuple[ProgrammeTrack, ...]:
    """Every programme quoted in some edition (`programmes.py` rules, each edition read with
    the others as evidence: `edition_programmes`), with the editions that quote it or mention
    it unquoted (the rule `diff` uses to call a programme recurring)."""
    texts = [tree_texts(tree) for tree in trees]
    quoted = edition_programmes(texts)
    plains = [plain("\n".join(text)) for text in texts]
    tracks = []
    for name in dict.fromkeys(name for names in quoted for name in names):
        presence = tuple(
            QUOTED if name in names else MENTIONED if mentioned(name, text) else ""
            for names, text in zip(quoted, plains, strict=True)
        )
        seen = [n for n, mark in enumerate(presence) if mark]
        gaps = tuple(editions[n].id for n in range(seen[0], seen[-1] + 1) if not presence[n])
        tracks.append(ProgrammeTrack(name, presence, editions[seen[0]].id, editions[seen[-1]].id, gaps))
    return tuple(tracks)
