"""Figures printed in Chinese numerals or full-width digits read as the digits text.figures takes."""

from __future__ import annotations

import pytest

from corpusdiff.text.figures import figures
from corpusdiff.text.numerals import arabic_figures, numeral_text


@pytest.mark.parametrize(
    "printed, read",
    [
        ("增长百分之七点三", "增长7.3%"),
        ("增长百分之五左右", "增长5%左右"),
        ("每年递增百分之四到五", "每年递增4%到5%"),
        ("控制在千分之十三以下", "控制在13‰以下"),
        ("达到四千亿斤", "达到4000亿斤"),
        ("钢产量三千六百万吨", "钢产量3600万吨"),
        ("一千零五十亿元", "1050亿元"),
        ("一千三百八十七亿四千万元", "1387.4亿元"),
        ("一万零五百亿斤", "10500亿斤"),
        ("突破一万亿元", "突破1万亿元"),
        ("达到四亿零七百多万吨", "达到4.07亿吨多"),
        ("二千二百四十三点六亿元", "2243.6亿元"),
        ("增长一点二六倍", "增长1.26倍"),
        ("比上年增长１４．２％", "比上年增长14.2%"),
        ("粮食产量34，250万吨", "粮食产量34250万吨"),
        ("六万万人", "6亿人"),
        ("十二万万五千万元", "12.5亿元"),
    ],
)
def test_a_figure_in_chinese_numerals_reads_as_the_same_figure_in_digits(printed: str, read: str) -> None:
    assert arabic_figures(printed) == read


@pytest.mark.parametrize(
    "words",
    ["“十三五”规划", "一九八二年", "百分之几十", "一些地区", "增长7%，250个项目", "三分之一"],
)
def test_numerals_that_are_words_dates_or_no_whole_figure_stay_as_printed(words: str) -> None:
    assert arabic_figures(words) == words


def test_the_rewrite_gives_text_figures_one_whole_token() -> None:
    assert figures(arabic_figures("粮食产量达到四亿零七百多万吨，比上年增长百分之五点一")) == ["4.07亿吨多", "5.1%"]


def test_a_numeral_is_shown_in_the_scale_asked_for() -> None:
    assert numeral_text("八点一") == "8.1"
    assert numeral_text("一万零五百亿", "亿") == "10500"
    assert numeral_text("一九五") is None
