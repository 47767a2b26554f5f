"""What a corpus's own git configuration may say: nothing that makes git read or write outside
the corpus, or wait for ever.

A corpus unpacked from an archive brings its `.git/config`. Git obeys it before corpusdiff can
look at anything: `core.worktree` takes the work tree from another folder (ingest then commits
the corpus under a path of that folder, `git status` reads all of it), `include.path` and
`includeIf.*.path` read a file anywhere (a named pipe there hangs every command, `/dev/zero`
fills the memory of GitPython's reader), `core.excludesFile` and `core.attributesFile` the same.
So the configuration files are read here first, without following their includes, through
`git config --file` (git's own parser, so that what is checked is what git reads), and no git
command runs before they pass. Command-line configuration (`git.neutral_git_env`) covers the
rest: no hook, no fsmonitor.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corpusdiff.errors import CorpusError
from corpusdiff.store import files

#: git's own limit on nested includes
_MAX_INCLUDE_DEPTH = 10
#: A git configuration is a few hundred bytes; one of gigabytes would be read whole by git (and
#: here) on every command
_MAX_CONFIG_BYTES = 1_000_000

#: Keys whose value is a file git reads (`~/` expanded; a relative path is relative to the
#: configuration file for an include, to the work tree for the others).
_INCLUDE_KEY = re.compile(r"include\.path|includeif\..+\.path", re.IGNORECASE)
_FILE_KEYS = ("core.excludesfile", "core.attributesfile")

#: Words without which a configuration file sets none of the keys checked here; key names hold
#: no escapes nor line breaks, so a file without them needs no `git config` run (a few ms on
#: the path of every command that reads documents). `bare = false`, which `git init` writes,
#: is the one setting of such a key that is fine and everywhere.
_HAZARD_WORDS = (b"include", b"worktree", b"sharedrepository", b"excludesfile", b"attributesfile")
_HARMLESS_BARE = re.compile(rb"\s*bare\s*=\s*false\s*")


@dataclass(frozen=True)
class Repository:
    """Where git finds the repository of a folder: the folder holding `.git`, the git
    directory, and the directory it shares with its linked worktrees."""

    top: Path
    git_dir: Path
    common_dir: Path

    def holds(self, path: Path) -> bool:
        """Whether `path` (resolved) lies in the corpus's work tree or its git directories."""
        return any(path.is_relative_to(root) for root in (self.top, self.git_dir, self.common_dir))

    def config_files(self) -> list[Path]:
        """The repository's own configuration files, as git reads them (before includes)."""
        files = [self.common_dir / "config", self.git_dir / "config.worktree"]
        return [path for path in files if path.exists() or path.is_symlink()]


