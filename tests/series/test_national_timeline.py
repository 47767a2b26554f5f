"""The timeline over the national government work reports 2013–2022 (../shared/corpora/national-gwr,
or $CORPUSDIFF_SHARED) against the lineages of tests/data/labels/national-threads.yaml, labelled by
reading the reports (NATIONAL-THREADS.md). Scoring is in tests/series/lineages.py; run
`python -m tests.series.lineages` for the whole report.

The first 31 lineages (25 tuned on, 6 held out) keep their checks; the fresh held-out sets
(`set: fresh-2026-12`, `fresh-2026-12b` and `fresh-2026-12c`), each labelled before the timeline was run on it, are
judged on their own against the issue's bar."""

from __future__ import annotations

import pytest

from corpusdiff.series.timeline import Timeline
from corpusdiff.types.diff import DiffResult
from tests.series.lineages import (
    Score,
    first_labels,
    in_set,
    load_lineages,
    national_timeline,
    score,
)

#: Started first, on one xdist worker (tests/conftest.py ONE_WORKER): the 36 comparisons.
pytestmark = pytest.mark.slow

#: The share of labelled lineages that must come out as exactly one thread (issue 16).
TARGET = 0.9
#: Lineages of the first 31 one thread holds whole today (it may hold more), so that this gets no
#: worse.
FLOOR_WHOLE = 29
#: The held-out set labelled in December 2026 (NATIONAL-THREADS.md, "The fresh held-out set").
FRESH = "fresh-2026-12"
#: The second held-out set, labelled while the timeline was being changed on the errors of the first
#: 48 lineages, so that the change is judged unseen (NATIONAL-THREADS.md, "The second fresh
#: held-out set").
FRESH_B = "fresh-2026-12b"
#: The third, labelled in session 21 once the first two sets' errors had been read and described,
#: from the work plans no earlier set was drawn from (NATIONAL-THREADS.md, "The third fresh
#: held-out set"): the set nobody has tuned on.
FRESH_C = "fresh-2026-12c"
#: A set labelled in session 23 to be tuned on (`tuned: true`; NATIONAL-THREADS.md, "The tuning
#: set"): the three fresh sets stay held out.
TUNE_D = "tune-2026-12d"

#: Lineages the timeline does not give as one thread with today's differ, and why; one the differ
#: gets right fails the test until it is removed here.
KNOWN: dict[str, str] = {
    "大众创业、万众创新": (
        "the thread shares the past of 2016's paragraph (the science paragraphs 2013–2015), as a "
        "split-off lineage does; the label leaves that past out (NATIONAL-THREADS.md)"
    ),
    "水、土壤污染防治 (split 2017, merged back 2018)": (
        "the differ pairs 2017's 水、土壤 paragraph with 2016's 节能环保产业 (0.76, mostly `relative`): "
        "the assignment takes 大气雾霾↔蓝天保卫战 (1.00) + 节能环保产业↔水、土壤 (0.76) over 大气雾霾↔"
        "水、土壤 (0.89), and the paired 水、土壤 is no split"
    ),
    "扩大内需": "the differ continues 2013's （一）加快转变经济发展方式 (no item of the label) as 2014's demand group",
}


@pytest.fixture(scope="module")
def national() -> tuple[Timeline, tuple[DiffResult, ...]]:
    return national_timeline(cached=False)  # the run's cache is fresh and no test reads them again


@pytest.fixture(scope="module")
def scored(national: tuple[Timeline, tuple[DiffResult, ...]]) -> Score:
    """The score over the first 31 lineages, computed once: each test reads one of its measures."""
    timeline, diffs = national
    return score(timeline, diffs, first_labels(load_lineages()))


@pytest.fixture(scope="module")
def scored_fresh(national: tuple[Timeline, tuple[DiffResult, ...]]) -> Score:
    timeline, diffs = national
    return score(timeline, diffs, in_set(load_lineages(), FRESH))


@pytest.fixture(scope="module")
def scored_fresh_b(national: tuple[Timeline, tuple[DiffResult, ...]]) -> Score:
    timeline, diffs = national
    return score(timeline, diffs, in_set(load_lineages(), FRESH_B))


@pytest.fixture(scope="module")
def scored_fresh_c(national: tuple[Timeline, tuple[DiffResult, ...]]) -> Score:
    timeline, diffs = national
    return score(timeline, diffs, in_set(load_lineages(), FRESH_C))


def test_known_failures_name_labelled_lineages() -> None:
    assert set(KNOWN) <= {x.name for x in first_labels(load_lineages())}


def test_the_fresh_set_is_apart_from_the_first_labels() -> None:
    """At least 15 fresh lineages, all held out, and the first 31 (6 of them held out) as they
    were: a loader that dropped `set:` would fold the fresh set into the first held-out line."""
    lineages = load_lineages()
    fresh = in_set(lineages, FRESH)
    first = first_labels(lineages)
    assert len(fresh) >= 15 and all(x.held_out for x in fresh)
    assert (len(first), sum(x.held_out for x in first)) == (31, 6)


