"""The corpus index: read once per command (front matter only), looked up by id and series."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import corpusdiff.store.corpus as corpus_module
from corpusdiff.cli.main import main
from corpusdiff.errors import CorpusError
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
PLAN_IDS = ["futian/annual-plan/2022-01", "futian/mid-year-report/2023-10", "futian/annual-plan/2025-01"]


@pytest.fixture
def front_matter_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the corpus index parsed each document's front matter, by document id."""
    reads: Counter[str] = Counter()
    real = corpus_module.read_metadata

    def counting(text: str):  # type: ignore[no-untyped-def]
        metadata = real(text)
        reads[metadata.id] += 1
        return metadata

    monkeypatch.setattr(corpus_module, "read_metadata", counting)
    return reads


def all_ids() -> list[str]:
    return sorted(p.relative_to(CORPUS).with_suffix("").as_posix() for p in CORPUS.rglob("*.md"))


def test_timeline_of_a_series_reads_each_front_matter_once(front_matter_reads: Counter[str]) -> None:
    result = CliRunner().invoke(
        main, ["--corpus", str(CORPUS), "timeline", "--series", "futian-plan", "-f", "json", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.stdout)["editions"]] == PLAN_IDS
    assert dict(front_matter_reads) == dict.fromkeys(all_ids(), 1)


def test_terms_of_a_series_reads_each_front_matter_once(front_matter_reads: Counter[str]) -> None:
    result = CliRunner().invoke(
        main, ["--corpus", str(CORPUS), "terms", "--series", "futian-plan", "-f", "json", "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    assert dict(front_matter_reads) == dict.fromkeys(all_ids(), 1)


def test_diff_of_two_files_does_not_read_the_corpus(front_matter_reads: Counter[str]) -> None:
    wikisource = Path("/work/shared/corpora/national-gwr/wikisource")
    old, new = ROOT / "seeds/futian-2022-01-plan-report.txt", ROOT / "seeds/futian-2025-01-plan-report.txt"
    if wikisource.is_dir():
        old, new = wikisource / "2021.txt", wikisource / "2022.txt"
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "diff", str(old), str(new), "-f", "json"])
    assert result.exit_code == 1, result.output
    assert not front_matter_reads


def test_corpus_finds_ids_and_series_from_one_reading(front_matter_reads: Counter[str]) -> None:
    from corpusdiff.store.corpus import Corpus

    corpus = Corpus(CORPUS)
    assert corpus.find("futian/annual-plan/2025-01").metadata.date == "2025-01"
    assert [e.id for e in corpus.series("futian-plan")] == PLAN_IDS
    assert [e.id for e in corpus.entries] == all_ids()
    assert dict(front_matter_reads) == dict.fromkeys(all_ids(), 1)
    with pytest.raises(
        CorpusError, match=r"no document 'futian/nope'.*known ids: futian/annual-plan/2022-01"
    ):
        corpus.find("futian/nope")
    assert corpus.series("nope") == ()


def test_corpus_overrides_of_a_pair(tmp_path: Path) -> None:
    from corpusdiff.store.corpus import Corpus

    (tmp_path / "alignments").mkdir()
    (tmp_path / "alignments/a.x__b.y.yaml").write_text("forbid:\n  - {old: 甲, new: 乙}\n", encoding="utf-8")
    corpus = Corpus(tmp_path)
    overrides = corpus.overrides("a/x", "b/y")
    assert overrides.forbid == (("甲", "乙"),) and overrides.source == "alignments/a.x__b.y.yaml"
    assert corpus.overrides("b/y", "a/x").forbid == ()
    assert corpus.overrides("", "b/y").source == ""


def test_terms_names_editions_as_timeline_does() -> None:
    """One edition loader: a document at a revision is `ID@REV` in terms too (it was named by
    its id, so comparing a document with an earlier revision of itself was refused)."""
    doc = "futian/annual-plan/2022-01"
    args = ["--corpus", str(CORPUS), "terms", f"{doc}@HEAD", doc, "-f", "json", "--limit", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.stdout)["editions"]] == [f"{doc}@HEAD", doc]
    timeline = CliRunner().invoke(
        main, ["--corpus", str(CORPUS), "timeline", f"{doc}@HEAD", doc, "-f", "json"]
    )
    assert [e["id"] for e in json.loads(timeline.stdout)["editions"]] == [f"{doc}@HEAD", doc]


@pytest.fixture
def one_broken(tmp_path: Path) -> Path:
    """Two plans, the 2025 one with a date YAML cannot read (2024-13-45)."""
    for doc_id in ("futian/annual-plan/2022-01", "futian/annual-plan/2025-01"):
        target = tmp_path / "c" / f"{doc_id}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((ROOT / "corpus" / f"{doc_id}.md").read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "c" / "futian/annual-plan/2025-01.md"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("\ndate: 2025-01\n", "\ndate: 2024-13-45\n", 1), encoding="utf-8")
    return tmp_path / "c"


def test_one_broken_front_matter_is_left_out_with_a_warning(one_broken: Path) -> None:
    """One bad file made `list` and every command that reads the index fail outright."""
    with pytest.raises(CorpusError, match=r"2025-01\.md: front matter"):
        corpus_module.Corpus(one_broken).entries  # noqa: B018 - strict by default (ingest, site)
    warned: list[str] = []
    corpus = corpus_module.Corpus(one_broken, warn=warned.append)
    assert [e.id for e in corpus.entries] == ["futian/annual-plan/2022-01"]
    [line] = warned
    assert line.startswith(f"{one_broken / 'futian/annual-plan/2025-01.md'}: front matter: ")
    assert "this command leaves it out" in line
    with pytest.raises(CorpusError, match=r"2025-01\.md: front matter"):
        corpus.find("futian/annual-plan/2025-01")


def test_list_shows_the_other_documents_and_one_warning_line(one_broken: Path) -> None:
    result = CliRunner().invoke(main, ["--corpus", str(one_broken), "list"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["futian/annual-plan/2022-01"]
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("corpusdiff: warning: ")
    assert "2025-01.md: front matter" in result.stderr
