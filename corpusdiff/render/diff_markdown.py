"""DiffResult -> Markdown, for memos and pull requests: the head, the initiatives grouped by
section, figures, tables, programmes and the redline, cut to a limit where a host has one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpusdiff.render import table_changes as tables
from corpusdiff.render.diff import (
    RowNumbers,
    citation_text,
    comparison_rows,
    counts_lines,
    doubt,
    editions_line,
    initiatives_title,
    item_row,
    item_texts,
    joined_line,
    markdown_citation,
    markdown_text,
    override_text,
    part_line,
    programme_lists,
    programmes_label,
    quoted_names,
    row_numbers,
    with_remark,
    within_line,
)
from corpusdiff.render.references import inert_references
from corpusdiff.strings import Strings, catalogue
from corpusdiff.types.diff import (
    DiffResult,
    Initiative,
    Level,
    Status,
)
from corpusdiff.types.notes import ReviewerNote
from corpusdiff.types.tree import unit_title

if TYPE_CHECKING:
    from corpusdiff.render.table import ComparisonTable, Entry, Span, UnitRow

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
            old_text, new_text = item_texts(item, result)
            text = new_text if status == Status.NEW else old_text
            cited = markdown_citation(result, item, rows, strings)
            where = with_remark(f"*{markdown_text(_where(result, item))}*", markdown_text(doubt(item, strings)))
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
    for kind, names in programme_lists(result.programmes, (Status.NEW, Status.DROPPED, Status.RECURRING)):
        lines.append(
            f"- {strings.labelled(programmes_label(strings, kind, len(names)), markdown_text(quoted_names(names)) or '—')}"
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
    return citation_text(row.number, sides, strings)


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


def _where(result: DiffResult, item: Initiative) -> str:
    if item.new is not None and (
        (item.level == "unit" and item.status != Status.DROPPED) or item.new_sentence
    ):
        return " › ".join(result.new.path_of(item.new.section)) or "—"
    if item.old is not None:
        return " › ".join(result.old.path_of(item.old.section)) or "—"
    return "—"
