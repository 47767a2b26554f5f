"""What the commands compare: a corpus id, `ID@REV`, a canonical Markdown file or a raw report.

One resolver (`_resolve`) turns a spec into its source; `load_side` gives `diff` a tree,
`load_document` the whole document, and `load_editions` the editions of the series views
(timeline, trace, terms, indicators), named alike and sorted by date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from corpusdiff.errors import CorpusError, InputError
from corpusdiff.read.decode import RawReport
from corpusdiff.store import cache, files
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import ALIGNMENTS, Corpus, as_corpus, document_id, overrides_name
from corpusdiff.types.diff import Overrides
from corpusdiff.types.document import Metadata, NormalizedDocument
from corpusdiff.types.edition import Edition
from corpusdiff.types.tree import DocTree

__all__ = [
    "ALIGNMENTS",
    "LoadedEdition",
    "Side",
    "canonical_tree",
    "edition_specs",
    "load_document",
    "load_editions",
    "load_overrides",
    "load_side",
    "overrides_path",
]


@dataclass(frozen=True)
class Side:
    label: str  # how the user named it
    doc_id: str  # corpus id, or "" for a file outside the corpus
    tree: DocTree


@dataclass(frozen=True)
class _Source:
    """What a spec names, read but not parsed: canonical text (a corpus document or ID@REV)
    or a report file given by path (raw or canonical), with its manifest fields."""

    spec: str
    corpus_id: str = ""  # the corpus id of a document or ID@REV; "" for a file
    revision: str = ""
    text: str = ""
    raw: RawReport | None = None
    fields: tuple[tuple[str, object], ...] = ()
    inside: str = ""  # for a file inside the corpus directory: its path-derived id

    def tree(self) -> DocTree:
        """The document tree, from the disk cache when it was built before."""
        if self.raw is None:
            return canonical_tree(self.text)
        raw, fields = self.raw, dict(self.fields)

        def build() -> DocTree:
            from corpusdiff.normalize.entry import normalize_raw, refuse_non_report  # only on a cache miss
            from corpusdiff.structure import build_tree

            document = normalize_raw(raw, fields, derive_series=False)
            refuse_non_report(raw.name, document, fields)
            return build_tree(document)

        return cache.memo("trees", ["raw", raw.name, raw.sha256, fields], build)

    def document(self) -> NormalizedDocument:
        """The whole document (a DocTree drops the blocks that indicator tables need)."""
        if self.raw is None:
            from corpusdiff.canonical.markdown import parse

            return parse(self.text)
        from corpusdiff.normalize.entry import normalize_raw, refuse_non_report

        document = normalize_raw(self.raw, dict(self.fields))
        refuse_non_report(self.raw.name, document, dict(self.fields))
        return document

    def doc_id(self, metadata: Metadata) -> str:
        """The corpus id ("" for a file outside the corpus whose front matter names none)."""
        return self.corpus_id if self.raw is None else metadata.id or self.inside

    def edition_id(self, metadata: Metadata) -> str:
        """How the series views name it: the corpus id, or what the user typed for ID@REV and
        for files outside the corpus."""
        return self.spec if self.revision else self.doc_id(metadata) or self.spec


def _resolve(spec: str, corpus: Corpus) -> _Source:
    """The source a spec names; files win over ids when both exist."""
    path = Path(spec)
    if path.is_file():
        from corpusdiff.read.decode import read_report

        raw = read_report(path)
        fields = tuple(corpus.manifest_overrides(raw.name).items())
        inside = ""
        if path.resolve().is_relative_to(corpus.root.resolve()):
            gitstore.refuse_unresolved_conflicts(corpus.root)
            inside = document_id(corpus.root.resolve(), path.resolve())
        return _Source(spec, raw=raw, fields=fields, inside=inside)
    if path.is_dir():
        raise InputError(f"{spec}: is a directory; give a report file or a corpus id")
    doc_id, _, revision = spec.partition("@")
    if revision:
        repo = gitstore.open_repo(corpus.root)
        text = gitstore.file_at_revision(repo, corpus.root / f"{doc_id}.md", revision)
        return _Source(spec, doc_id, revision, text)
    if not corpus.exists():
        raise CorpusError(f"{spec}: no such file, and no corpus at {corpus.root} to look it up as an id")
    entry = corpus.find(doc_id)
    return _Source(spec, entry.id, text=files.read_corpus_text(entry.path))


def load_side(spec: str, corpus: Corpus | Path) -> Side:
    """Resolve one side of a diff; files win over ids when both exist."""
    source = _resolve(spec, as_corpus(corpus))
    tree = source.tree()
    if source.revision:
        tree = _named(tree, source.corpus_id)
    return Side(spec, source.doc_id(tree.metadata), tree)


def load_document(spec: str, corpus: Corpus | Path) -> NormalizedDocument:
    """The whole document a spec names, resolved like `load_side`; its metadata id is the
    corpus id, ID@REV, or the spec itself."""
    source = _resolve(spec, as_corpus(corpus))
    document = source.document()
    return _with_id(document, source.edition_id(document.metadata))


@dataclass(frozen=True)
class LoadedEdition:
    """One edition of a series view: its name, its corpus id, its tree and whole document.

    The tree and the document are each loaded when first asked for (the tree from the disk
    cache when it was built before); both carry `edition.id` as their document id.
    """

    source: _Source

    @cached_property
    def tree(self) -> DocTree:
        tree = self.source.tree()
        return _named(tree, self.source.edition_id(tree.metadata))

    @cached_property
    def document(self) -> NormalizedDocument:
        document = self.source.document()
        return _with_id(document, self.source.edition_id(document.metadata))

    @property
    def edition(self) -> Edition:
        meta = self.tree.metadata
        return Edition(meta.id, meta.date, meta.title)

    @property
    def doc_id(self) -> str:
        """The corpus id ("" outside the corpus): what reviewer overrides are keyed by."""
        return self.source.doc_id(self.tree.metadata)

    @property
    def label(self) -> str:
        """The spec as the user gave it."""
        return self.source.spec


def load_editions(
    corpus: Corpus | Path,
    specs: Iterable[str],
    series: str | None = None,
    *,
    documents: bool = False,
    by_date: bool = True,
) -> list[LoadedEdition]:
    """The editions that `specs` and every corpus document of `series` name, oldest first
    (undated last, ties in the order given), or in the order given when not `by_date`.
    Sorting loads each edition's tree, or its whole document when `documents` is set (what
    indicator tables need)."""
    corpus = as_corpus(corpus)
    loaded = [LoadedEdition(_resolve(spec, corpus)) for spec in edition_specs(corpus, specs, series)]
    if not by_date:
        return loaded

    def date_order(edition: LoadedEdition) -> tuple[bool, str]:
        meta = edition.document.metadata if documents else edition.tree.metadata
        return (not meta.date, meta.date)

    return sorted(loaded, key=date_order)


def edition_specs(corpus: Corpus, specs: Iterable[str], series: str | None = None) -> list[str]:
    """`specs`, then the ids of every corpus document of `series` (an error when it has none)."""
    wanted = list(specs)
    if series:
        found = corpus.series(series)
        if not found:
            raise CorpusError(f"no documents of series {series!r} in {corpus.root}; see `corpusdiff list`")
        wanted += sorted(entry.id for entry in found)
    return wanted


def canonical_tree(text: str) -> DocTree:
    """The tree of a canonical Markdown text, from the disk cache when it was built before."""
    from corpusdiff.canonical.markdown import parse
    from corpusdiff.structure import build_tree

    key = ["canonical", hashlib.sha256(text.encode("utf-8")).hexdigest()]
    return cache.memo("trees", key, lambda: build_tree(parse(text)))


def overrides_path(corpus: Path, old_id: str, new_id: str) -> Path:
    """`corpus/alignments/<old>__<new>.yaml`, ids with `/` written as `.`."""
    return corpus / overrides_name(old_id, new_id)


def load_overrides(corpus: Corpus | Path, old_id: str, new_id: str) -> Overrides:
    """Reviewer pins and forbids for this pair of corpus documents, if a file exists."""
    return as_corpus(corpus).overrides(old_id, new_id)


def _named(tree: DocTree, doc_id: str) -> DocTree:
    return replace(tree, metadata=replace(tree.metadata, id=doc_id))


def _with_id(document: NormalizedDocument, doc_id: str) -> NormalizedDocument:
    return replace(document, metadata=replace(document.metadata, id=doc_id))
