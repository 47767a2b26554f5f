"""The site's search index (corpusdiff/site/search.py): the sharded index finds exactly what a
scan of every paragraph finds, and a rebuild rewrites only the shards that changed.

`lookup` reads the written files the way static/app.js does (keys → posting shards →
intersection → content shards in order → exact match), so the property tests hold the index
data to a brute-force substring search; tests/site/test_search_browser.py holds the page to it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corpusdiff.site import search
from corpusdiff.site.build import build_site
from corpusdiff.site.search import (
    FOLD_SCRIPT,
    INDEX_SCRIPT,
    RESULT_LIMIT,
    SearchDocument,
    document_fold,
    key_shard,
    query_keys,
    reading_order,
    search_files,
    text_keys,
)
from tests.conftest import ROOT
from tests.site.conftest import forced_shards

Hit = tuple[str, str]  # (document url, paragraph anchor)

# A small alphabet, so random queries often hit: Han, ASCII of both cases, digits, punctuation.
ALPHABET = "河套深圳园区发展新引擎三大GgDdPp5８.%，。“” "


def _payload(script: str, prefix: str) -> object:
    assert script.startswith(prefix), script[:60]
    return json.loads(script[len(prefix) :].rstrip().removesuffix(";").removesuffix(")"))


def _shard(files: dict[str, str], name: str) -> object:
    script = files[search.SHARD_FOLDER + name + ".js"]
    return _payload(script, f'CORPUSDIFF_SHARD("{name}",')


def lookup(files: dict[str, str], query: str) -> list[Hit]:
    """The hits the page shows for `query`, read from the index files as static/app.js reads them:
    each character of a term as typed or as search-fold.js folds it (test_search_browser.py holds
    the page's keys to `query_keys` and its hits to these)."""
    index = _payload(files[INDEX_SCRIPT], "window.CORPUSDIFF_INDEX = ")
    assert isinstance(index, dict)
    fold = _fold_table(files)
    terms = [_pattern(term, fold) for term in query.split()]
    urls = [d["url"] for d in index["documents"]]
    if "paragraphs" in index:
        found = [(urls[d], a) for d, a, *texts in index["paragraphs"] if _matches(texts, terms)]
        return found[:RESULT_LIMIT]
    meta = index["sharded"]
    texts: list[tuple[int, str, list[str]]] = []  # (document, anchor, [text, copy]) of every paragraph, in order
    for name, document, first in meta["blocks"]:
        assert first == len(texts)
        content = _shard(files, name)
        assert isinstance(content, list)
        texts += [(document, anchor, printed) for anchor, *printed in content]
    candidates = range(len(texts))
    for forms in query_keys(query, fold):  # a paragraph holds a form of each key
        listed: set[int] = set()
        for key in forms:
            shard = _shard(files, f"idx-{key_shard(key, meta['postings']):0{meta['digits']}x}")
            assert isinstance(shard, dict)
            listed.update(decode_numbers(shard.get(key, "")))
        candidates = [n for n in candidates if n in listed]
    hits = [(urls[texts[n][0]], texts[n][1]) for n in candidates if _matches(texts[n][2], terms)]
    return hits[:RESULT_LIMIT]


def _fold_table(files: dict[str, str]) -> dict[str, str]:
    pairs = _payload(files[FOLD_SCRIPT], "window.CORPUSDIFF_FOLD = ")
    assert isinstance(pairs, str) and len(pairs) % 2 == 0
    return dict(zip(pairs[::2], pairs[1::2], strict=True))


def _pattern(term: str, fold: dict[str, str]) -> re.Pattern[str]:
    """A term as the page matches it: each character as typed or folded."""
    return re.compile("".join(f"[{c}{fold[c]}]" if c in fold else re.escape(c) for c in term))


def _matches(texts: list[str], terms: list[re.Pattern[str]]) -> bool:
    """Every term in the paragraph's text or in its simplified copy (the entry's second text), as app.js matches."""
    return all(any(t.search(text) for text in texts) for t in terms)


def decode_numbers(encoded: str) -> list[int]:
    """search.encode_numbers read back, as static/app.js reads it."""
    numbers, at, gap, scale = [], 0, 0, 1
    for char in encoded:
        digit = search.DIGITS.index(char)
        gap += (digit & 31) * scale
        if digit & 32:
            scale *= 32
            continue
        at += gap
        numbers.append(at)
        gap, scale = 0, 1
    return numbers


@given(st.lists(st.integers(0, 10**7), unique=True).map(sorted))
def test_posting_lists_read_back(numbers: list[int]) -> None:
    assert decode_numbers(search.encode_numbers(numbers)) == numbers


def brute_force(documents: list[SearchDocument], query: str) -> list[Hit]:
    terms = query.split()
    found = [(d.url, a) for d in documents for a, text in d.paragraphs if all(t in text for t in terms)]
    return found[:RESULT_LIMIT]


def _documents(texts: list[list[str]]) -> list[SearchDocument]:
    return [
        SearchDocument(
            f"doc/{n}.html", f"文件{n}", "2020-01", tuple((f"p{i}", t) for i, t in enumerate(paras))
        )
        for n, paras in enumerate(texts)
    ]


corpora = st.lists(
    st.lists(st.text(ALPHABET, min_size=0, max_size=40), min_size=1, max_size=12), min_size=1, max_size=6
)


@st.composite
def corpus_and_query(draw: st.DrawFn) -> tuple[list[list[str]], str]:
    texts = draw(corpora)
    paragraphs = [t for doc in texts for t in doc if t.strip()]
    if paragraphs and draw(st.booleans()):  # a piece of a paragraph: usually a hit
        text = draw(st.sampled_from(paragraphs))
        start = draw(st.integers(0, len(text) - 1))
        query = text[start : start + draw(st.integers(1, 6))]
    else:
        query = draw(st.text(ALPHABET, min_size=1, max_size=6))
    if draw(st.booleans()):
        query += " " + draw(st.text(ALPHABET.replace(" ", ""), min_size=1, max_size=3))
    return texts, query


@settings(max_examples=300, deadline=None)
@given(corpus_and_query())
def test_sharded_and_single_file_find_what_a_scan_finds(case: tuple[list[list[str]], str]) -> None:
    texts, query = case
    assume(query.strip())  # the page searches for nothing then
    documents = _documents(texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "BLOCK_BYTES", 30)  # many content shards
        sharded = search_files(documents, threshold=0)
    assert "search/idx-00.js" in sharded
    single = search_files(documents)
    assert sorted(single) == [FOLD_SCRIPT, INDEX_SCRIPT]
    expected = brute_force(documents, query)
    assert lookup(sharded, query) == expected
    assert lookup(single, query) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET + "A-z0Ωé", min_size=1, max_size=30), st.data())
