"""The initiative scorer (tests/eval_initiatives.py): its locator and measures on hand-made labels and
views, then floors on every labelled pair of tests/data/labels/initiatives/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval_initiatives import (
    DOCS_BEGIN,
    DOCS_END,
    DOCS_PAGE,
    DROPPED,
    NEW,
    PAIRED,
    RECENT_FROM,
    UNCALLED,
    UNLOCATED,
    DifferView,
    _first_year,
    evaluate,
    key,
    label_files,
    locate,
    main,
    markdown_table,
    pooled,
    pooled_rows,
    run_differ,
    score,
    table,
    with_docs_table,
)

# Floors per labelled pair, set just below the values the one matching model (compare/features.py,
# compare/matching.py) reaches (session 4; the chain-of-passes differ before it found about half the
# pairs). Raise them as the differ improves; the target is >= 0.95 pairs found and pair precision,
# >= 0.90 called dropped right and called new right. national-2016__national-2017 and
# national-2014__national-2015 are held out: never tune the differ on them, but they keep their floors so
# that a regression there is seen. 2014 -> 2015 renumbers the tasks (（一）…（九） groups of one section
# become top-level sections 三…六, task areas that `compare.units.part_roles` gives the tasks role;
# before that, 0.39 pairs found and 2/67 called dropped right).
# national-1987__national-1988 (held out) pairs older reports laid out by topic; its numbered topic
# parts are group units (compare.units.task_areas).
# national-1983__national-1984 (held out) is the fresh older-era pair, for checking a change made on
# national-1985__national-1986 against a pair nobody has tuned on.
FLOORS: dict[str, dict[str, float]] = {
    # two indicator lines whose names share nothing are two indicators (revenue is not water); with
    # that candidate gone, 2022's ——进出口总额 line merges into 2023's 外资外贸 paragraph, which
    # prints the 进出口总额 figure and the labels call dropped: precision 0.92 -> 0.90, 0.84 -> 0.83
    "futian-2022-01__futian-2023-10": {
        "located": 0.99,
        "pairs_found": 0.96,
        "pair_precision": 0.90,
        "called_dropped_right": 0.83,
        "called_new_right": 0.55,
    },
    "futian-2023-10__futian-2025-01": {
        "located": 0.99,
        "pairs_found": 0.98,
        "pair_precision": 0.93,
        "called_dropped_right": 0.75,
        "called_new_right": 0.88,
    },
    # the older-era pair to tune on (not held out); measured once when its labels were committed:
    # 16/26 pairs found, 30/78 precise, 3/6 dropped right, 22/31 new right, every unit located;
    # T2's group splits across several groups (session 7) add two pairs the labels do not: 30/80;
    # 1986's section 四、 no longer glued into the paragraph before it (normalize, session 7): fewer
    # labelled units share a differ unit (12 -> 9 new), 15/26 found, 30/77, 3/7 dropped, 23/35 new;
    # 1986's "七五" target paragraph cut into its figure clauses as the labels cut it (U10): 9 -> 4
    # shared, 3/6 dropped, 27/37 new right, but the scoring splits two review paragraphs of 1985 onto
    # the clauses they share figures with (投资, 进出口) and reshuffles a few weak pairs: 30/83 precise;
    # clause links (U12, issue 14): 16/26 found, 31/84 precise, 27/36 new right; sure split and merge
    # pieces among paired units (U23, issue 14) add 1985's agriculture-first paragraph -> 1986's
    # five-year output growth (labelled related): 32/85 precise
    # session 14, Wikisource's in-paragraph breaks read as the portal prints them
    # (normalize.core.soft_break_lines): 1986's paragraphs joined, new right 27/36 -> 27/37
    "national-1985__national-1986": {
        "located": 0.99,
        "pairs_found": 0.61,
        "pair_precision": 0.37,
        "called_dropped_right": 0.49,
        "called_new_right": 0.72,
    },
    # a second older-era pair to tune on (1980: report on the 1980/1981 plans -> 1981: situation, ten
    # guidelines, prospects); measured once when its labels were committed: 204/214 located (the ten
    # 1981 guideline headings 一、…十、 are not units), 18/29 pairs found, 30/68 precise, 6/25 dropped
    # right, 43/60 new right; the ten guidelines made group units and the 1982 target paragraph cut
    # into its clauses (U10): every unit located, 22/29 found, 36/75 precise; one labelled-paired unit
    # (O3-37, merged wrongly before) now left dropped and two more weak split pairs: 5/24 dropped right,
    # 46/65 new right; clause links (U12, issue 14) pair 1980's task opening with 1982's: 23/29 found
    "national-1980__national-1981": {
        "located": 0.99,
        "pairs_found": 0.79,
        "pair_precision": 0.47,
        "called_dropped_right": 0.20,
        "called_new_right": 0.70,
    },
    # parts named by topic became group units after this pair was labelled (located 0.93 -> 1.00,
    # pairs found 0.63 -> 0.67, dropped right 0.42 -> 0.56, precision 0.53 -> 0.50); numbered list
    # runs kept whole (1988's 五、 price measure is no longer a section) cost one pair: 0.65, 5/10
    # session 14, Wikisource's in-paragraph breaks read as the portal prints them
    # (normalize.core.soft_break_lines): 1988's joined, found 36 -> 40/54, precision 51/92 -> 56/97,
    # dropped right 5/10 -> 5/15, new right 45/67 -> 44/60
    "national-1987__national-1988": {
        "located": 0.99,
        "pairs_found": 0.72,
        "pair_precision": 0.56,
        "called_dropped_right": 0.33,
        "called_new_right": 0.71,
    },
    # a second older-era pair to tune on (1956 is the budget report, not a work report: few units carry
    # on); measured once when its labels were committed: 3/12 pairs found, 18/63 precise, 29/52 dropped
    # right, 32/36 new right, 179/185 units located (the six 1957 subheads 关于… become headings);
    # subheads made group units and the 1957 target paragraph cut into its four clauses (U10): every
    # unit located, 4/12 found, 20/65 precise, 40/45 new right; O1-27 (merged wrongly before) is now
    # left dropped: 29/53 dropped right. Lowered in session 10: the 1957 opening, printed
    # occasion / 周恩来 / 各位代表： on three lines, is three paragraphs now (W6), which moves the position
    # features of the older era's weak pairs: precision 20/66 -> 19/66, dropped right 29/53 -> 28/53,
    # new right 40/45 -> 40/46 (two wrong links gained, one lost; no labelled pair found changed)
    # Lowered in session 17: an indented paragraph after a blank line is a paragraph of its own in a
    # text file (normalize, helper E2: 1956 printed points that ran into the paragraphs under them),
    # so two shared units part: precision 20/64 -> 20/67, dropped right 28/53 -> 27/52, new right
    # 40/46 -> 37/42 (no labelled pair found changed)
    "national-1956__national-1957": {
        "located": 0.99,
        "pairs_found": 0.33,
        "pair_precision": 0.28,
        "called_dropped_right": 0.51,
        "called_new_right": 0.86,
    },
    # held out, labelled by reading as the fresh pair of the older era (1983: five-year review and tasks ->
    # 1984: one-year report); measured once when its labels were committed: 31/45 pairs found,
    # 46/88 precise, 3/16 dropped right, 19/28 new right, every unit located
    # session 14, Wikisource's in-paragraph breaks read as the portal prints them
    # (normalize.core.soft_break_lines): 1983's joined, found 31 -> 33/45, new right 19/28 -> 18/28
    # session 14, a report's names for its own region one referent in leads (compare.units.self_names):
    # found 33 -> 32/45, precision 49/94 -> 48/94
    # held out, labelled blind in session 14 (helper L1, no differ output) and measured once when its
    # labels were committed: 225/226 units located (1982's 最后，着重讲一讲农业和农村工作问题 is no
    # unit of the differ's), 24/51 found, 49/120 precise, 3/33 dropped right, 4/19 new right
    "national-1981__national-1982": {
        "located": 0.98,
        "pairs_found": 0.45,
        "pair_precision": 0.39,
        "called_dropped_right": 0.07,
        "called_new_right": 0.19,
    },
    # held out, labelled blind in session 15 (helper L2, no differ output) and measured once when its
    # labels were first read, and again unchanged when committed: every unit located, 8/10 found,
    # 23/65 precise, 38/46 dropped right, 10/12 new right
    "national-1984__national-1985": {
        "located": 1.0,
        "pairs_found": 0.8,
        "pair_precision": 0.35,
        "called_dropped_right": 0.82,
        "called_new_right": 0.83,
    },
    # session 17, an indented paragraph after a blank line a paragraph of its own (helper E2; 1983's
    # six shared units part): found 32 -> 31/45, precision 48/94 -> 49/96, new right 18/28 -> 18/29
    "national-1983__national-1984": {
        "located": 0.99,
        "pairs_found": 0.68,
        "pair_precision": 0.51,
        "called_dropped_right": 0.18,
        "called_new_right": 0.62,
    },
    # held out; labelled by reading (2013: the outgoing government's five-year report) before any differ run;
    # measured once when its labels were committed: every unit located (2 new ones shared), 65/73
    # pairs found, 85/92 precise, 6/16 dropped right, 2/23 new right
    # session 14, Wikisource's in-paragraph breaks read as the portal prints them
    # (normalize.core.soft_break_lines): 2013's one break joined, precision 85/92 -> 87/95
    "national-2013__national-2014": {
        "located": 0.99,
        "pairs_found": 0.89,
        "pair_precision": 0.91,
        "called_dropped_right": 0.37,
        "called_new_right": 0.08,
    },
    "national-2014__national-2015": {
        "located": 0.99,
        "pairs_found": 0.94,
        "pair_precision": 0.93,
        "called_dropped_right": 0.14,
        "called_new_right": 0.44,
    },
    # labelled by reading after the 2014 -> 2015 and 2016 -> 2017 pairs; measured once when its labels were
    # committed: 81/89 pairs found, 87/97 precise, 4/22 dropped right, 13/23 new right
    "national-2015__national-2016": {
        "located": 0.99,
        "pairs_found": 0.91,
        "pair_precision": 0.89,
        "called_dropped_right": 0.18,
        "called_new_right": 0.56,
    },
    # 2017 prints its review items as lines of their own (四是…。): scored on the account below them
    # (compare.units._item_bodies), 71/79 -> 73/79 pairs found, 84/91 -> 87/93 precise, 5/13 -> 5/11 new right
    "national-2016__national-2017": {
        "located": 0.99,
        "pairs_found": 0.95,
        "pair_precision": 0.94,
        "called_dropped_right": 0.76,
        "called_new_right": 0.44,
    },
    # theme units (U16, issue 14): 2018's review groups （五） opening-up and （八） ecology continue
    # as the 2019 items 五是/二是 their paragraphs went into, task group （一） as （二）: 86/88 -> 87/88
    # pairs found, 99/105 -> 102/108 precise, 5/11 -> 5/8 dropped right
    "national-2018__national-2019": {
        "located": 0.99,
        "pairs_found": 0.98,
        "pair_precision": 0.94,  # clause links (U12): 99/105
        "called_dropped_right": 0.61,
        "called_new_right": 0.45,
    },
    # both editions print their review items as lines of their own (四是…。), scored on the account below
    # them: 67/69 -> 68/69 pairs found, 81/88 -> 82/85 precise; two of the wrong pairs it undoes were
    # 2022's 六是生态环境保护 and 七是民生 lines, whose labelled partners (`related`: 三是三大攻坚战,
    # 二是稳就业保民生) are no surer now, so they are called new: 4/8 -> 4/10 new right (floor 0.44 -> 0.40)
    # theme units (U16): 三是三大攻坚战 and 2022's 六是生态环境保护, both items left over with their
    # accounts, each the other's likeliest, continue each other: 82/85 -> 83/86 precise, 7/11 -> 7/10
    # dropped right, 4/10 -> 4/9 new right
    # indicator names that differ where they name the quantity are two indicators (session 9): the
    # wrong merge of 单位国内生产总值能耗降低3%左右 into 国内生产总值增长5.5%左右 is gone (83/86 -> 83/85
    # precise), and the energy line, labelled with 2022's note that energy intensity is assessed over
    # the plan period, shares too little with it: called dropped, 7/10 -> 7/11 (floor 0.69 -> 0.63)
    # session 14, Wikisource's in-paragraph breaks read as the portal prints them
    # (normalize.core.soft_break_lines): 2021's and 2022's joined, found 68 -> 69/69, precision 83/85
    # -> 86/88, dropped right 7/11 -> 7/12
    "national-2021__national-2022": {
        "located": 0.99,
        "pairs_found": 0.99,
        "pair_precision": 0.97,
        "called_dropped_right": 0.58,
        "called_new_right": 0.44,
    },
    # a third recent pair to tune on (U14, issue 14: one-year review -> the outgoing government's
    # five-year review); measured once when its labels were committed: every unit located, 87/93 pairs
    # found, 102/104 precise, 1/4 dropped right, 7/13 new right
    # theme units (U16): the 2018 groups （二）（三）（四）（五）（八） continue the 2017 items (or the
    # 积极扩大对外开放 paragraph) their paragraphs continue: 92/93 pairs found, 107/109 precise, 7/8 new right
    # session 14, Wikisource's in-paragraph breaks read as the portal prints them
    # (normalize.core.soft_break_lines): 2017's eight review items and one indicator paragraph joined,
    # found 92 -> 91/93, new right 8/9 -> 8/10
    "national-2017__national-2018": {
        "located": 0.99,
        "pairs_found": 0.97,
        "pair_precision": 0.98,
        "called_dropped_right": 0.25,
        "called_new_right": 0.8,
    },
    # held out (issue 14): the fresh recent pair, 2019 -> 2021 (no 2020 report; 2021 reviews one year and
    # the 13th five-year plan and states the 14th plan's goals), labelled by reading before any differ run;
    # measured once when its labels were committed: every unit located, 72/72 pairs found (a floor of
    # 0.99 already fails on one lost pair), 83/90 precise, 7/19 dropped right, 7/17 new right
    # session 14, Wikisource's in-paragraph breaks read as the portal prints them
    # (normalize.core.soft_break_lines): 2021's joined, precision 84/91 -> 85/92, dropped right 7/19 ->
    # 7/20
    "national-2019__national-2021": {
        "located": 0.99,
        "pairs_found": 0.99,
        "pair_precision": 0.92,
        "called_dropped_right": 0.35,
        "called_new_right": 0.41,
    },
    # held out (issue 14): the pair the issue was found on, Futian plan 2022-01 -> plan 2025-01, labelled
    # unit by unit by reading before any differ run; measured once when its labels were committed: every
    # unit located, 68/75 pairs found, 70/84 precise, 9/20 dropped right, 7/15 new right; sure split and
    # merge pieces among paired units (U23) add one link the labels do not make: 70/85 precise
    "futian-2022-01__futian-2025-01": {
        "located": 0.99,
        "pairs_found": 0.90,
        "pair_precision": 0.82,
        "called_dropped_right": 0.45,
        "called_new_right": 0.46,
    },
    # held out (issue 14, session 24): national 2017 -> 2019, two years apart (2018, the outgoing
    # government's five-year review, skipped), labelled blind by a helper by reading (no differ run,
    # no other label file's pairs composed); measured once when its labels were committed: every
    # unit located, 86/88 pairs found, 99/106 precise, 2/5 dropped right, 9/19 new right
    "national-2017__national-2019": {
        "located": 0.99,
        "pairs_found": 0.96,
        "pair_precision": 0.92,
        "called_dropped_right": 0.35,
        "called_new_right": 0.43,
    },
    # held out (issue 14, session 24): national 2015 -> 2017, two years apart (2016, the 13th plan's
    # first year, skipped; 2015's task sections 三…六 -> 2017's groups （一）…（九）), labelled blind
    # by a helper by reading; measured once when its labels were committed: every unit located, 84/88
    # pairs found, 102/111 precise, 1/12 dropped right, 2/10 new right (the labels leave 2 / 5
    # unpaired: nearly every call is a continuing unit the differ misses)
    "national-2015__national-2017": {
        "located": 0.99,
        "pairs_found": 0.93,
        "pair_precision": 0.90,
        "called_dropped_right": 0.05,
        "called_new_right": 0.15,
    },
    # held out (issue 14, session 24): national 2019 -> 2022, three years apart (no 2020 report in the
    # corpus; 2021, the 14th plan's first year, skipped), labelled blind by a helper by reading;
    # measured once when its labels were committed: every unit located, 75/80 pairs found, 92/103
    # precise, 5/12 dropped right, 4/9 new right
    "national-2019__national-2022": {
        "located": 0.99,
        "pairs_found": 0.92,
        "pair_precision": 0.87,
        "called_dropped_right": 0.35,
        "called_new_right": 0.40,
    },
    # held out (issue 14, session 24): national 1982 -> 1983, older reports laid out by topic, labelled
    # blind by a helper by reading (units of the 1981 -> 1982 and 1983 -> 1984 files reused; several
    # topics sit in another part in each report, left unpaired by the within-part rule); measured
    # once when its labels were committed: 98/99 units located, 14/42 pairs found, 28/55 precise,
    # 27/59 dropped right, 25/42 new right
    "national-1982__national-1983": {
        "located": 0.98,
        "pairs_found": 0.30,
        "pair_precision": 0.48,
        "called_dropped_right": 0.42,
        "called_new_right": 0.55,
    },
    # held out (issue 14, session 24): national 1986 -> 1987, the report on the 7th five-year plan ->
    # a one-year report, laid out by topic, labelled blind by a helper by reading (units of the
    # 1985 -> 1986 and 1987 -> 1988 files reused); measured once when its labels were committed:
    # every unit located, 16/19 pairs found, 42/100 precise, 14/24 dropped right, 9/11 new right
    "national-1986__national-1987": {
        "located": 0.99,
        "pairs_found": 0.78,
        "pair_precision": 0.40,
        "called_dropped_right": 0.53,
        "called_new_right": 0.75,
    },
    # held out (issue 14, session 25): national 2014 -> 2016, two years apart in one government term
    # (2015 skipped; 2016 adds the 13th plan's goals, which 2014 has no part of), labelled blind by a
    # helper by reading (units of the 2014 -> 2015 and 2015 -> 2016 files reused); measured once when
    # its labels were committed: every unit located, 79/90 pairs found, 89/98 precise, 1/21 dropped
    # right, 15/26 new right (the labels leave 2 / 20 unpaired); the govcn pages the same
    "national-2014__national-2016": {
        "located": 0.99,
        "pairs_found": 0.85,
        "pair_precision": 0.88,
        "called_dropped_right": 0.04,
        "called_new_right": 0.55,
    },
}
HELD_OUT = {
    "futian-2022-01__futian-2025-01",
    "national-1981__national-1982",
    "national-1982__national-1983",
    "national-1984__national-1985",
    "national-1986__national-1987",
    "national-1983__national-1984",
    "national-1987__national-1988",
    "national-2013__national-2014",
    "national-2014__national-2015",
    "national-2014__national-2016",
    "national-2015__national-2016",
    "national-2015__national-2017",
    "national-2016__national-2017",
    "national-2017__national-2019",
    "national-2019__national-2021",
    "national-2019__national-2022",
}
LABEL_DIR = Path(__file__).parent.parent / "data" / "labels" / "initiatives"


# --- the locator ---------------------------------------------------------------------------------


def test_key_keeps_han_latin_and_digits_only() -> None:
    assert key("香蜜湖新金融中心建设驶入快车道。") == "香蜜湖新金融中心建设驶入快车道"
    assert key('- **"双招双引"成果丰硕,** ') == "双招双引成果丰硕"
    assert key("万元GDP水耗下降5.7%；") == "万元GDP水耗下降57"


def test_key_reads_full_width_digits_as_the_differ_does() -> None:
    """Older reports print full-width digits (１９８７年, ７．５％); the normaliser makes them ASCII, so a
    verbatim lead must key the same as the normalised unit text."""
    assert key("在刚刚过去的１９８７年，经济继续保持良好势头。") == key(
        "在刚刚过去的1987年，经济继续保持良好势头。"
    )
    assert locate(
        ["使国民生产总值达到１５５００亿元左右"], ["到1992年，力争使国民生产总值达到15500亿元左右"]
    ) == [0]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("3.高品质建设香蜜湖新金融中心", "高品质建设香蜜湖新金融中心"),
        ("12. 加快建设枢纽城区", "加快建设枢纽城区"),
        ("（一）预期性指标", "预期性指标"),
        ("- (二)约束性指标", "约束性指标"),
        ("一、主要任务", "主要任务"),
        ("——地区生产总值增长6.0%以上；", "地区生产总值增长60以上"),
        ("一一地区生产总值增长6.0%以上；", "地区生产总值增长60以上"),
        ("- ——地区生产总值增长5.5%左右;", "地区生产总值增长55左右"),
    ],
)
def test_key_drops_a_leading_enumerator(lead: str, expected: str) -> None:
    assert key(lead) == expected


@pytest.mark.parametrize("lead", ["一是着力稳增长。", "2021年以来，面对疫情", "5.5%左右的增长", "十四五时期"])
def test_key_keeps_text_that_only_looks_like_an_enumerator(lead: str) -> None:
    assert key(lead) == "".join(ch for ch in lead if ch.isalnum())


def test_locate_prefers_a_prefix_at_or_after_the_previous_position() -> None:
    units = ["甲乙丙。正文", "丁戊。正文", "甲乙丙。又一段", "己庚。"]
    # the second 甲乙丙 lead is found after 丁戊, not back at unit 0
    assert locate(["甲乙丙", "丁戊", "甲乙丙"], units) == [0, 1, 2]


def test_locate_ignores_punctuation_and_debris() -> None:
    assert locate(["- **消费市场强势复苏.**"], ["消费市场强势复苏。全年…"]) == [0]


def test_locate_falls_back_to_containment_ahead_then_from_the_start() -> None:
    units = [
        "今年主要目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上。",
        "其他段落。",
        "居民消费价格涨幅3%左右。",
    ]
    leads = [
        "国内生产总值增长6%以上",
        "城镇新增就业1100万人以上",
        "居民消费价格涨幅3%左右",
        "城镇新增就业1100万人以上",
    ]
    # two leads land in one unit (granularity); the last is only found behind, from the start
    assert locate(leads, units) == [0, 0, 2, 0]


def test_locate_prefers_a_prefix_to_an_earlier_containment() -> None:
    assert locate(["乙段"], ["甲段提到乙段。", "乙段开头。"]) == [1]


def test_locate_reports_what_is_nowhere() -> None:
    assert locate(["（一）稳步推进三大战略平台建设", "——", "丁"], ["甲", "丁"]) == [None, None, 1]


# --- the measures on a hand-made pair ------------------------------------------------------------

LABELS = {
    "meta": {"old": "x", "new": "y"},
    "old_units": [
        {"id": "O1", "part": 1, "group": "", "lead": "甲甲。", "kind": "lead"},
        {"id": "O2", "part": 1, "group": "", "lead": "乙乙。", "kind": "lead"},
        {"id": "O3", "part": 1, "group": "", "lead": "丙丙。", "kind": "lead"},
        {"id": "O4", "part": 1, "group": "", "lead": "丁丁。", "kind": "lead"},
        {"id": "O5", "part": 3, "group": "", "lead": "（一）分组标题", "kind": "group"},
        {"id": "O6", "part": 3, "group": "", "lead": "戊戊", "kind": "target"},
        {"id": "O7", "part": 3, "group": "", "lead": "己己", "kind": "target"},
    ],
    "new_units": [
        {"id": "N1", "part": 1, "group": "", "lead": "甲甲新。", "kind": "lead"},
        {"id": "N2", "part": 1, "group": "", "lead": "乙乙新。", "kind": "lead"},
        {"id": "N3", "part": 1, "group": "", "lead": "庚庚。", "kind": "lead"},
        {"id": "N4", "part": 1, "group": "", "lead": "辛辛。", "kind": "lead"},
        {"id": "N5", "part": 3, "group": "", "lead": "戊戊", "kind": "target"},
    ],
    "pairs": [
        {"old_id": "O1", "new_id": "N1", "label": "same", "confidence": "high"},  # found
        {"old_id": "O2", "new_id": "N2", "label": "same", "confidence": "high"},  # missed: both dropped/new
        # not wanted (related), but makes a differ pair right
        {"old_id": "O3", "new_id": "N3", "label": "related", "confidence": "medium"},
        {"old_id": "O5", "new_id": "N5", "label": "same", "confidence": "high"},  # missed: O5 unlocated
        {"old_id": "O6", "new_id": "N5", "label": "same", "confidence": "medium"},
    ],
}
# the differ's units: O6 and O7 share one unit (granularity); the group heading O5 is not a unit
VIEW = DifferView(
    old_units=("甲甲。正文", "乙乙。正文", "丙丙。正文", "丁丁。正文", "目标：戊戊；己己。", "未标注。"),
    new_units=("甲甲新。正文", "乙乙新。正文", "庚庚。正文", "辛辛。正文", "戊戊。", "未标注。"),
    pairs=((0, 0, "reworded"), (2, 2, "reworded"), (3, 3, "moved"), (4, 4, "merge"), (5, 5, "recurring")),
    dropped=frozenset({1}),
    new=frozenset({1}),
)


def test_measures_of_a_hand_made_pair() -> None:
    s = score(LABELS, VIEW, "toy")
    assert (s.old_located, s.old_total, s.new_located, s.new_total) == (6, 7, 5, 5)
    assert (s.old_crowded, s.new_crowded) == (2, 0)
    # same/high: O1-N1 found; O2-N2 and O5-N5 missed
    assert (s.found, s.found_of) == (1, 3)
    # differ pairs between located units: (0,0) O1-N1 right, (2,2) O3-N3 right (related),
    # (3,3) O4-N4 wrong, (4,4) O6/O7-N5 right through O6-N5; (5,5) holds no labelled unit
    assert (s.pairs_right, s.pairs_judged) == (3, 4)
    # the differ calls O2 dropped and N2 new, both wrongly (the labels pair them)
    assert (s.dropped_right, s.dropped_called, s.new_right, s.new_called) == (0, 1, 0, 1)
    assert s.pairs_found == pytest.approx(1 / 3)
    assert s.pair_precision == pytest.approx(3 / 4)
    assert s.called_dropped_right == 0.0
    assert s.called_new_right == 0.0
    assert [m.split(" ")[0] for m in s.missed_pairs] == ["O2→N2", "O5→N5"]
    assert "O5 unlocated" in s.missed_pairs[1]
    assert "O2 dropped; N2 new" in s.missed_pairs[0]
    assert len(s.wrong_pairs) == 1 and s.wrong_pairs[0].startswith("O4→N4 (moved)")
    assert [w.split(" ")[0] for w in s.wrong_dropped] == ["O2"]
    assert [w.split(" ")[0] for w in s.wrong_new] == ["N2"]
    assert [u.split(" ")[0] for u in s.unlocated] == ["O5"]
    assert s.held_out is False


def test_confusion_between_classes() -> None:
    table_ = score(LABELS, VIEW).confusion_table()
    # label paired: O1 O2 O3 O5 O6, N1 N2 N3 N5; label dropped: O4 O7; label new: N4
    assert table_[PAIRED] == {PAIRED: 6, DROPPED: 1, NEW: 1, UNLOCATED: 1, UNCALLED: 0}
    assert table_[DROPPED] == {PAIRED: 2, DROPPED: 0, NEW: 0, UNLOCATED: 0, UNCALLED: 0}
    assert table_[NEW] == {PAIRED: 1, DROPPED: 0, NEW: 0, UNLOCATED: 0, UNCALLED: 0}
    assert sum(sum(row.values()) for row in table_.values()) == 12


def test_called_right_counts_a_unit_once_and_needs_all_its_labelled_units_unpaired() -> None:
    labels = {
        "meta": {"held_out": True},
        "old_units": [
            {"id": "O1", "lead": "甲"},
            {"id": "O2", "lead": "乙"},
            {"id": "O3", "lead": "丙"},
            {"id": "O4", "lead": "丁"},
        ],
        "new_units": [{"id": "N1", "lead": "戊"}, {"id": "N2", "lead": "己"}],
        "pairs": [{"old_id": "O2", "new_id": "N1", "label": "related", "confidence": "medium"}],
    }
    view = DifferView(
        old_units=("甲；乙", "丙", "丁", "不在标注里"),
        new_units=("戊", "己"),
        pairs=(),
        # unit 0 holds O1 (unpaired) and O2 (paired): wrong; unit 1 (O3) right; unit 3 holds no labelled unit
        dropped=frozenset({0, 1, 3}),
        new=frozenset({0, 1}),
    )
    s = score(labels, view)
    assert (s.dropped_right, s.dropped_called) == (1, 2)
    assert (s.new_right, s.new_called) == (1, 2)
    assert s.wrong_dropped[0].startswith("O1,O2 ")
    assert s.confusion_table()[DROPPED][UNCALLED] == 1  # O4: located, but the differ said nothing of it
    assert s.held_out is True
    # nothing to judge is vacuously right, and printed as '–'
    assert (s.found_of, s.pairs_judged) == (0, 0)
    assert s.pairs_found == 1.0 and s.pair_precision == 1.0


def test_a_differ_that_calls_everything_dropped_and_new_is_wrong() -> None:
    view = DifferView(VIEW.old_units, VIEW.new_units, (), frozenset(range(6)), frozenset(range(6)))
    s = score(LABELS, view)
    assert s.found == 0 and s.pairs_judged == 0
    # of the 5 differ units holding labelled units, only O4's and N4's hold nothing but unpaired ones
    assert s.called_dropped_right == pytest.approx(1 / 5)
    assert s.called_new_right == pytest.approx(1 / 5)


def test_table_marks_and_separates_the_held_out_pair() -> None:
    tuned = score(LABELS, VIEW, "toy")
    held = score({**LABELS, "meta": {"held_out": True}}, VIEW, "kept-back")
    text = table([held, tuned])
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["pair", "located", "old"]
    rows = [line.split()[0] for line in lines[2:] if line and not line.startswith("-")]
    assert rows[:2] == ["toy", "kept-back"]  # a single tuned pair: no pooled row
    assert "kept-back [held out]" in text and "toy [held out]" not in text
    assert "1/3 0.33" in text and "3/4 0.75" in text


def test_pooled_adds_counts() -> None:
    s = score(LABELS, VIEW, "toy")
    both = pooled([s, s], "all")
    assert (both.found, both.found_of, both.old_total) == (2, 6, 14)
    assert both.confusion_table()[PAIRED][PAIRED] == 12


def test_pooled_rows_score_recent_and_older_pairs_apart() -> None:
    """Reports laid out by topic and recent ones pool apart, and all of them together last."""
    recent = [score(LABELS, VIEW, name) for name in ("national-2018__national-2019", "futian-2022-01__x")]
    older = [score(LABELS, VIEW, name) for name in ("national-1985__national-1986", "national-1956__x")]
    rows = pooled_rows([*recent, *older], "tuned")
    assert [r.name for r in rows] == [
        "recent tuned pairs (pooled)",
        "older tuned pairs (pooled)",
        "all tuned pairs (pooled)",
    ]
    assert [r.found_of for r in rows] == [6, 6, 12]
    assert [r.name for r in pooled_rows(recent, "tuned")] == ["all tuned pairs (pooled)"]


# --- the adapter and the labelled pairs ----------------------------------------------------------


def test_run_differ_gives_a_consistent_view() -> None:
    root = Path(__file__).resolve().parents[2] / "seeds"
    view = run_differ(
        root / "futian-2022-01-plan-report.txt", root / "futian-2023-10-mid-year-plan-report.txt"
    )
    assert view.old_units and view.new_units and view.pairs
    assert all(0 <= o < len(view.old_units) and 0 <= n < len(view.new_units) for o, n, _ in view.pairs)
    assert not view.dropped & {o for o, _, _ in view.pairs}
    assert not view.new & {n for _, n, _ in view.pairs}


def test_every_label_file_has_floors_and_the_held_out_pair_is_marked() -> None:
    names = {path.stem for path in label_files()}
    assert names == set(FLOORS)
    marked = {
        name
        for name in names
        if json.loads((LABEL_DIR / f"{name}.json").read_text(encoding="utf-8"))["meta"].get("held_out")
    }
    assert marked == HELD_OUT  # read from the files: the report marks what the files say


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_labelled_pair_holds_its_floors(name: str) -> None:
    s = evaluate(LABEL_DIR / f"{name}.json")
    measured = {measure: getattr(s, measure) for measure in FLOORS[name]}
    below = {m: f"{measured[m]:.3f} < {floor}" for m, floor in FLOORS[name].items() if measured[m] < floor}
    assert not below, f"{name}: {below}\n" + "\n".join(s.missed_pairs + s.wrong_pairs)


def test_sure_calls_of_dropped_and_new_are_right_more_often_than_doubtful_ones() -> None:
    """The confidence of a call of dropped or new (compare.params.DOUBTFUL_UNPAIRED) means what it
    says: on the recent tuned pairs, where the threshold was read off, 53/56 sure calls were right
    (54/55 after the session's two later changes; floor 0.9); on the held-out pairs, never tuned
    on, measured once when the confidence was added: sure 51/82 right, doubtful 99/228 (54/85 and
    95/221 after them; with national 1981 -> 1982, labelled blind afterwards, 55/90 and 101/268;
    with 1984 -> 1985, labelled blind in session 15, 76/112 and 128/304; floor: sure ahead by 0.1)."""
    scores = [evaluate(path) for path in label_files()]
    recent = pooled([s for s in scores if not s.held_out and _first_year(s.name) >= RECENT_FROM], "")
    assert recent.sure_dropped_right / recent.sure_dropped_called >= 0.9
    assert recent.sure_new_right / recent.sure_new_called >= 0.9
    held = pooled([s for s in scores if s.held_out], "")
    sure_right = held.sure_dropped_right + held.sure_new_right
    sure_called = held.sure_dropped_called + held.sure_new_called
    doubtful_right = held.dropped_right + held.new_right - sure_right
    doubtful_called = held.dropped_called + held.new_called - sure_called
    assert sure_right / sure_called >= doubtful_right / doubtful_called + 0.1


def test_doubtful_calls_are_left_out_of_the_sure_counts() -> None:
    view = DifferView(
        VIEW.old_units, VIEW.new_units, VIEW.pairs, VIEW.dropped, VIEW.new, frozenset(VIEW.dropped), frozenset()
    )
    s = score(LABELS, view, "doubtful")
    assert (s.sure_dropped_called, s.sure_dropped_right) == (0, 0)
    assert (s.sure_new_called, s.sure_new_right) == (s.new_called, s.new_right)


def test_report_prints_a_row_per_pair_and_errors_when_verbose(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--verbose", str(LABEL_DIR / "national-2016__national-2017.json")]) == 0
    out = capsys.readouterr().out
    assert "national-2016__national-2017 [held out]" in out
    assert "missed pairs (same/high):" in out and "wrongly called dropped:" in out


def test_the_docs_table_replaces_only_what_stands_between_its_markers() -> None:
    page = f"before\n{DOCS_BEGIN}\n| old |\n{DOCS_END}\nafter\n"
    assert with_docs_table(page, "| new |") == f"before\n{DOCS_BEGIN}\n| new |\n{DOCS_END}\nafter\n"
    with pytest.raises(SystemExit):
        with_docs_table("no markers", "| new |")


def test_the_markdown_table_pools_tuned_and_held_out_pairs_apart() -> None:
    tuned = [score(LABELS, VIEW, f"national-{a}__national-{b}") for a, b in ((2017, 2018), (2018, 2019))]
    held = score({**LABELS, "meta": {"held_out": True}}, VIEW, "national-2015__national-2016")
    lines = markdown_table([*tuned, held]).splitlines()
    assert [line.split(" | ")[0] for line in lines[2:]] == [
        "| national-2017__national-2018",
        "| national-2018__national-2019",
        "| **all tuned pairs (pooled)**",
        "| national-2015__national-2016 (held out)",
    ]
    # the pooled row adds the two pairs' counts: 1 of 3 same/high pairs found in each
    assert lines[4].split(" | ")[1] == "2/6 0.33"


def test_the_docs_say_how_right_the_differ_is_today() -> None:
    """docs/diff-output.md's table is what `make eval` scores now: a change to the differ that
    moves a figure rewrites it (`make eval ARGS=--docs`), so the page never quotes old numbers."""
    page = DOCS_PAGE.read_text(encoding="utf-8")
    today = with_docs_table(page, markdown_table([evaluate(path) for path in label_files()]))
    assert page == today, "docs/diff-output.md quotes other figures than make eval: run make eval ARGS=--docs"
