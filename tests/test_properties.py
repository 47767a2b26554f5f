"""Invariants over the seeds and random perturbations of them (hypothesis)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpusdiff.canonical.markdown import render
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from tests.conftest import SEED_STEMS, SEEDS, body_of, han_key

#: Started first under xdist (tests/conftest.py): hundreds of cases per property.
pytestmark = pytest.mark.slow

LINES = {stem: (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").split("\n") for stem in SEED_STEMS}
LINES["futian-2022-01-government-work-report"] = LINES["futian-2022-01-government-work-report"][28:]
HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})


def _raw(text: str) -> RawReport:
    return RawReport(text=text, name="sample.txt", sha256="0" * 64, encoding="utf-8", size=len(text))


@st.composite
def perturbed_excerpts(draw: st.DrawFn) -> str:
    lines = LINES[draw(st.sampled_from(SEED_STEMS))]
    start = draw(st.integers(0, len(lines) - 1))
    excerpt = list(lines[start : start + draw(st.integers(1, 40))])
    for _ in range(draw(st.integers(0, 6))):
        index = draw(st.integers(0, len(excerpt)))
        excerpt.insert(index, draw(st.sampled_from(["", "", "— 7 —", "   "])))
    text = "\n".join(excerpt)
    if draw(st.booleans()):
        text = text.translate(HALF_WIDTH)
    if draw(st.booleans()):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + " " + text[position:]
    assume(re.search("[\u4e00-\u9fff]", text))
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(perturbed_excerpts())
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = render(normalize_raw(_raw(text)))
    assert render(normalize_raw(_raw(once))) == once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(perturbed_excerpts())
def test_no_han_character_disappears(text: str) -> None:
    source = re.sub(r"^\s*—\s*\d+\s*—\s*$", "", text, flags=re.MULTILINE)
    source = re.sub(r"^\s*(- )?一一", "——", source, flags=re.MULTILINE)
    source = re.sub(r"\[bookmark:[^\]]*\]", "", source)
    document = normalize_raw(_raw(text))
    body = body_of(render(document))
    if any(w.startswith("no title line found") for w in document.warnings):
        # a title the text does not print (named after the opening, or the file name) is metadata
        body = re.sub(r"\A\n# [^\n]*\n", "\n", body)
    assert han_key(body) == han_key(source)


def test_every_seed_is_a_fixed_point(seed_markdown: dict[str, str]) -> None:
    for markdown in seed_markdown.values():
        assert render(normalize_raw(_raw(markdown))) == markdown
