"""PDFs as offices make them: a report formatted in Word the way an office does (a cover page,
仿宋 body indented two characters, 黑体/楷体 headings, `— N —` in the footer, ruled tables;
tests/read/office_docx.py) and saved to PDF by LibreOffice, cut short to the part a fixture
shows (tests/data/pdf/README.md). Each reads to the blocks of the text it was made from."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from corpusdiff.normalize.entry import normalize_file
from corpusdiff.types.document import Table
from tests.conftest import ROOT, SEEDS
from tests.formats_equivalence import differences
from tests.read.office_docx import FIXTURES, excerpt

PDF_DATA = ROOT / "tests" / "data" / "pdf"


@pytest.mark.parametrize(("name", "seed", "opening"), [f[:3] for f in FIXTURES], ids=[f[0] for f in FIXTURES])
def test_an_office_pdf_reads_as_the_text_it_was_made_from(name: str, seed: str, opening: int) -> None:
    reference = excerpt(normalize_file(SEEDS / seed, {}), opening)
    found = differences(reference, normalize_file(PDF_DATA / f"{name}.pdf", {}))
    assert found.total() == 0, "\n".join(found.examples)


def test_two_rows_of_a_centred_table_wider_than_the_text_are_two_rows() -> None:
    """LibreOffice centres a table wider than the text column, so its rows stand out past both
    margins; two rows that both fill the table, the second a little narrower, have the shape of
    a centred title wrapping from a full line onto a shorter one, and were joined into one row,
    the second row's cells lost (`…以市下达目标为准10.能耗总量和强度`). A table row is no title's line."""
    reference = excerpt(normalize_file(SEEDS / "futian-2022-01-plan-report.txt", {}), 3)
    read = normalize_file(PDF_DATA / "office-table-centred.pdf", {})
    tables = [[block.rows for block in doc.blocks if isinstance(block, Table)] for doc in (reference, read)]
    assert tables[1] == tables[0]
