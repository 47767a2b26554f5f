"""The one paragraph numbering: a unit's `paragraph` is the site's `p<n>` anchor of the same
paragraph, in every corpus document (the five-year plan's 专栏 box titles included)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpusdiff.canonical.markdown import parse
from corpusdiff.site.build import render_document_body
from corpusdiff.structure import addressed, build_tree
from corpusdiff.types.document import Box, NormalizedDocument, Paragraph, Table
from tests.conftest import ROOT

DOCUMENTS = sorted((ROOT / "corpus").rglob("*.md"))


def _han(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff0-9]", text))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.relative_to(ROOT / "corpus").as_posix())
def test_unit_paragraph_is_the_site_anchor(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = build_tree(parse(text))
    _html, _outline, paragraphs = render_document_body(text)
    anchors = dict(paragraphs)
    for unit in tree.units:
        shown = anchors.get(f"p{unit.paragraph}")
        assert shown is not None, f"unit {unit.index} points past the last paragraph"
        # a task starts at its first body paragraph; a target clause is part of its paragraph
        inner, outer = (
            (_han(shown)[:12], _han(unit.text))
            if unit.kind == "task"
            else (_han(unit.text)[:12], _han(shown))
        )
        assert inner and inner in outer, f"unit {unit.index}: p{unit.paragraph} is {shown[:30]!r}"


def test_box_titles_count_as_paragraphs() -> None:
    document = NormalizedDocument(
        metadata=parse("---\ntitle: t\n---\n\n# t\n").metadata,
        blocks=(
            Paragraph("甲。"),
            Box("专栏1 重点项目", (Paragraph("乙。"), Table((("a",), ("b",))))),
            Paragraph("丙。"),
        ),
    )
    addresses = [(located.address, located.box_title) for located in addressed(document.blocks)]
    assert addresses == [("p0", False), ("p1", True), ("p2", False), ("table 1", False), ("p3", False)]
    assert [unit.paragraph for unit in build_tree(document).units] == [0, 2, 3]
