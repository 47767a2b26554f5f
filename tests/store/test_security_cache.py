"""Issue 17, finding 3: the disk cache holds data, never code, and a bad entry is a miss."""

from __future__ import annotations

import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from corpusdiff.store import cache
from corpusdiff.types.diff import Overrides
from corpusdiff.types.document import Metadata, Source
from corpusdiff.types.tree import DocTree, Section, Unit, UnitKind
from tests.conftest import ROOT, SEEDS, empty_cache_with_index, seed_excerpts

#: Two plan reports, of which a diff compares the heads (`seed_excerpts`): every kind of cache
#: entry (trees, segmentations, the diff) at a fraction of the whole reports' three cold diffs.
OLD = SEEDS / "futian-2022-01-plan-report.txt"
NEW = SEEDS / "futian-2025-01-plan-report.txt"


class _Planted:
    """Unpickling this runs a command: what a stranger would plant in a shared cache."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _entries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and "jieba-index" not in p.parts]


def _diff(cache_dir: Path) -> subprocess.CompletedProcess[str]:
    old, new = seed_excerpts(cache_dir.parent / "reports", [OLD, NEW], lines=60)
    env = {**os.environ, "CORPUSDIFF_CACHE_DIR": str(cache_dir)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "corpusdiff",
            "--corpus",
            str(ROOT / "corpus"),
            "diff",
            str(old),
            str(new),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_a_planted_pickle_runs_no_code_and_a_wrong_type_is_a_miss(tmp_path: Path) -> None:
    cache_dir = empty_cache_with_index(tmp_path / "cache")  # the index is no pickle: left alone
    first = _diff(cache_dir)
    assert first.returncode in (0, 1) and first.stdout, first.stderr
    entries = _entries(cache_dir)
    assert entries
    marker = tmp_path / "pwned"
    for entry in entries:  # a payload that runs code when unpickled
        entry.write_bytes(pickle.dumps(_Planted(marker)))
    again = _diff(cache_dir)
    assert not marker.exists(), "a cache entry ran code"
    assert again.returncode == first.returncode and again.stdout == first.stdout, again.stderr
    for entry in _entries(cache_dir):  # a well-formed entry of the wrong type
        entry.write_bytes(pickle.dumps({"not": "a tree"}))
    wrong = _diff(cache_dir)
    assert wrong.returncode == first.returncode and wrong.stdout == first.stdout, wrong.stderr
    # a bad entry is replaced: nothing left that the code would not have written
    for entry in _entries(cache_dir):
        assert not entry.read_bytes().startswith(b"\x80"), entry


def _tree() -> DocTree:
    meta = Metadata(title="t", id="x", source=Source(file="sources/x.txt", sha256="ab"))
    section = Section(index=0, kind="cn", label="一、", heading="h", path=(), parent=None, depth=1)
    unit = Unit(index=0, section=0, kind=UnitKind.TASK, heading="h", text="正文", paragraph=0)
    return DocTree(metadata=meta, sections=(section,), units=(unit,))


def test_values_round_trip_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    tree = _tree()
    cache.save("trees", ["k"], tree)
    back = cache.load("trees", ["k"])
    assert back == tree and repr(back) == repr(tree)
    segments = {"正文": ("正", "文"), "": ()}
    cache.save("segments", ["s"], segments)
    assert cache.load("segments", ["s"]) == segments
    cache.save("t", ["o"], [Overrides(pin=(("a", "b"),)), {1: 2.5, "x": None}, True])
    assert cache.load("t", ["o"]) == [Overrides(pin=(("a", "b"),)), {1: 2.5, "x": None}, True]


def test_an_entry_of_the_wrong_type_for_its_namespace_is_a_miss(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    cache.save("trees", ["k"], {"a": 1})
    assert cache.load("trees", ["k"]) is None
    cache.save("diffs", ["k"], _tree())
    assert cache.load("diffs", ["k"]) is None
    assert cache.memo("trees", ["k"], _tree) == _tree()
    assert cache.load("trees", ["k"]) == _tree()


def test_a_field_of_the_wrong_type_is_a_miss(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    cache.save("trees", ["k"], _tree())
    (entry,) = _entries(tmp_path)
    entry.write_bytes(entry.read_bytes().replace('"正文"'.encode(), b"12"))
    assert cache.load("trees", ["k"]) is None


def test_an_entry_moved_to_another_key_is_a_miss(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    cache.save("trees", ["a"], _tree())
    (a,) = _entries(tmp_path)
    cache.save("trees", ["b"], _tree())
    (b,) = [p for p in _entries(tmp_path) if p != a]
    b.write_bytes(a.read_bytes())
    assert cache.load("trees", ["b"]) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes")
def test_the_cache_directory_is_private(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "fresh" / "corpusdiff"
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(root))
    cache.save("trees", ["k"], 1)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    (entry,) = _entries(root)
    assert stat.S_IMODE(entry.stat().st_mode) & 0o077 == 0
    entry.chmod(0o666)  # writable by others: could have been changed by anyone
    assert cache.load("trees", ["k"]) is None


def test_memo_call_keys_on_content_not_pickles(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CORPUSDIFF_CACHE_DIR", str(tmp_path))
    source = Path(cache.__file__).read_text(encoding="utf-8")
    assert "import pickle" not in source
    calls: list[tuple[object, ...]] = []

    def first(*args: object) -> object:
        calls.append(args)
        return args[0]

    tree = _tree()
    rebuilt = cache.load("trees", ["x"]) or cache.memo("trees", ["x"], _tree)  # a copy, not `tree`
    assert cache.memo_call("t", first, tree) == tree
    assert cache.memo_call("t", first, rebuilt) == tree  # same content: same key
    assert len(calls) == 1
