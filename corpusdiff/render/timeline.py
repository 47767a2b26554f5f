"""Timeline -> terminal grids, Markdown tables and JSON, each thread with its evidence: the
differ's pair behind every step (which diff, class, confidence). See docs/timeline.md."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from corpusdiff.render.diff import markdown_text
from corpusdiff.render.grid import render_grid
from corpusdiff.series.editions import column_labels
from corpusdiff.series.timeline import (
    GROUP,
    MENTIONED,
    QUOTED,
    TASK,
    Thread,
    ThreadLevel,
    ThreadLink,
    Timeline,
)
from corpusdiff.strings import Strings, catalogue
from corpusdiff.structure import split_label
from corpusdiff.text.numbering import heading_marker
from corpusdiff.types.edition import Edition

SAME, ABSENT = "●", "—"
PRESENCE = {QUOTED: "●", MENTIONED: "○", "": ABSENT}
#: The catalogue's names of the thread levels.
LEVEL_TITLES = {GROUP: "timeline.groups", TASK: "timeline.tasks"}


#: A cell width no title reaches: the legend is never cut.
_NEVER_CUT = 10_000


def edition_legend(labels: Sequence[str], editions: Sequence[Edition]) -> list[str]:
    """The editions over a grid, one a line: its column label, id and title, each in a column
    (ids differ in length, and a label may be an id)."""
    rows = [[label, e.id, e.title] for label, e in zip(labels, editions, strict=True)]
    return ["  " + line for line in render_grid(["", "", ""], rows, max_width=_NEVER_CUT)[1:]]


def thread_cells(thread: Thread, editions: Sequence[Edition], restate: bool = False) -> list[str]:
    """Per edition: the heading where it changed, ● where it is the same as before (the heading
    again when `restate`), — where absent."""
    cells, previous = [], None
    for edition in editions:
        item = thread.item_in(edition.id)
        if item is None:
            cells.append(ABSENT)
            continue
        text = split_label(item.heading)[1]
        cells.append(SAME if text == previous and not restate else item.heading)
        previous = text
    return cells


def sections(timeline: Timeline) -> list[tuple[ThreadLevel, str, list[Thread]]]:
    """(level, part, threads) in level order, then in the order the parts first appear."""
    found: dict[tuple[ThreadLevel, str], list[Thread]] = {}
    for level in (GROUP, TASK):
        for thread in (t for t in timeline.threads if t.level == level):
            found.setdefault((level, thread.part), []).append(thread)
    return [(level, part, threads) for (level, part), threads in found.items()]


def link_text(link: ThreadLink, label_of: dict[str, str], strings: Strings) -> str:
    """`2016→2017 merged (low 0.21)`: the step, the class and the confidence of its pair; a
    bridge names the diff that paired it, `2023-10→2025-01 (bridged by 2022-01→2025-01) moved`,
    since the diff of the step's own editions does not have the pair."""
    level = strings(f"report.level.{link.confidence}") + " " if link.confidence else ""
    step = step_text(link, label_of, strings)
    gap = "" if step.endswith("）") else " "  # no space after a full-width bracket
    return f"{step}{gap}{_link_word(link, strings)} ({level}{link.probability:.2f})"


def step_text(link: ThreadLink, label_of: Mapping[str, str], strings: Strings) -> str:
    """`2016→2017`, the step's editions; a bridge's with the diff its pair is from."""
    step = _arrow(link.step or link.diff, label_of)
    return step + strings("report.timeline.bridge", diff=_arrow(link.diff, label_of)) if link.bridge else step


def _arrow(editions: Sequence[str], label_of: Mapping[str, str]) -> str:
    return "→".join(label_of.get(e, e) for e in editions)


def _link_word(link: ThreadLink, strings: Strings) -> str:
    """The step's class: 合并 / merged, 改写 / reworded."""
    return strings.status(link.relation or link.status) if strings.language == "zh" else link.label


def relation_words(threads: Sequence[Thread], strings: Strings) -> dict[str, set[str]]:
    """Per item pointer, the merge and split words of the threads that hold it: a thread that
    shares items with a thread merged into it or split from it is marked like that thread,
    since either read alone hides that the other holds the same items."""
    found: dict[str, set[str]] = {}
    for thread in threads:
        words = {_link_word(link, strings) for link in thread.links if link.relation}
        for item in thread.items:
            found.setdefault(item.pointer, set()).update(words)
    return found


