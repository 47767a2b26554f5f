"""What every extractor (HTML, DOCX, PDF) hands the reader: the plain layout the normaliser
already understands, notes on what was dropped on the way, and the title it found."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    """One paragraph or heading a line, tables as tab-separated rows."""

    text: str
    notes: list[str] = field(default_factory=list)
    #: the title the format marks (an opening h1, a Title-style paragraph), or ""
    title: str = ""


def lxml_extractor(module: str) -> str:
    """The `extractor` recorded in front matter for a reader built on lxml."""
    import lxml

    return f"corpusdiff.read.{module} (lxml {lxml.__version__})"


def shortened(text: str, limit: int = 30) -> str:
    """The start of a dropped text, as a note quotes it."""
    return text if len(text) <= limit else text[:limit] + "…"
