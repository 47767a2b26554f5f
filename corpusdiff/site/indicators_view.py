"""The context of the indicators page: each set's table with links to the paragraphs its figures
come from, target beside achieved, and a small SVG chart of an indicator over the editions.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from markupsafe import Markup

from corpusdiff.render import indicators as render_indicators
from corpusdiff.series import indicators as ind
from corpusdiff.series.indicator_extraction import extract_indicators
from corpusdiff.site.common import (
    Doc,
)
from corpusdiff.site.edition_sets import EditionSet
from corpusdiff.site.labels import Box, Label, Segment, place, text_width
from corpusdiff.strings import Strings, catalogue
from corpusdiff.types.document import NormalizedDocument

if TYPE_CHECKING:
    pass

@dataclass(frozen=True)
class ChartPoint:
    year: int
    role: str  # target | achieved
    value: Decimal
    label: str  # the figure as the page prints it


def indicator_section(
    edition_set: EditionSet,
    root: str,
    aliases: Mapping[str, str] = ind.DEFAULT_ALIASES,
    strings: Strings | None = None,
) -> dict[str, object]:
    """The aligned indicator table of one set of editions, with charts and target vs achieved,
    labelled in the site's language (`strings`, default the default language's)."""
    strings = strings or catalogue()
    sets = [extract_indicators(_document(d)) for d in edition_set.docs]
    table = ind.indicator_table(sets, aliases)
    urls = {d.id: root + d.url for d in edition_set.docs}
    half = [not c.period.is_year for c in table.columns]  # a part of the year (H1, 1-9月)
    rows = []
    for r, row in enumerate(table.rows):
        cells = [
            _indicator_cell(cell, urls[column.doc_id], strings)
            for column, cell in zip(table.columns, row.cells, strict=True)
        ]
        points = chart_points(table.columns, row.cells, half, strings)
        charts = [
            chart_svg(row.name, caption, group, f"chart-{edition_set.anchor}-{r}-{g}", strings)
            for g, (caption, group) in enumerate(points)
        ]
        rows.append(
            {
                "name": row.name,
                "cells": cells,
                "charts": charts,
                "versus": target_vs_achieved(table, row, half, strings),
            }
        )
    return {
        "anchor": f"set-{edition_set.anchor}",
        "name": edition_set.name,
        "source": edition_set.source,
        "editions": [
            {"url": urls[s.doc_id], "title": s.title, "date": s.date, "found": s.found} for s in table.sets
        ],
        "columns": [
            {
                "date": c.date,
                "url": urls[c.doc_id],
                "role": c.role,
                "year": c.year,
                "period": render_indicators.period_label(c.period, strings) if h else "",
            }
            for c, h in zip(table.columns, half, strict=True)
        ],
        "rows": rows,
    }


def _document(doc: Doc) -> NormalizedDocument:
    from corpusdiff.canonical.markdown import parse

    document = parse(doc.text)
    return replace(document, metadata=replace(document.metadata, id=doc.id))


#: A figure of this many characters or fewer is kept on one line (`（未说明）`, `1100万人以上`):
#: squeezed by 18 edition columns, the table broke them a character or two a line; a longer
#: wording (`实际增长与经济增长同步`) wraps.
SHORT_FIGURE = 8


def _indicator_cell(cell: ind.Cell, doc_url: str, strings: Strings) -> dict[str, str]:
    """A cell's text in the site's language: (未说明) on a Chinese page, never (not stated)."""
    pointer = next((r.pointer for r in cell.records if r.pointer.startswith("p")), "")
    text = render_indicators.cell_text(cell, strings)
    return {
        "status": cell.status,
        "text": text,
        "html": _short_figures_whole(text),
        "url": f"{doc_url}#{pointer}" if pointer else doc_url,
    }


def _short_figures_whole(text: str) -> Markup:
    """A cell's figures, each short one in a <span> the style sheet keeps on one line: the line
    may break between `56.9万亿元` and `+7.7%`, never inside `（未说明）`."""
    return Markup(" ").join(
        Markup("<span>{}</span>").format(figure) if len(figure) <= SHORT_FIGURE else figure
        for figure in text.split(" ")
    )


def target_vs_achieved(
    table: ind.IndicatorTable, row: ind.Row, half: Sequence[bool], strings: Strings | None = None
) -> list[str]:
    """`2021年：目标 +6.8% → 完成 5318.2亿元 +8.6%` for each year that has both."""
    strings = strings or catalogue()
    by_key: dict[tuple[str, int], str] = {}
    for column, cell, is_half in zip(table.columns, row.cells, half, strict=True):
        if cell.status == "stated" and column.year is not None:
            by_key.setdefault(
                (column.role, column.year), render_indicators.cell_text(cell, strings) + (f" ({column.period})" if is_half else "")
            )
    years = sorted({year for _, year in by_key})
    return [
        strings(
            "indicators.target_vs_achieved",
            year=year,
            target=by_key[("target", year)],
            achieved=by_key[("achieved", year)],
        )
        for year in years
        if ("target", year) in by_key and ("achieved", year) in by_key
    ]


def _number(record: ind.Indicator) -> Decimal | None:
    """A decline is plotted below zero whether the report writes 下降5.1% or -5.1%; a range
    (6.5%－7%) at its middle."""
    low, high = record.figure.low, record.figure.high
    if low is None:
        return None
    value = (low + high) / 2 if high is not None else low
    return -abs(value) if record.change == "decline" else value


def chart_points(
    columns: Sequence[ind.Column],
    cells: Sequence[ind.Cell],
    half: Sequence[bool],
    strings: Strings | None = None,
) -> list[tuple[str, list[ChartPoint]]]:
    """Numeric figures grouped by what they measure (rate or level) and unit: one chart per group
    with at least two points; a year keeps the first figure of each role. A half-year level is
    left out: on a line with annual levels it would read as a collapse; so is a five-year plan's
    cumulative figure (`〔13.5〕`), which beside yearly rates would read as a leap. Captions are in
    the language of `strings`."""
    strings = strings or catalogue()
    groups: dict[tuple[str, str], dict[tuple[str, int], ChartPoint]] = {}
    for column, cell, is_half in zip(columns, cells, half, strict=True):
        for record in cell.records:
            value = _number(record) if record.status == "stated" and record.value else None
            measure = "level" if record.change == "level" else "rate"
            over_years = column.period.spans_years
            if value is None or column.year is None or over_years or (is_half and measure == "level"):
                continue
            label = render_indicators.short_text(record, strings) + (f" {column.period}" if is_half else "")
            points = groups.setdefault((measure, record.unit), {})
            points.setdefault((column.role, column.year), ChartPoint(column.year, column.role, value, label))
    return [
        (_chart_caption(measure, unit, strings), list(points.values()))
        for (measure, unit), points in groups.items()
        if len(points) >= 2
    ]


def _chart_caption(measure: str, unit: str, strings: Strings) -> str:
    """`增减幅度，%` or `水平，万人`: what a chart's values are, and their unit."""
    name = strings(f"indicators.chart.{measure}")
    return strings("indicators.chart.caption", measure=name, unit=unit) if unit else name


