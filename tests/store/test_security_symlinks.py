"""Symlinks a corpus commits never lead corpusdiff out of it (issue 17, finding 5): ingest
refuses to write through them, the index does not read documents through them, `check`
reports them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import git
import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from corpusdiff.store.corpus import entries
from tests.conftest import SEEDS
from tests.hostile import IDENTITY, assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"


def cli(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


def commit_all(corpus: Path, message: str) -> None:
    repo = git.Repo(corpus)
    repo.git.add("-A")
    repo.git.commit("-qm", message, env=IDENTITY)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert cli(root, "ingest", str(PLAN_2022)).exit_code == 0
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def test_ingest_refuses_a_directory_symlink_that_leaves_the_corpus(corpus: Path, outside: Path) -> None:
    shutil.rmtree(corpus / "futian")
    (corpus / "futian").symlink_to(outside, target_is_directory=True)
    commit_all(corpus, "a hostile contributor's link")
    status = git.Repo(corpus).git.status("--porcelain")
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2025)), "futian", "symlink")
    assert list(outside.rglob("*")) == []
    assert git.Repo(corpus).git.status("--porcelain") == status


def test_ingest_refuses_a_sources_symlink_that_leaves_the_corpus(corpus: Path, outside: Path) -> None:
    shutil.rmtree(corpus / "sources")
    (corpus / "sources").symlink_to(outside, target_is_directory=True)
    commit_all(corpus, "sources elsewhere")
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2025)), "sources", "symlink")
    assert list(outside.rglob("*")) == []
    assert not (corpus / "futian/annual-plan/2025-01.md").exists()


def test_check_reports_symlinks_that_leave_the_corpus(corpus: Path, outside: Path) -> None:
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    (corpus / "futian/annual-plan/secret.md").symlink_to(outside / "secret.md")
    result = cli(corpus, "check")
    assert result.exit_code == 1
    flagged = [line for line in result.stdout.splitlines() if "leaves the corpus" in line]
    assert len(flagged) == 2, result.stdout
    assert any("elsewhere" in line for line in flagged) and any("secret.md" in line for line in flagged)


def test_a_document_symlinked_from_outside_is_not_read(corpus: Path, outside: Path) -> None:
    planted = outside / "2030-01.md"
    text = (corpus / "futian/annual-plan/2022-01.md").read_text(encoding="utf-8")
    planted.write_text(text.replace("2022-01", "2030-01"), encoding="utf-8")
    (corpus / "futian/annual-plan/2030-01.md").symlink_to(planted)
    assert [entry.id for entry in entries(corpus)] == ["futian/annual-plan/2022-01"]
    assert "2030-01" not in cli(corpus, "list").stdout


def test_a_symlink_inside_the_corpus_is_not_written_through_either(corpus: Path) -> None:
    """git cannot commit a path beyond a symlink, so ingest never writes through one."""
    os.rename(corpus / "futian", corpus / "shenzhen-futian")
    (corpus / "futian").symlink_to("shenzhen-futian", target_is_directory=True)
    commit_all(corpus, "renamed")
    assert_one_line_refusal(cli(corpus, "ingest", str(PLAN_2025)), "futian", "symlink")
    assert not (corpus / "shenzhen-futian/annual-plan/2025-01.md").exists()
