"""A reviewer's overrides (`corpus/alignments/<old>__<new>.yaml`) resolved against two editions:
which sections and which initiative units they pin together or keep apart, and a note on each.

Each side of an entry names a heading (with or without its numbering, in either script), or an
initiative unit: by its address as every view gives it (`p163`, `¶163`, a group's `h12`,
`<id>#p163`), or by its first words as printed (at least MIN_LEAD characters, naming one unit of
the edition). A pin of two headings pins the two sections and, when they head groups or tasks,
their initiative units; a pin of two initiatives makes them one initiative, whatever the matcher
scores them (its assignment takes them first). A forbid keeps the sections or units apart; a forbid
with one side only says that initiative continues nothing: it is called new or dropped, and no
likeliest partner is named beside the call. The matcher's doubtful calls (confidence low, their
likeliest partner shown) are what a reviewer settles so, once, for every view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpusdiff.compare.units import initiative_units
from corpusdiff.text.chars import WORD_CHARS
from corpusdiff.text.script import simplified
from corpusdiff.types.diff import OverrideAction, OverrideNote, Overrides
from corpusdiff.types.tree import GROUP, DocTree, Section, Unit, UnitKind, address_anchor

#: A unit named by its first words needs at least this many of them (letters, digits, Han
#: characters): fewer name many units (`推进`, `加快`).
MIN_LEAD = 4
_KEY_RE = re.compile(f"[{WORD_CHARS}]")


@dataclass(frozen=True)
class UnitOverrides:
    """The initiative pairs a reviewer decided, by position in `initiative_units` of each edition."""

    pins: tuple[tuple[int, int], ...] = ()
    forbidden: frozenset[tuple[int, int]] = frozenset()
    alone_old: frozenset[int] = frozenset()  # continue nothing: called dropped
    alone_new: frozenset[int] = frozenset()  # called new

    def __bool__(self) -> bool:
        """Whether a reviewer decided anything: without, the matcher's steps run untouched."""
        return bool(self.pins or self.forbidden or self.alone_old or self.alone_new)

    def allows(self, pair: tuple[int, int]) -> bool:
        """Whether the matcher may link the two units at all."""
        return pair not in self.forbidden and pair[0] not in self.alone_old and pair[1] not in self.alone_new

    def decided(self, old: int | None, new: int | None) -> bool:
        """Whether a reviewer decided this pair (`old`, `new`) or this unit's call (one side None)."""
        if old is not None and new is not None:
            return (old, new) in self.pins
        return old in self.alone_old if old is not None else new in self.alone_new


@dataclass(frozen=True)
class SectionOverrides:
    """The section pairs a reviewer pinned (in order) and forbade, by section index."""

    pins: tuple[tuple[int, int], ...] = ()
    forbidden: frozenset[tuple[int, int]] = frozenset()


@dataclass(frozen=True)
class Reviewed:
    sections: SectionOverrides = field(default_factory=SectionOverrides)
    units: UnitOverrides = field(default_factory=UnitOverrides)
    notes: tuple[OverrideNote, ...] = ()


@dataclass(frozen=True)
class _Named:
    """What one side of an entry names in its edition: sections by heading, and units."""

    sections: tuple[int, ...]
    units: tuple[int, ...]


