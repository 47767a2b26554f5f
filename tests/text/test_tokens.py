"""Segmentation with a partial jieba dictionary (tokens.PartialDictionary over dictindex) gives
exactly the tokens of the full dictionary, and falls back to it when there is no usable index."""

from __future__ import annotations

import logging
import re
import shutil
import threading
import time
from functools import cache
from pathlib import Path
from random import Random

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusdiff.compare.programmes import extract_programmes
from corpusdiff.structure import tree_from_markdown
from corpusdiff.text import dictindex, segment
from corpusdiff.text.segment import DOMAIN_FREQ, NoHmmCut, Segmenter
from tests.conftest import ROOT

DOCUMENTS = sorted((ROOT / "corpus").rglob("*.md"))
PLAN_2025 = ROOT / "corpus/futian/annual-plan/2025-01.md"
PIECE_END = re.compile(r"(?<=[。；！？\n])")


@pytest.fixture(scope="session")
def full() -> jieba.Tokenizer:
    """jieba's own tokenizer with its whole dictionary: the reference."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def reference(full: jieba.Tokenizer, domain: tuple[str, ...]) -> jieba.Tokenizer:
    """jieba with the domain words added by its own `add_word`, the dictionary's total kept."""
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(full.FREQ), full.total, True
    for word in domain:
        tokenizer.add_word(word, freq=200000)
    tokenizer.total = full.total
    return tokenizer


@pytest.fixture(autouse=True)
def no_shared_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test cuts its own pieces: another test's shared pieces would hide the path tested."""
    for store in ("SHARED_PIECES", "SHARED_TEXTS", "SHARED_WORDS"):
        monkeypatch.setattr(segment, store, {})


@cache
def reference_tokens(
    full: jieba.Tokenizer, pieces: tuple[str, ...], domain: tuple[str, ...]
) -> list[tuple[str, ...]]:
    """The reference segmentation of `pieces`, made once per process: the four kinds of damage
    compare the same pieces with the same reference."""
    expected = reference(full, domain)
    return [tuple(expected.lcut(piece, HMM=False)) for piece in pieces]


