"""A report compared with itself is unchanged: every unit carries itself on, one to one, and
nothing is called new, dropped, merged or split. Over every report the repository holds, since a
source's own quirks (a paragraph printed twice, a heading repeated) are what break it."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.structure import build_tree

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted(
    [
        *(ROOT / "seeds").glob("*.txt"),
        *(ROOT / "tests" / "data" / "national-gwr" / "wikisource").glob("*.txt"),
        *(ROOT / "tests" / "data" / "national-gwr" / "wikisource-older").glob("*.txt"),
    ]
)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_report_compared_with_itself_is_unchanged(report: Path) -> None:
    tree = build_tree(normalize_file(report))
    changed = [
        item
        for item in compare(tree, tree).initiatives
        if item.level == "unit"
        and (item.old is None or item.new is None or item.relation or item.old.index != item.new.index)
    ]
    assert changed == []
