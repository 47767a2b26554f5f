"""Ingesting reports into a corpus: each file read and normalised, given an id that is its own (and
not another government's or edition's), placed where its series lives, and committed with its
provenance, all or nothing; hand corrections of a document re-ingested are carried over.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from corpusdiff import DIALECT_VERSION, __version__
from corpusdiff.canonical.markdown import is_canonical_text, read_metadata, render
from corpusdiff.errors import CorpusdiffError, CorpusError, InputError
from corpusdiff.parallel import SERIAL, Runner, chunks
from corpusdiff.read.decode import MAX_REPORT_BYTES, RawReport, read_report
from corpusdiff.store import confine, files
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import MANIFEST, Corpus, Entry, _overridable, entries, load_manifest
from corpusdiff.store.ids import DateShape, date_shape, in_shape, series_shapes
from corpusdiff.store.namesakes import Holders, Namesake, government, named_parent, own_slug
from corpusdiff.text.chars import han_bigrams, han_likeness
from corpusdiff.text.slugs import region_stem, slugify
from corpusdiff.types.document import Metadata, NormalizedDocument, Source
from corpusdiff.types.genre import series_family, undefined_genre

if TYPE_CHECKING:
    from git import Repo

    from corpusdiff.store.rollback import Writes

class SecondSource(StrEnum):
    """What `ingest` does with a report already in the corpus from another source (another
    file or format of the same edition: a .txt and its .docx, a text file and its portal page)."""

    REFUSE = "refuse"  # the default: one line naming the document, nothing written
    REPLACE = "replace"  # the new file becomes the document's source: a new revision of it
    AS_NEW = "as-new"  # a document of its own beside the other (`…-2`), with a warning


@dataclass(frozen=True)
class IngestResult:
    """What happened to one report: `added`, `updated`, `unchanged` or `kept` (hand edit)."""

    id: str
    path: Path
    action: str
    commit: str = ""
    warnings: tuple[str, ...] = ()


def proposed_id(metadata: Metadata, region: str = "") -> str:
    """`<region>/<genre>/<date>`: ASCII only, so titles can never steer the path; meaningful
    without a manifest (`national/government-work-report/2016`, `guangdong/annual-plan/2024-01-22`:
    the region's pinyin, or `national`, as the series name has it; `region` when ingest gave
    a namesake government a slug of its own, `_Placer.part_namesakes`). The date is the
    document's own; `_Placer` cuts it to its series' shape (`store.ids`). A component
    that Windows reserves for a device (con, nul, com1, …) is refused, since no Windows
    checkout of the corpus could hold it."""
    from corpusdiff.normalize.regions import region_slug

    region = region or region_slug(metadata.region, metadata.level) or "unknown-region"
    genre = slugify(metadata.genre) if metadata.genre else "report"
    date = slugify(metadata.date or metadata.period or "undated")
    for field, part in (("region", region), ("genre", genre), ("date", date)):
        if part.split(".")[0] in _DEVICE_NAMES:
            raise InputError(
                f"the {field} gives the id part {part!r}, a name Windows reserves for a device; "
                f"give another --{field}"
            )
    return f"{region}/{genre}/{date}"


_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
)


def _unique_id(root: Path, wanted: str, sha256: str, placed: Mapping[str, str]) -> str:
    """Reuse the id of the document made from the same source; otherwise avoid collisions,
    with the corpus on disk and with the ids `placed` (id -> source sha256) earlier in this
    run. Each candidate is looked at only when no symlink leads to it."""
    candidate, number = wanted, 1
    while candidate in placed or confine.writable(root, root / f"{candidate}.md").exists():
        if candidate in placed:
            source_sha = placed[candidate]
        else:
            existing = read_metadata(files.read_corpus_text(root / f"{candidate}.md"))
            source_sha = existing.source.sha256 if existing.source else ""
        if source_sha == sha256:
            return candidate
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _commit_verb(action: str, replaced: bool, same_source: bool) -> str:
    """The commit subject's verb: a new document, a source another file replaced, the same source
    read again (a normaliser change), or a changed source."""
    if action == "added":
        return "ingest"
    if replaced:
        return "replace source"
    return "renormalize" if same_source else "update source"


def _source_reference(
    repo_root: Path,
    corpus_root: Path,
    path: Path,
    raw: RawReport,
    uncommitted_new: set[str],
    planned: Mapping[Path, str] = MappingProxyType({}),
) -> tuple[str, Path | None]:
    """Path of the raw bytes relative to the repository, and where to copy them when they lie
    outside it (None: no copy to write). A different file of the same name — on disk, or to be
    copied earlier in this run (`planned`: copy -> sha256) — is kept and the copy named after its
    sha256, unless no commit holds it: then an interrupted run left it, and it is replaced. A
    copy named after its sha256 stays its copy once the other is gone (retired by `--replace`),
    so ingesting it again changes nothing."""
    resolved = path.resolve()
    if resolved.is_relative_to(repo_root):
        return resolved.relative_to(repo_root).as_posix(), None
    plain = confine.writable(corpus_root, corpus_root / "sources" / raw.name)
    by_sha = confine.writable(corpus_root, corpus_root / "sources" / f"{raw.sha256[:12]}-{raw.name}")

    def holds(target: Path) -> bool:
        return target in planned or target.exists()

    def same_bytes(target: Path) -> bool:
        if target in planned:
            return planned[target] == raw.sha256
        return _holds_bytes(target, raw.sha256)

    target = by_sha if not holds(plain) and holds(by_sha) else plain
    left_behind = target.relative_to(repo_root).as_posix() in uncommitted_new and target not in planned
    same = same_bytes(target)
    if holds(target) and not same and not left_behind:
        target = by_sha
        same = same_bytes(target)
    return target.relative_to(repo_root).as_posix(), None if same else target


def _holds_bytes(target: Path, sha256: str) -> bool:
    """Whether the source copy `target` holds the bytes of this sha256 (a named pipe or a file
    larger than any report holds none: it is replaced, never waited on)."""
    try:
        data = files.read_regular(target.resolve(), MAX_REPORT_BYTES)
    except OSError:
        return False
    return data is not None and hashlib.sha256(data).hexdigest() == sha256


#: A run that changes more documents than this commits them COMMIT_CHUNK to a commit (each with
#: its own trailer group), so a bulk import does not pay for a thousand git commits.
BULK_THRESHOLD = 20
COMMIT_CHUNK = 100


def ingest(
    root: Path,
    files: Sequence[Path],
    overrides: Mapping[str, str] | None = None,
    force: bool = False,
    progress: Callable[[int], Callable[[int], None]] = lambda total: lambda n: None,
    runner: Runner = SERIAL,
    allow_detached: bool = False,
    second_source: SecondSource = SecondSource.REFUSE,
) -> list[IngestResult]:
    """Normalise reports into the corpus and commit the changed documents.

    Normalising is pure and runs on `runner` (in parallel); placing files and committing is
    serial, under the corpus lock. One commit per changed document, or in bulk (more than
    BULK_THRESHOLD changed) one commit per COMMIT_CHUNK documents. The git state is checked
    before anything is written, every write is planned before the first, and a failure puts
    back what the run had not committed (docs/limits.md). A report the corpus holds from
    another source is refused, replaces that source, or is added beside it (`second_source`).
    """
    from corpusdiff.normalize.entry import refuse_non_report

    overrides = dict(overrides or {})
    if overrides and len(files) != 1:
        raise CorpusError("--title/--date/--genre/--region/--series apply to a single file; give one")
    genre_problem = undefined_genre(overrides["genre"]) if "genre" in overrides else ""
    if genre_problem:  # the CLI's option refuses it first; a library caller's is refused here
        raise CorpusError(f"genre {genre_problem}")
    reports = [_read_one_of(path, len(files)) for path in files]
    for raw in reports:
        if is_canonical_text(raw.text):
            raise CorpusError(f"{raw.name}: is already canonical Markdown; ingest raw reports")
    manifest = load_manifest(root) if root.is_dir() else {}
    jobs = [(raw, {**_overridable(manifest.get(raw.name, {})), **overrides}) for raw in reports]
    documents = runner.map(normalize_job, jobs, progress(len(jobs)))
    for (raw, fields), document in zip(jobs, documents, strict=True):
        refuse_non_report(raw.name, document, fields)  # before anything is written
    repo = _writable_repository(root)
    with gitstore.locked(repo):
        # checked holding the lock: another ingest's commit in progress is no stale git lock
        gitstore.refuse_unfinished_operation(repo)
        gitstore.refuse_stale_locks(repo, "index.lock", "config.lock")
        placer = _Placer(repo, root.resolve(), load_manifest(root), force, second_source)
        documents = placer.part_namesakes(reports, documents, ["series" in fields for _, fields in jobs])
        placer.expect(reports, documents)
        placements = [
            placer.place(path, raw, doc) for path, raw, doc in zip(files, reports, documents, strict=True)
        ]
        if any(p.paths for p in placements) and not allow_detached:
            gitstore.refuse_detached_head(repo)
        _remove_stale_temporaries(root.resolve())
        return _write_and_commit(repo, placements)


def _read_one_of(path: Path, count: int) -> RawReport:
    """One report of a batch: a file that cannot be read stops the whole ingest before anything
    is written, and its one line says so, so that the others are not taken as ingested."""
    try:
        return read_report(path)
    except InputError as exc:
        if count == 1:
            raise
        raise InputError(
            f"{exc}; nothing was ingested of the {count} files given: mend that file or leave it out"
        ) from None


def _writable_repository(root: Path) -> Repo:
    """The corpus's repository, the folder and `git init` made when missing (never over
    documents: see `_refuse_documents_without_repository`)."""
    from corpusdiff.store.diskerrors import disk_error

    try:
        root.mkdir(parents=True, exist_ok=True)
        if not (root / ".git").exists() and not gitstore.in_work_tree(root):
            _refuse_documents_without_repository(root)
        return gitstore.open_repo(root, create=True)
    except OSError as exc:
        raise disk_error(exc, exc.filename or root, "nothing was changed") from None


def _refuse_documents_without_repository(root: Path) -> None:
    """A corpus folder whose .git is gone (removed, or not copied) still holds its documents:
    a new repository would hold none of them, and its commits would leave them untracked."""
    from corpusdiff.strings import counted

    held = Corpus(root).entries
    if held:
        raise CorpusError(
            f"{root}: holds {counted(len(held), 'corpus document')} but no git repository (its .git "
            "removed, or not copied?); restore its .git, or `git init` there and commit the documents "
            "and sources/ yourself, then run the command again"
        )


def normalize_job(job: tuple[RawReport, Mapping[str, object]]) -> NormalizedDocument:
    """One report's normalisation (a module-level function, so worker processes can run it)."""
    from corpusdiff.normalize.entry import normalize_raw

    raw, fields = job
    return normalize_raw(raw, fields)


