"""Figures as whole tokens: number, range, unit and modifier together (`5318.2亿元`, `6.0%以上`,
`5.5%左右`, `6.5%－7%`, `1.33万亿斤`, `1100万人以上`), so that a diff never cuts a number at
its decimal point and any change to one is a changed figure."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_NUMBER = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:万亿|亿|万|千|百)?"
_UNIT = (
    r"(?:%|‰|个百分点|元|人次|人|斤|公斤|吨|平方米|平方公里|公里|千米|米|千瓦时|千瓦|小时|户|家|所|座|套|项|个|台|辆|架|"
    r"张|床|间|条|处|栋|宗|件|倍|岁|天)?"
)
_MODIFIER = r"(?:以上|以下|左右|以内|上下|多)?"
_RANGE = rf"(?:\s*[－\-—–~～至到]\s*{_NUMBER}{_SCALE}{_UNIT})?"
FIGURE_RE = re.compile(rf"(?<![\d.]){_NUMBER}{_SCALE}{_UNIT}{_RANGE}{_MODIFIER}")
#: What follows a number that makes it a date, not a quantity (`2025年`, `3月`, `5日`).
_DATE_AFTER = "年月日号"


def figures(text: str) -> list[str]:
    """Every figure in `text`, in order; dates are not figures."""
    return [
        match.group(0)
        for match in FIGURE_RE.finditer(text)
        if not (match.end() < len(text) and text[match.end()] in _DATE_AFTER and match.group(0).isdigit())
    ]


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
