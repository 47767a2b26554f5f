"""Reviewer notes: `<corpus>/notes/<old>__<new>.yaml`, beside the alignment overrides and named
like them (ids with `/` written as `.`), committed in git with the corpus (docs/corpus.md).

```yaml
notes:
  - old: p163            # the unit's paragraph in the old edition, as the site's anchor
    new: p165            # … in the new edition (leave one out for a new or dropped unit)
    significant: true
    note: 河套合作区改称“深圳园区”。
```

A corpus from elsewhere is untrusted input: the file is read by the limited YAML loader
(yamlsafe: size, depth, no aliases), a link leaving the corpus is refused, and every problem
is one CorpusError line naming the file. The text is kept as written; every view escapes it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff import yamlsafe
from corpusdiff.errors import CorpusError
from corpusdiff.store import files
from corpusdiff.types.notes import ReviewerNote
from corpusdiff.types.tree import address_anchor

if TYPE_CHECKING:
    from git import Repo

NOTES = "notes"
_KEYS = {"old", "new", "note", "significant"}
#: git's mode of a symbolic link: its blob is the link's target, never a notes file.
_SYMLINK_MODE = "120000"


def notes_name(old_id: str, new_id: str) -> str:
    """`notes/<old>__<new>.yaml` relative to the corpus, ids with `/` written as `.`."""
    return f"{NOTES}/{old_id.replace('/', '.')}__{new_id.replace('/', '.')}.yaml"


def load_notes(corpus: Path, old_id: str, new_id: str) -> tuple[ReviewerNote, ...]:
    """The notes on this pair of corpus documents; none without a file (or without ids: a file
    outside the corpus has no notes)."""
    if not old_id or not new_id:
        return ()
    relative = notes_name(old_id, new_id)
    path = corpus / relative
    if not path.is_file():
        return ()
    return read_notes(path, old_id, new_id, relative)


def load_notes_at(
    repo: Repo, revision: str, prefix: str, old_id: str, new_id: str
) -> tuple[ReviewerNote, ...]:
    """The notes on this pair as committed at `revision` (the corpus at `prefix` in the
    repository), under the limits of the working-tree reader: a link is refused, a file larger
    than yamlsafe's limit is not read, the YAML is read by the limited loader."""
    from corpusdiff.store import git as gitstore

    if not old_id or not new_id:
        return ()
    relative = notes_name(old_id, new_id)
    where = f"{prefix}{relative}@{revision[:10]}"
    entry = gitstore.blob_entry(repo, revision, f"{prefix}{relative}")
    if entry is None:
        return ()
    mode, sha, size = entry
    if mode == _SYMLINK_MODE:
        raise CorpusError(f"{where}: is a link, not a notes file; commit the file itself")
    if size > yamlsafe.MAX_BYTES:
        raise CorpusError(f"{where}: larger than {yamlsafe.MAX_BYTES} bytes; refused")
    data = yamlsafe.load(gitstore.blob_bytes(repo, sha), where)
    return parse_notes(data, relative, old_id, new_id, where)


def read_notes(path: Path, old_id: str, new_id: str, source: str = "") -> tuple[ReviewerNote, ...]:
    """One notes file; CorpusError naming it when it is not a notes file."""
    corpus = path.parent.parent.resolve()
    if not path.resolve().is_relative_to(corpus):
        raise CorpusError(f"{path}: is a link to a file outside the corpus; replace it with the file itself")
    return parse_notes(files.read_yaml(path), source or path.name, old_id, new_id, path)


def parse_notes(
    data: object, source: str, old_id: str, new_id: str, where: Path | str
) -> tuple[ReviewerNote, ...]:
    """The notes of one file's YAML data, each address reduced to its anchor (`p163`)."""
    if data is None:
        return ()
    if not isinstance(data, dict) or set(data) - {NOTES} or not isinstance(data.get(NOTES) or [], list):
        raise CorpusError(f"{where}: must be a mapping with a `notes` list (docs/corpus.md); fix it")
    return tuple(
        _note(entry, number, source, (old_id, new_id), where)
        for number, entry in enumerate(data.get(NOTES) or [], start=1)
    )


def _note(entry: object, number: int, source: str, ids: tuple[str, str], where: Path | str) -> ReviewerNote:
    def refuse(problem: str) -> CorpusError:
        return CorpusError(f"{where}: note {number}: {problem}; fix it")

    if not isinstance(entry, dict):
        raise refuse("must be a mapping with `old` and/or `new` and `note`")
    unknown = sorted(map(str, set(entry) - _KEYS))
    if unknown:
        raise refuse(f"unknown key {', '.join(unknown)} (use old, new, note, significant)")
    text = entry.get("note")
    if not isinstance(text, str) or not text.strip():
        raise refuse("`note` must be text")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        raise refuse("`note` holds a control character (a terminal escape?)")
    significant = entry.get("significant", False)
    if not isinstance(significant, bool):
        raise refuse("`significant` must be true or false")
    old = _anchor(entry.get("old"), ids[0], "old", refuse)
    new = _anchor(entry.get("new"), ids[1], "new", refuse)
    if not old and not new:
        raise refuse("give the unit's address in `old`, `new` or both")
    return ReviewerNote(old, new, text.strip(), significant, source)


def _anchor(value: object, doc_id: str, side: str, refuse: Callable[[str], CorpusError]) -> str:
    """`p163` from `p163`, `#p163` or `<doc id>#p163` (the id must be the pair's on that side)."""
    if value is None or value == "":
        return ""
    found = address_anchor(value) if isinstance(value, str) else None
    if found is None:
        raise refuse(f"`{side}` must be a unit address such as p163 or {doc_id}#p163, not {value!r}")
    doc, anchor = found
    if doc and doc != doc_id:
        raise refuse(f"`{side}` names {doc}, but this file is about {doc_id} on that side")
    return anchor


def note_files(corpus: Path) -> list[tuple[Path, str, str]]:
    """Every notes file with the ids its name gives ("" and "" when the name is not
    `<old>__<new>.yaml`)."""
    found = []
    for path in sorted((corpus / NOTES).glob("*.yaml")):
        old, sep, new = path.stem.partition("__")
        found.append((path, old.replace(".", "/"), new.replace(".", "/")) if sep else (path, "", ""))
    return found
