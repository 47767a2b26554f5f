"""A corpus unpacked from an archive brings its `.git/config`, which git obeys before
corpusdiff reads a file: nothing in it may make git read or write outside the corpus, or wait
for ever. Before, `core.worktree = ../..` made ingest commit the report as `c/futian/…` of the
folder above and `check` list that folder's files; `core.bare` was an internal error; an
`include.path` naming a named pipe hung `list` and `check`, one naming `/dev/zero` filled the
memory of `check`; `core.sharedRepository = 0666` made the index and object folders ingest
wrote writable by every user."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from tests.conftest import SEEDS, seed_excerpts
from tests.hostile import IDENTITY, assert_one_line_refusal

PLANS = [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"]
MID_YEAR = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
READ_AND_WRITE = (
    ["list"],
    ["diff", "futian/annual-plan/2022-01", "futian/annual-plan/2025-01", "--summary"],
    ["log", "futian/annual-plan/2022-01"],
    ["review", "HEAD~1..HEAD"],
    ["ingest", "MID_YEAR"],
)


def cli(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


def git(corpus: Path, *args: str) -> str:
    """A git command on the corpus's repository named outright, so that the configuration
    under test cannot move its work tree."""
    return subprocess.run(
        ["git", f"--git-dir={corpus / '.git'}", f"--work-tree={corpus}", *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **IDENTITY},
    ).stdout


def configure(corpus: Path, *args: str) -> None:
    """`git config` on the corpus's own file, which reads none of its includes (a named pipe
    there would hang git itself)."""
    subprocess.run(["git", "config", "--file", str(corpus / ".git" / "config"), *args], check=True)


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """A command that waits for ever (on a named pipe) fails the test instead of hanging it."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two editions committed, with `outside/` beside the corpus holding a file."""
    reports = seed_excerpts(tmp_path / "reports", [*PLANS, MID_YEAR])
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", *map(str, reports[:2])).exit_code == 0
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "private.txt").write_text("not the corpus's\n", encoding="utf-8")
    return corpus


def _fifo(tmp_path: Path) -> str:
    os.mkfifo(tmp_path / "outside" / "pipe")
    return str(tmp_path / "outside" / "pipe")


#: (what the corpus's .git/config says, built from the test's folder) -> the key the refusal names
HAZARDS = {
    "work tree of the folder above": (lambda tmp: ("core.worktree", "../.."), "core.worktree"),
    "work tree elsewhere": (lambda tmp: ("core.worktree", str(tmp / "outside")), "core.worktree"),
    "bare": (lambda tmp: ("core.bare", "yes"), "core.bare"),
    "include of a named pipe": (lambda tmp: ("include.path", _fifo(tmp)), "include.path"),
    "include of /dev/zero": (lambda tmp: ("include.path", "/dev/zero"), "include.path"),
    "conditional include": (
        lambda tmp: ("includeIf.gitdir:/.path", "../../outside/private.txt"),
        "includeif.gitdir:/.path",
    ),
    "excludes file": (lambda tmp: ("core.excludesFile", _fifo(tmp)), "core.excludesfile"),
    "attributes file": (lambda tmp: ("core.attributesFile", "~/.gitattributes"), "core.attributesfile"),
    "world-writable files": (lambda tmp: ("core.sharedRepository", "0666"), "core.sharedRepository"),
}


@pytest.mark.parametrize("hazard", HAZARDS)
def test_a_configuration_reaching_outside_the_corpus_is_refused(
    tmp_path: Path, corpus: Path, hazard: str
) -> None:
    setting, named = HAZARDS[hazard]
    key, value = setting(tmp_path)
    head = git(corpus, "rev-parse", "HEAD")
    configure(corpus, key, value)
    for args in READ_AND_WRITE:
        args = [str(tmp_path / "reports" / MID_YEAR.name) if arg == "MID_YEAR" else arg for arg in args]
        with deadline(60):
            assert_one_line_refusal(cli(corpus, *args), named, "--unset-all", "outside it")
    with deadline(60):
        checked = cli(corpus, "check")
    assert checked.exit_code == 1 and named in checked.stdout, checked.output
    configure(corpus, "--unset-all", key)
    assert git(corpus, "rev-parse", "HEAD") == head and git(corpus, "status", "--porcelain") == ""
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == sorted(
        ["private.txt", *(["pipe"] if "pipe" in value or hazard == "excludes file" else [])]
    )


def test_a_nested_include_is_followed_and_a_config_link_out_refused(tmp_path: Path, corpus: Path) -> None:
    """An include inside the corpus is read as git reads it, so one it includes in turn is
    checked too; a `.git/config` that is a link out is a read outside, one of megabytes read
    whole by every command."""
    (corpus / ".git" / "team.cfg").write_text(
        "[include]\n\tpath = ../../outside/private.txt\n", encoding="utf-8"
    )
    configure(corpus, "include.path", "team.cfg")
    assert_one_line_refusal(cli(corpus, "list"), "team.cfg", "include.path")
    configure(corpus, "--unset", "include.path")
    config = corpus / ".git" / "config"
    (tmp_path / "outside" / "config").write_bytes(config.read_bytes())
    config.unlink()
    config.symlink_to(tmp_path / "outside" / "config")
    assert_one_line_refusal(cli(corpus, "list"), "is a link to", "outside the corpus")
    config.unlink()
    config.write_bytes((tmp_path / "outside" / "config").read_bytes() + b"#" * 2_000_000 + b"\n")
    assert_one_line_refusal(cli(corpus, "list"), "2 MB", "a few lines")


@pytest.mark.parametrize(
    "setting",
    [
        ("core.worktree", "CORPUS"),  # naming the corpus itself, as a submodule's does
        ("core.bare", "false"),
        ("core.sharedRepository", "group"),
        ("core.sharedRepository", "0640"),
        ("include.path", "team.cfg"),  # a file of the corpus's own .git
        ("core.excludesFile", ".corpusignore"),  # git reads it from the work tree
    ],
)
def test_a_configuration_that_stays_inside_the_corpus_is_used(
    tmp_path: Path, corpus: Path, setting: tuple[str, str]
) -> None:
    key, value = setting
    (corpus / ".git" / "team.cfg").write_text("[core]\n\tfileMode = true\n", encoding="utf-8")
    configure(corpus, key, str(corpus) if value == "CORPUS" else value)
    result = cli(corpus, "ingest", str(tmp_path / "reports" / MID_YEAR.name))
    assert result.exit_code == 0 and result.stdout.startswith("added"), result.output
    assert git(corpus, "show", "--name-only", "--format=", "HEAD").split() == [
        "futian/mid-year-report/2023-10.md",
        "sources/futian-2023-10-mid-year-plan-report.txt",
    ]


def test_hooks_a_configured_hooks_path_names_do_not_run(tmp_path: Path, corpus: Path) -> None:
    """`core.hooksPath` outside the corpus: outranked by corpusdiff's own (command-line)
    setting, so the hooks there run for no command."""
    hooks, marker = tmp_path / "outside" / "hooks", tmp_path / "outside" / "ran"
    hooks.mkdir()
    for hook in ("pre-commit", "prepare-commit-msg", "post-commit", "post-index-change"):
        (hooks / hook).write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
        (hooks / hook).chmod(0o755)
    configure(corpus, "core.hooksPath", str(hooks))
    assert cli(corpus, "ingest", str(tmp_path / "reports" / MID_YEAR.name)).exit_code == 0
    assert cli(corpus, "check").exit_code == 0
    assert not marker.exists()
