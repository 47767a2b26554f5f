"""`corpusdiff` commands run as processes forked from one that imported the package once.

`python -m tests.cliserver` imports the command line and the modules its commands load, then
reads one run a line on stdin (JSON: `args`, `env`, `cwd`, the files for the run's `stdout`
and `stderr`, `timeout`), forks a process for it and answers its exit status on stdout (-9
when killed), as `subprocess.run` would. The forked process runs `corpusdiff ARGS` as
`python -m corpusdiff ARGS` does: its own environment, folder, output and exit status, a
traceback on stderr for an exception nothing caught. It only no longer pays Python's start and
the package's imports (0.3–1 s of CPU a command; no command writes anything while importing).
tests/killpoints.py serves its kill runs the same way, with its write events counted.

`CliServer` is the test's side: `CliServer().run(args, cwd=…)` gives a CompletedProcess.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

#: Every module the commands of the tests that use the server load (`ingest`, `check`,
#: `history`, `git`, `review`, `site build`), also those they import inside functions: numpy,
#: scipy, jinja2, python-docx and openpyxl are a second of CPU a site build. Whatever else a
#: command needs it imports in its run, as a fresh process would.
PRELOADED = (
    "corpusdiff.cli.main",
    "corpusdiff.store.corpus",
    "corpusdiff.store.ingest",
    "corpusdiff.store.resolve",
    "corpusdiff.store.rollback",
    "corpusdiff.normalize.entry",
    "corpusdiff.read.docx",
    "corpusdiff.workflow.check",
    "corpusdiff.workflow.history",
    "corpusdiff.workflow.gitdriver",
    "corpusdiff.workflow.review",
    "corpusdiff.render.review",
    "corpusdiff.render.export",
    "corpusdiff.compare.core",
    "corpusdiff.series.timeline",
    "corpusdiff.series.terms",
    "corpusdiff.site.build",
    "corpusdiff.site.series",
    "corpusdiff.site.timeline_view",
    "corpusdiff.site.indicators_view",
    "corpusdiff.site.search",
    "corpusdiff.text.dictindex",
    "corpusdiff.text.vectors",
    "git",
    "opencc",
    "pypinyin",
    "jieba",
    "jinja2",
    "numpy",
    "scipy.optimize",
    "scipy.sparse.linalg",
    "openpyxl",
)
#: What click calls the program when it is started as `python -m corpusdiff`.
PROG_NAME = "python -m corpusdiff"


def exit_status(done: SystemExit) -> int:
    """The status the interpreter gives a process ending with `done` (a message: printed, 1)."""
    if done.code is None or isinstance(done.code, int):
        return done.code or 0
    print(done.code, file=sys.stderr)
    return 1


def run_corpusdiff(args: list[str]) -> int:
    """`corpusdiff ARGS` in this process, its exit status; an exception nothing caught is
    printed with its traceback and ends it with 1, as the interpreter does."""
    from corpusdiff.cli.main import main as corpusdiff

    try:
        corpusdiff(args=args, prog_name=PROG_NAME)
    except SystemExit as done:
        return exit_status(done)
    except BaseException:  # what the interpreter does with it
        traceback.print_exc()
        return 1
    return 0


def _redirect(request: Mapping[str, Any]) -> None:
    """stdin from /dev/null; stdout and stderr to the request's files (/dev/null without)."""
    streams = {0: os.devnull, 1: request.get("stdout") or os.devnull, 2: request.get("stderr") or os.devnull}
    for fd, path in streams.items():
        opened = os.open(path, os.O_RDONLY if fd == 0 else os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(opened, fd)
        os.close(opened)


def _forked(
    request: Mapping[str, Any], run: Callable[[list[str]], int], configure: Callable[[Mapping[str, str]], None]
) -> int:
    """One run in a forked process, its pid. SIGALRM ends a run past its `timeout`."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            _redirect(request)
            os.chdir(request.get("cwd") or os.getcwd())
            os.environ.clear()
            os.environ.update(request["env"])
            signal.alarm(int(request.get("timeout") or 0))
            configure(request["env"])
            code = run(request["args"])
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    return pid


def serve(
    preloaded: Sequence[str] = PRELOADED,
    run: Callable[[list[str]], int] = run_corpusdiff,
    configure: Callable[[Mapping[str, str]], None] = lambda env: None,
) -> None:
    """Import `preloaded`, then fork `run` for each request on stdin, `configure`d with its
    environment first. Says `ready` once it has imported; then answers a run's pid on a line at
    once, its exit status on the next when it ends (as subprocess gives it: -9 when killed)."""
    for module in preloaded:
        importlib.import_module(module)
    gc.freeze()  # a run's garbage collections leave the imported objects alone: no copy-on-write
    print("ready", flush=True)
    for line in sys.stdin:
        pid = _forked(json.loads(line), run, configure)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


class ServedRun:
    """A run of the server, as much of `subprocess.Popen` as the tests use: `pid`, `poll`,
    `wait`, `send_signal` and `returncode`."""

    def __init__(self, server: CliServer, args: Sequence[str], timeout: float) -> None:
        self.server, self.args, self.timeout = server, list(args), timeout
        self.returncode: int | None = None
        self.pid = int(server.answer(self.timeout + 60))

    def poll(self) -> int | None:
        if self.returncode is None and self.server.answered():
            self.returncode = int(self.server.answer(0))
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self.returncode = int(self.server.answer(self.timeout + 60 if timeout is None else timeout))
        if self.returncode == -signal.SIGALRM:
            raise subprocess.TimeoutExpired(["corpusdiff", *self.args], self.timeout)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        """Signal the run unless it has ended (as Popen, a run that just ended is no error)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, sig)


