"""The pages of one pair of editions: the diff page (plan first) and the 新旧对照 page, both
made from the rows of the 新旧对照表 (render/table.py), so a change has the same number on
both, a merge or a split is one block listing all its units, and every unit links to its
paragraph in its document (the one address scheme, `structure.addressed`).

The diff page shows the parts of the report with next year's tasks first, each change once:
a one-to-one pair as one redline (deleted and inserted words in one stream, which the page's
script lays out side by side), anything else as its old and new units. Without script every
part and every change is on the page, in that order."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from markupsafe import Markup, escape

from corpusdiff.render import table_changes
from corpusdiff.render.diff import (
    anchor_label,
    edition_name,
    initiatives_title,
    is_doubtful,
    item_row,
    joined_line,
    override_text,
    row_numbers,
    section_name,
    summary,
)
from corpusdiff.render.diff_markdown import changed_figures, joined_rows
from corpusdiff.render.diff_terminal import initiative_brief, new_or_dropped
from corpusdiff.render.notes import PlacedNotes, brief
from corpusdiff.render.table import (
    LABEL_OF_CHANGE,
    Change,
    ComparisonTable,
    Entry,
    Mark,
    SectionRow,
    Span,
    UnitRow,
)
from corpusdiff.site.common import Doc, relative_root
from corpusdiff.strings import PART_ORDER, Strings
from corpusdiff.types.diff import DiffResult, Level, PartSummary, Status


class RowFilter(StrEnum):
    """The classes a reader can show or hide on the diff page, in the order of the toolbar: the
    statuses of `types.diff.Status`, with merges and splits together as `joined`."""

    NEW = Status.NEW
    DROPPED = Status.DROPPED
    REWORDED = Status.REWORDED
    MOVED = Status.MOVED
    JOINED = "joined"
    RECURRING = Status.RECURRING


#: The filter class of a row, from its first change (a merge that is also a split is `joined`).
STATUS_OF_CHANGE = {
    Change.CONTINUED: RowFilter.RECURRING,
    Change.REWORDED: RowFilter.REWORDED,
    Change.MOVED: RowFilter.MOVED,
    Change.MERGED: RowFilter.JOINED,
    Change.SPLIT: RowFilter.JOINED,
    Change.NEW: RowFilter.NEW,
    Change.DROPPED: RowFilter.DROPPED,
}
FILTERS = tuple(RowFilter)
#: How much of an unchanged unit the diff page shows (the rest is one link away).
UNCHANGED_BRIEF = 40


def pair_page(old_id: str, new_id: str, suffix: str = ".html") -> str:
    """`diff/<old>__<new>.html`, ids with `/` written as `.`; `suffix` for its other files."""
    return f"diff/{old_id.replace('/', '.')}__{new_id.replace('/', '.')}{suffix}"


DUIZHAO = "-duizhao"
EXPORTS = (".docx", ".xlsx", ".csv")


def doc_link(root: str, entry_address: str) -> str:
    """`<id>#p<n>` -> the document page's paragraph, from the page at `root`."""
    doc_id, _, anchor = entry_address.partition("#")
    return f"{root}doc/{doc_id}.html#{anchor}"


def row_status(row: UnitRow) -> RowFilter:
    return STATUS_OF_CHANGE[row.changes[0]]


def heading_label(row: SectionRow, strings: Strings) -> str:
    return strings.status(LABEL_OF_CHANGE[Change(row.note)]) if row.note else ""


# --- text ----------------------------------------------------------------------------------


def spans_html(spans: Sequence[Span]) -> Markup:
    out = []
    for span in spans:
        if span.mark is Mark.DELETED:
            out.append(Markup("<del>{}</del>").format(span.text))
        elif span.mark is Mark.INSERTED:
            out.append(Markup("<ins>{}</ins>").format(span.text))
        else:
            out.append(escape(span.text))
    return Markup("").join(out)


def entry_html(entry: Entry) -> Markup:
    return escape(entry.label) + spans_html(entry.spans)


