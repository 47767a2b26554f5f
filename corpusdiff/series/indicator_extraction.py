"""Reading one report's indicator records (docs/indicators.md): the 主要目标/完成情况 list, the
annual-plan and five-year-plan tables, the figures a work report states in running text and the
results its review states, and a planned economy's figures in older reports, each with its role
(target or achieved), period, modifier and the text it was read from. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import cast

from corpusdiff.compare.units import part_roles, role_of
from corpusdiff.normalize.dating import with_arabic_years
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
    no_target_name,
    parse_figure,
    period_in,
    prose_figures,
    review_figures,
    series_name,
    strip_change,
    this_year_sentences,
)
from corpusdiff.series.indicators import NUMBERED_LINE_RE, Indicator, IndicatorSet, IndicatorSource, Shape
from corpusdiff.series.planned_text import PlanContext, planned_figures, reading
from corpusdiff.series.script import in_print, name_in_print, simplified_document
from corpusdiff.structure import addressed, build_tree, split_label
from corpusdiff.text.chars import has_han
from corpusdiff.text.sentences import full_sentences
from corpusdiff.types.diff import Role as PartRole
from corpusdiff.types.document import Heading, ListItem, NormalizedDocument, Paragraph, Table
from corpusdiff.types.genre import FIVE_YEAR_PLAN

#: What introduces a list or sentence of figures: `…主要预期目标是：`, `…主要指标完成情况如下：`, or the
#: bare `今年全省经济社会发展主要预期目标：` some provinces print.
_INTRO = re.compile(r"(?:主要|预期)[^：。]{0,12}(?:指标|目标)(?:[^：。]*?(?:如下|是|为))?(?:（[^）]*）)?：")
_ACHIEVED_CUE = re.compile("完成|执行|实现")
#: What opens an item of a target list: `——`, or a number (`1.`, `（1）`, `①`), as a province's
#: `主要预期目标如下：1.地区生产总值增长5.5%左右；2.…` numbers its lines.
_LIST_MARK = re.compile(r"^(?:——?|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])\s*")
_KIND_HEADING = re.compile(r"(预期性|约束性)指标")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_EMPTY_CELL = {"", "-", "—", "－", "--", "——", "/", "无"}
_CLAUSE_SPLIT = re.compile(r"[，；,;。！？]")


@dataclass(frozen=True)
class _Located:
    """A block with the pointer the site gives it and the latest heading above it."""

    block: Heading | Paragraph | ListItem | Table
    pointer: str
    heading: str
    part: str = ""  # the latest heading of the document's top level (一、2021年工作回顾)
    #: what that part does, read from its heading and the report's layout (compare.units.part_roles)
    part_role: PartRole = PartRole.OTHER


@dataclass(frozen=True)
class _Context:
    """What a list, sentence or table column says about all its figures."""

    role: Role
    year: int | None
    period: Period
    kind: str = ""
    five_year: bool = False  # a five-year plan's list: 累计 counts over the plan's five years


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
        elif isinstance(block, Paragraph) and not _is_review(located):
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

    def own(read: str) -> str:
        """`read` as the report prints it, "" where so already."""
        shown = name_in_print(read, record.source_text, source_text)
        return shown if shown != read else ""

    return replace(
        record,
        source_text=source_text,
        printed=printed,
        printed_name=own(record.name),
        printed_unit=own(record.unit),
        printed_modifier=own(record.modifier),
    )


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
    roles = _part_roles(document)
    role = PartRole.OTHER
    for located in addressed(document.blocks):
        if isinstance(located.block, Heading):
            heading = located.block.text
            top_kind = top_kind or located.block.kind
            if located.block.kind == top_kind:
                part = heading
                role = roles.get(split_label(heading)[1], role_of(heading))
        yield _Located(located.block, located.address, heading, part, role)


def _part_roles(document: NormalizedDocument) -> dict[str, PartRole]:
    """The role of each top-level part by its heading (without numbering), as the differ reads
    it: from the heading's words and, where they say otherwise or nothing, the layout (a review
    part headed `一、过去一年的工作` reviews all the same)."""
    tree = build_tree(document)
    return {
        tree.sections[index].heading: role
        for index, role in part_roles(tree).items()
        if not tree.sections[index].synthetic
    }


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
    planning = located.part_role in (PartRole.TARGETS, PartRole.TASKS)
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


#: A review part about the one year just ended, named without its number (一、过去一年的工作).
_LAST_YEAR = re.compile(r"过去(?:的)?一年|去年|上一?年")


def _is_review(located: _Located) -> bool:
    """A part that reviews (`_part_roles`), or one about this year so far that says nothing else."""
    role = located.part_role
    return role == PartRole.REVIEW or (role == PartRole.OTHER and bool(_THIS_YEAR_SO_FAR.search(located.part)))


def _review_context(document: NormalizedDocument, part: str) -> _Review:
    """The year a review part's heading names, else this year for a part about this year so far
    (`_THIS_YEAR_SO_FAR`), else the year before the report's: a report reviews the year that has
    just ended (a five-year review names its last year when it speaks of it; a part named for
    the year just ended, `_LAST_YEAR`, is about it alone)."""
    named = {int(y) for y in _YEAR.findall(with_arabic_years(part))}
    if len(named) == 1:
        return _Review(named.pop(), True, period_in(part) or YEAR)
    year = _document_year(document)
    if year and _THIS_YEAR_SO_FAR.search(part):
        return _Review(year, True, period_in(part) or YEAR, so_far=True)
    return _Review(year - 1 if year else None, bool(_LAST_YEAR.search(part)), YEAR)


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
    bare = strip_change(NUMBERED_LINE_RE.sub("", name))
    if bare.endswith("率"):
        default_change = Change.LEVEL
    rate = _GROWTH_NAME.search(bare)
    if rate and rate.start():  # 地区生产总值增速 | % | 6.0: the growth of 地区生产总值
        bare, default_change = bare[: rate.start()], Change.GROWTH
    elif NUMBERED_LINE_RE.sub("", name).strip().endswith("增长"):  # 地区生产总值增长 | % | 4.7, likewise
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
