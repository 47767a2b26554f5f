"""`corpusdiff git install|uninstall`: make `git diff` show the section-aligned view of corpus
files, through a git external diff driver registered in .gitattributes and .git/config."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from corpusdiff.store import git as gitstore

DRIVER = "corpusdiff"
_MARK = "# corpusdiff: section-aligned diffs of corpus documents"


def _attribute_line(repo, corpus: Path) -> str:
    relative = corpus.resolve().relative_to(gitstore.work_tree(repo)).as_posix()
    pattern = "*.md" if relative == "." else f"{relative}/**/*.md"
    return f"{pattern} diff={DRIVER}"


def install(corpus: Path) -> Path:
    """Register the driver; returns the .gitattributes path. Running it twice changes nothing."""
    repo = gitstore.open_repo(corpus)
    attributes = gitstore.work_tree(repo) / ".gitattributes"
    lines = attributes.read_text(encoding="utf-8").splitlines() if attributes.exists() else []
    wanted = [_MARK, _attribute_line(repo, corpus)]
    if wanted[1] not in lines:
        lines += wanted
        attributes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = " ".join(shlex.quote(p) for p in (sys.executable, "-m", "corpusdiff", "git", "diff-driver"))
    with repo.config_writer() as config:
        config.set_value(f'diff "{DRIVER}"', "command", command)
    return attributes


def uninstall(corpus: Path) -> None:
    repo = gitstore.open_repo(corpus)
    attributes = gitstore.work_tree(repo) / ".gitattributes"
    if attributes.exists():
        kept = [
            line
            for line in attributes.read_text(encoding="utf-8").splitlines()
            if line != _MARK and not line.endswith(f" diff={DRIVER}")
        ]
        if kept:
            attributes.write_text("\n".join(kept) + "\n", encoding="utf-8")
        else:
            attributes.unlink()
    with repo.config_writer() as config:
        if config.has_section(f'diff "{DRIVER}"'):
            config.remove_section(f'diff "{DRIVER}"')


def driver_text(path: str, old_file: str, new_file: str) -> str:
    """What git shows for one file: the terminal report of the section-aligned diff."""
    from corpusdiff.canonical.markdown import is_canonical_text
    from corpusdiff.compare.core import compare
    from corpusdiff.render.diff import to_terminal
    from corpusdiff.structure import tree_from_markdown

    texts = []
    for name in (old_file, new_file):
        text = Path(name).read_text(encoding="utf-8") if name != "/dev/null" else ""
        texts.append(text)
    header = f"corpusdiff {path}\n"
    if not all(is_canonical_text(t) for t in texts):
        state = "added" if not texts[0] else "deleted" if not texts[1] else "not canonical on one side"
        return header + f"({state}; use `git diff --no-ext-diff` for the plain diff)\n"
    result = compare(tree_from_markdown(texts[0]), tree_from_markdown(texts[1]))
    return header + to_terminal(result, only=("new", "dropped", "reworded", "moved"), color=False)
