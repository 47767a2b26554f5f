"""Corpus integrity under faults: SIGKILL during ingest at random moments and between each write
and its rename (ingest, history, git install/uninstall), two ingests at once, stale locks.

A kill may leave complete files that were never committed and temporaries (`check` reports
them as such, never as a broken corpus); the next run must converge to what an uninterrupted
run gives."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import git
import pytest

from corpusdiff.errors import CorpusError
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import entries
from corpusdiff.store.ingest import SecondSource, ingest
from corpusdiff.workflow.check import check_corpus
from tests.cliserver import CliServer, ServedRun
from tests.conftest import PLAN_SEEDS, SEEDS, seed_excerpts

#: Started first under xdist (tests/conftest.py): kills and convergence take many seconds.
pytestmark = pytest.mark.slow

ALL_SEEDS = sorted(SEEDS.glob("*.txt"))
#: Random kills in the default suite: three aimed at the write window, three anywhere; `make fuzz`
#: runs 100 (every other kill lands in the write window).
DEFAULT_KILL_TRIALS = 6
KILL_TRIALS = int(os.environ.get("CORPUSDIFF_KILL_TRIALS", str(DEFAULT_KILL_TRIALS)))

#: Seconds a kill-point run may take (each takes one or two).
RUN_TIMEOUT = 300

#: `python -m tests.killpoints --serve`, started at the module's first run (the ingests the
#: SIGKILL test kills, kill-point runs): each run a process of its own, forked from one that
#: imported corpusdiff once.
_KILL_SERVER = CliServer("tests.killpoints")


@pytest.fixture(autouse=True, scope="module")
def _kill_server() -> Iterator[None]:
    yield
    _KILL_SERVER.stop()


def _start_ingest(corpus: Path, files: list[Path], stderr: int = subprocess.DEVNULL) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "corpusdiff", "--corpus", str(corpus), "ingest", "-q", *map(str, files)],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
    )


def _until_it_waits_for_the_lock(process: subprocess.Popen) -> None:
    """Read the process's stderr up to the line it prints before it blocks on the corpus lock
    (every check it makes before the wait is behind it then)."""
    said = []
    for line in process.stderr:
        said.append(line)
        if "waiting for another corpusdiff process" in line:
            return
    raise AssertionError(f"it never waited for the lock: {''.join(said)}")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("template") / "c"
    ingest(corpus, ALL_SEEDS[:1])
    return corpus


#: What `check` says of what a kill leaves: complete files never committed, and temporaries.
LEFTOVERS = ("not committed: an interrupted ingest left it", "a temporary file an interrupted write left")


def _only_leftovers(corpus: Path) -> None:
    """A killed ingest leaves a corpus `check` finds whole, but for what the kill left."""
    problems = [p for p in check_corpus(corpus) if not p.message.startswith(LEFTOVERS)]
    assert problems == []


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


def _wait_for_the_first_write(corpus: Path, process: ServedRun) -> float:
    """Seconds until the ingest adds its first file or directory to the work tree (or exits)."""
    started, before = time.monotonic(), _work_tree(corpus)
    while process.poll() is None and _work_tree(corpus) == before:
        time.sleep(0.002)
    return time.monotonic() - started


def _served_ingest(corpus: Path, files: list[Path]) -> ServedRun:
    """`corpusdiff ingest` of `files`, a process forked from the kill-point server (no kill
    event: nothing is counted without KILL_SCOPE), for the test to kill when it likes."""
    return _KILL_SERVER.start(["--corpus", str(corpus), "ingest", "-q", *map(str, files)], timeout=RUN_TIMEOUT)


def _phases(template: Path, corpus: Path) -> tuple[float, float]:
    """An uninterrupted ingest of every seed here: seconds before its first write, and from
    there to its last commit."""
    shutil.copytree(template, corpus)
    _KILL_SERVER.started()  # its imports are no part of a run
    started = time.time()
    process = _served_ingest(corpus, ALL_SEEDS)
    reading = _wait_for_the_first_write(corpus, process)
    assert process.wait(timeout=300) == 0
    branch = Path(git.Repo(corpus).git_dir) / git.Repo(corpus).head.ref.path
    return reading, max(branch.stat().st_mtime - started - reading, 0.01)


def _warm_the_cache(template: Path, corpus: Path) -> None:
    """The first ingest of the seeds fills the run's disk cache and is slower than the ones the
    calibration measures and the trials kill; made in this process, it fills the same cache
    for a quarter of a `corpusdiff ingest` process's CPU (no start, imports or pool)."""
    shutil.copytree(template, corpus)
    ingest(corpus, ALL_SEEDS)


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
    _warm_the_cache(template, tmp_path / "warm-up")
    reading, writing = _phases(template, tmp_path / "calibration")
    landed: Counter[str] = Counter()
    for trial in range(KILL_TRIALS):
        corpus = tmp_path / f"trial{trial}"
        shutil.copytree(template, corpus)
        process = _served_ingest(corpus, ALL_SEEDS)
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
        _only_leftovers(corpus)
        _committed_state_is_whole(corpus)
        (Path(git.Repo(corpus).git_dir) / "index.lock").unlink(missing_ok=True)  # what the error tells a user
        ingest(corpus, ALL_SEEDS)
        assert len(entries(corpus)) == len(ALL_SEEDS)
        assert git.Repo(corpus).git.status("--porcelain") == ""
        assert check_corpus(corpus) == []
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


