"""Dates are checked at the door, and a document from a newer corpusdiff is never "re-ingested"
into an older dialect (issue 17, findings 16 and 19)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff import DIALECT_VERSION
from corpusdiff.cli.main import main
from corpusdiff.text.dates import is_publication_date
from corpusdiff.workflow.check import check_corpus
from tests.conftest import SEEDS

PLAN = str(SEEDS / "futian-2022-01-plan-report.txt")


@pytest.mark.parametrize("date", ["2026-13-45", "abc", "2025-02-30", "25-01", "2025/01"])
@pytest.mark.parametrize("command", ["normalize", "ingest"])
def test_a_bad_date_is_one_line_and_nothing_is_written(tmp_path: Path, command: str, date: str) -> None:
    corpus = tmp_path / "corpus"
    result = CliRunner().invoke(main, ["--corpus", str(corpus), command, PLAN, "--date", date])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--date" in result.stderr and "YYYY-MM" in result.stderr
    assert not corpus.exists()


@pytest.mark.parametrize(
    "date, ok", [("2025", True), ("2025-01", True), ("2024-02-29", True), ("2023-02-29", False)]
)
def test_publication_dates(date: str, ok: bool) -> None:
    assert is_publication_date(date) is ok


def _ingested(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", PLAN])
    assert result.exit_code == 0, result.output
    return corpus


def test_check_reports_a_date_that_is_not_one(tmp_path: Path) -> None:
    corpus = _ingested(tmp_path)
    [document] = corpus.rglob("2022-01.md")
    document.write_text(
        re.sub(r"^date: .*$", "date: 2022-13-45", document.read_text(encoding="utf-8"), count=1, flags=re.M),
        encoding="utf-8",
    )
    messages = [problem.message for problem in check_corpus(corpus)]
    assert len(messages) == 1 and messages[0].startswith("front matter: ") and "month" in messages[0], (
        messages
    )


def test_a_newer_dialect_asks_for_a_newer_corpusdiff(tmp_path: Path) -> None:
    corpus = _ingested(tmp_path)
    [document] = corpus.rglob("2022-01.md")
    newer = str(int(DIALECT_VERSION) + 1)
    text = re.sub(
        r"^dialect: .*$", f"dialect: '{newer}'", document.read_text(encoding="utf-8"), count=1, flags=re.M
    )
    document.write_text(text, encoding="utf-8")
    messages = [problem.message for problem in check_corpus(corpus)]
    assert any("needs a newer corpusdiff" in m for m in messages), messages
    assert not any("re-ingest" in m for m in messages)


def test_check_reports_a_quoted_date_that_is_not_one(tmp_path: Path) -> None:
    corpus = _ingested(tmp_path)
    [document] = corpus.rglob("2022-01.md")
    text = re.sub(r"^date: .*$", "date: '2022-13'", document.read_text(encoding="utf-8"), count=1, flags=re.M)
    document.write_text(text, encoding="utf-8")
    assert any("date '2022-13' is not YYYY" in problem.message for problem in check_corpus(corpus))
