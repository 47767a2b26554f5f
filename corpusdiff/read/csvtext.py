"""A CSV export that holds one report's full text in one cell — the content column of a database
or portal export, with a title and a date beside it — is read as that report: the cell's text,
line breaks and all, is what a .txt of the report holds. So is an export (a spreadsheet saved as
CSV) that sets one report a paragraph a row. Any other CSV (a table of figures, or several
reports) is not one report and is refused (docs/inputs.md, "CSV").
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
#: A paragraph a row: the cells read as sentences, and none is longer than a paragraph runs.
_CLAUSE_MARK_RE = re.compile("[。，；：！？]")
_PARAGRAPH_MAX_HAN = 3000
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
    paragraphs = _paragraph_rows(header, records, han, total)
    if paragraphs is not None and (best < _MIN_HAN or best < total * _SHARE):
        column, text = paragraphs
        note = (
            f"read the report from column “{header[column]}” of a CSV table, one paragraph a row "
            f"({counted(len(records), 'row')}); the other columns are not report text"
        )
        return Extracted(text, [note], _title(header, records[0]) if _constant_title(header, records) else "")
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


def _paragraph_rows(
    header: list[str], records: list[list[str]], han: list[list[int]], total: int
) -> tuple[int, str] | None:
    """(column, text) of an export that sets a report one paragraph a row, or None: one column
    holds nine tenths of the table's Han characters, at least 200, and at least half of them in
    cells that read as sentences (a mark of a clause or a sentence: a table of figures has names);
    none is a whole text (a blank line or more than a report's paragraph ever holds); and any
    title column names one report, not one a row. The rows go on as paragraphs, a blank line
    between them, as a .txt of the report sets them."""
    column = max(range(len(header)), key=lambda c: sum(counts[c] for counts in han))
    column_han = sum(counts[column] for counts in han)
    cells = [record[column].strip().replace("\r\n", "\n") for record in records if record[column].strip()]
    if column_han < max(_MIN_HAN, total * _SHARE) or not _constant_title(header, records):
        return None
    if 2 * sum(len(_HAN_RE.findall(cell)) for cell in cells if _CLAUSE_MARK_RE.search(cell)) < column_han:
        return None
    if any("\n\n" in cell or len(_HAN_RE.findall(cell)) > _PARAGRAPH_MAX_HAN for cell in cells):
        return None
    return column, "\n\n".join(cells) + "\n"


def _constant_title(header: list[str], records: list[list[str]]) -> bool:
    """No title column, or one that names the same report in every row."""
    return all(
        len({record[column].strip() for record in records}) <= 1
        for column, name in enumerate(header)
        if _TITLE_COLUMN_RE.match(name)
    )


def _title(header: list[str], record: list[str]) -> str:
    """The report's title from a title column beside the text, when there is one."""
    for column, name in enumerate(header):
        if _TITLE_COLUMN_RE.match(name) and record[column].strip():
            return record[column].strip()
    return ""
