"""The project's own corpus/ must be exactly what ingesting the seeds produces today."""

from __future__ import annotations

from corpusdiff.canonical.markdown import render
from corpusdiff.store.corpus import entries
from tests.conftest import ROOT, SEEDS


def test_corpus_holds_every_seed_and_is_up_to_date(seed_documents) -> None:
    from dataclasses import replace

    documents = {Path_(e.metadata.source.file).stem: e for e in entries(ROOT / "corpus")}
    assert sorted(documents) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for stem, entry in documents.items():
        fresh = seed_documents[stem]
        fresh = replace(fresh, metadata=replace(fresh.metadata, id=entry.id, source=entry.metadata.source))
        assert entry.path.read_text(encoding="utf-8") == render(fresh), (
            f"{entry.id} is stale: run `make demo` (or corpusdiff ingest seeds/*.txt) and commit"
        )


def Path_(text: str):
    from pathlib import Path

    return Path(text)


def test_sources_match_their_recorded_sha256() -> None:
    import hashlib

    for entry in entries(ROOT / "corpus"):
        source = entry.metadata.source
        assert source is not None
        assert hashlib.sha256((ROOT / source.file).read_bytes()).hexdigest() == source.sha256
