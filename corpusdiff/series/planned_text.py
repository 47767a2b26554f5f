"""Reading the figures the older national reports (1950s-1980s) state in running text for the
indicators of a planned economy: `一九八二年全国工农业总产值达到八千二百九十一亿元`, `1981年…粮食产量
34，250万吨`, `一九五九年的工农业总产值将比一九五八年的二千零五十亿元增长百分之四十`. Such a report states
most of its figures only there (docs/indicators.md, "planned economy"): each clause that opens
with a name of `planned-indicators.yaml` and states its figure is one record, its year the one the sentence is about and its role a target
where the sentence plans (计划, 规定, 将) or the year is still to come. Figures are read in Arabic
digits (`text.numerals`); what is shown is the clause as printed. Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from corpusdiff.series.aliases import shipped
from corpusdiff.series.indicator_text import (
    YEAR,
    Change,
    Figure,
    Period,
    Role,
    continued_figure,
    digit_reading,
    figures_in,
    named_figure,
    period_in,
)
from corpusdiff.text.script import simplified
from corpusdiff.text.sentences import full_sentences

PLANNED_NAMES: tuple[str, ...] = tuple(sorted(shipped("planned-indicators.yaml"), key=len, reverse=True))
_NAME_RE = re.compile("|".join(map(re.escape, PLANNED_NAMES)))


@dataclass(frozen=True)
class PlanContext:
    """What the report and the part around a paragraph say about its figures' time."""

    report_year: int | None
    part_year: int | None  # the one year the heading above names (二、1981年国民经济计划的任务)


@dataclass(frozen=True)
class PlannedFigure:
    figure: Figure
    year: int
    role: Role
    clause: str  # as printed
    sentence: str  # as printed


#: A clause ends at a comma, semicolon or colon, never at the full-width comma that separates
#: thousands (`34，250万吨`).
_CLAUSE_CUT = re.compile(r"(?<!\d)[，,；;：:]|[，,；;：:](?!\d{3}(?!\d))")
#: What a figure is compared with (比上年, 比1980年预计, 比一九五七年的一千二百四十一亿元, 等于一九四九年的
#: 二点六倍): the base, not the indicator's own figure; its year says whether the change is one year's.
_COMPARISON = re.compile(
    r"(?:比|较|等于)(?P<base>上一?年|去年|今年|(?P<year>\d{4})年)(?:同期)?(?:预计数?)?(?:的[\d.]+[^\d，；增降减提上]{0,4})?|同比"
)
#: A figure over several years (平均每年增长, 年均, 从…增加到…, 1979到1983年), not one year's.
_SEVERAL_YEARS = re.compile(
    r"平均每年|每年平均|年均|递增|累计|合计|共计|总计|以来|这些年|[两二三四五六七八九十几多]年(?:内|间|中|来|里)|"
    r"\d{4}年?(?:末|底|初)?(?:到|至|—|－|-)\d{4}年|(?:由|从)[^，；]*?(?:到|至)"
)
#: What a clause says in brackets (`（按一九五七年不变价格计算）`, `（包括村办工业）`): how the figure is
#: counted, neither a figure nor its year.
_BRACKETED = re.compile(r"（[^）]*）|\([^)]*\)")
#: `同一九八○年比较`, `与上年相比`, `同一九四九年产量比较`: the same comparison as 比一九八○年.
_COMPARED_WITH = re.compile(r"(?:同|与|跟|和)(\d{4}年|上年|去年)[^，；\d]{0,4}?(?:相)?比(?:较)?")
_YEARS = re.compile(r"(\d{4})年")
_RELATIVE = {"今年": 0, "本年": 0, "明年": 1, "去年": -1, "上年": -1, "过去一年": -1, "一年来": -1}
_RELATIVE_RE = re.compile(r"(?<![比较])(今年|本年|明年|过去一年|一年来|去年|上年)")
#: A year as what another is compared with (超过去年水平, 接近1979年的水平, 去年同期, 继去年…之后) is
#: not the time the figures are of: `…可以超过去年水平。全年工业总产值计划比上年增长6%` plans this year;
#: nor is one in a clause that is all comparison (`比五年计划原定1957年3856亿斤的水平超过133亿斤`).
_YEAR_COMPARED = re.compile(r"(?:\d{4}年|今年|本年|去年|上年)(?:同期|的?(?:最高)?水平)|继(?:\d{4}年|去年|上年)")
#: A clause that opens with one year (`1984年增长14.5%`, `一九八五年，`): what it states is that
#: year's, whatever span the sentence spoke of before it (`1979年到1983年，…平均每年增长7.9%`).
_OPENS_WITH_A_YEAR = re.compile(r"(?:而|又)?\d{4}年")
#: Words of time, scope or plan a clause may open with before the indicator's name.
_LEAD_WORD = re.compile(
    r"\d{4}年(?:底|末)?的?|今年|去年|明年|上年|全年|上半年|前三季度|第?一季度|1\s*[-－—–~～至到]\s*\d{1,2}\s*月|"
    r"年末|年底|全国|我国的?|国家的?|"
    r"(?:全|我|本)(?:省|市|区|县|州|盟|自治区)的?|第(?:\d+|[一二三四五六七八九十]+)个五年计划的?|预计|计划|要求|规定|"
    r"力争|争取|其中|同时|而且|而|但|并|使|到|在|至|是|的"
)
#: A figure in a unit `text.figures` does not know (`800万桶`) would read as another unit (万):
#: such a clause is left unread.
_UNIT_GOES_ON = re.compile(r"(?![和与及的])[\u4e00-\u9fff]")  # 3920亿斤和棉花产量…: the figure is whole
#: Words between a name and its figure that say nothing of the figure (国民收入1987年达到,
#: 工农业总产值将达到, 粮食产量计划二千七百万吨, 钢增加了); 计划 and 预计 still decide the role.
_FILLER = re.compile(
    r"\d{4}年(?:底|末)?|今年|明年|去年|计划|预计|拟定|拟|安排|将|要|就|又|也|却|都|已经|已|共|仍然|依然|仍|还|可以|可|能|继续|"
    r"总共|大约|约|了"
)
_PLANNED_VERBS = (("增产", "增长"), ("减产", "下降"), ("完成", "达到"), ("缩减为", "为"), ("压缩为", "为"))
#: The sentence plans: its figures up to here are targets (计划, 规定, 将达到); 超过计划, 完成计划
#: speak of results, and a five-year plan named (接近了第一个五年计划最后一年的指标) plans nothing.
_PLAN_CUE = re.compile(r"(?<!五年)计划(?!的|执行|完成|期间|时期)|规定|要求|争取|力争|预定|拟定|拟|安排|设想|将")
_RESULT_OF_PLAN = re.compile(r"(?:超过|完成|超额完成|实现)了?[^，；计]{0,6}计划(?:的要求|规定的指标)?")
#: The sentence says what was done (预计, 实际, 超额, 完成了), or the clause itself (完成).
_RESULT_CUE = re.compile(r"实际|超额|预计|完成了|已经|又(?!将|要|计划|拟)")
_DONE = re.compile("完成")


