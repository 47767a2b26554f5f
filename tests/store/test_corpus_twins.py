"""One report ingested twice from two sources (a UTF-8 file and a GBK copy, a text file and a
portal page) would be two editions of its series; ingest says so and names the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.store.corpus import SAME_REPORT, ingest
from corpusdiff.text.chars import han_bigrams, han_likeness
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


def test_a_second_source_of_an_ingested_report_is_named_as_its_twin(tmp_path: Path, gbk_copy: Path) -> None:
    corpus = tmp_path / "corpus"
    (first,) = ingest(corpus, [PLAN_2022])
    (second,) = ingest(corpus, [gbk_copy])
    assert second.action == "added" and second.id != first.id
    (warning,) = _twin_warnings(second.warnings)
    assert warning.startswith(f"the same report as {first.id} (")


def test_twins_in_one_run_are_named_too(tmp_path: Path, gbk_copy: Path) -> None:
    first, second = ingest(tmp_path / "corpus", [PLAN_2022, gbk_copy])
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
