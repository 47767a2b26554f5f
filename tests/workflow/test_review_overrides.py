"""Every entry point alike: `review` and the git diff driver honour the reviewer overrides in
`corpus/alignments/` as `diff` does, and they cache their comparisons as `diff` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, empty_cache_with_index
from tests.workflow.test_workflow import cli, git_run

#: Started first under xdist (tests/conftest.py): the git diff driver runs as a process.
pytestmark = pytest.mark.slow

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"
OLD_ID, NEW_ID = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
PAIR_FILE = "alignments/futian.annual-plan.2022-01__futian.annual-plan.2025-01.yaml"
SELF_FILE = "alignments/futian.annual-plan.2022-01__futian.annual-plan.2022-01.yaml"
# Sections the differ pairs on its own (diff 2022-01 → 2025-01): a reviewer forbids that pairing
# and pins the new section to a section the differ calls dropped.
FORBID_OLD, FORBID_NEW = "紧抓经济复苏主线，积极融入“双循环”发展格局", "高质量发展稳步推进"
PIN_OLD = "坚持生命至上人民至上，疫情防控取得重要成效"


def diff_entries(cache: Path) -> list[str]:
    """The keys of the cached comparisons (an entry's file name is its key's digest), whatever
    generation holds them: the generation is a stamp of corpusdiff's code, which each process
    takes once, when it first uses the cache, so a source file edited while the suite runs puts
    the git driver's subprocess in another generation than the test's own process."""
    return sorted({path.name for path in cache.glob("*/diffs/*.json")})


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh result cache for this test (and the git driver it starts), empty but for jieba's
    dictionary index."""
    path = empty_cache_with_index(tmp_path / "cache")
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(path))
    return path


def plans_on_branches(root: Path) -> Path:
    """A corpus at `root`: the 2022 plan on main, the 2025 plan on `feature` (checked out)."""
    assert cli(root, "ingest", str(PLAN_2022)).exit_code == 0
    git_run(root, "branch", "-M", "main")
    git_run(root, "checkout", "-qb", "feature")
    assert cli(root, "ingest", str(PLAN_2025)).exit_code == 0
    return root


@pytest.fixture
def branched(tmp_path: Path) -> Path:
    """2022-01 on main; 2025-01 and the reviewer's overrides for the pair on `feature`."""
    root = plans_on_branches(tmp_path / "c")
    (root / "alignments").mkdir()
    (root / PAIR_FILE).write_text(
        f"forbid:\n  - old: {FORBID_OLD}\n    new: {FORBID_NEW}\n"
        f"pin:\n  - old: {PIN_OLD}\n    new: {FORBID_NEW}\n",
        encoding="utf-8",
    )
    git_run(root, "add", "alignments")
    git_run(root, "commit", "-qm", "review: section pairings of 2022-01 → 2025-01")
    return root


def _pairs(diff: dict) -> set[tuple[str, str, bool]]:
    return {
        (s["old"]["heading"], s["new"]["heading"], s["pinned"])
        for s in diff["sections"]
        if s["old"] and s["new"]
    }


def test_diff_honours_the_overrides_as_the_reference(branched: Path) -> None:
    result = cli(branched, "diff", OLD_ID, NEW_ID, "-f", "json")
    pairs = _pairs(json.loads(result.stdout))
    assert (PIN_OLD, FORBID_NEW, True) in pairs
    assert not any(old == FORBID_OLD and new == FORBID_NEW for old, new, _ in pairs)


def test_review_applies_the_overrides_of_the_pair_it_compares(branched: Path, cache: Path) -> None:
    result = cli(branched, "review", "main..feature", "-f", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.stdout)
    assert (item["id"], item["change"], item["against"]) == (NEW_ID, "new edition", OLD_ID)
    notes = item["diff"]["overrides"]
    assert f"forbidden by {PAIR_FILE}: {FORBID_OLD} ≠ {FORBID_NEW}" in notes
    assert f"pinned by {PAIR_FILE}: {PIN_OLD} = {FORBID_NEW}" in notes
    pairs = _pairs(item["diff"])
    assert (PIN_OLD, FORBID_NEW, True) in pairs
    assert not any(old == FORBID_OLD and new == FORBID_NEW for old, new, _ in pairs)
    # the same comparison `diff` makes of the same pair
    reference = cli(branched, "diff", OLD_ID, NEW_ID, "-f", "json")
    assert item["diff"] == json.loads(reference.stdout)
    markdown = cli(branched, "review", "main..feature", "-f", "markdown", "-j", "1").stdout
    assert PAIR_FILE.replace("_", "\\_") + " 禁止二者对应：" in markdown  # Markdown-escaped, in the reader's language
    terminal = cli(branched, "review", "main..feature", "-j", "1").stdout
    assert f"审阅设定：{PAIR_FILE} 禁止二者对应：{FORBID_OLD} ≠ {FORBID_NEW}" in terminal
    assert "forbidden by" not in terminal  # no English inside the Chinese report


