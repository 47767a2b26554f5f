"""`corpusdiff review [RANGE]`: every corpus document added or changed in a commit range,
compared with the right counterpart — a new edition with the previous edition of the same kind
in its series (an annual plan with the annual plan before it, never with a mid-year report, whose
figures cover half a year), a changed document with its own earlier revision. A new edition
dated before one the series holds (2019 ingested after 2021) is the later one's new previous
edition: that pair is compared too, as `now follows a new edition`; so is the edition after a
deleted one with its new previous edition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from corpusdiff.canonical.markdown import is_canonical_text, read_metadata
from corpusdiff.errors import CorpusdiffError, CorpusError
from corpusdiff.parallel import SERIAL, Runner
from corpusdiff.store import git as gitstore
from corpusdiff.store.corpus import ALIGNMENTS, overrides_name, parse_overrides
from corpusdiff.store.diffs import cached_compare
from corpusdiff.store.notes import load_notes_at
from corpusdiff.store.resolve import canonical_tree
from corpusdiff.store.vocabulary import load_vocabulary
from corpusdiff.types.diff import DiffResult, Overrides
from corpusdiff.types.document import Metadata
from corpusdiff.types.genre import MID_YEAR_REPORT, PLAN_PERIOD_GENRES
from corpusdiff.types.notes import ReviewerNote
from corpusdiff.types.review import FieldChange, ReviewItem
from corpusdiff.workflow.check import id_problems

if TYPE_CHECKING:
    from git import Repo

__all__ = ["ReviewItem", "committed_notes", "compare_texts", "resolve_range", "review"]

resolve_range = gitstore.resolve_range

#: A document's plan: (item without its result, id of the old side, old text, new text).
_Planned = tuple[ReviewItem, str, str | None, str | None]

#: What `_plan_one` says of a document added in the range (it is an edition of its series).
_ADDED = ("new edition", "first of its series", "first of its kind")


def review(
    root: Path,
    spec: str | None = None,
    runner: Runner = SERIAL,
    progress: Callable[[int], Callable[[int], None]] = lambda total: lambda n: None,
) -> list[ReviewItem]:
    """Every document added or changed in the range, with its diff; the git reads are serial,
    the comparisons run on `runner`. Each pair is compared with the reviewer overrides for it
    (`alignments/<old>__<new>.yaml`) as they stand at the head of the range, where the
    documents are read too; a revised document is paired with itself, as `diff ID@REV ID` does."""
    repo = gitstore.open_repo(root)
    base, head = gitstore.resolve_range(repo, spec)
    prefix = _prefix(repo, root)
    editions = _Editions(repo, prefix, head)
    planned = []
    for status, path, was in gitstore.changed_files(repo, base, head, prefix):
        doc_id, old_id = _document_id(path, prefix), _document_id(was, prefix)
        if status == "R" and not old_id:  # a file moved into the corpus's documents: added
            status = "A"
        if doc_id:
            planned.append(_plan_one(repo, editions, prefix, (doc_id, old_id), status, (base, head)))
        elif old_id:  # a document moved out of the documents (into sources/, say): deleted
            planned.append(_plan_one(repo, editions, prefix, (old_id, ""), "D", (base, head)))
    planned = _with_followers(repo, editions, planned, base)
    stopwords = load_vocabulary(root).stopwords
    jobs = [  # a plan with an old text always has a new one
        (old, cast(str, new), editions.overrides(old_id, item.doc_id), stopwords)
        for item, old_id, old, new in planned
        if old is not None
    ]
    results = iter(runner.map(compare_texts, jobs, progress(len(jobs))))
    return [
        replace(item, result=next(results)) if old is not None else item for item, _id, old, _new in planned
    ]


def committed_notes(root: Path, spec: str | None = None) -> Callable[[str, str], tuple[ReviewerNote, ...]]:
    """`load(old id, new id)`: the reviewer notes on a pair as committed at the head of the
    range `review` compares — the revision under review, not the working tree, which may be
    on another branch or hold notes not committed yet."""
    repo = gitstore.open_repo(root)
    _base, head = gitstore.resolve_range(repo, spec)
    prefix = _prefix(repo, root)
    return lambda old_id, new_id: load_notes_at(repo, head, prefix, old_id, new_id)


def _prefix(repo: Repo, root: Path) -> str:
    """The corpus's folder in its repository, as a prefix of repository paths (`corpus/`, or "")."""
    prefix = root.resolve().relative_to(gitstore.work_tree(repo)).as_posix()
    return "" if prefix == "." else prefix + "/"


