"""The parts of reports of kinds and places the seeds lack (tests/data/metadata/parts.yaml): the
role each top-level part plays, and every heading where a fixture is about numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.compare.units import part_roles
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.store.files import read_yaml
from corpusdiff.structure import build_tree
from corpusdiff.types.tree import DocTree

FIXTURES = Path(__file__).parent.parent / "data" / "metadata"
PARTS: dict[str, dict[str, object]] = read_yaml(FIXTURES / "parts.yaml")


def _tree(name: str) -> DocTree:
    return build_tree(normalize_file(FIXTURES / name))


@pytest.mark.parametrize("name", sorted(name for name, entry in PARTS.items() if "roles" in entry))
def test_each_part_plays_its_role(name: str) -> None:
    tree = _tree(name)
    roles = {tree.sections[index].heading: str(role) for index, role in part_roles(tree).items()}
    assert roles == PARTS[name]["roles"]


@pytest.mark.parametrize("name", sorted(name for name, entry in PARTS.items() if "headings" in entry))
def test_every_heading_at_its_depth(name: str) -> None:
    headings = [f"{section.depth + 1} {section.label.strip()} {section.heading}" for section in _tree(name).sections]
    assert headings == PARTS[name]["headings"]
