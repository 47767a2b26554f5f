"""One report ingested twice from two sources (a UTF-8 file and a GBK copy, a text file and a
portal page, a .txt and its .docx) would be two editions of its series. By default ingest
refuses the second, naming the document, and leaves the corpus exactly as it was; `--replace`
makes the new file that document's source (a new revision, its provenance in the commit);
`--as-new` adds it beside the other and warns."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.canonical.markdown import read_metadata
from corpusdiff.cli.main import main
from corpusdiff.errors import CorpusError
from corpusdiff.store import git as gitstore
from corpusdiff.store.ingest import SAME_REPORT, SecondSource, ingest
from corpusdiff.text.chars import han_bigrams, han_likeness
from corpusdiff.workflow.check import check_corpus
from tests.conftest import SEEDS

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"


@pytest.fixture
def gbk_copy(tmp_path: Path) -> Path:
    """The 2022 plan as another source would give it: GBK, CRLF line ends."""
    copy = tmp_path / "incoming" / "plan-2022-gbk.txt"
    copy.parent.mkdir()
    text = PLAN_2022.read_text(encoding="utf-8").replace("\n", "\r\n")
    copy.write_bytes(text.encode("gbk", errors="strict"))
    return copy


def _twin_warnings(warnings: tuple[str, ...]) -> list[str]:
    return [w for w in warnings if w.startswith("the same report as ")]


def _state(corpus: Path) -> tuple[str, dict[str, bytes]]:
    """HEAD and every file of the corpus outside .git, to show a refusal changed nothing."""
    repo = gitstore.open_repo(corpus)
    files = {
        p.relative_to(corpus).as_posix(): p.read_bytes()
        for p in sorted(corpus.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(corpus).parts
    }
    return repo.head.commit.hexsha, files


def test_a_second_source_of_an_ingested_report_is_refused_naming_it(tmp_path: Path, gbk_copy: Path) -> None:
    corpus = tmp_path / "corpus"
    (first,) = ingest(corpus, [PLAN_2022])
    before = _state(corpus)
    with pytest.raises(CorpusError) as refused:
        ingest(corpus, [gbk_copy])
    message = str(refused.value)
    assert message.startswith(f"{gbk_copy.name}: the same report as {first.id} (")
    assert "--replace" in message and "--as-new" in message and "\n" not in message
    assert _state(corpus) == before


def test_twins_in_one_run_are_refused_before_anything_is_written(tmp_path: Path, gbk_copy: Path) -> None:
    corpus = tmp_path / "corpus"
    ingest(corpus, [PLAN_2025])
    before = _state(corpus)
    with pytest.raises(CorpusError, match="given earlier in this run"):
        ingest(corpus, [PLAN_2022, gbk_copy], second_source=SecondSource.REPLACE)
    with pytest.raises(CorpusError, match="--as-new"):
        ingest(corpus, [PLAN_2022, gbk_copy])
    assert _state(corpus) == before


def test_replace_makes_the_new_file_the_documents_source(tmp_path: Path, gbk_copy: Path) -> None:
    corpus = tmp_path / "corpus"
    (first,) = ingest(corpus, [PLAN_2022])
    (second,) = ingest(corpus, [gbk_copy], second_source=SecondSource.REPLACE)
    assert (second.id, second.action) == (first.id, "updated")
    assert sorted(p.name for p in corpus.rglob("*.md")) == [first.path.name]
    source = read_metadata(first.path.read_text(encoding="utf-8")).source
    assert source is not None and source.file.endswith(gbk_copy.name) and source.encoding != "utf-8"
    repo = gitstore.open_repo(corpus)
    (latest, *_) = gitstore.history(repo, first.path)
    assert (
        latest.trailers["Source-sha256"]
        == source.sha256
        != read_metadata(gitstore.file_at_revision(repo, first.path, "HEAD~1")).source.sha256
    )  # type: ignore[union-attr]


def test_as_new_adds_a_second_document_and_names_its_twin(tmp_path: Path, gbk_copy: Path) -> None:
    corpus = tmp_path / "corpus"
    (first,) = ingest(corpus, [PLAN_2022])
    (second,) = ingest(corpus, [gbk_copy], second_source=SecondSource.AS_NEW)
    assert second.action == "added" and second.id != first.id
    (warning,) = _twin_warnings(second.warnings)
    assert warning.startswith(f"the same report as {first.id} (")


def test_twins_in_one_run_added_as_new_are_named_too(tmp_path: Path, gbk_copy: Path) -> None:
    first, second = ingest(tmp_path / "corpus", [PLAN_2022, gbk_copy], second_source=SecondSource.AS_NEW)
    assert second.id != first.id and first.path.exists() and second.path.exists()
    assert not _twin_warnings(first.warnings)
    assert _twin_warnings(second.warnings) == [
        w for w in second.warnings if w.startswith(f"the same report as {first.id} (")
    ]
    assert _twin_warnings(second.warnings)


def test_another_edition_of_the_series_is_no_twin(tmp_path: Path) -> None:
    results = ingest(tmp_path / "corpus", [PLAN_2022, PLAN_2025])
    assert not any(_twin_warnings(r.warnings) for r in results)


def test_the_same_report_again_is_unchanged_not_a_twin(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    ingest(corpus, [PLAN_2022])
    (again,) = ingest(corpus, [PLAN_2022])
    assert again.action == "unchanged" and not _twin_warnings(again.warnings)


def test_likeness_separates_one_report_from_two_years() -> None:
    plan_2022 = han_bigrams(PLAN_2022.read_text(encoding="utf-8"))
    plan_2025 = han_bigrams(PLAN_2025.read_text(encoding="utf-8"))
    assert han_likeness(plan_2022, plan_2022) == 1.0
    assert han_likeness(plan_2022, plan_2025) < SAME_REPORT / 2
    assert han_likeness(frozenset(), frozenset()) == 0.0


def test_the_cli_refuses_a_second_source_with_one_line_and_exit_2(tmp_path: Path, gbk_copy: Path) -> None:
    corpus = tmp_path / "corpus"
    (first,) = ingest(corpus, [PLAN_2022])
    before = _state(corpus)
    refused = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(gbk_copy)])
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    (line,) = refused.stderr.strip().splitlines()
    assert first.id in line and "--replace" in line and "--as-new" in line
    assert _state(corpus) == before
    both = CliRunner().invoke(
        main, ["--corpus", str(corpus), "ingest", "--replace", "--as-new", str(gbk_copy)]
    )
    assert both.exit_code == 2 and "contradict" in both.stderr
    replaced = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", "--replace", str(gbk_copy)])
    assert replaced.exit_code == 0 and replaced.stdout.split()[:2] == ["updated", first.id]


def test_replace_removes_the_old_source_in_the_same_commit(tmp_path: Path, gbk_copy: Path) -> None:
    """The replaced file leaves `sources/` in the commit that names the new one (its sha256 and
    the old one's in the trailers); git's history keeps the old bytes."""
    corpus = tmp_path / "corpus"
    (first,) = ingest(corpus, [PLAN_2022])
    assert sorted(p.name for p in (corpus / "sources").iterdir()) == [PLAN_2022.name]
    ingest(corpus, [gbk_copy], second_source=SecondSource.REPLACE)
    assert sorted(p.name for p in (corpus / "sources").iterdir()) == [gbk_copy.name]
    repo = gitstore.open_repo(corpus)
    assert repo.git.status("--porcelain") == ""
    changed = repo.git.show("--name-status", "--format=", "HEAD").splitlines()
    assert sorted(changed) == sorted(
        [
            f"D\tsources/{PLAN_2022.name}",
            f"A\tsources/{gbk_copy.name}",
            f"M\t{first.path.relative_to(corpus).as_posix()}",
        ]
    )
    old_sha = hashlib.sha256(PLAN_2022.read_bytes()).hexdigest()
    new_sha = hashlib.sha256(gbk_copy.read_bytes()).hexdigest()
    (latest, before) = gitstore.history(repo, first.path)
    assert latest.kind == "source update" and latest.subject.startswith("replace source: ")
    assert latest.trailers["Source-sha256"] == new_sha
    assert latest.trailers["Replaced-source-sha256"] == old_sha
    assert latest.trailers["Replaced-source-file"] == f"sources/{PLAN_2022.name}"
    kept = (repo.commit(before.sha).tree / f"sources/{PLAN_2022.name}").data_stream.read()
    assert kept == PLAN_2022.read_bytes()
    assert check_corpus(corpus) == []
    (again,) = ingest(corpus, [gbk_copy])
    assert again.action == "unchanged"


def test_replace_never_removes_a_source_another_document_names(tmp_path: Path, gbk_copy: Path) -> None:
    """The old source is read from the last ingest commit's trailers, which anyone can write: a
    commit naming the 2025 plan's source as the 2022 plan's does not make --replace remove it."""
    corpus = tmp_path / "corpus"
    first, other = ingest(corpus, [PLAN_2022, PLAN_2025])
    repo = gitstore.open_repo(corpus)
    other_source = read_metadata(other.path.read_text(encoding="utf-8")).source
    assert other_source is not None
    with first.path.open("a", encoding="utf-8") as document:
        document.write("\n手工更正。\n")
    forged = gitstore.Trailers(other_source.sha256, "1", "0", other_source.file)
    gitstore.commit_paths(repo, [first.path], f"update source: {first.id}\n\n{forged.render()}")
    ingest(corpus, [gbk_copy], second_source=SecondSource.REPLACE)
    assert (corpus / other_source.file).read_bytes() == PLAN_2025.read_bytes()
    # the 2022 plan's first source, which the forged trailers hid from --replace, is left over
    problems = check_corpus(corpus)
    assert [(p.path.name, "the source of no document" in p.message) for p in problems] == [
        (PLAN_2022.name, True)
    ]


def test_every_twin_of_a_run_is_named_at_once(tmp_path: Path, gbk_copy: Path) -> None:
    """A folder of portal pages beside their text copies: one line names each pair, so one run
    shows them all."""
    corpus = tmp_path / "corpus"
    copy_2025 = tmp_path / "copy-2025.txt"
    copy_2025.write_bytes(PLAN_2025.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(CorpusError) as refused:
        ingest(corpus, [PLAN_2022, gbk_copy, PLAN_2025, copy_2025])
    message = str(refused.value)
    assert message.startswith("2 reports given are the same report as another")
    assert f"{gbk_copy.name} = {PLAN_2022.name}" in message and f"{copy_2025.name} = {PLAN_2025.name}" in message
    assert not corpus.exists() or not list(corpus.rglob("*.md"))