@cache
def pieces_and_domain(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every sentence piece compare would segment (whole text, units, headings), and the
    programme names it would add as domain words; read once per process (a document's two
    parameters, the four kinds of damage and the cache-off test read the same ones)."""
    text = path.read_text(encoding="utf-8")
    tree = tree_from_markdown(text)
    texts = [text, *(u.text for u in tree.units), *(s.heading for s in tree.sections)]
    pieces = dict.fromkeys(piece for t in texts for piece in PIECE_END.split(t) if piece)
    domain = tuple(p.name for p in extract_programmes(u.text for u in tree.units))
    return tuple(pieces), domain


@pytest.mark.parametrize("with_domain", [True, False], ids=["programmes", "no-domain"])
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT / "corpus")))
def test_partial_dictionary_segments_every_corpus_piece_like_the_full_one(
    path: Path, with_domain: bool, full: jieba.Tokenizer
) -> None:
    pieces, domain = pieces_and_domain(path)
    domain = domain if with_domain else ()
    assert len(domain) >= 50 or not with_domain  # the documents do name many programmes
    seg = Segmenter(domain)
    expected = reference(full, seg.domain)
    for piece in pieces:
        assert seg.tokens(piece) == tuple(expected.lcut(piece, HMM=False)), piece
    assert seg._partial is not None  # the partial path was the one tested
    assert len(seg._partial.tokenizer.FREQ) < len(full.FREQ) / 4
    assert seg._partial.tokenizer.total == full.total  # domain words add no weight to it


def test_clauses_are_pieces_of_their_own_segmented_once_like_the_whole_sentence(full: jieba.Tokenizer) -> None:
    """The matcher compares clauses on their own (text.sentences.clauses): segmenting a
    sentence keeps its clauses, so a clause asked for later is no new work, and the tokens are
    those of the whole sentence."""
    sentence = "加快发展先进制造业，推动制造业高端化：建设新型工业化示范区。"
    seg = Segmenter()
    assert seg.tokens(sentence) == tuple(reference(full, ()).lcut(sentence, HMM=False))
    assert {"加快发展先进制造业，", "推动制造业高端化：", "建设新型工业化示范区。"} <= set(seg.learned)
    learned = len(seg.learned)
    assert seg.tokens("推动制造业高端化：") == tuple(reference(full, ()).lcut("推动制造业高端化：", HMM=False))
    assert len(seg.learned) == learned


#: Han characters of words, prefixes and programme names, letters, digits, and what jieba cuts
#: blocks at (spaces, marks, newlines): texts where routes tie, letters join and blocks split.
CUT_ALPHABET = "科技创新区深圳河套合作园发展中国人民银行高质量产业" + "aZ09.+#&_%-" + " \r\n\t，。：、（）《》"
CUT_DOMAIN = ("河套深港科技创新合作区", "科技创新区", "深圳园区", "高质量发展")


@pytest.fixture(scope="module")
def with_domain(full: jieba.Tokenizer) -> jieba.Tokenizer:
    return reference(full, CUT_DOMAIN)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(CUT_ALPHABET, max_size=40))
def test_the_fast_cut_is_jiebas_lcut_without_hmm(with_domain: jieba.Tokenizer, text: str) -> None:
    """NoHmmCut takes jieba's route (single letters joined, blocks split) on any text, with the
    domain words' frequencies and total."""
    assert NoHmmCut(with_domain)(text) == tuple(with_domain.lcut(text, HMM=False))


def test_a_piece_without_a_domain_word_is_cut_once_for_every_domain(full: jieba.Tokenizer) -> None:
    """A timeline compares nine editions in 36 pairs, each with a domain of its own: a piece that
    holds none of a segmenter's domain words is taken from what another segmenter cut, and one
    that holds one is cut with it."""
    plain, named = "推动制造业高端化。", "建设河套深港科技创新合作区。"
    first = Segmenter(("河套深港科技创新合作区",))
    assert "河套深港科技创新合作区" in first.tokens(plain + named)
    second = Segmenter(("高质量发展",))
    assert second.tokens(plain) == tuple(reference(full, second.domain).lcut(plain, HMM=False))
    assert second._tokenizer is None  # nothing cut: the piece came from the first segmenter
    assert second.tokens(named) == tuple(reference(full, second.domain).lcut(named, HMM=False))
    assert "河套深港科技创新合作区" not in second.tokens(named)  # the first one's word is not the second's
    third = Segmenter(("制造业高端化",))
    assert third.tokens(plain) == ("推动", "制造业高端化", "。")  # its own word, not the shared cut


@pytest.fixture(scope="module")
def references(full: jieba.Tokenizer) -> dict[tuple[str, ...], jieba.Tokenizer]:
    """jieba for each of three domains, keyed as a segmenter keeps its domain (sorted)."""
    return {tuple(sorted(domain)): reference(full, domain) for domain in (CUT_DOMAIN, (), CUT_DOMAIN[2:])}


#: A letter, digit or Han character of CUT_ALPHABET: what makes a token a word.
WORD_CHAR = re.compile("[0-9A-Za-z\u4e00-\u9fff]")
#: Two stopword sets for the segmenters of the property below: words are filtered per segmenter.
CUT_STOPWORDS = (frozenset({"发展", "中国"}), frozenset({"产业", "，"}))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(CUT_ALPHABET, max_size=30), min_size=1, max_size=4), st.randoms())
def test_tokens_never_depend_on_which_segmenter_cut_a_piece_first(
    references: dict[tuple[str, ...], jieba.Tokenizer], texts: list[str], order: Random
) -> None:
    """Segmenters of different domains and stopwords cutting the same texts in any order, sharing
    their pieces and texts: each text gets exactly jieba's tokens with that segmenter's own
    domain, and its words are those tokens less that segmenter's own stopwords."""
    domains = [(domain, stopwords) for domain in references for stopwords in CUT_STOPWORDS]
    order.shuffle(domains)
    segmenters = [Segmenter(domain, stopwords=stopwords) for domain, stopwords in domains]
    for text in texts:
        for seg in segmenters:
            expected = tuple(references[seg.domain].lcut(text, HMM=False))
            assert seg.tokens(text) == expected, (text, seg.domain)
            words = tuple(t for t in expected if t not in seg.stopwords and WORD_CHAR.search(t))
            assert seg.words(text) == words, (text, seg.domain, seg.stopwords)


