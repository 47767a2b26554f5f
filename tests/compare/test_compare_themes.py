"""Theme units — （一） group headings and `一是…` review items — continue where their content went
(issue 14): a one-year review lists its achievements as `一是…` items, a five-year review as
（一） groups; when the item's account continues in a paragraph under a group, the group is the
item's successor though heading and item line share few words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from corpusdiff.compare.features import Features, Match, probability
from corpusdiff.compare.groups import themes_of
from corpusdiff.compare.matching import pairs_by_structure
from corpusdiff.compare.params import MERGE_PROBABILITY, PAIR_PROBABILITY
from corpusdiff.compare.units import GROUP, initiative_units
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.tree import Unit

HEAD = """---
dialect: corpusdiff/1
title: 政府工作报告
---

"""
TAIL = """
## 二、今年工作总体部署

今年经济社会发展的主要预期目标是：国内生产总值增长6.5%左右。
"""


def _review(heading: str, *blocks: str) -> str:
    """A report whose review part `heading` holds `blocks` (paragraphs, or `### ` groups)."""
    return f"{HEAD}## {heading}\n\n" + "\n\n".join(blocks) + "\n" + TAIL


MACRO_ITEM = "一是继续创新和加强宏观调控，经济运行保持在合理区间。"
MACRO_BODY = "坚持实施积极的财政政策和稳健的货币政策，全年减税降费超过5700亿元，广义货币增长11.3%。"
SUPPLY_ITEM = "二是着力抓好“三去一降一补”，供给结构有所改善。"
SUPPLY_BODY = "以钢铁、煤炭行业为重点去产能，全年退出钢铁产能超过6500万吨、煤炭产能超过2.9亿吨。"
#: A one-year review: each item a line of its own, its account in the paragraph below.
ONE_YEAR = _review("一、2016年工作回顾", MACRO_ITEM, MACRO_BODY, SUPPLY_ITEM, SUPPLY_BODY)

MACRO_GROUP = "（一）坚持稳中求进工作总基调，着力创新和完善宏观调控，经济运行保持在合理区间。"
MACRO_LATER = "坚持实施积极的财政政策和稳健的货币政策，五年累计减税降费超过3万亿元，广义货币年均增长12%。"
SUPPLY_GROUP = "（二）坚持以供给侧结构性改革为主线，着力培育壮大新动能，经济结构加快优化升级。"
SUPPLY_LATER = "扎实推进“三去一降一补”。以钢铁、煤炭行业为重点去产能，五年退出钢铁产能1.7亿吨以上、煤炭产能8亿吨。"
NEW_ENGINES = "加快新旧发展动能接续转换。深入开展“互联网+”行动，实行包容审慎监管，推动大数据、云计算广泛应用。"
#: A five-year review: the same achievements as （一） groups.
FIVE_YEARS = _review(
    "一、过去五年工作回顾", f"### {MACRO_GROUP}", MACRO_LATER, f"### {SUPPLY_GROUP}", SUPPLY_LATER, NEW_ENGINES
)

OPENING_GROUP = "（五）坚持对外开放的基本国策，着力实现合作共赢，开放型经济水平显著提升。"
OPENING = "倡导和推动共建“一带一路”，发起创办亚投行，设立丝路基金，一批重大互联互通项目成功实施。"
REFORM_GROUP = "（四）坚持全面深化改革，着力破除体制机制弊端，发展动力不断增强。"
REFORM = "国资国企改革扎实推进，公司制改革基本完成，兼并重组、压减层级、提质增效取得积极进展。"
FIVE_YEARS_OPENING = _review("一、过去五年工作回顾", f"### {REFORM_GROUP}", REFORM, f"### {OPENING_GROUP}", OPENING)
#: 2019's items run their account on in one paragraph: reform and opening-up in one.
RUN_ON = (
    "五是加大改革开放力度，发展动力继续增强。深化国资国企改革，国有企业优化重组、提质增效。"
    "推动共建“一带一路”，举办首届中国国际进口博览会，新设一批自由贸易试验区。"
)
ONE_YEAR_RUN_ON = _review("一、2018年工作回顾", RUN_ON)


def _name(unit: Unit) -> str:
    return unit.heading if unit.kind == GROUP else unit.text


def _structure(
    old: str,
    new: str,
    model: list[tuple[str, str, str]],
    weak: Sequence[tuple[str, str, Features]] = (),
) -> list[tuple[str, str, str, float]]:
    """What `pairs_by_structure` adds to the model's pairs `model` ((old, new, relation), units
    named by heading or text), given the model's `weak` candidates below the threshold:
    (old name, new name, relation, probability) of each step."""
    old_tree, new_tree = tree_from_markdown(old), tree_from_markdown(new)
    old_units, new_units = initiative_units(old_tree), initiative_units(new_tree)
    olds = {_name(u): k for k, u in enumerate(old_units)}
    news = {_name(u): k for k, u in enumerate(new_units)}
    matches = [Match(olds[a], news[b], 0.9, relation) for a, b, relation in model]
    features = {(olds[a], news[b]): f for a, b, f in weak}
    found = pairs_by_structure(old_tree, new_tree, old_units, new_units, matches, features)
    return [(_name(old_units[m.old]), _name(new_units[m.new]), m.relation, m.probability) for m in found]


def _steps(old: str, new: str, model: list[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """(old name, new name, relation) of each step `pairs_by_structure` adds to `model`."""
    return {(a, b, relation) for a, b, relation, _ in _structure(old, new, model)}


def _mirror(model: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    flip = {"merge": "split", "split": "merge", "": ""}
    return [(b, a, flip[relation]) for a, b, relation in model]


#: What the model finds between the one-year and the five-year review (as on the 2017 and 2018
#: national reports): the macro item is the macro group; the supply-side item line and its
#: account both continue as the group's 三去一降一补 paragraph, the item one to one.
SUPPLY_MODEL = [
    (MACRO_ITEM, MACRO_GROUP[3:], ""),
    (MACRO_BODY, MACRO_LATER, ""),
    (SUPPLY_ITEM, SUPPLY_LATER, ""),
    (SUPPLY_BODY, SUPPLY_LATER, "merge"),
]


def test_an_item_line_and_its_account_belong_to_one_theme() -> None:
    tree = tree_from_markdown(ONE_YEAR)
    units = initiative_units(tree)
    themes = {_name(units[k]): _name(units[theme]) for k, theme in themes_of(tree, units).items()}
    assert themes[SUPPLY_BODY] == themes[SUPPLY_ITEM] == SUPPLY_ITEM


def test_a_group_continues_the_item_whose_account_its_paragraph_continues() -> None:
    """2018's `（二）坚持以供给侧结构性改革为主线…` was called new, its paragraph paired with
    2017's `二是着力抓好“三去一降一补”…`: the group continues that item (split from it, the item
    being paired with the paragraph), and the group's other paragraph, new, does not stop it."""
    steps = _steps(ONE_YEAR, FIVE_YEARS, SUPPLY_MODEL)
    assert (SUPPLY_ITEM, SUPPLY_GROUP[3:], "split") in steps