#: Electricity in 度 (`发电量3，120亿度`), the kilowatt-hour's everyday name, or in 千瓦小时
#: (`发电量达到4455亿千瓦小时`), which text.figures knows as 千瓦时. A lone 1 is the word 一度 (once,
#: for a time: `速度一度下降`), never electricity.
_KILOWATT_HOURS = re.compile(r"(?<![\d.])(\d[\d.]*[万亿]?)(?:度|千瓦小时)")


def _in_kilowatt_hours(found: re.Match[str]) -> str:
    return found.group(0) if found.group(0) == "1度" else f"{found.group(1)}千瓦时"


def reading(text: str) -> str:
    """`text` in simplified characters (the 1950s reports print 工業總産值, 百分之三十六點九) with
    years and figures in Arabic digits, as the readers take them."""
    return _KILOWATT_HOURS.sub(_in_kilowatt_hours, digit_reading(simplified(text)))


def planned_figures(paragraph: str, context: PlanContext) -> Iterator[PlannedFigure]:
    """Each figure a paragraph states for a name of `PLANNED_NAMES`, with its year and role; a
    clause whose year is not known is left out. The year a sentence names carries on to the
    sentences after it in the paragraph."""
    year: int | None = None
    for sentence in full_sentences(paragraph):
        state = _Sentence(context, sentence, year)
        for printed in _CLAUSE_CUT.split(sentence):
            yield from state.read(printed)
        year = state.year


