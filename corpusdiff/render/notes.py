"""Reviewer notes (types/notes.py) put on the changes they are about: the rows of the
新旧对照表 (render/table.py), which hold every unit once. A note names its change by unit
addresses; it finds it when a row that is a change (not 延续) holds those units on those sides
and, for a new or a dropped unit, nothing on the other side. A note that finds none is an
orphan: the diff no longer has that change (`corpusdiff check` reports it)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from corpusdiff.render.references import inert_references
from corpusdiff.render.table import Change, ComparisonTable, Entry, UnitRow
from corpusdiff.strings import Strings, catalogue
from corpusdiff.types.notes import ReviewerNote


@dataclass(frozen=True)
class PlacedNotes:
    rows: Mapping[int, tuple[ReviewerNote, ...]] = field(default_factory=dict)  # by row number
    orphans: tuple[ReviewerNote, ...] = ()

    def on(self, row: UnitRow) -> tuple[ReviewerNote, ...]:
        return self.rows.get(row.number, ())


def anchors(entries: Sequence[Entry]) -> set[str]:
    """`p163` of each `<id>#p163`."""
    return {entry.address.rpartition("#")[2] for entry in entries}


def holds(row: UnitRow, note: ReviewerNote) -> bool:
    """The row is the change the note is about."""
    if row.changes == (Change.CONTINUED,):
        return False
    old, new = anchors(row.old), anchors(row.new)
    return (note.old in old if note.old else not old) and (note.new in new if note.new else not new)


def place_notes(table: ComparisonTable, notes: Sequence[ReviewerNote]) -> PlacedNotes:
    """Each note on the first row that is its change; the others are orphans."""
    rows: dict[int, list[ReviewerNote]] = {}
    orphans = []
    for note in notes:
        row = next((row for row in table.unit_rows if holds(row, note)), None)
        if row is None:
            orphans.append(note)
        else:
            rows.setdefault(row.number, []).append(note)
    return PlacedNotes({number: tuple(found) for number, found in rows.items()}, tuple(orphans))


def unknown_addresses(table: ComparisonTable, note: ReviewerNote) -> tuple[tuple[bool, str], ...]:
    """(on the old side, address) of each address of the note that its edition has no unit at
    (a typo such as `p999`): a different fix from a note whose change the diff no longer has."""
    olds = {a for row in table.unit_rows for a in anchors(row.old)}
    news = {a for row in table.unit_rows for a in anchors(row.new)}
    return tuple(
        (is_old, address)
        for is_old, address, known in ((True, note.old, olds), (False, note.new, news))
        if address and address not in known
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape_markdown(text: str) -> str:
    """Text an analyst wrote, as Markdown that shows it and nothing else: no HTML (`<img …>`
    becomes text), no links, emphasis or table cells, no mention nor reference (`@name`,
    `#12`), one line."""
    text = inert_references(" ".join(text.split()))  # before `&` becomes `&amp;`
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_lines(
    table: ComparisonTable, notes: Sequence[ReviewerNote], level: str = "##", strings: Strings | None = None
) -> list[str]:
    """The notes section of a Markdown report: each note with the row it belongs to (number,
    class, the unit's opening words), significant ones first; orphans said to be such."""
    if not notes:
        return []
    strings = strings or catalogue()
    placed = place_notes(table, notes)
    lines = [f"{level} {strings('diff.notes', n=len(notes))}", ""]
    listed = [(row, note) for row in table.unit_rows for note in placed.on(row)]
    listed.sort(key=lambda pair: not pair[1].significant)
    for row, note in listed:
        mark = f"**{strings('diff.significant')}** · " if note.significant else ""
        where = escape_markdown(f"{row.number}. {row.change} {brief(row)}")
        lines.append(f"- {mark}{escape_markdown(note.key)} ({where}): {escape_markdown(note.text)}")
    orphan = strings("report.md.orphan")
    lines += [f"- {escape_markdown(n.key)} ({orphan}): {escape_markdown(n.text)}" for n in placed.orphans]
    return [*lines, ""]


BRIEF = 20


def brief(row: UnitRow) -> str:
    """The row's unit named by its numbering and opening characters."""
    entry = (row.new or row.old)[0]
    text = entry.text
    return text[:BRIEF] + ("…" if len(text) > BRIEF else "")
