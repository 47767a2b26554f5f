"""The project site built once per run for the site tests (the browser they drive is
tests/conftest.py's `browser`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT, built_once_per_run

#: The project corpus's search index forced into shards: a threshold its 0.3 MB of paragraphs is
#: far over, and small content shards (tests/site/test_search.py, test_search_browser.py).
FORCED_SHARDS = {"SHARD_THRESHOLD_BYTES": 1_000, "BLOCK_BYTES": 8_000}


@contextmanager
def forced_shards() -> Iterator[None]:
    from corpusdiff.site import search

    with pytest.MonkeyPatch.context() as patch:
        for name, value in FORCED_SHARDS.items():
            patch.setattr(search, name, value)
        yield


@pytest.fixture(scope="session")
def sharded_project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the project corpus with its search index forced into shards, built once per
    run for the tests that read it or copy it (a build is a second or more of CPU)."""
    from corpusdiff.parallel import SERIAL
    from corpusdiff.site.build import build_site

    def build(out: Path) -> None:
        with forced_shards():
            build_site(ROOT / "corpus", out, runner=SERIAL)

    return built_once_per_run("sharded-project-site", build, tmp_path_factory)


@pytest.fixture
def sharded_project_site_copy(sharded_project_site: Path, tmp_path: Path) -> Path:
    """A copy of the sharded site, its build state and its files' times kept: what a first build
    leaves, for a test about the builds after it."""
    out = tmp_path / "site"
    shutil.copytree(sharded_project_site, out)
    return out
