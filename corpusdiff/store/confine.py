"""Paths a corpus names stay inside it (docs/security.md).

A corpus from elsewhere can commit symlinks: a folder `futian -> /home/me` would make ingest
write outside the corpus, a document `x.md -> ~/secret.md` would make the index read a file the
corpus does not hold. So corpusdiff never writes through a symlink at all (git cannot commit a
path beyond one either), never reads through one that leaves the corpus, and `check` lists
every symlink that leaves it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from corpusdiff.errors import CorpusError


def inside(root: Path, path: Path) -> bool:
    """True when `path`, every symlink followed, lies in `root` (or is `root`)."""
    return path.resolve().is_relative_to(root.resolve())


def escaping_links(root: Path) -> Iterator[tuple[Path, str]]:
    """Every symlink under `root` (outside .git) whose target lies outside it, with the target
    as written in the link; symlinked folders are not entered."""
    for directory, folders, files in os.walk(root):
        if Path(directory) == root:
            folders[:] = [name for name in folders if name != ".git"]
        for name in sorted((*folders, *files)):
            path = Path(directory, name)
            if path.is_symlink() and not inside(root, path):
                yield path, os.readlink(path)


def _first_link(root: Path, path: Path) -> Path | None:
    """The first symlink on the way from `root` down to `path` (or `path` itself)."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def writable(root: Path, path: Path) -> Path:
    """`path` (under `root`), once sure that writing it goes through no symlink: else a
    one-line CorpusError naming the link and what to do."""
    link = _first_link(root, path)
    if link is None:
        return path
    where = "leaves the corpus" if not inside(root, link) else "is a symlink"
    raise CorpusError(
        f"{link} is a symlink to {os.readlink(link)} ({where}); corpusdiff does not write {path.name} "
        "through a symlink: replace the link with the folder or file itself"
    )


def readable(root: Path, path: Path) -> Path:
    """`path` (under `root`), once sure it does not lead out of the corpus: else a one-line
    CorpusError."""
    if inside(root, path):
        return path
    link = _first_link(root, path) or path
    raise CorpusError(
        f"{link} is a symlink to {os.readlink(link)}, outside the corpus; corpusdiff does not read "
        "through it: replace the link with the file itself"
    )
