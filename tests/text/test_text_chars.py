"""text.chars: the one Han character class (ideographs, and Han text with 〇), word characters,
and display width."""

from __future__ import annotations

import re

from corpusdiff.text.chars import (
    HAN,
    HAN_RE,
    IDEOGRAPHS,
    WIDE,
    count_ideographs,
    display_width,
    has_han,
    has_word_char,
)


def test_ideographs_are_the_unified_extension_a_and_compatibility_blocks() -> None:
    for ch in "福", "\u3400", "\u4db5", "\u9fa5", "\uf900":
        assert re.fullmatch(f"[{IDEOGRAPHS}]", ch), ch
    for ch in "〇", "○", "a", "5", "，", "\u4dc0":  # \u4dc0: a Yijing hexagram symbol
        assert not re.fullmatch(f"[{IDEOGRAPHS}]", ch), ch


def test_han_text_is_the_ideographs_and_ling() -> None:
    assert HAN.endswith("\u3007") and HAN.removesuffix("\u3007") == IDEOGRAPHS
    assert HAN_RE.pattern == f"[{HAN}]"
    assert has_han("福田区") and has_han("〇")
    for text in "", "GDP 5%", "，。（）", "○", "\u4dc0":
        assert not has_han(text), text


def test_ling_counts_as_chinese_context_but_not_as_an_ideograph() -> None:
    assert count_ideographs("二〇二二年") == 4
    assert count_ideographs("GDP增长5%") == 2
    assert not has_word_char("〇")  # the lone 〇 jieba leaves of a written date is no word


def test_word_characters_are_ideographs_latin_letters_and_digits() -> None:
    assert has_word_char("5G") and has_word_char("河套") and has_word_char("AI")
    assert not has_word_char("，。；、 ") and not has_word_char("——") and not has_word_char("")


def test_wide_is_han_and_full_width_punctuation() -> None:
    assert re.fullmatch(f"[{WIDE}]+", "福田（一）——“”…〇") is not None
    assert re.search(f"[{WIDE}]", "GDP 5% (a)") is None


def test_display_width_counts_wide_and_full_width_characters_as_two_columns() -> None:
    assert display_width("河套a") == 5
    assert display_width("（一）") == 6  # full-width brackets are wide too
    assert display_width("地区生产总值") == 12
    assert display_width("GDP（%）") == 8
    assert display_width("+5.5%左右") == 9


def test_display_width_counts_ambiguous_width_marks_as_one_column() -> None:
    assert display_width("●—…") == 3
    assert display_width("") == 0
