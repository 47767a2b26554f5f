"""Comparisons kept on disk between runs, for every entry point that compares (diff, review, site,
the git diff driver, timeline): keyed by the content of both trees and by the reviewer
overrides, so a result is reused exactly when the same comparison would be made again."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from corpusdiff.store import cache
from corpusdiff.text.stopwords import DEFAULT_STOPWORDS
from corpusdiff.types.diff import DiffResult, Overrides
from corpusdiff.types.tree import DocTree


def cached_compare(
    old: DocTree, new: DocTree, overrides: Overrides | None = None, stopwords: tuple[str, ...] | None = None
) -> DiffResult:
    """`compare(old, new, overrides, stopwords)`, or its result from an earlier run (see
    store.cache); no `stopwords` means compare's default (the shipped list)."""
    overrides = overrides or Overrides()
    words = DEFAULT_STOPWORDS if stopwords is None else tuple(stopwords)

    def run() -> DiffResult:
        from corpusdiff.compare.core import compare  # only on a cache miss

        return compare(old, new, overrides, words)

    return cache.memo("diffs", _compare_key(old, new, overrides, words), run)


def kept_compare(
    old: DocTree, new: DocTree, overrides: Overrides | None = None, stopwords: tuple[str, ...] | None = None
) -> DiffResult | None:
    """`cached_compare`'s result when an earlier run kept it, else None (nothing compared)."""
    words = DEFAULT_STOPWORDS if stopwords is None else tuple(stopwords)
    return cache.load("diffs", _compare_key(old, new, overrides or Overrides(), words))


def _compare_key(old: DocTree, new: DocTree, overrides: Overrides, stopwords: tuple[str, ...]) -> list[str]:
    return ["compare", content_key(old, new, overrides, stopwords)]


def cached_compare_job(job: tuple[DocTree, DocTree, Overrides | None]) -> DiffResult:
    """`cached_compare(*job)`: one picklable call for batch runners (corpusdiff.parallel);
    the job may carry the stopwords as a fourth item."""
    return cached_compare(*job)


@dataclass(frozen=True)
class CachedCompare:
    """`cached_compare` of (old, new, overrides) jobs with one corpus's stopwords: a picklable
    job function for batch runners."""

    stopwords: tuple[str, ...] | None = None

    def __call__(self, job: tuple[DocTree, DocTree, Overrides | None]) -> DiffResult:
        old, new, overrides = job
        return cached_compare(old, new, overrides, self.stopwords)

    def prime(self, jobs: Sequence[tuple[DocTree, DocTree, Overrides | None]]) -> None:
        """Before a pool of forked workers takes `jobs` (`parallel.Primed`): the editions' shared
        work done once here, not once per worker (`compare.core.prepare_editions`)."""
        from corpusdiff.compare.core import prepare_editions  # only when pairs are compared

        trees = [tree for old, new, _ in jobs for tree in (old, new)]
        prepare_editions(trees, DEFAULT_STOPWORDS if self.stopwords is None else tuple(self.stopwords))

    def known(self, job: tuple[DocTree, DocTree, Overrides | None]) -> DiffResult | None:
        """The job's result when an earlier run kept it, else None: looked up by the caller
        before it starts a pool, whose workers start cold (imports, jieba's dictionary)."""
        old, new, overrides = job
        return kept_compare(old, new, overrides, self.stopwords)


def content_key(*values: object) -> str:
    """A digest of frozen dataclasses of strings, numbers and tuples, by content.

    Their repr is a function of their content alone; pickled bytes are not (pickle shares
    repeated objects, so a tree built afresh and the same tree read back from the tree cache
    pickle differently, and a comparison keyed on them would miss its own earlier result)."""
    return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()
