"""Indicator extraction: each source shape on small hand-written documents, the real corpus
against lines read by hand and against tests/data/labels/indicators.yaml, and the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from corpusdiff.canonical.markdown import parse
from corpusdiff.cli.main import main
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.render.indicators import (
    CSV_COLUMNS,
    cell_text,
    column_label,
    render_terminal,
    short_text,
    to_csv,
    to_json,
)
from corpusdiff.series.indicator_extraction import extract_indicators
from corpusdiff.series.indicator_text import Change, Period, Status, parse_figure
from corpusdiff.series.indicators import Indicator, IndicatorSet, all_records, indicator_table, select_role
from corpusdiff.series.planned_text import reading
from corpusdiff.site.build import render_document_body
from corpusdiff.store.vocabulary import load_vocabulary
from corpusdiff.strings import catalogue
from corpusdiff.structure import addressed
from corpusdiff.text.chars import display_width
from corpusdiff.types.document import ListItem, NormalizedDocument, Paragraph
from tests.conftest import ROOT, SEEDS
from tests.traditional import traditional, traditional_copy

CORPUS = ROOT / "corpus"
LABELS = Path(__file__).parent.parent / "data" / "labels" / "indicators.yaml"
NATIONAL_LABELS = Path(__file__).parent.parent / "data" / "labels" / "national-indicators.yaml"
NATIONAL_RESULTS = Path(__file__).parent.parent / "data" / "labels" / "national-results.yaml"
NATIONAL = Path(__file__).parent.parent / "data" / "national-gwr" / "wikisource"
PLANS = ("futian/annual-plan/2022-01", "futian/mid-year-report/2023-10", "futian/annual-plan/2025-01")
#: The corpus's own aliases (corpus/site.yaml), as the CLI and the site use them.
CORPUS_ALIASES = load_vocabulary(CORPUS).indicator_aliases


def document(
    body: str, doc_id: str = "t/annual-plan/2025-01", date: str = "2025-01", series: str = "t-plan"
) -> NormalizedDocument:
    front = f"---\ntitle: 测试\nid: {doc_id}\nseries: {series}\nperiod: '{date[:4]}'\ndate: {date}\ndialect: '1'\n---\n"
    return parse(f"{front}\n# 测试\n\n{body.strip()}\n")


def fields(record: Indicator) -> tuple[object, ...]:
    return (
        record.name,
        record.value,
        record.unit,
        record.change,
        record.modifier,
        record.kind,
        record.role,
        record.year,
    )


def corpus_set(doc_id: str) -> IndicatorSet:
    return extract_indicators(parse((CORPUS / f"{doc_id}.md").read_text(encoding="utf-8")))


TARGET_LIST = """
## 二、2025年经济社会发展主要目标

经综合研判，提出2025年经济社会发展主要目标如下：

### （一）预期性指标

——地区生产总值增长5.5%左右；

——进出口总额力争正增长；

——社会消费品零售总额增长6.0%以上；

### （二）约束性指标

——城镇居民登记失业率控制在2.0%以内；

——万元GDP建设用地下降4.0%；

——万元GDP水耗完成市下达目标。

## 三、2025年经济社会发展主要任务

——这一段落不在指标清单里，增长9%。
"""


def test_a_target_list_gives_each_modifier_kind_and_year() -> None:
    found = extract_indicators(document(TARGET_LIST))
    assert [fields(r) for r in found.indicators] == [
        ("地区生产总值", "5.5", "%", "growth", "左右", "预期性", "target", 2025),
        ("进出口总额", "", "", "growth", "力争", "预期性", "target", 2025),
        ("社会消费品零售总额", "6.0", "%", "growth", "以上", "预期性", "target", 2025),
        ("城镇居民登记失业率", "2.0", "%", "level", "以内", "约束性", "target", 2025),
        ("万元GDP建设用地", "4.0", "%", "decline", "", "约束性", "target", 2025),
        ("万元GDP水耗", "", "", "", "完成市下达目标", "约束性", "target", 2025),
    ]
    assert [(s.shape, s.pointer, s.role, s.year) for s in found.sources] == [("list", "p0", "target", 2025)]
    assert [r.pointer for r in found.indicators] == ["p1", "p2", "p3", "p4", "p5", "p6"]


def test_a_city_target_worded_as_a_decline_is_a_decline() -> None:
    body = "提出2022年经济社会发展主要目标如下：\n\n——万元GDP水耗完成市下达的降幅目标；\n\n——能耗总量和强度完成市下达的“双控”目标。"
    found = extract_indicators(document(body))
    assert [(r.name, r.change, r.modifier) for r in found.indicators] == [
        ("万元GDP水耗", "decline", "完成市下达目标"),
        ("能耗总量和强度", "", "完成市下达目标"),
    ]


def test_a_higher_aim_after_a_comma_of_enumeration_or_in_brackets_is_its_own_figure() -> None:
    """`增长5.5%以上、力争6%` was one figure named `地区生产总值增长5.5%以上、` (a level of 6 %), and the
    bracketed `（力争7%）` was dropped with the brackets; `分别增长5.5%、6.5%` names two indicators
    (urban and rural incomes) by one name, so neither is read rather than misnamed."""
    body = (
        "今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%以上、力争6%；"
        "规模以上工业增加值增长6.5%左右（力争7%）；城乡居民人均可支配收入分别增长5.5%、6.5%；"
        "城镇新增就业45万人以上、城镇调查失业率5.5%左右。"
    )
    found = extract_indicators(document(body, date="2025-01-15"))
    assert [(r.name, r.value, r.change, r.modifier) for r in found.indicators] == [
        ("地区生产总值", "5.5", "growth", "以上"),
        ("地区生产总值", "6", "growth", "力争"),
        ("规模以上工业增加值", "6.5", "growth", "左右"),
        ("规模以上工业增加值", "7", "growth", "力争"),
        ("城镇新增就业", "45", "level", "以上"),
        ("城镇调查失业率", "5.5", "level", "左右"),
    ]


def test_a_target_the_level_above_sets_for_several_indicators_is_one_per_indicator() -> None:
    """A province's `单位地区生产总值能耗下降、主要污染物排放总量减少完成国家下达任务` was one indicator
    named by the whole enumeration, so the next edition's 单位地区生产总值能耗 row said (not stated)."""
    body = "今年的主要预期目标是：粮食产量不低于613.5亿斤；单位地区生产总值能耗下降、主要污染物排放总量减少完成国家下达任务。"
    found = extract_indicators(document(body, date="2024-01-21"))
    assert [(r.name, r.change, r.modifier) for r in found.indicators][1:] == [
        ("单位地区生产总值能耗", "decline", "完成国家下达目标"),
        ("主要污染物排放总量", "decline", "完成国家下达目标"),
    ]


def test_a_numbered_target_list_is_read_like_a_dashed_one() -> None:
    """A province's plan numbers its targets (`1.地区生产总值增长5.5%左右；`, `（2）…`, `③…`): the
    whole list was left unread, silently."""
    body = (
        "建议2025年全区经济社会发展主要预期目标如下：\n\n1.地区生产总值增长5.5%左右；\n\n"
        "（2）城镇新增就业35万人以上；\n\n③居民消费价格涨幅2%左右。"
    )
    found = extract_indicators(document(body, date="2025-01-21"))
    assert [(r.name, r.value, r.year) for r in found.indicators] == [
        ("地区生产总值", "5.5", 2025),
        ("城镇新增就业", "35", 2025),
        ("居民消费价格涨幅", "2", 2025),
    ]


def test_words_of_striving_are_no_part_of_the_name() -> None:
    """2014's `努力实现居民收入增长和经济发展同步` made a row `努力实现居民收入` beside 2015's 居民收入;
    a province's `确保粮食产量稳定在…` a row `确保粮食产量`. The bare statement of a target in words
    (`今年全省经济社会发展主要预期目标：`) introduces the clauses after it too."""
    body = "今年全省经济社会发展主要预期目标：努力实现居民收入增长和经济发展同步；确保粮食产量稳定在280亿斤以上。"
    found = extract_indicators(document(body, date="2014-03-05"))
    assert [(r.name, r.value, r.change) for r in found.indicators] == [
        ("居民收入", "", "growth"),
        ("粮食产量", "280", "level"),
    ]
    assert short_text(found.indicators[0]) == "增长和经济发展同步"  # the cell says it without 努力实现 居民收入



def test_a_growth_in_real_terms_is_the_indicator_s_growth_not_part_of_its_name() -> None:
    """2013's `城乡居民人均收入实际增长与经济增长同步` made a row `城乡居民人均收入实际`, and a
    province's `城乡居民人均可支配收入实际增长7%左右` one `城乡居民人均可支配收入实际`: 实际 says how
    the growth is measured (net of prices), which the clause keeps as printed."""
    worded = parse_figure("城乡居民人均收入实际增长与经济增长同步", Change.GROWTH)
    assert worded is not None
    assert worded.name == "城乡居民人均收入"
    figure = parse_figure("城乡居民人均可支配收入实际增长7%左右", Change.GROWTH)
    assert figure is not None
    assert (figure.name, figure.low, figure.modifier) == ("城乡居民人均可支配收入", Decimal("7"), "左右")

ACHIEVED_LIST = """
## 一、2024年国民经济和社会发展计划执行情况

主要指标完成情况如下：

——地区生产总值5949亿元，增长5.0%；

——一般公共预算收入95.65亿元，下降5.1%；

——全社会固定资产投资628亿元左右，基本持平；

——城镇居民登记失业率控制在2%以内。

### （一）高质量发展稳步推进

经济发展稳中提质，增长6%。
"""


def test_an_achieved_list_splits_level_and_growth_and_takes_the_year_from_its_heading() -> None:
    found = extract_indicators(document(ACHIEVED_LIST))
    assert [fields(r) for r in found.indicators] == [
        ("地区生产总值", "5949", "亿元", "level", "", "", "achieved", 2024),
        ("地区生产总值", "5.0", "%", "growth", "", "", "achieved", 2024),
        ("一般公共预算收入", "95.65", "亿元", "level", "", "", "achieved", 2024),
        ("一般公共预算收入", "5.1", "%", "decline", "", "", "achieved", 2024),
        ("全社会固定资产投资", "628", "亿元", "level", "左右", "", "achieved", 2024),
        ("全社会固定资产投资", "", "", "growth", "", "", "achieved", 2024),
        ("城镇居民登记失业率", "2", "%", "level", "以内", "", "achieved", 2024),
    ]
    assert found.indicators[5].printed == "基本持平"


def test_a_clause_without_a_name_of_its_own_continues_the_indicator_and_its_measure() -> None:
    """A province's `增长6%左右，力争7%` aims at 7 % growth (a level of 7 % made the next edition
    show `(level not stated)`), and a mid-year list's `同比增长5.8%` is the GDP's growth, not a
    row named 同比."""
    targets = "今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右，力争7%；城镇新增就业45万人以上，力争50万。"
    found = extract_indicators(document(targets, date="2024-01-21"))
    assert [(r.name, r.value, r.unit, r.change, r.modifier) for r in found.indicators] == [
        ("地区生产总值", "6", "%", "growth", "左右"),
        ("地区生产总值", "7", "%", "growth", "力争"),
        ("城镇新增就业", "45", "万人", "level", "以上"),
        ("城镇新增就业", "50", "万", "level", "力争"),
    ]
    results = "主要指标完成情况如下：\n\n——地区生产总值63326.3亿元，同比增长5.8%；\n\n——居民消费价格同比上涨0.3%。"
    found = extract_indicators(document(results, date="2024-07"))
    assert [(r.name, r.value, r.change) for r in found.indicators] == [
        ("地区生产总值", "63326.3", "level"),
        ("地区生产总值", "5.8", "growth"),
        ("居民消费价格同比", "0.3", "growth"),
    ]


def test_a_markdown_list_after_an_intro_that_names_its_year() -> None:
    body = "2023年以来，经济运行稳中有进。经核算，主要指标完成情况如下（详见附表）：\n\n- 地区生产总值2731亿元，增长3.5%；\n\n- 现代服务业增加值2052.94亿元，增长5.1%。"
    found = extract_indicators(document(body, date="2023-10"))
    assert [(r.name, r.value, r.role, r.year, r.pointer) for r in found.indicators] == [
        ("地区生产总值", "2731", "achieved", 2023, "p1"),
        ("地区生产总值", "3.5", "achieved", 2023, "p1"),
        ("现代服务业增加值", "2052.94", "achieved", 2023, "p2"),
        ("现代服务业增加值", "5.1", "achieved", 2023, "p2"),
    ]


ANNUAL_TABLE = """
附表

| 指标名称 | 2023年目标 | 2023年上半年完成 |
| --- | --- | --- |
| 一、预期性指标 |  |  |
| 1.本区生产总值 | 6.5% | 3.5% |
| 5.进出口总额 | 力争正增长 | -10.2% |
| 二、约束性指标 |  |  |
| 7.城镇居民登记失业率 | 2.0%以内 | 2.0%以内 |
| 8.万元GDP建设用地 | 下降4.0% | 下降3.4% |
| 9.万元GDP水耗 | 完成市下达目标 | - |
| 10.能耗总量和强度 | 完成市下达目标 |  |
"""


def test_an_annual_table_takes_kind_from_its_section_rows_and_keeps_blank_cells_as_absent() -> None:
    found = extract_indicators(document(ANNUAL_TABLE, date="2023-10"))
    rows = [(r.pointer, *fields(r), r.status) for r in found.indicators]
    assert rows == [
        ("table 1 row 2", "本区生产总值", "6.5", "%", "growth", "", "预期性", "target", 2023, "stated"),
        ("table 1 row 2", "本区生产总值", "3.5", "%", "growth", "", "预期性", "achieved", 2023, "stated"),
        ("table 1 row 3", "进出口总额", "", "", "growth", "力争", "预期性", "target", 2023, "stated"),
        ("table 1 row 3", "进出口总额", "-10.2", "%", "growth", "", "预期性", "achieved", 2023, "stated"),
        (
            "table 1 row 5",
            "城镇居民登记失业率",
            "2.0",
            "%",
            "level",
            "以内",
            "约束性",
            "target",
            2023,
            "stated",
        ),
        (
            "table 1 row 5",
            "城镇居民登记失业率",
            "2.0",
            "%",
            "level",
            "以内",
            "约束性",
            "achieved",
            2023,
            "stated",
        ),
        ("table 1 row 6", "万元GDP建设用地", "4.0", "%", "decline", "", "约束性", "target", 2023, "stated"),
        ("table 1 row 6", "万元GDP建设用地", "3.4", "%", "decline", "", "约束性", "achieved", 2023, "stated"),
        ("table 1 row 7", "万元GDP水耗", "", "", "", "完成市下达目标", "约束性", "target", 2023, "stated"),
        ("table 1 row 7", "万元GDP水耗", "", "", "", "", "约束性", "achieved", 2023, "blank"),
        ("table 1 row 8", "能耗总量和强度", "", "", "", "完成市下达目标", "约束性", "target", 2023, "stated"),
        ("table 1 row 8", "能耗总量和强度", "", "", "", "", "约束性", "achieved", 2023, "blank"),
    ]
    assert [(s.role, s.year, s.text) for s in found.sources] == [
        ("target", 2023, "2023年目标"),
        ("achieved", 2023, "2023年上半年完成"),
    ]
    assert (
        found.indicators[9].is_absent
        and found.indicators[9].source_text == "9.万元GDP水耗 | 完成市下达目标 | -"
    )


