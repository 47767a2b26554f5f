"""The diagnosis of wrong dropped/new calls (tests/diagnose_initiatives.py): its kinds on hand-made
units, its refusal of held-out files, and that the units it examines are exactly those the differ
calls dropped or new (it runs the differ's own pairing steps, `compare.core.match_initiative_units`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.diagnose_initiatives import Kind, LabelledPartner, Leftover, Partner, kind_of, leftovers, summary
from tests.eval_initiatives import evaluate

LABEL_DIR = Path(__file__).parent.parent / "data" / "labels" / "initiatives"


def _unit(*partners: LabelledPartner, group: bool = False, pair: str = "national-2018__national-2019") -> Leftover:
    return Leftover(pair, "new", ("N3-38",), "壮大绿色环保产业。", group, partners, 0.02)


def _partner(standing: Partner, probability: float | None, group: bool = False) -> LabelledPartner:
    return LabelledPartner("same/medium", group, probability, "" if probability is not None else "prefilter", standing)


def test_a_piece_whose_partner_continues_elsewhere_is_an_extra_piece() -> None:
    assert kind_of(_unit(_partner(Partner.PAIRED, 0.018))) is Kind.EXTRA_PIECE


def test_the_partner_the_model_likes_best_decides_the_kind() -> None:
    unit = _unit(_partner(Partner.FREE, 0.004), _partner(Partner.EXTRA, 0.3), _partner(Partner.PAIRED, None))
    assert kind_of(unit) is Kind.BEHIND_EXTRA


def test_two_units_left_over_together() -> None:
    assert kind_of(_unit(_partner(Partner.FREE, 0.296))) is Kind.BOTH_LEFT_OVER


def test_a_group_heading_whose_partners_are_all_paragraphs_crosses_levels() -> None:
    assert kind_of(_unit(_partner(Partner.PAIRED, 0.06), group=True)) is Kind.ACROSS_LEVELS
    # one partner on its own level: judged by standing, like any other unit
    both = _unit(_partner(Partner.PAIRED, 0.06), _partner(Partner.FREE, 0.2, group=True), group=True)
    assert kind_of(both) is Kind.BOTH_LEFT_OVER


def test_summary_counts_recent_and_older_pairs_apart() -> None:
    older = _unit(_partner(Partner.FREE, 0.1), pair="national-1980__national-1981")
    right = Leftover("national-2018__national-2019", "old", ("O1-1",), "…", False, (), None)
    text = summary([_unit(_partner(Partner.PAIRED, 0.05)), older, right])
    assert "recent tuned pairs: 1 units wrongly called dropped/new, 1 rightly" in text
    assert "older tuned pairs: 1 units wrongly called dropped/new, 0 rightly" in text
    assert "1 no candidate scored" in text


def test_held_out_files_are_refused() -> None:
    with pytest.raises(SystemExit, match="held out"):
        leftovers(LABEL_DIR / "national-2016__national-2017.json")


def test_it_examines_exactly_the_units_the_differ_calls_dropped_or_new() -> None:
    name = "futian-2023-10__futian-2025-01"
    examined = leftovers(LABEL_DIR / f"{name}.json")
    scored = evaluate(LABEL_DIR / f"{name}.json")
    wrong = {ids for u in examined if u.partners for ids in u.ids}
    called_wrong = {item.split()[0] for item in scored.wrong_dropped + scored.wrong_new}
    assert wrong == {i for item in called_wrong for i in item.split(",")}
    assert sum(not u.partners for u in examined) == scored.dropped_right + scored.new_right
