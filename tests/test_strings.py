"""`strings.counted`: the warnings' counts take their noun in the number they need."""

from __future__ import annotations

import pytest

from corpusdiff.strings import counted


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
