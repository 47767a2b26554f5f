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


#: Place names whose reading pypinyin gets wrong (it reads 长 as zhang, 朝 as zhao, 都 as dou),
#: written in pinyin before the rest is read: a region's slug is its name as said.
_PLACE_READINGS = (
    (re.compile("^长(?!子)"), "chang"),  # 长宁, 长治, 长阳 (长子 is zhangzi)
    (re.compile("^都"), "du"),  # 都匀, 都昌, 都安
    (re.compile("^朝阳"), "chaoyang"),
    (re.compile("^洪洞"), "hongtong"),
    (re.compile("^涡阳"), "guoyang"),
    (re.compile("^繁峙"), "fanshi"),
    (re.compile("^单$"), "shan"),  # 单县
    (re.compile("郭勒"), "guole"),  # 锡林郭勒
)


def slugify_place(stem: str) -> str:
    """`长宁` -> `changning`: a place name's slug, as the place is said."""
    for pattern, reading in _PLACE_READINGS:
        stem = pattern.sub(reading, stem)
    return slugify(stem)


def region_stem(region: str) -> str:
    """`福田区` -> `福田`: the region's name without its administrative suffix (the name itself
    when it is nothing but a suffix)."""
    return _ADMIN_SUFFIX.sub("", region) or region


def slugify_region(region: str) -> str:
    """`福田区` -> `futian`: the administrative suffix is dropped."""
    if not region:
        return ""
    return slugify_place(region_stem(region))


def toned_slug(stem: str, other: str) -> str:
    """`宿州` beside `苏州` -> `su4zhou`: the place's slug with the tone number of each syllable
    whose character the other name does not share, which tells homophones apart (苏州 su1zhou);
    "" when the tones cannot tell them (朝阳 and 潮阳 are both chao2), when the names are not
    one Han character per syllable of equal length, or when a place reading (`slugify_place`)
    corrects pypinyin there, whose tones would then be the misread ones."""
    from pypinyin import Style, lazy_pinyin

    if len(stem) != len(other) or stem == other or slugify_place(stem) != slugify(stem):
        return ""
    plain = lazy_pinyin(stem)
    toned = lazy_pinyin(stem, style=Style.TONE3, neutral_tone_with_five=True)
    theirs = lazy_pinyin(other, style=Style.TONE3, neutral_tone_with_five=True)
    if not len(plain) == len(toned) == len(theirs) == len(stem) or toned == theirs:
        return ""
    words = (t if mine != their_char else p for mine, their_char, p, t in zip(stem, other, plain, toned, strict=True))
    slug = _UNSAFE.sub("-", "".join(words).lower()).strip("-")
    return slug if _SLUG.fullmatch(slug) else ""
