"""The document tree: sections with heading paths, and initiative units (see structure.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from corpusdiff.types.document import Metadata


class UnitKind(StrEnum):
    """What an initiative unit is: a numbered task, or one paragraph or list item outside tasks."""

    TASK = "task"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level."""

    index: int
    kind: str
    label: str  # the numbering marker as written: `（五）`, `3.`, `第二章 `
    heading: str  # heading text without its numbering
    path: tuple[str, ...]  # headings of the ancestors, outermost first (without numbering)
    parent: int | None
    depth: int
    #: No heading in the report stands for it: the unheaded closing part (structure.py). Its
    #: `heading` is a name the tool gives it, never report text, and the site has no `h<n>`
    #: anchor for it.
    synthetic: bool = False


@dataclass(frozen=True)
class Unit:
    """One initiative: a numbered task, a paragraph or a list item."""

    index: int  # position among the document's units
    section: int | None  # index of the innermost enclosing section
    kind: str  # "task", "paragraph", "item"
    heading: str  # the task heading or the lead sentence, without numbering ("" if none)
    text: str  # the full text (for a task: heading and body)
    paragraph: int  # index of the first paragraph among the document's text blocks


def unit_title(unit: Unit | None) -> str:
    """A unit named briefly, as every view lists it: its heading or lead, else its first
    characters; "" for no unit."""
    if unit is None:
        return ""
    return unit.heading or (unit.text[:24] + ("…" if len(unit.text) > 24 else ""))


#: The name of the synthetic section that holds an unheaded closing part (structure.py; not
#: report text): the views name it in the reader's language.
CLOSING_HEADING = "（结束部分，报告原文无标题）"

#: The kind of the unit a group heading gives (a （一） group, a task area): compare adds one per
#: group to the tree's own units (`compare.units.initiative_units`).
GROUP = "group"

#: A unit's address as the views give it: `p163` (a paragraph), `h12` (a heading: a （一） group),
#: optionally written whole as the diff JSON and the 新旧对照表 give it,
#: `futian/annual-plan/2022-01#p163`; the terminal's `¶163` is `p163`.
ADDRESS_RE = re.compile(r"(?:(?P<doc>[A-Za-z0-9/._-]*)#)?(?P<anchor>[ph]\d+)")


def address_anchor(text: str) -> tuple[str, str] | None:
    """(document id or "", anchor) of a text that is a unit address (`p163`, `¶163`,
    `<id>#p163`); None for any other text (a heading, a lead)."""
    text = text.strip()
    match = ADDRESS_RE.fullmatch("p" + text[1:] if text.startswith("¶") else text)
    return (match["doc"] or "", match["anchor"]) if match else None


def in_reading_order(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """Initiative units in the order a reader meets them: a group heading before its units."""
    return tuple(sorted(units, key=lambda u: (u.paragraph, u.kind != GROUP, u.index)))


@dataclass(frozen=True)
class TreeTable:
    """A table of the document and the section it stands in: no initiative, but part of the
    report (an indicator table above all), so a diff compares it (compare/tables.py)."""

    number: int  # 1-based among the document's tables, as `structure.addressed` counts them
    section: int | None  # index of the innermost enclosing section
    paragraph: int  # the number of the paragraph after it (its place among the units)
    rows: tuple[tuple[str, ...], ...]  # the header first


@dataclass(frozen=True)
class DocTree:
    metadata: Metadata
    sections: tuple[Section, ...]
    units: tuple[Unit, ...]
    tables: tuple[TreeTable, ...] = ()

    def anchor(self, section: int) -> str:
        """Where the site shows a section: `h<n>`, the n-th heading of the rendered document
        (the title is h0), or, for a synthetic section, `p<n>` of its first paragraph."""
        if self.sections[section].synthetic:
            first = min((u.paragraph for u in self.units if u.section == section), default=0)
            return f"p{first}"
        return f"h{1 + sum(1 for s in self.sections[:section] if not s.synthetic)}"

    def unit_anchor(self, unit: Unit) -> str:
        """A unit's one anchor, as every view names and links it: `p<n>` of its first paragraph
        (a numbered task's is the paragraph under its heading), a group heading's `h<n>`."""
        if unit.kind == GROUP and unit.section is not None:
            return self.anchor(unit.section)
        return f"p{unit.paragraph}"

    def unit_address(self, unit: Unit) -> str:
        """The unit's one address, as the site links it and every view cites it:
        `<document id>#p<n>` for a paragraph, `#h<n>` for a group heading."""
        return f"{self.metadata.id}#{self.unit_anchor(unit)}"

    def path_of(self, section: int | None) -> tuple[str, ...]:
        """Heading path of a section including its own heading."""
        if section is None:
            return ()
        current = self.sections[section]
        return (*current.path, current.heading)


def section_and_ancestors(tree: DocTree, section: int | None) -> list[int]:
    """A section and the sections holding it, innermost first (none for no section)."""
    chain = []
    while section is not None:
        chain.append(section)
        section = tree.sections[section].parent
    return chain


def is_within(tree: DocTree, section: int | None, ancestor: int | None) -> bool:
    """Whether `section` is `ancestor` or lies below it."""
    return ancestor in section_and_ancestors(tree, section)
