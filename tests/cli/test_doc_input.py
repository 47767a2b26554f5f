"""A Word 97-2003 .doc goes through the whole CLI as its .docx does: ingested into a corpus
(its bytes kept as the source, its format recorded), checked, and diffed against the .docx of
the same document with nothing found (tests/data/doc/, docs/inputs.md)."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.read.doc_fixture import DATA


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_doc_ingested_checked_and_diffed(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    source = DATA / "qingxi-2024-gwr.doc"
    ingested = run("--corpus", str(corpus), "ingest", str(source))
    assert ingested.exit_code == 0, ingested.output
    [document] = corpus.glob("qingxi/*/*.md")
    front = yaml.safe_load(document.read_text(encoding="utf-8").split("---\n")[1])
    assert front["source"]["format"] == "doc" and front["source"]["extractor"].startswith("corpusdiff.read.doc")
    assert (corpus / front["source"]["file"]).read_bytes() == source.read_bytes()
    assert run("--corpus", str(corpus), "check").exit_code == 0
    diffed = run("--corpus", str(corpus), "diff", front["id"], str(DATA / "qingxi-2024-gwr.docx"))
    assert diffed.exit_code == 0, diffed.output  # 0: no differences


def test_doc_diffed_against_another_edition(tmp_path: Path) -> None:
    """Two raw files, the .doc one of them, diff as editions (exit 1: differences found)."""
    old, new = DATA / "qingxi-2024-plan.doc", DATA / "qingxi-2024-gwr.doc"
    diffed = run("--corpus", str(tmp_path / "c"), "diff", str(old), str(new), "--format", "json")
    assert diffed.exit_code == 1, diffed.output
