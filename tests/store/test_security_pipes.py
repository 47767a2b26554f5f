"""Every file of a corpus is read as a regular file, told by the open descriptor (a corpus from
elsewhere is untrusted: docs/security.md). Before, the index, `show`, `diff`, the site's pages,
ingest, alignments, `check`'s second look at front matter and the cache looked at a name
(`is_file()`) and then opened it: a `.md` that is a named pipe, or becomes one in between, made
the command wait for a writer for ever. Now each is one line naming what the file is, and a
hang fails the test (a watchdog lets the reader go) instead of blocking it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from corpusdiff.cli.main import main
from corpusdiff.errors import CorpusError, InputError
from corpusdiff.store.corpus import Corpus
from tests.conftest import PLAN_SEEDS, seed_excerpts
from tests.pipes import swap_for_a_pipe, swap_once_looked_at, without_waiting

FIRST, SECOND = "futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    parent = tmp_path_factory.mktemp("pipes")
    reports = seed_excerpts(parent / "reports", PLAN_SEEDS[:2])
    root = parent / "c"
    assert CliRunner().invoke(main, ["--corpus", str(root), "ingest", *map(str, reports)]).exit_code == 0
    assert {p.relative_to(root).with_suffix("").as_posix() for p in root.rglob("*.md")} == {FIRST, SECOND}
    return root


@pytest.fixture
def corpus(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "c", symlinks=True))


def _invoke(corpus: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--corpus", str(corpus), *args])


def test_a_document_that_is_a_named_pipe_is_named_not_left_out_in_silence(corpus: Path) -> None:
    """Before, the index passed over it without a word (only `check` named it)."""
    pipe = corpus / "futian/annual-plan/2030-01.md"
    os.mkfifo(pipe)
    listed = without_waiting(lambda: _invoke(corpus, "list"), pipe)
    assert listed.exit_code == 0 and FIRST in listed.stdout
    assert listed.stderr.count("\n") == 1
    assert f"{pipe}: a named pipe, not a file; remove it; this command leaves it out" in listed.stderr
    shown = without_waiting(lambda: _invoke(corpus, "show", "futian/annual-plan/2030-01"), pipe)
    assert shown.exit_code == 2 and "Traceback" not in shown.output  # the warning of the index, then:
    assert shown.stderr.splitlines()[-1].startswith(f"corpusdiff: error: {pipe}: a named pipe, not a file; remove it")


def test_ingest_never_waits_on_a_document_that_is_a_named_pipe(corpus: Path, tmp_path: Path) -> None:
    """Before, ingest read the document it would replace after a look at its name: it waited."""
    pipe = corpus / f"{FIRST}.md"
    swap_for_a_pipe(pipe)
    [report] = seed_excerpts(tmp_path / "again", PLAN_SEEDS[:1])
    result = without_waiting(lambda: _invoke(corpus, "ingest", str(report)), pipe)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert f"{pipe}: a named pipe, not a file; remove it" in result.stderr
    assert "Traceback" not in result.output


def _read_document(corpus: Corpus) -> object:
    from corpusdiff.store.corpus import read_document

    return read_document(corpus, FIRST)


def _diff_side(corpus: Corpus) -> object:
    from corpusdiff.store.resolve import load_side

    return load_side(FIRST, corpus)


def _site_page(corpus: Corpus) -> object:
    from corpusdiff.site.build import _doc

    return _doc(corpus.find(FIRST), "")


@pytest.mark.parametrize("read", [_read_document, _diff_side, _site_page], ids=["read_document", "diff", "site"])
def test_a_document_swapped_for_a_pipe_after_the_index_is_one_line(
    corpus: Path, read: Callable[[Corpus], object]
) -> None:
    """The index has read the document's front matter; the body is read later, by then a pipe."""
    index = Corpus(corpus)
    assert index.find(FIRST)
    swap_for_a_pipe(corpus / f"{FIRST}.md")
    outcome = without_waiting(lambda: read(index), corpus / f"{FIRST}.md")
    assert isinstance(outcome, CorpusError)
    assert str(outcome) == f"{corpus / FIRST}.md: a named pipe, not a file; remove it"


def test_show_of_a_document_swapped_for_a_pipe_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    find = Corpus.find

    def find_then_swap(self: Corpus, doc_id: str) -> Any:
        entry = find(self, doc_id)
        swap_for_a_pipe(entry.path)
        return entry

    monkeypatch.setattr(Corpus, "find", find_then_swap)
    result = without_waiting(lambda: _invoke(corpus, "show", FIRST), corpus / f"{FIRST}.md")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "a named pipe, not a file; remove it" in result.stderr


def test_an_alignments_file_swapped_for_a_pipe_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corpusdiff.store.corpus import overrides_name

    path = corpus / overrides_name(FIRST, SECOND)
    path.parent.mkdir(exist_ok=True)
    path.write_text("pin: []\n", encoding="utf-8")
    swap_once_looked_at(monkeypatch, path)
    outcome = without_waiting(lambda: Corpus(corpus).overrides(FIRST, SECOND), path)
    assert isinstance(outcome, CorpusError) and str(outcome) == f"{path}: a named pipe, not a file; remove it"


