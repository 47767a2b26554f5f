"""Corpus-wide term index: which key words and programme names each edition uses, so a reader
sees what the latest edition mentions for the first time and what it no longer mentions.

Two pure steps (docs/terms.md): `count_terms` per document, whose picklable result lets
callers run one call per document in a process pool, then `build_index` over all editions.
Words are counted as jieba tokens (no double counting of overlapping words); programme names
as substrings of the quote-free text, the rule `diff` uses to call a programme recurring.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from corpusdiff.compare.programmes import extract_programmes, plain
from corpusdiff.errors import InputError
from corpusdiff.structure import build_tree
from corpusdiff.text.chars import count_ideographs
from corpusdiff.text.segment import DEFAULT_STOPWORDS, segmenter
from corpusdiff.types.document import NormalizedDocument
from corpusdiff.types.edition import Edition
from corpusdiff.types.tree import DocTree

WORD, PROGRAMME, TEXT = "word", "programme", "text"
NEW, DROPPED, STEADY = "new-in-latest", "dropped", "steady"
STATUSES = (NEW, DROPPED, STEADY)
#: A word must occur this often in all editions together to be indexed (nearly half occur once).
DEFAULT_MIN_TOTAL = 2

_LATIN_RE = re.compile(r"[A-Za-z]")
#: A numeral with ordinal, measure or unit characters (二十, 第一个, 两年, 亿元, 余家), not 多元.
_NUMBER_RE = re.compile(
    r"^(?:[第几多]?[\d.〇零一二三四五六七八九十百千万亿两]+[余多]?[个年月日次种项条位名座批家倍元%]*"
    r"|[余多][个名家次种项])$"
)
_PLAN_PERIOD_RE = re.compile(r"^十[一二三四五六七八九]五$")


@dataclass(frozen=True)
class DocumentTerms:
    """One document's counts (read-only): every key-word token, every programme mentioned."""

    edition: Edition
    words: dict[str, int]
    programmes: dict[str, int]


@dataclass(frozen=True)
class Term:
    term: str
    kind: str  # word, programme, or text (substring mentions of a looked-up string)
    counts: dict[str, int]  # edition id -> count, for every edition in order
    first: str  # first edition id with a count
    last: str  # last edition id with a count
    status: str  # new-in-latest, dropped, steady

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class TermIndex:
    editions: tuple[Edition, ...]
    terms: tuple[Term, ...]  # most frequent first, ties by term
    min_total: int

    def get(self, term: str) -> Term | None:
        return next((t for t in self.terms if t.term == term), None)

    def select(self, status: str | None = None) -> tuple[Term, ...]:
        """Terms with this status (all when None), most frequent first."""
        return tuple(t for t in self.terms if status is None or t.status == status)


# --- counting one document --------------------------------------------------------------


def body_texts(source: NormalizedDocument | DocTree) -> list[str]:
    """What is counted: headings and text blocks, as `diff` sees them.

    Front matter and the title are metadata; tables are left out as in the document tree, so
    a document counts the same whether it comes as a NormalizedDocument or a DocTree."""
    tree = build_tree(source) if isinstance(source, NormalizedDocument) else source
    # task headings open their unit; a synthetic section's name is not report text
    headings = [s.heading for s in tree.sections if s.kind != "num" and not s.synthetic]
    return headings + [u.text for u in tree.units]


def corpus_programmes(sources: Iterable[NormalizedDocument | DocTree]) -> tuple[str, ...]:
    """Programme names of all documents, in order of first mention: one dictionary for all, so
    a name quoted in one edition is counted in every edition that uses it."""
    texts = [text for source in sources for text in body_texts(source)]
    return tuple(p.name for p in extract_programmes(texts))


def is_key_word(token: str) -> bool:
    """At least two Han characters, or two characters with a Latin letter (5G, GDP); never a
    number or an amount (二十, 第一个, 亿元) except a plan period such as 十四五."""
    if _PLAN_PERIOD_RE.match(token):
        return True
    if _NUMBER_RE.match(token):
        return False
    return count_ideographs(token) >= 2 or (len(token) >= 2 and bool(_LATIN_RE.search(token)))


