"""store.vocabulary: the shipped word lists, a corpus's `vocabulary:` section that extends them,
one-line errors naming the file; and what the lists do where they are handed in."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.errors import CorpusError
from corpusdiff.series.indicators import DEFAULT_ALIASES, IndicatorSet, canonical_name, indicator_table
from corpusdiff.store.vocabulary import MAX_CONFIG_BYTES, default_vocabulary, load_vocabulary
from corpusdiff.text.segment import DEFAULT_STOPWORDS, segmenter
from corpusdiff.types.vocabulary import Vocabulary
from tests.conftest import ROOT


def write_config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def error_of(corpus: Path) -> str:
    with pytest.raises(CorpusError) as caught:
        load_vocabulary(corpus)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{corpus / 'site.yaml'}: ")
    return message


# --- the defaults -------------------------------------------------------------------------------


def test_the_shipped_lists_are_region_neutral() -> None:
    assert "福田" not in DEFAULT_STOPWORDS and "福田区" not in DEFAULT_STOPWORDS
    assert {"推进", "加快", "建设", "区", "全区"} <= set(DEFAULT_STOPWORDS)
    assert list(DEFAULT_STOPWORDS) == sorted(set(DEFAULT_STOPWORDS))  # pickles alike everywhere
    aliases = dict(DEFAULT_ALIASES)
    assert aliases["本区生产总值"] == "地区生产总值" and aliases["固定资产投资"] == "全社会固定资产投资"
    assert not [pair for pair in aliases.items() if "福田" in "".join(pair)]


def test_without_a_corpus_or_its_configuration_the_defaults(tmp_path: Path) -> None:
    assert load_vocabulary(tmp_path / "no-corpus-here") == default_vocabulary()
    assert load_vocabulary(tmp_path) == default_vocabulary()
    assert default_vocabulary() == Vocabulary(DEFAULT_STOPWORDS, dict(DEFAULT_ALIASES))


@pytest.mark.parametrize("text", ["", "pairs: []\n", "vocabulary:\n", "vocabulary: {}\n"])
def test_a_configuration_without_vocabulary_gives_the_defaults(tmp_path: Path, text: str) -> None:
    assert load_vocabulary(write_config(tmp_path, text)) == default_vocabulary()


# --- a corpus's own words -----------------------------------------------------------------------


def test_the_corpus_section_extends_the_defaults(tmp_path: Path) -> None:
    corpus = write_config(
        tmp_path,
        "vocabulary:\n  stopwords: [河西, 河西区, 推进]\n"
        "  indicator_aliases:\n    本区生产总值: GDP\n    能耗总量和强度: 万元GDP能耗\n",
    )
    vocabulary = load_vocabulary(corpus)
    assert set(vocabulary.stopwords) == {*DEFAULT_STOPWORDS, "河西", "河西区"}
    assert list(vocabulary.stopwords) == sorted(vocabulary.stopwords)
    assert vocabulary.indicator_aliases == {
        **dict(DEFAULT_ALIASES),
        "本区生产总值": "GDP",  # the corpus wins
        "能耗总量和强度": "万元GDP能耗",
    }
    assert DEFAULT_ALIASES["本区生产总值"] != "GDP"


def test_the_repository_corpus_holds_the_futian_words() -> None:
    vocabulary = load_vocabulary(ROOT / "corpus")
    assert {"福田", "福田区"} <= set(vocabulary.stopwords)
    assert vocabulary.indicator_aliases["城镇登记失业率"] == "城镇居民登记失业率"
    assert vocabulary.indicator_aliases["能耗总量和强度"] == "万元GDP能耗"


# --- errors: one line, naming the file ----------------------------------------------------------


def test_bad_yaml_is_one_line_naming_the_file_and_the_line(tmp_path: Path) -> None:
    message = error_of(write_config(tmp_path, "vocabulary:\n  stopwords: [福田\n  indicator_aliases: x: y\n"))
    assert "not valid YAML" in message and "line " in message


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_bytes("vocabulary:\n  stopwords: [福田]\n".encode("gb18030"))
    assert "not UTF-8" in error_of(tmp_path)


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    write_config(tmp_path, "# " + "x" * MAX_CONFIG_BYTES + "\n")
    assert "larger than" in error_of(tmp_path)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("- a list\n", "must be a mapping"),
        ("vocabulary: [福田]\n", "`vocabulary` must be a mapping"),
        ("vocabulary:\n  stopword: [福田]\n", "unknown key `stopword`"),
        ("vocabulary:\n  stopwords: 福田\n", "`vocabulary.stopwords` must be a list of words"),
        ("vocabulary:\n  stopwords: [2022]\n", "`vocabulary.stopwords` must be a list of words"),
        ("vocabulary:\n  stopwords: ['']\n", "`vocabulary.stopwords` must be a list of words"),
        ("vocabulary:\n  indicator_aliases: [a, b]\n", "`vocabulary.indicator_aliases` must map names"),
        (
            "vocabulary:\n  indicator_aliases:\n    失业率: 3\n",
            "`vocabulary.indicator_aliases` must map names",
        ),
    ],
)
def test_a_malformed_section_is_one_line_naming_the_file(tmp_path: Path, text: str, says: str) -> None:
    assert says in error_of(write_config(tmp_path, text))


# --- where the lists are handed in --------------------------------------------------------------


def test_stopwords_are_handed_to_the_segmenter() -> None:
    text = "福田区大力推进河套深港科技创新合作区建设。"
    assert "福田区" in segmenter(()).words(text)
    futian = load_vocabulary(ROOT / "corpus").stopwords
    words = segmenter((), futian).words(text)
    assert "福田区" not in words and "河套" in words
    assert segmenter((), futian).tokens(text) == segmenter(()).tokens(text)  # only words differ


def test_aliases_are_handed_to_the_indicator_table() -> None:
    assert canonical_name("2.能耗总量和强度") == "能耗总量和强度"
    aliases = load_vocabulary(ROOT / "corpus").indicator_aliases
    assert canonical_name("2.能耗总量和强度", aliases) == "万元GDP能耗"
    empty = IndicatorSet("t/a", "2024", "t", "t-plan", (), ())
    assert indicator_table([empty]).aliases == DEFAULT_ALIASES
    assert indicator_table([empty], aliases).aliases == aliases
