"""Publication dates as the corpus writes them: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day."""

from __future__ import annotations

import datetime
import re

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def is_publication_date(text: str) -> bool:
    """Whether `text` is YYYY, YYYY-MM or YYYY-MM-DD naming a real month or day."""
    match = _DATE_RE.match(text)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def chinese_date(date: str) -> str:
    """`2025-01` -> `2025年1月`, `2022-01-21` -> `2022年1月21日`, `2021` -> `2021年`; anything
    else unchanged."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", date)
    if not match:
        return date
    year, month, day = match.groups()
    return f"{year}年" + (f"{int(month)}月" if month else "") + (f"{int(day)}日" if day else "")
