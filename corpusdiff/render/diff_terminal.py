"""DiffResult -> terminal text: labels and colour (colour is never the only signal), wrapped to
the terminal, at the detail asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from corpusdiff.render import table_changes as tables
from corpusdiff.render.diff import (
    COLOURS,
    RowNumbers,
    anchor_label,
    citation,
    comparison_rows,
    confidence_label,
    counts_lines,
    doubt,
    editions_line,
    initiatives_title,
    inline_diff,
    is_doubtful,
    item_row,
    item_texts,
    joined_line,
    override_text,
    part_line,
    programme_lists,
    programmes_label,
    quoted_names,
    row_numbers,
    section_heading,
    section_name,
    unit_addresses,
    with_remark,
    with_tables,
    within_line,
)
from corpusdiff.render.grid import truncate
from corpusdiff.render.wrap import wrap
from corpusdiff.strings import Strings, catalogue
from corpusdiff.text.chars import display_width
from corpusdiff.types.diff import (
    DiffResult,
    Initiative,
    Level,
    SectionMatch,
    SectionStatus,
    Status,
    TableChange,
)
from corpusdiff.types.tree import Unit, UnitKind

if TYPE_CHECKING:
    from corpusdiff.render.table import ComparisonTable

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
        for kind, names in programme_lists(result.programmes, (Status.NEW, Status.DROPPED)):
            if names:
                label = style(programmes_label(strings, kind, len(names)), kind)
                out.append("  " + strings.labelled(label, quoted_names(names)))
    return _lines(out, width)


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


def _short_citation(result: DiffResult, item: Initiative, rows: RowNumbers) -> str:
    """`#91¶69`: a new or dropped unit's 新旧对照表 row and its address in the one edition
    that has it (the list it is in says which)."""
    ((_, found),) = unit_addresses(result, item)
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
    old, new = (section_name(section_heading(side), strings) for side in (match.old, match.new))
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
    old_text, new_text = item_texts(item, result)
    if item.level == "sentence":  # a change inside a continuing unit, not an initiative
        if item.status == Status.NEW:
            return ["    " + strings.labelled(style(strings("report.sentence_added"), "new"), new_text)]
        return ["    " + strings.labelled(style(strings("report.sentence_removed"), "dropped"), old_text)]
    if item.relation:
        label = style(f"[{strings.status(item.relation)}]", item.relation, bold=True)
        return [f"{label} {cited} {joined_line(item, strings)}"]
    label = style(f"[{strings.status(item.status)}]", item.status, bold=True)
    if item.status == Status.NEW:
        return [f"{label} {with_remark(cited, doubt(item, strings))} {new_text}"]
    if item.status == Status.DROPPED:
        return [f"{label} {with_remark(cited, doubt(item, strings))} {old_text}"]
    if item.status == Status.RECURRING:
        room = line - display_width(f"[{strings.status(item.status)}] {cited} ")
        return [f"{label} {cited} {(item.new.heading if item.new else '') or truncate(new_text, room)}"]
    text = inline_diff(item, style("[-{}-]", "dropped"), style("{{+{}+}}", "new")) if item.diff else new_text
    lines = [f"{label} {with_remark(cited, confidence_label(item, strings))} {text}"]
    for figure in item.figures:
        lines.append("    " + strings("report.figure_changed", change=figure.shown()))
    return lines
