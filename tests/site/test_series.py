"""Which documents the site's series views take (site/edition_sets.py, site/series.py)."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from corpusdiff.parallel import SERIAL
from corpusdiff.series.terms import PROGRAMME, WORD, Term, TermStatus
from corpusdiff.site.build import build_site
from corpusdiff.site.common import Doc
from corpusdiff.site.edition_sets import plan_reports, trace_inputs
from corpusdiff.site.terms_view import _with_room
from corpusdiff.types.document import Metadata
from tests.conftest import ROOT


def _doc(doc_id: str, genre: str, date: str, region: str = "", period: str = "") -> Doc:
    return Doc(doc_id, "", Metadata(title=doc_id, id=doc_id, genre=genre, date=date, region=region, period=period))


def test_the_trace_page_follows_a_plan_into_its_mid_term_review() -> None:
    """A corpus with a plan's mid-term review (genre five-year-plan-review) listed it nowhere on
    the trace page, though it says how far the plan's items have got."""
    docs = [
        _doc("beijing/five-year-plan-review/2023-07", "five-year-plan-review", "2023-07"),
        _doc("beijing/government-work-report/2022", "government-work-report", "2022"),
        _doc("beijing/five-year-plan/2021", "five-year-plan", "2021"),
        _doc("beijing/five-year-plan-proposal/2020-12", "five-year-plan-proposal", "2020-12"),
        _doc("beijing/budget-report/2022", "budget-report", "2022"),
    ]
    plans, reports = trace_inputs(docs)
    assert [d.id for d in plans] == ["beijing/five-year-plan/2021"]
    assert [d.id for d in reports] == [
        "beijing/government-work-report/2022",
        "beijing/five-year-plan-review/2023-07",
    ]


def test_a_plan_is_traced_into_the_reports_of_its_region_from_its_date_within_its_period() -> None:
    """The site traced every plan into every report: with the national work reports beside the
    seeds, Futian's 2021–2025 plan was addressed by the 2013 report (0.82), eight years before
    it and of another government. `corpusdiff trace` refuses a report dated before the plan and
    warns of one of another region or after the plan's period; the site leaves those out."""
    plan = _doc("futian/five-year-plan/2021", "five-year-plan", "2021", "福田区", "2021-2025")
    reports = [
        _doc("national/government-work-report/2013", "government-work-report", "2013", "全国"),
        _doc("futian/annual-plan/2020-01", "annual-plan", "2020-01", "福田区"),
        _doc("futian/annual-plan/2022-01", "annual-plan", "2022-01", "福田区"),
        _doc("national/government-work-report/2022", "government-work-report", "2022-03-05", "全国"),
        _doc("futian/mid-year-report/2023-10", "mid-year-report", "2023-10", "福田区"),
        _doc("futian/annual-plan/2031-01", "annual-plan", "2031-01", "福田区"),
    ]
    assert [d.id for d in plan_reports(plan, reports)] == ["futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"]


def _with_front_matter(doc: str, **fields: str) -> str:
    """The seeds' document `doc` with front matter fields replaced: the same text, made another
    region's report or an earlier one."""
    text = (ROOT / "corpus" / f"{doc}.md").read_text(encoding="utf-8")
    for name, value in fields.items():
        text = "\n".join(f"{name}: '{value}'" if line.startswith(f"{name}:") else line for line in text.split("\n"))
    return text


def test_the_trace_page_leaves_out_another_region_s_report_and_an_earlier_one(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    gwr = "futian/government-work-report/2022-01-21"
    files = {
        "futian/five-year-plan/2021": (ROOT / "corpus/futian/five-year-plan/2021.md").read_text(encoding="utf-8"),
        gwr: (ROOT / f"corpus/{gwr}.md").read_text(encoding="utf-8"),
        "national/government-work-report/2022-03-05": _with_front_matter(
            gwr, id="national/government-work-report/2022-03-05", region="全国", date="2022-03-05"
        ),
        "futian/government-work-report/2020-01-21": _with_front_matter(
            gwr, id="futian/government-work-report/2020-01-21", date="2020-01-21", period="2020"
        ),
    }
    for doc, text in files.items():
        (corpus / f"{doc}.md").parent.mkdir(parents=True, exist_ok=True)
        (corpus / f"{doc}.md").write_text(text, encoding="utf-8")
    build_site(corpus, tmp_path / "site", runner=SERIAL)
    page = lxml.html.fromstring((tmp_path / "site/trace.html").read_text(encoding="utf-8"))
    columns = [link.get("href") for link in page.xpath("//table[contains(@class, 'trace')]/thead//a")]
    assert columns == [f"doc/{gwr}.html"]


def _term(term: str, kind: str, total: int, status: TermStatus = TermStatus.STEADY) -> Term:
    return Term(term, kind, {"a": total}, "a", "a", status)


def test_a_terms_page_with_room_lists_every_term_in_the_index_order() -> None:
    terms = [_term("河套", WORD, 26), _term("一网统管", PROGRAMME, 3), _term("之间", WORD, 2)]
    assert _with_room(terms, 3) == terms


def test_a_terms_page_without_room_keeps_the_programmes_and_the_most_used_words() -> None:
    """The national reports' index (7,659 terms of 21 editions) made an 853 KB page of words one
    old edition used twice; past its room the page keeps programme names and the words a
    report keeps using, in the index's order (the most distinctive first)."""
    terms = [
        _term("之间", WORD, 2, TermStatus.DROPPED),
        _term("河套", WORD, 26),
        _term("四个全面", PROGRAMME, 5),
        _term("注意", WORD, 3, TermStatus.DROPPED),
        _term("改革", WORD, 300),
    ]
    assert [t.term for t in _with_room(terms, 3)] == ["河套", "四个全面", "改革"]
