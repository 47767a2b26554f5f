"""Traditional characters read as simplified ones, for recognising words — never for output.

Reports of the 1950s, and reprints from Hong Kong, Macao or Taiwan, print 政府工作報告 and
全國人民代表大會; the detectors look for the simplified words, so they read a simplified copy
(OpenCC's `t2s`, character and phrase tables, no network). The report's own text is never
converted: only what the detectors compare and the identifiers they derive (region, meeting).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _converter() -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def simplified(text: str) -> str:
    """`text` with traditional characters replaced by their simplified forms (same length for
    the characters reports use; simplified text comes back unchanged)."""
    if text.isascii():
        return text
    return _converter().convert(text)


def simplified_lines(texts: Sequence[str]) -> list[str]:
    """`simplified` of many one-line texts in one conversion (OpenCC's cost is per call)."""
    return simplified("\n".join(texts)).split("\n") if texts else []


def simplified_texts(texts: Sequence[str]) -> list[str]:
    """`simplified` of each of many texts: in one conversion when none holds a line break (each
    then gives one line back), else one by one."""
    seen = simplified_lines(texts)
    return seen if len(seen) == len(texts) else [simplified(text) for text in texts]


def searchable(text: str) -> str:
    """The copy of `text` a detector searches: simplified, so that words printed in traditional
    characters (預期目標, 計劃) are found too, and of the same length, so that what it finds is
    cut from `text` at the same places (the text itself where a conversion would change its
    length)."""
    seen = simplified(text)
    return seen if len(seen) == len(text) else text


#: The Han characters a report may print (the ranges search indexes, site/search.py `_INDEXED`).
_HAN_RANGES = ((0x3007, 0x3008), (0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@cache
def simplified_characters() -> dict[str, str]:
    """Each Han character OpenCC's `t2s` converts when it stands alone, and what it makes of it
    (one character of the BMP): the table a page folds a query typed in traditional characters
    with, where no converter runs. Phrases are not in it (顯著 → 显着 character by character,
    显著 as a phrase), so a page matches a character as typed or as folded."""
    characters = [chr(code) for first, end in _HAN_RANGES for code in range(first, end)]
    converted = _converter().convert("\n".join(characters)).split("\n")
    return {
        character: simple
        for character, simple in zip(characters, converted, strict=True)
        if simple != character and len(simple) == 1 and ord(simple) < 0x10000
    }
