"""No character of a report is changed into another: over every report in the repository and
every development corpus file (`../shared/corpora`, when it is checked out beside the repo),
the multiset of Han characters of the report body is the same before and after normalisation.

Two things are set aside, as docs/canonical-markdown.md documents them:
- what is cut as not being report text: a site licence or footer block at the end (rule 1),
  the wrapper before the title and the title itself (which goes to the front matter and the
  `# ` line, rule 3), page numbers and running heads (rule 9);
- the line-initial 一一 → —— repair (rule 11): each dash it makes accounts for two 一. That
  repair must never fire where the 一 begin a number or a word, so a dash the normaliser makes
  is never followed by a year's digits, and, on generated text, only ever opens a dash item.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.core import running_headers, title_block
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read import boilerplate
from corpusdiff.read.decode import RawReport, read_report
from corpusdiff.text.chars import HAN_RE
from corpusdiff.text.rules import is_page_number, strip_debris, tidy_spaces
from corpusdiff.types.document import NormalizedDocument
from tests.conftest import ROOT, SEEDS

CORPORA = ROOT / ".." / "shared" / "corpora"
REPORTS = sorted(
    [
        *SEEDS.glob("*.txt"),
        *(ROOT / "tests" / "data" / "national-gwr").rglob("*.*"),
        *(path for path in CORPORA.rglob("*.*") if path.suffix in (".txt", ".html")),
    ]
)
#: A dash the normaliser made, followed by digits written one by one (——九五六年): a lost 一.
_DASH_BEFORE_DIGITS = re.compile("——[〇○零一二三四五六七八九]{2}")


def _han(text: str) -> Counter[str]:
    return Counter(HAN_RE.findall(text))


def _body_source(raw: RawReport) -> str:
    """The raw text minus what the dialect cuts as not being report text, and minus the title."""
    text, _footer = boilerplate.split_trailing_boilerplate(raw.text)
    lines = text.split("\n")
    title = title_block(lines, raw.title_hint)
    body = lines[title.end :] if title else lines
    heads = running_headers(body, title.text if title else "")
    kept = [
        line for line in body if not is_page_number(line) and tidy_spaces(strip_debris(line)) not in heads
    ]
    return "\n".join(kept)


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


@pytest.mark.parametrize("path", REPORTS, ids=_label)
def test_every_report_keeps_every_han_character(path: Path) -> None:
    raw = read_report(path)
    source, output = _body_source(raw), _body_output(normalize_raw(raw))
    _assert_conserved(source, output)
    assert _DASH_BEFORE_DIGITS.findall(output) == _DASH_BEFORE_DIGITS.findall(source)


def test_the_corpus_reports_are_all_checked() -> None:
    """The five seeds and the national reports kept in tests/data are always among them."""
    names = {_label(p) for p in REPORTS}
    assert len([p for p in REPORTS if p.parent == SEEDS]) == 5
    assert {"tests/data/national-gwr/wikisource/2014.txt", "tests/data/national-gwr/govcn/2017.html"} <= names


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
    raw = _raw(text)
    output = _body_output(normalize_raw(raw))
    _assert_conserved(_body_source(raw), output)
    for found in re.finditer("——", output):
        assert output.startswith(DASH_TEXTS, found.start()), output[found.start() : found.start() + 12]
