"""The items of `corpusdiff review` -> terminal text, Markdown (a pull-request comment) or JSON;
each document's diff is rendered by render.diff, with the reviewer notes on its pair."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from corpusdiff.render import diff, diff_json, diff_markdown, diff_terminal
from corpusdiff.series.editions import missing_years, year_spans
from corpusdiff.strings import Strings, catalogue
from corpusdiff.types.notes import ReviewerNote
from corpusdiff.types.review import FieldChange, ReviewItem

if TYPE_CHECKING:
    from corpusdiff.render.table import ComparisonTable

#: What a review lists and counts of each diff: the changes and every merge and split, not what
#: recurs unchanged.
LISTED = diff.REVIEWED

#: The notes of each compared item, by its document id.
Notes = Mapping[str, tuple[ReviewerNote, ...]]


def pair_of(item: ReviewItem) -> tuple[str, str]:
    """The (old, new) corpus ids of what the item compares: a revised document is paired with
    itself (`ID@REV`), as the overrides and notes of `<id>__<id>.yaml` are."""
    return item.against.partition("@")[0], item.doc_id


def notes_of(items: Sequence[ReviewItem], load: Callable[[str, str], tuple[ReviewerNote, ...]]) -> Notes:
    """The notes of each item with a diff, read by `load(old id, new id)`."""
    return {item.doc_id: load(*pair_of(item)) for item in items if item.result is not None}


def to_json(items: Sequence[ReviewItem], notes: Notes | None = None) -> list[dict[str, object]]:
    """One object per document: id, change, against, its diff (render.diff_json.to_json) and the
    reviewer notes on the pair."""
    notes = notes or {}
    return [
        {
            "id": i.doc_id,
            "change": i.change,
            "against": i.against,
            "front_matter": [{"field": c.field, "old": c.old, "new": c.new} for c in i.front_matter],
            "problems": list(i.problems),
            "diff": diff_json.to_json(i.result, notes.get(i.doc_id, ())) if i.result else None,
            "notes": [diff_json.note_json(n) for n in notes.get(i.doc_id, ())],
        }
        for i in items
    ]


def to_markdown(
    items: Sequence[ReviewItem],
    notes: Notes | None = None,
    strings: Strings | None = None,
    *,
    summary: bool = False,
) -> str:
    """A table of the documents and their counts, then each diff one heading level down
    (`summary`: each diff's summary, `diff_markdown.to_markdown`)."""
    notes = notes or {}
    strings = strings or catalogue()
    header = [strings(key) for key in ("review.document", "review.change", "review.against_column")]
    header += [strings.status(status) for status in LISTED]
    lines = ["# corpusdiff review", "", "| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    for item in items:
        counts = item.result.counts() if item.result else {}
        lines.append(
            f"| `{item.doc_id}` | {_change(item, strings)} | {diff.markdown_text(item.against) or '—'} | "
            + " | ".join(str(counts.get(k, "—")) for k in LISTED)
            + " |"
        )
    lines.append("")
    findings = [
        f"- `{item.doc_id}`: {diff.markdown_text(line)}" for item in items for line in _findings(item, strings)
    ]
    lines += findings + ([""] if findings else [])
    for item in items:
        if item.result:
            report = diff_markdown.to_markdown(item.result, notes.get(item.doc_id, ()), strings, summary=summary)
            body = report.replace("\n## ", "\n### ").replace("# ", "## ", 1)
            lines += [body, ""]
    return "\n".join(lines) + "\n"


def _change(item: ReviewItem, strings: Strings) -> str:
    """What happened to the document (`new edition`), in the report's language."""
    return strings.table.get(f"review.change.{item.change}", item.change)


def to_terminal(
    items: Sequence[ReviewItem], notes: Notes | None = None, strings: Strings | None = None
) -> str:
    """Each document's change, its reviewer notes, then its diff without colour."""
    strings = strings or catalogue()
    if not items:
        return strings("review.none") + "\n"
    notes = notes or {}
    out = []
    for item in items:
        against = strings("review.against", against=item.against) if item.against else ""
        out.append(strings("review.item", id=item.doc_id, change=_change(item, strings)) + against)
        out += _findings(item, strings)
        table = diff.comparison_rows(item.result) if item.result else None
        out += _terminal_notes(table, notes.get(item.doc_id, ()), strings)
        if item.result:
            out.append(diff_terminal.to_terminal(item.result, only=LISTED, color=False, strings=strings, table=table))
    return "\n".join(out) + "\n"


def _findings(item: ReviewItem, strings: Strings) -> list[str]:
    """What the body's diff does not show: the front-matter fields a revision changed (a
    speaker's name corrected, a date), what is wrong with the document as committed, and the
    years between a yearly report and the edition it is compared with that the corpus has no
    edition of (2021 against 2019: no 2020 report in it)."""
    lines = [strings("review.problem", text=problem) for problem in item.problems]
    if item.front_matter:
        lines.insert(0, front_matter_line(item.front_matter, strings))
    if item.result and (years := missing_years([item.result.old.metadata, item.result.new.metadata])):
        lines.append(strings("review.missing_years", years=year_spans(years)))
    return lines


def front_matter_line(changes: Sequence[FieldChange], strings: Strings) -> str:
    """`元数据改动：region 福田区 → 深圳市福田区`, the fields a revision changed, in one line."""
    fields = "; ".join(f"{c.field} {c.old or '—'} → {c.new or '—'}" for c in changes)
    return strings("review.front_matter", changes=fields)


def _terminal_notes(
    table: ComparisonTable | None, notes: Sequence[ReviewerNote], strings: Strings
) -> list[str]:
    """One line per note; a note whose change this diff (its 新旧对照表 `table`) does not have
    says so (as the Markdown does), so that a stale or mistyped note is not read as a valid one."""
    from corpusdiff.render.notes import place_notes

    orphans = set(place_notes(table, notes).orphans) if table is not None and notes else set()
    lines = []
    for note in notes:
        flag = strings("review.significant") if note.significant else ""
        key = "review.note_orphan" if note in orphans else "review.note"
        lines.append(strings(key, flag=flag, change=note.key, text=" ".join(note.text.split())))
    return lines
