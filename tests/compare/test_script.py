"""Two editions in different scripts compare as one (compare/script.py): a report printed in
traditional characters (1954's national report, a reprint) against one in simplified is
compared on what it says, and the diff shows each edition's own characters."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.compare.script import as_simplified, in_own_script
from corpusdiff.compare.units import role_of
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.structure import build_tree
from corpusdiff.text.script import simplified
from corpusdiff.text.sentences import sentences
from corpusdiff.types.diff import DiffResult, Overrides, Role
from corpusdiff.types.tree import DocTree
from tests.traditional import traditional_copy

ROOT = Path(__file__).resolve().parents[2]
NATIONAL = ROOT / "tests" / "data" / "national-gwr" / "wikisource"
SEED = ROOT / "seeds" / "futian-2023-10-mid-year-plan-report.txt"


def tree_of(path: Path) -> DocTree:
    return build_tree(normalize_file(path))


def answer(diff: DiffResult) -> list[tuple[object, ...]]:
    """What the differ says, script aside: each unit's class, pair and relation, the length of
    each sentence found added or removed, the sections' pairs."""
    units = sorted(
        (
            i.status,
            i.level,
            i.old.index if i.old else -1,
            i.new.index if i.new else -1,
            i.relation,
            len(i.old_sentence),
            len(i.new_sentence),
        )
        for i in diff.initiatives
    )
    sections = sorted((m.status, m.old.index if m.old else -1, m.new.index if m.new else -1) for m in diff.sections)
    return [*units, *sections]


@pytest.mark.parametrize("report", [NATIONAL / "2021.txt", SEED], ids=lambda p: p.stem)
def test_a_report_against_its_traditional_copy_is_unchanged(report: Path, tmp_path: Path) -> None:
    """Every unit carries itself on unchanged, but where the conversion is no round trip:
    OpenCC prints the seed's 坐标 as 座標, whose simplified form is 座标, a word of its own."""
    diff = compare(tree_of(report), tree_of(traditional_copy(report, tmp_path)))
    changed = [
        i
        for i in diff.initiatives
        if i.level == "unit"
        and (i.status != "recurring" or i.relation)
        and not (i.old is not None and i.new is not None and simplified(i.new.text) != i.old.text)
    ]
    assert changed == []
    assert all(i.old is not None and i.new is not None for i in diff.initiatives if i.level == "unit")
    assert diff.programmes.new == diff.programmes.dropped == ()
    assert diff.tables == ()


def test_an_edition_in_traditional_characters_gets_the_answer_of_its_simplified_copy(tmp_path: Path) -> None:
    old, new = NATIONAL / "2021.txt", NATIONAL / "2022.txt"
    as_printed = compare(tree_of(old), tree_of(new))
    assert answer(compare(tree_of(old), tree_of(traditional_copy(new, tmp_path)))) == answer(as_printed)
    assert answer(compare(tree_of(traditional_copy(old, tmp_path)), tree_of(new))) == answer(as_printed)


def test_the_word_diff_shows_each_edition_in_its_own_characters(tmp_path: Path) -> None:
    """Kept and added text spells out the new edition's sentences as it prints them; removed
    text is the old edition's own, and with the kept text its sentences (in the order they are
    aligned; kept text as the new edition prints it)."""
    old, new = tree_of(NATIONAL / "2021.txt"), tree_of(traditional_copy(NATIONAL / "2022.txt", tmp_path))
    reworded = [i for i in compare(old, new).initiatives if i.diff and i.old is not None and i.new is not None]
    assert reworded
    for item in reworded:
        assert item.new is not None and item.old is not None
        new_side = "".join(text for op, text in item.diff if op != "-")
        old_side = "".join(text for op, text in item.diff if op != "+")
        assert new_side == "".join(sentences(item.new.text))
        assert Counter(simplified(old_side)) == Counter(simplified("".join(sentences(item.old.text))))
        assert all(text in item.old.text for op, text in item.diff if op == "-" and "。" not in text[:-1])


def test_an_override_names_a_heading_in_either_script(tmp_path: Path) -> None:
    old, new = NATIONAL / "2021.txt", NATIONAL / "2022.txt"
    new_tree = tree_of(traditional_copy(new, tmp_path))
    heading = next(s for s in new_tree.sections if s.depth == 0 and "任務" in s.heading)
    old_heading = next(s for s in tree_of(old).sections if s.depth == 0 and "任务" in s.heading).heading
    diff = compare(tree_of(old), new_tree, Overrides(pin=((old_heading, heading.heading),)))
    assert any(m.pinned and m.new is not None and m.new.heading == heading.heading for m in diff.sections)


def test_a_tree_in_simplified_characters_is_read_as_it_is() -> None:
    tree = tree_of(NATIONAL / "2021.txt")
    assert as_simplified(tree) is tree


def test_a_tasks_part_is_known_in_traditional_characters() -> None:
    assert role_of("三、2022年政府工作任務") is Role.TASKS


def test_a_diff_of_the_copies_is_given_back_in_the_texts_own_characters() -> None:
    runs = [("=", "经济"), ("-", "发展"), ("+", "增长"), ("=", "稳定")]
    assert in_own_script(runs, "經濟發展穩定", "經濟增長穩定") == [
        ("=", "經濟"),
        ("-", "發展"),
        ("+", "增長"),
        ("=", "穩定"),
    ]


def test_runs_that_do_not_spell_the_texts_out_are_refused() -> None:
    assert in_own_script([("=", "经济")], "經濟發展", "經濟") is None
