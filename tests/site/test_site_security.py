"""The site publishes only what the corpus owns, never a page that runs a source's script, and
its output folder stays true to the corpus through deletions, kills and damaged files
(issue 17, findings 1, 2, 7, 8, 9 and 12)."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corpusdiff.errors import CorpusError
from corpusdiff.site.build import build_site
from corpusdiff.site.common import BuildReport
from corpusdiff.site.output import STATE_FILE
from corpusdiff.store.corpus import Entry
from corpusdiff.store.ingest import SecondSource, ingest
from tests.conftest import PLAN_SEEDS, seed_excerpts
from tests.pipes import swap_for_a_pipe, swap_once_looked_at, without_waiting

#: The plan reports' file names (sources/ keeps them); their text is the heads (`plans`).
PLANS = PLAN_SEEDS
FIRST, MIDDLE, LAST = (
    "futian/annual-plan/2022-01",
    "futian/mid-year-report/2023-10",
    "futian/annual-plan/2025-01",
)
SECRET = b"PRIVATE-KEY-of-whoever-builds-the-site 3f9c2a\n"
#: What a browser or a static host may take for a page, whatever the bytes say.
MARKUP_SUFFIXES = {".html", ".htm", ".xhtml", ".svg", ".xml", ".shtml", ".mht"}


def _git(corpus: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(corpus), *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The heads of the three plan reports: what is published, and where, is the point here,
    not what a whole report's diff says (tests/site/test_site.py builds the whole corpus)."""
    return seed_excerpts(tmp_path_factory.mktemp("plans"), PLANS)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, plans: list[Path]) -> Path:
    """Three editions of one series, their sources copied into sources/, committed."""
    corpus = tmp_path_factory.mktemp("security-template") / "corpus"
    ingest(corpus, plans)
    return corpus


