"""DiffResult -> JSON (the integration point), Markdown (for memos and pull requests) and
terminal text (labels and colour; colour is never the only signal)."""

from __future__ import annotations

from collections.abc import Iterable

from corpusdiff.types.diff import DiffResult, Initiative, SectionMatch
from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import DocTree, Unit

SCHEMA_VERSION = "1.0"
CLASSES = ("new", "dropped", "reworded", "moved", "recurring")
LABELS = {
    "new": "NEW",
    "dropped": "DROPPED",
    "reworded": "REWORDED",
    "moved": "MOVED",
    "recurring": "SAME",
    "matched": "MATCHED",
}
COLOURS = {
    "new": "green",
    "dropped": "red",
    "reworded": "yellow",
    "moved": "cyan",
    "recurring": None,
    "matched": None,
}


# --- JSON -------------------------------------------------------------------------------


def _meta(meta: Metadata) -> dict[str, object]:
    return {
        "id": meta.id,
        "title": meta.title,
        "date": meta.date,
        "genre": meta.genre,
        "series": meta.series,
        "region": meta.region,
        "source_sha256": meta.source.sha256 if meta.source else "",
    }


def _section_json(tree: DocTree, section) -> dict[str, object] | None:
    if section is None:
        return None
    return {
        "heading": section.heading,
        "label": section.label,
        "path": list(section.path),
        "index": section.index,
    }


def _unit_json(tree: DocTree, unit: Unit | None, sentence: str = "") -> dict[str, object] | None:
    if unit is None:
        return None
    return {
        "section": list(tree.path_of(unit.section)),
        "heading": unit.heading,
        "text": sentence or unit.text,
        "unit": unit.index,
        "paragraph": unit.paragraph,
        **({"unit_heading": unit.heading, "unit_text": unit.text} if sentence else {}),
    }


def to_json(result: DiffResult) -> dict[str, object]:
    """The documented JSON report (docs/diff-schema.json)."""
    initiatives = []
    for item in result.initiatives:
        old_unit = item.old if (item.level == "unit" or item.old_sentence) else None
        new_unit = item.new if (item.level == "unit" or item.new_sentence) else None
        entry: dict[str, object] = {
            "status": item.status,
            "level": item.level,
            "old": _unit_json(result.old, old_unit, item.old_sentence),
            "new": _unit_json(result.new, new_unit, item.new_sentence),
            "similarity": item.similarity,
        }
        if item.level == "sentence":
            entry["within"] = {
                "old": _unit_json(result.old, item.old),
                "new": _unit_json(result.new, item.new),
            }
        if item.diff:
            entry["diff"] = [list(pair) for pair in item.diff]
        if item.figures:
            entry["figures"] = [{"old": f.old, "new": f.new} for f in item.figures]
        if item.relation:
            entry["relation"] = item.relation
        if item.anchors:
            entry["anchors"] = list(item.anchors)
        initiatives.append(entry)
    sections = [
        {
            "status": m.status,
            "relation": m.relation or None,
            "pinned": m.pinned,
            "old": _section_json(result.old, m.old),
            "new": _section_json(result.new, m.new),
            "similarity": m.similarity,
        }
        for m in result.sections
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "old": _meta(result.old_meta),
        "new": _meta(result.new_meta),
        "summary": summary(result),
        "overrides": list(result.notes),
        "sections": sections,
        "initiatives": initiatives,
        "programmes": {
            "recurring": list(result.programmes.recurring),
            "new": list(result.programmes.new),
            "dropped": list(result.programmes.dropped),
        },
    }


def summary(result: DiffResult) -> dict[str, dict[str, int]]:
    sections = dict.fromkeys(("matched", "moved", "new", "dropped"), 0)
    for match in result.sections:
        sections[match.status] += 1
    return {
        "sections": sections,
        "initiatives": result.counts(),
        "programmes": {k: len(getattr(result.programmes, k)) for k in ("recurring", "new", "dropped")},
    }


