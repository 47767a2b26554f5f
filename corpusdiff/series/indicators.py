"""Quantitative targets and results stated by a report, aligned across editions: the records'
types, and the table that lines up each indicator's records edition by edition (one row per
indicator and series, its label as the latest edition prints it). How a report's records are
read is `indicator_extraction` (one clause or cell: `indicator_text`); how the table is shown,
`render/indicators`. Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from corpusdiff.series.aliases import DEFAULT_ALIASES, shipped
from corpusdiff.series.indicator_text import (
    YEAR,
    Change,
    Period,
    Role,
    Status,
    Value,
    series_name,
)
from corpusdiff.series.script import in_print

ROLES = (Role.TARGET, Role.ACHIEVED)
ABSENT = (Status.BLANK, Status.OMITTED)


class Shape(StrEnum):
    LIST = "list"
    SENTENCE = "sentence"
    TABLE = "table"
    PROSE = "prose"  # a figure in running text: 今年赤字率拟按3%安排


NUMBERED_LINE_RE = re.compile(r"^\s*\d+\s*[.．、]\s*")


@dataclass(frozen=True)
class Indicator:
    """One figure as the report states it (or its absence, see `status`)."""

    name: str  # as printed, without numbering and without 增长/下降
    figure: Value
    change: Change
    kind: str  # 预期性 | 约束性 | "" (only where a heading or table row says so)
    year: int | None
    pointer: str  # "p41" (the site's paragraph anchor) or "table 1 row 5"
    source_text: str  # the whole paragraph or table row
    status: Status = Status.STATED
    printed: str = ""  # the clause or cell that states this figure
    #: `name` as the report prints it, where in other characters: a reprint's 國內生產總值, read as
    #: 国内生产总值 (`name`, the key rows group on); "" where the report prints `name`.
    printed_name: str = ""
    #: `unit` and `modifier` (each word) as such a report prints them (億元, 以內, 完成市下達目標),
    #: "" where as read: a cell of a reprint reads as its row label does, not in the copy's script.
    printed_unit: str = ""
    printed_modifier: str = ""

    @property
    def label(self) -> str:
        """The name as the report prints it."""
        return self.printed_name or self.name

    @property
    def unit_as_printed(self) -> str:
        return self.printed_unit or self.unit

    @property
    def modifier_as_printed(self) -> str:
        return self.printed_modifier or self.modifier

    @property
    def value(self) -> str:
        return self.figure.text

    @property
    def unit(self) -> str:
        return self.figure.unit

    @property
    def modifier(self) -> str:
        return self.figure.modifier

    @property
    def role(self) -> Role:
        return self.figure.role

    @property
    def period(self) -> Period:
        return self.figure.period

    @property
    def is_absent(self) -> bool:
        return self.status in ABSENT


@dataclass(frozen=True)
class IndicatorSource:
    """Where a document states indicators: one list, sentence or running-text sentence, or one
    column of a table."""

    shape: Shape
    pointer: str
    role: Role
    year: int | None
    text: str  # the introducing paragraph, the table column's header, or the sentence
    period: Period = YEAR


@dataclass(frozen=True)
class IndicatorSet:
    """What one document states; no sources at all means the extractor found nothing to read."""

    doc_id: str
    date: str
    title: str
    series: str
    sources: tuple[IndicatorSource, ...]
    indicators: tuple[Indicator, ...]
    region: str = ""
    #: The report states its indicators in lists, tables or sentences of targets, so one that
    #: another edition states and it does not is left out; False for running text read for a
    #: planned economy, which mentions what it will and leaves nothing out.
    complete: bool = True

    @property
    def found(self) -> bool:
        return bool(self.sources)

    @property
    def group(self) -> str:
        """Whose indicators these are: rows are per region (the series when none is known)."""
        return self.region or self.series


@dataclass(frozen=True)
class Column:
    doc_id: str
    date: str
    role: Role
    year: int | None
    period: Period = YEAR


@dataclass(frozen=True)
class Cell:
    status: Status
    records: tuple[Indicator, ...]


@dataclass(frozen=True)
class Row:
    """One indicator of one region: `name` as the latest edition stating it prints it."""

    name: str
    cells: tuple[Cell, ...]
    canonical: str = ""
    group: str = ""  # the region (or series) whose indicator this is
    names: tuple[str, ...] = ()  # every name the editions print for it, oldest first


@dataclass(frozen=True)
class IndicatorTable:
    sets: tuple[IndicatorSet, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    aliases: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ALIASES))  # that aligned the rows


def canonical_name(name: str, aliases: Mapping[str, str] = DEFAULT_ALIASES) -> str:
    """The key that aligns one indicator across editions: numbering, scope and comparison words
    dropped (`series_name`), aliases applied (to the name as printed first, so a corpus may
    still alias a scoped name)."""
    bare = NUMBERED_LINE_RE.sub("", name).strip()
    if bare in aliases:
        return aliases[bare]
    plain = _ABBREVIATION.sub("", series_name(bare)) or series_name(bare)
    return aliases.get(plain, plain)


#: An abbreviation in brackets after a name (the 纲要's `国内生产总值（GDP）`): the same indicator
#: as the annual reports' 国内生产总值, so the plan's row is theirs.
_ABBREVIATION = re.compile(r"[（(][A-Za-z][A-Za-z0-9.]*[）)]")


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


@dataclass(frozen=True)
class _Statement:
    series: str
    edition: IndicatorSet
    role: Role
    key: tuple[str, str]
    measure: str
    change: Change


@dataclass(frozen=True)
class Synonym:
    """Generic wordings (`words`) of the indicator a region's editions name by `names`."""

    words: tuple[str, ...]
    names: re.Pattern[str]


