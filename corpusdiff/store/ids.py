"""Edition ids alike within a series (docs/corpus.md).

An id's last part is the edition's date as its text gives it: a year (`2016`), a month
(`2022-01`) or a day (`2017-03-05`). One report names the day it was delivered, the next only
its year, so the raw dates of one series would mix shapes (`…/2016`, `…/2017-03-05`) and an id
could not be guessed from its neighbours. A series therefore takes one shape: the least precise
date among its editions, each edition's date cut to it. An edition keeps its finer date only
where the cut would give two different reports one id (two editions in one year): the first
edition of the year takes the id, a later one keeps its date (`store.ingest._Placer`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import IntEnum

#: The date part of an id: a year, a month or a day (a range `2021-2025` or `undated` is none).
_DATE_PART = re.compile(r"\d{4}(?:-\d{2}){0,2}")


class DateShape(IntEnum):
    """How precise an id's date is; a series' shape is the least precise of its editions'."""

    YEAR = 1
    MONTH = 2
    DAY = 3


def date_shape(doc_id: str) -> DateShape | None:
    """The shape of the id's date part; None when it is no date (a range, `undated`, `2019-2`)."""
    part = doc_id.rsplit("/", 1)[-1]
    if not _DATE_PART.fullmatch(part):
        return None
    return DateShape(part.count("-") + 1)


def in_shape(doc_id: str, shape: DateShape | None) -> str:
    """The id with its date cut to `shape` (never made finer; an id without a date unchanged)."""
    own = date_shape(doc_id)
    if own is None or shape is None or own <= shape:
        return doc_id
    head, part = doc_id.rsplit("/", 1)
    return f"{head}/{'-'.join(part.split('-')[:shape])}"


def series_shapes(ids: Iterable[tuple[str, str]]) -> Mapping[str, DateShape]:
    """Each series' shape from its `(series, id)` pairs: the least precise date among them."""
    shapes: dict[str, DateShape] = {}
    for series, doc_id in ids:
        shape = date_shape(doc_id)
        if shape is not None:
            shapes[series] = min(shape, shapes.get(series, shape))
    return shapes
