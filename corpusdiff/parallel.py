"""Run one pure function over many documents or pairs: serially, on local cores, or on a Dask
cluster. Results come back in input order whichever way they ran, so a parallel run writes
exactly what a serial one would.

Batch commands take `--jobs N` (default: all cores) and `--scheduler ADDRESS` (a running
`dask scheduler`, e.g. tcp://10.0.0.5:8786; also CORPUSDIFF_SCHEDULER). The function and its
items must be picklable: module-level functions over plain dataclasses and strings.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from corpusdiff.errors import CorpusdiffError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Runner:
    """How to run batch work: `jobs` local processes, or the Dask scheduler at `scheduler`."""

    jobs: int | None = None  # None: every core
    scheduler: str = ""

    @property
    def workers(self) -> int:
        return self.jobs or os.cpu_count() or 1

    def map(
        self, func: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] = lambda n: None
    ) -> list[R]:
        """`[func(item) for item in items]`, calling `done(1)` as each item finishes."""
        if self.scheduler:
            return _dask_map(self.scheduler, func, items, done)
        if self.workers == 1 or len(items) < 2:
            return [_tick(func(item), done) for item in items]
        return _process_map(min(self.workers, len(items)), func, items, done)


SERIAL = Runner(jobs=1)


def _tick(result: R, done: Callable[[int], None]) -> R:
    done(1)
    return result


def _process_map(workers: int, func: Callable[[T], R], items: Sequence[T], done) -> list[R]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: list[R] = [None] * len(items)  # type: ignore[list-item]
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        futures = {pool.submit(func, item): index for index, item in enumerate(items)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            done(1)
    return results


def _exit_with_parent(parent: int) -> None:
    """Pool workers end when the command that started them is killed, instead of waiting
    forever for work that will never come."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _dask_map(address: str, func: Callable[[T], R], items: Sequence[T], done) -> list[R]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise CorpusdiffError(
            "--scheduler needs Dask: pip install 'corpusdiff[dask]' (dask and distributed)"
        ) from None
    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise CorpusdiffError(
            f"cannot reach the Dask scheduler at {address} ({exc}); start one with `dask scheduler` "
            "and workers with `dask worker ADDRESS`, or drop --scheduler to run locally"
        ) from None
    with client:
        futures = client.map(func, list(items), pure=False)
        for _future in as_completed(futures):
            done(1)
        return client.gather(futures)


def chunks(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
