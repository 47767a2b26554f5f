"""The gap between two clauses of a heading (`第二篇　坚持创新驱动发展　打造…`) survives the spacing
rule, which removes spaces between Han characters: canonical text keeps it as one ideographic
space, from text, Word and web pages alike, and normalising again changes nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.text.chars import HAN_RE
from corpusdiff.types.document import Heading
from tests.conftest import body_of

TITLE = "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
BODY = "坚持创新在现代化建设全局中的核心地位，把科技自立自强作为城市发展的战略支撑。"


def _raw(text: str) -> RawReport:
    return RawReport(text=text, name="plan.txt", sha256="0" * 64, encoding="utf-8", size=len(text))


def _headings(text: str) -> list[str]:
    return [b.text for b in normalize_raw(_raw(text)).blocks if isinstance(b, Heading)]


def _outline(*headings: str) -> str:
    lines = [TITLE, ""]
    for heading in headings:
        lines += [heading, "", BODY, ""]
    return "\n".join(lines)


@pytest.mark.parametrize("gap", ["\u3000", " ", "  ", "\u3000\u3000", "\u00a0"])
def test_the_gap_between_two_clauses_of_a_heading_is_kept(gap: str) -> None:
    text = _outline(f"第二篇　坚持创新驱动发展{gap}打造具有核心竞争力的科技创新高地", f"第二章　强化战略科技力量{gap}建设重大创新平台")
    assert _headings(text) == [
        "第二篇 坚持创新驱动发展\u3000打造具有核心竞争力的科技创新高地",
        "第二章 强化战略科技力量\u3000建设重大创新平台",
    ]


def test_letter_spacing_and_spaces_beside_figures_are_no_gap() -> None:
    text = _outline("第一章　总　　则", "第二章　2021 年 工作回顾", "第三章　“十四五”　开局良好")
    assert _headings(text) == ["第一章 总则", "第二章 2021年工作回顾", "第三章 “十四五”开局良好"]


def test_a_gap_in_the_body_after_the_heading_is_dropped_as_before() -> None:
    text = _outline("（一）稳定宏观经济　打造高地。坚持创新驱动发展　打造具有核心竞争力的科技创新高地。")
    document = normalize_raw(_raw(text))
    assert "（一）稳定宏观经济\u3000打造高地" in body_of(render(document))
    assert "坚持创新驱动发展打造具有核心竞争力的科技创新高地。" in body_of(render(document))


CLAUSE = st.text(alphabet="创新驱动发展打造科技高地建设平台强化战略力量", min_size=2, max_size=10)
MARKERS = st.sampled_from(["第二篇　", "第三章 ", "第一节　", "一、", "（二）", "1.", "第一部分　", ""])
GAPS = st.sampled_from(["\u3000", " ", "  ", "\t", "\u3000\u3000", ""])


@st.composite
def gapped_headings(draw: st.DrawFn) -> str:
    clauses = draw(st.lists(CLAUSE, min_size=1, max_size=3))
    heading = clauses[0] + "".join(draw(GAPS) + clause for clause in clauses[1:])
    return draw(MARKERS) + heading


@settings(max_examples=60, deadline=None)
@given(st.lists(gapped_headings(), min_size=1, max_size=4))
def test_normalising_twice_keeps_every_gap_and_every_han_character(headings: list[str]) -> None:
    text = _outline(*headings)
    once = render(normalize_raw(_raw(text)))
    assert render(normalize_raw(_raw(once))) == once
    source = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    assert sorted(HAN_RE.findall(body_of(once))) == sorted(HAN_RE.findall(source))
