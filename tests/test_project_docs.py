"""The docs promise commands a newcomer will type: every `make <target>` that README.md or a
page of docs/ names in code must exist in the Makefile (a rewrite of the Makefile once dropped
`make eval` while the README still offered it)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: `make demo`, `make eval ARGS=--verbose`: a target named inside backticks.
_MAKE_IN_CODE = re.compile(r"`make ([a-z][a-z-]*)[^`]*`")
_TARGET = re.compile(r"^([a-z][a-z-]*):", re.MULTILINE)


def _documented_targets() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in _MAKE_IN_CODE.findall(page.read_text(encoding="utf-8")):
            found.setdefault(target, set()).add(page.name)
    return found


def test_every_documented_make_target_exists() -> None:
    targets = set(_TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")))
    documented = _documented_targets()
    assert {"demo", "test", "eval"} <= set(documented)
    missing = {t: sorted(pages) for t, pages in documented.items() if t not in targets}
    assert not missing, f"documented but not in the Makefile: {missing}"


def test_the_version_a_commit_records_is_the_one_the_package_declares() -> None:
    """Every ingest commit's `Corpusdiff-version` trailer names the reader that wrote the document
    (docs/canonical-markdown.md, rule 17): the version in the code and the one pip installs from
    pyproject.toml must be one, or `git log` names a reader that never existed."""
    import tomllib

    from corpusdiff import __version__

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert declared == __version__
