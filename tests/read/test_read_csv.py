"""CSV input: an export with the report's full text in one cell reads as the report's .txt does;
a table of figures, or a table of several reports, is refused with one line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from corpusdiff.canonical.markdown import render
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from tests.conftest import SEEDS, body_of

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _csv(header: list[str], rows: list[list[str]], delimiter: str = ",", newline: str = "\r\n") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_a_csv_export_with_the_full_text_in_a_column_reads_as_the_text(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    data = _csv(["id", "标题", "发布日期", "正文"], [["17", "福田区报告", "2025-01-20", text]])
    from_csv = normalize_raw(decode_report(data, seed.stem + ".csv"))
    from_text = normalize_raw(decode_report(seed.read_bytes(), seed.name))
    assert body_of(render(from_csv)) == body_of(render(from_text))
    assert from_csv.metadata.source is not None and from_csv.metadata.source.format == "csv"
    assert any("column “正文” of row 1" in warning for warning in from_csv.warnings)


def test_a_semicolon_csv_with_the_text_in_its_second_row_is_read() -> None:
    text = (SEEDS / "futian-2025-01-plan-report.txt").read_text(encoding="utf-8")
    data = _csv(["title", "body"], [["附件目录", "见附件"], ["计划报告", text]], delimiter=";", newline="\n")
    raw = decode_report(data, "export.csv")
    assert raw.format == "csv" and raw.text == text


def test_a_csv_of_several_reports_is_refused_with_a_count() -> None:
    texts = [path.read_text(encoding="utf-8") for path in SEED_FILES[:3]]
    data = _csv(["标题", "正文"], [[f"报告{n}", text] for n, text in enumerate(texts)])
    with pytest.raises(InputError, match=r"holds 3 reports' texts \(column “正文”\)"):
        decode_report(data, "all.csv")


@pytest.mark.parametrize("seed", SEED_FILES[:2], ids=lambda p: p.stem)
def test_a_spreadsheet_export_with_a_paragraph_a_row_reads_as_the_text(seed: Path) -> None:
    paragraphs = [line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]
    data = _csv(["序号", "内容"], [[str(n), line] for n, line in enumerate(paragraphs, 1)])
    from_csv = normalize_raw(decode_report(data, seed.stem + ".csv"))
    as_text = "\n\n".join(line.strip() for line in paragraphs) + "\n"
    from_text = normalize_raw(decode_report(as_text.encode("utf-8"), seed.name))
    assert body_of(render(from_csv)) == body_of(render(from_text))
    assert any("one paragraph a row" in warning for warning in from_csv.warnings)


def test_several_reports_a_row_each_are_no_paragraphs_of_one() -> None:
    rows = [[f"报告{n}", "现在，我代表区人民政府，向大会报告工作。" * 30] for n in range(3)]
    with pytest.raises(InputError, match=r"holds 3 reports' texts"):
        decode_report(_csv(["标题", "正文"], rows), "several.csv")


def test_a_csv_of_figures_is_refused_as_a_table() -> None:
    rows = [[str(2000 + n), "福田区", "地区生产总值", str(n * 100)] for n in range(30)]
    with pytest.raises(InputError, match="CSV table, not a report"):
        decode_report(_csv(["年份", "地区", "指标", "数值"], rows), "figures.csv")


def test_report_text_with_commas_on_its_first_line_is_still_text() -> None:
    text = "福田区2025年工作报告,草案\n" + (SEEDS / "futian-2025-01-plan-report.txt").read_text(
        encoding="utf-8"
    )
    raw = decode_report(text.encode("utf-8"), "report.txt")
    assert raw.format == "text"


def test_a_cell_beyond_the_csv_modules_field_limit_is_read() -> None:
    text = (SEEDS / "futian-2025-01-plan-report.txt").read_text(encoding="utf-8") * 8
    assert len(text) > csv.field_size_limit()
    raw = decode_report(_csv(["标题", "正文"], [["计划报告", text]]), "long.csv")
    assert raw.format == "csv" and raw.text == text
    assert csv.field_size_limit() < len(text)  # the module's limit is left as it was
