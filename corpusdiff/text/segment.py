"""Word segmentation with jieba, plus a domain dictionary of the corpus's programme names.

jieba's full 350k-word dictionary takes about half a second to load, so a tokenizer is
created only when a sentence is not already known, and its dictionary is loaded bucket by
bucket from an on-disk index (corpusdiff.dictindex): only the entries the texts can use, with
tokens identical to the full dictionary's (see `PartialDictionary`). Without the disk cache
the full dictionary is loaded. Sentences and clauses are segmented one at a time (jieba never
joins words across 。；！？，：, so the tokens are the same as for the whole text) and kept: in
memory, and on disk (corpusdiff.cache) for the next process.

Domain words add no weight to the dictionary's `total`, so a piece's tokens depend only on the
piece and on the domain words inside it: a piece with none is cut the same way in every
comparison, once per process (`SHARED_PIECES`; a whole text with none, `SHARED_TEXTS`), and one
sentence never reads differently in two pairs because the editions beside it quote different
names.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from math import log
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, TypeVar

from corpusdiff.text import stores
from corpusdiff.text.chars import has_word_char
from corpusdiff.text.sentences import CLAUSE_STOPS, SENTENCE_STOPS
from corpusdiff.text.stopwords import DEFAULT_STOPWORDS

if TYPE_CHECKING:  # imported where used: a warm run never segments, and never needs sqlite
    from jieba import Tokenizer

    from corpusdiff.text.dictindex import DictIndex


_T = TypeVar("_T")

#: Where a text is cut into pieces segmented (and kept) one at a time: after the marks that end a
#: sentence or a clause. jieba cuts its input into blocks at every mark that is no letter, digit
#: or Han character, so it never joins a word across these either and the tokens are the same as
#: for the whole text; cut at clauses too, the clauses the matcher compares on their own
#: (`text.sentences.clauses`) are pieces already segmented.
_PIECE_END_RE = re.compile(f"(?<=[{SENTENCE_STOPS}{CLAUSE_STOPS}\n])")
#: What `add_word` gives a programme name: enough to win over any split of it.
DOMAIN_FREQ = 200000
#: Pieces with no domain word in them, with their tokens, for every segmenter of the process
#: (a nine-edition timeline compares 36 pairs, each with its own domain, of the same texts).
SHARED_PIECES: dict[str, tuple[str, ...]] = {}
#: Whole texts with no domain word in them, with their pieces and tokens, for every segmenter of
#: the process: a unit's text is asked for in every pair its edition is compared in, and its
#: pieces' tokens are then joined (and filtered into words) once, not once per pair.
SHARED_TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
#: Content words of those texts, one store per stopword set.
SHARED_WORDS: dict[frozenset[str], dict[str, tuple[str, ...]]] = {}
#: Past this many entries (some 50 MB of pieces) a shared store starts again.
SHARED_LIMIT = 50_000


class Segmenter:
    """A jieba tokenizer of its own (no global state), primed with domain words; `words` leaves
    out `stopwords`."""

    def __init__(
        self,
        domain_words: Iterable[str] = (),
        known: Mapping[str, tuple[str, ...]] = MappingProxyType({}),
        stopwords: Iterable[str] = DEFAULT_STOPWORDS,
    ) -> None:
        self.domain = tuple(sorted({w for w in domain_words if len(w) >= 2}))
        self.stopwords = frozenset(stopwords)
        self._pieces: dict[str, tuple[str, ...]] = dict(known)
        self.learned: dict[str, tuple[str, ...]] = {}
        self._tokenizer: Tokenizer | None = None  # made on first need
        self._partial: PartialDictionary | None = None  # what fills its dictionary, if not full
        self._cut: NoHmmCut | None = None  # cuts with `_tokenizer`
        self._domain_re = _any_of(self.domain)
        self._shared_words = SHARED_WORDS.setdefault(self.stopwords, {})
        self.tokens = lru_cache(maxsize=65536)(self._tokens)
        self.words = lru_cache(maxsize=65536)(self._words)

    def _tokens(self, text: str) -> tuple[str, ...]:
        plain = not self._holds_domain_word(text)
        shared = SHARED_TEXTS.get(text) if plain else None
        if shared is not None:
            pieces, tokens = shared
            self._know(pieces)  # so that the disk store of this domain keeps them too
            return tokens
        pieces = tuple(_PIECE_END_RE.split(text))
        self._know(pieces)
        tokens = tuple(token for piece in pieces for token in self._pieces[piece])
        if plain:
            _share(SHARED_TEXTS, {text: (pieces, tokens)})
        return tokens

    def _know(self, pieces: Iterable[str]) -> None:
        unknown = [piece for piece in dict.fromkeys(pieces) if piece not in self._pieces]
        if unknown:
            self._learn(unknown)

    def _learn(self, pieces: list[str]) -> None:
        """Take the pieces without a domain word that another segmenter cut, cut the rest."""
        plain = {piece for piece in pieces if not self._holds_domain_word(piece)}
        shared = {piece: tokens for piece in plain if (tokens := SHARED_PIECES.get(piece)) is not None}
        fresh = [piece for piece in pieces if piece not in shared]
        cut = self._cut_all(fresh) if fresh else {}
        _share(SHARED_PIECES, {piece: tokens for piece, tokens in cut.items() if piece in plain})
        learned = {**shared, **cut}
        self._pieces.update(learned)
        self.learned.update(learned)

    def _cut_all(self, pieces: list[str]) -> dict[str, tuple[str, ...]]:
        tokenizer = self._tokenizer_for(pieces)
        if self._cut is None or self._cut.tokenizer is not tokenizer:
            self._cut = NoHmmCut(tokenizer)
        return {piece: self._cut(piece) for piece in pieces}

    def _holds_domain_word(self, piece: str) -> bool:
        return self._domain_re is not None and self._domain_re.search(piece) is not None

    def _tokenizer_for(self, pieces: Sequence[str]) -> Tokenizer:
        """A tokenizer whose dictionary holds every entry that segmenting `pieces` looks up."""
        from corpusdiff.text.dictindex import Unusable

        try:
            if self._tokenizer is None:
                self._partial = PartialDictionary.load(self.domain)
                self._tokenizer = self._partial.tokenizer if self._partial else _jieba_tokenizer(self.domain)
            if self._partial is not None:
                self._partial.cover(pieces)
        except Unusable:
            self._partial, self._tokenizer = None, _jieba_tokenizer(self.domain)
        return self._tokenizer

    def _words(self, text: str) -> tuple[str, ...]:
        """Content words: tokens with a letter, digit or Han character, minus stopwords."""
        plain = not self._holds_domain_word(text)
        words = self._shared_words.get(text) if plain else None
        if words is None:
            words = tuple(t for t in self.tokens(text) if t not in self.stopwords and _is_word(t))
            if plain:
                _share(self._shared_words, {text: words})
        return words


def _any_of(words: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(map(re.escape, words))) if words else None


def _share(store: dict[str, _T], entries: Mapping[str, _T]) -> None:
    if len(store) + len(entries) > SHARED_LIMIT:
        store.clear()
    store.update(entries)


@lru_cache(maxsize=262144)
def _is_word(token: str) -> bool:
    return has_word_char(token)


class NoHmmCut:
    """jieba's `tokenizer.lcut(text, HMM=False)`, in half the time (a third of a cold
    comparison's CPU is segmentation): the same best route through the same word graph — the
    highest sum of log frequencies, a tie going to the longer word, as jieba's `max` over
    (score, end) gives — computed in one backward pass without jieba's graph and route dicts, and
    each frequency's log taken once. jieba's own `lcut` is the reference the tests hold it to
    (tests/text/test_tokens.py); its block and letter patterns are used as they are."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self._total = -1
        self._weights: dict[int, float] = {}  # frequency -> log(frequency) - log(total)

    def __call__(self, text: str) -> tuple[str, ...]:
        jieba = _import_jieba()
        if self.tokenizer.total != self._total:  # add_word changes it: the logs are stale
            self._total, self._weights = self.tokenizer.total, {}
        words: list[str] = []
        for block in jieba.re_han_default.split(text):
            if not block:
                continue
            if jieba.re_han_default.match(block):
                self._cut_block(block, words, jieba.re_eng)
            else:
                for part in jieba.re_skip_default.split(block):
                    if jieba.re_skip_default.match(part):
                        words.append(part)
                    else:
                        words.extend(part)
        return tuple(words)

    def _cut_block(self, block: str, words: list[str], letter: re.Pattern[str]) -> None:
        """jieba's `__cut_DAG_NO_HMM` of one block of Han characters, letters and digits."""
        freq, weights, log_total = self.tokenizer.FREQ, self._weights, log(self._total)
        size = len(block)
        score = [0.0] * (size + 1)
        end = [0] * (size + 1)
        for k in range(size - 1, -1, -1):
            best: float | None = None
            best_end, i, fragment = k, k, block[k]
            while i < size and fragment in freq:
                found = freq[fragment]
                if found:
                    weight = weights.get(found)
                    if weight is None:
                        weight = weights[found] = log(found) - log_total
                    candidate = weight + score[i + 1]
                    if best is None or candidate >= best:  # i grows: a tie goes to the longer word
                        best, best_end = candidate, i
                i += 1
                fragment = block[k : i + 1]
            if best is None:
                best = log(freq.get(block[k]) or 1) - log_total + score[k + 1]
            score[k], end[k] = best, best_end
        start, run = 0, ""
        while start < size:
            stop = end[start] + 1
            word = block[start:stop]
            if stop - start == 1 and letter.match(word):
                run += word  # single letters and digits are joined, as jieba joins them
            else:
                if run:
                    words.append(run)
                    run = ""
                words.append(word)
            start = stop
        if run:
            words.append(run)