def count_terms(
    source: NormalizedDocument | DocTree,
    programmes: Sequence[str] | None = None,
    edition: Edition | None = None,
    stopwords: tuple[str, ...] = DEFAULT_STOPWORDS,
) -> DocumentTerms:
    """Key-word and programme counts of one document; `stopwords` are never key words.

    `programmes` should be the corpus-wide list (`corpus_programmes`); None means this
    document's own names, which makes counts of different documents incomparable."""
    texts = body_texts(source)
    names = tuple(programmes) if programmes is not None else corpus_programmes([source])
    metadata = source.metadata
    edition = edition or Edition(metadata.id or metadata.title, metadata.date, metadata.title)
    return DocumentTerms(edition, _word_counts(texts, names, stopwords), _programme_counts(texts, names))


def _word_counts(
    texts: Sequence[str], programmes: tuple[str, ...], stopwords: tuple[str, ...]
) -> dict[str, int]:
    seg, names = segmenter(programmes, stopwords), set(programmes)
    counts: dict[str, int] = {}
    for text in texts:
        for token in seg.words(text):
            if token not in names and is_key_word(token):
                counts[token] = counts.get(token, 0) + 1
    return counts


def _programme_counts(texts: Sequence[str], programmes: tuple[str, ...]) -> dict[str, int]:
    plain_texts = [plain(text) for text in texts]
    counts = {name: sum(text.count(name) for text in plain_texts) for name in programmes}
    return {name: count for name, count in counts.items() if count}


def mentions(term: str, texts: Sequence[str]) -> int:
    """Non-overlapping occurrences of `term` as a substring of the quote-free texts."""
    return sum(plain(text).count(term) for text in texts)


# --- the index over editions ------------------------------------------------------------


def build_index(
    per_document: Sequence[DocumentTerms],
    editions: Sequence[str] | None = None,
    min_total: int = DEFAULT_MIN_TOTAL,
) -> TermIndex:
    """All editions' counts -> one Term per key word (at least `min_total` in the corpus) and
    per programme mentioned anywhere. `editions` are edition ids oldest first (default: the
    order of `per_document`); the last one is the latest."""
    by_id = _by_edition(per_document)
    order = tuple(editions) if editions is not None else tuple(by_id)
    unknown = [e for e in order if e not in by_id]
    if unknown:
        raise InputError(f"no counts for edition {unknown[0]!r}")
    documents = [by_id[e] for e in order]
    programmes = _totals(d.programmes for d in documents)
    words = {w: n for w, n in _totals(d.words for d in documents).items() if n >= min_total}
    terms = [
        _term(name, PROGRAMME, {d.edition.id: d.programmes.get(name, 0) for d in documents})
        for name in programmes
    ]
    terms += [
        _term(w, WORD, {d.edition.id: d.words.get(w, 0) for d in documents})
        for w in words
        if w not in programmes
    ]
    terms.sort(key=lambda t: (-t.total, t.term))
    return TermIndex(tuple(d.edition for d in documents), tuple(terms), min_total)


def _by_edition(per_document: Sequence[DocumentTerms]) -> dict[str, DocumentTerms]:
    by_id: dict[str, DocumentTerms] = {}
    for document in per_document:
        if document.edition.id in by_id:
            raise InputError(f"edition {document.edition.id!r} given twice")
        by_id[document.edition.id] = document
    return by_id


