"""text.lines: subtitles, speech subtitles and speaker lines, as the normaliser and the metadata
detector both read them."""

from __future__ import annotations

import pytest

from corpusdiff.text.lines import is_speaker_name, is_speech_subtitle, is_subtitle


def test_a_subtitle_is_any_line_led_by_a_dash() -> None:
    assert is_subtitle("——2022年1月5日在福田区第七届人民代表大会第三次会议上")
    assert is_subtitle("——关于2023年计划的说明")
    assert not is_subtitle("一、2021年工作回顾")
    assert not is_subtitle("推进改革——持续发力")


@pytest.mark.parametrize("dash", ["——", "⸺", "――", "──", "－－", "--"])
def test_a_subtitles_dash_is_read_as_fonts_and_encodings_give_it(dash: str) -> None:
    """GBK decodes its dash as horizontal bars (――), PDF fonts give box-drawing lines (──): a
    title page so printed had no occasion line, so no meeting, speaker or delivery date."""
    assert is_subtitle(f"{dash}2024年1月22日在广东省第十四届人民代表大会第二次会议上")
    assert is_speech_subtitle(f"{dash}在区七届人大三次会议上")


def test_one_dash_is_no_subtitle() -> None:
    """One dash leads a list item as often (`—地区生产总值增长6%`): only an occasion after it makes
    it the subtitle (text.occasion)."""
    assert not is_subtitle("—地区生产总值增长6%")
    assert not is_subtitle("─地区生产总值增长6%")


def test_a_speech_subtitle_names_the_occasion_of_a_speech() -> None:
    assert is_speech_subtitle("——在区七届人大三次会议上")
    assert is_speech_subtitle("——在全区经济工作会上")
    assert is_speech_subtitle("——区长在全体会议上的讲话")
    assert not is_speech_subtitle("——关于2023年计划的说明")  # a subtitle, but not a speech's
    assert not is_speech_subtitle("在区七届人大三次会议上")


def test_a_speaker_name_is_two_to_four_han_characters_alone() -> None:
    assert is_speaker_name("黄伟")
    assert is_speaker_name("欧阳明高")
    assert not is_speaker_name("王")
    assert not is_speaker_name("区长 黄伟")
    assert not is_speaker_name("深圳市福田区")
    assert not is_speaker_name("黄伟\n")
