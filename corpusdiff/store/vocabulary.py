"""A corpus's vocabulary: the shipped region-neutral word lists, extended by the `vocabulary:`
section of <corpus>/site.yaml (docs/corpus.md).

```yaml
vocabulary:
  stopwords: [福田, 福田区]            # added to text/data/stopwords.txt
  indicator_aliases:                  # added to series/data/indicator-aliases.yaml (and win)
    城镇登记失业率: 城镇居民登记失业率
```

Without the file, or without the section, the defaults. Every problem is one line naming the file.
A national corpus's words (中国, 全国; 进出口总额 → 进出口): docs/examples/national-site.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from corpusdiff.errors import CorpusError
from corpusdiff.series.aliases import DEFAULT_ALIASES
from corpusdiff.store import confine, files
from corpusdiff.text.stopwords import DEFAULT_STOPWORDS
from corpusdiff.types.vocabulary import Vocabulary

#: The corpus configuration file that holds the section (the site's settings live there too).
CONFIG = "site.yaml"
SECTION = "vocabulary"
#: Larger than any hand-written configuration: a bigger file is a mistake, not a vocabulary.
MAX_CONFIG_BYTES = 1_000_000
_KEYS = ("stopwords", "indicator_aliases")


def default_vocabulary() -> Vocabulary:
    """The shipped word lists alone."""
    return Vocabulary(DEFAULT_STOPWORDS, dict(DEFAULT_ALIASES))


def load_vocabulary(corpus: Path) -> Vocabulary:
    """The defaults extended by <corpus>/site.yaml's `vocabulary:` section, if there is one."""
    path = corpus / CONFIG
    if not path.is_file():
        return default_vocabulary()
    section = _read_config(confine.readable(corpus, path)).get(SECTION)
    if section is None:
        return default_vocabulary()
    if not isinstance(section, dict):
        raise CorpusError(f"{path}: `{SECTION}` must be a mapping with `stopwords` and `indicator_aliases`")
    unknown = sorted(str(key) for key in section if key not in _KEYS)
    if unknown:
        raise CorpusError(
            f"{path}: unknown key `{unknown[0]}` in `{SECTION}` (it takes `stopwords` and `indicator_aliases`)"
        )
    stopwords = _words(path, section.get("stopwords"))
    aliases = _aliases(path, section.get("indicator_aliases"))
    return Vocabulary(tuple(sorted({*DEFAULT_STOPWORDS, *stopwords})), {**DEFAULT_ALIASES, **aliases})


def _read_config(path: Path) -> Mapping[object, object]:
    data = files.read_yaml(path, MAX_CONFIG_BYTES)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: must be a mapping of settings (pairs, timelines, {SECTION})")
    return data


def _words(path: Path, value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(word, str) and word.strip() for word in value):
        raise CorpusError(f"{path}: `{SECTION}.stopwords` must be a list of words (quote numbers: '2022')")
    return frozenset(word.strip() for word in value)


def _aliases(path: Path, value: object) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(name, str) and isinstance(canonical, str) and name.strip() and canonical.strip()
        for name, canonical in value.items()
    ):
        raise CorpusError(
            f"{path}: `{SECTION}.indicator_aliases` must map names to names (written name: canonical name)"
        )
    return {name.strip(): canonical.strip() for name, canonical in value.items()}
