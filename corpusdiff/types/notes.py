"""An analyst's note on one change of a pair of editions (store/notes.py reads them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReviewerNote:
    """A note keyed by the unit addresses of the change it is about: `old` the unit's paragraph
    anchor in the old edition (`p163`, `h12` for a （一） group; "" for a new unit), `new` in the
    new edition ("" for a dropped unit). `source` names the file it came from."""

    old: str
    new: str
    text: str
    significant: bool = False
    source: str = ""

    @property
    def key(self) -> str:
        """How the note names its change in messages: `p163 → p165`, `— → p40`."""
        return f"{self.old or '—'} → {self.new or '—'}"
