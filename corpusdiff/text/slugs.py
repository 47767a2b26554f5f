"""ASCII identifiers for corpus paths, derived safely from Chinese names."""

from __future__ import annotations

import re

_ADMIN_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|省|市|区|县|州|盟|旗)$")
_UNSAFE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path component like `..`."""
    from pypinyin import lazy_pinyin

    words = lazy_pinyin(text)
    slug = _UNSAFE.sub("-", "".join(words).lower()).strip("-")
    return slug[:60].strip("-") or "untitled"


def slugify_region(region: str) -> str:
    """`福田区` -> `futian`: the administrative suffix is dropped."""
    if not region:
        return ""
    return slugify(_ADMIN_SUFFIX.sub("", region) or region)
