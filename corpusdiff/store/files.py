"""File writes that never leave a half-written file behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode a new file gets under the user's umask (mkstemp's own 0600 would hide corpus
    documents from the user's group)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def copy_atomic(source: Path, target: Path) -> None:
    """Copy `source` to a temporary file beside `target`, then rename it over `target`: a kill
    never leaves a truncated copy under the target's name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as handle, source.open("rb") as original:
            shutil.copyfileobj(original, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to a temporary file in the same directory, then rename it over the
    target; the file gets the mode the user's umask gives any new file."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """`write_atomic` for bytes (a Word or Excel file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
