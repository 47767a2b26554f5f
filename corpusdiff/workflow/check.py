"""`corpusdiff check`: is the corpus in a state every other command can trust?

Each problem is one (path, message) pair; nothing here writes anything.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff import DIALECT_VERSION, yamlsafe
from corpusdiff.errors import CorpusdiffError, CorpusError
from corpusdiff.store import confine
from corpusdiff.store.files import read_yaml
from corpusdiff.text.chars import unsafe_in_name
from corpusdiff.text.dates import is_publication_date
from corpusdiff.types.diff import OverrideAction
from corpusdiff.types.genre import undefined_genre

if TYPE_CHECKING:
    from git import Repo

    from corpusdiff.store.corpus import Corpus
    from corpusdiff.types.diff import Overrides
    from corpusdiff.types.document import Metadata
    from corpusdiff.types.notes import ReviewerNote

_REQUIRED = ("title", "id", "genre", "series")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*){2}$")
#: git's conflict block: `<<<<<<< ours`, (`||||||| base`,) `=======`, `>>>>>>> theirs`, each a line of its own.
_CONFLICT_MARKERS_RE = re.compile(r"^<{7}(?: .*)?$.*?^={7}$.*?^>{7}(?: .*)?$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str


def check_corpus(root: Path) -> list[Problem]:
    """All problems found in the corpus at `root`: files git holds unmerged (checked no further),
    then the rest in path order; then what an interrupted run left (a folder without its
    repository, files never committed, temporaries) and symlinks that leave the corpus."""
    from corpusdiff.store import git as gitstore

    try:
        repo: Repo | None = gitstore.open_repo(root)
        unusable = ""
    except CorpusError as exc:
        repo, unusable = None, str(exc)
    repo_root = gitstore.work_tree(repo) if repo is not None else root.resolve()
    unmerged = {root / relative for relative in _unmerged_paths(root)}
    problems = _conflicts(root, unmerged)
    ids: dict[str, Path] = {}
    read: dict[Path, Metadata] = {}
    documents = 0
    for path in sorted(root.rglob("*.md")):
        if not _is_document(path.relative_to(root)) or not confine.inside(root, path):
            continue
        unsafe = unsafe_in_name(path.relative_to(root).as_posix())
        if unsafe:
            problems.append(Problem(path, f"its name holds {unsafe}, a control or text-direction character, so no command reads it; rename it"))
            continue
        documents += 1
        if path in unmerged:
            ids.setdefault(path.relative_to(root).with_suffix("").as_posix(), path)
        else:
            problems.extend(_check_document(root, repo_root, path, ids, read))
    problems.extend(_series_typos(read))
    problems.extend(_check_alignments(root, set(ids)))
    problems.extend(_check_settings(root))
    problems.extend(_check_site_ids(root, set(ids)))
    problems.extend(_leftovers(root, repo, unusable, len(ids)))
    if len(read) == documents:  # every document's source is known
        named = {problem.path for problem in problems}
        problems.extend(p for p in _sources_of_no_document(root, repo_root, read) if p.path not in named)
    problems.extend(
        Problem(
            link,
            f"symlink to {target}, which leaves the corpus: corpusdiff neither reads nor writes "
            "through it; remove it",
        )
        for link, target in confine.escaping_links(root)
    )
    if not unmerged:  # notes are matched against diffs, which no command reads until then
        problems.extend(_check_notes(root, set(ids)))
    return problems


def _conflicts(root: Path, unmerged: set[Path]) -> list[Problem]:
    """The files a merge (rebase, cherry-pick, …) stopped on, with how to end it: never "not
    canonical", since normalising them would keep their conflict markers as report text."""
    from corpusdiff.store import git as gitstore

    if not unmerged:
        return []
    advice = gitstore.conflict_advice(root)
    return [
        Problem(path, f"unresolved git conflict (conflict markers in its text); {advice}")
        for path in sorted(unmerged)
    ]


def _unmerged_paths(root: Path) -> list[str]:
    """What git holds unmerged, [] when its configuration is refused (listed with the
    repository's problem: git is not asked)."""
    from corpusdiff.store import git as gitstore

    try:
        return gitstore.unmerged_paths(root)
    except CorpusError:
        return []


