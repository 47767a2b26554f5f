"""Governments that share a slug (苏州市 and 宿州市 are both `suzhou`, 鼓楼区 of 南京市 and of
福州市 both `gulou`): which governments hold a slug in the corpus and the ingest run, and the
slug of its own a report of another government gets for its series and its ids
(docs/corpus.md). The first government keeps the plain slug; ids are never rewritten."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from corpusdiff.types.document import Metadata
from corpusdiff.types.genre import series_family


@dataclass(frozen=True)
class Holder:
    """A government holding a slug: its region, the city its text names over it (or ""), and
    what names it in a note: a corpus document's id, or a file of the run with its sha256
    (whose id is decided when it is placed)."""

    region: str
    parent: str
    metadata: Metadata
    held_by: str
    sha256: str = ""


@dataclass(frozen=True)
class Namesake:
    """The slug a report was given, and the other government's holding it avoids."""

    slug: str
    other: Holder


class Holders:
    """Which governments hold each slug, in the order they came. The city named over a region is
    read (a third of a millisecond a title) only for the slugs asked about, and one edition
    stands for its government, so a bulk ingest does not compare every pair of editions."""

    def __init__(self, documents: Iterable[tuple[str, Metadata]]) -> None:
        self._pending: dict[str, list[tuple[Metadata, str, str]]] = {}
        self._read: dict[str, dict[tuple[str, str], Holder]] = {}
        for doc_id, metadata in documents:
            for slug in held_slugs(doc_id, metadata):
                self.add(slug, metadata, doc_id)

    def add(self, slug: str, metadata: Metadata, held_by: str, sha256: str = "") -> None:
        self._pending.setdefault(slug, []).append((metadata, held_by, sha256))

    def of(self, slug: str) -> tuple[Holder, ...]:
        read = self._read.setdefault(slug, {})
        for metadata, held_by, sha256 in self._pending.pop(slug, []):
            if metadata.region:  # a region unknown is no government to tell apart
                parent = named_parent(metadata)
                read.setdefault((metadata.region, parent), Holder(metadata.region, parent, metadata, held_by, sha256))
        return tuple(read.values())


def held_slugs(doc_id: str, metadata: Metadata) -> tuple[str, ...]:
    """The slugs a corpus document holds: its id's region part, and its series' (a series named
    otherwise than `<slug>-<family>`, by hand, holds none)."""
    family = f"-{series_family(metadata.genre)}"
    slugs = {doc_id.split("/")[0]}
    if metadata.series.endswith(family):
        slugs.add(metadata.series.removesuffix(family))
    return tuple(sorted(slugs))


def own_slug(plain: str, metadata: Metadata, holders: Holders) -> Namesake | None:
    """The slug a report of another government than the one holding `plain` gets: the first of
    `namesake_slugs`, then `plain-2`, `-3`, …, that no other government holds. None when no
    other government holds `plain`, or when its own editions hold it too (a corpus written
    before ingest parted namesakes: its next edition joins them, and is warned of); an edition
    naming no city over its region could be either namesake's, so it holds nothing of its own."""
    from corpusdiff.normalize.regions import namesake_slugs, same_government

    parent = named_parent(metadata)

    def other_holder(slug: str) -> Holder | None:
        return next(
            (h for h in holders.of(slug) if not same_government(metadata.region, parent, h.region, h.parent)),
            None,
        )

    other = other_holder(plain)
    if other is None or any((h.region, h.parent) == (metadata.region, parent) for h in holders.of(plain)):
        return None
    named = namesake_slugs(metadata.region, metadata.level, parent, other.region, other.parent)
    numbered = (f"{plain}-{n}" for n in itertools.count(2))
    return Namesake(next(s for s in itertools.chain(named, numbered) if other_holder(s) is None), other)


def government(metadata: Metadata) -> str:
    """A region as a note names it: with the city its text names over it (福州市鼓楼区)."""
    return named_parent(metadata) + metadata.region


def named_parent(metadata: Metadata) -> str:
    """The city a document's meeting or title names over its region (normalize.regions)."""
    from corpusdiff.normalize.regions import named_parent as parent_in
    from corpusdiff.text.script import simplified

    return parent_in(metadata.region, metadata.meeting, simplified(metadata.title))
