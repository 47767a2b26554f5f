"""text.sentences: the one sentence splitter, and the stops the segmenter and the line joiner share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpusdiff.text import rules, segment
from corpusdiff.text.sentences import FULL_STOPS, SENTENCE_STOPS, full_sentences, sentences


def test_sentences_split_after_each_stop_and_keep_it() -> None:
    text = "加快建设河套合作区。推进数字经济；完善营商环境！是否可行？余下一句"
    assert sentences(text) == [
        "加快建设河套合作区。",
        "推进数字经济；",
        "完善营商环境！",
        "是否可行？",
        "余下一句",
    ]


def test_sentences_do_not_split_at_commas_colons_or_enumeration_commas() -> None:
    assert sentences("主要目标：地区生产总值增长6%，固定资产投资、消费稳步增长。") == [
        "主要目标：地区生产总值增长6%，固定资产投资、消费稳步增长。"
    ]


def test_sentences_drop_empty_pieces_and_strip_spaces() -> None:
    assert sentences("。；  推进改革。 。") == ["推进改革。"]
    assert sentences("") == []
    assert sentences(" 。") == []


def test_one_stop_set_serves_the_segmenter_and_the_line_joiner() -> None:
    assert SENTENCE_STOPS == "。！？；"
    assert all(stop in rules.LINE_END for stop in SENTENCE_STOPS)
    assert "：" in rules.LINE_END  # a colon line introduces a list: the paragraph ends there too
    pieces = segment._PIECE_END_RE.split("一。二；三！四？五\n六")
    assert pieces == ["一。", "二；", "三！", "四？", "五\n", "六"]


@given(st.text(alphabet="。！？；，ab 福田", max_size=40))
def test_full_sentences_join_back_and_end_at_full_stops(text: str) -> None:
    pieces = full_sentences(text)
    assert "".join(pieces) == text
    assert all(piece and (piece[-1] in FULL_STOPS or piece is pieces[-1]) for piece in pieces)
