"""The disk cache (corpusdiff.cache) and sentence-wise segmentation change speed, never results."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from corpusdiff.text.segment import Segmenter
from tests.conftest import ROOT, SEEDS, empty_cache_with_index, seed_excerpts

#: Two plan reports, of which the probe diffs the heads (`seed_excerpts`): every kind of cache
#: entry at a fraction of the cost of the whole reports' cold diffs.
OLD = SEEDS / "futian-2022-01-plan-report.txt"
NEW = SEEDS / "futian-2025-01-plan-report.txt"
PROBE = """
import json, sys
from corpusdiff.cli.main import main
try:
    main(["--corpus", sys.argv[1], "diff", sys.argv[2], sys.argv[3], "--format", "json"])
except SystemExit:
    pass
heavy = ("jieba", "numpy", "scipy", "markdown_it", "corpusdiff.structure", "corpusdiff.text.numbering",
         "corpusdiff.cli.series", "corpusdiff.cli.site")
print(",".join(name for name in heavy if name in sys.modules) or "none", file=sys.stderr)
"""


def _diff(cache: str, reports: Path) -> tuple[dict, str]:
    """The JSON diff of the two reports' heads, and which of the modules that a diff of cached
    editions has no need of the process imported (comma-separated, or `none`): the differ
    (jieba, numpy, scipy), the tree builder (markdown-it, the heading numbering) and the other
    commands' modules, some 0.6 s of imports that a cold process of a cached pair would otherwise
    pay."""
    old, new = seed_excerpts(reports, [OLD, NEW], lines=60)
    env = {**os.environ, "CORPUSDIFF_CACHE_DIR": cache}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "corpus"), str(old), str(new)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout), done.stderr.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def cold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, str]:
    """One cold diff into a cache holding only jieba's index: the cache it filled, its diff and
    the heavy modules it loaded (`_diff`). Both tests below start from a copy of that cache (a cold run is
    1.7 s of CPU)."""
    base = tmp_path_factory.mktemp("cold")
    cache = empty_cache_with_index(base / "cache")
    diff, jieba = _diff(str(cache), base / "reports")
    return cache, diff, jieba


def _copy_of(cache: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(cache, tmp_path / "cache"))


@pytest.mark.slow
def test_a_warm_cache_imports_neither_differ_nor_tree_builder_and_gives_the_same_diff(tmp_path: Path, cold: tuple[Path, dict, str]) -> None:
    filled, cold_diff, cold_loaded = cold
    warm, warm_loaded = _diff(str(_copy_of(filled, tmp_path)), tmp_path / "reports")
    assert "jieba" in cold_loaded.split(",")
    assert warm_loaded == "none"
    assert warm == cold_diff
    uncached, _ = _diff("off", tmp_path / "reports")
    assert uncached == cold_diff


@pytest.mark.slow
def test_damaged_cache_entries_are_misses(tmp_path: Path, cold: tuple[Path, dict, str]) -> None:
    filled, expected, _ = cold
    cache = _copy_of(filled, tmp_path)
    entries = [p for p in cache.rglob("*.json")]
    assert entries
    for entry in entries:
        entry.write_bytes(b"not an entry")
    again, loaded = _diff(str(cache), tmp_path / "reports")
    assert again == expected and "jieba" in loaded.split(",")


def test_off_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    from corpusdiff.store import cache

    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", "off")
    cache.save("t", ["k"], {"v": 1})
    assert cache.load("t", ["k"]) is None
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    cache.save("t", ["k"], {"v": 1})
    assert cache.load("t", ["k"]) == {"v": 1}


def test_a_new_code_stamp_keeps_only_the_most_recently_written_generations(
    tmp_path: Path, monkeypatch
) -> None:
    """Versions used side by side keep each other's entries; the least recently written go."""
    from corpusdiff.store import cache

    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    stamps = [digit * 64 for digit in "abcd"]
    for age, stamp in enumerate(stamps):
        monkeypatch.setattr(cache, "code_stamp", lambda stamp=stamp: stamp)
        assert cache.load("t", ["k"]) is None
        cache.save("t", ["k"], age)
        os.utime(tmp_path / stamp[:16], (1000 + age, 1000 + age))
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [s[:16] for s in stamps[-cache.KEEP_GENERATIONS :]]
    monkeypatch.setattr(cache, "code_stamp", lambda: stamps[-2])
    assert cache.load("t", ["k"]) == 2


def test_the_code_stamp_covers_the_data_files_shipped_with_the_code() -> None:
    """A vocabulary edited without a change to any module still makes a new generation."""
    from corpusdiff.store import cache

    package = Path(cache.__file__).resolve().parent.parent
    stamped = {p.relative_to(package).as_posix() for p in cache.stamped_files(package)}
    assert {"series/data/indicator-synonyms.yaml", "text/data/stopwords.txt", "compare/units.py"} <= stamped


@pytest.fixture(scope="module")
def whole() -> Any:
    """jieba's own tokenizer with the domain word (its dictionary's total kept, as the segmenter
    keeps it), the whole dictionary loaded once for the five seeds (it only reads it: `lcut`)."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    total = tokenizer.total
    tokenizer.add_word("河套深港科技创新合作区", freq=200000)
    tokenizer.total = total
    return tokenizer


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_sentence_wise_segmentation_equals_whole_text_segmentation(seed: Path, whole: Any) -> None:
    segmenter = Segmenter(["河套深港科技创新合作区"])
    for paragraph in seed.read_text(encoding="utf-8").split("\n\n")[:80]:
        assert segmenter.tokens(paragraph) == tuple(whole.lcut(paragraph, HMM=False))


def test_memo_call_keys_on_the_arguments(tmp_path: Path, monkeypatch) -> None:
    from corpusdiff.store import cache

    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    calls: list[tuple[int, int]] = []

    def add(a: int, b: int) -> int:
        calls.append((a, b))
        return a + b

    assert [
        cache.memo_call("t", add, 1, 2),
        cache.memo_call("t", add, 1, 2),
        cache.memo_call("t", add, 2, 1),
    ] == [3, 3, 3]
    assert calls == [(1, 2), (2, 1)]


def test_an_entry_names_each_class_once_not_each_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing a diff of two national reports (some 12,000 values of a dozen classes) named
    each value's class twice, to check it and to write it: a third of the encoding's time, paid
    for every diff a cold timeline keeps. A class is looked up when first met; the entry reads
    back the same."""
    from corpusdiff.store import cache
    from corpusdiff.structure import tree_from_markdown
    from tests.series.test_timeline import TINY

    tree = tree_from_markdown(TINY[2])
    first = cache._Encoder().encode(tree)  # meets every class the tree holds
    named: list[type] = []
    name = cache._name
    monkeypatch.setattr(cache, "_name", lambda kind: named.append(kind) or name(kind))
    again = cache._Encoder().encode(tree)
    assert len(tree.units) > 2 and not named and again == first
    assert json.loads(json.dumps(again), object_hook=cache._Decoder().hook) == tree
