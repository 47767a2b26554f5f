"""Quantitative targets and results stated by a report, aligned across editions.

Three shapes carry them (docs/indicators.md): a 主要目标/完成情况 list introduced by a
paragraph ending in "如下：" (or one sentence "主要预期目标是：…"), an annual-plan appendix
table (指标名称 and one column per year and role), and the five-year plan's indicator table
(指标, 单位, base-year and target-year columns, 属性). Everything here is pure.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import cast

from corpusdiff.series.aliases import DEFAULT_ALIASES
from corpusdiff.structure import addressed
from corpusdiff.text.chars import display_width
from corpusdiff.types.document import Heading, ListItem, NormalizedDocument, Paragraph, Table

SCHEMA_VERSION = "1.0"
ROLES = ("target", "achieved")
ABSENT = ("blank", "omitted")
CSV_COLUMNS = (
    "doc_id",
    "date",
    "name",
    "canonical_name",
    "value",
    "unit",
    "change",
    "modifier",
    "kind",
    "role",
    "year",
    "status",
    "pointer",
    "printed",
    "source_text",
)

# Names reports use for one indicator: the shipped aliases (series/aliases.py). A corpus adds the
# names its own editions use (`corpusdiff.store.vocabulary`); callers hand the mapping to
# `indicator_table`.

_INTRO = re.compile(r"(?:主要|预期)[^：。]{0,12}(?:指标|目标)[^：。]*?(?:如下|是|为)(?:（[^）]*）)?：")
_LIST_MARK = re.compile(r"^——?")
_KIND_HEADING = re.compile(r"(预期性|约束性)指标")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_NUMBERING = re.compile(r"^\s*\d+\s*[.．、]\s*")
_PARENTHESES = re.compile(r"（[^）]*）|\([^)]*\)")
_CITY_TARGET = re.compile(r"^(?P<name>.*?)(?:完成|以)市下达的?(?P<what>.*?)(?:目标|任务)(?:为准)?$")
# Growth stated in words, without a number.
_WORDED = (
    (re.compile(r"^(?P<name>.*?)力争正增长$"), "力争"),
    (re.compile(r"^(?P<name>.*?)(?:基本持平|稳步增长)$"), ""),
)
_FIGURE = re.compile(
    r"^(?P<name>.*?)(?P<verb>增长|下降|控制在)?(?P<bound>[≤≥])?"
    r"(?P<value>[-−－+]?\d+(?:\.\d+)?)(?P<unit>[^\d，。；、]{0,6}?)(?P<modifier>以上|左右|以内)?$"
)
_NAME_CHANGE = re.compile(r"(?:累计)?(增长|下降)$")
_EMPTY_CELL = {"", "-", "—", "－", "--", "——", "/", "无"}
_CLAUSE_SPLIT = re.compile(r"[，；,;]")


@dataclass(frozen=True)
class Indicator:
    """One figure as the report states it (or its absence, see `status`)."""

    name: str
    value: str
    unit: str
    change: str  # growth | decline | level, or "" when the report prints no direction
    modifier: str  # 以上 左右 以内 力争 完成市下达目标, or ""
    kind: str  # 预期性 | 约束性 | "" (only where a heading or table row says so)
    role: str  # target | achieved
    year: int | None
    pointer: str  # "p41" (the site's paragraph anchor) or "table 1 row 5"
    source_text: str  # the whole paragraph or table row
    status: str = "stated"  # stated | blank (an empty or — cell) | omitted (see indicator_table)
    printed: str = ""  # the clause or cell that states this figure

    @property
    def is_absent(self) -> bool:
        return self.status in ABSENT


@dataclass(frozen=True)
class IndicatorSource:
    """Where a document states indicators: one list, one sentence, or one column of a table."""

    shape: str  # list | sentence | table
    pointer: str
    role: str
    year: int | None
    text: str  # the introducing paragraph, or the table column's header


@dataclass(frozen=True)
class IndicatorSet:
    """What one document states; no sources at all means the extractor found nothing to read."""

    doc_id: str
    date: str
    title: str
    series: str
    sources: tuple[IndicatorSource, ...]
    indicators: tuple[Indicator, ...]

    @property
    def found(self) -> bool:
        return bool(self.sources)


@dataclass(frozen=True)
class Column:
    doc_id: str
    date: str
    role: str
    year: int | None


@dataclass(frozen=True)
class Cell:
    status: str  # stated | blank | omitted | "" (the edition says nothing about it)
    records: tuple[Indicator, ...]


@dataclass(frozen=True)
class Row:
    name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class IndicatorTable:
    sets: tuple[IndicatorSet, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    aliases: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ALIASES))  # that aligned the rows


@dataclass(frozen=True)
class _Located:
    """A block with the pointer the site gives it and the latest heading above it."""

    block: Heading | Paragraph | ListItem | Table
    pointer: str
    heading: str


@dataclass(frozen=True)
class _Figure:
    name: str
    value: str
    unit: str
    change: str
    modifier: str


def canonical_name(name: str, aliases: Mapping[str, str] = DEFAULT_ALIASES) -> str:
    """The key that aligns one indicator across editions: numbering dropped, aliases applied."""
    bare = _NUMBERING.sub("", name).strip()
    return aliases.get(bare, bare)


def extract_indicators(document: NormalizedDocument) -> IndicatorSet:
    """Every target and result the document states in its indicator lists and tables."""
    blocks = list(_located(document))
    sources: list[IndicatorSource] = []
    records: list[Indicator] = []
    for index, located in enumerate(blocks):
        block = located.block
        intro = _INTRO.search(block.text) if isinstance(block, Paragraph) else None
        if intro:
            found_sources, found = _from_intro(blocks, index, intro.end(), document)
        elif isinstance(block, Table):
            found_sources, found = _from_table(block, located.pointer)
        else:
            continue
        sources.extend(found_sources)
        records.extend(found)
    meta = document.metadata
    return IndicatorSet(
        doc_id=meta.id,
        date=meta.date,
        title=meta.title,
        series=meta.series,
        sources=tuple(sources),
        indicators=tuple(records),
    )


def _located(document: NormalizedDocument) -> Iterator[_Located]:
    """Blocks in order with the one paragraph numbering (structure.addressed): `p<n>`, or
    `table <n>` for tables."""
    heading = ""
    for located in addressed(document.blocks):
        if isinstance(located.block, Heading):
            heading = located.block.text
        yield _Located(located.block, located.address, heading)


def _from_intro(
    blocks: list[_Located], index: int, end: int, document: NormalizedDocument
) -> tuple[list[IndicatorSource], list[Indicator]]:
    """A list after "…如下：", or the clauses after "…目标是：" in the same paragraph; the text up
    to `end` (the colon) says whether they are targets or results, and of which year."""
    intro = blocks[index]
    text = cast(Paragraph, intro.block).text  # the caller found the intro in a paragraph
    role = "achieved" if re.search("完成|执行", text[:end]) else "target"
    year = _year_of(text[:end], intro.heading, document)
    rest = text[end:].strip()
    if rest:
        source = IndicatorSource("sentence", intro.pointer, role, year, text[:end])
        return [source], _from_clauses(rest, "", role, year, intro.pointer, text)
    source = IndicatorSource("list", intro.pointer, role, year, text)
    records: list[Indicator] = []
    kind = ""
    for located in blocks[index + 1 :]:
        block = located.block
        if isinstance(block, Heading):
            kind_match = _KIND_HEADING.search(block.text)
            if not kind_match:
                break
            kind = kind_match.group(0)[:3]
        elif isinstance(block, ListItem) or (isinstance(block, Paragraph) and _LIST_MARK.match(block.text)):
            item = _LIST_MARK.sub("", block.text)
            records.extend(_from_clauses(item, kind, role, year, located.pointer, block.text))
        else:
            break
    return [source], records


def _year_of(intro: str, heading: str, document: NormalizedDocument) -> int | None:
    """The year named by the introducing text, else by the heading above it, else the document's."""
    date_year = int(document.metadata.date[:4]) if document.metadata.date[:4].isdigit() else None
    named = _YEAR.search(intro)
    if named:
        return int(named.group(1))
    if date_year and ("今年" in intro or "明年" in intro):
        return date_year + ("明年" in intro)
    named = _YEAR.search(heading)
    if named:
        return int(named.group(1))
    period = document.metadata.period[:4]
    return int(period) if period.isdigit() else date_year