def redline(old: Entry, new: Entry) -> Markup | None:
    """One stream of both sides of a pair: kept text once, deleted and inserted words where
    they were; None when the sides do not interleave (then both are shown)."""
    merged: list[Span] = []
    o, n = list(old.spans), list(new.spans)
    while o or n:
        if o and o[0].mark is Mark.DELETED:
            merged.append(o.pop(0))
        elif n and n[0].mark is Mark.INSERTED:
            merged.append(n.pop(0))
        elif o and n and o[0].text == n[0].text:
            merged.append(o.pop(0))
            n.pop(0)
        else:
            return None
    if old.label == new.label:
        label = escape(new.label)
    else:
        label = spans_html([Span(old.label, Mark.DELETED), Span(new.label, Mark.INSERTED)])
    return label + spans_html([s for s in merged if s.text])


# --- the diff page ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parts:
    """Which part of the report each unit of either edition belongs to."""

    of: dict[tuple[str, str], str]

    @classmethod
    def of_result(cls, result: DiffResult) -> _Parts:
        found: dict[tuple[str, str], str] = {}
        for item in result.initiatives:
            if item.level != Level.UNIT:
                continue
            if item.old is not None:
                found.setdefault(("old", result.old.unit_address(item.old)), item.part)
            if item.new is not None:
                found.setdefault(("new", result.new.unit_address(item.new)), item.part)
        return cls(found)

    def row(self, row: UnitRow) -> str:
        key = ("new", row.new[0].address) if row.new else ("old", row.old[0].address)
        return self.of.get(key) or "other"


def part_rank(part: str) -> tuple[int, str]:
    return (PART_ORDER.index(part), "") if part in PART_ORDER else (len(PART_ORDER), part)


def _unit_block(row: UnitRow, root: str, placed: PlacedNotes, strings: Strings) -> dict[str, object]:
    status = row_status(row)
    one_to_one = len(row.old) == 1 and len(row.new) == 1
    text = redline(row.old[0], row.new[0]) if one_to_one else None
    if status == "recurring" and one_to_one:
        whole = row.new[0].text
        text = escape(whole[:UNCHANGED_BRIEF] + ("…" if len(whole) > UNCHANGED_BRIEF else ""))
    notes = placed.on(row)
    return {
        "number": row.number,
        "status": status,
        "label": row.label(strings),
        "old": [_entry(e, root) for e in row.old],
        "new": [_entry(e, root) for e in row.new],
        "redline": text,
        "explain": row.note.removeprefix(row.change).lstrip("；"),  # the label says the class
        "notes": notes,
        "significant": any(n.significant for n in notes),
    }


def _entry(entry: Entry, root: str) -> dict[str, object]:
    return {
        "url": doc_link(root, entry.address),
        "at": anchor_label(entry.address.rpartition("#")[2]),
        "html": entry_html(entry),
    }


def _heading_block(row: SectionRow, strings: Strings) -> dict[str, object]:
    return {
        "heading": True,
        "depth": row.depth,
        "old": section_name(row.old, strings),
        "new": section_name(row.new, strings),
        "label": heading_label(row, strings),
    }


def part_blocks(
    table: ComparisonTable, parts: _Parts, root: str, placed: PlacedNotes, strings: Strings
) -> list[dict[str, object]]:
    """The rows by part, tasks first, each part's rows in table order under their headings."""
    by_part: dict[str, list[dict[str, object]]] = {}
    pending: list[SectionRow] = []
    previous = ""
    for row in table.rows:
        if isinstance(row, SectionRow):
            pending.append(row)
            continue
        part = parts.row(row)
        blocks = by_part.setdefault(part, [])
        if part != previous and row.section and (not pending or pending[0].depth > 0):
            pending = [SectionRow(0, "", row.section, "")]  # the whole path, where a part begins mid-section
        blocks += [_heading_block(heading, strings) for heading in pending]
        blocks.append(_unit_block(row, root, placed, strings))
        pending, previous = [], part
    return [
        {
            "part": part,
            "name": strings.part(part),
            "blocks": blocks,
            "changes": sum(1 for b in blocks if b.get("status") not in (None, "recurring")),
        }
        for part, blocks in sorted(by_part.items(), key=lambda item: part_rank(item[0]))
    ]


