"""One edition of a series as every series view names it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    """A document in a series view: its corpus id (or title), publication date and title."""

    id: str
    date: str = ""
    title: str = ""
