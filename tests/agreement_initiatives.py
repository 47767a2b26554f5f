"""Score two readers' initiative labels of the same pair of editions against each other, with the
measures `make eval` scores the differ with: what two careful readers reach is the ceiling issue
14's bar (>= 0.90 of the units called dropped or new really are) should be read against.
`python -m tests.agreement_initiatives` (or `make agreement`) prints, for every second reading in
tests/data/labels/second-readings/, the second reader (B) scored against the project's label (A)
and A against B, with and without `related` pairs, then the rows pooled; `--verbose` adds the
confusion and every disagreement.

A label becomes a `DifferView` the way the differ's units are made: both reports are normalised
and cut into pieces at the label's leads (see `cut`), so the readers are scored on the same footing
as the differ. Scoring is `tests.eval_initiatives.score`, unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tests.eval_initiatives import (
    LABELS,
    DifferView,
    PairScore,
    details,
    key,
    pooled,
    raw_path,
    row,
    ruled,
    score,
)

SECOND_READINGS = Path(__file__).parent / "data" / "labels" / "second-readings"
SECOND = ".second"  # a second reading of `<pair>.json` is `<pair>.second.json`

Label = Mapping[str, Any]


class AgreementError(Exception):
    """A label that cannot be scored, said in one line (the CLI prints it and exits 2)."""


# --- the reports, as the differ reads them --------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One text block of a normalised report; a heading starts a new piece even without a lead."""

    text: str
    heading: bool


@cache
def blocks(path: Path) -> tuple[Block, ...]:
    """The report's headings and paragraphs in reading order (tables left out), normalised as the
    differ reads it: hard-wrapped lines joined, page-markup fragments and footers dealt with, so one
    routine serves the national and the Futian texts alike."""
    from corpusdiff.normalize.entry import normalize_file
    from corpusdiff.structure import addressed
    from corpusdiff.types.document import Heading, Table

    return tuple(
        Block(item.block.text, isinstance(item.block, Heading))
        for item in addressed(normalize_file(path).blocks)
        if not isinstance(item.block, Table)
    )


@dataclass(frozen=True)
class Keyed:
    """The locating key of a whole report (all blocks run together, so a lead is found even where the
    normaliser breaks a paragraph the reader read as one) and, per key character, where it came from."""

    text: str
    block: tuple[int, ...]
    offset: tuple[int, ...]


def keyed(report: Sequence[Block]) -> Keyed:
    """Key every character as `key` does (width-folded, only Han, Latin and digits kept)."""
    chars: list[str] = []
    block_at: list[int] = []
    offset_at: list[int] = []
    for b, item in enumerate(report):
        for i, char in enumerate(item.text):
            kept = key("x" + unicodedata.normalize("NFKC", char))[1:]  # "x": nothing to strip in front
            chars.append(kept)
            block_at += [b] * len(kept)
            offset_at += [i] * len(kept)
    return Keyed("".join(chars), tuple(block_at), tuple(offset_at))


def lead_starts(
    report: Sequence[Block], units: Sequence[Mapping[str, str]], side: str
) -> list[tuple[int, int]]:
    """Where each unit's lead starts, as (block, character), found in order: each after the one before
    (units are listed in document order). A lead not found is an error: the label and the text disagree."""
    text = keyed(report)
    starts: list[tuple[int, int]] = []
    position = 0
    for unit in units:
        wanted = key(unit["lead"])
        at = text.text.find(wanted, position) if wanted else -1
        if at < 0:
            raise AgreementError(
                f"{side} unit {unit['id']}: lead {unit['lead'][:30]!r} not found in the report after the unit "
                "before it; check the label's lead and unit order against the raw text"
            )
        starts.append((text.block[at], text.offset[at]))
        position = at + 1
    return starts


def cut(report: Sequence[Block], starts: Sequence[tuple[int, int]]) -> tuple[tuple[str, ...], list[int]]:
    """The report cut into differ-like units at the leads, and each lead's piece. A piece runs from a
    lead to the next lead or the end of its block; text before a block's first lead opens that lead's
    piece (an enumerator, `今年…目标是：`). A paragraph holding no lead carries on a heading's unit
    (a group's intro, a numbered task's body); anywhere else it is a piece of its own that the reader
    did not label (a transition, a salutation), so it is neither paired nor called."""
    cuts: dict[int, list[int]] = {}
    for b, offset in starts:
        cuts.setdefault(b, []).append(offset)
    pieces: list[str] = []
    piece_at: dict[tuple[int, int], int] = {}
    under_heading = False  # the last piece is a labelled heading's unit
    for b, item in enumerate(report):
        offsets = sorted(set(cuts.get(b, [])))
        if not offsets:
            if under_heading and not item.heading:
                pieces[-1] += item.text
            else:
                pieces.append(item.text)
                under_heading = False
            continue
        bounds = [0, *offsets[1:], len(item.text)]
        for start, end, lead in zip(bounds, bounds[1:], offsets, strict=False):
            piece_at[(b, lead)] = len(pieces)
            pieces.append(item.text[start:end])
        under_heading = item.heading
    return tuple(pieces), [piece_at[start] for start in starts]


