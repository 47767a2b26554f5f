"""Shared fixtures: the seeds, normalised once per session, and temporary git corpora."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.entry import normalize_file
from corpusdiff.store import cache
from corpusdiff.store.corpus import load_manifest
from corpusdiff.text.chars import WORD_CHARS
from corpusdiff.types.document import NormalizedDocument

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = Path(__file__).parent / "data" / "expected"
SEED_STEMS = sorted(path.stem for path in SEEDS.glob("*.txt"))
HAN_ALNUM = re.compile(f"[{WORD_CHARS}]")


def seed_overrides(stem: str) -> dict[str, object]:
    entry = load_manifest(ROOT / "corpus").get(f"{stem}.txt", {})
    return {k: v for k, v in entry.items() if k in {"title", "date"}}


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, NormalizedDocument]:
    return {stem: normalize_file(SEEDS / f"{stem}.txt", seed_overrides(stem)) for stem in SEED_STEMS}


@pytest.fixture(scope="session")
def seed_markdown(seed_documents: dict[str, NormalizedDocument]) -> dict[str, str]:
    return {stem: render(doc) for stem, doc in seed_documents.items()}


def body_of(markdown: str) -> str:
    """Canonical Markdown without its front matter."""
    return markdown.split("\n---\n", 1)[1]


def han_key(text: str) -> str:
    """The sequence of Han characters, letters and digits: what must never be lost."""
    return "".join(HAN_ALNUM.findall(text))


def _hypothesis_profiles() -> None:
    """The default suite is deterministic (a fixed seed, so CI cannot fail by chance); the
    dedicated fuzz run (`make fuzz`) explores with fresh random cases. No deadline: the suite
    runs on every CPU at once, and a first call that loads jieba's dictionary on a busy machine
    is slow without being wrong (speed is measured in benchmarks/)."""
    import os

    from hypothesis import settings

    settings.register_profile("default-suite", derandomize=True, deadline=None)
    settings.register_profile("fuzz", derandomize=False, deadline=None)
    settings.load_profile("fuzz" if os.environ.get("CORPUSDIFF_FUZZ_EXAMPLES") else "default-suite")


_hypothesis_profiles()

# The suite never reads or fills the user's cache (corpusdiff.cache): a fresh one per run.
os.environ["CORPUSDIFF_CACHE_DIR"] = tempfile.mkdtemp(prefix="corpusdiff-test-cache-")
atexit.register(shutil.rmtree, os.environ["CORPUSDIFF_CACHE_DIR"], ignore_errors=True)
# the tests stand at the edge, like the command line: the text layer gets the disk cache
cache.install()
