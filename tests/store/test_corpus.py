"""Ingest into real git repositories in temporary directories."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import git
import pytest

from corpusdiff import DIALECT_VERSION
from corpusdiff.errors import CorpusError
from corpusdiff.store.corpus import entries, outline, read_document
from corpusdiff.store.ingest import ingest
from tests.conftest import SEEDS

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return tmp_path / "corpus"


def _log(root: Path) -> list[str]:
    return git.Repo(root, search_parent_directories=True).git.log("--format=%s").splitlines()


def test_ingest_initialises_a_repository_and_commits_each_report(corpus: Path) -> None:
    results = ingest(corpus, [PLAN_2022, PLAN_2025])
    assert [r.action for r in results] == ["added", "added"]
    assert [r.id for r in results] == ["futian/annual-plan/2022-01", "futian/annual-plan/2025-01"]
    assert (corpus / ".git").is_dir()
    assert _log(corpus) == ["ingest: futian/annual-plan/2025-01", "ingest: futian/annual-plan/2022-01"]


def test_commit_carries_provenance_trailers(corpus: Path) -> None:
    ingest(corpus, [PLAN_2022])
    message = git.Repo(corpus).head.commit.message
    assert "Source-sha256: c09c8b56640847e180f6c09c64b6d14b0895e96b7d0ee4b9ff6f2c2e626b1cdd" in message
    assert f"Dialect-version: {DIALECT_VERSION}" in message
    assert "Corpusdiff-version: " in message


def test_reingesting_an_unchanged_source_commits_nothing(corpus: Path) -> None:
    ingest(corpus, [PLAN_2022])
    head = git.Repo(corpus).head.commit.hexsha
    assert [r.action for r in ingest(corpus, [PLAN_2022])] == ["unchanged"]
    assert git.Repo(corpus).head.commit.hexsha == head


def test_a_normaliser_change_commits_only_the_changed_file(corpus: Path, monkeypatch) -> None:
    ingest(corpus, [PLAN_2022, PLAN_2025])
    import corpusdiff.store.ingest as ingest_module

    original = ingest_module.render

    def changed_render(document):  # a normaliser change that touches only the 2025 report
        text = original(document)
        return text.replace("二〇二五年一月", "二〇二五年一月（修订）")

    monkeypatch.setattr(ingest_module, "render", changed_render)
    results = ingest(corpus, [PLAN_2022, PLAN_2025])
    assert [r.action for r in results] == ["unchanged", "updated"]
    repo = git.Repo(corpus)
    assert repo.head.commit.message.startswith("renormalize: futian/annual-plan/2025-01")
    assert list(repo.head.commit.stats.files) == ["futian/annual-plan/2025-01.md"]


def test_sources_outside_the_repository_are_copied_in(corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "report.txt"
    outside.parent.mkdir()
    shutil.copyfile(PLAN_2022, outside)
    [result] = ingest(corpus, [outside])
    source = read_document(corpus, result.id).metadata.source
    assert source is not None and source.file == "sources/report.txt"
    assert (corpus / "sources" / "report.txt").read_bytes() == PLAN_2022.read_bytes()
    assert git.Repo(corpus).git.ls_files("sources/report.txt") == "sources/report.txt"
    (corpus / "sources" / "report.txt").unlink()
    assert [r.action for r in ingest(corpus, [outside])] == ["unchanged"]  # and the copy restored
    assert git.Repo(corpus).git.status("--porcelain") == ""


@pytest.mark.parametrize("one_run", [False, True])
def test_two_editions_downloaded_under_one_file_name_are_two_documents(
    corpus: Path, tmp_path: Path, one_run: bool
) -> None:
    """Every year's download is `政府工作报告.txt` in a folder of its own: the second is another
    report, never an update of the first, and each keeps its own raw copy under sources/."""
    files = []
    for year, seed in (("2022", PLAN_2022), ("2025", PLAN_2025)):
        path = tmp_path / year / "政府工作报告.txt"
        path.parent.mkdir()
        shutil.copyfile(seed, path)
        files.append(path)
    results = ingest(corpus, files) if one_run else [*ingest(corpus, files[:1]), *ingest(corpus, files[1:])]
    assert [r.action for r in results] == ["added", "added"]
    assert len({r.id for r in results}) == 2
    for result, path in zip(results, files, strict=True):
        source = read_document(corpus, result.id).metadata.source
        assert source is not None and (corpus / source.file).read_bytes() == path.read_bytes()
    assert git.Repo(corpus).git.status("--porcelain") == ""


def test_a_corrected_extraction_under_the_same_name_updates_its_document(corpus: Path, tmp_path: Path) -> None:
    """The same report again, a typo mended: the same region, genre and period keep the id."""
    path = tmp_path / "report.txt"
    shutil.copyfile(PLAN_2022, path)
    [first] = ingest(corpus, [path])
    path.write_text(PLAN_2022.read_text(encoding="utf-8").replace("持续", "继续", 1), encoding="utf-8")
    [second] = ingest(corpus, [path])
    assert (second.id, second.action) == (first.id, "updated")


def test_overrides_win_over_detection(corpus: Path) -> None:
    [result] = ingest(corpus, [PLAN_2022], {"title": "自定义标题", "series": "my-series"})
    metadata = read_document(corpus, result.id).metadata
    assert (metadata.title, metadata.series) == ("自定义标题", "my-series")


def test_manifest_supplies_a_missing_title(corpus: Path) -> None:
    corpus.mkdir()
    (corpus / "manifest.yaml").write_text(
        "futian-2021-14th-five-year-plan-outline.txt:\n  title: 深圳市福田区十四五规划纲要\n  date: '2021'\n",
        encoding="utf-8",
    )
    [result] = ingest(corpus, [SEEDS / "futian-2021-14th-five-year-plan-outline.txt"])
    document = read_document(corpus, result.id)
    assert result.id == "futian/five-year-plan/2021"
    assert outline(document)[0] == (1, "深圳市福田区十四五规划纲要")


def test_hand_edits_are_not_overwritten_without_force(corpus: Path, monkeypatch) -> None:
    [result] = ingest(corpus, [PLAN_2022])
    edited = result.path.read_text(encoding="utf-8") + "\n手工修订。\n"
    result.path.write_text(edited, encoding="utf-8")
    import corpusdiff.store.ingest as ingest_module

    original = ingest_module.render
    monkeypatch.setattr(ingest_module, "render", lambda d: original(d) + "\n")
    with pytest.raises(CorpusError, match="uncommitted changes"):
        ingest(corpus, [PLAN_2022])
    assert result.path.read_text(encoding="utf-8") == edited
    assert [r.action for r in ingest(corpus, [PLAN_2022], force=True)] == ["updated"]


def test_other_staged_changes_stay_out_of_ingest_commits(corpus: Path) -> None:
    ingest(corpus, [PLAN_2022])
    (corpus / "notes.txt").write_text("unrelated\n", encoding="utf-8")
    subprocess.run(["git", "add", "notes.txt"], cwd=corpus, check=True)
    ingest(corpus, [PLAN_2025])
    repo = git.Repo(corpus)
    assert "notes.txt" not in repo.head.commit.stats.files
    assert "notes.txt" in repo.git.diff("--cached", "--name-only")


def test_entries_lists_documents_only(corpus: Path) -> None:
    ingest(corpus, [PLAN_2022])
    (corpus / "alignments").mkdir()
    (corpus / "alignments" / "x.md").write_text("---\ndialect: '1'\n---\n", encoding="utf-8")
    assert [e.id for e in entries(corpus)] == ["futian/annual-plan/2022-01"]


def _commit_all(root: Path, message: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "Reviewer",
        "GIT_AUTHOR_EMAIL": "r@example.org",
        "GIT_COMMITTER_NAME": "Reviewer",
        "GIT_COMMITTER_EMAIL": "r@example.org",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", "commit", "-qam", message], cwd=root, check=True, env=env)


def test_hand_correction_survives_a_reingest(corpus: Path, monkeypatch) -> None:
    [result] = ingest(corpus, [PLAN_2022])
    fixed = result.path.read_text(encoding="utf-8").replace(
        "### （三）加快构建现代产业体\n", "### （三）加快构建现代产业体系\n"
    )
    result.path.write_text(fixed, encoding="utf-8")
    _commit_all(corpus, "fix truncated heading")
    # The normaliser is unchanged: the correction is kept, nothing is committed.
    [again] = ingest(corpus, [PLAN_2022])
    assert again.action == "kept" and any("hand corrections" in w for w in again.warnings)
    assert result.path.read_text(encoding="utf-8") == fixed
    # The normaliser changes elsewhere: the correction is carried onto the new output.
    import corpusdiff.store.ingest as ingest_module

    original = ingest_module.render
    monkeypatch.setattr(
        ingest_module, "render", lambda d: original(d).replace("二○二二年一月", "二〇二二年一月")
    )
    [changed] = ingest(corpus, [PLAN_2022])
    text = result.path.read_text(encoding="utf-8")
    assert changed.action == "updated" and "二〇二二年一月" in text and "（三）加快构建现代产业体系" in text
    assert _log(corpus)[:2] == [
        "carry hand corrections: futian/annual-plan/2022-01",
        "renormalize: futian/annual-plan/2022-01",
    ]
    # And once more: still kept, still nothing committed.
    assert [r.action for r in ingest(corpus, [PLAN_2022])] == ["kept"]


def test_conflicting_hand_correction_is_kept_and_explained(corpus: Path, monkeypatch) -> None:
    [result] = ingest(corpus, [PLAN_2022])
    fixed = result.path.read_text(encoding="utf-8").replace("二○二二年一月", "二〇二二年一月（手改）")
    result.path.write_text(fixed, encoding="utf-8")
    _commit_all(corpus, "hand edit of the date line")
    import corpusdiff.store.ingest as ingest_module

    original = ingest_module.render
    monkeypatch.setattr(
        ingest_module, "render", lambda d: original(d).replace("二○二二年一月", "二〇二二年1月")
    )
    [again] = ingest(corpus, [PLAN_2022])
    assert again.action == "kept"
    assert any("conflict" in w and "git diff" in w and "--force" in w for w in again.warnings)
    assert result.path.read_text(encoding="utf-8") == fixed


def test_a_bulk_ingest_commits_in_chunks_with_provenance_per_document(corpus: Path, monkeypatch) -> None:
    from corpusdiff.store import git as gitstore
    from corpusdiff.store import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "BULK_THRESHOLD", 2)
    monkeypatch.setattr(ingest_module, "COMMIT_CHUNK", 2)
    seeds = sorted(SEEDS.glob("*.txt"))
    results = ingest(corpus, seeds)
    assert len(_log(corpus)) == 3  # five documents, two to a commit
    assert _log(corpus)[-1] == "ingest: 2 documents"
    repo = git.Repo(corpus)
    for seed, result in zip(seeds, results, strict=True):
        [revision] = gitstore.history(repo, result.path)
        assert revision.sha == result.commit
        assert revision.kind == "new edition"
        assert revision.trailers["Source-sha256"] == result_sha(seed)
        assert revision.trailers["Source-file"].endswith(seed.name)


def result_sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_bulk_reingest_after_a_normaliser_change_carries_hand_corrections(
    corpus: Path, monkeypatch
) -> None:
    from corpusdiff.normalize import core as normalize
    from corpusdiff.store import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "BULK_THRESHOLD", 1)
    [first, _] = ingest(corpus, [PLAN_2022, PLAN_2025])
    text = first.path.read_text(encoding="utf-8")
    first.path.write_text(text.replace("福田区", "福田區", 1), encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "fix a typo by hand"], cwd=corpus, check=True)
    original = normalize.normalize_report

    def changed(raw, overrides=None, **kwargs):
        document = original(raw, overrides, **kwargs)
        return document.__class__(document.metadata, document.blocks[:-1], document.warnings)

    monkeypatch.setattr(normalize, "normalize_report", changed)
    monkeypatch.setattr("corpusdiff.normalize.entry.normalize_report", changed)
    results = ingest(corpus, [PLAN_2022, PLAN_2025])
    assert [r.action for r in results] == ["updated", "updated"]
    assert "福田區" in first.path.read_text(encoding="utf-8")
    assert _log(corpus)[:2] == [
        "carry hand corrections: futian/annual-plan/2022-01",
        "renormalize: 2 documents",
    ]


def test_an_alignments_forbid_may_name_one_side_a_pin_may_not() -> None:
    from corpusdiff.store.corpus import parse_overrides

    text = "pin:\n  - old: p12\n    new: 金融高地优势巩固\nforbid:\n  - old: p3\n  - new: ~\n    old: ¶7\n  - new: h4\n"
    found = parse_overrides(text, "a__b.yaml")
    assert found.pin == (("p12", "金融高地优势巩固"),)
    assert found.forbid == (("p3", ""), ("¶7", ""), ("", "h4"))


@pytest.mark.parametrize(
    "text",
    [
        "pin:\n  - old: p12\n",  # a pin needs both sides
        "forbid:\n  - {}\n",  # neither side
        "forbid:\n  - old: p3\n    nwe: p4\n",  # a misspelt side would forbid p3 every partner
        "forbid:\n  - old: [p3]\n    new: p4\n",
        "forbid: p3\n",
    ],
)
def test_a_malformed_alignments_entry_is_one_line_naming_the_file(text: str) -> None:
    from corpusdiff.store.corpus import parse_overrides

    with pytest.raises(CorpusError) as excinfo:
        parse_overrides(text, "a__b.yaml", "alignments/a__b.yaml")
    message = str(excinfo.value)
    assert message.startswith("alignments/a__b.yaml: `") and "\n" not in message
