"""A corpus from elsewhere is untrusted input: a source file name (or a title) cannot forge the
provenance trailers of an ingest commit (issue 17, finding 6), nor a front matter the recorded
sha256 of a source (finding 13)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import git
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.store.git import Trailers, one_line
from tests.conftest import SEEDS
from tests.hostile import IDENTITY


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


def test_a_wrong_sha256_in_front_matter_does_not_survive_a_reingest(tmp_path: Path) -> None:
    """Issue 17, finding 13: the recorded sha256 is provenance, recomputed from the source's
    bytes on every ingest, never kept as if it were a hand correction; a real hand correction
    committed with it is kept."""
    plan = SEEDS / "futian-2022-01-plan-report.txt"
    true_sha = hashlib.sha256(plan.read_bytes()).hexdigest()
    corpus = tmp_path / "corpus"
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(plan)]).exit_code == 0
    document = corpus / "futian/annual-plan/2022-01.md"
    text = document.read_text(encoding="utf-8")
    assert "加快构建现代产业体\n" in text  # the truncated heading of the raw report
    forged = text.replace(true_sha, "0" * 64).replace("加快构建现代产业体\n", "加快构建现代产业体系\n")
    document.write_text(forged, encoding="utf-8")
    repo = git.Repo(corpus)
    repo.git.commit("-qam", "fix heading", env=IDENTITY)
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(plan)])
    assert result.exit_code == 0, result.output
    text = document.read_text(encoding="utf-8")
    assert f"sha256: {true_sha}\n" in text and "0" * 64 not in text
    assert "加快构建现代产业体系\n" in text  # the hand correction stays
    assert repo.git.status("--porcelain") == ""
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "check"]).exit_code == 0


def test_log_shows_a_commit_message_s_escape_sequences_as_text(tmp_path: Path) -> None:
    """A contribution's commit message is theirs: `log` printed its subject as it was, so an
    OSC 52 sequence set the reader's clipboard and `ESC[2J` cleared the screen."""
    corpus = tmp_path / "c"
    assert (
        CliRunner()
        .invoke(main, ["--corpus", str(corpus), "ingest", str(SEEDS / "futian-2022-01-plan-report.txt")])
        .exit_code
        == 0
    )
    document = corpus / "futian/annual-plan/2022-01.md"
    document.write_text(document.read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    repo = git.Repo(corpus)
    repo.git.commit("-qam", "fix\x1b]52;c;ZXZpbA==\x07\x1b[2J typo", env=IDENTITY)
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "log", "futian/annual-plan/2022-01"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "fix␛]52;c;ZXZpbA==␇␛[2J typo" in result.stdout
