"""The scorer of tests/series/lineages.py on hand-made threads: what it counts as a merge or
split a thread takes, so that an item in two threads is explained only by the differ's word."""

from __future__ import annotations

from corpusdiff.series.timeline import TASK, Thread, ThreadItem
from tests.series.lineages import takes_merge_or_split


def thread(*pointers: str) -> Thread:
    items = tuple(ThreadItem(p.split("#")[0], p, p, p) for p in pointers)
    return Thread(TASK, items, items[0].edition, items[-1].edition, ())


def test_a_merge_or_split_between_successive_items_is_taken() -> None:
    assert takes_merge_or_split(thread("a#p1", "b#p2", "c#p3"), {("b#p2", "c#p3")})


def test_a_split_the_diff_skipping_an_edition_reports_is_taken_across_the_item_between() -> None:
    # 2014→2016 cuts 2016's 一带一路 from 2014's 走出去; the thread runs through 2015's paragraph
    assert takes_merge_or_split(thread("a#p1", "b#p2", "c#p3"), {("a#p1", "c#p3")})


def test_a_merge_or_split_further_apart_or_of_other_units_is_not_taken() -> None:
    assert not takes_merge_or_split(thread("a#p1", "b#p2", "c#p3", "d#p4"), {("a#p1", "d#p4")})
    assert not takes_merge_or_split(thread("a#p1", "b#p2", "c#p3"), {("a#p1", "c#p9"), ("c#p3", "b#p2")})
