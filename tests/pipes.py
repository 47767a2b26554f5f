"""Run a call that might wait on a named pipe for ever, as a test may not: the pipe is let go
after a timeout (a writer opens and closes it) and the test fails, instead of hanging. Shared
by the tests of every read a corpus from elsewhere can plant a pipe in (docs/security.md)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def without_waiting(call: Callable[[], Any], pipe: Path, timeout: float = 30) -> Any:
    """What `call` returns (or raises) within `timeout` seconds; one still waiting on `pipe`
    fails the test."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=timeout)
    if worker.is_alive():
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=timeout)
        pytest.fail(f"waited on the named pipe {pipe}")
    return outcome[0]


def swap_for_a_pipe(path: Path) -> None:
    """Put a named pipe where the file `path` was."""
    path.unlink()
    os.mkfifo(path)


def swap_once_looked_at(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Swap `path` for a named pipe as soon as anything has checked that it is a file: the race a
    corpus from elsewhere can win between a look at a name and the open."""
    is_file = Path.is_file

    def look_then_swap(self: Path) -> bool:
        answer = is_file(self)
        if answer and self == path:
            swap_for_a_pipe(path)
        return answer

    monkeypatch.setattr(Path, "is_file", look_then_swap)
