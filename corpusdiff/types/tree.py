"""The document tree: sections with heading paths, and initiative units (see structure.py)."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Unit:
    """One initiative: a numbered task, a paragraph or a list item."""

    index: int  # position among the document's units
    section: int | None  # index of the innermost enclosing section
    kind: str  # "task", "paragraph", "item"
    heading: str  # the task heading or the lead sentence, without numbering ("" if none)
    text: str  # the full text (for a task: heading and body)
    paragraph: int  # index of the first paragraph among the document's text blocks


@dataclass(frozen=True)
class DocTree:
    metadata: Metadata
    sections: tuple[Section, ...]
    units: tuple[Unit, ...]

    def path_of(self, section: int | None) -> tuple[str, ...]:
        """Heading path of a section including its own heading."""
        if section is None:
            return ()
        current = self.sections[section]
        return (*current.path, current.heading)