def _part_row(part: PartSummary, strings: Strings) -> dict[str, object]:
    """A part's row of the summary, its merges and splits in the words of the terminal's part
    line (`1 项并入 1 项`, `1 项由 1 项拆分而来`): `1 → 1` under 合并 read as one merged into one,
    when one was folded into one that continues another."""
    merged = strings("report.merged", n=part.merged, into=part.merged_into) if part.merged else "0"
    split = strings("report.split", n=part.split, source=part.split_from) if part.split else "0"
    return {"part": part.part, "name": strings.part(part.part), "summary": part, "merged": merged, "split": split}


def diff_context(
    result: DiffResult,
    table: ComparisonTable,
    placed: PlacedNotes,
    old: Doc,
    new: Doc,
    strings: Strings,
) -> dict[str, object]:
    page = pair_page(old.id, new.id)
    root = relative_root(page)
    counts = summary(result)
    blocks = part_blocks(table, _Parts.of_result(result), root, placed, strings)
    noted = [
        {"number": row.number, "brief": brief(row), "text": note.text, "significant": note.significant}
        for row in table.unit_rows
        for note in placed.on(row)
    ]
    return {
        "root": root,
        "title": f"{edition_name(old.meta)} {strings.date(old.meta.date)} → {edition_name(new.meta)} {strings.date(new.meta.date)}",
        "old_name": edition_name(old.meta),
        "new_name": edition_name(new.meta),
        "old": old,
        "new": new,
        "old_url": root + old.url,
        "new_url": root + new.url,
        "duizhao_url": root + pair_page(old.id, new.id, DUIZHAO + ".html"),
        "summary_parts": sorted(
            (_part_row(p, strings) for p in result.parts()), key=lambda p: part_rank(str(p["part"]))
        ),
        "within": counts["within"],
        "sections": counts["sections"],
        "programmes": result.programmes,
        "tables": table_blocks(result, strings),
        "overrides": [override_text(note, strings) for note in result.notes],
        "notes": sorted(noted, key=lambda n: not n["significant"]),
        "listed": new_and_dropped_lists(result, table, strings),
        "figures": figure_list(result, table),
        "joined": joined_list(result, table, strings),
        "orphans": placed.orphans,
        "parts": blocks,
        "filters": FILTERS,
        "series": sorted({old.meta.series, new.meta.series}),
    }


def new_and_dropped_lists(result: DiffResult, table: ComparisonTable, strings: Strings) -> list[dict[str, object]]:
    """The new and the dropped initiatives by name, part by part, as `diff --summary` lists
    them, each linked to its row (`#r91`): the counts alone left a reader to find 13 rows
    among a hundred."""
    rows = row_numbers(table)
    lists: list[dict[str, object]] = []
    for status in (Status.NEW, Status.DROPPED):
        items = new_or_dropped(result, status)
        if not items:
            continue
        parts: dict[str, list[dict[str, object]]] = {}
        for item in items:
            parts.setdefault(item.part, []).append(
                {
                    "number": item_row(item, rows),
                    "brief": initiative_brief(item),
                    "doubtful": is_doubtful(item),
                    "reviewed": item.pinned,
                }
            )
        title = initiatives_title(strings, status, len(items), sum(map(is_doubtful, items)))
        named = [{"name": strings.part(part), "items": found} for part, found in parts.items()]
        lists.append({"status": status, "title": title, "parts": named})
    return lists


def figure_list(result: DiffResult, table: ComparisonTable) -> list[dict[str, object]]:
    """Each continuing unit whose figures changed, with its changes whole (`2731亿元 → 5949亿元`),
    linked to its row: the summary counted `8 处数字变化` and left a reader to find them among
    the rows, where the Markdown report lists them."""
    rows = row_numbers(table)
    return [
        {
            "number": item_row(item, rows),
            "brief": initiative_brief(item),
            "changes": [figure.shown() for figure in item.figures],
        }
        for item in changed_figures(result)
    ]