def test_a_text_holds_every_key_of_a_term_it_contains(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    term = text[start : start + data.draw(st.integers(1, 8))]
    assert all(set(forms) & text_keys(text) for forms in query_keys(term))


def test_keys_are_han_and_lowercase_ascii_characters_and_pairs() -> None:
    assert text_keys("河套 GDP，5%") == {"河", "套", "河套", "g", "d", "p", "gd", "dp", "5"}
    assert query_keys("河套深圳") == [("河套",), ("套深",), ("深圳",)]
    assert query_keys("GDP增长8.6%") == [("gd",), ("dp",), ("p增",), ("增长",), ("长8",), ("6",)]
    assert query_keys("，。") == []  # no key: every content shard is a candidate


def test_a_key_with_a_traditional_character_has_its_folded_forms_too() -> None:
    """As the page takes the keys of a query typed in traditional characters (static/app.js
    `corpusdiffKeys`): each character as typed or folded, by search-fold.js's table or, by default,
    OpenCC's of each character alone (著 stays 著: 顯著 gives 显著, not 显着)."""
    fold = {"經": "经", "濟": "济"}
    assert query_keys("經濟", fold) == [("經濟", "經济", "经濟", "经济")]
    assert query_keys("經 經", fold) == [("經", "经")]
    assert query_keys("顯著") == [("顯著", "显著")]
    assert query_keys("顯著", {}) == [("顯著",)]


def test_a_query_typed_in_traditional_characters_finds_the_simplified_paragraphs_in_either_index() -> None:
    """經濟 finds 经济 as well as 經濟, the sharded index (its keys folded by `query_keys`) as the
    one file: without the folded keys, the shards found the paragraph printed so alone."""
    documents = _documents([["经济发展", "經濟著作", "经营有方"], ["济南经济"]])
    expected = [("doc/0.html", "p0"), ("doc/0.html", "p1"), ("doc/1.html", "p0")]
    for threshold in (None, 0):
        assert lookup(search_files(documents, threshold), "經濟") == expected


def test_a_large_corpus_is_sharded_into_a_small_entry_file_and_shards() -> None:
    texts = [
        [f"第{n}段。{'发展' * 20}{chr(0x4E00 + n)}{chr(0x4E00 + n + 1)}城市更新。" for n in range(k, k + 400)]
        for k in (0, 400, 800)
    ]
    documents = _documents(texts)
    files = search_files(documents, threshold=10_000)
    content = [name for name in files if name.startswith("search/c-")]
    assert len(content) > 3 and INDEX_SCRIPT in files
    assert len(files[INDEX_SCRIPT]) < 2_000  # the entry file only describes the shards
    rare = chr(0x4E00 + 7) + chr(0x4E00 + 8)
    assert lookup(files, rare) == brute_force(documents, rare) != []
    assert len(lookup(files, "发展")) == RESULT_LIMIT


def test_the_index_is_deterministic() -> None:
    documents = _documents([["河套深圳园区", "三大新引擎"], ["GDP增长"]])
    assert search_files(documents, threshold=0) == search_files(list(documents), threshold=0)


@pytest.fixture
def forced() -> Iterator[None]:
    """The seed corpus (about 0.3 MB of paragraphs) past the threshold, in small content shards."""
    with forced_shards():
        yield


def _shards(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in (out / "search").iterdir()}


def test_a_rebuild_rewrites_only_the_shards_that_changed(forced: None, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    out = tmp_path / "site"
    build_site(corpus, out)
    before = {name: (out / name).read_bytes() for name in _shards(out)}
    plan = corpus / "futian/annual-plan/2025-01.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n新增一段用于测试搜索分片。\n", encoding="utf-8")
    report = build_site(corpus, out)
    after = {name: (out / name).read_bytes() for name in _shards(out)}
    rewritten = {name for name in report.written if name.startswith("search/")}
    changed = {name for name in after if before.get(name) != after[name]}
    assert rewritten == changed  # nothing rewritten with the bytes it had
    new_content = [name for name in changed if name.startswith("search/c-")]
    assert len(new_content) == 1 and "新增一段用于测试搜索分片" in after[new_content[0]].decode("utf-8")
    assert 0 < len(changed - set(new_content)) < len([n for n in after if "idx-" in n])  # some postings
    withdrawn = set(before) - set(after)
    assert len(withdrawn) <= 1 and all(name.startswith("search/c-") for name in withdrawn)
    assert {name for name in report.removed if name.startswith("search/")} == set(before) - set(after)


def test_falling_below_the_threshold_removes_the_shards(forced: None, sharded_project_site_copy: Path) -> None:
    out = sharded_project_site_copy  # what a first build wrote
    assert len(_shards(out)) > 16
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_THRESHOLD_BYTES", 10_000_000)
        report = build_site(ROOT / "corpus", out)
    assert not (out / "search").exists()
    assert sum(name.startswith("search/") for name in report.removed) > 16
    assert '"paragraphs":' in (out / INDEX_SCRIPT).read_text(encoding="utf-8")


def test_an_unchanged_index_is_not_made_again_unless_a_file_is_damaged(
    forced: None, sharded_project_site_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = sharded_project_site_copy  # what a first build wrote
    made = []
    monkeypatch.setattr(
        search, "search_files", lambda *args, **kw: made.append(1) or search_files(*args, **kw)
    )
    report = build_site(ROOT / "corpus", out)
    assert made == [] and not [name for name in report.written if "search" in name]
    shard = sorted(_shards(out))[0]
    (out / shard).write_text("damaged", encoding="utf-8")
    report = build_site(ROOT / "corpus", out)
    assert made == [1] and [name for name in report.written if name.startswith("search")] == [shard]


def test_only_a_paragraph_printed_in_traditional_characters_carries_a_simplified_copy() -> None:
    """The copy the page matches too (search.py `_entries`): an index of simplified reports is
    as it was, and a simplified query finds the reprint in either form of the index (a query as
    the reprint prints it finds both, folded as the page folds it)."""
    documents = _documents([["法治城區建設", "法治城区建设"]])
    index = _payload(search_files(documents)[INDEX_SCRIPT], "window.CORPUSDIFF_INDEX = ")
    assert isinstance(index, dict)
    assert index["paragraphs"] == [[0, "p0", "法治城區建設", "法治城区建设"], [0, "p1", "法治城区建设"]]
    for threshold in (None, 0):
        assert lookup(search_files(documents, threshold), "城区") == [("doc/0.html", "p0"), ("doc/0.html", "p1")]
        assert lookup(search_files(documents, threshold), "城區") == [("doc/0.html", "p0"), ("doc/0.html", "p1")]


def test_the_fold_pairs_traditional_characters_with_the_simplified_ones_the_index_holds() -> None:
    """search-fold.js, which the page folds a query typed in traditional characters with: 經 and 濟
    with 经 and 济, which the simplified edition prints; not 區 (区 is in no paragraph) nor 著,
    which OpenCC keeps as it is alone (显著, though 著手 → 着手: the page matches it as typed too)."""
    for threshold in (None, 0):
        files = search_files(_documents([["经济发展", "經濟著作"]]), threshold)
        pairs = _payload(files[FOLD_SCRIPT], "window.CORPUSDIFF_FOLD = ")
        assert isinstance(pairs, str) and len(pairs) % 2 == 0
        folded = dict(zip(pairs[::2], pairs[1::2], strict=True))
        assert folded["經"] == "经" and folded["濟"] == "济" and folded["發"] == "发"
        assert "區" not in folded and "著" not in folded
        assert set(folded.values()) <= set("经济发展經濟著作")


def test_a_document_in_traditional_characters_says_how_its_simplified_copy_reads_them() -> None:
    """The pairs a document page marks a query in the other script with: each character the copy
    changes, once, in character order; 著 of 顯著 is kept by the copy (显著), so not among them."""
    assert document_fold("经济发展，显著") == ""
    assert document_fold("經濟發展，顯著，經濟") == "濟济發发經经顯显"


def test_headings_are_listed_among_the_paragraphs_where_the_page_prints_them() -> None:
    """A heading (anchor, text, paragraphs before it) goes before the paragraph it heads; two in a
    row (a part's title, then its first section's) keep their order; one after the last paragraph
    comes last."""
    paragraphs = [["p0", "导语"], ["p1", "第一段"], ["p2", "第二段"]]
    headings = [["h0", "报告", 0], ["h1", "一、回顾", 1], ["h2", "（一）经济", 1], ["h3", "附表", 3]]
    assert reading_order(paragraphs, headings) == (
        ("h0", "报告"),
        ("p0", "导语"),
        ("h1", "一、回顾"),
        ("h2", "（一）经济"),
        ("p1", "第一段"),
        ("p2", "第二段"),
        ("h3", "附表"),
    )


#: A section title of the 2022 work report whose words no paragraph of the seeds has.
HEADING_ONLY = "踔厉笃行"


def test_a_word_only_a_heading_has_is_found_at_the_heading_anchor_of_its_page(project_site: Path) -> None:
    """The index holds the headings under the anchors their document page gives them (h<n>), in
    the order the page prints them, and its fold pairs their characters too (篤 → 笃, which only
    that heading prints): before, a word only a section's title has was found nowhere."""
    files = {name: (project_site / name).read_text(encoding="utf-8") for name in (INDEX_SCRIPT, FOLD_SCRIPT)}
    ((url, anchor),) = lookup(files, HEADING_ONLY)
    page = (project_site / url).read_text(encoding="utf-8")
    heading = re.search(f'<h([1-6]) id="{anchor}">([^<]*)</h\\1>', page)
    assert heading and HEADING_ONLY in heading.group(2)
    index = _payload(files[INDEX_SCRIPT], "window.CORPUSDIFF_INDEX = ")
    assert isinstance(index, dict)
    anchors = [a for d, a, *_texts in index["paragraphs"] if index["documents"][d]["url"] == url]
    assert anchors == re.findall(r'<(?:h[1-6]|p) id="([hp]\d+)"', page.split("<article", 1)[1])
    pairs = _payload(files[FOLD_SCRIPT], "window.CORPUSDIFF_FOLD = ")
    assert isinstance(pairs, str) and dict(zip(pairs[::2], pairs[1::2], strict=True))["篤"] == "笃"
