"""Quantitative targets and results stated by a report, aligned across editions.

Four shapes carry them (docs/indicators.md): a 主要目标/完成情况 list introduced by a
paragraph ending in "如下：" (or one sentence "主要预期目标是：…"), an annual-plan appendix
table (指标名称 and one column per year and role), the five-year plan's indicator table
(指标, 单位, base-year and target-year columns, 属性), the few figures a work report
states in running text (the deficit), and the results its review part states in running text
(国内生产总值达到82.7万亿元，增长6.9%); in a report with none of these (the older national
reports), the figures its running text states for a planned economy's indicators
(`planned_text`). How one clause or cell is read is `indicator_text`.
Everything here is pure.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import cast

from corpusdiff.compare.units import role_of
from corpusdiff.normalize.dating import with_arabic_years
from corpusdiff.render.grid import fold
from corpusdiff.series.aliases import DEFAULT_ALIASES, shipped
from corpusdiff.series.editions import column_labels
from corpusdiff.series.indicator_text import (
    YEAR,
    Change,
    Figure,
    Period,
    Role,
    Status,
    Value,
    assigned_clauses,
    figure_clauses,
    is_assigned,
    no_target_name,
    parse_figure,
    period_in,
    prose_figures,
    review_figures,
    series_name,
    strip_change,
    this_year_sentences,
)
from corpusdiff.series.planned_text import PlanContext, planned_figures, reading
from corpusdiff.series.script import in_print, name_in_print, simplified_document
from corpusdiff.strings import Strings, catalogue
from corpusdiff.structure import addressed
from corpusdiff.text.chars import display_width, has_han, pad
from corpusdiff.text.sentences import full_sentences
from corpusdiff.text.spreadsheet import inert
from corpusdiff.types.diff import Role as PartRole
from corpusdiff.types.document import Heading, ListItem, NormalizedDocument, Paragraph, Table
from corpusdiff.types.edition import Edition
from corpusdiff.types.genre import FIVE_YEAR_PLAN

SCHEMA_VERSION = "1.1"
ROLES = (Role.TARGET, Role.ACHIEVED)
ABSENT = (Status.BLANK, Status.OMITTED)
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


class Shape(StrEnum):
    LIST = "list"
    SENTENCE = "sentence"
    TABLE = "table"
    PROSE = "prose"  # a figure in running text: 今年赤字率拟按3%安排


# Names reports use for one indicator: the shipped aliases (series/aliases.py). A corpus adds the
# names its own editions use (`corpusdiff.store.vocabulary`); callers hand the mapping to
# `indicator_table`.

#: What introduces a list or sentence of figures: `…主要预期目标是：`, `…主要指标完成情况如下：`, or the
#: bare `今年全省经济社会发展主要预期目标：` some provinces print.
_INTRO = re.compile(r"(?:主要|预期)[^：。]{0,12}(?:指标|目标)(?:[^：。]*?(?:如下|是|为))?(?:（[^）]*）)?：")
_ACHIEVED_CUE = re.compile("完成|执行|实现")
#: What opens an item of a target list: `——`, or a number (`1.`, `（1）`, `①`), as a province's
#: `主要预期目标如下：1.地区生产总值增长5.5%左右；2.…` numbers its lines.
_LIST_MARK = re.compile(r"^(?:——?|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])\s*")
_KIND_HEADING = re.compile(r"(预期性|约束性)指标")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_NUMBERING = re.compile(r"^\s*\d+\s*[.．、]\s*")
_EMPTY_CELL = {"", "-", "—", "－", "--", "——", "/", "无"}
_CLAUSE_SPLIT = re.compile(r"[，；,;。！？]")


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

    @property
    def label(self) -> str:
        """The name as the report prints it."""
        return self.printed_name or self.name

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


@dataclass(frozen=True)
class _Located:
    """A block with the pointer the site gives it and the latest heading above it."""

    block: Heading | Paragraph | ListItem | Table
    pointer: str
    heading: str
    part: str = ""  # the latest heading of the document's top level (一、2021年工作回顾)


@dataclass(frozen=True)
class _Context:
    """What a list, sentence or table column says about all its figures."""

    role: Role
    year: int | None
    period: Period
    kind: str = ""
    five_year: bool = False  # a five-year plan's list: 累计 counts over the plan's five years


def canonical_name(name: str, aliases: Mapping[str, str] = DEFAULT_ALIASES) -> str:
    """The key that aligns one indicator across editions: numbering, scope and comparison words
    dropped (`series_name`), aliases applied (to the name as printed first, so a corpus may
    still alias a scoped name)."""
    bare = _NUMBERING.sub("", name).strip()
    if bare in aliases:
        return aliases[bare]
    plain = _ABBREVIATION.sub("", series_name(bare)) or series_name(bare)
    return aliases.get(plain, plain)


#: An abbreviation in brackets after a name (the 纲要's `国内生产总值（GDP）`): the same indicator
#: as the annual reports' 国内生产总值, so the plan's row is theirs.
_ABBREVIATION = re.compile(r"[（(][A-Za-z][A-Za-z0-9.]*[）)]")


# --- extraction -------------------------------------------------------------------------------


def extract_indicators(document: NormalizedDocument) -> IndicatorSet:
    """Every target and result the document states in its indicator lists, tables and the
    running-text figures of `indicator_text.PROSE_NAMES`. A report printed in traditional
    characters is read on its simplified copy (series/script.py): a record's name is simplified
    (國內生產總值 -> 国内生产总值, one row with the other editions'), its printed and source text,
    and each source's text, are the report's own."""
    seen = simplified_document(document)
    found = _extract(seen)
    return found if seen is document else _as_printed(found, seen, document)


def _extract(document: NormalizedDocument) -> IndicatorSet:
    blocks = list(_located(document))
    sources: list[IndicatorSource] = []
    records: list[Indicator] = []
    for index, located in enumerate(blocks):
        block = located.block
        intro = _INTRO.search(block.text) if isinstance(block, Paragraph) else None
        if intro:
            found_sources, found = _from_intro(blocks, index, intro, document)
        elif isinstance(block, Table):
            found_sources, found = _from_table(block, located.pointer, document)
        elif isinstance(block, Paragraph) and not _is_review(located.part):
            found_sources, found = _from_prose(located, _this_year(document, sources, located), records)
        elif isinstance(block, Paragraph):
            found_sources, found = _from_review(located, _review_context(document, located.part), records)
        else:
            continue
        sources.extend(found_sources)
        records.extend(found)
    complete = bool(sources) and not _is_planned_economy(document)
    if not complete:
        found_sources, found = _from_planned_text(blocks, document, records)
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
        region=meta.region,
        complete=complete,
    )


def _as_printed(found: IndicatorSet, seen: NormalizedDocument, document: NormalizedDocument) -> IndicatorSet:
    """What was read on `seen`, the simplified copy of `document`, quoting the document's own
    text: each block and table row is as long in the copy, so a quote is cut at the same place."""
    own = _Quotes(seen, document)
    records = tuple(_quoted(record, own.whole(record.pointer, record.source_text)) for record in found.indicators)
    sources = tuple(replace(s, text=own.part(s.pointer, s.text)) for s in found.sources)
    return replace(found, indicators=records, sources=sources)


def _quoted(record: Indicator, source_text: str) -> Indicator:
    printed = in_print(record.printed, record.source_text, source_text)
    name = name_in_print(record.name, record.source_text, source_text)
    own = name if name != record.name else ""
    return replace(record, source_text=source_text, printed=printed, printed_name=own)


class _Quotes:
    """The blocks of a report and of its simplified copy by pointer (`p8`, `table 1`)."""

    def __init__(self, seen: NormalizedDocument, document: NormalizedDocument) -> None:
        self._seen = {located.pointer: located.block for located in _located(seen)}
        self._own = {located.pointer: located.block for located in _located(document)}

    def whole(self, pointer: str, text: str) -> str:
        """`text`, a paragraph's whole text or a table row's (`table 1 row 2`, its cells joined
        by ` | ` and padded to the header's width), as the report prints it."""
        seen, own = self._seen.get(pointer.split(" row ")[0]), self._own.get(pointer.split(" row ")[0])
        if isinstance(seen, Table) and isinstance(own, Table):
            for seen_row, own_row in zip(seen.rows, own.rows, strict=True):
                joined = " | ".join(seen_row)
                if text.startswith(joined) and not text[len(joined) :].strip(" |"):
                    return " | ".join(own_row) + text[len(joined) :]
            return text
        if isinstance(seen, Table) or isinstance(own, Table) or seen is None or own is None:
            return text
        return own.text if seen.text == text else text

    def part(self, pointer: str, text: str) -> str:
        """`text`, a part of the block at `pointer` (a sentence, a column's header), as printed."""
        seen, own = self._seen.get(pointer), self._own.get(pointer)
        if isinstance(seen, Table) and isinstance(own, Table):
            return in_print(text, _table_text(seen), _table_text(own))
        if isinstance(seen, Table) or isinstance(own, Table) or seen is None or own is None:
            return text
        return in_print(text, seen.text, own.text)


def _table_text(table: Table) -> str:
    return "\n".join(" | ".join(row) for row in table.rows)


def _located(document: NormalizedDocument) -> Iterator[_Located]:
    """Blocks in order with the one paragraph numbering (structure.addressed): `p<n>`, or
    `table <n>` for tables."""
    heading = part = top_kind = ""
    for located in addressed(document.blocks):
        if isinstance(located.block, Heading):
            heading = located.block.text
            top_kind = top_kind or located.block.kind
            if located.block.kind == top_kind:
                part = heading
        yield _Located(located.block, located.address, heading, part)


def _document_year(document: NormalizedDocument) -> int | None:
    for value in (document.metadata.date, document.metadata.period):
        if value[:4].isdigit():
            return int(value[:4])
    return None


def _this_year(
    document: NormalizedDocument, sources: Sequence[IndicatorSource], located: _Located
) -> int | None:
    """The year a work report's 今年 means: its date's, else that of its target sentence, else
    the year its part's heading names (三、2015年重点工作)."""
    targets = [s.year for s in sources if s.shape == Shape.SENTENCE and s.role == Role.TARGET and s.year]
    named = _YEAR.search(with_arabic_years(located.part))
    return (
        _document_year(document)
        or (targets[0] if targets else None)
        or (int(named.group(1)) if named else None)
    )


def _from_intro(
    blocks: list[_Located], index: int, intro: re.Match[str], document: NormalizedDocument
) -> tuple[list[IndicatorSource], list[Indicator]]:
    """A list after "…如下：", or the clauses after "…目标是：" in the same paragraph; the
    introducing sentence says whether they are targets or results, of which year and period."""
    located = blocks[index]
    text = cast(Paragraph, located.block).text  # the caller found the intro in a paragraph
    end = intro.end()
    context = _intro_context(text[:end], located.heading, document)
    rest = text[end:].strip()
    if rest:
        source = IndicatorSource(
            Shape.SENTENCE, located.pointer, context.role, context.year, text[:end], context.period
        )
        return [source], _from_clauses(rest, context, located.pointer, text)
    source = IndicatorSource(Shape.LIST, located.pointer, context.role, context.year, text, context.period)
    return [source], _list_records(blocks[index + 1 :], context)


def _list_records(blocks: Sequence[_Located], context: _Context) -> list[Indicator]:
    """`——` paragraphs or list items up to the first other block; 预期性/约束性 headings set kind."""
    records: list[Indicator] = []
    for located in blocks:
        block = located.block
        if isinstance(block, Heading):
            kind_match = _KIND_HEADING.search(block.text)
            if not kind_match:
                break
            context = replace(context, kind=kind_match.group(0)[:3])
        elif isinstance(block, ListItem) or (isinstance(block, Paragraph) and _LIST_MARK.match(block.text)):
            item = _LIST_MARK.sub("", block.text)
            records.extend(_from_clauses(item, context, located.pointer, block.text))
        else:
            break
    return records


def _intro_context(intro: str, heading: str, document: NormalizedDocument) -> _Context:
    """Role from the introducing sentence; year and period from it, else from the heading above,
    else from the rest of the paragraph, else (year) the document's."""
    sentence = full_sentences(intro)[-1]
    role = Role.ACHIEVED if _ACHIEVED_CUE.search(sentence) else Role.TARGET
    span = _plan_span(document)
    year = _year_of(intro, heading, document)
    if span and not _YEAR.search(with_arabic_years(intro)) and not _YEAR.search(with_arabic_years(heading)):
        year = span[1] if role == Role.TARGET else span[0] - 1
    period = period_in(sentence) or period_in(heading) or period_in(intro) or YEAR
    return _Context(role, year, period, five_year=span is not None)


_PERIOD_RANGE = re.compile(r"^\s*((?:19|20)\d\d)\s*[-–—－~至到]\s*((?:19|20)\d\d)\s*$")


def _plan_span(document: NormalizedDocument) -> tuple[int, int] | None:
    """The first and last year of a five-year plan (`period: 2021-2025`); None for any other
    report. A plan's list that names no year sets the targets of its last year (as its table's
    `2025年` column does) and reviews the year before its first."""
    found = _PERIOD_RANGE.match(document.metadata.period)
    if document.metadata.genre != FIVE_YEAR_PLAN or found is None:
        return None
    return int(found.group(1)), int(found.group(2))


def _year_of(intro: str, heading: str, document: NormalizedDocument) -> int | None:
    """The year named by the introducing text, else by the heading above it, else the document's."""
    intro, heading = with_arabic_years(intro), with_arabic_years(heading)
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


def _from_clauses(text: str, context: _Context, pointer: str, source_text: str) -> list[Indicator]:
    """`地区生产总值5318.2亿元，增长8.6%`: a clause without a name continues the previous one
    of the same sentence; a sentence never continues another."""
    records: list[Indicator] = []
    for sentence in full_sentences(text):
        previous: Indicator | None = None
        for clause in (c.strip() for part in _CLAUSE_SPLIT.split(sentence) for c in _one_figure_each(part)):
            if not clause:
                continue
            record = _clause_record(clause, previous, context, pointer, source_text)
            if record is not None:
                previous = record
                records.append(record)
    return records


def _one_figure_each(clause: str) -> list[str]:
    """The clauses a list's clause holds, each stating one indicator's figure."""
    return [each for piece in assigned_clauses(clause) for each in figure_clauses(piece)]


#: A clause that states how far the figure before it has come towards the year's target
#: (城镇新增就业697万人，完成全年目标的58.1%), or how far it fell short of it or went beyond it
#: (地区生产总值增长5.8%，低于计划目标0.2个百分点; 比年度目标高1个百分点): no indicator of its own.
_PROGRESS = re.compile(
    r"^(?:已?完成(?:全年|年度)(?:目标|计划|任务)+的"
    r"|(?:低于|高于|超过|超出|快于|慢于)(?:全年|年度)?(?:计划|预期)?(?:目标|计划)"
    r"|比(?:全年|年度)?(?:计划|预期)?(?:目标|计划)(?:高|低|快|慢|多|少))"
)


def _clause_record(
    clause: str, previous: Indicator | None, context: _Context, pointer: str, source_text: str
) -> Indicator | None:
    if _PROGRESS.match(clause):
        return None
    missing = no_target_name(clause)
    if missing:
        value = Value(period=context.period, role=context.role)
        return Indicator(
            missing,
            value,
            Change.NONE,
            context.kind,
            context.year,
            pointer,
            source_text,
            Status.NO_TARGET,
            clause,
        )
    figure = parse_figure(clause, Change.LEVEL)
    if figure is None:
        return None
    if context.five_year and "累计" in clause:  # 单位地区生产总值能耗累计下降14%: over the five years
        figure = replace(figure, period=_PLAN_PERIOD)
    if previous is None or series_name(figure.name):
        return _record(figure, figure.name, context, pointer, source_text, clause)
    return _record(_continuing(clause, figure, previous), previous.name, context, pointer, source_text, clause)


def _continuing(clause: str, figure: Figure, previous: Indicator) -> Figure:
    """A clause without a name of its own (`力争7%`; `同比增长5.8%`, whose 同比 says what it is
    compared with, not which indicator) states a figure of the indicator before it. A bare figure
    there, in the unit of a rate of change before it, is that rate too (`地区生产总值增长6%左右，
    力争7%`: 7 % is growth, not a level of 7 %)."""
    bare = parse_figure(clause, Change.GROWTH) != figure  # the change came from the default
    rate = previous.change in (Change.GROWTH, Change.DECLINE)
    if bare and rate and figure.unit == previous.figure.unit:
        return replace(figure, change=previous.change)
    return figure


def _record(
    figure: Figure, name: str, context: _Context, pointer: str, source_text: str, printed: str
) -> Indicator:
    value = Value(
        low=figure.low,
        high=figure.high,
        unit=figure.unit if figure.low is not None else "",
        modifier=figure.modifier,
        period=figure.period or context.period,
        role=context.role,
    )
    return Indicator(
        name, value, figure.change, context.kind, context.year, pointer, source_text, printed=printed
    )


def _from_prose(
    located: _Located, year: int | None, earlier: Sequence[Indicator]
) -> tuple[list[IndicatorSource], list[Indicator]]:
    """This year's figures stated in running text (the deficit), each indicator once per
    document, and "no target this year" said outside a target list; never in a review part
    (一、2021年工作回顾), which speaks of last year whatever its sentences say."""
    text = cast(Paragraph, located.block).text
    seen = {r.name for r in earlier}
    sources: list[IndicatorSource] = []
    records: list[Indicator] = []
    context = _Context(Role.TARGET, year, YEAR)
    planning = role_of(located.part) in (PartRole.TARGETS, PartRole.TASKS)
    for found in prose_figures(text, year, planning):
        if found.figure.name in seen:
            continue
        seen.add(found.figure.name)
        sources.append(IndicatorSource(Shape.PROSE, located.pointer, Role.TARGET, year, found.sentence))
        records.append(
            _record(found.figure, found.figure.name, context, located.pointer, text, found.sentence)
        )
    for clause in _CLAUSE_SPLIT.split(text):
        missing = no_target_name(clause)
        if missing and missing not in seen and _is_this_year(text, clause, year, planning):
            seen.add(missing)
            sources.append(IndicatorSource(Shape.PROSE, located.pointer, Role.TARGET, year, clause))
            value = Value(role=Role.TARGET)
            records.append(
                Indicator(
                    missing, value, Change.NONE, "", year, located.pointer, text, Status.NO_TARGET, clause
                )
            )
    return sources, records


@dataclass(frozen=True)
class _Review:
    """What a review part reviews: the year, whether the part is about that year alone (一、2021年
    工作回顾) or a longer time (一、过去五年工作回顾), and the period (2023年上半年 -> H1)."""

    year: int | None
    whole_part: bool
    period: Period
    so_far: bool = False  # the report's own year so far (一、今年以来…执行情况): the year has not ended


#: A review part about the report's own year so far: 一、今年以来国民经济和社会发展计划执行情况, 一、
#: 上半年经济运行情况 (a mid-year report reviews the months just ended, not last year).
_THIS_YEAR_SO_FAR = re.compile(r"今年以来|今年上半年|^[一二三四五六七八九十]+、(?:上半年|前三季度|一季度)")


def _is_review(part: str) -> bool:
    """A part that reviews: its heading's words say so (compare.units.role_of), or it is about
    this year so far and says nothing else (一、上半年经济运行情况)."""
    role = role_of(part)
    return role == PartRole.REVIEW or (role == PartRole.OTHER and bool(_THIS_YEAR_SO_FAR.search(part)))


def _review_context(document: NormalizedDocument, part: str) -> _Review:
    """The year a review part's heading names, else this year for a part about this year so far
    (`_THIS_YEAR_SO_FAR`), else the year before the report's: a report reviews the year that has
    just ended (a five-year review names its last year when it speaks of it)."""
    named = {int(y) for y in _YEAR.findall(with_arabic_years(part))}
    if len(named) == 1:
        return _Review(named.pop(), True, period_in(part) or YEAR)
    year = _document_year(document)
    if year and _THIS_YEAR_SO_FAR.search(part):
        return _Review(year, True, period_in(part) or YEAR, so_far=True)
    return _Review(year - 1 if year else None, False, YEAR)


def _from_review(
    located: _Located, review: _Review, earlier: Sequence[Indicator]
) -> tuple[list[IndicatorSource], list[Indicator]]:
    """Results stated in the running text of a review part, each (name, change) once per document
    and never again when a 完成情况 list already gave it."""
    text = cast(Paragraph, located.block).text
    seen = {(r.name, r.change) for r in earlier if r.role == Role.ACHIEVED}
    sources: list[IndicatorSource] = []
    records: list[Indicator] = []
    context = _Context(Role.ACHIEVED, review.year, _period_so_far(review, earlier))
    for found in review_figures(text, review.year, review.whole_part):
        key = (found.figure.name, found.figure.change)
        if key in seen:
            continue
        seen.add(key)
        period = found.figure.period or context.period
        sources.append(
            IndicatorSource(Shape.PROSE, located.pointer, Role.ACHIEVED, review.year, found.sentence, period)
        )
        records.append(_record(found.figure, found.figure.name, context, located.pointer, text, found.sentence))
    return sources, records


def _period_so_far(review: _Review, earlier: Sequence[Indicator]) -> Period:
    """The period of a result that names none: the part's own (2023年上半年 -> H1), else, in a part
    about the year so far (一、今年以来…), the months its results before it named (上半年，…): the
    year has not ended, so such a figure is never the whole year's."""
    if not (review.so_far and review.period.is_year):
        return review.period
    named = [
        r.period for r in earlier if r.role == Role.ACHIEVED and r.year == review.year and not r.period.is_year
    ]
    return named[-1] if named else review.period


def _is_this_year(paragraph: str, clause: str, year: int | None, planning: bool) -> bool:
    return any(clause in sentence for sentence in this_year_sentences(paragraph, year, planning))


def _from_planned_text(
    blocks: Sequence[_Located], document: NormalizedDocument, earlier: Sequence[Indicator]
) -> tuple[list[IndicatorSource], list[Indicator]]:
    """The figures a report's running text states for the indicators of a planned economy, each
    (name, change, role, year, period) once in a rate and once in an amount (`增加81.9亿元，增长14.6%`),
    the first time, and not again when another reading of the text (a review's results) gave it;
    a table stating it too is a second statement, as a list and a table are."""
    context = PlanContext(_document_year(document), None)
    seen: set[tuple[str, Change, Role, int | None, Period, bool]] = {
        (r.name, r.change, r.role, r.year, r.period, _is_rate(r.unit)) for r in earlier if r.pointer.startswith("p")
    }
    sources: list[IndicatorSource] = []
    records: list[Indicator] = []
    for located in blocks:
        if not isinstance(located.block, Paragraph):
            continue
        text = located.block.text
        part = replace(context, part_year=_single_year(located.heading) or _single_year(located.part))
        for found in planned_figures(text, part):
            figure = found.figure
            period = figure.period or YEAR
            key = (figure.name, figure.change, found.role, found.year, period, _is_rate(figure.unit))
            if key in seen:
                continue
            seen.add(key)
            sources.append(
                IndicatorSource(Shape.PROSE, located.pointer, found.role, found.year, found.sentence, period)
            )
            record_context = _Context(found.role, found.year, period)
            records.append(_record(figure, figure.name, record_context, located.pointer, text, found.clause))
    return sources, records


def _is_rate(unit: str) -> bool:
    """A figure in `%`, `‰` or `倍` states a rate, one in any other unit an amount."""
    return unit in ("%", "‰", "倍")


#: The last year of the planned economy's reports: from 1993 the constitution names a socialist
#: market economy and the statistics lead with GDP, not 工农业总产值 or 国民生产总值.
_PLANNED_ECONOMY_UNTIL = 1992


def _is_planned_economy(document: NormalizedDocument) -> bool:
    """A report of the planned economy, whose running text states its figures whatever lists or
    tables it also has (a 1985 plan's table of two indicators beside a text of ten)."""
    year = _document_year(document)
    return year is not None and year <= _PLANNED_ECONOMY_UNTIL


def _single_year(heading: str) -> int | None:
    """The one year a heading names, in either numeral (二、1981年国民经济计划的任务), or None."""
    named = set(_YEAR.findall(reading(heading)))
    return int(named.pop()) if len(named) == 1 else None


def _from_table(
    table: Table, pointer: str, document: NormalizedDocument
) -> tuple[list[IndicatorSource], list[Indicator]]:
    """Rows of an indicator table, one record per year column; other tables give nothing."""
    header, rows = _header_rows(table.rows)
    name_at = _column(header, ("指标名称", "指标"))
    if name_at is None:
        return [], []
    dated = _with_years(tuple(with_arabic_years(cell) for cell in header), document)
    columns = [(at, context) for at, cell in enumerate(dated) if (context := _column_context(cell))]
    plan = not columns
    columns = sorted([*columns, *_change_columns(dated, columns)]) or _plan_columns(header)
    if not columns:
        return [], []
    unit_at, kind_at = _column(header, ("单位",)), _column(header, ("属性",))
    default_change = Change.LEVEL if unit_at is not None or plan else Change.GROWTH
    sources = [
        IndicatorSource(Shape.TABLE, pointer, c.role, c.year, header[at], c.period) for at, c in columns
    ]
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
        if plan and not unit:
            name, unit = _unit_in_name(name)
        where = f"{pointer} row {number}"
        text = " | ".join(row)
        row_records = []
        for at, context in columns:
            cell, period = _cumulative(row[at], context.period)
            cell_context = replace(context, kind=row_kind, period=period)
            column_change = Change.GROWTH if _CHANGE_COLUMN.match(dated[at]) else default_change
            change = _cell_change(cell, header[at], column_change)
            cell_unit = "%" if _PERCENT_HEADER.search(header[at]) and _CHANGE_HEADER.search(header[at]) else unit
            row_records.append(_table_record(name, cell, cell_unit, change, cell_context, where, text))
        records.extend(_without_shadowed_blanks(row_records))
    return sources, records


#: A column of the change over the year before (`1985年比1984年增长（%）`, an older plan's table
#: beside its `1985年计划`): the change of the year a column of the table states.
_CHANGE_COLUMN = re.compile(r"^\s*((?:19|20)\d\d)年?比(?:((?:19|20)\d\d)年|上年|去年)")
_PERCENT_HEADER = re.compile("[%％]")


def _change_columns(header: Sequence[str], columns: Sequence[tuple[int, _Context]]) -> list[tuple[int, _Context]]:
    """The columns of a change over the year before whose year another column states, in that
    column's role: `1985年比1984年增长（%）` beside `1985年计划` is the target growth of 1985."""
    stated = {context.year: context for _, context in columns}
    found = []
    for at, cell in enumerate(header):
        change = _CHANGE_COLUMN.match(cell)
        if change is None or not _CHANGE_HEADER.search(cell) or any(at == taken for taken, _ in columns):
            continue
        year, base = int(change.group(1)), change.group(2)
        if year in stated and (base is None or int(base) == year - 1):
            found.append((at, stated[year]))
    return found


def _without_shadowed_blanks(row: list[Indicator]) -> list[Indicator]:
    """A five-year plan's row states a target in its target year's column or in its 年均增长
    column (a yearly or a cumulative figure), the other cell `—`: the blank goes, and one blank
    stays when neither is stated."""
    stated = {_shadow_key(r) for r in row if r.status is not Status.BLANK}
    kept: list[Indicator] = []
    for record in row:
        key = _shadow_key(record)
        if record.status is Status.BLANK and (key in stated or any(_shadow_key(k) == key for k in kept)):
            continue
        kept.append(record)
    return kept


def _shadow_key(record: Indicator) -> tuple[Role, int | None, Period]:
    """The column a record fills, a five-year figure counted as its end year's."""
    period = YEAR if record.period.spans_years else record.period
    return record.role, record.year, period


#: A five-year plan's cumulative figure, in tortoise-shell brackets (`〔13.5〕`: 注：〔 〕内为5年累计数).
_CUMULATIVE = re.compile(r"^\s*[〔［\[]\s*(?P<figure>[^〔〕［］\[\]]+?)\s*[〕］\]]\s*$")
#: The years a five-year plan's cumulative figure covers.
_PLAN_PERIOD = Period(12 * 5)


def _cumulative(cell: str, period: Period) -> tuple[str, Period]:
    """`〔13.5〕` -> `13.5` over the plan's five years; any other cell as it is."""
    found = _CUMULATIVE.match(cell)
    return (found.group("figure"), _PLAN_PERIOD) if found else (cell, period)


#: Header words that make a column's figures changes (2022年计划增长, 增速), amounts included.
_CHANGE_HEADER = re.compile("增长|增速|增幅|增加|提高|下降|降低|减少")
#: Units of a bare figure that a growth column means as a rate of change.
_RATE_UNITS = frozenset({"", "%", "％", "‰"})


def _cell_change(cell: str, header: str, column_change: Change) -> Change:
    """What a cell's bare number means. In a table without a unit column a bare percentage is
    growth (the annual-plan tables), but an amount (1100万人以上, 2.76万亿元) states a level, as
    in running text, unless the column's header says it is a change; a verb in the cell
    still decides (parse_figure)."""
    if column_change is not Change.GROWTH or _CHANGE_HEADER.search(header):
        return column_change
    figure = parse_figure(cell.strip(), Change.LEVEL)
    amount = figure is not None and figure.low is not None and figure.unit not in _RATE_UNITS
    return Change.LEVEL if amount else column_change


def _table_record(
    name: str, cell: str, unit: str, default_change: Change, context: _Context, pointer: str, source_text: str
) -> Indicator:
    bare = strip_change(_NUMBERING.sub("", name))
    if bare.endswith("率"):
        default_change = Change.LEVEL
    rate = _GROWTH_NAME.search(bare)
    if rate and rate.start():  # 地区生产总值增速 | % | 6.0: the growth of 地区生产总值
        bare, default_change = bare[: rate.start()], Change.GROWTH
    elif _NUMBERING.sub("", name).strip().endswith("增长"):  # 地区生产总值增长 | % | 4.7, likewise
        default_change = Change.GROWTH
    figure = _cell_figure(cell.strip(), default_change, unit)
    if figure is None:
        value = Value(period=context.period, role=context.role)
        status = Status.STATED if _is_worded(cell) else Status.BLANK
        return Indicator(bare, value, Change.NONE, context.kind, context.year, pointer, source_text, status, cell)
    if _DECLINE_NAME.search(name) and figure.change in (Change.LEVEL, Change.NONE):
        figure = replace(figure, change=Change.DECLINE)
    return _record(figure, bare, context, pointer, source_text, cell)


#: A row named for a fall (`万元GDP水耗累计下降`, `单位GDP能源消耗降低（%）`): its figures are declines.
_DECLINE_NAME = re.compile("下降|降低|减少")
_CELL_CLAUSE = re.compile("[、，；,;]")


def _cell_figure(cell: str, default_change: Change, unit: str) -> Figure | None:
    """The figure of a cell, or of its first clause when words follow it (`>7、投入强度高于
    “十三五”时期实际`, a plan's R&D target); None for an empty cell or one of words only."""
    if cell in _EMPTY_CELL:
        return None
    return parse_figure(cell, default_change, unit) or parse_figure(_CELL_CLAUSE.split(cell)[0], default_change, unit)


def _is_worded(cell: str) -> bool:
    """A cell that states its target in words (`与GDP增长基本同步`, `保持在合理区间、各年度视情提出`),
    which is a target stated, not a blank."""
    return cell.strip() not in _EMPTY_CELL and has_han(cell)


def _header_rows(rows: Sequence[tuple[str, ...]]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The header as one row, and the rows under it. A header printed on two rows (a period over
    完成 and 目标, merged cells empty below it) is read as one: each column's lower words first,
    then those of the cell above, or of the merged cell it lies under (`2025年目标` under
    `2024—2025年` is 2025's target, `完成` under it is 2024's result)."""
    header, *rest = rows
    second = rest[0] if rest else ()
    if not second or second[0].strip() or any(_has_figure(cell) for cell in second):
        return tuple(header), list(rest)  # a second row that names or holds figures is data
    lower = second + ("",) * (len(header) - len(second))
    above, combined = "", []
    for upper, below in zip(header, lower, strict=False):
        above = upper or above
        combined.append(f"{below}{upper or above}" if below else upper)
    return tuple(combined), list(rest[1:])


def _has_figure(cell: str) -> bool:
    return bool(re.search(r"\d", cell)) and not _YEAR.search(cell)


def _column(header: tuple[str, ...], names: tuple[str, ...]) -> int | None:
    for at, cell in enumerate(header):
        if cell.strip() in names:
            return at
    return None


#: A table row named for a growth rate (`地区生产总值增速`): the figures are the indicator's growth.
_GROWTH_NAME = re.compile(r"(?:增速|增长率|增幅)$")
#: The years a column header names, a range's first year included (`2024—2025年`).
_HEADER_YEARS = re.compile(r"((?:19|20)\d\d)(?=年|\s*[—－–-]\s*(?:19|20)\d\d年)")


def _column_context(header: str) -> _Context | None:
    """`2021年预计完成` -> achieved 2021; `2022年计划增长` -> target 2022; `2023年上半年完成` ->
    achieved 2023 H1; `2024年实际` -> achieved 2024. Under a period's range (`完成` and `目标`
    under `2024—2025年`) the result is the first year's, the target the last's."""
    years = [int(y) for y in _HEADER_YEARS.findall(header)]
    if not years:
        return None
    period = period_in(header) or YEAR
    if re.search("完成|执行|预计|实际", header):
        return _Context(Role.ACHIEVED, min(years), period)
    if re.search("目标|计划", header):
        return _Context(Role.TARGET, max(years), period)
    return None


#: Column headers that name their year relative to the report's (`上年实际 | 本年预计 | 下年目标`,
#: a city's plan table), each word with how many years it lies from 本年.
_RELATIVE_YEARS = {"上年": -1, "去年": -1, "本年": 0, "今年": 0, "当年": 0, "下年": 1, "明年": 1}
_RELATIVE_YEAR = re.compile("|".join(_RELATIVE_YEARS))


def _with_years(header: tuple[str, ...], document: NormalizedDocument) -> tuple[str, ...]:
    """The header with each relative year written as the year it is, and the year given to a
    column that names only a part of one (`1-6月完成`, `全年目标`). A table with a column for
    下年 plans the report's year (its `period`: the 2025 plan's `下年目标` is 2025's target, its
    `本年预计` 2024's result); without one, 本年 is the year of the report's date (a mid-year
    report's `本年目标`). A part of a year is 本年's, or that of the one year the other columns
    name (`2024年目标 | 1-6月完成`)."""
    if any(_RELATIVE_YEAR.search(cell) for cell in header):
        plans = any(re.search("下年|明年", cell) for cell in header)
        period = document.metadata.period[:4]
        known = int(period) - 1 if plans and period.isdigit() else _document_year(document)
        if known is None:
            return header
        this = known
        header = tuple(
            _RELATIVE_YEAR.sub(lambda word: f"{this + _RELATIVE_YEARS[word.group(0)]}年", cell) for cell in header
        )
    else:
        named = {year for cell in header for year in _HEADER_YEARS.findall(cell)}
        if len(named) != 1:
            return header
        this = int(named.pop())
    return tuple(cell if _YEAR.search(cell) or not period_in(cell) else f"{this}年{cell}" for cell in header)


#: A column header that is a year and nothing else (`2020年`), as in a five-year plan's table.
_BARE_YEAR = re.compile(r"^\s*((?:19|20)\d\d)年?\s*$")
#: A five-year plan's column of yearly average growth (`年均增长〔累计〕`): the target year's growth target.
_AVERAGE = re.compile("年均|累计")
#: Years between a five-year plan's base year and its target year.
_PLAN_SPAN = 5


def _plan_columns(header: tuple[str, ...]) -> list[tuple[int, _Context]]:
    """A five-year plan's table names its columns by bare years (`2020年 | 2025年`, the national
    纲要's 表1): the earlier is the base, achieved, the later the target. Only two bare years five
    apart count, so an annual table's `2023年 | 2024年` stays unread rather than misread."""
    bare = [(at, int(match.group(1))) for at, cell in enumerate(header) if (match := _BARE_YEAR.match(cell))]
    if len(bare) != 2 or bare[1][1] - bare[0][1] != _PLAN_SPAN:
        return []
    (base_at, base), (target_at, target) = bare
    averages = [(at, _Context(Role.TARGET, target, YEAR)) for at, cell in enumerate(header) if _AVERAGE.search(cell)]
    return [(base_at, _Context(Role.ACHIEVED, base, YEAR)), (target_at, _Context(Role.TARGET, target, YEAR)), *averages]


#: A unit in brackets closing a plan table's indicator name (`城镇调查失业率（%）`); no Latin letters (`（GDP）`).
_NAME_UNIT = re.compile(r"^(?P<name>.+?)\s*[（(](?P<unit>[^（）()A-Za-z]{1,8})[）)]\s*$")


def _unit_in_name(name: str) -> tuple[str, str]:
    """A five-year plan's table has no 单位 column: the unit closes the name, in brackets."""
    match = _NAME_UNIT.match(name)
    return (match["name"], match["unit"]) if match else (name, "")


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


# --- alignment --------------------------------------------------------------------------------


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


class _Keys:
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
    keys = _Keys(ordered, aliases)
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


def _keys_in_order(sets: Sequence[IndicatorSet], keys: _Keys) -> dict[tuple[str, str], list[str]]:
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


def _measure(record: Indicator, row_name: str = "") -> str:
    """What a figure measures: the level, the rate of change, or "" (no figure, no direction)."""
    measure = {Change.LEVEL: "level", Change.GROWTH: "rate", Change.DECLINE: "rate"}.get(record.change, "")
    return "rate" if measure and _RATE_NAME_RE.search(row_name) else measure


def _statements(sets: Sequence[IndicatorSet], keys: _Keys) -> list[_Statement]:
    return [
        _Statement(each.series, each, r.role, keys(each, r), _measure(r, keys(each, r)[1]), r.change)
        for each in sets
        for r in each.indicators
        if not r.is_absent
    ]


def _cell(
    each: IndicatorSet, column: Column, key: tuple[str, str], statements: list[_Statement], keys: _Keys
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
    low, high = _signed(record)
    return replace(record, change=Change.LEVEL, figure=replace(record.figure, low=low, high=high))


def _missing_changes(records: tuple[Indicator, ...], elsewhere: list[_Statement], row_name: str) -> list[Change]:
    """The changes to record as omitted: "" for the whole indicator, or the missing measure's."""
    if not elsewhere:
        return []
    if not records:
        return [Change.NONE]
    if any(r.status != Status.STATED or not _measure(r, row_name) for r in records):
        return []
    have = {_measure(r, row_name) for r in records}
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


# --- rendering --------------------------------------------------------------------------------

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
        return record.modifier if is_assigned(record.modifier) else _wording(record)
    sign = {Change.GROWTH: "+", Change.DECLINE: "-"}.get(record.change, "")
    low = record.figure.low
    if low is not None and low < 0:
        sign = ""
    words = record.modifier.split()
    prefix = "".join(w for w in words if w in _PREFIX_WORDS)
    suffix = "".join(w for w in words if w not in _PREFIX_WORDS)
    return f"{prefix}{sign}{record.value}{record.unit}{suffix}"


def _wording(record: Indicator) -> str:
    """A figure given in words (力争正增长, 基本持平, 稳步增长), without the indicator's name and the
    words of striving before it (努力实现居民收入增长和经济发展同步 -> 增长和经济发展同步)."""
    _, named, wording = record.printed.partition(record.label)
    return (wording if named else record.printed) or record.modifier


def cell_text(cell: Cell, strings: Strings | None = None) -> str:
    """The distinct figures of a cell (a list and a table stating the same figure show once)."""
    texts: list[str] = []
    seen: set[tuple[object, ...]] = set()
    for record in cell.records:
        key: tuple[object, ...] = (short_text(record, strings),)
        if record.value:
            key = (_measure(record), _signed(record), record.unit, record.modifier)
        if key not in seen:
            seen.add(key)
            texts.append(short_text(record, strings))
    return " ".join(texts)


def _signed(record: Indicator) -> tuple[Decimal | None, Decimal | None]:
    """The value as signed numbers, so `下降5.1%` and a `-5.1%` cell compare equal."""
    low, high = record.figure.low, record.figure.high
    if record.change == Change.DECLINE:
        return (-abs(low) if low is not None else None, -abs(high) if high is not None else None)
    return low, high


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


def _record_dict(each: IndicatorSet, record: Indicator, keys: _Keys) -> dict[str, object]:
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
    keys = _Keys(table.sets, table.aliases)
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
    keys = _Keys(table.sets, table.aliases)
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