def _leftovers(root: Path, repo: Repo | None, unusable: str, documents: int) -> Iterator[Problem]:
    """What an interrupted ingest leaves: no repository yet, documents and source copies never
    committed, temporary files never renamed. Without a repository, what is wrong instead."""
    from corpusdiff.store import git as gitstore

    if repo is None:
        yield _no_repository(root, unusable, documents)
        return
    top = gitstore.work_tree(repo)
    for relative in sorted(gitstore.untracked_paths(repo)):
        path = top / relative
        if not path.resolve().is_relative_to(root.resolve()):
            continue
        inner = path.resolve().relative_to(root.resolve())
        if _is_document(inner) or inner.parts[0] == "sources":
            yield Problem(
                path,
                "not committed: an interrupted ingest left it; run the same `corpusdiff ingest` again "
                "to finish (or `git add` it, or delete it)",
            )
    from corpusdiff.store.files import temporaries

    for stale in sorted(temporaries(root)):
        yield Problem(stale, "a temporary file an interrupted write left; delete it (the next ingest does)")


def _no_repository(root: Path, unusable: str, documents: int) -> Problem:
    """A `.git` git cannot open (`unusable`: why), a repository gone from beside the corpus's
    `documents`, or none made yet: an interrupted first ingest, or no corpus."""
    from corpusdiff.strings import counted

    if (root / ".git").exists():
        return Problem(root / ".git", unusable.removeprefix(f"{root / '.git'} "))
    if documents:
        return Problem(
            root,
            f"not a git repository, but holds {counted(documents, 'corpus document')} (its .git removed, "
            "or not copied?); restore its .git, or `git init` there and commit the documents and "
            "sources/ yourself",
        )
    return Problem(
        root,
        "not a git repository: a first ingest was interrupted before it made one, or this folder "
        "is not a corpus; run `corpusdiff ingest FILE…` to make it one",
    )


def _is_document(relative: Path) -> bool:
    return (
        relative.suffix == ".md"
        and relative.parts[0] not in {"alignments", "sources"}
        and not relative.parts[0].startswith(".")
    )


def _check_document(
    root: Path, repo_root: Path, path: Path, ids: dict[str, Path], read: dict[Path, Metadata]
) -> Iterator[Problem]:
    from corpusdiff.canonical.markdown import is_canonical_text, parse, render
    from corpusdiff.normalize.core import renormalize
    from corpusdiff.read import decode
    from corpusdiff.read.decode import decode_report
    from corpusdiff.store import files

    try:  # the file itself, never waited on (a named pipe put in its place: files.read_regular)
        data = files.read_regular(path.resolve(), decode.MAX_REPORT_BYTES)
    except files.NotARegularFile as exc:
        yield Problem(path, f"{exc.kind}, not a file; remove it")
        return
    except FileNotFoundError:
        yield Problem(path, "not a file (a symlink to nothing?); remove it")
        return
    except OSError as exc:
        yield Problem(path, f"cannot be read ({exc.strerror or exc.__class__.__name__})")
        return
    if data is None:
        size = path.stat().st_size
        yield Problem(path, f"larger than any report ({size} bytes), so no command reads it; remove it")
        return
    try:
        raw = decode_report(data, path.name)
    except CorpusdiffError as exc:
        yield Problem(path, str(exc))
        return
    if _CONFLICT_MARKERS_RE.search(raw.text):
        yield Problem(path, _MARKERS_LEFT)
        return
    if not is_canonical_text(raw.text):
        yield Problem(path, "no front matter naming the dialect; not a canonical document")
        return
    try:
        document = parse(raw.text)
    except CorpusdiffError as exc:
        message = str(exc)
        yield Problem(path, message if message.startswith("front matter") else f"front matter: {message}")
        return
    read[path] = document.metadata
    yield from _check_front_matter(root, path, raw.text, document.metadata, ids)
    canonical = render(renormalize(document))  # what normalising canonical text does, unparsed again
    if canonical != raw.text:
        yield Problem(
            path,
            f"not canonical: normalising it changes it, {first_change(raw.text, canonical)}; run "
            "`corpusdiff normalize FILE -o FILE` and review the diff",
        )
    source = document.metadata.source
    if source is None or not source.file or not source.sha256:
        yield Problem(path, "front matter: source.file and source.sha256 are required")
        return
    source_path = repo_root / source.file
    if Path(source.file).is_absolute() or not confine.inside(repo_root, source_path):
        yield Problem(
            path,
            f"front matter: source.file {source.file!r} lies outside the repository; it must be a path "
            "inside it, relative to its top",
        )
    else:
        problem = _source_file_problem(source.file, source.sha256, source_path)
        if problem:
            yield Problem(path, problem)


