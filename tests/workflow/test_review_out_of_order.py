"""`review` of an edition ingested before editions its series already holds (2019 into a series
with 2021, found by helper E3): the later edition now follows it, and that pair is compared; and
of an edition deleted between two, whose later one now follows the earlier."""

from __future__ import annotations

import json
from pathlib import Path

from tests.workflow.test_review_like_with_like import MID_2023, PLAN_2022, PLAN_2025
from tests.workflow.test_workflow import cli, git_run

NATIONAL = Path(__file__).parent.parent / "data" / "national-gwr" / "wikisource"
GWR = "national/government-work-report"


def ingest_then_review(root: Path, first: Path, then: Path, fmt: str = "json") -> str:
    """Ingest `first`, then `then` as the next commit, and review that commit (HEAD~1..HEAD)."""
    for report in (first, then):
        assert cli(root, "ingest", str(report)).exit_code == 0
    result = cli(root, "review", "HEAD~1..HEAD", "--format", fmt, "--jobs", "1")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_an_earlier_edition_ingested_later_is_compared_with_the_edition_it_now_precedes(tmp_path: Path) -> None:
    added, follower = json.loads(ingest_then_review(tmp_path / "c", PLAN_2025, PLAN_2022))
    assert (added["id"], added["change"], added["diff"]) == ("futian/annual-plan/2022-01", "first of its series", None)
    assert (follower["id"], follower["change"]) == ("futian/annual-plan/2025-01", "now follows a new edition")
    assert follower["against"] == "futian/annual-plan/2022-01"
    assert follower["diff"]["old"]["id"] == "futian/annual-plan/2022-01"
    assert follower["diff"]["new"]["id"] == "futian/annual-plan/2025-01"


def test_the_terminal_review_says_which_edition_now_follows(tmp_path: Path) -> None:
    out = ingest_then_review(tmp_path / "c", PLAN_2025, PLAN_2022, "terminal")
    assert "=== futian/annual-plan/2025-01：前面新增了版本（对比 futian/annual-plan/2022-01）" in out


def test_an_edition_of_another_kind_does_not_become_a_previous_edition(tmp_path: Path) -> None:
    [added] = json.loads(ingest_then_review(tmp_path / "c", PLAN_2025, MID_2023))
    assert added["change"] == "first of its series"  # dated before 2025-01, and alone of its kind


def delete_then_review(root: Path, doc_id: str) -> list[dict[str, object]]:
    """Delete `doc_id` from the corpus as a commit of its own, and review that commit."""
    git_run(root, "rm", "-q", f"{doc_id}.md")
    git_run(root, "commit", "-qm", f"remove {doc_id}")
    result = cli(root, "review", "HEAD~1..HEAD", "--format", "json", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout))


def test_the_edition_after_a_deleted_one_is_compared_with_the_edition_before_it(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert cli(root, "ingest", *(str(NATIONAL / f"{year}.txt") for year in (2016, 2017, 2018))).exit_code == 0
    deleted, follower = delete_then_review(root, f"{GWR}/2017")
    assert (deleted["id"], deleted["change"]) == (f"{GWR}/2017", "deleted")
    assert (follower["id"], follower["change"], follower["against"]) == (
        f"{GWR}/2018",
        "now follows an earlier edition",
        f"{GWR}/2016",
    )
    assert follower["diff"] is not None


def test_the_edition_after_a_deleted_first_one_is_now_first_of_its_kind(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert cli(root, "ingest", str(PLAN_2022), str(PLAN_2025)).exit_code == 0
    _deleted, follower = delete_then_review(root, "futian/annual-plan/2022-01")
    assert (follower["id"], follower["change"], follower["diff"]) == ("futian/annual-plan/2025-01", "now first of its kind", None)
