"""The three flattened table layouts of the seeds, on excerpts typed from them, and a table typed
with wide spaces in a text file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff.normalize.builder import FlatTableScan
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.normalize.raw_lines import cleaned_lines
from corpusdiff.normalize.tables import (
    flat_text,
    gap_table_length,
    has_value_cells,
    is_flat_row,
    parse_cell_groups,
    parse_flat_rows,
    parse_gap_rows,
    parse_tab_rows,
)
from corpusdiff.read.decode import RawReport
from corpusdiff.text.numbering import is_appendix_title
from corpusdiff.types.document import Block, Heading, Paragraph, Table
from tests.conftest import SEEDS
from tests.traditional import traditional


def test_tab_separated_rows() -> None:
    rows = parse_tab_rows(
        [
            "指标名称\t2023 年目标\t2023 年上半年完成",
            "一、预期性指标\t\t",
            "8. 万元 GDP 建设用地\t下降 4.0%\t下降 3.4%",
        ]
    )
    assert rows == (
        ("指标名称", "2023年目标", "2023年上半年完成"),
        ("一、预期性指标", "", ""),
        ("8.万元GDP建设用地", "下降4.0%", "下降3.4%"),
    )


def test_one_cell_per_line_with_wrapped_and_merged_cells() -> None:
    groups = [["\t类别", "\t序号", "\t2020年", "预计值"], ["\t", "\t19", "\t3.7", "（五年累计）"]]
    assert parse_cell_groups(groups) == (("类别", "序号", "2020年预计值"), ("", "19", "3.7（五年累计）"))


def test_space_separated_rows_with_wrapped_cells() -> None:
    fragments = [
        "指标名称",
        "2021 年",
        "",
        "增长目标",
        "",
        "2021 年",
        "预计完成",
        "2022 年",
        "计划增长",
        "一、预期性指标",
        "1．本区生产总值 6.8% 8.6% 6.0%以上",
        "8．万元 GDP建设用地 下降 5.0% 下降 7.7% 下降 5.7%",
        "9．万元 GDP水耗",
        "以市下达目标",
        "为准",
        "完成市下达",
        "目标",
        "以市下达目标",
        "为准",
    ]
    assert parse_flat_rows(fragments) == (
        ("指标名称", "2021年增长目标", "2021年预计完成", "2022年计划增长"),
        ("一、预期性指标", "", "", ""),
        ("1.本区生产总值", "6.8%", "8.6%", "6.0%以上"),
        ("8.万元GDP建设用地", "下降5.0%", "下降7.7%", "下降5.7%"),
        ("9.万元GDP水耗", "以市下达目标为准", "完成市下达目标", "以市下达目标为准"),
    )


def test_a_flat_table_s_rows_keep_the_cells_their_tabs_set_apart() -> None:
    """The 2022 plan's appendix as the PDF reader reads it on Word's character grid: its cells
    set apart with tabs, a cell's characters a grid cell apart, which PDFium fills with spaces
    (`6.0% 以 上`), and a blank line after the header. Split at spaces, a row's last cell was
    three tokens and no value, so none of its values was one (`1.本区生产总值6.8%8.6%6.0%以上`)."""
    lines = [
        "指 标 名 称\t2021 年 增 长目 标\t2021 年 预 计完 成\t2022 年 计 划增 长",
        "",
        "1. 本 区 生 产总 值\t6.8%\t8.6%\t6.0% 以 上",
        "2. 现 代 服 务业 增 加 值\t6.6%\t8.5%\t6.2%",
        "7. 城 镇 居 民登 记 失 业 率\t3.0% 以 内\t2.0% 以 内\t2.0% 以 内",
        "8. 万 元 GDP建 设 用 地\t下 降 5.0%\t下 降 7.7%\t下 降 5.7%",
    ]
    assert parse_flat_rows(lines) == (
        ("指标名称", "2021年增长目标", "2021年预计完成", "2022年计划增长"),
        ("1.本区生产总值", "6.8%", "8.6%", "6.0%以上"),
        ("2.现代服务业增加值", "6.6%", "8.5%", "6.2%"),
        ("7.城镇居民登记失业率", "3.0%以内", "2.0%以内", "2.0%以内"),
        ("8.万元GDP建设用地", "下降5.0%", "下降7.7%", "下降5.7%"),
    )


def test_the_lines_under_a_flat_table_s_group_label_are_kept() -> None:
    """A PDF set on Word's character grid wraps a group label (`二、约束性` / `指 标`) and puts the
    top of the next row's name over it (`登 记 失 业 率`): those lines were dropped with the label's
    row, eleven Han characters of the 2022 plan's appendix lost."""
    fragments = [
        "指标名称 2021年增长 2021年预计 2022年计划",
        "二、约束性",
        "指 标",
        "登 记 失 业 率",
        "7. 城 镇 居 民 3.0% 以 内 2.0% 以 内 2.0% 以 内",
    ]
    cells = "".join(cell for row in parse_flat_rows(fragments) for cell in row)
    assert sorted(han for han in cells if "\u4e00" <= han <= "\u9fff") == sorted(
        han for han in "".join(fragments) if "\u4e00" <= han <= "\u9fff"
    )