def test_an_ingest_waiting_for_another_is_not_stopped_by_its_commit_in_progress(
    template: Path, tmp_path: Path
) -> None:
    """While one ingest commits, git holds index.lock. A second ingest waits for the corpus
    lock and only then looks for stale git locks: the first one's lock is gone by then (it was
    refused as stale when the check came before the wait)."""
    corpus = tmp_path / "c"
    shutil.copytree(template, corpus)
    repo = git.Repo(corpus)
    index_lock = Path(repo.git_dir) / "index.lock"
    with gitstore.locked(repo):  # the first ingest, committing
        index_lock.write_text("", encoding="utf-8")
        second = _start_ingest(corpus, seed_excerpts(tmp_path / "heads", ALL_SEEDS[1:2]), subprocess.PIPE)
        _until_it_waits_for_the_lock(second)  # it has normalised its report
        index_lock.unlink()
    _, said = second.communicate(timeout=120)
    assert second.returncode == 0, said
    assert len(entries(corpus)) == 2


def test_stale_git_lock_is_a_clear_error(template: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(template, corpus)
    (Path(git.Repo(corpus).git_dir) / "index.lock").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"index\.lock exists"):
        ingest(corpus, ALL_SEEDS[1:2])


# --- a kill between each write and its rename ------------------------------------------------
#
# tests/killpoints.py runs a command and kills it with SIGKILL at its n-th write event: a file
# opened for writing, a file about to be renamed into place, a git command about to start. A
# counting run lists the events; each chosen one is then killed in a fresh copy, and the next
# run must give what an uninterrupted run gives.


@pytest.fixture(scope="module")
def excerpts(tmp_path_factory) -> list[Path]:
    """Three small reports (the head of the three plan reports: distinct ids, quick to normalise)."""
    return seed_excerpts(tmp_path_factory.mktemp("excerpts"), PLAN_SEEDS)


def _killed_at(scope: Path, kill_at: int, *args: str, log: Path | None = None) -> int:
    """Run `corpusdiff ARGS` killed at its `kill_at`-th write event under `scope` (0: not
    killed, events listed in `log`); its exit status (-9 when killed). It uses the run's disk
    cache, as a user's runs use theirs: outside `scope`, it adds no event, and every run after
    the first skips loading jieba's dictionary (a second of CPU that no kill point is in)."""
    env = {**os.environ, "KILL_SCOPE": str(scope), "KILL_AT": str(kill_at)}
    if log is not None:
        env["KILL_LOG"] = str(log)
    return _KILL_SERVER.status(args, env, timeout=RUN_TIMEOUT)


def _events(scope: Path, *args: str) -> list[str]:
    log = scope.parent / f"{scope.name}.events"
    assert _killed_at(scope, 0, *args, log=log) == 0
    return log.read_text(encoding="utf-8").split()