def test_check_reads_each_document_once(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check read a document's bytes as a regular file, then its front matter again by name: a
    document swapped for a pipe in between was waited on."""
    from corpusdiff.store import files

    document = (corpus / f"{FIRST}.md").resolve()
    read_regular = files.read_regular

    def read_then_swap(path: Path, max_bytes: int) -> bytes | None:
        data = read_regular(path, max_bytes)
        if path == document:
            swap_for_a_pipe(document)
        return data

    monkeypatch.setattr(files, "read_regular", read_then_swap)
    result = without_waiting(lambda: _invoke(corpus, "check"), document)
    assert "Traceback" not in result.output and result.exit_code in (0, 1, 2)


def test_a_site_page_swapped_for_a_pipe_is_changed_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`_matches` hashed a page after its checks and outside its `try`: a page swapped for a pipe
    in between raised NotARegularFile out of the build; it is a page changed since the build."""
    from corpusdiff.site import output
    from corpusdiff.store import files

    page = tmp_path / "page.html"
    page.write_bytes(b"<p>page</p>")
    record = output.FileRecord(files.sha256_of(page), page.stat().st_size, mtime_ns=0)  # mtime differs: hashed
    sha256_of = files.sha256_of

    def swap_then_hash(path: Path) -> str:
        swap_for_a_pipe(path)
        return sha256_of(path)

    monkeypatch.setattr(files, "sha256_of", swap_then_hash)
    assert without_waiting(lambda: output._matches(page, record), page) is False


def test_a_cache_entry_that_is_a_named_pipe_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corpusdiff.store import cache

    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path / "cache"))
    cache.save("a test", ["a key"], [1, 2])
    assert cache.load("a test", ["a key"]) == [1, 2]
    located = cache._path("a test", ["a key"])
    assert located is not None
    swap_for_a_pipe(located[0])
    assert without_waiting(lambda: cache.load("a test", ["a key"]), located[0]) is None


def test_the_diff_driver_names_a_side_that_is_a_named_pipe(tmp_path: Path) -> None:
    from corpusdiff.workflow.gitdriver import _side

    pipe = tmp_path / "2022-01.md"
    os.mkfifo(pipe)
    outcome = without_waiting(lambda: _side(str(pipe)), pipe)
    assert isinstance(outcome, InputError) and str(outcome) == f"{pipe}: a named pipe, not a file; remove it"


def test_a_git_pointer_file_swapped_for_a_pipe_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `.git` file (`gitdir: …`) is read before any git command: looked at, then opened."""
    from corpusdiff.store.gitconfig import repository_of

    dot_git = tmp_path / "c" / ".git"
    dot_git.parent.mkdir()
    dot_git.write_text("gitdir: ../elsewhere/.git\n", encoding="utf-8")
    swap_once_looked_at(monkeypatch, dot_git)
    outcome = without_waiting(lambda: repository_of(dot_git.parent), dot_git)
    assert isinstance(outcome, CorpusError) and str(outcome) == f"{dot_git}: a named pipe, not a file; remove it"


def test_git_never_reads_a_configuration_again_that_was_swapped_for_a_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A configuration naming a key to check was read as a regular file, then handed to `git
    config --file` by name, which opened it again: swapped for a pipe in between, git waited."""
    import subprocess

    from corpusdiff.store import files
    from corpusdiff.store.gitconfig import refuse_unsafe_config

    subprocess.run(["git", "init", "-q", str(tmp_path / "c")], check=True)
    config = tmp_path / "c" / ".git" / "config"
    (tmp_path / "c" / "extra.cfg").write_text("[user]\n\tname = x\n", encoding="utf-8")
    with config.open("a", encoding="utf-8") as handle:
        handle.write("[include]\n\tpath = ../extra.cfg\n")
    read_regular = files.read_regular

    def read_then_swap(path: Path, max_bytes: int) -> bytes | None:
        data = read_regular(path, max_bytes)
        if path == config.resolve():
            swap_for_a_pipe(config)
        return data

    monkeypatch.setattr(files, "read_regular", read_then_swap)
    assert without_waiting(lambda: refuse_unsafe_config(tmp_path / "c"), config) is None


def test_check_names_a_document_that_is_a_pipe_once_not_on_every_notes_file(corpus: Path) -> None:
    """check reads each notes file's pair through the index, which stopped at the pipe: the notes
    file was said to be `…/2030-01.md: a named pipe…` too (so with a broken front matter)."""
    from corpusdiff.store.notes import notes_name

    notes = corpus / notes_name(FIRST, SECOND)
    notes.parent.mkdir(exist_ok=True)
    notes.write_text("notes: []\n", encoding="utf-8")
    pipe = corpus / "futian/annual-plan/2030-01.md"
    os.mkfifo(pipe)
    result = without_waiting(lambda: _invoke(corpus, "check"), pipe)
    assert [line for line in result.output.splitlines() if "named pipe" in line] == [
        f"{pipe}: a named pipe, not a file; remove it"
    ]