#: Lines of PDF appendices and what surrounds them: captions, headers, numbered rows with and
#: without values, wrapped cells, notes, appendix titles, running text, blanks, page numbers.
APPENDIX_LINES = [
    "附表",
    "2022年主要指标表",
    "指标名称",
    "2021 年",
    "预计完成",
    "一、预期性指标",
    "1．本区生产总值 6.8% 8.6% 6.0%以上",
    "8．万元 GDP建设用地 下降 5.0% 下降 7.7%",
    "9．万元 GDP水耗",
    "以市下达目标",
    "注：以上指标为预期值。",
    "附件：2022年重点项目",
    "全区上下要坚定信心、真抓实干，确保完成全年目标任务，为建设中国特色社会主义先行示范区作出贡献。",
    "",
    "— 12 —",
    "\t1．本区生产总值\t6.8%",
]


def _table_starts_by_reading(lines: list[str], index: int, stop: int) -> bool:
    """The look-ahead as its rule reads, line by line (`FlatTableScan` answers it in constant
    time): the table's lines run up to a note, an appendix title or running text, at most 400;
    a numbered row within the first 30 lines and among the table's lines, no caption before
    it, two numbered rows, one with value cells."""
    end = index
    while end < stop and end - index < 400:
        text = cleaned_lines(lines[end : end + 1])[0]
        if text.startswith(("注：", "注:")) or is_appendix_title(text) or (len(text) > 40 and not is_flat_row(text)):
            break
        end += 1
    texts = [flat_text(line) for line in lines[index:end]]
    rows = [i for i, text in enumerate(texts) if is_flat_row(text)]
    window = [line for line in lines[index : min(stop, index + 30)] if is_flat_row(flat_text(line))]
    return (
        bool(window and rows)
        and not any(text.endswith("表") for text in texts[: rows[0]])
        and len(rows) >= 2
        and any(has_value_cells(texts[i]) for i in rows)
    )


#: Appendices as runs of alike lines, some longer than a table header may be (30 lines).
APPENDICES = st.lists(st.tuples(st.sampled_from(APPENDIX_LINES), st.integers(1, 35)), max_size=8).map(
    lambda runs: [line for line, count in runs for _ in range(count)]
)


@settings(max_examples=100, deadline=None)
@given(APPENDICES, st.data())
def test_the_table_look_ahead_answers_as_the_rule_reads(lines: list[str], data: st.DataObject) -> None:
    scan = FlatTableScan.of(lines, cleaned_lines(lines))
    stop = data.draw(st.integers(0, len(lines)))
    for index in range(stop):
        assert scan.table_starts(index, stop) == _table_starts_by_reading(lines, index, stop), index


