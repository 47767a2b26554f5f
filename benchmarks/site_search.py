"""Site search on a large corpus: the sharded index against the one-file index, same run.

A synthetic corpus of about `--megabytes` MB of paragraph text (default 20; editions from
benchmarks/synthetic.py, one paragraph per block of the raw report) is indexed twice by
corpusdiff/site/search.py: as the one file a small site gets (`search-index.js` holding every
paragraph) and as shards. Each goes into a folder with the site's search page and script. Then,
in ROUNDS interleaved rounds, headless Chromium opens `search.html?q=QUERY` from file:// in a
fresh context and reads two times from navigation start: the first hit in the result list (a
MutationObserver installed before the page's scripts run) and the search done (its status
line). Bytes loaded are the sizes of the search index files the page requested (the page,
script and style sheet are the same in both and not counted). Medians and ratios (sharded /
one file: below 1 is less) go to benchmarks/results/site_search.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate, load_sources  # noqa: E402
from corpusdiff.site import search  # noqa: E402
from corpusdiff.site.common import STATIC, environment  # noqa: E402

ROUNDS = 7
#: Debian's chromium, a reader's browser; else the headless shell `make browser` installs for the
#: tests (both runs of a comparison use the same one, so the ratio holds either way).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-headless-shell") or "/usr/bin/chromium"
#: a word of one series, a word of a template's series, a word everywhere, two words
QUERIES = ("示例七区", "河套", "发展", "数字经济 人工智能")
FIRST_HIT = """() => {
  window.__firstHit = null;
  new MutationObserver((records, observer) => {
    if (document.querySelector("#results li")) { window.__firstHit = performance.now(); observer.disconnect(); }
  }).observe(document, {childList: true, subtree: true});
}"""
DONE = "q => (document.getElementById('search-status') || {textContent: ''}).textContent.indexOf(q) >= 0"


def corpus(megabytes: float, seed: int) -> list[search.SearchDocument]:
    """Synthetic editions until their paragraphs reach `megabytes` MB."""
    documents: list[search.SearchDocument] = []
    size, target = 0, megabytes * 1_000_000
    for number, item in enumerate(generate(1190, seed, load_sources())):
        blocks = [b.strip() for b in item.text.split("\n\n") if b.strip()]
        paragraphs = tuple((f"p{i}", text) for i, text in enumerate(blocks))
        documents.append(search.SearchDocument(f"doc/{number}.html", blocks[0], str(number), paragraphs))
        size += sum(len(text.encode("utf-8")) for text in blocks)
        if size >= target:
            break
    return documents


def write_site(files: dict[str, str], out: Path) -> None:
    """The search page, the site's script and style, and the index files."""
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    (out / "static").mkdir(exist_ok=True)
    for asset in STATIC.iterdir():
        shutil.copy(asset, out / "static" / asset.name)
    env = environment()
    page = env.get_template("search.html").render(root="", title="search")
    (out / "search.html").write_text(page, encoding="utf-8")


def measure(sites: dict[str, Path], rounds: int) -> dict[str, dict[str, dict[str, list[float]]]]:
    from playwright.sync_api import sync_playwright

    empty: dict[str, list[float]] = {"first_hit_ms": [], "done_ms": [], "index_bytes": [], "hits": []}
    times = {name: {q: {k: [] for k in empty} for q in QUERIES} for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(rounds):
            for query in QUERIES:
                for name, site in sites.items():
                    figures = visit(browser, site, query)
                    for key, value in figures.items():
                        times[name][query][key].append(value)
        browser.close()
    return times


def visit(browser, site: Path, query: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.add_init_script(f"({FIRST_HIT})()")
    page.goto((site / "search.html").as_uri() + "?q=" + quote(query))
    page.wait_for_function(DONE, arg=f"“{query}”", timeout=120_000)
    done = page.evaluate("performance.now()")
    first = page.evaluate("window.__firstHit")
    hits = page.locator("#results li").count()
    context.close()
    index = [Path(unquote(urlparse(url).path)) for url in requested]
    index_bytes = sum(p.stat().st_size for p in index if p.name.endswith(".js") and p.parent.name != "static")
    return {"first_hit_ms": first or done, "done_ms": done, "index_bytes": index_bytes, "hits": hits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=20.0, help="paragraph text of the corpus, MB")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    documents = corpus(args.megabytes, args.seed)
    work = Path(tempfile.mkdtemp(prefix="corpusdiff-bench-search-"))
    try:
        started = time.perf_counter()
        sharded_files = search.search_files(documents, threshold=0)
        build_seconds = time.perf_counter() - started
        single_files = search.search_files(documents, threshold=10**12)
        sites = {"one file": work / "single", "sharded": work / "sharded"}
        write_site(single_files, sites["one file"])
        write_site(sharded_files, sites["sharded"])
        times = measure(sites, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = sum(len(t.encode("utf-8")) for d in documents for _a, t in d.paragraphs)
    result: dict[str, object] = {
        "corpus": {
            "documents": len(documents),
            "paragraph_megabytes": round(text / 1e6, 1),
            "one_file_bytes": len(single_files[search.INDEX_SCRIPT].encode("utf-8")),
            "sharded_files": len(sharded_files),
            "sharded_bytes": sum(len(t.encode("utf-8")) for t in sharded_files.values()),
            "sharded_entry_bytes": len(sharded_files[search.INDEX_SCRIPT].encode("utf-8")),
            "sharded_build_s": round(build_seconds, 1),
        },
        "rounds": args.rounds,
    }
    for query in QUERIES:
        medians = {
            name: {key: statistics.median(values) for key, values in times[name][query].items()} for name in times
        }
        one, sharded = medians["one file"], medians["sharded"]
        result[query] = {
            "one file": {k: round(v, 1) for k, v in one.items()},
            "sharded": {k: round(v, 1) for k, v in sharded.items()},
            "ratio sharded / one file": {
                k: round(sharded[k] / one[k], 3) for k in ("first_hit_ms", "done_ms", "index_bytes") if one[k]
            },
        }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "site_search.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
