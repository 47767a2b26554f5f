"""A CSV export that holds one report's full text in one cell — the content column of a database
or portal export, with a title and a date beside it — is read as that report: the cell's text,
line breaks and all, is what a .txt of the report holds. Any other CSV (a table of figures, or
several reports) is not one report and is refused (docs/inputs.md, "CSV").
"""

from __future__ import annotations

import re

from corpusdiff.errors import InputError
from corpusdiff.read import formats
from corpusdiff.read.extracted import Extracted
from corpusdiff.strings import counted

#: what the front matter records as the extractor (Python's csv module has no version of its own)
EXTRACTOR = "corpusdiff.read.csvtext (Python csv)"
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
#: The report's cell holds at least this many Han characters, and this share of the table's.
_MIN_HAN = 200
_SHARE = 0.9
_TITLE_COLUMN_RE = re.compile(
    r"^\s*(标题|题目|题名|名称|文件名称|文章标题|title|name|subject)\s*$", re.IGNORECASE
)


def extract_csv(text: str, name: str) -> Extracted:
    """The report in a CSV export; InputError when the table holds none, or more than one."""
    rows = formats.csv_rows(text)
    if rows is None:
        raise InputError(formats.refusal(name, "csv"))
    header, records = rows[0], rows[1:]
    han = [[len(_HAN_RE.findall(cell)) for cell in record] for record in records]
    total = sum(map(sum, han))
    row, column = max(
        ((r, c) for r in range(len(records)) for c in range(len(header))), key=lambda rc: han[rc[0]][rc[1]]
    )
    best = han[row][column]
    if best < _MIN_HAN or best < total * _SHARE:
        reports = sum(1 for counts in han for count in counts if count >= _MIN_HAN)
        if reports >= 2:
            raise InputError(
                f"{name}: this CSV table holds {reports} reports' texts (column “{header[column]}”), not one "
                "report; write each report's text to a file of its own and give those"
            )
        raise InputError(formats.refusal(name, "csv"))
    note = (
        f"read the report from column “{header[column]}” of row {row + 1} of a CSV table; "
        f"the rest of the table ({counted(len(header) * len(records) - 1, 'cell')}) is not report text"
    )
    return Extracted(records[row][column].replace("\r\n", "\n"), [note], _title(header, records[row]))


def _title(header: list[str], record: list[str]) -> str:
    """The report's title from a title column beside the text, when there is one."""
    for column, name in enumerate(header):
        if _TITLE_COLUMN_RE.match(name) and record[column].strip():
            return record[column].strip()
    return ""
