"""Slugs of corpus paths: ASCII, and kept in the disk cache so a known region needs no pypinyin."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corpusdiff.text.slugs import slugify, slugify_region


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
