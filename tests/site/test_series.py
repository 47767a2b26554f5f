"""Which documents the site's series views take (site/series.py)."""

from __future__ import annotations

from corpusdiff.series.terms import PROGRAMME, WORD, Term, TermStatus
from corpusdiff.site.common import Doc
from corpusdiff.site.series import _with_room, trace_inputs
from corpusdiff.types.document import Metadata


def _doc(doc_id: str, genre: str, date: str) -> Doc:
    return Doc(doc_id, "", Metadata(title=doc_id, id=doc_id, genre=genre, date=date))


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