@dataclass(frozen=True)
class _Placement:
    """A document to write and commit (or a result needing neither)."""

    result: IngestResult
    paths: tuple[Path, ...] = ()
    verb: str = ""
    title: str = ""
    trailers: gitstore.Trailers | None = None
    corrected: str | None = None  # hand corrections to write and commit after the ingest commit
    text: str | None = None  # the document's new text (None: it is on disk already)
    copy: tuple[Path, Path] | None = None  # (raw report, its copy under sources/) to write
    retired: Path | None = None  # the replaced source under sources/ to remove (`--replace`)

    def trailer_block(self) -> str:
        """The provenance trailers of its commit (a placement with paths always has them)."""
        assert self.trailers is not None
        return self.trailers.render()


class _Placer:
    """Decides id, action and text of each report, writing nothing; the corpus index is read
    once per run."""

    def __init__(
        self,
        repo: Repo,
        root: Path,
        manifest: Mapping[str, Mapping[str, object]],
        force: bool,
        second_source: SecondSource = SecondSource.REFUSE,
    ) -> None:
        self.repo, self.root, self.manifest, self.force = repo, root, manifest, force
        self.second_source = second_source
        self.repo_root = gitstore.work_tree(repo)
        self.by_sha: dict[str, Entry] = {}
        self.by_name: dict[str, Entry] = {}
        self.known: list[Entry] = []
        self.placed_texts: dict[str, str] = {}  # id -> text, for documents placed in this run
        self.placed_sources: dict[str, str] = {}  # id -> source sha256, likewise
        self.copies: dict[Path, str] = {}  # raw copies under sources/ to write in this run -> sha256
        self.shapes: Mapping[str, DateShape] = {}  # series -> the date shape of its ids
        self.coming: dict[str, list[tuple[str, NormalizedDocument]]] = {}  # id in shape -> (sha256, doc)
        self.parted: dict[str, Namesake] = {}  # source sha256 -> the slug a namesake was given
        for entry in entries(root):
            self._remember(entry)
        self.shapes_before = series_shapes((e.metadata.series, e.id) for e in self.known)
        self.dirty = gitstore.dirty_paths(repo)
        self.uncommitted_new = gitstore.uncommitted_new_paths(repo)

    def _remember(self, entry: Entry) -> None:
        self.known.append(entry)
        source = entry.metadata.source
        if source:
            self.by_sha.setdefault(source.sha256, entry)
            self.by_name.setdefault(Path(source.file).name, entry)

    def _by_name(self, raw: RawReport, document: NormalizedDocument) -> Entry | None:
        """The document ingested before from a file of this name, when this is that report again
        (a corrected extraction): the same region, level, genre and period. A file that only
        shares the name (every year's `政府工作报告.pdf`, every province's) is another report."""
        entry = self.by_name.get(raw.name)
        if entry is None:
            return None
        old, new = entry.metadata, document.metadata
        same = (old.region, old.level, old.genre, old.period) == (new.region, new.level, new.genre, new.period)
        return entry if same else None

    def expect(self, reports: Sequence[RawReport], documents: Sequence[NormalizedDocument]) -> None:
        """Learn the run's documents before placing any: each series' id shape (docs/corpus.md)
        from the corpus and the new editions, and which new editions would share an id."""
        new = [
            (raw, doc)
            for raw, doc in zip(reports, documents, strict=True)
            if not (self.by_sha.get(raw.sha256) or self._by_name(raw, doc))
        ]
        self.shapes = series_shapes(
            [(e.metadata.series, e.id) for e in self.known]
            + [(doc.metadata.series, self._proposed(raw, doc)) for raw, doc in new]
        )
        for raw, doc in new:
            wanted = in_shape(self._proposed(raw, doc), self.shapes.get(doc.metadata.series))
            self.coming.setdefault(wanted, []).append((raw.sha256, doc))
        self._refuse_twins(new)

    def _proposed(self, raw: RawReport, document: NormalizedDocument) -> str:
        parted = self.parted.get(raw.sha256)
        return proposed_id(document.metadata, parted.slug if parted else "")

    def part_namesakes(
        self, reports: Sequence[RawReport], documents: Sequence[NormalizedDocument], series_given: Sequence[bool]
    ) -> list[NormalizedDocument]:
        """Give a report of another government than the one holding its slug (苏州市 where 宿州市
        is `suzhou`, 福州市鼓楼区 where 南京市's is `gulou`) a series and an id region part of its
        own, unless its series is given (manifest, --series): the first government in the corpus,
        or the first given in the run, keeps the plain slug, and ids are never rewritten. A
        report the corpus holds keeps the series it was given, and an old corpus whose namesakes
        share one series keeps it."""
        from corpusdiff.normalize.regions import NATIONAL_SLUG, region_slug

        holders = Holders((entry.id, entry.metadata) for entry in self.known)
        parted = []
        for raw, document, given in zip(reports, documents, series_given, strict=True):
            metadata = document.metadata
            plain = region_slug(metadata.region, metadata.level)
            if given or not plain or plain == NATIONAL_SLUG:
                parted.append(document)
                continue
            namesake = own_slug(plain, metadata, holders)
            series = f"{namesake.slug}-{series_family(metadata.genre)}" if namesake else metadata.series
            held = self.by_sha.get(raw.sha256) or self._by_name(raw, document)
            if held is not None and held.metadata.series != series:
                namesake, series = None, metadata.series
            if namesake is not None:
                self.parted[raw.sha256] = namesake
                document = replace(document, metadata=replace(metadata, series=series))
            holders.add(namesake.slug if namesake else plain, document.metadata, raw.name, raw.sha256)
            parted.append(document)
        return parted

    def _refuse_twins(self, new: Sequence[tuple[RawReport, NormalizedDocument]]) -> None:
        """Every report of the run that is one the corpus holds, or another file of the run, from
        another source, named all at once when there are several (a folder of portal pages beside
        their text copies), so that one run shows them all; unless they are to be kept
        (`--as-new`) or replace the corpus's source (`--replace`)."""
        if self.second_source is SecondSource.AS_NEW:
            return
        texts = [(raw, doc, render(doc)) for raw, doc in new]
        found: list[str] = []
        for n, (raw, doc, text) in enumerate(texts):
            mine = han_bigrams(text)
            earlier = next(
                (
                    other_raw.name
                    for other_raw, other, other_text in texts[:n]
                    if _same_slot(other.metadata, doc.metadata)
                    and han_likeness(mine, han_bigrams(other_text)) >= SAME_REPORT
                ),
                None,
            )
            if earlier is not None:
                found.append(f"{raw.name} = {earlier} (both given)")
            elif self.second_source is SecondSource.REFUSE and (twin := self._twin("", doc.metadata, text)):
                found.append(f"{raw.name} = {twin[0].id}")
        if len(found) > 1:  # one alone is refused where it is placed, with its likeness
            raise CorpusError(
                f"{len(found)} reports given are the same report as another from another source: "
                f"{'; '.join(found)}; nothing was ingested: leave one of each out, "
                "pass --replace to make the new file the source of a report the corpus holds, or --as-new to "
                "keep both"
            )

    def _new_id(self, raw: RawReport, document: NormalizedDocument) -> str:
        """The id in its series' shape; the edition's own finer date when another report
        (not a second source of this one) holds or will hold that id."""
        proposed = self._proposed(raw, document)
        wanted = in_shape(proposed, self.shapes.get(document.metadata.series))
        if wanted != proposed and self._crowded(wanted, raw.sha256, document):
            wanted = proposed
        return _unique_id(self.root, wanted, raw.sha256, self.placed_sources)

    def _crowded(self, doc_id: str, sha256: str, document: NormalizedDocument) -> bool:
        """Whether a different report than `document` has, or is to get in this run, `doc_id`
        (a second source of the same report is no other edition: it gets `-2`, and is warned).
        Of the run's reports, only an earlier one crowds it: the first edition of a year takes
        the year's id, as it would ingested before the later ones."""
        place = (document.metadata.date, sha256)
        others = [
            render(other)
            for sha, other in self.coming.get(doc_id, [])
            if sha != sha256 and (other.metadata.date, sha) < place
        ]
        if doc_id in self.placed_texts and self.placed_sources[doc_id] != sha256:
            others.append(self.placed_texts[doc_id])
        on_disk = confine.writable(self.root, self.root / f"{doc_id}.md")
        if doc_id not in self.placed_texts and on_disk.is_file():
            holder = files.read_corpus_text(on_disk)
            source = read_metadata(holder).source
            if not source or source.sha256 != sha256:
                others.append(holder)
        if not others:
            return False
        mine = han_bigrams(render(document))
        return any(han_likeness(mine, han_bigrams(other)) < SAME_REPORT for other in others)

    def place(self, path: Path, raw: RawReport, document: NormalizedDocument) -> _Placement:
        existing = self.by_sha.get(raw.sha256) or self._by_name(raw, document) or self._replaced(raw, document)
        doc_id = existing.id if existing else self._new_id(raw, document)
        self.placed_sources[doc_id] = raw.sha256
        target = confine.writable(self.root, self.root / f"{doc_id}.md")
        reference, copy_to = _source_reference(
            self.repo_root, self.root, path, raw, self.uncommitted_new, self.copies
        )
        if copy_to is not None:
            self.copies[copy_to] = raw.sha256
        source = Source(
            file=reference,
            sha256=raw.sha256,
            original_name=str(self.manifest.get(raw.name, {}).get("original_name", "")),
            encoding=raw.encoding,
            format=raw.format,
            extractor=raw.extractor,
        )
        document = replace(document, metadata=replace(document.metadata, id=doc_id, source=source))
        self._remember(Entry(doc_id, target, document.metadata))
        text = render(document)
        warnings = document.warnings
        current = files.read_corpus_text(target) if target.exists() else None
        if existing is None and current is None:
            warnings = (*warnings, *self._arrival_warnings(doc_id, document.metadata, text))
        self.placed_texts[doc_id] = text
        dirty = current is not None and target.relative_to(self.repo_root).as_posix() in self.dirty
        if dirty and not self.force and current != text:
            raise CorpusError(
                f"{target}: has uncommitted changes; commit or discard them, or pass --force to overwrite"
            )
        if dirty:
            note = "found this document written but not committed (an interrupted ingest); committed it now"
            warnings = (*warnings, note)
        copy = (path.resolve(), copy_to) if copy_to is not None else None  # restores a deleted copy too
        if not dirty and current == text:
            return _Placement(IngestResult(doc_id, target, "unchanged", warnings=warnings), copy=copy)
        final = text
        previous_sha = existing.metadata.source.sha256 if existing and existing.metadata.source else ""
        if current is not None and not self.force and not dirty:
            final, note = _carry_hand_corrections(self.repo, target, text)
            final, previous_sha, provenance = _true_provenance(self.repo, target, final, source, previous_sha)
            warnings = (*warnings, *(n for n in (note, provenance) if n))
            if current == final:
                return _Placement(IngestResult(doc_id, target, "kept", warnings=warnings), copy=copy)
        never_committed = target.relative_to(self.repo_root).as_posix() in self.uncommitted_new
        action = "added" if current is None or never_committed else "updated"
        paths = [target]
        source_path = self.repo_root / source.file
        if source_path.resolve().is_relative_to(self.root / "sources"):
            paths.append(source_path)
        trailers = gitstore.Trailers(raw.sha256, DIALECT_VERSION, __version__, source.file)
        retired = self._retired_source(target, source.file) if action == "updated" else None
        if retired is not None:
            retired_path, retired_sha = retired
            trailers = replace(
                trailers, replaced_file=self._relative(retired_path), replaced_sha256=retired_sha
            )
            if gitstore.committed(self.repo, retired_path):
                paths.append(retired_path)
        return _Placement(
            IngestResult(doc_id, target, action, warnings=warnings),
            tuple(paths),
            _commit_verb(action, retired is not None, previous_sha == raw.sha256),
            document.metadata.title,
            trailers,
            final if final != text else None,
            text if current != text else None,
            copy,
            retired[0] if retired is not None else None,
        )

    def _arrival_warnings(self, doc_id: str, metadata: Metadata, text: str) -> tuple[str, ...]:
        """What a user should know of a report new to the corpus: a twin of another edition, an
        id of another shape than its series', a later edition of its year already there, a
        namesake series."""
        return (
            *self._twin_warning(doc_id, metadata, text),
            *self._shape_warning(doc_id, metadata.series),
            *self._later_holder_warning(doc_id, metadata),
            *self._namesake_warning(metadata),
            *self._parted_note(doc_id, metadata),
        )

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.repo_root).as_posix()

    def _named_by_another(self, target: Path, source_file: str) -> bool:
        return any(
            entry.path != target and entry.metadata.source and entry.metadata.source.file == source_file
            for entry in self.known
        )

    def _retired_source(self, target: Path, new_file: str) -> tuple[Path, str] | None:
        """The copy under `sources/` that the document's last ingest recorded and a new source
        replaces (`--replace`), with its sha256: removed in the same commit, kept by git's
        history. Also the copy a killed `--replace` removed before its commit, so the next run
        commits the removal. None when no copy is retired, or another document names it (a
        commit's trailers are text anyone can write: they may name any file)."""
        last = gitstore.last_ingest(self.repo, target)
        if last is None:
            return None
        old_file, old_sha = last.trailers.get("Source-file", ""), last.trailers.get("Source-sha256", "")
        if not old_file or old_file == new_file or self._named_by_another(target, old_file):
            return None
        old_path = self.repo_root / old_file
        if not old_path.resolve().is_relative_to(self.root / "sources"):
            return None  # the user's own file in the repository, not a copy corpusdiff made
        old_path = confine.writable(self.root, old_path)
        replacing = self.second_source is SecondSource.REPLACE
        if not replacing and (old_path.exists() or not gitstore.committed(self.repo, old_path)):
            return None
        return old_path, old_sha

    def _shape_warning(self, doc_id: str, series: str) -> tuple[str, ...]:
        """A new edition whose text gives a coarser date than the ids its series has (`2016`
        beside `2017-03-05`) mixes two shapes, since ids are never rewritten; say how to avoid it."""
        shape, before = date_shape(doc_id), self.shapes_before.get(series)
        if shape is None or before is None or shape >= before:
            return ()
        example = next(e.id for e in self.known if e.metadata.series == series and date_shape(e.id) == before)
        return (
            f"its series names editions by a finer date ({example}) than this report's text gives "
            f"({doc_id.rsplit('/', 1)[-1]}); ids are never rewritten, so give its date (--date, or "
            f"`date:` in {MANIFEST}) to keep the series' ids alike",
        )

    def _later_holder_warning(self, doc_id: str, metadata: Metadata) -> tuple[str, ...]:
        """An edition that keeps its finer date because a later edition of its year, ingested
        before it, holds the year's id (`…/1957` the December session's, this the June one's):
        ingested in one run or in order, the earlier would have that id. Ids are never
        rewritten, so say so and how to swap them."""
        held = in_shape(doc_id, self.shapes.get(metadata.series))
        holder = next((e for e in self.known if e.id == held), None) if held != doc_id else None
        if holder is None or not _dated_before(metadata.date, holder.metadata.date):
            return ()
        return (
            f"{held} is a later edition of its year ({holder.metadata.date}), ingested before this one, "
            f"so this one keeps its date; ids are never rewritten: to give {held} to the earlier "
            "edition, `git mv` the two documents, change their `id:` and commit",
        )

    def _namesake_warning(self, metadata: Metadata) -> tuple[str, ...]:
        """Two governments whose slugs agree get one series: two districts of one name (鼓楼区
        of 南京市 and of 福州市, when their texts name the cities) or a district and a city of one
        stem (朝阳区, 朝阳市); say so, and how to part them."""
        parent = named_parent(metadata)
        for entry in self.known:
            theirs = entry.metadata
            if theirs.series != metadata.series or not (theirs.region and metadata.region):
                continue
            other = named_parent(theirs)
            if theirs.region != metadata.region:
                return (_two_governments(metadata, metadata.region, entry.id, theirs.region, ""),)
            if parent and other and other != parent:
                ours = f"{slugify(region_stem(parent))}-{metadata.series}"
                return (_two_governments(metadata, parent + metadata.region, entry.id, other + theirs.region, ours),)
        return ()

    def _parted_note(self, doc_id: str, metadata: Metadata) -> tuple[str, ...]:
        """What ingest did of a namesake (`part_namesakes`), and how to choose otherwise."""
        from corpusdiff.normalize.regions import region_slug

        namesake = self.parted.get(metadata.source.sha256 if metadata.source else "")
        if namesake is None:
            return ()
        name = Path(metadata.source.file).name if metadata.source else "its file"
        other = namesake.other
        placed = (doc for doc, sha in self.placed_sources.items() if other.sha256 and sha == other.sha256)
        return (
            f"this report is {government(metadata)}'s, but {next(placed, other.held_by)} is "
            f"{government(other.metadata)}'s "
            f"under the same name ({region_slug(metadata.region, metadata.level)}): two governments, so this "
            f"one has a series of its own, {metadata.series}, and its ids start {doc_id.split('/')[0]}/; "
            f"to choose its series, set `series:` under {name} in {MANIFEST} and ingest it again "
            "(its id stays)",
        )

    def _replaced(self, raw: RawReport, document: NormalizedDocument) -> Entry | None:
        """The document a new source is to replace (`--replace`); None for a report the corpus
        does not hold, or one added beside it (`--as-new`). Refused by default, naming it."""
        if self.second_source is SecondSource.AS_NEW:
            return None
        found = self._twin("", document.metadata, render(document))
        if found is None:
            return None
        twin, share = found
        held = f"{raw.name}: the same report as {twin.id} ({share:.0%} of their text alike"
        if twin.id in self.placed_texts:
            raise CorpusError(
                f"{held}, given earlier in this run): one report given twice; ingest one of the two files, "
                "or pass --as-new to keep both"
            )
        if self.second_source is SecondSource.REFUSE:
            source = twin.metadata.source.file if twin.metadata.source else "another file"
            raise CorpusError(
                f"{held}, ingested from {source}); nothing was ingested: pass --replace to make "
                f"{raw.name} its source (a new revision of {twin.id}), or --as-new to keep both"
            )
        return twin

    def _twin_warning(self, doc_id: str, metadata: Metadata, text: str) -> tuple[str, ...]:
        """A new document added beside an edition already in its series (`--as-new`) shows
        twice in every timeline; say so, naming the other."""
        found = self._twin(doc_id, metadata, text)
        if found is None:
            return ()
        twin, share = found
        return (
            f"the same report as {twin.id} ({share:.0%} of their text alike): the series now "
            f"holds it twice; if it is one report, keep one (git rm the other's file and commit)",
        )

    def _twin(self, doc_id: str, metadata: Metadata, text: str) -> tuple[Entry, float] | None:
        """The edition of the corpus (or of this run) that is the report `text` again, from
        another source (a text file and a portal page, a Word file and a PDF), with their
        likeness; None when the series holds no such edition."""
        mine: frozenset[str] | None = None
        for entry in self.known:
            if entry.id == doc_id or not _same_slot(entry.metadata, metadata):
                continue
            other = self.placed_texts.get(entry.id) or files.read_corpus_text(entry.path)
            mine = mine if mine is not None else han_bigrams(text)
            share = han_likeness(mine, han_bigrams(other))
            if share >= SAME_REPORT:
                return entry, share
        return None


