"""Front matter detected from the seeds (values read off the reports by hand)."""

from __future__ import annotations

import pytest

from corpusdiff.types.document import NormalizedDocument

EXPECTED = {
    "futian-2022-01-plan-report": dict(
        title="福田区2021年国民经济和社会发展计划执行情况与2022年计划",
        region="福田区",
        genre="annual-plan",
        period="2022",
        date="2022-01",
        series="futian-plan",
    ),
    "futian-2025-01-plan-report": dict(
        title="福田区2024年国民经济和社会发展计划执行情况与2025年计划（草案）报告",
        genre="annual-plan",
        period="2025",
        date="2025-01",
        series="futian-plan",
    ),
    "futian-2023-10-mid-year-plan-report": dict(
        genre="mid-year-report", period="2023", date="2023-10", series="futian-plan"
    ),
    "futian-2022-01-government-work-report": dict(
        title="政府工作报告",
        region="福田区",
        genre="government-work-report",
        period="2022",
        speaker="周江涛",
        meeting="福田区第八届人民代表大会第二次会议",
        delivered="2022-01-21",
        container="深圳市福田区人民政府公报2022年第1期（总第121期）",
    ),
    "futian-2021-14th-five-year-plan-outline": dict(
        genre="five-year-plan", period="2021-2025", region="福田区", date="2021"
    ),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_detected_metadata(stem: str, seed_documents: dict[str, NormalizedDocument]) -> None:
    metadata = seed_documents[stem].metadata
    assert {key: getattr(metadata, key) for key in EXPECTED[stem]} == EXPECTED[stem]


def test_gazette_wrapper_is_dropped_with_a_warning(seed_documents: dict[str, NormalizedDocument]) -> None:
    document = seed_documents["futian-2022-01-government-work-report"]
    assert any("before the title" in w for w in document.warnings)
    texts = [getattr(b, "text", "") for b in document.blocks]
    assert not any("简介" in t or "目录" in t.replace(" ", "") for t in texts)


def test_missing_five_year_plan_headings_are_warned_not_invented(
    seed_documents: dict[str, NormalizedDocument],
) -> None:
    warning = " ".join(seed_documents["futian-2021-14th-five-year-plan-outline"].warnings)
    assert "第二篇" in warning and "第三章" in warning and "invented" in warning