def _load_synonyms() -> tuple[Synonym, ...]:
    return tuple(
        Synonym(tuple(entry["words"]), re.compile(entry["names"]))
        for entry in shipped("indicator-synonyms.yaml")
    )


#: series/data/indicator-synonyms.yaml: 经济增速 joins the region's GDP row, 能耗强度 its
#: energy-intensity row, whatever the level of the report names them.
SYNONYMS = _load_synonyms()


class IndicatorKeys:
    """The row key of every record: (region, canonical name), a generic wording (`SYNONYMS`)
    resolved to the name the region's editions give that indicator."""

    def __init__(self, sets: Sequence[IndicatorSet], aliases: Mapping[str, str]) -> None:
        self.aliases = aliases
        names: dict[str, list[str]] = {}
        for each in sets:
            for record in each.indicators:
                names.setdefault(each.group, []).append(canonical_name(record.name, aliases))
        self.resolved: dict[tuple[str, str], str] = {}
        for group, written in names.items():
            for synonym in SYNONYMS:
                full = next((n for n in written if n not in synonym.words and synonym.names.search(n)), None)
                for word in synonym.words if full else ():
                    self.resolved[group, word] = full or word

    def __call__(self, each: IndicatorSet, record: Indicator) -> tuple[str, str]:
        name = canonical_name(record.name, self.aliases)
        return each.group, self.resolved.get((each.group, name), name)


def indicator_table(
    sets: Sequence[IndicatorSet], aliases: Mapping[str, str] = DEFAULT_ALIASES
) -> IndicatorTable:
    """One row per indicator of a region (canonical name under `aliases`), one column per
    edition, role, year and period.

    Omissions are found here, since only other editions tell what one edition left out: a
    column with no record of an indicator that another edition of the same series states in
    that role gets one `omitted` record; a column that states the indicator's level but not
    its rate of change (or the reverse), where another edition states that, gets an `omitted`
    record with that change. Running text read for a planned economy (`IndicatorSet.complete`
    False) leaves nothing out and makes no other edition leave anything out.
    """
    ordered = tuple(sorted(sets, key=lambda s: s.date))  # stable: one date keeps the order given
    keys = IndicatorKeys(ordered, aliases)
    placed = list(_columns(ordered))
    statements = _statements(ordered, keys)
    rows = []
    for key, names in _keys_in_order(ordered, keys).items():
        cells = tuple(_cell(each, column, key, statements, keys) for each, column in placed)
        rows.append(Row(_label(cells, names), cells, key[1], key[0], tuple(names)))
    return IndicatorTable(ordered, tuple(column for _, column in placed), tuple(rows), dict(aliases))


def _columns(sets: Sequence[IndicatorSet]) -> Iterator[tuple[IndicatorSet, Column]]:
    """Each edition's (role, year, period) columns: years ascending, targets before results. Only
    what a record fills: a list that gives none (a plan's `主要目标如下（详见表1）：` with its
    figures in the table) made a column of empty cells."""
    for each in sets:
        keys = dict.fromkeys((r.role, r.year, r.period) for r in each.indicators)
        for role, year, period in sorted(keys, key=lambda k: (k[1] or 0, ROLES.index(k[0]), k[2])):
            yield each, Column(each.doc_id, each.date, role, year, period)


def _keys_in_order(sets: Sequence[IndicatorSet], keys: IndicatorKeys) -> dict[tuple[str, str], list[str]]:
    """Row keys, regions in order of first appearance, with the names printed for each."""
    names: dict[tuple[str, str], list[str]] = {}
    for each in sets:
        for record in each.indicators:
            printed = names.setdefault(keys(each, record), [])
            if record.label not in printed:
                printed.append(record.label)
    groups = list(dict.fromkeys(group for group, _ in names))
    return dict(sorted(names.items(), key=lambda item: groups.index(item[0][0])))


def _label(cells: Sequence[Cell], names: Sequence[str]) -> str:
    """The name as the latest edition that states the indicator prints it (in its own characters:
    a reprint's 國內生產總值), without scope and comparison words (`series_name`, read on the
    simplified name); `Row.names` and each record keep the names as printed."""
    for cell in reversed(cells):
        for record in cell.records:
            if record.status != Status.OMITTED:
                return in_print(series_name(record.name), record.name, record.label)
    return series_name(names[-1])


