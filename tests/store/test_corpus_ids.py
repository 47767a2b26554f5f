"""Ids and series meaningful without a manifest: a national report without a title line is
`national/government-work-report/2016`, not `report/undated-3`, and the national reports form
one series, as the Futian reports do, its ids alike: the year alone, since 2016 gives no more
(docs/corpus.md; tests/store/test_series_ids.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpusdiff.store.corpus import Corpus
from corpusdiff.store.ingest import ingest
from tests.conftest import SEEDS

DATA = Path(__file__).parent.parent / "data"
NATIONAL = DATA / "national-gwr"


@pytest.fixture
def national(tmp_path: Path) -> list[Path]:
    """Untitled 2016, titled 2017 and 1957 (undashed subtitle), the 1958 plan report, under
    names that carry no year."""
    names = {
        "wikisource/2016.txt": "a.txt",
        "wikisource/2017.txt": "b.txt",
        "wikisource-older/1957.txt": "c.txt",
        "wikisource-older/1958.txt": "d.txt",
    }
    files = []
    for source, name in names.items():
        target = tmp_path / "in" / name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(NATIONAL / source, target)
        files.append(target)
    return files


def test_national_reports_get_meaningful_ids_and_one_series(tmp_path: Path, national: list[Path]) -> None:
    root = tmp_path / "corpus"
    results = ingest(root, national)
    assert [r.id for r in results] == [
        "national/government-work-report/2016",
        "national/government-work-report/2017",
        "national/government-work-report/1957",
        "national/annual-plan/1958",
    ]
    corpus = Corpus(root)
    assert [e.id for e in corpus.series("national-gwr")] == [
        "national/government-work-report/1957",
        "national/government-work-report/2016",
        "national/government-work-report/2017",
    ]
    assert [e.id for e in corpus.series("national-plan")] == ["national/annual-plan/1958"]
    assert {e.metadata.level for e in corpus.entries} == {"national"}


def test_futian_ids_are_unchanged(tmp_path: Path) -> None:
    results = ingest(tmp_path / "corpus", [SEEDS / "futian-2022-01-government-work-report.txt"])
    assert [r.id for r in results] == ["futian/government-work-report/2022-01-21"]


def test_the_manifest_still_decides_the_id(tmp_path: Path, national: list[Path]) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "manifest.yaml").write_text('a.txt:\n  date: "2016-03-05"\n  region: 广东省\n', encoding="utf-8")
    [result] = ingest(root, national[:1])
    assert result.id == "guangdong/government-work-report/2016-03-05"
    assert Corpus(root).by_id[result.id].metadata.series == "guangdong-gwr"