#: Two documents whose Han-character bigrams overlap this much (Jaccard) are one report: a
#: report read from wikisource text and from the portal's HTML page scores 0.998–1.0, two
#: consecutive years of one series 0.17–0.32 (national 2015–2017, 2021–2022; the Futian plans).
SAME_REPORT = 0.8


def _two_governments(metadata: Metadata, ours: str, their_id: str, theirs: str, series: str) -> str:
    """The warning of a report whose series holds another government's editions."""
    name = Path(metadata.source.file).name if metadata.source else "its file"
    advice = f"`series: {series}`" if series else "`series:`"
    return (
        f"this report is {ours}'s, but {their_id} in its series {metadata.series} is {theirs}'s: two "
        f"governments in one series; give this one its own series ({advice} under {name} in {MANIFEST}) "
        "and ingest it again"
    )


def _dated_before(date: str, other: str) -> bool:
    """`date` is earlier than `other` at the precision both give (1957-06 is not before 1957)."""
    shared = min(len(date), len(other))
    return bool(shared) and date[:shared] < other[:shared]


def _same_slot(a: Metadata, b: Metadata) -> bool:
    """Two documents of one series and one year: the only place a twin can hide."""
    return a.series == b.series and (a.date or a.period)[:4] == (b.date or b.period)[:4]


