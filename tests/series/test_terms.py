"""The term index: counts per edition, first and last edition, status; on tiny synthetic editions
with counts known by construction, on the real corpus against `grep -o WORD FILE | wc -l`, and
through the `terms` command."""

from __future__ import annotations

import csv
import io
import json
import pickle

import pytest
from click.testing import CliRunner

from corpusdiff.canonical.markdown import parse
from corpusdiff.cli.main import main
from corpusdiff.compare.core import compare
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.series.terms import (
    DROPPED,
    NEW,
    STEADY,
    DocumentTerms,
    Edition,
    TermIndex,
    build_index,
    corpus_programmes,
    count_terms,
    index_editions,
    is_key_word,
    keyness,
    look_up,
    status_of,
)
from corpusdiff.store.vocabulary import load_vocabulary
from corpusdiff.structure import build_tree, tree_from_markdown
from corpusdiff.text.segment import segmenter
from corpusdiff.types.tree import DocTree
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
NATIONAL = ROOT / "tests" / "data" / "national-gwr" / "wikisource"
#: Rayson's critical value of G² for p < 0.05 (one degree of freedom).
P05 = 3.84
PLAN_2022, MID_2023, PLAN_2025 = (
    "futian/annual-plan/2022-01",
    "futian/mid-year-report/2023-10",
    "futian/annual-plan/2025-01",
)
FIVE_YEAR = "futian/five-year-plan/2021"


def canonical(doc_id: str, date: str, *paragraphs: str, title: str = "测试计划报告") -> str:
    """A minimal canonical document: front matter, title, one section, the paragraphs."""
    body = "\n\n".join(paragraphs)
    return (
        f"---\ntitle: {title}\nid: {doc_id}\ndate: '{date}'\ndialect: '1'\n---\n\n"
        f"# {title}\n\n## 一、主要工作\n\n{body}\n"
    )


# Three editions. 疫情 disappears (2, 1, 0), 低空 appears (0, 0, 2), 河套 recurs (1, 1, 1);
# the programme 福田英才荟 is quoted in 2023 and named again, unquoted, in 2024.
OLD = canonical("t/2022", "2022", "疫情防控有力。河套合作区起步。", "疫情防控常态化。", title="疫情防控报告")
MIDDLE = canonical("t/2023", "2023", "疫情防控平稳。河套合作区提速。", "推出“福田英才荟”品牌。")
LATEST = canonical("t/2024", "2024", "低空经济起步。河套合作区成势。", "低空航线开通。福田英才荟扩容。")


@pytest.fixture(scope="module")
def synthetic() -> list[tuple[Edition, DocTree]]:
    trees = [tree_from_markdown(text) for text in (OLD, MIDDLE, LATEST)]
    return [(Edition(t.metadata.id, t.metadata.date), t) for t in trees]


@pytest.fixture(scope="module")
def synthetic_index(synthetic: list[tuple[Edition, DocTree]]):
    return index_editions(synthetic, min_total=1)


def test_a_term_that_disappears_is_dropped_after_its_last_edition(synthetic_index) -> None:
    term = synthetic_index.get("疫情")
    assert term.counts == {"t/2022": 2, "t/2023": 1, "t/2024": 0}  # the title's 疫情 is front matter
    assert (term.kind, term.first, term.last, term.status) == ("word", "t/2022", "t/2023", DROPPED)


def test_a_term_only_in_the_latest_edition_is_new(synthetic_index) -> None:
    term = synthetic_index.get("低空")
    assert term.counts == {"t/2022": 0, "t/2023": 0, "t/2024": 2}
    assert (term.first, term.last, term.status) == ("t/2024", "t/2024", NEW)


def test_a_recurring_term_is_steady(synthetic_index) -> None:
    term = synthetic_index.get("河套")
    assert term.counts == {"t/2022": 1, "t/2023": 1, "t/2024": 1}
    assert (term.first, term.last, term.status) == ("t/2022", "t/2024", STEADY)


