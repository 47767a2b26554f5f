"""The context of a timeline page: threads as rows of steps, each step linked to the diff that
paired it, the editions a set leaves out and how far apart it compares, and programmes' tracks.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from corpusdiff.render.timeline import SAME, link_text, other_groups_note, thread_cells
from corpusdiff.series import timeline as tl
from corpusdiff.series.editions import column_labels, missing_years, year_spans
from corpusdiff.site.common import (
    relative_root,
)
from corpusdiff.site.diffpage import pair_page
from corpusdiff.site.edition_sets import EditionSet, edition_links, pointer_url
from corpusdiff.strings import DEFAULT_LANGUAGE, Strings, catalogue
from corpusdiff.types.diff import DiffResult
from corpusdiff.types.edition import Edition

if TYPE_CHECKING:
    pass

#: Per presence: the glyph and the catalogue key of its meaning (corpusdiff/strings.py).
PRESENCE_MARKS = {
    tl.QUOTED: ("●", "timeline.quoted"),
    tl.MENTIONED: ("○", "timeline.mentioned"),
    "": ("—", "timeline.absent"),
}
#: The site's timelines compare editions at least this far apart (consecutive ones, and those
#: one edition apart to find gaps), so a new edition costs two comparisons, not one per
#: edition of its series. `corpusdiff timeline` compares all pairs.
TIMELINE_REACH = 2
#: Per pair of units (old address, new address), the number of the 新旧对照表 row that holds both.
PairRows = Mapping[tuple[str, str], int]


def timeline_context(
    edition_set: EditionSet,
    timeline: tl.Timeline,
    page: str,
    language: str = DEFAULT_LANGUAGE,
    reach: int | None = TIMELINE_REACH,
    pair_pages: Collection[tuple[str, str]] = (),
    pair_rows: Mapping[tuple[str, str], PairRows] | None = None,
) -> dict[str, object]:
    """Groups first, then tasks, one row per thread; programmes shared by editions up front.
    Each level has the terminal's note under its title (`other_groups_note`: which group cells
    are no （一） heading), with the page's dates. The page says which pairs of editions were
    compared (`reach`), since `corpusdiff timeline` compares all and may join more. Each row
    gives its steps' evidence as `--format markdown` does, linked to the page of the pair of
    editions compared where the site has one (`pair_pages`), at the pair's row where
    `pair_rows` knows it."""
    root = relative_root(page)
    labels = column_labels(timeline.editions)
    label_of = dict(zip((e.id for e in timeline.editions), labels, strict=True))
    strings = catalogue(language)
    dated = {edition: strings.date(label) for edition, label in label_of.items()}
    rows: dict[str, list[dict[str, object]]] = {level: [] for level in tl.LEVELS}
    one_edition = {level: single_threads(timeline, level, label_of, root) for level in tl.LEVELS}
    for thread in timeline.threads:
        if len(thread.items) == 1:
            continue
        row = thread_row(thread, timeline.editions, label_of, root)
        row["steps"] = step_links(thread, dated, strings, root, pair_pages, pair_rows or {})
        rows[thread.level].append(row)
    notes = {
        level: other_groups_note(
            [t for t in timeline.threads if t.level == level], timeline.editions, dated, strings
        )
        for level in tl.LEVELS
    }
    shared = [p for p in timeline.programmes if sum(bool(m) for m in p.presence) > 1]
    single = [p for p in timeline.programmes if sum(bool(m) for m in p.presence) <= 1]
    return {
        "root": root,
        "title": f"Timeline: {edition_set.name}",
        "name": edition_set.name,
        "kinds": series_kinds(edition_set, strings),
        "source": edition_set.source,
        "editions": edition_links(edition_set.docs, labels, root),
        "levels": [  # titles are catalogue keys
            {"id": "groups", "title": "timeline.groups", "rows": rows[tl.GROUP], "note": notes[tl.GROUP]}
            | one_edition[tl.GROUP],
            {"id": "tasks", "title": "timeline.tasks", "rows": rows[tl.TASK], "note": notes[tl.TASK]}
            | one_edition[tl.TASK],
        ],
        "shared_programmes": [programme_row(p, label_of) for p in shared],
        "single_programmes": [programme_row(p, label_of) for p in single],
        "marks": list(PRESENCE_MARKS.values()),
        "compared": _compared(reach, len(timeline.editions), strings),
        "missing": _missing(edition_set, strings),
    }


def series_kinds(edition_set: EditionSet, strings: Strings) -> str:
    """`政府工作报告`: the kinds of report of a series' editions, which the index heads it with
    beside its id (an id alone, `national-gwr`, is no name a Chinese reader knows); "" for a
    set named in site.yaml, whose name is the reader's own."""
    if edition_set.source != "series":
        return ""
    genres = dict.fromkeys(doc.meta.genre for doc in edition_set.docs if doc.meta.genre)
    return strings("list.sep").join(strings.genre(genre) for genre in genres)


