"""A table of contents between the title and the first part, as five-year outlines print one:
dropped with a warning, so its entries are no headings and the title is found (synthetic,
written from the genre; a contents before the title is the wrapper's, rule 3, seed 004)."""

from __future__ import annotations

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.types.document import Heading, NormalizedDocument

TITLE = "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
BODY = [
    "第一篇　开启全面建设社会主义现代化新征程",
    "第一章　发展环境",
    "　　“十三五”时期，我市经济社会发展取得重大成就。",
    "第二章　总体要求",
    "　　坚持稳中求进工作总基调。",
]


def _normalize(lines: list[str]) -> NormalizedDocument:
    text = "\n".join(lines)
    return normalize_raw(RawReport(text=text, name="outline.txt", sha256="0" * 64, encoding="utf-8", size=len(text)))


@pytest.mark.parametrize(
    "entries",
    [
        ["第一篇　开启全面建设社会主义现代化新征程………………1", "第一章　发展环境……………………1", "第二章　总体要求……………………4"],
        ["第一篇　开启全面建设社会主义现代化新征程\t1", "第一章　发展环境\t1", "第二章　总体要求\t4"],
        ["第一篇　开启全面建设社会主义", "现代化新征程 ............ 1", "第一章　发展环境 ........ 1", "", "— 1 —", "第二章　总体要求 ........ 4"],
    ],
)
def test_a_contents_after_the_title_is_dropped(entries: list[str]) -> None:
    document = _normalize([TITLE, "", "目　　录", "", *entries, "", *BODY])
    assert document.metadata.title == TITLE
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == [
        "第一篇 开启全面建设社会主义现代化新征程",
        "第一章 发展环境",
        "第二章 总体要求",
    ]
    assert any(w.startswith("dropped the table of contents after the title (3 entries") for w in document.warnings)


def test_a_contents_line_without_entries_stays() -> None:
    document = _normalize([TITLE, "", "目录", "", *BODY])
    assert not any("table of contents" in w for w in document.warnings)


@pytest.mark.parametrize("preface", [["序言", "　　本纲要主要阐明市委市政府战略意图。"], ["　　本纲要主要阐明市委市政府战略意图。"]])
def test_a_contents_without_page_numbers_is_dropped_up_to_the_body_it_lists(preface: list[str]) -> None:
    """A page's outline or Word's headings typed as a list: no page numbers, so the contents was
    kept and every heading came twice. Its entries are the headings the body repeats; a `序言`
    label over the preface, there once, is the body's."""
    entries = ["第一篇　开启全面建设社会主义现代化新征程", "第一章　发展环境", "第二章总体要求"]
    document = _normalize([TITLE, "（2021年2月26日某市第十五届人民代表大会第六次会议批准）", "目录", *entries, *preface, *BODY])
    assert [b.text for b in document.blocks if isinstance(b, Heading)] == [
        "第一篇 开启全面建设社会主义现代化新征程",
        "第一章 发展环境",
        "第二章 总体要求",
    ]
    assert document.blocks[1].text == preface[0].strip()
    assert any(w.startswith("dropped the table of contents after the title (3 entries") for w in document.warnings)
