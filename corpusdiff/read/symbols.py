"""Word's symbol fonts -> Unicode, for the characters Insert > Symbol puts in a .docx as `w:sym`
(a font and a code, no text): ≥ ± × √ from Symbol, ✓ □ ① from Wingdings."""

from __future__ import annotations


def _run(first: int, characters: str) -> dict[int, str]:
    return {first + offset: character for offset, character in enumerate(characters)}


#: Adobe's Symbol encoding: ASCII punctuation and digits as they are, letters Greek.
_SYMBOL = {
    **{code: chr(code) for code in range(0x20, 0x7F)},
    **_run(0x41, "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"),
    **_run(0x61, "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"),
    **{0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥", 0x60: "‾"},
    **_run(0xA1, "ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…"),
    **_run(0xC4, "⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇"),
    **_run(0xD5, "∏√⋅¬∧∨⇔⇐⇑⇒⇓◊"),
    0x7E: "∼",
    0xE5: "∑",
    0xF2: "∫",
}
_WINGDINGS = {
    **_run(0x80, "⓪①②③④⑤⑥⑦⑧⑨⑩⓿❶❷❸❹❺❻❼❽❾❿"),
    **{0x4A: "☺", 0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑", 0x75: "◆", 0x76: "❖", 0xA1: "○"},
    **{0xA7: "▪", 0xA8: "◻", 0xD8: "➢", 0xE8: "➔", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"},
}
_FONTS = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}


def symbol_text(font: str, code: str) -> str:
    """The character a `w:sym` shows; "" when it is not known. A code below U+F000 is the
    character itself; one in the private area (F020–F0FF, how Word writes a symbol font's
    codes) is looked up in the font's table."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0 < value < 0xF000 and not 0xD800 <= value < 0xE000:
        return chr(value)
    return _FONTS.get(font.strip().lower(), {}).get(value - 0xF000 if value >= 0xF000 else value, "")
