"""Corpus integrity under faults: SIGKILL during ingest, two ingests at once, stale locks."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import git
import pytest

from corpusdiff.errors import CorpusError
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import entries, ingest
from corpusdiff.workflow.check import check_corpus
from tests.conftest import SEEDS

ALL_SEEDS = sorted(SEEDS.glob("*.txt"))
#: Kills in the default suite; `make fuzz` runs 100 (every other kill lands in the write window).
KILL_TRIALS = int(os.environ.get("CORPUSDIFF_KILL_TRIALS", "12"))


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


def _work_tree(corpus: Path) -> set[str]:
    """Every file and directory of the corpus outside .git."""
    found: set[str] = set()
    for directory, subdirectories, files in os.walk(corpus):
        subdirectories[:] = [d for d in subdirectories if d != ".git"]
        found.update(os.path.join(directory, name) for name in (*subdirectories, *files))
    return found


def _wait_for_the_first_write(corpus: Path, process: subprocess.Popen) -> float:
    """Seconds until the ingest adds its first file or directory to the work tree (or exits)."""
    started, before = time.monotonic(), _work_tree(corpus)
    while process.poll() is None and _work_tree(corpus) == before:
        time.sleep(0.002)
    return time.monotonic() - started


def _phases(template: Path, corpus: Path) -> tuple[float, float]:
    """An uninterrupted ingest of every seed here: seconds before its first write, and from
    there to its last commit."""
    shutil.copytree(template, corpus)
    started = time.time()
    process = _start_ingest(corpus, ALL_SEEDS)
    reading = _wait_for_the_first_write(corpus, process)
    assert process.wait(timeout=300) == 0
    branch = Path(git.Repo(corpus).git_dir) / git.Repo(corpus).head.ref.path
    return reading, max(branch.stat().st_mtime - started - reading, 0.01)


def _where_the_kill_landed(corpus: Path, returncode: int, template_commits: int) -> str:
    """`before writing`, `while writing` (some documents written or committed, not all) or `after`."""
    repo = git.Repo(corpus)
    new_commits = len(list(repo.iter_commits())) - template_commits
    dirty = gitstore.dirty_paths(repo) or (Path(repo.git_dir) / "index.lock").exists()
    if returncode == 0 or (new_commits == len(ALL_SEEDS) - 1 and not dirty):
        return "after"
    return "while writing" if new_commits or dirty else "before writing"


def test_sigkill_during_ingest_never_leaves_a_broken_corpus(template: Path, tmp_path: Path) -> None:
    rng = random.Random(20261122)
    template_commits = len(list(git.Repo(template).iter_commits()))
    _phases(template, tmp_path / "warm-up")  # the first run after a build is slower
    reading, writing = _phases(template, tmp_path / "calibration")
    landed: Counter[str] = Counter()
    for trial in range(KILL_TRIALS):
        corpus = tmp_path / f"trial{trial}"
        shutil.copytree(template, corpus)
        process = _start_ingest(corpus, ALL_SEEDS)
        if trial % 2 == 0:
            # Every other kill aims at the moments documents and sources are written and
            # committed: the last tenth of the run, which kills at random moments of the whole
            # run (the odd trials) seldom reach.
            _wait_for_the_first_write(corpus, process)
            time.sleep(rng.uniform(0, 0.8 * writing))
        else:
            time.sleep(rng.uniform(0.05, reading + writing))
        process.send_signal(signal.SIGKILL)
        process.wait()
        landed[_where_the_kill_landed(corpus, process.returncode, template_commits)] += 1
        assert check_corpus(corpus) == []
        _committed_state_is_whole(corpus)
        (Path(git.Repo(corpus).git_dir) / "index.lock").unlink(missing_ok=True)  # what the error tells a user
        ingest(corpus, ALL_SEEDS)
        assert len(entries(corpus)) == len(ALL_SEEDS)
        assert git.Repo(corpus).git.status("--porcelain") == ""
    # A kill before the first write or after the last commit tests little; some must land between.
    assert landed["while writing"] >= max(1, KILL_TRIALS // 10), f"too few kills mid-write: {dict(landed)}"


def test_a_source_copy_cut_short_by_a_kill_is_replaced(template: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(template, corpus)
    source = ALL_SEEDS[1]
    (corpus / "sources" / source.name).write_bytes(source.read_bytes()[:1000])  # what the kill left
    ingest(corpus, ALL_SEEDS)
    assert git.Repo(corpus).git.status("--porcelain") == ""
    assert (corpus / "sources" / source.name).read_bytes() == source.read_bytes()


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
