"""A corpus from elsewhere is untrusted input (issue 17): on the hostile corpus of
tests/hostile.py, `ingest`, `check`, `site build` and `review` each either work or refuse in one
line (exit 0, 1 or 2, never a traceback or an internal error), and none of them writes a file
outside the corpus or the site's output folder: the folder holding them is compared, file by
file and link by link, before and after. An alias bomb wherever a corpus holds YAML is one
line naming the file, at once."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import git
import pytest

from corpusdiff import DIALECT_VERSION
from tests.cliserver import CliServer
from tests.conftest import SEEDS
from tests.hostile import BOMB_PLACES, HostileCorpus, hostile_corpus

#: Started first under xdist (tests/conftest.py): every command runs as a process.
pytestmark = pytest.mark.slow

GWR = SEEDS / "futian-2022-01-government-work-report.txt"


#: Every command runs as a process of its own, forked from one that imported corpusdiff once.
_CLI = CliServer()


@pytest.fixture(autouse=True, scope="module")
def _cli_server() -> Iterator[None]:
    yield
    _CLI.stop()


def run(hostile: HostileCorpus, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`corpusdiff --corpus CORPUS ARGS` in the folder holding the corpus."""
    return _CLI.run(["--corpus", str(hostile.corpus), *args], cwd=hostile.parent, timeout=timeout)


def assert_survived(result: subprocess.CompletedProcess[str], label: str = "") -> None:
    """Exit 0, 1 or 2; no traceback, no internal error; a refusal is one error line."""
    assert result.returncode in (0, 1, 2), (label, result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, (label, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("corpusdiff: error:")]
    assert len(errors) == (1 if result.returncode == 2 else 0), (label, result.stderr)


def _snapshot(parent: Path, skip: set[Path]) -> dict[str, tuple[str, ...]]:
    """Every entry under `parent` but `skip`: links by target, files by bytes and mtime."""
    found: dict[str, tuple[str, ...]] = {}
    for directory, folders, files in os.walk(parent):
        folders[:] = [f for f in folders if Path(directory, f) not in skip]
        for name in (*folders, *files):
            path = Path(directory, name)
            if path.is_symlink():
                found[str(path)] = ("link", os.readlink(path))
            elif path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[str(path)] = ("file", digest, str(path.stat().st_mtime_ns))
            else:
                found[str(path)] = ("folder",)
    return found


@pytest.fixture
def hostile(tmp_path: Path) -> HostileCorpus:
    return hostile_corpus(tmp_path)


def test_every_command_survives_the_hostile_corpus(hostile: HostileCorpus) -> None:
    site = hostile.parent / "site"
    outside_the_outputs = {hostile.corpus, site}
    before = _snapshot(hostile.parent, outside_the_outputs)
    forged, page = hostile.reports
    results = {
        "ingest a forged name": run(hostile, "ingest", "-q", "-j", "1", str(forged)),
        "ingest a page with scripts": run(hostile, "ingest", "-q", "-j", "1", str(page)),
        "ingest into a linked region": run(
            hostile, "ingest", "-q", "-j", "1", "--region", "广东省", str(GWR)
        ),
        "check": run(hostile, "check"),
        "site build": run(hostile, "site", "build", "-j", "1", "--out", str(site)),
        "review": run(hostile, "review", "-j", "1", hostile.review_range),
    }
    for label, result in results.items():
        assert_survived(result, label)
    assert _snapshot(hostile.parent, outside_the_outputs) == before

    assert results["ingest a forged name"].returncode == 0
    for commit in git.Repo(hostile.corpus).iter_commits("main..contribution"):
        lines = str(commit.message).splitlines()
        if lines[0].startswith("ingest: "):
            provenance = [line for line in lines if line.startswith(("Source-sha256:", "Dialect-version:"))]
            assert provenance in (
                [
                    f"Source-sha256: {hashlib.sha256(report.read_bytes()).hexdigest()}",
                    f"Dialect-version: {DIALECT_VERSION}",
                ]
                for report in hostile.reports
            ), lines
    refused = results["ingest into a linked region"]
    assert "guangdong" in refused.stderr and "symlink" in refused.stderr

    report = results["check"]
    assert report.returncode == 1
    for named in (
        "2030-01.md: front matter: source.file",
        "2031-01.md: front matter: source.file",
        "2035-01.md: front matter: id",
        "2032-01.md: symlink",
        "guangdong: symlink",
        "leak.txt: symlink",
        "2035-01.yaml: line 1:",
    ):
        assert any(named in line for line in report.stdout.splitlines()), (named, report.stdout)


@pytest.mark.parametrize("place", [p for p in BOMB_PLACES if p != "alignments"])
def test_an_alias_bomb_is_one_line_naming_its_file(tmp_path: Path, place: str) -> None:
    hostile = hostile_corpus(tmp_path, bombs=(place,), other_hazards=False)
    named = "2033-01.md" if place == "front matter" else place
    forged, _page = hostile.reports
    for args in (
        ("ingest", "-q", "-j", "1", str(forged)),
        ("list",),
        ("site", "build", "-j", "1", "--out", str(tmp_path / "site")),
        ("review", "-j", "1", hostile.review_range),
    ):
        result = run(hostile, *args, timeout=120)
        assert_survived(result)
        if result.returncode == 2:
            assert named in result.stderr, (args, result.stderr)
    report = run(hostile, "check", timeout=120)
    assert report.returncode == 1
    assert any(named in line and "anchors" in line for line in report.stdout.splitlines()), report.stdout
