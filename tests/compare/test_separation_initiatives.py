"""The separation check of candidate signals (tests/separation_initiatives.py): its AUC, the
containment of a merge piece in its merged unit, the order signals, and held-out files refused."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.crossval_initiatives import HeldOut
from tests.separation_initiatives import auc, containment, gap_signal, main, neighbours_signal, pair_rows

LABEL_DIR = Path(__file__).parent.parent / "data" / "labels" / "initiatives"


def test_auc_is_the_chance_a_labelled_pair_scores_above_another() -> None:
    assert auc([0.9, 0.8], [0.1, 0.2, 0.3]) == 1.0
    assert auc([0.1], [0.5, 0.9]) == 0.0
    assert auc([0.5], [0.5]) == 0.5
    assert auc([0.9, 0.2], [0.5]) == 0.5
    assert math.isnan(auc([], [0.5]))


def test_a_piece_is_contained_in_its_merged_unit_whichever_side_it_is_on() -> None:
    piece = ["建设", "河套", "园区"]
    merged = ["建设", "河套", "园区", "引进", "企业", "二十家"]
    other = ["治理", "深圳河", "五十公里"]
    forward = containment([piece, other], [merged, other])
    backward = containment([merged, other], [piece, other])
    assert forward[0, 0] == pytest.approx(1.0)
    assert forward[1, 0] == 0.0
    assert (forward == backward.T).all()


def test_words_of_one_character_weigh_nothing() -> None:
    # `的` would make a short unit look contained in any unit holding it
    assert containment([["的", "园区"]], [["园区", "企业"], ["的", "河流"]])[0, 1] == 0.0


def test_neighbours_and_gap_read_the_pairs_around_two_units() -> None:
    orders = ([0, 1, 2, 3], [0, 1, 2, 3])
    linked = {(0, 0), (2, 2)}
    neighbours = neighbours_signal(orders, linked)
    assert neighbours(1, 1) == 1.0  # both sides' neighbours are linked with each other
    assert neighbours(1, 3) == 0.0
    assert neighbours(3, 3) == 0.5  # nothing after the last unit
    gap = gap_signal(orders, linked)
    assert gap(1, 1) == 1.0
    assert gap(3, 3) == 1.0  # after the last pair on both sides: the same gap
    assert gap(1, 3) == 0.0


def test_held_out_label_files_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    held_out = next(p for p in sorted(LABEL_DIR.glob("*.json")) if json.loads(p.read_text(encoding="utf-8"))["meta"].get("held_out"))
    with pytest.raises(HeldOut):
        pair_rows(held_out.stem, json.loads(held_out.read_text(encoding="utf-8")))
    assert main([str(held_out)]) == 2
    assert "held out" in capsys.readouterr().err


def test_a_related_pair_is_left_out_or_counted_as_labelled() -> None:
    from corpusdiff.compare.core import editions_segmenter
    from corpusdiff.compare.features import candidate_features
    from tests.compare.test_compare import ARTS, FESTIVAL, HETAO, edition

    old_tasks = [("建设河套", HETAO), ("办好节庆", FESTIVAL)]
    new_tasks = [("建设河套园区", HETAO.replace("二十家", "三十家")), ("繁荣文化", ARTS)]
    old, new = edition("2022-01", *old_tasks), edition("2023-01", *new_tasks)
    labels = {
        "meta": {"old": "synthetic-old", "new": "synthetic-new"},
        "old_units": [{"id": f"O{n}", "lead": heading} for n, (heading, _) in enumerate(old_tasks, 1)],
        "new_units": [{"id": f"N{n}", "lead": heading} for n, (heading, _) in enumerate(new_tasks, 1)],
        "pairs": [
            {"old_id": "O1", "new_id": "N1", "label": "same", "confidence": "high"},
            {"old_id": "O1", "new_id": "N2", "label": "related", "confidence": "medium"},
        ],
    }
    trees = (old, new, candidate_features(old, new, editions_segmenter(old, new)))
    # O1 and N1 continue each other (the differ links them: no row); O1 -> N2 is only related
    assert sum(r.label for r in pair_rows("synthetic", labels, trees)) == 0
    assert sum(r.label for r in pair_rows("synthetic", labels, trees, related=True)) == 1
    assert len(pair_rows("synthetic", labels, trees, related=True)) == len(pair_rows("synthetic", labels, trees)) + 1


def test_the_corpus_context_is_the_other_editions_beside_the_pair() -> None:
    from tests.separation_initiatives import corpus_texts

    labels = json.loads((LABEL_DIR / "futian-2022-01__futian-2023-10.json").read_text(encoding="utf-8"))
    texts = corpus_texts(labels)
    # the 2025 plan report is one of the other Futian reports: it looks back on 2024, which
    # neither report of the pair (January 2022, October 2023) mentions
    assert any("2024年" in t for t in texts)
    assert corpus_texts({"meta": {"old": "synthetic-old", "new": "synthetic-new"}}) == []


def test_a_gate_counts_the_labelled_pairs_a_signal_ranks_highest_among_the_unscored() -> None:
    from tests.separation_initiatives import GATE_SIZES, MEANING, SIGNALS, PairRow, gate_table

    k = SIGNALS.index(MEANING[0])

    def row(label: int, value: float, probability: float | None = None) -> PairRow:
        signals = [0.0] * len(SIGNALS)
        signals[k] = value
        return PairRow("f", label, probability, tuple(signals))

    others = [row(0, 0.5) for _ in range(GATE_SIZES[0] - 1)]
    rows = [row(1, 0.9), row(1, 0.5), *others, row(0, 0.1), row(1, 0.95, probability=0.3)]
    line = next(x for x in gate_table(rows).splitlines() if x.startswith(MEANING[0] + " "))
    # the scored labelled pair is no gate's business; the second labelled pair ties with the
    # others at 0.5 and is ranked below them, out of the top 100 but in the top 500
    assert [int(n) for n in line.split()[-len(GATE_SIZES):]] == [1, 2, 2]
    assert "never scored: 2 labelled among 102" in gate_table(rows)


def test_lead_spaces_learned_from_the_units_join_leads_in_different_words() -> None:
    from tests.separation_initiatives import LEAD_SPACES, lead_signals

    # headline to headline: 智慧城区 -> 数字政务 share no word; the units use them together
    leads = [[["智慧", "城区"], ["人才", "引进"]], [["招商", "引资"], ["数字", "政务"]], []]
    units = [["智慧", "城区", "数字", "政务"], ["智慧", "数字", "政务"], ["人才", "招商", "引资"], ["引进", "招商"]]
    signals = lead_signals(leads, units, dimensions=(2,))
    assert len(signals) == len(LEAD_SPACES)
    leads_only, from_units = signals[0], signals[LEAD_SPACES.index("+u")]
    assert leads_only(0, 1) < 0.1
    assert from_units(0, 1) > 0.9 and from_units(0, 0) < 0.1
