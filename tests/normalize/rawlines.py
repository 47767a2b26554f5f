"""Normalising a report given as its raw lines, for the tests of heading rules."""

from __future__ import annotations

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.types.document import NormalizedDocument


def normalize_lines(lines: list[str]) -> NormalizedDocument:
    """The document the normaliser makes of these raw lines (a file named older.txt)."""
    text = "\n".join(lines) + "\n"
    return normalize_raw(
        RawReport(text=text, name="older.txt", sha256="0" * 64, encoding="utf-8", size=len(text))
    )


def heading_lines(document: NormalizedDocument) -> list[str]:
    """The document's heading lines as canonical Markdown writes them (`## 一、…`)."""
    return [line for line in render(document).split("\n") if line.startswith("##")]
