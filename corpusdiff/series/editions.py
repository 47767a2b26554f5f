"""Whether two documents read as editions of one series: what `diff` and `trace` warn about.

The differ compares any two reports it is given, and a comparison of 湖南's work report with
成都's plan, or of 2024 with 2023, looks like any other; these notes say what the reader may
not have meant, without refusing what may be intended.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpusdiff.types.document import Metadata
from corpusdiff.types.edition import Edition
from corpusdiff.types.genre import CARRYING_OUT_GENRES, FIVE_YEAR_PLAN, GENRES, REPORT, YEARLY_GENRES


def column_labels(editions: Sequence[Edition]) -> list[str]:
    """Each edition's column header: its date when the dates tell the editions apart; else the
    date with the revision of a document given at one (`2025-01-16@main` beside `2025-01-16`, a
    document before and after a hand correction) when that does; else the ids."""
    dates = [e.date for e in editions]
    if all(dates) and len(set(dates)) == len(dates):
        return dates
    revised = [e.date + (f"@{e.id.partition('@')[2]}" if "@" in e.id else "") for e in editions]
    if all(dates) and len(set(revised)) == len(revised):
        return revised
    return [e.id for e in editions]


def is_before(date: str, other: str) -> bool:
    """`date` is earlier than `other` at the precision both give (2021 is not before 2021-03)."""
    shared = min(len(date), len(other))
    return bool(shared) and date[:shared] < other[:shared]


def pair_mismatches(old: Metadata, new: Metadata) -> list[str]:
    """What sets OLD and NEW apart beyond being consecutive editions: other regions, other
    genres of other series (an annual plan and a mid-year report of one series are siblings),
    or an OLD dated after NEW. Empty when they read as one series in order."""
    found = []
    if old.region and new.region and old.region != new.region:
        found.append(f"different regions ({old.region} → {new.region})")
    if old.genre != new.genre and old.series != new.series:
        found.append(f"different genres ({old.genre} → {new.genre})")
    if is_before(new.date, old.date):
        found.append(f"OLD is newer than NEW ({old.date} → {new.date})")
    return found


def diff_warning(old: Metadata, new: Metadata, same_text: bool = True) -> str | None:
    """One line for stderr when OLD and NEW do not read as one series in order, else None.

    One document at two revisions (`diff ID@REV ID` after a hand correction) keeps its id and
    source; only `same_text` tells it from a document given twice."""
    if old.id and old.id == new.id and old.source == new.source and same_text:
        return f"OLD and NEW are the same document ({old.id}): nothing can differ"
    found = pair_mismatches(old, new)
    if not found:
        return None
    return f"{'; '.join(found)}: the diff reads NEW as the edition after OLD"


def _period_end(period: str) -> str:
    """The last year of a plan period such as 2021-2025, or "" when it names no span."""
    start, dash, end = period.partition("-")
    return end if dash and start.isdigit() and end.isdigit() and len(end) == 4 else ""


def trace_warnings(plan: Metadata, reports: Sequence[Metadata]) -> list[str]:
    """One line per report that is no report carrying a plan out (another five-year plan, a
    proposal, an explanation, a budget report: types.genre.CARRYING_OUT_GENRES), is not the plan's
    own region's or falls after the plan's period: its matches are then shared words more than the
    plan carried out. An other report (`report`), or a genre set by hand that is none of the
    known ones, is not judged."""
    end = _period_end(plan.period)
    lines = []
    for report in reports:
        found = []
        if report.genre in GENRES and report.genre not in {*CARRYING_OUT_GENRES, REPORT}:
            found.append(f"a {GENRES[report.genre].en}, not a report that carries one out")
        if plan.region and report.region and plan.region != report.region:
            found.append(f"another region ({report.region}, the plan's is {plan.region})")
        if end and report.date[:4] > end:
            found.append(f"dated after the plan's period {plan.period} ({report.date})")
        if found:
            lines.append(f"{report.id or report.title}: {'; '.join(found)}: its matches may be only shared words")
    return lines


def timeline_warning(editions: Sequence[Metadata], reader: str = "the timeline") -> str | None:
    """One line for stderr when the editions of a timeline (or of another command that reads
    them as one series, named by `reader`) are of several regions (its threads then chain one
    region's report into another's) or mix a five-year plan with annual reports (a plan's
    chapters are no edition of a report's groups: `trace` follows a plan), else None."""
    regions = list(dict.fromkeys(meta.region for meta in editions if meta.region))
    found = []
    if len(regions) > 1:
        found.append(f"the editions are of {len(regions)} regions ({', '.join(regions)})")
    genres = {meta.genre for meta in editions}
    if FIVE_YEAR_PLAN in genres and len(genres) > 1:
        found.append("a five-year plan is among annual reports (`trace` follows a plan into the reports)")
    if not found:
        return None
    return f"{'; '.join(found)}: {reader} reads them as one series"


def missing_years_warning(editions: Sequence[Metadata], reader: str = "the timeline") -> str | None:
    """One line for stderr naming the years between the first edition and the last that no
    edition is dated in, when every edition is of a genre issued each year; else None. The
    views set each edition beside the one before it, so 2019 and 2021 read as consecutive
    when 2020 is missing, and a thread through both shows no gap."""
    missing = missing_years(editions)
    if not missing:
        return None
    years = sorted({int(meta.date[:4]) for meta in editions if meta.date[:4].isdigit()})
    return (
        f"no edition of {year_spans(missing)} is given (the editions run {years[0]}–{years[-1]}): "
        f"{reader} reads the editions either side of a missing year as consecutive"
    )


def missing_years(editions: Sequence[Metadata]) -> list[int]:
    """The years between the first edition's and the last's that no edition is dated in, when
    every edition is of a genre issued each year (else none: a five-year plan's years are not
    missing editions)."""
    if any(meta.genre not in YEARLY_GENRES for meta in editions):
        return []
    years = sorted({int(meta.date[:4]) for meta in editions if meta.date[:4].isdigit()})
    return [year for year in range(years[0], years[-1] + 1) if year not in years] if years else []


def year_spans(years: Sequence[int]) -> str:
    """`2020`, `1955–1956, 1958, 1960–1974`: runs of consecutive years."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


