"""Named programmes: the quoted names reports give to schemes, brands and campaigns.

Rule (docs/diff-output.md): a programme is a span in “…” (straight quotes are already curly in
canonical Markdown) of 2–16 characters that is not a plain number or date (“5.21”), not a
five-year-plan period (“十四五”), not a sentence (no ，。；：), and not an honour (the quote
follows 获评/荣获/评为/入选/获得/授予/被评为/列为, or the name ends in 奖/称号/奖项). A quoted
formula without Han characters takes the noun that follows it: “1+5”商圈体系 -> 1+5商圈体系.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from corpusdiff.types.diff import ProgrammeChanges

_QUOTED_RE = re.compile(r"“([^“”]{1,40})”")
_NUMBER_ONLY_RE = re.compile(r"^[\d.·、\-/ ]+$")
_PERIOD_RE = re.compile(r"^十[一二三四五六七八九]五$")
_HONOUR_BEFORE_RE = re.compile(r"(获评|荣获|评为|入选|获得|授予|列为|获批|认定为|称为|誉为)$")
_HONOUR_SUFFIX = ("奖", "称号", "奖项", "荣誉")
_SENTENCE_PUNCT = set("，。；：！？,;:")
_FORMULA_SUFFIX_RE = re.compile(
    r"^([\u4e00-\u9fff]{0,4}?(?:体系|计划|工程|行动|机制|模式|政策|商圈|战略|格局|产业|服务))"
)
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Programme:
    name: str
    first_context: str  # a few characters around the first mention


def extract_programmes(texts: Iterable[str]) -> list[Programme]:
    """Programme names in order of first mention, each once."""
    seen: dict[str, Programme] = {}
    for text in texts:
        for match in _QUOTED_RE.finditer(text):
            name = _programme_name(text, match)
            if name and name not in seen:
                start = max(0, match.start() - 8)
                seen[name] = Programme(name, text[start : match.end() + 8])
    return list(seen.values())


def _programme_name(text: str, match: re.Match[str]) -> str | None:
    name = match.group(1).strip()
    if len(name) < 2 or len(name) > 16 or _NUMBER_ONLY_RE.match(name) or _PERIOD_RE.match(name):
        return None
    if any(ch in _SENTENCE_PUNCT for ch in name) or name.endswith(_HONOUR_SUFFIX):
        return None
    if _HONOUR_BEFORE_RE.search(text[max(0, match.start() - 4) : match.start()]):
        return None
    if not _HAN_RE.search(name):
        suffix = _FORMULA_SUFFIX_RE.match(text[match.end() :])
        if suffix:
            name += suffix.group(1)
    return name


def mentioned(name: str, plain_text: str) -> bool:
    """A programme recurs if its name occurs in the other document, quoted or not."""
    return name in plain_text


def plain(text: str) -> str:
    """Text without quotation marks, for `mentioned`."""
    return text.replace("“", "").replace("”", "").replace('"', "")


def compare_programmes(old_texts: list[str], new_texts: list[str]) -> ProgrammeChanges:
    """Recurring / new / dropped programme names between two editions."""
    old_plain, new_plain = plain("\n".join(old_texts)), plain("\n".join(new_texts))
    old_names = [p.name for p in extract_programmes(old_texts)]
    new_names = [p.name for p in extract_programmes(new_texts)]
    recurring = [n for n in old_names if mentioned(n, new_plain)]
    recurring += [n for n in new_names if n not in recurring and mentioned(n, old_plain)]
    return ProgrammeChanges(
        recurring=tuple(recurring),
        new=tuple(n for n in new_names if not mentioned(n, old_plain)),
        dropped=tuple(n for n in old_names if not mentioned(n, new_plain)),
    )
