"""The kinds of report (`Metadata.genre`) and what each is to the views, defined once: the
detector names them (normalize.metadata), the series family groups them, the views choose
their editions by them (series.editions, series.trace, site.series) and the messages name them
(corpusdiff.strings). A genre added here is known to all of them at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

ANNUAL_PLAN = "annual-plan"
MID_YEAR_REPORT = "mid-year-report"
GOVERNMENT_WORK_REPORT = "government-work-report"
FIVE_YEAR_PLAN = "five-year-plan"
FIVE_YEAR_PLAN_PROPOSAL = "five-year-plan-proposal"
FIVE_YEAR_PLAN_EXPLANATION = "five-year-plan-explanation"
FIVE_YEAR_PLAN_REVIEW = "five-year-plan-review"
BUDGET_REPORT = "budget-report"
REPORT = "report"


@dataclass(frozen=True)
class Genre:
    """What a genre is called and how the views treat it."""

    zh: str  # as the reports call themselves
    en: str
    family: str  # the series family: a series is `<region slug>-<family>`
    #: issued once a year, so a year between two editions with none is a missing edition
    yearly: bool = False
    #: covers a five-year plan's years (period `2021-2025`), not the year it is issued in
    plan_period: bool = False
    #: reports how a plan is being carried out: `trace` follows a five-year plan into it
    carries_out_plan: bool = False


GENRES: Mapping[str, Genre] = MappingProxyType(
    {
        ANNUAL_PLAN: Genre("年度计划报告", "annual plan report", "plan", yearly=True, carries_out_plan=True),
        MID_YEAR_REPORT: Genre("年中计划执行报告", "mid-year plan report", "plan", yearly=True, carries_out_plan=True),
        GOVERNMENT_WORK_REPORT: Genre(
            "政府工作报告", "government work report", "gwr", yearly=True, carries_out_plan=True
        ),
        FIVE_YEAR_PLAN: Genre("五年规划", "five-year plan", "five-year-plan", plan_period=True),
        FIVE_YEAR_PLAN_PROPOSAL: Genre(
            "五年规划建议", "five-year plan proposal", "five-year-plan-proposal", plan_period=True
        ),
        FIVE_YEAR_PLAN_EXPLANATION: Genre(
            "五年规划说明", "five-year plan explanation", "five-year-plan-explanation", plan_period=True
        ),
        FIVE_YEAR_PLAN_REVIEW: Genre(
            "五年规划评估",
            "five-year plan review",
            "five-year-plan-review",
            plan_period=True,
            carries_out_plan=True,
        ),
        BUDGET_REPORT: Genre("预算报告", "budget report", "budget", yearly=True),
        REPORT: Genre("其他报告", "other report", "report"),
    }
)

#: Issued once a year: between two editions of these, a year with none is a missing edition.
YEARLY_GENRES = frozenset(name for name, genre in GENRES.items() if genre.yearly)
#: Dated by a five-year plan's period (`2021-2025`) rather than a year.
PLAN_PERIOD_GENRES = frozenset(name for name, genre in GENRES.items() if genre.plan_period)
#: The reports a five-year plan is traced into (the site's trace page lists them).
CARRYING_OUT_GENRES = frozenset(name for name, genre in GENRES.items() if genre.carries_out_plan)


def series_family(genre: str) -> str:
    """The family of a genre's series; a genre set by hand that is none of these is `report`'s."""
    return GENRES.get(genre, GENRES[REPORT]).family


def undefined_genre(genre: str) -> str:
    """What is wrong with a genre given by hand (an option, the manifest): "" for one of GENRES;
    else one phrase naming them. A genre is part of the id and names the series family, so a
    typo or a path (`/abs`) would silently make a series, and a path part, of its own."""
    if genre in GENRES:
        return ""
    return f"{genre!r} is not a genre corpusdiff knows; give one of {', '.join(GENRES)}"
