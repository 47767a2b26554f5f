"""The files one ingest writes before committing them, put back as they were when it fails.

Each write is atomic already (`store.files`: temporary file, fsync, rename), so a file is
never half written; what a failure in the middle of a run (a full disk at the third document,
git refusing a commit) would still leave is a mix: some documents and source copies new,
uncommitted, beside the old ones. `Writes` keeps, for every file it replaces, a hard link to
the old one (which needs no space on a full disk), and on failure renames each back or removes
what it added, folders included. A kill cannot be caught: what it leaves is complete files
(and links named like temporaries) that the next ingest commits or removes, and `check` reports.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from corpusdiff.store.diskerrors import disk_error
from corpusdiff.store.files import TEMP_SUFFIX, copy_atomic, write_atomic

ROLLED_BACK = "what this run had not committed yet was rolled back"


class Writes:
    """Atomic writes under one corpus, each undoable until `commit` says git holds it."""

    def __init__(self) -> None:
        self._undo: list[tuple[Path, Path | None]] = []  # (target, hard link to the old file)
        self._new_folders: list[Path] = []

    def text(self, target: Path, text: str) -> None:
        self._write(target, lambda: write_atomic(target, text))

    def copy(self, source: Path, target: Path) -> None:
        self._write(target, lambda: copy_atomic(source, target))

    def remove(self, target: Path) -> None:
        """Remove `target` (a replaced source), undoably: its link is kept until git holds the
        removal."""
        self._write(target, lambda: target.unlink(missing_ok=True))

    def _write(self, target: Path, write: Callable[[], None]) -> None:
        self._keep(target)
        try:
            write()
        except OSError as exc:
            raise disk_error(exc, target, ROLLED_BACK) from None

    def _keep(self, target: Path) -> None:
        """Remember how to undo the coming write of `target`."""
        folder = target.parent
        while not folder.exists():
            self._new_folders.append(folder)
            folder = folder.parent
        backup = None
        if target.exists():
            backup = target.with_name(f".{target.name}.{os.getpid()}.rollback{TEMP_SUFFIX}")
            try:
                backup.unlink(missing_ok=True)
                try:
                    os.link(target, backup)
                except OSError:  # a file system without hard links: a copy then
                    shutil.copyfile(target, backup)
            except OSError as exc:
                raise disk_error(exc, target, ROLLED_BACK) from None
        self._undo.append((target, backup))

    def committed(self, paths: set[Path]) -> None:
        """These files are in a commit now: nothing of them is to be undone."""
        kept = []
        for target, backup in self._undo:
            if target in paths:
                if backup is not None:
                    backup.unlink(missing_ok=True)
            else:
                kept.append((target, backup))
        self._undo = kept

    def roll_back(self) -> None:
        """Put every uncommitted file back as it was, newest write first (best effort: what
        cannot be put back is left complete, for the next run and `check`)."""
        for target, backup in reversed(self._undo):
            with contextlib.suppress(OSError):
                if backup is None:
                    target.unlink(missing_ok=True)
                elif target.exists() and os.path.samefile(backup, target):
                    backup.unlink()  # never replaced (rename would do nothing between two links)
                else:
                    os.replace(backup, target)
        for folder in sorted(set(self._new_folders), key=lambda f: len(f.parts), reverse=True):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._undo, self._new_folders = [], []

    def finish(self) -> None:
        """The run succeeded: drop the links to the old files."""
        self.committed({target for target, _ in self._undo})
