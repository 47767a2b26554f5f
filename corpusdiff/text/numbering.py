"""Recognising the numbered heading markers of Chinese reports (第X篇/章/节, 一、, （一）, 1.)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpusdiff.text.rules import clean_text

#: Marker kinds from the outermost to the innermost; levels are assigned in this order.
RANKS: tuple[str, ...] = ("pian", "zhang", "jie", "cn", "paren", "num")

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUM = "一二三四五六七八九十百零〇两"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(f"^第([{_CN_NUM}]{{1,4}})([篇章节])\\s*(.*)$")),
    ("cn", re.compile(f"^([{_CN_NUM}]{{1,3}})、\\s*(.*)$")),
    ("paren", re.compile(f"^[（(]\\s*([{_CN_NUM}]{{1,3}})\\s*[）)]\\s*(.*)$")),
    ("num", re.compile(r"^(\d{1,3})\s*[.．、](?![\d.．])\s*(.*)$")),
)
_PART_KINDS = {"篇": "pian", "章": "zhang", "节": "jie"}
_APPENDIX_RE = re.compile(r"^(附件|附表|附录)(\s*\d+)?\s*[：:]")
MAX_TITLE = 48


@dataclass(frozen=True)
class Marker:
    """A heading marker found at the start of a line."""

    kind: str
    ordinal: int
    label: str
    rest: str


def chinese_numeral(text: str) -> int:
    """Value of a Chinese numeral up to the hundreds (十四 -> 14, 二十三 -> 23)."""
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[char] if current else _CN_DIGITS[char]
    return total + current


def parse_marker(text: str) -> Marker | None:
    """The heading marker at the start of `text` (already cleaned), or None."""
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        if kind == "part":
            numeral, unit, rest = match.groups()
            return Marker(_PART_KINDS[unit], chinese_numeral(numeral), f"第{numeral}{unit} ", rest)
        numeral, rest = match.groups()
        if kind == "num":
            return Marker(kind, int(numeral), f"{int(numeral)}.", rest)
        label = f"（{numeral}）" if kind == "paren" else f"{numeral}、"
        return Marker(kind, chinese_numeral(numeral), label, rest)
    return None


def split_title(rest: str) -> tuple[str, str]:
    """Split `标题。正文…` into the heading title and its body (body may be empty)."""
    title, sep, body = rest.partition("。")
    if not sep:
        return rest.rstrip("。").strip(), ""
    return title.strip(), body.strip()


def plausible_title(title: str) -> bool:
    """Heading titles are short phrases, not sentences."""
    if not title or len(title) > MAX_TITLE:
        return False
    return not any(ch in title for ch in "；;！？") and title[0] not in "%％.．、，）)"


def is_appendix_title(text: str) -> bool:
    """`附件：…` / `附表：…` lines open an appendix."""
    return _APPENDIX_RE.match(text) is not None


_BOX_RE = re.compile(r"^(专栏\s*\d+)\s*(.*)$")


def canonical_heading(text: str) -> str:
    """Heading text with its marker in canonical form and the rest cleaned."""
    text = clean_text(text)
    marker = parse_marker(text)
    if marker is None:
        return text
    return f"{marker.label}{clean_text(marker.rest)}"


def is_box_title(text: str) -> bool:
    """`专栏N …` opens a box."""
    return _BOX_RE.match(text) is not None


def canonical_box_title(text: str) -> str:
    """`专栏1  “后疫情时代”新变化` -> `专栏1 “后疫情时代”新变化` (one space after the label)."""
    match = _BOX_RE.match(clean_text(text))
    if not match:
        return clean_text(text)
    label, rest = match.groups()
    label = label.replace(" ", "")
    return f"{label} {rest}" if rest else label
