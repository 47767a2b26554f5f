"""List marks of a Word list copied out as text (canonical-markdown.md, rule 8): with the symbol
font lost, Word's bullets come as the font's code in the private use area (U+F06C is Wingdings'
●, U+F0A7 its ▪, U+F0B7 Symbol's •) or as the Latin-1 letter of the code (`§` for ▪, `Ø` for ➢).
The items are seed 001's, lines 11–13, which the seed marks `- `."""

from __future__ import annotations

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.types.document import ListItem

ITEMS = ["地区生产总值2731亿元，增长3.5%；", "现代服务业增加值2052.94亿元，增长5.1%；", "城镇居民登记失业率控制在2%以内。"]


def _items(mark: str) -> list[str]:
    text = "\n".join(["2023年上半年，全区经济运行稳中向好。主要指标如下：", *(f"{mark}{item}" for item in ITEMS)])
    raw = RawReport(text=text, name="report.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    return [block.text for block in normalize_raw(raw).blocks if isinstance(block, ListItem)]


@pytest.mark.parametrize("mark", ["- ", "● ", "\uf06c ", "\uf0a7\t", "\uf0b7 ", "§ ", "Ø "])
def test_a_word_bullet_copied_out_is_a_list_mark(mark: str) -> None:
    """The mark was report text: three items ran into the paragraph, `§` and U+F06C kept."""
    assert _items(mark) == ITEMS


def test_a_section_sign_before_a_number_is_text() -> None:
    assert _items("§") == []
