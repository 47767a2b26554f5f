"""The differ's answer does not depend on the format a report arrives in: the labels read from the
wikisource text of the national reports 2014–2017 score the same on the government portal's HTML
pages of the same reports (`python -m tests.eval_initiatives --source govcn`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval_initiatives import LABELS, evaluate, evaluate_in, label_files, source_path

pytestmark = pytest.mark.slow

#: How far a share may move between the text and the HTML copy: the two sources cut a few
#: paragraphs differently (a caption, a line run on at a page break), which moves a pair or two.
TOLERANCE = 0.03
#: How many more or fewer units the HTML copy may call dropped (or new), and call so rightly:
#: these are counts of a dozen or so, where one unit moves a share by 0.05-0.2.
UNIT_TOLERANCE = 2

#: The labelled pairs whose two reports the portal has as HTML.
WITH_HTML = (
    "national-2014__national-2015",
    "national-2014__national-2016",
    "national-2015__national-2016",
    "national-2015__national-2017",
    "national-2016__national-2017",
)


def _has_html(path: Path) -> bool:
    meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
    return all(source_path(meta[side], "govcn") is not None for side in ("old", "new"))


def test_every_pair_with_html_copies_is_checked() -> None:
    assert {p.stem for p in label_files() if _has_html(p)} == set(WITH_HTML)


@pytest.mark.parametrize("name", WITH_HTML)
def test_html_copies_score_as_the_text_does(name: str) -> None:
    text = evaluate(LABELS / f"{name}.json")
    html = evaluate_in("govcn", LABELS / f"{name}.json")
    assert html is not None
    assert html.located == 1.0, html.unlocated
    for measure in ("pairs_found", "pair_precision"):
        assert abs(getattr(html, measure) - getattr(text, measure)) <= TOLERANCE, (measure, text, html)
    for count in ("dropped_called", "dropped_right", "new_called", "new_right"):
        assert abs(getattr(html, count) - getattr(text, count)) <= UNIT_TOLERANCE, (count, text, html)


def test_a_report_without_another_copy_is_left_out() -> None:
    assert source_path("corpora/national-gwr/wikisource/2022.txt", "govcn") is None
    assert source_path("seeds/futian-2022-01-plan-report.txt", "govcn") is None
    assert isinstance(source_path("corpora/national-gwr/wikisource/2016.txt", "govcn"), Path)