def test_the_fast_cut_breaks_a_tie_as_jieba_does() -> None:
    """With total 1, 甲 + 乙 (log 2 + log 2) and 甲乙 (log 4) score the same: jieba's `max` over
    (score, end) takes the longer word."""
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = {"甲": 2, "乙": 2, "甲乙": 4}, 1, True
    assert tokenizer.lcut("甲乙甲", HMM=False) == ["甲乙", "甲"]
    assert NoHmmCut(tokenizer)("甲乙甲") == ("甲乙", "甲")


def test_text_with_lone_surrogates_segments_like_the_full_dictionary(full: jieba.Tokenizer) -> None:
    text = "\udcb8中国人民\ud800银行。"  # what surrogateescape leaves of undecodable bytes
    seg = Segmenter()
    assert seg.tokens(text) == ("\udcb8", "中国", "人民", "\ud800", "银行", "。")
    assert seg.tokens(text) == tuple(reference(full, ()).lcut(text, HMM=False))
    assert seg._partial is not None


# A tiny dictionary, checked by hand (total T = 2702): 科技创新 is found only through its prefix
# 科技创 (freq 0), 深圳 only through 深 (a prefix, not a word); 科技 and 创新 are words and prefixes
# of longer ones; 创新区 is rare until it is a domain word.
TINY = """科 100
技 100
创 100
新 100
区 100
科技 400
创新 400
新区 300
科技创新 600
创新区 2
深圳 500
"""


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text(TINY, encoding="utf-8")
    monkeypatch.setattr(dictindex, "jieba_dictionary", lambda: dictionary)
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path / "cache"))
    return dictionary


def test_the_index_holds_singles_total_and_buckets_with_prefixes(tiny: Path) -> None:
    index = dictindex.load()
    assert index is not None
    assert index.total == 2702
    assert index.singles == {**dict.fromkeys("科技创新区", 100), "深": 0}
    assert index.buckets(["科技", "创新", "新区", "技创", "。"]) == [
        {"科技": 400, "科技创": 0, "科技创新": 600},
        {"创新": 400, "创新区": 2},
        {"新区": 300},
        {},
        {},
    ]


@pytest.mark.parametrize(
    ("domain", "text", "expected"),
    [
        ((), "科技创新", ["科技创新"]),  # 600/T beats 400·400/T²
        ((), "创新区", ["创新", "区"]),  # 400·100/T² beats 2/T and 100·300/T²
        ((), "科技创新区", ["科技创新", "区"]),  # 600·100/T² beats 400·2/T²
        (("创新区",), "创新区", ["创新区"]),
        (("创新区",), "科技创新区", ["科技", "创新区"]),  # 400·200000/T² beats 600·100/T²
        (("创新区",), "创新区。科技创新", ["创新区", "。", "科技创新"]),
        ((), "深圳科技", ["深圳", "科技"]),
    ],
)
def test_tiny_dictionary_segmentations_checked_by_hand(
    tiny: Path, tmp_path: Path, domain: tuple[str, ...], text: str, expected: list[str]
) -> None:
    seg = Segmenter(domain)
    assert list(seg.tokens(text)) == expected
    assert seg._partial is not None and seg._partial.tokenizer.total == 2702
    whole = jieba.Tokenizer(str(tiny))
    whole.tmp_dir = str(tmp_path)
    for word in domain:
        whole.add_word(word, freq=DOMAIN_FREQ)
    whole.total = 2702
    assert whole.lcut(text, HMM=False) == expected