# --- grouping shared by the text renderers ----------------------------------------------------


def _heading(section) -> str:
    return f"{section.label}{section.heading}".strip() if section else "(before the first heading)"


def grouped(result: DiffResult, only: Iterable[str] | None = None, focus: str | None = None):
    """(section match or None, initiatives) in reading order of the new edition."""
    wanted = set(only or CLASSES)
    by_new = {m.new.index: m for m in result.sections if m.new is not None and not m.relation}
    by_old = {m.old.index: m for m in result.sections if m.old is not None and not m.relation}
    groups: dict[int | None, list[Initiative]] = {}
    order: list[SectionMatch | None] = []
    for item in result.initiatives:
        if item.status not in wanted:
            continue
        if (item.new is not None and item.level == "unit") or item.new_sentence:
            match = by_new.get(_own_section(result.new, item.new))
        else:
            match = by_old.get(_own_section(result.old, item.old))
        key = id(match) if match else None
        if key not in groups:
            groups[key] = []
            order.append(match)
        groups[key].append(item)
    out = []
    for match in order:
        if focus and not _matches_focus(match, focus):
            continue
        out.append((match, groups[id(match) if match else None]))
    return out


def _own_section(tree: DocTree, unit: Unit | None) -> int | None:
    if unit is None or unit.section is None:
        return None
    section = tree.sections[unit.section]
    return section.parent if unit.kind == "task" else section.index


def _matches_focus(match: SectionMatch | None, focus: str) -> bool:
    if match is None:
        return False
    return any(focus in _heading(s) or any(focus in p for p in s.path) for s in (match.old, match.new) if s)


def _inline(item: Initiative, deleted: str, inserted: str) -> str:
    parts = []
    for op, text in item.diff:
        if op == "=":
            parts.append(text)
        elif op == "-":
            parts.append(deleted.format(text))
        else:
            parts.append(inserted.format(text))
    return "".join(parts)


def _item_text(item: Initiative) -> tuple[str, str]:
    old = item.old_sentence or (item.old.text if item.old and item.level == "unit" else "")
    new = item.new_sentence or (item.new.text if item.new and item.level == "unit" else "")
    return old, new


# --- Markdown ---------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(result: DiffResult) -> str:
    """A report to paste into a pull request or a memo, with a 新旧对照 table."""
    old, new = result.old_meta, result.new_meta
    counts = summary(result)
    lines = [
        f"# {old.title} → {new.title}",
        "",
        f"Old: `{old.id or old.title}` ({old.date}) · New: `{new.id or new.title}` ({new.date})",
        "",
        "| | new | dropped | reworded | moved | recurring |",
        "|---|---|---|---|---|---|",
        "| initiatives | " + " | ".join(str(counts["initiatives"][k]) for k in CLASSES) + " |",
        f"| sections | {counts['sections']['new']} | {counts['sections']['dropped']} | | "
        f"{counts['sections']['moved']} | {counts['sections']['matched']} |",
        f"| programmes | {counts['programmes']['new']} | {counts['programmes']['dropped']} | | | "
        f"{counts['programmes']['recurring']} |",
        "",
    ]
    for note in result.notes:
        lines.append(f"> Override: {note}")
    if result.notes:
        lines.append("")
    lines += ["## Programmes", ""]
    for kind in ("new", "dropped", "recurring"):
        names = getattr(result.programmes, kind)
        lines.append(f"- **{kind}** ({len(names)}): " + ("、".join(f"“{n}”" for n in names) or "—"))
    lines.append("")
    for status, title in (
        ("new", "New initiatives"),
        ("dropped", "Dropped initiatives"),
        ("moved", "Moved initiatives"),
    ):
        items = [i for i in result.initiatives if i.status == status]
        if not items:
            continue
        lines += [f"## {title} ({len(items)})", ""]
        for item in items:
            old_text, new_text = _item_text(item)
            text = new_text if status == "new" else old_text
            where = _where(result, item)
            lines.append(f"- {_cell(text)} — *{where}*")
        lines.append("")
    reworded = [i for i in result.initiatives if i.status in ("reworded", "moved") and i.diff]
    if reworded:
        lines += [
            f"## 新旧对照: reworded initiatives ({len(reworded)})",
            "",
            "Deleted words are ~~struck through~~, inserted words **bold**.",
            "",
            "| 旧 (old) | 新 (new) |",
            "|---|---|",
        ]
        for item in reworded:
            lines.append(f"| {_cell(_inline(item, '~~{}~~', ''))} | {_cell(_inline(item, '', '**{}**'))} |")
        lines.append("")
    return "\n".join(lines)


