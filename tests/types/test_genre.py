"""The one definition of the genres (types.genre): what the detector can name, the catalogue
says and the views choose by comes from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpusdiff.normalize.metadata import default_series, detect_genre
from corpusdiff.strings import catalogue
from corpusdiff.types.document import Metadata
from corpusdiff.types.genre import (
    CARRYING_OUT_GENRES,
    FIVE_YEAR_PLAN_REVIEW,
    GENRES,
    PLAN_PERIOD_GENRES,
    YEARLY_GENRES,
)

#: One title of every kind the detector tells apart, as such reports are titled.
TITLES = (
    "深圳市福田区2025年国民经济和社会发展计划",
    "关于深圳市2023年上半年国民经济和社会发展计划执行情况的报告",
    "2024年湖南省政府工作报告",
    "广东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
    "中共广东省委关于制定广东省国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
    "关于《杭州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（草案）》的说明",
    "北京市国民经济和社会发展第十四个五年规划纲要实施中期评估报告",
    "关于2023年预算执行情况与2024年预算草案的报告",
    "关于推进法治政府建设的情况报告",
)


def test_every_genre_the_detector_names_is_defined_once() -> None:
    assert {detect_genre(title) for title in TITLES} == set(GENRES)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_catalogue_names_every_genre(language: str) -> None:
    strings = catalogue(language)
    names = [strings.genre(genre) for genre in GENRES]
    assert all(name != genre for name, genre in zip(names, GENRES, strict=True))
    assert len(set(names)) == len(names)


def test_a_plan_review_is_traced_and_dated_by_the_plan_not_issued_each_year() -> None:
    """A mid-term review says how far the plan has got: trace follows the plan into it; it is
    not issued every year, so the years between two reviews are no missing editions."""
    assert FIVE_YEAR_PLAN_REVIEW in CARRYING_OUT_GENRES
    assert FIVE_YEAR_PLAN_REVIEW in PLAN_PERIOD_GENRES
    assert FIVE_YEAR_PLAN_REVIEW not in YEARLY_GENRES


def test_a_genre_set_by_hand_that_is_none_of_these_goes_in_the_report_family() -> None:
    meta = Metadata(region="福田区", level="district", genre="speech")
    assert default_series(meta) == "futian-report"


def test_the_corpus_page_lists_the_genres_defined() -> None:
    """docs/corpus.md names the genres an id's `<genre>` may be: the same ones, none missing."""
    page = (Path(__file__).parents[2] / "docs" / "corpus.md").read_text("utf-8")
    listed = re.search(r"`<genre>` is one of (.*?);", page, re.S)
    assert listed is not None
    assert re.findall(r"`([a-z-]+)`", listed.group(1)) == list(GENRES)
