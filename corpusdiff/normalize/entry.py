"""The library's front door: the operations the CLI and the site are thin layers over."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from corpusdiff.canonical.markdown import is_canonical_text, parse
from corpusdiff.normalize.core import normalize_report, renormalize
from corpusdiff.read.decode import RawReport, read_report
from corpusdiff.types.document import NormalizedDocument


def normalize_raw(
    raw: RawReport, overrides: Mapping[str, object] | None = None, *, derive_series: bool = True
) -> NormalizedDocument:
    """Normalise decoded text; canonical Markdown input is re-normalised in place."""
    if is_canonical_text(raw.text):
        return renormalize(parse(raw.text))
    return normalize_report(raw, overrides, derive_series=derive_series)


def normalize_file(path: Path, overrides: Mapping[str, object] | None = None) -> NormalizedDocument:
    """Read, decode and normalise one report file."""
    return normalize_raw(read_report(path), overrides)