def test_a_programme_is_one_term_although_jieba_alone_splits_it(synthetic, synthetic_index) -> None:
    assert segmenter(()).tokens("福田英才荟") != ("福田英才荟",)  # why the domain dictionary matters
    assert corpus_programmes(tree for _, tree in synthetic) == ("福田英才荟",)
    term = synthetic_index.get("福田英才荟")
    assert term.kind == "programme"
    assert term.counts == {"t/2022": 0, "t/2023": 1, "t/2024": 1}  # quoted or not, both count
    assert (term.first, term.status) == ("t/2023", STEADY)
    assert synthetic_index.get("英才") is None


def test_programme_names_are_counted_as_substrings_even_with_punctuation_inside() -> None:
    text = canonical("t/x", "2024", "落实“双随机、一公开”监管。双随机、一公开全覆盖。")
    counted = count_terms(tree_from_markdown(text))
    assert counted.programmes == {"双随机、一公开": 2}
    assert "双随机、一公开" not in segmenter(("双随机、一公开",)).tokens("双随机、一公开全覆盖")


def test_the_index_keeps_words_seen_min_total_times_and_every_programme(synthetic) -> None:
    index = index_editions(synthetic, min_total=3)
    assert index.get("河套").total == 3
    assert index.get("低空") is None and index.get("起步") is None  # 2 each
    assert index.get("福田英才荟").total == 2  # programmes stay whatever their count


def test_the_latest_edition_is_the_last_one_in_the_given_order(synthetic) -> None:
    counted = [count_terms(tree, (), edition) for edition, tree in synthetic]
    index = build_index(counted, editions=["t/2024", "t/2023", "t/2022"], min_total=1)
    assert [e.id for e in index.editions] == ["t/2024", "t/2023", "t/2022"]
    assert index.get("疫情").status == STEADY
    assert index.get("低空").status == DROPPED


def test_editions_must_be_known_and_given_once(synthetic) -> None:
    counted = [count_terms(tree, (), edition) for edition, tree in synthetic]
    with pytest.raises(InputError, match="given twice"):
        build_index([*counted, counted[0]])
    with pytest.raises(InputError, match="t/2099"):
        build_index(counted, editions=["t/2022", "t/2099"])


def test_document_and_tree_count_the_same_and_results_pickle() -> None:
    from_document = count_terms(parse(MIDDLE))
    from_tree = count_terms(tree_from_markdown(MIDDLE))
    assert from_document == from_tree
    assert from_tree.edition == Edition("t/2023", "2023", "测试计划报告")
    assert pickle.loads(pickle.dumps(from_tree)) == from_tree
    assert isinstance(from_tree, DocumentTerms) and from_tree.words["河套"] == 1


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("河套", True),
        ("十四五", True),
        ("5G", True),
        ("GDP", True),
        ("新", False),
        ("N", False),
        ("二十", False),
        ("第一个", False),
        ("亿元", False),
        ("两年", False),
        ("余家", False),
        ("多元", True),
        ("2025", False),
        ("七五", True),  # the seventh five-year plan
        ("三分之二", False),
        ("万公顷", False),
        ("平方米", False),
        ("多万吨", False),
        ("第二届", False),
        ("一大批", False),
        ("个百分点", False),
        ("一体化", True),
        ("第三方", True),
    ],
)
def test_key_words(token: str, expected: bool) -> None:
    assert is_key_word(token) is expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([0, 0, 3], NEW), ([2, 1, 0], DROPPED), ([1, 0, 1], STEADY), ([0, 2, 2], STEADY), ([4], STEADY)],
)
def test_status_against_the_latest_edition(counts: list[int], expected: str) -> None:
    assert status_of(counts) == expected


# --- the real corpus: counts checked with grep -o WORD FILE | wc -l -----------------------


