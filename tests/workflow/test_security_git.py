"""`git install`/`uninstall` and `history` in odd git states (issue 17, findings 14 and 15):
a stale lock is one line saying what to do with nothing written, the configuration is written
by git itself (a lock file renamed into place, so a kill never truncates .git/config), and a
relative --corpus works."""

from __future__ import annotations

import os
from pathlib import Path

import git
import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from tests.conftest import SEEDS
from tests.hostile import assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"


def cli(corpus: Path | str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert cli(root, "ingest", "-q", str(PLAN_2022), str(PLAN_2025)).exit_code == 0
    return root


@pytest.mark.parametrize("command", ["install", "uninstall"])
def test_a_stale_config_lock_is_one_line_and_nothing_is_written(corpus: Path, command: str) -> None:
    if command == "uninstall":
        assert cli(corpus, "git", "install").exit_code == 0
    lock = Path(git.Repo(corpus).git_dir) / "config.lock"
    lock.write_text("", encoding="utf-8")
    attributes = corpus / ".gitattributes"
    before = attributes.read_bytes() if attributes.exists() else None
    config = (Path(git.Repo(corpus).git_dir) / "config").read_bytes()
    assert_one_line_refusal(cli(corpus, "git", command), "config.lock", "delete")
    assert (attributes.read_bytes() if attributes.exists() else None) == before
    assert (Path(git.Repo(corpus).git_dir) / "config").read_bytes() == config
    lock.unlink()  # what the message says to do
    assert cli(corpus, "git", command).exit_code == 0


def test_install_writes_the_configuration_through_git(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GitPython's config writer truncates .git/config and writes it in place (a kill leaves it
    empty); `git config` writes config.lock and renames it. So no Python code may open the
    configuration for writing."""
    import builtins

    config = os.path.realpath(Path(git.Repo(corpus).git_dir) / "config")
    real_open = builtins.open

    def guarded(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if not isinstance(file, int) and os.path.realpath(file) == config and mode != "r" and "r" not in mode:
            raise AssertionError(f"{file} opened with mode {mode!r} in place")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    assert cli(corpus, "git", "install").exit_code == 0
    assert cli(corpus, "git", "uninstall").exit_code == 0
    monkeypatch.undo()
    assert "corpusdiff" not in (Path(config)).read_text(encoding="utf-8")


def test_history_with_a_relative_corpus(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    result = cli("c", "history", "futian-plan")
    assert result.exit_code == 0, result.output
    assert len(list(git.Repo(corpus).iter_commits("history/futian-plan"))) == 2


def test_history_refuses_a_stale_ref_lock_in_one_line(corpus: Path) -> None:
    lock = Path(git.Repo(corpus).git_dir) / "refs/heads/history/futian-plan.lock"
    lock.parent.mkdir(parents=True)
    lock.write_text("", encoding="utf-8")
    assert_one_line_refusal(cli(corpus, "history", "futian-plan"), "futian-plan.lock", "delete")
    assert "history/futian-plan" not in git.Repo(corpus).heads


def test_history_to_a_branch_git_refuses_is_one_line(corpus: Path) -> None:
    assert_one_line_refusal(cli(corpus, "history", "futian-plan", "--branch", "bad..name"), "bad..name")
