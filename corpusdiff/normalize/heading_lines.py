"""Which lines are headings that carry no number mark of their own: unnumbered part titles laid
out alike, sub-headings under them, and ordinal heads (a bare numeral, 第X部分) with their titles."""

from __future__ import annotations

import re

from corpusdiff.text import numbering as headings
from corpusdiff.text.chars import has_han
from corpusdiff.text.lines import (
    is_indented,
    is_plain_title,
)
from corpusdiff.text.occasion import (
    is_date_line,
)
from corpusdiff.text.rules import (
    LINE_END,
    ends_sentence,
)

#: Unnumbered part titles are recognised only when a report lays out at least this many alike.
_PLAIN_HEADINGS_MIN = 2


def plain_heading_lines(lines: list[str], marker_texts: list[str], standalone: frozenset[int]) -> frozenset[int]:
    """The unnumbered part titles of a report (older national reports print `过去五年的回顾`,
    `关于外交工作` without a number), recognised only on strong evidence, since a short line
    may as well be a fragment of a sentence: each is a short phrase without a sentence or clause
    mark, unindented, alone between blank lines, after a finished sentence and before an indented
    paragraph; the report lays out at least two alike; and no numbering runs on across any of
    them (they hold numbered sections, they do not sit inside one). `standalone` holds the lines
    laid out that way (`stands_as_part_title`)."""
    if len(standalone) < _PLAIN_HEADINGS_MIN or not all(_numbering_restarts_after(marker_texts, i) for i in standalone):
        return frozenset()
    return standalone


def sub_heading_lines(lines: list[str], marker_texts: list[str], standalone: frozenset[int]) -> frozenset[int]:
    """The unnumbered headings inside numbered sections (1957: `关于劳动就业问题`, `关于工资制度问题`
    under `三、关于人民生活`): lines laid out as titles (`stands_as_part_title`) that are not the
    report's part titles, when the section holds at least two of them, siblings of one shape. A
    section runs from an unindented numbered line to the next; one such line alone in its section
    stays a paragraph of its own, and none counts before the first numbered line."""
    sections: dict[int, list[int]] = {}
    section = -1
    for index, text in enumerate(marker_texts):
        if text and not is_indented(lines[index]) and headings.heading_marker(text) is not None:
            section = index
        elif index in standalone and section >= 0:
            sections.setdefault(section, []).append(index)
    return frozenset(i for group in sections.values() if len(group) >= _PLAIN_HEADINGS_MIN for i in group)


#: A short phrase that may hold a comma but ends on no mark (`最后，着重讲一讲农业和农村工作问题`).
_COMMA_TITLE_RE = re.compile(r"^[^。；：！？.;:!?（）()]{2,24}$")


def _title_shaped(text: str) -> bool:
    """A line shaped like a title: `is_plain_title`, or a short phrase with a comma inside (1982:
    `最后，着重讲一讲农业和农村工作问题`), never one ending on a clause mark, as a wrap would."""
    return is_plain_title(text) or (
        _COMMA_TITLE_RE.match(text) is not None and not text.endswith(("，", ",", "、")) and has_han(text)
    )


def stands_as_part_title(lines: list[str], marker_texts: list[str], index: int, whole_paragraphs: bool) -> bool:
    text, raw = marker_texts[index], lines[index]
    if not _title_shaped(text) or is_indented(raw) or raw.startswith("\t"):
        return False
    if headings.heading_marker(text) or headings.is_closing_title(text) or headings.is_appendix_title(text):
        return False
    if headings.is_box_title(text) or is_date_line(text) or headings.is_bare_appendix_label(text):
        return False
    alone = (index == 0 or not lines[index - 1].strip()) and index + 1 < len(lines) and not lines[index + 1].strip()
    before = next((marker_texts[i] for i in range(index - 1, -1, -1) if marker_texts[i]), "")
    after = next((i for i in range(index + 1, len(lines)) if marker_texts[i]), None)
    return (
        alone
        and (not before or ends_sentence(before))
        and after is not None
        and (_opens_first_section(marker_texts[after]) or (
            (whole_paragraphs or is_indented(lines[after])) and headings.parse_marker(marker_texts[after]) is None
        ))
    )