def _blocks(text: str) -> list[Block]:
    raw = RawReport(text=text, name="plan.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    return list(normalize_raw(raw).blocks)


def test_headings_typed_with_a_tab_after_the_marker_are_no_table() -> None:
    """Word's numbering (and its "save as text") puts a tab after a heading's label; two such
    headings on consecutive lines are headings, not a two-row table."""
    text = "\n".join(
        [
            "某市国民经济和社会发展第十四个五年规划纲要",
            "第一篇\t开启全面建设社会主义现代化新征程",
            "第一章\t发展环境",
            "一、\t发展基础",
            "（一）\t综合实力显著增强",
            "全市地区生产总值突破万亿元，年均增长7.1%。",
            "第二篇\t坚持创新驱动发展\t打造具有核心竞争力的科技创新高地",
            "第二章\t强化战略科技力量",
            "坚持创新在现代化建设全局中的核心地位。",
        ]
    )
    blocks = _blocks(text)
    assert not any(isinstance(b, Table) for b in blocks)
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "第一篇 开启全面建设社会主义现代化新征程",
        "第一章 发展环境",
        "一、发展基础",
        "（一）综合实力显著增强",
        "第二篇 坚持创新驱动发展\u3000打造具有核心竞争力的科技创新高地",
        "第二章 强化战略科技力量",
    ]


def test_a_table_keeps_its_group_rows_and_row_numbers() -> None:
    text = "\n".join(
        [
            "各位代表：",
            "指标\t单位\t目标",
            "（一）\t经济发展",
            "一\t地区生产总值\t增长5%",
            "二\t一般公共预算收入\t增长3%",
            "以上指标均为预期性指标。",
        ]
    )
    tables = [b for b in _blocks(text) if isinstance(b, Table)]
    assert tables[0].rows[1:] == (("（一）", "经济发展", ""), ("一", "地区生产总值", "增长5%"), ("二", "一般公共预算收入", "增长3%"))


#: A 1980s plan report's appendix table as a text file sets it: columns apart with 　 or spaces.
GAP_TABLE = (
    "附表：一九八六年国民经济和社会发展计划主要指标\n\n"
    "指标名称　单位　一九八五年预计　一九八六年计划\n"
    "工农业总产值　亿元　13269　14200\n"
    "粮食    万吨    37911    39000\n"
    "钢　万吨　4666　5000\n\n"
    "附件：关于一九八六年国家预算的说明\n\n"
    "　　一九八六年国家预算收入安排为二千一百零一亿元。\n"
)


def test_an_appendix_table_typed_with_wide_spaces_keeps_its_columns() -> None:
    body = "各位代表：\n\n一、一九八五年计划的执行情况\n\n　　国民经济继续稳定发展。\n\n" + GAP_TABLE
    [table] = [block for block in _blocks(body) if isinstance(block, Table)]
    assert table.rows == (
        ("指标名称", "单位", "一九八五年预计", "一九八六年计划"),
        ("工农业总产值", "亿元", "13269", "14200"),
        ("粮食", "万吨", "37911", "39000"),
        ("钢", "万吨", "4666", "5000"),
    )


def test_lines_set_with_a_wide_space_are_no_table_unless_a_table_of_them_runs_on() -> None:
    assert gap_table_length(["国务院总理　李克强", "2024年3月5日"]) == 0
    assert gap_table_length(["1.　钢铁工业", "2.　煤炭工业", "3.　电力工业"]) == 0
    assert gap_table_length(["钢　万吨　4666", "煤　亿吨　8.5", "电　亿度　4000", "　　说明文字。"]) == 3


def test_appendices_numbered_in_words_are_appendix_titles() -> None:
    """Older reports number their appendices in words (`附表一：`, `附表二：`): each opens an
    appendix, so its table is read and the title does not run into what follows."""
    body = "各位代表：\n\n一、工作回顾\n\n　　工作很好。\n\n" + GAP_TABLE.replace("附表：", "附表一：").replace("附件：", "附件二：")
    blocks = _blocks(body)
    titles = [block.text for block in blocks if isinstance(block, Heading) and block.kind == "appendix"]
    assert titles == ["附表一：一九八六年国民经济和社会发展计划主要指标", "附件二：关于一九八六年国家预算的说明"]
    assert [block for block in blocks if isinstance(block, Table)]


