"""The console examples the docs show on the repository's own corpus are what the commands print.

A newcomer types them first. Over twenty sessions the pages' figures drifted from the tool's
(docs/terms.md's CSV gave 工业 a keyness of 9.26 where `terms` prints 9.25); the quick ones run
here, on `corpus/`, and must print what the page shows. A line `…` on the page stands for lines
left out; a `corpusdiff: warning:` line is stderr's. The timeline and trace examples take many
diffs and are left to the reader (docs/timeline.md)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
#: Commands quick enough to run for every example: one diff, the indicator table, the term index.
QUICK = ("diff", "indicators", "terms")
_FENCE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
_WARNING = "corpusdiff: warning: "


def _examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, the lines the page shows after it) for each quick example on Futian ids."""
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for block in _FENCE.findall(page.read_text(encoding="utf-8")):
            for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
                command, *shown = chunk.rstrip("\n").split("\n")
                words = shlex.split(command)
                ids = [word for word in words if "/" in word]
                on_the_seeds = ids and all(word.startswith("futian/") for word in ids)
                if words[1] in QUICK and (on_the_seeds or "futian-plan" in words):
                    found.append((page.name, command, shown))
    return found


def _segments(shown: list[str]) -> list[list[str]]:
    """The shown lines cut at each `…` line, keeping an empty segment where one opens or ends."""
    segments: list[list[str]] = [[]]
    for line in shown:
        if line.strip() == "…":
            segments.append([])
        else:
            segments[-1].append(line.rstrip())
    return segments


def _shows(printed: list[str], shown: list[str]) -> bool:
    """`printed` holds every segment of `shown` as consecutive lines, in order, the first at the
    start and the last at the end unless a `…` stands before or after it."""
    segments = _segments(shown)
    at = 0
    for index, segment in enumerate(segments):
        if not segment:
            continue
        starts = [i for i in range(at, len(printed) - len(segment) + 1) if printed[i : i + len(segment)] == segment]
        if index == 0:
            starts = [i for i in starts if i == 0]
        if index == len(segments) - 1:
            starts = [i for i in starts if i + len(segment) == len(printed)]
        if not starts:
            return False
        at = starts[0] + len(segment)
    return True


EXAMPLES = _examples()


def test_the_quick_examples_are_found() -> None:
    assert {command.split()[1] for _, command, _ in EXAMPLES} == set(QUICK)


@pytest.mark.parametrize(("page", "command", "shown"), EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES])
def test_a_docs_example_prints_what_its_page_shows(page: str, command: str, shown: list[str]) -> None:
    result = CliRunner().invoke(main, ["--corpus", str(ROOT / "corpus"), *shlex.split(command)[1:]])
    assert result.exit_code in (0, 1), result.stderr
    warnings = [line for line in shown if line.startswith(_WARNING)]
    assert all(line in result.stderr.splitlines() for line in warnings), result.stderr
    printed = [line.rstrip() for line in result.stdout.rstrip("\n").split("\n")]
    body = [line for line in shown if not line.startswith(_WARNING)]
    assert _shows(printed, body), f"{page}: `{command}` prints\n{result.stdout}"
