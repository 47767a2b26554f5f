"""Markdown without front matter — pandoc's or markitdown's output for a Word or PDF report, a
corpus document's body copied out — is read for its `#` headings and pipe tables, never as
escaped text."""

from __future__ import annotations

import pytest

from corpusdiff.canonical.markdown import render
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.read.markdown import is_markdown
from corpusdiff.types.document import Heading, Table
from tests.conftest import SEEDS, body_of


@pytest.mark.parametrize("seed", ["futian-2025-01-plan-report.txt", "futian-2022-01-plan-report.txt"])
def test_a_canonical_body_without_front_matter_reads_back_to_itself(seed: str) -> None:
    canonical = render(normalize_raw(decode_report((SEEDS / seed).read_bytes(), seed)))
    body = body_of(canonical)
    document = normalize_raw(decode_report(body.encode("utf-8"), "report.md"))
    assert document.metadata.source is not None and document.metadata.source.format == "markdown"
    assert body_of(render(document)) == body
    assert any(isinstance(b, Heading) for b in document.blocks)


def test_headings_and_a_pipe_table_come_through() -> None:
    text = (
        "# 政府工作报告\n\n各位代表：\n\n## 一、2023年工作回顾\n\n"
        + "过去一年，面对复杂严峻的外部环境，全省上下坚持稳中求进工作总基调，经济运行稳中向好。" * 4
        + "\n\n"
        "| 指标 | 目标 |\n| --- | --- |\n| 地区生产总值 | 6%左右 |\n\n## 二、2024年重点工作\n\n扩大有效投资。\n"
    )
    document = normalize_raw(decode_report(text.encode("utf-8"), "report.md"))
    assert document.metadata.title == "政府工作报告"
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == ["一、2023年工作回顾", "二、2024年重点工作"]
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    assert [list(row) for row in table.rows] == [["指标", "目标"], ["地区生产总值", "6%左右"]]


def test_a_markdown_file_without_report_text_is_refused_as_markdown() -> None:
    with pytest.raises(InputError, match="a Markdown file with no report text"):
        decode_report("# 标题\n\n## 小节\n\n几个字。\n".encode(), "notes.md")


def test_a_text_with_one_hash_line_is_no_markdown() -> None:
    assert not is_markdown("# 说明\n\n各位代表：\n\n现在，我代表区人民政府作报告。\n")
    assert is_markdown("# 报告\n\n## 一、回顾\n\n正文。\n")


def test_a_numbered_list_keeps_its_numbers_as_the_text_prints_them() -> None:
    """pandoc writes a Word list's numbers as a Markdown list; they are the report's `1.` `2.`."""
    opening = "# 政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n\n## 一、2023年工作回顾\n\n"
    items = ["经济运行稳中向好，地区生产总值增长5.5%。", "创新动能持续增强，研发投入增长10%。"]
    closing = "\n\n## 二、2024年工作安排\n\n" + "今年要着力扩大有效需求，推动经济实现质的有效提升和量的合理增长。" * 3 + "\n"
    markdown = opening + "3. " + items[0] + "\n\n4. " + items[1] + closing
    raw = decode_report(markdown.encode("utf-8"), "report.md")
    assert "3." + items[0] in raw.text.split("\n")
    assert "4." + items[1] in raw.text.split("\n")