def corpus_sources(*ids: str) -> list[tuple[Edition, DocTree]]:
    trees = [tree_from_markdown((CORPUS / f"{doc_id}.md").read_text(encoding="utf-8")) for doc_id in ids]
    return [(Edition(doc_id, tree.metadata.date), tree) for doc_id, tree in zip(ids, trees, strict=True)]


@pytest.fixture(scope="module")
def plans() -> list[tuple[Edition, DocTree]]:
    return corpus_sources(PLAN_2022, MID_2023, PLAN_2025)


@pytest.fixture(scope="module")
def plan_index(plans):
    return index_editions(plans)


def test_hetao_in_the_three_plan_reports_matches_grep(plan_index) -> None:
    term = plan_index.get("河套")
    assert term.counts == {PLAN_2022: 9, MID_2023: 8, PLAN_2025: 9}
    assert term.status == STEADY


def test_the_five_year_plan_counts_hetao_outside_its_box_title() -> None:
    index = index_editions(corpus_sources(FIVE_YEAR))
    # grep -o finds 18; one is the title of 专栏2, which the document tree (like diff) leaves out
    assert index.get("河套").counts == {FIVE_YEAR: 17}


def test_low_altitude_is_first_mentioned_mid_2023_and_counted_outside_a_programme(plan_index) -> None:
    term = plan_index.get("低空")
    # grep: 0, 5, 8; in 2025 one 低空 sits inside the quoted programme 低空经济融合生态圈
    assert term.counts == {PLAN_2022: 0, MID_2023: 5, PLAN_2025: 7}
    assert (term.first, term.status) == (MID_2023, STEADY)
    assert plan_index.get("低空经济融合生态圈").counts == {PLAN_2022: 0, MID_2023: 0, PLAN_2025: 1}


def test_the_hundred_thousand_project_is_first_mentioned_in_2025(plan_index) -> None:
    term = plan_index.get("百千万工程")
    assert term.kind == "programme"
    assert term.counts == {PLAN_2022: 0, MID_2023: 0, PLAN_2025: 5}
    assert term.status == NEW


def test_the_epidemic_is_no_longer_mentioned_after_2022(plan_index) -> None:
    for word, in_2022 in (("疫情", 9), ("接种", 7)):
        term = plan_index.get(word)
        assert term.counts == {PLAN_2022: in_2022, MID_2023: 0, PLAN_2025: 0}
        assert (term.last, term.status) == (PLAN_2022, DROPPED)


def test_a_phrase_jieba_splits_is_found_by_its_mentions(plans, plan_index) -> None:
    assert segmenter(()).tokens("十五五") != ("十五五",)
    found = look_up(plan_index, "十五五", plans)
    assert found.indexed is None
    # grep -o 十五五: 2025-01.md line 137 only
    assert found.mentioned.counts == {PLAN_2022: 0, MID_2023: 0, PLAN_2025: 1}
    assert found.mentioned.status == NEW


def test_a_policy_term_jieba_splits_is_one_word_of_the_index(plans, plan_index) -> None:
    assert segmenter(()).tokens("新质生产力") != ("新质生产力",)  # 新 / 质 / 生产力 without the list
    found = look_up(plan_index, "新质生产力", plans)
    # grep -o 新质生产力: 0, 0, 5
    assert found.indexed is not None and found.indexed.kind == "word"
    assert found.indexed.counts == found.mentioned.counts == {PLAN_2022: 0, MID_2023: 0, PLAN_2025: 5}