CHART_WIDTH, CHART_HEIGHT = 360, 190
_MARGIN = {"left": 30, "right": 30, "top": 34, "bottom": 44}  # room for labels below the lowest point


def chart_svg(
    name: str, caption: str, points: Sequence[ChartPoint], chart_id: str, strings: Strings | None = None
) -> Markup:
    """A static line chart: achieved solid with filled dots, target dashed with open dots, every
    point labelled with its figure; no script, readable without colour. Its title, description
    (what a screen reader says) and legend are in the language of `strings`."""
    strings = strings or catalogue()
    title = strings("indicators.chart.title", name=name, caption=caption)

    def said(p: ChartPoint) -> str:
        return strings("indicators.chart.point", role=strings(f"indicators.{p.role}"), year=p.year, label=p.label)

    described = (said(p) for p in sorted(points, key=lambda p: p.year))
    x_of, y_of = _scales(points)
    parts = [
        Markup(
            '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
            'width="{w}" height="{h}" role="img" aria-labelledby="{id}-t {id}-d">'
        ).format(w=CHART_WIDTH, h=CHART_HEIGHT, id=chart_id),
        Markup('<title id="{}-t">{}</title>').format(chart_id, title),
        Markup('<desc id="{}-d">{}</desc>').format(chart_id, "; ".join(described)),
        Markup('<text x="4" y="12" class="caption">{}</text>').format(caption),
        Markup('<text x="{}" y="12" text-anchor="end" class="legend">{}</text>').format(
            CHART_WIDTH - 4, strings("indicators.chart.legend")
        ),
    ]
    zero = y_of(Decimal(0))
    parts.append(
        Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#999" stroke-width="1"/>').format(
            _MARGIN["left"] - 10, zero, CHART_WIDTH - _MARGIN["right"] + 10, zero
        )
    )
    for year in sorted({p.year for p in points}):
        parts.append(
            Markup('<text x="{}" y="{}" text-anchor="middle" class="year">{}</text>').format(
                x_of(year), CHART_HEIGHT - 6, year
            )
        )
    shown = _labels_shown(points, _labels_above(points), x_of, y_of)
    unlabelled = {p: said(p) for p in points if p not in shown}
    for role in ind.ROLES:
        in_role = sorted((p for p in points if p.role == role), key=lambda p: p.year)
        parts += _series(in_role, shown, unlabelled, x_of, y_of)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _scales(points: Sequence[ChartPoint]) -> tuple[Callable[[int], str], Callable[[Decimal], str]]:
    """Years across (to scale), values up with zero always in range, so a small change does not
    look like a large one."""
    years = [p.year for p in points]
    low, high = min(years), max(years)
    values = [p.value for p in points] + [Decimal(0)]
    bottom, top = min(values), max(values)
    span = (top - bottom) or Decimal(1)
    width = CHART_WIDTH - _MARGIN["left"] - _MARGIN["right"]
    height = CHART_HEIGHT - _MARGIN["top"] - _MARGIN["bottom"]

    def x_of(year: int) -> str:
        share = (year - low) / (high - low) if high > low else 0.5
        return f"{_MARGIN['left'] + share * width:.1f}"

    def y_of(value: Decimal) -> str:
        return f"{_MARGIN['top'] + float((top - value) / span) * height:.1f}"

    return x_of, y_of


