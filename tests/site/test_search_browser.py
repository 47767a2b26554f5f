"""Search in a real browser (Debian's Chromium, as tests/site/test_site_browser.py): the seed site
with its index forced into shards finds, from file://, exactly what the one-file index finds and
what a scan of the paragraphs finds, loads only some of the shards, and marks the hits."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main
from corpusdiff.site import search
from corpusdiff.site.build import build_site
from corpusdiff.text.script import simplified_characters
from tests.conftest import ROOT, SEEDS, seed_excerpts
from tests.site.test_site_browser import _shot
from tests.traditional import traditional, traditional_copy

QUERIES = ["河套", "河套 深圳园区", "发展", "gdp", "GDP", "PM2.5", "福", "，", "5G 网络", "显著提升", "没有这样的词语"]
#: The same words typed in traditional characters (the corpus prints them in simplified ones).
TRADITIONAL_QUERIES = {"河套 深圳園區": "河套 深圳园区", "5G 網絡": "5G 网络", "顯著提升": "显著提升"}


@pytest.fixture(scope="module")
def single(project_site: Path) -> Path:
    """The session's site of the project corpus (tests/conftest.py), which only gets read here:
    the one-file index of a default build, as test_site_browser.py browses it."""
    assert not (project_site / "search").exists()
    return project_site


@pytest.fixture(scope="module")
def sharded(sharded_project_site: Path) -> Path:
    """The session's site with its index forced into shards (tests/site/conftest.py), read only."""
    out = sharded_project_site
    assert len(list((out / "search").glob("c-*.js"))) > 20
    return out


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    yield page
    context.close()
    assert [url for url in requests if not url.startswith("file://")] == []


def _scan(single: Path, query: str) -> list[str]:
    """The hits a scan of every paragraph gives (from the one-file index's data), as result links:
    each character of a term as typed or as search-fold.js folds it."""
    script = (single / search.INDEX_SCRIPT).read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("window.CORPUSDIFF_INDEX = ").rstrip().removesuffix(";"))
    fold = _fold(single)
    terms = [re.compile("".join(f"[{c}{fold[c]}]" if c in fold else re.escape(c) for c in t)) for t in query.split()]
    urls = [d["url"] for d in index["documents"]]
    found = [
        f"{urls[d]}#{a}"
        for d, a, *texts in index["paragraphs"]
        if all(any(t.search(x) for x in texts) for t in terms)
    ]
    return found[: search.RESULT_LIMIT]


def _fold(site: Path) -> dict[str, str]:
    script = (site / search.FOLD_SCRIPT).read_text(encoding="utf-8")
    pairs = json.loads(script.removeprefix("window.CORPUSDIFF_FOLD = ").rstrip().removesuffix(";"))
    return dict(zip(pairs[::2], pairs[1::2], strict=True))


def _results(page, query: str) -> tuple[list[str], str]:  # type: ignore[no-untyped-def]
    """Type the query; wait until the search says it is done; the result links and the status."""
    page.fill("#q", query)
    page.wait_for_function(
        "q => document.getElementById('search-status').textContent.indexOf(q) >= 0", arg=f"“{query}”"
    )
    links = page.eval_on_selector_all("#results li > a", "as => as.map(a => a.getAttribute('href'))")
    return [link.replace(f"?q={_quoted(query)}", "") for link in links], page.inner_text("#search-status")


def _quoted(query: str) -> str:
    from urllib.parse import quote

    return quote(query, safe="!'()*-._~")  # as encodeURIComponent


def test_sharded_and_single_file_search_give_the_same_hits(page, single: Path, sharded: Path) -> None:
    found: dict[str, dict[str, tuple[list[str], str]]] = {"single": {}, "sharded": {}}
    for name, site in (("single", single), ("sharded", sharded)):
        page.goto((site / "search.html").as_uri())
        for query in QUERIES + list(TRADITIONAL_QUERIES):
            found[name][query] = _results(page, query)
    for query in QUERIES + list(TRADITIONAL_QUERIES):
        assert found["sharded"][query] == found["single"][query], query
        assert found["sharded"][query][0] == _scan(single, query), query
    assert found["sharded"]["发展"][1].startswith("200+")
    assert found["sharded"]["没有这样的词语"][1].startswith("0 ")
    assert found["sharded"]["GDP"][0] and not found["sharded"]["gdp"][0]  # keys lowercase, matching exact
    assert found["single"]["5G 网络"][0] and found["single"]["显著提升"][0]
    for typed, printed in TRADITIONAL_QUERIES.items():  # folded, not found before
        assert found["single"][typed][0] == found["single"][printed][0], typed


def _holding(site: Path, query: str) -> set[str]:
    """The content shards with a paragraph that has a form of every key of the query (read from the files)."""
    keys = search.query_keys(query, _fold(site))
    holding = set()
    for shard in (site / "search").glob("c-*.js"):
        prefix = f'CORPUSDIFF_SHARD("{shard.stem}",'
        paragraphs = json.loads(
            shard.read_text(encoding="utf-8").removeprefix(prefix).rstrip().removesuffix(");")
        )
        for _anchor, *texts in paragraphs:
            held = search.text_keys("\n".join(texts))
            if all(set(forms) & held for forms in keys):
                holding.add(shard.name)
    return holding


