"""`corpusdiff review [RANGE]`: every corpus document added or changed in a commit range,
compared with the right counterpart — a new edition with the previous edition of its series,
a changed document with its own earlier revision."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpusdiff import gitstore
from corpusdiff.compare import DiffResult, compare
from corpusdiff.errors import CorpusError
from corpusdiff.markdown import is_canonical_text, parse
from corpusdiff.tree import build_tree


@dataclass(frozen=True)
class ReviewItem:
    doc_id: str
    change: str  # "new edition", "revised", "deleted", "first of its series"
    against: str  # what it was compared with ("" when nothing)
    result: DiffResult | None


def resolve_range(repo, spec: str | None) -> tuple[str, str]:
    """(base, head) commits: `A..B`, `A...B`, `A` (meaning A..HEAD), or the upstream/main default."""
    if spec:
        base, _sep, head = spec.replace("...", "..").partition("..")
        head = head or "HEAD"
        base = base or "HEAD"
    else:
        head = "HEAD"
        tracking = None
        try:
            tracking = repo.active_branch.tracking_branch()
        except TypeError:
            tracking = None
        if tracking is not None:
            base = tracking.name
        elif "main" in repo.heads and repo.active_branch.name != "main":
            base = "main"
        else:
            raise CorpusError(
                "nothing to compare against: no upstream and already on main; give a RANGE such as HEAD~3..HEAD"
            )
    try:
        merge_base = repo.git.merge_base(base, head)
    except Exception as exc:
        raise CorpusError(f"cannot resolve range {base}..{head}; check the revisions") from exc
    return merge_base, repo.git.rev_parse(head)


def review(root: Path, spec: str | None = None) -> list[ReviewItem]:
    repo = gitstore.open_repo(root)
    base, head = resolve_range(repo, spec)
    top = gitstore.work_tree(repo)
    prefix = root.resolve().relative_to(top).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    changes = repo.git.diff("--name-status", "--no-renames", base, head, "--", prefix or ".").splitlines()
    items = []
    for line in changes:
        status, _, path = line.partition("\t")
        if not path.endswith(".md") or not path.startswith(prefix):
            continue
        doc_id = path[len(prefix) : -3]
        if doc_id.split("/")[0] in ("alignments", "sources"):
            continue
        items.append(_review_one(repo, root, prefix, doc_id, status, base, head))
    return items


def _show(repo, revision: str, path: str) -> str:
    return repo.git.show(f"{revision}:{path}") + "\n"


def _review_one(repo, root: Path, prefix: str, doc_id: str, status: str, base: str, head: str) -> ReviewItem:
    path = f"{prefix}{doc_id}.md"
    if status == "D":
        return ReviewItem(doc_id, "deleted", "", None)
    new_text = _show(repo, head, path)
    if not is_canonical_text(new_text):
        raise CorpusError(f"{path} at {head[:10]} is not canonical Markdown; run `corpusdiff check`")
    new_doc = parse(new_text)
    if status == "M":
        old_doc = parse(_show(repo, base, path))
        return ReviewItem(
            doc_id, "revised", f"{doc_id}@{base[:10]}", compare(build_tree(old_doc), build_tree(new_doc))
        )
    previous = _previous_edition(repo, prefix, head, new_doc.metadata.series, new_doc.metadata.date, doc_id)
    if previous is None:
        return ReviewItem(doc_id, "first of its series", "", None)
    prev_id, prev_doc = previous
    return ReviewItem(doc_id, "new edition", prev_id, compare(build_tree(prev_doc), build_tree(new_doc)))


def _previous_edition(repo, prefix: str, head: str, series: str, date: str, doc_id: str):
    """The latest document of the same series published before `date`, as of `head`."""
    best = None
    for path in repo.git.ls_tree("-r", "--name-only", head, "--", prefix or ".").splitlines():
        if not path.endswith(".md") or path == f"{prefix}{doc_id}.md":
            continue
        text = _show(repo, head, path)
        if not is_canonical_text(text):
            continue
        document = parse(text)
        meta = document.metadata
        if meta.series == series and meta.date < date and (best is None or meta.date > best[1].metadata.date):
            best = (path[len(prefix) : -3], document)
    return best
