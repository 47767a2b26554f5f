"""The static site without a browser: every link resolves, text is escaped, builds are incremental."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from corpusdiff.site import build_site
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(ROOT / "corpus", out)
    return out


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append(attributes[name])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_asset_resolves(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 10
    ids = {page: _parse(page).ids for page in pages}
    broken = []
    for page in pages:
        for link in _parse(page).links:
            parts = urlsplit(link)
            assert not parts.scheme.startswith("http"), f"{page}: network link {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(built)} -> {link}")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and parts.fragment not in ids.get(target, _parse(target).ids)
            ):
                broken.append(f"{page.relative_to(built)} -> {link} (no such anchor)")
    assert broken == []


def test_pages_make_no_network_requests(built: Path) -> None:
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']https?://""", text), page


def test_index_groups_series_and_links_consecutive_diffs(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    assert 'id="series-futian-plan"' in index
    assert "diff/futian.annual-plan.2022-01__futian.mid-year-report.2023-10.html" in index
    assert "diff/futian.mid-year-report.2023-10__futian.annual-plan.2025-01.html" in index
    assert (
        "diff/futian.annual-plan.2022-01__futian.annual-plan.2025-01.html" in index
    )  # from corpus/site.yaml


def test_second_build_rewrites_nothing(tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = build_site(ROOT / "corpus", out)
    assert first.written and not first.unchanged
    second = build_site(ROOT / "corpus", out)
    assert second.written == [] and len(second.unchanged) == first.pages


HOSTILE_LINES = [
    "<script>alert('x')</script>推动河套建设。",
    '<img src=x onerror="alert(1)">福田。',
    "[点击](javascript:alert(1))福田。",
]


def test_report_text_never_becomes_markup(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpusdiff.cli import main

    raw = SEEDS / "futian-2022-01-plan-report.txt"
    hostile = tmp_path / "hostile.txt"
    text = raw.read_text(encoding="utf-8").replace(
        "初步测算，主要指标预计完成情况如下：", "\n\n".join(HOSTILE_LINES), 1
    )
    hostile.write_text(
        text.replace("福田区2021年国民经济", "<b>福田区</b>2021年国民经济", 1), encoding="utf-8"
    )
    corpus = tmp_path / "c"
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", str(hostile)]).exit_code == 0
    out = tmp_path / "site"
    build_site(corpus, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
        assert "<b>福田区</b>" not in html
    document = next((out / "doc").rglob("*.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('x')&lt;/script&gt;推动河套建设。" in document


def test_site_build_cli_reports_what_it_did(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpusdiff.cli import main

    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", corpus)
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "site", "build", "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 0
    assert re.search(r"\d+ files: \d+ written, 0 unchanged, in [\d.]+ s", result.stdout)
    assert "index.html" in result.stdout


def test_hostile_front_matter_is_escaped(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from corpusdiff.cli import main

    corpus = tmp_path / "c"
    result = CliRunner().invoke(
        main,
        [
            "--corpus",
            str(corpus),
            "ingest",
            str(SEEDS / "futian-2022-01-plan-report.txt"),
            "--title",
            "<script>alert(1)</script>",
            "--series",
            '"><img src=x onerror=alert(1)>',
            "--region",
            "javascript:alert(1)",
        ],
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "site"
    build_site(corpus, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (out / "index.html").read_text(encoding="utf-8")


def test_a_changed_document_rerenders_only_its_pages_and_pairs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    out = tmp_path / "site"
    first = build_site(corpus, out)
    assert len(first.rendered) == 8
    assert build_site(corpus, out).rendered == []
    plan = corpus / "futian/annual-plan/2025-01.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n新增一段用于测试增量构建。\n", encoding="utf-8")
    again = build_site(corpus, out)
    assert sorted(again.rendered) == [
        "diff/futian.annual-plan.2022-01__futian.annual-plan.2025-01.html",
        "diff/futian.mid-year-report.2023-10__futian.annual-plan.2025-01.html",
        "doc/futian/annual-plan/2025-01.html",
    ]
    assert "新增一段用于测试增量构建" in (out / "doc/futian/annual-plan/2025-01.html").read_text(
        encoding="utf-8"
    )
    assert "新增一段用于测试增量构建" in (out / "search-index.js").read_text(encoding="utf-8")


def test_a_deleted_page_is_rendered_again(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(ROOT / "corpus", out)
    (out / "doc/futian/five-year-plan/2021.html").unlink()
    assert build_site(ROOT / "corpus", out).rendered == ["doc/futian/five-year-plan/2021.html"]
