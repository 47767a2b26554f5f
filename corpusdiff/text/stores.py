"""Where the text layer keeps what outlives a process, handed in from the edge.

The text layer never reaches up into `corpusdiff.store`: the edge (the CLI, the tests, a
library caller who wants the disk cache) calls `store.cache.install()`, which fills these two
slots. Empty slots mean pure, in-memory work with the same answers. This module imports
nothing heavy, so filling the slots costs a cached command nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol


class SegmentStore(Protocol):
    """A store of segmentations, keyed by namespace and key (the store layer's disk cache)."""

    def load(self, namespace: str, key: object) -> Any | None: ...

    def save(self, namespace: str, key: object, value: object) -> None: ...


#: Where segmentations are kept between runs (None: in memory only).
segment_store: SegmentStore | None = None
#: Where the index of jieba's dictionary lives (None from it, or no slot: the full dictionary).
index_root: Callable[[], Path | None] | None = None


def use(store: SegmentStore | None, root: Callable[[], Path | None] | None) -> None:
    """Fill both slots (None empties one)."""
    global segment_store, index_root
    segment_store, index_root = store, root
