"""Which editions the site's series views put together: a series' editions, or a `timelines:` entry
of site.yaml, each set a page name of its own; which reports a plan's trace reads; and the links
the pages make to an edition or a paragraph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff.errors import CorpusError
from corpusdiff.series.editions import is_before, trace_warnings
from corpusdiff.site.common import (
    SITE_CONFIG,
    Doc,
    site_config,
)
from corpusdiff.types.genre import CARRYING_OUT_GENRES, FIVE_YEAR_PLAN

if TYPE_CHECKING:
    pass

@dataclass(frozen=True)
class EditionSet:
    """Editions viewed together, oldest first: one series, or a `timelines:` entry of site.yaml."""

    name: str
    source: str  # "series" or "site.yaml"
    docs: tuple[Doc, ...]
    page: str  # timeline/<safe name>.html

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.docs)

    @property
    def anchor(self) -> str:
        """Unique among the sets of one page, and stable when other sets come and go."""
        return Path(self.page).stem


def load_timeline_config(root: Path) -> list[tuple[str, list[str]]]:
    """The `timelines:` entries of <corpus>/site.yaml as (name, document ids)."""
    config = root / SITE_CONFIG
    if not config.is_file():
        return []
    entries = site_config(config).get("timelines") or []
    found = []
    for entry in entries:
        if not (isinstance(entry, dict) and entry.get("name") and isinstance(entry.get("documents"), list)):
            raise CorpusError(f"{config}: each `timelines` entry needs a `name` and a `documents` list")
        found.append((str(entry["name"]), [str(d) for d in entry["documents"]]))
    return found


def edition_sets(
    docs: Sequence[Doc], configured: Sequence[tuple[str, list[str]]], minimum: int
) -> list[EditionSet]:
    """Every series with at least `minimum` editions, then each configured set with editions of
    its own (one listing exactly a series' editions is that series' set, not a second one)."""
    by_series: dict[str, list[Doc]] = {}
    for doc in docs:
        by_series.setdefault(doc.meta.series, []).append(doc)
    candidates = [(name, "series", series_docs) for name, series_docs in by_series.items()]
    by_id = {d.id: d for d in docs}
    candidates += [(name, "site.yaml", [by_id[i] for i in ids if i in by_id]) for name, ids in configured]
    sets: list[EditionSet] = []
    for name, source, chosen in candidates:
        ordered = tuple(sorted(chosen, key=lambda d: (d.meta.date, d.id)))
        if len(ordered) < minimum or any(s.ids == tuple(d.id for d in ordered) for s in sets):
            continue
        page = _unique_page(name, {s.page for s in sets})
        sets.append(EditionSet(name, source, ordered, page))
    return sets


def _unique_page(name: str, taken: set[str]) -> str:
    """A file name that cannot escape the site or clash: names from documents are untrusted."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")
    if safe != name:
        safe = f"{safe or 'timeline'}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    page, number = f"timeline/{safe}.html", 1
    while page in taken:
        number += 1
        page = f"timeline/{safe}-{number}.html"
    return page


def trace_inputs(docs: Sequence[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Five-year plans, and the reports that say how a plan is carried out, traced against them
    (oldest first): the yearly reports and a plan's reviews (types.genre.CARRYING_OUT_GENRES)."""
    ordered = sorted(docs, key=lambda d: (d.meta.date, d.id))
    return [d for d in ordered if d.meta.genre == FIVE_YEAR_PLAN], [
        d for d in ordered if d.meta.genre in CARRYING_OUT_GENRES
    ]


def plan_reports(plan: Doc, reports: Sequence[Doc]) -> list[Doc]:
    """The reports a plan's trace follows: those `corpusdiff trace` takes without a word, of the
    plan's region, from its date on and within its period (series.trace.check_plan refuses an
    earlier report, series.editions.trace_warnings warns of the others). Traced into every
    report, Futian's 2021–2025 plan was addressed by the 2013 national work report at 0.82."""
    return [
        r for r in reports if not is_before(r.meta.date, plan.meta.date) and not trace_warnings(plan.meta, [r.meta])
    ]


def pointer_url(pointer: str, root: str) -> str:
    """`<id>#h<n>` -> the site's document page and anchor."""
    doc_id, _, anchor = pointer.partition("#")
    return f"{root}doc/{doc_id}.html" + (f"#{anchor}" if anchor else "")


def edition_links(docs: Sequence[Doc], labels: Sequence[str], root: str) -> list[dict[str, str]]:
    return [
        {"id": d.id, "label": label, "title": d.meta.title, "url": root + d.url}
        for d, label in zip(docs, labels, strict=True)
    ]
