"""A manifest from elsewhere (or an option) whose value holds a control character is refused in
one line before anything is written. Before, a `title: "…\\x00…"` in manifest.yaml was written
into the new document's front matter, which every command then took for a binary file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import SEEDS, seed_excerpts
from tests.hostile import assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
MID_YEAR = SEEDS / "futian-2023-10-mid-year-plan-report.txt"


def cli(corpus: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("field", "value"), [("title", r"福田\0中期报告"), ("meeting", r"会议\e[2J"), ("original_name", r"a\nb")]
)
def test_a_manifest_value_with_a_control_character_is_refused(tmp_path: Path, field: str, value: str) -> None:
    plan, mid_year = seed_excerpts(tmp_path / "reports", [PLAN_2022, MID_YEAR])
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", str(plan))[0] == 0
    (corpus / "manifest.yaml").write_text(f'{mid_year.name}:\n  {field}: "{value}"\n', encoding="utf-8")
    subprocess.run(["git", "-C", str(corpus), "add", "manifest.yaml"], check=True)
    subprocess.run(["git", "-C", str(corpus), "commit", "-qm", "manifest"], check=True)
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(mid_year)])
    assert_one_line_refusal(result, "manifest.yaml", field, "control character")
    status = subprocess.run(
        ["git", "-C", str(corpus), "status", "--porcelain"], capture_output=True, text=True
    )
    assert status.stdout == "" and len(list(corpus.rglob("*.md"))) == 1
    code, out, _ = cli(corpus, "check")
    assert code == 1 and "control character" in out


@pytest.mark.parametrize("command", ["normalize", "ingest"])
def test_an_option_with_a_control_character_is_refused(tmp_path: Path, command: str) -> None:
    corpus = tmp_path / "c"
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), command, str(PLAN_2022), "--title", "报告\x1b[2J"]
    )
    assert_one_line_refusal(result, "--title", "U+001B")
    assert not corpus.exists()