def _chosen(events: list[str], others: int) -> list[int]:
    """Every rename and the last event (1-based), and `others` of the other events spread over
    the run (more under CORPUSDIFF_KILL_TRIALS: `make fuzz` kills at nearly every event)."""
    renames = [n for n, kind in enumerate(events, 1) if kind == "rename"]
    rest = [n for n, kind in enumerate(events, 1) if kind != "rename"]
    wanted = max(1, others * KILL_TRIALS // DEFAULT_KILL_TRIALS)
    step = max(1, len(rest) // wanted)
    return sorted({*renames, len(events), *rest[::step][:wanted]})


def _work_tree_files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }


def _ingest_outcome(corpus: Path) -> tuple[object, ...]:
    """What an ingest leaves, commit times and grouping aside: files, the committed tree,
    and how `log` classifies each document's commits."""
    repo = git.Repo(corpus)
    kinds = {e.id: [r.kind for r in gitstore.history(repo, e.path)] for e in entries(corpus)}
    return _work_tree_files(corpus), repo.git.rev_parse("HEAD^{tree}"), kinds, repo.git.status("--porcelain")


def test_a_first_ingest_killed_between_any_write_and_its_rename_converges(
    excerpts: list[Path], tmp_path: Path
) -> None:
    """Issue 17, finding 20 too: whatever a killed first ingest left, `check` says what it is
    (never "no corpus here" for a folder that exists), and the next ingest completes it."""
    command = ("ingest", "-q", "-j", "1", *map(str, excerpts))
    reference = tmp_path / "reference"
    reference.mkdir()
    events = _events(reference, "--corpus", str(reference / "c"), *command)
    expected = _ingest_outcome(reference / "c")
    assert "rename" in events and "git" in events
    for kill_at in _chosen(events, others=3):
        trial = tmp_path / f"kill{kill_at}"
        trial.mkdir()
        corpus = trial / "c"
        assert _killed_at(trial, kill_at, "--corpus", str(corpus), *command) == -signal.SIGKILL
        if corpus.exists():
            problems = check_corpus(corpus)
            assert all(p.message.startswith((*LEFTOVERS, "not a git repository")) for p in problems), problems
        ingest(corpus, excerpts)
        assert _ingest_outcome(corpus) == expected, f"killed at event {kill_at} ({events[kill_at - 1]})"
        assert check_corpus(corpus) == []


def test_history_killed_at_any_write_converges(template: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "reference"
    shutil.copytree(template, corpus)
    ingest(corpus, [s for s in ALL_SEEDS if "plan-report" in s.name])
    events = _events(corpus, "--corpus", str(corpus), "history", "futian-plan")
    expected = git.Repo(corpus).git.rev_parse("history/futian-plan")
    assert events.count("git") >= 5
    for kill_at in _chosen(events, others=4):
        trial = tmp_path / f"kill{kill_at}"
        shutil.copytree(corpus, trial)
        git.Repo(trial).git.update_ref("-d", "refs/heads/history/futian-plan")
        _killed_at(trial, kill_at, "--corpus", str(trial), "history", "futian-plan")
        assert _killed_at(trial, 0, "--corpus", str(trial), "history", "futian-plan") == 0
        assert git.Repo(trial).git.rev_parse("history/futian-plan") == expected, f"killed at event {kill_at}"


@pytest.mark.parametrize("command", ["install", "uninstall"])
def test_git_install_and_uninstall_killed_at_any_write_converge(
    template: Path, tmp_path: Path, command: str
) -> None:
    """Issue 17, finding 14: a kill never leaves a truncated .git/config or a stale config.lock."""
    corpus = tmp_path / "reference"
    shutil.copytree(template, corpus)
    if command == "uninstall":
        assert _killed_at(corpus, 0, "--corpus", str(corpus), "git", "install") == 0
    start = tmp_path / "start"
    shutil.copytree(corpus, start)
    events = _events(corpus, "--corpus", str(corpus), "git", command)
    expected = _driver_state(corpus)
    assert events.count("git") >= 2
    for kill_at in range(1, len(events) + 1):
        trial = tmp_path / f"kill{kill_at}"
        shutil.copytree(start, trial)
        _killed_at(trial, kill_at, "--corpus", str(trial), "git", command)
        assert not (trial / ".git" / "config.lock").exists(), f"killed at event {kill_at}"
        assert _killed_at(trial, 0, "--corpus", str(trial), "git", command) == 0, f"killed at event {kill_at}"
        assert _driver_state(trial) == expected, f"killed at event {kill_at} ({events[kill_at - 1]})"


def _driver_state(corpus: Path) -> tuple[bytes | None, str, str]:
    """.gitattributes, the driver's configuration, and git's reading of the whole config."""
    attributes = corpus / ".gitattributes"
    repo = git.Repo(corpus)
    driver = repo.git.config("--local", "--get-regexp", "^diff\\.", with_exceptions=False)
    return (
        (attributes.read_bytes() if attributes.exists() else None),
        driver,
        repo.git.config("--local", "--list"),
    )


# --- site build: killed between a write and its rename -------------------------------------------

#: Killed site builds in the default suite, one in each stretch of the build's renames and
#: removals; CORPUSDIFF_KILL_TRIALS runs more.
SITE_KILL_TRIALS = int(os.environ.get("CORPUSDIFF_KILL_TRIALS", "4"))


def _site_files(out: Path) -> dict[str, bytes]:
    """The published site: every file but the build state (which records mtimes)."""
    from corpusdiff.site.output import STATE_FILE

    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != STATE_FILE
    }


@pytest.fixture(scope="module")
def site_before(tmp_path_factory, excerpts: list[Path]) -> tuple[Path, Path]:
    """A three-document corpus (the plan reports' heads: every kind of page and file, each
    build a fraction of the whole reports'), and the site of an earlier state of it (2025-01
    with a figure since withdrawn, 2023-10 still there): the killed build rewrites, adds and
    removes files."""
    from corpusdiff.site.build import build_site

    base = tmp_path_factory.mktemp("site-faults")
    corpus, out = base / "corpus", base / "site"
    ingest(corpus, excerpts)
    last = corpus / "futian/annual-plan/2025-01.md"
    text = last.read_text(encoding="utf-8")
    last.write_text(text + "\n地区生产总值增长99%。\n", encoding="utf-8")
    build_site(corpus, out)
    last.write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(corpus), "rm", "-q", "futian/mid-year-report/2023-10.md"], check=True)
    subprocess.run(["git", "-C", str(corpus), "commit", "-qm", "withdraw 2023-10"], check=True)
    return corpus, out


