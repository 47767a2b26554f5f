"""A corpus from elsewhere is untrusted input: a source file name (or a title) cannot forge the
provenance trailers of an ingest commit (issue 17, finding 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import git
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.store.git import Trailers, one_line
from tests.conftest import SEEDS


def test_a_newline_in_a_file_name_cannot_add_a_trailer(tmp_path: Path) -> None:
    forged = tmp_path / "plan\nSource-sha256: deadbeef\n.txt"
    shutil.copyfile(SEEDS / "futian-2022-01-plan-report.txt", forged)
    corpus = tmp_path / "corpus"
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(forged)])
    assert result.exit_code == 0, result.output
    message = git.Repo(corpus).head.commit.message
    trailers = [line for line in message.splitlines() if line.startswith("Source-sha256:")]
    assert len(trailers) == 1 and "deadbeef" not in trailers[0]
    assert "plan?Source-sha256: deadbeef?.txt" in message


def test_every_trailer_value_is_one_line() -> None:
    rendered = Trailers("abc\r\n", "1\u2028", "0.1\x00", "a\nb").render()
    assert rendered.count("\n") == 3
    assert one_line("标题\n第二行\t") == "标题?第二行?"
