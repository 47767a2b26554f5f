"""The corpus on disk: layout, manifest, reading documents (ingesting reports into it: `store/ingest.py`).

Layout: `<corpus>/<region>/<genre>/<date>.md` (ASCII path, the document id is the path without
`.md`), `<corpus>/manifest.yaml` (metadata overrides per source file), `<corpus>/sources/`
(copies of raw reports that live outside the repository), `<corpus>/alignments/` (reviewer
overrides of section pairings, `<old>__<new>.yaml`).

`Corpus` is the index a command builds once at its edge: every document's front matter, read
once and only when first needed, with lookups by id and by series, the manifest and the overrides.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, TextIO

from corpusdiff import yamlsafe
from corpusdiff.canonical.markdown import is_canonical_text, parse, read_metadata
from corpusdiff.errors import CorpusdiffError, CorpusError
from corpusdiff.store import confine, files
from corpusdiff.store import git as gitstore
from corpusdiff.text.chars import control_in_field, unsafe_in_name
from corpusdiff.types.diff import Overrides
from corpusdiff.types.document import Heading, Metadata, NormalizedDocument
from corpusdiff.types.genre import undefined_genre
from corpusdiff.types.vocabulary import Vocabulary

if TYPE_CHECKING:

    pass

MANIFEST = "manifest.yaml"
ALIGNMENTS = "alignments"
_NOT_DOCUMENTS = {ALIGNMENTS, "sources"}
_OVERRIDABLE = {"title", "date", "genre", "region", "level", "series", "period", "speaker", "meeting"}


@dataclass(frozen=True)
class Entry:
    """A document in the corpus, as listed."""

    id: str
    path: Path
    metadata: Metadata


def load_manifest(root: Path) -> dict[str, dict[str, object]]:
    """Per-source overrides keyed by the source file name (see docs/corpus.md)."""
    path = root / MANIFEST
    if not path.exists():
        return {}
    data = files.read_yaml(confine.readable(root, path)) or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorpusError(f"{path}: must map source file names to field: value mappings")
    manifest: dict[str, dict[str, object]] = {
        str(k): {str(f): str(v) for f, v in fields.items()} for k, fields in data.items()
    }
    for name, fields in manifest.items():
        for field_name, value in fields.items():
            control = control_in_field(str(value))
            if control is not None:
                raise CorpusError(
                    f"{path}: {name}: {field_name} holds a control character ({control}); "
                    "remove it, then run the command again"
                )
        genre_problem = undefined_genre(str(fields["genre"])) if "genre" in fields else ""
        if genre_problem:
            raise CorpusError(f"{path}: {name}: genre {genre_problem}")
    return manifest


def manifest_overrides(root: Path, source_name: str) -> dict[str, object]:
    """The metadata fields the manifest sets for one source file (empty without a corpus)."""
    if not (root / MANIFEST).is_file():
        return {}
    return _overridable(load_manifest(root).get(source_name, {}))


def _overridable(entry: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in entry.items() if k in _OVERRIDABLE}


@dataclass(frozen=True)
class Corpus:
    """The corpus at `root`, as one command sees it.

    The index (every canonical document's id, path and front matter) is read on first use and
    then kept: a command builds one `Corpus` at its edge and hands it to whatever needs to look
    documents up, so finding an id or a series never re-reads the corpus. Only the front matter
    of each document is read; bodies are read by whoever loads a document. Commands that only
    compare files never read the index at all.

    A document whose front matter does not parse stops the command (one line naming it), unless
    `warn` is given: then the others are used and `warn` gets one line per such document, so
    that one bad file does not make every reading command fail (`check` names it too).
    """

    root: Path
    warn: Callable[[str], None] | None = dataclasses.field(default=None, compare=False, repr=False)

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        """Every canonical document under the root, sorted by id (a symlink that leaves the
        corpus is no document of it: see `links_out`)."""
        return self._scan[0]

    @cached_property
    def links_out(self) -> tuple[Path, ...]:
        """The `.md` files that are symlinks out of the corpus: never read."""
        return self._scan[1]

    @cached_property
    def unreadable(self) -> Mapping[str, str]:
        """Id -> the error of each document left out for its broken front matter (what `find`
        says when a command names it)."""
        return self._scan[2]

    @cached_property
    def _scan(self) -> tuple[tuple[Entry, ...], tuple[Path, ...], Mapping[str, str]]:
        """Refused while git holds files of the corpus unmerged (their conflict markers are no
        report text); `check` names them."""
        found, links, broken = [], [], {}
        if self.root.is_dir():
            gitstore.refuse_unresolved_conflicts(self.root)
            for path in sorted(self.root.rglob("*.md")):
                relative = path.relative_to(self.root)
                if relative.parts[0] in _NOT_DOCUMENTS or relative.parts[0].startswith("."):
                    continue
                if unsafe_in_name(relative.as_posix()):
                    continue  # no document's name: `check` names it
                if not confine.inside(self.root, path):
                    links.append(path)
                    continue
                if path.is_dir():
                    continue  # a folder so named: `check` reports it
                try:
                    metadata = read_front_matter(path)
                except CorpusError as exc:
                    broken[document_id(self.root, path)] = self._left_out(exc)
                    continue
                if metadata is not None:
                    found.append(Entry(document_id(self.root, path), path, metadata))
        return tuple(found), tuple(links), MappingProxyType(broken)

    def _left_out(self, exc: CorpusError) -> str:
        """Raise a broken front matter's error, or with `warn` say the document is left out."""
        if self.warn is None:
            raise exc
        self.warn(str(exc).replace(_CHECK_HINT, f"; this command leaves it out{_CHECK_HINT}"))
        return str(exc)

    @cached_property
    def by_id(self) -> Mapping[str, Entry]:
        return MappingProxyType({entry.id: entry for entry in self.entries})

    @cached_property
    def by_series(self) -> Mapping[str, tuple[Entry, ...]]:
        """Each series' documents, oldest first (ties by id)."""
        groups: dict[str, list[Entry]] = {}
        for entry in sorted(self.entries, key=lambda e: (e.metadata.date, e.id)):
            groups.setdefault(entry.metadata.series, []).append(entry)
        return MappingProxyType({name: tuple(group) for name, group in groups.items()})

    @cached_property
    def manifest(self) -> Mapping[str, Mapping[str, object]]:
        return MappingProxyType(load_manifest(self.root) if self.root.is_dir() else {})

    def exists(self) -> bool:
        return self.root.is_dir()

    def find(self, doc_id: str) -> Entry:
        """The document with this id, or an error naming some known ids."""
        entry = self.by_id.get(doc_id)
        if entry is None and doc_id in self.unreadable:
            raise CorpusError(self.unreadable[doc_id])
        if entry is None:
            known = ", ".join(e.id for e in self.entries[:8]) or "none; ingest some reports first"
            raise CorpusError(f"no document {doc_id!r} in {self.root}; known ids: {known}")
        return entry

    def series(self, name: str) -> tuple[Entry, ...]:
        """The documents of one series, oldest first; () for an unknown series."""
        return self.by_series.get(name, ())

    def manifest_overrides(self, source_name: str) -> dict[str, object]:
        """The metadata fields the manifest sets for one source file."""
        return _overridable(self.manifest.get(source_name, {}))

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The corpus's stopwords and indicator aliases (site.yaml `vocabulary:`) over the
        shipped defaults."""
        from corpusdiff.store.vocabulary import load_vocabulary

        return load_vocabulary(self.root)

    def overrides(self, old_id: str, new_id: str) -> Overrides:
        """Reviewer pins and forbids for this pair of corpus documents (none without a file)."""
        if not old_id or not new_id:
            return Overrides()
        relative = overrides_name(old_id, new_id)
        path = self.root / relative
        if not path.is_file():
            return Overrides()
        text = files.read_corpus_text(confine.readable(self.root, path), yamlsafe.MAX_BYTES)
        return parse_overrides(text, relative, path)


def as_corpus(corpus: Corpus | Path) -> Corpus:
    """Callers may still hand a bare path; each such call then reads its own index."""
    return corpus if isinstance(corpus, Corpus) else Corpus(corpus)


def read_front_matter(path: Path) -> Metadata | None:
    """The metadata of a canonical document, reading only its front matter (None when the file
    is not canonical Markdown, which is UTF-8, or is a link to nothing); a broken front matter,
    or a named pipe or a device in the document's place (never waited on: `files.open_regular`),
    is one line naming the file."""
    try:
        with files.open_regular(path.resolve()) as raw:
            handle = io.TextIOWrapper(raw, encoding="utf-8")
            lines = [handle.readline(yamlsafe.MAX_BYTES)]
            if lines[0] == "---\n":
                lines += _front_matter_lines(handle)
    except UnicodeDecodeError:
        return None  # `check` reports it
    except FileNotFoundError:
        return None  # a link to nothing, or removed since: `check` reports it
    except OSError as exc:
        raise CorpusError(f"{files.unreadable(path, exc)}{_CHECK_HINT}") from None
    head = "".join(lines)
    if not is_canonical_text(head):
        return None
    try:
        return read_metadata(head)
    except CorpusdiffError as exc:
        raise CorpusError(f"{path}: {exc}{_CHECK_HINT}") from None


_CHECK_HINT = "; `corpusdiff check` lists every problem of the corpus"


def _front_matter_lines(handle: TextIO) -> list[str]:
    """The lines after a front matter's opening `---`, up to its closing one, reading at most
    as much as front matter may hold (`yamlsafe.MAX_BYTES`): a file of gigabytes without a
    line break (a sparse file a corpus from elsewhere holds) is no document, not read whole."""
    lines: list[str] = []
    size = 0
    while size <= yamlsafe.MAX_BYTES:
        line = handle.readline(yamlsafe.MAX_BYTES)
        if not line:
            break
        lines.append(line)
        size += len(line)
        if line == "---\n":
            break
    return lines


def entries(root: Path) -> list[Entry]:
    """Every canonical document under the corpus root, sorted by id."""
    return list(Corpus(root).entries)


def document_id(root: Path, path: Path) -> str:
    return path.relative_to(root).with_suffix("").as_posix()


def find_entry(root: Path, doc_id: str) -> Entry:
    """The document with this id, or an error naming close alternatives."""
    return Corpus(root).find(doc_id)


def overrides_name(old_id: str, new_id: str) -> str:
    """`alignments/<old>__<new>.yaml` relative to the corpus, ids with `/` written as `.`."""
    return f"{ALIGNMENTS}/{old_id.replace('/', '.')}__{new_id.replace('/', '.')}.yaml"


def parse_overrides(text: str, source: str, where: Path | str | None = None) -> Overrides:
    """The pins and forbids of one alignments file's text; `source` names it in the notes of
    a comparison, `where` in errors (default: `source`)."""
    where = where or source
    return overrides_from_data(yamlsafe.load(text, where), source, where)


def overrides_from_data(data: object, source: str, where: Path | str) -> Overrides:
    """The pins and forbids of one alignments file's YAML data (`parse_overrides`; `check`
    reports what this refuses)."""
    data = data or {}
    if not isinstance(data, dict):
        raise CorpusError(f"{where}: must be a mapping with `pin` and/or `forbid` lists; fix or remove it")

    def pairs(key: str, one_side: bool) -> tuple[tuple[str, str], ...]:
        items = data.get(key) or []
        sides = [_override_sides(item) for item in items] if isinstance(items, list) else [None]
        if any(s is None or (not all(s) and not (one_side and any(s))) for s in sides):
            either = " (or either alone: it continues nothing)" if one_side else ""
            raise CorpusError(
                f"{where}: `{key}` must be a list of {{old: …, new: …}}{either}, each a heading, "
                "an address such as p163 or an initiative's first words"
            )
        return tuple(s for s in sides if s is not None)

    return Overrides(pin=pairs("pin", False), forbid=pairs("forbid", True), source=source)


def _override_sides(item: object) -> tuple[str, str] | None:
    """(old, new) of one override entry, "" for a side it leaves out; None when it is no
    mapping of `old` and `new` texts."""
    if not isinstance(item, dict) or set(item) - {"old", "new"}:
        return None
    sides = tuple("" if item.get(k) is None else item[k] for k in ("old", "new"))
    if not all(isinstance(side, str | int) for side in sides):
        return None
    return str(sides[0]).strip(), str(sides[1]).strip()


def read_document(root: Corpus | Path, doc_id: str) -> NormalizedDocument:
    """Parse a corpus document by id."""
    return parse(files.read_corpus_text(as_corpus(root).find(doc_id).path))


def outline(document: NormalizedDocument) -> list[tuple[int, str]]:
    """(level, heading text) pairs, the title first."""
    from corpusdiff.canonical.markdown import heading_levels

    levels = heading_levels(document.blocks)
    pairs = [(1, document.metadata.title)]
    pairs.extend((levels[b.kind], b.text) for b in document.blocks if isinstance(b, Heading))
    return pairs
