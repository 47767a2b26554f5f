"""Front-matter facts detected from a report's text: title, genre, region, period, dates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from corpusdiff.read.decode import RawReport
from corpusdiff.text.chars import IDEOGRAPHS
from corpusdiff.text.lines import is_speaker_name, is_subtitle
from corpusdiff.text.numbering import parse_marker
from corpusdiff.text.rules import (
    clean_text,
    is_page_number,
    join_fragments,
    strip_debris,
    tidy_spaces,
)
from corpusdiff.types.document import Block, Metadata, Paragraph, Source

_TITLE_WORDS = re.compile(r"(报告|计划|规划|纲要)")
_TOC_ENTRY = re.compile(r"([(（]\d+[)）]|…+\s*\d+|\.{3,}\s*\d+)$")
_CN_DIGIT = dict(zip("〇○零一二三四五六七八九", "000123456789", strict=True))
_DATE_CN_RE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月$")
_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_MEETING_RE = re.compile(r"在(.+?(?:会议|大会))上")
_REGION_RE = re.compile(
    f"((?:[{IDEOGRAPHS}]{{2,6}}?省)?(?:[{IDEOGRAPHS}]{{2,6}}?市)?)([{IDEOGRAPHS}]{{1,4}}?[区县])"
)
_CITY_RE = re.compile(f"^([{IDEOGRAPHS}]{{1,6}}?[省市])")
_FIVE_YEAR = {"十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}
_FIVE_YEAR_ORDINAL = {"十三": "2016-2020", "十四": "2021-2025", "十五": "2026-2030"}
_CONTAINER_RE = re.compile(f"([{IDEOGRAPHS}]*公报)")
_ISSUE_RE = re.compile(r"第\s*(\d+)\s*期\s*[（(]\s*总第\s*(\d+)\s*期\s*[)）]")
_WRAPPER_SIGNS = ("目录", "公报", "简介", "总第")

GENRES = {
    "annual-plan": "annual plan report",
    "mid-year-report": "mid-year plan report",
    "government-work-report": "government work report",
    "five-year-plan": "five-year plan",
    "budget-report": "budget report",
    "report": "other report",
}
_SERIES_FAMILY = {
    "annual-plan": "plan",
    "mid-year-report": "plan",
    "government-work-report": "gwr",
    "five-year-plan": "five-year-plan",
    "budget-report": "budget",
    "report": "report",
}


@dataclass(frozen=True)
class TitleBlock:
    """Where the title sits in the raw lines: lines[start:end] are consumed by it."""

    text: str
    start: int
    end: int


def find_title(lines: Sequence[str], search: int = 80) -> TitleBlock | None:
    """The report title: a short line (or two) naming a report, followed by its date line,
    a `——…会议上` subtitle or the first heading."""
    index = 0
    seen = 0
    while index < len(lines) and seen < search:
        text = _line_text(lines[index])
        if not text:
            index += 1
            continue
        seen += 1
        block_end = index + 1
        joined = text
        while block_end < len(lines) and _line_text(lines[block_end]) and block_end - index < 3:
            candidate = join_fragments(joined, _line_text(lines[block_end]))
            if _TITLE_WORDS.search(joined) and _is_title_follow(_line_text(lines[block_end])):
                break
            joined = candidate
            block_end += 1
        if _is_title_text(joined) and _is_title_follow(_next_text(lines, block_end)):
            if seen > 1 and not _is_wrapper(lines[:index]):
                return None
            return TitleBlock(clean_text(joined), index, block_end)
        index += 1
    return None


def _is_wrapper(lines: Sequence[str]) -> bool:
    """Text before a title is dropped only when it is a publication's wrapper (cover, contents)."""
    text = "".join(_line_text(line).replace(" ", "") for line in lines)
    return any(sign in text for sign in _WRAPPER_SIGNS)


def _line_text(raw: str) -> str:
    text = tidy_spaces(strip_debris(raw))
    return "" if is_page_number(text) else text


def _next_text(lines: Sequence[str], index: int) -> str:
    for raw in lines[index:]:
        text = _line_text(raw)
        if text:
            return text
    return ""


def _is_title_text(text: str) -> bool:
    return (
        len(text) <= 80
        and bool(_TITLE_WORDS.search(text))
        and "。" not in text
        and not _TOC_ENTRY.search(text)
        and parse_marker(text) is None
        and not text.startswith("《")
    )


def _is_title_follow(text: str) -> bool:
    text = clean_text(text)
    return bool(_DATE_CN_RE.match(text.replace(" ", "")) or is_subtitle(text) or parse_marker(text))