def compare_texts(job: tuple[str, str, Overrides | None, tuple[str, ...]]) -> DiffResult:
    """Compare two canonical Markdown texts under the reviewer overrides and the corpus's
    stopwords (picklable, for batch runners), through the cache every entry point shares."""
    old, new, overrides, stopwords = job
    return cached_compare(canonical_tree(old), canonical_tree(new), overrides, stopwords)


def _show(repo: Repo, revision: str, path: str) -> str:
    return gitstore.show_file(repo, revision, path)


def _document_id(path: str, prefix: str) -> str:
    """The corpus id of a repository path, or "" when it is no corpus document (a source copy,
    the reviewer overrides, a file outside the corpus)."""
    if not path.endswith(".md") or not path.startswith(prefix):
        return ""
    doc_id = path[len(prefix) : -3]
    return "" if doc_id.split("/")[0] in ("alignments", "sources") else doc_id


def _plan_one(
    repo: Repo,
    editions: _Editions,
    prefix: str,
    ids: tuple[str, str],
    status: str,
    revisions: tuple[str, str],
) -> _Planned:
    """(item without its result, id of the old side, old text, new text); old text is None when
    nothing is compared. `ids`: the document's id and, when it was moved, the id it had. A
    revision's old side is the document itself, a renamed document's its text before."""
    (doc_id, was), (base, head) = ids, revisions
    path = f"{prefix}{doc_id}.md"
    if status == "D":
        return ReviewItem(doc_id, "deleted", "", None), "", None, None
    new_text = _show(repo, head, path)
    if not is_canonical_text(new_text):
        raise CorpusError(f"{path} at {head[:10]} is not canonical Markdown; run `corpusdiff check`")
    meta = _metadata(new_text, f"{path}@{head[:10]}")
    problems = tuple(id_problems(meta, doc_id))
    if status in ("M", "R"):
        old_id = was if status == "R" else doc_id
        old_text = _show(repo, base, f"{prefix}{old_id}.md")
        before = _metadata(old_text, f"{prefix}{old_id}.md@{base[:10]}")
        change = "renamed" if status == "R" else "revised"
        item = ReviewItem(doc_id, change, f"{old_id}@{base[:10]}", None, field_changes(before, meta), problems)
        return item, old_id, old_text, new_text
    previous = editions.previous(meta, doc_id)
    if previous is None:
        change = "first of its kind" if editions.earlier_in_series(meta, doc_id) else "first of its series"
        return ReviewItem(doc_id, change, "", None, problems=problems), "", None, None
    return (
        ReviewItem(doc_id, "new edition", previous, None, problems=problems),
        previous,
        _show(repo, head, f"{prefix}{previous}.md"),
        new_text,
    )


def _with_followers(repo: Repo, editions: _Editions, planned: list[_Planned], base: str) -> list[_Planned]:
    """The plans, each added or deleted edition followed by the edition after it, whose previous
    edition it changed (2019 ingested into a series with 2021; 2020 deleted between 2019 and
    2021): that later edition is read against another one from now on, and its reviewer expects
    the pair. Not for a later edition the range adds or changes itself: its own item pairs it."""
    in_range = {item.doc_id for item, *_ in planned}
    out: list[_Planned] = []
    for plan in planned:
        out.append(plan)
        later = _follower(repo, editions, plan[0], base)
        if later and later[0].doc_id not in in_range:
            in_range.add(later[0].doc_id)
            out.append(later)
    return out