def _from_clauses(
    text: str, kind: str, role: str, year: int | None, pointer: str, source_text: str
) -> list[Indicator]:
    """`地区生产总值5318.2亿元，增长8.6%`: a clause without a name continues the previous one."""
    records: list[Indicator] = []
    name = ""
    for clause in _CLAUSE_SPLIT.split(text.rstrip("；。;.")):
        figure = parse_figure(clause.strip(), "level")
        if figure is None:
            continue
        name = figure.name or name
        records.append(
            Indicator(
                name=name,
                value=figure.value,
                unit=figure.unit,
                change=figure.change,
                modifier=figure.modifier,
                kind=kind,
                role=role,
                year=year,
                pointer=pointer,
                source_text=source_text,
                printed=clause.strip(),
            )
        )
    return records


def parse_figure(text: str, default_change: str, default_unit: str = "") -> _Figure | None:
    """Name, value, unit, change and modifier of one clause or cell; None when it states no figure.

    `default_change` is what a bare number means here: a level in running text and in the
    five-year plan, a growth rate in the annual-plan tables.
    """
    text = _PARENTHESES.sub("", text).strip()
    city = _CITY_TARGET.match(text)
    if city:
        declines = "降" in city.group("what") or "下降" in city.group("name")
        name = _strip_change(city.group("name"))
        return _Figure(name, "", "", "decline" if declines else "", "完成市下达目标")
    for pattern, modifier in _WORDED:
        worded = pattern.match(text)
        if worded:
            return _Figure(worded.group("name"), "", "", "growth", modifier)
    figure = _FIGURE.match(text)
    if not figure:
        return None
    name = _strip_change(figure.group("name"))
    return _Figure(
        name=name,
        value=figure.group("value"),
        unit=figure.group("unit") or default_unit,
        change=_change_of(figure, name, default_change),
        modifier=figure.group("modifier") or {"≤": "以内", "≥": "以上"}.get(figure.group("bound") or "", ""),
    )