class PartialDictionary:
    """A tokenizer given only the part of jieba's dictionary that its texts can use.

    Without HMM, jieba's tokens depend only on `total` and on looking up single characters of
    the text and fragments text[k:j] that all begin with the bigram text[k:k+2]. So the
    one-character entries, the entries starting with the texts' bigrams and the full total
    segment those texts exactly like the full dictionary. Domain words are added after their
    own buckets are loaded, so `add_word` sees what it would see in the full dictionary.
    """

    def __init__(self, index: DictIndex, domain: Sequence[str]) -> None:
        self.index = index
        self.loaded: set[str] = set()
        self.tokenizer = _import_jieba().Tokenizer()
        self.tokenizer.FREQ, self.tokenizer.total = dict(index.singles), index.total
        self.tokenizer.initialized = True
        self.cover(domain)
        _add_domain_words(self.tokenizer, domain)

    @classmethod
    def load(cls, domain: Sequence[str]) -> PartialDictionary | None:
        """None when there is no usable index (the disk cache is off, or it cannot be built)."""
        from corpusdiff.text import dictindex

        index = dictindex.load()
        return cls(index, domain) if index is not None else None

    def cover(self, texts: Iterable[str]) -> None:
        """Load the buckets of the bigrams of `texts` not loaded yet."""
        missing = {text[i : i + 2] for text in texts for i in range(len(text) - 1)} - self.loaded
        for entries in self.index.buckets(missing):
            self.tokenizer.FREQ.update(entries)
        self.loaded |= missing  # only now: a thread must not skip a bucket not in FREQ yet


