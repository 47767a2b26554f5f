"""A genre is part of the id (`<region>/<genre>/<date>`) and names the series family, and
docs/corpus.md lists the genres it may be. Before, `ingest --genre /abs` made the id
`futian/abs/2022-01` and a typo (`anual-plan`) a series of its own, without a word; now a genre
given by hand that corpusdiff does not define is refused in one line naming the known ones,
before anything is written."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.types.genre import GENRES
from tests.conftest import SEEDS, seed_excerpts
from tests.hostile import assert_one_line_refusal

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
MID_YEAR = SEEDS / "futian-2023-10-mid-year-plan-report.txt"


def cli(corpus: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args])
    return result.exit_code, result.stdout, result.stderr


def commit_all(corpus: Path) -> None:
    subprocess.run(["git", "-C", str(corpus), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(corpus), "commit", "-qm", "hand edit"], check=True)


def clean_status(corpus: Path) -> bool:
    status = subprocess.run(["git", "-C", str(corpus), "status", "--porcelain"], capture_output=True, text=True)
    return status.stdout == ""


@pytest.mark.parametrize("genre", ["/abs", "anual-plan", "Annual-Plan", "../x"])
@pytest.mark.parametrize("command", ["normalize", "ingest"])
def test_a_genre_option_corpusdiff_does_not_define_is_refused(tmp_path: Path, command: str, genre: str) -> None:
    (plan,) = seed_excerpts(tmp_path / "reports", [PLAN_2022])
    corpus = tmp_path / "c"
    result = CliRunner().invoke(main, ["--corpus", str(corpus), command, str(plan), "--genre", genre])
    assert_one_line_refusal(result, "--genre", repr(genre), *GENRES)
    assert not corpus.exists()


def test_a_genre_corpusdiff_defines_names_the_id(tmp_path: Path) -> None:
    (plan,) = seed_excerpts(tmp_path / "reports", [PLAN_2022])
    corpus = tmp_path / "c"
    code, _, err = cli(corpus, "ingest", str(plan), "--genre", "budget-report")
    assert code == 0, err
    assert [p.relative_to(corpus).as_posix() for p in corpus.rglob("*.md")] == ["futian/budget-report/2022-01.md"]


@pytest.mark.parametrize("command", ["normalize", "ingest"])
def test_a_manifest_genre_corpusdiff_does_not_define_is_refused(tmp_path: Path, command: str) -> None:
    plan, mid_year = seed_excerpts(tmp_path / "reports", [PLAN_2022, MID_YEAR])
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", str(plan))[0] == 0
    (corpus / "manifest.yaml").write_text(f"{mid_year.name}:\n  genre: mid-year-reprot\n", encoding="utf-8")
    commit_all(corpus)
    result = CliRunner().invoke(main, ["--corpus", str(corpus), command, str(mid_year)])
    assert_one_line_refusal(result, "manifest.yaml", mid_year.name, "'mid-year-reprot'", *GENRES)
    assert clean_status(corpus) and len(list(corpus.rglob("*.md"))) == 1
    code, out, _ = cli(corpus, "check")
    assert code == 1 and "'mid-year-reprot'" in out


def test_check_names_a_document_whose_genre_corpusdiff_does_not_define(tmp_path: Path) -> None:
    """A corpus from elsewhere, or one an earlier corpusdiff ingested with such a genre."""
    (plan,) = seed_excerpts(tmp_path / "reports", [PLAN_2022])
    corpus = tmp_path / "c"
    assert cli(corpus, "ingest", str(plan))[0] == 0
    (document,) = corpus.rglob("*.md")
    document.write_text(
        document.read_text(encoding="utf-8").replace("genre: annual-plan\n", "genre: speech\n", 1), encoding="utf-8"
    )
    commit_all(corpus)
    code, out, _ = cli(corpus, "check")
    assert code == 1
    assert [line for line in out.splitlines() if "genre" in line] == [
        f"{document}: front matter: genre 'speech' is not a genre corpusdiff knows; give one of "
        f"{', '.join(GENRES)}: `git rm` the document and ingest its source again with --genre"
    ]


def test_a_library_caller_s_genre_is_refused_too(tmp_path: Path) -> None:
    from corpusdiff.errors import CorpusError
    from corpusdiff.store.ingest import ingest

    (plan,) = seed_excerpts(tmp_path / "reports", [PLAN_2022])
    with pytest.raises(CorpusError, match="'speech' is not a genre corpusdiff knows"):
        ingest(tmp_path / "c", [plan], {"genre": "speech"})
    assert not (tmp_path / "c").exists()