def _strip_change(name: str) -> str:
    return _NAME_CHANGE.sub("", name.strip())


def _change_of(figure: re.Match[str], name: str, default_change: str) -> str:
    """The verb decides; a rate (失业率) is a level; a signed cell (-10.2%) keeps its sign as a
    growth rate, as printed."""
    verb = figure.group("verb")
    if verb in ("增长", "下降"):
        return "growth" if verb == "增长" else "decline"
    if verb == "控制在" or name.endswith("率"):
        return "level"
    return default_change


def _from_table(table: Table, pointer: str) -> tuple[list[IndicatorSource], list[Indicator]]:
    """Rows of an indicator table, one record per year column; other tables give nothing."""
    header, *rows = table.rows
    name_at = _column(header, ("指标名称", "指标"))
    if name_at is None:
        return [], []
    columns = [(at, *found) for at, cell in enumerate(header) if (found := _column_role(cell))]
    if not columns:
        return [], []
    unit_at, kind_at = _column(header, ("单位",)), _column(header, ("属性",))
    default_change = "level" if unit_at is not None else "growth"
    sources = [IndicatorSource("table", pointer, role, year, header[at]) for at, role, year in columns]
    records: list[Indicator] = []
    kind = ""
    for number, cells in enumerate(rows, start=1):
        row = cells + ("",) * (len(header) - len(cells))
        name = row[name_at].strip()
        kind_row = _KIND_HEADING.search(name)
        if kind_row and not any(cell.strip() for at, cell in enumerate(row) if at != name_at):
            kind = kind_row.group(0)[:3]
            continue
        row_kind = row[kind_at].strip() if kind_at is not None else kind
        unit = row[unit_at].strip() if unit_at is not None else ""
        where = f"{pointer} row {number}"
        text = " | ".join(row)
        for at, role, year in columns:
            records.append(
                _table_record(name, row[at], unit, default_change, row_kind, role, year, where, text)
            )
    return sources, records