def _source_file_problem(name: str, sha256: str, source_path: Path) -> str:
    """What is wrong with a document's source file: missing, a named pipe or a device (never
    waited on: files.sha256_of), larger than any report (never read), or other bytes."""
    from corpusdiff.read import decode
    from corpusdiff.store import files

    try:
        size = source_path.stat().st_size
        if size > decode.MAX_REPORT_BYTES:
            return (
                f"source file {name} is larger than any report ({size} bytes), so it is not this "
                "report's source; put the report's file there"
            )
        digest = files.sha256_of(source_path)
    except FileNotFoundError:
        return f"source file {name} does not exist"
    except files.NotARegularFile as exc:
        return f"source file {name} is {exc.kind}, not the report's file; put the report's file there"
    except OSError as exc:
        return f"source file {name} cannot be read ({exc.strerror or exc.__class__.__name__})"
    return "" if digest == sha256 else f"source file {name} does not match its recorded sha256"


def first_change(text: str, canonical: str) -> str:
    """Where and how normalising changes `text` first, and how many of its lines change: `first
    at lines 23–24: a paragraph broken over 2 lines…`, or the line's text from where it differs
    and what it becomes. Before, every such document was said to be hand-wrapped, spacing or
    punctuation: a `**bold**` or a `* item` (markup the canonical form does not have) too, left
    for the reader to find."""
    ours, theirs = text.split("\n"), canonical.split("\n")
    start = next((k for k, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs)))
    # the lines around the first change only: a diff of the whole (half its lines blank) takes minutes
    window = difflib.SequenceMatcher(
        None, ours[start : start + _RESYNC_LINES], theirs[start : start + _RESYNC_LINES], autojunk=False
    )
    tag, i1, i2, j1, j2 = next(op for op in window.get_opcodes() if op[0] != "equal")
    old, new = ours[start + i1 : start + i2], theirs[start + j1 : start + j2]
    where = f"first at line {start + i1 + 1}" if i2 - i1 <= 1 else f"first at lines {start + i1 + 1}–{start + i2}"
    changed = max(sum((Counter(ours) - Counter(theirs)).values()), sum((Counter(theirs) - Counter(ours)).values()))
    if changed > max(len(old), len(new)):
        where += f" ({changed} lines change in all)"
    if len(old) > 1 and len(new) == 1 and new[0] in ("".join(old), " ".join(old)):
        return f"{where}: a paragraph broken over {len(old)} lines, which canonical Markdown keeps on one"
    if tag == "delete":
        return f"{where}: {_lines(old)} removed"
    if tag == "insert":
        return f"{where}: {_lines(new)} added before it"
    if "".join(old[0].split()) == "".join(new[0].split()):
        return f"{where}: spaces or tabs the canonical form does not have"
    at = next((k for k, (a, b) in enumerate(zip(old[0], new[0], strict=False)) if a != b), min(len(old[0]), len(new[0])))
    return f"{where}: {_shown(old[0], at)} becomes {_shown(new[0], at)}"


#: How far past the first differing line `first_change` looks for the text to agree again.
_RESYNC_LINES = 40


def _lines(lines: list[str]) -> str:
    """`a blank line is`, `2 blank lines are`, `` `…` is ``, `3 lines are, the first `…`,`."""
    if len(lines) == 1:
        return f"{_shown(lines[0], 0)} is"
    if not "".join(lines).strip():
        return f"{len(lines)} blank lines are"
    return f"{len(lines)} lines, the first {_shown(lines[0], 0)}, are"


