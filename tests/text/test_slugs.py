"""Slugs of corpus paths: ASCII, and kept in the disk cache so a known region needs no pypinyin."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corpusdiff.text.slugs import slugify, slugify_region, toned_slug


def test_a_region_slugged_before_needs_no_pypinyin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    assert slugify_region("福田区") == "futian"
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # importing pypinyin now fails
    assert slugify_region("福田区") == "futian"
    with pytest.raises(ImportError):
        slugify("南山区")  # never slugged: it still needs pypinyin


def test_without_a_cache_the_slug_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", "off")
    assert slugify_region("福田区") == "futian"
    assert slugify("2022-01") == "2022-01"


@pytest.mark.parametrize("planted", ["..", "../../outside", "a/b", "", "x" * 61, "Futian"])
def test_a_planted_slug_is_not_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: str
) -> None:
    """The disk cache is untrusted (docs/security.md): a cached slug that is no slug is ignored."""
    from corpusdiff.store import cache
    from corpusdiff.text import slugs

    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    assert slugify_region("福田区") == "futian"
    cache.save(slugs.SLUGS, ["福田", slugs._pinyin_stamp()], planted)
    assert slugify_region("福田区") == "futian"


@pytest.mark.parametrize(
    ("region", "slug"),
    [
        # pypinyin reads these as zhangning, zhangzhi, zhaoyang, douyun, hongdong, xilinguolei
        ("长宁区", "changning"),
        ("长治市", "changzhi"),
        ("朝阳区", "chaoyang"),
        ("都匀市", "duyun"),
        ("洪洞县", "hongtong"),
        ("锡林郭勒盟", "xilinguole"),
        # read right already, and kept so
        ("长子县", "zhangzi"),
        ("长沙市", "changsha"),
        ("重庆市", "chongqing"),
        ("六安市", "luan"),
    ],
)
def test_a_place_is_slugged_as_it_is_said(region: str, slug: str) -> None:
    assert slugify_region(region) == slug


@pytest.mark.parametrize(
    ("stem", "other", "slug"),
    [
        ("宿州", "苏州", "su4zhou"),  # only the syllable whose character differs carries its tone
        ("苏州", "宿州", "su1zhou"),
        ("抚州", "福州", "fu3zhou"),
        ("台州", "泰州", "tai1zhou"),
        ("朝阳", "潮阳", ""),  # a place reading (chaoyang, not pypinyin's zhao1) has no tones to trust
        ("苏州", "苏州", ""),  # one name: nothing to tell apart
        ("苏州", "宿迁州", ""),  # names of other lengths: no syllables to set side by side
    ],
)
def test_toned_slug_tells_homophones_apart_by_the_differing_syllable(stem: str, other: str, slug: str) -> None:
    assert toned_slug(stem, other) == slug
