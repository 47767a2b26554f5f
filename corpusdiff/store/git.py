"""The corpus's git repository: the only module that talks to git (through GitPython, but for
a few read-only commands that the commands reading documents run without importing it).

Document text never reaches a shell: every argument is passed as a list element.
"""

from __future__ import annotations

import fcntl
import functools
import os
import re
import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from corpusdiff.errors import CorpusError
from corpusdiff.store.gitconfig import refuse_unsafe_config, small_file
from corpusdiff.text.chars import visible_controls

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
    #: the source this commit removes from `sources/` (`ingest --replace`), and its sha256
    replaced_file: str = ""
    replaced_sha256: str = ""

    def render(self) -> str:
        replaced = (
            f"Replaced-source-file: {one_line(self.replaced_file)}\n"
            f"Replaced-source-sha256: {one_line(self.replaced_sha256)}\n"
            if self.replaced_file
            else ""
        )
        return (
            f"Source-file: {one_line(self.source_file)}\n"
            f"Source-sha256: {one_line(self.source_sha256)}\n{replaced}"
            f"Dialect-version: {one_line(self.dialect)}\n"
            f"Corpusdiff-version: {one_line(self.tool_version)}"
        )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(value: str) -> str:
    """A value as it may stand in a commit message: control characters and line breaks (which
    would start a forged trailer such as `Source-sha256: …`) become a visible `?`."""
    return _CONTROL.sub("?", value)


#: What the corpus's own git configuration and hooks may not make git run for us: no hook
#: (`.git/hooks` of an unpacked corpus, `core.hooksPath`) and no fsmonitor command. Given as
#: command-line configuration (`GIT_CONFIG_KEY_n`), which outranks every configuration file.
_NEUTRAL_CONFIG = (("core.hooksPath", os.devnull), ("core.fsmonitor", "false"))

#: Keys of a repository's own configuration naming a program that `git add`, `git status` or
#: `git commit` would run: a filter driver's commands, the signing program.
_PROGRAM_KEY = re.compile(r"filter\..+\.(clean|smudge|process)|gpg\.(.+\.)?program", re.IGNORECASE)
#: Git LFS's filter (`git lfs install --local`), named for what it is: an honest corpus's. Git
#: lists section and key in lower case, the subsection as written (`[filter "LFS"]`).
_LFS_KEY = re.compile(r"filter\.lfs\.(clean|smudge|process)", re.IGNORECASE)


