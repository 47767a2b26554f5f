"""A report copied out of a PDF viewer with Kangxi radicals and half-width marks for its own
characters reads as the clean report: its title, genre, headings and paragraphs."""

from __future__ import annotations

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Heading, Paragraph

CLEAN = "政府工作报告\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2018年工作回顾\n\n过去一年，经济增长6.6%。\n"


def _copied(text: str) -> str:
    return text.replace("工", "⼯").replace("一", "⼀").replace("长", "⻓").replace("。", "｡").replace("、", "､")


def test_a_pdf_viewers_copy_normalises_as_the_clean_report() -> None:
    clean = normalize_raw(decode_report(CLEAN.encode(), "clean.txt"))
    copied = normalize_raw(decode_report(_copied(CLEAN).encode(), "copied.txt"))
    assert copied.metadata.title == clean.metadata.title == "政府工作报告"
    assert copied.metadata.genre == "government-work-report"
    assert copied.blocks == clean.blocks
    assert Heading in {type(block) for block in copied.blocks}
    assert Paragraph in {type(block) for block in copied.blocks}

