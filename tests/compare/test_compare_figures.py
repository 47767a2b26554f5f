"""Every changed indicator and target line of the seeds shows its whole old and new figure."""

from __future__ import annotations

import pytest

from corpusdiff.structure import tree_from_markdown
from corpusdiff.text.figures import figures
from corpusdiff.types.tree import DocTree
from tests.conftest import ROOT, corpus_diff

PAIRS = [
    ("futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"),
    ("futian/mid-year-report/2023-10", "futian/annual-plan/2025-01"),
    ("futian/annual-plan/2022-01", "futian/annual-plan/2025-01"),
]


def _tree(doc_id: str) -> DocTree:
    return tree_from_markdown((ROOT / "corpus" / f"{doc_id}.md").read_text(encoding="utf-8"))


def _is_figure_line(text: str) -> bool:
    """An indicator or target line: a dash line or a short item that states a figure."""
    return (text.startswith("——") or len(text) <= 40) and bool(figures(text))


@pytest.mark.parametrize("old, new", PAIRS)
def test_changed_figure_lines_show_whole_figures(old: str, new: str) -> None:
    result = corpus_diff(old, new)
    lines = [
        item
        for item in result.initiatives
        if item.level == "unit" and item.old and item.new and not item.relation
        and _is_figure_line(item.old.text) and _is_figure_line(item.new.text)
    ]
    assert lines, "the seeds have indicator and target lines"
    for item in lines:
        assert item.old is not None and item.new is not None
        before, after = figures(item.old.text), figures(item.new.text)
        if before != after:
            assert item.figures, f"no figure line for {item.old.text} → {item.new.text}"
        for figure in item.figures:
            assert figure.old or figure.new, figure
            assert figure.old in (*before, "") and figure.new in (*after, ""), figure


def test_a_figure_a_changed_run_drops_is_a_change_to_nothing() -> None:
    """2022's `——地区生产总值5318.2亿元，增长8.6%` against 2025's `——地区生产总值5949亿元`: the
    growth is no longer given, which an analyst must see beside the level's change."""
    from corpusdiff.compare.inline import changed_figures

    diff = [("=", "——地区生产总值"), ("-", "5318.2亿元，增长8.6%"), ("+", "5949亿元"), ("=", "；")]
    changes = changed_figures(diff)
    assert [(f.old, f.new) for f in changes] == [("5318.2亿元", "5949亿元"), ("8.6%", "")]
    assert changes[1].shown() == "8.6% → —"
    added = [("=", "——地区生产总值"), ("-", "5318.2亿元"), ("+", "5949亿元，增长5.6%"), ("=", "；")]
    assert [(f.old, f.new) for f in changed_figures(added)] == [("5318.2亿元", "5949亿元"), ("", "5.6%")]


def test_a_year_changed_in_a_date_is_no_figure_change() -> None:
    """The subtitle of a national report (`——2021年3月5日在…` → `——2022年3月5日在…`): the token
    diff cuts `2021` from its `年`, which still makes it a date."""
    from corpusdiff.compare.inline import changed_figures

    diff = [("=", "——"), ("-", "2021"), ("+", "2022"), ("=", "年3月5日在全国人民代表大会上")]
    assert changed_figures(diff) == []
    quantity = [("=", "城镇新增就业"), ("-", "1100万人"), ("+", "1200万人"), ("=", "以上，")]
    assert [(f.old, f.new) for f in changed_figures(quantity)] == [("1100万人", "1200万人")]
