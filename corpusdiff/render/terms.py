"""A term index (series/terms) shown: terminal text folded to the terminal's width, JSON and CSV,
and one term looked up edition by edition.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from corpusdiff.render.grid import fold
from corpusdiff.series.editions import column_labels
from corpusdiff.series.terms import KEYNESS, STATUSES, WORD, Lookup, Term, TermIndex
from corpusdiff.strings import Strings, catalogue
from corpusdiff.text.chars import display_width, pad
from corpusdiff.text.spreadsheet import inert


def _shown_keyness(term: Term, edition: str | None) -> float:
    return term.keyness.get(edition, 0.0) if edition else term.score


def term_json(term: Term) -> dict[str, object]:
    return {
        "term": term.term,
        "kind": term.kind,
        "status": term.status,
        "first": term.first,
        "last": term.last,
        "total": term.total,
        "key_in": term.key_in or None,
        "keyness": term.keyness,
        "counts": term.counts,
    }


def index_json(
    index: TermIndex, terms: Sequence[Term], order: str = KEYNESS, edition: str | None = None
) -> dict[str, object]:
    return {
        "editions": [{"id": e.id, "date": e.date, "title": e.title} for e in index.editions],
        "min_count": index.min_total,
        "order": order,
        "edition": edition,
        "terms": [term_json(t) for t in terms],
    }


def index_csv(index: TermIndex, terms: Sequence[Term], edition: str | None = None) -> str:
    """One row per term: its keyness (in `edition`, else where it is highest) and the edition
    that is, then a count column per edition, named by edition id, oldest first. No cell is a
    formula Excel would run (`text.spreadsheet`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["term", "kind", "status", "first", "last", "total", "keyness", "key_in"]
    writer.writerow(map(inert, [*header, *(e.id for e in index.editions)]))
    for t in terms:
        row = [t.term, t.kind, t.status, t.first, t.last, t.total, _shown_keyness(t, edition), t.key_in]
        writer.writerow(map(inert, [*row, *t.counts.values()]))
    return out.getvalue()


def index_terminal(
    index: TermIndex,
    terms: Sequence[Term],
    hidden: int = 0,
    edition: str | None = None,
    strings: Strings | None = None,
    fit: int = 0,
) -> str:
    """A table: status, kind, total, keyness and the edition it is highest in, one count column
    per edition (labelled by date), term; labels in the language of `strings` (default
    Chinese, as every report's). A table wider than `fit` columns (0: never) is folded, each
    block ending in the term (`render.grid.fold`)."""
    strings = strings or catalogue()
    labels = column_labels(index.editions)
    label_of = dict(zip((e.id for e in index.editions), labels, strict=True))
    words = sum(1 for t in index.terms if t.kind == WORD)
    by_status = {s: sum(1 for t in index.terms if t.status == s) for s in STATUSES}
    ranked = (
        strings("report.terms.ranked_in", edition=label_of[edition])
        if edition
        else strings("report.terms.ranked_most")
    )
    summary = strings(
        "report.terms.summary",
        editions=len(index.editions),
        terms=len(index.terms),
        words=words,
        programmes=len(index.terms) - words,
        min_total=index.min_total,
    )
    counts = strings("report.sep").join(
        strings("report.of_kind", n=n, kind=strings(f"terms.status.{s}")) for s, n in by_status.items()
    )
    header = [
        strings(f"report.terms.{key}") for key in ("status", "kind", "total", "keyness_column", "key_in")
    ]
    lines = [
        summary,
        "  " + counts,
        "  " + strings("report.terms.keyness", ranked=ranked),
        *(f"  {label:<{_width(labels)}}  {e.id}" for label, e in zip(labels, index.editions, strict=True)),
        "",
    ]
    rows = [[*_row((*header, *labels), labels), strings("report.terms.term")]]
    for t in terms:
        keyness = f"{_shown_keyness(t, edition):.1f}"
        key_in = label_of.get(t.key_in, "-")
        status, kind = strings(f"terms.status.{t.status}"), strings(f"terms.kind.{t.kind}")
        rows.append(
            [*_row((status, kind, str(t.total), keyness, key_in, *map(str, t.counts.values())), labels), t.term]
        )
    lines += fold(rows, fit, keep=0, keep_last=1)
    if hidden:
        lines.append(strings("report.terms.more", n=hidden))
    return "\n".join(lines) + "\n"


def lookup_json(index: TermIndex, lookup: Lookup) -> dict[str, object]:
    """The index's object with the lookup's rows as its `terms`, the ones CSV lists and the
    terminal counts (its index entry, then its mentions), and each also under its own key."""
    return {
        **index_json(index, lookup.rows()),
        "term": lookup.text,
        "indexed": term_json(lookup.indexed) if lookup.indexed else None,
        "mentions": term_json(lookup.mentioned) if lookup.mentioned else None,
    }


def lookup_terminal(index: TermIndex, lookup: Lookup, strings: Strings | None = None) -> str:
    """The index count (jieba tokens or programme occurrences) and its keyness beside the
    substring mentions."""
    strings = strings or catalogue()
    indexed, mentioned = lookup.indexed, lookup.mentioned
    width = max(_width([e.id for e in index.editions]), display_width(strings("report.terms.edition")))
    heads = [strings(f"report.terms.{key}") for key in ("counted", "keyness_column", "mentions")]
    lines = [
        strings.labelled(lookup.text, _lookup_summary(lookup, strings)),
        f"  {pad(strings('report.terms.edition'), width)}  "
        + "  ".join(_right(head, size) for head, size in zip(heads, (7, 7, 8), strict=True)),
    ]
    for e in index.editions:
        counted = str(indexed.counts[e.id]) if indexed else "-"
        keyness = f"{indexed.keyness.get(e.id, 0.0):.1f}" if indexed else "-"
        mention = str(mentioned.counts[e.id]) if mentioned else "0"
        lines.append(f"  {e.id:<{width}}  {counted:>7}  {keyness:>7}  {mention:>8}")
    return "\n".join(lines) + "\n"


def _lookup_summary(lookup: Lookup, strings: Strings) -> str:
    term = lookup.indexed or lookup.mentioned
    if term is None:
        return strings("report.terms.not_mentioned")
    kind = strings(f"terms.kind.{term.kind}") if lookup.indexed else strings("report.terms.as_text")
    status = strings(f"terms.status.{term.status}")
    return strings("report.terms.found", kind=kind, status=status, first=term.first, last=term.last)


def _right(text: str, width: int) -> str:
    """`text` right-aligned in `width` terminal columns."""
    return " " * max(0, width - display_width(text)) + text


def _width(labels: Sequence[str]) -> int:
    return max((len(label) for label in labels), default=0)


def _row(cells: Sequence[str], labels: Sequence[str]) -> list[str]:
    """The cells of one line of the table, each padded to its column, in terminal columns (a
    Han character takes two)."""
    status, kind, total, keyness, key_in, *counts = cells
    columns = [_right(count, max(len(label), 3)) for count, label in zip(counts, labels, strict=True)]
    key_width = max(_width(labels), 6)
    fixed = [pad(status, 13), pad(kind, 9), _right(total, 5), _right(keyness, 7), pad(key_in, key_width)]
    return [*fixed, *columns]
