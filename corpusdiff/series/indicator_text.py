"""Reading one stated figure: the vocabulary of indicator values (role, period, change, status,
the `Value` itself) and the parsers that take a clause, a table cell or a sentence of running
text apart into a name and a value. Figures are the whole tokens of `text.figures`, so
`6.5%－7%` is one range, never a decline of 7 %. Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from corpusdiff.normalize.dating import with_arabic_years
from corpusdiff.series.aliases import shipped
from corpusdiff.text.figures import MEASURE_PARTS_RE, FigureParts, figure_parts, last_figure
from corpusdiff.text.numerals import arabic_figures
from corpusdiff.text.sentences import full_sentences


def digit_reading(text: str) -> str:
    """`text` with its years and figures in Arabic digits (`一九九六年` -> `1996年`, `百分之九点七`
    -> `9.7%`, `１４．２％` -> `14.2%`): how every reader here takes a clause, so a report printing
    its figures in Chinese numerals reads as one printing digits. What is shown stays as printed."""
    return with_arabic_years(arabic_figures(text))


class Role(StrEnum):
    TARGET = "target"
    ACHIEVED = "achieved"  # an estimate such as 预计完成 counts as achieved


class Change(StrEnum):
    GROWTH = "growth"  # 增长, 提高; a bare percentage in an annual-plan table
    DECLINE = "decline"  # 下降, 降低, 减少
    LEVEL = "level"  # an amount or a rate (失业率), 控制在/保持在/达到 a figure
    NONE = ""  # the report prints no direction (完成市下达目标)


class Status(StrEnum):
    STATED = "stated"
    BLANK = "blank"  # a table cell that is empty or —
    OMITTED = "omitted"  # another edition of the series states it, this one does not
    NO_TARGET = "no-target"  # the report says it sets no such target (没有提出…目标, …目标在规划期内统筹考核)
    NONE = ""  # a cell: neither this edition nor any other of its series says anything


@dataclass(frozen=True, order=True)
class Period:
    """The months a figure covers, counted from January: 12 is the full year, 6 the first half.
    Chinese statistics are cumulative from January (上半年, 1-9月, 前三季度). A five-year plan's
    cumulative figure (`〔13.5〕`) covers its five years, 60 months to the end of the year (`5y`)."""

    months: int = 12

    def __str__(self) -> str:
        if self.months > 12:
            return f"{self.months // 12}y"
        return {12: "year", 3: "Q1", 6: "H1", 9: "Q1-Q3"}.get(self.months, f"1-{self.months}月")

    @property
    def is_year(self) -> bool:
        return self.months == 12

    @property
    def spans_years(self) -> bool:
        """A figure over several years (a five-year plan's `〔13.5〕`), not one year's or part of one."""
        return self.months > 12

    @classmethod
    def parse(cls, label: str) -> Period:
        """The inverse of str(): `year`, `Q1`, `H1`, `Q1-Q3`, `1-10月`, `5y`."""
        named = {"year": 12, "Q1": 3, "H1": 6, "Q1-Q3": 9}
        if label in named:
            return cls(named[label])
        years = re.fullmatch(r"(\d)y", label)
        if years:
            return cls(12 * int(years.group(1)))
        months = re.fullmatch(r"1-(\d{1,2})月", label)
        if not months:
            raise ValueError(f"not a period: {label!r} (year, Q1, H1, Q1-Q3, 1-N月 or Ny)")
        return cls(int(months.group(1)))


YEAR = Period()

_PERIOD_WORDS = (
    (re.compile(r"全年"), 12),
    (re.compile(r"上半年"), 6),
    (re.compile(r"前三季度"), 9),
    (re.compile(r"(?:第)?一季度"), 3),
    (re.compile(r"1\s*[-－—–~～至到]\s*(\d{1,2})\s*月"), 0),  # 0: the month is in the match
)


def period_in(text: str) -> Period | None:
    """The period a text names (上半年 -> H1, 1-9月 -> Q1-Q3, 全年 -> year), or None."""
    for pattern, months in _PERIOD_WORDS:
        found = pattern.search(text)
        if found:
            count = months or int(found.group(1))
            if 1 <= count <= 12:
                return Period(count)
    return None


@dataclass(frozen=True)
class Value:
    """One stated value: a number or a range (`6.5%－7%`: low 6.5, high 7), its unit and
    modifier as printed, the period it covers and whether it is a target or a result. `low` and
    `high` are None when the report states the figure in words (力争正增长)."""

    low: Decimal | None = None
    high: Decimal | None = None
    unit: str = ""
    modifier: str = ""  # 左右 以上 以内 以下 不低于 不超过 低于 力争 控制在 完成市下达目标 …, "力争 以上"
    period: Period = YEAR
    role: Role = Role.TARGET

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None and self.high != self.low

    @property
    def text(self) -> str:
        """The number as printed (`2.0` stays `2.0`), `6.5–7` for a range, "" for none."""
        if self.low is None:
            return ""
        return f"{self.low}–{self.high}" if self.is_range else str(self.low)


@dataclass(frozen=True)
class Figure:
    """A clause or cell taken apart: the indicator's name as printed and what it states."""

    name: str
    low: Decimal | None
    high: Decimal | None
    unit: str
    change: Change
    modifier: str
    period: Period | None  # named by the clause itself (城镇调查失业率全年控制在…), else None


# --- modifiers, verbs and connectors around a figure ------------------------------------------

#: Words before a number that bound it; ≤ and ≥ are written as the words a list uses.
_PREFIX_MODIFIERS = {
    "不低于": "不低于",
    "不超过": "不超过",
    "低于": "低于",
    "高于": "高于",
    "超过": "超过",
    "突破": "突破",
    "力争": "力争",
    "≤": "以内",
    "≥": "以上",
    "<": "低于",
    "＜": "低于",
    ">": "高于",
    "＞": "高于",
}
#: Verbs that say which way a figure goes.
_VERBS = {
    "增长": Change.GROWTH,
    "提高": Change.GROWTH,
    "增加": Change.GROWTH,
    "上升": Change.GROWTH,
    "上涨": Change.GROWTH,
    "下降": Change.DECLINE,
    "降低": Change.DECLINE,
    "减少": Change.DECLINE,
}
#: Words between a name and a level (控制在 is also the modifier when no bound follows).
_CONNECTORS = (
    "控制在",
    "保持在",
    "稳定在",
    "提高到",
    "提高至",
    "降低到",
    "降低至",
    "下降到",
    "下降至",
    "降到",
    "降至",
    "回落到",
    "回落至",
    "达到",
    "为",
    "在",
)
_SIGNS = "-−－+"
_LEADING_TIME = re.compile(r"^(?:今年|全年|上半年|前三季度|(?:第)?一季度)")
_PARENTHESES = re.compile(r"（[^）]*）|\([^)]*\)")
_NAME_CHANGE = re.compile(r"(?:累计)?(增长|下降|降低|减少)$")
#: A target set by the government above (完成市下达目标, 完成国家下达任务, 以省下达任务为准).
_ASSIGNED_TARGET = re.compile(
    r"^(?P<name>.*?)(?:完成|以)(?P<who>国家|省|市|上级)下达的?(?P<what>.*?)(?:目标|任务)(?:为准)?$"
)
# Growth stated in words, without a number (`居民收入增长与经济增长基本同步`, `…增长和经济增长同步`:
# its own growth).
_WORDED = (
    (re.compile(r"^(?P<name>.*?)力争正增长$"), "力争"),
    (re.compile(r"^(?P<name>.*?)(?:基本持平|稳步增长)$"), ""),
    (re.compile(r"^(?P<name>.*?)增长[与和同][^，。；]{2,12}?(?:基本)?同步$"), ""),
)


_FALLS = re.compile("下降|降低|减少")


#: Words of striving before a name (`努力实现居民收入增长和经济发展同步`, `确保粮食产量…`): no part of it.
_AIM_LEAD = re.compile(r"^(?:努力|力争|确保)?实现|^确保")


def _without_aim(name: str) -> str:
    return _AIM_LEAD.sub("", name) or name


def assigned_clauses(clause: str) -> list[str]:
    """`单位地区生产总值能耗下降、主要污染物排放总量减少完成国家下达任务` -> one clause per indicator
    (`…能耗下降完成国家下达任务`, `…排放总量减少完成国家下达任务`): the level above sets each its own
    target; any other clause as it is."""
    text = clause.strip()
    found = _ASSIGNED_TARGET.match(text)
    if found is None or "、" not in found.group("name"):
        return [clause]
    tail = text[found.end("name") :]
    return [f"{name}{tail}" for name in found.group("name").split("、") if name]


#: A second, higher aim in brackets after a target (`增长6.5%左右（力争7%）`): a clause of its own.
_BRACKETED_AIM = re.compile(r"[（(]((?:力争|争取|努力争取)[^（）()]*?\d[^（）()]*)[）)]")


def figure_clauses(clause: str) -> list[str]:
    """A clause of a target list as the clauses that each state one figure: cut at a `、` after
    a figure (`地区生产总值增长5.5%以上、力争6%`), a bracketed aim after it (`增长6.5%左右（力争7%）`)
    read as the next. Figures of several indicators in one (`城乡居民人均可支配收入分别增长5.5%、
    6.5%`) name neither: none is read, rather than one misnamed."""
    aims = _BRACKETED_AIM.findall(clause)
    text = _BRACKETED_AIM.sub("", clause)
    if "分别" in text and len(list(MEASURE_PARTS_RE.finditer(text))) > 1:
        return []
    pieces, start = [], 0
    for comma in (at for at, char in enumerate(text) if char == "、"):
        if last_figure(text[start:comma]) is not None and re.search(r"\d", text[comma:]):
            pieces.append(text[start:comma])
            start = comma + 1
    return [*pieces, text[start:], *aims]


def assigned_modifier(who: str) -> str:
    """`完成市下达目标`, `完成国家下达目标`: a target the level above sets, as the reports word it."""
    return f"完成{who}下达目标"


def is_assigned(modifier: str) -> bool:
    return modifier.startswith("完成") and modifier.endswith("下达目标")


def parse_figure(text: str, default_change: Change, default_unit: str = "") -> Figure | None:
    """Name, value, unit, change and modifier of one clause or cell; None when it states no figure.

    `default_change` is what a bare number means here: a level in running text and in the
    five-year plan, a growth rate in the annual-plan tables.
    """
    text = digit_reading(_PARENTHESES.sub("", text).strip())
    assigned = _ASSIGNED_TARGET.match(text)
    if assigned:
        declines = "降" in assigned.group("what") or bool(_FALLS.search(assigned.group("name")))
        change = Change.DECLINE if declines else Change.NONE
        modifier = assigned_modifier(assigned.group("who"))
        return Figure(strip_change(assigned.group("name")), None, None, "", change, modifier, None)
    for pattern, modifier in _WORDED:
        worded = pattern.match(text)
        if worded:
            name = _without_aim(strip_change(worded.group("name")))
            return Figure(name, None, None, "", Change.GROWTH, modifier, None)
    parts = last_figure(text)
    if parts is None:
        return None
    return _figure_from(text[: parts.start], parts, default_change, default_unit)


def _figure_from(before: str, parts: FigureParts, default_change: Change, default_unit: str) -> Figure:
    """The words before a figure, read from the number backwards: sign, bound, verb or connector,
    period; what remains is the name."""
    negative = bool(before) and before[-1] in _SIGNS and (len(before) == 1 or not before[-2].isdigit())
    if negative:
        negative, before = before[-1] != "+", before[:-1]
    prefixes: list[str] = []
    verb: Change | None = None
    connected = False
    period = None
    while True:
        word = _peel(before)
        if word is None:
            break
        before = before[: -len(word)]
        if word in _PREFIX_MODIFIERS:
            prefixes.insert(0, _PREFIX_MODIFIERS[word])
        elif word in _VERBS:
            verb = verb or _VERBS[word]
        elif word in _CONNECTORS:
            connected = True
            if word == "控制在":
                prefixes.insert(0, word)
        else:
            period = period or period_in(word)
    before = before.strip()
    leading = _LEADING_TIME.match(before)
    if leading:
        period, before = period or period_in(leading.group(0)), before[leading.end() :]
    name = _without_aim(strip_change(before))
    low, high = _decimal(parts.low, negative), _decimal(parts.high, negative) if parts.high else None
    return Figure(
        name=name,
        low=low,
        high=high if high is not None else low,
        unit=parts.unit or default_unit,
        change=_change(verb, connected, name, default_change),
        modifier=_modifier(prefixes, parts.modifier),
        period=period,
    )


#: 平均为5.1%: the average over the period, which is the period's figure.
_PERIOD_QUALIFIERS = ("全年", "上半年", "前三季度", "第一季度", "一季度", "平均")
_PEEL_WORDS = sorted([*_PREFIX_MODIFIERS, *_VERBS, *_CONNECTORS, *_PERIOD_QUALIFIERS], key=len, reverse=True)
_MONTHS_AT_END = re.compile(r"1\s*[-－—–~～至到]\s*\d{1,2}\s*月$")


def _peel(text: str) -> str | None:
    """The modifier, verb, connector or period word that ends `text`, if any."""
    months = _MONTHS_AT_END.search(text)
    if months:
        return months.group(0)
    return next((word for word in _PEEL_WORDS if text.endswith(word)), None)


def _change(verb: Change | None, connected: bool, name: str, default_change: Change) -> Change:
    """The verb decides; a connector (控制在, 达到) or a rate (失业率) makes it a level."""
    if verb is not None:
        return verb
    if connected or name.endswith("率"):
        return Change.LEVEL
    return default_change


def _modifier(prefixes: list[str], suffix: str) -> str:
    """Prefix words and the bound after the number, as printed. 控制在 before a bound says
    nothing the bound does not (控制在4.5%以内 is 以内); alone it is the bound (at most)."""
    if suffix:
        prefixes = [p for p in prefixes if p != "控制在"]
    return " ".join(dict.fromkeys([*prefixes, suffix] if suffix else prefixes))


def _decimal(digits: str, negative: bool = False) -> Decimal | None:
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    return -number if negative else number


#: How a five-year plan counts a figure over its years (`地区生产总值年均增长7%`): the plan's
#: period, not a part of the indicator's name, which the annual reports print without it.
_PERIOD_TAIL = re.compile(r"(?:年均|年平均|累计)$")
#: How a growth is measured (`居民人均可支配收入实际增长7%`: net of prices), which the reports
#: print for the same indicator as often as not; the record's `printed` keeps it.
_MEASURE_TAIL = re.compile(r"实际$")


def strip_change(name: str) -> str:
    """`万元GDP水耗累计下降` -> `万元GDP水耗`, `单位GDP能源消耗降低` -> `单位GDP能源消耗`,
    `地区生产总值年均` -> `地区生产总值`, `居民人均可支配收入实际` -> `居民人均可支配收入`: the
    direction is the record's `change`, the years it counts over its period."""
    return _PERIOD_TAIL.sub("", _MEASURE_TAIL.sub("", _NAME_CHANGE.sub("", name.strip())))


#: Words that say where a figure is counted or what it is compared with, not which indicator it
#: is: a mid-year report's 全国城镇调查失业率 and 国内生产总值同比 are the annual reports'
#: 城镇调查失业率 and 国内生产总值 (环比, another measure, is kept).
_SCOPE_LEAD = re.compile(r"^(?:全国|全省|全市|全区|全县)(?=..)")
_COMPARISON_TAIL = re.compile(r"(?:同比|(?:比|较)(?:上年|去年)(?:同期)?)$")


def series_name(name: str) -> str:
    """The name an indicator's row goes by: the printed name without scope and comparison words
    (`全国城镇调查失业率` -> `城镇调查失业率`, `居民消费价格同比` -> `居民消费价格`)."""
    return _COMPARISON_TAIL.sub("", _SCOPE_LEAD.sub("", name.strip())).strip()


# --- "no target this year" ------------------------------------------------------------------

_NO_TARGET_VERBS = r"(?:没有提出|未提出|不再提出|不提出|不再设定?|不设定?|未设定?)"
_NO_TARGET = (
    # ——地区生产总值不设具体增长目标: the name first (a target list's line)
    re.compile(
        rf"^(?P<name>[^，。；：、“”]{{2,14}}?)(?:今年|全年)?{_NO_TARGET_VERBS}(?:具体|量化|年度)?(?:的)?(?:增长)?(?:目标|指标)"
    ),
    # 我们没有提出全年经济增速具体目标; 今年不设GDP增长目标
    re.compile(
        r"(?:没有提出|未提出|不再提出|不提出|不再设定?|不设定?|未设定?)(?:今年|全年)?"
        r"(?P<name>[^，。；：、“”]{2,14}?)(?:的)?(?:具体|量化|年度)?(?:增长)?(?:目标|指标)"
    ),
    # 能耗强度目标在“十四五”规划期内统筹考核
    re.compile(r"^(?P<name>[^，。；：、“”]{2,14}?)(?:的)?(?:年度)?目标(?:在|按).{0,24}?统筹考核"),
    # 地区生产总值增长目标不作量化要求; 全年地区生产总值增速目标暂不作量化
    re.compile(r"^(?P<name>[^，。；：、“”]{2,14}?)(?:的)?(?:年度)?目标(?:暂)?不(?:作|做)(?:具体)?量化"),
)
#: What stands around the name in a "no target" clause without being part of it: 对地区生产总值增速
#: 不设具体目标 is 地区生产总值's (its growth, the only target such a clause waives).
_NO_TARGET_LEAD = re.compile(r"^(?:对|关于)")
_NO_TARGET_TAIL = re.compile(r"(?:增长速度|增速|增长)$")


def no_target_name(clause: str) -> str | None:
    """The indicator a clause says has no target this year, as printed; None otherwise."""
    for pattern in _NO_TARGET:
        found = pattern.search(clause.strip())
        if found:
            name = _NO_TARGET_LEAD.sub("", _LEADING_TIME.sub("", found.group("name")).strip())
            bare = _NO_TARGET_TAIL.sub("", name)
            return (bare if len(bare) >= 2 and bare != "经济" else name) or None
    return None


# --- figures stated in running text (the deficit of a government work report) ----------------

PROSE_NAMES: tuple[str, ...] = tuple(sorted(shipped("prose-indicators.yaml"), key=len, reverse=True))
#: A sentence about this year's plan; a sentence after one, in the same paragraph, that names
#: no other time, continues it (…今年拟安排财政赤字13500亿元…。…但赤字率稳定在2.1%…). In a part
#: that plans the year (三、2022年政府工作任务) every sentence does until one names another time.
_THIS_YEAR = re.compile(r"今年|拟")
_OTHER_TIME = re.compile(r"(?<![比较])(?:去年|上年)|过去|年均|五年|以来|累计|此前|(?:19|20)\d\d年")
_YEARS = re.compile(r"((?:19|20)\d\d)年")
#: A narrower body of the same name (中央财政赤字 is not the 财政赤字).
_SUB_LEVELS = ("中央", "地方", "省级", "市级", "县级", "本级")
_PROSE_LINK = re.compile(
    r"拟?(?:按|安排|为|在|是|达到|稳定在|保持在|控制在"
    r"|(?:从[^，。；]{0,12}?)?(?:提高|降低|下调|上调|调低|调高|降|增加|减少)(?:到|至))?"
)


@dataclass(frozen=True)
class ProseFigure:
    figure: Figure
    sentence: str


def this_year_sentences(paragraph: str, year: int | None = None, planning: bool = False) -> Iterator[str]:
    """The sentences of a paragraph that speak of this year's plan (`year`, when known, is
    this year, not another time; `planning`: the paragraph is in a part that plans the year)."""
    current = planning
    for sentence in full_sentences(paragraph):
        read = with_arabic_years(sentence)
        if _THIS_YEAR.search(read) or (year is not None and f"{year}年" in read):
            current = True
        elif _names_other_time(read, year):
            current = False
        if current:
            yield sentence


def _names_other_time(sentence: str, year: int | None) -> bool:
    other = _OTHER_TIME.search(sentence)
    if other is None:
        return False
    return not other.group(0).endswith("年") or any(int(y) != year for y in _YEARS.findall(sentence))


def prose_figures(
    paragraph: str, year: int | None = None, planning: bool = False, names: tuple[str, ...] = PROSE_NAMES
) -> Iterator[ProseFigure]:
    """`今年赤字率拟按3%安排`, `今年拟安排财政赤字1.2万亿元`, `赤字率从去年的2.1%提高到2.3%`: each
    name of `names` directly followed by a figure, in a sentence about this year."""
    if not names:
        return
    name_re = re.compile("|".join(map(re.escape, names)))
    for sentence in this_year_sentences(paragraph, year, planning):
        read = digit_reading(sentence)
        for found in name_re.finditer(read):
            if read[: found.start()].endswith(_SUB_LEVELS):
                continue
            link = _PROSE_LINK.match(read, found.end())
            parts = figure_parts(read, link.end() if link else found.end())
            if parts is not None:
                figure = replace(_figure_from("", parts, Change.LEVEL, ""), name=found.group(0))
                yield ProseFigure(figure, sentence)


# --- results stated in the review part (国内生产总值达到82.7万亿元，增长6.9%) ---------------------

RESULT_NAMES: tuple[str, ...] = tuple(sorted(shipped("result-indicators.yaml"), key=len, reverse=True))
#: A sentence about a longer time than the year under review (五年来, 年均, 累计, “十二五”); a
#: mid-year report's 今年以来 (年初以来) is the time under review itself.
_LONGER_TIME = re.compile(r"五年|年均|(?<!今年)(?<!年初)以来|累计|此前|历年|十[一二三四五六七八九]五")
#: A five-year plan's name (“十四五”规划), the frame of a year the sentence names.
_PLAN_NAME = re.compile(r"十[一二三四五六七八九]五")
#: A sentence about the year under review without naming it (去年, not 比去年).
_LAST_YEAR = re.compile(r"(?<![比较])去年|一年来|过去一年")
_RESULT_CLAUSE = re.compile(r"[，；、,;]")
#: Words of time, scope or estimate a result's clause may open with (年末全国城镇调查失业率降到5.2%;
#: a January report gives last year's results as estimates: 预计全省地区生产总值增长5.8%).
_RESULT_LEAD = re.compile(
    r"^(?:预计|初步核算|据初步核算|初步测算|据初步测算|全年|年末|年底|上半年|前三季度|一季度|全国|全省|全市|全区|全县)+"
)
#: What a result's own clause may open with and still continue it (比上年增长7.7%).
_COMPARED = re.compile(r"^(?:比上年|比去年|较上年|同比)")


def review_sentences(paragraph: str, year: int | None, whole_part: bool) -> Iterator[str]:
    """The sentences of a review paragraph that speak of the year under review (`year`): all of
    them when the part reviews that year alone (`whole_part`: 一、2021年工作回顾), else from a
    sentence that names it (刚刚过去的2017年, 2012年，…); a sentence about a longer time or another
    year (五年来, 年均增长, 从2009年的…) ends that, until a sentence names the year again. A
    five-year plan named only as the year's frame, in a sentence naming the year (2024年是实现
    “十四五”规划目标任务的关键一年), is no longer time."""
    current = whole_part
    for sentence in full_sentences(paragraph):
        years = {int(found) for found in _YEARS.findall(with_arabic_years(sentence))}
        about = _PLAN_NAME.sub("", sentence) if year in years else sentence
        longer = bool(_LONGER_TIME.search(about)) or bool(years - {year})
        if longer:
            current = False
        elif year in years or _LAST_YEAR.search(sentence):
            current = True
        if current:
            yield sentence


def review_figures(
    paragraph: str, year: int | None, whole_part: bool, names: tuple[str, ...] = RESULT_NAMES
) -> Iterator[ProseFigure]:
    """Results a review paragraph states for the year under review: each name of `names` followed
    by its figure in one clause (城镇新增就业1351万人, 居民消费价格涨幅控制在2.6%), and the clause
    right after it when that clause names nothing but states a figure (国内生产总值达到56.9万亿元，
    比上年增长7.7%). `ProseFigure.sentence` is the clause that states the figure."""
    name_re = re.compile("|".join(map(re.escape, names)))
    for sentence in review_sentences(paragraph, year, whole_part):
        previous = ""
        opening = _opening_period(sentence)
        for clause in (c.strip().rstrip("。！？") for c in _RESULT_CLAUSE.split(sentence)):
            read = digit_reading(clause)
            figure = _named_result(read, name_re)
            if figure is None and previous:
                figure = continued_figure(read, previous)
            if figure is not None:
                yield ProseFigure(replace(figure, period=figure.period or opening), clause)
            previous = figure.name if figure is not None else _opening_name(read, name_re)


#: A sentence that opens with its period (上半年，国内生产总值同比增长5%…; 1-5月，…).
_OPENING_PERIOD = re.compile(r"^(?:今年)?(?:上半年|前三季度|(?:第)?一季度|全年|1\s*[-－—–~～至到]\s*\d{1,2}\s*月)")


def _opening_period(sentence: str) -> Period | None:
    """The period a sentence names before anything else, which all its figures cover."""
    found = _OPENING_PERIOD.match(sentence.strip())
    return period_in(found.group(0)) if found else None


def _named_result(clause: str, name_re: re.Pattern[str]) -> Figure | None:
    """The first figure of a clause that opens with a name (after words of time or scope: 全年,
    年末, 全国), when nothing but a verb, a connector, a bound or a period word stands between
    them: 城镇居民登记失业率 is not 登记失业率, and 单位国内生产总值能耗 or 国内生产总值从54万亿元
    增加到… are not read."""
    lead = _RESULT_LEAD.match(clause)
    found = name_re.match(clause, lead.end() if lead else 0)
    if found is None:
        return None
    return named_figure(clause[found.start() :], found.group(0))


def named_figure(segment: str, name: str) -> Figure | None:
    """The first figure of `segment`, which opens with `name`, when nothing but a verb, a
    connector, a bound or a period word stands between them."""
    parts = next(figures_in(segment), None)
    if parts is None:
        return None
    figure = _figure_from(segment[: parts.start], parts, Change.LEVEL, "")
    return figure if series_name(figure.name) == name else None


def _opening_name(clause: str, name_re: re.Pattern[str]) -> str:
    """The result name a clause opens with though it states no figure of it that is read
    (`全市地区生产总值迈上2万亿元台阶`): the clause after it (`增长6%`) still continues it."""
    lead = _RESULT_LEAD.match(clause)
    found = name_re.match(clause, lead.end() if lead else 0)
    return found.group(0) if found else ""


def continued_figure(clause: str, name: str) -> Figure | None:
    """`比上年增长7.7%` after `国内生产总值达到56.9万亿元`: a clause that states a figure without a name."""
    parts = last_figure(clause)
    if parts is None:
        return None
    figure = _figure_from(_COMPARED.sub("", clause[: parts.start]), parts, Change.LEVEL, "")
    return replace(figure, name=name) if not figure.name else None


#: What follows a number that makes it a date (2017年, 3月), as text.figures reads it.
_DATE_AFTER = frozenset("年月日号")


def figures_in(text: str) -> Iterator[FigureParts]:
    """The figures of a text in order, dates (2017年, 3月) left out."""
    for match in MEASURE_PARTS_RE.finditer(text):
        if match.group(0).isdigit() and text[match.end() : match.end() + 1] in _DATE_AFTER:
            continue
        parts = figure_parts(text, match.start())
        if parts is not None:
            yield parts