class CliServer:
    """A server (`python -m MODULE --serve`, by default this one), started at the first run.
    One run at a time: a run's pid, then its exit status, are the next answers."""

    def __init__(self, module: str = "tests.cliserver") -> None:
        self.module = module
        self.process: subprocess.Popen[bytes] | None = None
        self._said = b""
        #: where each run's captured output is written (made with the server)
        self.outputs = Path()

    def started(self) -> subprocess.Popen[bytes]:
        """The server, started and done importing (a test that times its runs starts it first)."""
        if self.process is None or self.process.poll() is not None:
            self.stop()
            self.outputs = Path(tempfile.mkdtemp(prefix="corpusdiff-cliserver-"))
            self._said = b""
            self.process = subprocess.Popen(
                [sys.executable, "-m", self.module, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
            assert self.answer(300) == "ready"
        return self.process

    def answered(self) -> bool:
        """Whether a whole answer line is waiting."""
        self._read(0)
        return b"\n" in self._said

    def answer(self, timeout: float) -> str:
        """The next answer line, waiting at most `timeout` seconds for it."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._said:
            if not self._read(max(0.0, deadline - time.monotonic())) and time.monotonic() >= deadline:
                assert self.process is not None
                self.process.kill()
                raise AssertionError(f"the corpusdiff server gave no answer in {timeout:.0f} s")
        line, self._said = self._said.split(b"\n", 1)
        return line.decode()

    def _read(self, timeout: float) -> bool:
        """Read what the server said within `timeout` seconds; whether it said anything."""
        assert self.process is not None and self.process.stdout is not None
        fd = self.process.stdout.fileno()
        if not select.select([fd], [], [], timeout)[0]:
            return False
        chunk = os.read(fd, 4096)
        assert chunk, f"the corpusdiff server ended (exit {self.process.wait()})"
        self._said += chunk
        return True

    def start(
        self,
        args: Sequence[str],
        env: Mapping[str, str] | None = None,
        *,
        cwd: Path | None = None,
        timeout: float = 300,
        capture: bool = False,
    ) -> ServedRun:
        """Start `corpusdiff ARGS` in a forked process (with `capture`, its output goes to
        `stdout` and `stderr` under `self.outputs`); wait for it before the next run."""
        process = self.started()
        assert process.stdin is not None
        request = {
            "args": list(args),
            "env": dict(os.environ if env is None else env),
            "cwd": str(cwd) if cwd else None,
            "timeout": max(1, round(timeout)),
            "stdout": str(self.outputs / "stdout") if capture else None,
            "stderr": str(self.outputs / "stderr") if capture else None,
        }
        process.stdin.write((json.dumps(request) + "\n").encode())
        process.stdin.flush()
        return ServedRun(self, args, timeout)

    def status(self, args: Sequence[str], env: Mapping[str, str] | None = None, *, timeout: float = 300) -> int:
        """`corpusdiff ARGS`' exit status (-9 when killed), its output discarded."""
        return self.start(args, env, timeout=timeout).wait()

    def run(
        self, args: Sequence[str], *, cwd: Path | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """`corpusdiff ARGS` as `subprocess.run(..., capture_output=True, text=True)` gives it."""
        code = self.start(args, cwd=cwd, timeout=timeout, capture=True).wait()
        out, err = ((self.outputs / name).read_text(encoding="utf-8") for name in ("stdout", "stderr"))
        return subprocess.CompletedProcess(["corpusdiff", *args], code, out, err)

    def stop(self) -> None:
        if self.process is not None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=60)
            self.process = None
            shutil.rmtree(self.outputs)


if __name__ == "__main__" and sys.argv[1:] == ["--serve"]:
    serve()
