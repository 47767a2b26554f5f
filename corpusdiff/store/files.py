"""File writes that never leave a half-written file behind."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

#: Every temporary file of an atomic write ends so (`.<name>.<random>.corpusdiff.tmp`): a sweep
#: after a kill (`remove_temporaries`) removes these and never a file of the user's.
TEMP_SUFFIX = ".corpusdiff.tmp"


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode a new file gets under the user's umask (mkstemp's own 0600 would hide corpus
    documents from the user's group)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _replace_with(target: Path, fill: Callable[[BinaryIO], None], durable: bool) -> None:
    """Fill a temporary file beside `target`, then rename it over `target`: a kill never leaves
    a truncated file under the target's name. `durable` also survives a power cut (fsync)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def copy_atomic(source: Path, target: Path) -> None:
    """Copy `source` to a temporary file beside `target`, then rename it over `target`: a kill
    never leaves a truncated copy under the target's name."""

    def fill(handle: BinaryIO) -> None:
        with source.open("rb") as original:
            shutil.copyfileobj(original, handle)

    _replace_with(target, fill, durable=True)


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same directory, then rename it over the target; the
    file gets the mode the user's umask gives any new file."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """`write_atomic` for bytes; `durable=False` skips the fsync, for files that can be made
    again (a site page): the rename alone already survives a killed process."""

    def fill(handle: BinaryIO) -> None:
        handle.write(data)

    _replace_with(path, fill, durable)


def temporaries(directory: Path) -> Iterator[Path]:
    """The temporary files atomic writes left under `directory` (a killed process's)."""
    return (path for path in directory.rglob(f".*{TEMP_SUFFIX}") if path.is_file())


def remove_temporaries(directory: Path) -> None:
    for path in list(temporaries(directory)):
        path.unlink(missing_ok=True)


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes, read in blocks (sources may be large PDFs)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
