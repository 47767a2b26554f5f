"""The items of `corpusdiff review` -> terminal text, Markdown (a pull-request comment) or JSON;
each document's diff is rendered by render.diff."""

from __future__ import annotations

from collections.abc import Sequence

from corpusdiff.render import diff
from corpusdiff.types.review import ReviewItem

#: What a review shows of each diff: the changes, not what recurs unchanged.
SHOWN = ("new", "dropped", "reworded", "moved")


def to_json(items: Sequence[ReviewItem]) -> list[dict[str, object]]:
    """One object per document: id, change, against, and its diff (render.diff.to_json)."""
    return [
        {
            "id": i.doc_id,
            "change": i.change,
            "against": i.against,
            "diff": diff.to_json(i.result) if i.result else None,
        }
        for i in items
    ]


def to_markdown(items: Sequence[ReviewItem]) -> str:
    """A table of the documents and their counts, then each diff one heading level down."""
    lines = [
        "# corpusdiff review",
        "",
        "| document | change | against | new | dropped | reworded | moved |",
        "|---|---|---|---|---|---|---|",
    ]
    for item in items:
        counts = item.result.counts() if item.result else {}
        lines.append(
            f"| `{item.doc_id}` | {item.change} | {item.against or '—'} | "
            + " | ".join(str(counts.get(k, "—")) for k in SHOWN)
            + " |"
        )
    lines.append("")
    for item in items:
        if item.result:
            body = diff.to_markdown(item.result).replace("\n## ", "\n### ").replace("# ", "## ", 1)
            lines += [body, ""]
    return "\n".join(lines) + "\n"


def to_terminal(items: Sequence[ReviewItem]) -> str:
    """Each document's change, then its diff without colour."""
    if not items:
        return "no corpus documents changed in this range\n"
    out = []
    for item in items:
        out.append(
            f"=== {item.doc_id}: {item.change}" + (f" (against {item.against})" if item.against else "")
        )
        if item.result:
            out.append(diff.to_terminal(item.result, only=SHOWN, color=False))
    return "\n".join(out) + "\n"
