"""Score the differ against the hand-labelled initiative pairs of tests/data/labels/initiatives/,
with the measures of docs/initiative-labels.md (in /work/shared). `python -m tests.eval_initiatives`
(or `make eval`) prints one row per labelled pair; `--verbose` adds the confusion and the errors.

Only `run_differ` touches the differ: it turns a DiffResult into a `DifferView` (unit texts of both
sides, unit-level pairs, units called dropped and new). Everything else scores a DifferView, so the
scorer is tested on hand-made views and survives changes to the differ's types.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tests.shared import SHARED  # "corpora/…" label paths resolve against it

ROOT = Path(__file__).resolve().parent.parent
LABELS = Path(__file__).parent / "data" / "labels" / "initiatives"

PAIRED, DROPPED, NEW, UNLOCATED, UNCALLED = "paired", "dropped", "new", "unlocated", "uncalled"
LABEL_CLASSES = (PAIRED, DROPPED, NEW)
DIFFER_CLASSES = (PAIRED, DROPPED, NEW, UNLOCATED, UNCALLED)


# --- the differ, behind one adapter ------------------------------------------------------------


@dataclass(frozen=True)
class DifferView:
    """What the scorer reads of a diff. Units are positions in `old_units` / `new_units` (the texts of
    the differ's units, in document order). `pairs` holds (old, new, how) for every unit-level
    initiative with both sides, `how` being its status, or its relation (merge/split) if it has one."""

    old_units: tuple[str, ...]
    new_units: tuple[str, ...]
    pairs: tuple[tuple[int, int, str], ...]
    dropped: frozenset[int]
    new: frozenset[int]
    #: the calls of dropped (old units) and new (new units) the differ itself doubts (confidence
    #: low: a unit of the other edition is a plausible partner)
    doubtful_dropped: frozenset[int] = frozenset()
    doubtful_new: frozenset[int] = frozenset()


def run_differ(old_path: Path, new_path: Path) -> DifferView:
    """Normalise both raw reports, build their trees, compare, and read the result. The only function
    here that knows the differ's API."""
    from corpusdiff.compare.units import reading_order
    from corpusdiff.normalize.entry import normalize_file
    from corpusdiff.store.diffs import cached_compare
    from corpusdiff.structure import build_tree

    # through the disk cache (keyed by both trees and the code): the suite scores a pair in
    # several tests, and a second `make eval` of unchanged code compares nothing again
    result = cached_compare(build_tree(normalize_file(old_path)), build_tree(normalize_file(new_path)))
    old_units, new_units = reading_order(result.old), reading_order(result.new)
    old_at = {unit: i for i, unit in enumerate(old_units)}
    new_at = {unit: i for i, unit in enumerate(new_units)}
    pairs: list[tuple[int, int, str]] = []
    dropped: set[int] = set()
    new: set[int] = set()
    doubtful: tuple[set[int], set[int]] = (set(), set())
    for item in result.initiatives:
        if item.level != "unit":
            continue  # changes inside a continuing unit are not scored
        if item.old is not None and item.new is not None:
            pairs.append((old_at[item.old], new_at[item.new], item.relation or item.status))
        elif item.old is not None:
            dropped.add(old_at[item.old])
            if item.nearest is not None:
                doubtful[0].add(old_at[item.old])
        elif item.new is not None:
            new.add(new_at[item.new])
            if item.nearest is not None:
                doubtful[1].add(new_at[item.new])
    return DifferView(
        tuple(u.text for u in old_units),
        tuple(u.text for u in new_units),
        tuple(pairs),
        frozenset(dropped),
        frozenset(new),
        frozenset(doubtful[0]),
        frozenset(doubtful[1]),
    )


# --- locating labelled units --------------------------------------------------------------------

_KEEP = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]")
# An enumerator or list debris at the start: （一） (1) 一、 1. 1、 ——  一一 (OCR'd ——) - * #.
# The differ drops task numbers from its units, the labels keep them as printed.
_ENUMERATOR = re.compile(
    r"^(?:[\s\-*#>•·—–]|一一|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}、"
    r"|\d{1,2}\s*[.．、](?!\d))+"
)