def _table_record(
    name: str,
    cell: str,
    unit: str,
    default_change: str,
    kind: str,
    role: str,
    year: int | None,
    pointer: str,
    source_text: str,
) -> Indicator:
    bare = _strip_change(_NUMBERING.sub("", name))
    if bare.endswith("率"):
        default_change = "level"
    figure = parse_figure(cell.strip(), default_change, unit) if cell.strip() not in _EMPTY_CELL else None
    if figure is None:
        return Indicator(bare, "", "", "", "", kind, role, year, pointer, source_text, "blank", cell)
    change = figure.change
    if "下降" in name and change in ("level", ""):
        change = "decline"
    return Indicator(
        name=bare,
        value=figure.value,
        unit=figure.unit if figure.value else "",
        change=change,
        modifier=figure.modifier,
        kind=kind,
        role=role,
        year=year,
        pointer=pointer,
        source_text=source_text,
        printed=cell,
    )


def _column(header: tuple[str, ...], names: tuple[str, ...]) -> int | None:
    for at, cell in enumerate(header):
        if cell.strip() in names:
            return at
    return None


def _column_role(header: str) -> tuple[str, int] | None:
    """`2021年预计完成` -> (achieved, 2021); `2022年计划增长` -> (target, 2022)."""
    year = _YEAR.search(header)
    if not year:
        return None
    if re.search("完成|执行|预计", header):
        return "achieved", int(year.group(1))
    if re.search("目标|计划", header):
        return "target", int(year.group(1))
    return None


def select_role(sets: Sequence[IndicatorSet], role: str | None) -> list[IndicatorSet]:
    """Only targets or only results; None keeps everything."""
    if role is None:
        return list(sets)
    return [
        replace(
            each,
            sources=tuple(s for s in each.sources if s.role == role),
            indicators=tuple(r for r in each.indicators if r.role == role),
        )
        for each in sets
    ]


def indicator_table(
    sets: Sequence[IndicatorSet], aliases: Mapping[str, str] = DEFAULT_ALIASES
) -> IndicatorTable:
    """One row per indicator (canonical name under `aliases`), one column per edition, role and year.

    Omissions are found here, since only other editions tell what one edition left out: a
    column with no record of an indicator that another edition of the same series states in
    that role gets one `omitted` record; a column that states the indicator's level but not
    its rate of change (or the reverse), where another edition states that, gets an `omitted`
    record with that change.
    """
    ordered = tuple(sorted(sets, key=lambda s: (s.date, s.doc_id)))
    columns = tuple(_columns(ordered))
    statements = _statements(ordered, aliases)
    rows = tuple(
        Row(name, tuple(_cell(ordered, column, name, statements, aliases) for column in columns))
        for name in _names_in_order(ordered, aliases)
    )
    return IndicatorTable(ordered, columns, rows, dict(aliases))


def _columns(sets: Sequence[IndicatorSet]) -> Iterator[Column]:
    for each in sets:
        keys = dict.fromkeys(
            [(s.role, s.year) for s in each.sources] + [(r.role, r.year) for r in each.indicators]
        )
        for role, year in sorted(keys, key=lambda k: (k[1] or 0, ROLES.index(k[0]))):
            yield Column(each.doc_id, each.date, role, year)


