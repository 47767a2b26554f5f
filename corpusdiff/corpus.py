"""The corpus on disk: layout, manifest, reading documents, and ingesting reports into git.

Layout: `<corpus>/<region>/<genre>/<date>.md` (ASCII path, the document id is the path without
`.md`), `<corpus>/manifest.yaml` (metadata overrides per source file), `<corpus>/sources/`
(copies of raw reports that live outside the repository).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from corpusdiff import DIALECT_VERSION, __version__, gitstore
from corpusdiff.decode import RawReport, read_report
from corpusdiff.errors import CorpusError
from corpusdiff.markdown import is_canonical_text, parse, read_metadata, render
from corpusdiff.model import Heading, Metadata, NormalizedDocument, Source
from corpusdiff.slugs import slugify, slugify_region

MANIFEST = "manifest.yaml"
_NOT_DOCUMENTS = {"alignments", "sources"}
_OVERRIDABLE = {"title", "date", "genre", "region", "series", "period", "speaker", "meeting"}


@dataclass(frozen=True)
class Entry:
    """A document in the corpus, as listed."""

    id: str
    path: Path
    metadata: Metadata


@dataclass(frozen=True)
class IngestResult:
    """What happened to one report: `added`, `updated`, `unchanged` or `kept` (hand edit)."""

    id: str
    path: Path
    action: str
    commit: str = ""
    warnings: tuple[str, ...] = ()


def load_manifest(root: Path) -> dict[str, dict[str, object]]:
    """Per-source overrides keyed by the source file name (see docs/corpus.md)."""
    path = root / MANIFEST
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML ({exc.__class__.__name__}); fix the manifest") from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorpusError(f"{path}: must map source file names to field: value mappings")
    return {str(k): {str(f): str(v) for f, v in fields.items()} for k, fields in data.items()}


def manifest_overrides(root: Path, source_name: str) -> dict[str, object]:
    """The metadata fields the manifest sets for one source file (empty without a corpus)."""
    if not (root / MANIFEST).is_file():
        return {}
    return _overridable(load_manifest(root).get(source_name, {}))


def _overridable(entry: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in entry.items() if k in _OVERRIDABLE}


def entries(root: Path) -> list[Entry]:
    """Every canonical document under the corpus root, sorted by id."""
    found = []
    for path in sorted(root.rglob("*.md")):
        relative = path.relative_to(root)
        if relative.parts[0] in _NOT_DOCUMENTS or relative.parts[0].startswith("."):
            continue
        text = path.read_text(encoding="utf-8")
        if not is_canonical_text(text):
            continue
        found.append(Entry(document_id(root, path), path, read_metadata(text)))
    return found


def document_id(root: Path, path: Path) -> str:
    return path.relative_to(root).with_suffix("").as_posix()


def find_entry(root: Path, doc_id: str) -> Entry:
    """The document with this id, or an error naming close alternatives."""
    all_entries = entries(root)
    for entry in all_entries:
        if entry.id == doc_id:
            return entry
    known = ", ".join(e.id for e in all_entries[:8]) or "none; ingest some reports first"
    raise CorpusError(f"no document {doc_id!r} in {root}; known ids: {known}")


def proposed_id(metadata: Metadata) -> str:
    """`<region>/<genre>/<date>`: ASCII only, so titles can never steer the path."""
    region = slugify_region(metadata.region) or "unknown-region"
    genre = slugify(metadata.genre) if metadata.genre else "report"
    date = slugify(metadata.date or metadata.period or "undated")
    return f"{region}/{genre}/{date}"


def _unique_id(root: Path, wanted: str, sha256: str) -> str:
    """Reuse the id of the document made from the same source; otherwise avoid collisions."""
    candidate, number = wanted, 1
    while (root / f"{candidate}.md").exists():
        existing = read_metadata((root / f"{candidate}.md").read_text(encoding="utf-8"))
        if existing.source and existing.source.sha256 == sha256:
            return candidate
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _existing_for_source(root: Path, sha256: str, name: str) -> Entry | None:
    for entry in entries(root):
        source = entry.metadata.source
        if source and (source.sha256 == sha256 or Path(source.file).name == name):
            return entry
    return None


def _source_reference(repo_root: Path, corpus_root: Path, path: Path, raw: RawReport) -> str:
    """Path of the raw bytes relative to the repository; copied into the corpus if outside."""
    resolved = path.resolve()
    if resolved.is_relative_to(repo_root):
        return resolved.relative_to(repo_root).as_posix()
    target = corpus_root / "sources" / raw.name
    if target.exists() and target.read_bytes() != resolved.read_bytes():
        target = corpus_root / "sources" / f"{raw.sha256[:12]}-{raw.name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resolved, target)
    return target.resolve().relative_to(repo_root).as_posix()


def ingest(
    root: Path,
    files: Sequence[Path],
    overrides: Mapping[str, str] | None = None,
    force: bool = False,
    progress: Callable[[list[tuple[Path, RawReport]]], Iterable[tuple[Path, RawReport]]] = iter,
) -> list[IngestResult]:
    """Normalise reports into the corpus, one commit per changed document."""
    overrides = dict(overrides or {})
    if overrides and len(files) != 1:
        raise CorpusError("--title/--date/--genre/--region/--series apply to a single file; give one")
    reports = [(path, read_report(path)) for path in files]
    root.mkdir(parents=True, exist_ok=True)
    repo = gitstore.open_repo(root, create=True)
    repo_root = gitstore.work_tree(repo)
    root = root.resolve()
    with gitstore.locked(repo):
        _remove_stale_temporaries(root)
        manifest = load_manifest(root)
        return [
            _ingest_one(repo, repo_root, root, path, raw, manifest, overrides, force)
            for path, raw in progress(reports)
        ]


def _ingest_one(
    repo,
    repo_root: Path,
    root: Path,
    path: Path,
    raw: RawReport,
    manifest: Mapping[str, Mapping[str, object]],
    overrides: Mapping[str, str],
    force: bool,
) -> IngestResult:
    fields = _overridable(manifest.get(raw.name, {}))
    fields.update(overrides)
    if is_canonical_text(raw.text):
        raise CorpusError(f"{raw.name}: is already canonical Markdown; ingest raw reports")
    from corpusdiff.api import normalize_raw

    document = normalize_raw(raw, fields)
    existing = _existing_for_source(root, raw.sha256, raw.name)
    doc_id = existing.id if existing else _unique_id(root, proposed_id(document.metadata), raw.sha256)
    target = root / f"{doc_id}.md"
    source = Source(
        file=_source_reference(repo_root, root, path, raw),
        sha256=raw.sha256,
        original_name=str(manifest.get(raw.name, {}).get("original_name", "")),
        encoding=raw.encoding,
    )
    document = replace(document, metadata=replace(document.metadata, id=doc_id, source=source))
    text = render(document)
    warnings = document.warnings
    current = target.read_text(encoding="utf-8") if target.exists() else None
    dirty = current is not None and gitstore.has_uncommitted_changes(repo, target)
    if dirty and not force and current != text:
        raise CorpusError(
            f"{target}: has uncommitted changes; commit or discard them, or pass --force to overwrite"
        )
    if dirty:
        note = "found this document written but not committed (an interrupted ingest); committed it now"
        warnings = (*warnings, note)
    elif current == text:
        return IngestResult(doc_id, target, "unchanged", warnings=warnings)
    final = text
    if current is not None and not force and not dirty:
        final, note = _carry_hand_corrections(repo, target, text)
        if note:
            warnings = (*warnings, note)
        if current == final:
            return IngestResult(doc_id, target, "kept", warnings=warnings)
    action = "updated" if target.exists() else "added"
    from corpusdiff.storage import write_atomic

    write_atomic(target, text)
    to_commit = [target]
    source_path = repo_root / source.file
    if source_path.resolve().is_relative_to(root / "sources"):
        to_commit.append(source_path)
    previous = existing.metadata.source if existing else None
    if action == "added":
        verb = "ingest"
    elif previous and previous.sha256 == raw.sha256:
        verb = "renormalize"
    else:
        verb = "update source"
    message = (
        f"{verb}: {doc_id}\n\n{document.metadata.title}\n\n"
        + gitstore.Trailers(raw.sha256, DIALECT_VERSION, __version__, source.file).render()
    )
    sha = gitstore.commit_paths(repo, to_commit, message)
    if final != text:
        write_atomic(target, final)
        sha = gitstore.commit_paths(
            repo,
            [target],
            f"carry hand corrections: {doc_id}\n\nRe-applied onto the normalisation of {sha[:10]}.",
        )
    return IngestResult(doc_id, target, action, sha, warnings)


def _remove_stale_temporaries(root: Path) -> None:
    """Temporary files of writes that a killed process never renamed (we hold the lock)."""
    for stale in root.rglob(".*.tmp"):
        stale.unlink(missing_ok=True)


def _carry_hand_corrections(repo, target: Path, fresh: str) -> tuple[str, str]:
    """Re-apply edits committed since the last ingest onto the fresh normalisation.

    Returns the text to write and a note for the user ("" when there were no hand edits).
    The edits are the difference between the last ingested text and the committed file; they
    are carried over like a patch (a three-way merge). When they no longer apply, the
    corrected file is kept unchanged and the note says how to proceed.
    """
    last = gitstore.last_ingest(repo, target)
    if last is None:
        return fresh, ""
    ingested = gitstore.file_at_revision(repo, target, last.sha) + "\n"
    current = target.read_text(encoding="utf-8")
    if current == ingested:
        return fresh, ""
    relative = target.resolve().relative_to(gitstore.work_tree(repo)).as_posix()
    if fresh == ingested:
        return current, f"hand corrections since {last.sha[:10]} kept (the normaliser output is unchanged)"
    merged, clean = gitstore.three_way_merge(repo, fresh, ingested, current)
    if clean:
        return merged, (
            f"hand corrections since {last.sha[:10]} re-applied to the new normalisation; "
            f"see them with `git diff {last.sha[:10]} -- {relative}`"
        )
    return current, (
        f"hand corrections since {last.sha[:10]} conflict with the new normalisation, so the corrected "
        f"file was kept as it is; save them with `git diff {last.sha[:10]} HEAD -- {relative} > fix.patch`, "
        "then `corpusdiff ingest --force` and `git apply -3 fix.patch` to re-apply by hand, "
        "or just --force to drop them"
    )


def read_document(root: Path, doc_id: str) -> NormalizedDocument:
    """Parse a corpus document by id."""
    return parse(find_entry(root, doc_id).path.read_text(encoding="utf-8"))


def outline(document: NormalizedDocument) -> list[tuple[int, str]]:
    """(level, heading text) pairs, the title first."""
    from corpusdiff.markdown import heading_levels

    levels = heading_levels(document.blocks)
    pairs = [(1, document.metadata.title)]
    pairs.extend((levels[b.kind], b.text) for b in document.blocks if isinstance(b, Heading))
    return pairs
