"""What `diff` compares: a corpus id, `ID@REV`, a canonical Markdown file or a raw report."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from corpusdiff.errors import CorpusError, InputError
from corpusdiff.store import cache
from corpusdiff.store import git as gitstore
from corpusdiff.structure import build_tree
from corpusdiff.types.diff import Overrides
from corpusdiff.types.document import NormalizedDocument
from corpusdiff.types.tree import DocTree

ALIGNMENTS = "alignments"


@dataclass(frozen=True)
class Side:
    label: str  # how the user named it
    doc_id: str  # corpus id, or "" for a file outside the corpus
    tree: DocTree


def load_side(spec: str, corpus: Path) -> Side:
    """Resolve one side of a diff; files win over ids when both exist."""
    from corpusdiff.canonical.markdown import parse
    from corpusdiff.normalize.entry import normalize_raw
    from corpusdiff.read.decode import read_report
    from corpusdiff.store.corpus import document_id, find_entry, manifest_overrides

    path = Path(spec)
    if path.is_file():
        raw = read_report(path)
        overrides = manifest_overrides(corpus, raw.name)
        tree = cache.memo(
            "trees",
            ["raw", raw.name, raw.sha256, overrides],
            lambda: build_tree(normalize_raw(raw, overrides, derive_series=False)),
        )
        doc_id = tree.metadata.id
        if not doc_id and path.resolve().is_relative_to(corpus.resolve()):
            doc_id = document_id(corpus.resolve(), path.resolve())
        return Side(spec, doc_id, tree)
    if path.is_dir():
        raise InputError(f"{spec}: is a directory; give a report file or a corpus id")
    doc_id, _, revision = spec.partition("@")
    if revision:
        repo = gitstore.open_repo(corpus)
        text = gitstore.file_at_revision(repo, corpus / f"{doc_id}.md", revision)
        document = parse(text)
        return Side(
            spec, doc_id, build_tree(replace(document, metadata=replace(document.metadata, id=doc_id)))
        )
    if not corpus.is_dir():
        raise CorpusError(f"{spec}: no such file, and no corpus at {corpus} to look it up as an id")
    entry = find_entry(corpus, doc_id)
    return Side(spec, entry.id, canonical_tree(entry.path.read_text(encoding="utf-8")))


def canonical_tree(text: str) -> DocTree:
    """The tree of a canonical Markdown text, from the disk cache when it was built before."""
    from corpusdiff.canonical.markdown import parse

    key = ["canonical", hashlib.sha256(text.encode("utf-8")).hexdigest()]
    return cache.memo("trees", key, lambda: build_tree(parse(text)))


def overrides_path(corpus: Path, old_id: str, new_id: str) -> Path:
    """`corpus/alignments/<old>__<new>.yaml`, ids with `/` written as `.`."""
    return corpus / ALIGNMENTS / f"{old_id.replace('/', '.')}__{new_id.replace('/', '.')}.yaml"


def load_overrides(corpus: Path, old_id: str, new_id: str) -> Overrides:
    """Reviewer pins and forbids for this pair of corpus documents, if a file exists."""
    if not old_id or not new_id:
        return Overrides()
    path = overrides_path(corpus, old_id, new_id)
    if not path.is_file():
        return Overrides()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML ({exc.__class__.__name__}); fix or remove it") from exc

    def pairs(key: str) -> tuple[tuple[str, str], ...]:
        items = data.get(key) or []
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and "old" in i and "new" in i for i in items
        ):
            raise CorpusError(f"{path}: `{key}` must be a list of {{old: heading, new: heading}}")
        return tuple((str(i["old"]), str(i["new"])) for i in items)

    try:
        relative = str(path.relative_to(corpus))
    except ValueError:
        relative = str(path)
    return Overrides(pin=pairs("pin"), forbid=pairs("forbid"), source=relative)


def load_document(spec: str, corpus: Path) -> NormalizedDocument:
    """The whole document a spec names (a DocTree drops the blocks that indicator tables need),
    resolved like `load_side`; its metadata id is the corpus id, ID@REV, or the spec itself."""
    from corpusdiff.canonical.markdown import parse
    from corpusdiff.normalize.entry import normalize_raw
    from corpusdiff.read.decode import read_report
    from corpusdiff.store.corpus import document_id, find_entry, manifest_overrides

    path = Path(spec)
    if path.is_file():
        raw = read_report(path)
        document = normalize_raw(raw, manifest_overrides(corpus, raw.name))
        doc_id = document.metadata.id
        if not doc_id and path.resolve().is_relative_to(corpus.resolve()):
            doc_id = document_id(corpus.resolve(), path.resolve())
        return _with_id(document, doc_id or spec)
    if path.is_dir():
        raise InputError(f"{spec}: is a directory; give a report file or a corpus id")
    doc_id, _, revision = spec.partition("@")
    if revision:
        text = gitstore.file_at_revision(gitstore.open_repo(corpus), corpus / f"{doc_id}.md", revision)
        return _with_id(parse(text), spec)
    if not corpus.is_dir():
        raise CorpusError(f"{spec}: no such file, and no corpus at {corpus} to look it up as an id")
    entry = find_entry(corpus, doc_id)
    return _with_id(parse(entry.path.read_text(encoding="utf-8")), entry.id)


def _with_id(document: NormalizedDocument, doc_id: str) -> NormalizedDocument:
    return replace(document, metadata=replace(document.metadata, id=doc_id))
