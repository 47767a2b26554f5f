"""What `diff` and `trace` warn about when two documents do not read as one series in order."""

from __future__ import annotations

from dataclasses import replace

from corpusdiff.series.editions import (
    column_labels,
    diff_warning,
    missing_years_warning,
    pair_mismatches,
    timeline_warning,
    trace_warnings,
)
from corpusdiff.types.document import Metadata
from corpusdiff.types.edition import Edition

HUNAN_2023 = Metadata(
    id="hunan/government-work-report/2023-01-16",
    region="湖南省",
    genre="government-work-report",
    series="hunan-gwr",
    date="2023-01-16",
)
HUNAN_2024 = replace(HUNAN_2023, id="hunan/government-work-report/2024-01-22", date="2024-01-22")
CHENGDU_PLAN = Metadata(
    id="chengdu/annual-plan/2025-01-10", region="成都市", genre="annual-plan", series="chengdu-plan", date="2025-01-10"
)
HUNAN_PLAN = Metadata(
    id="hunan/five-year-plan/2021-01-29",
    region="湖南省",
    genre="five-year-plan",
    series="hunan-five-year-plan",
    date="2021-01-29",
    period="2021-2025",
)


def test_consecutive_editions_of_one_series_need_no_note() -> None:
    assert pair_mismatches(HUNAN_2023, HUNAN_2024) == []
    assert diff_warning(HUNAN_2023, HUNAN_2024) is None


def test_another_region_and_genre_is_said_in_one_line() -> None:
    assert diff_warning(HUNAN_2023, CHENGDU_PLAN) == (
        "different regions (湖南省 → 成都市); different genres (government-work-report → annual-plan): "
        "the diff reads NEW as the edition after OLD"
    )


def test_an_old_side_dated_after_the_new_one_is_named() -> None:
    assert pair_mismatches(HUNAN_2024, HUNAN_2023) == ["OLD is newer than NEW (2024-01-22 → 2023-01-16)"]
    assert pair_mismatches(Metadata(date="2024"), Metadata(date="2024-03")) == []  # same year, coarser


def test_sibling_genres_of_one_series_and_unknown_regions_are_no_mismatch() -> None:
    mid_year = Metadata(genre="mid-year-report", series="futian-plan", date="2023-10")
    plan = Metadata(genre="annual-plan", series="futian-plan", region="福田区", date="2025-01")
    assert pair_mismatches(mid_year, plan) == []


def test_trace_notes_a_report_of_another_region_or_after_the_plan_period() -> None:
    assert trace_warnings(HUNAN_PLAN, [HUNAN_2023, HUNAN_2024]) == []
    assert trace_warnings(HUNAN_PLAN, [CHENGDU_PLAN]) == [
        "chengdu/annual-plan/2025-01-10: another region (成都市, the plan's is 湖南省): "
        "its matches may be only shared words"
    ]
    seventh = Metadata(id="national/five-year-plan/1986", genre="five-year-plan", period="1986-1990", date="1986")
    report = Metadata(id="national/government-work-report/2022", date="2022-03-05")
    assert trace_warnings(seventh, [report]) == [
        "national/government-work-report/2022: dated after the plan's period 1986-1990 (2022-03-05): "
        "its matches may be only shared words"
    ]


def test_trace_notes_a_report_that_carries_no_plan_out() -> None:
    """The site's trace page leaves proposals, explanations and budget reports out; the command
    traces what it is given, and says so of them as of another plan."""
    docs = [
        Metadata(id="hunan/five-year-plan-proposal/2020-12", genre="five-year-plan-proposal", date="2021"),
        Metadata(id="hunan/budget-report/2024", genre="budget-report", date="2024"),
        Metadata(id="hunan/five-year-plan-review/2023", genre="five-year-plan-review", date="2023"),
        Metadata(id="hunan/report/2024", genre="report", date="2024"),
    ]
    assert trace_warnings(HUNAN_PLAN, docs) == [
        "hunan/five-year-plan-proposal/2020-12: a five-year plan proposal, not a report that carries one out: "
        "its matches may be only shared words",
        "hunan/budget-report/2024: a budget report, not a report that carries one out: "
        "its matches may be only shared words",
    ]


def test_a_timeline_of_several_regions_is_named_once() -> None:
    assert timeline_warning([HUNAN_2023, HUNAN_2024, Metadata(id="undated")]) is None
    assert timeline_warning([HUNAN_2023, HUNAN_2024, CHENGDU_PLAN]) == (
        "the editions are of 2 regions (湖南省, 成都市): the timeline reads them as one series"
    )


def test_a_document_diffed_with_itself_and_a_plan_among_reports_are_noted() -> None:
    assert diff_warning(HUNAN_2023, HUNAN_2023) == (
        "OLD and NEW are the same document (hunan/government-work-report/2023-01-16): nothing can differ"
    )
    assert diff_warning(HUNAN_2023, HUNAN_2023, same_text=False) is None  # ID@REV against ID
    note = timeline_warning([HUNAN_PLAN, HUNAN_2023, HUNAN_2024])
    assert note is not None and "five-year plan" in note and "trace" in note
    assert timeline_warning([HUNAN_2023, HUNAN_2024]) is None


def test_columns_are_dates_unless_dates_fail_to_tell_editions_apart() -> None:
    editions = [Edition("national/gwr/2016", "2016-03"), Edition("national/gwr/2017", "2017-03")]
    assert column_labels(editions) == ["2016-03", "2017-03"]
    twins = (Edition("a", "2016"), Edition("b", "2016"))
    assert column_labels(twins) == ["a", "b"]


def test_one_document_at_two_revisions_is_told_apart_by_its_revision() -> None:
    """Before and after a hand correction (`ID@main` and `ID`): one date, two columns."""
    doc = "anhui/government-work-report/2025-01-16"
    assert column_labels([Edition(f"{doc}@main", "2025-01-16"), Edition(doc, "2025-01-16")]) == [
        "2025-01-16@main",
        "2025-01-16",
    ]


def test_years_a_yearly_series_has_no_edition_of_are_named() -> None:
    """The Wikisource set has no 2020 report: 2019 and 2021 stand side by side in every view, and
    a thread through both shows no gap, so the reader is told which years are missing."""
    reports = [_work_report("2018"), _work_report("2019-03-05")]
    later = [*reports, _work_report("2021-03-05"), _work_report("2022")]
    assert missing_years_warning(reports) is None
    assert missing_years_warning(later) == (
        "no edition of 2020 is given (the editions run 2018–2022): "
        "the timeline reads the editions either side of a missing year as consecutive"
    )
    older = [_work_report(year) for year in ("1954", "1957", "1959", "1975", "1978")]
    note = missing_years_warning(older, "terms")
    assert note is not None and note.startswith("no edition of 1955–1956, 1958, 1960–1974, 1976–1977 is given")
    mid_year = Metadata(id="futian/mid-year-report/2023-10", genre="mid-year-report", date="2023-10")
    assert missing_years_warning([reports[0], mid_year]) is not None
    plan = Metadata(id="national/five-year-plan/2021", genre="five-year-plan", date="2021-03")
    assert missing_years_warning([reports[0], plan]) is None  # a plan among reports: timeline_warning
    assert missing_years_warning([reports[0], _work_report("")]) is None


def _work_report(date: str) -> Metadata:
    return Metadata(id=f"national/government-work-report/{date}", genre="government-work-report", date=date)
