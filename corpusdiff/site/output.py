"""The site's output folder: every file written atomically and recorded with its hash, so a
build knows which files it owns, rebuilds one whose bytes are no longer what it wrote, removes
what no longer belongs to the corpus and never touches a file it did not write.

Three files beside the pages keep that knowledge: the build state (`STATE_FILE`, written last,
atomically), which records each owned file's sha256, size and mtime; and while a build runs,
a journal (`JOURNAL`) naming each new file before it is first written, so that the files of a
killed build are still known to be the site's. A build that finds a journal knows the last one
was killed: it sweeps that build's temporary files and owns what the journal names.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpusdiff.errors import CorpusError
from corpusdiff.site.common import BuildReport
from corpusdiff.store import files
from corpusdiff.store.diskerrors import disk_error

STATE_FILE = ".corpusdiff-build.json"
JOURNAL = ".corpusdiff-build.journal"
STATE_VERSION = 2
_OWN_FILES = {STATE_FILE, JOURNAL}


@dataclass(frozen=True)
class FileRecord:
    """What the build wrote to one file: its hash, and the size and mtime it had on disk then
    (a file with the same size and mtime is taken as unchanged without reading it)."""

    sha256: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path, digest: str) -> FileRecord:
        status = path.stat()
        return cls(digest, status.st_size, status.st_mtime_ns)


@dataclass
class SiteOutput:
    """The output folder of one build. Open it with `open_output`; `write` every file of the
    site, `keep` the files of tasks that were not rendered again, then `finish`."""

    root: Path
    report: BuildReport
    tasks: dict[str, dict[str, Any]]  # the previous build's task state (build.py)
    previous: dict[str, FileRecord | None]  # owned files; None: written by a killed build, hash unknown
    produced: dict[str, FileRecord] = field(default_factory=dict)
    _journal: int = -1

    def path(self, page: str) -> Path:
        """Where a page goes; a name that would leave the output folder is a bug or an attack."""
        if not _inside(self.root, page) or page in _OWN_FILES:
            raise CorpusError(f"{self.root / page}: not a file the site may write inside {self.root}")
        return self.root / page

    def intact(self, page: str) -> bool:
        """The file is on disk exactly as the last build that owned it wrote it."""
        record = self.previous.get(page)
        return record is not None and _matches(self.root / page, record)

    def keep(self, page: str) -> None:
        """A file of a task that was not rendered again (it is `intact`)."""
        record = self.previous.get(page)
        assert record is not None, page  # callers keep only intact files
        self.produced[page] = record
        self.report.unchanged.append(page)

    def write(self, page: str, data: str | bytes) -> None:
        """Write a file of the site unless it already holds these bytes (unchanged files keep
        their timestamps); a file new to the site is named in the journal first."""
        content = data.encode("utf-8") if isinstance(data, str) else data
        digest = hashlib.sha256(content).hexdigest()
        target = self.path(page)
        record = self.previous.get(page)
        if record is not None and record.sha256 == digest and _matches(target, record):
            self.produced[page] = record
            self.report.unchanged.append(page)
            return
        if record is None and _holds(target, content):  # a killed build's, or from before manifests
            self.produced[page] = FileRecord.of(target, digest)
            self.report.unchanged.append(page)
            return
        if page not in self.previous:
            self._note(page)
        _write(target, content)
        self.produced[page] = FileRecord.of(target, digest)
        self.report.written.append(page)

    def finish(self, tasks: dict[str, dict[str, Any]]) -> None:
        """Remove the files the site no longer has, then record what it has (the state file,
        atomically), then drop the journal: a kill anywhere in between loses nothing."""
        self._remove_withdrawn()
        state = {
            "version": STATE_VERSION,
            "tasks": tasks,
            "files": {page: vars(record) for page, record in sorted(self.produced.items())},
        }
        _write(self.root / STATE_FILE, json.dumps(state, ensure_ascii=False).encode("utf-8"))
        os.close(self._journal)
        self._journal = -1
        (self.root / JOURNAL).unlink(missing_ok=True)

    def _note(self, page: str) -> None:
        os.write(self._journal, (json.dumps(page, ensure_ascii=False) + "\n").encode("utf-8"))
        self.previous[page] = None

    def _remove_withdrawn(self) -> None:
        for page in sorted(set(self.previous) - set(self.produced)):
            target, record = self.root / page, self.previous[page]
            if not _inside(self.root, page) or target.is_symlink() or not target.is_file():
                continue
            if record is not None and not _matches(target, record):
                self.report.warnings.append(
                    f"{target}: no longer part of the site, but changed since corpusdiff wrote it; left in place"
                )
                continue
            target.unlink()
            self.report.removed.append(page)
            _remove_empty_parents(target.parent, self.root)


def _write(target: Path, content: bytes) -> None:
    """Atomically, without fsync (a page can be made again; the rename survives a kill); a full
    disk or a read-only folder is one line, and the file keeps its previous content."""
    try:
        files.write_bytes_atomic(target, content, durable=False)
    except OSError as exc:
        raise disk_error(
            exc,
            target,
            "the page keeps its previous content",
            where="the site folder",
            instead="choose another --out",
        ) from exc


def _inside(root: Path, page: str) -> bool:
    """A relative path without `..` whose directory, links followed, is inside `root` (so a
    page name, or a link someone put in the output, never leads a write or a removal out)."""
    relative = Path(page)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return False
    return (root / relative).parent.resolve().is_relative_to(root)


def _matches(path: Path, record: FileRecord) -> bool:
    """Whether the page at `path` is still what the build wrote (a page swapped since for a
    named pipe, a link or a folder is not, and is never waited on: `files.sha256_of`)."""
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size != record.size:
            return False
        return status.st_mtime_ns == record.mtime_ns or files.sha256_of(path) == record.sha256
    except OSError:
        return False


def _holds(path: Path, content: bytes) -> bool:
    """Whether the file at `path` (no link) holds `content`: read as a regular file, never more
    than `content` (a named pipe or a huge file in its place does not)."""
    try:
        return files.read_regular(path, len(content)) == content
    except OSError:
        return False


def _remove_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and directory.is_relative_to(root):
        try:
            directory.rmdir()
        except OSError:  # not empty (or not ours to remove)
            return
        directory = directory.parent


@contextlib.contextmanager
def open_output(out: Path, report: BuildReport) -> Iterator[SiteOutput]:
    """The output folder, locked against a second build, with what the last build left."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = os.open(out, os.O_RDONLY)
    except OSError as exc:
        raise CorpusError(
            f"{out}: cannot be made the site folder ({exc.strerror}); choose another --out"
        ) from exc
    root = out.resolve()
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CorpusError(
                f"{out}: another `site build` is writing this folder; wait for it to finish"
            ) from None
        tasks, previous = _load_state(root)
        for page in _interrupted_build(root):
            previous.setdefault(page, None)
        try:
            journal = os.open(root / JOURNAL, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        except OSError as exc:
            raise CorpusError(f"{out}: cannot be written ({exc.strerror}); choose another --out") from exc
        output = SiteOutput(root, report, tasks, previous, _journal=journal)
        try:
            yield output
        finally:
            if output._journal >= 0:
                os.close(output._journal)
    finally:
        os.close(lock)


def _load_state(root: Path) -> tuple[dict[str, dict[str, Any]], dict[str, FileRecord | None]]:
    """Task state and owned files; a damaged state is no state (everything is rendered again)."""
    try:
        state = json.loads((root / STATE_FILE).read_bytes())
    except (OSError, ValueError):
        return {}, {}
    if not isinstance(state, dict):
        return {}, {}
    if state.get("version") != STATE_VERSION:
        return {}, _owned_before_manifests(root, state)
    try:
        owned = {page: FileRecord(**record) for page, record in state["files"].items()}
        return dict(state["tasks"]), dict(owned)
    except (KeyError, TypeError, AttributeError):
        return {}, {}


#: Written by every build before owned files were recorded (state without a version).
_FIXED_PAGES = ("index.html", "programmes.html", "search.html", "search-index.js")
_OWN_FOLDERS = ("raw", "static")


def _owned_before_manifests(root: Path, state: dict[str, Any]) -> dict[str, FileRecord | None]:
    """What a build from before manifests wrote, hash unknown: its task pages, the fixed pages,
    and the raw/ and static/ folders, which only corpusdiff wrote to (so a raw copy of an HTML
    source an older version published as a page is removed by the first build that knows)."""
    pages = [p for entry in state.values() if isinstance(entry, dict) for p in entry.get("pages") or []]
    pages += _FIXED_PAGES
    for folder in _OWN_FOLDERS:
        pages += [p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file()]
    return dict.fromkeys((p for p in pages if isinstance(p, str)), None)


def _interrupted_build(root: Path) -> list[str]:
    """The files a killed build named in its journal (after removing its temporary files)."""
    journal = root / JOURNAL
    if not journal.exists():
        return []
    files.remove_temporaries(root)
    pages = []
    for line in journal.read_bytes().splitlines():
        with contextlib.suppress(ValueError):  # the line the kill cut: its file was never begun
            page = json.loads(line)
            if isinstance(page, str):
                pages.append(page)
    return pages