def _labels_above(points: Sequence[ChartPoint]) -> set[ChartPoint]:
    """Points labelled above themselves: achieved ones, unless a target of the same year lies
    higher; then the higher of the two is labelled above, the lower below, so labels do not meet."""

    def height(point: ChartPoint) -> tuple[Decimal, bool]:
        return point.value, point.role == "achieved"

    above = set()
    for point in points:
        other = next((p for p in points if p.year == point.year and p.role != point.role), None)
        if (height(point) > height(other)) if other else point.role == "achieved":
            above.add(point)
    return above


_FONT_PX = 10  # svg.chart's font-size in style.css


def _label_spot(
    point: ChartPoint, is_above: bool, x_of: Callable[[int], str], y_of: Callable[[Decimal], str]
) -> tuple[str, str, str]:
    """A figure's x, baseline y and anchor: above its point or below it, inward at the edges."""
    y = float(y_of(point.value))
    label_y = f"{y - 7:.1f}" if is_above else f"{y + 15:.1f}"
    label_x, anchor = _label_place(float(x_of(point.year)))
    return label_x, label_y, anchor


def _label_box(point: ChartPoint, spot: tuple[str, str, str]) -> Box:
    x, y, anchor = float(spot[0]), float(spot[1]), spot[2]
    width = text_width(point.label, _FONT_PX)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, left + width, y - _FONT_PX, y + 0.2 * _FONT_PX)


