"""A corpus whose git repository is damaged (files under .git/objects deleted, a garbage HEAD)
or gone: each command says so in one line, with how to recover, exit 2 and the corpus as it
was; never an internal error, nor "does not exist at revision" for a revision git can no longer
read, nor a new repository beside documents it would leave untracked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from tests.conftest import SEEDS
from tests.hostile import assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"
REPORT_2023 = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
OLD, NEW = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"


def cli(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert cli(root, "ingest", "-q", str(PLAN_2022), str(PLAN_2025)).exit_code == 0
    return root


def files_outside_git(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def delete_objects(corpus: Path) -> None:
    for folder in (corpus / ".git" / "objects").glob("??"):
        shutil.rmtree(folder)


COMMANDS = {
    "ingest": ["ingest", str(REPORT_2023)],
    "log": ["log", OLD],
    "diff ID@REV": ["diff", f"{NEW}@HEAD~1", NEW],
    "check": ["check"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_store_with_objects_missing_is_one_line_saying_the_repository_is_damaged(
    corpus: Path, command: str
) -> None:
    delete_objects(corpus)
    before = files_outside_git(corpus)
    result = cli(corpus, *COMMANDS[command])
    assert_one_line_refusal(result, str(corpus), "git repository is damaged", "backup", "clone")
    assert files_outside_git(corpus) == before


def test_a_revision_that_does_not_exist_is_named_as_such(corpus: Path) -> None:
    assert_one_line_refusal(cli(corpus, "diff", f"{OLD}@nosuch", NEW), "'nosuch' is no revision", "git log")
    missing = cli(corpus, "diff", f"{NEW}@HEAD~1", NEW)  # the first commit holds only 2022
    assert_one_line_refusal(missing, f"{NEW}.md does not exist at revision 'HEAD~1'")


def test_a_garbage_head_over_a_history_says_to_restore_it_not_to_move_it_away(corpus: Path) -> None:
    (corpus / ".git" / "HEAD").write_text("garbage\n", encoding="utf-8")
    before = files_outside_git(corpus)
    result = cli(corpus, "ingest", str(REPORT_2023))
    assert_one_line_refusal(result, f"{corpus / '.git'} holds commits", "backup", "clone")
    assert "move it away" not in result.stderr and files_outside_git(corpus) == before
    check = cli(corpus, "check")
    assert check.exit_code == 1
    assert f"{corpus / '.git'}: holds commits" in check.stdout and "first ingest" not in check.stdout


def test_a_corpus_whose_git_folder_is_gone_is_refused_not_initialised_again(corpus: Path) -> None:
    shutil.rmtree(corpus / ".git")
    before = files_outside_git(corpus)
    result = cli(corpus, "ingest", str(REPORT_2023))
    assert_one_line_refusal(result, str(corpus), "2 corpus documents but no git repository", "git init")
    assert not (corpus / ".git").exists() and files_outside_git(corpus) == before
    check = cli(corpus, "check")
    assert check.exit_code == 1 and "restore its .git" in check.stdout and "first ingest" not in check.stdout


def test_an_empty_folder_or_one_without_documents_becomes_a_corpus(tmp_path: Path) -> None:
    for folder in (tmp_path / "empty", tmp_path / "notes"):
        folder.mkdir()
    (tmp_path / "notes" / "README.txt").write_text("our reports\n", encoding="utf-8")
    for folder in (tmp_path / "empty", tmp_path / "notes"):
        result = cli(folder, "ingest", str(REPORT_2023))
        assert result.exit_code == 0, result.output
        assert (folder / ".git").is_dir()
