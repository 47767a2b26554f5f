"""DiffResult -> the 新旧对照表 (old/new comparison table) in the form used for law revisions.

Every initiative unit of both editions appears exactly once, in reading order: one row per
continuing pair, per new unit and per dropped unit, and one row for a whole merge or split
(all its units), numbered, grouped under the headings of the sections that hold them, with a
修改说明 (what changed: the class in Chinese, where a moved unit came from, the figures that
changed, sentences added or removed inside). The writers (render/export.py) only lay the rows
out as CSV, Word or Excel, so the three files always agree.

Order: rows holding a unit of the new edition follow the new edition; a dropped unit follows
the row of the old unit it came after in the old edition when that row lies in the same
section, so a deletion is shown where it was made. Headings are the sections that are not
initiatives themselves (the （一） groups and the numbered tasks are rows of their own).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from corpusdiff.strings import Strings
from corpusdiff.types.diff import DiffResult, Initiative, Level, Status
from corpusdiff.types.document import Metadata
from corpusdiff.types.tree import (
    GROUP,
    DocTree,
    Unit,
    UnitKind,
    in_reading_order,
    section_and_ancestors,
    unit_title,
)


class Change(StrEnum):
    """The 修改说明 classes, as a law revision's 对照表 names them."""

    CONTINUED = "延续"
    REWORDED = "改写"
    MOVED = "移动"
    MERGED = "合并"
    SPLIT = "拆分"
    NEW = "新增"
    DROPPED = "删除"


_PAIR_CHANGE = {
    Status.RECURRING: Change.CONTINUED,
    Status.REWORDED: Change.REWORDED,
    Status.MOVED: Change.MOVED,
}
_CONFIDENCE = {"medium": "中", "low": "低"}
#: The label of each change in the catalogue's terms (延续 is SAME in English, as in reports).
LABEL_OF_CHANGE = {
    Change.CONTINUED: "recurring",
    Change.REWORDED: "reworded",
    Change.MOVED: "moved",
    Change.MERGED: "merge",
    Change.SPLIT: "split",
    Change.NEW: "new",
    Change.DROPPED: "dropped",
}


class Mark(StrEnum):
    """How a stretch of a unit's text fared: kept, deleted from the old, inserted in the new."""

    KEPT = "="
    DELETED = "-"
    INSERTED = "+"


@dataclass(frozen=True)
class Span:
    text: str
    mark: Mark = Mark.KEPT


@dataclass(frozen=True)
class Entry:
    """One unit in a cell: its address, its numbering as written (`1.`, `（一）`) and its text,
    cut into kept, deleted and inserted stretches: what none of its partners kept is marked."""

    address: str
    label: str
    spans: tuple[Span, ...]
    #: the unit's index in its tree: the clauses of one target paragraph share its address, and
    #: a view naming a unit's row must tell them apart
    unit: int = -1

    @property
    def text(self) -> str:
        return self.label + "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class UnitRow:
    number: int
    section: str  # the heading path the row sits under, `三、2025年… › （二）…`
    old: tuple[Entry, ...]
    new: tuple[Entry, ...]
    changes: tuple[Change, ...]
    note: str  # the 修改说明: the classes, then the details

    @property
    def change(self) -> str:
        return "、".join(self.changes)

    def label(self, strings: Strings) -> str:
        """The row's classes in the reader's language (`合并、拆分`, `MERGED / SPLIT`), as the
        site and the Markdown report name a row; the files keep `change`, the table's content."""
        joiner = "、" if strings.language == "zh" else " / "
        return joiner.join(strings.status(LABEL_OF_CHANGE[c]) for c in self.changes)


@dataclass(frozen=True)
class SectionRow:
    """A heading the following rows sit under; `depth` 0 for a top-level part."""

    depth: int
    old: str
    new: str
    note: str

    @property
    def section(self) -> str:
        return self.new or self.old


Row = UnitRow | SectionRow


