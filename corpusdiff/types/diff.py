"""What the differ hands to every view: aligned sections, classified initiatives, programmes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import DocTree, Section, TreeTable, Unit


class Status(StrEnum):
    """How an initiative fared from the old edition to the new one."""

    RECURRING = "recurring"
    REWORDED = "reworded"
    MOVED = "moved"
    NEW = "new"
    DROPPED = "dropped"


class Role(StrEnum):
    """The part of a report a unit belongs to; units pair only within the same role."""

    PREAMBLE = "preamble"
    REVIEW = "review"
    TARGETS = "targets"
    TASKS = "tasks"
    APPENDIX = "appendix"
    OTHER = "other"


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
    """A changed quantity: `新增学位9270座` -> `新增学位1万座` gives old `9270座`, new `1万座`.
    A figure a changed run drops or adds has "" on the other side (`增长8.6%` -> "")."""

    old: str
    new: str

    def shown(self) -> str:
        """`9270座 → 1万座`, with — for the side that has no figure."""
        return f"{self.old or '—'} → {self.new or '—'}"


@dataclass(frozen=True)
class ProgrammeChanges:
    recurring: tuple[str, ...]
    new: tuple[str, ...]
    dropped: tuple[str, ...]


@dataclass(frozen=True)
class Overrides:
    """Reviewer decisions: pairs of sections (by heading) or of initiatives (by address or lead)
    to pin or forbid; a forbidden pair with one side "" forbids that side every partner."""

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
    part: str = ""  # the Role of the part the unit belongs to: review, targets, tasks, …
    # of a unit called new or dropped: its likeliest partner in the other edition, when that
    # partner is likely enough to doubt the call (compare.params.DOUBTFUL_UNPAIRED), and the
    # matcher's probability that the two are one initiative
    nearest: Unit | None = None
    nearest_probability: float = 0.0
    #: A reviewer's override decided it: the pair is pinned, or the unit continues nothing
    #: (corpus/alignments/<old>__<new>.yaml; compare/overrides.py).
    pinned: bool = False

    @property
    def confidence(self) -> str:
        """high / medium / low: of a pair, from the matcher's probability that it is one
        initiative; of a unit called new or dropped, low when it has a `nearest` partner."""
        if self.level != "unit":
            return ""
        if self.pinned:
            return "high"
        if self.old is None or self.new is None:
            return "low" if self.nearest is not None else "high"
        return confidence_band(self.similarity)


#: Probabilities from which a pair is called with high or medium confidence.
CONFIDENT = 0.8
PLAUSIBLE = 0.5


def confidence_band(probability: float) -> str:
    """high / medium / low: how every view words the probability that a pair is one initiative."""
    if probability >= CONFIDENT:
        return "high"
    return "medium" if probability >= PLAUSIBLE else "low"


@dataclass(frozen=True)
class PartSummary:
    """What became of one part's initiative units (review, targets, tasks, …): the analyst's
    count, `tasks 34 → 30: 26 continue (20 reworded, 2 moved), 3 folded into 2, …`."""

    part: str
    old_units: int
    new_units: int
    recurring: int
    reworded: int
    moved: int
    merged: int  # old units folded into a unit that continues another
    merged_into: int  # the new units they were folded into
    split: int  # new units split off a unit that continues into another
    split_from: int  # the old units they were split from
    new: int
    dropped: int

    @property
    def continuing(self) -> int:
        return self.recurring + self.reworded + self.moved


@dataclass(frozen=True)
class WithinChanges:
    """Changes inside continuing units: never counted as new or dropped initiatives."""

    sentences_added: int
    sentences_removed: int
    figures_changed: int


@dataclass(frozen=True)
class CellChange:
    """A cell of a continuing table that changed: its row (the row's first cell) and column
    (the new header's cell, else the old one's)."""

    row: str
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class TableChange:
    """A table new, dropped, or changed between editions (compare/tables.py): its rows added
    and removed, and the cells changed in the rows both editions have."""

    status: Status  # NEW, DROPPED or REWORDED
    old: TreeTable | None
    new: TreeTable | None
    rows_added: tuple[tuple[str, ...], ...] = ()
    rows_removed: tuple[tuple[str, ...], ...] = ()
    cells: tuple[CellChange, ...] = ()


class OverrideAction(StrEnum):
    """What a reviewer's alignment override did: pinned two headings or initiatives together,
    kept them apart, said an initiative continues nothing in the other edition (an entry with one
    side only), named a heading or initiative the edition does not have, or named several
    initiatives where it must name one."""

    PINNED = "pinned"
    FORBIDDEN = "forbidden"
    ALONE = "alone"
    NOT_FOUND = "not_found"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class OverrideNote:
    """One line the diff owes its reader about an override (the views say it in the reader's
    language; JSON in English, `render.diff.override_text`)."""

    action: OverrideAction
    source: str  # the override file, relative to the corpus
    old: str
    new: str


@dataclass(frozen=True)
class DiffResult:
    old: DocTree
    new: DocTree
    sections: tuple[SectionMatch, ...]
    initiatives: tuple[Initiative, ...]
    programmes: ProgrammeChanges
    notes: tuple[OverrideNote, ...] = field(default=())
    tables: tuple[TableChange, ...] = field(default=())
    #: The `--section` text when the diff is cut down to the sections whose heading contains
    #: it ("" for the whole report): the views say so, since their counts are of those only.
    scope: str = ""
    #: The initiative units compare read of each edition (the tree's own and one per group
    #: heading, `compare.units.initiative_units`), so that a view numbering or placing them (the
    #: 新旧对照表's rows) need not derive the groups again; empty for a result built by hand.
    old_units: tuple[Unit, ...] = ()
    new_units: tuple[Unit, ...] = ()

    @property
    def old_meta(self) -> Metadata:
        return self.old.metadata

    @property
    def new_meta(self) -> Metadata:
        return self.new.metadata

    def counts(self) -> dict[str, int]:
        """Initiative units by class (a merge or split counted once, on its extra side);
        sentences inside continuing units are `within()`, not initiatives."""
        counts = dict.fromkeys(("recurring", "reworded", "moved", "merged", "split", "new", "dropped"), 0)
        for item in self.initiatives:
            if item.level == "unit":
                counts[RELATION_CLASS.get(item.relation, item.status)] += 1
        return counts

    def within(self) -> WithinChanges:
        sentences = [item for item in self.initiatives if item.level != "unit"]
        return WithinChanges(
            sentences_added=sum(1 for item in sentences if item.status == "new"),
            sentences_removed=sum(1 for item in sentences if item.status == "dropped"),
            figures_changed=sum(len(item.figures) for item in self.initiatives if item.level == "unit"),
        )

    def parts(self) -> tuple[PartSummary, ...]:
        """One summary per part, in the order the parts first appear."""
        order: list[str] = []
        for item in self.initiatives:
            if item.level == "unit" and item.part not in order:
                order.append(item.part)
        return tuple(
            _part_summary(part, [i for i in self.initiatives if i.level == "unit" and i.part == part])
            for part in order
        )

    def has_changes(self) -> bool:
        """Whether the editions differ: a merge or split does, though its pieces recur word for word."""
        return any(i.status != "recurring" or i.relation for i in self.initiatives) or bool(
            self.programmes.new or self.programmes.dropped or self.tables
        )


#: The class of a merge's or a split's extra pair, whatever the status of its change: how the
#: counts tally it and how `diff --only` names it.
RELATION_CLASS: dict[str, str] = {Relation.MERGE: "merged", Relation.SPLIT: "split"}


def _part_summary(part: str, items: list[Initiative]) -> PartSummary:
    def count(status: str) -> int:
        return sum(1 for i in items if i.status == status and not i.relation)

    merges = [i for i in items if i.relation == "merge"]
    splits = [i for i in items if i.relation == "split"]
    olds = {i.old.index for i in items if i.old is not None}
    news = {i.new.index for i in items if i.new is not None}
    return PartSummary(
        part=part,
        old_units=len(olds),
        new_units=len(news),
        recurring=count("recurring"),
        reworded=count("reworded"),
        moved=count("moved"),
        merged=len(merges),
        merged_into=len({i.new.index for i in merges if i.new is not None}),
        split=len(splits),
        split_from=len({i.old.index for i in splits if i.old is not None}),
        new=count("new"),
        dropped=count("dropped"),
    )