def repository_of(folder: Path) -> Repository | None:
    """The repository git would open for `folder` (the nearest `.git` above it, a directory or
    a `gitdir:` file); None when there is none."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        dot_git = candidate / ".git"
        if dot_git.is_dir():
            git_dir = dot_git.resolve()
        elif dot_git.is_file():
            pointer = small_file(dot_git)
            if not pointer.startswith("gitdir:"):
                return None  # not a repository git opens: `git.open_repo` names it
            git_dir = (candidate / pointer.removeprefix("gitdir:").strip()).resolve()
        else:
            continue
        common = git_dir / "commondir"
        common_dir = (
            (git_dir / small_file(common)).resolve() if common.is_file() else git_dir
        )
        return Repository(candidate, git_dir, common_dir)
    return None


def small_file(path: Path) -> str:
    """The stripped text of a pointer file git keeps (`.git`'s `gitdir: …`, `commondir`), read as
    a regular file (one swapped for a named pipe is one line, never waited on)."""
    try:
        data = files.read_regular(path.resolve(), _MAX_CONFIG_BYTES)
    except OSError as exc:
        raise files.unreadable(path, exc) from None
    if data is None:
        raise CorpusError(f"{path}: larger than {_MAX_CONFIG_BYTES} bytes, where git keeps one line; replace it")
    return data.decode("utf-8", "replace").strip()


def refuse_unsafe_config(folder: Path) -> None:
    """Refuse, in one line naming the key and how to remove it, a repository whose own
    configuration would make git read or write outside the corpus (`core.worktree`, an include,
    an excludes or attributes file elsewhere), treat it as bare, make the files git writes
    writable by every user, or wait on a file that is no regular file."""
    repository = repository_of(folder)
    if repository is None:
        return
    pending = [(path, 0) for path in repository.config_files()]
    while pending:
        path, depth = pending.pop()
        for key, value in _entries(repository, path):
            if _INCLUDE_KEY.fullmatch(key) and value is not None:
                included = _resolve(value, path.parent)
                _refuse_outside(repository, path, key, value, included)
                if included.exists() and depth < _MAX_INCLUDE_DEPTH:
                    pending.append((included, depth + 1))
            else:
                _refuse_hazard(repository, path, key, value)


def _entries(repository: Repository, path: Path) -> Iterator[tuple[str, str | None]]:
    """(key, value) of one configuration file, includes not followed; None for a key without
    `=` (a boolean true)."""
    resolved = path.resolve()
    if not repository.holds(resolved):
        raise _refusal(
            repository, path, f"is a link to {resolved}, outside the corpus, which git would read", ""
        )
    try:  # told by the open descriptor: a file swapped for a pipe after a look is never waited on
        data = files.read_regular(resolved, _MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return  # git passes over a file that is not there
    except files.NotARegularFile as exc:
        raise CorpusError(
            f"{path} is not a regular file ({exc.kind}), and git would wait on it for "
            f"ever; remove it, then run the command again"
        ) from None
    except OSError as exc:
        raise files.unreadable(path, exc) from None
    if data is None:
        raise CorpusError(
            f"{path} is {os.stat(resolved).st_size // 1_000_000} MB, where a git configuration is a few lines, "
            "and git would read all of it for every command; replace it, then run the command again"
        )
    raw = data.lower()
    if not any(word in raw for word in _HAZARD_WORDS) and all(
        _HARMLESS_BARE.fullmatch(line) for line in raw.splitlines() if b"bare" in line
    ):
        return
    done = subprocess.run(  # the bytes read above, on stdin: git opening the file again could wait on a pipe
        ["git", "config", "--file", "-", "--no-includes", "--list", "-z"],
        capture_output=True,
        check=False,
        input=data,
    )
    if done.returncode != 0:
        return  # git says what is wrong with the file at its first command
    for entry in done.stdout.decode("utf-8", errors="surrogateescape").split("\0"):
        key, newline, value = entry.partition("\n")
        if key:
            yield key, value if newline else None


def _refuse_hazard(repository: Repository, path: Path, key: str, value: str | None) -> None:
    linked = repository.git_dir != repository.common_dir  # git takes neither key from a linked worktree's
    if key == "core.worktree" and value is not None and not linked:
        work_tree = _resolve(value, repository.git_dir)
        if work_tree != repository.top:
            raise _refusal(
                repository,
                path,
                f"sets core.worktree = {value}: git would take its work tree from {work_tree}, not "
                "this corpus (ingest would commit there, and read every file there)",
                key,
            )
    elif key == "core.bare" and _git_true(value) and not linked:
        raise _refusal(repository, path, "sets core.bare = true: git would not read the corpus's files", key)
    elif key == "core.sharedrepository" and value is not None and _writable_by_all(value):
        raise _refusal(
            repository,
            path,
            f"sets core.sharedRepository = {value}: the files git writes for corpusdiff would be "
            "writable by every user of this machine (`group` shares them with your group)",
            key,
        )
    elif key in _FILE_KEYS and value:
        _refuse_outside(repository, path, key, value, _resolve(value, repository.top))


def _refuse_outside(repository: Repository, path: Path, key: str, value: str, target: Path) -> None:
    if not repository.holds(target):
        raise _refusal(
            repository,
            path,
            f"sets {key} = {value}, a file outside the corpus ({target}) git would read",
            key,
        )


def _refusal(repository: Repository, path: Path, problem: str, key: str) -> CorpusError:
    remedy = (
        f"remove it (`git config --file {shlex.quote(str(path))} --unset-all {shlex.quote(key)}`)"
        if key
        else f"replace {path} by a file of its own"
    )
    return CorpusError(
        f"{path}, the corpus's git configuration, {problem}; a corpus from elsewhere may not make "
        f"git read or write outside it: {remedy} (your own settings belong in your global "
        "configuration), then run the command again"
    )


def _resolve(value: str, base: Path) -> Path:
    """A path as git reads it from configuration: `~/` is the home folder, `%(prefix)/` git's
    installation (outside any corpus), a relative path is relative to `base`."""
    if value.startswith("%(prefix)/"):
        return Path("/", value.removeprefix("%(prefix)/")).resolve()
    return (base / os.path.expanduser(value)).resolve()


def _git_true(value: str | None) -> bool:
    """git's boolean: a key without value, yes/on/true, or a number other than 0."""
    if value is None:
        return True
    word = value.strip().lower()
    return word in ("true", "yes", "on") or (word.lstrip("-").isdigit() and int(word) != 0)


def _writable_by_all(value: str) -> bool:
    """Whether a core.sharedRepository value gives others write permission: only a mode in
    octal can (`group`, `all`, `true` leave others reading at most)."""
    octal = re.fullmatch(r"\s*\+?([0-7]+)", value)
    mode = int(octal.group(1), 8) if octal else 0
    return mode > 2 and bool(mode & 0o002)  # 0, 1 and 2 are git's old names of umask, group, all
