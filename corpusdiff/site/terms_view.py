"""The context of the terms page: the terms each set's editions use most, by keyness, in the
rows the page has room for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpusdiff.series import terms as tm
from corpusdiff.series.editions import column_labels
from corpusdiff.site.edition_sets import EditionSet, edition_links

if TYPE_CHECKING:
    pass

#: A terms page holds at most this many cells (rows times columns, one column per edition),
#: shared by its sections: at the seeds' 1,528 terms of three editions the page is 264 KB,
#: under the site's 300 KB, while the national reports (two series, 8,077 terms of 23
#: editions in one) made one of 853 KB, most of its rows words one old edition used twice.
#: Past it, a section keeps every programme name and the most used words; `corpusdiff terms
#: --series … --format csv` gives every term.
SITE_TERMS_CELLS = 15_000


def terms_context(edition_set: EditionSet, index: tm.TermIndex, cells: int) -> dict[str, object]:
    """The terms a section has room for (`cells`, its share of SITE_TERMS_CELLS), most
    distinctive of an edition first, with their counts per edition, and how many more the
    index holds."""
    labels = column_labels(index.editions)
    label_of = dict(zip((e.id for e in index.editions), labels, strict=True))
    shown = _with_room(index.terms, cells // (_TERM_COLUMNS + len(index.editions)))
    series = {d.meta.series for d in edition_set.docs}
    return {
        "anchor": f"terms-{edition_set.anchor}",
        "name": edition_set.name,
        "editions": edition_links(edition_set.docs, labels, ""),
        "counts": {status: len(index.select(status)) for status in tm.STATUSES},
        "left": len(index.terms) - len(shown),
        "series": series.pop() if len(series) == 1 else "",
        "rows": [
            {
                "term": t.term,
                "kind": t.kind,
                "status": t.status,
                "first": label_of[t.first],
                "last": label_of[t.last],
                "total": t.total,
                "counts": list(t.counts.values()),
            }
            for t in shown
        ],
    }


#: The columns of a terms row before the editions': term, kind, status, first, last, total.
_TERM_COLUMNS = 6


def _with_room(terms: Sequence[tm.Term], rows: int) -> list[tm.Term]:
    """`terms` in their order, or when they are more than `rows`, every programme name and the
    most used words up to `rows`: an index an analyst searches for the words a report keeps
    using, which rare words crowd out."""
    if len(terms) <= rows:
        return list(terms)
    programmes = [t for t in terms if t.kind == tm.PROGRAMME]
    words = sorted((t for t in terms if t.kind != tm.PROGRAMME), key=lambda t: -t.total)
    kept = {id(t) for t in [*programmes, *words[: max(0, rows - len(programmes))]]}
    return [t for t in terms if id(t) in kept]
