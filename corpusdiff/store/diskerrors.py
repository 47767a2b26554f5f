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


def disk_error(exc: OSError, path: Path | str, outcome: str = "") -> CorpusError:
    """One line for an OSError met while writing `path`; `outcome` says what became of the
    run's other writes (e.g. that they were rolled back)."""
    reason = exc.strerror or os.strerror(exc.errno or 0)
    done = f"; {outcome}" if outcome else ""
    if exc.errno in _FULL:
        return CorpusError(
            f"{path}: no space left on the device{done}; free some space and run the command again"
        )
    if exc.errno in _READ_ONLY:
        return CorpusError(
            f"{path}: cannot write here, the corpus is read-only for you ({reason}){done}; "
            "work in a copy you may write to, or ask for write access"
        )
    return CorpusError(f"{path}: cannot write ({reason}){done}")
