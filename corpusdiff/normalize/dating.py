"""The year of a report that prints no date, read from the report's own words.

Many reports as published on the web start at 各位代表： — no title, no dated subtitle — yet
every one says, somewhere, when it speaks: the session it is addressed to, the year it reviews
(`一、2013年工作回顾`), the session it reports since (`第十一届全国人民代表大会第一次会议以来的
五年`), what happened 去年, what 今年 is (`今年是实行“七五”计划的头一年`). Each such phrase is
evidence for one year with a weight for how directly it dates the report; the year with the
most weight wins, and the phrase that weighed most is kept so the user is told where the year
came from. The file name is never evidence.

The sessions of the National People's Congress (NPC) are a fixed public record: the first
five congresses met irregularly (table below), and since the sixth (1983) each congress holds
one session a year for five years. Local congresses follow no common calendar, so only a local
report's own date dates it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from corpusdiff.text.numbering import chinese_numeral
from corpusdiff.text.occasion import cn_year

#: Years of the sessions of the first five National People's Congresses (session 1, 2, …).
_EARLY_NPC_SESSIONS: dict[int, tuple[int, ...]] = {
    1: (1954, 1955, 1956, 1957, 1958),
    2: (1959, 1960, 1962, 1963),
    3: (1964,),
    4: (1975,),
    5: (1978, 1979, 1980, 1981, 1982),
}
_FIRST_ANNUAL_CONGRESS, _FIRST_ANNUAL_YEAR = 6, 1983
_CN = "一二三四五六七八九十"
_NUM = f"(?:\\d+|[{_CN}两]+)"
_FULL_SESSION = f"第([{_CN}]{{1,3}})届全国人民代表大会(?:第([{_CN}]{{1,2}})次会议)?"
#: 五届人大四次会议 (national reports drop 全国), but not 市七届人大五次会议 (a local congress)
_SHORT_SESSION = f"(?<![省市区县州旗{_CN}])([{_CN}]{{1,3}})届(?:全国)?人大([{_CN}]{{1,2}})次会议"
_SESSION = f"(?:{_FULL_SESSION}|{_SHORT_SESSION})"
_SESSION_RE = re.compile(_SESSION)
_CN_YEAR_RE = re.compile("([〇○零一二三四五六七八九]{4})年")

#: Five-year plans by number: the first two started in 1953 and 1958; from the third (1966)
#: one every five years.
_FIRST_PLANS = {1: 1953, 2: 1958}
_PLAN_OFFSETS = {
    "头一年": 0,
    "第一年": 0,
    "开局之年": 0,
    "开局年": 0,
    "起步之年": 0,
    "第二年": 1,
    "第三年": 2,
    "第四年": 3,
    "第五年": 4,
    "最后一年": 4,
    "收官之年": 4,
}

_REVIEW_WORDS = ("回顾", "执行情况", "完成情况", "总结", "成就", "成绩", "胜利", "经验")
_PLAN_WORDS = ("部署", "任务", "要求", "建议", "目标", "安排", "重点", "取向", "计划")


@dataclass(frozen=True)
class YearEvidence:
    """A year and the words of the report that date it."""

    year: int
    reason: str


def npc_session_year(congress: int, session: int = 1) -> int | None:
    """The year session `session` of the `congress`th NPC met (None when there was none)."""
    if congress >= _FIRST_ANNUAL_CONGRESS:
        return (
            _FIRST_ANNUAL_YEAR + 5 * (congress - _FIRST_ANNUAL_CONGRESS) + session - 1
            if session <= 5
            else None
        )
    years = _EARLY_NPC_SESSIONS.get(congress, ())
    return years[session - 1] if 1 <= session <= len(years) else None


def session_year(text: str) -> int | None:
    """The year of the NPC session `text` names (第十三届全国人民代表大会第五次会议, 五届人大四次会议;
    a congress named without a session means its first session)."""
    match = _SESSION_RE.search(text)
    if not match or "常务委员会" in text[match.end() : match.end() + 6]:
        return None
    congress = match.group(1) or match.group(3)
    session = match.group(2) or match.group(4)
    return npc_session_year(chinese_numeral(congress), chinese_numeral(session) if session else 1)


def five_year_plan_start(number: int) -> int:
    """The first year of the `number`th five-year plan (七五 → 1986, 十四五 → 2021)."""
    return _FIRST_PLANS.get(number, 1966 + 5 * (number - 3))


def with_arabic_years(text: str) -> str:
    """一九五八年 → 1958年, so one pattern reads years in either numeral."""
    return _CN_YEAR_RE.sub(lambda m: f"{cn_year(m.group(1))}年", text)


#: (a word every match contains, so most paragraphs are skipped unsearched; pattern; weight;
#: the report year a match gives)
_Rule = tuple[str, re.Pattern[str], int, Callable[[re.Match[str]], int | None]]


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_numeral(text.replace("两", "二"))


def _after_session(match: re.Match[str]) -> int | None:
    year = session_year(match.group(0))
    return year + 1 if year else None


def _years_since_session(match: re.Match[str]) -> int | None:
    year = session_year(match.group(0))
    return year + _number(match.group("n")) if year else None


def _after_congress(match: re.Match[str]) -> int | None:
    return npc_session_year(chinese_numeral(match.group(1)) + 1)


def _plan_year(match: re.Match[str]) -> int:
    return five_year_plan_start(chinese_numeral(match.group(1))) + _PLAN_OFFSETS[match.group(2)]


_RULES: tuple[_Rule, ...] = (
    # 从去年三月第五届全国人民代表大会第一次会议闭幕…; 去年举行的六届人大一次会议
    ("去年", re.compile(f"去年(?:{_NUM}月)?(?:举行的|召开的|在)?{_SESSION}"), 8, _after_session),
    # 第十一届全国人民代表大会第一次会议以来的五年
    ("以来", re.compile(f"{_SESSION}以来的?(?P<n>{_NUM})年"), 8, _years_since_session),
    # 第六届全国人民代表大会期间 (reviewed at the first session of the next congress)
    ("期间", re.compile(f"第([{_CN}]{{1,3}})届全国人民代表大会期间"), 6, _after_congress),
    # 刚刚过去的1984年
    ("过去的", re.compile(r"(?:刚刚)?过去的(\d{4})年"), 5, lambda m: int(m.group(1)) + 1),
    # 今年十月一日是中华人民共和国成立三十五周年
    (
        "周年",
        re.compile(f"今年[^。；]{{0,20}}(?:中华人民共和国成立|新中国成立|建国)({_NUM})周年"),
        5,
        lambda m: 1949 + _number(m.group(1)),
    ),
    # 今年是实行“七五”计划的头一年
    (
        "今年是",
        re.compile(
            f"今年是[^。；]{{0,12}}?“?(?<![{_CN}])(十[一二三四五六七八九]?|[一二三四五六七八九])五”?"
            f"(?:计划|规划)?(?:时期)?的?({'|'.join(_PLAN_OFFSETS)})"
        ),
        5,
        _plan_year,
    ),
    # 1980年上半年…比去年同期
    ("上半年", re.compile(r"(\d{4})年上半年[^。；]{0,60}比去年同期"), 3, lambda m: int(m.group(1))),
    # 1987年，我们要…; 确定1987年经济体制改革的主要任务是
    ("要", re.compile(r"(?:^|[。；，])(\d{4})年[，,]?(?:我们)?要"), 2, lambda m: int(m.group(1))),
    ("主要任务", re.compile(r"确定(\d{4})年[^。；]{0,20}主要任务"), 2, lambda m: int(m.group(1))),
)
#: A year, or a list of years sharing one 年 (`1980、1981年`: plans for both, the first current).
_YEARS_RE = re.compile(r"(\d{4})(?:[、和至到－-]\d{4})*年")
#: A year in a report's name, but not the vision year of an outline (`2035年远景目标`): that is
#: the year the plan looks to, never the year of the report.
_NAME_YEARS_RE = re.compile(r"(\d{4})(?:[、和至到－-]\d{4})*年(?!远景)")
_HEADING_YEAR_RE = re.compile(r"(\d{4})(?:[、和至到－-]\d{4})*年(上半年)?")
_HEADING_WEIGHT = 6
_MEETING_WEIGHT = 10
_NAME_WEIGHT = 3
_ENOUGH = 3


def report_year(
    headings: Sequence[str], paragraphs: Sequence[str], meeting: str = "", name: str = ""
) -> YearEvidence | None:
    """The year the report speaks in, from the meeting it is addressed to, its headings, its
    body and the years in its name; None when the evidence is too thin (weight below 3).
    All texts are simplified Chinese (text.script)."""
    votes: Counter[int] = Counter()
    best: dict[int, tuple[int, str]] = {}
    for year, weight, reason in _evidence(headings, paragraphs, meeting, name):
        votes[year] += weight
        if weight > best.get(year, (0, ""))[0]:
            best[year] = (weight, reason)
    if not votes:
        return None
    year, weight = max(votes.items(), key=lambda item: (item[1], item[0]))
    return YearEvidence(year, best[year][1]) if weight >= _ENOUGH else None


def outline_year(plan_start: int, meeting: str, plan_name: str) -> YearEvidence:
    """The year of a five-year outline that prints no date: the session that approved it, else
    the first year of its period (outlines are approved in their first year, 十四五 in 2021) —
    never a year named in it, which is a target (`2035年远景目标`, `到2025年`)."""
    year = session_year(meeting) if meeting else None
    return YearEvidence(year, meeting) if year else YearEvidence(plan_start, plan_name)


def _evidence(
    headings: Sequence[str], paragraphs: Sequence[str], meeting: str, name: str
) -> Iterable[tuple[int, int, str]]:
    if meeting and (year := session_year(meeting)):
        yield year, _MEETING_WEIGHT, meeting
    for heading in dict.fromkeys(with_arabic_years(h) for h in headings):
        year = _heading_year(heading)
        if year:
            yield year, _HEADING_WEIGHT, heading
    for text in paragraphs:
        text = with_arabic_years(text)
        for word, pattern, weight, to_year in _RULES:
            if word not in text:
                continue
            for match in pattern.finditer(text):
                year = to_year(match)
                if year:
                    yield year, weight, match.group(0).lstrip("。；，")
    years = [int(y) for y in _NAME_YEARS_RE.findall(with_arabic_years(name))]
    if years:
        yield max(years), _NAME_WEIGHT, name


def _heading_year(heading: str) -> int | None:
    """`一、2013年工作回顾` → 2014; `二、2014年工作总体部署` → 2014; `2023年上半年…` → 2023;
    `保证1980、1981年计划的完成` → 1980 (the first of the years the plans are for)."""
    match = _HEADING_YEAR_RE.search(heading)
    if not match:
        return None
    year, rest = int(match.group(1)), heading[match.end() :]
    if match.group(2):
        return year
    if any(word in rest for word in _REVIEW_WORDS):
        return year + 1
    if any(word in rest for word in _PLAN_WORDS):
        return year
    return None
