from __future__ import annotations

import pytest

from corpusdiff.text.numbering import (
    canonical_box_title,
    canonical_heading,
    chinese_numeral,
    parse_marker,
    split_title,
)


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十", 10), ("十四", 14), ("二十三", 23), ("一百零二", 102)]
)
def test_chinese_numeral(text: str, value: int) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize(
    ("line", "kind", "ordinal", "label"),
    [
        ("第二篇 突出经济发展", "pian", 2, "第二篇 "),
        ("第十一章 打造社会主义文化繁荣兴盛的文明城区", "zhang", 11, "第十一章 "),
        ("第一节 规划建设好河套深港科技创新合作区", "jie", 1, "第一节 "),
        ("三、2022年经济社会发展主要任务", "cn", 3, "三、"),
        ("（五）全力创建文明城市", "paren", 5, "（五）"),
        ("(一) 高质量发展稳步推进", "paren", 1, "（一）"),
        ("1．本区生产总值", "num", 1, "1."),
        ("12. 加快建设枢纽城区。", "num", 12, "12."),
    ],
)
def test_parse_marker(line: str, kind: str, ordinal: int, label: str) -> None:
    marker = parse_marker(line)
    assert marker is not None
    assert (marker.kind, marker.ordinal, marker.label) == (kind, ordinal, label)


@pytest.mark.parametrize(
    "line", ["16.7万平方米用地完成产权注销", "11.2%。持续推进", "一是当前国际环境", "二〇二五年一月"]
)
def test_not_a_marker(line: str) -> None:
    assert parse_marker(line) is None


def test_heading_and_body_split_at_first_full_stop() -> None:
    assert split_title("战略平台能级跃升。坚决落实国家战略。") == ("战略平台能级跃升", "坚决落实国家战略。")
    assert split_title("高质量发展稳步推进") == ("高质量发展稳步推进", "")


def test_canonical_heading_keeps_one_space_after_part_markers() -> None:
    assert canonical_heading("第二篇  突出经济发展") == "第二篇 突出经济发展"
    assert canonical_heading(canonical_heading("第二篇 突出经济发展")) == "第二篇 突出经济发展"
    assert canonical_heading("(一)锚定三大新引擎, 高标准建设") == "（一）锚定三大新引擎，高标准建设"


def test_canonical_box_title() -> None:
    assert canonical_box_title("专栏1  “后疫情时代”新变化") == "专栏1 “后疫情时代”新变化"
