"""Shared fixtures: the seeds, normalised once per session, and temporary git corpora."""

from __future__ import annotations

import atexit
import fcntl
import functools
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.store import cache
from corpusdiff.store.corpus import load_manifest
from corpusdiff.text.chars import WORD_CHARS
from corpusdiff.types.diff import DiffResult
from corpusdiff.types.document import NormalizedDocument
from corpusdiff.types.tree import DocTree

ROOT = Path(__file__).resolve().parent.parent

#: The front matter of a small national report built in a test (canonical Markdown, dialect 1).
REPORT_FRONT_MATTER = """---
dialect: corpusdiff/1
title: 政府工作报告
---
"""
SEEDS = ROOT / "seeds"
EXPECTED = Path(__file__).parent / "data" / "expected"
SEED_STEMS = sorted(path.stem for path in SEEDS.glob("*.txt"))
HAN_ALNUM = re.compile(f"[{WORD_CHARS}]")


def seed_overrides(stem: str) -> dict[str, object]:
    entry = load_manifest(ROOT / "corpus").get(f"{stem}.txt", {})
    return {k: v for k, v in entry.items() if k in {"title", "date"}}


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, NormalizedDocument]:
    return {stem: normalize_file(SEEDS / f"{stem}.txt", seed_overrides(stem)) for stem in SEED_STEMS}


@pytest.fixture(scope="session")
def seed_markdown(seed_documents: dict[str, NormalizedDocument]) -> dict[str, str]:
    return {stem: render(doc) for stem, doc in seed_documents.items()}


def built_once_per_run(name: str, build: Callable[[Path], object], factory: pytest.TempPathFactory) -> Path:
    """A folder `build` fills, made once per run for tests that only read it: xdist's workers
    share it in the run's cache folder, where the first to need it builds it under a lock and
    the other waits for that build instead of making its own. Without xdist, in `factory`."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        out = factory.mktemp(name)
        build(out)
        return out
    shared = Path(os.environ[RUN_CACHE_VARIABLE])
    out, done = shared / f"tests-{name}-{run}", shared / f"tests-{name}-{run}.built"
    with open(shared / f"tests-{name}-{run}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(out, ignore_errors=True)  # a build cut short
            build(out)
            done.touch()
    return out


@pytest.fixture(scope="session")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the project's corpus, built once per run for every test that only reads it
    (a second build is 3 s of CPU, the diffs cached); serially, as a pool inside a test worker
    gains nothing (tests/test_parallel.py holds a pool's and Dask's builds to this one)."""
    from corpusdiff.parallel import SERIAL
    from corpusdiff.site.build import build_site

    return built_once_per_run(
        "project-site", lambda out: build_site(ROOT / "corpus", out, runner=SERIAL), tmp_path_factory
    )


#: The three plan reports of one series (2022-01, 2023-10 mid-year, 2025-01).
PLAN_SEEDS = [
    SEEDS / "futian-2022-01-plan-report.txt",
    SEEDS / "futian-2023-10-mid-year-plan-report.txt",
    SEEDS / "futian-2025-01-plan-report.txt",
]


