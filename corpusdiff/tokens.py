"""Word segmentation with jieba, plus a domain dictionary of the corpus's programme names.

jieba's first segmentation loads a 350k-word dictionary (about a second); the tokenizer is
created once per process and segmentations are cached by text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


class Segmenter:
    """A jieba tokenizer of its own (no global state), primed with domain words."""

    def __init__(self, domain_words: Iterable[str] = ()) -> None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._domain = tuple(sorted({w for w in domain_words if len(w) >= 2}))
        for word in self._domain:
            self._tokenizer.add_word(word, freq=200000)
        self.tokens = lru_cache(maxsize=65536)(self._tokens)

    def _tokens(self, text: str) -> tuple[str, ...]:
        return tuple(self._tokenizer.lcut(text, HMM=False))

    def words(self, text: str) -> list[str]:
        """Content words: tokens with a letter, digit or Han character, minus stopwords."""
        return [t for t in self.tokens(text) if _WORD_RE.search(t) and t not in STOPWORDS]


@lru_cache(maxsize=8)
def segmenter(domain_words: tuple[str, ...] = ()) -> Segmenter:
    """One segmenter per domain dictionary, shared within the process."""
    return Segmenter(domain_words)
