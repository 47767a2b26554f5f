"""Characters that stand in for ordinary ones in text copied out of a PDF viewer or WPS.

A PDF's font maps some glyphs to the code points of their look-alikes: the Kangxi radical ⼀
(U+2F00) for 一, the simplified radical ⻓ (U+2ED3) for 长, a compatibility ideograph for its
unified twin, ﬁ for fi, and a Japanese font's half-width ｡ ､ for 。 、. The copy reads the same
but is not the same text: words are not found (政府⼯作报告 is no title), two editions differ where
they do not, and a sentence that ends in ｡ runs into the next paragraph. Each repair here gives
the character the report printed, and only where that is certain (docs/canonical-markdown.md,
rule 11): a radical and a half-width mark only in Chinese text (a line with a Han character), since on their own they
may be meant (a dictionary's radical, a Japanese quotation); a compatibility ideograph and a
ligature everywhere, since Unicode declares them the same character or letters; a variation
selector after a Han character goes, since it only picks the character's glyph; and OCR's `．`
after a word and before more Chinese text or the line's end is the 。 it misread.
"""

from __future__ import annotations

import re
import unicodedata

from corpusdiff.text.chars import HAN, WIDE, has_han

#: Kangxi radicals (U+2F00–2FD5): each one's compatibility decomposition is its ideograph.
_KANGXI = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
#: CJK radicals supplement forms whose glyph is a whole simplified character (Unicode gives
#: most of them no decomposition, so they are listed): ⻓ C-SIMPLIFIED LONG is 长.
_SUPPLEMENT = dict(
    zip(
        "⺁⺇⺝⺟⺠⺼⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳",
        "厂几月母民月西见角贝车长门青韦页风飞食马鬼鱼鸟卤麦黄齐齿龙龟",
        strict=True,
    )
)
#: Half-width forms of CJK marks (U+FF61–FF65): ｡ ｢ ｣ ､ ･.
_HALFWIDTH_MARKS = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF61, 0xFF66)}
_IN_CONTEXT = {**_KANGXI, **_SUPPLEMENT, **_HALFWIDTH_MARKS}
#: Spaces a neighbour is looked for past: OCR and letter-spaced titles put them between characters.
_SPACES = " \u3000\u00a0"
_IN_CONTEXT_RE = re.compile(f"[{''.join(_IN_CONTEXT)}]+")
_WIDE_RE = re.compile(f"[{WIDE}]")
#: Variation selectors after a Han character: they pick a glyph of the character (an
#: ideographic variation sequence), never another character, and would split words.
_VARIATION_RE = re.compile(f"(?<=[{HAN}])[\ufe00-\ufe0f\U000e0100-\U000e01ef]+")
#: OCR's full stop: the full-width dot `．` for 。 after a word's last character, a percentage or
#: a closing quote or 》, and before more Chinese text or the line's end (`发展．我们` -> `发展。我们`,
#: `58.5%．` -> `58.5%。`); never after a numeral, where it numbers (`一．总体要求`), nor inside a
#: figure (`2024．1`), nor after a bracket (`（一）．`, a marker).
_OCR_FULL_STOP_RE = re.compile(
    f"(?<=[{HAN}%％”’》」』])(?<![一二三四五六七八九十〇○零百千两])\uff0e(?=[{HAN}“‘《（]|[ \u3000]*$)",
    re.MULTILINE,
)
#: Compatibility ideographs (canonically equal to a unified ideograph) and Latin ligatures.
_ALWAYS_RE = re.compile("[\uf900-\ufaff\ufb00-\ufb06\U0002f800-\U0002fa1f]")


def repair_stand_ins(text: str) -> str:
    """`第⼀章 ⻓江` -> `第一章 长江`, `58.5%｡` -> `58.5%。`, `金` (U+F90A) -> `金`, `ﬁ` -> `fi`,
    `政\ufe00府` -> `政府`, `发展．` -> `发展。`."""
    text = _VARIATION_RE.sub("", text)
    text = _ALWAYS_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _OCR_FULL_STOP_RE.sub("。", text)
    if not _IN_CONTEXT_RE.search(text):
        return text
    return "\n".join(_repaired_line(line) for line in text.split("\n"))


def _repaired_line(line: str) -> str:
    """The line's radicals and half-width marks as the characters they stand for, when the line
    is Chinese text: it holds a Han character, or a neighbour of the run is wide punctuation."""
    if not _IN_CONTEXT_RE.search(line):
        return line
    chinese = has_han(line)
    return _IN_CONTEXT_RE.sub(
        lambda m: _as_characters(m) if chinese or _next_to_wide(line, m) else m.group(), line
    )


def _as_characters(match: re.Match[str]) -> str:
    return "".join(_IN_CONTEXT[ch] for ch in match.group())


def _next_to_wide(line: str, match: re.Match[str]) -> bool:
    """Whether the run stands next to wide punctuation (`⼀、`), past spaces."""
    return any(
        _WIDE_RE.match(_neighbour(line, index, step))
        for index, step in ((match.start() - 1, -1), (match.end(), 1))
    )


def _neighbour(text: str, index: int, step: int) -> str:
    """The first character from `index` on in direction `step` that is no space ("" at an end)."""
    while 0 <= index < len(text) and text[index] in _SPACES:
        index += step
    return text[index] if 0 <= index < len(text) else ""
