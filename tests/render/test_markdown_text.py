"""The Markdown reports (`diff -f markdown`, `review -f markdown`) are pasted into pull
requests: report text in them is text. Before, a contribution's paragraph holding `<!--` hid
the rest of the comment on GitHub, `<img src=…>` loaded a remote image, and an honest
`5%~6%` was struck through; only `|` was escaped."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from markdown_it import MarkdownIt

from corpusdiff.cli.main import main
from corpusdiff.render.diff import markdown_text, to_markdown
from tests.compare.test_compare_synthetic import BASE, run
from tests.conftest import SEEDS, seed_excerpts

HOSTILE = "新增<img src=https://tracker.example/p.png>和[链接](https://phish.example)，增长5%~6%，**加粗**。<!-- 以下隐藏"


def test_report_text_is_shown_as_written_and_never_as_markup() -> None:
    marker = "2022年，我区将坚持以习近平新时代"
    report = to_markdown(run(BASE.replace(marker, f"{HOSTILE}\n\n{marker}", 1)))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(report)
    assert "<img" not in html and "<a " not in html and "<!--" not in html and "<strong>加粗" not in html
    assert "&lt;img src=https://tracker.example/p.png&gt;" in html and "&lt;!-- 以下隐藏" in html
    assert "5%\\~6%" in report
    assert not re.search(r"(?<!\\)<", report)


def test_markdown_text_keeps_every_character() -> None:
    shown = MarkdownIt("commonmark").renderInline(markdown_text(HOSTILE))
    assert shown == HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;"
    )


def test_timeline_and_trace_escape_titles_too(tmp_path: Path) -> None:
    """`timeline` and `trace` wrote edition titles as they were (and trace escaped its cells
    with a copy of its own that left `&` and `~`)."""
    seeds = [SEEDS / "futian-2022-01-plan-report.txt", SEEDS / "futian-2025-01-plan-report.txt"]
    reports = [SEEDS / "futian-2021-14th-five-year-plan-outline.txt", *seed_excerpts(tmp_path / "r", seeds)]
    corpus = tmp_path / "c"
    assert CliRunner().invoke(main, ["--corpus", str(corpus), "ingest", *map(str, reports)]).exit_code == 0
    for path in corpus.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^title: .*$", 'title: "标题<!-- 隐藏"', text, count=1), encoding="utf-8")
    for args in (
        ["timeline", "--series", "futian-plan"],
        ["trace", "futian/five-year-plan/2021", "futian/annual-plan/2025-01"],
    ):
        result = CliRunner().invoke(main, ["--corpus", str(corpus), *args, "-f", "markdown"])
        assert result.exit_code == 0, result.output
        assert "标题\\<!-- 隐藏" in result.stdout and "标题<!--" not in result.stdout
