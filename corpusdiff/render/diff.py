"""DiffResult -> JSON (the integration point), Markdown (for memos and pull requests) and
terminal text (labels and colour; colour is never the only signal)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from corpusdiff.canonical.markdown import escape_inline
from corpusdiff.render import table_changes as tables
from corpusdiff.render.grid import truncate
from corpusdiff.render.references import inert_references
from corpusdiff.render.wrap import wrap
from corpusdiff.strings import Strings, catalogue, status_labels
from corpusdiff.text.chars import display_width
from corpusdiff.types.diff import (
    RELATION_CLASS,
    DiffResult,
    Initiative,
    Level,
    OverrideNote,
    PartSummary,
    ProgrammeChanges,
    Relation,
    SectionMatch,
    SectionStatus,
    Status,
    TableChange,
)
from corpusdiff.types.document import Level as Tier
from corpusdiff.types.document import Metadata
from corpusdiff.types.notes import ReviewerNote
from corpusdiff.types.tree import CLOSING_HEADING, GROUP, DocTree, Section, Unit, UnitKind, unit_title

if TYPE_CHECKING:
    from corpusdiff.render.table import ComparisonTable, Entry, Span, UnitRow

SCHEMA_VERSION = "2.4"
CLASSES = (Status.NEW, Status.DROPPED, Status.REWORDED, Status.MOVED, Status.RECURRING)
#: Every class a listing can be narrowed to: the statuses, and the extra pairs of merges and splits
#: whatever their status (`--only merged,split`).
SELECTABLE = (*CLASSES, *RELATION_CLASS.values())
#: The statuses that are changes.
CHANGES = CLASSES[:4]
#: What a reviewer and the git diff driver list: the changes, and the extra pairs of merges and
#: splits whatever their status, since a piece split off word for word (recurring) still
#: changes the report's shape, which `diff` shows.
REVIEWED = (*CHANGES, *RELATION_CLASS.values())
#: The English labels of the change classes (the reports take theirs from their catalogue).
LABELS = status_labels("en")
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


def anchor_label(anchor: str) -> str:
    """How an anchor is shown: `¶58` for paragraph `p58` (the site's mark), a group heading's
    `h12` as it is, so that what a reader sees is what a reviewer note names."""
    return f"¶{anchor[1:]}" if anchor.startswith("p") else anchor


#: (side, unit address) -> its 新旧对照表 row number.
RowNumbers = dict[tuple[str, int], int]


def comparison_rows(result: DiffResult) -> ComparisonTable:
    """The 新旧对照表 of `result`: a report builds it once and takes from it both its rows'
    numbers and where its reviewer notes go."""
    from corpusdiff.render.table import comparison_table

    return comparison_table(result)


def row_numbers(table: ComparisonTable) -> RowNumbers:
    """Each unit's row in the 新旧对照表 by (side, unit index), so that a view can name the row
    a reader finds in the Word, Excel and CSV tables and on the site's diff page; by the unit,
    not its address, which the clauses of one target paragraph share (six clauses, rows 14–19,
    were all cited `#19`)."""
    return {
        (side, entry.unit): row.number
        for row in table.unit_rows
        for side, entries in (("old", row.old), ("new", row.new))
        for entry in entries
    }


def _sides(result: DiffResult, item: Initiative) -> list[tuple[str, str]]:
    """(side, address) of the item's units, old first."""
    return [
        (side, tree.unit_address(unit))
        for side, tree, unit in (("old", result.old, item.old), ("new", result.new, item.new))
        if unit is not None
    ]


def item_row(item: Initiative, rows: RowNumbers) -> int | None:
    """The 新旧对照表 row holding the item's units (a row holds all units of its pairs)."""
    keys = [(side, unit.index) for side, unit in (("old", item.old), ("new", item.new)) if unit is not None]
    return next((rows[key] for key in keys if key in rows), None)


def citation(result: DiffResult, item: Initiative, rows: RowNumbers, strings: Strings) -> str:
    """`#80 旧¶58 新¶59`: the item's 新旧对照表 row and its units' addresses, to cite it and to
    find it in the other views (JSON, CSV, the site, a reviewer note)."""
    sides = _sides(result, item)
    return _cite(item_row(item, rows), sides, strings)


def _cite(number: int | None, sides: Iterable[tuple[str, str]], strings: Strings) -> str:
    """`#80 旧¶58 新¶59`: a 新旧对照表 row's number and the addresses of units on either side."""
    at = [strings(f"diff.at_{side}", at=anchor_label(address.rpartition("#")[2])) for side, address in sides]
    return " ".join(([f"#{number}"] if number else []) + at)


def markdown_citation(result: DiffResult, item: Initiative, rows: RowNumbers, strings: Strings) -> str:
    """`citation` in Markdown: `#80` is a row of the 新旧对照表, never issue 80 of the forge the
    report is pasted into (`references`)."""
    return inert_references(citation(result, item, rows, strings))


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


def part_line(part: PartSummary, strings: Strings) -> str:
    """`主要任务 34 → 29：延续 23（改写 21，移动 2），5 项并入 4 项，…，新增 3，删除 6`, or in
    English `Tasks 34 → 29: 23 continue (21 reworded, 2 moved), 5 folded into 4, …`: the old
    count is those continuing, folded in and dropped (34 = 23 + 5 + 6), the new count those
    continuing, split off and new."""
    sep = strings("report.sep")
    kinds = [(part.recurring, Status.RECURRING), (part.reworded, Status.REWORDED), (part.moved, Status.MOVED)]
    detail = sep.join(
        strings("report.of_kind", n=n, kind=_class_word(strings, kind)) for n, kind in kinds if n
    )
    pieces = [
        strings("report.continue", n=part.continuing)
        + (strings("report.detail", detail=detail) if detail else "")
    ]
    if part.merged:
        pieces.append(strings("report.merged", n=part.merged, into=part.merged_into))
    if part.split:
        pieces.append(strings("report.split", n=part.split, source=part.split_from))
    pieces += [strings("report.new", n=part.new), strings("report.dropped", n=part.dropped)]
    return strings(
        "report.part_line",
        part=strings.part(part.part),
        old=part.old_units,
        new=part.new_units,
        pieces=sep.join(pieces),
    )


def _class_word(strings: Strings, status: str) -> str:
    """A class as a word in running text: 改写 / reworded (the labels are NEW, REWORDED…);
    a recurring unit is 未变 within the 延续 it is counted in."""
    if status == Status.RECURRING:
        return strings("report.unchanged")
    return strings.status(status) if strings.language == "zh" else str(status)


def within_line(result: DiffResult, strings: Strings) -> str:
    within = result.within()
    return strings(
        "diff.within",
        added=within.sentences_added,
        removed=within.sentences_removed,
        figures=within.figures_changed,
    )


def counts_lines(result: DiffResult, strings: Strings) -> list[str]:
    """The section, programme and (when any changed) table counts, one line each."""
    counts = summary(result)
    table_line = tables.tables_line(result, strings)
    return [
        strings("diff.sections", **counts["sections"]),
        strings("diff.programmes", **counts["programmes"]),
        *([table_line] if table_line else []),
    ]


# --- grouping shared by the text renderers ----------------------------------------------------


def _heading(section: Section | None) -> str:
    return f"{section.label}{section.heading}".strip() if section else ""


def override_text(note: OverrideNote, strings: Strings) -> str:
    """What an alignment override did, in the reader's language (JSON keeps the English)."""
    return strings(f"diff.override.{note.action}", source=note.source, old=note.old, new=note.new)


def section_name(heading: str, strings: Strings) -> str:
    """A heading as shown: the closing part corpusdiff names for a report that gives it no
    heading (`types.tree.CLOSING_HEADING`) in the reader's language, any other as written."""
    return strings("report.closing_section") if heading == CLOSING_HEADING else heading


def grouped(
    result: DiffResult, only: Iterable[str] | None = None
) -> list[tuple[SectionMatch | None, list[Initiative]]]:
    """(section match or None, initiatives) in reading order of the new edition; narrowed to
    the classes `only`, the sentences added or removed inside a unit go with their unit."""
    wanted = set(only or CLASSES)
    units = {_unit_key(i) for i in result.initiatives if i.level == Level.UNIT and is_selected(i, wanted)}
    home = _home_finder(result)
    groups: dict[int | None, list[Initiative]] = {}
    order: list[SectionMatch | None] = []
    for item in result.initiatives:
        if not (is_selected(item, wanted) if item.level == Level.UNIT else _unit_key(item) in units):
            continue
        match = home(item)
        key = id(match) if match else None
        if key not in groups:
            groups[key] = []
            order.append(match)
        groups[key].append(item)
    return [(match, groups[id(match) if match else None]) for match in order]


def _unit_key(item: Initiative) -> tuple[int | None, int | None]:
    """The indexes of the pair of units an initiative is, or a sentence change is inside: a
    sentence added inside a reworded unit is no new initiative (`--only new` listed every one
    of them, national 2021 → 2022: 599 lines, under no unit)."""
    return (item.old.index if item.old else None, item.new.index if item.new else None)


def is_selected(item: Initiative, wanted: Collection[str]) -> bool:
    """Whether a listing narrowed to the classes `wanted` shows `item`: by its status, or as the
    extra pair of a merge or a split by that name."""
    return item.status in wanted or RELATION_CLASS.get(item.relation, "") in wanted


def with_tables(
    result: DiffResult, only: Iterable[str] | None = None
) -> list[tuple[SectionMatch | None, list[Initiative], list[TableChange]]]:
    """`grouped`, each section with the table changes under it: a section with only table
    changes comes before the first listed section that follows it in the new edition."""
    wanted = set(only or CLASSES)
    groups: list[tuple[SectionMatch | None, list[Initiative], list[TableChange]]] = [
        (match, items, []) for match, items in grouped(result, only)
    ]
    listed: dict[int, list[TableChange]] = {id(m): changes for m, _, changes in groups if m}
    home = _table_home(result)
    for change in (c for c in result.tables if c.status in wanted):
        match = home(change)
        if match is not None and id(match) in listed:
            listed[id(match)].append(change)
            continue
        at = _table_place(groups, change)
        groups.insert(at, (match, [], [change]))
        if match is not None:
            listed[id(match)] = groups[at][2]
    return groups


def _table_home(result: DiffResult) -> Callable[[TableChange], SectionMatch | None]:
    """The section match a table change is listed under: its new table's section, else its old one's."""
    by_new = {m.new.index: m for m in result.sections if m.new is not None and not m.relation}
    by_old = {m.old.index: m for m in result.sections if m.old is not None and not m.relation}

    def home(change: TableChange) -> SectionMatch | None:
        if change.new is not None:
            return by_new.get(change.new.section) if change.new.section is not None else None
        assert change.old is not None
        return by_old.get(change.old.section) if change.old.section is not None else None

    return home


def _table_place(
    groups: Sequence[tuple[SectionMatch | None, list[Initiative], list[TableChange]]], change: TableChange
) -> int:
    """Where a section listed only for its table goes: before the first group whose section
    comes after the table's, in the new edition where the table is there, else the old one."""
    side, table = ("new", change.new) if change.new is not None else ("old", change.old)
    position = -1 if table is None or table.section is None else table.section
    for at, (match, _, _) in enumerate(groups):
        section = getattr(match, side) if match is not None else None
        if section is not None and section.index > position:
            return at
    return len(groups)


def _home_finder(result: DiffResult) -> Callable[[Initiative], SectionMatch | None]:
    """The section match an item is listed under: its new unit's (a task: its group's), else
    its old unit's — for a sentence, the unit it is in, so it follows that unit's line; None
    before the first heading. A section that is the extra side of a merge or split is listed
    under that match, so its items never fall to the part before the first heading."""
    by_new = _matches_by_section(result.sections, "new")
    by_old = _matches_by_section(result.sections, "old")

    def home(item: Initiative) -> SectionMatch | None:
        if item.new is not None:
            return by_new.get(_own_section(result.new, item.new))
        return by_old.get(_own_section(result.old, item.old))

    return home


def _matches_by_section(matches: Sequence[SectionMatch], side: str) -> dict[int | None, SectionMatch]:
    """Each section of one side with its match: the plain one, else the merge or split it is
    the extra side of."""
    found: dict[int | None, SectionMatch] = {}
    for match in sorted(matches, key=lambda m: bool(m.relation)):
        section = getattr(match, side)
        if section is not None:
            found.setdefault(section.index, match)
    return found


def _own_section(tree: DocTree, unit: Unit | None) -> int | None:
    if unit is None or unit.section is None:
        return None
    section = tree.sections[unit.section]
    return section.parent if unit.kind == "task" else section.index


# --- one part of the report ---------------------------------------------------------------


def in_sections(result: DiffResult, text: str) -> DiffResult | None:
    """The diff cut down to the sections whose heading (numbering included) or an ancestor's
    heading contains `text`, in either edition: the units they hold with the changes inside
    them, the sections that hold those units (their ancestors included, so a part's heading
    still pairs across editions), and the programmes named in the units. Every view then
    counts and lists only that part, summary included. None when no heading of either
    edition contains `text`."""
    old_hit, new_hit = _sections_under(result.old, text), _sections_under(result.new, text)
    if not old_hit and not new_hit:
        return None

    def inside(unit: Unit | None, hit: set[int]) -> bool:
        return unit is not None and unit.section in hit

    initiatives = tuple(
        item for item in result.initiatives if inside(item.old, old_hit) or inside(item.new, new_hit)
    )
    home = _home_finder(result)
    listed = {id(match) for match in map(home, initiatives) if match}
    old_held = old_hit | _holding(result.old, (i.old for i in initiatives))
    new_held = new_hit | _holding(result.new, (i.new for i in initiatives))
    sections = tuple(
        m
        for m in result.sections
        if id(m) in listed
        or (m.old is not None and m.old.index in old_held)
        or (m.new is not None and m.new.index in new_held)
    )
    old_text = {i.old.index: i.old.text for i in initiatives if inside(i.old, old_hit) and i.old}
    new_text = {i.new.index: i.new.text for i in initiatives if inside(i.new, new_hit) and i.new}
    programmes = _programmes_in(result.programmes, "\n".join(old_text.values()), "\n".join(new_text.values()))
    changes = tuple(
        c
        for c in result.tables
        if (c.old is not None and c.old.section in old_hit)
        or (c.new is not None and c.new.section in new_hit)
    )
    return replace(
        result, sections=sections, initiatives=initiatives, programmes=programmes, tables=changes, scope=text
    )


def _holding(tree: DocTree, units: Iterable[Unit | None]) -> set[int]:
    """The sections that hold the units, up to the top-level part."""
    held: set[int] = set()
    for unit in units:
        section = unit.section if unit is not None else None
        while section is not None and section not in held:
            held.add(section)
            section = tree.sections[section].parent
    return held


def _sections_under(tree: DocTree, text: str) -> set[int]:
    """The sections whose own heading or an ancestor's contains `text` (parents come first)."""
    hit: set[int] = set()
    for section in tree.sections:
        if text in _heading(section) or section.parent in hit:
            hit.add(section.index)
    return hit


def _programmes_in(programmes: ProgrammeChanges, old_text: str, new_text: str) -> ProgrammeChanges:
    """The programmes a part names: dropped ones in its old text, new ones in its new text."""
    from corpusdiff.compare.programmes import mentioned, plain

    old_plain, new_plain = plain(old_text), plain(new_text)
    return ProgrammeChanges(
        recurring=tuple(
            n for n in programmes.recurring if mentioned(n, old_plain) or mentioned(n, new_plain)
        ),
        new=tuple(n for n in programmes.new if mentioned(n, new_plain)),
        dropped=tuple(n for n in programmes.dropped if mentioned(n, old_plain)),
    )


def _inline(item: Initiative, deleted: str, inserted: str, escape: Callable[[str], str] = str) -> str:
    """The word diff with its deleted and inserted runs in their marks, the text `escape`d; a
    group heading's without the full stop compare adds for matching (`_shown`)."""
    parts = []
    for op, text in _printed(item):
        if op == "=":
            parts.append(escape(text))
        elif op == "-":
            parts.append(deleted.format(escape(text)))
        else:
            parts.append(inserted.format(escape(text)))
    return "".join(parts)


def _printed(item: Initiative) -> tuple[tuple[str, str], ...]:
    """`item.diff`, less the full stop that ends both sides of a group heading's pair: the
    report prints none (`（四）全面强化全域治理`)."""
    grouped = any(unit is not None and unit.kind == GROUP for unit in (item.old, item.new))
    if not grouped or not item.diff or item.diff[-1][0] != "=" or not item.diff[-1][1].endswith("。"):
        return item.diff
    kept = item.diff[-1][1][:-1]
    return (*item.diff[:-1], *((("=", kept),) if kept else ()))


def _item_text(item: Initiative, result: DiffResult) -> tuple[str, str]:
    old = item.old_sentence or (_shown(result.old, item.old) if item.old and item.level == "unit" else "")
    new = item.new_sentence or (_shown(result.new, item.new) if item.new and item.level == "unit" else "")
    return old, new


def _shown(tree: DocTree, unit: Unit) -> str:
    """A unit's text as the report prints it: a group heading's with its numbering and without
    the full stop compare adds for matching (`（一）高质量发展稳步推进`, listed as
    `高质量发展稳步推进。`, a stop the report does not have)."""
    if unit.kind == GROUP and unit.section is not None:
        return tree.sections[unit.section].label + unit.heading
    return unit.text


# --- Markdown ---------------------------------------------------------------------------


def markdown_text(text: str) -> str:
    """Report text as Markdown that shows it and nothing else, on one line (also in a table
    cell): the dialect's own escapes (rule 14: no HTML, no `<!--` hiding the rest of a pull
    request's comment, no link, image or emphasis), `~`, which GitHub reads as a
    strikethrough (`5%~6%`), and no `@name` mention nor `#12` reference (`references`)."""
    return inert_references(escape_inline(text).replace("~", "\\~").replace("\n", " "))


def edition_name(meta: Metadata) -> str:
    """The title with the region before it when the title does not name it: every province's
    and city's report is titled 政府工作报告, so `湖南省政府工作报告` tells the reader whose it is."""
    if not meta.region or meta.level == Tier.NATIONAL or meta.region in meta.title:
        return meta.title
    return meta.region + meta.title


def editions_line(result: DiffResult, strings: Strings) -> str:
    """`湖南省政府工作报告（2023年1月16日）→ 湖南省政府工作报告（2024年1月22日）`: the names and
    dates that tell the two editions apart."""
    old, new = result.old_meta, result.new_meta
    return strings(
        "report.editions",
        old=edition_name(old),
        old_date=strings.date(old.date),
        new=edition_name(new),
        new_date=strings.date(new.date),
    )


#: GitHub's limit on a pull request's body or a comment, in characters: where the Markdown
#: report is pasted (`--max-chars`).
PULL_REQUEST_LIMIT = 65_536
#: A heading below the title: the sections a cut report names as left out.
_SUBHEADING = re.compile(r"#{2,} ")


def to_markdown(
    result: DiffResult,
    notes: Sequence[ReviewerNote] = (),
    strings: Strings | None = None,
    *,
    summary: bool = False,
) -> str:
    """A report to paste into a pull request or a memo, with a 新旧对照 table; the reviewer
    notes on its changes (escaped) after the counts; labels in the language of `strings`.
    `summary`: without the sentences added or removed inside continuing units and the
    新旧对照 table, which make a national pair's report several times a comment's limit; it
    says how many it left out."""
    strings = strings or catalogue()
    table = comparison_rows(result)
    rows = row_numbers(table)
    lines = _markdown_head(result, strings)
    if notes:
        from corpusdiff.render.notes import markdown_lines

        lines += markdown_lines(table, notes, strings=strings)
    lines += _markdown_programmes(result, strings)
    for status in (Status.NEW, Status.DROPPED, Status.MOVED):
        items = [i for i in result.initiatives if i.status == status and i.level == "unit" and not i.relation]
        if not items:
            continue
        lines += [f"## {initiatives_title(strings, status, len(items))}", ""]
        for item in items:
            old_text, new_text = _item_text(item, result)
            text = new_text if status == Status.NEW else old_text
            cited = markdown_citation(result, item, rows, strings)
            where = _then(f"*{markdown_text(_where(result, item))}*", markdown_text(doubt(item, strings)))
            lines.append(f"- {cited} {markdown_text(text)} — {where}")
        lines.append("")
    lines += _markdown_figures(result, rows, strings)
    lines += _markdown_tables(result, strings)
    lines += _markdown_joined(result, table, rows, strings)
    inside = [i for i in result.initiatives if i.level == "sentence"]
    changed = _changed_rows(table)
    if summary:
        if inside or changed:
            lines += [strings("report.md.left_out", sentences=len(inside), rows=len(changed)), ""]
        return "\n".join(lines)
    marks = [markdown_citation(result, item, rows, strings).split(" ")[0] for item in inside]
    return "\n".join(lines + _markdown_inside(inside, marks, strings) + _markdown_redline(changed, strings))


def joined_rows(result: DiffResult, rows: RowNumbers) -> dict[int | None, list[Initiative]]:
    """The extra pairs of the merges and splits by the 新旧对照表 row that holds them, in the
    report's order: one entry per row, as the table, the Markdown report and the site list them."""
    by_row: dict[int | None, list[Initiative]] = {}
    for item in (i for i in result.initiatives if i.level == Level.UNIT and i.relation):
        by_row.setdefault(item_row(item, rows), []).append(item)
    return by_row


def _markdown_joined(
    result: DiffResult, table: ComparisonTable, rows: RowNumbers, strings: Strings
) -> list[str]:
    """The merges and splits, one entry per 新旧对照表 row as the table, the site and the
    新旧对照 lines show them: its number and all its units (`#107 旧¶75 旧¶76 旧¶78 新¶80`), its
    classes, then what each of its extra pairs joins (`完善文体设施 — 并入 — 优化文体服务体系`).
    One line per extra pair named a row of three units twice, and said 19 where the table said 14."""
    by_row = joined_rows(result, rows)
    if not by_row:
        return []
    numbered = {row.number: row for row in table.unit_rows}
    lines = [f"## {strings('report.md.joined', n=len(by_row))}", ""]
    for number, items in by_row.items():
        row = numbered.get(number) if number is not None else None
        cited = inert_references(_row_citation(row, strings)) if row else markdown_citation(result, items[0], rows, strings)
        label = row.label(strings) if row else strings.status(items[0].relation)
        joins = strings("report.md.joined_sep").join(markdown_text(joined_line(i, strings)) for i in items)
        lines.append(f"- {cited} {strings.labelled(label, joins)}")
    return [*lines, ""]


def _markdown_head(result: DiffResult, strings: Strings) -> list[str]:
    """The title, the two editions, the scope, the counts and the section overrides."""
    old, new = result.old_meta, result.new_meta
    lines = [
        f"# {markdown_text(editions_line(result, strings))}",
        "",
        strings(
            "report.md.sides",
            old=markdown_text(old.id or old.title),
            old_date=strings.date(old.date),
            new=markdown_text(new.id or new.title),
            new_date=strings.date(new.date),
        ),
        "",
        *([strings("report.scope", text=markdown_text(result.scope)), ""] if result.scope else []),
        strings("report.md.parts"),
        "",
        *(f"- {part_line(part, strings)}" for part in result.parts()),
        f"- {within_line(result, strings)}",
        "",
        " ".join(counts_lines(result, strings)),
        "",
    ]
    lines += [f"> {strings('diff.override')}{markdown_text(override_text(note, strings))}" for note in result.notes]
    return lines + ([""] if result.notes else [])


def _markdown_programmes(result: DiffResult, strings: Strings) -> list[str]:
    lines = [f"## {strings('report.md.programmes')}", ""]
    for kind, names in _programme_lists(result.programmes, (Status.NEW, Status.DROPPED, Status.RECURRING)):
        lines.append(
            f"- {strings.labelled(_programmes_label(strings, kind, len(names)), markdown_text(quoted_names(names)) or '—')}"
        )
    return [*lines, ""]


def changed_figures(result: DiffResult) -> list[Initiative]:
    """The continuing units whose figures changed, in the report's order: the list the Markdown
    report and the site's summary give, whose figures are those the summary line counts."""
    return [i for i in result.initiatives if i.level == Level.UNIT and i.figures]


#: A unit's closing mark, left off before a colon: `——地区生产总值5949亿元；：2731亿元 → …` read twice stopped.
_CLOSING_MARKS = "；;，,。：:"


def _markdown_figures(result: DiffResult, rows: RowNumbers, strings: Strings) -> list[str]:
    """`## 数字变化（n）`: every changed figure of a continuing unit, with the unit's row and
    addresses: the changes an analyst quotes first, kept in the summary."""
    items = changed_figures(result)
    if not items:
        return []
    lines = [f"## {strings('report.md.figures', n=sum(len(i.figures) for i in items))}", ""]
    for item in items:
        changes = markdown_text("；".join(figure.shown() for figure in item.figures))
        title = markdown_text(unit_title(item.new or item.old).rstrip(_CLOSING_MARKS))
        lines.append(f"- {markdown_citation(result, item, rows, strings)} {strings.labelled(title, changes)}")
    return [*lines, ""]


def _markdown_inside(inside: Sequence[Initiative], rows: Sequence[str], strings: Strings) -> list[str]:
    """Each sentence added or removed, with the row of the unit it is in (`rows`: `#12`)."""
    if not inside:
        return []
    lines = [f"## {strings('report.md.inside', n=len(inside))}", ""]
    for item, row in zip(inside, rows, strict=True):
        sign, text = ("+", item.new_sentence) if item.status == Status.NEW else ("−", item.old_sentence)
        where = strings("report.md.in", title=markdown_text(unit_title(item.new or item.old)))
        lines.append(f"- {sign} {markdown_text(text)} — *{where}* {row}")
    return [*lines, ""]


def _changed_rows(table: ComparisonTable) -> list[UnitRow]:
    """The 新旧对照表's rows of units that continue changed: reworded, moved, merged, split."""
    from corpusdiff.render.table import Change

    return [row for row in table.unit_rows if row.old and row.new and row.changes != (Change.CONTINUED,)]


def _markdown_redline(rows: Sequence[UnitRow], strings: Strings) -> list[str]:
    """The 新旧对照 of the rows that continue changed, one line per 新旧对照表 row: its number and
    addresses (`#80 旧¶58 新¶59`), its class, and its units marked as the table marks them, so
    that a merge or a split is one line naming all its units, its shared unit written once."""
    if not rows:
        return []
    lines = [
        f"## {_redline_heading(rows, strings)}",
        "",
        strings("report.md.marks"),
        "",
        strings("report.md.columns"),
        "|---|---|---|---|",
    ]
    for row in rows:
        old, new = _markdown_cell(row.old), _markdown_cell(row.new)
        lines.append(f"| {inert_references(_row_citation(row, strings))} | {row.label(strings)} | {old} | {new} |")
    return [*lines, ""]


def _row_citation(row: UnitRow, strings: Strings) -> str:
    """`#28 旧¶17 新h5 新¶26`: a row's number and the addresses of all its units, in its cells' order."""
    sides = [("old", entry.address) for entry in row.old] + [("new", entry.address) for entry in row.new]
    return _cite(row.number, sides, strings)


#: How a cell marks its stretches. A word joiner (invisible) stands inside each delimiter: in
#: CommonMark, as GitHub and GitLab read it, `~~` or `**` between a letter and punctuation
#: (`增长~~，~~`, `工作**：**`) neither opens nor closes, and the reader saw the marks; next to
#: the joiner, which is neither punctuation nor space, every delimiter does. By `table.Mark`'s
#: values (deleted, inserted, kept).
_CELL_MARKS = {"-": "~~\u2060{}\u2060~~", "+": "**\u2060{}\u2060**", "=": "{}"}


def _markdown_cell(entries: Sequence[Entry]) -> str:
    """A cell's units, one per line (`<br>`), deleted words ~~struck~~ and inserted ones **bold**."""
    return "<br>".join(
        markdown_text(entry.label)
        + "".join(_CELL_MARKS[s.mark].format(markdown_text(s.text)) for s in _stretches_joined(entry.spans))
        for entry in entries
    )


def _stretches_joined(spans: Sequence[Span]) -> list[Span]:
    """The spans with stretches of one mark that meet written as one: the kept ones either side
    of what only the other side has (its insertion is not in this cell), and marked ones a
    partner's diff cut in two. So what a forge would read in the text they make is seen whole
    (`123` and `4567` are `1234567`), and two bold stretches are no `****`, which CommonMark
    shows as it is."""
    from corpusdiff.render.table import Span

    joined: list[Span] = []
    for span in spans:
        if joined and span.mark is joined[-1].mark:
            joined[-1] = Span(joined[-1].text + span.text, span.mark)
        else:
            joined.append(span)
    return joined


def within_limit(report: str, limit: int, strings: Strings | None = None) -> str:
    """The Markdown `report` cut to at most `limit` characters at a line, ending with a line
    that says how many lines and which `##` sections were left out, so that a report pasted
    into a pull request is never silently cut by the site; `report` itself when it fits."""
    if len(report) <= limit:
        return report
    strings = strings or catalogue()
    lines = report.rstrip("\n").split("\n")
    kept: list[str] = []
    size = 0
    for line in lines:
        room = limit - len(_cut_note(lines, len(kept), strings))
        if size + len(line) + 1 > room:
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join([*kept, _cut_note(lines, len(kept), strings)]) + "\n"


def _cut_note(lines: Sequence[str], kept: int, strings: Strings) -> str:
    """`> 报告在此截断…：略去其后 n 行，涉及各节：…`: what a Markdown report cut after its
    first `kept` lines left out, naming the section the cut falls in and those after it."""
    headings = [n for n, line in enumerate(lines) if _SUBHEADING.match(line)]
    cut_in = [n for n in headings if n < kept][-1:] if kept < len(lines) and kept not in headings else []
    sections = [lines[n].lstrip("#").strip() for n in cut_in + [n for n in headings if n >= kept]]
    left = len(lines) - kept
    return "\n> " + strings("report.md.cut", lines=left, sections="；".join(sections) or "—")


def _sign_as_text(line: str) -> str:
    """A row line's `+ `/`- ` sign escaped: unescaped, Markdown reads it as a nested list's
    bullet and shows an empty bullet with the sign gone."""
    return "\\" + line if line.startswith(("+", "-")) else line


def _redline_heading(rows: Sequence[UnitRow], strings: Strings) -> str:
    """The table's count of rows with the merges and splits named apart, since the summary's
    改写 and 移动 leave those out and a bare total would contradict it."""
    joined = sum(1 for row in rows if len(row.old) > 1 or len(row.new) > 1)
    if joined:
        return strings("report.md.reworded_joined", n=len(rows), joined=joined)
    return strings("report.md.reworded", n=len(rows))


def _markdown_tables(result: DiffResult, strings: Strings) -> list[str]:
    """`## 表格的变化（n）`: each table change with where it is, its rows and cells below it."""
    if not result.tables:
        return []
    lines = [f"## {strings('report.md.tables', n=len(result.tables))}", ""]
    for change in result.tables:
        tree, table = (result.new, change.new) if change.new is not None else (result.old, change.old)
        where = " › ".join(tree.path_of(table.section if table else None)) or "—"
        heading = tables.heading_line(change, strings)
        lines.append(f"- **{strings.status(change.status)}** {markdown_text(heading)} — *{markdown_text(where)}*")
        details = tables.detail_lines(change, tables.unstyled, strings)
        lines += [f"  - {_sign_as_text(markdown_text(line))}" for line in details]
    return [*lines, ""]


def _programme_lists(
    programmes: ProgrammeChanges, kinds: Sequence[Status]
) -> list[tuple[Status, Sequence[str]]]:
    return [(kind, getattr(programmes, kind)) for kind in kinds]


def _programmes_label(strings: Strings, kind: Status, n: int) -> str:
    key = {Status.NEW: "diff.new_programmes", Status.DROPPED: "diff.dropped_programmes"}
    return strings(key.get(kind, "report.recurring_programmes"), n=n)


def initiatives_title(
    strings: Strings, status: Status, n: int, doubtful: int = 0, left_out: bool = False
) -> str:
    """`新增条目（17）` / `NEW initiatives (17)`; with the doubtful calls counted when there are any,
    as marked among the `n` or, `left_out`, as left out of them."""
    if doubtful:
        key = "report.initiatives_sure" if left_out else "report.initiatives_doubtful"
        return strings(key, status=strings.status(status), n=n, low=doubtful)
    return strings("report.initiatives", status=strings.status(status), n=n)


def joined_line(item: Initiative, strings: Strings) -> str:
    """One line for the extra side of a merge or a split, instead of its text twice."""
    key = "report.merged_into" if item.relation == Relation.MERGE else "report.split_from"
    return strings(key, old=unit_title(item.old), new=unit_title(item.new), confidence=_confidence(item, strings))


def _confidence(item: Initiative, strings: Strings) -> str:
    """`（把握高）` / `(high)`; "" for an item the matcher gave none."""
    if not item.confidence:
        return ""
    return strings("report.confidence", level=strings(f"report.level.{item.confidence}"))


def is_doubtful(item: Initiative) -> bool:
    """A call of new or dropped that the differ doubts: a unit of the other edition may
    continue it (compare.core names it as the call's `nearest`)."""
    return item.nearest is not None


def doubt(item: Initiative, strings: Strings) -> str:
    """`（把握低：或延续旧版「…」，匹配概率 0.04）` for a doubtful call of new or dropped: the unit it may
    continue and the matcher's probability for the two; "" for a sure call."""
    if item.nearest is None:
        return ""
    key = "report.doubt.new" if item.status == Status.NEW else "report.doubt.dropped"
    return strings(key, title=unit_title(item.nearest), p=f"{item.nearest_probability:.2f}")


def _where(result: DiffResult, item: Initiative) -> str:
    if item.new is not None and (
        (item.level == "unit" and item.status != Status.DROPPED) or item.new_sentence
    ):
        return " › ".join(result.new.path_of(item.new.section)) or "—"
    if item.old is not None:
        return " › ".join(result.old.path_of(item.old.section)) or "—"
    return "—"


# --- terminal ---------------------------------------------------------------------------


class Detail(StrEnum):
    """How fine the terminal listing goes: the numbered tasks and （一） groups only, every
    initiative unit, or also the sentences added or removed inside continuing units."""

    TASK = "task"
    UNIT = "unit"
    SENTENCE = "sentence"


#: The unit kinds `--level task` lists.
_TASK_KINDS = frozenset({UnitKind.TASK, "group"})
#: How long an initiative's name may be in the summary's lists, in terminal columns.
BRIEF = 24
#: The line a recurring unit is shown in, with its label, when the output is not wrapped to a
#: width: an 80-column terminal's.
RECURRING_LINE = 80


def to_terminal(
    result: DiffResult,
    only: Iterable[str] | None = None,
    color: bool = True,
    *,
    detail: Detail = Detail.SENTENCE,
    width: int = 0,
    strings: Strings | None = None,
    sure: bool = False,
    table: ComparisonTable | None = None,
) -> str:
    """Counts first, then section by section every item with a text label, then the
    programmes; lines wrapped to `width` columns (0: not wrapped); labels in the language of
    `strings` (default Chinese). `sure`: the calls of new and dropped the differ doubts are
    left out, and counted, so that what is listed can be quoted. `table`: the 新旧对照表 of
    `result` when the caller has built it already (review places its notes on it)."""
    strings = strings or catalogue()
    style = _styler(color)
    out = _overview(result, style, strings)
    rows = row_numbers(table if table is not None else comparison_rows(result))
    left_out = 0
    for match, items, changes in with_tables(result, only):
        shown = [item for item in items if _at_detail(item, detail)]
        if sure:
            left_out += sum(map(is_doubtful, shown))
            shown = [item for item in shown if not is_doubtful(item)]
        if shown or changes:
            out += ["", style(_section_line(match, strings), "matched", bold=True)]
            for entry in _in_reading_order(shown, changes):
                if isinstance(entry, TableChange):
                    out += _terminal_table(entry, style, strings)
                else:
                    cited = citation(result, entry, rows, strings)
                    out += _terminal_item(entry, style, strings, width or RECURRING_LINE, cited, result)
    if left_out:
        out += ["", strings("report.doubtful_left_out", n=left_out)]
    if result.programmes.new or result.programmes.dropped:
        out += ["", style(strings("report.programmes_heading"), "matched", bold=True)]
        for kind, names in _programme_lists(result.programmes, (Status.NEW, Status.DROPPED)):
            if names:
                label = style(_programmes_label(strings, kind, len(names)), kind)
                out.append("  " + strings.labelled(label, quoted_names(names)))
    return _lines(out, width)


def quoted_names(names: Sequence[str]) -> str:
    """Programme names each in quotes, as the report prints them: a name may itself hold a 、
    (“一网统管、一键预约”), so a bare 、-joined list would read as other names."""
    return "、".join(f"“{name}”" for name in names)


def to_summary(
    result: DiffResult,
    only: Iterable[str] | None = None,
    color: bool = True,
    width: int = 0,
    strings: Strings | None = None,
    sure: bool = False,
) -> str:
    """The counts, then the new and the dropped initiatives by name, part by part: the
    answer on one screen (`only`: of these two classes, those listed). `sure`: the doubtful
    calls are left out of the lists and counted."""
    strings = strings or catalogue()
    style = _styler(color)
    out = _overview(result, style, strings)
    rows = row_numbers(comparison_rows(result))
    wanted = set(only or (Status.NEW, Status.DROPPED))
    for status in (s for s in (Status.NEW, Status.DROPPED) if s in wanted):
        items = new_or_dropped(result, status)
        doubtful = sum(map(is_doubtful, items))
        if sure:
            items = [item for item in items if not is_doubtful(item)]
        if not items and not doubtful:
            continue
        title = initiatives_title(strings, status, len(items), doubtful, left_out=sure)
        out.append(style(title + strings("report.colon").rstrip(), status, bold=True))
        for part in dict.fromkeys(item.part for item in items):
            names = [
                f"{_short_citation(result, item, rows)} {_brief(item.new or item.old)}"
                + ("?" if is_doubtful(item) else "")
                for item in items
                if item.part == part
            ]
            label = strings("report.count", label=strings.part(part), n=len(names))
            out.append("  " + strings.labelled(label, "；".join(names)))
    return _lines(out, width)


def new_or_dropped(result: DiffResult, status: Status) -> list[Initiative]:
    """The new (or dropped) initiatives the summaries list by name: units, no extra piece of
    a merge or split."""
    return [i for i in result.initiatives if i.level == Level.UNIT and i.status == status and not i.relation]


def initiative_brief(item: Initiative) -> str:
    """A new or dropped initiative named in a few words, as `diff --summary` lists it."""
    return _brief(item.new or item.old)


def _then(text: str, remark: str) -> str:
    """`remark` after `text`: a Chinese （…） closes up, an English (…) is spaced."""
    if not remark or remark.startswith("（"):
        return text + remark
    return f"{text} {remark}"


def _short_citation(result: DiffResult, item: Initiative, rows: RowNumbers) -> str:
    """`#91¶69`: a new or dropped unit's 新旧对照表 row and its address in the one edition
    that has it (the list it is in says which)."""
    ((_, found),) = _sides(result, item)
    number = item_row(item, rows)
    return (f"#{number}" if number else "") + anchor_label(found.rpartition("#")[2])


def _styler(color: bool) -> Callable[..., str]:
    import click

    def style(text: str, status: str, **extra: bool) -> str:
        colour = COLOURS.get(status)
        return click.style(text, fg=colour, **extra) if color and colour else text

    return style


def _overview(result: DiffResult, style: Callable[..., str], strings: Strings) -> list[str]:
    return [
        style(editions_line(result, strings), "matched", bold=True),
        *([strings("report.scope", text=result.scope)] if result.scope else []),
        strings("report.parts"),
        *(f"  {part_line(part, strings)}" for part in result.parts()),
        within_line(result, strings),
        *counts_lines(result, strings),
        *(f"{strings('diff.override')}{override_text(note, strings)}" for note in result.notes),
    ]


def _lines(lines: Iterable[str], width: int) -> str:
    """The lines wrapped to `width`, each continued two columns further in than it starts."""
    out = []
    for line in lines:
        indent = line[: len(line) - len(line.lstrip(" "))]
        out += wrap(line.lstrip(" "), width, indent, indent + "  ")
    return "\n".join(out) + "\n"


def _at_detail(item: Initiative, detail: Detail) -> bool:
    if item.level != Level.UNIT:
        return detail is Detail.SENTENCE
    return detail is not Detail.TASK or any(
        u is not None and u.kind in _TASK_KINDS for u in (item.old, item.new)
    )


def _brief(unit: Unit | None) -> str:
    """An initiative named in a few words: its heading or lead, cut to `BRIEF` columns."""
    if unit is None:
        return ""
    return truncate((unit.heading or unit.text.split("。")[0]).rstrip("；，。："), BRIEF)


def _section_line(match: SectionMatch | None, strings: Strings) -> str:
    if match is None:
        return f"== {strings('report.before_first')}"
    pin = strings("report.pinned") if match.pinned else ""
    old, new = (section_name(_heading(side), strings) for side in (match.old, match.new))
    if match.old and match.new:
        tag = f"{strings.status(Status.MOVED)} " if match.status == SectionStatus.MOVED else ""
        if old == new:
            return f"== {tag}{new}{pin}"
        similarity = strings("report.section_similarity", s=f"{match.similarity:.2f}")
        return f"== {tag}{old}  ⇒  {new}{similarity}{pin}"
    return "== " + strings("report.section", status=strings.status(match.status), heading=new or old)


def _in_reading_order(
    items: Sequence[Initiative], changes: Sequence[TableChange]
) -> list[Initiative | TableChange]:
    """The section's items with each table change before the first item that follows the
    table in its edition (the new one, the old one for a dropped table)."""
    entries: list[Initiative | TableChange] = list(items)
    for change in changes:
        table = change.new or change.old
        new_side = change.new is not None
        after = (
            at
            for at, entry in enumerate(entries)
            if isinstance(entry, Initiative)
            and (unit := entry.new if new_side else entry.old) is not None
            and table is not None
            and unit.paragraph >= table.paragraph
        )
        entries.insert(next(after, len(entries)), change)
    return entries


def _terminal_table(change: TableChange, style: Callable[..., str], strings: Strings) -> list[str]:
    """A table change as an item of its section: its label and header line, then its rows."""
    label = style(f"[{strings.status(change.status)}]", change.status, bold=True)
    lines = [f"{label} {tables.heading_line(change, strings)}"]
    return lines + ["    " + line for line in tables.detail_lines(change, style, strings)]


def _terminal_item(
    item: Initiative, style: Callable[..., str], strings: Strings, line: int, cited: str, result: DiffResult
) -> list[str]:
    """An item's lines, a unit's label followed by `cited` (its 新旧对照表 row and addresses);
    a recurring unit on one `line` of its own, whole if it fits, else cut with … (its text is
    the same in both editions: the reader needs only to recognise it)."""
    old_text, new_text = _item_text(item, result)
    if item.level == "sentence":  # a change inside a continuing unit, not an initiative
        if item.status == Status.NEW:
            return ["    " + strings.labelled(style(strings("report.sentence_added"), "new"), new_text)]
        return ["    " + strings.labelled(style(strings("report.sentence_removed"), "dropped"), old_text)]
    if item.relation:
        label = style(f"[{strings.status(item.relation)}]", item.relation, bold=True)
        return [f"{label} {cited} {joined_line(item, strings)}"]
    label = style(f"[{strings.status(item.status)}]", item.status, bold=True)
    if item.status == Status.NEW:
        return [f"{label} {_then(cited, doubt(item, strings))} {new_text}"]
    if item.status == Status.DROPPED:
        return [f"{label} {_then(cited, doubt(item, strings))} {old_text}"]
    if item.status == Status.RECURRING:
        room = line - display_width(f"[{strings.status(item.status)}] {cited} ")
        return [f"{label} {cited} {(item.new.heading if item.new else '') or truncate(new_text, room)}"]
    text = _inline(item, style("[-{}-]", "dropped"), style("{{+{}+}}", "new")) if item.diff else new_text
    lines = [f"{label} {_then(cited, _confidence(item, strings))} {text}"]
    for figure in item.figures:
        lines.append("    " + strings("report.figure_changed", change=figure.shown()))
    return lines
