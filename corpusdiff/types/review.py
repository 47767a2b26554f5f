"""What `review` finds for one document of a commit range (workflow.review -> render.review)."""

from __future__ import annotations

from dataclasses import dataclass

from corpusdiff.types.diff import DiffResult


@dataclass(frozen=True)
class FieldChange:
    """One front-matter field a revision changed: the diff of the body never shows it."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ReviewItem:
    doc_id: str
    #: "new edition", "revised", "renamed", "deleted", "first of its series", "first of its kind",
    #: "now follows a new edition" (a later edition, compared with the one added before it),
    #: "now follows an earlier edition", "now first of its kind" (the edition after a deleted one)
    change: str
    against: str  # what it was compared with ("" when nothing)
    result: DiffResult | None
    #: the front matter's fields a revision or a rename changed (source aside)
    front_matter: tuple[FieldChange, ...] = ()
    #: what is wrong with the document as committed (an id that does not match its path)
    problems: tuple[str, ...] = ()