def test_an_item_continues_the_group_whose_paragraph_continues_its_account() -> None:
    """The mirror: diff(B, A) merges the group into the item that diff(A, B) splits it from."""
    steps = _steps(FIVE_YEARS, ONE_YEAR, _mirror(SUPPLY_MODEL))
    assert (SUPPLY_GROUP[3:], SUPPLY_ITEM, "merge") in steps


def test_a_group_continues_the_run_on_item_its_paragraph_went_into() -> None:
    """2018's `（五）坚持对外开放的基本国策…` was called dropped, its one paragraph merged into
    2019's `五是加大改革开放力度…`, a run-on item that is a theme of its own: the group continues
    that item too, merged into it (the item continues the reform group one to one)."""
    model = [(REFORM_GROUP[3:], RUN_ON, ""), (REFORM, RUN_ON, "merge"), (OPENING, RUN_ON, "merge")]
    steps = _steps(FIVE_YEARS_OPENING, ONE_YEAR_RUN_ON, model)
    assert (OPENING_GROUP[3:], RUN_ON, "merge") in steps
    mirrored = _steps(ONE_YEAR_RUN_ON, FIVE_YEARS_OPENING, _mirror(model))
    assert (RUN_ON, OPENING_GROUP[3:], "split") in mirrored


def test_a_theme_of_which_little_continues_there_stays_unpaired() -> None:
    """A group of three paragraphs of which one continues one of an item's two units shares
    a third of its content with the item: no evidence that it is the item's successor."""
    extra = "促进新兴产业加快发展。深化大数据、人工智能等研发应用，培育新一代信息技术、高端装备。"
    five_years = FIVE_YEARS.replace(f"{NEW_ENGINES}\n", f"{NEW_ENGINES}\n\n{extra}\n")
    model = [*SUPPLY_MODEL[:2], (SUPPLY_BODY, SUPPLY_LATER, "")]
    steps = _steps(ONE_YEAR, five_years, model)
    assert not [step for step in steps if SUPPLY_GROUP[3:] in step]


