"""An OCR'd report, a space between every two characters, reads as the clean report: figures and
years closed up, so headings, paragraphs and the date come out as the clean text gives them."""

from __future__ import annotations

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report

CLEAN = "政府工作报告\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2018年工作回顾\n\n过去一年，经济增长6.6%，PM2.5浓度下降。\n"


def _letter_spaced(text: str) -> str:
    """As OCR gives a page set with a space between every two characters, words a wider gap apart."""
    return "\n".join("   ".join(" ".join(word) for word in line.split(" ")) for line in text.split("\n"))


def test_an_ocr_letter_spaced_report_normalises_as_the_clean_report() -> None:
    clean = normalize_raw(decode_report(CLEAN.encode(), "clean.txt"))
    spaced = normalize_raw(decode_report(_letter_spaced(CLEAN).encode(), "spaced.txt"))
    assert spaced.blocks == clean.blocks
    assert spaced.metadata.date == clean.metadata.date == "2019"
