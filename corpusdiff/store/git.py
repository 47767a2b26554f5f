"""The corpus's git repository: the only module that talks to git (through GitPython).

Document text never reaches a shell: GitPython passes every argument as a list element.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpusdiff.errors import CorpusError

if TYPE_CHECKING:  # GitPython itself is imported inside the functions that use it
    from git import Repo

_FALLBACK_IDENTITY = {"name": "corpusdiff", "email": "corpusdiff@localhost"}


@dataclass(frozen=True)
class Trailers:
    """Provenance carried by every ingest commit, as git trailers."""

    source_sha256: str
    dialect: str
    tool_version: str
    source_file: str

    def render(self) -> str:
        return (
            f"Source-file: {one_line(self.source_file)}\n"
            f"Source-sha256: {one_line(self.source_sha256)}\n"
            f"Dialect-version: {one_line(self.dialect)}\n"
            f"Corpusdiff-version: {one_line(self.tool_version)}"
        )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(value: str) -> str:
    """A value as it may stand in a commit message: control characters and line breaks (which
    would start a forged trailer such as `Source-sha256: …`) become a visible `?`."""
    return _CONTROL.sub("?", value)


def open_repo(path: Path, create: bool = False) -> Repo:
    """The git work tree holding `path`; initialised at `path` when there is none and `create`."""
    import git

    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        if not create:
            raise CorpusError(
                f"{path} is not inside a git repository; run `corpusdiff ingest` to create a corpus"
            ) from None
    path.mkdir(parents=True, exist_ok=True)
    return git.Repo.init(path, initial_branch="main")


def work_tree(repo: Repo) -> Path:
    assert repo.working_tree_dir is not None, "a corpus is never a bare repository"
    return Path(repo.working_tree_dir).resolve()


@contextmanager
def locked(repo: Repo) -> Iterator[None]:
    """One writer at a time: an exclusive lock file in the git directory, waited for."""
    lock_path = Path(repo.git_dir) / "corpusdiff.lock"
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            import sys

            print("corpusdiff: waiting for another corpusdiff process to finish…", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def has_uncommitted_changes(repo: Repo, path: Path) -> bool:
    """True when `path` differs from HEAD in the work tree or the index (hand edits)."""
    relative = str(path.resolve().relative_to(work_tree(repo)))
    if not repo.head.is_valid():
        return False
    return bool(repo.git.status("--porcelain", "--", relative).strip())


def dirty_paths(repo: Repo) -> set[str]:
    """Repository-relative paths that differ from HEAD in the work tree or the index, or are
    untracked (a document an interrupted ingest wrote but never committed)."""
    if not repo.head.is_valid():
        return set()
    out = repo.git.status("--porcelain", "-z", "--untracked-files=all")
    return {entry[3:] for entry in out.split("\0") if len(entry) > 3}


def untracked_paths(repo: Repo) -> set[str]:
    """Repository-relative paths git does not track (what an interrupted run left behind)."""
    out = repo.git.status("--porcelain", "-z", "--untracked-files=all")
    return {entry[3:] for entry in out.split("\0") if entry.startswith("?? ")}


def commit_paths(repo: Repo, paths: Sequence[Path], message: str) -> str:
    """Commit exactly `paths` (other staged changes are left alone); return the new sha."""
    relative = [str(p.resolve().relative_to(work_tree(repo))) for p in paths]
    lock = Path(repo.git_dir) / "index.lock"
    if lock.exists():
        raise CorpusError(
            f"{lock} exists: another git command is running, or one was interrupted; "
            "if no git process is running, delete that file and run the command again"
        )
    repo.git.add("--", *relative)
    args = ["--quiet", "--no-verify", "-m", message]
    if repo.head.is_valid():
        args.append("--only")
    repo.git.commit(*args, "--", *relative, env=_identity_env(repo))
    return repo.head.commit.hexsha


def _identity_env(repo: Repo) -> dict[str, str]:
    """Use the user's git identity; fall back to a neutral one so ingest works on a fresh machine."""
    reader = repo.config_reader()
    # the raw strings: get_value would turn a name such as `007` into the int 7
    name = reader.get("user", "name", fallback="") or os.environ.get("GIT_AUTHOR_NAME", "")
    email = reader.get("user", "email", fallback="") or os.environ.get("GIT_AUTHOR_EMAIL", "")
    if name and email:
        return {}
    env = {}
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"] = name or _FALLBACK_IDENTITY["name"]
        env[f"GIT_{role}_EMAIL"] = email or _FALLBACK_IDENTITY["email"]
    return env


def file_at_revision(repo: Repo, path: Path, revision: str) -> str:
    """The text of `path` at `revision`, or a CorpusError saying what is missing."""
    import git

    relative = path.resolve().relative_to(work_tree(repo)).as_posix()
    try:
        return repo.git.show(f"{revision}:{relative}")
    except git.GitCommandError:
        raise CorpusError(f"{relative} does not exist at revision {revision!r}") from None


@dataclass(frozen=True)
class Revision:
    """One commit that touched a document."""

    sha: str
    date: str
    subject: str
    trailers: dict[str, str]
    kind: str  # "new edition", "normalisation change", "source update", "hand correction"


_TRAILER_KEYS = ("Action", "Source-file", "Source-sha256", "Dialect-version", "Corpusdiff-version")