# --- the command ---------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "terms", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_json_new_terms_of_the_plan_series() -> None:
    code, out, _ = run("--series", "futian-plan", "--status", "new", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [e["id"] for e in data["editions"]] == [PLAN_2022, MID_2023, PLAN_2025]
    assert data["terms"] and {t["status"] for t in data["terms"]} == {NEW}
    assert (data["order"], data["edition"]) == ("keyness", None)
    project = next(t for t in data["terms"] if t["term"] == "百千万工程")
    keyness = project.pop("keyness")
    assert project == {
        "term": "百千万工程",
        "kind": "programme",
        "status": NEW,
        "first": PLAN_2025,
        "last": PLAN_2025,
        "total": 5,
        "key_in": PLAN_2025,
        "counts": {PLAN_2022: 0, MID_2023: 0, PLAN_2025: 5},
    }
    # only in the latest edition: over-used there, under-used in the two others
    assert keyness[PLAN_2025] > 3.84 and keyness[PLAN_2022] < 0 and keyness[MID_2023] < 0


GWR_2022 = "futian/government-work-report/2022-01-21"


def test_cli_csv_has_a_column_per_edition_in_the_order_given() -> None:
    everything = (FIVE_YEAR, PLAN_2022, GWR_2022, MID_2023, PLAN_2025)
    code, out, _ = run(*everything, "--format", "csv", "--status", "dropped", "--limit", "5")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:8] == ["term", "kind", "status", "first", "last", "total", "keyness", "key_in"]
    assert rows[0][8:] == list(everything)
    assert len(rows) == 6
    assert all(row[2] == DROPPED and row[-1] == "0" for row in rows[1:])


def test_cli_terminal_limits_and_says_how_many_are_hidden() -> None:
    code, out, _ = run("--series", "futian-plan", "--limit", "3")
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith(("持续", "新出现", "不再用"))]
    assert len(rows) == 3
    assert "（--limit 0 全部列出）" in out.splitlines()[-1]
    _, english, _ = run("--series", "futian-plan", "--limit", "3", "--lang", "en")
    rows = [line for line in english.splitlines() if line.startswith(("steady", "new", "dropped"))]
    assert len(rows) == 3 and "more (--limit 0 shows all)" in english.splitlines()[-1]


