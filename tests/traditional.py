"""Reports as a Hong Kong, Macao or Taiwan reprint prints them: a simplified report converted to
traditional characters with OpenCC's `s2t`, for the views' tests that an edition's script alone
changes no answer. The conversion is no round trip (坐标 -> 座標, read back as 座标): a test
that compares answers says where it meets one."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import opencc


@cache
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return str(_to_traditional().convert(text))


def traditional_copy(report: Path, folder: Path) -> Path:
    """The report in `folder`, under its own name, every character converted."""
    copy = folder / report.name
    copy.write_text(traditional(report.read_text(encoding="utf-8")), encoding="utf-8")
    return copy