def _opens_first_section(text: str) -> bool:
    """`（一）坚定不移推进新型工业化。…` under `2024年重点工作`: a part title may open straight on
    the first of the numbered sections it holds."""
    marker = headings.parse_marker(text)
    return marker is not None and marker.ordinal == 1


#: A heading phrase does not end on one of these; a sentence or a clause does.
_PHRASE_END_MARKS = (*LINE_END, "，", ",", "、")


def ordinal_heading_lines(
    lines: list[str], marker_texts: list[str], whole_paragraphs: bool = False
) -> frozenset[int]:
    """The `第一、` / `第二，` lines that open sections (1978: `第一，全国动员，大办农业`), not
    paragraphs (2014: `第一，向深化改革要动力。改革是最大的红利。…`). A line is heading-shaped
    when it stands as a line of its own (`_ordinal_line_alone`); the siblings of one sequence
    (第一 … 第N) are decided together: when at least half of them are heading-shaped with a
    heading phrase before any 。, every heading-shaped one is a heading, so one long sibling
    (1980's 57-character `第一，…明年就要起步`) goes with the others."""
    alone = {i for i in range(len(lines)) if _ordinal_line_alone(lines, marker_texts, i, whole_paragraphs)}
    found: set[int] = set()
    for run in _ordinal_runs(marker_texts):
        phrases = [i for i in run if i in alone and headings.plausible_title(_ordinal_title(marker_texts[i]))]
        if 2 * len(phrases) >= len(run):
            found.update(i for i in run if i in alone)
    return frozenset(found)


def _ordinal_title(text: str) -> str:
    marker = headings.heading_marker(text)
    return headings.split_title(marker.rest)[0] if marker else ""


def _ordinal_runs(marker_texts: list[str]) -> list[list[int]]:
    """The ordinal lines in sequences: 第一 starts one, the next number continues it."""
    runs: list[list[int]] = []
    last = 0
    for index, text in enumerate(marker_texts):
        marker = headings.heading_marker(text) if text.startswith("第") else None
        if marker is None or marker.kind != headings.ORDINAL:
            continue
        if marker.ordinal == last + 1 and runs:
            runs[-1].append(index)
        else:
            runs.append([index])
        last = marker.ordinal
    return runs


def _ordinal_line_alone(lines: list[str], marker_texts: list[str], index: int, whole_paragraphs: bool) -> bool:
    """An ordinal line laid out as a heading: a phrase after the marker that ends on no stop or
    clause mark, not indented (the body is), after a finished sentence or a heading, and
    followed by a paragraph that opens with the paragraph indent, or by any paragraph where every
    line is one (`whole_paragraphs`: a web page's `<p>`). A line a wrap broke off a sentence has
    no indented paragraph after it in any extract we have seen (the seeds' PDF wraps are
    unindented)."""
    text, raw = marker_texts[index], lines[index]
    marker = headings.heading_marker(text) if text else None
    if marker is None or marker.kind != headings.ORDINAL or is_indented(raw) or raw.startswith("\t"):
        return False
    rest = marker.rest.strip()
    if not rest or rest.endswith(_PHRASE_END_MARKS):
        return False
    before = next((marker_texts[i] for i in range(index - 1, -1, -1) if marker_texts[i]), "")
    after = next((i for i in range(index + 1, len(lines)) if marker_texts[i]), None)
    return (
        (not before or ends_sentence(before) or headings.heading_marker(before) is not None)
        and after is not None
        and (whole_paragraphs or is_indented(lines[after]))
    )


def _numbering_restarts_after(marker_texts: list[str], index: int) -> bool:
    """The first numbered line after `index` starts its sequence afresh (or is the first of its
    kind): the numbering does not run on across the line at `index`."""
    for text in marker_texts[index + 1 :]:
        marker = headings.parse_marker(text) if text else None
        if marker is not None:
            earlier = (headings.parse_marker(t) for t in marker_texts[:index] if t)
            return marker.ordinal == 1 or not any(m is not None and m.kind == marker.kind for m in earlier)
    return True
