"""The site's timeline page (site/series.py, templates/timeline.html) on a hand-built timeline,
so that every expected string is known."""

from __future__ import annotations

import re

from corpusdiff.series.timeline import Timeline
from corpusdiff.site.common import Doc, environment
from corpusdiff.site.series import EditionSet, timeline_context
from corpusdiff.types.document import Metadata
from tests.render.test_timeline import EDITIONS, MACRO, OPENING

DOCS = tuple(Doc(e.id, "", Metadata(title=e.title, id=e.id, date=e.date)) for e in EDITIONS)
SET = EditionSet("n", "series", DOCS, "timeline/n.html")


def page(timeline: Timeline, language: str) -> str:
    context = timeline_context(SET, timeline, SET.page, language)
    return environment(language).get_template("timeline.html").render(**context)


def section(html: str, section_id: str) -> str:
    found = re.search(f'<section id="{section_id}">(.*?)</section>', html, re.S)
    assert found, section_id
    return found.group(1)


def test_a_part_standing_as_a_group_is_named_under_the_groups_title() -> None:
    """The terminal and Markdown grids say which group cells are no （一） heading; the site's
    grid showed 2017's 三、 among the （一） groups without a word."""
    groups = section(page(Timeline(EDITIONS, (MACRO, OPENING), ()), "en"), "groups")
    title_end = groups.index("</h2>")
    note = groups.index("note: not （一） headings")
    assert title_end < note < groups.index("<table")
    assert "2017-03 (三、)" in groups[note : groups.index("<table")]
    chinese = section(page(Timeline(EDITIONS, (MACRO, OPENING), ()), "zh"), "groups")
    assert "注：下列标题不是（一）级标题" in chinese and "2017年3月 (三、)" in chinese


def test_no_note_when_every_group_is_a_paren_heading() -> None:
    groups = section(page(Timeline(EDITIONS, (MACRO,), ()), "en"), "groups")
    assert "note:" not in groups
