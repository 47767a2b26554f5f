"""Word's symbol fonts: the character a `w:sym` shows."""

from __future__ import annotations

import pytest

from corpusdiff.read.symbols import symbol_text


@pytest.mark.parametrize(
    ("font", "code", "character"),
    [
        ("Symbol", "F0B3", "≥"),
        ("Symbol", "F0A3", "≤"),
        ("symbol", "F0B1", "±"),
        ("Symbol", "F0B4", "×"),
        ("Symbol", "F0D6", "√"),
        ("Symbol", "F061", "α"),
        ("Symbol", "F035", "5"),
        ("Wingdings", "F0FC", "✓"),
        ("Wingdings", "F0A8", "◻"),
        ("Wingdings", "F081", "①"),
        ("宋体", "2265", "≥"),  # a code outside the private area is the character itself
        ("Webdings", "F021", ""),  # no table for the font
        ("Symbol", "zz", ""),
        ("Symbol", "D800", ""),
    ],
)
def test_symbol_text(font: str, code: str, character: str) -> None:
    assert symbol_text(font, code) == character