def _where(result: DiffResult, item: Initiative) -> str:
    if item.new is not None and ((item.level == "unit" and item.status != "dropped") or item.new_sentence):
        return " › ".join(result.new.path_of(item.new.section)) or "—"
    if item.old is not None:
        return " › ".join(result.old.path_of(item.old.section)) or "—"
    return "—"


# --- terminal ---------------------------------------------------------------------------


def to_terminal(
    result: DiffResult, only: Iterable[str] | None = None, focus: str | None = None, color: bool = True
) -> str:
    """Summary first, then section by section; every item carries a text label."""
    import click

    def style(text: str, status: str, **extra: object) -> str:
        colour = COLOURS.get(status)
        return click.style(text, fg=colour, **extra) if color and colour else text

    counts = summary(result)
    old, new = result.old_meta, result.new_meta
    out = [
        style(f"{old.title} ({old.date}) → {new.title} ({new.date})", "matched", bold=True),
        "initiatives: " + ", ".join(f"{counts['initiatives'][k]} {k}" for k in CLASSES),
        "sections:    " + ", ".join(f"{v} {k}" for k, v in counts["sections"].items()),
        "programmes:  " + ", ".join(f"{v} {k}" for k, v in counts["programmes"].items()),
    ]
    for kind in ("new", "dropped"):
        names = getattr(result.programmes, kind)
        if names:
            out.append(style(f"  {LABELS[kind]} programmes: ", kind) + "、".join(names))
    out.extend(f"override: {note}" for note in result.notes)
    for match, items in grouped(result, only, focus):
        out.append("")
        out.append(style(_section_line(match), "matched", bold=True))
        for item in items:
            out.extend(_terminal_item(item, style))
    return "\n".join(out) + "\n"


def _section_line(match: SectionMatch | None) -> str:
    if match is None:
        return "== (before the first heading)"
    if match.old and match.new:
        same = _heading(match.old) == _heading(match.new)
        tag = "MOVED " if match.status == "moved" else ""
        pin = " [pinned]" if match.pinned else ""
        if same:
            return f"== {tag}{_heading(match.new)}{pin}"
        return f"== {tag}{_heading(match.old)}  ⇒  {_heading(match.new)} ({match.similarity:.2f}){pin}"
    side = match.new or match.old
    return f"== {LABELS[match.status]} SECTION {_heading(side)}"


def _terminal_item(item: Initiative, style) -> list[str]:
    label = style(f"[{LABELS[item.status]}]", item.status, bold=True)
    old_text, new_text = _item_text(item)
    scope = " (sentence)" if item.level == "sentence" else ""
    if item.status == "new":
        return [f"{label}{scope} {new_text}"]
    if item.status == "dropped":
        return [f"{label}{scope} {old_text}"]
    if item.status == "recurring":
        return [f"{label} {(item.new.heading if item.new else '') or new_text[:40]}"]
    text = _inline(item, style("[-{}-]", "dropped"), style("{{+{}+}}", "new")) if item.diff else new_text
    lines = [f"{label} ({item.similarity:.2f}) {text}"]
    for figure in item.figures:
        lines.append(f"    figure changed: {figure.old} → {figure.new}")
    return lines
