"""A run forked by tests/cliserver.py is what `python -m corpusdiff` gives: the tests that run
commands through it (the hostile corpus, the kills) hold corpusdiff's processes to it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import cliserver


@pytest.fixture(scope="module")
def server() -> Iterator[cliserver.CliServer]:
    served = cliserver.CliServer()
    yield served
    served.stop()


@pytest.mark.parametrize(
    "args",
    [["--corpus", "missing", "list"], ["no-such-command"], ["--version"]],
    ids=["refusal", "usage-error", "stdout"],
)
def test_a_served_run_gives_what_a_process_gives(
    server: cliserver.CliServer, tmp_path: Path, args: list[str]
) -> None:
    served = server.run(args, cwd=tmp_path)
    real = subprocess.run(
        [sys.executable, "-m", "corpusdiff", *args], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert (served.returncode, served.stdout, served.stderr) == (real.returncode, real.stdout, real.stderr)
    assert served.stdout or served.stderr  # the output was captured, not lost


def test_an_exception_nothing_caught_is_a_traceback_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import corpusdiff.cli.main

    def broken(**_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(corpusdiff.cli.main, "main", broken)
    assert cliserver.run_corpusdiff(["list"]) == 1
    said = capsys.readouterr().err
    assert said.startswith("Traceback") and "RuntimeError: a bug" in said


@pytest.mark.parametrize(("code", "status", "printed"), [(None, 0, ""), (3, 3, ""), ("a message", 1, "a message\n")])
def test_a_system_exit_ends_the_run_as_the_interpreter_ends_a_process(
    code: object, status: int, printed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cliserver.exit_status(SystemExit(code)) == status
    assert capsys.readouterr().err == printed
