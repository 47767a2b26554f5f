"""Programmes (corpusdiff/compare/programmes.py): each rule on hand-made sentences, and floors
for precision and recall on the hand labels (tests/data/labels/programmes.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from corpusdiff.compare.core import compare
from corpusdiff.compare.programmes import (
    _HALF_WIDTH,
    _QUOTED_RE,
    _programme_name,
    compare_programmes,
    extract_programmes,
)
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.tree import DocTree
from tests.shared import SHARED  # "corpora/…" label paths live in the shared checkout

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).parent.parent / "data" / "labels" / "programmes.yaml"

# Measured (docs/diff-output.md, "Programmes"): tuning (Futian) P 0.967, R 0.974; tuning-national
# (2018, 2019: held out until their errors were read for the doctrine, category-list, charge and
# A改B rules) 0.779 / 0.898 before those rules, 0.873 / 0.932 with them; held out (2021, 2022,
# labelled afterwards) 0.673 / 1.000 before them, 0.786 / 1.000 with them. Session 7's 两个-formula,
# 着眼 and older-period rules: tuning-national 0.948 / 0.932, held out 0.892 / 1.000. Issue 14's rules
# (paces, verbs of curing, a report's own place as a model, a manner after the quote), tuned on
# `tuning` and `tuning-national` only: tuning 0.983 / 0.974, tuning-national 0.982 / 0.932, held out
# 0.917 / 1.000; held_out_2 (national 2016, 2017, labelled before the rule was run on them) scored
# once, after the rules were fixed: 0.872 / 0.976 (0.854 / 0.976 with the rule before them). Issue 14's
# second round (streaks, situations faced, driver metaphors, things built by the batch, categories
# listed before the quote, a policy's focus, a mark outweighing shape, compositions joining a
# quoted “X+” brand, 坚定不移 as no belief verb), tuned on all four sets above, in one run: tuning
# 0.983 / 0.974 -> 0.983 / 0.974, tuning-national 0.982 / 0.932 -> 0.982 / 0.932, held_out 0.917 /
# 1.000 -> 1.000 / 1.000, held_out_2 0.872 / 0.976 -> 1.000 / 1.000. The floors sit a little below
# each score, so a change that costs a name or two fails here. held_out_3 (national 2013, 2014, 2015,
# labelled and committed before the rule was run on them) scored once, after that round's rules
# were fixed: 0.781 / 0.926 (0.568 / 0.926 with the rule before them, same run); below issue 14's
# 0.90 bar: its errors (定心丸, 四两拨千斤, 两岸一家亲, 双目标, 双结合, 三网) are read now, so it
# tunes from the next round on. Issue 14's third round (an -ism, a goal named as such, 一切 and its
# like no count, a moral norm, verbs of ending an old system or a foe and of holding a belief, a
# flaw, a pipe dream, an idea or a role after the quote, something eaten, a craft in apposition),
# tuned on held_out_3 and held_out_4 after each was scored once, in one run: held_out_4 (national
# 1979, 1982, 1984, labelled and committed before the rule was run on them) scored once before
# these rules 0.364 / 0.800, with them 1.000 / 0.800; held_out_3 0.781 / 0.926 -> 0.929 / 0.963;
# tuning, tuning-national, held_out and held_out_2 unchanged. held_out_5 (national 1986, 1988, labelled
# and committed with held_out_4) scored once, after those rules were fixed and committed: 0.833 /
# 0.714 (the same with the rule before them); its errors (百家争鸣、百花齐放 kept; 一个国家，两种制度,
# 放、调、管 missed) were seen then and are not yet tuned on. held_out_6 (national 1983, 1985, 1987,
# labelled and committed before the rule was run on them) scored once with the rule as it stood:
# 0.556 / 0.833; its errors are read from then on. Issue 14's fourth round (a comma between short
# members is a list's; members numbered 一, 二 are a maxim's points; an idiom's count is a figure;
# counted principles are a doctrine; one verb a member abbreviates measures; a list named …的办法 is
# a method adopted; 堵塞 stops a leak; …错误 names an error; AA通 covers every unit), tuned on all
# sets above, in one run: tuning 0.983 / 0.974 unchanged, tuning-national 0.982 / 0.932 -> 0.982 /
# 0.949, held_out and held_out_2 1.000 / 1.000 unchanged, held_out_3 0.929 / 0.963 -> 0.931 /
# 1.000, held_out_4 1.000 / 0.800 -> 1.000 / 1.000, held_out_5 0.833 / 0.714 -> 1.000 / 1.000,
# held_out_6 0.556 / 0.833 -> 1.000 / 1.000.
FLOORS = {
    "tuning": (0.97, 0.96),
    "tuning-national": (0.96, 0.94),
    "held_out": (0.96, 0.97),
    "held_out_2": (0.97, 0.97),
    "held_out_3": (0.90, 0.97),
    "held_out_4": (0.95, 0.95),
    "held_out_5": (0.95, 0.95),
    "held_out_6": (0.95, 0.95),
}
#: Sets labelled but not yet scored: committed before the rule is run on them, so their first
#: score judges the rule unseen; a floor is set once that score is recorded.
UNSCORED: set[str] = set()


def names(*texts: str, others: tuple[tuple[str, ...], ...] = ()) -> list[str]:
    return [p.name for p in extract_programmes(texts, others=others)]


# --- shapes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("聚焦“三大引擎”，加快发展。", "三大引擎"),  # counted: 三大 + noun
        ("推进“双碳双控”。", "双碳双控"),  # counted: 双
        ("落实“新八条”。", "新八条"),  # 新 + n-point package
        ("完善“绿五条”。", "绿五条"),  # n-point package at the end
        ("推进“民生六优”。", "民生六优"),  # a count closing the name
        ("形成“1+3”格局。", "1+3格局"),  # number formula, named with its noun
        ("形成“2+N”布局。", "2+N"),  # number formula without a head noun
        ("升级“智管3.0”。", "智管3.0"),  # version
        ("推进“煤改气”。", "煤改气"),  # a conversion A改B
        ("擦亮“文旅+”。", "文旅+"),  # open-plus brand
        ("上线“e政通”。", "e政通"),  # Latin-Han coinage
        ("落实“春苗计划”。", "春苗计划"),  # head word
        ("推进“无废城市”。", "无废城市"),  # head word
        ("推行“马上办”。", "马上办"),  # 办: a two-character prefix is enough
        ("办好“海滨音乐节”。", "海滨音乐节"),  # one-character head, three before it
        ("承办“2025海滨音乐节”。", "2025海滨音乐节"),  # a year in a coined name
        ("推行“一律所一社区”。", "一律所一社区"),  # 一律 opens a counted pair here, not the adverb
    ],
)
def test_a_name_shaped_like_a_programme_is_kept_without_context(text: str, kept: str) -> None:
    assert names(text) == [kept]


@pytest.mark.parametrize(
    "text",
    [
        "聚焦“科创引擎”，加快发展。",  # the same sentence without the count
        "回顾“峥嵘”。",  # an ordinary word
        "推进“大改造”。",  # 改造 is a verb: no conversion
        "科研“政策包”加快落地。",  # a head word with less than two characters before it
        "共度“新春节”。",  # a one-character head with two before it
        "提供“24小时”服务。",  # a measure, not a formula
        "布局“72个固定”网点。",  # a number with a unit is a count, not a coined name
        "形成“政府+市场”格局。",  # a composition of words
        "坚持“深圳速度”。",  # a slogan
    ],
)
def test_a_quote_without_shape_or_context_is_not_kept(text: str) -> None:
    assert names(text) == []


# --- contexts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("开展“春风送暖”系列活动。", ["春风送暖"]),  # programme noun after
        ("开展“春风送暖”专项行动。", ["春风送暖"]),
        ("建立“港澳通”综合服务中心。", ["港澳通"]),  # a few characters of modifier before the noun
        ("“星光”2024粤港澳青少年邀请赛举行。", ["星光"]),  # a year skipped before the noun
        ("推出卡通形象IP“小福星”。", ["小福星"]),  # category noun before, in apposition
        ("推出“青苗成长”。", ["青苗成长"]),  # verb of launching
        ("举办“全民挑战”。", ["全民挑战"]),
        ("以“全域联动”为抓手。", ["全域联动"]),  # the lever of a chapter
        ("第一艘航母“山东舰”入列。", ["山东舰"]),  # the kind of craft a state builds, in apposition
        ("举办“甲子”“乙丑”“丙寅”等系列活动。", ["甲子", "乙丑", "丙寅"]),  # one list, one noun
        ("线上“云游园”和线下“多点开花”模式。", ["云游园", "多点开花"]),  # 和 + modifier joins
    ],
)
def test_a_programme_context_keeps_a_name(text: str, kept: list[str]) -> None:
    assert names(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "打造“城市名片”。",  # 打造 is no launching verb: reports 打造 metaphors too
        "跑出“新速度”。",
        "深化“春风送暖”，随后的系列活动。",  # the noun is in another clause
        "深化“春风送暖”的系列活动。",  # 的: the noun is described, not named
    ],
)
def test_no_context_no_name(text: str) -> None:
    assert names(text) == []


def test_list_members_share_evidence_only_when_none_is_marked() -> None:
    # “卓越城区” is an honour (获评), so its list-mate gets no evidence from the list
    assert names("获评“卓越城区”“活力街区”。") == []
    assert names("推出“甲子”“乙丑”。") == ["甲子", "乙丑"]


# --- lists, chains, compositions ------------------------------------------------------------


def test_a_list_of_phrases_is_a_slogan_unless_counted_or_named_by_a_strong_noun() -> None:
    assert names("围绕“美丽家园、幸福城区”愿景。") == []
    assert names("实现“可见、可感、可及”。") == []
    assert names("开展“绿色家园、清洁城区”系列活动。") == []  # 活动 is not enough for a list
    assert names("建设“清洁家园、美丽城区”平台。") == ["清洁家园、美丽城区"]
    assert names("推行“双随机、一公开”。") == ["双随机、一公开"]  # a counted part
    assert names("推动“智感、智联、智治”三智融合。") == ["智感、智联、智治"]  # counts its parts
    assert names("推动“智感、智联、智治”四智融合。") == []  # the wrong count


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # issue 14, fourth round (reports of 1983-1988: held_out_5, held_out_6)
        ("坚持“一个市场，两套规则”的设想。", ["一个市场，两套规则"]),  # ， between short members: a list
        ("推行“一网统办、一键预约”。", ["一网统办、一键预约"]),  # counted members, no idiom
        ("坚持“调放结合，稳步前进”的方针。", []),  # a list with no counted member and no strong noun
        ("表现出“先忧天下而忧，后乐天下而乐”的风格。", []),  # long members: a quotation
        ("坚持“一要吃饭，二要建设”的原则。", []),  # members numbered 一, 二: the points of a maxim
        ("发扬“一不怕累、二不怕难”的作风。", []),
        ("贯彻“百花齐放、百家争鸣”的方针。", []),  # idioms: their 百 is a figure, no count
        ("贯彻“百家争鸣，百花齐放”的方针。", []),
        ("确立“友好往来、平等互利、长期合作”三项原则。", []),  # counted principles: a doctrine
        ("推动“智感、智联、智治”三智融合。", ["智感、智联、智治"]),  # a counted set still counts
        ("加大“拆、治、建”力度。", ["拆、治、建"]),  # one verb a member: abbreviated measures
        ("走“放、调、管”相结合的路子。", ["放、调、管"]),
        ("堵塞“跑、冒、滴、漏”。", []),  # a leak stopped
        ("区分“官、民”。", []),  # two single characters are a pair of words
        ("实行“多劳多得、少劳少得”的办法。", ["多劳多得、少劳少得"]),  # a method adopted: a scheme
        ("实行“多劳多得、少劳少得”的方针。", []),  # a guideline
        ("串联“山、林、城、海”风光。", []),  # one noun a member: a description
        ("执行“多、快、好、省”的指示。", []),  # adjectives: a slogan
    ],
)
def test_lists_joined_by_commas_idioms_enumerations_and_abbreviations(text: str, kept: list[str]) -> None:
    assert names(text) == kept


def test_a_movement_named_as_an_error_is_no_programme() -> None:
    """A head word (…革命) is shape alone; a mention naming the quote an error (…错误理论) outweighs it."""
    assert names("比“思想大革命”前十七年多。") == ["思想大革命"]
    assert names("比“思想大革命”前十七年多。", "肯定“思想大革命”错误理论。") == []


def test_every_unit_connected_is_a_coverage_programme() -> None:
    """“户户通”, “村村通”: a unit said twice and 通."""
    assert names("推进“乡乡通”。") == ["乡乡通"]
    assert names("保持“畅通”。") == []


def test_a_chain_of_three_levels_is_a_description() -> None:
    assert names("完善“市-区-街道”三级治理平台。") == []
    assert names("共建“甲城-乙城”产业园区。") == ["甲城-乙城"]  # two parts are no chain


def test_a_word_composition_needs_a_strong_noun_a_category_or_a_family() -> None:
    assert names("形成“政府+市场”多方参与模式。") == []
    assert names("推出“文旅+康养”。") == []  # a launching verb is not enough for a composition
    assert names("推进“信用+承诺制”改革。") == ["信用+承诺制"]
    assert names("研发计划项目“云+教育”实验。") == ["云+教育"]
    family = names("深化“数字+政务”，发展“数字+医疗”。")
    assert family == ["数字+政务", "数字+医疗"]
    assert names("深化“数字+政务”。", others=(("发展“数字+医疗”。",),)) == ["数字+政务"]


# --- exclusions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "获评全国“三大活力城区”。",  # honour verb, counted name
        "荣获2023年“百强示范街道”称号。",
        "入选“十佳创新项目”。",
        "鲲鹏公司获“创新之芯”最高奖。",  # the noun after is itself an award
        "推出“创新之星奖”。",  # an award's name
        "蝉联“全国百强区”。",
        "推出“2024年度之星”。",  # 年度: a yearly award
        "实现“双第一”。",  # outcomes
        "实现“三连冠”。",
        "发展“首发经济”新业态。",  # a category of economy
        "建设“一站式”服务平台。",  # a manner
        "培育专精特新“小巨人”企业。",  # a kind of firm
        "建立退役军人“半小时”响应机制。",  # a measure
        "坚决纠正“四风”。",  # a thing opposed
        "严禁“洋垃圾”入境。",
        "牢固树立“四个意识”。",  # a belief
        "实现“两个一百年”奋斗目标。",  # a goal
        "压减“三公”经费。",  # a spending category
        "降低“五险一金”缴费比例。",  # a charge
        "驰而不息纠治“四风”。",  # a thing opposed (纠治 as 纠正)
        "推动两岸关系在“九二共识”基础上发展。",  # a consensus: a doctrine word closes the name
        "资金向创新驱动、“三农”、民生等领域倾斜。",  # one of a list of fields
        "更多投向小微企业、“三农”和贫困地区。",  # one of a list of areas
        "加大“三区三州”等深度贫困地区脱贫攻坚力度。",  # an example of a kind of area
        "打造成为“高端服务示范中心”。",  # a positioning
        "实现“十四五”良好开局。",  # a plan period
        "完成“八五”计划。",  # a plan period of the 1990s, written without 十
        "坚持“两个毫不动摇”。",  # a political formula counted with 两个
        "坚决做到“两个维护”。",
        "应对“5.21”疫情。",  # a date
        "“坚持，再坚持”。",  # a sentence
        "一定能跑出中国创新“加速度”。",  # a pace after 跑出 (创新 is no launching verb here)
        "推出“江城速度”。",  # a pace, whatever the verb
        "坚决查处“三乱”行为。",  # a counted name, but a thing punished
        "重点解决实现“两不愁三保障”面临的突出问题。",  # a counted name inside a problem to solve
        "着力破除“两头难”。",
        "稻谷产量实现“八连增”。",  # a streak: count, 连 and what went on
        "出口实现“三连涨”。",
        "面对“两期交织”的局面。",  # a situation faced (面对)
        "当前面临“三重冲击”。",
        "破解“两难”矛盾，稳住大盘。",  # a situation noun after the quote
        "形成新的“双引擎”。",  # a driver metaphor: a count before 引擎/马车/轮/翼
        "拉动“三驾马车”。",
        "鼓励企业建设一批境外“物流仓”。",  # a kind of facility built by the batch
        "加强对小微企业、“三牧”等支持。",  # a category listed after another category
        "以“一幼一长”为重点完善服务。",  # the focus of a policy: a group or an area
        # issue 14, third round (reports of 1979-1984, held_out_4, and 2013-2015, held_out_3)
        "坚决实行“三不主义”方针。",  # an -ism is a doctrine
        "警惕“一切唯指标”。",  # 一切 is a determiner, no count
        "普及“五德”社会公德。",  # a moral norm is held, like a doctrine
        "粉碎“三人帮”。",  # a foe smashed
        "打破“两张皮”。",  # an old system ended
        "存在“三头管”的弊端。",  # a flaw
        "让市场吃了“双保险”。",  # something eaten is a figure of speech
        "逐步实现建立“亚太联盟体系”的迷梦。",  # another's pipe dream, not a scheme run
        "秉持“两家一亲”。",  # a belief held
        "弘扬“两家一亲”的理念。",  # an idea, across 的
        "发挥政府投资“四两之力”的撬动作用。",  # a figure for a role
        "围绕“三目标”。",  # a goal named as such
    ],
)
def test_exclusions(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "由于“五人帮”的干扰破坏。",  # a gang older reports name their foes by (1978's 四人帮)
        "多次警告他们“不要搞五人帮”。",
        "由于“当权派”的干扰破坏。",  # a faction (走资派, 民主派)
        "由于“唯产量论”的干扰破坏。",  # a theory, held or fought like a doctrine (唯生产力论)
    ],
)
def test_a_faction_a_gang_or_a_theory_is_no_programme(text: str) -> None:
    assert names(text, others=((text,),)) == []


def test_a_report_s_own_place_named_as_a_model_is_a_claim() -> None:
    """“<place>模式/品牌/样本/经验/方案” is no scheme when the report keeps naming the place."""
    own_place = ["江城新区建设提速。", "江城产业集聚。", "江城交通改善。", "江城教育提质。", "江城医疗扩容。"]
    assert names(*own_place, "打造智慧评审“江城模式”。") == []
    assert names(*own_place, "推广“枫桥经验”。") == ["枫桥经验"]  # a place named only there
    assert names(*own_place, "总结“江城模式”试点改革成效。") == ["江城模式"]  # a pilot, by its context
    assert names("打造智慧评审“江城模式”。") == ["江城模式"]  # a place the report does not keep naming


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("建设企业“出海”一站式服务平台。", []),  # the platform is the manner's; the quote is whom it serves
        ("打造“小微”一站式财会服务平台。", []),
        ("建设企业“出海”服务平台。", ["出海"]),  # without the manner, the platform is named
        ("推广“数字账本”治理模式。", ["数字账本"]),  # 模式 is a noun, not a manner
    ],
)
def test_a_manner_after_the_quote_takes_the_programme_noun(text: str, kept: list[str]) -> None:
    assert names(text) == kept


def test_an_aim_quoted_in_two_editions_is_no_programme() -> None:
    """着眼 introduces what a policy aims at; being quoted in another edition too is no evidence."""
    assert names("着眼“放水养鱼”、增强后劲。", others=(("着眼“放水养鱼”，减税降费。",),)) == []


def test_a_set_counted_with_da_is_no_driver_metaphor() -> None:
    """“三大新引擎” lists three named zones; “双引擎” is a figure for two drivers."""
    assert names("聚焦“三大新引擎”。") == ["三大新引擎"]
    assert names("形成“双引擎”。") == []


def test_a_quantity_before_the_quote_does_not_mark_a_named_reform() -> None:
    """更多 is an adverb when a programme noun follows the quote."""
    assert names("让群众更多感受到“简政改”改革成效。") == ["简政改"]


def test_unwavering_is_no_belief_verb() -> None:
    """坚定不移贯彻“…” carries out a policy; 坚定“…” (坚定“四个自信”) holds a belief."""
    assert names("坚定不移贯彻“一岛两策”。") == ["一岛两策"]


def test_a_composition_joining_a_quoted_brand_is_that_brand_s_pilot() -> None:
    """“云+制造” counts where “云+” is quoted too, on either side of the +."""
    assert names("制定“云+”行动计划。", "深入推进“制造+云”。") == ["云+", "制造+云"]
    assert names("深入推进“制造+云”。") == []


def test_a_shape_is_outweighed_by_a_mark_in_any_edition() -> None:
    """A counted name (“三牧”) whose only evidence is its shape is dropped when a mention, here or in
    another edition, marks it as something else; a context that names a programme still wins."""
    assert names("抓好“三牧”工作。") == ["三牧"]
    assert names("抓好“三牧”工作。", others=(("支持小微企业、“三牧”等发展。",),)) == []
    assert names("抓好“三牧”工作。", "防止政策执行“三牧”。") == []
    assert names("实施“三牧”工程。", "防止政策执行“三牧”。") == ["三牧"]


def test_two_part_programmes_named_without_ge_are_still_programmes() -> None:
    assert names("扎实推进“两新”工作，落实“双减”政策。") == ["两新", "双减"]


def test_a_programme_among_places_is_still_a_programme() -> None:
    """Only a list or an example of a category marks a quote: a programme whose partners are
    countries and regions keeps its name."""
    assert names("推进“一带一路”沿线国家和地区合作。") == ["一带一路"]


def test_an_honour_verb_does_not_exclude_a_programme_the_honour_is_about() -> None:
    # the honour is the ranking of the programme's annual review, not the programme
    assert names("荣获省“百城行动”年度考评第一名。") == ["百城行动"]


def test_a_programme_noun_closing_the_compound_wins_over_a_category_noun() -> None:
    assert names("构建“四位一体”企业服务体系。") == ["四位一体"]


def test_a_comma_list_is_named_whole() -> None:
    text = "按照“一个国家，两种制度”的原则。"
    match = next(_QUOTED_RE.finditer(text))
    assert _programme_name(text, match) == "一个国家，两种制度"


def test_a_formula_is_named_with_its_noun() -> None:
    text = "打造“1+5”商圈体系。"
    match = next(_QUOTED_RE.finditer(text))
    assert _programme_name(text, match) == "1+5商圈"


# --- editions -------------------------------------------------------------------------------


def test_a_name_quoted_in_two_editions_is_a_programme() -> None:
    old, new = ["坚持“清风行”。"], ["深化“清风行”，推进“晨曦”。"]
    assert names(*new) == []  # one edition alone gives no evidence
    result = compare_programmes(old, new)
    assert result.recurring == ("清风行",)
    assert result.new == () and result.dropped == ()


def test_a_name_shown_to_be_a_programme_in_one_edition_counts_in_the_other() -> None:
    old, new = ["开展“暖心行”系列活动。"], ["深化“暖心行”、拓展服务。"]
    assert names(*new) == []
    assert names(*new, others=(tuple(old),)) == ["暖心行"]
    # a list needs evidence: a second quote is not enough, evidence in the other edition is
    old, new = ["推动“智感、智联、智治”三智融合。"], ["深化“智感、智联、智治”融合。"]
    assert names(*new, others=(("深化“智感、智联、智治”融合。",),)) == []
    assert names(*new, others=(tuple(old),)) == ["智感、智联、智治"]


def test_a_name_quoted_in_two_editions_but_marked_elsewhere_is_not() -> None:
    old, new = ["围绕“花园城区”愿景。"], ["建成“花园城区”。"]
    assert compare_programmes(old, new).recurring == ()
    # lists and compositions need more than a second quote
    assert compare_programmes(["坚持“甲乙、丙丁”。"], ["坚持“甲乙、丙丁”。"]).recurring == ()


def test_new_and_dropped_programmes() -> None:
    result = compare_programmes(["实施“春苗计划”和“凤巢计划”。"], ["实施“凤巢计划”，启动“青苗工程”。"])
    assert result.recurring == ("凤巢计划",)
    assert result.new == ("青苗工程",) and result.dropped == ("春苗计划",)


def test_first_context_is_the_first_mention() -> None:
    programmes = extract_programmes(["坚持“甲乙”。", "推出“甲乙”品牌。"])
    assert [(p.name, p.first_context) for p in programmes] == [("甲乙", "坚持“甲乙”。")]


# --- the labels -----------------------------------------------------------------------------


@cache
def labels() -> dict[str, dict]:
    assert LABELS.is_file(), f"{LABELS} is missing: the hand labels are part of the test suite"
    documents = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["documents"]
    assert documents, f"{LABELS} holds no labels"
    return documents


def label_path(name: str) -> Path:
    return (SHARED if name.startswith("corpora/") else ROOT) / name


def document_text(doc: str) -> str:
    path = label_path(labels()[doc]["path"])
    assert path.is_file(), f"{path} is missing: the held-out labels need the shared corpora beside the repo"
    return path.read_text(encoding="utf-8")


def documents_of(label_set: str) -> list[str]:
    return [doc for doc, spec in labels().items() if spec["set"] == label_set]


def yes_no(doc: str) -> tuple[set[str], set[str]]:
    """Labels as the text prints them, width-folded as names are (互联网＋ is 互联网+)."""
    spec = labels()[doc]
    return (
        {str(n).translate(_HALF_WIDTH) for n in spec["yes"]},
        {str(n).translate(_HALF_WIDTH) for n in spec["no"]},
    )


@pytest.mark.parametrize("doc", list(labels()))
def test_every_quoted_span_is_labelled_once(doc: str) -> None:
    text = document_text(doc)
    spans = set()
    for match in _QUOTED_RE.finditer(text):
        span = match.group(1).strip()
        if 2 <= len(span) <= 16:
            spans.add(_programme_name(text, match) or span)
    yes, no = yes_no(doc)
    assert not yes & no
    assert spans - yes - no == set(), "unlabelled quotes"
    assert (yes | no) - spans == set(), "labels for quotes that are not in the text"


@pytest.mark.parametrize("label_set", list(FLOORS))
def test_precision_and_recall_on_the_labels(label_set: str) -> None:
    docs = documents_of(label_set)
    texts = {doc: document_text(doc) for doc in docs}
    kept_total = right = yes_total = 0
    report = []
    for doc in docs:
        yes, no = yes_no(doc)
        others = tuple((texts[other],) for other in docs if other != doc)
        kept = set(names(texts[doc], others=others))
        assert kept <= yes | no, f"{doc}: kept names without a label: {kept - yes - no}"
        kept_total, right, yes_total = kept_total + len(kept), right + len(kept & yes), yes_total + len(yes)
        report.append(f"{doc}: wrong {sorted(kept & no)}, missed {sorted(yes - kept)}")
    precision, recall = right / kept_total, right / yes_total
    min_precision, min_recall = FLOORS[label_set]
    assert precision >= min_precision and recall >= min_recall, (
        f"{label_set}: precision {precision:.3f}, recall {recall:.3f}\n" + "\n".join(report)
    )


def test_the_label_sets_are_all_there() -> None:
    assert all(documents_of(label_set) for label_set in FLOORS)
    assert {spec["set"] for spec in labels().values()} == set(FLOORS) | UNSCORED


def _plan(date: str, body: str, doc_id: str = "") -> DocTree:
    front = f"id: {doc_id}\n" if doc_id else ""
    return tree_from_markdown(
        f"---\n{front}title: 计划{date}\nregion: 福田区\ngenre: annual-plan\ndate: '{date}'\ndialect: '1'\n---\n\n"
        f"# 计划{date}\n\n## 一、主要任务\n\n{body}\n"
    )


def test_a_document_compared_with_its_revision_is_no_evidence_for_its_own_quotes() -> None:
    """The git diff driver and review compare a document with its own revision: a quote the
    text holds once is then in "both editions" although one edition quotes it."""
    body = "坚持“清风行”，推进“晨曦”。"
    revised = "坚持“清风行”，推进“晨曦”，办好民生实事。"
    one = compare(
        _plan("2022", body, "futian/annual-plan/2022"), _plan("2022", revised, "futian/annual-plan/2022")
    )
    assert one.programmes.recurring == one.programmes.new == one.programmes.dropped == ()
    two = compare(_plan("2022", body), _plan("2023", revised))
    assert set(two.programmes.recurring) == {"清风行", "晨曦"}
