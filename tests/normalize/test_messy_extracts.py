"""Invariants over text as a PDF or Word extract leaves a report, drawn at random: lines cut at
30–45 characters wherever they fall, paragraphs indented or not, a page number (`— 12 —`, `- 12 -`)
and blank lines every page, a justified full line spread with spaces between its characters,
CRLF, a BOM, GB18030 bytes. The report is lines 22–58 of wikisource/2016.txt (a paragraph a line).

Whatever the mess: no Han character of the body is lost or added; normalising the result again
changes nothing; and with indented paragraphs every paragraph comes back as the source prints it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import NormalizedDocument, Paragraph

SOURCE = Path(__file__).parent.parent / "data" / "national-gwr" / "wikisource" / "2016.txt"
PARAGRAPHS = [line for line in SOURCE.read_text(encoding="utf-8").split("\n")[21:58] if line.strip()]
HAN = re.compile(r"[\u4e00-\u9fff]")


@st.composite
def extracts(draw: st.DrawFn) -> tuple[bytes, bool]:
    """A messy extract of PARAGRAPHS, and whether its paragraphs open indented."""
    width = draw(st.integers(30, 45))
    indented = draw(st.booleans())
    lines = []
    for paragraph in PARAGRAPHS:
        text = ("\u3000\u3000" if indented else "") + paragraph
        pieces = [text[i : i + width] for i in range(0, len(text), width)]
        for number, piece in enumerate(pieces):
            if number < len(pieces) - 1 and draw(st.booleans()):
                piece = _spread(piece, draw(st.lists(st.integers(3, width - 3), max_size=3)), draw(st.sampled_from([" ", "  "])))
            lines.append(piece)
    page, footer = draw(st.integers(25, 45)), draw(st.sampled_from(["— {} —", "- {} -"]))
    paged = ["2016年政府工作报告", "各位代表："]
    for number, start in enumerate(range(0, len(lines), page), 1):
        paged += [*lines[start : start + page], "", footer.format(number), ""]
    text = ("\r\n" if draw(st.booleans()) else "\n").join(paged)
    if draw(st.booleans()):
        return text.encode("gb18030"), indented
    return ("\ufeff" if draw(st.booleans()) else "").encode() + text.encode("utf-8"), indented


def _spread(line: str, places: list[int], gap: str) -> str:
    """Spaces a justified line leaves between two Han characters, at `places`."""
    for place in sorted(set(places), reverse=True):
        if place < len(line) and HAN.match(line[place - 1]) and HAN.match(line[place]):
            line = line[:place] + gap + line[place:]
    return line


def _body_han(document: NormalizedDocument) -> Counter[str]:
    return Counter(HAN.findall("".join(block.text for block in document.blocks if isinstance(block, Paragraph))))


@settings(max_examples=25, deadline=None)
@given(extracts())
def test_a_messy_extract_loses_no_han_character_and_normalises_once(extract: tuple[bytes, bool]) -> None:
    data, indented = extract
    document = normalize_raw(decode_report(data, "2016.txt"))
    assert _body_han(document) == Counter(HAN.findall("各位代表：" + "".join(PARAGRAPHS)))
    canonical = render(document)
    again = normalize_raw(decode_report(canonical.encode("utf-8"), "2016.md"))
    assert render(again) == canonical
    if indented:
        paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
        assert paragraphs == ["各位代表：", *PARAGRAPHS]