def test_cli_term_lookup_follows_the_given_order() -> None:
    code, out, _ = run(PLAN_2025, PLAN_2022, "--term", "疫情", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["indexed"]["counts"] == {PLAN_2025: 0, PLAN_2022: 9}
    assert data["indexed"]["status"] == NEW  # the latest edition is the last one given


def test_cli_term_lookup_lists_its_rows_as_terms_in_json_and_csv() -> None:
    """The JSON's `terms` of a lookup are the rows the terminal counts and CSV lists: the index
    entry, then the mentions (it was empty, though the terminal showed the editions)."""
    # grep -o 新质生产力 in the three plans: 0, 0, 5
    counts = {PLAN_2022: 0, MID_2023: 0, PLAN_2025: 5}
    code, out, _ = run("--series", "futian-plan", "--term", "新质生产力", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(t["term"], t["kind"], t["counts"]) for t in data["terms"]] == [
        ("新质生产力", "word", counts),
        ("新质生产力", "text", counts),
    ]
    assert data["terms"] == [data["indexed"], data["mentions"]]
    code, out, _ = run("--series", "futian-plan", "--term", "新质生产力", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert [(row[0], row[1], row[8:]) for row in rows[1:]] == [
        ("新质生产力", "word", ["0", "0", "5"]),
        ("新质生产力", "text", ["0", "0", "5"]),
    ]


def test_cli_term_lookup_of_a_string_nowhere_lists_no_terms() -> None:
    code, out, _ = run("--series", "futian-plan", "--term", "蒸汽机车", "--format", "json")
    data = json.loads(out)
    assert code == 0 and (data["terms"], data["indexed"], data["mentions"]) == ([], None, None)


def test_cli_term_lookup_in_the_terminal() -> None:
    code, out, _ = run("--series", "futian-plan", "--term", "十五五")
    assert code == 0
    assert out.splitlines()[0].startswith("十五五：不是索引词，作为文本提到，新出现")
    assert out.splitlines()[-1].split() == [PLAN_2025, "-", "-", "1"]
    _, english, _ = run("--series", "futian-plan", "--term", "十五五", "--lang", "en")
    assert english.splitlines()[0].startswith("十五五: not an indexed term, mentioned as text, new")


def test_cli_unknown_series_is_one_line_on_stderr() -> None:
    code, out, err = run("--series", "no-such-series")
    assert code == 2 and out == ""
    assert err.strip() == "corpusdiff: error: no documents of series no-such-series to index"


def test_cli_refuses_to_index_several_series_as_one_sequence() -> None:
    code, out, err = run("--status", "dropped")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "the corpus holds 3 series (futian-five-year-plan, futian-gwr, futian-plan)" in err
    assert "--series SERIES" in err


# --- keyness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "size", "other_count", "other_size"),
    [(10, 1000, 20, 10000), (3, 11000, 4, 90000), (0, 5000, 12, 6000), (7, 700, 0, 9000), (1, 10, 1, 10)],
)
def test_keyness_is_dunnings_log_likelihood_and_antisymmetric(
    count: int, size: int, other_count: int, other_size: int
) -> None:
    from scipy.stats import power_divergence

    both = count + other_count
    expected = [size * both / (size + other_size), other_size * both / (size + other_size)]
    g2 = power_divergence([count, other_count], expected, lambda_="log-likelihood").statistic
    value = keyness(count, size, other_count, other_size)
    assert abs(abs(value) - g2) < 1e-9
    assert value == -keyness(other_count, other_size, count, size)
    assert (value > 0) == (count / size > other_count / other_size)


def test_a_term_as_frequent_everywhere_scores_zero_and_one_edition_s_own_scores_high() -> None:
    shared = "河套合作区起步。低空经济起步。"
    own = {2021: "生态修复。" * 3, 2022: "疫苗接种。" * 3, 2023: "生态修复。" * 3}  # the same length
    trees = [
        tree_from_markdown(canonical(f"t/{year}", str(year), shared + text)) for year, text in own.items()
    ]
    index = index_editions([(Edition(t.metadata.id, t.metadata.date), t) for t in trees], min_total=1)
    for word in ("河套", "低空"):
        assert index.get(word).counts == {"t/2021": 1, "t/2022": 1, "t/2023": 1}
        assert all(abs(value) < 1e-9 for value in index.get(word).keyness.values()), index.get(word).keyness
    vaccine = index.get("疫苗")
    assert vaccine.key_in == "t/2022" and vaccine.keyness["t/2022"] > P05
    assert vaccine.keyness["t/2021"] < 0 and vaccine.keyness["t/2023"] < 0
    assert index.get("生态").keyness["t/2022"] < 0 < index.get("生态").keyness["t/2021"]
    assert index.terms[0].key_in == "t/2022"  # the index leads with what sets an edition apart


def test_with_equal_editions_every_keyness_is_zero() -> None:
    text = canonical("t/a", "2021", "河套合作区起步。低空经济起步。")
    tree = tree_from_markdown(text)
    counted = [count_terms(tree, (), Edition(doc_id, "2021")) for doc_id in ("t/a", "t/b")]
    index = build_index(counted, min_total=1)
    assert index.terms and all(value == 0 for t in index.terms for value in t.keyness.values())
    assert all(t.key_in == "" for t in index.terms)


# --- the national reports: what sets each edition apart ---------------------------------------


@pytest.fixture(scope="module")
def national() -> TermIndex:
    sources = []
    for path in sorted(NATIONAL.glob("*.txt")):
        document = normalize_file(path, {"date": f"{path.stem}-03-05"})
        sources.append((Edition(path.stem, document.metadata.date), build_tree(document)))
    return index_editions(sources)


def significant(index: TermIndex, edition: str) -> list[str]:
    """The edition's key terms: significantly over-used (p < 0.05) against the other editions."""
    return [t.term for t in index.select(edition=edition) if t.keyness[edition] >= P05]


def test_the_2015_report_s_key_terms_include_the_new_normal(national: TermIndex) -> None:
    key = significant(national, "2015")
    assert "新常态" in key  # grep: 3 in 2015, none before, 2, 1, 1 after
    assert national.get("新常态").key_in == "2015"
    # the 2013 report reviews the 2008 crisis, the 2022 one the epidemic
    assert significant(national, "2013")[0] == "金融危机"
    assert "疫情" in significant(national, "2022")[:3]


def test_no_function_word_is_a_key_term_of_any_edition(national: TermIndex) -> None:
    """Checked with jieba's own part-of-speech tags, not with the stopword lists: no pronoun (r),
    conjunction (c), preposition (p) or auxiliary (u) among any edition's key terms."""
    import jieba.posseg

    function_words = []
    for edition in national.editions:
        for term in significant(national, edition.id):
            tagged = jieba.posseg.lcut(term)
            if len(tagged) == 1 and tagged[0].flag[0] in "rcpu":
                function_words.append((edition.id, term, tagged[0].flag))
    assert not function_words
    assert national.get("我们") is None and national.get("今年") is None
    leading = [t.term for t in national.terms[:20]]
    assert "我们" not in leading and "今年" not in leading


def test_cli_ranks_by_one_edition_and_refuses_an_unknown_one(tmp_path) -> None:
    code, out, _ = run(
        PLAN_2022, MID_2023, PLAN_2025, "--edition", "2023-10", "--format", "json", "--limit", "10"
    )
    assert code == 0
    data = json.loads(out)
    assert data["edition"] == MID_2023
    values = [t["keyness"][MID_2023] for t in data["terms"]]
    assert values == sorted(values, reverse=True) and values[0] > P05
    code, out, err = run(PLAN_2022, PLAN_2025, "--edition", "2019-01")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "'2019-01' is not one of the indexed editions" in err


def test_cli_takes_a_year_that_names_one_edition_but_not_one_that_names_two() -> None:
    code, out, _ = run(PLAN_2022, MID_2023, PLAN_2025, "--edition", "2025", "--format", "json", "--limit", "1")
    assert code == 0 and json.loads(out)["edition"] == PLAN_2025
    code, out, err = run(PLAN_2022, PLAN_2025, "--edition", "2019")
    assert code == 2 and "'2019' is not one of the indexed editions" in err


@pytest.mark.parametrize("option", ["--term", "--edition"])
def test_cli_refuses_an_empty_value_instead_of_ignoring_it(option: str) -> None:
    code, out, err = run(PLAN_2022, PLAN_2025, option, "")
    assert code == 2 and out == "" and err.count("\n") == 1 and f"{option} is empty" in err


def test_cli_sorts_by_frequency_when_asked() -> None:
    code, out, _ = run("--series", "futian-plan", "--sort", "frequency", "--format", "csv")
    assert code == 0
    totals = [int(row[5]) for row in list(csv.reader(io.StringIO(out)))[1:]]
    assert totals == sorted(totals, reverse=True)
    code, out, _ = run("--series", "futian-plan", "--format", "csv")
    scores = [float(row[6]) for row in list(csv.reader(io.StringIO(out)))[1:]]
    assert scores == sorted(scores, reverse=True) and scores != sorted(scores)


def test_a_programme_written_with_a_full_width_plus_is_the_same_term() -> None:
    """2021's report prints 互联网＋ (U+FF0B) where the others print 互联网+: one programme,
    counted in every edition that names it, whichever width its plus sign has."""
    editions = [
        canonical("w/2020", "2020", "深化“互联网+政务服务”。推进“互联网+”行动。"),
        canonical("w/2021", "2021", "发展“互联网＋医疗健康”。推进“互联网＋”行动。"),
        canonical("w/2022", "2022", "推进“互联网+”行动。建设数字政府。"),
    ]
    trees = [tree_from_markdown(text) for text in editions]
    index = index_editions([(Edition(t.metadata.id, t.metadata.date), t) for t in trees], min_total=1)
    programme = index.get("互联网+")
    assert programme is not None and index.get("互联网＋") is None
    assert programme.counts == {"w/2020": 2, "w/2021": 2, "w/2022": 1}
    assert programme.status == STEADY


def test_the_national_vocabulary_example_takes_the_country_s_names_out_of_the_terms(tmp_path) -> None:
    """docs/examples/national-site.yaml as a corpus's site.yaml: 中国 and 全国, terms of two
    national reports without it, are no terms with it; other words stay."""
    (tmp_path / "site.yaml").write_text(
        (ROOT / "docs" / "examples" / "national-site.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    stopwords = load_vocabulary(tmp_path).stopwords
    sources = []
    for year in ("2021", "2022"):
        document = normalize_file(NATIONAL / f"{year}.txt", {"date": f"{year}-03-05"})
        sources.append((Edition(year, document.metadata.date), build_tree(document)))
    shipped, national = index_editions(sources), index_editions(sources, stopwords=stopwords)
    assert shipped.get("中国") is not None and shipped.get("全国") is not None
    assert national.get("中国") is None and national.get("全国") is None
    assert national.get("改革") is not None
    assert {t.term for t in national.terms} == {t.term for t in shipped.terms} - {"中国", "全国"}


def test_cli_warns_when_the_docs_are_of_several_regions(tmp_path) -> None:
    """New and dropped compare the latest edition with the others: across regions that is no series."""
    hunan = tmp_path / "hunan.md"
    hunan.write_text(
        "---\ntitle: 湖南省政府工作报告\nid: hunan/government-work-report/2024-01-22\nregion: 湖南省\n"
        "date: '2024-01-22'\ndialect: '1'\n---\n\n# 湖南省政府工作报告\n\n## 一、主要工作\n\n"
        "推进新型工业化，建设现代化产业体系。推进新型工业化。\n",
        encoding="utf-8",
    )
    code, _, err = run(PLAN_2022, str(hunan), "--limit", "3")
    assert code == 0
    assert err == (
        "corpusdiff: warning: the editions are of 2 regions (福田区, 湖南省): terms reads them as one series\n"
    )
    assert run(PLAN_2022, MID_2023, "--limit", "3")[2] == ""


def test_an_edition_in_traditional_characters_counts_its_words_with_the_others() -> None:
    """1954's report is printed in traditional characters: its words are the others' words, not
    new ones, and a term looked up in either script is found in both."""
    old = canonical("t/1954", "1954", "經濟建設穩步發展。經濟建設要加強計劃。", title="政府工作報告")
    new = canonical("t/1955", "1955", "经济建设稳步发展。经济建设要加强计划。")
    editions = [(Edition(t.metadata.id, t.metadata.date), t) for t in map(tree_from_markdown, (old, new))]
    index = index_editions(editions, min_total=1)
    term = index.get("稳步发展")
    assert term is not None and term.counts == {"t/1954": 1, "t/1955": 1} and term.status == STEADY
    assert index.get("穩步發展") is None
    found = look_up(index, "經濟建設", editions).mentioned
    assert found is not None and found.counts == {"t/1954": 2, "t/1955": 2}


def test_a_name_quoted_in_two_editions_is_a_programme_as_diff_calls_it() -> None:
    """Neither edition says around “多规合一” that it is a programme's, but both quote it: `diff`
    takes the other edition's quote as evidence and calls it a recurring programme, while the
    index cut it into 多规 and 合一, words of two editions. It is one programme term now."""
    trees = [
        tree_from_markdown(canonical("t/2016", "2016", "推进“多规合一”。")),
        tree_from_markdown(canonical("t/2017", "2017", "促进“多规合一”。")),
    ]
    assert "多规合一" in compare(trees[0], trees[1]).programmes.recurring
    assert corpus_programmes(trees) == ("多规合一",)
    term = index_editions([(Edition(t.metadata.id, t.metadata.date), t) for t in trees], min_total=1).get("多规合一")
    assert term is not None and term.kind == "programme" and term.total == 2
