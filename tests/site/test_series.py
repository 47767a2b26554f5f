"""Which documents the site's series views take (site/series.py)."""

from __future__ import annotations

from corpusdiff.site.common import Doc
from corpusdiff.site.series import trace_inputs
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
