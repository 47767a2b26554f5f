"""Results kept on disk between runs: segmentations and document trees, keyed by content.

A cold `diff` of two known reports then needs neither jieba's dictionary (half a second to
load) nor the normaliser. Entries live under a stamp of corpusdiff's own code and of jieba's
dictionary, so a cache can never hand back what today's code would not produce; a new stamp
removes the entries of the old ones. The cache
is an optimisation only: when it cannot be read or written, everything works, just slower,
and deleting it is always safe.

Location: $CORPUSDIFF_CACHE_DIR, else $XDG_CACHE_HOME/corpusdiff, else ~/.cache/corpusdiff.
CORPUSDIFF_CACHE_DIR=off turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def install() -> None:
    """Hand this cache to the text layer (segmentations, jieba's dictionary index): the
    command line does it at its edge; a library caller that wants the disk cache does too."""
    from corpusdiff.text import stores

    stores.use(sys.modules[__name__], cache_dir)


def cache_dir() -> Path | None:
    """Where cached results live, or None when caching is off."""
    configured = os.environ.get("CORPUSDIFF_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "corpusdiff"


def load(namespace: str, key: object) -> Any | None:
    """The value stored under `key`, or None when absent or unreadable."""
    path = _path(namespace, key)
    if path is None:
        return None
    try:
        return pickle.loads(path.read_bytes())
    except Exception:
        return None


def save(namespace: str, key: object, value: object) -> None:
    """Store `value` under `key` (atomically; failures are ignored)."""
    path = _path(namespace, key)
    if path is None:
        return
    try:
        if not path.parent.parent.exists():
            _drop_other_generations(path.parent.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        return


def memo(namespace: str, key: object, compute: Callable[[], T]) -> T:
    """`compute()`, or its result from an earlier run with the same key."""
    value = load(namespace, key)
    if value is None:
        value = compute()
        save(namespace, key, value)
    return value


def memo_call(namespace: str, func: Callable[..., T], *args: object) -> T:
    """`func(*args)` for a pure `func`, keyed by its pickled arguments."""
    digest = hashlib.sha256(pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
    return memo(namespace, [func.__module__, func.__qualname__, digest], lambda: func(*args))


def _path(namespace: str, key: object) -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    digest = hashlib.sha256(json.dumps(key, ensure_ascii=False, default=str).encode()).hexdigest()
    return root / code_stamp()[:16] / namespace / f"{digest[:32]}.pickle"


def _drop_other_generations(generation: Path) -> None:
    """Entries made by other versions of the code can never be used again."""
    import shutil

    for other in generation.parent.glob("*"):
        if other.is_dir() and len(other.name) == 16 and other != generation:
            shutil.rmtree(other, ignore_errors=True)


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of corpusdiff's own modules and jieba's dictionary stamp, found without imports."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes())
    spec = find_spec("jieba")
    if spec is not None and spec.origin is not None:
        stat = (Path(spec.origin).parent / "dict.txt").stat()
        digest.update(f"jieba:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()
