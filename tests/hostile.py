"""Builders for untrusted corpora (issue 17), and the assertion every refusal must meet.

A corpus from elsewhere is input from strangers. `hostile_corpus` makes one holding what a
hostile contributor could commit on a branch (tests/test_hostile_corpus.py runs `ingest`,
`check`, `site build` and `review` on it): front matter whose `source.file` climbs out of the
repository or is absolute, symlinks out of the corpus (a region folder, a document, a source),
YAML alias bombs (`bombs`: in an alignments file, a document's front matter, `manifest.yaml`,
`site.yaml`), source file names that forge commit trailers, and
sources carrying scripts. Next to the corpus, `outside/` holds what the links and paths aim at.
`assert_one_line_refusal` is the contract for whatever corpusdiff refuses: exit 2, one line on
stderr, no traceback, no internal error.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from click.testing import Result

from corpusdiff.store.ingest import ingest
from tests.conftest import SEEDS, seed_excerpts

#: The reports the corpus is made of, and handed over: only their heads (`seed_excerpts`) are
#: used, as every command runs on several editions and pairs of them and the hazards, not what
#: the reports say, are the point.
HONEST = SEEDS / "futian-2022-01-plan-report.txt"
FORGED_REPORT = SEEDS / "futian-2025-01-plan-report.txt"
PAGE_REPORT = SEEDS / "futian-2023-10-mid-year-plan-report.txt"
HONEST_ID = "futian/annual-plan/2022-01"
IDENTITY = {
    "GIT_AUTHOR_NAME": "Hostile Contributor",
    "GIT_AUTHOR_EMAIL": "h@example.org",
    "GIT_COMMITTER_NAME": "Hostile Contributor",
    "GIT_COMMITTER_EMAIL": "h@example.org",
}
FORGED_NAME = "plan\nSource-sha256: deadbeef\nDialect-version: 99\n.txt"
SCRIPT = "<script>document.title='pwned'</script>"


def alias_bomb(levels: int = 9) -> str:
    """YAML that a loader without limits expands to 9**levels strings."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class HostileCorpus:
    parent: Path  # holds the corpus, outside/ and the reports handed to ingest
    corpus: Path  # the repository, on branch `contribution` (main has the honest document)
    outside: Path  # what the hostile paths and links aim at
    reports: tuple[Path, ...]  # reports to ingest: a forged trailer name, a page with a script
    review_range: str = "main..contribution"


def hostile_corpus(
    parent: Path, bombs: tuple[str, ...] = ("alignments",), other_hazards: bool = True
) -> HostileCorpus:
    """Build the corpus under `parent` (see the module's docstring); without `other_hazards`
    the contribution holds only the alias bombs."""
    corpus, outside = parent / "corpus", parent / "outside"
    honest_report, forged_report, page_report = seed_excerpts(
        parent / "reports", [HONEST, FORGED_REPORT, PAGE_REPORT]
    )
    ingest(corpus, [honest_report])
    _git(corpus, "branch", "-M", "main")
    _git(corpus, "switch", "-qc", "contribution")
    honest = (corpus / f"{HONEST_ID}.md").read_text(encoding="utf-8")
    secret = _outside(outside, honest)
    if other_hazards:
        _traversal_documents(corpus, honest, secret)
        _escaping_links(corpus, outside)
        _hostile_sources(corpus, honest, honest_report)
    _alias_bombs(corpus, honest, bombs)
    _git(corpus, "add", "-A")
    _git(corpus, "commit", "-qm", "contribution\n\nSource-sha256: deadbeef")
    return HostileCorpus(parent, corpus, outside, _reports(parent, forged_report, page_report))


def _git(corpus: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=corpus, check=True, capture_output=True, env={**os.environ, **IDENTITY}
    )


def _document(honest: str, date: str, source_file: str | None = None, sha256: str | None = None) -> str:
    """The honest document as another edition, its `source` block pointing elsewhere."""
    text = honest.replace(f"id: {HONEST_ID}", f"id: futian/annual-plan/{date}").replace(
        "date: 2022-01", f"date: {date}"
    )
    if source_file is not None:
        text = text.replace("file: sources/futian-2022-01-plan-report.txt", f"file: {source_file}")
    if sha256 is not None:
        text = re.sub(r"(?m)^  sha256: .*$", f"  sha256: {sha256}", text, count=1)
    return text


