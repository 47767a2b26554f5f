"""The Markdown reports (`diff -f markdown`, `review -f markdown`) are pasted into pull
requests: report text in them is text. Before, a contribution's paragraph holding `<!--` hid
the rest of the comment on GitHub, `<img src=…>` loaded a remote image, and an honest
`5%~6%` was struck through; only `|` was escaped."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from pathlib import Path

from click.testing import CliRunner
from markdown_it import MarkdownIt

from corpusdiff.cli.main import main
from corpusdiff.render.diff import markdown_text, to_markdown
from corpusdiff.render.notes import escape_markdown
from tests.compare.test_compare_synthetic import BASE, run
from tests.conftest import SEEDS, seed_excerpts

HOSTILE = "新增<img src=https://tracker.example/p.png>和[链接](https://phish.example)，增长5%~6%，**加粗**。<!-- 以下隐藏"


def test_report_text_is_shown_as_written_and_never_as_markup() -> None:
    marker = "2022年，我区将坚持以习近平新时代"
    report = to_markdown(run(BASE.replace(marker, f"{HOSTILE}\n\n{marker}", 1)))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(report)
    assert "<img" not in html and "<a " not in html and "<!--" not in html and "<strong>加粗" not in html
    assert "&lt;img src=https://tracker.example/p.png&gt;" in html and "&lt;!-- 以下隐藏" in html
    assert "5%\\~\u20606%" in report  # and no GitLab label `~6` (the word joiner)
    assert not re.search(r"(?<!\\)<", report)


def test_markdown_text_keeps_every_character() -> None:
    shown = MarkdownIt("commonmark").renderInline(markdown_text(HOSTILE)).replace("\u2060", "")
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


#: Mentions and references a forge reads in a comment: GitHub's and GitLab's `@user` and
#: `@org/team`, `#123`; GitLab's `!45` (merge request), `~bug` (label), `%7` (milestone), `$8`
#: (snippet), `&9` (epic). An e-mail address is none (a letter before the sign).
FORGE = "请@alice和@org/team审阅，见#123、!45、~bug、%7、$8、&9，邮件a@b.cn。"


def forge_references(html: str) -> list[str]:
    """What GitHub and GitLab would read as a mention or reference in the rendered text: a
    sign not after a letter or digit, right before a name or number, in one text node."""
    nodes = [html_unescape(node) for node in re.split(r"<[^>]+>", html)]
    return [ref for node in nodes for ref in re.findall(r"(?<![0-9A-Za-z_])[@#!~%$&][0-9A-Za-z_]+", node)]


def shown(html: str) -> str:
    """The rendered text as the reader sees it (the word joiner is invisible)."""
    return html_unescape(re.sub(r"<[^>]+>", "", html)).replace("\u2060", "")


def test_report_text_pasted_into_a_forge_mentions_nobody_and_links_nothing() -> None:
    """Before, `@alice` in a contribution's paragraph notified that GitHub user when the
    review was pasted into a pull request, and `#123` linked issue 123; a backslash does not
    stop either (the forge reads the rendered text)."""
    assert forge_references(MarkdownIt("commonmark").renderInline(FORGE)), "the test's text must reference"
    html = MarkdownIt("commonmark").renderInline(markdown_text(FORGE))
    assert forge_references(html) == [] and shown(html) == FORGE
    html = MarkdownIt("commonmark").renderInline(markdown_text("联系@") + "alice")  # a redline's runs
    assert forge_references(html) == [] and shown(html) == "联系@alice"


def test_reviewer_notes_mention_nobody_either() -> None:
    html = MarkdownIt("commonmark").renderInline(escape_markdown(FORGE))
    assert forge_references(html) == [] and shown(html) == FORGE


def test_a_diff_in_markdown_mentions_nobody() -> None:
    marker = "2022年，我区将坚持以习近平新时代"
    edited = BASE.replace(marker, f"新增一段：{FORGE}\n\n{FORGE}{marker}", 1)
    report = to_markdown(run(edited))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(report)
    assert FORGE in shown(html)
    assert forge_references(html) == []
