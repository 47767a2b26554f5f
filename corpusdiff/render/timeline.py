"""Timeline -> terminal grids, Markdown tables and JSON, each thread with its evidence: the
differ's pair behind every step (which diff, class, confidence). See docs/timeline.md."""

from __future__ import annotations

from collections.abc import Sequence

from corpusdiff.render.grid import render_grid
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
from corpusdiff.structure import split_label
from corpusdiff.types.edition import Edition

SAME, ABSENT = "●", "—"
PRESENCE = {QUOTED: "●", MENTIONED: "○", "": ABSENT}
LEVEL_TITLES = {GROUP: "groups （一）…", TASK: "tasks and paragraphs"}


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


def sections(timeline: Timeline) -> list[tuple[ThreadLevel, str, list[Thread]]]:
    """(level, part, threads) in level order, then in the order the parts first appear."""
    found: dict[tuple[ThreadLevel, str], list[Thread]] = {}
    for level in (GROUP, TASK):
        for thread in (t for t in timeline.threads if t.level == level):
            found.setdefault((level, thread.part), []).append(thread)
    return [(level, part, threads) for (level, part), threads in found.items()]


def link_text(link: ThreadLink, label_of: dict[str, str]) -> str:
    """`2016→2017 merged (low 0.21)`: the diff, the class and the confidence of one step."""
    old, new = (label_of.get(e, e) for e in link.diff)
    confidence = f"{link.confidence} {link.probability:.2f}" if link.confidence else f"{link.probability:.2f}"
    return f"{old}→{new} {link.label} ({confidence})"


def notes(thread: Thread, label_of: dict[str, str]) -> str:
    """The terminal's last column: gaps, merges and splits, and steps of low confidence."""
    parts = []
    if thread.gaps:
        parts.append(" ".join(["gap", *(label_of[g] for g in thread.gaps)]))
    joins = sorted({link.label for link in thread.links if link.relation})
    parts += joins
    if any(link.confidence == "low" for link in thread.links):
        parts.append("low")
    return " · ".join(parts)


# --- terminal ----------------------------------------------------------------------------------


def to_terminal(timeline: Timeline, width: int = 26) -> str:
    editions = timeline.editions
    labels = column_labels(editions)
    label_of = dict(zip((e.id for e in editions), labels, strict=True))
    lines = [f"timeline of {len(editions)} editions"]
    lines += [f"  {label:<10}  {e.id}  {e.title}" for label, e in zip(labels, editions, strict=True)]
    lines += [
        "cells: the heading where it changed · ● same heading as before · — absent",
        "notes: gap (editions skipped) · merged / split (shares an item with another thread) · "
        "low (a step of low confidence; --format json or markdown for the evidence)",
        "",
    ]
    for level, part, threads in sections(timeline):
        lines.append(
            f"== {LEVEL_TITLES[level]} in {part or 'the document'}: {len(threads)} threads, "
            f"{sum(bool(t.gaps) for t in threads)} with gaps"
        )
        rows = [[str(n), *thread_cells(t, editions), notes(t, label_of)] for n, t in enumerate(threads, 1)]
        lines += [*render_grid(["#", *labels, ""], rows, max_width=width), ""]
    lines += _programme_lines(timeline, labels)
    return "\n".join(lines) + "\n"


def _programme_lines(timeline: Timeline, labels: Sequence[str]) -> list[str]:
    shared = [p for p in timeline.programmes if sum(bool(m) for m in p.presence) > 1]
    lines = [
        f"== programmes: {len(timeline.programmes)} quoted names, {len(shared)} in more than one edition "
        "(● quoted · ○ mentioned without quotes · — absent)"
    ]
    rows = [[p.name, *(PRESENCE[m] for m in p.presence)] for p in shared]
    lines += render_grid(["programme", *labels], rows) if rows else []
    if len(shared) < len(timeline.programmes):
        lines.append(
            f"{len(timeline.programmes) - len(shared)} more appear in one edition only (--format json)"
        )
    return lines


# --- Markdown ----------------------------------------------------------------------------------


def to_markdown(timeline: Timeline) -> str:
    editions = timeline.editions
    labels = column_labels(editions)
    label_of = dict(zip((e.id for e in editions), labels, strict=True))
    lines = ["# Timeline", ""]
    lines += [f"- **{label}** `{e.id}` {e.title}" for label, e in zip(labels, editions, strict=True)]
    for level, part, threads in sections(timeline):
        lines += [
            "",
            f"## {LEVEL_TITLES[level].capitalize()} in {part or 'the document'}",
            "",
            "| # | " + " | ".join(labels) + " | gaps | evidence |",
            "|---" * (len(labels) + 3) + "|",
        ]
        for n, thread in enumerate(threads, 1):
            cells = [_md_cell(found.heading) if (found := thread.item_in(e.id)) else ABSENT for e in editions]
            gaps = ", ".join(label_of[g] for g in thread.gaps)
            evidence = "; ".join(link_text(link, label_of) for link in thread.links)
            lines.append(f"| {n} | " + " | ".join(cells) + f" | {gaps} | {evidence} |")
    lines += ["", "## Programmes", "", "● quoted · ○ mentioned without quotes · — absent", ""]
    lines += ["| programme | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    lines += [
        f"| {_md_cell(p.name)} | " + " | ".join(PRESENCE[m] for m in p.presence) + " |"
        for p in timeline.programmes
    ]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


# --- JSON --------------------------------------------------------------------------------------


def to_json(timeline: Timeline) -> dict[str, object]:
    ids = [e.id for e in timeline.editions]
    return {
        "editions": [{"id": e.id, "title": e.title, "date": e.date} for e in timeline.editions],
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
                "class": link.label,
                "confidence": link.confidence,
                "probability": link.probability,
            }
            for link in thread.links
        ],
        "shared": list(thread.shared),
    }