def key(text: str) -> str:
    """The locating key: width-folded (NFKC, as the normaliser turns １９８７ into 1987), a leading
    enumerator dropped, then only Han characters, Latin letters and digits kept (punctuation,
    half-width variants, `**` and `- ` debris do not matter)."""
    return "".join(_KEEP.findall(_ENUMERATOR.sub("", unicodedata.normalize("NFKC", text).strip())))


def locate(leads: Sequence[str], units: Sequence[str]) -> list[int | None]:
    """For each lead (in order), the differ unit it is in: the first unit at or after the previous
    located position whose key starts with the lead's key; else the first whose key contains it,
    searched from the previous position, then from the start. None if nowhere (or the key is empty).
    Several leads may land in one unit."""
    keys = [key(text) for text in units]
    found: list[int | None] = []
    position = 0
    for lead in leads:
        wanted = key(lead)
        at = None
        if wanted:
            ahead, behind = range(position, len(keys)), range(position)
            at = next((i for i in ahead if keys[i].startswith(wanted)), None)
            if at is None:
                at = next((i for i in [*ahead, *behind] if wanted in keys[i]), None)
        found.append(at)
        if at is not None and at >= position:
            position = at
    return found


# --- scoring -------------------------------------------------------------------------------------


def _ratio(right: int, of: int) -> float:
    """A share; 1.0 when there is nothing to judge (the table prints such a cell as '–')."""
    return right / of if of else 1.0