@dataclass
class _Sentence:
    """What the clauses of one sentence read so far say about the clauses after them."""

    context: PlanContext
    sentence: str
    year: int | None  # the year the sentence is about so far
    previous: str = ""  # the name a clause without one continues
    rate: bool = False  # that name was given as a rate of change (工农业总产值的增长速度，…计划为3.7%)
    plans: str = ""  # the sentence so far, less what speaks of a plan's results (超过计划)
    said: str = ""  # the clauses since the sentence last named a year
    sector: str = ""  # a sector named alone (轻工业，总产值…)
    base: re.Match[str] | None = None  # the last comparison (比上年, 比1980年预计)
    period: Period | None = None  # a period named before (今年上半年，…)
    aside: bool = False  # it has turned to figures that are not the indicators' (capacities, a region)
    together: list[str] = field(default_factory=list)  # the names of the clauses in a row before
    spans: bool = field(init=False)  # it speaks of several years, and no clause since opened with one

    def __post_init__(self) -> None:
        self.spans = bool(_SEVERAL_YEARS.search(reading(self.sentence)))

    def read(self, printed: str) -> Iterator[PlannedFigure]:
        """The figures one clause states, as printed `printed`."""
        clause = _COMPARED_WITH.sub(r"比\1", _BRACKETED.sub("", reading(printed)).strip().rstrip("。！？"))
        self.plans += _RESULT_OF_PLAN.sub("", clause)
        if _SEVERAL_YEARS.search(clause):  # its name goes on (农业总产值在五年内增长…，到1957年达到…)
            self.year = self.year if next(figures_in(clause), None) else None  # 1952年到1956年五年间…合计，
            found = _name_at(_COMPARISON.sub("", clause))
            self.previous = found.group(0) if found else self.previous
            self.spans = True
            return
        self.spans = self.spans and not _OPENS_WITH_A_YEAR.match(clause)
        self.aside = self.aside or bool(_CAPACITY.search(clause) or _is_narrower_scope(clause))
        if self.aside:
            return
        self.base = _COMPARISON.search(clause) or self.base
        bare = _with_sector(_COMPARISON.sub("", clause), self.sector)
        self.sector = clause if _SECTOR.fullmatch(clause) else ""
        self._note_time(bare)
        if _SHARE_OF_PLAN.search(bare):  # 完成年度计划的102%: no figure of the name, which goes on
            found = _name_at(bare)
            self.previous = found.group(0) if found else self.previous
            return
        stated = self._stated(bare)
        at = self.year or self.context.part_year
        if at is None:
            return
        for figure in stated:
            figure = self._as_stated(figure)
            role = _role(bare, self.said, self.plans, at, figure.period or YEAR, self.context)
            if _one_year_change(figure, self.base, at, self.spans) and not (
                role == Role.ACHIEVED and _is_history(at, self.context)
            ):
                yield PlannedFigure(figure, at, role, printed.strip().rstrip("。！？"), self.sentence.strip())

    def _stated(self, bare: str) -> list[Figure]:
        """The figures a clause states; one that opens with `都` (`都比上年增长8%`) gives its figure
        to each name the clauses right before it opened with (`原煤产量达到…，原油达到…`)."""
        found = _name_at(bare)
        together = self.together
        shared = _SHARED.match(bare, _lead_end(bare)) if found is None and len(together) > 1 else None
        self.together = [*together, *_joined_names(bare, found)[0]] if found else []
        if shared:
            rest = _plain(bare[shared.end() :])
            figure = continued_figure(rest, together[0]) if _whole_figure(rest) else None
            self.previous, self.rate = "", False
            return [replace(figure, name=name) for name in together] if figure else []
        stated, previous = _clause_figures(bare, self.previous)
        self.rate = (self.rate and previous == self.previous) or _names_a_rate(bare)
        self.previous = previous
        return stated

    def _note_time(self, bare: str) -> None:
        """The year and period a clause names; a year named starts what the sentence says anew."""
        timed = "" if bare.startswith(("比", "较")) else _YEAR_COMPARED.sub("", bare)
        if self.year:  # 本年: the year the paragraph is about (the 1956 budget report's review of 1955)
            timed = timed.replace("本年", "")
        if _YEARS.search(timed):
            self.year, self.said = _topic_year(timed, self.context), ""
        else:
            self.year = _topic_year(timed, self.context) or self.year
        self.said += bare
        self.period = period_in(bare) or self.period

    def _as_stated(self, figure: Figure) -> Figure:
        """The figure with the sentence's period, and a rate named before it as its change."""
        figure = replace(figure, period=figure.period or self.period)
        if self.rate and figure.change == Change.LEVEL and figure.unit == "%":
            figure = replace(figure, change=Change.GROWTH)
        return figure


