"""Figures are whole tokens: number, range, unit and modifier together, never cut by a diff."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpusdiff.compare.inline import changed_figures, token_diff
from corpusdiff.text.figures import FIGURE_PARTS_RE, FIGURE_RE, figures, last_figure, with_whole_figures
from corpusdiff.text.segment import segmenter
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "text, expected",
    [
        ("地区生产总值5318.2亿元，增长6.0%以上", ["5318.2亿元", "6.0%以上"]),
        ("国内生产总值增长5.5%左右", ["5.5%左右"]),
        ("国内生产总值增长6.5%－7%", ["6.5%－7%"]),
        ("粮食产量保持在1.33万亿斤以上", ["1.33万亿斤以上"]),
        ("城镇新增就业1100万人以上，城镇调查失业率5.5%以内", ["1100万人以上", "5.5%以内"]),
    ],
)
def test_figures_are_whole(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "old, new, figure",
    [
        ("全年增长6.0%以上。", "全年增长5.5%左右。", ("6.0%以上", "5.5%左右")),
        ("地区生产总值5318.2亿元。", "地区生产总值5949亿元。", ("5318.2亿元", "5949亿元")),
        ("国内生产总值增长6.5%－7%。", "国内生产总值增长6%－6.5%。", ("6.5%－7%", "6%－6.5%")),
        # counted things keep their measure word: national 2021 -> 2022 showed `37 → 15`
        ("制定修订行政法规37部。", "制定修订行政法规15部。", ("37部", "15部")),
        ("新开通国际航线12条，举办展会30场。", "新开通国际航线12条，举办展会45场。", ("30场", "45场")),
        ("查处案件1200起。", "查处案件980起。", ("1200起", "980起")),
    ],
)
def test_a_changed_figure_is_shown_whole(old: str, new: str, figure: tuple[str, str]) -> None:
    diff = token_diff(old, new, segmenter().tokens)
    assert [(f.old, f.new) for f in changed_figures(diff)] == [figure]
    assert ("-", figure[0]) in diff and ("+", figure[1]) in diff


@given(
    st.decimals(min_value=0, max_value=99999, places=2), st.decimals(min_value=0, max_value=99999, places=2)
)
def test_the_inline_diff_never_splits_a_number(a: object, b: object) -> None:
    old, new = f"增长{a}%左右，完成任务。", f"增长{b}%左右，完成任务。"
    for op, text in token_diff(old, new, segmenter().tokens):
        if op != "=":
            assert figures(text) == [text.strip("，。")] or not any(ch.isdigit() for ch in text)


def test_whole_figure_tokenizer_keeps_the_text() -> None:
    text = "增长6.5%－7%，新增就业1100万人以上。"
    tokens = with_whole_figures(segmenter().tokens)(text)
    assert "".join(tokens) == text
    assert "6.5%－7%" in tokens and "1100万人以上" in tokens


def test_the_named_parts_match_exactly_the_figure_tokens() -> None:
    """The indicator reader takes apart the same tokens the differ keeps whole (one parser)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus").rglob("*.md"))]
    for text in texts:
        spans = [m.span() for m in FIGURE_RE.finditer(text)]
        assert spans and spans == [m.span() for m in FIGURE_PARTS_RE.finditer(text)]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("国内生产总值增长6.5%－7%", ("6.5", "7", "%", "")),
        ("城镇新增就业1100万人以上", ("1100", "", "万人", "以上")),
        ("新增就业80万至90万人", ("80", "90", "万人", "")),
        ("财政赤字1.2万亿元", ("1.2", "", "万亿元", "")),
        ("进出口总额达到827亿美元", ("827", "", "亿美元", "")),
        ("棉花达到3270万担", ("3270", "", "万担", "")),
        ("铁路货物周转量将达到1210亿吨公里", ("1210", "", "亿吨公里", "")),
        ("能源消费总量控制在50亿吨标准煤以内", ("50", "", "亿吨标准煤", "以内")),
    ],
)
def test_last_figure_takes_a_clause_apart(text: str, parts: tuple[str, str, str, str]) -> None:
    found = last_figure(text)
    assert found is not None and (found.low, found.high, found.unit, found.modifier) == parts
    assert text[found.start : found.end] == text[found.start :]


def test_last_figure_is_none_unless_the_clause_ends_with_one() -> None:
    assert last_figure("赤字率拟按3%安排") is None and last_figure("基本持平") is None
    assert last_figure("原油产量达到800万桶") is None  # a unit no reader knows: not 800万


def test_a_diff_token_keeps_the_common_units_only() -> None:
    """The units only the indicator readers know stay out of the diff's tokens, which the
    initiative matcher masks (`827亿` + `美元`)."""
    assert figures("进出口总额达到827亿美元") == ["827亿"]
