"""Inline rules, each checked on an example taken from the seeds."""

from __future__ import annotations

import pytest

from corpusdiff.text.rules import (
    clean_text,
    ends_sentence,
    is_page_number,
    join_fragments,
    join_letter_spaced,
    opens_with_misread_dash,
    repair_misread_dash,
    unify_punctuation,
)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("2021 年工作回顾", "2021年工作回顾"),
        ("推动新增项 目300个以上", "推动新增项目300个以上"),
        ("开展文明实践活动超 1.5 万场次", "开展文明实践活动超1.5万场次"),
        ("引进Prada Beauty华南首店", "引进Prada Beauty华南首店"),
        ("“M 餐”公益", "“M餐”公益"),
        ("重大科研机构 and 平台建设", "重大科研机构and平台建设"),
        ("计划 执行情况与2025年计划(草案)报告", "计划执行情况与2025年计划（草案）报告"),
        ("实现经济发展稳中有进,产业结构向新向优", "实现经济发展稳中有进，产业结构向新向优"),
        ('建立经济运行"1+5"调度机制', "建立经济运行“1+5”调度机制"),
        ("主要指标完成情况如下:", "主要指标完成情况如下："),
        ("产业空间。全国唯一一个", "产业空间。全国唯一一个"),
        ("PM2.5年均浓度", "PM2.5年均浓度"),
        ("增长5.5%左右", "增长5.5%左右"),
        ("资金1,000万元，10:30开幕", "资金1,000万元，10:30开幕"),
        ("２０２１年增长１０％", "2021年增长10%"),
        ("[bookmark: _Toc416][bookmark: _Toc24425]一、构建开放", "一、构建开放"),
        ("**20.建设医疗服务标杆**。落地", "20.建设医疗服务标杆。落地"),
        ("Plain English, with: punctuation; kept.", "Plain English, with: punctuation; kept."),
        ("增长\u202e52\u202c%，\u2067收入\u2069\u200f增长", "增长52%，收入增长"),  # direction controls: debris
    ],
)
def test_clean_text(raw: str, canonical: str) -> None:
    assert clean_text(raw) == canonical


@pytest.mark.parametrize("raw", ["2021 年 1 月", '"A"和"B"', "(一) 高质量", "一一进出口"])
def test_clean_text_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@pytest.mark.parametrize("text", ["保障供水安全。", "主要指标完成情况如下：", "“无废城市”。", "怎么办？"])
def test_sentence_ends(text: str) -> None:
    assert ends_sentence(text)


@pytest.mark.parametrize(
    "text", ["坚持“提级防疫、精准防疫、科学防疫、依法防疫、人文防", "开展", "三大新引擎”"]
)
def test_fragments_that_continue(text: str) -> None:
    assert not ends_sentence(text)


def test_page_numbers() -> None:
    assert is_page_number("— 12 —")
    assert is_page_number("- 3 -")
    assert is_page_number("第 3 页")
    assert not is_page_number("12.推进法治城区建设")


def test_join_fragments_keeps_latin_words_apart() -> None:
    assert join_fragments("系列服", "务举措") == "系列服务举措"
    assert join_fragments("Prada", "Beauty") == "Prada Beauty"


def test_join_fragments_keeps_a_wrapped_figure_whole() -> None:
    # wikisource/2016.txt, line 58 (能耗下降18.2%) and line 22 (国产C919大型客机), wrapped inside
    assert join_fragments("单位国内生产总值能耗下降1", "8.2%，主要污染物") == "单位国内生产总值能耗下降18.2%，主要污染物"
    assert join_fragments("国产C", "919大型客机") == "国产C919大型客机"
    assert join_fragments("5", "G网络") == "5G网络"


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("一一地区生产总值5949亿元;", "——地区生产总值5949亿元;"),  # seed 000, line 25
        ("一一万元GDP能耗完成市下达目标。", "——万元GDP能耗完成市下达目标。"),  # seed 000, line 39
        ("一一二〇二一年，全区生产总值增长6%。", "——二〇二一年，全区生产总值增长6%。"),  # a dash, then a year
        ("一一两岸关系和平发展。", "——两岸关系和平发展。"),
        # a dash, then a word opening with 一 (found by helper M3 on a city plan's hard-wrapped extract)
        ("一一一般公共预算收入增长3%;", "——一般公共预算收入增长3%;"),
        ("一一一体化发展取得新进展。", "——一体化发展取得新进展。"),
    ],
)
def test_a_misread_dash_opening_an_item_is_repaired(line: str, repaired: str) -> None:
    assert repair_misread_dash(line) == repaired
    assert repair_misread_dash(repaired) == repaired


@pytest.mark.parametrize(
    "line",
    [
        "一一九五六年，我国国民经济计划的执行情况是好的。",  # a bare numeral 一 run into a year
        "一一〇〇年前后",  # a year written digit by digit
        "一一一号文件",  # a number of three digits and its counter
        "一一一个",
        "一一对应的办法要坚持。",
        "一一列举了各项措施。",
        "一一對應",
        "一一",
        "一一 ",
        "唯一一个",
        "产业空间。全国唯一一个",
    ],
)
def test_the_dash_repair_spares_numbers_and_words(line: str) -> None:
    assert not opens_with_misread_dash(line)
    assert repair_misread_dash(line) == line


def test_inline_rules_never_change_a_han_character() -> None:
    """The repair is the walker's, at a line's start: the inline rules keep 一一 wherever it is."""
    assert clean_text("一一地区生产总值5949亿元;") == "一一地区生产总值5949亿元；"
    assert clean_text("一一九五六年") == "一一九五六年"


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("增 长 6 . 6 % ， 2 0 1 8 年", "增长6.6%，2018年"),
        ("　　过 去 一 年 ， G D P 增 长", "　　过去一年，GDP增长"),
        ("第 二 篇   坚 持 创 新   打 造 高 地", "第二篇   坚持创新   打造高地"),
    ],
)
def test_a_letter_spaced_line_is_closed_up_but_its_indent_and_wide_gaps_stay(raw: str, joined: str) -> None:
    assert join_letter_spaced(raw) == joined


@pytest.mark.parametrize("line", ["1 2 3 4 5", "地区生产总值 6.5% 3.5%", "国务院总理 李克强", "政 府"])
def test_a_line_that_is_not_letter_spaced_stays(line: str) -> None:
    assert join_letter_spaced(line) == line


def test_c1_controls_and_noncharacters_are_debris() -> None:
    """A wrong decoding leaves C1 controls (`\\x93…\\x94` for “…”) and U+FFFE/U+FFFF; none is report
    text, and a terminal obeys CSI (U+009B) as it obeys ESC [. The Han characters stay."""
    assert clean_text("推进\x93福田\x94建设\ufffe。\x9b2J\uffff") == "推进福田建设。2J"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("消费的比重由1978年的６３．５％上升到70%。", "消费的比重由1978年的63.5%上升到70%。"),
        ("工业总产值第一季度下降0．2%。", "工业总产值第一季度下降0.2%。"),
        ("１．继续创新和完善宏观调控", "1．继续创新和完善宏观调控"),  # a list mark, not a decimal point
    ],
)
def test_a_full_width_point_between_digits_is_a_decimal_point(raw: str, canonical: str) -> None:
    """`4．8%` beside last year's `4.8%` showed a figure change and a rewording: as its digits
    become ASCII, the point between them is the number's."""
    assert unify_punctuation(raw) == canonical
