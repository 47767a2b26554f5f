"""`corpusdiff history SERIES`: a branch on which each edition of a series is one commit of
one file, in publication order, dated by publication — so `git log -p` and `git blame` on it
show in which edition each paragraph first appeared. Built with git plumbing (no checkout),
with fixed identities and dates, so rebuilding gives the same commits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpusdiff.errors import CorpusError
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import Corpus, as_corpus

IDENTITY = ("corpusdiff history", "history@corpusdiff.invalid")


@dataclass(frozen=True)
class HistoryResult:
    branch: str
    path: str
    commits: tuple[str, ...]


def _timestamp(date: str) -> str:
    """`2022-01` -> `2022-01-01T12:00:00+0000` (noon UTC, so no timezone moves the day)."""
    parts = ([*date.split("-"), "01", "01"])[:3]
    year, month, day = (p.zfill(2) for p in parts)
    return f"{year}-{month}-{day}T12:00:00+0000"


def build_history(root: Corpus | Path, series: str, branch: str | None = None) -> HistoryResult:
    corpus = as_corpus(root)
    docs = corpus.series(series)
    if not docs:
        known = sorted({e.metadata.series for e in corpus.entries})
        raise CorpusError(f"no documents in series {series!r}; known series: {', '.join(known) or 'none'}")
    repo = gitstore.open_repo(corpus.root)
    branch = branch or f"history/{series}"
    filename = f"{series}.md"
    editions = [
        (
            entry.path,
            _timestamp(entry.metadata.date),
            f"{entry.metadata.date} {entry.metadata.title}\n\nDocument: {entry.id}",
        )
        for entry in docs
    ]
    commits = gitstore.write_branch_of_one_file(repo, branch, filename, editions, IDENTITY)
    return HistoryResult(branch, filename, tuple(commits))