def test_a_bare_appendix_label_after_the_body_opens_an_appendix_with_its_table() -> None:
    """`附件` alone on a line, its title on the next: the table typed under it is read as one."""
    body = "各位代表：\n\n一、工作回顾\n\n　　工作很好。\n\n附件\n\n一九八六年主要指标\n\n" + GAP_TABLE.split("\n\n", 1)[1]
    blocks = _blocks(body)
    [table, *_] = [block for block in blocks if isinstance(block, Table)]
    assert table.rows[1] == ("工农业总产值", "亿元", "13269", "14200")
    assert Paragraph("一九八六年主要指标") in blocks


def test_a_bare_appendix_label_after_a_full_line_stands_alone() -> None:
    """A hard-wrapped text whose paragraphs open indented carries an unindented line on after a
    full line, also one ending in `。` (and across a page break): `附表` and the caption under it
    ran into the paragraph before them."""
    text = "　　全年经济运行稳中向好，主要指标完成情况好于预期，各项社会事业全面进步，人民生活持续改善，发展质量稳步提升，改革开放深化，民生福祉持续更增进。"
    wrapped = [text[start : start + 24] for start in range(0, len(text), 24)]  # the last full too
    body = "各位代表：\n一、工作回顾\n" + "\n".join(wrapped * 3) + "\n\n附表\n\n2024年主要指标\n\n"
    blocks = _blocks(body + "指标\t单位\t目标\n地区生产总值\t%\t6\n居民收入\t%\t5\n")
    texts = [block.text for block in blocks if isinstance(block, Paragraph)]
    assert texts[-3:] == ["".join(wrapped).strip(), "附表", "2024年主要指标"]
    assert [block for block in blocks if isinstance(block, Table)]


#: A plan's indicator table as `pdftotext -layout` or a typist sets it, under a table caption in
#: the body (not an appendix): columns apart by runs of spaces, one cell padded with 　.
SPACE_ALIGNED = """某市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告

二〇二四年一月

一、2023年计划执行情况

主要指标完成情况如下表。

表1　2024年主要指标
指标名称              单位      2023年完成    2024年目标
地区生产总值增长      %         5.6           5左右
一般公共预算收入      亿元      120.5         126
城镇新增就业　　　　  万人      3.2           3

二、2024年计划安排
"""


def test_a_table_set_with_spaces_in_the_body_is_a_table_not_one_paragraph() -> None:
    [table] = [block for block in _blocks(SPACE_ALIGNED) if isinstance(block, Table)]
    assert table.rows[-4:] == (
        ("指标名称", "单位", "2023年完成", "2024年目标"),
        ("地区生产总值增长", "%", "5.6", "5左右"),
        ("一般公共预算收入", "亿元", "120.5", "126"),
        ("城镇新增就业", "万人", "3.2", "3"),
    )


def test_in_the_body_only_rows_of_short_cells_make_a_table_typed_with_spaces() -> None:
    """Outside an appendix, lines set with wide spaces are mostly text: headings whose clauses a
    space parts, a byline, sentences; only three cells or more, short and ending no clause, are a row."""
    headings = ["第一篇　开启新征程　建设现代化", "第二篇　坚持创新驱动　打造科创高地", "第三篇　深化改革开放　激发发展活力"]
    bylines = ["国务院总理　李克强　作", "国务院副总理　韩正　作", "国务委员　王勇　作"]
    sentences = ["全市经济运行稳中向好，　主要指标完成，　成绩来之不易。"] * 3
    rows = ["钢　万吨　4666", "煤　亿吨　8.5", "电　亿度　4000"]
    assert [gap_table_length(lines, in_body=True) for lines in (headings, sentences, rows)] == [0, 0, 3]
    assert gap_table_length(bylines, in_body=True) == 3 and gap_table_length(bylines[:2], in_body=True) == 0


