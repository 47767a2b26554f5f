"""`corpusdiff git install|uninstall`: make `git diff` show the section-aligned view of corpus
files, through a git external diff driver registered in .gitattributes and .git/config."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff.errors import InputError
from corpusdiff.read.decode import MAX_REPORT_BYTES
from corpusdiff.store import confine, files
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import Corpus
from corpusdiff.store.files import write_atomic
from corpusdiff.types.diff import Overrides

if TYPE_CHECKING:
    from git import Repo

DRIVER = "corpusdiff"
_MARK = "# corpusdiff: section-aligned diffs of corpus documents"


def _attribute_line(repo: Repo, corpus: Path) -> str:
    relative = corpus.resolve().relative_to(gitstore.work_tree(repo)).as_posix()
    pattern = "*.md" if relative == "." else f"{relative}/**/*.md"
    return f"{pattern} diff={DRIVER}"


def install(corpus: Path) -> Path:
    """Register the driver; returns the .gitattributes path. Running it twice changes nothing.
    A stale config.lock is refused before anything is written; both files are written whole
    or not at all (a temporary file renamed, `git config`'s own lock file renamed)."""
    repo = gitstore.open_repo(corpus)
    gitstore.refuse_stale_locks(repo, "config.lock")
    attributes = _attributes(repo)
    lines = files.read_corpus_text(attributes).splitlines() if attributes.exists() else []
    wanted = [_MARK, _attribute_line(repo, corpus)]
    if wanted[1] not in lines:
        write_atomic(attributes, "\n".join([*lines, *wanted]) + "\n")
    command = " ".join(shlex.quote(p) for p in (sys.executable, "-m", "corpusdiff", "git", "diff-driver"))
    gitstore.set_config(repo, f"diff.{DRIVER}.command", command)
    return attributes


def uninstall(corpus: Path) -> None:
    """Remove what `install` added, the configuration first (a kill in between leaves an
    attribute naming no driver, which git ignores)."""
    repo = gitstore.open_repo(corpus)
    gitstore.refuse_stale_locks(repo, "config.lock")
    gitstore.remove_config_section(repo, f"diff.{DRIVER}")
    attributes = _attributes(repo)
    if attributes.exists():
        kept = [
            line
            for line in files.read_corpus_text(attributes).splitlines()
            if line != _MARK and not line.endswith(f" diff={DRIVER}")
        ]
        if kept:
            write_atomic(attributes, "\n".join(kept) + "\n")
        else:
            attributes.unlink()


def _attributes(repo: Repo) -> Path:
    """The repository's .gitattributes, never read or written through a symlink."""
    top = gitstore.work_tree(repo)
    return confine.writable(top, top / ".gitattributes")


def driver_text(path: str, old_file: str, new_file: str, corpus: Path | None = None) -> str:
    """What git shows for one file: the terminal report of the section-aligned diff, its
    labels in the corpus's language (site.yaml `language:`, Chinese by default).

    `path` is the file's path in the repository (git runs the driver at the top of the work
    tree). When the file is a corpus document, the reviewer overrides for the document with
    itself apply (`alignments/<id>__<id>.yaml`, as `corpusdiff diff ID@REV ID` reads them):
    the corpus is `corpus` when the file lies under it, else found from the document's own id
    in its front matter (`<corpus>/<id>.md`)."""
    from corpusdiff.canonical.markdown import is_canonical_text
    from corpusdiff.render.diff import REVIEWED
    from corpusdiff.render.diff_terminal import to_terminal
    from corpusdiff.render.review import front_matter_line
    from corpusdiff.site.common import site_language
    from corpusdiff.store.diffs import cached_compare
    from corpusdiff.store.resolve import canonical_tree
    from corpusdiff.strings import DEFAULT_LANGUAGE, catalogue
    from corpusdiff.workflow.review import field_changes

    texts = [_side(name) for name in (old_file, new_file)]
    header = f"corpusdiff {path}\n"
    if not all(is_canonical_text(t) for t in texts):
        state = "added" if not texts[0] else "deleted" if not texts[1] else "not canonical on one side"
        return header + f"({state}; use `git diff --no-ext-diff` for the plain diff)\n"
    old, new = canonical_tree(texts[0]), canonical_tree(texts[1])
    found = _corpus_of(path, new.metadata.id or old.metadata.id, corpus)
    overrides = found[0].overrides(found[1], found[1]) if found else Overrides()
    stopwords = found[0].vocabulary.stopwords if found else None
    result = cached_compare(old, new, overrides, stopwords)
    strings = catalogue(site_language(found[0].root) if found else DEFAULT_LANGUAGE)
    changed = field_changes(old.metadata, new.metadata)
    if changed:  # what the body's diff cannot show, as `review` names it
        header += front_matter_line(changed, strings) + "\n"
    return header + to_terminal(result, only=REVIEWED, color=False, strings=strings)


def _side(name: str) -> str:
    """The text of one side git hands the driver ("" for /dev/null, an added or deleted file;
    "\ufffd" marks bytes that are no UTF-8, which no canonical document holds); a path that
    is not a file is one line, not a traceback; the work tree's side is the corpus's file, read
    as a regular file (a named pipe swapped in is named, never waited on: `files.read_regular`)."""
    if name == "/dev/null":
        return ""
    path = Path(name)
    try:
        data = files.read_regular(path.resolve(), MAX_REPORT_BYTES)
    except files.NotARegularFile as exc:
        raise InputError(f"{name}: {exc.kind}, not a file; remove it") from None
    except OSError:
        raise InputError(
            f"{name}: no such file; git hands a diff driver the two sides of a change as files "
            "(run by `git diff` after `corpusdiff git install`)"
        ) from None
    if data is None:
        raise InputError(f"{name}: larger than {MAX_REPORT_BYTES} bytes, more than any report holds; remove it")
    return data.decode("utf-8", "replace")


def _corpus_of(path: str, claimed_id: str, corpus: Path | None) -> tuple[Corpus, str] | None:
    """The corpus the document at `path` belongs to, and its id there; None outside a corpus."""
    from corpusdiff.store.corpus import document_id

    target = Path(path).resolve()
    if corpus is not None and target.is_relative_to(corpus.resolve()):
        return Corpus(corpus), document_id(corpus.resolve(), target)
    posix, suffix = Path(path).as_posix(), f"{claimed_id}.md"
    if claimed_id and (posix == suffix or posix.endswith(f"/{suffix}")):
        return Corpus(Path(posix[: -len(suffix)] or ".")), claimed_id
    return None
