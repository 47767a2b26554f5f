"""An indicator table (series/indicators) shown: terminal text folded to the terminal's width,
JSON (its schema in docs/indicators.md) and CSV, and a record's figure as short text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import asdict

from corpusdiff.render.grid import fold
from corpusdiff.series.editions import column_labels
from corpusdiff.series.indicator_text import (
    Change,
    Period,
    Status,
    is_assigned,
)
from corpusdiff.series.indicators import (
    Cell,
    Column,
    Indicator,
    IndicatorKeys,
    IndicatorSet,
    IndicatorSource,
    IndicatorTable,
    all_records,
    measure_of,
    signed_figures,
)
from corpusdiff.strings import Strings, catalogue
from corpusdiff.text.chars import display_width, pad
from corpusdiff.text.spreadsheet import inert
from corpusdiff.types.edition import Edition

SCHEMA_VERSION = "1.1"
CSV_COLUMNS = (
    "doc_id",
    "date",
    "region",
    "name",
    "canonical_name",
    "value",
    "low",
    "high",
    "unit",
    "change",
    "modifier",
    "kind",
    "role",
    "year",
    "period",
    "status",
    "pointer",
    "printed",
    "source_text",
)
_PREFIX_WORDS = ("力争", "不低于", "不超过", "低于", "高于", "超过", "突破", "控制在")


def short_text(record: Indicator, strings: Strings | None = None) -> str:
    """`+6.0%以上`, `+6.5–7%`, `-5.7%`, `5318.2亿元`, `控制在4.6%以内`, `力争正增长`; `—` for a
    blank cell, `(no target)`, `(not stated)` or `(growth not stated)` (in the language of
    `strings`, English by default)."""
    strings = strings or catalogue("en")
    if record.status == Status.OMITTED:
        if not record.change:
            return strings("report.indicators.not_stated")
        change = strings(f"report.indicators.change.{record.change}")
        return strings("report.indicators.change_not_stated", change=change)
    if record.status == Status.NO_TARGET:
        return strings("report.indicators.no_target")
    if record.is_absent:
        return "—"
    if not record.value:
        return record.modifier_as_printed if is_assigned(record.modifier) else _wording(record)
    sign = {Change.GROWTH: "+", Change.DECLINE: "-"}.get(record.change, "")
    low = record.figure.low
    if low is not None and low < 0:
        sign = ""
    words = list(zip(record.modifier.split(), record.modifier_as_printed.split(), strict=True))
    prefix = "".join(shown for word, shown in words if word in _PREFIX_WORDS)
    suffix = "".join(shown for word, shown in words if word not in _PREFIX_WORDS)
    return f"{prefix}{sign}{record.value}{record.unit_as_printed}{suffix}"


def _wording(record: Indicator) -> str:
    """A figure given in words (力争正增长, 基本持平, 稳步增长), without the indicator's name and the
    words of striving before it (努力实现居民收入增长和经济发展同步 -> 增长和经济发展同步)."""
    _, named, wording = record.printed.partition(record.label)
    return (wording if named else record.printed) or record.modifier_as_printed


def cell_text(cell: Cell, strings: Strings | None = None) -> str:
    """The distinct figures of a cell (a list and a table stating the same figure show once)."""
    texts: list[str] = []
    seen: set[tuple[object, ...]] = set()
    for record in cell.records:
        key: tuple[object, ...] = (short_text(record, strings),)
        if record.value:
            key = (measure_of(record), signed_figures(record), record.unit, record.modifier)
        if key not in seen:
            seen.add(key)
            texts.append(short_text(record, strings))
    return " ".join(texts)


def column_label(column: Column, strings: Strings | None = None) -> str:
    """`target 2025`, `achieved 2023 H1` (目标 2025, 完成 2023 H1 in Chinese), `target 2025
    5-year total` (目标 2025 5年累计: a five-year plan's 〔13.5〕)."""
    strings = strings or catalogue("en")
    role = strings(f"indicators.{column.role}")
    year = column.year if column.year is not None else "?"
    return f"{role} {year}" + ("" if column.period.is_year else f" {period_label(column.period, strings)}")


def period_label(period: Period, strings: Strings) -> str:
    """`H1`, `1-10月`; a figure over years as the language of `strings` says it (`5年累计`)."""
    return strings("indicators.years", years=period.months // 12) if period.spans_years else str(period)


def _labels(sets: Sequence[IndicatorSet]) -> list[str]:
    """Each edition's label: its date, or what tells it apart (series.editions.column_labels)."""
    return column_labels([Edition(each.doc_id, each.date) for each in sets])


def _column_headers(table: IndicatorTable) -> list[str]:
    label_of = dict(zip((each.doc_id for each in table.sets), _labels(table.sets), strict=True))
    return [label_of[c.doc_id] for c in table.columns]


def edition_lines(sets: Sequence[IndicatorSet]) -> list[str]:
    """The legend of the editions, one a line: date, id and title each in a column of its own,
    padded to display width (ids differ in length, and a date may be missing or long)."""
    rows = [(label, each.doc_id, each.title) for label, each in zip(_labels(sets), sets, strict=True)]
    widths = [max((display_width(row[at]) for row in rows), default=0) for at in range(2)]
    return [f"{pad(date, widths[0])}  {pad(doc_id, widths[1])}  {title}".rstrip() for date, doc_id, title in rows]


def render_terminal(table: IndicatorTable, strings: Strings | None = None, fit: int = 0) -> str:
    """Plain text: a legend of the editions, then indicators down and editions across; with
    several regions, each region's rows under its name; labels in the language of `strings`
    (default Chinese, as every report's). A table wider than `fit` columns (0: never) is folded
    under the indicator names (`render.grid.fold`)."""
    strings = strings or catalogue()
    lines = edition_lines(table.sets)
    if not table.rows:
        return "\n".join([*lines, "", strings("report.indicators.none")]) + "\n"
    several = len({row.group for row in table.rows}) > 1
    grid: list[list[str]] = [
        [strings("report.indicators.indicator"), *_column_headers(table)],
        ["", *(column_label(c, strings) for c in table.columns)],
    ]
    group = None
    for row in table.rows:
        if several and row.group != group:
            group = row.group
            grid.append(
                [f"[{group or strings('report.indicators.no_region')}]", *("" for _ in table.columns)]
            )
        grid.append([row.name, *(cell_text(cell, strings) for cell in row.cells)])
    editions = ["", *(column.doc_id for column in table.columns)]
    lines += ["", *fold(grid, fit, together=editions), "", strings("report.indicators.legend")]
    return "\n".join(lines) + "\n"


def _record_dict(each: IndicatorSet, record: Indicator, keys: IndicatorKeys) -> dict[str, object]:
    figure = record.figure
    return {
        "name": record.label,
        "canonical_name": keys(each, record)[1],
        "value": record.value,
        "low": "" if figure.low is None else str(figure.low),
        "high": "" if figure.high is None else str(figure.high),
        "unit": record.unit,
        "change": str(record.change),
        "modifier": record.modifier,
        "kind": record.kind,
        "role": str(record.role),
        "year": record.year,
        "period": str(record.period),
        "status": str(record.status),
        "pointer": record.pointer,
        "printed": record.printed,
        "source_text": record.source_text,
    }


def to_json(table: IndicatorTable) -> dict[str, object]:
    """Documents with their sources and records, then the aligned table (docs/indicators.md)."""
    keys = IndicatorKeys(table.sets, table.aliases)
    omitted: dict[str, list[dict[str, object]]] = {}
    for each, record in all_records(table):
        if record.status == Status.OMITTED:
            omitted.setdefault(each.doc_id, []).append(_record_dict(each, record, keys))
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [
            {
                "id": each.doc_id,
                "date": each.date,
                "title": each.title,
                "series": each.series,
                "region": each.region,
                "found": each.found,
                "sources": [_source_dict(source) for source in each.sources],
                "indicators": [_record_dict(each, r, keys) for r in each.indicators]
                + omitted.get(each.doc_id, []),
            }
            for each in table.sets
        ],
        "columns": [{**asdict(column), "period": str(column.period)} for column in table.columns],
        "rows": [
            {
                "name": row.name,
                "canonical_name": row.canonical,
                "region": row.group,
                "names": list(row.names),
                "cells": [
                    {"status": str(cell.status), "text": cell_text(cell), "pointers": _pointers(cell)}
                    for cell in row.cells
                ],
            }
            for row in table.rows
        ],
    }


def _source_dict(source: IndicatorSource) -> dict[str, object]:
    return {**asdict(source), "period": str(source.period)}


def _pointers(cell: Cell) -> list[str]:
    return list(dict.fromkeys(record.pointer for record in cell.records if record.pointer))


def to_csv(table: IndicatorTable) -> str:
    """One line per record (omissions included), with a header line. No cell is a formula
    Excel would run (`text.spreadsheet`): indicator names are report text."""
    keys = IndicatorKeys(table.sets, table.aliases)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for each, record in all_records(table):
        data = _record_dict(each, record, keys)
        data.update(
            doc_id=each.doc_id,
            date=each.date,
            region=each.region,
            year="" if record.year is None else record.year,
        )
        writer.writerow([inert(data[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()