def test_a_row_typed_with_spaces_keeps_an_empty_cell_in_its_column() -> None:
    """A row with an empty cell has fewer cells than the header: it ended the table, which then
    ran into one paragraph with its caption; each cell now goes under the column it stands in,
    left-aligned, right-aligned or centred there."""
    lines = [
        "指标名称              单位      2023年实际    2024年目标",
        "地区生产总值增长      %         6.1           6左右",
        "一般公共预算收入      亿元      412.5",
        "城镇调查失业率        %                       5.5以内",
        "                                  72310       与经济增长同步",
    ]
    assert gap_table_length(lines, in_body=True) == 5
    assert parse_gap_rows(lines)[2:] == (
        ("一般公共预算收入", "亿元", "412.5", ""),
        ("城镇调查失业率", "%", "", "5.5以内"),
        ("", "", "72310", "与经济增长同步"),
    )


def test_a_line_that_stands_in_no_column_ends_the_table_typed_with_spaces() -> None:
    lines = ["钢    万吨    4666", "煤    亿吨    8.5", "电    亿度    4000", "注：〔〕内为累计数    单位：亿元"]
    assert gap_table_length(lines) == 3


def test_a_tab_separated_row_whose_first_cell_is_empty_stays_in_its_table() -> None:
    """A table saved as text from Word or Excel leaves a 类别 merged down as an empty first cell,
    so the row opens with a tab: it ended the table, and ran as one paragraph with what followed."""
    body = (
        "各位代表：\n一、主要指标\n表1　主要指标\n类别\t序号\t指标\t2025年\n经济发展\t1\t地区生产总值增长（%）\t6左右\n"
        "\t2\t全员劳动生产率增长（%）\t高于GDP增长\n创新驱动\t3\t研发经费投入增长（%）\t10以上\n注：以上为预期性指标。\n"
    )
    [table] = [block for block in _blocks(body) if isinstance(block, Table)]
    assert table.rows[2:] == (("", "2", "全员劳动生产率增长（%）", "高于GDP增长"), ("创新驱动", "3", "研发经费投入增长（%）", "10以上"))


def test_cells_wrapped_onto_a_next_line_in_a_table_typed_with_spaces_join_their_cells() -> None:
    """`pdftotext -layout` sets a wrapped cell's rest on a line of its own: a header over two lines
    (`2023年` / `完成`) and a name wrapped (`规模以上工业增加值增` / `长`). The line of one cell ended
    the table, the rest ran into one paragraph."""
    lines = [
        "  指标名称                  单位      2023年       2024年",
        "                                      完成         目标",
        "  地区生产总值增长          %         6.0          5.5左右",
        "  规模以上工业增加值增      %         5.1          6",
        "  长",
        "  一般公共预算收入          亿元      412.5        430",
    ]
    assert gap_table_length([*lines, "  注：以上为预期性指标。"]) == 6
    assert parse_gap_rows(lines) == (
        ("指标名称", "单位", "2023年完成", "2024年目标"),
        ("地区生产总值增长", "%", "6.0", "5.5左右"),
        ("规模以上工业增加值增长", "%", "5.1", "6"),
        ("一般公共预算收入", "亿元", "412.5", "430"),
    )


#: Seed 001's indicator table (lines 197–207), as the seed gives it.
_INDICATOR_ROWS = [
    "指标名称\t2023 年目标\t2023 年上半年完成",
    "一、预期性指标\t\t",
    "1. 本区生产总值\t6.5%\t3.5%",
    "2. 现代服务业增加值\t6.7%\t5.1%",
    "3. 固定资产投资\t力争正增长\t0.1%",
    "4. 社会消费品零售总额\t3.0%\t9.1%",
]


@pytest.mark.parametrize("after", [1, 4])
@pytest.mark.parametrize("furniture", [["— 9 —"], ["9", "\f"], ["- 9 -"], ["第 9 页 共 12 页"]])
def test_a_table_that_runs_over_a_page_break_stays_one_table(after: int, furniture: list[str]) -> None:
    """The page break after the header row or after the fourth row: blank lines and the page's
    number between the rows. The table ended there, its rows on the next page a table of their own
    under a data row as header, or, cut after the header, a paragraph of one row."""
    rows = _INDICATOR_ROWS
    text = "\n".join(["完成情况表", "", *rows[:after], "", *furniture, "", *rows[after:], "", "注：表中数据以统计部门发布为准。"])
    tables = [block for block in _blocks(text) if isinstance(block, Table)]
    assert tables == [Table(parse_tab_rows(rows))]