def detect_metadata(
    raw: RawReport,
    title: TitleBlock | None,
    wrapper: Sequence[str],
    blocks: Sequence[Block],
    overrides: Mapping[str, object],
    *,
    derive_series: bool = True,
) -> Metadata:
    """Combine what the text says with the overrides; overrides always win.

    The default series id needs pinyin (pypinyin loads in 0.15 s); a document read only to be
    compared does not need it, so `derive_series=False` leaves an unset series empty."""
    title_text = str(overrides.get("title") or (title.text if title else "") or Path(raw.name).stem)
    lead = [block.text for block in blocks[:6] if isinstance(block, Paragraph)]
    genre = detect_genre(title_text)
    meeting = _meeting(lead)
    date = _publication_date(lead, wrapper)
    detected = Metadata(
        title=title_text,
        region=detect_region(title_text) or detect_region(meeting),
        genre=genre,
        period=detect_period(title_text, genre) or date[:4],
        date=date,
        speaker=_speaker(lead),
        meeting=meeting,
        delivered=_delivered(lead),
        container=_container(wrapper),
        source=Source(
            file=raw.name,
            sha256=raw.sha256,
            encoding=raw.encoding,
            format=raw.format,
            extractor=raw.extractor,
        ),
    )
    given: dict[str, Any] = {
        f.name: overrides[f.name] for f in fields(Metadata) if f.name != "source" and overrides.get(f.name)
    }
    merged = replace(detected, **given)
    if derive_series and not merged.series:
        merged = replace(merged, series=default_series(merged))
    source = overrides.get("source")
    if isinstance(source, Source):
        merged = replace(merged, source=source)
    return merged


def detect_genre(title: str) -> str:
    """Genre from the title's wording (vocabulary in GENRES)."""
    if "政府工作报告" in title:
        return "government-work-report"
    if "五年规划" in title or "规划纲要" in title or re.search(r"十[三四五六]五", title):
        return "five-year-plan"
    if "上半年" in title:
        return "mid-year-report"
    if "预算" in title:
        return "budget-report"
    if "计划" in title:
        return "annual-plan"
    return "report"


def detect_region(title: str) -> str:
    """The most specific administrative unit named at the start of the title (e.g. 福田区)."""
    match = _REGION_RE.search(title[:20])
    if match:
        return match.group(2)
    city = _CITY_RE.match(title)
    return city.group(1) if city else ""


def detect_period(title: str, genre: str) -> str:
    """The year (or years) the report plans for."""
    if genre == "five-year-plan":
        for key, years in _FIVE_YEAR.items():
            if key in title:
                return years
        for key, years in _FIVE_YEAR_ORDINAL.items():
            if f"第{key}个五年" in title:
                return years
    found: list[str] = re.findall(r"(\d{4})\s*年", title)
    if not found:
        return ""
    return max(found)


def default_series(metadata: Metadata) -> str:
    """Reports of one region and family (annual and mid-year plan reports are one family)."""
    from corpusdiff.text.slugs import slugify_region

    family = _SERIES_FAMILY.get(metadata.genre, "report")
    region = slugify_region(metadata.region) or "unknown"
    return f"{region}-{family}"


def _publication_date(lead: Sequence[str], wrapper: Sequence[str]) -> str:
    for text in lead:
        match = _DATE_CN_RE.match(text)
        if match:
            year = "".join(_CN_DIGIT[c] for c in match.group(1))
            return f"{year}-{_cn_month(match.group(2)):02d}"
    wrapper_text = tidy_spaces(" ".join(strip_debris(w) for w in wrapper))
    for text in [*lead, wrapper_text]:
        found = _DATE_RE.findall(text)
        if found:
            year, month, day = found[-1]
            return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return ""


def _cn_month(text: str) -> int:
    values = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
    if text.startswith("十"):
        return 10 + (values[text[1]] if len(text) > 1 else 0)
    return values[text[0]]


def _subtitle(lead: Sequence[str]) -> str:
    return next((text for text in lead if is_subtitle(text)), "")


def _meeting(lead: Sequence[str]) -> str:
    match = _MEETING_RE.search(_subtitle(lead))
    return match.group(1) if match else ""


def _delivered(lead: Sequence[str]) -> str:
    match = _DATE_RE.search(_subtitle(lead))
    if not match:
        return ""
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def _speaker(lead: Sequence[str]) -> str:
    subtitle = _subtitle(lead)
    if not subtitle:
        return ""
    after = lead[lead.index(subtitle) + 1 :]
    if after and is_speaker_name(after[0]):
        return after[0]
    return ""


def _container(wrapper: Sequence[str]) -> str:
    """`深圳市福田区人民政府公报2022年第1期（总第121期）` from a gazette's cover lines."""
    lines = [_line_text(w) for w in wrapper]
    name = next((line for line in lines if _CONTAINER_RE.fullmatch(line)), "")
    if not name:
        return ""
    text = " ".join(lines)
    issue = _ISSUE_RE.search(text)
    year = re.search(r"(\d{4})\s*年\s*\d{1,2}\s*月", text)
    parts = [name]
    if year:
        parts.append(f"{year.group(1)}年")
    if issue:
        parts.append(f"第{issue.group(1)}期（总第{issue.group(2)}期）")
    return "".join(parts)