def test_a_rebuild_replaces_the_index_without_disturbing_its_readers(tiny: Path) -> None:
    index = dictindex.load()
    assert index is not None
    dictindex.build(tiny, index.path)
    assert index.buckets(["创新"]) == [{"创新": 400, "创新区": 2}]
    assert [p.name for p in index.path.parent.iterdir()] == [index.path.name]  # no temp file left


def test_processes_starting_together_build_the_index_once(tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builders that find no index at the same moment (xdist's workers, a pool's children):
    the second waits for the first one's index instead of building its own."""
    built: list[Path] = []
    real_build, together = dictindex.build, threading.Barrier(2)

    def slow_build(dictionary: Path, target: Path) -> None:
        built.append(target)
        time.sleep(0.3)  # the other builder asks for the index meanwhile
        real_build(dictionary, target)

    monkeypatch.setattr(dictindex, "build", slow_build)
    indexes: list[dictindex.DictIndex | None] = []

    def load() -> None:
        together.wait()
        indexes.append(dictindex.load())

    builders = [threading.Thread(target=load) for _ in range(2)]
    for builder in builders:
        builder.start()
    for builder in builders:
        builder.join()
    assert len(built) == 1
    assert [index.total if index else None for index in indexes] == [2702, 2702]


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    damaged = {
        "garbage": b"not an index " * 1000,
        "empty": b"",
        "truncated": data[: len(data) // 2],
        "middle zeroed": data[: len(data) // 4] + bytes(len(data) // 4) + data[len(data) // 2 :],
    }[how]
    path.write_bytes(damaged)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["garbage", "empty", "truncated", "middle zeroed"])
def test_a_damaged_index_still_segments_correctly_and_heals(
    how: str, full: jieba.Tokenizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = dictindex.load()  # the session's index, copied rather than rebuilt
    assert built is not None
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    copy = tmp_path / built.path.relative_to(built.path.parent.parent)
    copy.parent.mkdir()
    copy.write_bytes(built.path.read_bytes())
    _damage(copy, how)
    rebuilds = _rebuilds_copying(built.path, monkeypatch)
    pieces, domain = pieces_and_domain(PLAN_2025)
    seg = Segmenter(domain)
    expected = reference_tokens(full, tuple(pieces), seg.domain)
    assert [seg.tokens(p) for p in pieces] == expected
    dictindex._open_or_build.cache_clear()  # as a new process would
    segment.SHARED_PIECES.clear()
    segment.SHARED_TEXTS.clear()
    again = Segmenter(domain)
    assert again.tokens(pieces[0]) == expected[0]
    assert again._partial is not None  # rebuilt: the damage is not paid for twice
    assert rebuilds == [(dictindex.jieba_dictionary(), copy)]


def _rebuilds_copying(index: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path | None, Path]]:
    """`dictindex.build` replaced by a copy of `index`, the session's index of the same dictionary
    (whose real build every run makes, and the tests above hold to the full dictionary): the
    rebuild a damaged index calls for is what is tested, not building again (~2.5 s of CPU)."""
    rebuilds: list[tuple[Path | None, Path]] = []

    def rebuild(dictionary: Path, target: Path) -> None:
        rebuilds.append((dictionary, target))
        shutil.copyfile(index, target)

    monkeypatch.setattr(dictindex, "build", rebuild)
    return rebuilds


def test_cache_off_uses_the_full_dictionary(full: jieba.Tokenizer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", "off")
    assert dictindex.load() is None
    pieces, domain = pieces_and_domain(PLAN_2025)
    seg = Segmenter(domain)
    expected = reference(full, seg.domain)
    assert [seg.tokens(p) for p in pieces[:200]] == [tuple(expected.lcut(p, HMM=False)) for p in pieces[:200]]
    assert seg._partial is None and len(seg._tokenizer.FREQ) >= len(full.FREQ)