def _names_in_order(sets: Sequence[IndicatorSet], aliases: Mapping[str, str]) -> list[str]:
    names: dict[str, None] = {}
    for each in sets:
        for record in each.indicators:
            names.setdefault(canonical_name(record.name, aliases))
    return list(names)


def _measure(record: Indicator) -> str:
    """What a figure measures: the level, the rate of change, or "" (no figure, no direction)."""
    return {"level": "level", "growth": "rate", "decline": "rate"}.get(record.change, "")


@dataclass(frozen=True)
class _Statement:
    series: str
    doc_id: str
    role: str
    name: str
    measure: str
    change: str


def _statements(sets: Sequence[IndicatorSet], aliases: Mapping[str, str]) -> list[_Statement]:
    return [
        _Statement(each.series, each.doc_id, r.role, canonical_name(r.name, aliases), _measure(r), r.change)
        for each in sets
        for r in each.indicators
        if not r.is_absent
    ]


def _cell(
    sets: Sequence[IndicatorSet],
    column: Column,
    name: str,
    statements: list[_Statement],
    aliases: Mapping[str, str],
) -> Cell:
    each = next(s for s in sets if s.doc_id == column.doc_id)
    records = tuple(
        r
        for r in each.indicators
        if r.role == column.role and r.year == column.year and canonical_name(r.name, aliases) == name
    )
    elsewhere = [
        s
        for s in statements
        if each.series
        and s.series == each.series
        and s.doc_id != each.doc_id
        and (s.role, s.name) == (column.role, name)
    ]
    missing = _missing_changes(records, elsewhere)
    omitted = tuple(_omitted(each, column, name, change) for change in missing)
    if any(not r.is_absent for r in records):
        return Cell("stated", records + omitted)
    if records:
        return Cell("blank", records)
    return Cell("omitted", omitted) if omitted else Cell("", ())


def _missing_changes(records: tuple[Indicator, ...], elsewhere: list[_Statement]) -> list[str]:
    """The changes to record as omitted: "" for the whole indicator, or the missing measure's."""
    if not elsewhere:
        return []
    if not records:
        return [""]
    if any(r.status == "blank" or not _measure(r) for r in records):
        return []
    have = {_measure(r) for r in records}
    wanted = {s.measure: s.change for s in reversed(elsewhere) if s.measure}
    return [change for measure, change in sorted(wanted.items()) if measure not in have]


def _omitted(each: IndicatorSet, column: Column, name: str, change: str) -> Indicator:
    source = next((s for s in each.sources if (s.role, s.year) == (column.role, column.year)), None)
    return Indicator(
        name=name,
        value="",
        unit="",
        change=change,
        modifier="",
        kind="",
        role=column.role,
        year=column.year,
        pointer=source.pointer if source else "",
        source_text="",
        status="omitted",
    )


def all_records(table: IndicatorTable) -> Iterator[tuple[IndicatorSet, Indicator]]:
    """Every record of every document, then the omissions the alignment found in it."""
    for each in table.sets:
        for record in each.indicators:
            yield each, record
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                if column.doc_id == each.doc_id:
                    for record in cell.records:
                        if record.status == "omitted":
                            yield each, record


def short_text(record: Indicator) -> str:
    """`+6.0%以上`, `-5.7%`, `5318.2亿元`, `力争正增长`, `基本持平`; `—` for a blank cell;
    `(omitted)`, or `(no growth)` when only that part is left out."""
    if record.status == "omitted":
        return f"(no {record.change})" if record.change else "(omitted)"
    if record.is_absent:
        return "—"
    if not record.value:
        return record.modifier if record.modifier == "完成市下达目标" else _wording(record)
    sign = {"growth": "+", "decline": "-"}.get(record.change, "")
    if record.value[0] in "-−－+":
        sign = "-" if record.change == "decline" else ""
    prefix = "力争" if record.modifier == "力争" else ""
    suffix = record.modifier if record.modifier in ("以上", "左右", "以内") else ""
    return f"{prefix}{sign}{record.value}{record.unit}{suffix}"


