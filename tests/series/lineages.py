"""Score a timeline against hand-labelled lineages (tests/data/labels/national-threads.yaml).

Three measures, each computed from the labels and the differ's own results, never from what the
timeline says about itself:

- **exact**: labelled lineages that come out as exactly one thread — a thread of the lineage's
  level whose item in every edition is the labelled unit (absent where the label is null);
- **unexplained sharing**: items that sit in more than one thread although neither thread takes a
  step the differ calls a merge or a split (between successive items, or across the next one,
  where the diff skipping an edition reports it);
- **topic jumps**: threads holding labelled items of two lineages that the labels keep apart (no
  item in common).

`python -m tests.series.lineages` prints the report for the national reports (NATIONAL_DIR, or
$CORPUSDIFF_SHARED/corpora/national-gwr/wikisource): the lineages tuned on, the first held-out
six and each later held-out set (`set:` in the labels, e.g. fresh-2026-12) on lines of their own.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import yaml

from corpusdiff.compare.core import compare_job
from corpusdiff.compare.units import GROUP as GROUP_KIND
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.parallel import Runner
from corpusdiff.series.timeline import (
    Thread,
    ThreadItem,
    Timeline,
    build_timeline,
    comparison_pairs,
    named,
    pairwise_diffs,
)
from corpusdiff.store.diffs import cached_compare_job
from corpusdiff.structure import build_tree
from corpusdiff.text.chars import WORD_CHARS
from corpusdiff.types.diff import DiffResult
from corpusdiff.types.tree import DocTree, Unit
from tests.shared import SHARED

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "labels" / "national-threads.yaml"
YEARS = ("2013", "2014", "2015", "2016", "2017", "2018", "2019", "2021", "2022")
NATIONAL_DIR = SHARED / "corpora" / "national-gwr" / "wikisource"
_KEY = re.compile(f"[{WORD_CHARS}]")


def key(text: str) -> str:
    """Han characters, letters and digits only: how labels and units are compared."""
    return "".join(_KEY.findall(text))


@dataclass(frozen=True)
class Lineage:
    name: str
    level: str  # unit (the timeline's task level) or group
    items: Mapping[str, str | None]  # year -> first words (`A … B`: starts with A, contains B)
    held_out: bool = False
    #: The held-out set a lineage was labelled in (`set:`), None for the first 31: a set chosen
    #: later is scored on its own line, so that each is judged once, unseen.
    label_set: str | None = None
    #: A later set labelled to be tuned on (`tuned: true`): scored on its own line as tuned, the
    #: earlier sets staying held out.
    tuned: bool = False

    @property
    def thread_level(self) -> str:
        return "group" if self.level == "group" else "task"


def load_lineages(path: Path = LABELS) -> list[Lineage]:
    """The labels; a missing or empty file is an error (the labels are part of the suite)."""
    assert path.is_file(), f"{path} is missing: the hand labels are part of the test suite"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw, f"{path} holds no labels"
    return [
        Lineage(
            entry["name"],
            entry["level"],
            dict(entry["items"]),
            bool(entry.get("held_out")),
            entry.get("set"),
            bool(entry.get("tuned")),
        )
        for entry in raw
    ]


def in_set(lineages: Sequence[Lineage], label_set: str) -> list[Lineage]:
    """The lineages of one later set."""
    return [x for x in lineages if x.label_set == label_set]


def first_labels(lineages: Sequence[Lineage]) -> list[Lineage]:
    """The lineages labelled first (tuned on and the first held-out six), without later sets."""
    return [x for x in lineages if x.label_set is None]


def edition_id(year: str) -> str:
    return f"national/government-work-report/{year}"


def year_of(edition: str) -> str:
    return edition.rsplit("/", 1)[-1]


def matches(item: ThreadItem, label: str, level: str) -> bool:
    """Whether a thread item is the unit a label names: a group by its whole heading, any
    other unit by the first words of its text."""
    if level == "group":
        return key(item.heading) == key(label)
    start, _, inside = label.partition(" … ")
    return key(item.text).startswith(key(start)) and key(inside) in key(item.text)


def is_lineage(thread: Thread, lineage: Lineage) -> bool:
    """The thread holds exactly the labelled unit of every edition, and nothing else."""
    if thread.level != lineage.thread_level:
        return False
    for year in YEARS:
        item = thread.item_in(edition_id(year))
        label = lineage.items.get(year)
        if (item is None) != (label is None):
            return False
        if item is not None and label is not None and not matches(item, label, lineage.level):
            return False
    return True


def holds_lineage(thread: Thread, lineage: Lineage) -> bool:
    """The thread holds the labelled unit of every edition the lineage is in (it may hold more,
    in editions where the label has none): the lineage is not broken into pieces."""
    if thread.level != lineage.thread_level:
        return False
    for year, label in lineage.items.items():
        item = thread.item_in(edition_id(year))
        if label is not None and (item is None or not matches(item, label, lineage.level)):
            return False
    return True


def pointer_of(tree: DocTree, unit: Unit) -> str:
    """The timeline's pointer of a differ's unit: a heading anchor for a group or numbered
    task, a paragraph address for any other unit."""
    if unit.kind in (GROUP_KIND, "task") and unit.section is not None:
        return f"{tree.metadata.id}#{tree.anchor(unit.section)}"
    return f"{tree.metadata.id}#p{unit.paragraph}"


def relation_steps(diffs: Iterable[DiffResult], sections: bool = True) -> set[tuple[str, str]]:
    """(old pointer, new pointer) of every pair the differ calls a merge or a split, of
    initiative units, and of sections unless `sections` is false."""
    diffs = list(diffs)
    units = {
        (pointer_of(d.old, i.old), pointer_of(d.new, i.new))
        for d in diffs
        for i in d.initiatives
        if i.relation and i.old is not None and i.new is not None
    }
    headings = {
        (
            f"{d.old.metadata.id}#{d.old.anchor(m.old.index)}",
            f"{d.new.metadata.id}#{d.new.anchor(m.new.index)}",
        )
        for d in diffs
        for m in d.sections
        if sections and m.relation and m.old is not None and m.new is not None
    }
    return units | headings


def unexplained_sharing(timeline: Timeline, diffs: Sequence[DiffResult]) -> list[ThreadItem]:
    """Items in two threads of which neither takes a step the differ calls a merge or split:
    from one item to the next, or to the one after, where the diff skipping an edition calls
    it (2014→2016 cuts 2016's 一带一路 from 2014's 走出去, and the thread goes through 2015)."""
    steps = relation_steps(diffs)
    holders: dict[tuple[str, ThreadItem], list[Thread]] = {}
    for thread in timeline.threads:
        for item in thread.items:
            holders.setdefault((thread.level, item), []).append(thread)
    return [
        item
        for (_, item), threads in holders.items()
        if len(threads) > 1 and sum(takes_merge_or_split(t, steps) for t in threads) < len(threads) - 1
    ]


def takes_merge_or_split(thread: Thread, steps: set[tuple[str, str]]) -> bool:
    """Whether the thread holds both units of a merge or split of `steps` (old pointer, new
    pointer) one item apart, or two where the diff skipping an edition reports it."""
    items = thread.items
    across = zip(items, items[2:], strict=False)
    return any((a.pointer, b.pointer) in steps for a, b in [*pairwise(items), *across])


def topic_jumps(
    timeline: Timeline, diffs: Sequence[DiffResult], lineages: Sequence[Lineage]
) -> list[tuple[Thread, ThreadItem, ThreadItem]]:
    """Steps of a thread from a labelled item to the next labelled one that no lineage holds
    both of, with no merge or split the differ reports on the way: the thread jumps topic."""
    steps = relation_steps(diffs, sections=False)
    jumps = []
    for thread in timeline.threads:
        level = [x for x in lineages if x.thread_level == thread.level]
        previous: tuple[ThreadItem, set[str]] | None = None
        for n, item in enumerate(thread.items):
            if n and (thread.items[n - 1].pointer, item.pointer) in steps:
                previous = None
            holders = {x.name for x in level if _labelled(item, x)}
            if not holders:
                continue
            step = (previous[0], item) if previous is not None else None
            if step is not None and not previous[1] & holders and all(step != j[1:] for j in jumps):
                jumps.append((thread, *step))
            previous = (item, holders)
    return jumps


def _labelled(item: ThreadItem, lineage: Lineage) -> bool:
    label = lineage.items.get(year_of(item.edition))
    return label is not None and matches(item, label, lineage.level)


def _holds_item_of(thread: Thread, lineage: Lineage) -> bool:
    return any(_labelled(item, lineage) for item in thread.items)


@dataclass(frozen=True)
class Score:
    exact: tuple[str, ...]  # names of the lineages that come out as exactly one thread
    missed: tuple[str, ...]
    whole: tuple[str, ...]  # names of the lineages one thread holds entirely (perhaps with more)
    unexplained: tuple[ThreadItem, ...]
    jumps: tuple[tuple[Thread, ThreadItem, ThreadItem], ...]


def score(timeline: Timeline, diffs: Sequence[DiffResult], lineages: Sequence[Lineage]) -> Score:
    exact = [x.name for x in lineages if any(is_lineage(t, x) for t in timeline.threads)]
    return Score(
        tuple(exact),
        tuple(x.name for x in lineages if x.name not in exact),
        tuple(x.name for x in lineages if any(holds_lineage(t, x) for t in timeline.threads)),
        tuple(unexplained_sharing(timeline, diffs)),
        tuple(topic_jumps(timeline, diffs, lineages)),
    )


# --- the national reports ------------------------------------------------------------------------


def national_trees(directory: Path = NATIONAL_DIR) -> list[DocTree]:
    """The nine reports, normalised, each named by its year (the corpus ids a manifest gives)."""
    assert directory.is_dir(), (
        f"{directory} is missing: the national reports of the shared checkout are part of the suite "
        "(set CORPUSDIFF_SHARED to the checkout)"
    )
    trees = []
    for year in YEARS:
        document = normalize_file(directory / f"{year}.txt", {"date": f"{year}-03-05"})
        trees.append(named(build_tree(document), edition_id(year)))
    return trees


@cache
def national_timeline(
    reach: int | None = None, jobs: int = 1, cached: bool = True
) -> tuple[Timeline, tuple[DiffResult, ...]]:
    """The timeline of the nine reports and the diffs it is built from. `cached`: through the
    disk cache (store.diffs), as `corpusdiff timeline` compares, so that running this module
    again compares nothing; the test suite, whose cache is fresh and which never reads these
    diffs again, compares without it (writing the 36 results costs ~3 s of CPU)."""
    trees = national_trees()
    job = cached_compare_job if cached else compare_job
    diffs = pairwise_diffs(trees, comparison_pairs(len(trees), reach), runner=Runner(jobs=jobs), job=job)
    return build_timeline(trees, diffs), tuple(diffs)


def report(timeline: Timeline, diffs: Sequence[DiffResult], lineages: Sequence[Lineage]) -> str:
    lines = []
    later_sets = sorted({x.label_set for x in lineages if x.label_set is not None})
    first = first_labels(lineages)
    for title, chosen in (
        ("tuned on", [x for x in first if not x.held_out]),
        ("held out", [x for x in first if x.held_out]),
        *((f"{_set_title(lineages, name)}, set {name}", in_set(lineages, name)) for name in later_sets),
    ):
        result = score(timeline, diffs, chosen)
        lines.append(
            f"{title}: {len(result.exact)}/{len(chosen)} lineages exactly one thread, "
            f"{len(result.whole)}/{len(chosen)} held whole by one thread"
        )
        lines += [f"  missed: {name}" for name in result.missed]
    whole = score(timeline, diffs, lineages)
    lines.append(f"items in more than one thread without a merge or split: {len(whole.unexplained)}")
    lines += [f"  {item.edition} {item.heading[:30]}" for item in whole.unexplained[:20]]
    lines.append(f"steps between labelled items of lineages kept apart (topic jumps): {len(whole.jumps)}")
    for thread, a, b in whole.jumps:
        lines.append(
            f"  {thread.level}: {year_of(a.edition)} {a.heading[:24]} → {year_of(b.edition)} {b.heading[:24]}"
        )
    return "\n".join(lines)


def _set_title(lineages: Sequence[Lineage], label_set: str) -> str:
    return "tuned on" if all(x.tuned for x in in_set(lineages, label_set)) else "held out"


def main(argv: Sequence[str] = ()) -> int:
    reach = int(argv[0]) if argv else None
    timeline, diffs = national_timeline(reach, jobs=int(os.environ.get("JOBS", "1")))
    print(report(timeline, diffs, load_lineages()))
    return 0


if __name__ == "__main__":
    from corpusdiff.store import cache as disk_cache

    disk_cache.install()
    sys.exit(main(sys.argv[1:]))
