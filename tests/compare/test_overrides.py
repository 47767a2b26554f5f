"""A reviewer's overrides settle initiatives too: a pin makes two units one initiative, a forbid
keeps them apart, a forbid with one side only says a unit continues nothing; each entry names a
unit by its address or its first words, and says in a note what it did (compare/overrides.py)."""

from __future__ import annotations

import functools
import re
from collections import Counter

import pytest

from corpusdiff.compare.core import compare
from corpusdiff.compare.overrides import MIN_LEAD, review_overrides
from corpusdiff.compare.units import initiative_units
from corpusdiff.types.diff import DiffResult, Initiative, Level, OverrideAction, Overrides, Status
from corpusdiff.types.tree import DocTree, Unit
from tests.conftest import corpus_diff, corpus_tree

OLD, NEW = "futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"
SOURCE = "alignments/a__b.yaml"
HAN = re.compile(r"[^\u4e00-\u9fff]")  # all but Han characters


@functools.cache
def reviewed(pin: tuple[tuple[str, str], ...] = (), forbid: tuple[tuple[str, str], ...] = ()) -> DiffResult:
    return compare(corpus_tree(OLD), corpus_tree(NEW), Overrides(pin, forbid, SOURCE))


def unit_items(result: DiffResult) -> list[Initiative]:
    return [i for i in result.initiatives if i.level == Level.UNIT]


def linked(result: DiffResult, old: Unit, new: Unit) -> list[Initiative]:
    """The items (pairs, merges, splits) that link the two units."""
    return [i for i in unit_items(result) if i.old == old and i.new == new]


def doubtful_call(status: Status) -> Initiative:
    """A call of the plain diff that names a likeliest partner (the kind a reviewer settles)."""
    return next(i for i in unit_items(corpus_diff(OLD, NEW)) if i.status == status and i.nearest and not i.relation)


def address(tree: DocTree, unit: Unit) -> str:
    return tree.unit_anchor(unit)


def test_a_pin_makes_a_doubtful_call_and_its_likeliest_partner_one_initiative() -> None:
    call = doubtful_call(Status.DROPPED)
    assert call.old is not None and call.nearest is not None
    new_tree = corpus_tree(NEW)
    result = reviewed(pin=((call.old.text[:12], address(new_tree, call.nearest)),))
    [pair] = [i for i in linked(result, call.old, call.nearest) if not i.relation]
    assert pair.pinned and pair.confidence == "high" and pair.similarity == 1.0
    assert pair.status in (Status.RECURRING, Status.REWORDED, Status.MOVED)
    assert not [i for i in unit_items(result) if i.status == Status.DROPPED and i.old == call.old]
    assert [n.action for n in result.notes] == [OverrideAction.PINNED]


def test_a_forbid_of_one_side_makes_a_sure_call_of_a_doubtful_one() -> None:
    call = doubtful_call(Status.NEW)
    assert call.new is not None
    result = reviewed(forbid=(("", call.new.text[:10]),))
    [item] = [i for i in unit_items(result) if call.new in (i.old, i.new)]
    assert (item.status, item.nearest, item.pinned, item.confidence) == (Status.NEW, None, True, "high")
    assert [n.action for n in result.notes] == [OverrideAction.ALONE]


def test_a_forbidden_pair_is_never_linked_and_its_units_find_what_else_there_is() -> None:
    plain = corpus_diff(OLD, NEW)
    pair = next(i for i in unit_items(plain) if i.status == Status.REWORDED and not i.relation and i.old and i.old.heading)
    assert pair.old is not None and pair.new is not None
    result = reviewed(forbid=((pair.old.heading, address(corpus_tree(NEW), pair.new)),))
    assert linked(plain, pair.old, pair.new) and not linked(result, pair.old, pair.new)
    assert [n.action for n in result.notes] == [OverrideAction.FORBIDDEN]
    assert all(i.old != pair.old for i in unit_items(result) if i.pinned)


def test_an_initiative_is_named_by_any_form_of_its_address() -> None:
    old, new = corpus_tree(OLD), corpus_tree(NEW)
    units = initiative_units(old)
    unit = next(u for u in units if u.kind == "paragraph" and u.heading)
    target = initiative_units(new)[0]
    anchor = address(old, unit)
    for name in (anchor, "¶" + anchor[1:], f"{OLD}#{anchor}", unit.heading):
        pins = review_overrides(old, new, Overrides(pin=((name, address(new, target)),))).units.pins
        assert pins == ((units.index(unit), 0),), name
    elsewhere = review_overrides(old, new, Overrides(pin=((f"{NEW}#{anchor}", address(new, target)),)))
    assert elsewhere.units.pins == () and elsewhere.notes[0].action == OverrideAction.NOT_FOUND


def test_words_naming_several_initiatives_or_too_few_to_name_one_do_nothing_and_say_so() -> None:
    old, new = corpus_tree(OLD), corpus_tree(NEW)
    starts = Counter(HAN.sub("", u.text)[: MIN_LEAD + 2] for u in initiative_units(old))
    shared = next(start for start, n in starts.items() if n > 1 and len(start) == MIN_LEAD + 2)
    target = address(new, initiative_units(new)[0])
    found = review_overrides(old, new, Overrides(pin=((shared, target), (shared[: MIN_LEAD - 1], target))))
    assert [n.action for n in found.notes] == [OverrideAction.AMBIGUOUS, OverrideAction.NOT_FOUND]
    assert found.units.pins == ()


def test_a_pin_of_two_group_headings_pins_their_sections_and_their_group_units() -> None:
    old, new = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"
    headings = ("（五）全力创建文明城市", "（六）持续强化社会民生保障，建设高质量民生福地")
    result = compare(corpus_tree(old), corpus_tree(new), Overrides(pin=(headings,)))
    [section] = [m for m in result.sections if m.pinned]
    [group] = [i for i in unit_items(result) if i.pinned]
    assert group.old is not None and group.new is not None
    assert (group.old.section, group.new.section) == (section.old.index, section.new.index)  # type: ignore[union-attr]


@pytest.mark.parametrize("entry", [("", ""), ("p999999", "p999999")])
def test_an_entry_naming_nothing_changes_nothing(entry: tuple[str, str]) -> None:
    plain = corpus_diff(OLD, NEW)
    result = reviewed(forbid=(entry,))
    assert result.initiatives == plain.initiatives and result.sections == plain.sections
    assert [n.action for n in result.notes] == [OverrideAction.NOT_FOUND]