def _true_provenance(
    repo: Repo, target: Path, text: str, source: Source, recorded_sha: str
) -> tuple[str, str, str]:
    """The `source` block is provenance, recomputed from the source's bytes on every ingest and
    never kept as if it were a hand correction. Returns `text` with the true block, the sha256
    the last ingest recorded (from its commit trailers when the front matter's is wrong), and a
    note when the front matter had it wrong ("" otherwise)."""
    from corpusdiff.canonical.markdown import front_matter

    try:
        metadata = read_metadata(text)
    except CorpusdiffError:
        return text, recorded_sha, ""  # a broken front matter: `check` names it
    if metadata.source == source:
        return text, recorded_sha, ""
    end = text.find("\n---\n", 3)
    if end < 0:
        return text, recorded_sha, ""
    fixed = front_matter(replace(metadata, source=source)) + text[end + len("\n---") :]
    if not metadata.source or metadata.source.sha256 == source.sha256:
        return fixed, recorded_sha, ""
    last = gitstore.last_ingest(repo, target)
    if last is not None:
        recorded_sha = last.trailers.get("Source-sha256", recorded_sha)
    note = (
        f"the front matter recorded sha256 {metadata.source.sha256[:12]}…, but {source.file} hashes to "
        f"{source.sha256[:12]}…; the true one is recorded"
    )
    return fixed, recorded_sha, note