@pytest.fixture
def corpus(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(template, copy, symlinks=True)
    return copy


@pytest.fixture(scope="module")
def template_site(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    """The site of `template`, built once for the tests about the builds after a first one."""
    out = tmp_path_factory.mktemp("security-site") / "site"
    build_site(template, out)
    return out


@pytest.fixture
def built(template_site: Path, corpus: Path, tmp_path: Path) -> Path:
    """A copy of the template's site, its state and its files' times kept: what a first build
    of `corpus` leaves (the same pages: a build of `corpus` on it writes nothing), without
    paying for that build again in every test (0.4 s of CPU each)."""
    out = tmp_path / "site"
    shutil.copytree(template_site, out)
    again = build_site(corpus, out)
    assert again.written == [] and again.removed == []
    return out


def _document(corpus: Path, doc_id: str) -> Path:
    return corpus / f"{doc_id}.md"


def _set_source(corpus: Path, doc_id: str, file: str, sha256: str) -> None:
    """What a hostile contributor commits: the front matter's source.file and source.sha256."""
    path = _document(corpus, doc_id)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  file: .*$", f"  file: {json.dumps(file)}", text, count=1)
    text = re.sub(r"(?m)^  sha256: .*$", f"  sha256: {sha256}", text, count=1)
    path.write_text(text, encoding="utf-8")


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _published_anywhere(out: Path, secret: bytes) -> list[str]:
    return [name for name, data in _files(out).items() if secret in data]


def _raw_link(out: Path, doc_id: str) -> tuple[str, bool] | None:
    """The raw-source link of a document page: (target relative to the site, has `download`)."""
    page = out / f"doc/{doc_id}.html"
    found = re.search(r'<a class="raw-source" href="([^"]+)"( download)?>', page.read_text(encoding="utf-8"))
    if not found:
        return None
    target = (page.parent / html.unescape(found.group(1))).resolve().relative_to(out.resolve())
    return target.as_posix(), bool(found.group(2))


# --- finding 1: nothing outside the corpus is published ----------------------------------------


def _plant_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "home" / ".ssh" / "id_rsa"
    secret.parent.mkdir(parents=True)
    secret.write_bytes(SECRET)
    return secret


@pytest.mark.parametrize("how", ["absolute", "climbing", "symlink under sources/"])
def test_a_source_outside_the_corpus_is_never_published(corpus: Path, tmp_path: Path, how: str) -> None:
    secret = _plant_secret(tmp_path)
    digest = hashlib.sha256(SECRET).hexdigest()  # the worst case: the attacker knows the bytes
    if how == "absolute":
        named = str(secret)
    elif how == "climbing":
        named = "../home/.ssh/id_rsa"
    else:
        (corpus / "sources" / "report.txt").symlink_to(secret)
        named = "sources/report.txt"
    _set_source(corpus, FIRST, named, digest)
    _git(corpus, "add", "-A")
    _git(corpus, "commit", "-qm", "hostile")
    out = tmp_path / "site"
    report = build_site(corpus, out)
    assert _published_anywhere(out, SECRET) == []
    assert (out / f"doc/{FIRST}.html").is_file() and _raw_link(out, FIRST) is None
    [warning] = [w for w in report.warnings if FIRST in w]
    assert "\n" not in warning and "not published" in warning


def test_a_source_whose_bytes_do_not_match_its_sha256_is_not_published(corpus: Path, tmp_path: Path) -> None:
    source = corpus / "sources" / PLANS[0].name
    source.write_bytes(source.read_bytes() + SECRET)  # changed after ingest: no longer what was verified
    out = tmp_path / "site"
    report = build_site(corpus, out)
    assert _published_anywhere(out, SECRET) == [] and _raw_link(out, FIRST) is None
    [warning] = report.warnings
    assert FIRST in warning and "sha256" in warning and "\n" not in warning
    assert _raw_link(out, LAST) is not None  # the others are verified and published


def test_a_document_that_is_a_symlink_out_of_the_corpus_is_not_published(
    corpus: Path, tmp_path: Path
) -> None:
    private = tmp_path / "elsewhere" / "private.md"  # another corpus of the user, say
    private.parent.mkdir()
    private.write_text(
        _document(corpus, LAST)
        .read_text(encoding="utf-8")
        .replace("id: futian/annual-plan/2025-01", "id: x/y/z")
        + "\nPRIVATE-NOTE-7d1e\n",
        encoding="utf-8",
    )
    (corpus / "x" / "y").mkdir(parents=True)
    (corpus / "x" / "y" / "z.md").symlink_to(private)
    out = tmp_path / "site"
    report = build_site(corpus, out)
    assert _published_anywhere(out, b"PRIVATE-NOTE-7d1e") == []
    assert not (out / "doc/x/y/z.html").exists()
    assert [w for w in report.warnings if "x/y/z" in w and "outside" in w]


def test_site_yaml_that_is_a_symlink_out_of_the_corpus_is_refused(corpus: Path, tmp_path: Path) -> None:
    from corpusdiff.errors import CorpusError

    elsewhere = tmp_path / "settings.yaml"
    elsewhere.write_text("pairs: []\n", encoding="utf-8")
    (corpus / "site.yaml").symlink_to(elsewhere)
    with pytest.raises(CorpusError, match="outside the corpus"):
        build_site(corpus, tmp_path / "site")


# --- a source that is, or becomes, a named pipe never blocks the build ------------------------------


def test_a_source_that_is_a_named_pipe_is_named_not_published(corpus: Path, tmp_path: Path) -> None:
    source = corpus / "sources" / PLANS[0].name
    swap_for_a_pipe(source)
    report = without_waiting(lambda: build_site(corpus, tmp_path / "site"), source, timeout=60)
    assert isinstance(report, BuildReport)
    assert _raw_link(tmp_path / "site", FIRST) is None and _raw_link(tmp_path / "site", LAST) is not None
    [warning] = report.warnings
    assert FIRST in warning and "a named pipe" in warning and "not published" in warning


@pytest.mark.parametrize("when", ["after its check", "after it was verified"])
def test_a_source_that_becomes_a_named_pipe_never_blocks_the_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """A corpus from elsewhere may swap a source for a named pipe while the site is built: before,
    the build checked the path was a file, then opened it (and opened it again to copy it), and
    opening a pipe waits for a writer for ever. `after its check`: the swap follows at once any
    check that the path is a file; `after it was verified`: before the copy."""
    import corpusdiff.site.build as site_build

    source = corpus / "sources" / PLANS[0].name
    if when == "after its check":
        swap_once_looked_at(monkeypatch, source)
    else:
        verified = site_build._verified_source

        def verify_then_swap(entry: Entry, *args: Any) -> Any:
            answer = verified(entry, *args)
            if entry.id == FIRST:
                swap_for_a_pipe(source)
            return answer

        monkeypatch.setattr(site_build, "_verified_source", verify_then_swap)
    outcome = without_waiting(lambda: build_site(corpus, tmp_path / "site"), source, timeout=60)
    if isinstance(outcome, BaseException):  # the copy found a pipe where the verified file was
        assert isinstance(outcome, CorpusError) and "changed while the site was being built" in str(outcome)
    else:
        assert _raw_link(tmp_path / "site", LAST) is not None


# --- finding 12: the output never inside the corpus ---------------------------------------------


def _invoke(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corpusdiff", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("out", ["site", ".", ".."])
def test_a_site_inside_the_corpus_or_around_it_is_refused(corpus: Path, out: str) -> None:
    before = sorted(p.relative_to(corpus.parent) for p in corpus.parent.rglob("*"))
    result = _invoke("--corpus", ".", "site", "build", "--out", out, cwd=corpus)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("corpusdiff: error: ")
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(corpus.parent) for p in corpus.parent.rglob("*")) == before


# --- finding 2: a raw copy never runs --------------------------------------------------------------

SCRIPT = "document.title='pwned'"


def _hostile_html(seed: Path) -> str:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in seed.read_text(encoding="utf-8").splitlines())
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>福田区计划</title>"
        f"<script>{SCRIPT}</script></head><body>"
        f"<svg xmlns='http://www.w3.org/2000/svg' onload=\"{SCRIPT}\"></svg>"
        f"<div class='content'>{body}</div></body></html>"
    )


