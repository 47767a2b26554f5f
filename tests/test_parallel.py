"""Batch work gives the same result serially, on a local process pool and on a Dask cluster."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpusdiff.parallel import SERIAL, Runner
from corpusdiff.site.build import build_site
from corpusdiff.store.ingest import ingest

#: Started first, on one xdist worker (tests/conftest.py ONE_WORKER): the Dask cluster.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _square(n: int) -> int:
    return n * n


def _site_files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".corpusdiff-build.json"
    }


@pytest.fixture(scope="module")
def serial_site(project_site: Path) -> dict[str, bytes]:
    """The session's site of the project corpus, built serially (tests/conftest.py)."""
    return _site_files(project_site)


@pytest.fixture(scope="module")
def dask_address():
    distributed = pytest.importorskip("distributed", reason="the dask extra is part of the dev install")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_results_come_back_in_input_order_with_one_tick_each() -> None:
    ticks: list[int] = []
    assert Runner(jobs=2).map(_square, list(range(20)), ticks.append) == [n * n for n in range(20)]
    assert sum(ticks) == 20


@pytest.mark.parametrize("runner", [SERIAL, Runner(jobs=2)], ids=["serial", "pool"])
def test_each_hands_back_every_item_once_as_it_finishes(runner: Runner) -> None:
    # more items than the pool keeps in flight (2 workers x AHEAD_PER_WORKER), so refills count too
    found = dict(runner.each(_square, list(range(30))))
    assert found == {n: n * n for n in range(30)}


def test_a_process_pool_builds_the_same_site_as_a_serial_run(tmp_path: Path, serial_site) -> None:
    report = build_site(ROOT / "corpus", tmp_path, runner=Runner(jobs=2))
    assert len(report.rendered) == 8  # five documents, two consecutive plan pairs, the site.yaml pair
    assert _site_files(tmp_path) == serial_site


def test_a_dask_cluster_builds_the_same_site_as_a_serial_run(
    tmp_path: Path, serial_site, dask_address
) -> None:
    build_site(ROOT / "corpus", tmp_path, runner=Runner(scheduler=dask_address))
    assert _site_files(tmp_path) == serial_site


def test_dask_runs_a_map_in_input_order(dask_address) -> None:
    ticks: list[int] = []
    assert Runner(scheduler=dask_address).map(_square, [3, 1, 2], ticks.append) == [9, 1, 4]
    assert sum(ticks) == 3


def test_ingest_on_a_pool_writes_the_same_documents_as_serially(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, seeds)
    shutil.copy(ROOT / "corpus" / "manifest.yaml", tmp_path / "manifest.yaml")
    texts = {}
    for name, runner in (("serial", SERIAL), ("pool", Runner(jobs=2))):
        corpus = tmp_path / name
        corpus.mkdir()
        shutil.copy(tmp_path / "manifest.yaml", corpus / "manifest.yaml")
        ingest(corpus, sorted(seeds.glob("*.txt")), runner=runner)
        texts[name] = {p.relative_to(corpus).as_posix(): p.read_text() for p in sorted(corpus.rglob("*.md"))}
    assert len(texts["serial"]) == len(SEEDS)
    assert texts["pool"] == texts["serial"]


def test_an_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from corpusdiff.errors import CorpusdiffError

    monkeypatch.setenv("CORPUSDIFF_SCHEDULER_TIMEOUT", "1s")  # how long to wait is the user's knob
    with pytest.raises(CorpusdiffError, match="cannot reach the Dask scheduler"):
        Runner(scheduler="tcp://127.0.0.1:9").map(_square, [1, 2])


def test_pool_workers_end_when_their_command_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    script = (  # each worker says it is busy in one write, so the two lines never interleave
        "import os, time\nfrom corpusdiff.parallel import Runner\n"
        "def busy(seconds):\n    os.write(1, b'busy\\n')\n    time.sleep(seconds)\n"
        "Runner(jobs=2).map(busy, [30, 30])\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    assert [parent.stdout.readline(), parent.stdout.readline()] == ["busy\n"] * 2  # both in their task
    workers = subprocess.run(["pgrep", "-P", str(parent.pid)], capture_output=True, text=True).stdout.split()
    assert workers, "the pool should have started worker processes"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    parent.stdout.close()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(int(pid)) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(int(pid)) for pid in workers)


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status_file = Path(f"/proc/{pid}/status")
    status = status_file.read_text() if status_file.exists() else ""
    return "State:\tZ" not in status
