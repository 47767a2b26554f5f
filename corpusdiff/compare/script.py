"""Two editions compared as one script: traditional characters read as simplified ones.

The national report of 1954 is printed in traditional characters (政府工作報告, 我們), the next
ones in simplified; a reprint from Hong Kong or Taiwan may be either. Compared as printed,
every word differs and nothing pairs (1954 -> 1955: 11 units continue; read as one script, 45).
So the matcher, the section aligner and the word-level diff read a simplified copy of each tree
(`text.script`, OpenCC's `t2s`), and what they find is given back in the report's own
characters: the copy has the same units, sections and indices as the tree, and OpenCC's
simplified form of a report's text has the same length, so a diff of the copies maps onto the
originals character for character. A change of script alone is no change of the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from corpusdiff.compare.units import group_text
from corpusdiff.text.script import simplified_texts
from corpusdiff.types.diff import SectionMatch
from corpusdiff.types.tree import DocTree, Section, Unit

EQUAL, DELETE, INSERT = "=", "-", "+"


def as_simplified(tree: DocTree) -> DocTree:
    """The tree with its units' and sections' text in simplified characters; the same tree when
    it has none to change."""
    texts = [
        *(u.text for u in tree.units),
        *(u.heading for u in tree.units),
        *(s.heading for s in tree.sections),
        *(part for s in tree.sections for part in s.path),
    ]
    seen = simplified_texts(texts)
    if seen == texts:
        return tree
    read = iter(seen)
    unit_texts = [next(read) for _ in tree.units]
    units = tuple(replace(u, text=text, heading=next(read)) for u, text in zip(tree.units, unit_texts, strict=True))
    headings = [next(read) for _ in tree.sections]
    sections = tuple(
        replace(s, heading=heading, path=tuple(next(read) for _ in s.path))
        for s, heading in zip(tree.sections, headings, strict=True)
    )
    return replace(tree, units=units, sections=sections)


def own_units(tree: DocTree, seen: Sequence[Unit]) -> tuple[Unit, ...]:
    """Initiative units found on the simplified copy of `tree`, as the tree prints them: its own
    units, and a group unit (compare adds one per group heading) with the heading as printed.
    The copy's units, not the tree's, since which parts are task areas is read from headings."""
    return tuple(
        tree.units[u.index]
        if u.index < len(tree.units)
        else replace(u, heading=_heading(tree, u), text=group_text(_heading(tree, u)))
        for u in seen
    )


def _heading(tree: DocTree, unit: Unit) -> str:
    return tree.sections[unit.section].heading if unit.section is not None else unit.heading


def original_sections(old: DocTree, new: DocTree, matches: Sequence[SectionMatch]) -> list[SectionMatch]:
    """Section matches found on the simplified copies, naming the trees' own sections."""

    def own(tree: DocTree, section: Section | None) -> Section | None:
        return None if section is None else tree.sections[section.index]

    return [replace(m, old=own(old, m.old), new=own(new, m.new)) for m in matches]


def in_own_script(runs: Sequence[tuple[str, str]], old: str, new: str) -> list[tuple[str, str]] | None:
    """A word-level diff of the simplified copies of `old` and `new` given in their own
    characters: unchanged text as the new edition prints it, deleted text as the old one, added
    text as the new one. None when the runs do not spell the copies out (then diff the texts as
    printed)."""
    out: list[tuple[str, str]] = []
    at_old = at_new = 0
    for op, text in runs:
        size = len(text)
        if op == DELETE:
            out.append((op, old[at_old : at_old + size]))
            at_old += size
        elif op == INSERT:
            out.append((op, new[at_new : at_new + size]))
            at_new += size
        else:
            out.append((op, new[at_new : at_new + size]))
            at_old, at_new = at_old + size, at_new + size
    if (at_old, at_new) != (len(old), len(new)):
        return None
    return out


Aligner = Callable[[list[str], list[str]], list[tuple[str, str]]]
Differ = Callable[[str, str], list[tuple[str, str]]]


def align_as_simplified(old: list[str], new: list[str], align: Aligner) -> list[tuple[str, str]]:
    """`align(old, new)` (sentence pairs, an empty side for one left over) run on the sentences'
    simplified copies and given back as printed."""
    seen_old, seen_new = simplified_texts(old), simplified_texts(new)
    own_old, own_new = dict(zip(seen_old, old, strict=True)), dict(zip(seen_new, new, strict=True))
    return [(own_old[o] if o else "", own_new[n] if n else "") for o, n in align(seen_old, seen_new)]


def diff_as_simplified(old: str, new: str, diff: Differ) -> list[tuple[str, str]]:
    """`diff(old, new)` (word-level runs) run on the simplified copies and given back as printed;
    as printed where the copies cannot be mapped back."""
    seen = simplified_texts([old, new])
    if seen != [old, new] and (len(seen[0]), len(seen[1])) == (len(old), len(new)):
        runs = in_own_script(diff(seen[0], seen[1]), old, new)
        if runs is not None:
            return runs
    return diff(old, new)