def review_overrides(old: DocTree, new: DocTree, overrides: Overrides) -> Reviewed:
    """The overrides' pins and forbids on these two editions (read as `compare` reads them: in
    simplified characters), and the note every view gives on each entry."""
    if not overrides.pin and not overrides.forbid:
        return Reviewed()
    units = (initiative_units(old), initiative_units(new))
    section_pins: list[tuple[int, int]] = []
    section_forbids: set[tuple[int, int]] = set()
    unit_pins: list[tuple[int, int]] = []
    unit_forbids: set[tuple[int, int]] = set()
    alone: tuple[set[int], set[int]] = (set(), set())
    notes = []
    for old_text, new_text in overrides.forbid:
        a, b = _named(old, units[0], old_text), _named(new, units[1], new_text)
        if old_text and new_text:
            section_forbids |= {(i, j) for i in a.sections for j in b.sections}
            unit_forbids.update(_one_each(a, b))
            applied = _names_a_pair(a, b)
            action = OverrideAction.FORBIDDEN
        else:
            side, named = (0, a) if old_text else (1, b)
            applied = len(named.units) == 1
            if applied:
                alone[side].add(named.units[0])
            action = OverrideAction.ALONE
        notes.append(OverrideNote(action if applied else _missing(a, b), overrides.source, old_text, new_text))
    for old_text, new_text in overrides.pin:
        a, b = _named(old, units[0], old_text), _named(new, units[1], new_text)
        if a.sections and b.sections:
            section_pins.append((a.sections[0], b.sections[0]))
        unit_pins += _one_each(a, b)
        action = OverrideAction.PINNED if _names_a_pair(a, b) else _missing(a, b)
        notes.append(OverrideNote(action, overrides.source, old_text, new_text))
    return Reviewed(
        SectionOverrides(tuple(first_pins(section_pins)), frozenset(section_forbids)),
        UnitOverrides(tuple(first_pins(unit_pins)), frozenset(unit_forbids), frozenset(alone[0]), frozenset(alone[1])),
        tuple(notes),
    )


def _heading_matches(section: Section, text: str) -> bool:
    """Whether an override's heading names the section (as the aligner reads both: simplified)."""
    text = simplified(text).strip()
    return bool(text) and text in (section.heading, f"{section.label}{section.heading}".strip())


def _named(tree: DocTree, units: Sequence[Unit], text: str) -> _Named:
    """The sections a side's text names by heading, and the units it names: the group or task
    unit of the first such section, else the units of its address, else of its first words."""
    if not text:
        return _Named((), ())
    sections = tuple(s.index for s in tree.sections if _heading_matches(s, text))
    if sections:
        heads = (GROUP, UnitKind.TASK)
        return _Named(sections, tuple(k for k, u in enumerate(units) if u.kind in heads and u.section == sections[0]))
    address = address_anchor(text)
    if address is not None:
        doc, anchor = address
        if doc and doc != tree.metadata.id:
            return _Named((), ())
        return _Named((), tuple(k for k, u in enumerate(units) if tree.unit_anchor(u) == anchor))
    return _Named((), _units_by_words(units, text))


def _units_by_words(units: Sequence[Unit], text: str) -> tuple[int, ...]:
    """The units whose lead is the text, else those whose text starts with it (letters, digits
    and Han characters compared, numbering and punctuation aside)."""
    words = _key(simplified(text))
    if len(words) < MIN_LEAD:
        return ()
    leads = tuple(k for k, u in enumerate(units) if u.heading and _key(u.heading) == words)
    return leads or tuple(k for k, u in enumerate(units) if _key(u.text).startswith(words))


def _key(text: str) -> str:
    return "".join(_KEY_RE.findall(text))


def first_pins(pins: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pins in the file's order, a unit or section pinned twice kept with its first partner."""
    kept: list[tuple[int, int]] = []
    for i, j in pins:
        if all(i != a and j != b for a, b in kept):
            kept.append((i, j))
    return kept


def _one_each(a: _Named, b: _Named) -> list[tuple[int, int]]:
    """The pair of units the two sides name, when each names one."""
    return [(a.units[0], b.units[0])] if len(a.units) == 1 and len(b.units) == 1 else []


def _names_a_pair(a: _Named, b: _Named) -> bool:
    """Whether the two sides name a pair of sections or of initiatives: the entry acts."""
    return bool((a.sections and b.sections) or _one_each(a, b))


def _missing(a: _Named, b: _Named) -> OverrideAction:
    """Why an entry did nothing: a side names several initiatives, or names nothing found."""
    return OverrideAction.AMBIGUOUS if len(a.units) > 1 or len(b.units) > 1 else OverrideAction.NOT_FOUND
