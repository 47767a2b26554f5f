"""The Markdown reports (`diff -f markdown`, `review -f markdown`) are pasted into pull
requests: report text in them is text. Before, a contribution's paragraph holding `<!--` hid
the rest of the comment on GitHub, `<img src=…>` loaded a remote image, and an honest
`5%~6%` was struck through; only `|` was escaped."""

from __future__ import annotations

import itertools
import re
from html import unescape as html_unescape
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from corpusdiff.cli.main import main
from corpusdiff.render.diff import markdown_text
from corpusdiff.render.diff_markdown import _markdown_cell, to_markdown
from corpusdiff.render.notes import escape_markdown
from corpusdiff.render.review import to_markdown as review_markdown
from corpusdiff.render.table import Entry, Mark, Span
from corpusdiff.render.timeline import to_markdown as timeline_markdown
from corpusdiff.series.timeline import Timeline
from corpusdiff.types.review import ReviewItem
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


#: What a forge reads as a reference in a text node: a sign not after a letter or digit, right
#: before a name or number; GitHub's `GH-12`; a word of 7 to 40 hexadecimal digits (a commit).
_FORGE_REFERENCE = re.compile(
    r"(?<![0-9A-Za-z_])(?:[@#!~%$&][0-9A-Za-z_]+|[Gg][Hh]-[0-9]+|[0-9A-Fa-f]{7,40}(?![0-9A-Za-z_]))"
)


def forge_references(html: str) -> list[str]:
    """What GitHub and GitLab would read as a mention or reference in the rendered text, each
    text node on its own (the word joiner stays: the forge sees it)."""
    nodes = [html_unescape(node) for node in re.split(r"<[^>]+>", html)]
    return [ref for node in nodes for ref in _FORGE_REFERENCE.findall(node)]


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


#: Commits and `GH-` references in report text as they come: a figure of seven digits or more,
#: a code of letters a to f and digits, a hash, GitHub's issue reference (`GH-12`, `gh-12`).
COMMITS = "全区新增就业1234567人，项目编号ab12cd34ef，见提交81db806与gh-12、GH-345；校验码" + "0f" * 32 + "。"


def test_commit_hashes_and_gh_references_are_shown_but_link_nothing() -> None:
    """Before, GitHub linked `1234567` and `81db806` to the commits they abbreviate and `GH-345`
    to issue 345 when a review was pasted into a pull request."""
    assert forge_references(MarkdownIt("commonmark").renderInline(COMMITS)), "the test's text must reference"
    for render in (markdown_text, escape_markdown):
        html = MarkdownIt("commonmark").renderInline(render(COMMITS))
        assert forge_references(html) == [] and shown(html) == COMMITS


_FORGE_ALPHABET = st.sampled_from(
    [*"0123456789abcdefABCDEFghxyzGH_-.:/@#!~%$&*`[]<>|\\", "GH-", "gh-", "增长", "亿元", "，", "。", "\u2060"]
)
#: Report text rich in what a forge reads: hexadecimal runs, signs, `GH-`, Han and punctuation.
forge_texts = st.lists(_FORGE_ALPHABET, max_size=60).map("".join)


@given(forge_texts)
def test_no_report_text_references_anything_and_every_character_is_shown(text: str) -> None:
    for render in (markdown_text, escape_markdown):
        html = MarkdownIt("commonmark").renderInline(render(text))
        assert forge_references(html) == []
        assert shown(html) == text.replace("\u2060", "")


#: Stretches of words and figures.
_STRETCHES = st.lists(st.sampled_from([*"0123456789abcdefABCDEFghxyz", "增长", "亿元"]), min_size=1, max_size=12)


@given(st.lists(_STRETCHES.map("".join), min_size=1, max_size=6))
def test_a_redline_cell_references_nothing_where_its_kept_stretches_meet(stretches: list[str]) -> None:
    """The kept stretches either side of what only the other side has meet in the cell (`123`
    and `4567` read as `1234567`), so each was inert alone and the cell was not."""
    entry = Entry("p1", "1.", tuple(Span(text, Mark.KEPT) for text in stretches))
    html = MarkdownIt("commonmark").renderInline(_markdown_cell([entry]))
    assert forge_references(html) == []
    assert shown(html) == "1." + "".join(stretches)


def test_a_review_names_the_commit_it_compared_with_but_links_and_mentions_nothing() -> None:
    """The review table wrote what a document was compared with as it was, `…/2022-01@81db806abc`:
    a mention of user `81db806abc` and a link to the commit on GitHub."""
    against = "futian/annual-plan/2022-01@81db806abc"
    report = review_markdown([ReviewItem("futian/annual-plan/2025-01", "revised", against, None)])
    html = MarkdownIt("commonmark").enable(["table"]).render(report)
    assert forge_references(html) == [] and against in shown(html)


def test_a_timeline_s_match_text_is_report_text_too() -> None:
    timeline = Timeline(editions=(), threads=(), programmes=(), focus="GH-12 <b>1234567</b>")
    html = MarkdownIt("commonmark").enable(["table"]).render(timeline_markdown(timeline))
    assert forge_references(html) == [] and "GH-12 <b>1234567</b>" in shown(html) and "<b>" not in html


#: Stretches as a redline cuts a report's text: words, figures and punctuation, Chinese and Latin.
_MARKED = st.lists(st.sampled_from([*"0123456789abcdefxyz", "增长", "亿元", "，", "。", "：", "——", "“", "”", "-", "(", "%"]), min_size=1, max_size=8)


@given(st.lists(st.tuples(st.sampled_from(list(Mark)), _MARKED.map("".join)), min_size=1, max_size=6))
def test_a_redline_cell_shows_its_text_and_marks_every_stretch(spans: list[tuple[Mark, str]]) -> None:
    """`~~` and `**` next to punctuation (`增长~~，~~`, `工作**：**`) and two bold stretches
    meeting (`。****推进`) were shown as they were, or bolded the wrong words: 257 of the 754
    新旧对照 rows of the seeds' two plan pairs and eight national pairs read so on GitHub. Every
    deleted stretch is struck and every inserted one bold, and nothing else is."""
    entry = Entry("p1", "1.", tuple(Span(text, mark) for mark, text in spans))
    html = MarkdownIt("commonmark").enable(["strikethrough"]).renderInline(_markdown_cell([entry]))
    assert shown(html) == "1." + "".join(text for _, text in spans)
    tags = {Mark.DELETED: "s", Mark.INSERTED: "strong"}
    stretches = [(mark, "".join(text for _, text in run)) for mark, run in itertools.groupby(spans, key=lambda s: s[0])]
    expected = [(tags[mark], text) for mark, text in stretches if mark in tags]
    marked = [(tag, html_unescape(text).replace("\u2060", "")) for tag, text in re.findall(r"<(s|strong)>(.*?)</\1>", html)]
    assert marked == expected
