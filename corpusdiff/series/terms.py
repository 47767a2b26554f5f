"""Corpus-wide term index: which key words and programme names each edition uses, ranked by
how distinctive each is of an edition (keyness against the other editions), so a reader sees
what sets an edition apart, what the latest edition mentions for the first time and what it no
longer mentions.

Two pure steps (docs/terms.md): `count_terms` per document, whose picklable result lets
callers run one call per document in a process pool, then `build_index` over all editions.
Words are counted as jieba tokens (no double counting of overlapping words); programme names
as substrings of the quote-free text, the rule `diff` uses to call a programme recurring.
Keyness is Dunning's log-likelihood (G²) of an edition's count against the other editions'
together, as Rayson and Garside compare corpora, signed: positive where the edition uses the
term more than the others.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from corpusdiff.compare.programmes import extract_programmes, plain
from corpusdiff.errors import InputError
from corpusdiff.structure import build_tree
from corpusdiff.text.chars import count_ideographs
from corpusdiff.text.dates import is_publication_date
from corpusdiff.text.script import simplified, simplified_lines
from corpusdiff.text.segment import DEFAULT_STOPWORDS, segmenter
from corpusdiff.text.stopwords import FUNCTION_WORDS, REPORT_TERMS
from corpusdiff.types.document import NormalizedDocument
from corpusdiff.types.edition import Edition
from corpusdiff.types.tree import DocTree

WORD, PROGRAMME, TEXT = "word", "programme", "text"


class TermStatus(StrEnum):
    """How a term stands against the latest edition."""

    NEW = "new-in-latest"
    DROPPED = "dropped"  # not in the latest edition
    STEADY = "steady"


NEW, DROPPED, STEADY = TermStatus.NEW, TermStatus.DROPPED, TermStatus.STEADY
STATUSES = tuple(TermStatus)
#: A word must occur this often in all editions together to be indexed (nearly half occur once).
DEFAULT_MIN_TOTAL = 2
KEYNESS, FREQUENCY = "keyness", "frequency"
ORDERS = (KEYNESS, FREQUENCY)
#: G² above this is significant at p < 0.01 (one degree of freedom); below it, a difference in
#: use may be chance (Rayson's 6.63).
SIGNIFICANT = 6.63
_LATIN_RE = re.compile(r"[A-Za-z]")
_NUMERALS = r"\d.〇零一二三四五六七八九十百千万亿两"
#: Measure words and units (a closed class): what follows a numeral in an amount.
_MEASURES = (
    r"(?:平方公里|平方米|立方米|千瓦时|千瓦|公顷|公里|千米|公斤|美元|人次|标准箱|百分点|大批"
    r"|[个年月日次种项条位名座批家倍元%件户届代期步手招度类套台辆架张床间处栋宗所份片层级轮场例笔支只头块本篇部首封节点号成吨斤亩米人])"
)
#: An amount: a numeral (ordinal, fraction, approximate) with scale and measure words (二十, 第一个,
#: 两年, 三分之二, 多万吨, 第二届), or a unit alone (亿元, 万公顷, 平方米); not 多元 or 一体化.
_NUMBER_RE = re.compile(
    rf"^(?:[第几多每]?[{_NUMERALS}]+(?:分之[{_NUMERALS}]+)?[余多]?[万亿千百]?{_MEASURES}*"
    r"|[余多][万亿千百]?[个名家次种项户件人吨](?:次)?"
    r"|[万亿千百]?(?:平方公里|平方米|立方米|千瓦时|千瓦|公顷|公里|千米|公斤|美元|人次|标准箱|个?百分点)"
    r"|[万亿][个吨斤亩米人元户件])$"
)
#: A five-year plan's name: 十四五, and the older 七五, 八五.
_PLAN_PERIOD_RE = re.compile(r"^十?[一二三四五六七八九]五$")


@dataclass(frozen=True)
class DocumentTerms:
    """One document's counts (read-only): every key-word token, every programme mentioned."""

    edition: Edition
    words: dict[str, int]
    programmes: dict[str, int]

    @property
    def size(self) -> int:
        """What keyness compares against: every key word and programme mention counted."""
        return sum(self.words.values()) + sum(self.programmes.values())