def _totals(counts: Iterable[Mapping[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for mapping in counts:
        for term, count in mapping.items():
            totals[term] = totals.get(term, 0) + count
    return totals


def _term(term: str, kind: str, counts: dict[str, int]) -> Term:
    present = [edition for edition, count in counts.items() if count]
    return Term(term, kind, counts, present[0], present[-1], status_of(list(counts.values())))


def status_of(counts: Sequence[int]) -> str:
    """Counts oldest first -> status against the latest edition (a single edition: steady)."""
    *earlier, latest = counts
    if not latest:
        return DROPPED
    return NEW if earlier and not any(earlier) else STEADY


def index_editions(
    sources: Sequence[tuple[Edition, DocTree]],
    min_total: int = DEFAULT_MIN_TOTAL,
    stopwords: tuple[str, ...] = DEFAULT_STOPWORDS,
) -> TermIndex:
    """The whole pipeline in one process, oldest edition first (a pool would map `count_terms`)."""
    programmes = corpus_programmes(tree for _, tree in sources)
    counted = [count_terms(tree, programmes, edition, stopwords) for edition, tree in sources]
    return build_index(counted, min_total=min_total)


@dataclass(frozen=True)
class Lookup:
    """One string looked up: its index entry, if any, and its substring mentions, if any."""

    text: str
    indexed: Term | None
    mentioned: Term | None  # kind "text": finds what jieba splits (新质生产力 is three tokens)

    def rows(self) -> tuple[Term, ...]:
        return tuple(t for t in (self.indexed, self.mentioned) if t)


def look_up(index: TermIndex, text: str, sources: Sequence[tuple[Edition, DocTree]]) -> Lookup:
    """`text` in the index and as a substring of each edition's body."""
    counts = {edition.id: mentions(text, body_texts(tree)) for edition, tree in sources}
    mentioned = _term(text, TEXT, counts) if any(counts.values()) else None
    return Lookup(text, index.get(text), mentioned)


# --- rendering --------------------------------------------------------------------------


def term_json(term: Term) -> dict[str, object]:
    return {
        "term": term.term,
        "kind": term.kind,
        "status": term.status,
        "first": term.first,
        "last": term.last,
        "total": term.total,
        "counts": term.counts,
    }


def index_json(index: TermIndex, terms: Sequence[Term]) -> dict[str, object]:
    return {
        "editions": [{"id": e.id, "date": e.date, "title": e.title} for e in index.editions],
        "min_count": index.min_total,
        "terms": [term_json(t) for t in terms],
    }


def index_csv(index: TermIndex, terms: Sequence[Term]) -> str:
    """One row per term; a count column per edition, named by edition id, oldest first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term", "kind", "status", "first", "last", "total", *(e.id for e in index.editions)])
    for t in terms:
        writer.writerow([t.term, t.kind, t.status, t.first, t.last, t.total, *t.counts.values()])
    return out.getvalue()


def index_terminal(index: TermIndex, terms: Sequence[Term], hidden: int = 0) -> str:
    """A table: status, kind, total, one column per edition (labelled by date), term."""
    labels = _column_labels(index.editions)
    words = sum(1 for t in index.terms if t.kind == WORD)
    by_status = {s: sum(1 for t in index.terms if t.status == s) for s in STATUSES}
    lines = [
        f"{len(index.editions)} editions, {len(index.terms)} terms ({words} words, "
        f"{len(index.terms) - words} programmes; words seen at least {index.min_total} times)",
        "  " + ", ".join(f"{n} {s}" for s, n in by_status.items()),
        *(f"  {label:<{_width(labels)}}  {e.id}" for label, e in zip(labels, index.editions, strict=True)),
        "",
        _row(("status", "kind", "total", *labels), labels) + "  term",
    ]
    for t in terms:
        lines.append(
            _row((t.status, t.kind, str(t.total), *map(str, t.counts.values())), labels) + f"  {t.term}"
        )
    if hidden:
        lines.append(f"… {hidden} more (--limit 0 shows all)")
    return "\n".join(lines) + "\n"


def lookup_json(index: TermIndex, lookup: Lookup) -> dict[str, object]:
    return {
        **index_json(index, ()),
        "term": lookup.text,
        "indexed": term_json(lookup.indexed) if lookup.indexed else None,
        "mentions": term_json(lookup.mentioned) if lookup.mentioned else None,
    }


def lookup_terminal(index: TermIndex, lookup: Lookup) -> str:
    """The index count (jieba tokens or programme occurrences) beside the substring mentions."""
    indexed, mentioned = lookup.indexed, lookup.mentioned
    width = _width([e.id for e in index.editions])
    lines = [f"{lookup.text}: {_lookup_summary(lookup)}", f"  {'edition':<{width}}  counted  mentions"]
    for e in index.editions:
        counted = str(indexed.counts[e.id]) if indexed else "-"
        mention = str(mentioned.counts[e.id]) if mentioned else "0"
        lines.append(f"  {e.id:<{width}}  {counted:>7}  {mention:>8}")
    return "\n".join(lines) + "\n"


def _lookup_summary(lookup: Lookup) -> str:
    term = lookup.indexed or lookup.mentioned
    if term is None:
        return "not mentioned in any edition"
    kind = term.kind if lookup.indexed else "not an indexed term, mentioned as text"
    return f"{kind}, {term.status} (first {term.first}, last {term.last})"


def _column_labels(editions: Sequence[Edition]) -> list[str]:
    dates = [e.date for e in editions]
    return (
        dates if all(dates) and len(set(dates)) == len(dates) else [f"E{i + 1}" for i in range(len(editions))]
    )


def _width(labels: Sequence[str]) -> int:
    return max((len(label) for label in labels), default=0)


def _row(cells: Sequence[str], labels: Sequence[str]) -> str:
    status, kind, total, *counts = cells
    columns = [f"{count:>{max(len(label), 3)}}" for count, label in zip(counts, labels, strict=True)]
    return f"{status:<13}  {kind:<9}  {total:>5}  " + "  ".join(columns)
