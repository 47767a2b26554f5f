"""Files take the user's umask, and an id never holds a name Windows reserves for a device
(issue 17, finding 21)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.conftest import SEEDS

PLAN = str(SEEDS / "futian-2022-01-plan-report.txt")


@pytest.fixture
def group_readable_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_documents_and_normalize_output_follow_the_umask(tmp_path: Path, group_readable_umask: None) -> None:
    from corpusdiff.store import files

    files._file_mode.cache_clear()
    corpus, out = tmp_path / "corpus", tmp_path / "out.md"
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", PLAN]).exit_code == 0
    assert CliRunner().invoke(main, ["normalize", PLAN, "-o", str(out)]).exit_code == 0
    [document] = corpus.rglob("2022-01.md")
    for path in (document, out):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


@pytest.mark.parametrize("region", ["con", "nul", "com1", "LPT9"])
def test_a_device_name_never_becomes_part_of_an_id(tmp_path: Path, region: str) -> None:
    """(A genre is one of types.genre's, none of them such a name.)"""
    corpus = tmp_path / "corpus"
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", PLAN, "--region", region])
    assert result.exit_code == 2
    assert "reserves for a device" in result.stderr and result.stderr.count("\n") == 1
    assert not (corpus.exists() and list(corpus.rglob("*.md")))


def _pipe(tmp_path: Path) -> Path:
    pipe = tmp_path / "source.txt"
    os.mkfifo(pipe)
    return pipe


@pytest.mark.parametrize("read", ["read_regular", "sha256_of"])
def test_a_named_pipe_or_a_device_is_refused_by_what_the_open_file_is(tmp_path: Path, read: str) -> None:
    """Asked of the open descriptor, never of the name first: opening a pipe to read it would
    wait for a writer for ever (a corpus from elsewhere may hold one, or swap one in)."""
    from corpusdiff.store import files

    def call(path: Path) -> object:
        return files.read_regular(path, 1000) if read == "read_regular" else files.sha256_of(path)

    for path, kind in ((_pipe(tmp_path), "a named pipe"), (Path("/dev/null"), "a device"), (tmp_path, "a directory")):
        with pytest.raises(files.NotARegularFile) as refused:
            call(path)
        assert refused.value.kind == kind


def test_read_regular_reads_a_file_up_to_its_limit_and_never_through_a_link(tmp_path: Path) -> None:
    from corpusdiff.store import files

    report = tmp_path / "report.txt"
    report.write_bytes(b"x" * 10)
    assert files.read_regular(report, 10) == b"x" * 10
    assert files.read_regular(report, 9) is None
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    with pytest.raises(OSError):
        files.read_regular(link, 10)