def _shown(line: str, at: int, before: int = 6, width: int = 24) -> str:
    """Up to `width` characters of `line` around position `at` in backticks, cut ends marked `…`;
    an empty line is `a blank line`."""
    if not line.strip():
        return "a blank line"
    start = max(0, at - before)
    return f"`{'…' if start else ''}{line[start : start + width]}{'…' if start + width < len(line) else ''}`"


#: A conflict `git add`ed with its markers is no longer unmerged for git, so only its text tells.
_MARKERS_LEFT = (
    "holds git conflict markers (<<<<<<<, =======, >>>>>>> lines): a conflict was marked resolved "
    "(`git add`) without being resolved; edit the file to keep the text each conflict should have, "
    "delete the marker lines and commit (normalize would keep the markers as report text)"
)


def id_problems(metadata: Metadata, expected: str) -> list[str]:
    """What is wrong with a document's id where it lies (`expected`: its path without .md):
    an id not its path (a file moved or renamed by hand), or a date that is not the one its id
    names (the id keeps the date's shape of its series, so one may be the other cut short)."""
    problems = []
    if metadata.id and metadata.id != expected:
        problems.append(f"front matter: id {metadata.id!r} does not match its path ({expected})")
    named = expected.rsplit("/", 1)[-1]
    date = metadata.date
    if date and is_publication_date(named) and not (date.startswith(named) or named.startswith(date)):
        problems.append(
            f"front matter: date {date!r} is not the date its id names ({named}); correct the date, "
            "or `git mv` the file to the id of that date and set `id:` to it"
        )
    return problems


def _series_typos(read: dict[Path, Metadata]) -> Iterator[Problem]:
    """A document alone in a series whose name is nearly that of another series of the same
    region and genre: a hand-edited `series:` with a typo, which every series view would leave
    out without a word. Series set apart on purpose (by the manifest) have names of their own.
    Of two lone documents, the typo is the one not named as detection names its series."""
    from difflib import SequenceMatcher

    from corpusdiff.normalize.metadata import default_series

    members: dict[str, list[Metadata]] = {}
    for metadata in read.values():
        members.setdefault(metadata.series, []).append(metadata)
    for path, metadata in read.items():
        if len(members[metadata.series]) != 1 or metadata.series == default_series(metadata):
            continue
        for name, others in members.items():
            alike = others[0].region == metadata.region and others[0].genre == metadata.genre
            if name != metadata.series and alike and SequenceMatcher(None, name, metadata.series).ratio() >= 0.8:
                yield Problem(
                    path,
                    f"front matter: series {metadata.series!r} holds only this document, while "
                    f"{len(others)} of the same region and genre are in {name!r}: a typo? "
                    "(series views leave it out of theirs)",
                )
                break


def _sources_of_no_document(root: Path, repo_root: Path, read: dict[Path, Metadata]) -> Iterator[Problem]:
    """Source copies under sources/ that no document names: what `git rm` of a document leaves
    behind, published by nothing and kept by git for ever."""
    named = {(repo_root / m.source.file).resolve() for m in read.values() if m.source and m.source.file}
    folder = root / "sources"
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file() and not path.is_symlink() and path.resolve() not in named:
            yield Problem(
                path,
                "the source of no document (its document removed?); `git rm` it, or ingest it again",
            )


def _named_already(_line: str) -> None:
    """A document the index leaves out (broken front matter, a named pipe in its place) is one
    problem `_check_document` names: not again on every notes file, whose pair the index reads."""


def _dialect_problem(dialect: str) -> str:
    """A newer dialect needs a newer corpusdiff (re-ingesting would downgrade the document);
    an older one is re-normalised by re-ingesting."""
    if dialect.isdigit() and DIALECT_VERSION.isdigit() and int(dialect) > int(DIALECT_VERSION):
        return (
            f"front matter: dialect {dialect!r} is newer than this corpusdiff writes ({DIALECT_VERSION!r}); "
            "this corpus needs a newer corpusdiff"
        )
    return f"front matter: dialect {dialect!r}, expected {DIALECT_VERSION!r}; re-ingest to re-normalise"