def _wording(record: Indicator) -> str:
    """A figure given in words (力争正增长, 基本持平, 稳步增长), without the indicator's name."""
    return record.printed.removeprefix(record.name) or record.modifier


def cell_text(cell: Cell) -> str:
    """The distinct figures of a cell (a list and a table stating the same figure show once)."""
    texts: list[str] = []
    seen: set[tuple[object, ...]] = set()
    for record in cell.records:
        key: tuple[object, ...] = (short_text(record),)
        if record.value:
            key = (_measure(record), _signed(record), record.unit, record.modifier)
        if key not in seen:
            seen.add(key)
            texts.append(short_text(record))
    return " ".join(texts)


def _signed(record: Indicator) -> Decimal | str:
    """The value as a signed number, so `下降5.1%` and a `-5.1%` cell compare equal."""
    try:
        number = Decimal(record.value.replace("−", "-").replace("－", "-"))
    except InvalidOperation:
        return record.value
    return -number if record.change == "decline" else number


def _column_label(column: Column) -> str:
    return f"{column.role} {column.year if column.year is not None else '?'}"


def _pad(text: str, size: int) -> str:
    return text + " " * (size - display_width(text))


_LEGEND = (
    "+ growth, - decline, no sign: a level; — the report leaves the cell blank or writes —; "
    "(omitted), (no growth): another edition of the series states it, this one does not"
)


def render_terminal(table: IndicatorTable) -> str:
    """Plain text: a legend of the editions, then indicators down and editions across."""
    lines = [f"{each.date:<12}{each.doc_id}  {each.title}" for each in table.sets]
    if not table.rows:
        return "\n".join([*lines, "", "no indicators found"]) + "\n"
    grid = [
        ["indicator", *(c.date for c in table.columns)],
        ["", *(_column_label(c) for c in table.columns)],
        *([row.name, *(cell_text(cell) for cell in row.cells)] for row in table.rows),
    ]
    sizes = [max(display_width(line[at]) for line in grid) for at in range(len(grid[0]))]
    lines.append("")
    for line in grid:
        lines.append("  ".join(_pad(text, size) for text, size in zip(line, sizes, strict=True)).rstrip())
    lines.extend(["", _LEGEND])
    return "\n".join(lines) + "\n"


def _record_dict(record: Indicator, aliases: Mapping[str, str]) -> dict[str, object]:
    data = asdict(record)
    data["canonical_name"] = canonical_name(record.name, aliases)
    return data


def to_json(table: IndicatorTable) -> dict[str, object]:
    """Documents with their sources and records, then the aligned table (docs/indicators.md)."""
    omitted: dict[str, list[dict[str, object]]] = {}
    for each, record in all_records(table):
        if record.status == "omitted":
            omitted.setdefault(each.doc_id, []).append(_record_dict(record, table.aliases))
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [
            {
                "id": each.doc_id,
                "date": each.date,
                "title": each.title,
                "series": each.series,
                "found": each.found,
                "sources": [asdict(source) for source in each.sources],
                "indicators": [_record_dict(r, table.aliases) for r in each.indicators]
                + omitted.get(each.doc_id, []),
            }
            for each in table.sets
        ],
        "columns": [asdict(column) for column in table.columns],
        "rows": [
            {
                "name": row.name,
                "cells": [
                    {"status": cell.status, "text": cell_text(cell), "pointers": _pointers(cell)}
                    for cell in row.cells
                ],
            }
            for row in table.rows
        ],
    }


def _pointers(cell: Cell) -> list[str]:
    return list(dict.fromkeys(record.pointer for record in cell.records if record.pointer))


def to_csv(table: IndicatorTable) -> str:
    """One line per record (omissions included), with a header line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for each, record in all_records(table):
        data = _record_dict(record, table.aliases)
        data.update(doc_id=each.doc_id, date=each.date, year="" if record.year is None else record.year)
        writer.writerow([data[column] for column in CSV_COLUMNS])
    return buffer.getvalue()
