"""A document from elsewhere may hold control characters no canonical document does (and
direction controls, which show a figure reversed: a right-to-left override makes 52 read 25): ESC
sequences that clear the reader's screen, set the clipboard (OSC 52), or hide a line
(`ESC[8m`) from whoever runs `review` on a contribution. Every command reads them as their
visible control pictures (`␛`). Before, `list`, `show`, `diff` and `review` wrote them to the
terminal as they were."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpusdiff.canonical.markdown import parse, render
from corpusdiff.cli.main import main
from tests.conftest import SEEDS, seed_excerpts

HIDDEN = "\x1b[8m隐藏的一段。\x1b[0m\x9b2J增长\u202e52\u202c%"  # CSI, ESC [ in C1; a right-to-left override
TITLE = r'"福田\e[2J\e]52;c;ZXZpbA==\a区报告"'  # YAML: clear the screen, set the clipboard
OLD, NEW = "futian/annual-plan/2022-01", "futian/annual-plan/2025-01"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two editions, then a commit that gives the newer a hostile title and paragraph."""
    parent = tmp_path_factory.mktemp("controls")
    reports = seed_excerpts(
        parent / "reports",
        [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"],
    )
    root = parent / "c"
    assert CliRunner().invoke(main, ["--corpus", str(root), "ingest", *map(str, reports)]).exit_code == 0
    path = root / f"{NEW}.md"
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("\ntitle: ")
    text = head + f"\ntitle: {TITLE}\n" + rest.partition("\n")[2] + f"\n{HIDDEN}\n"
    path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "commit", "-qam", "hostile"], check=True)
    return root


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", NEW],
        ["show", NEW, "--outline"],
        ["diff", OLD, NEW],
        ["diff", OLD, NEW, "--color"],
        ["diff", OLD, NEW, "--format", "markdown"],
        ["review", "HEAD~1..HEAD"],
    ],
)
def test_no_command_writes_a_control_character_of_a_document(corpus: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, ["--corpus", str(corpus), *args], color="--color" in args)
    assert result.exit_code in (0, 1), result.output
    shown = result.stdout.replace("\x1b[0m", "")
    for ours in ("\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m", "\x1b[35m", "\x1b[36m"):
        shown = shown.replace(ours, "")  # the colours `--color` asks for
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\u202e" not in shown and "\u202c" not in shown  # 增长52% shown as 增长25%
    assert "␛" in shown


def test_a_canonical_document_reads_back_unchanged() -> None:
    """Only control characters are shown as pictures: tab-free canonical text is untouched."""
    text = (SEEDS.parent / "corpus" / f"{OLD}.md").read_text(encoding="utf-8")
    assert render(parse(text)) == text