@dataclass(frozen=True)
class ComparisonTable:
    old: Metadata
    new: Metadata
    rows: tuple[Row, ...]
    scope: str = ""  # the diff's `--section` text, "" for the whole report

    @property
    def unit_rows(self) -> tuple[UnitRow, ...]:
        return tuple(row for row in self.rows if isinstance(row, UnitRow))


# --- building ------------------------------------------------------------------------------

Key = tuple[str, int]  # ("old", unit index) or ("new", unit index)
#: A section as both editions have it: (old section index, new section index), None on a side
#: that lacks it.
Place = tuple[int | None, int | None]


@dataclass(frozen=True)
class _Group:
    """The units and pairs of one row before it is placed."""

    old: tuple[Unit, ...]
    new: tuple[Unit, ...]
    items: tuple[Initiative, ...]


def comparison_table(result: DiffResult) -> ComparisonTable:
    """The rows of the 新旧对照表, in order, with their headings."""
    sides = _Sides(result)
    groups = _connected(result)
    ordered = _order(groups, sides)
    rows: list[Row] = []
    previous: tuple[Place, ...] = ()
    for number, group in enumerate(ordered, start=1):
        path = sides.path(group)
        start = _first_change(previous, path)
        rows.extend(sides.section_row(depth, place) for depth, place in enumerate(path) if depth >= start)
        previous = path
        rows.append(_unit_row(number, group, sides, result))
    return ComparisonTable(result.old_meta, result.new_meta, tuple(rows), result.scope)


def _first_change(previous: tuple[Place, ...], path: tuple[Place, ...]) -> int:
    """The depth from which the row's headings are not those of the row before: the
    headings to show above it."""
    same = 0
    while same < min(len(previous), len(path)) and previous[same] == path[same]:
        same += 1
    return same


def _connected(result: DiffResult) -> list[_Group]:
    """The unit-level pairs joined into rows: units linked by any pair share a row."""
    parent: dict[Key, Key] = {}

    def root(key: Key) -> Key:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    items = [item for item in result.initiatives if item.level == Level.UNIT]
    units: dict[Key, Unit] = {}
    for item in items:
        keys = []
        for side, unit in (("old", item.old), ("new", item.new)):
            if unit is not None:
                units[(side, unit.index)] = unit
                keys.append(root((side, unit.index)))
        for other in keys[1:]:
            parent[other] = keys[0]
    members: dict[Key, list[Key]] = defaultdict(list)
    for key in units:
        members[root(key)].append(key)
    pairs: dict[Key, list[Initiative]] = defaultdict(list)
    for item in items:
        side, unit = ("old", item.old) if item.old is not None else ("new", item.new)
        if unit is not None:
            pairs[root((side, unit.index))].append(item)
    return [
        _Group(
            old=tuple(units[key] for key in keys if key[0] == "old"),
            new=tuple(units[key] for key in keys if key[0] == "new"),
            items=tuple(pairs[top]),
        )
        for top, keys in members.items()
    ]