def _missing(edition_set: EditionSet, strings: Strings) -> str:
    """The years of a yearly series no edition covers, which the grid's columns step over as if
    consecutive (`corpusdiff timeline` warns of them on stderr), or ""."""
    years = missing_years([doc.meta for doc in edition_set.docs])
    return strings("timeline.missing_years", years=year_spans(years)) if years else ""


def _compared(reach: int | None, editions: int, strings: Strings) -> str:
    """Which pairs of editions the threads come from: all of them (the command's threads), or
    those at most `reach` apart (a lineage that skips more editions is then not joined)."""
    if reach is None or reach >= editions - 1:
        return strings("timeline.pairs_all")
    return strings("timeline.pairs_within", n=reach)


def single_threads(
    timeline: tl.Timeline, level: str, label_of: Mapping[str, str], root: str
) -> dict[str, object]:
    """The threads of one item at a level, listed by edition under the grid: a row of one
    cell among the grid's 20-odd columns told a reader nothing but its edition, and over the
    national reports 306 of 996 task rows were such, most of a 2.4 MB page."""
    by_edition: dict[str, list[dict[str, str]]] = {}
    for thread in timeline.threads:
        if thread.level == level and len(thread.items) == 1:
            item = thread.items[0]
            link = {"heading": item.heading, "url": pointer_url(item.pointer, root)}
            by_edition.setdefault(item.edition, []).append(link)
    editions = [
        {"label": label_of[e.id], "items": by_edition[e.id]} for e in timeline.editions if e.id in by_edition
    ]
    return {"single": editions, "single_count": sum(len(e["items"]) for e in editions)}


def thread_row(
    thread: tl.Thread, editions: Sequence[Edition], label_of: dict[str, str], root: str
) -> dict[str, object]:
    """One cell per edition: the heading, linked; whether it repeats the previous one; None if absent."""
    cells: list[dict[str, object] | None] = []
    for edition, shown in zip(editions, thread_cells(thread, editions), strict=True):
        item = thread.item_in(edition.id)
        if item is None:
            cells.append(None)
            continue
        cells.append(
            {"heading": item.heading, "url": pointer_url(item.pointer, root), "same": shown == SAME}
        )
    return {
        "cells": cells,
        "first": label_of[thread.first],
        "last": label_of[thread.last],
        "gaps": [label_of[g] for g in thread.gaps],
    }


def step_links(
    thread: tl.Thread,
    label_of: Mapping[str, str],
    strings: Strings,
    root: str,
    pair_pages: Collection[tuple[str, str]],
    pair_rows: Mapping[tuple[str, str], PairRows] | None = None,
) -> list[dict[str, object]]:
    """Each step's evidence (`2023年10月→2025年1月（桥接：2022年1月→2025年1月 的对比） 移动 (高 0.84)`)
    with the page of the diff it names at the row of its pair (`#r31`; the page alone where the
    row is not known), or None where the site has no page of that pair."""
    return [
        {
            "text": link_text(link, dict(label_of), strings),
            "url": _step_url(link, root, pair_pages, pair_rows or {}),
            "bridge": link.bridge,
        }
        for link in thread.links
    ]


def _step_url(
    link: tl.ThreadLink,
    root: str,
    pair_pages: Collection[tuple[str, str]],
    pair_rows: Mapping[tuple[str, str], PairRows],
) -> str | None:
    diff = (link.diff[0], link.diff[1])
    if diff not in pair_pages:
        return None
    number = pair_rows.get(diff, {}).get((link.pair[0], link.pair[1])) if len(link.pair) == 2 else None
    return root + pair_page(*diff) + (f"#r{number}" if number else "")


def rows_by_pair(result: DiffResult) -> dict[tuple[str, str], int]:
    """The rows of the diff's 新旧对照表 (the diff page's `#r<n>`) by the pairs of units in them:
    a merge or split row holds every pair of its old and new units."""
    from corpusdiff.render.table import comparison_table

    return {
        (old.address, new.address): row.number
        for row in comparison_table(result).unit_rows
        for old in row.old
        for new in row.new
    }


def programme_row(track: tl.ProgrammeTrack, label_of: dict[str, str]) -> dict[str, object]:
    """A mark per edition (a glyph with its meaning, so it reads without colour)."""
    return {
        "name": track.name,
        "marks": [PRESENCE_MARKS[mark] for mark in track.presence],
        "first": label_of[track.first],
        "last": label_of[track.last],
    }
