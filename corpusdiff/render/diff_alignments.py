"""`diff --format alignments`: the calls of new and dropped the differ doubts, as a reviewer's
overrides file to complete (`corpus/alignments/<old>__<new>.yaml`, compare/overrides.py).

Each doubtful call is offered twice, commented out: a pin of the unit and its likeliest partner
(the two are one initiative) and a forbid of the unit alone (it continues nothing). The reviewer
uncomments the one that is right and commits the file; every view then gives that answer. As
written, the file decides nothing: `pin` and `forbid` are empty until an entry is uncommented.
Entries name units by address only (`p163`, `h12`), so no report text is read as YAML; the text
stands in comments, one line each.
"""

from __future__ import annotations

from corpusdiff.render.diff import is_doubtful
from corpusdiff.render.grid import truncate
from corpusdiff.strings import Strings
from corpusdiff.types.diff import DiffResult, Initiative, Level, Status
from corpusdiff.types.tree import DocTree, Unit, unit_title

#: How much of a unit's name a comment line gives, in terminal columns (a Han character takes two).
TITLE = 60


def to_alignments(result: DiffResult, strings: Strings) -> str:
    """The overrides file to complete for this pair, its doubtful calls in reading order."""
    calls = [i for i in result.initiatives if i.level == Level.UNIT and is_doubtful(i) and not i.relation]
    old_id, new_id = result.old.metadata.id or "OLD", result.new.metadata.id or "NEW"
    lines = [f"# {line}" for line in strings("alignments.head", old=old_id, new=new_id, n=len(calls)).split("\n")]
    lines += ["pin:"]
    for item in calls:
        old, new = _sides(item)
        lines += [
            "# " + strings("alignments.pin", old=_named(result.old, old), new=_named(result.new, new), p=f"{item.nearest_probability:.2f}"),
            f"#  - old: {result.old.unit_anchor(old)}",
            f"#    new: {result.new.unit_anchor(new)}",
        ]
    lines += ["forbid:"]
    for item in calls:
        unit, tree, side = (item.old, result.old, "old") if item.status == Status.DROPPED else (item.new, result.new, "new")
        assert unit is not None  # a call of new or dropped has its own side
        lines += ["# " + strings(f"alignments.alone.{side}", unit=_named(tree, unit)), f"#  - {side}: {tree.unit_anchor(unit)}"]
    return "\n".join(lines) + "\n"


def _sides(item: Initiative) -> tuple[Unit, Unit]:
    """(old unit, new unit) of a doubtful call and the likeliest partner it names."""
    assert item.nearest is not None
    if item.status == Status.DROPPED:
        assert item.old is not None
        return item.old, item.nearest
    assert item.new is not None
    return item.nearest, item.new


def _named(tree: DocTree, unit: Unit) -> str:
    """`p28 城区安全更加牢靠`: the unit's address and, cut to one short line, its name."""
    return f"{tree.unit_anchor(unit)} {truncate(' '.join(unit_title(unit).split()), TITLE)}"
