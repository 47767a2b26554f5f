"""The context of a trace page: each item of a plan with the passages of later reports that
address it, linked to their paragraphs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpusdiff.series import trace as tr
from corpusdiff.series.editions import column_labels
from corpusdiff.site.edition_sets import pointer_url

if TYPE_CHECKING:
    pass

def trace_context(
    result: tr.Trace, paragraphs: dict[str, list[tuple[str, str]]], number: int
) -> dict[str, object]:
    """Plan items in document order, indented by depth, and those no report addresses."""
    labels = column_labels(result.reports)
    label_of = dict(zip((e.id for e in result.reports), labels, strict=True))
    items = [trace_item(item, result, label_of, paragraphs) for item in result.items]
    return {
        "anchor": f"plan-{number}",
        "title": result.plan.title,
        "url": pointer_url(result.plan.id, ""),
        "reports": [
            {"label": label, "url": pointer_url(e.id, ""), "title": e.title}
            for e, label in zip(result.reports, labels, strict=True)
        ],
        "rows": items,
        "unaddressed": [i for i in items if not i["addressed"]],
    }


def trace_item(
    item: tr.PlanItem,
    result: tr.Trace,
    label_of: dict[str, str],
    paragraphs: dict[str, list[tuple[str, str]]],
) -> dict[str, object]:
    """Per report the best score and a link to its passage, or None below the threshold."""
    best_passage: dict[str, tr.Passage] = {}
    for candidate in item.passages:
        best_passage.setdefault(candidate.doc, candidate)
    cells: list[dict[str, object] | None] = []
    for edition, score in zip(result.reports, item.best, strict=True):
        passage = best_passage.get(edition.id)
        cells.append({"score": f"{score:.2f}", "url": passage_url(passage, paragraphs)} if passage else None)
    return {
        "heading": item.heading,
        "path": " › ".join(item.path),
        "depth": min(item.depth, 5),
        "url": pointer_url(item.pointer, ""),
        "addressed": bool(item.passages),
        "cells": cells,
        "passages": [
            {
                "report": label_of[p.doc],
                "path": " › ".join(p.path),
                "sentence": p.sentence,
                "plan_sentence": p.plan_sentence,
                "score": f"{p.score:.2f}",
                "url": passage_url(p, paragraphs),
            }
            for p in item.passages
        ],
    }


def passage_url(passage: tr.Passage, paragraphs: dict[str, list[tuple[str, str]]]) -> str:
    """The paragraph holding the matched sentence when the page has exactly one candidate, else
    the heading of the passage's section."""
    candidates = [anchor for anchor, text in paragraphs.get(passage.doc, []) if passage.sentence in text]
    if len(candidates) > 1:
        candidates = [
            anchor
            for anchor, text in paragraphs[passage.doc]
            if passage.sentence in text and text in passage.text
        ]
    if len(candidates) == 1:
        return pointer_url(f"{passage.doc}#{candidates[0]}", "")
    return pointer_url(passage.pointer, "")
