"""What the differ hands to every view: aligned sections, classified initiatives, programmes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import DocTree, Section, Unit


class Status(StrEnum):
    """How an initiative fared from the old edition to the new one."""

    RECURRING = "recurring"
    REWORDED = "reworded"
    MOVED = "moved"
    NEW = "new"
    DROPPED = "dropped"


class SectionStatus(StrEnum):
    MATCHED = "matched"
    MOVED = "moved"
    NEW = "new"
    DROPPED = "dropped"


class Relation(StrEnum):
    """The extra side of a many-to-one pairing: "" for an ordinary pair."""

    NONE = ""
    MERGE = "merge"
    SPLIT = "split"


class Level(StrEnum):
    """A whole unit, or one sentence inside a continuing unit."""

    UNIT = "unit"
    SENTENCE = "sentence"


@dataclass(frozen=True)
class Figure:
    """A changed quantity: `新增学位9270座` -> `新增学位1万座` gives old `9270座`, new `1万座`."""

    old: str
    new: str


@dataclass(frozen=True)
class ProgrammeChanges:
    recurring: tuple[str, ...]
    new: tuple[str, ...]
    dropped: tuple[str, ...]


@dataclass(frozen=True)
class Overrides:
    """Reviewer decisions: section pairs (heading texts) to pin or forbid."""

    pin: tuple[tuple[str, str], ...] = ()
    forbid: tuple[tuple[str, str], ...] = ()
    source: str = ""


@dataclass(frozen=True)
class SectionMatch:
    status: str  # matched, moved, new, dropped
    old: Section | None
    new: Section | None
    similarity: float
    relation: str = ""  # "split" / "merge" for the extra side of a split or merge
    pinned: bool = False


@dataclass(frozen=True)
class Initiative:
    status: str  # recurring, reworded, moved, new, dropped
    old: Unit | None
    new: Unit | None
    similarity: float
    level: str = "unit"  # "unit" or "sentence"
    old_sentence: str = ""
    new_sentence: str = ""
    diff: tuple[tuple[str, str], ...] = ()
    figures: tuple[Figure, ...] = ()
    relation: str = ""  # "merge" / "split" for the extra side of a merge or split
    anchors: tuple[str, ...] = ()  # of two tasks: the words no other task of either edition uses


@dataclass(frozen=True)
class DiffResult:
    old: DocTree
    new: DocTree
    sections: tuple[SectionMatch, ...]
    initiatives: tuple[Initiative, ...]
    programmes: ProgrammeChanges
    notes: tuple[str, ...] = field(default=())

    @property
    def old_meta(self) -> Metadata:
        return self.old.metadata

    @property
    def new_meta(self) -> Metadata:
        return self.new.metadata

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("recurring", "reworded", "moved", "new", "dropped"), 0)
        for item in self.initiatives:
            counts[item.status] += 1
        return counts

    def has_changes(self) -> bool:
        return any(i.status != "recurring" for i in self.initiatives) or bool(
            self.programmes.new or self.programmes.dropped
        )
