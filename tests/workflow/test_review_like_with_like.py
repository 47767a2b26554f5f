"""`review` compares like with like: a new edition with the previous edition of the same genre
and kind of period in its series (issue 16: the 2025 annual plan was compared with the 2023
mid-year report, so first-half figures read as changed full-year ones), and it says which."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpusdiff.types.document import Metadata
from corpusdiff.workflow.review import edition_kind
from tests.conftest import SEEDS
from tests.workflow.test_workflow import cli, git_run

PLAN_2022 = SEEDS / "futian-2022-01-plan-report.txt"
MID_2023 = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
PLAN_2025 = SEEDS / "futian-2025-01-plan-report.txt"
GWR_2022 = SEEDS / "futian-2022-01-government-work-report.txt"


def branched(root: Path, on_main: list[Path], on_next: list[Path]) -> Path:
    """A corpus with `on_main` ingested on main, then `on_next` on a branch `next`."""
    assert cli(root, "ingest", *map(str, on_main)).exit_code == 0
    git_run(root, "branch", "-M", "main")
    git_run(root, "checkout", "-qb", "next")
    assert cli(root, "ingest", *map(str, on_next)).exit_code == 0
    return root


def review(root: Path, fmt: str = "json") -> str:
    result = cli(root, "review", "main..next", "--format", fmt, "--jobs", "1")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_an_annual_plan_is_compared_with_the_previous_annual_plan(tmp_path: Path) -> None:
    root = branched(tmp_path / "c", [PLAN_2022, MID_2023], [PLAN_2025])
    [item] = json.loads(review(root))
    assert (item["id"], item["change"]) == ("futian/annual-plan/2025-01", "new edition")
    assert item["against"] == "futian/annual-plan/2022-01"  # not the later mid-year report
    assert "（对比 futian/annual-plan/2022-01）" in review(root, "terminal")


def test_a_first_mid_year_report_is_not_compared_with_an_annual_plan(tmp_path: Path) -> None:
    [item] = json.loads(review(branched(tmp_path / "c", [PLAN_2022], [MID_2023])))
    assert (item["change"], item["against"], item["diff"]) == ("first of its kind", "", None)


def test_the_first_report_of_a_series_stays_first_of_its_series(tmp_path: Path) -> None:
    [item] = json.loads(review(branched(tmp_path / "c", [PLAN_2022], [GWR_2022])))
    assert item["change"] == "first of its series"


@pytest.mark.parametrize(
    ("one", "other", "alike"),
    [
        (Metadata(genre="annual-plan", period="2022"), Metadata(genre="annual-plan", period="2025"), True),
        (
            Metadata(genre="annual-plan", period="2025"),
            Metadata(genre="mid-year-report", period="2023"),
            False,
        ),
        (Metadata(genre="five-year-plan", period="2021-2025"), Metadata(genre="five-year-plan"), True),
        (
            Metadata(genre="annual-plan", period="2021-2025"),
            Metadata(genre="annual-plan", period="2022"),
            False,
        ),
    ],
)
def test_edition_kind_is_genre_and_kind_of_period(one: Metadata, other: Metadata, alike: bool) -> None:
    assert (edition_kind(one) == edition_kind(other)) is alike
