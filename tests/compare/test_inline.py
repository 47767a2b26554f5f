"""The word-level diff reads a renamed part of a compound word as a replacement.

Reports rename terms inside continuing sentences: 市场主体 became 经营主体 in the national
reports after 2022 (新增市场主体 → 新增经营主体). jieba keeps 市场主体 as one word but cuts 经营主体
in two, so the token diff deletes one word and inserts another; the part both share (主体) is
unchanged text, and the change is 市场 → 经营 inside 新增…主体.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from corpusdiff.compare.inline import DELETE, EQUAL, INSERT, changed_figures, token_diff
from corpusdiff.text.segment import segmenter
from corpusdiff.types.diff import Figure


def _diff(old: str, new: str) -> list[tuple[str, str]]:
    return token_diff(old, new, segmenter().tokens)


def test_a_renamed_part_of_a_compound_word_reads_as_a_replacement() -> None:
    diff = _diff("今年新增市场主体1000万户以上。", "今年新增经营主体1000万户以上。")
    assert diff == [(EQUAL, "今年新增"), (DELETE, "市场"), (INSERT, "经营"), (EQUAL, "主体1000万户以上。")]


def test_the_renamed_term_on_its_own_keeps_its_shared_tail() -> None:
    diff = _diff("依法平等保护各类市场主体产权和合法权益。", "依法平等保护各类经营主体产权和合法权益。")
    assert [(op, text) for op, text in diff if op != EQUAL] == [(DELETE, "市场"), (INSERT, "经营")]
    assert (EQUAL, "主体产权和合法权益。") in diff


def test_two_words_sharing_one_character_stay_whole() -> None:
    """One shared character (发展 / 发挥) is no word part: the words are replaced whole."""
    diff = _diff("大力发展经济。", "大力发挥作用。")
    assert (DELETE, "发展经济") in diff and (INSERT, "发挥作用") in diff


def test_a_figure_is_never_split_by_a_shared_unit() -> None:
    diff = _diff("全年实现5318.2亿元。", "全年实现6000亿元。")
    assert (DELETE, "5318.2亿元") in diff and (INSERT, "6000亿元") in diff
    assert changed_figures(diff) == [Figure("5318.2亿元", "6000亿元")]


_HAN = st.text(alphabet="市场经营主体新增各类保护发展企业", min_size=0, max_size=12)


@given(_HAN, _HAN)
def test_the_diff_gives_back_both_texts(old: str, new: str) -> None:
    diff = _diff(old, new)
    assert "".join(text for op, text in diff if op != INSERT) == old
    assert "".join(text for op, text in diff if op != DELETE) == new
    assert all(text for _, text in diff)
    assert all(a[0] != b[0] for a, b in itertools.pairwise(diff))
