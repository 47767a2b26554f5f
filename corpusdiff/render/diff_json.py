"""DiffResult -> JSON, the integration point (schema in docs/diff-output.md), and the summary
counts every renderer prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpusdiff.render import table_changes as tables
from corpusdiff.render.diff import (
    SCHEMA_VERSION,
    comparison_rows,
    item_row,
    override_text,
    row_numbers,
    summary,
)
from corpusdiff.strings import catalogue
from corpusdiff.types.diff import (
    DiffResult,
    Status,
)
from corpusdiff.types.document import Metadata
from corpusdiff.types.notes import ReviewerNote
from corpusdiff.types.tree import DocTree, Section, Unit

if TYPE_CHECKING:
    from corpusdiff.render.table import ComparisonTable

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


def _unit_json(tree: DocTree, unit: Unit | None, sentence: str = "") -> dict[str, object] | None:
    if unit is None:
        return None
    return {
        "address": tree.unit_address(unit),
        "kind": unit.kind,
        "section": list(tree.path_of(unit.section)),
        "heading": unit.heading,
        "text": sentence or unit.text,
        "unit": unit.index,
        "paragraph": unit.paragraph,
        **({"unit_heading": unit.heading, "unit_text": unit.text} if sentence else {}),
    }


def to_json(result: DiffResult, notes: Sequence[ReviewerNote] = ()) -> dict[str, object]:
    """The documented JSON report (docs/diff-schema.json), with the reviewer notes on the pair."""
    table = comparison_rows(result)
    rows = row_numbers(table)
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
            "row": item_row(item, rows),
        }
        if item.confidence and item.old is not None and item.new is not None:
            entry["confidence"] = {"probability": item.similarity, "level": item.confidence}
        elif item.confidence:
            entry["call"] = {"level": item.confidence}
        if item.nearest is not None:
            tree = result.new if item.status == Status.DROPPED else result.old
            entry["nearest"] = {**(_unit_json(tree, item.nearest) or {}), "probability": item.nearest_probability}
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
        if item.pinned:
            entry["pinned"] = True
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
        "overrides": [override_text(note, catalogue("en")) for note in result.notes],
        "notes": notes_json(table, notes),
        "sections": sections,
        "initiatives": initiatives,
        "programmes": {
            "recurring": list(result.programmes.recurring),
            "new": list(result.programmes.new),
            "dropped": list(result.programmes.dropped),
        },
        "tables": [tables.change_json(result, change) for change in result.tables],
    }


def notes_json(table: ComparisonTable, notes: Sequence[ReviewerNote]) -> list[dict[str, object]]:
    """The notes as the notes file gives them (unit anchors, text unescaped: JSON is data),
    each with the 新旧对照表 row it is on, or null for a note whose change this diff lacks."""
    if not notes:
        return []
    from corpusdiff.render.notes import place_notes

    placed = place_notes(table, notes)
    row_of = {id(note): number for number, found in placed.rows.items() for note in found}
    return [note_json(note) | {"row": row_of.get(id(note))} for note in notes]


def note_json(note: ReviewerNote) -> dict[str, object]:
    return {"old": note.old, "new": note.new, "significant": note.significant, "note": note.text}