def test_review_of_a_revision_uses_the_overrides_of_the_document_with_itself(
    branched: Path, cache: Path
) -> None:
    path = branched / f"{OLD_ID}.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8"
    )
    heading = "2021年国民经济和社会发展计划执行情况"
    (branched / SELF_FILE).write_text(f"forbid:\n  - old: {heading}\n    new: {heading}\n", encoding="utf-8")
    git_run(branched, "add", ".")
    git_run(branched, "commit", "-qm", "hand correction")
    result = cli(branched, "review", "main..feature", "-f", "json", "-j", "1")
    items = {item["id"]: item for item in json.loads(result.stdout)}
    revised = items[OLD_ID]
    assert revised["change"] == "revised"
    assert f"forbidden by {SELF_FILE}: {heading} ≠ {heading}" in revised["diff"]["overrides"]
    assert (heading, heading, False) not in _pairs(revised["diff"])
    reference = cli(branched, "diff", f"{OLD_ID}@main", OLD_ID, "-f", "json")
    assert revised["diff"] == json.loads(reference.stdout)


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """A corpus with the git diff driver installed and an uncommitted edit of 2022-01."""
    root = tmp_path / "c"
    assert cli(root, "ingest", str(PLAN_2022), str(PLAN_2025)).exit_code == 0
    assert cli(root, "git", "install").exit_code == 0
    path = root / f"{OLD_ID}.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8"
    )
    return root


def test_git_diff_driver_applies_the_overrides_of_the_document(edited: Path, cache: Path) -> None:
    heading = "2021年国民经济和社会发展计划执行情况"
    before = git_run(edited, "diff")
    assert before.startswith(f"corpusdiff {OLD_ID}.md\n") and "override:" not in before
    (edited / "alignments").mkdir()
    (edited / SELF_FILE).write_text(f"forbid:\n  - old: {heading}\n    new: {heading}\n", encoding="utf-8")
    shown = git_run(edited, "diff", "--", f"{OLD_ID}.md")
    assert shown.startswith(f"corpusdiff {OLD_ID}.md\n")
    assert f"审阅设定：{SELF_FILE} 禁止二者对应：{heading} ≠ {heading}" in shown
    reference = cli(edited, "diff", f"{OLD_ID}@HEAD", OLD_ID, "--only", "new,dropped,reworded,moved")
    assert shown == f"corpusdiff {OLD_ID}.md\n" + reference.stdout


def test_git_diff_driver_finds_a_corpus_inside_a_larger_repository(tmp_path: Path, cache: Path) -> None:
    top = tmp_path / "project"
    top.mkdir()
    git_run(top, "init", "-q")
    (top / "README").write_text("a project with a corpus\n", encoding="utf-8")
    git_run(top, "add", "README")
    git_run(top, "commit", "-qm", "start")
    corpus = top / "data" / "corpus"
    assert cli(corpus, "ingest", str(PLAN_2022)).exit_code == 0
    assert cli(corpus, "git", "install").exit_code == 0
    path = corpus / f"{OLD_ID}.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("新增9510座学位", "新增1万座学位"), encoding="utf-8"
    )
    heading = "2021年国民经济和社会发展计划执行情况"
    (corpus / "alignments").mkdir()
    (corpus / SELF_FILE).write_text(f"forbid:\n  - old: {heading}\n    new: {heading}\n", encoding="utf-8")
    for cwd in (top, corpus / "futian"):
        shown = git_run(cwd, "diff", "--", str(path))
        assert shown.startswith(f"corpusdiff data/corpus/{OLD_ID}.md\n")
        assert f"审阅设定：{SELF_FILE} 禁止二者对应：" in shown


def test_review_timeline_and_the_driver_cache_their_comparisons(edited: Path, cache: Path) -> None:
    """`diff` keeps its results between runs; so does every other entry point that compares."""
    git_run(edited, "branch", "-M", "main")
    git_run(edited, "checkout", "-qb", "feature")
    git_run(edited, "commit", "-qam", "hand correction")
    assert not diff_entries(cache)
    result = cli(edited, "review", "main..feature", "-f", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    after_review = diff_entries(cache)
    assert len(after_review) == 1
    assert cli(edited, "review", "main..feature", "-f", "json", "-j", "1").stdout == result.stdout
    assert diff_entries(cache) == after_review
    assert cli(edited, "timeline", OLD_ID, NEW_ID, "-f", "json", "-j", "1").exit_code == 0
    after_timeline = diff_entries(cache)
    assert len(after_timeline) == 2
    # the pair review compared, by the driver and by `diff`: the same entry, not a new one
    git_run(edited, "diff", "HEAD~1", "--", f"{OLD_ID}.md")
    assert cli(edited, "diff", f"{OLD_ID}@main", OLD_ID, "-f", "json").exit_code == 1
    assert diff_entries(cache) == after_timeline
    path = edited / f"{NEW_ID}.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("。\n", "。\n\n新增一段。\n", 1), encoding="utf-8"
    )
    assert "[新增]" in git_run(edited, "diff", "--", f"{NEW_ID}.md")
    assert len(diff_entries(cache)) == 3


def test_the_site_build_compares_through_the_same_cache(branched: Path, cache: Path, tmp_path: Path) -> None:
    """A site build keeps its comparisons as `diff` does (the overrides in the key): `diff` of
    the pair the site compared finds the site's entry."""
    assert not diff_entries(cache)
    built = cli(branched, "site", "build", "--out", str(tmp_path / "site"), "-j", "1")
    assert built.exit_code == 0, built.output
    after_site = diff_entries(cache)
    assert len(after_site) == 1  # the one pair of the two editions
    assert cli(branched, "diff", OLD_ID, NEW_ID, "-f", "json").exit_code == 1
    assert diff_entries(cache) == after_site
