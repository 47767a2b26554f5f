"""`review` shows the reviewer notes committed at the revision it reviews, not the working
tree's, read with the limits of every other corpus YAML file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.workflow.test_review_overrides import plans_on_branches
from tests.workflow.test_workflow import cli, git_run

OLD_ID, NEW_ID = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
NOTES_FILE = "notes/futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"
ON_BRANCH, IN_WORKTREE = "分支上提交的批注", "工作区里未提交的批注"


def notes_yaml(text: str) -> str:
    return f"notes:\n  - new: p1\n    significant: true\n    note: {text}\n"


@pytest.fixture
def branched(tmp_path: Path) -> Path:
    """2022-01 on main; 2025-01 and a note on the pair committed on `feature`; the working
    tree back on main with another, uncommitted note in the same file."""
    root = plans_on_branches(tmp_path / "c")
    (root / "notes").mkdir()
    (root / NOTES_FILE).write_text(notes_yaml(ON_BRANCH), encoding="utf-8")
    git_run(root, "add", "notes")
    git_run(root, "commit", "-qm", "review: a note on 2022-01 → 2025-01")
    git_run(root, "checkout", "-q", "main")
    (root / "notes").mkdir()
    (root / NOTES_FILE).write_text(notes_yaml(IN_WORKTREE), encoding="utf-8")
    return root


def test_review_shows_the_notes_of_the_reviewed_branch(branched: Path) -> None:
    result = cli(branched, "review", "main..feature", "-f", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.stdout)
    assert (item["id"], item["against"]) == (NEW_ID, OLD_ID)
    assert [n["note"] for n in item["notes"]] == [ON_BRANCH]
    assert [n["note"] for n in item["diff"]["notes"]] == [ON_BRANCH]
    terminal = cli(branched, "review", "main..feature", "-j", "1").stdout
    assert ON_BRANCH in terminal and IN_WORKTREE not in terminal


def test_a_branch_without_the_notes_file_shows_none(branched: Path) -> None:
    (branched / NOTES_FILE).unlink()
    git_run(branched, "checkout", "-q", "feature")
    git_run(branched, "rm", "-q", NOTES_FILE)
    git_run(branched, "commit", "-qm", "drop the note")
    (branched / "notes").mkdir(exist_ok=True)
    (branched / NOTES_FILE).write_text(notes_yaml(IN_WORKTREE), encoding="utf-8")
    [item] = json.loads(cli(branched, "review", "main..feature", "-f", "json", "-j", "1").stdout)
    assert item["notes"] == []


def test_a_committed_link_or_oversized_notes_file_is_refused(branched: Path) -> None:
    (branched / NOTES_FILE).unlink()
    git_run(branched, "checkout", "-q", "feature")
    (branched / NOTES_FILE).unlink()
    os.symlink("/etc/passwd", branched / NOTES_FILE)
    git_run(branched, "add", "notes")
    git_run(branched, "commit", "-qm", "a link")
    result = cli(branched, "review", "main..feature", "-j", "1")
    assert result.exit_code == 2 and "is a link" in result.stderr and "Traceback" not in result.output
    (branched / NOTES_FILE).unlink()
    (branched / NOTES_FILE).write_text("notes: []\n" + "#" * 1_100_000 + "\n", encoding="utf-8")
    git_run(branched, "add", "notes")
    git_run(branched, "commit", "-qm", "a large file")
    result = cli(branched, "review", "main..feature", "-j", "1")
    assert result.exit_code == 2 and "larger than" in result.stderr


def test_the_terminal_marks_a_note_whose_change_the_diff_does_not_have(tmp_path: Path) -> None:
    """The Markdown said so and the terminal did not: a mistyped address read like a valid note."""
    root = plans_on_branches(tmp_path / "c")
    (root / "notes").mkdir()
    (root / NOTES_FILE).write_text("notes:\n  - new: p999\n    note: 地址不存在的注释\n", encoding="utf-8")
    git_run(root, "add", "notes")
    git_run(root, "commit", "-qm", "a note on no change")
    terminal = cli(root, "review", "main..feature", "-j", "1").stdout
    [line] = [line for line in terminal.splitlines() if "地址不存在的注释" in line]
    assert line == "批注（— → p999，本次对比中没有这处改动，见 corpusdiff check）：地址不存在的注释"