def notes(
    thread: Thread, label_of: dict[str, str], strings: Strings, sharing: Mapping[str, set[str]] | None = None
) -> str:
    """The terminal's last column: gaps, merges and splits (its own, or those of a thread it
    shares items with: `relation_words`), the bridged steps by their editions (the grid shows
    steps only as columns, so `桥接` alone left a reader to guess which), and steps of low
    confidence."""
    parts = []
    if thread.gaps:
        parts.append(strings("timeline.gap", editions=" ".join(label_of[g] for g in thread.gaps)))
    words = {_link_word(link, strings) for link in thread.links if link.relation}
    for position in thread.shared:
        words |= (sharing or {}).get(thread.items[position].pointer, set())
    parts += sorted(words)
    bridged = [_arrow(link.step, label_of) for link in thread.links if link.bridge]
    if bridged:
        parts.append(strings("timeline.bridged", steps=" ".join(bridged)))
    if any(link.confidence == "low" for link in thread.links):
        parts.append(strings("report.level.low"))
    return " · ".join(parts)


def _where(level: ThreadLevel, part: str, strings: Strings) -> str:
    """`上年回顾中的（一）级举措` / `Groups （一）… in Review`."""
    where = strings.part(part) if part else strings("report.timeline.document")
    return strings("report.timeline.where", level=strings(LEVEL_TITLES[level]), part=where)


#: The marker kind of a `（一）` heading, the group the level is named for.
_GROUP_MARKER = "paren"
#: How much of an unnumbered heading the note shows (`关于国内建设`).
_NOTE_HEADING = 8
#: How many such headings the note names per edition.
_NOTE_LABELS = 4


def other_group_headings(threads: Sequence[Thread], editions: Sequence[Edition]) -> dict[str, list[str]]:
    """Per edition id, the labels of its group items that are no `（一）` heading, in edition
    order: a report without （一） groups has its task areas stand as groups (2015's `三、`…`六、`,
    `compare/units.task_areas`), and a reader of `（一）级举措` needs telling why they are there."""
    found: dict[str, set[tuple[bool, int, str]]] = {}
    for item in (item for thread in threads if thread.level == GROUP for item in thread.items):
        marker = heading_marker(item.heading)
        if marker is not None and marker.kind == _GROUP_MARKER:
            continue
        key = (False, marker.ordinal, marker.label.strip()) if marker else (True, 0, item.heading[:_NOTE_HEADING])
        found.setdefault(item.edition, set()).add(key)
    return {e.id: [label for *_, label in sorted(found[e.id])] for e in editions if e.id in found}


def other_groups_note(
    threads: Sequence[Thread], editions: Sequence[Edition], label_of: dict[str, str], strings: Strings
) -> str:
    """`注：2015（三、 四、 五、 六、）没有（一）级标题，…`, or "" when every group is a （一）."""
    found = other_group_headings(threads, editions)
    if not found:
        return ""
    listed = "; ".join(
        f"{label_of.get(edition, edition)} ({' '.join(labels[:_NOTE_LABELS])}{' …' * (len(labels) > _NOTE_LABELS)})"
        for edition, labels in found.items()
    )
    return strings("report.timeline.other_groups", editions=listed)


# --- terminal ----------------------------------------------------------------------------------


def to_terminal(timeline: Timeline, width: int = 26, strings: Strings | None = None, fit: int = 0) -> str:
    """The grids with cells cut to `width` columns, the notes whole; a grid wider than `fit`
    columns (0: never) is folded under its thread numbers (`render.grid.fold`)."""
    strings = strings or catalogue()
    editions = timeline.editions
    labels = column_labels(editions)
    label_of = dict(zip((e.id for e in editions), labels, strict=True))
    lines = [strings("report.timeline.of", n=len(editions))]
    lines += edition_legend(labels, editions)
    lines += [strings("report.timeline.cells"), strings("report.timeline.notes")]
    lines += [strings("report.timeline.focus", text=timeline.focus)] if timeline.focus else []
    lines += [""]
    sharing = relation_words(timeline.threads, strings)
    for level, part, threads in sections(timeline):
        gaps = sum(bool(t.gaps) for t in threads)
        lines.append(
            "== " + strings("timeline.threads", title=_where(level, part, strings), n=len(threads), gaps=gaps)
        )
        note = other_groups_note(threads, editions, label_of, strings)
        lines += [note] if note else []
        rows = [
            [str(n), *thread_cells(t, editions), notes(t, label_of, strings, sharing)]
            for n, t in enumerate(threads, 1)
        ]
        restated = [
            [row[0], *thread_cells(t, editions, restate=True), row[-1]]
            for row, t in zip(rows, threads, strict=True)
        ]
        lines += [*render_grid(
            ["#", *labels, ""], rows, max_width=width, fit=fit, restated=restated, whole_last=True
        ), ""]
    lines += _programme_lines(timeline, labels, strings, fit)
    return "\n".join(lines) + "\n"