def _check_front_matter(
    root: Path, path: Path, text: str, metadata: Metadata, ids: dict[str, Path]
) -> Iterator[Problem]:
    """`text`: the document as `_check_document` read it once (read again, a pipe swapped in since
    would be waited on)."""
    try:
        front = yamlsafe.load(text.split("\n---\n", 1)[0].removeprefix("---\n"), "front matter") or {}
    except CorpusError as exc:
        yield Problem(path, str(exc))
        return
    if not isinstance(front, dict):
        yield Problem(path, "front matter: must be a YAML mapping")
        return
    for field in _REQUIRED:
        if not front.get(field):
            yield Problem(path, f"front matter: `{field}` is missing or empty")
    genre = front.get("genre")
    if genre and undefined_genre(str(genre)):
        yield Problem(
            path,
            f"front matter: genre {undefined_genre(str(genre))}: `git rm` the document and ingest its "
            "source again with --genre",
        )
    dialect = str(front.get("dialect"))
    if dialect != DIALECT_VERSION:
        yield Problem(path, _dialect_problem(dialect))
    date = str(front.get("date") or "")
    if date and not is_publication_date(date):
        yield Problem(path, f"front matter: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD; correct it")
    source = front.get("source")
    if isinstance(source, dict):
        yield from (Problem(path, problem) for problem in source_format_problems(source))
    expected = path.relative_to(root).with_suffix("").as_posix()
    yield from (Problem(path, problem) for problem in id_problems(metadata, expected))
    if metadata.id and not _ID_RE.match(metadata.id):
        yield Problem(
            path, f"front matter: id {metadata.id!r} is not <region>/<genre>/<date> in lower-case ASCII"
        )
    if metadata.id in ids:
        yield Problem(path, f"front matter: id {metadata.id!r} is also used by {ids[metadata.id]}")
    ids.setdefault(metadata.id or expected, path)


def source_format_problems(source: dict[str, object]) -> list[str]:
    """What is wrong with the recorded format and extractor of a document's source: a format
    corpusdiff does not read, or a binary or markup format without the extractor that read it
    (a document edited by hand, or written by something else)."""
    from corpusdiff.read.formats import READABLE

    form, extractor = source.get("format"), source.get("extractor")
    if form is None:
        return []
    if form not in READABLE:
        known = ", ".join(sorted(READABLE))
        return [f"front matter: source.format {form!r} is not a format corpusdiff reads ({known}); re-ingest"]
    if form != "text" and not (isinstance(extractor, str) and extractor.strip()):
        return [f"front matter: source.extractor is missing for a {form} source; re-ingest the source"]
    return []


def _check_settings(root: Path) -> Iterator[Problem]:
    """manifest.yaml and site.yaml's vocabulary read as the commands read them."""
    from corpusdiff.store.corpus import MANIFEST, load_manifest
    from corpusdiff.store.vocabulary import CONFIG, load_vocabulary

    for name, load in ((MANIFEST, load_manifest), (CONFIG, load_vocabulary)):
        path = root / name
        if path.exists():
            try:
                load(root)
            except CorpusError as exc:
                yield Problem(path, str(exc).removeprefix(f"{path}:").strip())


def _check_site_ids(root: Path, ids: set[str]) -> Iterator[Problem]:
    """Documents site.yaml asks to publish that the corpus lacks (a typo in an id)."""
    from corpusdiff.site.common import SITE_CONFIG, listed_id_problems, site_config

    path = root / SITE_CONFIG
    if path.is_file():
        try:
            config = site_config(path)
        except CorpusError:  # _check_settings names what is wrong with the file itself
            return
        yield from (Problem(path, problem.removeprefix("site.yaml: ")) for problem in listed_id_problems(config, ids))


def _check_alignments(root: Path, ids: set[str]) -> Iterator[Problem]:
    from corpusdiff.store.corpus import Corpus, overrides_from_data

    corpus: Corpus | None = None  # read once, for the first file whose entries are looked up
    for path in sorted((root / "alignments").glob("*.yaml")):
        old, sep, new = path.stem.partition("__")
        for side in (old, new) if sep else ():
            if side.replace(".", "/") not in ids:
                yield Problem(path, f"names document {side.replace('.', '/')!r}, which is not in the corpus")
        if not sep:
            yield Problem(path, "file name must be <old>__<new>.yaml")
        try:
            data = read_yaml(path) or {}
        except CorpusError as exc:
            yield Problem(path, str(exc).removeprefix(f"{path}:").strip())
            continue
        if not isinstance(data, dict) or set(data) - {"pin", "forbid"}:
            yield Problem(path, "must be a mapping with `pin` and/or `forbid` lists")
            continue
        try:
            overrides = overrides_from_data(data, path.name, path)
        except CorpusError as exc:
            yield Problem(path, str(exc).removeprefix(f"{path}:").strip())
            continue
        old_id, new_id = old.replace(".", "/"), new.replace(".", "/")
        if sep and old_id in ids and new_id in ids:
            corpus = corpus or Corpus(root, warn=_named_already)
            yield from _overrides_naming_nothing(corpus, path, old_id, new_id, overrides)


