"""Several editions -> threads: one per initiative lineage across all of them (docs/timeline.md).

Two steps. `pairwise_diffs` compares editions pair by pair with `compare.compare`; it is the
expensive step and each pair is independent, so callers may run the pairs in a process pool.
`build_timeline` then chains the pairs into threads, a pure function of trees and diffs:

1. consecutive editions: each 1:1 pair of the differ (a `（一）` group with a group, a numbered
   task with a task) links an item to its successor;
2. the extra side of a merge or split the differ reports joins the lineage it merged into or
   split from, so two threads share that item;
3. editions further apart fill what step 1 left open: an item without a successor is linked to
   the start of the chain its distant partner belongs to, when that start has no predecessor
   and comes later than the item. When the link skips an edition (a *gap*), the pair must also
   be alike on content (similarity >= GAP_LINK_SIMILARITY): the absence itself speaks against it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from corpusdiff.compare.core import compare_job
from corpusdiff.compare.programmes import extract_programmes, mentioned, plain
from corpusdiff.errors import InputError
from corpusdiff.parallel import SERIAL, Runner
from corpusdiff.render.grid import render_grid
from corpusdiff.structure import is_within, split_label
from corpusdiff.types.diff import DiffResult, Overrides
from corpusdiff.types.edition import Edition
from corpusdiff.types.tree import DocTree

GROUP, TASK = "group", "task"
LEVELS = (GROUP, TASK)
GROUP_KIND = "paren"  # `（一）` headings
#: A link that skips an edition needs this much content similarity in the distant pair, or
#: this many anchors (words only the pair uses, `compare.task_anchors`) that the skipped
#: editions never use: the initiative's own vocabulary left with it and came back with it.
GAP_LINK_SIMILARITY = 0.3
GAP_LINK_ANCHORS = 2
QUOTED, MENTIONED = "quoted", "mentioned"
SAME, ABSENT = "●", "—"

Node = tuple[int, int]  # (edition index, section index of a group / unit index of a task)


@dataclass(frozen=True)
class ThreadItem:
    edition: str  # edition id
    heading: str  # as in the document, numbering included: `（一）…`, `3.…`
    text: str  # a task's text; for a group, the text of every unit under it, one per line
    pointer: str  # `<edition id>#h<n>`: the heading anchor of the site's document page


@dataclass(frozen=True)
class Thread:
    level: str  # group or task
    items: tuple[ThreadItem, ...]  # in edition order, one per edition where present
    first: str  # edition id
    last: str
    gaps: tuple[str, ...]  # editions between first and last where the lineage is absent

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


@dataclass(frozen=True)
class Link:
    old: int
    new: int
    similarity: float
    extra: bool  # the extra side of a split or merge
    anchors: tuple[str, ...] = ()  # words only these two items use in their two editions


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
    job: Callable[[tuple[DocTree, DocTree, Overrides | None]], DiffResult] = compare_job,
) -> list[DiffResult]:
    """The differ's result for each index pair; the pairs are independent, so `runner` may
    compare them in parallel. `job` makes one comparison (a picklable function: the pure
    `compare_job`, or a caller's cached one such as `store.diffs.cached_compare_job`)."""
    overrides = overrides or {}
    jobs = [(trees[i], trees[j], overrides.get((i, j))) for i, j in pairs]
    return runner.map(job, jobs, done)


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
    threads = []
    for level in LEVELS:
        items = [_items(tree, level) for tree in trees]
        links = {pair: _links(diff, level) for pair, diff in by_pair.items()}
        texts = [
            "\n".join(_item(level, tree, "", key).text for key in keys)
            for tree, keys in zip(trees, items, strict=True)
        ]

        def mentions(edition: int, word: str, texts: list[str] = texts) -> bool:
            return word in texts[edition]

        chains = chain_items(items, links, mentions)
        threads += [_thread(level, chain, trees, editions) for chain in chains]
    return Timeline(editions, tuple(threads), programme_tracks(trees, editions))


def select(timeline: Timeline, levels: Iterable[str]) -> Timeline:
    """The timeline with only the threads of these levels."""
    wanted = set(levels)
    return replace(timeline, threads=tuple(t for t in timeline.threads if t.level in wanted))


def _items(tree: DocTree, level: str) -> list[int]:
    if level == GROUP:
        return [s.index for s in tree.sections if s.kind == GROUP_KIND]
    return [u.index for u in tree.units if u.kind == "task"]


def _links(diff: DiffResult, level: str) -> list[Link]:
    """The differ's pairs at one level, best first."""
    if level == GROUP:
        found = [
            Link(m.old.index, m.new.index, m.similarity, bool(m.relation))
            for m in diff.sections
            if m.old and m.new and m.old.kind == GROUP_KIND and m.new.kind == GROUP_KIND
        ]
    else:
        found = [
            Link(i.old.index, i.new.index, i.similarity, bool(i.relation), i.anchors)
            for i in diff.initiatives
            if i.level == "unit" and i.old and i.new and i.old.kind == "task" and i.new.kind == "task"
        ]
    return sorted(found, key=lambda link: -link.similarity)


def chain_items(
    items: Sequence[Sequence[int]],
    links: Mapping[tuple[int, int], Sequence[Link]],
    mentions: Callable[[int, str], bool] = lambda edition, word: True,
) -> list[list[Node]]:
    """Every item of every edition in exactly one chain of its own (possibly a chain of one),
    extended by the items it shares through a merge or split; chains in order of first item.
    `mentions(edition, word)`: whether an edition's items use a word (for links across a gap)."""
    successor: dict[Node, Node] = {}
    predecessor: dict[Node, Node] = {}

    def join(a: Node, b: Node) -> None:
        successor[a], predecessor[b] = b, a

    consecutive = sorted(pair for pair in links if pair[1] == pair[0] + 1)
    for i, j in consecutive:
        for link in links[(i, j)]:
            a, b = (i, link.old), (j, link.new)
            if not link.extra and a not in successor and b not in predecessor:
                join(a, b)
    merged_into: dict[Node, Node] = {}
    split_from: dict[Node, Node] = {}
    for i, j in consecutive:
        for link in links[(i, j)]:
            a, b = (i, link.old), (j, link.new)
            if a not in successor and b not in predecessor:
                join(a, b)
            elif a not in successor:
                merged_into.setdefault(a, b)
            elif b not in predecessor:
                split_from.setdefault(b, a)

    def bridged(link: Link, first: int, last: int) -> bool:
        """Whether a link may skip the editions between `first` and `last`."""
        if last == first + 1 or link.similarity >= GAP_LINK_SIMILARITY:
            return True
        absent = [w for w in link.anchors if not any(mentions(n, w) for n in range(first + 1, last))]
        return len(absent) >= GAP_LINK_ANCHORS

    distant = sorted((pair for pair in links if pair[1] > pair[0] + 1), key=lambda p: (p[1] - p[0], p))
    for i, j in distant:
        for link in links[(i, j)]:
            a, b = (i, link.old), (j, link.new)
            if a in successor or a in merged_into:
                continue
            start = _chain_start(b, predecessor)
            if not link.extra and start[0] > i and start not in split_from:
                if bridged(link, i, start[0]):
                    join(a, start)
            elif bridged(link, i, j):  # b's lineage is as old as a's: a merged into it
                merged_into.setdefault(a, b)
    chains = []
    for edition, keys in enumerate(items):
        for node in ((edition, key) for key in keys):
            if node not in predecessor:
                chains.append(
                    _extended(_follow(node, successor), predecessor, successor, merged_into, split_from)
                )
    return chains


def _chain_start(node: Node, predecessor: Mapping[Node, Node]) -> Node:
    while node in predecessor:
        node = predecessor[node]
    return node


def _up_to(node: Node, predecessor: Mapping[Node, Node]) -> list[Node]:
    chain = [node]
    while chain[0] in predecessor:
        chain.insert(0, predecessor[chain[0]])
    return chain


def _follow(node: Node, successor: Mapping[Node, Node]) -> list[Node]:
    chain = [node]
    while chain[-1] in successor:
        chain.append(successor[chain[-1]])
    return chain


def _extended(
    chain: list[Node],
    predecessor: Mapping[Node, Node],
    successor: Mapping[Node, Node],
    merged_into: Mapping[Node, Node],
    split_from: Mapping[Node, Node],
) -> list[Node]:
    """A chain with the lineage it split from before it and the one it merged into after it."""
    while chain[0] in split_from:
        chain = _up_to(split_from[chain[0]], predecessor) + chain
    while chain[-1] in merged_into:
        chain = chain + _follow(merged_into[chain[-1]], successor)
    return chain


def _thread(
    level: str, chain: Sequence[Node], trees: Sequence[DocTree], editions: Sequence[Edition]
) -> Thread:
    items = tuple(_item(level, trees[n], editions[n].id, key) for n, key in chain)
    present = {n for n, _ in chain}
    first, last = min(present), max(present)
    gaps = tuple(editions[n].id for n in range(first, last + 1) if n not in present)
    return Thread(level, items, editions[first].id, editions[last].id, gaps)


def _item(level: str, tree: DocTree, edition_id: str, key: int) -> ThreadItem:
    if level == GROUP:
        section = tree.sections[key]
        text = "\n".join(u.text for u in tree.units if is_within(tree, u.section, key))
    else:
        unit = tree.units[key]
        assert unit.section is not None  # a task always lives in a section
        section = tree.sections[unit.section]
        text = unit.text
    return ThreadItem(
        edition_id, f"{section.label}{section.heading}", text, f"{edition_id}#{tree.anchor(section.index)}"
    )


# --- programmes ---------------------------------------------------------------------------


def programme_tracks(trees: Sequence[DocTree], editions: Sequence[Edition]) -> tuple[ProgrammeTrack, ...]:
    """Every programme quoted in some edition (`programmes.py` rules), with the editions that
    quote it or mention it unquoted (the rule `diff` uses to call a programme recurring)."""
    texts = [[s.heading for s in tree.sections] + [u.text for u in tree.units] for tree in trees]
    quoted = [[p.name for p in extract_programmes(text)] for text in texts]
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


# --- output -------------------------------------------------------------------------------


def to_json(timeline: Timeline) -> dict[str, object]:
    ids = [e.id for e in timeline.editions]
    return {
        "editions": [{"id": e.id, "title": e.title, "date": e.date} for e in timeline.editions],
        "threads": [
            {
                "level": t.level,
                "first": t.first,
                "last": t.last,
                "gaps": list(t.gaps),
                "items": [
                    {"edition": i.edition, "heading": i.heading, "text": i.text, "pointer": i.pointer}
                    for i in t.items
                ],
            }
            for t in timeline.threads
        ],
        "programmes": [
            {
                "name": p.name,
                "first": p.first,
                "last": p.last,
                "gaps": list(p.gaps),
                "presence": {edition: mark or None for edition, mark in zip(ids, p.presence, strict=True)},
            }
            for p in timeline.programmes
        ],
    }


def column_labels(editions: Sequence[Edition]) -> list[str]:
    """Dates when they tell the editions apart, ids otherwise."""
    dates = [e.date for e in editions]
    return dates if all(dates) and len(set(dates)) == len(dates) else [e.id for e in editions]


def thread_cells(thread: Thread, editions: Sequence[Edition]) -> list[str]:
    """Per edition: the heading where it changed, ● where it is the same as before, — where absent."""
    cells, previous = [], None
    for edition in editions:
        item = thread.item_in(edition.id)
        if item is None:
            cells.append(ABSENT)
            continue
        text = split_label(item.heading)[1]
        cells.append(SAME if text == previous else item.heading)
        previous = text
    return cells


def to_terminal(timeline: Timeline, width: int = 26) -> str:
    editions = timeline.editions
    labels = column_labels(editions)
    lines = [f"timeline of {len(editions)} editions"]
    lines += [f"  {label:<10}  {e.id}  {e.title}" for label, e in zip(labels, editions, strict=True)]
    lines += ["cells: the heading where it changed · ● same heading as before · — absent", ""]
    for level, title in ((GROUP, "groups （一）…"), (TASK, "tasks N.…")):
        threads = [t for t in timeline.threads if t.level == level]
        if not threads:
            continue
        lines.append(f"== {title}: {len(threads)} threads, {sum(bool(t.gaps) for t in threads)} with gaps")
        label_of = dict(zip((e.id for e in editions), labels, strict=True))
        rows = [
            [
                str(n),
                *thread_cells(t, editions),
                " ".join(["gap", *(label_of[g] for g in t.gaps)]) if t.gaps else "",
            ]
            for n, t in enumerate(threads, 1)
        ]
        lines += [*render_grid(["#", *labels, ""], rows, max_width=width), ""]
    lines += _programme_lines(timeline, labels)
    return "\n".join(lines) + "\n"


def _programme_lines(timeline: Timeline, labels: Sequence[str]) -> list[str]:
    marks = {QUOTED: "●", MENTIONED: "○", "": ABSENT}
    shared = [p for p in timeline.programmes if sum(bool(m) for m in p.presence) > 1]
    lines = [
        f"== programmes: {len(timeline.programmes)} quoted names, {len(shared)} in more than one edition "
        "(● quoted · ○ mentioned without quotes · — absent)"
    ]
    rows = [[p.name, *(marks[m] for m in p.presence)] for p in shared]
    lines += render_grid(["programme", *labels], rows) if rows else []
    if len(shared) < len(timeline.programmes):
        lines.append(
            f"{len(timeline.programmes) - len(shared)} more appear in one edition only (--format json)"
        )
    return lines


def to_markdown(timeline: Timeline) -> str:
    editions = timeline.editions
    labels = column_labels(editions)
    lines = ["# Timeline", ""]
    lines += [f"- **{label}** `{e.id}` {e.title}" for label, e in zip(labels, editions, strict=True)]
    for level, title in ((GROUP, "Groups"), (TASK, "Tasks")):
        threads = [t for t in timeline.threads if t.level == level]
        if not threads:
            continue
        lines += [
            "",
            f"## {title}",
            "",
            "| # | " + " | ".join(labels) + " | gaps |",
            "|---" * (len(labels) + 2) + "|",
        ]
        for n, thread in enumerate(threads, 1):
            cells = [_md_cell(found.heading) if (found := thread.item_in(e.id)) else ABSENT for e in editions]
            lines.append(f"| {n} | " + " | ".join(cells) + f" | {', '.join(thread.gaps)} |")
    marks = {QUOTED: "●", MENTIONED: "○", "": ABSENT}
    lines += ["", "## Programmes", "", "● quoted · ○ mentioned without quotes · — absent", ""]
    lines += ["| programme | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    lines += [
        f"| {_md_cell(p.name)} | " + " | ".join(marks[m] for m in p.presence) + " |"
        for p in timeline.programmes
    ]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")
