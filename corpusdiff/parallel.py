"""Run one pure function over many documents or pairs: serially, on local cores, or on a Dask
cluster. Results come back in input order whichever way they ran, so a parallel run writes
exactly what a serial one would.

Batch commands take `--jobs N` (default: all cores) and `--scheduler ADDRESS` (a running
`dask scheduler`, e.g. tcp://10.0.0.5:8786; also CORPUSDIFF_SCHEDULER). The function and its
items must be picklable: module-level functions over plain dataclasses and strings.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol, TypeVar, runtime_checkable

from corpusdiff.errors import CorpusdiffError

T = TypeVar("T")
R = TypeVar("R")
#: Items handed to each local worker ahead of time: enough to keep it busy, few enough that
#: the inputs waiting in the queue stay small next to a large corpus.
AHEAD_PER_WORKER = 4


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
        results: list[R] = [None] * len(items)  # type: ignore[list-item]
        for index, result in self.each(func, items, done):
            results[index] = result
        return results

    def each(
        self, func: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] = lambda n: None
    ) -> Iterator[tuple[int, R]]:
        """`(index, func(items[index]))` for every item, in the order they finish: a caller that
        writes each result out holds one at a time, not all of them (a large site's pages)."""
        if self.scheduler:
            return _dask_each(self.scheduler, func, items, done)
        if self.workers == 1 or len(items) < 2:
            return ((index, _tick(func(item), done)) for index, item in enumerate(items))
        return _process_each(min(self.workers, len(items)), func, items, done)


SERIAL = Runner(jobs=1)


@runtime_checkable
class Primed(Protocol):
    """A job function with work to do once for all its items before local workers fork (`prime`,
    run in the parent): the workers inherit what it loaded or computed instead of each doing it
    again. Not called for Dask, nor where workers do not fork (they start from nothing)."""

    def prime(self, items: Sequence[Any]) -> None: ...


def _tick(result: R, done: Callable[[int], None]) -> R:
    done(1)
    return result


def _process_each(
    workers: int, func: Callable[[T], R], items: Sequence[T], done: Callable[[int], None]
) -> Iterator[tuple[int, R]]:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    if isinstance(func, Primed) and multiprocessing.get_start_method() == "fork":
        func.prime(items)
    queue = iter(enumerate(items))
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        pending = {
            pool.submit(func, item): index for index, item in islice(queue, workers * AHEAD_PER_WORKER)
        }
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                for next_index, item in islice(queue, 1):
                    pending[pool.submit(func, item)] = next_index
                done(1)
                yield index, future.result()


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


def _dask_each(
    address: str, func: Callable[[T], R], items: Sequence[T], done: Callable[[int], None]
) -> Iterator[tuple[int, R]]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise CorpusdiffError(
            "--scheduler needs Dask: pip install 'corpusdiff[dask]' (dask and distributed)"
        ) from None
    try:
        client = Client(address, timeout=os.environ.get("CORPUSDIFF_SCHEDULER_TIMEOUT", "10s"))
    except OSError as exc:
        raise CorpusdiffError(
            f"cannot reach the Dask scheduler at {address} ({exc}); start one with `dask scheduler` "
            "and workers with `dask worker ADDRESS`, or drop --scheduler to run locally"
        ) from None
    with client:
        futures = client.map(func, list(items), pure=False)
        index = {future.key: n for n, future in enumerate(futures)}
        finished = as_completed(futures, with_results=True)
        del futures  # a result leaves the cluster's memory once its future is dropped
        for future, result in finished:
            done(1)
            yield index[future.key], result


def chunks(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
