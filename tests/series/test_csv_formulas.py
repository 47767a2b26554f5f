"""The CSV files of `indicators` and `terms` are opened in Excel, and what they hold is read
out of reports from elsewhere: an indicator name or a programme name (“…”) that starts like a
formula is written as text (a leading `'`). Before, `=1+cmd|计算`, `@SUM(A1)` and
`+cmd|计算指标` stood at the start of cells, which Excel runs."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import SEEDS

PLAN_2025 = "futian/annual-plan/2025-01"
FORMULA_LIKE = ("=", "+", "-", "@")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formulas") / "c"
    seeds = [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"]
    assert CliRunner().invoke(main, ["--corpus", str(root), "ingest", *map(str, seeds)]).exit_code == 0
    path = root / f"{PLAN_2025}.md"
    text = path.read_text(encoding="utf-8")
    targets = "——全社会固定资产投资685亿元；"
    text = text.replace(targets, f"{targets}\n\n——@SUM(A1)增长5%左右；\n\n——+cmd|计算指标增长7%；", 1)
    text = text.replace("认真落实区人大常委会", "认真落实“=1+cmd|计算”工程和“@SUM(A1)”计划，区人大常委会", 1)
    path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "commit", "-qam", "formulas"], check=True)
    return root


def cells(corpus: Path, *args: str) -> list[str]:
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), *args, "--series", "futian-plan", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    return [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]


@pytest.mark.parametrize(
    ("command", "shown"),
    [("indicators", ["'@SUM", "'+cmd|计算指标"]), ("terms", ["'=1+cmd|计算", "'@SUM(A1)计划"])],
)
def test_no_cell_starts_like_a_formula(corpus: Path, command: str, shown: list[str]) -> None:
    written = cells(corpus, command)
    assert all(name in written for name in shown), [c for c in written if c.startswith("'")]
    assert not [cell for cell in written if cell.startswith(FORMULA_LIKE) and cell not in ("-", "+")]