def test_a_group_pair_through_themes_is_as_sure_as_the_share_that_continues() -> None:
    """The pair's probability is the share of both themes' units that continue in the other:
    the item and its account (2 of 2) and one of the group's two paragraphs, 3 of 4."""
    [sureness] = [p for _, b, _, p in _structure(ONE_YEAR, FIVE_YEARS, SUPPLY_MODEL) if b == SUPPLY_GROUP[3:]]
    assert sureness == 0.75


BATTLES_ITEM = "三是坚决打好三大攻坚战，主要目标任务如期完成。"
BATTLES_BODY = "较大幅度增加财政扶贫资金投入。深入实施重要生态系统保护和修复重大工程，蓝天、碧水、净土保卫战成效明显。"
ECOLOGY_ITEM = "六是加强生态环境保护，促进可持续发展。"
ECOLOGY_BODY = "巩固蓝天、碧水、净土保卫战成果。推动化肥农药减量增效，实施生态保护修复重大工程。"
LIVING_ITEM = "七是着力保障和改善民生，加快发展社会事业。"
LIVING_BODY = "加大农村义务教育薄弱环节建设力度，提高学生营养改善计划补助标准。"
BATTLES = _review("一、2020年工作回顾", BATTLES_ITEM, BATTLES_BODY)
ECOLOGY_AND_LIVING = _review("一、2021年工作回顾", ECOLOGY_ITEM, ECOLOGY_BODY, LIVING_ITEM, LIVING_BODY)
#: What the model saw between 2021's 三是 and 2022's 六是 item (their accounts share the pollution
#: battle in a few words): a weak pair, below the assignment's threshold.
WEAK = Features(lead=0.0, body=0.1, chars=0.08, anchors=0.0, position=0.66, same_kind=1.0, relative=0.94, backed=0.22)
WEAKER = replace(WEAK, relative=0.8)


def _left_alone(old: str, new: str, weak: list[tuple[str, str, Features]]) -> set[tuple[str, str]]:
    """The pairs `pairs_by_structure` finds when the model pairs nothing and scores `weak`."""
    return {(a, b) for a, b, relation, _ in _structure(old, new, [], weak) if not relation}


def test_two_items_left_alone_continue_each_other_when_likeliest() -> None:
    """2021's `三是坚决打好三大攻坚战…` and 2022's `六是加强生态环境保护…` were called dropped and
    new: nothing of either continues anywhere, and each is the other's likeliest partner
    (weakly, below the assignment's threshold). They continue each other, and so do their
    accounts; the 民生 item, less alike, stays new."""
    assert MERGE_PROBABILITY <= probability(WEAKER) < probability(WEAK) < PAIR_PROBABILITY
    weak = [(BATTLES_BODY, ECOLOGY_BODY, WEAK), (BATTLES_ITEM, LIVING_ITEM, WEAKER)]
    assert _left_alone(BATTLES, ECOLOGY_AND_LIVING, weak) == {
        (BATTLES_ITEM, ECOLOGY_ITEM),
        (BATTLES_BODY, ECOLOGY_BODY),
    }
    mirrored = [(b, a, f) for a, b, f in weak]
    assert _left_alone(ECOLOGY_AND_LIVING, BATTLES, mirrored) == {
        (ECOLOGY_ITEM, BATTLES_ITEM),
        (ECOLOGY_BODY, BATTLES_BODY),
    }


def test_an_item_part_of_which_continues_is_not_left_alone() -> None:
    """An item whose account continues elsewhere has a successor already: its weak likeness
    to a left-over item is no second one."""
    model = [(BATTLES_BODY, LIVING_BODY, "")]
    found = _structure(BATTLES, ECOLOGY_AND_LIVING, model, [(BATTLES_ITEM, ECOLOGY_ITEM, WEAK)])
    assert (BATTLES_ITEM, ECOLOGY_ITEM) not in {(a, b) for a, b, _, _ in found}
