"""A five-year outline as a PDF-to-text converter gives it: 篇 and 章 titles set large, so a long
one wraps onto a second line, and 章 numbered through every 篇 (第二章 under 第二篇 after 第一章
under 第一篇), its 节 again in each 章. Synthetic, written from the genre: the repository's one
outline (seed 003) has short titles."""

from __future__ import annotations

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.types.document import Heading, Paragraph

TITLE = "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
BODY = "　　坚持创新在现代化建设全局中的核心地位，把科技自立自强作为城市发展的战略支撑。"


def _blocks(*lines: str, name: str = "outline.txt") -> list[Heading | Paragraph]:
    text = "\n".join([TITLE, "", *lines])
    raw = RawReport(text=text, name=name, sha256="0" * 64, encoding="utf-8", size=len(text))
    return [b for b in normalize_raw(raw).blocks if isinstance(b, (Heading, Paragraph))]


def test_chapters_run_on_across_parts_even_after_an_unfinished_paragraph() -> None:
    blocks = _blocks(
        "第一篇　开启全面建设社会主义现代化新征程",
        "第一章　发展环境",
        BODY,
        "第二篇　坚持创新驱动发展",
        "　　本篇导语：坚持创新驱动发展全面塑造发展新优势",  # no stop: the paragraph stays open
        "第二章　强化战略科技力量",
        BODY,
    )
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "第一篇 开启全面建设社会主义现代化新征程",
        "第一章 发展环境",
        "第二篇 坚持创新驱动发展",
        "第二章 强化战略科技力量",
    ]


def test_a_title_wrapped_onto_a_second_line_comes_back_whole() -> None:
    blocks = _blocks(
        "第一篇　开启全面建设社会主义现代化",
        "新征程",
        "第一章　发展环境",
        BODY,
        "第二篇　坚持创新驱动发展　打造具有核心",
        "竞争力的科技创新高地",
        "第二章　强化战略科技力量　建设重大创新",
        "平台",
        "坚持创新在现代化建设全局中的核心地位，把科技自立自强作为城市发展的战略支撑，加快建",
        "设综合性国家科学中心。",
    )
    assert [b.text for b in blocks] == [
        "第一篇 开启全面建设社会主义现代化新征程",
        "第一章 发展环境",
        BODY.strip(),
        "第二篇 坚持创新驱动发展\u3000打造具有核心竞争力的科技创新高地",
        "第二章 强化战略科技力量\u3000建设重大创新平台",
        "坚持创新在现代化建设全局中的核心地位，把科技自立自强作为城市发展的战略支撑，加快建设综合性国家科学中心。",
    ]


def test_a_short_line_under_a_heading_is_its_own_when_it_cannot_end_the_title() -> None:
    cases = [
        ("（一）深化重要领域和关键环节改革。", "要全面深化各领域改"),  # the heading ends with its stop
        ("（一）工业", "稳中有进"),  # a short heading fits its line
        ("第二章　强化战略科技力量建设重大创新", "平台，加快建设。"),  # a sentence goes on
        ("第二章　强化战略科技力量建设重大创新", "　　平台建设"),  # indented: a paragraph
    ]
    for heading, after in cases:
        blocks = _blocks("第一章　发展环境", BODY, heading, after, BODY)
        assert after.strip() in "".join(b.text for b in blocks if isinstance(b, Paragraph)), (heading, after)


def test_a_wikisource_chunk_break_after_the_short_line_keeps_it_text() -> None:
    blocks = _blocks("第一章　发展环境", BODY, "（二）深化重要领域和关键环节改革", "要全面深化各领域改", "\u200b", "革，增强内生发展动力。")
    assert Paragraph("要全面深化各领域改革，增强内生发展动力。") in blocks


def test_a_centred_title_wrapped_in_pdftotext_layout_comes_back_whole() -> None:
    """`pdftotext -layout` keeps a centred title's place: its shorter second line stands further in."""
    blocks = _blocks(
        "第一章　发展环境",
        BODY,
        "           第二篇　坚持创新驱动发展　打造具有核心",
        "                 竞争力的科技创新高地",
        BODY,
    )
    assert Heading("第二篇 坚持创新驱动发展\u3000打造具有核心竞争力的科技创新高地", "pian") in blocks
