"""What every rendering of a DiffResult shares (render/diff_json, diff_markdown, diff_terminal):
the classes and their labels, the 新旧对照表 row numbers and citations, the summary counts, items
grouped by section with their tables, one part of the report, and the doubt beside a call."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from corpusdiff.canonical.markdown import escape_inline
from corpusdiff.render import table_changes as tables
from corpusdiff.render.references import inert_references
from corpusdiff.strings import Strings, status_labels
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
    Status,
    TableChange,
)
from corpusdiff.types.document import Level as Tier
from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import CLOSING_HEADING, GROUP, DocTree, Section, Unit, unit_title

if TYPE_CHECKING:
    from corpusdiff.render.table import ComparisonTable

SCHEMA_VERSION = "2.5"
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


def unit_addresses(result: DiffResult, item: Initiative) -> list[tuple[str, str]]:
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
    sides = unit_addresses(result, item)
    return citation_text(item_row(item, rows), sides, strings)


def citation_text(number: int | None, sides: Iterable[tuple[str, str]], strings: Strings) -> str:
    """`#80 旧¶58 新¶59`: a 新旧对照表 row's number and the addresses of units on either side."""
    at = [strings(f"diff.at_{side}", at=anchor_label(address.rpartition("#")[2])) for side, address in sides]
    return " ".join(([f"#{number}"] if number else []) + at)


def markdown_citation(result: DiffResult, item: Initiative, rows: RowNumbers, strings: Strings) -> str:
    """`citation` in Markdown: `#80` is a row of the 新旧对照表, never issue 80 of the forge the
    report is pasted into (`references`)."""
    return inert_references(citation(result, item, rows, strings))


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


def section_heading(section: Section | None) -> str:
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
        if text in section_heading(section) or section.parent in hit:
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


def inline_diff(item: Initiative, deleted: str, inserted: str, escape: Callable[[str], str] = str) -> str:
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


def item_texts(item: Initiative, result: DiffResult) -> tuple[str, str]:
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


def programme_lists(
    programmes: ProgrammeChanges, kinds: Sequence[Status]
) -> list[tuple[Status, Sequence[str]]]:
    return [(kind, getattr(programmes, kind)) for kind in kinds]


def programmes_label(strings: Strings, kind: Status, n: int) -> str:
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
    return strings(key, old=unit_title(item.old), new=unit_title(item.new), confidence=confidence_label(item, strings))


def confidence_label(item: Initiative, strings: Strings) -> str:
    """`（把握高）` / `(high)`, or `（已审定）` / `(reviewed)` for what a reviewer's override
    decided; "" for an item the matcher gave none."""
    if item.pinned and item.level == Level.UNIT:
        return strings("report.reviewed")
    if not item.confidence:
        return ""
    return strings("report.confidence", level=strings(f"report.level.{item.confidence}"))


def is_doubtful(item: Initiative) -> bool:
    """A call of new or dropped that the differ doubts: a unit of the other edition may
    continue it (compare.core names it as the call's `nearest`)."""
    return item.nearest is not None


def doubt(item: Initiative, strings: Strings) -> str:
    """`（把握低：或延续旧版「…」，匹配概率 0.04）` for a doubtful call of new or dropped: the unit it may
    continue and the matcher's probability for the two; `（已审定）` for a call a reviewer's
    override decided; "" for a sure call."""
    if item.pinned:
        return strings("report.reviewed")
    if item.nearest is None:
        return ""
    key = "report.doubt.new" if item.status == Status.NEW else "report.doubt.dropped"
    return strings(key, title=unit_title(item.nearest), p=f"{item.nearest_probability:.2f}")


def quoted_names(names: Sequence[str]) -> str:
    """Programme names each in quotes, as the report prints them: a name may itself hold a 、
    (“一网统管、一键预约”), so a bare 、-joined list would read as other names."""
    return "、".join(f"“{name}”" for name in names)


def with_remark(text: str, remark: str) -> str:
    """`remark` after `text`: a Chinese （…） closes up, an English (…) is spaced."""
    if not remark or remark.startswith("（"):
        return text + remark
    return f"{text} {remark}"
