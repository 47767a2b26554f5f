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
