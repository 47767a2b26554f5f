"""Word segmentation with jieba, plus a domain dictionary of the corpus's programme names.

jieba's first segmentation loads a 350k-word dictionary (about half a second), so the
tokenizer is created only when a sentence is not already known. Sentences are segmented one
at a time (jieba never joins words across 。；！？, so the tokens are the same as for the whole
text) and kept: in memory, and on disk (corpusdiff.cache) for the next process.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache

_WORD_RE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
#: Words so common in plan reports that they say nothing about which initiative this is.
STOPWORDS = frozenset(
    [
        "的",
        "和",
        "与",
        "及",
        "等",
        "在",
        "对",
        "为",
        "以",
        "将",
        "是",
        "了",
        "并",
        "其",
        "中",
        "上",
        "下",
        "年",
        "个",
        "项",
        "家",
        "我",
        "区",
        "全区",
        "福田",
        "福田区",
        "推动",
        "推进",
        "加快",
        "加强",
        "持续",
        "全面",
        "深入",
        "进一步",
        "积极",
        "大力",
        "着力",
        "不断",
        "提升",
        "打造",
        "建设",
        "实施",
        "开展",
        "完善",
        "健全",
        "优化",
        "强化",
        "落实",
        "坚持",
        "支持",
        "促进",
        "实现",
        "构建",
        "形成",
        "发展",
        "工作",
        "一批",
        "重点",
        "以上",
        "左右",
        "同比",
        "增长",
        "新增",
        "累计",
        "完成",
    ]
)


_PIECE_END_RE = re.compile(r"(?<=[。；！？\n])")


class Segmenter:
    """A jieba tokenizer of its own (no global state), primed with domain words."""

    def __init__(self, domain_words: Iterable[str] = (), known: Mapping[str, tuple[str, ...]] = ()) -> None:
        self.domain = tuple(sorted({w for w in domain_words if len(w) >= 2}))
        self._pieces: dict[str, tuple[str, ...]] = dict(known)
        self.learned: dict[str, tuple[str, ...]] = {}
        self._tokenizer = None
        self.tokens = lru_cache(maxsize=65536)(self._tokens)
        self.words = lru_cache(maxsize=65536)(self._words)

    def _tokens(self, text: str) -> tuple[str, ...]:
        out: list[str] = []
        for piece in _PIECE_END_RE.split(text):
            tokens = self._pieces.get(piece)
            if tokens is None:
                tokens = self._pieces[piece] = self.learned[piece] = self._segment(piece)
            out.extend(tokens)
        return tuple(out)

    def _segment(self, piece: str) -> tuple[str, ...]:
        if self._tokenizer is None:
            self._tokenizer = _jieba_tokenizer(self.domain)
        return tuple(self._tokenizer.lcut(piece, HMM=False))

    def _words(self, text: str) -> tuple[str, ...]:
        """Content words: tokens with a letter, digit or Han character, minus stopwords."""
        return tuple(t for t in self.tokens(text) if t not in STOPWORDS and _is_word(t))


@lru_cache(maxsize=262144)
def _is_word(token: str) -> bool:
    return bool(_WORD_RE.search(token))


def _jieba_tokenizer(domain: tuple[str, ...]):  # -> jieba.Tokenizer
    """A tokenizer with the domain words added to a copy of the process's one loaded dictionary:
    copying takes 30 ms where loading takes 450 ms, and segments exactly like a fresh one."""
    base = _base_tokenizer()
    tokenizer = type(base)()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(base.FREQ), base.total, True
    for word in domain:
        tokenizer.add_word(word, freq=200000)
    return tokenizer


@lru_cache(maxsize=1)
def _base_tokenizer():  # -> jieba.Tokenizer
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _import_jieba():  # -> module
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
def segmenter(domain_words: tuple[str, ...] = ()) -> Segmenter:
    """One segmenter per domain dictionary, shared within the process, primed from the disk cache."""
    from corpusdiff import cache

    return Segmenter(domain_words, cache.load("segments", _domain_key(domain_words)) or {})


def remember_segmentations(seg: Segmenter) -> None:
    """Add what `seg` segmented since the last call to the disk cache."""
    from corpusdiff import cache

    if not seg.learned:
        return
    key = _domain_key(seg.domain)
    known = cache.load("segments", key) or {}
    cache.save("segments", key, {**known, **seg.learned})
    seg.learned.clear()


def _domain_key(domain: Iterable[str]) -> list[str]:
    return sorted({w for w in domain if len(w) >= 2})
