"""A corpus unpacked from an archive brings its `.git` along: its configuration and hooks are
the corpus author's, not the user's. corpusdiff's git commands run none of them: no hook (not
even those `--no-verify` leaves on), no fsmonitor command; a filter driver or signing program
the repository's own configuration names is refused in one line, with the corpus unchanged.
Before, `list` ran `core.fsmonitor`, `check` a filter's clean command and the
`post-index-change` hook, `ingest` the `prepare-commit-msg` hook and `gpg.program`."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from tests.conftest import SEEDS, seed_excerpts
from tests.hostile import IDENTITY, assert_one_line_refusal

PLANS = [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"]
MID_YEAR = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
HOOKS = (
    "pre-commit",
    "prepare-commit-msg",
    "commit-msg",
    "post-commit",
    "reference-transaction",
    "post-index-change",
)


def cli(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


def git_config(corpus: Path, key: str, value: str) -> None:
    subprocess.run(["git", "-C", str(corpus), "config", key, value], check=True)


def git_out(corpus: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(corpus), *args], capture_output=True, text=True).stdout


def program(tmp_path: Path, name: str) -> tuple[str, Path]:
    """A shell command that leaves `name` behind in `tmp_path/ran/` when run, and that path."""
    marker = tmp_path / "ran" / name
    marker.parent.mkdir(exist_ok=True)
    return f"touch {marker}; cat", marker


@pytest.fixture
def reports(tmp_path: Path) -> list[Path]:
    return seed_excerpts(tmp_path / "reports", [*PLANS, MID_YEAR])


@pytest.fixture
def unpacked(tmp_path: Path, reports: list[Path]) -> Path:
    """A corpus of two editions whose `.git` sets an fsmonitor command and holds hooks."""
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", *map(str, reports[:2])).exit_code == 0
    git_config(corpus, "core.fsmonitor", program(tmp_path, "fsmonitor")[0])
    for hook in HOOKS:
        path = corpus / ".git" / "hooks" / hook
        path.write_text(f"#!/bin/sh\n{program(tmp_path, hook)[0]} >/dev/null\n", encoding="utf-8")
        path.chmod(0o755)
    return corpus


def test_no_command_runs_the_corpus_hooks_or_fsmonitor(
    tmp_path: Path, unpacked: Path, reports: list[Path]
) -> None:
    old, new = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
    for args in (
        ["list"],
        ["show", old, "--outline"],
        ["log", old],
        ["diff", old, new, "--summary"],
        ["check"],
        ["ingest", str(reports[2])],
        ["review", "HEAD~1..HEAD"],
        ["history", "futian-plan"],
        ["site", "build", "--out", str(tmp_path / "site")],
    ):
        result = cli(unpacked, *args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert not (tmp_path / "ran").exists() or not any((tmp_path / "ran").iterdir()), (
            args,
            sorted(p.name for p in (tmp_path / "ran").iterdir()),
        )
    assert (unpacked / "futian/mid-year-report/2023-10.md").exists()


@pytest.mark.parametrize(
    "key", ["filter.report.clean", "filter.report.process", "gpg.program", "gpg.ssh.program"]
)
def test_a_program_the_corpus_config_names_is_refused(tmp_path: Path, reports: list[Path], key: str) -> None:
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", *map(str, reports[:2])).exit_code == 0
    command, marker = program(tmp_path, key)
    git_config(corpus, key, command)
    git_config(corpus, "commit.gpgsign", "true")
    (corpus / ".git" / "info" / "attributes").write_text("* filter=report\n", encoding="utf-8")
    head = git_out(corpus, "rev-parse", "HEAD")
    assert_one_line_refusal(cli(corpus, "ingest", str(reports[2])), key, "--unset-all")
    checked = cli(corpus, "check")
    assert checked.exit_code == 1 and key in checked.stdout
    assert not marker.exists()
    assert not (corpus / "futian/mid-year-report/2023-10.md").exists()
    assert git_out(corpus, "rev-parse", "HEAD") == head and git_out(corpus, "status", "--porcelain") == ""


LFS_INSTALL = (  # what `git lfs install --local` writes
    '[filter "lfs"]\n\tclean = CMD\n\tsmudge = CMD\n\tprocess = CMD\n\trequired = true\n'
)


@pytest.mark.parametrize(
    "written",
    [
        LFS_INSTALL,
        '[Filter "LFS"]\n\tCLEAN = CMD\n',  # any case: git lists it as filter.LFS.clean
        "[filter.Lfs]\n\tProcess = CMD\n",  # the old subsection syntax: filter.lfs.process
        "[include]\n\tpath = lfs.cfg\n",  # from a file the corpus's config includes
    ],
)
def test_a_corpus_set_up_for_git_lfs_is_told_what_to_do(
    tmp_path: Path, reports: list[Path], written: str
) -> None:
    """`git lfs install --local` (an honest corpus) sets filter programs: refused as any
    program is, in words that say it is LFS, that corpusdiff needs none, and how to remove it."""
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", *map(str, reports[:2])).exit_code == 0
    command, marker = program(tmp_path, "lfs")
    (corpus / ".git" / "lfs.cfg").write_text(LFS_INSTALL.replace("CMD", command), encoding="utf-8")
    with (corpus / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(written.replace("CMD", command))
    (corpus / ".git" / "info" / "attributes").write_text("* filter=lfs\n", encoding="utf-8")
    refused = cli(corpus, "ingest", str(reports[2]))
    assert_one_line_refusal(refused, "Git LFS", "pointer", "--remove-section filter.lfs", "--unset-all")
    assert cli(corpus, "check").stdout.count("Git LFS") == 1
    assert not marker.exists() and not (corpus / "futian/mid-year-report/2023-10.md").exists()
    if written == LFS_INSTALL:  # the remedy it gives, as given, lets ingest run
        remedy = refused.stderr.split("`")[1]
        subprocess.run(shlex.split(remedy), check=True)
        assert cli(corpus, "ingest", str(reports[2])).exit_code == 0
        assert not marker.exists()


@pytest.mark.parametrize("command", ["check", "ingest", "log", "review"])
def test_a_corpus_another_user_owns_is_one_line(
    tmp_path: Path, reports: list[Path], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Git itself refuses such a repository (its configuration is theirs); before, `check` and
    `ingest` failed with a four-line internal error and `log` called HEAD no revision."""
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", *map(str, reports[:2])).exit_code == 0
    head = git_out(corpus, "rev-parse", "HEAD")
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")  # git's own switch for this case
    args = {
        "check": [],
        "ingest": [str(reports[2])],
        "log": ["futian/annual-plan/2022-01"],
        "review": ["HEAD~1..HEAD"],
    }[command]
    result = cli(corpus, command, *args)
    if command == "check":
        assert result.exit_code == 1 and "safe.directory" in result.stdout, result.output
    else:
        assert_one_line_refusal(result, "another user owns it", "safe.directory")
    monkeypatch.delenv("GIT_TEST_ASSUME_DIFFERENT_OWNER")
    assert git_out(corpus, "rev-parse", "HEAD") == head and git_out(corpus, "status", "--porcelain") == ""


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "project"
    subprocess.run(["git", "init", "-q", str(victim)], check=True)
    (victim / "a.txt").write_text("mine\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(victim), "add", "a.txt"], check=True)
    subprocess.run(
        ["git", "-C", str(victim), "commit", "-qm", "mine"], check=True, env={**os.environ, **IDENTITY}
    )
    return victim


@pytest.mark.parametrize("how", ["gitdir file", "symlink"])
def test_a_git_pointer_to_another_repository_is_refused(
    tmp_path: Path, reports: list[Path], how: str
) -> None:
    """An unpacked corpus whose `.git` names another repository (`gitdir: ../project/.git`, or
    a link to it) made ingest commit the report into that repository."""
    corpus, victim = tmp_path / "c", _victim(tmp_path)
    corpus.mkdir()
    if how == "symlink":
        (corpus / ".git").symlink_to(victim / ".git")
    else:
        (corpus / ".git").write_text("gitdir: ../project/.git\n", encoding="utf-8")
    head = git_out(victim, "rev-parse", "HEAD")
    assert_one_line_refusal(cli(corpus, "ingest", str(reports[0])), "not this corpus's", "git init")
    assert git_out(victim, "rev-parse", "HEAD") == head and not list(corpus.rglob("*.md"))


def test_a_linked_worktree_and_a_submodule_are_corpora(tmp_path: Path, reports: list[Path]) -> None:
    """Their `.git` files name repositories that name them back."""
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", str(reports[0])).exit_code == 0
    subprocess.run(
        ["git", "-C", str(corpus), "worktree", "add", "-q", str(tmp_path / "wt"), "-b", "wt"], check=True
    )
    superproject = _victim(tmp_path)
    subprocess.run(
        [
            "git",
            "-C",
            str(superproject),
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            str(corpus),
            "corpus",
        ],
        check=True,
        env={**os.environ, **IDENTITY},
    )
    for tree in (tmp_path / "wt", superproject / "corpus"):
        result = cli(tree, "ingest", str(reports[1]))
        assert result.exit_code == 0 and result.stdout.startswith("added"), result.output
