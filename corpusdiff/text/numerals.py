"""Figures written the way the older reports print them, rewritten in the digits `text.figures`
reads: Chinese numerals (`百分之七点三`, `八千二百九十一亿元`, `一千三百八十七亿四千万元`,
`四亿零七百多万吨`, `百分之四到五`), full-width digits (`１４．２％`) and thousands separated by a
full-width comma (`34，250万吨`). The rewrite is for reading only: what a report printed is kept
as printed wherever it is shown."""

from __future__ import annotations

import re
from decimal import Decimal

_DIGITS = {**dict.fromkeys("〇○零", 0), **{c: i for i, c in enumerate("一二三四五六七八九", start=1)}, "两": 2}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_WIDE = str.maketrans("０１２３４５６７８９％", "0123456789%")
#: A full-width point or comma between digits: a decimal point (`14．2`), a thousands separator
#: (`34，250`: three digits follow and no fourth).
WIDE_POINT = re.compile(r"(?<=\d)．(?=\d)")
_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_DIGIT_CHARS = "〇○零一二两三四五六七八九"
_NUMERAL_CHARS = f"{_DIGIT_CHARS}十百千万亿"
#: A numeral that is an amount: digits with their scale, a decimal part, and the unit or bound
#: after it (`三千六百万吨`, `一点二六倍`, `七百多万`); a numeral followed by anything else (`十三五`,
#: `一些`, `第二`) is a word, not a figure.
_UNIT_AFTER = (
    r"(?:多)?(?:元|人次|人|斤|公斤|吨|担|度|平方米|平方公里|公里|米|千瓦|户|所|座|项|个|台|辆|架|部|"
    r"倍|亩|公顷|立方米|美元)"
)
_AMOUNT = re.compile(
    rf"(?<![{_NUMERAL_CHARS}点])(?P<number>[{_DIGIT_CHARS}十][{_NUMERAL_CHARS}]*(?:点[{_DIGIT_CHARS}]+[万亿]*)?(?:多[万亿]+)?)"
    rf"(?P<after>{_UNIT_AFTER})"
)
#: 百分之七点三 -> 7.3%, 千分之十三 -> 13‰, 百分之四到五 -> 4%到5%.
_PER = re.compile(
    rf"(?P<base>百分之|千分之)(?P<low>[{_NUMERAL_CHARS}点]+?)"
    rf"(?:(?P<mark>到|至)(?:百分之|千分之)?(?P<high>[{_NUMERAL_CHARS}点]+))?"
    r"(?=[^零一二两三四五六七八九十百千点]|$)"
)


def arabic_figures(text: str) -> str:
    """`text` with its figures in Arabic digits: `增长百分之七点三` -> `增长7.3%`, `达到四千亿斤` ->
    `达到4000亿斤`, `一千三百八十七亿四千万元` -> `1387.4亿元`, `１４．２％` -> `14.2%`,
    `34，250万吨` -> `34250万吨`. Years are not touched (`一九八二年` stays)."""
    text = _THOUSANDS.sub("", WIDE_POINT.sub(".", text.translate(_WIDE)))
    text = _PER.sub(_per_figure, text)
    return _AMOUNT.sub(_amount_figure, text)


def _per_figure(match: re.Match[str]) -> str:
    sign = "%" if match.group("base") == "百分之" else "‰"
    low = numeral_text(match.group("low"))
    if low is None:
        return match.group(0)
    if match.group("high") is None:
        return f"{low}{sign}"
    high = numeral_text(match.group("high"))
    return f"{low}{sign}{match.group('mark')}{high}{sign}" if high is not None else match.group(0)


def _amount_figure(match: re.Match[str]) -> str:
    number = match.group("number").replace("万万", "亿")  # the 1950s' 六万万人: 6亿人
    more = "多" in number or match.group("after").startswith("多")
    unit = match.group("after").removeprefix("多")
    scale = _scale(number.replace("多", ""))
    value = numeral_text(number.replace("多", ""), scale)
    if value is None:
        return match.group(0)
    return f"{value}{scale}{unit}{'多' if more else ''}"


def _scale(numeral: str) -> str:
    """The scale a figure is best shown in: the one it ends with when that is 万亿, else the
    largest it holds (`一千三百八十七亿四千万` in 亿: 1387.4亿)."""
    if numeral.endswith("万亿"):
        return "万亿"
    return "亿" if "亿" in numeral else "万" if "万" in numeral else ""


_SCALES = {"": Decimal(1), "万": Decimal(10**4), "亿": Decimal(10**8), "万亿": Decimal(10**12)}


def numeral_text(numeral: str, scale: str = "") -> str | None:
    """A Chinese numeral's value in `scale`, as digits (`八点一` -> `8.1`, `一万零五百亿` in 亿 ->
    `10500`); None when it is no well-formed numeral."""
    whole, _, fraction = numeral.partition("点")
    digits = fraction.rstrip("万亿")
    value = _integer(whole)
    if value is None or any(c not in _DIGITS for c in digits) or fraction[len(digits) :] not in _SCALES:
        return None
    number = Decimal(f"{value}.{''.join(str(_DIGITS[c]) for c in digits)}" if digits else value)
    number *= _SCALES[fraction[len(digits) :]]
    shown = number / _SCALES[scale]
    return format(shown.normalize(), "f") if shown != shown.to_integral() else str(int(shown))


def _integer(numeral: str) -> int | None:
    """十 -> 10, 二千五百七十 -> 2570, 四亿零七百万 -> 407000000; digit by digit (`一九五`) is no
    numeral of an amount."""
    if not numeral:
        return 0
    for big, size in (("亿", 10**8), ("万", 10**4)):
        if big in numeral:
            head, _, tail = numeral.rpartition(big) if big == "亿" else numeral.partition(big)
            high, low = _integer(head) if head else 1, _integer(tail)
            return None if high is None or low is None else high * size + low
    return _below_ten_thousand(numeral)


def _below_ten_thousand(numeral: str) -> int | None:
    total, digit, seen_digit = 0, None, False
    for char in numeral:
        if char in _SMALL_UNITS:
            total += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        elif char in _DIGITS:
            if digit is not None and _DIGITS[char] and seen_digit and digit:
                return None  # two digits in a row (一九五): a year or a code, not an amount
            digit = _DIGITS[char] if _DIGITS[char] or digit is None else digit
            seen_digit = True
        else:
            return None
    return total + (digit or 0)
