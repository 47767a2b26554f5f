"""DiffResult -> JSON (the integration point), Markdown (for memos and pull requests) and
terminal text (labels and colour; colour is never the only signal)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import Any

from corpusdiff.types.diff import DiffResult, Initiative, PartSummary, SectionMatch
from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import DocTree, Section, Unit

SCHEMA_VERSION = "2.0"
CLASSES = ("new", "dropped", "reworded", "moved", "recurring")
LABELS = {
    "new": "NEW",
    "dropped": "DROPPED",
    "reworded": "REWORDED",
    "moved": "MOVED",
    "recurring": "SAME",
    "matched": "MATCHED",
    "merge": "MERGED",
    "split": "SPLIT",
}
COLOURS = {
    "new": "green",
    "dropped": "red",
    "reworded": "yellow",
    "moved": "cyan",
    "recurring": None,
    "matched": None,
    "merge": "magenta",
    "split": "magenta",
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


def _section_json(tree: DocTree, section: Section | None) -> dict[str, object] | None:
    if section is None:
        return None
    return {
        "heading": section.heading,
        "label": section.label,
        "path": list(section.path),
        "index": section.index,
    }


def address(tree: DocTree, unit: Unit) -> str:
    """The unit's one address, as the site links it: `<document id>#p<n>` for a paragraph
    (the paragraph numbering of structure.addressed), `#h<n>` for a group heading."""
    if unit.kind == "group" and unit.section is not None:
        return f"{tree.metadata.id}#{tree.anchor(unit.section)}"
    return f"{tree.metadata.id}#p{unit.paragraph}"


def _unit_json(tree: DocTree, unit: Unit | None, sentence: str = "") -> dict[str, object] | None:
    if unit is None:
        return None
    return {
        "address": address(tree, unit),
        "kind": unit.kind,
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
            "part": item.part,
            "old": _unit_json(result.old, old_unit, item.old_sentence),
            "new": _unit_json(result.new, new_unit, item.new_sentence),
        }
        if item.confidence:
            entry["confidence"] = {"probability": item.similarity, "level": item.confidence}
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


def summary(result: DiffResult) -> dict[str, Any]:
    """Counts of initiative units (per part and in all), of changes within continuing units,
    of sections and of programmes."""
    sections = dict.fromkeys(("matched", "moved", "new", "dropped"), 0)
    for match in result.sections:
        sections[match.status] += 1
    within = result.within()
    return {
        "parts": [asdict(part) | {"continuing": part.continuing} for part in result.parts()],
        "initiatives": result.counts(),
        "within": asdict(within),
        "sections": sections,
        "programmes": {k: len(getattr(result.programmes, k)) for k in ("recurring", "new", "dropped")},
    }


def part_line(part: PartSummary) -> str:
    """`tasks 34 → 29: 22 continue (20 reworded, 2 moved), 6 merged into 4, 5 new, 6 dropped`."""
    kinds = [(part.recurring, "recurring"), (part.reworded, "reworded"), (part.moved, "moved")]
    detail = ", ".join(f"{n} {kind}" for n, kind in kinds if n)
    pieces = [f"{part.continuing} continue" + (f" ({detail})" if detail else "")]
    if part.merged:
        pieces.append(f"{part.merged} merged into {part.merged_into}")
    if part.split:
        pieces.append(f"{part.split} split from {part.split_from}")
    pieces += [f"{part.new} new", f"{part.dropped} dropped"]
    return f"{part.part} {part.old_units} → {part.new_units}: " + ", ".join(pieces)


def within_line(result: DiffResult) -> str:
    within = result.within()
    return (
        f"changes within continuing initiatives: {within.sentences_added} sentences added, "
        f"{within.sentences_removed} removed, {within.figures_changed} figures changed"
    )


# --- grouping shared by the text renderers ----------------------------------------------------


def _heading(section: Section | None) -> str:
    return f"{section.label}{section.heading}".strip() if section else "(before the first heading)"


def grouped(
    result: DiffResult, only: Iterable[str] | None = None, focus: str | None = None
) -> list[tuple[SectionMatch | None, list[Initiative]]]:
    """(section match or None, initiatives) in reading order of the new edition."""
    wanted = set(only or CLASSES)
    # looked up with a unit's own section, None for a unit before the first heading
    by_new: dict[int | None, SectionMatch] = {
        m.new.index: m for m in result.sections if m.new is not None and not m.relation
    }
    by_old: dict[int | None, SectionMatch] = {
        m.old.index: m for m in result.sections if m.old is not None and not m.relation
    }
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
    out: list[tuple[SectionMatch | None, list[Initiative]]] = []
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
        "Initiatives, part by part (units; changes inside continuing units are counted apart):",
        "",
        *(f"- {part_line(part)}" for part in result.parts()),
        f"- {within_line(result)}",
        "",
        f"Sections: {counts['sections']['matched']} matched, {counts['sections']['moved']} moved, "
        f"{counts['sections']['new']} new, {counts['sections']['dropped']} dropped. "
        f"Programmes: {counts['programmes']['recurring']} recurring, {counts['programmes']['new']} new, "
        f"{counts['programmes']['dropped']} dropped.",
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
        items = [i for i in result.initiatives if i.status == status and i.level == "unit" and not i.relation]
        if not items:
            continue
        lines += [f"## {title} ({len(items)})", ""]
        for item in items:
            old_text, new_text = _item_text(item)
            text = new_text if status == "new" else old_text
            where = _where(result, item)
            lines.append(f"- {_cell(text)} — *{where}*")
        lines.append("")
    joined = [i for i in result.initiatives if i.level == "unit" and i.relation]
    if joined:
        lines += [f"## Merged and split initiatives ({len(joined)})", ""]
        for item in joined:
            lines.append(f"- {_joined_line(item)}")
        lines.append("")
    inside = [i for i in result.initiatives if i.level == "sentence"]
    if inside:
        lines += [f"## Sentences added or removed inside continuing initiatives ({len(inside)})", ""]
        for item in inside:
            sign, text = ("+", item.new_sentence) if item.status == "new" else ("−", item.old_sentence)
            lines.append(f"- {sign} {_cell(text)} — *in {_cell(_title(item.new or item.old))}*")
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


def _title(unit: Unit | None) -> str:
    """A unit named briefly: its heading or lead, else its first characters."""
    if unit is None:
        return ""
    return unit.heading or (unit.text[:24] + ("…" if len(unit.text) > 24 else ""))


def _joined_line(item: Initiative) -> str:
    """One line for the extra side of a merge or a split, instead of its text twice."""
    if item.relation == "merge":
        return f"{_title(item.old)} — merged into — {_title(item.new)} ({item.confidence})"
    return f"{_title(item.new)} — split from — {_title(item.old)} ({item.confidence})"


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

    def style(text: str, status: str, **extra: bool) -> str:
        colour = COLOURS.get(status)
        return click.style(text, fg=colour, **extra) if color and colour else text

    counts = summary(result)
    old, new = result.old_meta, result.new_meta
    out = [
        style(f"{old.title} ({old.date}) → {new.title} ({new.date})", "matched", bold=True),
        "initiatives, part by part (units):",
        *(f"  {part_line(part)}" for part in result.parts()),
        within_line(result),
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


def _terminal_item(item: Initiative, style: Callable[..., str]) -> list[str]:
    old_text, new_text = _item_text(item)
    if item.level == "sentence":  # a change inside a continuing unit, not an initiative
        if item.status == "new":
            return [f"    {style('+ sentence added:', 'new')} {new_text}"]
        return [f"    {style('- sentence removed:', 'dropped')} {old_text}"]
    if item.relation:
        return [f"{style(f'[{LABELS[item.relation]}]', item.relation, bold=True)} {_joined_line(item)}"]
    label = style(f"[{LABELS[item.status]}]", item.status, bold=True)
    if item.status == "new":
        return [f"{label} {new_text}"]
    if item.status == "dropped":
        return [f"{label} {old_text}"]
    if item.status == "recurring":
        return [f"{label} {(item.new.heading if item.new else '') or new_text[:40]}"]
    text = _inline(item, style("[-{}-]", "dropped"), style("{{+{}+}}", "new")) if item.diff else new_text
    lines = [f"{label} ({item.confidence}) {text}"]
    for figure in item.figures:
        lines.append(f"    figure changed: {figure.old} → {figure.new}")
    return lines
