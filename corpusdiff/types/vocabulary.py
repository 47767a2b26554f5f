"""The word lists a corpus configures: the shipped region-neutral defaults with the corpus's
own words added (docs/corpus.md, `vocabulary:`; read by `corpusdiff.store.vocabulary`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Vocabulary:
    """Stopwords (never content words: `text.segment.segmenter`, `series.terms`, `series.trace`,
    the differ) and indicator aliases (written name -> canonical name: `series.indicators`)."""

    stopwords: tuple[str, ...]  # sorted, each once: pickles and prints alike in every process
    indicator_aliases: Mapping[str, str] = field(hash=False)