def _write_and_commit(repo: Repo, placements: list[_Placement]) -> list[IngestResult]:
    """Write every planned file, then commit; on any failure, put back what is not committed."""
    from corpusdiff.store.rollback import Writes

    writes = Writes()
    try:
        for placement in placements:
            if placement.copy is not None:
                writes.copy(*placement.copy)
            if placement.text is not None:
                writes.text(placement.result.path, placement.text)
            if placement.retired is not None:
                writes.remove(placement.retired)
        results = _commit(repo, placements, writes)
    except BaseException:
        writes.roll_back()
        raise
    writes.finish()
    return results


def _commit(repo: Repo, placements: list[_Placement], writes: Writes) -> list[IngestResult]:
    """Commit what was written: per document, or in chunks for a bulk import."""
    pending = [p for p in placements if p.paths]
    size = COMMIT_CHUNK if len(pending) > BULK_THRESHOLD else 1
    commits: dict[str, str] = {}
    for chunk in chunks(pending, size):
        if len(chunk) == 1:
            [one] = chunk
            message = (
                f"{one.verb}: {one.result.id}\n\n{gitstore.one_line(one.title)}\n\n{one.trailer_block()}"
            )
        else:
            message = _bulk_message(chunk, repo)
        paths = [path for p in chunk for path in p.paths]
        sha = gitstore.commit_paths(repo, paths, message)
        writes.committed(set(paths))
        commits.update((p.result.id, sha) for p in chunk)
        _commit_corrections(repo, [p for p in chunk if p.corrected is not None], sha, commits, writes)
    return [replace(p.result, commit=commits.get(p.result.id, "")) for p in placements]


