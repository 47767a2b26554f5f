"""What the operating system refuses while writing, as the one line a user can act on.

A full disk or a read-only corpus is not a bug in corpusdiff: it must read as what it is and
what to do, never as "internal error: OSError".
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from corpusdiff.errors import CorpusError

_FULL = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_NOT_A_FOLDER = {errno.EEXIST, errno.ENOTDIR}


def disk_error(
    exc: OSError,
    path: Path | str,
    outcome: str = "",
    *,
    where: str = "the corpus",
    instead: str = "work in a copy you may write to",
) -> CorpusError:
    """One line for an OSError met while writing `path`, with the system's reason; `outcome`
    says what became of the run's other writes (e.g. that they were rolled back), `where` names
    the folder being written and `instead` where else to write (the site: another --out)."""
    reason = exc.strerror or os.strerror(exc.errno or 0)
    done = f"; {outcome}" if outcome else ""
    if exc.errno in _FULL:
        return CorpusError(
            f"{path}: no space left on the device ({reason}){done}; free some space and run the command again"
        )
    if exc.errno in _READ_ONLY:
        return CorpusError(
            f"{path}: cannot write here, {where} is read-only for you ({reason}){done}; "
            f"{instead}, or ask for write access"
        )
    blocking = _file_in_the_way(Path(path)) if exc.errno in _NOT_A_FOLDER else None
    if blocking is not None:
        return CorpusError(f"{path}: cannot write, {blocking} is a file, not a folder{done}; {instead}")
    return CorpusError(f"{path}: cannot write ({reason}){done}")


def _file_in_the_way(path: Path) -> Path | None:
    """The first folder of `path` that is something else (a file): where `mkdir` met `File
    exists` and `open` met `Not a directory`, which name no file and read as nonsense."""
    return next((parent for parent in reversed(path.parents) if parent.exists() and not parent.is_dir()), None)
