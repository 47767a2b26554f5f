"""A report names its own region by its name and by its level's words for itself (`智慧福田` one
year, `智慧城区` the next; `我国`, `全国`, `中国`): in leads they are one referent."""

from __future__ import annotations

import pytest

from corpusdiff.compare.units import neutral_lead, self_names
from corpusdiff.structure import tree_from_markdown
from corpusdiff.types.diff import Status
from tests.conftest import corpus_diff


def _tree(region: str, level: str):  # type: ignore[no-untyped-def]
    return tree_from_markdown(f"---\ndialect: corpusdiff/1\ntitle: 报告\nregion: {region}\nlevel: {level}\n---\n\n正文。\n")


@pytest.mark.parametrize(
    ("region", "level", "names"),
    [
        ("福田区", "district", {"福田区", "福田", "城区", "我区", "全区", "本区"}),
        ("深圳市", "city", {"深圳市", "深圳", "城市", "我市", "全市", "本市"}),
        ("全国", "national", {"我国", "全国", "中国", "国家"}),
        ("", "", set()),
    ],
)
def test_a_report_s_names_for_itself(region: str, level: str, names: set[str]) -> None:
    found = self_names(_tree(region, level))
    assert set(found) == names
    assert list(found) == sorted(found, key=len, reverse=True)  # 福田区 before 福田


def test_leads_naming_the_district_either_way_read_alike() -> None:
    names = self_names(_tree("福田区", "district"))
    assert neutral_lead("智慧福田全面建设", names)[:3] == neutral_lead("智慧城区成效显著", names)[:3]
    assert neutral_lead("系统建设平安福田区", names) == neutral_lead("系统建设平安城区", names)
    assert neutral_lead("推进法治建设", names) == "推进法治建设"  # no name, nothing changed


def test_the_smart_district_review_paragraphs_continue_each_other() -> None:
    """Futian 2022-01 -> 2023-10, labelled same/high by both readers: 智慧福田全面建设 (2021's review)
    continues as 智慧城区成效显著 (2023's first half); the two leads shared only 智慧 before."""
    result = corpus_diff("futian/annual-plan/2022-01", "futian/mid-year-report/2023-10")
    pairs = {
        (i.old.text[:8], i.new.text[:8])
        for i in result.initiatives
        if i.level == "unit" and i.old is not None and i.new is not None
    }
    assert ("智慧福田全面建设", "智慧城区成效显著") in pairs
    assert not any(
        i.status in (Status.NEW, Status.DROPPED) and (i.old or i.new).text.startswith(("智慧福田全面建设", "智慧城区成效显著"))  # type: ignore[union-attr]
        for i in result.initiatives
        if i.level == "unit"
    )
