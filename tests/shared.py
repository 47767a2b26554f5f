"""Where the shared checkout is (`../shared` beside the repository, or $CORPUSDIFF_SHARED): its
corpora/ holds the development reports that labels, the eval and several tests read. One place,
so that a checkout elsewhere (a git worktree, a CI directory) points every one of them at it."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CORPUSDIFF_SHARED", ROOT.parent / "shared"))
