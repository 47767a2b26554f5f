"""The shipped word lists (text/data/), apart from the segmenter so that a cached command can
name the corpus's stopwords (in cache keys) without importing the segmenter."""

from __future__ import annotations

from importlib.resources import files


def read_word_list(text: str) -> list[str]:
    """The words of a word-list file: one a line, blank lines and `#` comments left out."""
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [word for word in words if word]


def shipped_list(name: str) -> tuple[str, ...]:
    """A list of text/data/ as a sorted tuple, so that it pickles and prints the same in every
    process (cache keys)."""
    text = files("corpusdiff.text").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(sorted(set(read_word_list(text))))


#: Words so common in plan reports that they say nothing about which initiative this is: the
#: shipped, region-neutral list (text/data/stopwords.txt). A corpus adds its own region's words
#: (`corpusdiff.store.vocabulary`); callers hand the list to `segmenter`.
DEFAULT_STOPWORDS: tuple[str, ...] = shipped_list("stopwords.txt")

#: Function words (text/data/function-words.txt): pronouns, deixis, adverbs, conjunctions,
#: prepositions, modal and light verbs. The term index leaves them out on top of the stopwords
#: it is given; the differ does not (its weights were fitted on the stopwords alone).
FUNCTION_WORDS: tuple[str, ...] = shipped_list("function-words.txt")

#: Policy terms jieba's dictionary splits (text/data/report-terms.txt: 新常态, 新质生产力): the
#: term index segments with them as whole words.
REPORT_TERMS: tuple[str, ...] = shipped_list("report-terms.txt")