def _units(tree: DocTree, read: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """The initiative units compare read of `tree`, derived again only for a result built by
    hand: the cold `diff` of cached editions then never imports the matcher."""
    if read:
        return read
    from corpusdiff.compare.units import initiative_units

    return initiative_units(tree)


class _Sides:
    """What the builder asks of the two editions: reading positions, the sections that head
    rows, and how sections pair."""

    def __init__(self, result: DiffResult) -> None:
        self.old, self.new = result.old, result.new
        units = {"old": _units(result.old, result.old_units), "new": _units(result.new, result.new_units)}
        self.position = {
            side: {unit.index: n for n, unit in enumerate(in_reading_order(units[side]))} for side in units
        }
        self.own = {side: {u.section for u in units[side] if u.kind in (GROUP, UnitKind.TASK)} for side in units}
        primary = [m for m in result.sections if m.old is not None and m.new is not None and not m.relation]
        self.old_of = {m.new.index: m.old.index for m in primary if m.new and m.old}
        self.new_of = {m.old.index: m.new.index for m in primary if m.new and m.old}
        #: the sentence-level pairs by their old unit, for each row's 修改说明 (`_within`)
        self.sentences: dict[int, list[Initiative]] = defaultdict(list)
        for item in result.initiatives:
            if item.level == Level.SENTENCE and item.old and item.new:
                self.sentences[item.old.index].append(item)

    def tree(self, side: str) -> DocTree:
        return self.old if side == "old" else self.new

    def sorted(self, side: str, units: Iterable[Unit]) -> tuple[Unit, ...]:
        return tuple(sorted(units, key=lambda unit: self.position[side][unit.index]))

    def heading_section(self, side: str, section: int | None) -> int | None:
        """The nearest section, from `section` up, that is not a row of its own."""
        tree = self.tree(side)
        while section is not None and section in self.own[side]:
            section = tree.sections[section].parent
        return section

    def home(self, group: _Group) -> tuple[str, int | None]:
        """The side and heading section a row sits under: its first new unit's, else (a
        dropped unit) the section of the new edition that continues its old one, if any."""
        if group.new:
            return "new", self.heading_section("new", group.new[0].section)
        section = self.heading_section("old", group.old[0].section)
        if section is not None and section in self.new_of:
            return "new", self.heading_section("new", self.new_of[section])
        return "old", section

    def path(self, group: _Group) -> tuple[Place, ...]:
        """The headings over the row, outermost first, as (old, new) section pairs."""
        side, section = self.home(group)
        chain: list[Place] = []
        while section is not None:
            if section not in self.own[side]:
                other = (self.old_of if side == "new" else self.new_of).get(section)
                chain.append((other, section) if side == "new" else (section, other))
            section = self.tree(side).sections[section].parent
        return tuple(reversed(chain))

    def section_row(self, depth: int, place: Place) -> SectionRow:
        old, new = (_heading(tree, index) for tree, index in ((self.old, place[0]), (self.new, place[1])))
        note = Change.NEW if not old else Change.DROPPED if not new else Change.REWORDED if old != new else ""
        return SectionRow(depth, old, new, note)

    def where(self, side: str, unit: Unit) -> str:
        """The section a unit sits in, its ancestors by their numbering: `三、（二）积极…`."""
        tree = self.tree(side)
        section = unit.section
        if unit.kind in (GROUP, UnitKind.TASK) and section is not None:
            section = tree.sections[section].parent
        if section is None:
            return "正文开头"
        chain = []
        current: int | None = section
        while current is not None:
            chain.append(tree.sections[current])
            current = tree.sections[current].parent
        *outer, inner = reversed(chain)
        return "".join(s.label.strip() or s.heading for s in outer) + f"{inner.label}{inner.heading}"


def _heading(tree: DocTree, index: int | None) -> str:
    if index is None:
        return ""
    section = tree.sections[index]
    return f"{section.label}{section.heading}".strip()


def _order(groups: Sequence[_Group], sides: _Sides) -> list[_Group]:
    """Rows with a new unit in the new edition's order (a merge or split where its main pair
    stands); each dropped row after the row of the old unit before it, when that row is under
    the same heading, else first under its heading; a heading only the old edition has comes
    after the heading that holds the old unit before it."""
    home = {id(g): sides.home(g) for g in groups}
    ordered = sorted((g for g in groups if g.new), key=lambda g: sides.position["new"][_main_new(g).index])
    row_of: dict[int, _Group] = {u.index: g for g in ordered for u in g.old}
    old_order = sides.sorted("old", (u for g in groups for u in g.old))
    old_rank = {u.index: n for n, u in enumerate(old_order)}
    dropped = sorted((g for g in groups if not g.new), key=lambda g: sides.position["old"][g.old[0].index])
    for group in dropped:
        before = [row_of[u.index] for u in old_order[: old_rank[group.old[0].index]] if u.index in row_of]
        same = [g for g in before if home[id(g)] == home[id(group)]]
        if same:
            index = next(n for n, g in enumerate(ordered) if g is same[-1]) + 1
        elif any(home[id(g)] == home[id(group)] for g in ordered):
            index = next(n for n, g in enumerate(ordered) if home[id(g)] == home[id(group)])
        elif before:
            index = max(n for n, g in enumerate(ordered) if home[id(g)] == home[id(before[-1])]) + 1
        else:
            index = 0
        ordered.insert(index, group)
        row_of.update({u.index: group for u in group.old})
    return ordered


def _main_new(group: _Group) -> Unit:
    """The new unit of the row's most likely one-to-one pair (where a split or merge is
    shown), else its first."""
    pairs = [i for i in group.items if i.old is not None and i.new is not None and not i.relation]
    best = max(pairs, key=lambda item: item.similarity, default=None)
    return best.new if best is not None and best.new is not None else group.new[0]


def _unit_row(number: int, group: _Group, sides: _Sides, result: DiffResult) -> UnitRow:
    old = sides.sorted("old", group.old)
    new = sides.sorted("new", group.new)
    pairs = [item for item in group.items if item.old is not None and item.new is not None]
    return UnitRow(
        number=number,
        section=" › ".join(s for s in _path_text(sides, group) if s),
        old=tuple(_entry(result.old, unit, "old", pairs) for unit in old),
        new=tuple(_entry(result.new, unit, "new", pairs) for unit in new),
        changes=_changes(group, pairs),
        note=_note(group, pairs, sides, result),
    )


def _path_text(sides: _Sides, group: _Group) -> list[str]:
    """The 章节 of a row: the headings over it; under a part that is a row of its own (a task
    area laid out as a part, 2015's `三、把改革开放扎实推向纵深`) no heading stands over it, and
    the 章节 is that part, as it is the part for a unit under a （一） group."""
    side = sides.home(group)[0]
    path = [_heading(sides.tree(side), place[1] if side == "new" else place[0]) for place in sides.path(group)]
    return path if any(path) else [_heading(sides.tree(side), _own_part(sides, side, group))]


def _own_part(sides: _Sides, side: str, group: _Group) -> int | None:
    """The top-level part holding the row's first unit of `side`, when the unit lies below it; for
    a dropped unit placed in the new edition, the part that continues its old section."""
    units = group.new if side == "new" else group.old
    if not units:
        old = sides.heading_section("old", group.old[0].section)
        return sides.new_of.get(old) if old is not None else None
    unit = units[0]
    chain = section_and_ancestors(sides.tree(side), unit.section)
    inside = chain[1:] if unit.kind in (GROUP, UnitKind.TASK) else chain
    return inside[-1] if inside else None


def _entry(tree: DocTree, unit: Unit, side: str, pairs: Sequence[Initiative]) -> Entry:
    """The unit with its numbering, marked up from its pairs' diffs."""
    label = (
        tree.sections[unit.section].label
        if unit.kind in (GROUP, UnitKind.TASK) and unit.section is not None
        else ""
    )
    own = [item for item in pairs if (item.old if side == "old" else item.new) == unit]
    spans = _marked(unit.text, side, [item.diff for item in own if item.diff])
    if unit.kind == GROUP:  # a group's text is its heading with a full stop added for matching
        spans = _without_final_stop(spans)
    return Entry(tree.unit_address(unit), label, tuple(s for s in spans if s.text), unit.index)


def _marked(text: str, side: str, diffs: Sequence[Sequence[tuple[str, str]]]) -> tuple[Span, ...]:
    """The unit's text with what none of its partners kept marked: deleted on the old side,
    inserted on the new. A unit shared by a merge or split is kept where any partner kept it,
    since its diff against one partner alone would call the others' text dropped or new; a
    unit with one partner keeps its diff's stretches, which the inline redline interleaves."""
    if not diffs:
        return (Span(text),)
    other = Mark.INSERTED if side == "old" else Mark.DELETED
    own = Mark.DELETED if side == "old" else Mark.INSERTED
    if len(diffs) == 1:
        return tuple(Span(part, Mark(op)) for op, part in diffs[0] if Mark(op) != other)
    kept = [False] * len(text)
    for diff in diffs:
        stretches = [(Mark(op), part) for op, part in diff if Mark(op) != other]
        if "".join(part for _, part in stretches) != text:
            return (Span(text),)
        at = 0
        for mark, part in stretches:
            if mark is Mark.KEPT:
                kept[at : at + len(part)] = [True] * len(part)
            at += len(part)
    runs = itertools.groupby(zip(text, kept, strict=True), key=lambda pair: pair[1])
    return tuple(Span("".join(char for char, _ in run), Mark.KEPT if was_kept else own) for was_kept, run in runs)


def _without_final_stop(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    if spans and spans[-1].text.endswith("。"):
        return (*spans[:-1], Span(spans[-1].text[:-1], spans[-1].mark))
    return spans


def _changes(group: _Group, pairs: Sequence[Initiative]) -> tuple[Change, ...]:
    if not group.old:
        return (Change.NEW,)
    if not group.new:
        return (Change.DROPPED,)
    joined = tuple(
        c for c, many in ((Change.MERGED, len(group.old) > 1), (Change.SPLIT, len(group.new) > 1)) if many
    )
    if joined:
        return joined
    return (_PAIR_CHANGE[Status(pairs[0].status)],)


def _note(group: _Group, pairs: Sequence[Initiative], sides: _Sides, result: DiffResult) -> str:
    """The 修改说明: the classes, then the details a reader checks: a merge's or split's
    counts, where a moved unit was, the changed figures, sentences added or removed inside,
    and a pairing the matcher was not sure of."""
    changes = _changes(group, pairs)
    pieces = ["、".join(changes)]
    if len(group.old) > 1 or len(group.new) > 1:
        verb = (
            "对应" if len(group.old) > 1 and len(group.new) > 1 else "并入" if len(group.old) > 1 else "分为"
        )
        pieces.append(f"旧版{len(group.old)}项{verb}新版{len(group.new)}项")
    moved_from = _unique(sides.where("old", i.old) for i in pairs if i.status == Status.MOVED and i.old)
    pieces += [f"原在{place}" for place in moved_from]
    figures = [f.shown() for item in pairs for f in item.figures]
    if figures:
        pieces.append("数字：" + "，".join(figures))
    pieces += _within(group, sides)
    doubtful = [item for item in pairs if item.confidence in _CONFIDENCE]
    if doubtful:
        worst = min(doubtful, key=lambda item: item.similarity)
        pieces.append(f"匹配把握{_CONFIDENCE[worst.confidence]}（概率 {worst.similarity:.2f}），请核对")
    pieces += [_doubt_note(item) for item in group.items if item.nearest is not None]
    if any(item.pinned for item in group.items if item.level == Level.UNIT):
        pieces.append("已审定（审阅设定，见 alignments/）")
    return "；".join(pieces)


def _doubt_note(item: Initiative) -> str:
    """A doubtful call of new or dropped, with the unit it may continue, for the reader to check."""
    side = "旧版" if item.status == Status.NEW else "新版"
    return f"判断把握低：或延续{side}「{unit_title(item.nearest)}」（匹配概率 {item.nearest_probability:.2f}），请核对"


def _within(group: _Group, sides: _Sides) -> list[str]:
    olds = {u.index for u in group.old}
    news = {u.index for u in group.new}
    inside = [
        item for old in olds for item in sides.sentences.get(old, ()) if item.new and item.new.index in news
    ]
    added = sum(1 for item in inside if item.status == Status.NEW)
    removed = sum(1 for item in inside if item.status == Status.DROPPED)
    counts = [f"{verb}{n}句" for verb, n in (("增", added), ("删", removed)) if n]
    return ["内文" + "、".join(counts)] if counts else []


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