def neutral_git_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment variables that make git ignore `_NEUTRAL_CONFIG`'s hazards, after any
    command-line configuration the environment already gives."""
    environ = dict(os.environ) if environ is None else environ
    first = int(environ.get("GIT_CONFIG_COUNT", "0") or "0")
    env = {"GIT_CONFIG_COUNT": str(first + len(_NEUTRAL_CONFIG))}
    for n, (key, value) in enumerate(_NEUTRAL_CONFIG, start=first):
        env[f"GIT_CONFIG_KEY_{n}"], env[f"GIT_CONFIG_VALUE_{n}"] = key, value
    return env


def refuse_corpus_programs(folder: Path) -> None:
    """A corpus is untrusted, its `.git/config` too when it was unpacked rather than cloned:
    refuse one that names a program our git commands would run (the user's own, global
    configuration is trusted)."""
    out = _git_output(folder, "config", "--list", "--show-scope", "-z") or ""
    fields = out.split("\0")
    for scope, entry in zip(fields[::2], fields[1::2], strict=False):
        key = entry.partition("\n")[0]
        if scope in ("local", "worktree") and _LFS_KEY.fullmatch(key):
            raise CorpusError(
                f"{folder}: the repository's own git configuration sets up Git LFS ({key}: git "
                "would run git-lfs for corpusdiff), and a corpus may not run programs; corpusdiff "
                "needs no LFS (a report stored in LFS is a pointer file, not report text: commit "
                "reports as plain files): remove it (`git -C "
                f"{folder} config --local --remove-section filter.lfs`, or this key alone: "
                f"`--unset-all {shlex.quote(key)}`; LFS for your other repositories belongs in your "
                "global configuration, `git lfs install`), then run the command again"
            )
        if scope in ("local", "worktree") and _PROGRAM_KEY.fullmatch(key):
            raise CorpusError(
                f"{folder}: the repository's own git configuration sets {key}, a program git would "
                "run for corpusdiff, and a corpus may not run programs; if you did not set it "
                f"yourself, remove it (`git -C {folder} config --unset-all {key}`), then run the "
                "command again"
            )


def open_repo(path: Path, create: bool = False) -> Repo:
    """The git work tree holding `path`; initialised at `path` when there is none and `create`.
    Its git commands run no hook nor program the corpus's configuration names, nor read or
    write outside it (`gitconfig`: checked before GitPython reads that configuration)."""
    import git

    refuse_unsafe_config(path)
    try:
        repo = git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        _refuse_broken_repository(path)
        if not create:
            raise CorpusError(
                f"{path} is not inside a git repository; run `corpusdiff ingest` to create a corpus"
            ) from None
        repo = _init(path)
    if (path / ".git").exists() and work_tree(repo) != path.resolve():
        _refuse_broken_repository(path)
    repo.git.update_environment(**neutral_git_env())
    refuse_borrowed_repository(work_tree(repo), Path(repo.git_dir))
    refuse_foreign_owner(work_tree(repo))
    refuse_corpus_programs(work_tree(repo))
    return repo


def refuse_borrowed_repository(top: Path, git_dir: Path) -> None:
    """A `.git` that is a file (`gitdir: …`) or a link names a repository elsewhere: git then
    commits there. A linked worktree's or a submodule's repository names this work tree back
    (its `gitdir` file, its `core.worktree`); one that does not is another repository, which
    an unpacked corpus could aim ingest at (`gitdir: ../../.git`, a project it was unpacked
    into)."""
    dot_git = top / ".git"
    if not dot_git.is_symlink() and not dot_git.is_file():
        return
    back = git_dir / "gitdir"
    if back.is_file() and Path(small_file(back)).resolve() == dot_git.resolve():
        return  # a linked worktree (`git worktree add`)
    worktree = _git_output(top, "config", "--file", str(git_dir / "config"), "core.worktree")
    if worktree and (git_dir / worktree.strip()).resolve() == top:
        return  # a submodule's repository under the superproject's .git/modules
    raise CorpusError(
        f"{dot_git} points at the git repository {git_dir.resolve()}, which is not this corpus's (it names "
        "no work tree here): corpusdiff would commit into it; if the corpus was unpacked from an "
        f"archive, remove {dot_git} and run `git init` in the corpus, then run the command again"
    )


def refuse_foreign_owner(folder: Path) -> None:
    """Git refuses a repository another user owns (its configuration could run their
    programs as you): say so in one line, with git's own way to trust it, instead of failing
    at the first git command."""
    status, _, err = _run_git(folder, "rev-parse", "--git-dir")
    if status != 0 and "dubious ownership" in err:
        raise CorpusError(
            f"{folder}: git refuses this repository because another user owns it (its "
            "configuration could run their programs as you); if you trust it, run "
            f"`git config --global --add safe.directory {folder}`, or copy the corpus as "
            "yourself, then run the command again"
        )


def in_work_tree(path: Path) -> bool:
    """Whether `path` lies in the work tree of a git repository git can open."""
    import git

    refuse_unsafe_config(path)
    try:
        git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return False
    return True


def _refuse_broken_repository(path: Path) -> None:
    """A `.git` git does not recognise is named, never passed over for a repository further
    up: one holding commits is a damaged corpus history, to restore; one without, a clone or an
    init cut short, to move away."""
    dot_git = path / ".git"
    if _holds_commits(dot_git):
        raise CorpusError(
            f"{dot_git} holds commits but is not a usable git repository (its HEAD, config or "
            "objects are damaged); restore it from a backup or clone the corpus again "
            "(`git fsck` names the damage), then run the command again"
        )
    if dot_git.exists():
        raise CorpusError(
            f"{dot_git} is not a usable git repository (a clone or `git init` cut short?); "
            "move it away and run the command again"
        )


def _holds_commits(dot_git: Path) -> bool:
    """Whether a `.git` folder holds objects, loose or packed: a history to keep."""
    objects = dot_git / "objects"
    return dot_git.is_dir() and (any(objects.glob("??/*")) or any(objects.glob("pack/*.pack")))


_INIT_SCRATCH = ".corpusdiff-init.tmp"


def _init(path: Path) -> Repo:
    """`git init` in a scratch folder, then its `.git` renamed into place: a kill leaves either
    no repository or a whole one, never a `.git` git cannot read."""
    import shutil

    import git

    path.mkdir(parents=True, exist_ok=True)
    scratch = path / _INIT_SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)
    git.Repo.init(scratch, initial_branch="main")
    os.rename(scratch / ".git", path / ".git")
    scratch.rmdir()
    return git.Repo(path)


def work_tree(repo: Repo) -> Path:
    assert repo.working_tree_dir is not None, "a corpus is never a bare repository"
    return Path(repo.working_tree_dir).resolve()


@contextmanager
def locked(repo: Repo) -> Iterator[None]:
    """One writer at a time: an exclusive lock file in the git directory, waited for."""
    from corpusdiff.store.diskerrors import disk_error

    lock_path = Path(repo.git_dir) / "corpusdiff.lock"
    try:
        fd = os.open(lock_path, os.O_WRONLY | os.O_CREAT, 0o666)
    except OSError as exc:
        raise disk_error(exc, lock_path, "nothing was changed") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            import sys

            print("corpusdiff: waiting for another corpusdiff process to finish…", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


#: What git leaves in its directory while an operation waits for the user, and how to end it.
_UNFINISHED = (
    ("MERGE_HEAD", "a merge", "`git commit`", "`git merge --abort`"),
    ("rebase-merge", "a rebase", "`git rebase --continue`", "`git rebase --abort`"),
    (
        "rebase-apply",
        "a rebase or `git am`",
        "`git rebase --continue` or `git am --continue`",
        "`git rebase --abort` or `git am --abort`",
    ),
    ("CHERRY_PICK_HEAD", "a cherry-pick", "`git cherry-pick --continue`", "`git cherry-pick --abort`"),
    ("REVERT_HEAD", "a revert", "`git revert --continue`", "`git revert --abort`"),
)


def refuse_unfinished_operation(repo: Repo) -> None:
    """Refuse to write while a merge, rebase, cherry-pick or revert waits for the user: a
    commit then would mix its half-done state into the corpus (or git refuses it)."""
    unfinished = _unfinished(Path(repo.git_dir))
    if unfinished is not None:
        operation, finish, abort = unfinished
        raise CorpusError(
            f"{work_tree(repo)}: {operation} is in progress; finish it ({finish}) or abandon it "
            f"({abort}), then run the command again"
        )


def _unfinished(git_dir: Path) -> tuple[str, str, str] | None:
    """(operation, how to finish it, how to abandon it) of what waits for the user, if any."""
    for marker, operation, finish, abort in _UNFINISHED:
        if (git_dir / marker).exists():
            return operation, finish, abort
    return None


def _run_git(folder: Path, *args: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of a read-only git command run in `folder`; status -1 when
    git cannot be run. Without GitPython: the commands that only read documents never pay for
    importing it."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            check=False,
            env={**os.environ, **neutral_git_env()},
        )
    except OSError as exc:
        return -1, "", str(exc)
    decode = functools.partial(bytes.decode, encoding="utf-8", errors="surrogateescape")
    return done.returncode, decode(done.stdout), decode(done.stderr)


def _git_output(folder: Path, *args: str) -> str | None:
    """The output of a read-only git command run in `folder`; None when it fails (no
    repository there, no git)."""
    status, out, _ = _run_git(folder, *args)
    return out if status == 0 else None


def unmerged_paths(folder: Path) -> list[str]:
    """Paths under `folder` (relative to it) that git holds unmerged: what a merge, rebase,
    cherry-pick, revert or `git stash pop` stopped on, written with conflict markers until the
    user resolves them and `git add`s them. [] outside a repository. The first git command of
    the commands that read documents: refused first when the configuration is unsafe."""
    refuse_unsafe_config(folder)
    out = _git_output(folder, "ls-files", "--unmerged", "-z", "--", ".")
    entries = (entry.partition("\t")[2] for entry in (out or "").split("\0") if entry)
    return sorted(set(entries))


def refuse_unresolved_conflicts(folder: Path) -> None:
    """Refuse to read a corpus with files git holds unmerged: their conflict markers
    (`<<<<<<<`) would be read as report text, compared and published."""
    paths = unmerged_paths(folder)
    if paths:
        named = paths[0] + (f" and {len(paths) - 1} more" if len(paths) > 1 else "")
        raise CorpusError(
            f"{folder}: {named} has unresolved git conflicts (conflict markers in its text); "
            f"{conflict_advice(folder)}, then run the command again"
        )


def conflict_advice(folder: Path) -> str:
    """How to end the conflicts of the repository holding `folder`: through the operation
    that stopped on them, or (`git stash pop`, `git checkout -m`) file by file."""
    git_dir = _git_output(folder, "rev-parse", "--absolute-git-dir")
    unfinished = _unfinished(Path(git_dir.strip())) if git_dir else None
    if unfinished is None:
        return "resolve them and `git add` the file, or put it back with `git checkout HEAD -- FILE`"
    operation, finish, abort = unfinished
    return (
        f"{operation} is in progress: resolve them, `git add` the file and finish it ({finish}), "
        f"or abandon it ({abort})"
    )


def refuse_stale_locks(repo: Repo, *names: str) -> None:
    """Refuse to start when one of git's lock files is there (`index.lock`, `config.lock`, a
    ref's `.lock`, relative to the git directory): a git command is running, or one was
    killed and left it, and git would fail halfway through our writes."""
    for name in names:
        shared = name == "config.lock" or name.startswith("refs/")
        lock = Path(repo.common_dir if shared else repo.git_dir) / name
        if lock.exists():
            raise CorpusError(
                f"{lock} exists: another git command is running, or one was interrupted; "
                "if no git process is running, delete that file and run the command again"
            )


def refuse_detached_head(repo: Repo) -> None:
    """A commit on a detached HEAD belongs to no branch: git forgets it on the next switch."""
    if repo.head.is_detached:
        raise CorpusError(
            f"HEAD is detached at {repo.head.commit.hexsha[:10]}, so the commit would be on no branch; "
            "switch to a branch first (`git switch main`, or `git switch -c NAME` to start one here), "
            "or pass --allow-detached"
        )


@contextmanager
def git_errors(doing: str) -> Iterator[None]:
    """A git command that fails becomes one line: what we were doing and git's own reason."""
    import git

    try:
        yield
    except git.GitCommandError as exc:
        raise CorpusError(f"git could not {doing}: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    """The line of git's stderr that says what went wrong."""
    raw = str(getattr(exc, "stderr", "") or "").strip()
    raw = raw.removeprefix("stderr:").strip().strip("'")
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line.partition(":")[2].strip()
    return lines[0] if lines else f"exit status {getattr(exc, 'status', '?')}"


def dirty_paths(repo: Repo) -> set[str]:
    """Repository-relative paths that differ from HEAD in the work tree or the index, or are
    untracked (a document an interrupted ingest wrote but never committed, on a branch with
    commits or before the first one)."""
    out = repo.git.status("--porcelain", "-z", "--untracked-files=all")
    return {entry[3:] for entry in out.split("\0") if len(entry) > 3}


def untracked_paths(repo: Repo) -> set[str]:
    """Repository-relative paths git does not track (what an interrupted run left behind)."""
    out = repo.git.status("--porcelain", "-z", "--untracked-files=all")
    return {entry[3:] for entry in out.split("\0") if entry.startswith("?? ")}


def uncommitted_new_paths(repo: Repo) -> set[str]:
    """Repository-relative paths no commit holds yet: untracked, or added to the index only
    (a run killed between `git add` and `git commit`)."""
    out = repo.git.status("--porcelain", "-z", "--untracked-files=all")
    return {entry[3:] for entry in out.split("\0") if entry.startswith(("?? ", "A"))}


def committed(repo: Repo, path: Path) -> bool:
    """Whether HEAD holds `path` (a file removed from the work tree may still be)."""
    if not repo.head.is_valid():
        return False
    relative = path.resolve().relative_to(work_tree(repo)).as_posix()
    return bool(repo.git.ls_tree("--name-only", "HEAD", "--", relative))


def commit_paths(repo: Repo, paths: Sequence[Path], message: str) -> str:
    """Commit exactly `paths` (other staged changes are left alone); return the new sha. A
    path no longer in the work tree is committed as removed (whether or not an earlier, killed
    run staged the removal). When git fails, the paths are unstaged again, so the index is as
    it was."""
    relative = [str(p.resolve().relative_to(work_tree(repo))) for p in paths]
    present = [r for r, p in zip(relative, paths, strict=True) if p.exists()]
    removed = [r for r, p in zip(relative, paths, strict=True) if not p.exists()]
    args = ["--quiet", "--no-verify", "-m", message]
    if repo.head.is_valid():
        args.append("--only")
    with git_errors(f"commit {', '.join(relative)}"):
        if present:
            repo.git.add("--", *present)
        if removed:
            repo.git.rm("--cached", "-q", "--ignore-unmatch", "--", *removed)
        try:
            repo.git.commit(*args, "--", *relative, env=_identity_env(repo))
        except Exception:
            _unstage(repo, relative)
            raise
    return repo.head.commit.hexsha


def _unstage(repo: Repo, relative: Sequence[str]) -> None:
    import git

    try:
        if repo.head.is_valid():
            repo.git.reset("-q", "HEAD", "--", *relative)
        else:
            repo.git.rm("--cached", "-q", "--ignore-unmatch", "--", *relative)
    except git.GitCommandError:
        pass  # the commit's own failure is what the user needs to read


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
    """The text of `path` at `revision`, or a CorpusError saying what is missing: the file, the
    revision, or objects of a damaged repository (where git says neither exists)."""
    import git

    relative = path.resolve().relative_to(work_tree(repo)).as_posix()
    try:
        return repo.git.show(f"{revision}:{relative}")
    except git.GitCommandError as exc:
        failure = exc
    damaged = damaged_repository(work_tree(repo))
    if damaged is not None:
        raise damaged from None
    if "invalid object name" in _reason(failure) or "unknown revision" in _reason(failure):
        raise CorpusError(f"{revision!r} is no revision of {work_tree(repo)}; `git log` lists them") from None
    raise CorpusError(f"{relative} does not exist at revision {revision!r}") from None


def raised_by_git(exc: BaseException) -> bool:
    """Whether GitPython or gitdb raised `exc`: a git command that failed, an object it could
    not read (a ValueError of GitPython's object database, say)."""
    traceback = exc.__traceback__
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    module = str(traceback.tb_frame.f_globals.get("__name__", "")) if traceback is not None else ""
    return module.split(".")[0] in {"git", "gitdb"}


def damaged_repository(folder: Path) -> CorpusError | None:
    """The error to give when the repository holding `folder` lacks objects its branches and
    tags need, or cannot read them (files under .git/objects deleted or corrupt: git then
    calls a revision unknown and a file absent); None when it is whole, or no repository.
    `git fsck` is for a failure's path only: it reads every reachable commit and tree."""
    top = _git_output(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    status, out, err = _run_git(folder, "fsck", "--connectivity-only", "--no-dangling", "--no-reflogs")
    if status == 0:
        return None
    lines = [line.strip() for line in (err + out).splitlines() if line.strip()]
    first = lines[0] if lines else f"`git fsck` exits {status}"
    return CorpusError(
        f"{top.strip()}: its git repository is damaged ({first.partition(': ')[2] or first}); "
        "restore its .git from a backup or clone the corpus again (`git fsck` lists what is missing)"
    )


@dataclass(frozen=True)
class Revision:
    """One commit that touched a document."""

    sha: str
    date: str
    subject: str
    trailers: dict[str, str]
    kind: str  # "new edition", "normalisation change", "source update", "hand correction"


_TRAILER_KEYS = (
    "Action",
    "Source-file",
    "Source-sha256",
    "Replaced-source-file",
    "Replaced-source-sha256",
    "Dialect-version",
    "Corpusdiff-version",
)


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
    if action in ("update source", "replace source"):
        return "source update"
    return "normalisation change"


def history(repo: Repo, path: Path, revision: str = "HEAD") -> list[Revision]:
    """Commits up to `revision` that changed `path`, newest first, each classified by its trailers."""
    import git

    relative = path.resolve().relative_to(work_tree(repo)).as_posix()
    try:
        commits = list(repo.iter_commits(revision, paths=relative))
    except git.GitCommandError:
        damaged = damaged_repository(work_tree(repo))
        if damaged is not None:
            raise damaged from None
        raise CorpusError(f"{revision!r} is no revision of {work_tree(repo)}; `git log` lists them") from None
    revisions = []
    for commit in commits:
        # GitPython leaves a message it cannot decode with the commit's encoding as bytes; a
        # contribution's message may hold escape sequences, shown by `log`: made visible
        message = visible_controls(
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
    if spec and ".." not in spec and merge_base == repo.git.rev_parse(head):
        raise CorpusError(
            f"the range {spec}..HEAD is empty: one revision A means A..HEAD, what came after it; "
            f"to review the commit {spec} itself, give {spec}~1..{spec}"
        )
    return merge_base, repo.git.rev_parse(head)


def changed_files(repo: Repo, base: str, head: str, prefix: str) -> list[tuple[str, str, str]]:
    """(status letter, repository-relative path, the path it had) of every file changed under
    `prefix`; a file moved is one change, `R`, with its old path (otherwise ""), so that a
    renamed document is not read as one deleted and another added."""
    out = repo.git.diff("--name-status", "--find-renames", base, head, "--", prefix or ".")
    changes = []
    for line in out.splitlines():
        status, *paths = line.split("\t")
        changes.append((status[0], paths[-1], paths[0] if len(paths) > 1 else ""))
    return changes


def files_at(repo: Repo, revision: str, prefix: str) -> list[str]:
    """Repository-relative paths of every file under `prefix` at `revision`."""
    return repo.git.ls_tree("-r", "--name-only", revision, "--", prefix or ".").splitlines()


def show_file(repo: Repo, revision: str, path: str) -> str:
    """A file's text at a revision (repository-relative path), with its final newline."""
    return repo.git.show(f"{revision}:{path}") + "\n"


def blob_entry(repo: Repo, revision: str, path: str) -> tuple[str, str, int] | None:
    """(mode, blob sha, size in bytes) of a file at a revision (repository-relative path);
    None when the revision has no such file. The mode tells a symlink (120000) from a file."""
    line = repo.git.ls_tree("-l", revision, "--", path)
    if not line:
        return None
    info, _, _name = line.partition("\t")
    mode, kind, sha, size = info.split()
    return (mode, sha, int(size)) if kind == "blob" else None


def blob_bytes(repo: Repo, sha: str) -> bytes:
    """A blob's content, undecoded."""
    return cast(bytes, repo.git.cat_file("blob", sha, stdout_as_string=False))


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
    dated by the given date; the index and work tree are untouched, and the branch moves only
    once, at the end (git writes the ref through a lock file it renames). Returns the commits.
    An existing branch is moved only when `identity` wrote its tip: never the branch checked
    out, nor one holding other work (`--branch main` would drop every ingest from it)."""
    refuse_stale_locks(repo, f"refs/heads/{branch}.lock")
    _refuse_foreign_branch(repo, branch, identity)
    parent = ""
    commits = []
    with git_errors(f"write the branch {branch}"):
        for path, when, message in editions:
            blob = repo.git.hash_object("-w", "--path", filename, str(path.resolve()))
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


def _refuse_foreign_branch(repo: Repo, branch: str, identity: tuple[str, str]) -> None:
    with git_errors(f"read the branch {branch}"):
        tip = repo.git.rev_parse("--verify", "--quiet", f"refs/heads/{branch}", with_exceptions=False)
        checked_out = repo.git.symbolic_ref("--quiet", "HEAD", with_exceptions=False)
        author = repo.git.log("-1", "--format=%ae", tip, with_exceptions=False) if tip else ""
    if checked_out == f"refs/heads/{branch}" or (tip and author != identity[1]):
        why = "is checked out" if checked_out == f"refs/heads/{branch}" else "holds other work"
        raise CorpusError(
            f"the branch {branch} {why}, and writing the history there would replace its commits; "
            "give another --branch (the default is history/SERIES)"
        )


def _tree_of_one_file(repo: Repo, blob: str, filename: str) -> str:
    """A tree holding one file, written through a private index (the real index is untouched)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        repo.git.execute(
            ["git", "update-index", "--add", "--cacheinfo", f"100644,{blob},{filename}"], env=env
        )
        return repo.git.execute(["git", "write-tree"], env=env)


def set_config(repo: Repo, key: str, value: str) -> None:
    """Set `key` (`section.subsection.name`) in the repository's own config through `git config`,
    which writes config.lock and renames it: a kill never leaves a truncated .git/config
    (GitPython's writer rewrites the file in place)."""
    refuse_stale_locks(repo, "config.lock")
    with git_errors(f"set {key} in the repository's config"):
        repo.git.config("--local", key, value)


def remove_config_section(repo: Repo, section: str) -> None:
    """Remove `section` (`diff.corpusdiff`) through `git config`; nothing when it is absent."""
    refuse_stale_locks(repo, "config.lock")
    if not repo.git.config("--local", "--get-regexp", f"^{re.escape(section)}\\.", with_exceptions=False):
        return
    with git_errors(f"remove [{section}] from the repository's config"):
        repo.git.config("--local", "--remove-section", section)