def _trailers(message: str, relative: str) -> dict[str, str]:
    """The provenance of one document: the whole trailer block of a single-document commit, or
    the group after `Document: <relative>` in a bulk commit."""
    groups: dict[str, dict[str, str]] = {"": {}}
    current = groups[""]
    for line in message.strip().splitlines():
        key, sep, value = line.partition(": ")
        if sep and key == "Document":
            current = groups.setdefault(value.strip(), {})
        elif sep and key in _TRAILER_KEYS:
            current[key] = value.strip()
    return groups.get(relative, {}) if len(groups) > 1 else groups[""]


def _kind(subject: str, trailers: dict[str, str]) -> str:
    if not trailers:
        return "hand correction"
    action = trailers.get("Action") or subject.partition(":")[0]
    if action == "ingest":
        return "new edition"
    if action == "update source":
        return "source update"
    return "normalisation change"


def history(repo: Repo, path: Path) -> list[Revision]:
    """Commits that changed `path`, newest first, each classified by its trailers."""
    relative = path.resolve().relative_to(work_tree(repo)).as_posix()
    revisions = []
    for commit in repo.iter_commits(paths=relative):
        # GitPython leaves a message it cannot decode with the commit's encoding as bytes
        message = (
            commit.message if isinstance(commit.message, str) else commit.message.decode("utf-8", "replace")
        )
        trailers = _trailers(message, relative)
        subject = message.splitlines()[0] if message else ""
        revisions.append(
            Revision(
                commit.hexsha,
                commit.authored_datetime.date().isoformat(),
                subject,
                trailers,
                _kind(subject, trailers),
            )
        )
    return revisions


def last_ingest(repo: Repo, path: Path) -> Revision | None:
    """The newest commit of `path` made by ingest (it carries provenance trailers)."""
    return next((r for r in history(repo, path) if r.trailers), None)


def three_way_merge(repo: Repo, ours: str, base: str, theirs: str) -> tuple[str, bool]:
    """`git merge-file`: apply base→theirs onto ours; returns (text, merged cleanly)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        status, out, _ = repo.git.execute(
            [
                "git",
                "merge-file",
                "-p",
                "-L",
                "new normalisation",
                "-L",
                "last ingest",
                "-L",
                "hand corrections",
                *paths,
            ],
            with_extended_output=True,
            with_exceptions=False,
            strip_newline_in_stdout=False,
        )
    return out, status == 0


# --- reading history: review, the history branch, the site ------------------------------


def resolve_range(repo: Repo, spec: str | None) -> tuple[str, str]:
    """(base, head) commits: `A..B`, `A...B`, `A` (meaning A..HEAD), or the upstream/main default."""
    if spec:
        base, _sep, head = spec.replace("...", "..").partition("..")
        head = head or "HEAD"
        base = base or "HEAD"
    else:
        head = "HEAD"
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


def changed_files(repo: Repo, base: str, head: str, prefix: str) -> list[tuple[str, str]]:
    """(status letter, repository-relative path) of every file changed under `prefix`."""
    out = repo.git.diff("--name-status", "--no-renames", base, head, "--", prefix or ".")
    return [(status, path) for status, _, path in (line.partition("\t") for line in out.splitlines())]


def files_at(repo: Repo, revision: str, prefix: str) -> list[str]:
    """Repository-relative paths of every file under `prefix` at `revision`."""
    return repo.git.ls_tree("-r", "--name-only", revision, "--", prefix or ".").splitlines()


def show_file(repo: Repo, revision: str, path: str) -> str:
    """A file's text at a revision (repository-relative path), with its final newline."""
    return repo.git.show(f"{revision}:{path}") + "\n"


def head_commit(repo: Repo) -> str:
    """The short sha of HEAD ("" on a branch with no commit yet)."""
    return repo.head.commit.hexsha[:10] if repo.head.is_valid() else ""


def write_branch_of_one_file(
    repo: Repo,
    branch: str,
    filename: str,
    editions: Sequence[tuple[Path, str, str]],
    identity: tuple[str, str],
) -> list[str]:
    """A branch with one commit per (file, ISO date, message) holding that file as `filename`,
    dated by the given date; the index and work tree are untouched. Returns the commits."""
    parent = ""
    commits = []
    for path, when, message in editions:
        blob = repo.git.hash_object("-w", "--path", filename, str(path))
        tree = _tree_of_one_file(repo, blob, filename)
        env = {
            "GIT_AUTHOR_NAME": identity[0],
            "GIT_AUTHOR_EMAIL": identity[1],
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": identity[0],
            "GIT_COMMITTER_EMAIL": identity[1],
            "GIT_COMMITTER_DATE": when,
        }
        args = ["commit-tree", tree, *(["-p", parent] if parent else []), "-m", message]
        parent = repo.git.execute(["git", *args], env=env)
        commits.append(parent)
    repo.git.update_ref(f"refs/heads/{branch}", parent)
    return commits


def _tree_of_one_file(repo: Repo, blob: str, filename: str) -> str:
    """A tree holding one file, written through a private index (the real index is untouched)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        repo.git.execute(
            ["git", "update-index", "--add", "--cacheinfo", f"100644,{blob},{filename}"], env=env
        )
        return repo.git.execute(["git", "write-tree"], env=env)


def set_config(repo: Repo, section: str, option: str, value: str) -> None:
    with repo.config_writer() as config:
        config.set_value(section, option, value)


def remove_config_section(repo: Repo, section: str) -> None:
    with repo.config_writer() as config:
        if config.has_section(section):
            config.remove_section(section)
