"""`corpusdiff history SERIES`: a branch on which each edition of a series is one commit of
one file, in publication order, dated by publication — so `git log -p` and `git blame` on it
show in which edition each paragraph first appeared. Built with git plumbing (no checkout),
with fixed identities and dates, so rebuilding gives the same commits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff.errors import CorpusError
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import Corpus, as_corpus

if TYPE_CHECKING:
    from git import Repo

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
    parent = None
    commits = []
    for entry in docs:
        blob = repo.git.hash_object("-w", "--path", filename, str(entry.path))
        tree = _tree_of_one_file(repo, blob, filename)
        when = _timestamp(entry.metadata.date)
        env = {
            "GIT_AUTHOR_NAME": IDENTITY[0],
            "GIT_AUTHOR_EMAIL": IDENTITY[1],
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": IDENTITY[0],
            "GIT_COMMITTER_EMAIL": IDENTITY[1],
            "GIT_COMMITTER_DATE": when,
        }
        args = [
            "commit-tree",
            tree,
            "-m",
            f"{entry.metadata.date} {entry.metadata.title}\n\nDocument: {entry.id}",
        ]
        if parent:
            args[2:2] = ["-p", parent]
        parent = repo.git.execute(["git", *args], env=env)
        commits.append(parent)
    repo.git.update_ref(f"refs/heads/{branch}", parent)
    return HistoryResult(branch, filename, tuple(commits))


def _tree_of_one_file(repo: Repo, blob: str, filename: str) -> str:
    """A tree holding one file, written through a private index (the real index is untouched)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        repo.git.execute(
            ["git", "update-index", "--add", "--cacheinfo", f"100644,{blob},{filename}"], env=env
        )
        return repo.git.execute(["git", "write-tree"], env=env)
