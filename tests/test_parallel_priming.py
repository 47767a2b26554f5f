"""What a job function does once before local workers fork (`parallel.Primed`) is inherited by
every worker, not done again in each."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from corpusdiff.parallel import SERIAL, Runner

#: What `_Remembers.prime` left in the process that ran it.
PRIMED: dict[str, int] = {}


@dataclass(frozen=True)
class _Remembers:
    """A job that reports which process primed the state it finds."""

    def prime(self, items: Sequence[int]) -> None:
        PRIMED.update(parent=os.getpid(), items=len(items))

    def __call__(self, item: int) -> tuple[int, int | None, int]:
        return os.getpid(), PRIMED.get("parent"), item


def test_workers_inherit_what_the_job_primed_before_they_forked() -> None:
    PRIMED.clear()
    found = Runner(jobs=2).map(_Remembers(), [1, 2, 3, 4])
    assert [item for _, _, item in found] == [1, 2, 3, 4]
    assert all(worker != os.getpid() for worker, _, _ in found)
    assert {primed_by for _, primed_by, _ in found} == {os.getpid()}
    assert PRIMED["items"] == 4


def test_a_serial_run_has_nothing_to_prime() -> None:
    PRIMED.clear()
    assert SERIAL.map(_Remembers(), [1, 2]) == [(os.getpid(), None, 1), (os.getpid(), None, 2)]
