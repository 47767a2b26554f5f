"""The site in a real browser: Debian's Chromium driven by Playwright (no browser download).

Screenshots are saved under tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpusdiff.site.build import build_site
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    build_site(ROOT / "corpus", out)
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Chromium is missing: `apt-get install chromium` (make test does it as root)"
    )
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page
    context.close()
    assert [url for url in requests if not url.startswith("file://")] == []


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_index_to_diff_and_filters(page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    _shot(page, "index")
    page.click("text=2022-01 → 2023-10")
    assert "/diff/futian.annual-plan.2022-01__futian.mid-year-report.2023-10.html" in page.url
    reworded = page.locator(".item[data-status=reworded]")
    new = page.locator(".item[data-status=new]")
    assert reworded.count() > 0 and new.count() > 0
    assert reworded.first.is_visible() and new.first.is_visible()
    page.uncheck("input[value=reworded]")
    assert all(item.is_hidden() for item in reworded.all()) and new.first.is_visible()
    page.check("input[value=reworded]")
    page.uncheck("input[value=new]")
    assert reworded.first.is_visible() and all(item.is_hidden() for item in new.all())
    _shot(page, "diff-filtered")


def test_chinese_search_finds_paragraphs(page, site: Path) -> None:
    page.goto((site / "search.html").as_uri())
    page.fill("#q", "河套")
    results = page.locator("#results li")
    assert results.count() > 5
    assert "河套" in results.first.inner_text()
    assert "paragraphs match" in page.inner_text("#search-status")
    _shot(page, "search")
    results.first.locator("a").click()
    assert "/doc/" in page.url and "#p" in page.url


def test_phone_width_document_page(browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((site / "doc" / "futian" / "annual-plan" / "2025-01.html").as_uri())
    width = page.evaluate("document.documentElement.scrollWidth")
    _shot(page, "document-phone")
    context.close()
    assert width <= 390


def test_biggest_page_opens_fast(page, site: Path) -> None:
    biggest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    page.goto(biggest.as_uri())
    script_ms = page.evaluate(
        "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
        " - performance.getEntriesByType('navigation')[0].responseEnd"
    )
    assert script_ms < 2000, f"{biggest.name}: {script_ms:.0f} ms to DOMContentLoaded"


def test_site_works_over_http(browser, site: Path) -> None:
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}/search.html?q=三大新引擎")
        assert page.locator("#results li").count() > 0
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_phone_width_series_pages_scroll_inside_their_tables(browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    widths = {}
    for name in ("timeline/futian-plan.html", "indicators.html", "trace.html", "terms.html"):
        page.goto((site / name).as_uri())
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
    page.goto((site / "timeline/futian-plan.html").as_uri())
    table = page.evaluate("document.querySelector('.scroll').scrollWidth")
    _shot(page, "timeline-phone")
    context.close()
    assert all(width <= 390 for width in widths.values()), widths
    assert table > 390  # the grid is wider than the phone: it scrolls in its own box


def test_term_status_filter_and_no_script_fallback(browser, site: Path) -> None:
    def hetao_and_new(page):  # type: ignore[no-untyped-def]
        return (
            page.locator("table.terms tr:has(th:text-is('河套'))"),  # steady: in all three editions
            page.locator("table.terms tr[data-status=new-in-latest]").first,
        )

    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "terms.html").as_uri())
    hetao, new = hetao_and_new(page)
    assert hetao.is_visible() and new.is_visible()
    page.uncheck("input[value=steady]")
    assert hetao.is_hidden() and new.is_visible()
    context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "terms.html").as_uri())
    hetao, new = hetao_and_new(page)
    assert hetao.is_visible() and new.is_visible() and page.locator("form.term-filters").is_hidden()
    context.close()


def test_a_raw_html_source_never_runs_in_the_browser(browser, tmp_path: Path) -> None:
    """Finding 2 of issue 17: an HTML source whose script set the page title when opened."""
    import threading

    from corpusdiff.site.serve import preview_server
    from corpusdiff.store.corpus import ingest
    from tests.site.test_site_security import PLANS, SCRIPT, _hostile_html

    source = tmp_path / "plan-2022.html"
    source.write_text(_hostile_html(PLANS[0]), encoding="utf-8")
    corpus, out = tmp_path / "corpus", tmp_path / "site"
    ingest(corpus, [source], {"title": "福田区2022年计划", "date": "2022-01", "genre": "annual-plan"})
    build_site(corpus, out)
    [document] = (out / "doc").rglob("*.html")
    server = preview_server(out, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for start in (document.as_uri(), f"http://127.0.0.1:{server.server_port}/{document.relative_to(out)}"):
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog, seen=dialogs: (seen.append(dialog.message), dialog.dismiss()))
            page.goto(start)
            page.click("a.raw-source")
            page.wait_for_load_state()
            assert page.title() != "pwned" and dialogs == [], f"the source's script ran at {page.url}"
            assert page.url.endswith(".html.txt")
            assert SCRIPT in page.inner_text("body")  # shown as text
            page.close()
    finally:
        server.shutdown()
        server.server_close()