@dataclass(frozen=True)
class PairScore:
    name: str
    held_out: bool
    old_located: int
    old_total: int
    new_located: int
    new_total: int
    old_crowded: int  # labelled units sharing their differ unit with another labelled unit (granularity)
    new_crowded: int
    found: int  # same/high labelled pairs the differ pairs
    found_of: int  # same/high labelled pairs
    pairs_right: int  # differ pairs between located units that a labelled pair connects
    pairs_judged: int  # differ pairs between located units
    dropped_right: int  # located differ units called dropped whose labelled units are all unpaired
    dropped_called: int
    new_right: int
    new_called: int
    sure_dropped_right: int  # the same, of the calls the differ is sure of (confidence high)
    sure_dropped_called: int
    sure_new_right: int
    sure_new_called: int
    confusion: tuple[tuple[str, str, int], ...]  # (label class, differ class, labelled units)
    unlocated: tuple[str, ...]
    missed_pairs: tuple[str, ...]
    wrong_pairs: tuple[str, ...]
    wrong_dropped: tuple[str, ...]
    wrong_new: tuple[str, ...]

    @property
    def pairs_found(self) -> float:
        return _ratio(self.found, self.found_of)

    @property
    def pair_precision(self) -> float:
        return _ratio(self.pairs_right, self.pairs_judged)

    @property
    def called_dropped_right(self) -> float:
        return _ratio(self.dropped_right, self.dropped_called)

    @property
    def called_new_right(self) -> float:
        return _ratio(self.new_right, self.new_called)

    @property
    def located(self) -> float:
        return _ratio(self.old_located + self.new_located, self.old_total + self.new_total)

    def confusion_table(self) -> dict[str, dict[str, int]]:
        table = {row: dict.fromkeys(DIFFER_CLASSES, 0) for row in LABEL_CLASSES}
        for row, column, count in self.confusion:
            table[row][column] += count
        return table


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def score(labels: Mapping[str, Any], view: DifferView, name: str = "") -> PairScore:
    """The measures of one labelled pair against one diff."""
    old_units, new_units = labels["old_units"], labels["new_units"]
    lead = {u["id"]: u["lead"] for u in [*old_units, *new_units]}
    old_loc = dict(
        zip([u["id"] for u in old_units], locate([u["lead"] for u in old_units], view.old_units), strict=True)
    )
    new_loc = dict(
        zip([u["id"] for u in new_units], locate([u["lead"] for u in new_units], view.new_units), strict=True)
    )
    in_old: dict[int, list[str]] = {}  # differ unit -> labelled units located in it
    in_new: dict[int, list[str]] = {}
    for ids, loc in ((in_old, old_loc), (in_new, new_loc)):
        for uid, at in loc.items():
            if at is not None:
                ids.setdefault(at, []).append(uid)

    labelled = {(p["old_id"], p["new_id"]) for p in labels["pairs"]}
    paired_ids = {i for p in labelled for i in p}
    differ_pairs = {(o, n): how for o, n, how in view.pairs}
    paired_old = {o for o, _ in differ_pairs}
    paired_new = {n for _, n in differ_pairs}

    def differ_class(uid: str, side: str) -> str:
        at = (old_loc if side == "old" else new_loc)[uid]
        if at is None:
            return UNLOCATED
        if at in (paired_old if side == "old" else paired_new):
            return PAIRED
        if side == "old" and at in view.dropped:
            return DROPPED
        if side == "new" and at in view.new:
            return NEW
        return UNCALLED

    def fate(uid: str, side: str) -> str:
        """What the differ did with a labelled unit, for the error lists."""
        cls = differ_class(uid, side)
        if cls != PAIRED:
            return f"{uid} {cls}"
        at = (old_loc if side == "old" else new_loc)[uid]
        others = sorted(
            ",".join(in_new.get(n, [f"#{n}"]) if side == "old" else in_old.get(o, [f"#{o}"]))
            for o, n in differ_pairs
            if (o if side == "old" else n) == at
        )
        return f"{uid} paired with {' '.join(others)}"

    # pairs found
    wanted = [
        (p["old_id"], p["new_id"])
        for p in labels["pairs"]
        if p["label"] == "same" and p["confidence"] == "high"
    ]
    missed = []
    for o, n in wanted:
        a, b = old_loc[o], new_loc[n]
        if a is None or b is None or (a, b) not in differ_pairs:
            missed.append(
                f"{o}→{n} {_short(lead[o])} / {_short(lead[n])}: {fate(o, 'old')}; {fate(n, 'new')}"
            )

    # pair precision
    judged = right = 0
    wrong_pairs = []
    for (o, n), how in sorted(differ_pairs.items()):
        if o not in in_old or n not in in_new:
            continue
        judged += 1
        if any((a, b) in labelled for a in in_old[o] for b in in_new[n]):
            right += 1
        else:
            wrong_pairs.append(
                f"{','.join(in_old[o])}→{','.join(in_new[n])} ({how}) {_short(lead[in_old[o][0]])} / {_short(lead[in_new[n][0]])}"
            )

    # called dropped / new right
    def called(units: frozenset[int], ids: dict[int, list[str]]) -> tuple[int, int, list[str]]:
        hits = [at for at in sorted(units) if at in ids]
        wrong = [at for at in hits if any(uid in paired_ids for uid in ids[at])]
        errors = [
            f"{','.join(ids[at])} {_short(lead[ids[at][0]], 40)}: labelled "
            + "; ".join(f"{a}→{b}" for a, b in sorted(labelled) if a in ids[at] or b in ids[at])
            for at in wrong
        ]
        return len(hits) - len(wrong), len(hits), errors

    dropped_right, dropped_called, wrong_dropped = called(view.dropped, in_old)
    new_right, new_called, wrong_new = called(view.new, in_new)
    sure_dropped_right, sure_dropped_called, _ = called(view.dropped - view.doubtful_dropped, in_old)
    sure_new_right, sure_new_called, _ = called(view.new - view.doubtful_new, in_new)

    confusion: Counter[tuple[str, str]] = Counter()
    for side, units, unpaired in (("old", old_units, DROPPED), ("new", new_units, NEW)):
        for u in units:
            confusion[(PAIRED if u["id"] in paired_ids else unpaired, differ_class(u["id"], side))] += 1

    def crowded(ids: dict[int, list[str]]) -> int:
        return sum(len(v) for v in ids.values() if len(v) > 1)

    return PairScore(
        name=name,
        held_out=bool(labels.get("meta", {}).get("held_out", False)),
        old_located=sum(at is not None for at in old_loc.values()),
        old_total=len(old_units),
        new_located=sum(at is not None for at in new_loc.values()),
        new_total=len(new_units),
        old_crowded=crowded(in_old),
        new_crowded=crowded(in_new),
        found=len(wanted) - len(missed),
        found_of=len(wanted),
        pairs_right=right,
        pairs_judged=judged,
        dropped_right=dropped_right,
        dropped_called=dropped_called,
        new_right=new_right,
        new_called=new_called,
        sure_dropped_right=sure_dropped_right,
        sure_dropped_called=sure_dropped_called,
        sure_new_right=sure_new_right,
        sure_new_called=sure_new_called,
        confusion=tuple(sorted((a, b, c) for (a, b), c in confusion.items())),
        unlocated=tuple(
            f"{uid} {_short(lead[uid], 40)}"
            for loc in (old_loc, new_loc)
            for uid, at in loc.items()
            if at is None
        ),
        missed_pairs=tuple(missed),
        wrong_pairs=tuple(wrong_pairs),
        wrong_dropped=tuple(wrong_dropped),
        wrong_new=tuple(wrong_new),
    )


