"""A read-only corpus and a full disk are one clear line each, with nothing half written: the
sources and documents a failed ingest wrote are rolled back, and `check` reports what an
interrupted run left (issue 17, finding 18).

The failures are simulated in process: the disk fills up at the n-th fsync of a written file
(where a full disk shows, since data is flushed there), and a read-only file system refuses
every file opened for writing under the corpus."""

from __future__ import annotations

import builtins
import errno
import os
from pathlib import Path
from typing import Any

import git
import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from corpusdiff.store.files import TEMP_SUFFIX
from tests.conftest import SEEDS
from tests.hostile import assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
MID_2023 = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"


def cli(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), "--debug", *args])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert cli(root, "ingest", str(PLAN_2022)).exit_code == 0
    return root


def _snapshot(corpus: Path) -> dict[str, bytes]:
    """Every file of the corpus outside .git, with its bytes."""
    return {
        str(path.relative_to(corpus)): path.read_bytes()
        for path in sorted(corpus.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(corpus).parts
    }


def _disk_full_at(monkeypatch: pytest.MonkeyPatch, root: Path, nth: int) -> None:
    """From the n-th file flushed under `root` on, the disk is full."""
    inside = str(root.resolve()) + os.sep
    calls = [0]
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls[0] += os.readlink(f"/proc/self/fd/{fd}").startswith(inside)
        if calls[0] >= nth:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize(
    "nth, what",
    [
        (1, "the first source copy"),
        (2, "the first document"),
        (3, "the second source"),
        (4, "the second document"),
    ],
)
def test_a_full_disk_during_ingest_rolls_back_and_says_so(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, nth: int, what: str
) -> None:
    before, head = _snapshot(corpus), git.Repo(corpus).head.commit.hexsha
    _disk_full_at(monkeypatch, corpus, nth)
    assert_one_line_refusal(cli(corpus, "ingest", "-q", str(MID_2023), str(PLAN_2025)), "no space left")
    assert _snapshot(corpus) == before, what
    repo = git.Repo(corpus)
    assert repo.head.commit.hexsha == head and repo.git.status("--porcelain", "--ignored") == ""
    monkeypatch.undo()
    assert cli(corpus, "check").exit_code == 0


def test_a_full_disk_while_updating_restores_the_previous_document(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corpusdiff.store.ingest as ingest_module

    original = ingest_module.render
    monkeypatch.setattr(ingest_module, "render", lambda doc: original(doc).replace("。\n", "。 \n", 1))
    before = _snapshot(corpus)
    _disk_full_at(monkeypatch, corpus, 1)
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2022)), "no space left")
    assert _snapshot(corpus) == before
    assert git.Repo(corpus).git.status("--porcelain") == ""


def _read_only(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """Every file under `root` opened for writing fails as on a read-only file system."""
    inside = str(root.resolve()) + os.sep
    real_open, real_os_open = builtins.open, os.open

    def refuse(path: Any) -> None:
        if not isinstance(path, int) and os.path.realpath(os.fsdecode(path)).startswith(inside):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)


def test_a_read_only_corpus_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot(corpus)
    _read_only(monkeypatch, corpus)
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2025)), "read-only")
    monkeypatch.undo()
    assert _snapshot(corpus) == before


def test_check_reports_what_an_interrupted_run_left(corpus: Path) -> None:
    (corpus / "sources" / "orphan.txt").write_text("left behind\n", encoding="utf-8")
    (corpus / "futian" / f".2025-01.md.abc123{TEMP_SUFFIX}").write_text("half", encoding="utf-8")
    (corpus / "futian" / ".draft.tmp").write_text("the user's own", encoding="utf-8")
    result = cli(corpus, "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any("orphan.txt" in line and "not committed" in line for line in lines), lines
    assert any(f".2025-01.md.abc123{TEMP_SUFFIX}" in line and "temporary" in line for line in lines), lines
    assert not any(".draft.tmp" in line for line in lines), lines
    assert cli(corpus, "ingest", str(PLAN_2022)).exit_code == 0
    assert not list(corpus.rglob(f"*{TEMP_SUFFIX}")) and (corpus / "futian" / ".draft.tmp").exists()
