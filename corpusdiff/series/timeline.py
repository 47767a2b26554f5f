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
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import cast

from corpusdiff.compare.core import compare_job
from corpusdiff.compare.programmes import extract_programmes, mentioned, plain
from corpusdiff.compare.units import GROUP as GROUP_KIND
from corpusdiff.compare.units import initiative_units, is_speech_frame, unit_roles
from corpusdiff.errors import InputError
from corpusdiff.parallel import SERIAL, Runner
from corpusdiff.series.chains import Chain, Link, chain_items
from corpusdiff.structure import is_salutation
from corpusdiff.text.numbering import CLOSING, base_kind
from corpusdiff.text.script import simplified, simplified_texts
from corpusdiff.text.sentences import sentences
from corpusdiff.types.diff import (
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
QUOTED, MENTIONED = "quoted", "mentioned"
#: The part of a thread in a report's closing part (its own `结束语`, or the unheaded block
#: after the last numbered part: defence, Hong Kong, Macao and Taiwan, foreign policy, the
#: final exhortation), which the differ pairs as it pairs the tasks but which sets no task.
CLOSING_PART = "closing"
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
    confidence: str  # high / medium / low (types.diff.Initiative.confidence), or reviewed (pinned)
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
        "reviewed" if item.pinned else item.confidence,  # a reviewer's override decided the pair
    )


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