def _follower(repo: Repo, editions: _Editions, item: ReviewItem, base: str) -> _Planned | None:
    """The plan of the edition after an added or deleted one, with the previous edition it has
    at the head of the range (none: it is now the first of its kind)."""
    if item.change in _ADDED:
        meta = editions.head_document(item.doc_id)[1]
    elif item.change == "deleted":
        path = f"{editions.prefix}{item.doc_id}.md"
        meta = _metadata(_show(repo, base, path), f"{path}@{base[:10]}")
    else:
        return None
    follower = editions.after(meta)
    if follower is None:
        return None
    text, follower_meta = editions.head_document(follower)
    previous = editions.previous(follower_meta, follower)
    if previous is None:
        return ReviewItem(follower, "now first of its kind", "", None), "", None, None
    change = "now follows a new edition" if previous == item.doc_id else "now follows an earlier edition"
    return ReviewItem(follower, change, previous, None), previous, editions.head_document(previous)[0], text


def field_changes(before: Metadata, after: Metadata) -> tuple[FieldChange, ...]:
    """The front matter's fields a revision changed, in their order; the source record aside
    (a re-ingest changes it, and the body's diff shows what that did)."""
    return tuple(
        FieldChange(f.name, str(getattr(before, f.name)), str(getattr(after, f.name)))
        for f in fields(Metadata)
        if f.name != "source" and getattr(before, f.name) != getattr(after, f.name)
    )


def edition_kind(meta: Metadata) -> tuple[str, str]:
    """What makes two editions comparable: the genre and the kind of period they cover — a
    year, half a year (a mid-year report) or several years (a five-year plan)."""
    if meta.genre == MID_YEAR_REPORT:
        period = "half-year"
    elif "-" in meta.period or meta.genre in PLAN_PERIOD_GENRES:
        period = "years"
    else:
        period = "year"
    return meta.genre, period


def _metadata(text: str, where: str) -> Metadata:
    """The front matter of a document read from git; a broken one is one line naming it."""
    try:
        return read_metadata(text)
    except CorpusdiffError as exc:
        raise CorpusError(f"{where}: {exc}") from None


class _Editions:
    """Series, kind and date of every document at `head`, read once (front matter only), and
    the reviewer overrides there."""

    def __init__(self, repo: Repo, prefix: str, head: str) -> None:
        self.repo, self.prefix, self.head = repo, prefix, head
        self.known: list[tuple[str, tuple[str, str], str, str]] = []  # (series, kind, date, id)
        self.alignments: set[str] = set()  # paths relative to the corpus
        for path in gitstore.files_at(repo, head, prefix):
            relative = path[len(prefix) :]
            if relative.startswith(f"{ALIGNMENTS}/") and relative.endswith(".yaml"):
                self.alignments.add(relative)
            if not path.endswith(".md"):
                continue
            text = _show(repo, head, path)
            if is_canonical_text(text):
                meta = _metadata(text, f"{path}@{head[:10]}")
                self.known.append((meta.series, edition_kind(meta), meta.date, path[len(prefix) : -3]))

    def previous(self, meta: Metadata, doc_id: str) -> str | None:
        """The latest document of the same series and kind (edition_kind) published before it."""
        kind = edition_kind(meta)
        earlier = [
            (d, i)
            for s, k, d, i in self.known
            if (s, k) == (meta.series, kind) and d < meta.date and i != doc_id
        ]
        return max(earlier)[1] if earlier else None

    def after(self, meta: Metadata) -> str | None:
        """The earliest document of the same series and kind (edition_kind) published after it."""
        kind = edition_kind(meta)
        later = [(d, i) for s, k, d, i in self.known if (s, k) == (meta.series, kind) and d > meta.date]
        return min(later)[1] if later else None

    def head_document(self, doc_id: str) -> tuple[str, Metadata]:
        """The document's text and front matter at `head`."""
        path = f"{self.prefix}{doc_id}.md"
        text = _show(self.repo, self.head, path)
        return text, _metadata(text, f"{path}@{self.head[:10]}")

    def earlier_in_series(self, meta: Metadata, doc_id: str) -> bool:
        """Whether the series has an earlier document of any kind."""
        return any(s == meta.series and d < meta.date and i != doc_id for s, _k, d, i in self.known)

    def overrides(self, old_id: str, new_id: str) -> Overrides:
        """The reviewer overrides for this pair at `head` (none without a file)."""
        relative = overrides_name(old_id, new_id)
        if relative not in self.alignments:
            return Overrides()
        text = _show(self.repo, self.head, f"{self.prefix}{relative}")
        return parse_overrides(text, relative, f"{self.prefix}{relative}@{self.head[:10]}")
