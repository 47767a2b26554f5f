"""`review` of an edition ingested before editions its series already holds (2019 into a series
with 2021, found by helper E3): the later edition now follows it, and that pair is compared."""

from __future__ import annotations

import json
from pathlib import Path

from tests.workflow.test_review_like_with_like import MID_2023, PLAN_2022, PLAN_2025
from tests.workflow.test_workflow import cli


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