def _jieba_tokenizer(domain: tuple[str, ...]) -> Tokenizer:
    """A tokenizer with the domain words added to a copy of the process's one loaded dictionary:
    copying takes 30 ms where loading takes 450 ms, and segments exactly like a fresh one."""
    base = _base_tokenizer()
    tokenizer = type(base)()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(base.FREQ), base.total, True
    _add_domain_words(tokenizer, domain)
    return tokenizer


def _add_domain_words(tokenizer: Tokenizer, domain: Iterable[str]) -> None:
    """jieba's `add_word`, with the dictionary's `total` kept as it was: the logs of every other
    word stay what they are, so a piece without a domain word cuts as without the domain."""
    total = tokenizer.total
    for word in domain:
        tokenizer.add_word(word, freq=DOMAIN_FREQ)
    tokenizer.total = total


@lru_cache(maxsize=1)
def _base_tokenizer() -> Tokenizer:
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _import_jieba() -> ModuleType:
    """jieba 0.42 imports the deprecated pkg_resources (75 ms) only to open its own data files,
    and falls back to a plain open() without it; hide it while jieba loads."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=4)
def segmenter(
    domain_words: tuple[str, ...] = (), stopwords: tuple[str, ...] = DEFAULT_STOPWORDS
) -> Segmenter:
    """One segmenter per domain dictionary and stopword set, shared within the process, primed
    from the store when one is in use (segmentations do not depend on the stopwords)."""
    store = stores.segment_store
    known = store.load("segments", _domain_key(domain_words)) if store is not None else None
    return Segmenter(domain_words, known or {}, stopwords)


def remember_segmentations(seg: Segmenter) -> None:
    """Add what `seg` segmented since the last call to the store, if one is in use."""
    store = stores.segment_store
    if not seg.learned or store is None:
        return
    key = _domain_key(seg.domain)
    known = store.load("segments", key) or {}
    store.save("segments", key, {**known, **seg.learned})
    seg.learned.clear()


def _domain_key(domain: Iterable[str]) -> list[str]:
    return sorted({w for w in domain if len(w) >= 2})