def test_a_rare_word_loads_only_its_shards_and_marks_its_hits(page, sharded: Path) -> None:
    page.goto((sharded / "search.html").as_uri() + "?q=RCEP")
    page.wait_for_function("document.getElementById('search-status').textContent.indexOf('RCEP') >= 0")
    loaded = {url.rsplit("/", 1)[1] for url in page.requests if "/search/" in url}
    postings = {name for name in loaded if name.startswith("idx-")}
    assert len(postings) <= 3  # rc ce ep
    content = loaded - postings
    assert content == _holding(sharded, "RCEP")
    assert 0 < len(content) <= len(list((sharded / "search").glob("c-*.js"))) // 4
    marks = page.locator("#results mark")
    assert marks.count() >= page.locator("#results li").count() > 0
    assert {m.inner_text() for m in marks.all()} == {"RCEP"}
    _shot(page, "search-sharded")
    page.locator("#results li a").first.click()
    assert "/doc/" in page.url and "#p" in page.url
    target = page.locator("#" + page.url.rsplit("#", 1)[1])
    assert target.locator("mark").count() > 0 and target.is_visible()


def test_a_missing_shard_is_said_on_the_page(page, sharded: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(sharded, site)
    for shard in (site / "search").glob("idx-*.js"):
        shard.unlink()
    page.goto((site / "search.html").as_uri())
    page.fill("#q", "河套")
    page.wait_for_function("document.getElementById('search-status').textContent.indexOf('重新构建') >= 0")
    assert page.locator("#results li").count() == 0


HOSTILE = '全面推进<img src=x onerror="window.pwned=1">河套合作区建设，</script><script>window.pwned=2</script>完成。'


@pytest.fixture(scope="module")
def hostile_sharded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sharded site over a report one of whose paragraphs is markup meant to run."""
    from click.testing import CliRunner

    from corpusdiff.cli.main import main

    base = tmp_path_factory.mktemp("search-hostile")
    raw = base / "futian-2022-01-plan-report.txt"
    text = (ROOT / "seeds" / raw.name).read_text(encoding="utf-8")
    raw.write_text(text.rstrip("\n") + "\n\n" + HOSTILE + "\n", encoding="utf-8")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copyfile(ROOT / "corpus" / "manifest.yaml", corpus / "manifest.yaml")
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(raw)])
    assert result.exit_code == 0, result.output
    out = base / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_THRESHOLD_BYTES", 0)
        build_site(corpus, out)
    assert (out / "search").is_dir()
    return out


def test_a_sharded_hit_shows_markup_as_text(page, hostile_sharded: Path) -> None:
    page.goto((hostile_sharded / "search.html").as_uri() + "?q=onerror")
    page.wait_for_function("document.getElementById('search-status').textContent.indexOf('onerror') >= 0")
    assert page.locator("#results li").count() == 1
    assert page.locator("#results img, #results script").count() == 0
    assert "<img src=x" in page.inner_text("#results")
    assert page.evaluate("window.pwned === undefined")


#: A paragraph of the 2022 plan report reprinted in traditional characters, beside one in simplified.
REPRINTED = "推進法治城區建設。設立河套深港科技創新合作區人民法庭，完善知識產權司法保護制度。"
PRINTED = "推进法治城区建设。设立河套深港科技创新合作区人民法庭。"


@pytest.mark.parametrize("threshold", [None, 0], ids=["one-file", "sharded"])
def test_a_simplified_query_finds_a_paragraph_printed_in_traditional_characters(
    page, single: Path, tmp_path: Path, threshold: int | None
) -> None:
    """The index gives a paragraph with traditional characters its simplified copy (search.py):
    `法治城区` finds the reprint's 法治城區 and the simplified paragraph, and marks the reprint's
    own characters (before, it found the simplified paragraph only). A query as the reprint prints
    it is folded with search-fold.js and finds both too, each marked as printed (before, it found
    the reprint alone)."""
    site = tmp_path / "site"
    shutil.copytree(single, site)
    shutil.rmtree(site / "search", ignore_errors=True)
    documents = [
        search.SearchDocument("doc/a.html", "重印", "2022年", (("p1", REPRINTED),)),
        search.SearchDocument("doc/b.html", "原版", "2022年", (("p1", PRINTED),)),
    ]
    for name, text in search.search_files(documents, threshold).items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    page.goto((site / "search.html").as_uri())
    assert _results(page, "法治城区 人民法庭")[0] == ["doc/a.html#p1", "doc/b.html#p1"]
    assert [m.inner_text() for m in page.locator("#results li").first.locator("mark").all()] == ["法治城區", "人民法庭"]
    assert _results(page, "法治城區 人民法庭")[0] == ["doc/a.html#p1", "doc/b.html#p1"]
    marked = [[m.inner_text() for m in hit.locator("mark").all()] for hit in page.locator("#results li").all()]
    assert marked == [["法治城區", "人民法庭"], ["法治城区", "人民法庭"]]


@pytest.fixture(scope="module")
def reprint_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Excerpts of the 2022 plan reprinted in traditional characters and of the 2025 plan as printed."""
    folder = tmp_path_factory.mktemp("reprint")
    old, new = seed_excerpts(
        folder / "seeds", [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"], 40
    )
    (folder / "reprint").mkdir()
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copyfile(ROOT / "corpus/manifest.yaml", corpus / "manifest.yaml")
    reprint = traditional_copy(old, folder / "reprint")
    result = CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(reprint), str(new)])
    assert result.exit_code == 0, result.output
    build_site(corpus, folder / "site")
    return folder / "site"