def _labels_shown(
    points: Sequence[ChartPoint],
    above: set[ChartPoint],
    x_of: Callable[[int], str],
    y_of: Callable[[Decimal], str],
) -> dict[ChartPoint, bool]:
    """The points whose figure is printed beside them, each with whether above it: each line's
    first and last, then year by year those whose figure, on its side or the other, meets no
    figure already printed, no point and no line (a first or last figure where none is clear
    stands on its side all the same). Over nine editions every
    figure printed ran into its neighbours (`+7.5%左右+7.7%+7.4%`); the others are in the
    point's tooltip, the chart's description and the table above."""
    ends = _line_ends(points)
    order = ends + sorted((p for p in points if p not in ends), key=lambda p: (p.year, p.role))
    sides = {p: (p in above, p not in above) for p in order}
    candidates = [
        Label(tuple(_label_box(p, _label_spot(p, side, x_of, y_of)) for side in sides[p]), p in ends) for p in order
    ]
    dots = [_dot(float(x_of(p.year)), float(y_of(p.value))) for p in points]
    segments: list[Segment] = [
        (float(x_of(a.year)), float(y_of(a.value)), float(x_of(b.year)), float(y_of(b.value)))
        for line in _lines(points)
        for a, b in itertools.pairwise(line)
    ]
    chosen = place(candidates, dots, segments)
    return {p: sides[p][spot] for p, spot in zip(order, chosen, strict=True) if spot is not None}


def _dot(x: float, y: float) -> Box:
    return Box(x - 4, x + 4, y - 4, y + 4)


def _lines(points: Sequence[ChartPoint]) -> list[list[ChartPoint]]:
    """Each role's points by year: the lines of the chart."""
    return [sorted((p for p in points if p.role == role), key=lambda p: p.year) for role in ind.ROLES]


def _line_ends(points: Sequence[ChartPoint]) -> list[ChartPoint]:
    """The first and last point of each role's line."""
    return [p for line in _lines(points) for p in dict.fromkeys(line[:1] + line[-1:])]


def _label_place(x: float) -> tuple[str, str]:
    """Where a point's figure stands and how it is anchored: centred on the point, but from the
    point inwards at the chart's first and last year, where a centred figure ran past the edge
    and was cut (4800亿元左右 lost its 4)."""
    if x <= _MARGIN["left"]:
        return f"{x - 6:.1f}", "start"
    if x >= CHART_WIDTH - _MARGIN["right"]:
        return f"{x + 6:.1f}", "end"
    return f"{x:.1f}", "middle"


def _series(
    points: Sequence[ChartPoint],
    shown: Mapping[ChartPoint, bool],
    unlabelled: Mapping[ChartPoint, str],
    x_of: Callable[[int], str],
    y_of: Callable[[Decimal], str],
) -> list[Markup]:
    """One role's line (dashed for targets) and its points, each with its figure above or below
    it (`shown`: whether above) or, where the figure would run into another (`unlabelled`), in
    its tooltip."""
    if not points:
        return []
    target = points[0].role == "target"
    coordinates = " ".join(f"{x_of(p.year)},{y_of(p.value)}" for p in points)
    parts = []
    if len(points) > 1:
        parts.append(
            Markup('<polyline points="{}" fill="none" stroke="currentColor" stroke-width="1.5"{}/>').format(
                coordinates, Markup(' stroke-dasharray="5 3"') if target else ""
            )
        )
    for p in points:
        x, y = x_of(p.year), y_of(p.value)
        fill = "#fff" if target else "currentColor"
        if p in unlabelled:
            parts.append(
                Markup('<circle cx="{}" cy="{}" r="3.5" stroke="currentColor" fill="{}"><title>{}</title></circle>').format(
                    x, y, fill, unlabelled[p]
                )
            )
            continue
        parts.append(Markup('<circle cx="{}" cy="{}" r="3.5" stroke="currentColor" fill="{}"/>').format(x, y, fill))
        label_x, label_y, anchor = _label_spot(p, shown[p], x_of, y_of)
        parts.append(
            Markup('<text x="{}" y="{}" text-anchor="{}" class="value {}">{}</text>').format(
                label_x, label_y, anchor, p.role, p.label
            )
        )
    return parts
