"""Word's automatic numbering: the label (`一、`, `（一）`, `1.`, `①` …) Word shows in front of a
numbered paragraph, which is not in its text runs (docs/inputs.md, "Automatic numbering")."""

from __future__ import annotations

import re
from typing import Any

from corpusdiff.read.wordml import NS, qn, val, whole_number

_CN_DIGITS = "〇一二三四五六七八九"

_LEVELS = 9  # a Word list has levels 0 to 8
#: A bullet of one or two dashes is the `——` that opens a report's target and task items
#: (`——地区生产总值增长5.5%左右；`), set as a list by the office that typed it: it is text the
#: page shows, so it is written as the report's own marker.
_DASH_BULLET_RE = re.compile("[—―─－-]{1,2}")
_DASH_ITEM = "——"
#: Any other bullet (`•`, `■`, Symbol's U+F0B7) makes the paragraph a list item, which a text
#: export writes `- ` (docs/canonical-markdown.md, rule 8): so it is read as that text's bullet.
BULLET = "- "


class Numbering:
    """Word's automatic numbering: the label each numbered paragraph shows."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        #: the level of an abstract list a paragraph style is tied to (`w:lvl/w:pStyle`)
        self.level_styles: dict[tuple[str, str], int] = {}
        #: an abstract list that takes its levels from a numbering style (`w:numStyleLink`)
        self.links: dict[str, str] = {}
        self.nums: dict[str, str] = {}
        self.overrides: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        self.restarted: set[tuple[str, int]] = set()
        self.style_num = _style_numbering(styles)
        if numbering is not None:
            for abstract in numbering.findall("w:abstractNum", NS):
                self._read_abstract(abstract)
            for num in numbering.findall("w:num", NS):
                num_id = num.get(qn("numId"), "")
                self.nums[num_id] = val(num, "w:abstractNumId", "")
                for override in num.findall("w:lvlOverride", NS):
                    start = override.find("w:startOverride", NS)
                    if start is not None:
                        level = whole_number(override.get(qn("ilvl")), 0)
                        self.overrides[(num_id, level)] = whole_number(start.get(qn("val")), 1)

    def _read_abstract(self, abstract: Any) -> None:
        abstract_id = abstract.get(qn("abstractNumId"), "")
        levels = {}
        for level in abstract.findall("w:lvl", NS):
            index = whole_number(level.get(qn("ilvl")), 0)
            levels[index] = (
                val(level, "w:numFmt", "decimal"),
                val(level, "w:lvlText", ""),
                whole_number(val(level, "w:start", "1"), 1),
            )
            style = val(level, "w:pStyle", "")
            if style:
                self.level_styles[(abstract_id, style)] = index
        self.abstract[abstract_id] = levels
        link = val(abstract, "w:numStyleLink", "")
        if link:
            self.links[abstract_id] = link

    def _list_of(self, num_id: str) -> str:
        """The abstract list that numbers `num_id`'s paragraphs: a list tied to a numbering
        style (a list style, as a template defines its heading numbers) has no levels of its
        own; they are those of the list the style numbers by."""
        abstract = self.nums[num_id]
        style = self.links.get(abstract, "")
        linked = self.nums.get(self.style_num.get(style, ("", None))[0], "")
        return linked if self.abstract.get(linked) else abstract

    def _count(self, num_id: str, abstract: str, level: int, start: int) -> list[int]:
        """The counters of `num_id`'s list after one more paragraph at `level`. Lists over one
        abstract list count on together, as in Word; a list with a start override ("Restart at
        1", how Word numbers the （一） or 1. list under the next 一、 afresh) restarts there at
        its first paragraph."""
        counters = self.counters.setdefault(abstract, [0] * _LEVELS)
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = 0
        override = (num_id, level)
        if override in self.overrides and override not in self.restarted:
            self.restarted.add(override)
            counters[level] = 0
        if counters[level] == 0:
            counters[level] = self.overrides.get(override, start)
        else:
            counters[level] += 1
        return counters

    def label(self, paragraph: Any) -> str:
        """The number Word shows in front of the paragraph; "" for none. Its list and level are
        the paragraph's own or its style's (inherited through `w:basedOn`); a style that names
        its list but no level is at the level the list ties to it."""
        style = val(paragraph, "w:pPr/w:pStyle", "")
        num_id, level = self.style_num.get(style, ("", None))
        num_pr = paragraph.find("w:pPr/w:numPr", NS)
        if num_pr is not None:
            num_id = val(num_pr, "w:numId", num_id)
            if num_pr.find("w:ilvl", NS) is not None:
                level = whole_number(val(num_pr, "w:ilvl", "0"), 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract = self._list_of(num_id)
        if level is None:
            level = self.level_styles.get((abstract, style), 0)
        levels = self.abstract.get(abstract, {})
        if level not in levels or level >= _LEVELS:
            return ""
        counters = self._count(num_id, abstract, level, levels[level][2])
        fmt, text, _ = levels[level]
        if fmt == "bullet":
            return bullet_label(text)
        if fmt == "none":
            return ""

        def shown(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            value = counters[index] or levels.get(index, ("decimal", "", 1))[2]
            return format_number(value, levels.get(index, (fmt, "", 1))[0])

        return re.sub(r"%([1-9])", shown, text)


def bullet_label(text: str) -> str:
    """What a bullet of this text is read as: a dash bullet the report's `——`, any other `- `."""
    return _DASH_ITEM if _DASH_BULLET_RE.fullmatch(text.strip()) else BULLET


def _style_numbering(styles: Any) -> dict[str, tuple[str, int | None]]:
    """The list (`w:numId`) and level (None when it names none) of each paragraph style that
    numbers its paragraphs, by its own `w:numPr` or one it inherits through `w:basedOn` (a
    template's 一级标题 based on Heading 1, which is numbered)."""
    if styles is None:
        return {}
    own: dict[str, tuple[str, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.findall("w:style", NS):
        style_id = style.get(qn("styleId"), "")
        based_on[style_id] = val(style, "w:basedOn", "")
        num_pr = style.find("w:pPr/w:numPr", NS)
        if num_pr is not None:
            level = num_pr.find("w:ilvl", NS)
            own[style_id] = (
                val(num_pr, "w:numId", ""),
                None if level is None else whole_number(level.get(qn("val")), 0),
            )
    numbered = {}
    for style_id in based_on:
        ancestor, seen = style_id, set()
        while ancestor and ancestor not in own and ancestor not in seen:
            seen.add(ancestor)
            ancestor = based_on.get(ancestor, "")
        if ancestor in own:
            numbered[style_id] = own[ancestor]
    return numbered


#: Counting in Chinese (or its Taiwanese and Japanese forms, the same characters to 99).
_COUNTING = frozenset(
    {"chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"}
)
#: Financial numerals: 壹 贰 叁 … 拾 佰, simplified or traditional.
_LEGAL = {
    "chineseLegalSimplified": str.maketrans("〇一二三四五六七八九十百", "零壹贰叁肆伍陆柒捌玖拾佰"),
    "ideographLegalTraditional": str.maketrans("〇一二三四五六七八九十百", "零壹貳參肆伍陸柒捌玖拾佰"),
}
#: Formats of one character from a run of Unicode: (first code point, how many).
_ENCLOSED = {
    "decimalEnclosedCircle": (0x2460, 20),  # ①
    "decimalEnclosedCircleChinese": (0x2460, 20),
    "decimalEnclosedParen": (0x2474, 20),  # ⑴
    "decimalEnclosedFullstop": (0x2488, 20),  # ⒈
    "ideographEnclosedCircle": (0x3280, 10),  # ㊀
}
_CYCLES = {"ideographTraditional": "甲乙丙丁戊己庚辛壬癸", "ideographZodiac": "子丑寅卯辰巳午未申酉戌亥"}


def format_number(value: int, fmt: str) -> str:
    """`value` as Word writes it in the number format `fmt`; decimal for a format not known."""
    if fmt in _COUNTING:
        return _chinese(value)
    if fmt in _LEGAL:
        return _chinese(value).translate(_LEGAL[fmt])
    if fmt in _CYCLES:
        return _CYCLES[fmt][(value - 1) % len(_CYCLES[fmt])]
    if fmt in _ENCLOSED and 1 <= value <= _ENCLOSED[fmt][1]:
        return chr(_ENCLOSED[fmt][0] + value - 1)
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(value))
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def _chinese(value: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五; from 1000, digit by digit."""
    if value >= 1000:
        return "".join(_CN_DIGITS[int(d)] for d in str(value))
    if value < 10:
        return _CN_DIGITS[value]
    if value < 20:
        return "十" + (_CN_DIGITS[value - 10] if value > 10 else "")
    if value < 100:
        tens, ones = divmod(value, 10)
        return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(value, 100)
    tail = (
        ""
        if rest == 0
        else (
            "零" + _CN_DIGITS[rest] if rest < 10 else _chinese(rest) if rest >= 20 else "一" + _chinese(rest)
        )
    )
    return _CN_DIGITS[hundreds] + "百" + tail


def _roman(value: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = ""
    for number, letters in numerals:
        while value >= number:
            out += letters
            value -= number
    return out
