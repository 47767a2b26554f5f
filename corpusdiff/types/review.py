"""What `review` finds for one document of a commit range (workflow.review -> render.review)."""

from __future__ import annotations

from dataclasses import dataclass

from corpusdiff.types.diff import DiffResult


@dataclass(frozen=True)
class ReviewItem:
    doc_id: str
    change: str  # "new edition", "revised", "deleted", "first of its series", "first of its kind"
    against: str  # what it was compared with ("" when nothing)
    result: DiffResult | None
