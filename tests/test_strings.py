"""The catalogue's words (`strings`): the warnings' counts take their noun in the number they need;
the English words are words, never the keys the code uses."""

from __future__ import annotations

import re

import pytest

from corpusdiff.strings import catalogue, counted


@pytest.mark.parametrize(
    ("count", "noun", "plural", "expected"),
    [
        (1, "line", "", "1 line"),
        (2, "line", "", "2 lines"),
        (0, "page", "", "0 pages"),
        (1, "running head or footer", "running heads or footers", "1 running head or footer"),
        (3, "running head or footer", "running heads or footers", "3 running heads or footers"),
    ],
)
def test_counted(count: int, noun: str, plural: str, expected: str) -> None:
    assert counted(count, noun, plural) == expected


def test_no_english_word_is_a_key() -> None:
    """The English term index showed a status as the key the code files it under
    (`new-in-latest`) where Chinese says 新出现: a catalogue's words are words, not identifiers."""
    keys = [key for key, text in catalogue("en").table.items() if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", text)]
    assert keys == []