FIVE_YEAR_TABLE = """
| 类别 | 序号 | 指标 | 单位 | 2020年预计值 | 2025年目标值 | 属性 |
| --- | --- | --- | --- | --- | --- | --- |
| 经济发展 | 1 | 地区生产总值 | 亿元 | 4800左右 | 6600 | 预期性 |
| 城区治理 | 9 | 亿元GDP生产安全事故死亡率 | 人/亿元 | ≤0.01 | ≤0.007 | 约束性 |
|  | 10 | 药品评价性抽检合格率 | % | ≥99 | ≥99 | 约束性 |
|  | 15 | 万元GDP水耗累计下降 | % | 完成市下达任务 | 以市下达任务为准 | 约束性 |
| 民生发展 | 19 | 新增公办义务教育学位 | 万座 | 3.7（五年累计） | 5.5（五年累计） | 预期性 |
|  | 22 | 每千人托位数 | 个 | - | 4 | 预期性 |
"""


def test_a_five_year_plan_table_gives_base_year_results_and_end_year_targets() -> None:
    found = extract_indicators(document(FIVE_YEAR_TABLE, doc_id="t/five-year-plan/2021", date="2021"))
    assert [(*fields(r), r.status) for r in found.indicators] == [
        ("地区生产总值", "4800", "亿元", "level", "左右", "预期性", "achieved", 2020, "stated"),
        ("地区生产总值", "6600", "亿元", "level", "", "预期性", "target", 2025, "stated"),
        (
            "亿元GDP生产安全事故死亡率",
            "0.01",
            "人/亿元",
            "level",
            "以内",
            "约束性",
            "achieved",
            2020,
            "stated",
        ),
        (
            "亿元GDP生产安全事故死亡率",
            "0.007",
            "人/亿元",
            "level",
            "以内",
            "约束性",
            "target",
            2025,
            "stated",
        ),
        ("药品评价性抽检合格率", "99", "%", "level", "以上", "约束性", "achieved", 2020, "stated"),
        ("药品评价性抽检合格率", "99", "%", "level", "以上", "约束性", "target", 2025, "stated"),
        ("万元GDP水耗", "", "", "decline", "完成市下达目标", "约束性", "achieved", 2020, "stated"),
        ("万元GDP水耗", "", "", "decline", "完成市下达目标", "约束性", "target", 2025, "stated"),
        ("新增公办义务教育学位", "3.7", "万座", "level", "", "预期性", "achieved", 2020, "stated"),
        ("新增公办义务教育学位", "5.5", "万座", "level", "", "预期性", "target", 2025, "stated"),
        ("每千人托位数", "", "", "", "", "预期性", "achieved", 2020, "blank"),
        ("每千人托位数", "4", "个", "level", "", "预期性", "target", 2025, "stated"),
    ]


#: The national 纲要's 表1 layout: bare year columns, the growth target in 年均增长〔累计〕.
BARE_YEAR_PLAN_TABLE = """
| 类别 | 指标 | 单位 | 2020年 | 2025年 | 年均增长〔累计〕 | 属性 |
| --- | --- | --- | --- | --- | --- | --- |
| 经济发展 | 国内生产总值（GDP）增长 | % | 2.3 | — | 保持在合理区间、各年度视情提出 | 预期性 |
| 经济发展 | 常住人口城镇化率 | % | 60.6 | 65 | — | 预期性 |
| 创新驱动 | 研发经费投入增长 | % | — | — | >7 | 预期性 |
| 民生福祉 | 城镇调查失业率 | % | 5.2 | — | <5.5 | 预期性 |
"""

#: A province's 专栏 of the same shape without a 单位 column: the unit closes the name.
BARE_YEAR_PLAN_TABLE_UNIT_IN_NAME = """
| 类别 | 指标 | 2020年 | 2025年 | 年均增长 | 属性 |
| --- | --- | --- | --- | --- | --- |
| 经济发展 | 地区生产总值增长（%） | 3.8 | — | 6.5左右 | 预期性 |
| 民生福祉 | 城镇调查失业率（%） | 5.5 | <5.5 | — | 预期性 |
"""


def test_a_five_year_plan_table_with_bare_year_columns_reads_base_and_target() -> None:
    found = extract_indicators(document(BARE_YEAR_PLAN_TABLE, doc_id="t/five-year-plan/2021", date="2021"))
    assert [(*fields(r), r.status) for r in found.indicators] == [
        ("国内生产总值（GDP）", "2.3", "%", "growth", "", "预期性", "achieved", 2020, "stated"),
        ("国内生产总值（GDP）", "", "", "", "", "预期性", "target", 2025, "stated"),  # in words
        ("常住人口城镇化率", "60.6", "%", "level", "", "预期性", "achieved", 2020, "stated"),
        ("常住人口城镇化率", "65", "%", "level", "", "预期性", "target", 2025, "stated"),
        ("研发经费投入", "", "", "", "", "预期性", "achieved", 2020, "blank"),
        ("研发经费投入", "7", "%", "growth", "高于", "预期性", "target", 2025, "stated"),
        ("城镇调查失业率", "5.2", "%", "level", "", "预期性", "achieved", 2020, "stated"),
        ("城镇调查失业率", "5.5", "%", "level", "低于", "预期性", "target", 2025, "stated"),
    ]
    found = extract_indicators(
        document(BARE_YEAR_PLAN_TABLE_UNIT_IN_NAME, doc_id="t/five-year-plan/2021", date="2021")
    )
    assert [fields(r) for r in found.indicators] == [
        ("地区生产总值", "3.8", "%", "growth", "", "预期性", "achieved", 2020),
        ("地区生产总值", "6.5", "%", "growth", "左右", "预期性", "target", 2025),
        ("城镇调查失业率", "5.5", "%", "level", "", "预期性", "achieved", 2020),
        ("城镇调查失业率", "5.5", "%", "level", "低于", "预期性", "target", 2025),
    ]


#: The rest of 表1: cumulative figures in 〔 〕, a figure with words after it, targets in words.
CUMULATIVE_PLAN_TABLE = """
| 类别 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性 |
| --- | --- | --- | --- | --- | --- |
| 创新驱动 | 全社会研发经费投入增长（%） | — | — | >7、投入强度高于“十三五”时期实际 | 预期性 |
| 民生福祉 | 居民人均可支配收入增长（%） | 2.1 | — | 与GDP增长基本同步 | 预期性 |
| 绿色生态 | 单位GDP能源消耗降低（%） | — | — | 〔13.5〕 | 约束性 |
| 绿色生态 | 森林覆盖率（%） | 23.2 | 24.1 | 〔1〕 | 约束性 |
"""


def test_a_plan_table_reads_cumulative_figures_and_targets_in_words() -> None:
    """`〔13.5〕` (〔 〕: the five years' total) was not read and `>7、投入强度…` or `与GDP增长基本同步`
    left the target cell `—`, as if the plan set none: the cumulative figure is the target over
    the plan's five years (period `5y`), and a target in words is stated."""
    found = extract_indicators(document(CUMULATIVE_PLAN_TABLE, doc_id="t/five-year-plan/2021", date="2021"))
    targets = [r for r in found.indicators if r.role == "target"]
    assert [(r.name, r.value, r.unit, r.change, r.modifier, str(r.period), r.status) for r in targets] == [
        ("全社会研发经费投入", "7", "%", "growth", "高于", "year", "stated"),
        ("居民人均可支配收入", "", "", "", "", "year", "stated"),
        ("单位GDP能源消耗", "13.5", "%", "decline", "", "5y", "stated"),
        ("森林覆盖率", "24.1", "%", "level", "", "year", "stated"),
        ("森林覆盖率", "1", "%", "level", "", "5y", "stated"),
    ]
    table = indicator_table([found])
    assert [column_label(c) for c in table.columns] == ["achieved 2020", "target 2025", "target 2025 5-year total"]
    assert column_label(table.columns[2], catalogue("zh")) == "目标 2025 5年累计"
    cells = {row.name: [cell_text(c) for c in row.cells] for row in table.rows}
    assert cells["单位GDP能源消耗"] == ["—", "", "-13.5%"]  # no `—` beside the cumulative target
    assert cells["居民人均可支配收入"] == ["+2.1%", "与GDP增长基本同步", ""]
    assert Period.parse("5y") == Period(60)


def test_a_five_year_plan_s_target_list_sets_the_targets_of_its_last_year() -> None:
    """A provincial 纲要's `“十四五”时期…主要目标如下：` names no year: its targets were read as the
    plan's first year's (target 2021), and `累计下降14%` as one year's fall. They are 2025's, as
    the table's `2025年` column, and a cumulative figure covers the five years."""
    body = (
        "## 第三章 主要目标\n\n“十四五”时期全省经济社会发展的主要目标如下：\n\n"
        "——经济发展取得新成效。地区生产总值年均增长6.5%左右。\n\n"
        "——生态文明建设实现新进步。单位地区生产总值能耗累计下降14%。"
    )
    plan = document(body, doc_id="t/five-year-plan/2021", date="2021-03-30")
    plan = replace(plan, metadata=replace(plan.metadata, genre="five-year-plan", period="2021-2025"))
    found = extract_indicators(plan)
    assert [(r.name, r.value, r.change, r.year, str(r.period)) for r in found.indicators] == [
        ("地区生产总值", "6.5", "growth", 2025, "year"),
        ("单位地区生产总值能耗", "14", "decline", 2025, "5y"),
    ]


def test_the_plan_s_abbreviated_names_join_the_annual_reports_rows() -> None:
    """The 纲要's `国内生产总值（GDP）` and `单位GDP能源消耗` made rows apart from the work reports'
    国内生产总值 and 单位国内生产总值能耗, so plan and reports never met in one row."""
    plan = extract_indicators(document(CUMULATIVE_PLAN_TABLE + BARE_YEAR_PLAN_TABLE, doc_id="t/fyp/2021", date="2021"))
    report = extract_indicators(
        document(
            "今年发展主要预期目标是：国内生产总值增长5%左右；单位国内生产总值能耗降低2.5%左右。",
            doc_id="t/gwr/2024",
            date="2024-03-05",
        )
    )
    rows = {row.canonical: row for row in indicator_table([plan, report]).rows}
    assert {"国内生产总值", "单位国内生产总值能耗"} <= set(rows)
    assert not {"国内生产总值（GDP）", "单位GDP能源消耗"} & set(rows)
    assert [cell_text(c) for c in rows["单位国内生产总值能耗"].cells][-2:] == ["-13.5%", "-2.5%左右"]


def test_a_list_intro_whose_figures_are_in_a_table_makes_no_empty_column() -> None:
    """The 纲要's `主要目标如下（详见表1）：` is followed by the table, not by list items: it made a
    column `target 2021` of empty cells beside the table's 2020 and 2025 columns."""
    body = "“十四五”时期经济社会发展主要目标如下（详见表1）：\n\n" + BARE_YEAR_PLAN_TABLE
    found = extract_indicators(document(body, doc_id="t/five-year-plan/2021", date="2021-03-13"))
    columns = indicator_table([found]).columns
    assert [(c.role, c.year) for c in columns] == [("achieved", 2020), ("target", 2025)]


def test_a_table_that_names_its_years_relative_to_the_report_reads_them() -> None:
    """A city's plan table `上年实际 | 本年预计 | 下年目标` was not read at all: 下年 is the year the
    report plans, so the 2025 plan's columns are 2023's and 2024's results and 2025's target; a
    mid-year report's `本年目标` and `上半年完成` are its own year's."""
    table = "| 指标名称 | 单位 | 上年实际 | 本年预计 | 下年目标 |\n| --- | --- | --- | --- | --- |\n| 城镇新增就业 | 万人 | 26.2 | 27.5 | 25以上 |"
    found = extract_indicators(document(table, date="2025-01-20"))
    assert [(r.value, r.role, r.year) for r in found.indicators] == [
        ("26.2", "achieved", 2023),
        ("27.5", "achieved", 2024),
        ("25", "target", 2025),
    ]
    assert [s.text for s in found.sources] == ["上年实际", "本年预计", "下年目标"]  # as printed
    mid_year = "| 指标名称 | 单位 | 本年目标 | 上半年完成 |\n| --- | --- | --- | --- |\n| 城镇新增就业 | 万人 | 45 | 27.5 |"
    found = extract_indicators(document(mid_year, date="2024-07-25"))
    assert [(r.value, r.role, r.year, str(r.period)) for r in found.indicators] == [
        ("45", "target", 2024, "year"),
        ("27.5", "achieved", 2024, "H1"),
    ]


def test_a_column_that_names_only_a_part_of_the_year_takes_the_year_of_the_others() -> None:
    """A mid-year table `2024年目标 | 1-6月完成 | 完成进度` gave the targets only: the half year's
    results are 2024's; the progress column is no figure of the year."""
    table = (
        "| 指标名称 | 单位 | 2024年目标 | 1-6月完成 | 完成进度 |\n| --- | --- | --- | --- | --- |\n"
        "| 城镇新增就业 | 万人 | 120 | 70.2 | 58.5% |"
    )
    found = extract_indicators(document(table, date="2024-07-25"))
    assert [(r.value, r.role, r.year, str(r.period)) for r in found.indicators] == [
        ("120", "target", 2024, "year"),
        ("70.2", "achieved", 2024, "H1"),
    ]


def test_bare_year_columns_one_year_apart_are_no_plan_table() -> None:
    """An annual table's `2023年 | 2024年` says nothing of which is the result: left unread."""
    annual = BARE_YEAR_PLAN_TABLE.replace("2020年", "2023年").replace("2025年", "2024年")
    assert not extract_indicators(document(annual)).found


def test_targets_in_one_sentence_take_this_year_from_the_date() -> None:
    body = "今年经济社会发展的主要预期目标是：地区生产总值增长6%以上；城镇登记失业率控制在2%以内，居民人均可支配收入稳步增长。"
    found = extract_indicators(document(body, doc_id="t/gwr/2022-01-21", date="2022-01-21"))
    assert [fields(r) for r in found.indicators] == [
        ("地区生产总值", "6", "%", "growth", "以上", "", "target", 2022),
        ("城镇登记失业率", "2", "%", "level", "以内", "", "target", 2022),
        ("居民人均可支配收入", "", "", "growth", "", "", "target", 2022),
    ]
    assert found.sources[0].shape == "sentence" and found.indicators[0].source_text == body


def test_a_document_without_indicator_sections_is_an_empty_set_not_a_list_of_absences() -> None:
    body = "## 一、工作回顾\n\n确保完成年度目标任务，增长6%。\n\n| 项目 | 2023年完成 |\n| --- | --- |\n| 学校 | 11所 |"
    found = extract_indicators(document(body))
    assert not found.found
    assert found.indicators == ()


def _plan(doc_id: str, date: str, series: str, lines: list[str]) -> IndicatorSet:
    body = "## 一、2024年计划执行情况\n\n主要指标完成情况如下：\n\n" + "\n\n".join(
        f"——{line}；" for line in lines
    )
    return extract_indicators(document(body, doc_id=doc_id, date=date, series=series))