def seed_excerpts(folder: Path, seeds: list[Path], lines: int = 30) -> list[Path]:
    """The first `lines` lines of each seed, under the seed's own file name in `folder`: the
    same title, date and id, a tenth of the text. For a test whose point is what happens to a
    corpus's files (publishing, kills, rebuilds), not what a whole report's diff says: each
    normalisation, comparison and 新旧对照 export of a full seed costs a second or more."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        head = seed.read_text(encoding="utf-8").splitlines(keepends=True)[:lines]
        (folder / seed.name).write_text("".join(head), encoding="utf-8")
    return [folder / seed.name for seed in seeds]


@pytest.fixture
def project_site_copy(project_site: Path, tmp_path: Path) -> Path:
    """A copy of the session's site of the project corpus, its build state and its files'
    times kept: what a first build of the project corpus leaves, for a test about the builds
    after it (each first build it saves is a second or more of CPU)."""
    out = tmp_path / "site"
    shutil.copytree(project_site, out)
    return out


def empty_cache_with_index(root: Path) -> Path:
    """A cache folder holding no results, only jieba's dictionary index (copied from the run's
    cache, where it is built once): a test about cached results then pays no index build."""
    from corpusdiff.text import dictindex

    built = dictindex.load()
    assert built is not None
    copy = root / built.path.relative_to(built.path.parent.parent)
    copy.parent.mkdir(parents=True)
    shutil.copyfile(built.path, copy)
    return root


def corpus_tree(doc_id: str) -> DocTree:
    """The tree of a document of the project corpus, by id."""
    from corpusdiff.structure import tree_from_markdown

    return tree_from_markdown((ROOT / "corpus" / f"{doc_id}.md").read_text(encoding="utf-8"))


@functools.cache
def corpus_diff(old: str, new: str) -> DiffResult:
    """`compare` of two documents of the project corpus (ids), made once per test run: a dozen
    modules read the same three diffs of the seed series (0.2–0.5 s of CPU each time), and the
    run's disk cache (store.diffs), which xdist's workers share, keeps each one. A DiffResult is
    frozen: no test can change what another reads."""
    from corpusdiff.store.diffs import cached_compare

    return cached_compare(corpus_tree(old), corpus_tree(new))


def body_of(markdown: str) -> str:
    """Canonical Markdown without its front matter."""
    return markdown.split("\n---\n", 1)[1]


def han_key(text: str) -> str:
    """The sequence of Han characters, letters and digits: what must never be lost."""
    return "".join(HAN_ALNUM.findall(text))


def _hypothesis_profiles() -> None:
    """The default suite is deterministic (a fixed seed, so CI cannot fail by chance); the
    dedicated fuzz run (`make fuzz`) explores with fresh random cases. No deadline: the suite
    runs on every CPU at once, and a first call that loads jieba's dictionary on a busy machine
    is slow without being wrong (speed is measured in benchmarks/)."""
    import os

    from hypothesis import settings

    settings.register_profile("default-suite", derandomize=True, deadline=None)
    settings.register_profile("fuzz", derandomize=False, deadline=None)
    settings.load_profile("fuzz" if os.environ.get("CORPUSDIFF_FUZZ_EXAMPLES") else "default-suite")


_hypothesis_profiles()

RUN_CACHE_VARIABLE = "CORPUSDIFF_TEST_RUN_CACHE"


def _run_cache() -> str:
    """The suite never reads or fills the user's cache (corpusdiff.cache): a fresh one per run,
    made by the first process to load this file (pytest, or xdist's controller) and removed
    when it exits. xdist's workers inherit it, so what one worker computed cold (jieba's
    dictionary index, trees, diffs, series pages) the other finds warm; entries are written
    atomically, so they may share it."""
    shared = os.environ.get(RUN_CACHE_VARIABLE)
    if shared:
        return shared
    made = tempfile.mkdtemp(prefix="corpusdiff-test-cache-")
    atexit.register(shutil.rmtree, made, ignore_errors=True)
    os.environ[RUN_CACHE_VARIABLE] = made
    return made


_RUN_CACHE_MADE_HERE = RUN_CACHE_VARIABLE not in os.environ
os.environ["CORPUSDIFF_CACHE_DIR"] = _run_cache()


def _bytecode_for_subprocesses() -> None:
    """The suite starts many Python processes (the CLI, kill points, git drivers, pool workers).
    With PYTHONDONTWRITEBYTECODE set, as some shells and CI images do, each compiled the package
    from source again (~0.05 s of CPU each); they, and xdist's workers, write and reuse bytecode
    in `__pycache__` (git-ignored) instead, as Python does by default."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


_bytecode_for_subprocesses()
# the tests stand at the edge, like the command line: the text layer gets the disk cache
cache.install()


def pytest_configure(config: pytest.Config) -> None:
    """jieba's dictionary index (~2.5 s of CPU) built once per run, in a thread of xdist's
    controller, idle while its workers start and collect: a worker that segments before it is
    done waits for it (text.dictindex builds under a lock) rather than both workers building
    their own at the same moment. The thread ends before the run's cache is removed."""
    if not _RUN_CACHE_MADE_HERE or getattr(config.option, "dist", "no") == "no":
        return
    from corpusdiff.text import dictindex

    builder = threading.Thread(target=dictindex.load, name="jieba-index", daemon=True)
    builder.start()
    atexit.register(builder.join)


@pytest.fixture(autouse=True, scope="session")
def _one_core_by_default() -> Iterator[None]:
    """`--jobs`' default, every core, means one inside a test process: xdist already runs a
    worker per core, and a pool inside one forks children that start cold (jieba's tokenizer,
    numpy) and hand back only results. Pools run where a test asks for them (`Runner(jobs=2)`,
    tests/test_parallel.py) and in the `corpusdiff` processes the tests start."""
    from corpusdiff.parallel import Runner

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Runner, "workers", property(lambda runner: runner.jobs or 1))
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `slow` first (in their order, the rest after in theirs): started early,
    a long test never leaves one xdist worker running alone at the end of the run."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


#: Modules whose tests run on one xdist worker, those of one name together: each has a fixture
#: of a second or more that a second worker would make again (the 36 national comparisons, a
#: Dask cluster, the national reports' term index, a synthetic corpus, the seeds' diffs, the
#: Futian plans' corpus and site built with the CLI; the browser modules share Chromium, started
#: once per test process, and build sites).
ONE_WORKER = {
    "tests/series/test_national_timeline.py": "national-timeline",
    "tests/test_parallel.py": "parallel",
    "tests/site/test_site_browser.py": "browser",
    "tests/site/test_search_browser.py": "browser",
    "tests/series/test_terms.py": "terms",
    "tests/test_synthetic.py": "synthetic",
    "tests/render/test_table.py": "table",
    "tests/test_one_answer.py": "one-answer",
}


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """xdist's `load` distribution, test by test, but the modules of ONE_WORKER as one unit
    per name (its `loadgroup` marks no longer reach the scheduler under pytest 9)."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModulesKeptTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return ONE_WORKER.get(module, nodeid)

    return ModulesKeptTogether(config, log)


#: The browser of the site's browser tests and of printed-PDF fixtures (`browser`): Debian's
#: chromium-headless-shell, Chromium built for automation (what Playwright itself runs headless),
#: which spends about a third of the CPU of the full browser's headless mode on the same pages;
#: else Debian's chromium.
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium (CHROMIUM) through Playwright, started once per test process for every
    module that needs it: each launch costs seconds, and Playwright's sync API runs one instance a
    thread."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Chromium is missing: `apt-get install chromium-headless-shell` (make test does it as root)"
    )
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()