#: Figures that are not the indicators' own: capacities (`新增加的生产能力有：生铁188万吨，钢116.6万吨`,
#: `年产能力`), from the clause that names them to the end of the sentence.
_CAPACITY = re.compile("能力")
#: How much of a plan was done (`钢完成96.4%`, `完成年度计划的102%`, `完成了原定计划的101%`).
_SHARE_OF_PLAN = re.compile(r"完成了?(?:[^，；\d]{0,8}?计划的?)?\d[\d.]*%")
#: A clause of places only, a part of the country (`内蒙古、新疆、广西、宁夏四个自治区，一九五八年工业总
#: 产值…增长88%`): the sentence's figures after it are theirs, not the report's region's.
_PLACES = re.compile(r"[^，；：]{0,24}(?:自治区|省|地区)")
_OWN_SCOPE = re.compile(r"(?:全|我|本)(?:省|自治区|地区)|全国\S*")


def _is_narrower_scope(clause: str) -> bool:
    return bool(_PLACES.fullmatch(clause)) and not _OWN_SCOPE.fullmatch(clause)


#: A name given as its rate of change, whose figures follow in the next clauses (工农业总产值的增长速度，
#: 一九八一年计划为百分之三点七，实际达到百分之四点六).
_RATE_PHRASE = re.compile(rf"(?:{_NAME_RE.pattern})的?(?:增长速度|增长率|增速|增幅|增长幅度)$")


def _names_a_rate(clause: str) -> bool:
    return bool(_RATE_PHRASE.search(clause))


#: A sector named alone before its figures, as a plan lists them (`轻工业，总产值比1980年预计增长8%`).
_SECTOR = re.compile(r"[农工轻重]\S{0,2}业")


def _with_sector(clause: str, sector: str) -> str:
    """`总产值…` after the sector `轻工业` is `轻工业总产值…`, when that is a name."""
    if sector and clause.startswith("总产值") and _NAME_RE.fullmatch(f"{sector}总产值"):
        return sector + clause
    return clause


def _topic_year(clause: str, context: PlanContext) -> int | None:
    """The year a clause is about: the one it names, else the one 今年/去年/明年 means; None
    when it names several (then no year carries on to the clauses after it)."""
    named = set(_YEARS.findall(clause))
    if len(named) == 1:
        return int(named.pop())
    relative = _RELATIVE_RE.search(clause)
    if relative and context.report_year:
        return context.report_year + _RELATIVE[relative.group(1)]
    return None


def _clause_figures(clause: str, previous: str) -> tuple[list[Figure], str]:
    """The figures a clause states and the name the next clause may continue: its own name's
    figure, one each for names joined before one figure (`国民收入和国家财政收入都比上年增长12%`),
    one figure each, in order, for names joined before `分别` (`原煤和原油分别增长8%和9%`), else
    `previous`'s when the clause names nothing (`比上年增长5.1%` after `粮食产量达到…`)."""
    found = _name_at(clause)
    if found is None:
        rest = _plain(clause[_lead_end(clause) :])
        each = _EACH.match(rest)  # 分别 after names of clauses before: which figure is whose is unsaid
        figure = continued_figure(rest, previous) if previous and _whole_figure(rest) and not each else None
        return ([figure], previous) if figure is not None else ([], "")
    names, end = _joined_names(clause, found)
    if len(names) > 1 and (each := _EACH.match(clause, end)):
        return _figure_each(names, _plain(clause[each.end() :])), ""
    if len(names) > 1 and not _ALL_OF_THEM.match(clause, end):
        names, end = names[:1], found.end()
    segment = found.group(0) + _plain(clause[end:])
    figure = named_figure(segment, found.group(0)) if _whole_figure(segment) else None
    if figure is None:  # 全市地区生产总值迈上2万亿元台阶: the clause after it may state its figure
        return [], "" if _OTHER_MEASURE.match(clause, found.end()) else found.group(0)
    return [replace(figure, name=name) for name in names], names[-1] if len(names) == 1 else ""


#: Another measure of the thing a name names (`棉花的播种面积安排为9030万亩，比上一年增加412万亩`): the
#: clause after it states that measure's figure, not the name's; its rate (`的增长速度`), output and
#: value (`的产量`, `的产值`) are the name's own.
_OTHER_MEASURE = re.compile(r"的(?!增长速度|增长率|增速|增幅|增长幅度|总?产量|总?产值)[\u4e00-\u9fff]")