@dataclass(frozen=True)
class Term:
    term: str
    kind: str  # word, programme, or text (substring mentions of a looked-up string)
    counts: dict[str, int]  # edition id -> count, for every edition in order
    first: str  # first edition id with a count
    last: str  # last edition id with a count
    status: TermStatus
    keyness: dict[str, float] = field(default_factory=dict)  # edition id -> signed G², every edition

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def key_in(self) -> str:
        """The edition the term is most distinctive of ("" when it is of none: G² <= 0 everywhere)."""
        best = max(self.keyness, key=lambda e: self.keyness[e], default="")
        return best if best and self.keyness[best] > 0 else ""

    @property
    def score(self) -> float:
        """Its keyness in the edition it is most distinctive of, 0 when none."""
        return self.keyness[self.key_in] if self.key_in else 0.0


@dataclass(frozen=True)
class TermIndex:
    editions: tuple[Edition, ...]
    terms: tuple[Term, ...]  # most distinctive first (`Term.score`), then most frequent, then by term
    min_total: int

    def get(self, term: str) -> Term | None:
        return next((t for t in self.terms if t.term == term), None)

    def select(
        self, status: str | None = None, order: str = KEYNESS, edition: str | None = None
    ) -> tuple[Term, ...]:
        """Terms with this status (all when None): most distinctive first, or of `edition` (its
        most over-used terms first, then the rest), or most frequent first."""
        chosen = [t for t in self.terms if status is None or t.status == status]
        if order == FREQUENCY:
            chosen.sort(key=lambda t: (-t.total, t.term))
        elif edition is not None:
            chosen.sort(key=lambda t: (-t.keyness.get(edition, 0.0), -t.total, t.term))
        return tuple(chosen)

    def top(self, edition: str, count: int = 20) -> tuple[Term, ...]:
        """The `count` terms most distinctive of `edition` (positive keyness only)."""
        return tuple(t for t in self.select(edition=edition) if t.keyness.get(edition, 0.0) > 0)[:count]


def body_texts(source: NormalizedDocument | DocTree) -> list[str]:
    """What is counted: headings and text blocks, as `diff` sees them, read as simplified
    characters (`text.script`), so that an edition printed in traditional characters (1954's
    全國人民代表大會) counts its words with the others' and is not all new words.

    Front matter and the title are metadata; tables are left out as in the document tree, so
    a document counts the same whether it comes as a NormalizedDocument or a DocTree."""
    tree = build_tree(source) if isinstance(source, NormalizedDocument) else source
    # task headings open their unit; a synthetic section's name is not report text
    headings = [s.heading for s in tree.sections if s.kind != "num" and not s.synthetic]
    return simplified_lines(headings + [u.text for u in tree.units])


def corpus_programmes(sources: Iterable[NormalizedDocument | DocTree]) -> tuple[str, ...]:
    """Programme names of all documents, in order of first mention: one dictionary for all, so
    a name quoted in one edition is counted in every edition that uses it. Each edition's names
    are read with the other editions as `diff` reads a pair (a name quoted in another edition is
    evidence that it is a programme's), so a name `diff` calls a programme is one here too."""
    texts = [body_texts(source) for source in sources]
    names = (
        p.name
        for n, own in enumerate(texts)
        for p in extract_programmes(own, others=[*texts[:n], *texts[n + 1 :]])
    )
    return tuple(dict.fromkeys(names))


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
    """Key-word and programme counts of one document; `stopwords` and the function words
    (`text.stopwords.FUNCTION_WORDS`) are never key words.

    `programmes` should be the corpus-wide list (`corpus_programmes`); None means this
    document's own names, which makes counts of different documents incomparable."""
    stopwords = index_stopwords(stopwords)
    texts = body_texts(source)
    names = tuple(programmes) if programmes is not None else corpus_programmes([source])
    metadata = source.metadata
    edition = edition or Edition(metadata.id or metadata.title, metadata.date, metadata.title)
    return DocumentTerms(edition, _word_counts(texts, names, stopwords), _programme_counts(texts, names))