@pytest.fixture
def html_corpus(tmp_path: Path, plans: list[Path]) -> tuple[Path, Path]:
    page = tmp_path / "inbox" / "plan-2022.html"
    page.parent.mkdir()
    page.write_text(_hostile_html(plans[0]), encoding="utf-8")
    corpus = tmp_path / "html-corpus"
    overrides = {"title": "福田区2022年计划", "date": "2022-01", "region": "福田区", "genre": "annual-plan"}
    ingest(corpus, [page], overrides)
    return corpus, page


def test_an_html_source_is_published_only_as_text(html_corpus: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, page = html_corpus
    out = tmp_path / "site"
    build_site(corpus, out)
    link = _raw_link(out, FIRST)
    assert link is not None
    target, _download = link
    assert target.endswith(".txt") and (out / target).read_bytes() == page.read_bytes()
    for name, data in _files(out).items():
        if Path(name).suffix.lower() in MARKUP_SUFFIXES:
            assert SCRIPT.encode() not in data, name


def test_an_svg_source_committed_by_hand_is_published_only_as_text(corpus: Path, tmp_path: Path) -> None:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" onload="{SCRIPT}"><text>福田</text></svg>\n'.encode()
    (corpus / "sources" / "chart.svg").write_bytes(svg)
    _set_source(corpus, FIRST, "sources/chart.svg", hashlib.sha256(svg).hexdigest())
    out = tmp_path / "site"
    build_site(corpus, out)
    assert _raw_link(out, FIRST) == (f"raw/{FIRST}/chart.svg.txt", False)
    assert [name for name in _published_anywhere(out, svg) if not name.endswith(".txt")] == []


def _docx_of(seed: Path) -> bytes:
    import io

    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in seed.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_binary_sources_are_downloads_with_a_safe_name(
    corpus: Path, tmp_path: Path, plans: list[Path]
) -> None:
    word = tmp_path / "inbox" / "plan-2025.docx"
    word.parent.mkdir()
    word.write_bytes(_docx_of(plans[2]))
    ingest(corpus, [word], {"date": "2025-01"}, second_source=SecondSource.AS_NEW)  # a copy beside its text
    # a PDF committed under a name a static host serves as a page
    pdf = b"%PDF-1.4\n<script>" + SCRIPT.encode() + b"</script>\n%%EOF\n"
    (corpus / "sources" / "report.html").write_bytes(pdf)
    _set_source(corpus, FIRST, "sources/report.html", hashlib.sha256(pdf).hexdigest())
    out = tmp_path / "site"
    build_site(corpus, out)
    [word_id] = [
        p.relative_to(corpus).with_suffix("").as_posix()
        for p in corpus.rglob("2025-01*.md")
        if "plan-2025.docx" in p.read_text(encoding="utf-8")
    ]
    assert _raw_link(out, word_id) == (f"download/{word_id}/plan-2025.docx", True)
    assert (out / f"download/{word_id}/plan-2025.docx").read_bytes() == word.read_bytes()
    assert _raw_link(out, FIRST) == (f"download/{FIRST}/report.html.pdf", True)
    assert not (out / f"raw/{FIRST}/report.html").exists()


@pytest.fixture
def served(tmp_path: Path, corpus: Path, plans: list[Path]) -> Iterator[tuple[str, Path]]:
    from corpusdiff.site.serve import preview_server

    word = tmp_path / "inbox" / "plan-2025.docx"
    word.parent.mkdir()
    word.write_bytes(_docx_of(plans[2]))
    ingest(corpus, [word], {"date": "2025-01"}, second_source=SecondSource.AS_NEW)  # a copy beside its text
    out = tmp_path / "site"
    build_site(corpus, out)
    server = preview_server(out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", out
    finally:
        server.shutdown()
        server.server_close()


def _headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url) as response:
        return {k.lower(): v for k, v in response.headers.items()}


def test_site_serve_sends_downloads_as_attachments_and_never_sniffs(served: tuple[str, Path]) -> None:
    base, out = served
    [download] = [p.relative_to(out).as_posix() for p in (out / "download").rglob("*.docx")]
    headers = _headers(base + download)
    assert headers["content-disposition"].startswith("attachment")
    assert headers["content-type"] == "application/octet-stream"
    assert headers["x-content-type-options"] == "nosniff"
    text = _headers(base + f"raw/{FIRST}/{PLANS[0].name}")
    assert text["content-type"].startswith("text/plain") and text["x-content-type-options"] == "nosniff"
    page = _headers(base + "index.html")
    assert page["content-type"].startswith("text/html") and page["x-content-type-options"] == "nosniff"
    assert "content-disposition" not in page
    roundabout = _headers(base + "static/../" + download.replace("download/", "download/./", 1))
    assert roundabout["content-disposition"].startswith("attachment")


def test_the_headers_file_for_static_hosts_says_the_same(served: tuple[str, Path]) -> None:
    _base, out = served
    rules = (out / "_headers").read_text(encoding="utf-8")
    assert "/*\n  X-Content-Type-Options: nosniff\n" in rules
    download = rules.split("/download/*\n", 1)[1].split("\n/", 1)[0]
    assert "  Content-Disposition: attachment" in download
    assert "  Content-Type: application/octet-stream" in download


# --- finding 7: what the corpus withdrew leaves the site ---------------------------------------


def test_a_withdrawn_document_leaves_the_site_and_a_users_file_stays(corpus: Path, built: Path) -> None:
    out = built
    (out / "CNAME").write_text("reports.example.org\n", encoding="utf-8")  # the user's own files
    (out / "doc" / "notes.html").write_text("<p>mine</p>\n", encoding="utf-8")
    before = set(_files(out))
    _git(corpus, "rm", "-q", f"{MIDDLE}.md", f"sources/{PLANS[1].name}")
    _git(corpus, "commit", "-qm", "withdraw the mid-year report")
    report = build_site(corpus, out)
    after = set(_files(out))
    gone = {name for name in before - after}
    middle = MIDDLE.replace("/", ".")
    assert {
        f"doc/{MIDDLE}.html",
        f"md/{MIDDLE}.md",
        f"raw/{MIDDLE}/{PLANS[1].name}",
        f"diff/{FIRST.replace('/', '.')}__{middle}.html",
        f"diff/{FIRST.replace('/', '.')}__{middle}-duizhao.html",
        f"diff/{middle}__{LAST.replace('/', '.')}.html",
    } <= gone
    assert not any(MIDDLE in name or middle in name for name in after)
    assert {"CNAME", "doc/notes.html"} <= after
    assert not (out / "doc/futian/mid-year-report").exists()  # emptied directories go too
    assert sorted(report.removed) == sorted(gone)
    assert MIDDLE not in (out / "index.html").read_text(encoding="utf-8")


def test_a_withdrawn_page_edited_by_hand_is_kept_with_a_warning(corpus: Path, built: Path) -> None:
    out = built
    edited = out / f"md/{MIDDLE}.md"
    edited.write_text("my own notes now\n", encoding="utf-8")
    _document(corpus, MIDDLE).unlink()
    report = build_site(corpus, out)
    assert edited.read_text(encoding="utf-8") == "my own notes now\n"
    assert [w for w in report.warnings if f"md/{MIDDLE}.md" in w]


# --- findings 8 and 9: the state never believes a page it does not have ------------------------


def test_a_page_rewritten_by_a_killed_build_is_rebuilt_after_a_revert(corpus: Path, built: Path) -> None:
    out = built
    state = (out / STATE_FILE).read_bytes()
    page = out / f"doc/{LAST}.html"
    original = page.read_bytes()
    document = _document(corpus, LAST)
    text = document.read_text(encoding="utf-8")
    document.write_text(text + "\n地区生产总值增长99%。\n", encoding="utf-8")
    build_site(corpus, out)
    assert "99%" in page.read_text(encoding="utf-8")
    (out / STATE_FILE).write_bytes(state)  # killed after writing the page, before saving its state
    document.write_text(text, encoding="utf-8")  # the change is reverted
    build_site(corpus, out)
    assert page.read_bytes() == original


@pytest.mark.parametrize("page", [f"doc/{LAST}.html", "index.html", "search-index.js", "static/style.css"])
def test_a_truncated_page_is_rebuilt(corpus: Path, built: Path, page: str) -> None:
    out = built
    whole = (out / page).read_bytes()
    han = whole.find("福".encode())
    cut = han + 1 if han >= 0 else len(whole) // 2  # inside a character: the file is not UTF-8 now
    (out / page).write_bytes(whole[:cut])
    report = build_site(corpus, out)
    assert (out / page).read_bytes() == whole
    assert page in report.written


def test_a_damaged_state_file_means_a_full_rebuild(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = _files_after(build_site, corpus, out)
    (out / STATE_FILE).write_bytes(b'{"version": 2, "tasks": {"doc/')
    assert _files_after(build_site, corpus, out) == first


def _files_after(build, corpus: Path, out: Path) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    build(corpus, out)
    return {k: v for k, v in _files(out).items() if k != STATE_FILE}


def test_a_site_built_before_manifests_loses_its_unsafe_raw_copies(corpus: Path, built: Path) -> None:
    out = built
    state = json.loads((out / STATE_FILE).read_bytes())
    (out / STATE_FILE).write_text(json.dumps(state["tasks"]), encoding="utf-8")  # the older format
    unsafe = out / f"raw/{FIRST}/report.html"  # how an older build published an HTML source
    unsafe.write_text(f"<script>{SCRIPT}</script>", encoding="utf-8")
    (out / "CNAME").write_text("reports.example.org\n", encoding="utf-8")
    report = build_site(corpus, out)
    assert not unsafe.exists() and f"raw/{FIRST}/report.html" in report.removed
    assert (out / "CNAME").is_file() and (out / f"doc/{FIRST}.html").is_file()
    assert build_site(corpus, out).written == []


def test_two_builds_into_one_folder_at_once_are_refused(corpus: Path, tmp_path: Path) -> None:
    import fcntl

    from corpusdiff.errors import CorpusError

    out = tmp_path / "site"
    out.mkdir()
    held = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # what a running build holds
        with pytest.raises(CorpusError, match="another `site build`"):
            build_site(corpus, out)
    finally:
        os.close(held)
    assert list(out.iterdir()) == []


def test_a_full_disk_is_one_line_and_every_page_stays_whole(
    corpus: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from corpusdiff.errors import CorpusError
    from corpusdiff.store import files

    out = built
    before = _files(out)
    document = _document(corpus, LAST)
    document.write_text(document.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    real, calls = files.write_bytes_atomic, [0]

    def fills_the_disk(path: Path, data: bytes, *, durable: bool = True) -> None:
        calls[0] += 1
        if calls[0] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data, durable=durable)

    monkeypatch.setattr(files, "write_bytes_atomic", fills_the_disk)
    with pytest.raises(CorpusError, match="No space left on device") as raised:
        build_site(corpus, out)
    assert "\n" not in str(raised.value)
    monkeypatch.undo()
    after = _files(out)
    assert {name for name in after if name in before and after[name] != before[name]} <= {
        f"doc/{LAST}.html",
        f"md/{LAST}.md",
    }  # the two files written before the disk filled; every other file is as it was
    build_site(corpus, out)
    assert "新增一段" in (out / f"doc/{LAST}.html").read_text(encoding="utf-8")


def test_a_read_only_site_folder_is_one_line_naming_the_folder_and_what_to_do(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's disk-error line, for the site: the system's reason, and --out, not the corpus."""
    import errno

    from corpusdiff.errors import CorpusError
    from corpusdiff.store import files

    def refuses(path: Path, data: bytes, *, durable: bool = True) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files, "write_bytes_atomic", refuses)
    with pytest.raises(CorpusError) as raised:
        build_site(corpus, tmp_path / "site")
    message = str(raised.value)
    assert "\n" not in message and "(Read-only file system)" in message
    assert "the site folder is read-only for you" in message and "choose another --out" in message


def test_a_document_s_links_and_images_are_shown_as_text() -> None:
    """Canonical text holds no link (its brackets are escaped) and every command reads one of
    a document from elsewhere as its text: the site does too, so a contribution cannot publish
    a phishing link or a remote image (a tracking pixel) that `review` never showed. Before,
    both were published as `<a href>` and `<img src>`."""
    from corpusdiff.site.build import render_document_body

    text = (
        "---\ntitle: 报告\ndialect: '1'\n---\n\n# 报告\n\n"
        "详见[通知](https://phish.example/)。![](https://tracker.example/p.png)<https://auto.example/>\n"
    )
    body = str(render_document_body(text)[0])
    assert "<a " not in body and "<img" not in body
    assert "[通知](https://phish.example/)" in body and "![](https://tracker.example/p.png)" in body
    assert "&lt;https://auto.example/&gt;" in body