def _programme_lines(timeline: Timeline, labels: Sequence[str], strings: Strings, fit: int = 0) -> list[str]:
    shared = [p for p in timeline.programmes if sum(bool(m) for m in p.presence) > 1]
    legend = strings("report.timeline.presence")
    lines = [
        strings("report.timeline.programmes", n=len(timeline.programmes), shared=len(shared), legend=legend)
    ]
    rows = [[p.name, *(PRESENCE[m] for m in p.presence)] for p in shared]
    lines += render_grid([strings("programmes.name"), *labels], rows, fit=fit) if rows else []
    if len(shared) < len(timeline.programmes):
        lines.append(strings("report.timeline.single", n=len(timeline.programmes) - len(shared)))
    return lines


# --- Markdown ----------------------------------------------------------------------------------


def to_markdown(timeline: Timeline, strings: Strings | None = None) -> str:
    strings = strings or catalogue()
    editions = timeline.editions
    labels = column_labels(editions)
    label_of = dict(zip((e.id for e in editions), labels, strict=True))
    lines = [f"# {strings('report.timeline.title')}", ""]
    lines += [f"- **{label}** `{e.id}` {markdown_text(e.title)}" for label, e in zip(labels, editions, strict=True)]
    lines += ["", strings("report.timeline.focus", text=markdown_text(timeline.focus))] if timeline.focus else []
    gaps_title, evidence_title = strings("timeline.gaps"), strings("report.timeline.evidence")
    for level, part, threads in sections(timeline):
        lines += [
            "",
            f"## {_where(level, part, strings)}",
            "",
            *([note, ""] if (note := other_groups_note(threads, editions, label_of, strings)) else []),
            "| # | " + " | ".join(labels) + f" | {gaps_title} | {evidence_title} |",
            "|---" * (len(labels) + 3) + "|",
        ]
        for n, thread in enumerate(threads, 1):
            cells = [markdown_text(found.heading) if (found := thread.item_in(e.id)) else ABSENT for e in editions]
            gaps = ", ".join(label_of[g] for g in thread.gaps)
            evidence = "; ".join(link_text(link, label_of, strings) for link in thread.links)
            lines.append(f"| {n} | " + " | ".join(cells) + f" | {gaps} | {evidence} |")
    lines += ["", f"## {strings('timeline.programmes')}", "", strings("report.timeline.presence"), ""]
    lines += [
        f"| {strings('programmes.name')} | " + " | ".join(labels) + " |",
        "|---" * (len(labels) + 1) + "|",
    ]
    lines += [
        f"| {markdown_text(p.name)} | " + " | ".join(PRESENCE[m] for m in p.presence) + " |"
        for p in timeline.programmes
    ]
    return "\n".join(lines) + "\n"


# --- JSON --------------------------------------------------------------------------------------


def to_json(timeline: Timeline) -> dict[str, object]:
    ids = [e.id for e in timeline.editions]
    return {
        "editions": [{"id": e.id, "title": e.title, "date": e.date} for e in timeline.editions],
        **({"match": timeline.focus} if timeline.focus else {}),
        "threads": [_thread_json(t) for t in timeline.threads],
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


def _thread_json(thread: Thread) -> dict[str, object]:
    return {
        "level": str(thread.level),
        "part": thread.part,
        "first": thread.first,
        "last": thread.last,
        "gaps": list(thread.gaps),
        "items": [
            {"edition": i.edition, "heading": i.heading, "kind": i.kind, "text": i.text, "pointer": i.pointer}
            for i in thread.items
        ],
        "links": [
            {
                "old": link.old,
                "new": link.new,
                "diff": list(link.diff),
                "bridge": link.bridge,
                "pair": list(link.pair),
                "class": link.label,
                "confidence": link.confidence,
                "probability": link.probability,
            }
            for link in thread.links
        ],
        "shared": list(thread.shared),
    }