def joined_list(result: DiffResult, table: ComparisonTable, strings: Strings) -> list[dict[str, object]]:
    """Each merge and split, one per row, with what its extra pairs join (`… — 拆分自 — …`),
    linked to its row: the counts said `7 项由 6 项拆分而来` and named none, where the Markdown
    report lists them."""
    numbered = {row.number: row for row in table.unit_rows}
    sep = strings("report.md.joined_sep")
    return [
        {
            "number": number,
            "label": numbered[number].label(strings) if number in numbered else strings.status(items[0].relation),
            "joins": sep.join(joined_line(item, strings) for item in items),
        }
        for number, items in joined_rows(result, row_numbers(table)).items()
    ]


def table_blocks(result: DiffResult, strings: Strings) -> list[dict[str, object]]:
    """The tables new, dropped or changed, each with its label, header line, section path and
    the rows added or removed and cells changed (compare/tables.py), as the reports list them."""
    blocks: list[dict[str, object]] = []
    for change in result.tables:
        tree, table = (result.new, change.new) if change.new is not None else (result.old, change.old)
        blocks.append(
            {
                "status": change.status,
                "label": strings.status(change.status),
                "heading": table_changes.heading_line(change, strings),
                "where": " › ".join(tree.path_of(table.section if table else None)) or "—",
                "lines": table_changes.detail_lines(change, table_changes.unstyled, strings),
            }
        )
    return blocks


# --- the 新旧对照 page ----------------------------------------------------------------------


def duizhao_context(
    table: ComparisonTable, placed: PlacedNotes, old: Doc, new: Doc, strings: Strings
) -> dict[str, object]:
    page = pair_page(old.id, new.id, DUIZHAO + ".html")
    root = relative_root(page)
    rows: list[dict[str, object]] = []
    for row in table.rows:
        if isinstance(row, SectionRow):
            rows.append(_heading_block(row, strings))
        else:
            rows.append(
                {
                    "number": row.number,
                    "status": row_status(row),
                    "old": [_entry(e, root) for e in row.old],
                    "new": [_entry(e, root) for e in row.new],
                    "explain": row.note,
                    "notes": placed.on(row),
                }
            )
    base = pair_page(old.id, new.id, DUIZHAO).rpartition("/")[2]
    return {
        "root": root,
        "title": f"{strings('duizhao.title')}：{_dated(old, strings)} → {_dated(new, strings)}",
        "old": old,
        "new": new,
        "diff_url": root + pair_page(old.id, new.id),
        "rows": rows,
        "exports": [(strings(f"duizhao.{suffix[1:]}"), base + suffix) for suffix in EXPORTS],
    }


def _dated(doc: Doc, strings: Strings) -> str:
    """`政府工作报告（2021年3月5日）`: an edition by its name and date, as its page heads it."""
    return strings("diff.dated", name=edition_name(doc.meta), date=strings.date(doc.meta.date))


def export_files(table: ComparisonTable, old: Doc, new: Doc, strings: Strings) -> dict[str, bytes]:
    """The 新旧对照表 as Word, Excel and CSV (with the byte-order mark Excel needs), beside
    the 新旧对照 page, headed in the site's language."""
    from corpusdiff.render import export

    base = pair_page(old.id, new.id, DUIZHAO)
    return {
        base + ".docx": reproducible_package(export.to_docx(table, strings)),
        base + ".xlsx": reproducible_package(export.to_xlsx(table, strings)),
        base + ".csv": ("\ufeff" + export.to_csv(table, strings)).encode("utf-8"),
    }


#: The created and modified times an Office package records of itself (docProps/core.xml).
_PACKAGE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip member can carry


def reproducible_package(data: bytes) -> bytes:
    """A Word or Excel file (a zip package) with every time in it fixed: the same table gives
    the same bytes, so a rebuild of an unchanged site writes nothing (site/output.py)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _PACKAGE_TIMES.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", content)
            member = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, content)
    return out.getvalue()