@pytest.mark.parametrize(
    ("line", "valued"),
    [
        ("8．万元 GDP建设用地 下降 5.0% 下降 7.7% 下降 5.7%", True),  # seed 002's appendix, line 1074
        ("3. 固定资产投资 3.0% 基本持平 力争正增长", True),
        ("4. 新增学位 6100座 3000亿元以上", True),
        # glossary entries of seed 003 wrapped and spread as a justified PDF line is
        ("11.福企11条：全国首个县区级 政府防控 疫情惠 企政策。政策 设置11个条款16", False),
        ("19.夜间经济：现代城市业态之一，指从当日下午6点到次日 早上6点所包含的经济", False),
        ("15.RCEP：区域 全面经济伙伴关系协定。由东盟2012年发起，历经8年、3", False),
    ],
)
def test_a_numbered_line_ends_in_value_cells_only_with_figures_and_targets(line: str, valued: bool) -> None:
    """A spread glossary entry ended in a token holding a figure, so the glossary of 27 entries
    was read as a table of its lines: a value cell is a figure with a few words or a target,
    never a piece of a sentence."""
    assert has_value_cells(flat_text(line)) is valued


def test_a_flat_table_in_traditional_characters_has_the_cells_of_its_simplified_copy() -> None:
    """The 2022 plan's appendix table, its lines spread as a PDF's text gives them, reprinted in
    traditional characters: a target in words (力爭正增長) and a change before its figure (增長
    5.0%) are value cells in either script. They were read into the row's name
    (`3.固定資產投資3.0%基本持平力爭正增長`), the row's other cells empty. Cells are compared by
    length: OpenCC's conversion of a cell alone may choose another character than in the text."""
    seed = (SEEDS / "futian-2022-01-plan-report.txt").read_text(encoding="utf-8")
    text = seed.replace("下降 5.0% 下降 7.7% 下降 5.7%", "增长 5.0% 增长 7.7% 增长 5.7%")

    def shape(report: str) -> list[list[int]]:
        tables = [block for block in _blocks(report) if isinstance(block, Table)]
        return [[len(cell) for cell in row] for table in tables for row in table.rows]

    assert shape(traditional(text)) == shape(text)


def test_the_notes_a_release_prints_after_the_report_are_an_appendix() -> None:
    """A news agency's release ends with `名词解释` over its notes: the line ran into the first
    note as one paragraph, and the notes were units of the report's closing part. It is an
    appendix title; under an appendix already open (`附件：名词、术语注释` over the same words, as
    Futian's outline prints it) the words open no second appendix."""
    closing = "各位代表！\n\n让我们紧密团结，奋勇前进！"
    notes = "【专项债券】地方政府为有一定收益的公益性项目发行的政府债券。"
    blocks = _blocks(f"各位代表：\n\n一、工作回顾\n\n工作很好。\n\n{closing}\n\n名词解释\n\n{notes}\n")
    assert Heading("名词解释", "appendix") in blocks and Paragraph(notes) in blocks
    inside = _blocks(f"各位代表：\n\n一、工作回顾\n\n工作很好。\n\n附件：名词、术语注释\n\n名词、术语注释\n\n{notes}\n")
    assert [b.text for b in inside if isinstance(b, Heading) and b.kind == "appendix"] == ["附件：名词、术语注释"]


@pytest.mark.parametrize("line", ["名词解释", "名词注释", "附：名词解释", "名词、术语解释", "术语说明"])
def test_a_glossary_title_is_known_in_the_words_releases_use(line: str) -> None:
    from corpusdiff.text.numbering import is_glossary_title

    assert is_glossary_title(line)
    assert not is_glossary_title(f"{line}如下：")
