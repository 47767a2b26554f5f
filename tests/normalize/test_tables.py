"""The three flattened table layouts of the seeds, on excerpts typed from them."""

from __future__ import annotations

from corpusdiff.normalize.tables import parse_cell_groups, parse_flat_rows, parse_tab_rows


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