def _overrides_naming_nothing(
    corpus: Corpus, path: Path, old_id: str, new_id: str, overrides: Overrides
) -> Iterator[Problem]:
    """Entries that name no heading or initiative of the two documents (a document changed
    since they were written), or several initiatives: the diff leaves them out, saying so in a
    note; `check` says so before anyone reads that diff."""
    from corpusdiff.compare.overrides import review_overrides
    from corpusdiff.compare.script import as_simplified
    from corpusdiff.store.resolve import load_side

    try:
        old, new = (as_simplified(load_side(doc, corpus).tree) for doc in (old_id, new_id))
    except CorpusdiffError as exc:
        yield Problem(path, str(exc))
        return
    for note in review_overrides(old, new, overrides).notes:
        entry = f"entry {note.old or '(none)'} / {note.new or '(none)'}"
        if note.action == OverrideAction.NOT_FOUND:
            yield Problem(path, f"{entry} names no heading or initiative the documents have; fix or remove it")
        elif note.action == OverrideAction.AMBIGUOUS:
            yield Problem(path, f"{entry} names more than one initiative; give its address (such as p163)")


def _check_notes(root: Path, ids: set[str]) -> Iterator[Problem]:
    """Reviewer notes (notes/<old>__<new>.yaml, store/notes.py) that cannot be read, name a
    document the corpus lacks, or are about a change the pair's diff no longer has (notes on a
    document against its own revision, <id>__<id>.yaml, are read but not matched: which
    revision they mean is not recorded)."""
    from corpusdiff.render.notes import place_notes, unknown_addresses
    from corpusdiff.render.table import comparison_table
    from corpusdiff.store.corpus import Corpus
    from corpusdiff.store.diffs import cached_compare
    from corpusdiff.store.notes import note_files, read_notes
    from corpusdiff.store.resolve import load_side

    corpus = Corpus(root, warn=_named_already)
    for path, old_id, new_id in note_files(root):
        if not old_id:
            yield Problem(path, "file name must be <old>__<new>.yaml")
            continue
        missing = [doc for doc in (old_id, new_id) if doc not in ids]
        if missing:
            yield Problem(path, f"names document {missing[0]!r}, which is not in the corpus")
            continue
        try:
            notes = read_notes(path, old_id, new_id)
            if old_id == new_id:  # notes on a revision (`review`): which revision is not recorded
                continue
            old, new = load_side(old_id, corpus).tree, load_side(new_id, corpus).tree
            result = cached_compare(old, new, corpus.overrides(old_id, new_id), corpus.vocabulary.stopwords)
        except CorpusdiffError as exc:
            yield Problem(path, str(exc).removeprefix(f"{path}:").strip())
            continue
        table = comparison_table(result)
        for note in place_notes(table, notes).orphans:
            yield Problem(path, _orphan_problem(note, unknown_addresses(table, note), old_id, new_id))


def _orphan_problem(
    note: ReviewerNote, unknown: tuple[tuple[bool, str], ...], old_id: str, new_id: str
) -> str:
    """Why a note finds no change: an address no unit has (a typo), or a change the diff no
    longer has (the diff or the documents changed since the note was written)."""
    fix = "give the unit addresses of the change (`corpusdiff diff --format csv` lists them) or remove the note"
    if unknown:
        named = "; ".join(f"{old_id if is_old else new_id} has no unit {address}" for is_old, address in unknown)
        return f"note on {note.key}: {named}; {fix}"
    return f"note on {note.key}: the diff of {old_id} and {new_id} has no such change any more; {fix}"
