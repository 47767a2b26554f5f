"""Characters a PDF viewer's or WPS's copy gives in place of the report's own (text/compat.py)."""

from __future__ import annotations

from corpusdiff.text.compat import repair_stand_ins


def test_kangxi_radicals_in_chinese_text_are_the_ideographs_they_stand_for() -> None:
    assert repair_stand_ins("政府⼯作报告") == "政府工作报告"
    assert repair_stand_ins("⼀、⼆〇⼆⼀年⼯作回顾") == "一、二〇二一年工作回顾"


def test_simplified_radical_forms_are_the_characters_their_glyphs_are() -> None:
    assert repair_stand_ins("经济增⻓6.6%，⻔户⺠⽣") == "经济增长6.6%，门户民生"


def test_half_width_marks_end_and_list_in_chinese_text() -> None:
    assert repair_stand_ins("增长58.5%｡科技､教育｢双减｣") == "增长58.5%。科技、教育「双减」"


def test_a_radical_or_mark_outside_chinese_text_stays() -> None:
    assert repair_stand_ins("the radical ⼀ alone") == "the radical ⼀ alone"
    assert repair_stand_ins("ﾃｽﾄ｡\n政府") == "ﾃｽﾄ｡\n政府"


def test_compatibility_ideographs_and_ligatures_are_folded_everywhere() -> None:
    assert repair_stand_ins("\uf90a融 ﬁnance") == "金融 finance"


def test_meaningful_compatibility_characters_stay() -> None:
    assert repair_stand_ins("面积100㎡，①㈠") == "面积100㎡，①㈠"


def test_a_variation_selector_after_a_han_character_goes() -> None:
    assert repair_stand_ins("政府\ufe00工作，增\U000e0100长") == "政府工作，增长"


def test_ocrs_full_width_dot_after_a_word_is_the_full_stop() -> None:
    assert repair_stand_ins("经济稳定增长．我们要坚持．\n科技创新．") == "经济稳定增长。我们要坚持。\n科技创新。"


def test_a_full_width_dot_that_numbers_or_sits_in_a_figure_stays() -> None:
    assert repair_stand_ins("一．总体要求\n2024．1．22\n增长5．5%") == "一．总体要求\n2024．1．22\n增长5．5%"


def test_a_full_width_dot_after_a_percentage_or_a_quote_ends_the_sentence() -> None:
    assert repair_stand_ins("提高到58.5%．\n“煤改电”．全面") == "提高到58.5%。\n“煤改电”。全面"


def test_a_full_width_dot_after_a_bracketed_marker_stays() -> None:
    assert repair_stand_ins("（一）．经济运行稳中向好。") == "（一）．经济运行稳中向好。"