def test_the_second_fresh_set_is_apart_from_the_others() -> None:
    """At least 15 lineages of the second set, all held out, none of them named in another set:
    the set judges the timeline's change on lineages nobody tuned on."""
    lineages = load_lineages()
    second = in_set(lineages, FRESH_B)
    others = {x.name for x in lineages if x.label_set != FRESH_B}
    assert len(second) >= 15 and all(x.held_out for x in second)
    assert not {x.name for x in second} & others


def test_the_third_fresh_set_is_apart_from_the_others() -> None:
    """The third set's 12 lineages (the work plans its rule draws from held no more), all held
    out, none named in another set."""
    lineages = load_lineages()
    third = in_set(lineages, FRESH_C)
    others = {x.name for x in lineages if x.label_set != FRESH_C}
    assert len(third) >= 12 and all(x.held_out for x in third)
    assert not {x.name for x in third} & others


def test_the_tuning_set_is_apart_from_the_others() -> None:
    """The tuning set's 20 lineages are all tuned and none held out, none named in another set:
    the report scores it on a line of its own, not folded into the first labels or the held out."""
    lineages = load_lineages()
    tuning = in_set(lineages, TUNE_D)
    others = {x.name for x in lineages if x.label_set != TUNE_D}
    assert len(tuning) >= 20 and all(x.tuned and not x.held_out for x in tuning)
    assert not {x.name for x in tuning} & others
    assert not any(x.tuned for x in lineages if x.label_set != TUNE_D)


def test_labelled_lineages_are_one_thread_each_but_the_known_ones(scored: Score) -> None:
    """Exactly the lineages not in KNOWN come out as one thread: one that breaks fails, and so
    does one in KNOWN that the differ now gets right (remove it from KNOWN). One test over the first
    31 lineages, so that the 36 comparisons are made once per test process; the fresh set is judged
    by the issue's bar alone, not held to today's count."""
    result = scored
    broken = sorted(set(result.missed) - set(KNOWN))
    fixed = sorted(set(result.exact) & set(KNOWN))
    assert not broken, f"no longer one thread: {broken}"
    assert not fixed, f"now one thread, remove from KNOWN: {fixed}"
    assert len(result.whole) >= FLOOR_WHOLE


def test_no_item_sits_in_two_threads_without_a_merge_or_split(
    scored: Score, scored_fresh: Score, scored_fresh_b: Score, scored_fresh_c: Score
) -> None:
    """The issue's second bar holds on every labelled lineage, the fresh sets' too."""
    assert scored.unexplained == ()
    assert scored_fresh.unexplained == ()
    assert scored_fresh_b.unexplained == ()
    assert scored_fresh_c.unexplained == ()


def test_nine_in_ten_lineages_are_exactly_one_thread(scored: Score) -> None:
    assert len(scored.exact) >= TARGET * len(first_labels(load_lineages()))


@pytest.mark.xfail(
    strict=True,
    reason="7/17 fresh lineages exactly one thread (6/17 at the first scoring, 2026-12-03; + 区域协调发展 "
    "after its errors were read: a lineage that ends meets the one the diff merges into the same unit); "
    "what the timeline did with each is in NATIONAL-THREADS.md, what it still cannot do in docs/timeline.md",
)
def test_nine_in_ten_fresh_held_out_lineages_are_exactly_one_thread(scored_fresh: Score) -> None:
    """Issue 16's bar on lineages the differ was never tuned on."""
    assert len(scored_fresh.exact) >= TARGET * len(in_set(load_lineages(), FRESH))


@pytest.mark.xfail(
    strict=True,
    reason="3/15 lineages of the second fresh set exactly one thread at its one scoring (2026-12-03, "
    "committed before it); what the timeline did with each is in NATIONAL-THREADS.md",
)
def test_nine_in_ten_second_fresh_held_out_lineages_are_exactly_one_thread(scored_fresh_b: Score) -> None:
    """Issue 16's bar on the second set, labelled while the timeline was changed on the first 48."""
    assert len(scored_fresh_b.exact) >= TARGET * len(in_set(load_lineages(), FRESH_B))


@pytest.mark.xfail(
    strict=True,
    reason="4/12 lineages of the third fresh set exactly one thread at its one scoring (session 21, "
    "2026-12-04, the labels committed before it); which ones were missed is left unread, so that the "
    "set stays unseen (NATIONAL-THREADS.md)",
)
def test_nine_in_ten_third_fresh_held_out_lineages_are_exactly_one_thread(scored_fresh_c: Score) -> None:
    """Issue 16's bar on the third set, which nobody has tuned on."""
    assert len(scored_fresh_c.exact) >= TARGET * len(in_set(load_lineages(), FRESH_C))


def test_no_thread_jumps_between_lineages_the_labels_keep_apart(scored: Score) -> None:
    """A consecutive pair the diff skipping an edition gainsays is no step (series/chains.py,
    `_gainsaid_steps`): 2014's 扩大全方位主动开放 no longer runs into 2015's opening-up paragraph,
    nor 2015's 三、 into 2016's supply-side group, nor 2019's 双创 paragraph into 2021's 减税.
    Between the first 31's labels; the four the fresh labels show are in NATIONAL-THREADS.md."""
    assert scored.jumps == ()