def _marked(page, site: Path, edition: str, query: str) -> tuple[list[str], str]:  # type: ignore[no-untyped-def]
    """The words marked on the edition's page opened with `?q=query`, and the article's text."""
    (document,) = (site / "doc").rglob(f"{edition}.html")
    page.goto(document.as_uri() + "?q=" + _quoted(query))
    return [m.inner_text() for m in page.locator("article mark").all()], page.inner_text("article")


def test_a_document_page_marks_a_query_typed_in_the_other_script_as_it_prints_it(page, reprint_site: Path) -> None:
    """A search hit opens its document with the query marked: in the reprint, a query typed in
    simplified characters is marked on the reprint's own characters (found on the simplified copy
    its page says, data-fold), and in the edition printed in simplified characters a query typed
    in traditional ones (search-fold.js); each page marks the other edition's title (in its list
    of diffs) as that prints it too. Before, neither page marked the other script."""
    word, reprinted = "经济", traditional("经济")
    for query in (word, reprinted):
        marks, text = _marked(page, reprint_site, "2022-01", query + " 新三十年")
        assert marks.count(reprinted) > 1 and "新三十年" in marks  # (the other edition's title prints 经济)
        assert marks == re.findall(f"{word}|{reprinted}|新三十年", text)
        marks, text = _marked(page, reprint_site, "2025-01", query)
        assert marks.count(word) > 1 and marks == re.findall(f"{word}|{reprinted}", text)


def test_a_word_only_a_heading_has_is_found_listed_as_a_heading_and_marked(page, single: Path) -> None:
    """踔厉笃行 is in a section title of the 2022 work report, （六）政府建设踔厉笃行, and in no
    paragraph: typed in either script it finds that heading, listed as one, and the page it opens
    marks the words on the heading the link leads to. Before, neither query found anything, and
    the page marked nothing of 踔厲篤行 (search-fold.js held only the characters of paragraphs)."""
    page.goto((single / "search.html").as_uri())
    for query in ("踔厉笃行", "踔厲篤行"):
        (link,), _status = _results(page, query)
        assert re.fullmatch(r"doc/.+\.html#h\d+", link), link
        assert page.locator("#results li").first.get_attribute("class") == "heading"
        assert page.inner_text("#results li .where").endswith(" · 标题")
        assert [m.inner_text() for m in page.locator("#results mark").all()] == ["踔厉笃行"]
        page.locator("#results li a").first.click()
        target = page.locator("#" + page.url.rsplit("#", 1)[1])
        assert target.evaluate("e => e.tagName").startswith("H") and "踔厉笃行" in target.inner_text()
        assert [m.inner_text() for m in page.locator("article mark").all()] == ["踔厉笃行"]
        assert target.locator("mark").count() == 1 and target.is_visible()
        page.go_back()


def test_the_page_and_query_keys_fold_a_query_to_the_same_keys(page, single: Path) -> None:
    """static/app.js `corpusdiffKeys` and search.py `query_keys`, given the same table (the site's
    search-fold.js), give the same keys, each with the same forms in the same order, for terms
    mixing traditional characters the table folds (經濟 → 經濟 經济 经濟 经济), one it does not, their
    simplified forms, ASCII of both cases, digits, punctuation, spaces and a character past the
    BMP. Before, `query_keys` folded nothing: a traditional term had one form of each key."""
    fold = _fold(single)
    unfolded = next(t for t in simplified_characters() if t not in fold)  # its simplified form no text holds
    folded = [*sorted(fold)[:: max(1, len(fold) // 12)][:12], "經", "濟"]
    alphabet = folded + [fold[c] for c in folded] + [unfolded, *"河套Gg5８.%，〇 ", "\U00020000"]
    chosen = random.Random(25)
    terms = ["經濟", "經濟發展 GDP", "顯著", unfolded * 2] + [
        "".join(chosen.choices(alphabet, k=chosen.randint(1, 8))) for _ in range(300)
    ]
    page.goto((single / "search.html").as_uri())
    in_page = page.evaluate("terms => terms.map(corpusdiffKeys)", terms)
    assert in_page == [[list(forms) for forms in search.query_keys(term, fold)] for term in terms]
    assert in_page[0] == [["經濟", "經济", "经濟", "经济"]]
