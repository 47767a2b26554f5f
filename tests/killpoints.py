"""Run one corpusdiff command and SIGKILL it at a chosen write event (tests/test_faults.py).

`python -m tests.killpoints ARGS…` runs `corpusdiff ARGS…` with four kinds of event counted,
in the order they happen:

- `open`: a file under $KILL_SCOPE has just been opened for writing (created or truncated,
  nothing written yet);
- `rename`: a file under $KILL_SCOPE is about to be renamed into place (written, not yet
  visible under its name): the moment between a write and its rename;
- `remove`: a file under $KILL_SCOPE is about to be removed (a site page withdrawn, a
  temporary file cleaned up);
- `git`: a git subprocess is about to start (whatever it would write, it writes nothing yet).

With KILL_AT=N (1-based) the process kills itself with SIGKILL at the N-th event, as a power
cut or `kill -9` would; with KILL_AT=0 it runs to the end and writes the kind of every event,
one per line, to $KILL_LOG, so a test can aim at each rename in turn. Patching happens before
corpusdiff or GitPython is imported, so every write either makes goes through it.

`python -m tests.killpoints --serve` is the same for many runs: it patches, then serves as
tests/cliserver.py does (imports corpusdiff once, forks a process for each run it reads on
stdin, its `env` holding the variables above, and answers its exit status: -9 when killed).
Each run is still its own process, killed with SIGKILL at its event; what it no longer pays is
Python's start and the package's imports (0.3–1 s of CPU a run, no write among them).
"""

from __future__ import annotations

import builtins
import io
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.cliserver import PRELOADED, run_corpusdiff, serve

#: GitPython is imported in each run, as in a process of its own: its import runs `git
#: version`, one of the run's `git` events.
_PRELOADED = tuple(module for module in PRELOADED if module != "git")
_SCOPE = ""
_KILL_AT = 0
_LOG = ""
_events: list[str] = []
def _configure(env: Mapping[str, str]) -> None:
    """Aim the counting at one run: its scope, its kill event and its log."""
    global _SCOPE, _KILL_AT, _LOG
    _SCOPE = os.path.realpath(env["KILL_SCOPE"]) if env.get("KILL_SCOPE") else ""
    _KILL_AT = int(env.get("KILL_AT", "0"))
    _LOG = env.get("KILL_LOG", "")
    _events.clear()


def _event(kind: str) -> None:
    _events.append(kind)
    if len(_events) == _KILL_AT:
        os.kill(os.getpid(), signal.SIGKILL)


def _in_scope(path: Any) -> bool:
    if isinstance(path, int) or not _SCOPE:
        return False
    return os.path.realpath(os.fsdecode(path)).startswith(_SCOPE + os.sep)


_open, _os_open, _replace, _rename, _unlink = builtins.open, os.open, os.replace, os.rename, os.unlink


def _counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
    handle = _open(file, mode, *args, **kwargs)
    if any(flag in mode for flag in "wax+") and _in_scope(file):
        _event("open")
    return handle


def _counting_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
    fd = _os_open(path, flags, *args, **kwargs)
    if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and _in_scope(path):
        _event("open")
    return fd


def _counting_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
    if _in_scope(dst):
        _event("rename")
    _replace(src, dst, *args, **kwargs)


def _counting_rename(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
    if _in_scope(dst):
        _event("rename")
    _rename(src, dst, *args, **kwargs)


def _counting_unlink(path: Any, *args: Any, **kwargs: Any) -> None:
    if _in_scope(path):
        _event("remove")
    _unlink(path, *args, **kwargs)


class _CountingPopen(subprocess.Popen):  # type: ignore[type-arg]
    def __init__(self, args: Any, *rest: Any, **kwargs: Any) -> None:
        program = args[0] if isinstance(args, (list, tuple)) else str(args).split()[0]
        if Path(str(program)).name == "git":
            _event("git")
        super().__init__(args, *rest, **kwargs)


def _write_log() -> None:
    if _LOG:
        Path(_LOG).write_text("".join(f"{kind}\n" for kind in _events), encoding="utf-8")


def _patch() -> None:
    builtins.open = io.open = _counting_open
    os.open = _counting_os_open  # type: ignore[assignment]
    os.replace = _counting_replace
    os.rename = _counting_rename
    os.unlink = os.remove = _counting_unlink
    subprocess.Popen = _CountingPopen  # type: ignore[misc]


def _run(args: list[str]) -> int:
    """`corpusdiff ARGS`, its exit status (unless a kill event ends the process first)."""
    try:
        return run_corpusdiff(args)
    finally:
        _write_log()


def main() -> None:
    _patch()
    if sys.argv[1:] == ["--serve"]:
        serve(_PRELOADED, run=_run, configure=_configure)
        return
    _configure(os.environ)
    sys.exit(_run(sys.argv[1:]))


if __name__ == "__main__":
    main()
