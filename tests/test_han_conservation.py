"""No character of a report is changed into another: over every report file in the repository
(`REPORT_DIRS`, checked against `git ls-files`: `EXCLUDED` says why the rest are no reports,
`REFUSED` which the reader refuses) and
every development corpus file (`../shared/corpora`, when it is checked out beside the repo), the
multiset of Han characters of the report body is the same before and after normalisation.

Two things are set aside, as docs/canonical-markdown.md documents them:
- what is cut as not being report text: a site licence or footer block at the end (rule 1),
  the wrapper before the title and the title itself (which goes to the front matter and the
  `# ` line, rule 3), a web page's lines a copy of it keeps over the report and between the pages
  of a split article (rule 3), page numbers and running heads (rule 9). The source side finds the title
  and the running heads by its own rule, not the normaliser's (`_independent_body`): the title
  is the lines whose letters spell the output's title, and a running head is a line that stands
  at a page break (next to a page number or a form feed, or first on the first page) at least
  twice, counted here; only those occurrences are set aside. So a line the normaliser drops as
  a running head but that stands in the text elsewhere is a loss, and one it keeps is a gain;
- the line-initial 一一 → —— repair (rule 11): each dash it makes accounts for two 一. That
  repair must never fire where the 一 begin a number or a word, so a dash the normaliser makes
  is never followed by a year's digits, and, on generated text, only ever opens a dash item.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusdiff.canonical.markdown import render
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read import boilerplate
from corpusdiff.read.decode import RawReport, read_report
from corpusdiff.text.chars import HAN_RE
from corpusdiff.text.lines import is_publication_line
from corpusdiff.text.occasion import is_date_line
from corpusdiff.types.document import NormalizedDocument
from tests.conftest import ROOT, SEEDS
from tests.shared import SHARED

CORPORA = SHARED / "corpora"
#: What a report file may be: text, a web page, a PDF or a Word document (.docx, or 97–2003 .doc).
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx", ".doc")
#: Where the repository keeps reports: the seeds and every test fixture.
REPORT_DIRS = (SEEDS, ROOT / "tests" / "data")
#: Files with a report's suffix that are no reports, and why.
EXCLUDED = {
    "corpusdiff/site/templates/": "the site's Jinja templates",
    "corpusdiff/text/data/": "word lists (stopwords, function words, report terms)",
}
#: Report files the reader refuses, and why: each is checked to be refused, not read.
REFUSED = {
    "tests/data/portal-layouts/zhejiang-2024-gwr-page-1-of-3.html": "one page of a report its site split into three",
}
REPORTS = sorted(
    path
    for path in [
        *(path for folder in REPORT_DIRS for path in folder.rglob("*") if path.suffix in REPORT_SUFFIXES),
        *(path for path in CORPORA.rglob("*.*") if path.suffix in (".txt", ".html")),
    ]
    if not path.is_relative_to(ROOT) or path.relative_to(ROOT).as_posix() not in REFUSED
)
#: A dash the normaliser made, followed by digits written one by one (——九五六年): a lost 一.
_DASH_BEFORE_DIGITS = re.compile("——[〇○零一二三四五六七八九]{2}")
#: A page number on a line of its own (`— 12 —`, `-3-`, `第3页`, `第3页 共10页`), written here
#: apart from the normaliser's rule.
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
#: A page number as a browser's copy of a PDF leaves it, with no form feed: a bare number.
_BARE_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_NOT_A_LETTER = re.compile(r"[\W_]")


def _page_number_like(line: str) -> bool:
    """A page number, or a bare number, which stands where a page breaks in a browser's copy."""
    return bool(_PAGE_NUMBER.match(line) or _BARE_PAGE_NUMBER.match(line))


def _han(text: str) -> Counter[str]:
    return Counter(HAN_RE.findall(text))


def _letters(line: str) -> str:
    """A line's Han characters, letters and digits: what a title or running head is compared by
    (the output's title has full-width brackets where the source may have half-width ones)."""
    return _NOT_A_LETTER.sub("", line)


def _independent_body(raw: RawReport, title: str) -> str:
    """The raw text minus the trailing boilerplate (rule 1), the wrapper and the title lines, page
    numbers and running heads, the last three found by this test's own rules, and a web page's
    lines a copy of it keeps (`_page_lines`)."""
    text, _footer = boilerplate.split_trailing_boilerplate(raw.text)
    lines = text.split("\n")
    heads = _running_heads(lines)
    span = _title_span(["" if at in heads else line for at, line in enumerate(lines)], title)
    body_start = span[1] if span else 0
    heads |= _page_lines(lines, title, body_start)
    return "\n".join(
        line
        for at, line in enumerate(lines)
        if at >= body_start and at not in heads and not _PAGE_NUMBER.match(line)
    )


