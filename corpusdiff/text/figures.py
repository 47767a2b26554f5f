"""Figures as whole tokens: number, range, unit and modifier together (`5318.2亿元`, `6.0%以上`,
`5.5%左右`, `6.5%－7%`, `1.33万亿斤`, `1100万人以上`), so that a diff never cuts a number at
its decimal point and any change to one is a changed figure. The indicator reader takes the
same tokens apart (`figure_parts`), so both agree on what one figure is; it also knows the
units of foreign trade and of the older reports (`827亿美元`, `3270万担`), which a diff's token
leaves after the figure."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_NUMBER = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:万亿|亿|万|千|百)?"
_UNITS = (
    r"%|‰|个百分点|元|人次|人|斤|公斤|吨|平方米|平方公里|公里|千米|米|千瓦时|千瓦|小时|户|家|所|座|套|项|个|台|辆|架|"
    r"张|床|间|条|处|栋|宗|件|部|批|次|名|篇|种|份|场|起|例|艘|头|倍|岁|天|亩|公顷|立方米|标准箱|微克/立方米|微克"
)
_UNIT = rf"(?:{_UNITS})?"
#: Units the indicator readers also take with their figure, so that a figure in one is read in
#: it, never as a bare number of its scale (`827亿美元` is not 827亿): foreign currency (trade,
#: reserves), the older reports' 担 (cotton, `3270万担`), 公尺, 公方 and 马力, transport's
#: 吨公里 and 人公里, energy's 吨标准煤. They come first where a common unit begins them (吨).
#: The diff's tokens (FIGURE_RE) keep the common units: the initiative matcher masks them.
_MEASURE_UNIT = rf"(?:美元|港元|欧元|卢布|担|吨公里|人公里|吨标准煤|马力|公尺|公方|{_UNITS})?"
_MODIFIER = r"(?:以上|以下|左右|以内|上下|多)?"
_RANGE_MARK = r"[－\-—–~～至到]"
_RANGE = rf"(?:\s*{_RANGE_MARK}\s*{_NUMBER}{_SCALE}{_UNIT})?"
FIGURE_RE = re.compile(rf"(?<![\d.]){_NUMBER}{_SCALE}{_UNIT}{_RANGE}{_MODIFIER}")


def _parts_pattern(unit: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\d.])(?P<low>{_NUMBER})(?P<low_unit>{_SCALE}{unit})"
        rf"(?:\s*{_RANGE_MARK}\s*(?P<high>{_NUMBER})(?P<high_unit>{_SCALE}{unit}))?(?P<modifier>{_MODIFIER})"
    )


#: FIGURE_RE with its parts named: it matches exactly the same spans.
FIGURE_PARTS_RE = _parts_pattern(_UNIT)
#: A figure as the indicator readers take it apart: FIGURE_PARTS_RE, also in the units of
#: `_MEASURE_UNIT`.
MEASURE_PARTS_RE = _parts_pattern(_MEASURE_UNIT)
#: What follows a number that makes it a date, not a quantity (`2025年`, `3月`, `5日`).
_DATE_AFTER = "年月日号"


@dataclass(frozen=True)
class FigureParts:
    """One figure token taken apart: `6.5%－7%` is low 6.5, high 7, unit %; digits as printed."""

    low: str
    high: str  # "" for a single number
    unit: str  # scale and unit (`万人`, `亿元`, `%`); the range's second unit when only it has one
    modifier: str  # 以上 以下 左右 以内 上下 多, or ""
    start: int
    end: int


def figures(text: str, following: str = "") -> list[str]:
    """Every figure in `text`, in order; dates are not figures. `following`: what comes after
    `text` where it was cut from (a diff's changed run `2021` before `年3月5日`)."""
    whole = text + following[:1]
    return [
        match.group(0)
        for match in FIGURE_RE.finditer(text)
        if not (match.end() < len(whole) and whole[match.end()] in _DATE_AFTER and match.group(0).isdigit())
    ]


def figure_parts(text: str, position: int = 0) -> FigureParts | None:
    """The figure that starts exactly at `position` of `text`, taken apart (in any unit the
    indicator readers know); None if none does."""
    match = MEASURE_PARTS_RE.match(text, position)
    return _parts(match) if match else None


def last_figure(text: str) -> FigureParts | None:
    """The figure that ends `text` (a clause such as `国内生产总值增长6.5%－7%`), or None."""
    last = None
    for match in MEASURE_PARTS_RE.finditer(text):
        last = match
    return _parts(last) if last is not None and last.end() == len(text) else None


def _parts(match: re.Match[str]) -> FigureParts:
    low_unit, high_unit = match.group("low_unit"), match.group("high_unit") or ""
    return FigureParts(
        low=match.group("low"),
        high=match.group("high") or "",
        unit=high_unit or low_unit,
        modifier=match.group("modifier"),
        start=match.start(),
        end=match.end(),
    )


def with_whole_figures(tokenize: Callable[[str], Sequence[str]]) -> Callable[[str], list[str]]:
    """A tokenizer that keeps each figure as one token and hands the text between to `tokenize`."""

    def tokens(text: str) -> list[str]:
        out: list[str] = []
        position = 0
        for match in FIGURE_RE.finditer(text):
            if match.start() > position:
                out.extend(tokenize(text[position : match.start()]))
            out.append(match.group(0))
            position = match.end()
        if position < len(text):
            out.extend(tokenize(text[position:]))
        return out

    return tokens