# --- a label as a differ's answer ---------------------------------------------------------------


def as_view(label: Label, old: Sequence[Block], new: Sequence[Block]) -> DifferView:
    """A label as if it were the differ's answer: its pairs (same and related) are the differ's pairs,
    its unpaired units the units called dropped and new (a piece that also holds a paired unit is
    paired, as a differ unit cannot be both)."""
    old_texts, old_at = cut(old, lead_starts(old, label["old_units"], "old"))
    new_texts, new_at = cut(new, lead_starts(new, label["new_units"], "new"))
    piece_old = {u["id"]: at for u, at in zip(label["old_units"], old_at, strict=True)}
    piece_new = {u["id"]: at for u, at in zip(label["new_units"], new_at, strict=True)}
    pairs = {(piece_old[p["old_id"]], piece_new[p["new_id"]]): p["label"] for p in label["pairs"]}
    paired_old = {o for o, _ in pairs}
    paired_new = {n for _, n in pairs}
    return DifferView(
        old_texts,
        new_texts,
        tuple((o, n, how) for (o, n), how in sorted(pairs.items())),
        frozenset(piece_old.values()) - paired_old,
        frozenset(piece_new.values()) - paired_new,
    )


def without_related(label: Label) -> Label:
    """The label with its `related` pairs set aside (arguable either way: their units become unpaired)."""
    return {**label, "pairs": [p for p in label["pairs"] if p["label"] != "related"]}


def agreement(
    first: Label, second: Label, old: Sequence[Block], new: Sequence[Block], name: str
) -> list[PairScore]:
    """The four readings of one pair: B scored against A, A against B, then both with `related` set
    aside (so that a pair one reader calls related and the other leaves out is no disagreement)."""
    runs = (
        ("B against A", second, first),
        ("A against B", first, second),
        ("B against A, related aside", without_related(second), without_related(first)),
        ("A against B, related aside", without_related(first), without_related(second)),
    )
    return [
        score(reference, as_view(candidate, old, new), f"{name}: {how}") for how, candidate, reference in runs
    ]


# --- label files ---------------------------------------------------------------------------------


def second_readings() -> list[Path]:
    return sorted(SECOND_READINGS.glob(f"*__*{SECOND}.json"))


def first_label(second: Path) -> Path:
    """The project's label of the pair a second reading reads again."""
    return LABELS / (second.name.removesuffix(f"{SECOND}.json") + ".json")


def load(path: Path, what_to_do: str) -> dict[str, Any]:
    """A label file; `what_to_do` ends the error line when it is missing."""
    if not path.exists():
        raise AgreementError(f"{path}: no such label file; {what_to_do}")
    try:
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise AgreementError(f"{path}: not valid JSON ({error}); fix the label file") from error
    return loaded


def report(label: Label, first: Label, side: str) -> Path:
    """A report of the pair: the second reading's `meta`, else the project label's, resolved as
    `make eval` resolves them ("corpora/…" in the shared checkout)."""
    name = label.get("meta", {}).get(side) or first["meta"][side]
    path = raw_path(name)
    if not path.exists():
        raise AgreementError(f"{path}: the {side} report is missing; `ls ../shared` must list corpora/")
    return path


def score_reading(second_path: Path) -> list[PairScore]:
    """The four rows of one second reading."""
    second = load(second_path, f"give a second reading, <pair>{SECOND}.json (see {SECOND_READINGS})")
    first = load(
        first_label(second_path), f"a second reading needs the project's label of its pair in {LABELS}"
    )
    old, new = blocks(report(second, first, "old")), blocks(report(second, first, "new"))
    return agreement(first, second, old, new, second_path.name.removesuffix(f"{SECOND}.json"))


# --- report --------------------------------------------------------------------------------------


def pooled_rows(scores: Sequence[PairScore]) -> list[PairScore]:
    """Every pair and both directions added up, with related pairs and without."""
    kept = [s for s in scores if not s.name.endswith("related aside")]
    aside = [s for s in scores if s.name.endswith("related aside")]
    return [
        pooled(kept, "all pairs, both directions"),
        pooled(aside, "all pairs, both directions, related aside"),
    ]


def table(scores: Sequence[PairScore]) -> str:
    """Every pair's four rows, then the pooled rows, laid out as `make eval` lays out its table."""
    return "\n".join(
        [
            *ruled([[row(s) for s in scores], [row(s) for s in pooled_rows(scores)]]),
            "",
            "A: the project's label (tests/data/labels/initiatives/), B: the blind second reading. 'B against A':",
            "B's label stands in for the differ and is scored against A with `make eval`'s measures.",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.agreement_initiatives", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="print the confusion and every disagreement"
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help=f"second readings (default: all of {SECOND_READINGS})"
    )
    args = parser.parse_args(argv)
    try:
        scores = [s for path in args.files or second_readings() for s in score_reading(path)]
    except AgreementError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not scores:
        print(f"error: no second readings (*{SECOND}.json) in {SECOND_READINGS}", file=sys.stderr)
        return 2
    print(table(scores))
    for s in scores if args.verbose else ():
        print(f"\n{details(s)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
