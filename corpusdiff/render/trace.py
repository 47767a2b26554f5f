"""Trace -> JSON, terminal grid and Markdown: plan items x reports, best passages, and the plan
items no report addresses (docs/timeline.md, "trace")."""

from __future__ import annotations

from collections.abc import Sequence

from corpusdiff.render.diff import markdown_text
from corpusdiff.render.grid import render_grid, truncate
from corpusdiff.render.timeline import ABSENT, edition_legend
from corpusdiff.series.editions import column_labels
from corpusdiff.series.trace import Passage, PlanItem, Trace
from corpusdiff.strings import Strings, catalogue
from corpusdiff.types.edition import Edition


def to_json(result: Trace) -> dict[str, object]:
    def edition(e: Edition) -> dict[str, str]:
        return {"id": e.id, "title": e.title, "date": e.date}

    return {
        "plan": edition(result.plan),
        "reports": [edition(e) for e in result.reports],
        "threshold": result.threshold,
        "items": [
            {
                "heading": item.heading,
                "kind": item.kind,
                "path": list(item.path),
                "pointer": item.pointer,
                "addressed_by": list(item.addressed_by),
                "best": {e.id: score for e, score in zip(result.reports, item.best, strict=True)},
                "passages": [
                    {
                        "doc": p.doc,
                        "path": list(p.path),
                        "text": p.text,
                        "sentence": p.sentence,
                        "plan_sentence": p.plan_sentence,
                        "score": p.score,
                        "pointer": p.pointer,
                    }
                    for p in item.passages
                ],
            }
            for item in result.items
        ],
        "unaddressed": [" › ".join((*item.path, item.heading)) for item in result.unaddressed()],
    }


def score_cells(item: PlanItem, threshold: float) -> list[str]:
    """Per report: the best cosine when it meets the threshold, — otherwise."""
    return [f"{score:.2f}" if score >= threshold else ABSENT for score in item.best]


def to_terminal(
    result: Trace, passages: bool = False, width: int = 40, strings: Strings | None = None
) -> str:
    strings = strings or catalogue()
    labels = column_labels(result.reports)
    lines = [
        strings("report.trace.of", id=result.plan.id, title=result.plan.title),
        strings("report.trace.in"),
    ]
    lines += edition_legend(labels, result.reports)
    lines += [strings("report.trace.cells", threshold=result.threshold), ""]
    header = [strings("trace.item"), *labels]
    rows = [
        [" " * 2 * item.depth + item.heading, *score_cells(item, result.threshold)] for item in result.items
    ]
    grid = render_grid(header, rows, max_width=width)
    lines.append(grid[0])
    for item, line in zip(result.items, grid[1:], strict=True):
        lines.append(line)
        if passages:
            lines += _passage_lines(item, labels, result.reports, indent=2 * item.depth + 4)
    missing = result.unaddressed()
    lines += ["", strings("report.trace.unaddressed", n=len(missing), plan=len(result.items))]
    lines += [f"  {' › '.join((*item.path, item.heading))}" for item in missing]
    return "\n".join(lines) + "\n"


def _passage_lines(
    item: PlanItem, labels: Sequence[str], reports: Sequence[Edition], indent: int
) -> list[str]:
    label_of = {e.id: label for e, label in zip(reports, labels, strict=True)}
    firsts: dict[str, Passage] = {}
    for passage in item.passages:
        firsts.setdefault(passage.doc, passage)
    return [
        " " * indent
        + f"↳ {label_of[p.doc]} {p.score:.2f} {truncate(' › '.join(p.path), 40)}: {truncate(p.sentence, 60)}"
        for p in firsts.values()
    ]


def to_markdown(result: Trace, strings: Strings | None = None) -> str:
    strings = strings or catalogue()
    labels = column_labels(result.reports)
    lines = [strings("report.trace.title", title=markdown_text(result.plan.title)), ""]
    lines += [strings("report.trace.threshold", threshold=result.threshold), ""]
    lines += [
        f"- **{label}** `{e.id}` {markdown_text(e.title)}" for label, e in zip(labels, result.reports, strict=True)
    ]
    lines += [
        "",
        f"| {strings('trace.item')} | " + " | ".join(labels) + " |",
        "|---" * (len(labels) + 1) + "|",
    ]
    for item in result.items:
        name = "&nbsp;" * 2 * item.depth + markdown_text(item.heading)
        lines.append(f"| {name} | " + " | ".join(score_cells(item, result.threshold)) + " |")
    lines += ["", f"## {strings('report.trace.best')}", ""]
    label_of = {e.id: label for e, label in zip(result.reports, labels, strict=True)}
    for item in (i for i in result.items if i.passages):
        lines.append(f"- **{markdown_text(item.heading)}**")
        lines += [
            f"  - {label_of[p.doc]} ({p.score:.2f}) {markdown_text(' › '.join(p.path))}: {markdown_text(p.sentence)}"
            for p in item.passages
        ]
    missing = result.unaddressed()
    lines += ["", f"## {strings('trace.unaddressed', n=len(missing), plan=len(result.items))}", ""]
    lines += [f"- {markdown_text(' › '.join((*item.path, item.heading)))}" for item in missing]
    return "\n".join(lines) + "\n"