# --- label files ---------------------------------------------------------------------------------


def label_files() -> list[Path]:
    return sorted(LABELS.glob("*__*.json"))


def raw_path(name: str) -> Path:
    """A label file's raw path: "corpora/…" lives in the shared checkout, the rest in this repo."""
    return (SHARED if name.startswith("corpora/") else ROOT) / name


#: Other sources of the same reports: the national reports 2014–2017 as the government portal's
#: HTML pages, beside the wikisource text the labels were read from.
SOURCES = {"govcn": ("corpora/national-gwr/wikisource/", ".txt", "corpora/national-gwr/govcn/", ".html")}


def source_path(name: str, source: str) -> Path | None:
    """The raw path of a label file's report in another `source`, None when it has no such copy."""
    text_dir, text_ext, other_dir, other_ext = SOURCES[source]
    if not (name.startswith(text_dir) and name.endswith(text_ext)):
        return None
    other = raw_path(other_dir + name[len(text_dir) : -len(text_ext)] + other_ext)
    return other if other.exists() else None


def evaluate(path: Path) -> PairScore:
    """Score one label file against a fresh diff of its two raw reports (cached per file)."""
    scored = _evaluate(path.resolve(), "")
    assert scored is not None  # the labels' own reports are always there
    return scored


def evaluate_in(source: str, path: Path) -> PairScore | None:
    """Score one label file against a diff of its two reports' copies in another `source`:
    the differ's answer should not depend on the format a report arrives in. None when the
    source lacks either report."""
    return _evaluate(path.resolve(), source)


@cache
def _evaluate(path: Path, source: str) -> PairScore | None:
    labels = json.loads(path.read_text(encoding="utf-8"))
    names = labels["meta"]["old"], labels["meta"]["new"]
    paths = [source_path(n, source) if source else raw_path(n) for n in names]
    if paths[0] is None or paths[1] is None:
        return None
    return score(labels, run_differ(paths[0], paths[1]), path.stem + (f" [{source}]" if source else ""))


# --- report --------------------------------------------------------------------------------------


def _cell(right: int, of: int) -> str:
    return f"{right}/{of} {right / of:.2f}" if of else "–"


COUNTS = (
    *("old_located", "old_total", "new_located", "new_total", "old_crowded", "new_crowded"),
    *("found", "found_of", "pairs_right", "pairs_judged"),
    *("dropped_right", "dropped_called", "new_right", "new_called"),
    *("sure_dropped_right", "sure_dropped_called", "sure_new_right", "sure_new_called"),
)


def pooled(scores: Iterable[PairScore], name: str) -> PairScore:
    """The counts of several pairs added up (error lists left empty)."""
    scores = list(scores)
    confusion: Counter[tuple[str, str]] = Counter()
    for s in scores:
        for a, b, c in s.confusion:
            confusion[(a, b)] += c
    sums = {f: sum(getattr(s, f) for s in scores) for f in COUNTS}
    return PairScore(
        name=name,
        held_out=False,
        **sums,
        confusion=tuple(sorted((a, b, c) for (a, b), c in confusion.items())),
        unlocated=(),
        missed_pairs=(),
        wrong_pairs=(),
        wrong_dropped=(),
        wrong_new=(),
    )


COLUMNS = (
    "pair",
    "located old",
    "located new",
    "pairs found",
    "pair precision",
    "dropped right",
    "new right",
)


def row(s: PairScore) -> tuple[str, ...]:
    return (
        s.name + (" [held out]" if s.held_out else ""),
        f"{s.old_located}/{s.old_total}" + (f" ({s.old_crowded} shared)" if s.old_crowded else ""),
        f"{s.new_located}/{s.new_total}" + (f" ({s.new_crowded} shared)" if s.new_crowded else ""),
        _cell(s.found, s.found_of),
        _cell(s.pairs_right, s.pairs_judged),
        _cell(s.dropped_right, s.dropped_called),
        _cell(s.new_right, s.new_called),
    )


