"""Ingest checks the git state before it writes anything (issue 17, findings 10, 11, 14):
an unfinished merge, rebase, cherry-pick or revert, or a stale lock, is one line saying what to
do, with the corpus exactly as it was; a detached HEAD is refused unless --allow-detached;
an unborn branch takes the first commit normally. Files git holds unmerged (their conflict
markers) are read by no command, published by no site build, and named by `check`."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import git
import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from tests.conftest import SEEDS
from tests.hostile import IDENTITY, assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"


def cli(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


def run_git(corpus: Path, *args: str, check: bool = True) -> None:
    subprocess.run(
        ["git", *args], cwd=corpus, check=check, capture_output=True, env={**os.environ, **IDENTITY}
    )


def commit_note(corpus: Path, text: str, message: str) -> None:
    (corpus / "notes.txt").write_text(text, encoding="utf-8")
    run_git(corpus, "add", "notes.txt")
    run_git(corpus, "commit", "-qm", message)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert cli(root, "ingest", str(PLAN_2022)).exit_code == 0
    commit_note(root, "base\n", "notes")
    return root


def _conflict(corpus: Path, operation: str) -> None:
    """Leave `operation` stopped on a conflict in notes.txt, as a user would."""
    run_git(corpus, "switch", "-qc", "other")
    commit_note(corpus, "theirs\n", "theirs")
    run_git(corpus, "switch", "-q", "main")
    commit_note(corpus, "ours\n", "ours")
    if operation == "merge":
        run_git(corpus, "merge", "other", check=False)
    elif operation == "rebase":
        run_git(corpus, "switch", "-q", "other")
        run_git(corpus, "rebase", "main", check=False)
    elif operation == "cherry-pick":
        run_git(corpus, "cherry-pick", "other", check=False)
    else:
        commit_note(corpus, "ours again\n", "again")
        run_git(corpus, "revert", "--no-edit", "HEAD~1", check=False)


MARKERS = {
    "merge": "MERGE_HEAD",
    "rebase": "rebase-merge",
    "cherry-pick": "CHERRY_PICK_HEAD",
    "revert": "REVERT_HEAD",
}


@pytest.mark.parametrize("operation", sorted(MARKERS))
def test_ingest_refuses_during_an_unfinished_operation(corpus: Path, operation: str) -> None:
    _conflict(corpus, operation)
    repo = git.Repo(corpus)
    assert (Path(repo.git_dir) / MARKERS[operation]).exists()
    status, index = repo.git.status("--porcelain"), repo.git.ls_files("--stage")
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2025)), operation, "--abort")
    assert repo.git.status("--porcelain") == status and repo.git.ls_files("--stage") == index
    assert not (corpus / "futian/annual-plan/2025-01.md").exists()
    assert not (corpus / "sources/futian-2025-01-plan-report.txt").exists()


@pytest.mark.parametrize("lock", ["index.lock", "config.lock"])
def test_ingest_refuses_a_stale_lock_before_writing(corpus: Path, lock: str) -> None:
    (Path(git.Repo(corpus).git_dir) / lock).write_text("", encoding="utf-8")
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2025)), lock, "delete")
    assert git.Repo(corpus).git.status("--porcelain") == ""


def test_ingest_on_a_detached_head_is_refused_unless_allowed(corpus: Path) -> None:
    run_git(corpus, "switch", "-q", "--detach")
    repo = git.Repo(corpus)
    head = repo.head.commit.hexsha
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2025)), "detached", "--allow-detached")
    assert repo.head.commit.hexsha == head and repo.git.status("--porcelain") == ""
    unchanged = cli(corpus, "ingest", str(PLAN_2022))  # nothing to commit: nothing refused
    assert unchanged.exit_code == 0 and unchanged.stdout.startswith("unchanged")
    allowed = cli(corpus, "ingest", "--allow-detached", str(PLAN_2025))
    assert allowed.exit_code == 0, allowed.output
    assert repo.head.is_detached and repo.head.commit.parents[0].hexsha == head


def test_the_first_commit_on_an_unborn_branch_proceeds(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    git.Repo.init(corpus, initial_branch="trunk")
    result = cli(corpus, "ingest", str(PLAN_2022))
    assert result.exit_code == 0, result.output
    repo = git.Repo(corpus)
    assert repo.active_branch.name == "trunk" and len(list(repo.iter_commits())) == 1


DOCUMENT = "futian/annual-plan/2022-01"


def _conflict_in_document(corpus: Path, operation: str) -> None:
    """Leave `operation` (a merge, or `git stash pop`) stopped on a conflict in a document,
    whose file then holds git's conflict markers."""
    path = corpus / f"{DOCUMENT}.md"

    def commit_line(line: str) -> None:
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
        run_git(corpus, "commit", "-qam", line)

    run_git(corpus, "switch", "-qc", "other")
    commit_line("他们的一句。")
    run_git(corpus, "switch", "-q", "main")
    if operation == "merge":
        commit_line("我们的一句。")
        run_git(corpus, "merge", "other", check=False)
    else:
        path.write_text(path.read_text(encoding="utf-8") + "\n我们的一句。\n", encoding="utf-8")
        run_git(corpus, "stash")
        run_git(corpus, "merge", "-q", "other")
        run_git(corpus, "stash", "pop", check=False)
    assert "<<<<<<<" in path.read_text(encoding="utf-8")


READERS = {
    "list": ["list"],
    "show": ["show", DOCUMENT],
    "diff": ["diff", DOCUMENT, DOCUMENT],
    "diff FILE": ["diff", "{corpus}/" + DOCUMENT + ".md", str(PLAN_2025)],
    "site build": ["site", "build", "--out", "{site}"],
}


@pytest.mark.parametrize("command", sorted(READERS))
def test_commands_that_read_documents_refuse_a_file_with_conflict_markers(
    corpus: Path, tmp_path: Path, command: str
) -> None:
    _conflict_in_document(corpus, "merge")
    args = [a.format(corpus=corpus, site=tmp_path / "site") for a in READERS[command]]
    assert_one_line_refusal(cli(corpus, *args), f"{DOCUMENT}.md", "merge is in progress", "--abort")
    assert not (tmp_path / "site").exists()


def test_a_conflict_left_by_stash_pop_is_refused_too(corpus: Path) -> None:
    _conflict_in_document(corpus, "stash pop")
    assert_one_line_refusal(cli(corpus, "list"), f"{DOCUMENT}.md", "conflicts", "git add")


def test_check_names_the_conflict_and_how_to_end_it(corpus: Path) -> None:
    _conflict_in_document(corpus, "merge")
    result = cli(corpus, "check")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{corpus / DOCUMENT}.md: unresolved git conflict")
    assert "`git merge --abort`" in line and "normalize" not in line


def test_check_names_conflict_markers_left_in_a_file_git_add_marked_resolved(corpus: Path) -> None:
    """`git add` on a file still holding its markers ends the conflict for git: only the text tells."""
    _conflict_in_document(corpus, "merge")
    run_git(corpus, "add", f"{DOCUMENT}.md")
    result = cli(corpus, "check")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{corpus / DOCUMENT}.md: holds git conflict markers")
    assert "not canonical" not in line and "normalize FILE -o FILE" not in line
