"""ASCII identifiers for corpus paths, derived safely from Chinese names."""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from corpusdiff.text import stores

_ADMIN_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|新区|地区|省|市|区|县|州|盟|旗)$")
_UNSAFE = re.compile(r"[^a-z0-9]+")
#: What `_slugify` can give: a cached value of any other shape is not used (the cache is untrusted).
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The disk cache's namespace of slugs (store.cache, handed in through text.stores).
SLUGS = "slugs"


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path component like `..`.

    Kept in the disk cache when the edge installed one: loading pypinyin's dictionaries costs
    a quarter second of CPU, and every `ingest` of a district slugs the same region again."""
    store, stamp = stores.segment_store, _pinyin_stamp()
    if store is None or stamp is None:
        return _slugify(text)
    key = [text, stamp]
    found = store.load(SLUGS, key)
    if isinstance(found, str) and len(found) <= 60 and _SLUG.fullmatch(found):
        return found
    slug = _slugify(text)
    store.save(SLUGS, key, slug)
    return slug


def _slugify(text: str) -> str:
    from pypinyin import lazy_pinyin

    words = lazy_pinyin(text)
    slug = _UNSAFE.sub("-", "".join(words).lower()).strip("-")
    return slug[:60].strip("-") or "untitled"


@cache
def _pinyin_stamp() -> str | None:
    """Which pypinyin a slug comes from (its dictionaries' sizes and times), found without
    importing it, so a cached slug is one this pypinyin gives; None when it cannot be told."""
    spec = find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    try:
        stats = [(package / name).stat() for name in ("pinyin_dict.py", "phrases_dict.py", "__init__.py")]
    except OSError:
        return None
    return ";".join(f"{s.st_size}:{s.st_mtime_ns}" for s in stats)


def region_stem(region: str) -> str:
    """`福田区` -> `福田`: the region's name without its administrative suffix (the name itself
    when it is nothing but a suffix)."""
    return _ADMIN_SUFFIX.sub("", region) or region


def slugify_region(region: str) -> str:
    """`福田区` -> `futian`: the administrative suffix is dropped."""
    if not region:
        return ""
    return slugify(region_stem(region))
