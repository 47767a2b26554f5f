"""Wrapping Chinese text to a terminal: widths in columns (a Han character takes two), no
line opening with closing punctuation, figures kept whole, colour carried over a break."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpusdiff.render.wrap import CLOSING, OPENING, wrap
from corpusdiff.text.chars import display_width

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PARAGRAPH = (
    "深入推进PM2.5、臭氧污染和水污染治理，落实“降尘”“减排”“削峰”三大行动。"
    "地区生产总值5318.2亿元，增长8.6%；全社会固定资产投资628亿元左右（基本持平）。"
)


def visible(line: str) -> str:
    return ANSI.sub("", line)


@pytest.mark.parametrize("width", [10, 17, 20, 40, 41, 80])
def test_lines_fit_and_lose_nothing(width: int) -> None:
    lines = wrap(PARAGRAPH, width, "", "  ")
    assert all(display_width(line) <= width for line in lines)
    assert "".join(line.removeprefix("  ") if n else line for n, line in enumerate(lines)) == PARAGRAPH


@pytest.mark.parametrize("width", [10, 17, 20, 40, 41, 80])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(width: int) -> None:
    lines = [line.strip() for line in wrap(PARAGRAPH, width)]
    assert not any(line[0] in CLOSING for line in lines[1:])
    assert not any(line[-1] in OPENING for line in lines[:-1])


def test_a_figure_is_not_cut() -> None:
    # 14 columns of Han text, then the figure: it does not fit after them and moves down whole
    lines = wrap("地区生产总值为5318.2亿元", 18)
    assert lines == ["地区生产总值为", "5318.2亿元"]


def test_what_is_wider_than_a_line_is_cut_where_the_line_is_full() -> None:
    assert wrap("x" * 25, 10, "> ", "  ") == ["> " + "x" * 8, "  " + "x" * 8, "  " + "x" * 8, "  x"]


def test_width_zero_keeps_the_line_whole() -> None:
    assert wrap(PARAGRAPH, 0, "  ") == ["  " + PARAGRAPH]


def test_colour_is_closed_at_a_break_and_opened_again() -> None:
    red, reset = "\x1b[31m", "\x1b[0m"
    lines = wrap(f"保留{red}删除的很长很长很长的一段文字{reset}之后", 16)
    assert all(display_width(visible(line)) <= 16 for line in lines)
    inside = [line for line in lines if red in line]
    assert len(inside) >= 2
    assert all(line.endswith(reset) for line in inside[:-1])
    assert all(line.startswith(red) for line in inside[1:])
    assert "".join(visible(line) for line in lines) == "保留删除的很长很长很长的一段文字之后"


@given(st.text(alphabet="福田区发展PM2.5，。“”（）、 ab%", min_size=1, max_size=120), st.integers(4, 60))
def test_any_text_fits_and_keeps_its_characters(text: str, width: int) -> None:
    lines = wrap(text, width, "", "  ")
    assert all(display_width(line) <= width for line in lines)
    kept = "".join(line.strip() for line in lines).replace(" ", "")
    assert kept == text.replace(" ", "")
