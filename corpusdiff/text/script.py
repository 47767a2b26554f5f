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