#: An indicator named as a rate of change (居民消费价格涨幅, 工业增加值增速, 出口增长率) has one measure:
#: its target `涨幅3%左右` (a level of the rate) and its result `居民消费价格上涨2%` (a growth) state
#: the same figure, so neither is the other's missing level or rate.
_RATE_NAME_RE = re.compile(r"(涨幅|增幅|降幅|增速|增长率|增长速度)$")


def measure_of(record: Indicator, row_name: str = "") -> str:
    """What a figure measures: the level, the rate of change, or "" (no figure, no direction)."""
    measure = {Change.LEVEL: "level", Change.GROWTH: "rate", Change.DECLINE: "rate"}.get(record.change, "")
    return "rate" if measure and _RATE_NAME_RE.search(row_name) else measure


def _statements(sets: Sequence[IndicatorSet], keys: IndicatorKeys) -> list[_Statement]:
    return [
        _Statement(each.series, each, r.role, keys(each, r), measure_of(r, keys(each, r)[1]), r.change)
        for each in sets
        for r in each.indicators
        if not r.is_absent
    ]


def _cell(
    each: IndicatorSet, column: Column, key: tuple[str, str], statements: list[_Statement], keys: IndicatorKeys
) -> Cell:
    records = tuple(
        r
        for r in each.indicators
        if (r.role, r.year, r.period) == (column.role, column.year, column.period) and keys(each, r) == key
    )
    elsewhere = [
        s
        for s in statements
        if each.series
        and each.complete
        and s.edition.complete
        and s.series == each.series
        and s.edition is not each
        and (s.role, s.key) == (column.role, key)
    ]
    missing = _missing_changes(records, elsewhere, key[1])
    omitted = tuple(_omitted(each, column, key[1], change) for change in missing)
    if _RATE_NAME_RE.search(key[1]):
        records = tuple(_as_rate(record) for record in records)
    for status in (Status.STATED, Status.NO_TARGET, Status.BLANK):
        if any(r.status == status for r in records):
            return Cell(status, records + omitted if status == Status.STATED else records)
    return Cell(Status.OMITTED, omitted) if omitted else Cell(Status.NONE, ())


def _as_rate(record: Indicator) -> Indicator:
    """A rise or fall in a row of a rate of change, as the rate it gives: `居民消费价格上涨2%` is a
    涨幅 of 2 %, shown `2%` beside the target `3%左右` and the same as a table's `2` (as `+2%` it
    read as the rate rising by 2, and a text and a table stating one figure showed it twice);
    `下降0.3%` is `-0.3%`. The record as printed stays in the document's records."""
    if record.change not in (Change.GROWTH, Change.DECLINE) or record.figure.low is None:
        return record
    low, high = signed_figures(record)
    return replace(record, change=Change.LEVEL, figure=replace(record.figure, low=low, high=high))


def _missing_changes(records: tuple[Indicator, ...], elsewhere: list[_Statement], row_name: str) -> list[Change]:
    """The changes to record as omitted: "" for the whole indicator, or the missing measure's."""
    if not elsewhere:
        return []
    if not records:
        return [Change.NONE]
    if any(r.status != Status.STATED or not measure_of(r, row_name) for r in records):
        return []
    have = {measure_of(r, row_name) for r in records}
    wanted = {s.measure: s.change for s in reversed(elsewhere) if s.measure}
    return [change for measure, change in sorted(wanted.items()) if measure not in have]


def _omitted(each: IndicatorSet, column: Column, name: str, change: Change) -> Indicator:
    source = next(
        (s for s in each.sources if (s.role, s.year, s.period) == (column.role, column.year, column.period)),
        None,
    )
    return Indicator(
        name=name,
        figure=Value(period=column.period, role=column.role),
        change=change,
        kind="",
        year=column.year,
        pointer=source.pointer if source else "",
        source_text="",
        status=Status.OMITTED,
    )


def all_records(table: IndicatorTable) -> Iterator[tuple[IndicatorSet, Indicator]]:
    """Every record of every document, then the omissions the alignment found in it."""
    owners = [each for each, _ in _columns(table.sets)]
    for each in table.sets:
        for record in each.indicators:
            yield each, record
        for row in table.rows:
            for owner, cell in zip(owners, row.cells, strict=True):
                if owner is each:
                    for record in cell.records:
                        if record.status == Status.OMITTED:
                            yield each, record


def signed_figures(record: Indicator) -> tuple[Decimal | None, Decimal | None]:
    """The value as signed numbers, so `下降5.1%` and a `-5.1%` cell compare equal."""
    low, high = record.figure.low, record.figure.high
    if record.change == Change.DECLINE:
        return (-abs(low) if low is not None else None, -abs(high) if high is not None else None)
    return low, high