#: Pairs whose old edition is older than this year are scored apart as well: reports laid out by
#: topic (1950s–1980s) and recent ones are different kinds of document, and a pooled row of both
#: hides what a change does to either.
RECENT_FROM = 2000


def _first_year(name: str) -> int:
    found = re.search(r"(?:^|-)(\d{4})(?:-|_|$)", name)
    return int(found.group(1)) if found else RECENT_FROM


def pooled_rows(scores: Sequence[PairScore], kind: str) -> list[PairScore]:
    """The pooled rows of `scores`: recent and older pairs apart when both are there, then all."""
    recent = [s for s in scores if _first_year(s.name) >= RECENT_FROM]
    older = [s for s in scores if _first_year(s.name) < RECENT_FROM]
    out = []
    if recent and older:
        if len(recent) > 1:
            out.append(pooled(recent, f"recent {kind} pairs (pooled)"))
        if len(older) > 1:
            out.append(pooled(older, f"older {kind} pairs (pooled)"))
    if len(scores) > 1:
        out.append(pooled(scores, f"all {kind} pairs (pooled)"))
    return out


def ruled(groups: Sequence[Sequence[Sequence[str]]], columns: Sequence[str] = COLUMNS) -> list[str]:
    """The `columns` header and the non-empty groups of rows, aligned (the pair's name left, the
    measures right), with a rule under the header and between groups. Shared with the calls table
    and the readers' agreement table (tests/agreement_initiatives.py), so all print alike."""
    rows = [r for group in groups for r in group]
    widths = [max(len(r[i]) for r in [columns, *rows]) for i in range(len(columns))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    rule = "-" * len(line(columns))
    out = [line(columns), rule]
    for n, group in enumerate(group for group in groups if group):
        out += [rule, *map(line, group)] if n else [*map(line, group)]
    return out


def table(scores: Sequence[PairScore]) -> str:
    tuned = [s for s in scores if not s.held_out]
    held = [s for s in scores if s.held_out]
    rows = [row(s) for s in tuned] + [row(p) for p in pooled_rows(tuned, "tuned")]
    held_rows = [row(s) for s in held] + [row(p) for p in pooled_rows(held, "held-out")]
    out = ruled([rows, held_rows])
    out += [
        "",
        "located: labelled units found among the differ's units (shared: several labelled units in one differ unit).",
        "pairs found: same/high labelled pairs the differ pairs. pair precision: differ pairs between located units",
        "that a labelled pair (same or related) connects. dropped/new right: located units the differ calls dropped/new",
        "that the labels leave unpaired. [held out]: never tuned on. recent/older: old edition from 2000 on / before.",
    ]
    return "\n".join(out)


CALL_COLUMNS = ("pair", "sure dropped right", "sure new right", "doubtful dropped right", "doubtful new right")


def call_row(s: PairScore) -> tuple[str, ...]:
    """The calls of dropped and new split by the differ's own confidence in them."""
    return (
        s.name + (" [held out]" if s.held_out else ""),
        _cell(s.sure_dropped_right, s.sure_dropped_called),
        _cell(s.sure_new_right, s.sure_new_called),
        _cell(s.dropped_right - s.sure_dropped_right, s.dropped_called - s.sure_dropped_called),
        _cell(s.new_right - s.sure_new_right, s.new_called - s.sure_new_called),
    )


def calls_table(scores: Sequence[PairScore]) -> str:
    """The same pairs and pooled rows as `table`, the calls of dropped/new by confidence: what an
    analyst can take as it is (sure) and what the differ asks them to check (doubtful)."""
    groups = []
    for members, kind in (([s for s in scores if not s.held_out], "tuned"), ([s for s in scores if s.held_out], "held-out")):
        groups.append([call_row(s) for s in members] + [call_row(p) for p in pooled_rows(members, kind)])
    out = ruled(groups, CALL_COLUMNS)
    out += [
        "",
        "sure: no unit of the other edition reaches the matcher's probability 0.01 with the unit (confidence high);",
        "doubtful: one does, and the differ names it beside the call (confidence low).",
    ]
    return "\n".join(out)


MARKDOWN_COLUMNS = (
    "labelled pair",
    "pairs found",
    "pair precision",
    "called dropped right",
    "called new right",
    "sure dropped calls right",
    "sure new calls right",
)
#: The Markdown table stands in this page between these two lines (`--docs` rewrites it; a test
#: fails when it is not what the differ scores today).
DOCS_PAGE = ROOT / "docs" / "diff-output.md"
DOCS_BEGIN = "<!-- make eval ARGS=--docs writes the table below -->"
DOCS_END = "<!-- end of the table make eval writes -->"


def markdown_table(scores: Sequence[PairScore]) -> str:
    """Every pair and pooled row of `table`, with the sure calls of `calls_table`, as one Markdown
    table for docs/diff-output.md: the page says how right the differ is with today's figures."""
    lines = ["| " + " | ".join(MARKDOWN_COLUMNS) + " |", "|" + "---|" * len(MARKDOWN_COLUMNS)]
    for members, kind in (([s for s in scores if not s.held_out], "tuned"), ([s for s in scores if s.held_out], "held-out")):
        for s in [*members, *pooled_rows(members, kind)]:
            name = f"**{s.name}**" if s.name.endswith("(pooled)") else s.name
            cells = (
                name + (" (held out)" if s.held_out else ""),
                _cell(s.found, s.found_of),
                _cell(s.pairs_right, s.pairs_judged),
                _cell(s.dropped_right, s.dropped_called),
                _cell(s.new_right, s.new_called),
                _cell(s.sure_dropped_right, s.sure_dropped_called),
                _cell(s.sure_new_right, s.sure_new_called),
            )
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def with_docs_table(page: str, markdown: str) -> str:
    """`page` with the text between DOCS_BEGIN and DOCS_END replaced by `markdown`."""
    head, begin, rest = page.partition(DOCS_BEGIN)
    _, end, tail = rest.partition(DOCS_END)
    if not begin or not end:
        raise SystemExit(f"{DOCS_PAGE}: the lines {DOCS_BEGIN!r} and {DOCS_END!r} are missing")
    return f"{head}{DOCS_BEGIN}\n{markdown}\n{DOCS_END}{tail}"


def details(s: PairScore) -> str:
    out = [f"== {s.name}" + (" [held out]" if s.held_out else "")]
    confusion = s.confusion_table()
    out.append(
        "   confusion (labelled units): label \\ differ  " + "  ".join(f"{c:>9}" for c in DIFFER_CLASSES)
    )
    for label_class in LABEL_CLASSES:
        out.append(
            f"   {label_class:>38}  " + "  ".join(f"{confusion[label_class][c]:>9}" for c in DIFFER_CLASSES)
        )
    for title, items in (
        ("unlocated", s.unlocated),
        ("missed pairs (same/high)", s.missed_pairs),
        ("wrong pairs", s.wrong_pairs),
        ("wrongly called dropped", s.wrong_dropped),
        ("wrongly called new", s.wrong_new),
    ):
        out.append(f"   {title}: {len(items)}")
        out += [f"     {item}" for item in items]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.eval_initiatives", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="print the confusion and the error lists"
    )
    parser.add_argument(
        "--source",
        choices=sorted(SOURCES),
        default="",
        help="score the same labels on another source's copies of the reports (pairs it lacks are left out)",
    )
    parser.add_argument(
        "--docs",
        action="store_true",
        help=f"write the table of every pair into {DOCS_PAGE.relative_to(ROOT)} (all label files, text source)",
    )
    parser.add_argument("files", nargs="*", type=Path, help="label files (default: all)")
    args = parser.parse_args(argv)
    if args.docs:
        page = DOCS_PAGE.read_text(encoding="utf-8")
        DOCS_PAGE.write_text(with_docs_table(page, markdown_table([evaluate(p) for p in label_files()])), encoding="utf-8")
        print(f"wrote the table into {DOCS_PAGE}")
        return 0
    files = args.files or label_files()
    found = [evaluate_in(args.source, path) if args.source else evaluate(path) for path in files]
    scores = [s for s in found if s is not None]
    print(table(scores))
    print()
    print(calls_table(scores))
    if args.verbose:
        for s in scores:
            print()
            print(details(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