def test_a_killed_site_build_converges_on_the_next(site_before: tuple[Path, Path], tmp_path: Path) -> None:
    """A build killed after a page is written and before it is renamed into place (or before a
    withdrawn page is removed) leaves a site the next build completes."""
    from corpusdiff.site.build import build_site
    from corpusdiff.site.output import JOURNAL
    from corpusdiff.store.files import TEMP_SUFFIX

    corpus, before = site_before
    command = ("--corpus", str(corpus), "site", "build", "--jobs", "1", "--out")
    reference = tmp_path / "uninterrupted"
    shutil.copytree(before, reference)
    events = _events(reference, *command, str(reference))
    expected = _site_files(reference)
    writes = [n for n, kind in enumerate(events, 1) if kind in ("rename", "remove")]
    assert len(writes) > 10 and "doc/futian/mid-year-report/2023-10.html" not in expected
    rng = random.Random(20261203)
    for trial in range(SITE_KILL_TRIALS):
        stretch = writes[
            trial * len(writes) // SITE_KILL_TRIALS : (trial + 1) * len(writes) // SITE_KILL_TRIALS
        ]
        kill_at = rng.choice(stretch)
        out = tmp_path / f"trial{trial}"
        shutil.copytree(before, out)
        killed = _killed_at(out, kill_at, *command, str(out))
        assert killed == -signal.SIGKILL, f"kill at event {kill_at} of {len(events)}"
        build_site(corpus, out)
        assert _site_files(out) == expected, f"kill at event {kill_at} ({events[kill_at - 1]})"
        assert not (out / JOURNAL).exists() and not list(out.rglob(f"*{TEMP_SUFFIX}"))
        again = build_site(corpus, out)
        assert again.written == [] and again.removed == [], f"kill at event {kill_at}"


def test_a_replace_killed_at_any_write_converges(tmp_path: Path) -> None:
    """`ingest --replace` writes the new source and document and removes the old source before
    its commit: killed anywhere, the same command again gives what an uninterrupted run gives
    (the old source removed in the commit that names the new one, nothing left uncommitted)."""
    (excerpt,) = seed_excerpts(tmp_path / "excerpt", PLAN_SEEDS[:1])
    other_source = tmp_path / "incoming" / "plan-gbk.txt"
    other_source.parent.mkdir()
    other_source.write_bytes(excerpt.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gbk"))
    base = tmp_path / "base" / "c"
    ingest(base, [excerpt])
    command = ("ingest", "-q", "--replace", str(other_source))
    reference = tmp_path / "reference"
    shutil.copytree(base, reference / "c")
    events = _events(reference, "--corpus", str(reference / "c"), *command)
    expected = _ingest_outcome(reference / "c")
    assert not (reference / "c" / "sources" / excerpt.name).exists() and "remove" in events
    last_rename = max(n for n, kind in enumerate(events, 1) if kind == "rename")
    # the git commands after the last write: the old source is gone, its removal not committed
    committing = [n for n, kind in enumerate(events, 1) if kind == "git" and n > last_rename]
    assert committing
    for kill_at in sorted({*_chosen(events, others=3), *committing}):
        trial = tmp_path / f"kill{kill_at}"
        shutil.copytree(base, trial / "c")
        corpus = trial / "c"
        assert _killed_at(trial, kill_at, "--corpus", str(corpus), *command) == -signal.SIGKILL
        _only_leftovers(corpus)
        ingest(corpus, [other_source], second_source=SecondSource.REPLACE)
        assert _ingest_outcome(corpus) == expected, f"killed at event {kill_at} ({events[kill_at - 1]})"
        assert check_corpus(corpus) == []