#: Names joined before the figures they state: `国民收入和国家财政收入都…` (one they share),
#: `原煤、原油均…`, `出口和进口分别为…` (one each).
_JOINED = re.compile(rf"(?:和|与|及|、)({_NAME_RE.pattern})")
_ALL_OF_THEM = re.compile("都|均")
#: A clause that states one figure of the names before it: `原煤产量达到…，原油达到…，都比上年增长8%`,
#: `粮食、棉花、烤烟等产品的产量，也都比1957年增长1倍以上`.
_SHARED = re.compile("也?(?:都|均)")
_EACH = re.compile("分别")
#: What stands between the figures of names joined before `分别` (`8%和9%`, `8.2%、6.5%`).
_FIGURE_JOINER = re.compile(r"和|与|及|、|,")


def _joined_names(clause: str, found: re.Match[str]) -> tuple[list[str], int]:
    """The names joined from `found` on (`原煤和原油`), and where the last ends."""
    names, end = [found.group(0)], found.end()
    while joined := _JOINED.match(clause, end):
        names.append(joined.group(1))
        end = joined.end()
    return names, end


def _figure_each(names: list[str], rest: str) -> list[Figure]:
    """`增长8%和9%` after `原煤和原油分别`: the first figure the first name's, and so on, each
    with the words before the first (`增长`, `为`); none when the figures are not one a name, joined
    by `和`/`、` alone, rather than one given to the wrong name."""
    stated = list(figures_in(rest))
    gaps = [rest[before.end : after.start] for before, after in pairwise(stated)]
    if len(stated) != len(names) or any(not _FIGURE_JOINER.fullmatch(gap) for gap in gaps):
        return []
    if _UNIT_GOES_ON.match(rest, stated[-1].end):
        return []
    words = rest[: stated[0].start]
    figures = [named_figure(name + words + rest[at.start : at.end], name) for name, at in zip(names, stated, strict=True)]
    return [figure for figure in figures if figure is not None] if all(figures) else []


def _whole_figure(segment: str) -> bool:
    """The first figure of `segment` is followed by no more of its unit (`800万桶`)."""
    parts = next(figures_in(segment), None)
    return parts is None or not _UNIT_GOES_ON.match(segment, parts.end)


def _plain(words: str) -> str:
    """The words between a name and its figure without those that say nothing of it, and the
    planned economy's verbs as the readers know them (增产 is 增长)."""
    for verb, plain in _PLANNED_VERBS:
        words = words.replace(verb, plain)
    return _FILLER.sub("", words)


def _name_at(clause: str) -> re.Match[str] | None:
    """The name the clause opens with, after words of time, scope or plan."""
    return _NAME_RE.match(clause, _lead_end(clause))


def _lead_end(clause: str) -> int:
    """Where the words of time, scope or plan a clause opens with end (`到1957年`, `我国`); a
    name among them ends them."""
    position = 0
    while position < len(clause) and not _NAME_RE.match(clause, position):
        lead = _LEAD_WORD.match(clause, position)
        if lead is None:
            break
        position = lead.end()
    return position


def _one_year_change(figure: Figure, compared: re.Match[str] | None, year: int, spans: bool) -> bool:
    """A change over the year before (比上年, 比1980年 for 1981) is the year's; one over a longer
    time (一九八二年…比一九七八年增长, 一九五七年比一九五二年，钢增加了…) is not, nor one that
    names no base in a sentence that speaks of several years (五年内增长23.3%…；粮食增长17.6%)."""
    if figure.change == Change.LEVEL:
        return True
    if compared is None:
        return not spans
    return compared.group("year") is None or int(compared.group("year")) == year - 1


#: How far back a report's results reach: the five-year plan it reviews and the plan's base year
#: (the 1959 report's 1952); a year before that is history quoted for comparison (解放前产量最高的
#: 一九三六年), not a result of the report.
_REVIEWED_YEARS = 10


def _is_history(year: int, context: PlanContext) -> bool:
    return context.report_year is not None and year < context.report_year - _REVIEWED_YEARS


def _role(clause: str, said: str, plans: str, year: int, period: Period, context: PlanContext) -> Role:
    """A target when the year is still to come, or when neither the clause (完成) nor the sentence
    since it last named a year (`said`: 实际, 预计, 完成了) says it was done and the sentence plans
    it or speaks of the report's own whole year, which has not ended (the 1956 report's
    `1956年…原油增长24%`); otherwise a result (`今年上半年…增长`)."""
    if context.report_year and year > context.report_year:
        return Role.TARGET
    if _DONE.search(clause) or _RESULT_CUE.search(said):
        return Role.ACHIEVED
    this_year = year == context.report_year and period.is_year
    return Role.TARGET if _PLAN_CUE.search(plans) or this_year else Role.ACHIEVED