def test_what_another_edition_of_the_series_states_is_omitted_here() -> None:
    old = _plan(
        "t/plan/2024-01", "2024-01", "t-plan", ["地区生产总值5000亿元，增长6%", "一般公共预算收入200亿元"]
    )
    new = _plan("t/plan/2025-01", "2025-01", "t-plan", ["地区生产总值5949亿元"])
    other = _plan("t/gwr/2025-02", "2025-02", "t-gwr", ["社会消费品零售总额2344亿元"])
    table = indicator_table([new, other, old])
    assert [c.doc_id for c in table.columns] == ["t/plan/2024-01", "t/plan/2025-01", "t/gwr/2025-02"]
    cells = {row.name: [cell_text(cell) for cell in row.cells] for row in table.rows}
    assert cells == {
        "地区生产总值": ["5000亿元 +6%", "5949亿元 (growth not stated)", ""],
        "一般公共预算收入": ["200亿元", "(not stated)", ""],
        "社会消费品零售总额": ["", "", "2344亿元"],
    }
    omitted = [(r.name, r.change, r.pointer) for each, r in all_records(table) if r.status == "omitted"]
    assert omitted == [("地区生产总值", "growth", "p0"), ("一般公共预算收入", "", "p0")]


def test_a_rate_named_indicator_stated_as_a_level_or_as_a_growth_omits_neither() -> None:
    """涨幅2.6% and 上涨2% state the same figure of 居民消费价格涨幅: no "(growth not stated)" or
    "(level not stated)" beside either, and the rise shows as the rate it gives (`2%`, not `+2%`,
    which in a 涨幅 row reads as the rate rising by 2)."""
    old = _plan("t/plan/2024-01", "2024-01", "t-plan", ["居民消费价格涨幅2.6%"])
    new = _plan("t/plan/2025-01", "2025-01", "t-plan", ["居民消费价格上涨2%"])
    table = indicator_table([old, new])
    # one row, labelled as the latest edition prints it
    assert [(row.name, [cell_text(cell) for cell in row.cells]) for row in table.rows] == [
        ("居民消费价格", ["2.6%", "2%"])
    ]
    assert not [r for _, r in all_records(table) if r.status == "omitted"]


def test_a_rise_in_the_text_and_the_rate_in_a_table_are_one_figure_of_a_rate_row() -> None:
    """A city's review says 居民消费价格上涨0.3%, its table 居民消费价格涨幅 | % | 0.3: the cell showed
    `+0.3% 0.3%`; a fall is the negative rate; the site charts target and result on one chart."""
    from corpusdiff.site.indicators_view import chart_points

    body = (
        "## 一、2024年计划执行情况\n\n2024年，全市经济运行稳中有进。居民消费价格上涨0.3%。\n\n"
        "| 指标名称 | 单位 | 2024年预计 | 2025年目标 |\n| --- | --- | --- | --- |\n| 居民消费价格涨幅 | % | 0.3 | 2左右 |"
    )
    falling = "## 一、2023年计划执行情况\n\n2023年，全市经济运行稳中有进。居民消费价格下降0.3%。"
    table = indicator_table(
        [
            extract_indicators(document(falling, doc_id="t/plan/2024-01", date="2024-01")),
            extract_indicators(document(body, doc_id="t/plan/2025-01", date="2025-01")),
        ]
    )
    (row,) = table.rows
    assert [cell_text(c) for c in row.cells] == ["-0.3%", "0.3%", "2%左右"]
    charts = chart_points(table.columns, row.cells, [False] * len(row.cells))
    assert [[(p.year, p.role, p.value) for p in points] for _, points in charts] == [
        [(2023, "achieved", Decimal("-0.3")), (2024, "achieved", Decimal("0.3")), (2025, "target", Decimal("2"))]
    ]


def test_a_blank_cell_is_not_also_counted_as_omitted() -> None:
    old = extract_indicators(document(ANNUAL_TABLE.replace("| - |", "| 下降5% |"), doc_id="t/a", date="2022"))
    new = extract_indicators(document(ANNUAL_TABLE, doc_id="t/b", date="2023"))
    table = indicator_table([old, new])
    row = next(r for r in table.rows if r.name == "万元GDP水耗")
    assert [c.status for c in row.cells] == ["stated", "stated", "stated", "blank"]
    assert cell_text(row.cells[3]) == "—"


def test_select_role_keeps_only_that_role() -> None:
    (achieved,) = select_role([extract_indicators(document(ANNUAL_TABLE))], "achieved")
    assert {r.role for r in achieved.indicators} == {"achieved"}
    assert [s.text for s in achieved.sources] == ["2023年上半年完成"]


def test_the_edition_legend_lines_up_ids_and_titles_of_any_length() -> None:
    """The legend padded each date to 12 characters and wrote the id straight after it, so a
    shorter id pushed its title left of the others' (national ids beside a Futian file's)."""
    national = _plan("national/government-work-report/2022", "2022-03-05", "n-gwr", ["地区生产总值5000亿元"])
    futian = _plan("f/plan/2025-01", "2025-01", "f-plan", ["地区生产总值5949亿元"])
    undated = replace(_plan("f/plan/x", "", "f-plan", ["地区生产总值6000亿元"]), title="福田区计划报告")
    table = indicator_table([national, futian, undated])
    sets = table.sets  # in date order
    legend = render_terminal(table).splitlines()[:3]
    assert len({display_width(line.split(each.doc_id)[0]) for line, each in zip(legend, sets, strict=True)}) == 1
    title_columns = {display_width(line.split(each.title)[0]) for line, each in zip(legend, sets, strict=True)}
    assert len(title_columns) == 1
    assert all(line.split(each.doc_id)[1].startswith("  ") for line, each in zip(legend, sets, strict=True))


def test_terminal_columns_line_up_under_cjk_names() -> None:
    old = _plan("t/plan/2024-01", "2024-01", "t-plan", ["地区生产总值5000亿元", "万元GDP建设用地下降4.8%"])
    text = render_terminal(indicator_table([old]))
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("指标"))
    gdp = next(line for line in lines if line.startswith("地区生产总值"))
    land = next(line for line in lines if line.startswith("万元GDP建设用地"))
    starts = {
        display_width(header.split("2024-01")[0]),
        display_width(gdp.split("5000亿元")[0]),
        display_width(land.split("-4.8%")[0]),
    }
    assert starts == {display_width("万元GDP建设用地") + 2}


# ---------------------------------------------------------------------------------- real corpus


def test_record_counts_per_corpus_document() -> None:
    # Counted by reading the documents:
    # 2022-01: 2021 list 7 lines, 6 of them with a level and a rate (13); 2022 list 10 lines;
    #          appendix table 10 rows x 3 columns (30).
    # 2023-10: H1 list 6 lines, 5 with two figures (11); table 10 rows x 2 columns (20), of which
    #          the 水耗 and 能耗 H1 cells are "-".
    # 2025-01: 2024 list 8 lines, 2025 list 8 lines, one figure each.
    # 2021 five-year plan: 24 rows x 2 columns; 每千人托位数 and 街道长者服务中心覆盖率 2020 are "-".
    # 2022-01-21 work report: one sentence of 6 targets; in the 2021 review, 城镇登记失业率降至0.65%.
    expected = {
        "futian/annual-plan/2022-01": (53, 0),
        "futian/mid-year-report/2023-10": (31, 2),
        "futian/annual-plan/2025-01": (16, 0),
        "futian/five-year-plan/2021": (48, 2),
        "futian/government-work-report/2022-01-21": (7, 0),
    }
    for doc_id, (total, blank) in expected.items():
        found = corpus_set(doc_id)
        assert found.found, doc_id
        assert (len(found.indicators), sum(r.is_absent for r in found.indicators)) == (total, blank), doc_id


def test_real_lines_read_by_hand() -> None:
    plan_2022, mid_2023 = (
        corpus_set("futian/annual-plan/2022-01"),
        corpus_set("futian/mid-year-report/2023-10"),
    )
    five_year, report = (
        corpus_set("futian/five-year-plan/2021"),
        corpus_set("futian/government-work-report/2022-01-21"),
    )
    # 2022-01.md line 31: ——全社会固定资产投资628亿元左右，基本持平；
    assert [
        fields(r)
        for r in plan_2022.indicators
        if r.source_text.startswith("——全社会固定资产投资") and r.role == "achieved"
    ] == [
        ("全社会固定资产投资", "628", "亿元", "level", "左右", "", "achieved", 2021),
        ("全社会固定资产投资", "", "", "growth", "", "", "achieved", 2021),
    ]
    # 2022-01.md line 318: | 8.万元GDP建设用地 | 下降5.0% | 下降7.7% | 下降5.7% |
    land = [r for r in plan_2022.indicators if r.pointer == "table 1 row 10"]
    assert [(r.name, r.value, r.change, r.kind, r.role, r.year) for r in land] == [
        ("万元GDP建设用地", "5.0", "decline", "约束性", "target", 2021),
        ("万元GDP建设用地", "7.7", "decline", "约束性", "achieved", 2021),
        ("万元GDP建设用地", "5.7", "decline", "约束性", "target", 2022),
    ]
    # 2023-10.md line 234: | 5.进出口总额 | 力争正增长 | -10.2% |
    trade = [fields(r) for r in mid_2023.indicators if r.name == "进出口总额"]
    assert trade == [
        ("进出口总额", "", "", "growth", "力争", "预期性", "target", 2023),
        ("进出口总额", "-10.2", "%", "growth", "", "预期性", "achieved", 2023),
    ]
    # 2021.md line 131: |  | 19 | 新增公办义务教育学位 | 万座 | 3.7（五年累计） | 5.5（五年累计） | 预期性 |
    places = [fields(r) for r in five_year.indicators if r.name == "新增公办义务教育学位"]
    assert places == [
        ("新增公办义务教育学位", "3.7", "万座", "level", "", "预期性", "achieved", 2020),
        ("新增公办义务教育学位", "5.5", "万座", "level", "", "预期性", "target", 2025),
    ]
    # 2022-01-21.md line 91: …规模以上工业增加值增长10%，城镇登记失业率控制在2%以内…
    assert [fields(r) for r in report.indicators if r.role == "target"][3:5] == [
        ("规模以上工业增加值", "10", "%", "growth", "", "", "target", 2022),
        ("城镇登记失业率", "2", "%", "level", "以内", "", "target", 2022),
    ]


@pytest.mark.parametrize(
    "doc_id",
    [
        "futian/annual-plan/2022-01",
        "futian/mid-year-report/2023-10",
        "futian/annual-plan/2025-01",
        "futian/government-work-report/2022-01-21",
    ],
)
def test_paragraph_pointers_are_the_site_anchors(doc_id: str) -> None:
    text = (CORPUS / f"{doc_id}.md").read_text(encoding="utf-8")
    _, _, paragraphs = render_document_body(text)
    anchors = dict(paragraphs)
    found = extract_indicators(parse(text))
    pointed = [r for r in found.indicators if r.pointer.startswith("p")]
    assert pointed
    for record in pointed:
        assert anchors[record.pointer].replace("\\", "") == record.source_text
    for source in found.sources:
        paragraph = anchors.get(source.pointer, "").replace("\\", "")
        if source.shape == "prose":  # the sentence or clause that states the figure
            assert source.text in paragraph
        elif source.shape != "table":
            assert paragraph.startswith(source.text)


def test_the_plan_series_table_across_editions() -> None:
    table = indicator_table([corpus_set(doc_id) for doc_id in reversed(PLANS)], CORPUS_ALIASES)
    columns = [(c.date, c.role, c.year, str(c.period)) for c in table.columns]
    # 2023-10.md: 一、2023年上半年…执行情况 / 主要指标完成情况如下, and the table's 2023年上半年完成
    assert columns == [
        ("2022-01", "target", 2021, "year"),
        ("2022-01", "achieved", 2021, "year"),
        ("2022-01", "target", 2022, "year"),
        ("2023-10", "target", 2023, "year"),
        ("2023-10", "achieved", 2023, "H1"),
        ("2025-01", "achieved", 2024, "year"),
        ("2025-01", "target", 2025, "year"),
    ]
    cells = {row.name: [cell_text(cell) for cell in row.cells] for row in table.rows}
    # 地区生产总值: table 6.8%/8.6%/6.0%以上, list 5318.2亿元 增长8.6%, 6.0%以上; 2023-10 table 6.5%,
    # list 2731亿元 增长3.5%; 2025-01 list 5949亿元 (no growth printed), target 增长5.5%左右.
    assert cells["地区生产总值"] == [
        "+6.8%",
        "5318.2亿元 +8.6%",
        "+6.0%以上",
        "+6.5%",
        "2731亿元 +3.5%",
        "5949亿元 (growth not stated)",
        "+5.5%左右",
    ]
    # 一般公共预算收入: the 2023 H1 list says 下降5.1% and the table -5.1%: one figure. 2025-01 drops it.
    assert cells["一般公共预算收入"][4:] == ["95.65亿元 -5.1%", "(not stated)", "(not stated)"]
    assert cells["万元GDP水耗"][4] == "—"


def _label_misses(labels: list[dict], records: list[tuple[str, Indicator]]) -> list[str]:
    misses = []
    for label in labels:
        candidates = [
            r
            for doc_id, r in records
            if (doc_id, r.name, r.role, r.year) == (label["doc"], label["name"], label["role"], label["year"])
        ]
        if label.get("absent"):
            hits = [r for r in candidates if r.is_absent and label.get("change", r.change) == r.change]
        else:
            wanted = (label["value"] or "", label["unit"], label["change"], label["modifier"], label["kind"])
            hits = [
                r
                for r in candidates
                if not r.is_absent and (r.value, r.unit, r.change, r.modifier, r.kind) == wanted
            ]
        if not hits:
            misses.append(
                f"{label['doc']} line {label.get('line')}: {label['name']} {label['role']} {label['year']}"
            )
    return misses


def test_every_hand_labelled_indicator_is_extracted_exactly() -> None:
    assert LABELS.is_file(), f"{LABELS} is missing: the hand labels are part of the test suite"
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assert labels, f"{LABELS} holds no labels"
    documents = sorted({label["doc"] for label in labels})
    table = indicator_table([corpus_set(doc_id) for doc_id in documents])
    records = [(each.doc_id, record) for each, record in all_records(table)]
    misses = _label_misses(labels, records)
    assert not misses, f"{len(labels) - len(misses)}/{len(labels)} labels match; missed: {misses}"


# ---------------------------------------------------------------------------------- CLI


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "indicators", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_series_gives_every_edition_of_the_series() -> None:
    code, by_series, _ = run("--series", "futian-plan", "-f", "csv")
    assert code == 0
    assert by_series == run(*PLANS, "-f", "csv")[1]
    code, out, err = run("--series", "nosuch")
    assert code == 2 and out == "" and "no documents of series 'nosuch'" in err


def test_cli_terminal_table() -> None:
    code, out, err = run(*reversed(PLANS))
    assert code == 0 and err.startswith("corpusdiff: warning: no edition of 2024 is given") and err.count("\n") == 1
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["2022-01", "futian/annual-plan/2022-01"]
    gdp = next(line for line in lines if line.startswith("地区生产总值"))
    assert gdp.split() == [
        "地区生产总值",
        "+6.8%",
        "5318.2亿元",
        "+8.6%",
        "+6.0%以上",
        "+6.5%",
        "2731亿元",
        "+3.5%",
        "5949亿元",
        "（未说明增速）",
        "+5.5%左右",
    ]
    _, english, _ = run(*PLANS, "--lang", "en")
    gdp = next(line for line in english.splitlines() if line.startswith("地区生产总值"))
    assert "5949亿元 (growth not stated) +5.5%左右" in " ".join(gdp.split())


def test_cli_role_filter_keeps_only_target_columns() -> None:
    code, out, _ = run(*PLANS, "--role", "target")
    assert code == 0
    assert "目标 2025" in out and not re.search(r"完成 \d{4}", out)  # no achieved column
    _, english, _ = run(*PLANS, "--role", "target", "--lang", "en")
    assert "target 2025" in english and "achieved" not in english.split("\n\n")[1]