def _page_lines(lines: list[str], title: str, body_start: int) -> set[int]:
    """Line numbers of a web page's lines that a copy of the page keeps (rule 3): the portal's
    lines (`boilerplate.is_portal_line`, the line test the HTML reader drops them by) and the title
    again, after the title and before the first sentence; and at each pager (`上一页 1 2 3 下一页`: the pages of a split
    article copied one after another) the portal's lines and the title beside it."""
    first_sentence = next((at for at, line in enumerate(lines) if re.search("[。！？]", line)), len(lines))
    found = {at for at in range(body_start, first_sentence) if _the_pages(lines[at], title)}
    for pager in (at for at, line in enumerate(lines) if boilerplate.is_pager_line(line)):
        for step in (-1, 1):
            at = pager
            while 0 <= at < len(lines) and (not lines[at].strip() or _the_pages(lines[at], title)):
                found.add(at)
                at += step
    return found


def _the_pages(line: str, title: str) -> bool:
    """The portal's line, a date and source line (`2024-03-12 19:09 来源：新华社`; not a date line
    alone, which is the report's), or the title again."""
    dated = is_publication_line(line) and not is_date_line(line)
    return boilerplate.is_portal_line(line) or dated or (bool(_letters(line)) and _letters(line) == _letters(title))


def _title_span(lines: list[str], title: str) -> tuple[int, int] | None:
    """The first run of up to six lines whose letters spell the title, as (start, end)."""
    wanted = _letters(title)
    for start, line in enumerate(lines):
        spelled = _letters(line)
        if not spelled or not wanted.startswith(spelled):
            continue
        end = start + 1
        while spelled != wanted and end < min(len(lines), start + 6) and wanted.startswith(spelled):
            spelled += _letters(lines[end])
            end += 1
        if spelled == wanted:
            return start, end
    return None


def _running_heads(lines: list[str]) -> set[int]:
    """Line numbers of running heads: a line whose letters stand at a page break twice or more,
    in a text that has pages (a form feed or a page number)."""
    if not any(line.startswith("\f") or _page_number_like(line) for line in lines):
        return set()
    at_breaks: dict[str, list[int]] = {}
    for at, line in enumerate(lines):
        if _letters(line) and not _PAGE_NUMBER.match(line) and _at_page_break(lines, at):
            at_breaks.setdefault(_letters(line), []).append(at)
    return {at for where in at_breaks.values() if len(where) >= 2 for at in where}


def _at_page_break(lines: list[str], at: int) -> bool:
    """First on its page (after a form feed or a page number, or the first line of text) or last
    on it (right before a page number or a form feed)."""
    if lines[at].startswith("\f") or at == next(n for n, line in enumerate(lines) if _letters(line)):
        return True
    before, after = _nearest_text(lines, at, -1), _nearest_text(lines, at, 1)
    if after is not None and (_page_number_like(lines[after]) or lines[after].startswith("\f")):
        return True
    return before is not None and _page_number_like(lines[before])


def _nearest_text(lines: list[str], at: int, step: int) -> int | None:
    at += step
    while 0 <= at < len(lines) and not lines[at].strip():
        at += step
    return at if 0 <= at < len(lines) else None


def _body_output(document: NormalizedDocument) -> str:
    """The canonical body: every block, without the front matter and the `# title` line."""
    markdown = render(document).split("\n---\n", 1)[1]
    return "\n".join(line for line in markdown.split("\n") if not line.startswith("# "))


def _assert_conserved(source: str, output: str) -> int:
    """Han multisets equal once each new dash is counted as the two 一 it was; returns the
    number of repairs."""
    repairs = output.count("——") - source.count("——")
    assert repairs >= 0
    restored = _han(output) + Counter({"一": 2 * repairs})
    assert restored == _han(source), (
        f"lost: {dict((_han(source) - restored).most_common(8))}, "
        f"gained: {dict((restored - _han(source)).most_common(8))}"
    )
    return repairs


def _label(path: Path) -> str:
    """`seeds/…`, `tests/data/…` or `corpora/…`: where the report lives."""
    if path.is_relative_to(CORPORA):
        return f"corpora/{path.relative_to(CORPORA).as_posix()}"
    return path.relative_to(ROOT).as_posix()


def _conserved(raw: RawReport) -> tuple[str, str]:
    document = normalize_raw(raw)
    source, output = _independent_body(raw, document.metadata.title), _body_output(document)
    _assert_conserved(source, output)
    return source, output


@pytest.mark.parametrize("path", REPORTS, ids=_label)
def test_every_report_keeps_every_han_character(path: Path) -> None:
    source, output = _conserved(read_report(path))
    assert _DASH_BEFORE_DIGITS.findall(output) == _DASH_BEFORE_DIGITS.findall(source)