def _outside(outside: Path, honest: str) -> Path:
    """Files outside the corpus: a secret, a canonical document and a region folder."""
    (outside / "region" / "annual-plan").mkdir(parents=True)
    secret = outside / "secret.txt"
    secret.write_text("id_rsa: the key of whoever builds the site\n", encoding="utf-8")
    (outside / "planted.md").write_text(_document(honest, "2032-01"), encoding="utf-8")
    (outside / "region" / "annual-plan" / "2020-01.md").write_text(
        _document(honest, "2020-01"), encoding="utf-8"
    )
    return secret


def _traversal_documents(corpus: Path, honest: str, secret: Path) -> None:
    """`source.file` climbing out with `../`, and absolute; an `id` climbing out."""
    sha = hashlib.sha256(secret.read_bytes()).hexdigest()
    folder = corpus / "futian" / "annual-plan"
    (folder / "2030-01.md").write_text(
        _document(honest, "2030-01", "../outside/secret.txt", sha), encoding="utf-8"
    )
    (folder / "2031-01.md").write_text(_document(honest, "2031-01", str(secret), sha), encoding="utf-8")
    climbing = _document(honest, "2035-01").replace("id: futian/annual-plan/2035-01", "id: ../../../escape")
    (folder / "2035-01.md").write_text(climbing, encoding="utf-8")


def _escaping_links(corpus: Path, outside: Path) -> None:
    """A region folder, a document and a source that are symlinks out of the corpus."""
    (corpus / "guangdong").symlink_to(os.path.relpath(outside / "region", corpus), target_is_directory=True)
    document = corpus / "futian" / "annual-plan" / "2032-01.md"
    document.symlink_to(os.path.relpath(outside / "planted.md", document.parent))
    (corpus / "sources" / "leak.txt").symlink_to(os.path.relpath(outside / "secret.txt", corpus / "sources"))


#: Where `hostile_corpus` can plant an alias bomb: any of these reads as a broken corpus, so
#: the commands reading the index refuse in one line naming the file (an alignments file only
#: concerns its pair, so it is in the default corpus).
BOMB_PLACES = ("alignments", "front matter", "manifest.yaml", "site.yaml")


def _alias_bombs(corpus: Path, honest: str, places: tuple[str, ...]) -> None:
    for place in places:
        if place == "front matter":
            front, body = honest.split("\n---\n", 1)
            bombed = f"{front}\n{alias_bomb()}---\n{body}".replace(
                f"id: {HONEST_ID}", "id: futian/annual-plan/2033-01"
            )
            (corpus / "futian" / "annual-plan" / "2033-01.md").write_text(bombed, encoding="utf-8")
        elif place == "alignments":
            (corpus / "alignments").mkdir(exist_ok=True)
            name = "futian.annual-plan.2022-01__futian.annual-plan.2035-01.yaml"  # a pair no page shows
            (corpus / "alignments" / name).write_text(alias_bomb(), encoding="utf-8")
        else:
            (corpus / place).write_text(alias_bomb(), encoding="utf-8")


def _hostile_sources(corpus: Path, honest: str, honest_report: Path) -> None:
    """A committed source whose name forges trailers, and an HTML source with a script that a
    document names (with its true sha256)."""
    (corpus / "sources" / FORGED_NAME).write_bytes(honest_report.read_bytes())
    page = f"<html><head><title>t</title>{SCRIPT}</head><body><svg onload=alert(1)></svg></body></html>\n"
    (corpus / "sources" / "evil.html").write_text(page, encoding="utf-8")
    sha = hashlib.sha256(page.encode("utf-8")).hexdigest()
    (corpus / "futian" / "annual-plan" / "2034-01.md").write_text(
        _document(honest, "2034-01", "sources/evil.html", sha), encoding="utf-8"
    )


def _reports(parent: Path, forged_report: Path, page_report: Path) -> tuple[Path, ...]:
    """Reports a contributor hands over: one named to forge trailers, one HTML page with a script."""
    incoming = parent / "incoming"
    incoming.mkdir()
    forged = incoming / FORGED_NAME
    forged.write_bytes(forged_report.read_bytes())
    lines = page_report.read_text(encoding="utf-8").splitlines()
    paragraphs = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    page = incoming / "report.html"
    page.write_text(
        f"<html><head><title>{lines[0]}</title>{SCRIPT}</head><body>{paragraphs}"
        f"<img src=x onerror=alert(1)></body></html>\n",
        encoding="utf-8",
    )
    return forged, page


def assert_one_line_refusal(result: Result, *phrases: str) -> None:
    """Exit 2 with exactly one `corpusdiff: error:` line holding every phrase."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("corpusdiff: error: "), result.stderr
    assert "internal error" not in lines[0] and "Traceback" not in result.stderr, result.stderr
    for phrase in phrases:
        assert phrase in lines[0], (phrase, lines[0])
