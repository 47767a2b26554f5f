"""What a spreadsheet runs: a CSV cell Excel (or LibreOffice, Google Sheets) reads as a formula.

Report text and the names read out of it are untrusted input, and every CSV corpusdiff writes
(the 新旧对照表, the indicator table, the term index) is made to be opened in Excel, which runs
a cell that starts like a formula (`=HYPERLINK(…)`, `@SUM(…)`, `-cmd|…`) when it opens the file.
"""

from __future__ import annotations

import re

#: What makes Excel read a cell as a formula (and run it) when it opens a CSV file.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: What Excel reads as it is, no formula: a signed number, or a lone sign (a table's blank, `-`).
_PLAIN = re.compile(r"[-+](?:\d+(?:\.\d+)?%?)?")


def inert(value: object) -> object:
    """A CSV cell Excel will not run: text that starts like a formula (and is no signed
    number nor a lone sign) gets a leading `'`, Excel's mark for literal text."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN.fullmatch(value):
        return f"'{value}"
    return value