def test_every_report_file_of_the_repository_is_checked() -> None:
    """Every tracked file with a report's suffix is checked or excluded for a stated reason."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout.split("\0")
    checked = {_label(path) for path in REPORTS}
    reports = [
        name for name in tracked if name.endswith(REPORT_SUFFIXES) and not name.startswith(tuple(EXCLUDED))
    ]
    assert [name for name in reports if name not in checked and name not in REFUSED] == []
    assert len([p for p in REPORTS if p.parent == SEEDS]) == 5
    assert {
        "tests/data/national-gwr/wikisource/2014.txt",
        "tests/data/national-gwr/govcn/2017.html",
        "tests/data/metadata/national-2023-mid-year.txt",
        "tests/data/extracts/2022-pdftotext-layout.txt",
        "tests/data/headings/1987-section-title-run-into-its-first-sentence.txt",
        "tests/data/pdf/object-streams.pdf",
    } <= checked


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_report_file_is_refused(name: str) -> None:
    with pytest.raises(InputError):
        normalize_raw(read_report(ROOT / name))


def test_a_running_head_is_set_aside_only_where_it_stands_at_a_page_break() -> None:
    """2022-pdftotext-layout.txt prints 政府工作报告 over its first page, as its title, and at the
    top of the next two pages: the heads go, the title goes to the front matter, and the same
    words inside a sentence stay."""
    path = ROOT / "tests" / "data" / "extracts" / "2022-pdftotext-layout.txt"
    raw = read_report(path)
    lines = raw.text.split("\n")
    heads = _running_heads(lines)
    assert [lines[at].strip("\f ") for at in sorted(heads)] == ["政府工作报告"] * 3
    assert _title_span(["" if at in heads else line for at, line in enumerate(lines)], "政府工作报告") == (
        3,
        4,
    )
    page = ["政府工作报告", "", "第一段。", "— 1 —", "\f政府工作报告", "第二段提到政府工作报告。", "— 2 —"]
    assert sorted(_running_heads(page)) == [0, 4]
    assert _running_heads(page[:4]) == set()  # once at a break is no running head


# --- generated reports: real lines of older reports, numbering styles, numbers and dashes ----

# Real lines, cut at a sentence end: wikisource-older/1954.txt l.3-5 (traditional characters),
# 1955.txt l.240, 1956.txt l.10 (full-width digits), 1958.txt l.13 and l.285, 1981.txt l.14,
# 1982.txt l.285, and seed 000 l.23.
REAL_LINES = (
    "我們第一届全國人民代表大會第一次會議，在聽了劉少奇同志關於憲法草案的報告並進行了三天的討論以後，"
    "已經光榮地完成了一件歷史性的工作。",
    "\u3000\u3000我们国家的财力是不是有可能来适应这样的建设规模呢？我们答复这是可能的。",
    "\u3000\u3000１９５５年国家决算的收支总数如下：１９５５年本年收入合计２７，２０３，３１９，０００元。",
    "\u3000\u3000一九五七年是我国在各个战线上取得伟大胜利的一年。",
    "\u3000\u3000（１）有步骤地实行半工半读的教育制度。",
    "\u3000\u3000过去的一年，我们的经济工作是在巩固已有的成绩、克服面临的困难中前进的。",
    "\u3000\u3000我们要全面完成第六个五年计划，必须坚定不移地贯彻执行社会主义物质文明和精神文明一齐抓的方针。",
    '2024年是中华人民共和国成立75周年,是实现"十四五"规划目标任务的关键之年。',
)
# Numbering styles the corpus lacks or has only in part, written from the genre.
MARKER_LINES = (
    "一",
    "二",
    "十一",
    "一百零一",
    "一、",
    "（一）",
    "一百零一、其他事项",
    "第一部分",
    "第一部份　總體要求",
    "第三節　加強管理",
    "（1）加强农业基础设施建设",
    "①兴修水利",
    "结束语",
    "結束語",
    "各位代表！",
    "国家在过渡时期的总任务",
)
# Lines whose leading 一 are the report's own: years, numbers, words.
NUMBER_LINES = (
    "一九五六年，我国国民经济计划的执行情况是好的。",
    "一一对应的办法要坚持。",
    "一百多年来，中国人民进行了英勇的斗争。",
    "一一列举了各项措施。",
)
# Dash items whose 一一 extraction made of ——: seed 000, lines 25 and 137.
DASH_LINES = ("一一地区生产总值5949亿元;", "- 一一全社会固定资产投资增长1.0%左右;")
DASH_TEXTS = ("——地区生产总值", "——全社会固定资产投资")


def _raw(text: str) -> RawReport:
    return RawReport(text=text, name="sample.txt", sha256="0" * 64, encoding="utf-8", size=len(text))


@st.composite
def generated_reports(draw: st.DrawFn) -> str:
    pools = st.sampled_from(REAL_LINES) | st.sampled_from(MARKER_LINES) | st.sampled_from(NUMBER_LINES)
    lines = draw(st.lists(pools | st.sampled_from(DASH_LINES) | st.just(""), max_size=30))
    return "\n".join([draw(pools), *lines])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_reports())
def test_generated_reports_keep_every_han_character(text: str) -> None:
    _source, output = _conserved(_raw(text))
    for found in re.finditer("——", output):
        assert output.startswith(DASH_TEXTS, found.start()), output[found.start() : found.start() + 12]