def _bulk_message(chunk: Sequence[_Placement], repo: Repo) -> str:
    verbs = sorted({p.verb for p in chunk})
    groups = "\n".join(
        f"Document: {p.result.path.relative_to(gitstore.work_tree(repo)).as_posix()}\n"
        f"Action: {p.verb}\n{p.trailer_block()}"
        for p in chunk
    )
    titles = "\n".join(f"- {p.result.id}: {gitstore.one_line(p.title)}" for p in chunk)
    return f"{' / '.join(verbs)}: {len(chunk)} documents\n\n{titles}\n\n{groups}"


def _commit_corrections(
    repo: Repo, corrected: Sequence[_Placement], ingest_sha: str, commits: dict[str, str], writes: Writes
) -> None:
    for p in corrected:
        assert p.corrected is not None
        writes.text(p.result.path, p.corrected)
        commits[p.result.id] = gitstore.commit_paths(
            repo,
            [p.result.path],
            f"carry hand corrections: {p.result.id}\n\nRe-applied onto the normalisation of {ingest_sha[:10]}.",
        )
        writes.committed({p.result.path})


def _remove_stale_temporaries(root: Path) -> None:
    """Temporary files of writes that a killed process never renamed, and links to replaced
    files a killed run kept for its rollback (we hold the lock)."""
    from corpusdiff.store.diskerrors import disk_error
    from corpusdiff.store.files import temporaries

    for stale in list(temporaries(root)):
        try:
            stale.unlink(missing_ok=True)
        except OSError as exc:
            raise disk_error(exc, stale, "nothing was changed") from None


def _carry_hand_corrections(repo: Repo, target: Path, fresh: str) -> tuple[str, str]:
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
    current = files.read_corpus_text(target)
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
