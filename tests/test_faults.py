"""Corpus integrity under faults: SIGKILL during ingest, two ingests at once, stale locks."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import git
import pytest

from corpusdiff.errors import CorpusError
from corpusdiff.store.corpus import entries, ingest
from corpusdiff.workflow.check import check_corpus
from tests.conftest import SEEDS

ALL_SEEDS = sorted(SEEDS.glob("*.txt"))
KILL_TRIALS = int(os.environ.get("CORPUSDIFF_KILL_TRIALS", "50"))


def _start_ingest(corpus: Path, files: list[Path]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "corpusdiff", "--corpus", str(corpus), "ingest", "-q", *map(str, files)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("template") / "c"
    ingest(corpus, ALL_SEEDS[:1])
    return corpus


def _committed_state_is_whole(corpus: Path) -> None:
    repo = git.Repo(corpus)
    for commit in repo.iter_commits():
        for path in commit.stats.files:
            if path.endswith(".md"):
                text = (commit.tree / path).data_stream.read().decode("utf-8")
                assert text.endswith("\n") and text.startswith("---\n"), f"{commit.hexsha[:8]} {path}"


def test_sigkill_during_ingest_never_leaves_a_broken_corpus(template: Path, tmp_path: Path) -> None:
    rng = random.Random(20261122)
    survived = 0
    for trial in range(KILL_TRIALS):
        corpus = tmp_path / f"trial{trial}"
        shutil.copytree(template, corpus)
        process = _start_ingest(corpus, ALL_SEEDS)
        time.sleep(rng.uniform(0.05, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert check_corpus(corpus) == []
        _committed_state_is_whole(corpus)
        (Path(git.Repo(corpus).git_dir) / "index.lock").unlink(missing_ok=True)  # what the error tells a user
        ingest(corpus, ALL_SEEDS)
        assert len(entries(corpus)) == len(ALL_SEEDS)
        assert git.Repo(corpus).git.status("--porcelain") == ""
        survived += 1
    assert survived == KILL_TRIALS


def test_two_ingests_at_once_lose_nothing(template: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(template, corpus)
    first = _start_ingest(corpus, ALL_SEEDS[1:3])
    second = _start_ingest(corpus, ALL_SEEDS[3:])
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    assert len(entries(corpus)) == len(ALL_SEEDS)
    assert check_corpus(corpus) == []
    assert len(list(git.Repo(corpus).iter_commits())) == len(ALL_SEEDS)


def test_stale_git_lock_is_a_clear_error(template: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(template, corpus)
    (Path(git.Repo(corpus).git_dir) / "index.lock").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"index\.lock exists"):
        ingest(corpus, ALL_SEEDS[1:2])
