"""A contribution may commit a document under any name git takes: one holding ESC, whose
sequence (clear the screen, set the clipboard) `list` and `check` wrote to the terminal as the
document's id or path, or a right-to-left override that shows `2027-01<RLO>dm` as another id.
Such a file is no document of the corpus: no command lists, diffs or publishes it, and `check`
names it with the character visible. Before, `list` and the site showed it and `review` did not."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import SEEDS, seed_excerpts

NAMES = ["2026-01\x1b]52;c;ZXZpbA==\x07", "2027-01\u202edm", "2028-01\nx"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    parent = tmp_path_factory.mktemp("names")
    reports = seed_excerpts(parent / "reports", [SEEDS / "futian-2022-01-plan-report.txt"])
    root = parent / "c"
    assert CliRunner().invoke(main, ["--corpus", str(root), "ingest", *map(str, reports)]).exit_code == 0
    honest = root / "futian/annual-plan/2022-01.md"
    for name in NAMES:
        (honest.parent / f"{name}.md").write_text(honest.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-qm", "names"], check=True)
    return root


def _run(corpus: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args], color=True)
    return result.output


@pytest.mark.parametrize("name", NAMES)
def test_list_shows_no_document_of_such_a_name(corpus: Path, name: str) -> None:
    output = _run(corpus, "list")
    assert "futian/annual-plan/2022-01" in output
    assert name.split("\n")[0] not in output and "\x1b" not in output and "\u202e" not in output


def test_check_names_each_such_file_with_its_character_visible(corpus: Path) -> None:
    output = _run(corpus, "check")
    assert "\x1b" not in output and "\u202e" not in output and "\x07" not in output
    lines = [line for line in output.splitlines() if "2026-01" in line or "2027-01" in line or "2028-01" in line]
    assert len(lines) == 3 and all("rename it" in line for line in lines)