def index_stopwords(stopwords: Sequence[str]) -> tuple[str, ...]:
    """The words the index leaves out: the given stopwords and the function words."""
    return tuple(sorted({*stopwords, *FUNCTION_WORDS}))


def _word_counts(
    texts: Sequence[str], programmes: tuple[str, ...], stopwords: tuple[str, ...]
) -> dict[str, int]:
    domain = tuple(dict.fromkeys([*programmes, *REPORT_TERMS]))  # programme names win a tie
    seg, names = segmenter(domain, stopwords), set(programmes)
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
    sizes = {d.edition.id: d.size for d in documents}
    programmes = _totals(d.programmes for d in documents)
    words = {w: n for w, n in _totals(d.words for d in documents).items() if n >= min_total}
    terms = [
        _term(name, PROGRAMME, {d.edition.id: d.programmes.get(name, 0) for d in documents}, sizes)
        for name in programmes
    ]
    terms += [
        _term(w, WORD, {d.edition.id: d.words.get(w, 0) for d in documents}, sizes)
        for w in words
        if w not in programmes
    ]
    terms.sort(key=lambda t: (-t.score, -t.total, t.term))
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


def _term(term: str, kind: str, counts: dict[str, int], sizes: Mapping[str, int] | None = None) -> Term:
    present = [edition for edition, count in counts.items() if count]
    keyness = _keyness(counts, sizes) if sizes else {}
    return Term(term, kind, counts, present[0], present[-1], status_of(list(counts.values())), keyness)


def _keyness(counts: Mapping[str, int], sizes: Mapping[str, int]) -> dict[str, float]:
    """Each edition's signed G² for the term against all other editions together."""
    total, everything = sum(counts.values()), sum(sizes.values())
    return {
        edition: round(keyness(count, sizes[edition], total - count, everything - sizes[edition]), 2)
        for edition, count in counts.items()
    }


def keyness(count: int, size: int, other_count: int, other_size: int) -> float:
    """Dunning's log-likelihood G² of `count` in `size` tokens against `other_count` in
    `other_size`, signed: positive when the term is relatively more frequent in the first corpus,
    negative when less, 0 when equally frequent (or either corpus is empty)."""
    if size <= 0 or other_size <= 0 or count + other_count == 0:
        return 0.0
    expected = size * (count + other_count) / (size + other_size)
    other_expected = other_size * (count + other_count) / (size + other_size)
    g2 = 2 * (_part(count, expected) + _part(other_count, other_expected))
    return math.copysign(g2, count / size - other_count / other_size) if g2 > 1e-9 else 0.0


def _part(observed: int, expected: float) -> float:
    return observed * math.log(observed / expected) if observed else 0.0


def status_of(counts: Sequence[int]) -> TermStatus:
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
    wanted = simplified(text)
    counts = {edition.id: mentions(wanted, body_texts(tree)) for edition, tree in sources}
    mentioned = _term(wanted, TEXT, counts) if any(counts.values()) else None
    return Lookup(text, index.get(wanted), mentioned)


def _dated_within(index: TermIndex, wanted: str) -> list[str]:
    """The editions dated within the year or month `wanted` (`2025`, `2025-01`)."""
    if not wanted or not is_publication_date(wanted):
        return []
    return [e.id for e in index.editions if e.date.startswith(f"{wanted}-")]


def edition_id(index: TermIndex, wanted: str) -> str:
    """The id of the indexed edition `wanted` names: its id, or its date (or the date's year or
    month, `2025` for 2025-01-16) when no other edition has it; one readable line otherwise."""
    ids = [e.id for e in index.editions]
    if wanted in ids:
        return wanted
    for dated in ([e.id for e in index.editions if e.date == wanted], _dated_within(index, wanted)):
        if len(dated) == 1:
            return dated[0]
    raise InputError(
        f"{wanted!r} is not one of the indexed editions ({', '.join(ids)}); give an id or a date"
    )