def test_cli_json() -> None:
    code, out, _ = run("futian/annual-plan/2025-01", "futian/annual-plan/2022-01", "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == "1.1"
    assert [d["id"] for d in data["documents"]] == [
        "futian/annual-plan/2022-01",
        "futian/annual-plan/2025-01",
    ]
    assert all(d["found"] for d in data["documents"])
    target_2025 = data["documents"][1]["indicators"][8]
    assert {
        k: target_2025[k]
        for k in ("name", "value", "unit", "change", "modifier", "kind", "role", "year", "pointer")
    } == {
        "name": "地区生产总值",
        "value": "5.5",
        "unit": "%",
        "change": "growth",
        "modifier": "左右",
        "kind": "预期性",
        "role": "target",
        "year": 2025,
        "pointer": "p51",
    }
    gdp = next(row for row in data["rows"] if row["name"] == "地区生产总值")
    assert [c["text"] for c in gdp["cells"]][-1] == "+5.5%左右"


def test_cli_csv_has_one_line_per_record() -> None:
    code, out, _ = run("futian/mid-year-report/2023-10", "-f", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + 31  # no omissions: one edition has nothing to compare with
    by_column = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    blank = [r for r in by_column if r["status"] == "blank"]
    assert [(r["name"], r["role"], r["year"], r["pointer"]) for r in blank] == [
        ("万元GDP水耗", "achieved", "2023", "table 1 row 11"),
        ("能耗总量和强度", "achieved", "2023", "table 1 row 12"),
    ]


def test_cli_warns_about_a_document_without_indicators(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: 通知\ndate: 2024-05\ndialect: '1'\n---\n\n# 通知\n\n请各单位做好工作。\n",
        encoding="utf-8",
    )
    code, out, err = run(str(path), "futian/annual-plan/2025-01")
    assert code == 0
    assert err.strip() == f"corpusdiff: warning: {path}: no indicator list or table found"
    assert "地区生产总值" in out


def test_cli_bad_document_is_one_line_exit_2() -> None:
    code, _, err = run("futian/annual-plan/1999-01")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("corpusdiff: error: ")


def test_csv_and_json_agree_on_the_records() -> None:
    table = indicator_table([corpus_set(doc_id) for doc_id in PLANS], CORPUS_ALIASES)
    rows = list(csv.DictReader(io.StringIO(to_csv(table))))
    data = to_json(table)
    assert len(rows) == sum(len(d["indicators"]) for d in data["documents"])
    # 2025-01: 一般公共预算收入 and 失业率 in both roles, the 2024 growth of 5 indicators;
    # 2023-10: the H1 list gives no 进出口总额 level (the table gives only -10.2%).
    assert sum(r["status"] == "omitted" for r in rows) == 4 + 5 + 1


# ------------------------------------------------------- ranges, modifiers, periods and roles


@pytest.mark.parametrize(
    ("clause", "low", "high", "unit"),
    [
        ("国内生产总值增长6.5%－7%", "6.5", "7", "%"),  # 2016 national report
        ("国内生产总值增长6%－6.5%", "6", "6.5", "%"),  # 2019
        ("地区生产总值增长6%—6.5%", "6", "6.5", "%"),
        ("地区生产总值增长6-6.5%", "6", "6.5", "%"),
        ("地区生产总值增长5.5%~6%", "5.5", "6", "%"),
        ("城镇新增就业80万至90万人", "80", "90", "万人"),
        ("城镇新增就业80到90万人", "80", "90", "万人"),
    ],
)
def test_a_range_is_one_growth_figure_never_a_decline(clause: str, low: str, high: str, unit: str) -> None:
    figure = parse_figure(clause, Change.LEVEL)
    assert figure is not None
    assert (str(figure.low), str(figure.high), figure.unit) == (low, high, unit)
    assert figure.name in ("国内生产总值", "地区生产总值", "城镇新增就业")
    assert figure.change != Change.DECLINE


@pytest.mark.parametrize(
    ("clause", "name", "value", "change", "modifier"),
    [
        ("居民消费价格涨幅3%左右", "居民消费价格涨幅", "3", "level", "左右"),
        ("城镇新增就业1100万人以上", "城镇新增就业", "1100", "level", "以上"),
        ("城镇调查失业率5.5%以内", "城镇调查失业率", "5.5", "level", "以内"),
        ("万元GDP水耗下降3%以下", "万元GDP水耗", "3", "decline", "以下"),
        ("一般公共预算收入增长不低于5%", "一般公共预算收入", "5", "growth", "不低于"),
        ("政府负债率不超过60%", "政府负债率", "60", "level", "不超过"),
        ("城镇登记失业率低于4.6%", "城镇登记失业率", "4.6", "level", "低于"),
        ("地区生产总值力争增长7%以上", "地区生产总值", "7", "growth", "力争 以上"),
        ("PM2.5平均浓度控制在25微克", "PM2.5平均浓度", "25", "level", "控制在"),
        ("居民消费价格涨幅控制在3.5%左右", "居民消费价格涨幅", "3.5", "level", "左右"),
        ("城镇调查失业率全年控制在5.5%以内", "城镇调查失业率", "5.5", "level", "以内"),
        ("单位国内生产总值能耗降低3%左右", "单位国内生产总值能耗", "3", "decline", "左右"),
        ("粮食产量保持在1.3万亿斤以上", "粮食产量", "1.3", "level", "以上"),
    ],
)
def test_modifiers_and_verbs_are_not_part_of_the_name(
    clause: str, name: str, value: str, change: str, modifier: str
) -> None:
    figure = parse_figure(clause, Change.LEVEL)
    assert figure is not None
    assert (figure.name, str(figure.low), figure.change, figure.modifier) == (name, value, change, modifier)


def test_controlled_at_alone_is_the_bound() -> None:
    figure = parse_figure("城镇登记失业率控制在4.5%", Change.LEVEL)
    assert figure is not None and figure.modifier == "控制在" and figure.change == Change.LEVEL


PERIOD_LISTS = """
## 一、2024年1-9月经济运行情况

1-9月主要指标完成情况如下：

——地区生产总值4301亿元，增长5.2%；

## 二、2024年上半年执行情况

上半年主要经济指标实现情况如下：

——社会消费品零售总额1139亿元，增长3.3%；

## 三、2025年主要目标

2025年主要预期目标如下：

——地区生产总值全年增长5.5%左右；

——一般公共预算收入上半年增长3%。
"""


def test_periods_come_from_the_intro_its_heading_or_the_clause() -> None:
    found = extract_indicators(document(PERIOD_LISTS, date="2024-10"))
    rows = [(r.name, r.role, r.year, str(r.period), r.value) for r in found.indicators]
    assert rows == [
        ("地区生产总值", "achieved", 2024, "Q1-Q3", "4301"),
        ("地区生产总值", "achieved", 2024, "Q1-Q3", "5.2"),
        ("社会消费品零售总额", "achieved", 2024, "H1", "1139"),  # 实现 says achieved
        ("社会消费品零售总额", "achieved", 2024, "H1", "3.3"),
        ("地区生产总值", "target", 2025, "year", "5.5"),
        ("一般公共预算收入", "target", 2025, "H1", "3"),
    ]
    table = indicator_table([found])
    labels = [f"{c.role} {c.year} {c.period}" for c in table.columns]
    assert labels == ["achieved 2024 H1", "achieved 2024 Q1-Q3", "target 2025 H1", "target 2025 year"]
    assert "完成 2024 Q1-Q3" in render_terminal(table)
    assert "achieved 2024 Q1-Q3" in render_terminal(table, catalogue("en"))


@pytest.mark.parametrize(
    ("label", "months"), [("year", 12), ("H1", 6), ("Q1", 3), ("Q1-Q3", 9), ("1-10月", 10)]
)
def test_period_labels_read_back(label: str, months: int) -> None:
    assert Period.parse(label) == Period(months) and str(Period(months)) == label


def test_a_target_sentence_ends_names_at_its_full_stops() -> None:
    # 2015 national report: the list goes on after a 。, and a name must not swallow the sentence
    body = "今年经济社会发展的主要预期目标是：进出口增长6%左右，居民收入增长与经济发展同步。能耗强度下降3.1%以上，主要污染物排放继续减少。"
    found = extract_indicators(document(body, doc_id="t/gwr/2015", date="2015-03-05"))
    # 居民收入增长与经济发展同步 is a target in words (a growth in step), with its name alone
    assert [(r.name, r.value, r.change, r.modifier) for r in found.indicators] == [
        ("进出口", "6", "growth", "左右"),
        ("居民收入", "", "growth", ""),
        ("能耗强度", "3.1", "decline", "以上"),
    ]


# ------------------------------------------------------------- running text: the deficit


FISCAL = """
## 一、2018年工作回顾

财政赤字率一直控制在3%以内。今年以来赤字率为2.9%。

## 二、2019年政府工作任务

积极的财政政策要加力提效。今年赤字率拟按2.8%安排，比去年预算高0.2个百分点；财政赤字2.76万亿元，其中中央财政赤字1.83万亿元，地方财政赤字9300亿元。

财政赤字和国债规模有所增加，但赤字率稳定在2.8%。去年财政赤字2.38万亿元。
"""


def test_the_deficit_is_read_from_this_years_fiscal_paragraph_only() -> None:
    found = extract_indicators(document(FISCAL, doc_id="t/gwr/2019", date="2019-03-05"))
    assert [(r.name, r.value, r.unit, r.role, r.year, r.pointer) for r in found.indicators] == [
        ("赤字率", "2.8", "%", "target", 2019, "p1"),
        ("财政赤字", "2.76", "万亿元", "target", 2019, "p1"),
    ]  # not the review's 3% or 2.9%, not 中央/地方财政赤字, not last year's 2.38万亿元, each once
    assert {s.shape for s in found.sources} == {"prose"}


def test_the_reports_from_2024_word_the_deficit_and_incomes_target_their_own_way() -> None:
    """2024 and 2025 print `赤字规模4.06万亿元` (not 财政赤字) and `居民收入增长和经济增长同步` (not
    与): both were `(not stated)` beside 2023's 财政赤字 and 增长与经济增长基本同步."""
    old = extract_indicators(
        document(
            "今年发展主要预期目标是：国内生产总值增长5%左右；居民收入增长与经济增长基本同步。\n\n"
            "赤字率拟按3%安排，财政赤字3.88万亿元。",
            doc_id="t/gwr/2023",
            date="2023-03-05",
            series="t-gwr",
        )
    )
    new = extract_indicators(
        document(
            "今年发展主要预期目标是：国内生产总值增长5%左右；居民收入增长和经济增长同步。\n\n"
            "今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元、比上年增加1.6万亿元。",
            doc_id="t/gwr/2025",
            date="2025-03-05",
            series="t-gwr",
        )
    )
    cells = {row.canonical: [cell_text(c) for c in row.cells] for row in indicator_table([old, new]).rows}
    assert cells["居民收入"] == ["增长与经济增长基本同步", "增长和经济增长同步"]
    assert cells["财政赤字"] == ["3.88万亿元", "5.66万亿元"]


def test_a_province_s_own_wordings_of_gdp_and_cpi_join_the_rows_of_its_other_editions() -> None:
    """`全省生产总值` (scope dropped: `生产总值`) and `居民消费价格总水平涨幅` made rows of their own
    beside the next edition's 地区生产总值 and 居民消费价格涨幅, each `(not stated)` in the other."""
    old = extract_indicators(
        document(
            "今年全省经济社会发展的主要预期目标是：全省生产总值增长5%左右；居民消费价格总水平涨幅控制在3%左右。",
            doc_id="t/gwr/2024",
            date="2024-01-20",
            series="t-gwr",
        )
    )
    new = extract_indicators(
        document(
            "今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；居民消费价格涨幅2%左右。",
            doc_id="t/gwr/2025",
            date="2025-01-20",
            series="t-gwr",
        )
    )
    assert [(row.name, [cell_text(c) for c in row.cells]) for row in indicator_table([old, new]).rows] == [
        ("地区生产总值", ["+5%左右", "+5.5%左右"]),
        ("居民消费价格涨幅", ["3%左右", "2%左右"]),
    ]


# ------------------------------------------------------------- no target versus not found


@pytest.mark.parametrize(
    "clause",
    ["对地区生产总值增速不设具体目标", "地区生产总值增长目标不作量化要求", "全年地区生产总值增速目标暂不作量化"],
)
def test_a_province_waiving_its_growth_target_is_no_target_of_its_gdp(clause: str) -> None:
    """A province's ways of saying it sets no growth target: the first made a row named
    `对地区生产总值增速`, the others were not read, so the GDP row said `(not stated)`."""
    body = f"今年全省经济社会发展的主要预期目标是：{clause}；城镇新增就业45万人以上。"
    found = extract_indicators(document(body, date="2020-05-20"))
    first = found.indicators[0]
    assert (first.name, first.status) == ("地区生产总值", "no-target")


def test_no_target_this_year_is_marked_apart_from_not_stated_and_not_found() -> None:
    with_target = extract_indicators(
        document(
            "今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上；单位国内生产总值能耗降低3%左右。",
            doc_id="t/gwr/2021",
            date="2021-03-05",
            series="t-gwr",
        )
    )
    without = extract_indicators(
        document(
            "今年发展主要预期目标是：城镇新增就业900万人以上；能耗强度目标在“十四五”规划期内统筹考核。"
            "需要说明的是，我们没有提出全年经济增速具体目标，主要因为不确定性很大。",
            doc_id="t/gwr/2020",
            date="2020-05-22",
            series="t-gwr",
        )
    )
    silent = extract_indicators(
        document("今年我们要办好自己的事。", doc_id="t/gwr/2019", date="2019-03-05", series="t-gwr")
    )
    assert [(r.name, r.status) for r in without.indicators if r.status == Status.NO_TARGET] == [
        ("能耗强度", "no-target"),
        ("经济增速", "no-target"),
    ]
    assert not silent.found
    table = indicator_table([with_target, without, silent])
    cells = {row.name: [cell_text(cell) for cell in row.cells] for row in table.rows}
    # the 2019 edition has no column at all (nothing found); 经济增速 and 能耗强度 join the rows
    # the region's other editions name 国内生产总值 and 单位国内生产总值能耗
    assert [c.doc_id for c in table.columns] == ["t/gwr/2020", "t/gwr/2021"]
    assert cells["国内生产总值"] == ["(no target)", "+6%以上"]
    assert cells["单位国内生产总值能耗"] == ["(no target)", "-3%左右"]
    assert cells["城镇新增就业"] == ["900万人以上", "1100万人以上"]
    assert [row.cells[0].status for row in table.rows if row.name == "国内生产总值"] == ["no-target"]


# ------------------------------------------------------------- one row per indicator and region


def test_rows_are_per_region_and_labelled_as_printed() -> None:
    national = extract_indicators(
        document(
            "今年发展主要预期目标是：城镇登记失业率4.5%以内。",
            doc_id="cn/gwr/2019",
            date="2019-03-05",
            series="cn-gwr",
        )
    )
    national = replace(national, region="全国")
    futian = corpus_set("futian/annual-plan/2022-01")
    table = indicator_table([national, futian], CORPUS_ALIASES)  # 城镇登记失业率 -> 城镇居民登记失业率
    unemployment = [r for r in table.rows if r.canonical == "城镇居民登记失业率"]
    assert [(r.group, r.name) for r in unemployment] == [
        ("全国", "城镇登记失业率"),
        ("福田区", "城镇居民登记失业率"),
    ]
    out = render_terminal(table)
    assert "[全国]" in out and "[福田区]" in out
    assert out.index("[全国]") < out.index("城镇登记失业率") < out.index("[福田区]")


# ------------------------------------------------------------- the national reports, hand-labelled


@pytest.fixture(scope="module")
def national_table():
    sets = []
    for path in sorted(NATIONAL.glob("*.txt")):
        # what a manifest would give: the reports are delivered on 5 March (no 2020 in the corpus)
        overrides = {"date": f"{path.stem}-03-05", "series": "national-gwr", "region": "全国"}
        each = extract_indicators(normalize_file(path, overrides))
        sets.append(replace_id(each, f"national/gwr/{path.stem}"))
    return indicator_table(sets)


def replace_id(each: IndicatorSet, doc_id: str) -> IndicatorSet:
    return replace(each, doc_id=doc_id)


#: The fields of a hand label that say what figure the report states.
_FIGURE_FIELDS = ("name", "low", "high", "unit", "change", "modifier", "period")


def _label_figure(label: dict) -> tuple[object, ...]:
    return tuple(label[field] for field in _FIGURE_FIELDS)


def _record_figure(record: Indicator) -> tuple[object, ...]:
    """What a record states, in the fields and forms of `_label_figure`."""
    figure = record.figure
    return (record.name, str(figure.low), str(figure.high), record.unit, str(record.change), record.modifier, str(record.period))


def _national_misses(labels: list[dict], table) -> list[str]:
    records = [(each.doc_id, r) for each, r in all_records(table)]
    misses = []
    for label in labels:
        doc = f"national/gwr/{label['report']}"
        candidates = [r for d, r in records if d == doc and r.role == "target" and r.year == label["report"]]
        status = label.get("status", "stated")
        if status == "stated":
            wanted = _label_figure(label)
            hits = [
                r
                for r in candidates
                if r.status == "stated" and _record_figure(r) == wanted and label["printed"] in r.printed
            ]
        else:
            hits = [r for r in candidates if r.status == status and r.name == label["name"]]
        if len(hits) != 1:
            misses.append(f"{label['report']} {label['name']} {status}: {len(hits)} records")
    return misses


def test_every_national_target_is_extracted_exactly(national_table) -> None:
    assert NATIONAL_LABELS.is_file(), (
        f"{NATIONAL_LABELS} is missing: the hand labels are part of the test suite"
    )
    labels = yaml.safe_load(NATIONAL_LABELS.read_text(encoding="utf-8"))
    assert len(labels) >= 50
    misses = _national_misses(labels, national_table)
    assert not misses, f"{len(labels) - len(misses)}/{len(labels)} labels match; missed: {misses}"


def test_the_national_table_has_one_row_per_labelled_indicator(national_table) -> None:
    labels = yaml.safe_load(NATIONAL_LABELS.read_text(encoding="utf-8"))
    names = {label["name"] for label in labels}
    rows = {row.name for row in national_table.rows}
    assert names <= rows
    # no row is a fragment of another's name (城镇登记失业率低于, 国内生产总值增长6.5%)
    assert not [
        r for r in rows for other in rows if r != other and r.startswith(other) and not r.endswith("率")
    ]
    gdp = next(row for row in national_table.rows if row.name == "国内生产总值")
    targets = [c for c, column in zip(gdp.cells, national_table.columns, strict=True) if column.role == "target"]
    assert [cell_text(c) for c in targets][3] == "+6.5–7%"
    assert all(c.status == "stated" for c in targets)


def test_json_and_csv_carry_range_period_and_printed_names(national_table) -> None:
    data = to_json(national_table)
    assert data["schema_version"] == "1.1"
    gdp_2016 = next(
        r
        for d in data["documents"]
        if d["id"] == "national/gwr/2016"
        for r in d["indicators"]
        if r["name"] == "国内生产总值" and r["role"] == "target"
    )
    assert {k: gdp_2016[k] for k in ("value", "low", "high", "unit", "change", "period", "status")} == {
        "value": "6.5–7",
        "low": "6.5",
        "high": "7",
        "unit": "%",
        "change": "growth",
        "period": "year",
        "status": "stated",
    }
    energy = next(row for row in data["rows"] if row["canonical_name"] == "单位国内生产总值能耗")
    assert energy["names"] == ["能耗强度", "单位国内生产总值能耗"] and energy["region"] == "全国"
    assert energy["cells"][-1]["status"] == "no-target"
    rows = list(csv.DictReader(io.StringIO(to_csv(national_table))))
    assert tuple(rows[0]) == CSV_COLUMNS
    ratio = [(r["date"][:4], r["low"], r["modifier"]) for r in rows if r["name"] == "赤字率"]
    assert ratio[0] == ("2013", "2", "左右") and ratio[-1] == ("2022", "2.8", "左右")


# ------------------------------------------------ the national results, read from the review part

#: The indicators national-results.yaml labels, by the names reports print them with.
_RESULT_FAMILIES = ("国内生产总值", "居民消费价格", "城镇新增就业", "失业率", "赤字", "居民人均可支配收入", "居民收入")


def _result_key(report: int, record: Indicator) -> tuple[object, ...]:
    return (report, record.year, *_record_figure(record))


def test_every_national_result_is_read_from_the_review_exactly_and_nothing_else(national_table) -> None:
    assert NATIONAL_RESULTS.is_file(), f"{NATIONAL_RESULTS} is missing: the hand labels are part of the suite"
    labels = yaml.safe_load(NATIONAL_RESULTS.read_text(encoding="utf-8"))
    assert len(labels) >= 30
    wanted = {(label["report"], label["year"], *_label_figure(label)): label["printed"] for label in labels}
    found = {
        _result_key(int(each.doc_id.rsplit("/", 1)[1]), record): record.printed
        for each, record in all_records(national_table)
        if record.role == "achieved"
        and record.status == "stated"
        and any(family in record.name for family in _RESULT_FAMILIES)
    }
    missed = sorted(set(wanted) - set(found), key=str)
    extra = sorted(set(found) - set(wanted), key=str)
    assert not missed and not extra, (
        f"{len(set(wanted) & set(found))}/{len(wanted)} results read; missed {missed}; read but not labelled {extra}"
    )
    assert all(printed in found[key] for key, printed in wanted.items())


def test_a_result_over_five_years_is_no_result_of_last_year() -> None:
    doc = document(
        """
## 一、过去五年工作回顾

五年来，经济实力跃上新台阶。国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。城镇新增就业6600万人以上。

刚刚过去的2017年，主要目标任务全面完成。国内生产总值增长6.9%；城镇新增就业1351万人，失业率为多年来最低。

## 二、2018年经济社会发展总体要求和政策取向

今年发展主要预期目标是：国内生产总值增长6.5%左右，城镇新增就业1100万人以上。
""",
        doc_id="national/gwr/2018",
        date="2018-03-05",
        series="national-gwr",
    )
    achieved = [
        (r.name, r.value, r.change, r.year) for r in extract_indicators(doc).indicators if r.role == "achieved"
    ]
    assert achieved == [("国内生产总值", "6.9", "growth", 2017), ("城镇新增就业", "1351", "level", 2017)]


def test_a_review_part_named_by_no_role_word_is_read_as_the_review_of_last_year() -> None:
    """`一、过去一年的工作` says neither 回顾 nor 执行情况, but the targets follow it: it reviews
    the year just ended, as the differ reads it (compare.units.part_roles), and its results are
    that year's. Found by renaming 2019's review part: its five results were lost."""
    doc = document(
        """
## 一、过去一年的工作

过去一年，主要目标任务全面完成。国内生产总值增长6.6%；城镇新增就业1361万人。

## 二、2019年经济社会发展总体要求和政策取向

今年发展主要预期目标是：国内生产总值增长6%－6.5%，城镇新增就业1100万人以上。
""",
        doc_id="national/gwr/2019",
        date="2019-03-05",
        series="national-gwr",
    )
    rows = [(r.name, r.value, r.role, r.year) for r in extract_indicators(doc).indicators]
    assert ("国内生产总值", "6.6", "achieved", 2018) in rows
    assert ("城镇新增就业", "1361", "achieved", 2018) in rows
    assert not [row for row in rows if row[2] == "target" and row[3] != 2019]


def test_a_clause_without_a_name_continues_the_result_before_it() -> None:
    doc = document(
        """
## 一、2013年工作回顾

——经济运行稳中向好。国内生产总值达到56.9万亿元，比上年增长7.7%。居民消费价格涨幅控制在2.6%。城镇登记失业率4.1%。

## 二、2014年工作总体部署

今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。
""",
        doc_id="national/gwr/2014",
        date="2014-03-05",
        series="national-gwr",
    )
    records = [r for r in extract_indicators(doc).indicators if r.role == "achieved"]
    assert [(r.name, r.value, r.unit, r.change, r.modifier) for r in records] == [
        ("国内生产总值", "56.9", "万亿元", "level", ""),
        ("国内生产总值", "7.7", "%", "growth", ""),
        ("居民消费价格涨幅", "2.6", "%", "level", "控制在"),
        ("城镇登记失业率", "4.1", "%", "level", ""),
    ]
    assert {r.year for r in records} == {2013} and records[1].printed == "比上年增长7.7%"


#: The 2019 national report's targets as a python-docx user typed them into a table: its text
#: says 城镇新增就业1100万人以上 (a level, an amount of jobs) and 国内生产总值增长6%－6.5% (growth).
GWR_TABLE = """
| 指标 | 2019年目标 | 2020年计划增长 |
| --- | --- | --- |
| 城镇新增就业 | 1100万人以上 |  |
| 财政赤字 | 2.76万亿元 |  |
| 国内生产总值 | 6%－6.5% |  |
| 社会消费品零售总额 |  | 3000亿元 |
"""


def test_an_amount_in_a_target_table_is_a_level_a_bare_percentage_growth() -> None:
    found = extract_indicators(document(GWR_TABLE, "t/government-work-report/2019", "2019-03", "t-gwr"))
    stated = {(r.name, r.year): (r.value, r.unit, r.change) for r in found.indicators if r.status == "stated"}
    assert stated[("城镇新增就业", 2019)] == ("1100", "万人", "level")
    assert stated[("财政赤字", 2019)] == ("2.76", "万亿元", "level")
    assert stated[("国内生产总值", 2019)] == ("6–6.5", "%", "growth")
    # a column whose header says 增长 makes even an amount a growth
    assert stated[("社会消费品零售总额", 2020)] == ("3000", "亿元", "growth")


# ------------------------------------------------ a national mid-year report joins the annual rows

MID_YEAR = Path(__file__).parent.parent / "data" / "mid-year" / "national-2024-mid.txt"
#: The 2024 government work report's targets, as it prints them.
GWR_2024 = """
## 二、2024年经济社会发展总体要求和政策取向

今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。
"""


def _mid_year_table(mid_year: IndicatorSet):
    annual = extract_indicators(document(GWR_2024, "national/gwr/2024", "2024-03-05", "national-gwr"))
    return indicator_table([replace(annual, region="全国"), replace(mid_year, region="全国")])


def _mid_year_cells(table) -> dict[str, str]:
    """Row key (canonical name) -> the text of the mid-year report's achieved H1 2024 cell."""
    at = next(
        n for n, c in enumerate(table.columns) if (c.role, c.year, str(c.period)) == ("achieved", 2024, "H1")
    )
    return {row.canonical: cell_text(row.cells[at]) for row in table.rows if row.cells[at].records}


def test_a_review_s_level_that_breaks_a_mark_keeps_its_growth() -> None:
    """`全省地区生产总值突破5万亿元、增长5.2%` gave neither figure (突破 was no bound, and the growth
    had no named clause to continue); `迈上2万亿元台阶，增长6%` lost the growth likewise."""
    body = (
        "## 一、2024年工作回顾\n\n全省地区生产总值突破5万亿元、增长5.2%。"
        "全市地区生产总值迈上2万亿元台阶，增长6%。"
    )
    found = extract_indicators(document(body, date="2025-01-15"))
    assert [(r.name, r.value, r.unit, r.change, r.modifier) for r in found.indicators] == [
        ("地区生产总值", "5", "万亿元", "level", "突破"),
        ("地区生产总值", "5.2", "%", "growth", ""),
    ]  # each (name, change) once: the second sentence's growth is not read again
    assert cell_text(indicator_table([found]).rows[0].cells[0]) == "突破5万亿元 +5.2%"
    found = extract_indicators(document("## 一、2024年工作回顾\n\n全市地区生产总值迈上2万亿元台阶，增长6%。", date="2025-01"))
    assert [(r.name, r.value, r.change) for r in found.indicators] == [("地区生产总值", "6", "growth")]


def test_the_income_result_of_a_review_is_read_into_the_row_of_the_income_target() -> None:
    """Every national review states the income result (`全国居民人均可支配收入实际增长8%`, 2015) and
    every target list the income target in words (`居民收入增长与经济发展同步`): the result was never
    read, so the row of 居民收入 had targets and no result beside them."""
    body = (
        "## 一、2014年工作回顾\n\n人民生活有新的改善，全国居民人均可支配收入实际增长8%，快于经济增长。\n\n"
        "## 二、2015年工作总体部署\n\n今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，"
        "居民收入增长与经济发展同步。"
    )
    found = extract_indicators(document(body, date="2015-03-05"))
    income = [(r.name, r.role, r.year, r.value, r.change) for r in found.indicators if "收入" in r.name]
    assert income == [
        ("居民人均可支配收入", "achieved", 2014, "8", "growth"),
        ("居民收入", "target", 2015, "", "growth"),
    ]
    rows = [row for row in indicator_table([found]).rows if row.canonical == "居民人均可支配收入"]
    assert [cell_text(cell) for cell in rows[0].cells] == ["+8%", "增长与经济发展同步"]

def test_the_income_target_in_any_wording_is_one_row_with_the_income_results() -> None:
    """2013 writes its income target `城乡居民人均收入实际增长与经济增长同步`, later reports `居民收入
    增长…同步` (a province `城乡居民收入…`): one indicator, which made a row of its own beside the
    row of the results."""
    editions = [
        ("2013", "## 二、2013年工作建议\n\n今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，城乡居民人均收入实际增长与经济增长同步。"),
        ("2015", "## 一、2014年工作回顾\n\n全国居民人均可支配收入实际增长8%。"),
    ]
    sets = [
        extract_indicators(document(body, f"national/gwr/{year}", f"{year}-03-05", "national-gwr"))
        for year, body in editions
    ]
    income = [row for row in indicator_table(sets).rows if "收入" in row.canonical]
    assert [row.canonical for row in income] == ["居民人均可支配收入"]
    assert [cell_text(cell) for cell in income[0].cells if cell.records] == ["实际增长与经济增长同步", "+8%"]

def test_a_review_opening_with_its_year_in_the_five_year_plan_is_read() -> None:
    """Found on a province's 2025 work report (helper M3): `2024年是实现“十四五”规划目标任务的关键一年。`
    opens the review, and “十四五” made it a sentence of a longer time, so the results after it
    (`全省地区生产总值增长5.1%`) were lost. The plan named as the year's frame is no longer time;
    a sentence of the five years still ends the reading."""
    body = (
        "## 一、2024年工作回顾\n\n2024年是实现“十四五”规划目标任务的关键一年。"
        "全省上下稳中求进，全省地区生产总值增长5.1%。“十四五”以来，全省城镇新增就业230万人。"
    )
    found = extract_indicators(document(body, date="2025-01-15"))
    assert [(r.name, r.value, r.year, r.role) for r in found.indicators] == [("地区生产总值", "5.1", 2024, "achieved")]


@pytest.mark.parametrize("against", ["低于计划目标0.2个百分点", "高于年度目标1个百分点", "比预期目标低0.3个百分点"])
def test_a_result_measured_against_its_target_is_one_row(against: str) -> None:
    """Found on a city's plan report (helper M3): `——地区生产总值增长5.8%，低于计划目标0.2个百分点；`
    made a row `低于计划目标` of 0.2个百分点 beside 地区生产总值; how far a result fell short of its
    target (or went past it) is no indicator, as how far it has come (`完成全年目标的58.1%`) is none."""
    body = (
        "## 一、2024年国民经济和社会发展计划执行情况\n\n主要指标完成情况如下：\n\n"
        f"——地区生产总值增长5.8%，{against}；\n\n——固定资产投资增长5.2%。"
    )
    found = extract_indicators(document(body, date="2025-01-08"))
    assert [(r.name, r.value, r.role) for r in found.indicators] == [
        ("地区生产总值", "5.8", "achieved"),
        ("固定资产投资", "5.2", "achieved"),
    ]


def test_a_mid_year_review_that_opens_with_this_year_so_far_is_read() -> None:
    """`今年以来，…` is the half year under review, not a longer time: the figures after it were lost."""
    body = (
        "## 一、上半年国民经济和社会发展计划执行情况\n\n今年以来，全省经济运行总体平稳、稳中有进。"
        "上半年，全省地区生产总值增长5.8%，城镇调查失业率平均为4.5%，居民消费价格上涨0.3%。"
    )
    found = extract_indicators(document(body, date="2024-07-25"))
    assert [(r.name, r.value, r.year, str(r.period)) for r in found.indicators] == [
        ("地区生产总值", "5.8", 2024, "H1"),
        ("城镇调查失业率", "4.5", 2024, "H1"),
        ("居民消费价格", "0.3", 2024, "H1"),
    ]


def test_a_result_of_the_year_so_far_that_names_no_period_covers_the_months_named_before_it() -> None:
    """A mid-year report's 一、今年以来…执行情况 names its months once (`上半年，…`); a later paragraph's
    `城镇新增就业697万人` was read as the whole year's, which has not ended."""
    body = (
        "## 一、今年以来国民经济和社会发展计划执行情况\n\n上半年，国内生产总值同比增长5%。\n\n"
        "### （三）民生保障有力有效\n\n城镇新增就业697万人，城镇调查失业率平均为5.1%。"
    )
    found = extract_indicators(document(body, date="2024-06-25"))
    assert [(r.name, r.year, str(r.period)) for r in found.indicators] == [
        ("国内生产总值同比", 2024, "H1"),
        ("城镇新增就业", 2024, "H1"),
        ("城镇调查失业率", 2024, "H1"),
    ]

def test_a_mid_year_report_s_results_in_prose_join_the_annual_rows() -> None:
    """上半年，国内生产总值同比增长5%…全国城镇调查失业率平均为5.1%，居民消费价格同比上涨0.1%: read as H1
    results of the report's own year, in the rows the annual report's targets open, the printed
    names kept in `Row.names`."""
    mid_year = extract_indicators(normalize_file(MID_YEAR))
    assert mid_year.found
    table = _mid_year_table(mid_year)
    assert _mid_year_cells(table) == {
        "国内生产总值": "+5%",
        "城镇新增就业": "697万人",
        "城镇调查失业率": "5.1%",
        "居民消费价格涨幅": "0.1%",
        "居民人均可支配收入": "+5.3%",
    }
    names = {row.canonical: row.names for row in table.rows}
    assert "国内生产总值同比" in names["国内生产总值"] and "居民消费价格同比" in names["居民消费价格涨幅"]
    assert len(table.rows) == 5
    # the row is labelled as the latest edition prints it, without 同比 or 全国
    assert {row.name for row in table.rows} == {
        "国内生产总值",
        "城镇新增就业",
        "城镇调查失业率",
        "居民消费价格",
        "居民人均可支配收入",
    }


def test_a_mid_year_results_list_joins_the_annual_rows_too() -> None:
    text = MID_YEAR.read_text(encoding="utf-8").replace("上半年，国内生产总值", "上半年主要经济指标实现情况如下：国内生产总值")
    doc = parse(
        "---\ntitle: 国务院关于今年以来国民经济和社会发展计划执行情况的报告\nid: national/plan/2024-06\n"
        "date: '2024-06-25'\nperiod: '2024'\nseries: national-plan\ndialect: '1'\n---\n\n# 测试\n\n"
        "## 一、今年以来国民经济和社会发展计划执行情况\n\n" + text.split("（一）经济运行总体平稳\n\n")[1].split("\n")[0]
    )
    table = _mid_year_table(extract_indicators(doc))
    cells = _mid_year_cells(table)
    assert cells["城镇调查失业率"] == "5.1%" and cells["国内生产总值"] == "+5%"
    assert cells["居民消费价格涨幅"] == "0.1%" and len(table.rows) == 4
    assert not {"全国城镇调查失业率", "国内生产总值同比", "居民消费价格同比"} & {row.name for row in table.rows}


def test_the_national_vocabulary_example_joins_what_national_editions_name_two_ways(tmp_path) -> None:
    """docs/examples/national-site.yaml: 进出口总额 (2014's wording) and 进出口 (2015's) fill one row
    with it, two rows without; the shipped aliases alone do not join them."""
    (tmp_path / "site.yaml").write_text(
        (ROOT / "docs" / "examples" / "national-site.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    aliases = load_vocabulary(tmp_path).indicator_aliases
    editions = [
        document(
            f"## 二、{year}年工作总体部署\n\n今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，{trade}。",
            f"national/gwr/{year}",
            f"{year}-03-05",
            "national-gwr",
        )
        for year, trade in (("2014", "进出口总额增长7.5%左右"), ("2015", "进出口增长6%左右"))
    ]
    sets = [extract_indicators(each) for each in editions]
    assert [row.canonical for row in indicator_table(sets).rows] == ["国内生产总值", "进出口总额", "进出口"]
    joined = indicator_table(sets, aliases)
    assert [(row.name, [cell_text(c) for c in row.cells]) for row in joined.rows] == [
        ("国内生产总值", ["+7%左右", "+7%左右"]),
        ("进出口", ["+7.5%左右", "+6%左右"]),
    ]


MERGED_HEADER_TABLE = """
综合考虑各方面因素，建议2025年主要预期目标为：

| 类别 | 指标 | 单位 | 2024—2025年 |  |
| --- | --- | --- | --- | --- |
|  |  |  | 完成 | 2025年目标 |
| 经济发展 | 地区生产总值增速 | % | 6.0 | 6 |
|  | 城镇调查失业率 | % | 5.3 | 5.5以内 |
"""

ACTUAL_COLUMN_TABLE = """
附件：2025年国民经济和社会发展主要指标

| 序号 | 指标名称 | 单位 | 2024年实际 | 2025年目标 | 属性 |
| --- | --- | --- | --- | --- | --- |
| 1 | 地区生产总值增长 | % | 4.7 | 5.5左右 | 预期性 |
| 2 | 城镇调查失业率 | % | 4.2 | 5以内 | 预期性 |
"""


@pytest.mark.parametrize("table", [MERGED_HEADER_TABLE, ACTUAL_COLUMN_TABLE], ids=["two-row-header", "actual-column"])
def test_a_table_names_its_years_in_a_merged_header_or_as_actual_and_its_growth_rows(table: str) -> None:
    """A period merged over 完成 and 目标 (2024—2025年), or a column headed 2024年实际, gives 2024's
    results and 2025's targets; a row named for a growth (…增速, …增长) with a % unit is growth."""
    found = extract_indicators(document(table))
    gdp = [(r.name, r.change, r.role, r.year) for r in found.indicators if r.name == "地区生产总值"]
    assert gdp == [("地区生产总值", "growth", "achieved", 2024), ("地区生产总值", "growth", "target", 2025)]
    jobless = {(r.role, r.year, r.change) for r in found.indicators if r.name == "城镇调查失业率"}
    assert jobless == {("achieved", 2024, "level"), ("target", 2025, "level")}


def test_a_provincial_list_keeps_targets_set_above_and_growth_in_step() -> None:
    """A province's targets set by the state (完成国家下达任务) and a growth worded as keeping step
    (增长与经济增长基本同步) are targets of their own, shown in their words, not left out."""
    body = (
        "今年全省经济社会发展主要预期目标是：\n\n——地区生产总值增长5.5%左右；\n\n"
        "——一般公共预算收入增长与经济增长基本同步；\n\n——单位地区生产总值能耗完成国家下达任务。"
    )
    found = extract_indicators(document(body))
    rows = [(r.name, r.change, r.modifier) for r in found.indicators]
    assert ("一般公共预算收入", "growth", "") in rows
    assert ("单位地区生产总值能耗", "", "完成国家下达目标") in rows


def test_a_five_year_plan_names_an_indicator_without_its_yearly_average() -> None:
    """`地区生产总值年均增长7%左右`: 年均 is how the plan counts over its years, and the row is the
    one the annual reports' 地区生产总值 fills."""
    body = "## 第二章 主要目标\n\n“十四五”时期经济社会发展主要目标是：地区生产总值年均增长7%左右，研究与试验发展经费投入强度年均提高0.1个百分点。"
    found = extract_indicators(document(body, doc_id="t/five-year-plan/2021", date="2021"))
    assert {r.name for r in found.indicators} >= {"地区生产总值", "研究与试验发展经费投入强度"}
    assert not [r.name for r in found.indicators if r.name.endswith("年均")]


def test_a_target_line_naming_its_indicator_before_no_target_is_that_indicator() -> None:
    """`——地区生产总值不设具体增长目标；`: the row is 地区生产总值, with no target this year (it
    was an indicator named 具体, and 地区生产总值 read as not stated)."""
    body = "今年全省经济社会发展主要预期目标是：\n\n——地区生产总值不设具体增长目标；\n\n——城镇新增就业65万人以上。"
    found = extract_indicators(document(body))
    assert [(r.name, r.status) for r in found.indicators if r.status == Status.NO_TARGET] == [
        ("地区生产总值", "no-target")
    ]


def test_a_result_given_as_an_estimate_is_read() -> None:
    """A January report gives last year's results as estimates (`预计全省地区生产总值增长5.8%`):
    the headline result of the review, not left out."""
    doc = document(
        """
## 一、2023年工作回顾

过去一年，全省经济回升向好。预计全省地区生产总值增长5.8%，城镇新增就业69.8万人。

## 二、2024年主要目标

今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右。
""",
        doc_id="anhui/gwr/2024",
        date="2024-01-23",
        series="anhui-gwr",
    )
    achieved = [(r.name, r.value, r.year) for r in extract_indicators(doc).indicators if r.role == "achieved"]
    assert ("地区生产总值", "5.8", 2023) in achieved


def test_a_cumulative_plan_figure_is_charted_apart_from_yearly_figures() -> None:
    """〔13.5〕 (five years) on the line of the annual reports' `降低2.5%左右` would read as a leap:
    the site's charts leave it out, as they leave out a half year's level."""
    from corpusdiff.site.indicators_view import chart_points

    plan = extract_indicators(document(CUMULATIVE_PLAN_TABLE, doc_id="t/five-year-plan/2021", date="2021"))
    yearly = extract_indicators(
        document("今年发展主要预期目标是：单位GDP能源消耗降低2.5%左右。", doc_id="t/gwr/2024", date="2024-03-05")
    )
    table = indicator_table([plan, yearly])
    row = next(r for r in table.rows if r.name == "单位GDP能源消耗")
    charts = chart_points(table.columns, row.cells, [not c.period.is_year for c in table.columns])
    assert [p.year for _, points in charts for p in points] == []  # one yearly point: no chart


OLDER_REPORT = """
## 一、一九八四年的经济形势

１９８４年，我国工农业总产值突破一万亿元，在１９７９到１９８３年平均每年递增７．９％的基础上，比上年增长１４．２％。粮食产量达到四亿零七百多万吨，比上年增长５．１％；棉花达到六百零八万吨，增长３１．１％。

一九八二年全国工农业总产值达到八千二百九十一亿元，比一九七八年增长百分之三十二点六，平均每年增长百分之七点三。

全国进出口总额达到一百二十亿美元。大家知道，我国的粮食总产量，在解放前产量最高的一九三六年，只有二千七百七十四亿斤。

## 二、一九八五年国民经济计划的安排

一九八五年计划工农业总产值比上年增长百分之七，达到一万零五百亿元；钢产量四千五百万吨，社会商品零售总额比一九八四年预计增长百分之十二。
"""


def older_fields(record: Indicator) -> tuple[object, ...]:
    return (*fields(record)[:5], record.role, record.year, record.printed)


def test_an_older_report_s_running_text_gives_results_and_targets_in_chinese_numerals() -> None:
    found = extract_indicators(document(OLDER_REPORT, "quanguo/government-work-report/1985", "1985", "national"))
    assert [older_fields(r) for r in found.indicators] == [
        ("工农业总产值", "1", "万亿元", "level", "突破", "achieved", 1984, "我国工农业总产值突破一万亿元"),
        ("工农业总产值", "14.2", "%", "growth", "", "achieved", 1984, "比上年增长１４．２％"),
        ("粮食产量", "4.07", "亿吨", "level", "多", "achieved", 1984, "粮食产量达到四亿零七百多万吨"),
        ("粮食产量", "5.1", "%", "growth", "", "achieved", 1984, "比上年增长５．１％"),
        ("棉花", "608", "万吨", "level", "", "achieved", 1984, "棉花达到六百零八万吨"),
        ("棉花", "31.1", "%", "growth", "", "achieved", 1984, "增长３１．１％"),
        ("工农业总产值", "8291", "亿元", "level", "", "achieved", 1982, "一九八二年全国工农业总产值达到八千二百九十一亿元"),
        ("进出口总额", "120", "亿美元", "level", "", "achieved", 1984, "全国进出口总额达到一百二十亿美元"),
        ("工农业总产值", "7", "%", "growth", "", "target", 1985, "一九八五年计划工农业总产值比上年增长百分之七"),
        ("工农业总产值", "10500", "亿元", "level", "", "target", 1985, "达到一万零五百亿元"),
        ("钢产量", "4500", "万吨", "level", "", "target", 1985, "钢产量四千五百万吨"),
        ("社会商品零售总额", "12", "%", "growth", "", "target", 1985, "社会商品零售总额比一九八四年预计增长百分之十二"),
    ]
    assert found.indicators[0].source_text.startswith("１９８４年，我国工农业总产值突破一万亿元")
    assert {s.shape for s in found.sources} == {"prose"}


def test_a_report_after_the_planned_economy_with_a_target_list_is_not_read_for_its_prose() -> None:
    body = OLDER_REPORT.replace("## 二、", "主要指标如下：\n\n——工业总产值增长6%。\n\n## 二、")
    found = extract_indicators(document(body, "quanguo/government-work-report/1995", "1995", "national"))
    assert [r.name for r in found.indicators] == ["工业总产值"]


def test_an_older_report_in_traditional_characters_reads_as_simplified_and_keeps_its_print() -> None:
    body = "拿一九五四年預計産量來同一九四九年産量比較一下：原煤八千一百九十九萬噸，等於一九四九年的二點六倍。"
    found = extract_indicators(document(body, "quanguo/government-work-report/1954", "1954", "national"))
    assert [older_fields(r) for r in found.indicators] == [
        ("原煤", "8199", "万吨", "level", "", "achieved", 1954, "原煤八千一百九十九萬噸"),
    ]


def test_running_text_of_older_reports_makes_no_omissions_in_either_direction() -> None:
    older = extract_indicators(document(OLDER_REPORT, "quanguo/government-work-report/1985", "1985", "national"))
    later = document("一九八五年粮食产量达到三亿七千九百万吨，比上年下降百分之六点九。", "quanguo/government-work-report/1986", "1986", "national")
    listed = document(TARGET_LIST, "quanguo/annual-plan/2025-01", "2025-01", "national")
    table = indicator_table([older, extract_indicators(later), extract_indicators(listed)])
    assert not any(record.status == Status.OMITTED for _, record in all_records(table))
    assert older.complete is False and extract_indicators(listed).complete is True


def test_a_period_opening_an_older_report_s_sentence_is_its_figures_period() -> None:
    body = "1979年工业总产值比上年增长了8.5%。今年上半年，在能源增长较少的情况下，工业总产值比去年同期增长了13.6%。"
    found = extract_indicators(document(body, "quanguo/annual-plan/1980", "1980", "national-plan"))
    assert [(r.year, str(r.period), r.value) for r in found.indicators] == [(1979, "year", "8.5"), (1980, "H1", "13.6")]


def test_a_full_year_figure_after_half_year_ones_is_of_the_year_the_paragraph_is_about() -> None:
    """The 1980 plan report: `去年水平` is what this year is compared with, not the time of the
    `全年` figure after it (it was read as a 1979 target); a period may open the clause before the
    name (`今年上半年工业总产值…`)."""
    body = (
        "今年国民经济计划的执行情况是比较好的。棉花、糖料的产量预计可以超过去年水平。"
        "全年工业总产值计划比上年增长6%，预计可以超过。\n\n"
        "今年上半年工业总产值比去年同期增长了13.6%，全年预计增长8%。"
    )
    found = extract_indicators(document(body, "quanguo/annual-plan/1980", "1980", "national-plan"))
    assert [(r.name, r.value, str(r.role), r.year, str(r.period)) for r in found.indicators] == [
        ("工业总产值", "6", "target", 1980, "year"),
        ("工业总产值", "13.6", "achieved", 1980, "H1"),
        ("工业总产值", "8", "achieved", 1980, "year"),
    ]


def test_a_year_a_figure_is_compared_with_is_not_the_year_of_the_figures_after_it() -> None:
    """The 1981 report, of 1981: `接近1979年的水平` and `继去年…之后` compare; the oil crops' growth
    is this year's, and `又增长` (grew again) says it was done (it was read as 1980's)."""
    body = (
        "尽管今年不少地区遭受到严重水旱灾害，全国农业形势依然很好。粮食总产量预计可以接近1979年的水平，"
        "是建国以来第二个高产年。棉花继去年创造了历史最高纪录之后，又有新的突破。"
        "油料在连续三年大增产的基础上，又增长17%左右。"
    )
    found = extract_indicators(document(body, "quanguo/government-work-report/1981", "1981", "national"))
    assert [(r.name, r.value, str(r.change), str(r.role), r.year) for r in found.indicators] == [
        ("油料", "17", "growth", "achieved", 1981)
    ]


def test_a_clause_that_opens_with_a_year_states_that_year_s_figure_after_a_span() -> None:
    """The 1985 report: `1984年增长14.5%` after `1979年到1983年，…平均每年增长7.9%` is 1984's growth
    (it was left out with the span's), and the span's own figures stay unread."""
    body = (
        "1979年到1983年，农业总产值（包括村办工业）平均每年增长7.9%，1984年增长14.5%，"
        "远远超过了1953年到1978年的二十六年间平均每年增长3.2%的速度。"
        "1979年至1983年，轻工业总产值平均每年增长11.2%，1984年增长13.9%。"
    )
    found = extract_indicators(document(body, "quanguo/government-work-report/1985", "1985", "national"))
    assert [(r.name, r.value, str(r.change), str(r.role), r.year) for r in found.indicators] == [
        ("农业总产值", "14.5", "growth", "achieved", 1984),
        ("轻工业总产值", "13.9", "growth", "achieved", 1984),
    ]


@pytest.mark.parametrize(
    "report, body, expected",
    [
        (  # the share of a plan done is no level of steel (1956)
            "1956",
            "但是有几项重要产品的产量没有完成计划：钢完成96.4%，钢材完成95%，原煤完成99.8%，原油完成99.6%。",
            [],
        ),
        (  # ... and the name goes on to the growth after it (1956, of 1955)
            "1956",
            "1955年，粮食总产量达到3，680亿斤，完成年度计划的102%，比1954年增长9%。",
            [("粮食总产量", "3680", "亿斤", "level", 1955), ("粮食总产量", "9", "%", "growth", 1955)],
        ),
        (  # capacities, not outputs (1958)
            "1958",
            "由于这些项目的建设完工，冶金工业在今年内新增加的生产能力有：生铁一百八十八万吨，钢一百一十六万六千吨。",
            [],
        ),
        (  # the sown area of cotton, not its output (1958)
            "1958",
            "一九五八年棉花的播种面积安排为九千零三十万亩，比上一年增加四百一十二万亩。",
            [],
        ),
        (  # four autonomous regions, not the country (1959)
            "1959",
            "据统计，内蒙古、新疆、广西、宁夏四个自治区，一九五八年工业总产值比一九五七年增长百分之八十八，"
            "粮食产量也增长了百分之八十三。",
            [],
        ),
    ],
)
def test_figures_an_older_report_gives_of_something_else_are_not_the_indicator_s(
    report: str, body: str, expected: list[tuple[str, str, str, str, int]]
) -> None:
    found = extract_indicators(document(body, f"quanguo/government-work-report/{report}", report, "national"))
    assert [(r.name, r.value, r.unit, str(r.change), r.year) for r in found.indicators] == expected


@pytest.mark.parametrize(
    "report, body, expected",
    [
        (  # 拟定为, a bracket on how it is counted, an amount and a rate of growth (1958)
            "1958",
            "一九五八年的工业总产值，拟定为六百四十三亿七千万元（按一九五七年不变价格计算），"
            "比一九五七年预计数增加八十一亿九千万元，增长百分之十四点六。",
            [
                ("工业总产值", "643.7", "亿元", "level", "target", 1958),
                ("工业总产值", "81.9", "亿元", "growth", "target", 1958),
                ("工业总产值", "14.6", "%", "growth", "target", 1958),
            ],
        ),
        (  # 将要; a clause that is all comparison names no year (1956)
            "1956",
            "国家计划规定，1956年农业和副业总产值将比1955年增长9．3%。如果没有特大的灾荒，粮食产量将要达到3，989亿斤，"
            "比1955年增长8．4%，比五年计划原定1957年3，856亿斤的水平超过133亿斤；棉花产量将要达到3，556万担，"
            "比1955年增长17．1%。",
            [
                ("粮食产量", "3989", "亿斤", "level", "target", 1956),
                ("粮食产量", "8.4", "%", "growth", "target", 1956),
                ("棉花产量", "3556", "万担", "level", "target", 1956),
                ("棉花产量", "17.1", "%", "growth", "target", 1956),
            ],
        ),
        (  # 今年 and 预计 between the name and its figure (1981)
            "1981",
            "国内市场商品货源增加，供应情况比较好，社会商品零售额今年预计将比去年增长9%。",
            [("社会商品零售额", "9", "%", "growth", "achieved", 1981)],
        ),
        (  # 缩减为 (1957, of 1957); a clause opening with a pronoun (它虽然比1956年减少百分之二十) is not read
            "1957",
            "1957年的工业总产值比1956年将增长百分之四点五，达到六百零三亿元。"
            "基本建设投资缩减为一百一十一亿元，它虽然比1956年减少百分之二十；但是比五年计划原定的1957年投资还多十四亿元。",
            [
                ("工业总产值", "4.5", "%", "growth", "target", 1957),
                ("工业总产值", "603", "亿元", "level", "target", 1957),
                ("基本建设投资", "111", "亿元", "level", "target", 1957),
            ],
        ),
        (  # a figure followed by 和 and the next name is whole (1958)
            "1958",
            "一九五八年计划粮食产量三千九百二十亿斤和棉花产量三千五百万担的指标，以及农副业的其他各项指标，都是很积极的。",
            [("粮食产量", "3920", "亿斤", "level", "target", 1958)],
        ),
        (  # 本年: the year the paragraph reviews (the 1956 budget report, of 1955)
            "1956",
            "１９５５年全国工业总产值完成了原定计划的１０１％，比１９５４年增长８％。在本年的４５种主要工业产品中，"
            "有３７种完成了或者超额地完成了计划。同１９５４年比较，绝大多数产品的产量都有增长：原煤增长１７％，焦炭增长２２％。",
            [("工业总产值", "8", "%", "growth", "achieved", 1955), ("原煤", "17", "%", "growth", "achieved", 1955)],
        ),
        (  # 仍然 (1954, in traditional characters)
            "1954",
            "在建設期間，工業發展的速度當然要低些，但是一九五三年工業總産值仍然比一九五二年增加了百分之三十三。",
            [("工业总产值", "33", "%", "growth", "achieved", 1953)],
        ),
        (  # 安排为, compared with this year in next year's plan (1981, of 1982)
            "1981",
            "1982年的计划，要求工农业总产值的增长速度由今年预计的3%提高到4%，并在执行中力争超过。"
            "国民收入也安排为比今年增长4%左右。",
            [("国民收入", "4", "%", "growth", "target", 1982)],
        ),
    ],
)
def test_an_older_plan_s_wording_between_a_name_and_its_figure(
    report: str, body: str, expected: list[tuple[str, str, str, str, str, int]]
) -> None:
    found = extract_indicators(document(body, f"quanguo/government-work-report/{report}", report, "national"))
    assert [(r.name, r.value, r.unit, str(r.change), str(r.role), r.year) for r in found.indicators] == expected


NINETIES_REPORT = """
## 一、一九九六年工作回顾

一九九六年，国民经济继续保持快速增长。国内生产总值达到六万七千七百九十五亿元，比上年增长百分之九点七。城镇登记失业率为百分之三。

## 二、一九九七年经济和社会发展的主要任务

今年经济和社会发展的主要预期目标是：国内生产总值增长百分之八，城镇登记失业率控制在百分之三左右。

今年中央财政赤字拟安排五百六十亿元，财政赤字率拟按百分之零点八安排。
"""


def test_a_report_printing_its_figures_in_chinese_numerals_is_read_by_every_shape() -> None:
    found = extract_indicators(document(NINETIES_REPORT, "quanguo/government-work-report/1997", "1997", "national"))
    assert [older_fields(r) for r in found.indicators] == [
        ("国内生产总值", "67795", "亿元", "level", "", "achieved", 1996, "国内生产总值达到六万七千七百九十五亿元"),
        ("国内生产总值", "9.7", "%", "growth", "", "achieved", 1996, "比上年增长百分之九点七"),
        ("城镇登记失业率", "3", "%", "level", "", "achieved", 1996, "城镇登记失业率为百分之三"),
        ("国内生产总值", "8", "%", "growth", "", "target", 1997, "国内生产总值增长百分之八"),
        ("城镇登记失业率", "3", "%", "level", "左右", "target", 1997, "城镇登记失业率控制在百分之三左右"),
        ("财政赤字率", "0.8", "%", "level", "", "target", 1997, "今年中央财政赤字拟安排五百六十亿元，财政赤字率拟按百分之零点八安排。"),
    ]


def test_a_province_s_older_report_reads_its_own_scope_before_the_name() -> None:
    body = "一九八四年，全省工农业总产值达到二百五十亿元，比上年增长百分之十一点二；我省粮食产量达到一千八百万吨。"
    found = extract_indicators(document(body, "henan/government-work-report/1985", "1985", "henan-gwr"))
    assert [(r.name, r.value, r.unit, str(r.change), r.year) for r in found.indicators] == [
        ("工农业总产值", "250", "亿元", "level", 1984),
        ("工农业总产值", "11.2", "%", "growth", 1984),
        ("粮食产量", "1800", "万吨", "level", 1984),
    ]


def test_names_joined_before_one_figure_each_get_it() -> None:
    body = "１９８４年，国民收入和国家财政收入都比上年增长１２％，原煤和原油分别增长８％和９％。"
    found = extract_indicators(document(body, "quanguo/government-work-report/1985", "1985", "national"))
    assert [(r.name, r.value, str(r.change), r.year, r.printed) for r in found.indicators] == [
        ("国民收入", "12", "growth", 1984, "国民收入和国家财政收入都比上年增长１２％"),
        ("国家财政收入", "12", "growth", 1984, "国民收入和国家财政收入都比上年增长１２％"),
        ("原煤", "8", "growth", 1984, "原煤和原油分别增长８％和９％"),
        ("原油", "9", "growth", 1984, "原煤和原油分别增长８％和９％"),
    ]


def test_a_clause_opening_with_dou_gives_its_figure_to_each_name_of_the_clauses_before() -> None:
    """The 1985 report: `原煤产量达到…，原油达到…，都比上年增长８％` (coal's growth was left out)."""
    body = (
        "１９８４年，我国工业生产继续全面增长。特别令人高兴的是能源的生产超过计划的要求，原煤产量达到七亿七千多万吨，"
        "原油达到一亿一千四百多万吨，都比上年增长８％，保证了整个工业的持续增长。"
    )
    found = extract_indicators(document(body, "quanguo/government-work-report/1985", "1985", "national"))
    assert [(r.name, r.value, r.unit, str(r.change), r.modifier, r.year) for r in found.indicators] == [
        ("原煤产量", "7.7", "亿吨", "level", "多", 1984),
        ("原油", "1.14", "亿吨", "level", "多", 1984),
        ("原煤产量", "8", "%", "growth", "", 1984),
        ("原油", "8", "%", "growth", "", 1984),
    ]


@pytest.mark.parametrize(
    "clause, expected",
    [
        (  # the figures in order, in a unit of trade
            "一九八九年，出口和进口分别为五百二十五亿美元和五百九十一亿美元。",
            [("出口", "525", "亿美元", "level"), ("进口", "591", "亿美元", "level")],
        ),
        (  # three names, the figures joined by 、, compared with the year before
            "1986年，原煤、原油、发电量分别比上年增长4.6%、0.5%和5.1%。",
            [("原煤", "4.6", "%", "growth"), ("原油", "0.5", "%", "growth"), ("发电量", "5.1", "%", "growth")],
        ),
        ("1986年，原煤和原油分别增长8%。", []),  # one figure for two names: whose is unsaid
        (  # 分别 after names of clauses before: their levels only
            "1986年，钢产量5205万吨，原煤产量8.9亿吨，分别比上年增长11.2%和5.3%。",
            [("钢产量", "5205", "万吨", "level"), ("原煤产量", "8.9", "亿吨", "level")],
        ),
    ],
)
def test_names_joined_before_fen_bie_get_one_figure_each_in_order(
    clause: str, expected: list[tuple[str, str, str, str]]
) -> None:
    found = extract_indicators(document(clause, "quanguo/government-work-report/1987", "1987", "national"))
    assert [(r.name, r.value, r.unit, str(r.change)) for r in found.indicators] == expected


def test_an_older_report_s_figures_over_several_years_and_of_its_own_year_are_read_as_such() -> None:
    body = (
        "第一个五年计划规定农业总产值在五年内增长百分之二十三点三，到一九五七年达到五百九十六亿六千万元；"
        "以产量说，粮食增长百分之十七点六，到一九五七年达到三千八百五十六亿斤。\n\n"
        "以粮食来说，一九五二年到一九五六年五年间的实际产量合计，粮食为一万六千五百八十亿斤。\n\n"
        "一九五六年主要产品产量增长的情况是：原油增长百分之二十四，钢增长百分之五十八。\n\n"
        "一九五五年，主要工业产品也绝大多数超额完成了产量计划，比上一年，原煤增产了一千八百二十六万吨。"
    )
    found = extract_indicators(document(body, "quanguo/government-work-report/1956", "1956", "national"))
    assert [(r.name, r.value, str(r.change), str(r.role), r.year) for r in found.indicators] == [
        ("农业总产值", "596.6", "level", "target", 1957),
        ("粮食", "3856", "level", "target", 1957),
        ("原油", "24", "growth", "target", 1956),
        ("钢", "58", "growth", "target", 1956),
        ("原煤", "1826", "growth", "achieved", 1955),
    ]


def test_a_result_measured_against_a_named_five_year_plan_is_a_result() -> None:
    body = "1956年，全国农業总产值約为五百八十三亿元，接近了第一个五年計划最后一年的指标；粮食的产量为三千六百五十亿斤。"
    found = extract_indicators(document(body, "quanguo/government-work-report/1957", "1957", "national"))
    assert [(r.name, r.value, str(r.role), r.year) for r in found.indicators] == [("农业总产值", "583", "achieved", 1956)]


EARLY_NINETIES_REPORT = """
## 一、一九八九年的工作回顾

一九八九年，国民生产总值达到一万五千六百七十七亿元，比上年增长百分之三点九；国民收入增长百分之三点七。

## 二、一九九〇年的主要任务

一九九〇年国民经济和社会发展计划的主要指标是：国民生产总值增长百分之五左右。
"""


def test_the_early_nineties_headline_results_are_read_in_the_review() -> None:
    found = extract_indicators(document(EARLY_NINETIES_REPORT, "quanguo/government-work-report/1990", "1990", "national"))
    assert [(r.name, r.value, str(r.change), str(r.role), r.year) for r in found.indicators] == [
        ("国民生产总值", "15677", "level", "achieved", 1989),
        ("国民生产总值", "3.9", "growth", "achieved", 1989),
        ("国民收入", "3.7", "growth", "achieved", 1989),
        ("国民生产总值", "5", "growth", "target", 1990),
    ]


def test_a_plan_s_sector_named_alone_before_its_output_value_names_it() -> None:
    body = "## 二、1981年国民经济计划的任务和主要指标\n\n轻工业，总产值比1980年预计增长8%，继续高于重工业的增长速度。"
    found = extract_indicators(document(body, "quanguo/annual-plan/1980", "1980", "national-plan"))
    assert [(r.name, r.value, str(r.role), r.year, r.printed) for r in found.indicators] == [
        ("轻工业总产值", "8", "target", 1981, "总产值比1980年预计增长8%")
    ]


def test_an_older_plan_table_s_change_column_is_the_growth_of_its_year() -> None:
    body = """
| 指标 | 单位 | 一九八四年预计 | 一九八五年计划 | 1985年比1984年增长（%） |
|---|---|---|---|---|
| 工农业总产值 | 亿元 | 10500 | 11100 | 5.7 |
"""
    found = extract_indicators(document(body, "quanguo/annual-plan/1985", "1985", "national-plan"))
    assert [(r.value, r.unit, str(r.change), str(r.role), r.year) for r in found.indicators] == [
        ("10500", "亿元", "level", "achieved", 1984),
        ("11100", "亿元", "level", "target", 1985),
        ("5.7", "%", "growth", "target", 1985),
    ]


PROVINCE_PLAN_1985 = Path(__file__).parent.parent / "data" / "planned" / "province-plan-1985-with-table.txt"


def test_a_planned_economy_report_s_running_text_is_read_beside_its_table() -> None:
    found = extract_indicators(normalize_file(PROVINCE_PLAN_1985))
    prose = [(r.name, r.value, r.unit, str(r.change), str(r.role), r.year) for r in found.indicators if r.pointer.startswith("p")]
    assert prose == [
        ("工农业总产值", "486", "亿元", "level", "achieved", 1984),
        ("工农业总产值", "13.5", "%", "growth", "achieved", 1984),
        ("工业总产值", "260", "亿元", "level", "achieved", 1984),
        ("工业总产值", "15.2", "%", "growth", "achieved", 1984),
        ("农业总产值", "226", "亿元", "level", "achieved", 1984),
        ("农业总产值", "11.6", "%", "growth", "achieved", 1984),
        ("粮食产量", "2693", "万吨", "level", "achieved", 1984),
        ("粮食产量", "8.1", "%", "growth", "achieved", 1984),
        ("棉花", "75", "万吨", "level", "achieved", 1984),
        ("棉花", "34", "%", "growth", "achieved", 1984),
        ("财政收入", "35.4", "亿元", "level", "achieved", 1984),
        ("财政收入", "9.3", "%", "growth", "achieved", 1984),
        ("社会商品零售总额", "155", "亿元", "level", "achieved", 1984),
        ("社会商品零售总额", "18", "%", "growth", "achieved", 1984),
        ("工农业总产值", "520", "亿元", "level", "target", 1985),
        ("工农业总产值", "7", "%", "growth", "target", 1985),
        ("粮食产量", "2700", "万吨", "level", "target", 1985),
        ("财政收入", "38", "亿元", "level", "target", 1985),
        ("财政收入", "7.3", "%", "growth", "target", 1985),
        ("社会商品零售总额", "12", "%", "growth", "target", 1985),
    ]
    assert sum(r.pointer.startswith("table") for r in found.indicators) == 6
    assert not found.complete


def test_electricity_in_du_is_read_in_kilowatt_hours_and_unknown_units_are_left_unread() -> None:
    body = "1981年，发电量3，120亿度，比1980年预计增加120亿度；原油产量达到800万桶。"
    found = extract_indicators(document(body, "quanguo/annual-plan/1980", "1980", "national-plan"))
    assert [(r.name, r.value, r.unit, str(r.change), r.printed) for r in found.indicators] == [
        ("发电量", "3120", "亿千瓦时", "level", "发电量3，120亿度"),
        ("发电量", "120", "亿千瓦时", "growth", "比1980年预计增加120亿度"),
    ]
    body = "1986年，钢产量达到5205万吨，比上年增长11.2%；发电量达到4455亿千瓦小时，比上年增长8.5%；油料产量1，500万吨。"
    found = extract_indicators(document(body, "quanguo/government-work-report/1987", "1987", "national"))
    assert [(r.name, r.value, r.unit) for r in found.indicators if r.change == "level"] == [
        ("钢产量", "5205", "万吨"),
        ("发电量", "4455", "亿千瓦时"),
        ("油料产量", "1500", "万吨"),
    ]
    assert "千瓦时" not in reading("因经济调整而速度一度下降的重工业迅速回升")  # 一度: once, not 1 kWh


def test_figures_in_the_units_of_trade_and_of_the_older_reports_are_read_in_them() -> None:
    """`亿美元`, `万担`: the figure with its unit, never a bare number of its scale (827亿); the
    1988 and 1958 reports' wording."""
    trade = "1987年全国进出口总额达到827亿美元，平均每年增长14.7%。"
    found = extract_indicators(document(trade, "quanguo/government-work-report/1988", "1988", "national"))
    assert [(r.name, r.value, r.unit, str(r.change), r.year) for r in found.indicators] == [
        ("进出口总额", "827", "亿美元", "level", 1987),
    ]
    exports = "在刚刚过去的１９８７年，我国国民经济的发展继续保持了良好势头。外贸出口增长２７．８％，国家外汇结存上升。"
    found = extract_indicators(document(exports, "quanguo/government-work-report/1988", "1988", "national"))
    assert [(r.name, r.value, r.unit, str(r.change), r.year) for r in found.indicators] == [
        ("外贸出口", "27.8", "%", "growth", 1987),
    ]
    cotton = "1957年比1956年，粮食增加了50亿斤，达到3700亿斤；棉花增加了约390万担，达到3280万担。"
    found = extract_indicators(document(cotton, "quanguo/annual-plan/1958", "1958", "national-plan"))
    assert [(r.name, r.value, r.unit, str(r.change), r.year) for r in found.indicators] == [
        ("粮食", "50", "亿斤", "growth", 1957),
        ("粮食", "3700", "亿斤", "level", 1957),
        ("棉花", "390", "万担", "growth", 1957),
        ("棉花", "3280", "万担", "level", 1957),
    ]


def test_a_rate_named_before_its_figures_and_a_new_year_s_plan_in_one_sentence() -> None:
    body = "工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六；一九八二年计划为百分之四，预计可以达到百分之六点四。"
    found = extract_indicators(document(body, "quanguo/five-year-plan/1982", "1982", "national-plan"))
    assert [(r.name, r.value, str(r.change), str(r.role), r.year) for r in found.indicators] == [
        ("工农业总产值", "3.7", "growth", "target", 1981),
        ("工农业总产值", "4.6", "growth", "achieved", 1981),
        ("工农业总产值", "4", "growth", "target", 1982),
        ("工农业总产值", "6.4", "growth", "achieved", 1982),
    ]


def test_a_province_s_own_revenue_and_the_state_sector_s_investment_are_planned_economy_names() -> None:
    body = "一九八六年，全省地方财政收入完成十二亿五千万元；全民所有制单位基本建设投资比上年增长百分之七点三。"
    found = extract_indicators(document(body, "henan/government-work-report/1987", "1987", "henan-gwr"))
    assert [(r.name, r.value, r.unit, str(r.change), r.year) for r in found.indicators] == [
        ("地方财政收入", "12.5", "亿元", "level", 1986),
        ("全民所有制单位基本建设投资", "7.3", "%", "growth", 1986),
    ]


# --- reports in traditional characters -------------------------------------------------------

#: What a record says, script aside: the CSV's columns but the document, the quotes and the name
#: as printed (a traditional copy's name is given in simplified characters, `canonical_name` too).
_SAID = [c for c in CSV_COLUMNS if c not in ("doc_id", "printed", "source_text")]


@pytest.mark.parametrize(
    "report",
    [SEEDS / "futian-2022-01-plan-report.txt", NATIONAL / "2021.txt"],
    ids=["plan-lists-and-table", "work-report-sentence-prose-review"],
)
def test_a_report_in_traditional_characters_states_the_indicators_of_its_simplified_copy(
    report: Path, tmp_path: Path
) -> None:
    """Every shape (the plan's two lists and its appendix table; the work report's target
    sentence, its deficit in running text and its review's results) is read in either script:
    a reprint in traditional characters gave none of the plan's 53 records (指標名稱, 如下：after
    主要指標) and 3 of the work report's 14. Its records are those of the report as printed,
    named and quoting as the reprint prints them (its names were simplified: issue 16)."""
    copy = traditional_copy(report, tmp_path)

    def records(path: Path) -> list[dict[str, str]]:
        result = CliRunner().invoke(main, ["indicators", str(path), "-f", "csv"])
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.stdout)))

    as_printed, reprinted = records(report), records(copy)
    assert len(as_printed) > 10
    assert [[r[c] for c in _SAID] for r in reprinted] == [
        [traditional(r[c]) if c == "name" else r[c] for c in _SAID] for r in as_printed
    ]
    blocks = {
        located.address: located.block.text
        for located in addressed(normalize_file(copy).blocks)
        if isinstance(located.block, Paragraph | ListItem)
    }
    quoted = [r for r in reprinted if r["pointer"].startswith("p")]
    assert quoted and all(r["source_text"] == blocks[r["pointer"]] for r in quoted)
    assert all(r["printed"] in r["source_text"] for r in reprinted)


def test_a_reprint_s_indicators_are_named_as_it_prints_them_in_the_rows_of_the_others() -> None:
    """Issue 16: a reprint's records were named in simplified characters. Read on its simplified
    copy, each record keeps the name it was read by (the key its row groups on) and is labelled
    as the reprint prints it: the rows are those of the editions in simplified characters, each
    labelled as its latest edition prints it, and a figure in words is cut from its clause after
    the printed name (力爭正增長, the whole clause before). The reprint is s2t of the list, so it
    prints s2t of each name (no conversion back is involved)."""
    plain = extract_indicators(document(TARGET_LIST))
    reprint = extract_indicators(document(traditional(TARGET_LIST)))
    assert [r.name for r in reprint.indicators] == [r.name for r in plain.indicators]
    assert [r.label for r in reprint.indicators] == [traditional(r.name) for r in plain.indicators]
    shown = {r.name: short_text(r) for r in reprint.indicators}
    assert shown["进出口总额"] == traditional("力争正增长")  # the list's words
    earlier = extract_indicators(document(TARGET_LIST.replace("2025", "2024"), "t/annual-plan/2024-01", "2024-01"))
    as_printed, reprinted = indicator_table([earlier, plain]), indicator_table([earlier, reprint])
    assert [row.canonical for row in reprinted.rows] == [row.canonical for row in as_printed.rows]
    assert [row.name for row in reprinted.rows] == [traditional(row.name) for row in as_printed.rows]
    assert [row.names for row in reprinted.rows] == [(*row.names, traditional(row.name)) for row in as_printed.rows]


def test_a_reprint_s_cells_print_units_and_bounds_as_it_prints_them() -> None:
    """A reprint's cells read as its row labels do: 以內 and 完成市下達目標 as the reprint prints
    them, where they were in the copy's simplified characters beside its 力爭正增長 (and the
    plan's 5318.2億元 read 5318.2亿元), while the records keep the unit and bound they were read
    by (`unit`, `modifier`: the values the editions are compared on)."""
    plain = extract_indicators(document(TARGET_LIST))
    reprint = extract_indicators(document(traditional(TARGET_LIST)))
    assert [short_text(r) for r in reprint.indicators] == [traditional(short_text(r)) for r in plain.indicators]
    assert [(r.unit, r.modifier) for r in reprint.indicators] == [(r.unit, r.modifier) for r in plain.indicators]
    assert {short_text(r) for r in reprint.indicators} >= {"2.0%以內", "完成市下達目標"}
    level = "## 一、2021年工作回顾\n\n初步测算，主要指标预计完成情况如下：\n\n——地区生产总值5318.2亿元，增长8.6%；\n"
    (reviewed,) = [r for r in extract_indicators(document(traditional(level))).indicators if r.value == "5318.2"]
    assert short_text(reviewed) == "5318.2億元" and reviewed.unit == "亿元"


def test_a_name_put_together_from_a_reprint_s_clauses_is_in_its_characters() -> None:
    """A name the text does not print whole (a sector named alone before its output value) is
    labelled with the reprint's character at each place its copy has one: 輕工業總產值."""
    body = "## 二、1981年国民经济计划的任务和主要指标\n\n轻工业，总产值比1980年预计增长8%，继续高于重工业的增长速度。"
    reprint = document(traditional(body), "quanguo/annual-plan/1980", "1980", "national-plan")
    found = extract_indicators(reprint)
    assert [(r.name, r.label) for r in found.indicators] == [("轻工业总产值", traditional("轻工业总产值"))]
