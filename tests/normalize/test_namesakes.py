"""Which regions are one government, and the slugs that set a namesake government apart from
the one holding its slug (what ingest gives it: store.corpus `_Placer.part_namesakes`)."""

from __future__ import annotations

import pytest

from corpusdiff.normalize.regions import namesake_slugs, same_government


@pytest.mark.parametrize(
    ("region", "parent", "other", "other_parent", "same"),
    [
        ("苏州市", "", "苏州", "", True),  # a suffix left out (a hand-given --region)
        ("广西壮族自治区", "", "广西自治区", "", True),
        ("鼓楼区", "南京市", "鼓楼区", "", True),  # one text names no city: nothing tells them apart
        ("苏州市", "", "宿州市", "", False),
        ("朝阳区", "北京市", "朝阳市", "", False),
        ("鼓楼区", "南京市", "鼓楼区", "福州市", False),
    ],
)
def test_same_government(region: str, parent: str, other: str, other_parent: str, same: bool) -> None:
    assert same_government(region, parent, other, other_parent) is same


@pytest.mark.parametrize(
    ("region", "level", "parent", "other", "other_parent", "slugs"),
    [
        ("苏州市", "city", "", "宿州市", "", ("su1zhou",)),
        ("鼓楼区", "district", "福州市", "鼓楼区", "南京市", ("fuzhou-gulou",)),
        ("朝阳市", "city", "", "朝阳区", "北京市", ("chaoyang-shi",)),
        ("朝阳区", "district", "北京市", "朝阳市", "", ("chaoyang-qu", "beijing-chaoyang")),
        ("朝阳区", "district", "", "潮阳区", "", ()),  # both chao2yang, no city named: ingest numbers it
    ],
)
def test_namesake_slugs_best_first(
    region: str, level: str, parent: str, other: str, other_parent: str, slugs: tuple[str, ...]
) -> None:
    assert namesake_slugs(region, level, parent, other, other_parent) == slugs
