"""The normaliser against hand-written expectations for every seed (tests/data/expected/).

The outlines and the join/separate lists were typed in by reading the raw seeds, not generated
by the normaliser; see tests/data/expected/README.md.
"""

from __future__ import annotations

import re

import pytest

from corpusdiff.canonical.markdown import parse
from corpusdiff.store.corpus import outline
from tests.conftest import EXPECTED, SEED_STEMS, SEEDS, body_of, han_key


def _outline(markdown: str) -> list[str]:
    return [f"{'#' * level} {text}" for level, text in outline(parse(markdown))]


def _pairs(name: str) -> list[tuple[str, str]]:
    path = EXPECTED / name
    rows = [row.split("\t") for row in path.read_text(encoding="utf-8").splitlines() if row.strip()]
    return [(han_key(a), han_key(b)) for a, b in rows]


def _text_lines(markdown: str) -> list[str]:
    return [han_key(line) for line in body_of(markdown).split("\n") if han_key(line)]


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_outline_matches_hand_written_expectation(stem: str, seed_markdown: dict[str, str]) -> None:
    expected = (EXPECTED / f"{stem}.outline.md").read_text(encoding="utf-8").split("\n")
    assert _outline(seed_markdown[stem]) == [line for line in expected if line.strip()]


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_hard_wrapped_fragments_are_joined(stem: str, seed_markdown: dict[str, str]) -> None:
    lines = _text_lines(seed_markdown[stem])
    missing = [(a, b) for a, b in _pairs(f"{stem}.joins.tsv") if not any(a + b in line for line in lines)]
    assert missing == []


def test_hard_wrapped_seeds_have_at_least_ten_joins() -> None:
    for stem in (
        "futian-2022-01-plan-report",
        "futian-2023-10-mid-year-plan-report",
        "futian-2025-01-plan-report",
    ):
        assert len(_pairs(f"{stem}.joins.tsv")) >= 10


def _starts(line: str, start: str) -> bool:
    """A heading line may be compared with or without its numbering marker."""
    unmarked = re.sub(r"^(第[一二三四五六七八九十]+[篇章节]|[一二三四五六七八九十]+|\d+)", "", line)
    return line.startswith(start) or unmarked.startswith(start)


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_real_paragraphs_stay_separate(stem: str, seed_markdown: dict[str, str]) -> None:
    lines = _text_lines(seed_markdown[stem])
    wrong = []
    for end, start in _pairs(f"{stem}.separate.tsv"):
        ends_a_line = any(line.endswith(end) for line in lines)
        starts_a_line = any(_starts(line, start) for line in lines)
        if not (ends_a_line and starts_a_line) or any(end + start in line for line in lines):
            wrong.append((end, start))
    assert wrong == []


# Where the report proper starts (1-based line), by reading: 004's gazette wrapper comes first.
BODY_START = {"futian-2022-01-government-work-report": 29}
TITLE_FROM_MANIFEST = {"futian-2021-14th-five-year-plan-outline"}
PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$")
DASH_BULLET = re.compile(r"^\s*(- )?一一")


def _source_key(stem: str) -> str:
    """The raw text's Han/letter/digit sequence minus what the spec names as debris."""
    lines = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
    lines = lines[BODY_START.get(stem, 1) - 1 :]
    kept = []
    for line in lines:
        line = re.sub(r"\[bookmark:[^\]]*\]", "", line)
        if PAGE_NUMBER.match(line):
            continue
        kept.append(DASH_BULLET.sub("——", line))
    return han_key("\n".join(kept))


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_no_character_of_the_report_is_lost(stem: str, seed_markdown: dict[str, str]) -> None:
    body = body_of(seed_markdown[stem])
    if stem in TITLE_FROM_MANIFEST:
        body = body.split("\n", 2)[2]
    assert han_key(body) == _source_key(stem)
