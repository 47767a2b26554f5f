"""`diff --format alignments`: the doubtful calls as an overrides file to complete — valid YAML that
decides nothing as written, each doubtful call offered once as a pin and once as a forbid."""

from __future__ import annotations

import pytest

from corpusdiff.render.diff import is_doubtful
from corpusdiff.render.diff_alignments import to_alignments
from corpusdiff.store.corpus import parse_overrides
from corpusdiff.strings import catalogue
from corpusdiff.types.diff import DiffResult, Level, Status
from tests.conftest import corpus_diff

PAIRS = [
    ("futian/annual-plan/2022-01", "futian/mid-year-report/2023-10"),
    ("futian/mid-year-report/2023-10", "futian/annual-plan/2025-01"),
]


def doubtful(result: DiffResult) -> list:
    return [i for i in result.initiatives if i.level == Level.UNIT and is_doubtful(i) and not i.relation]


def uncommented(template: str) -> str:
    """The template with every entry chosen: each `#  - …` line and the line after it uncommented."""
    lines = template.split("\n")
    return "\n".join(line[1:] if line.startswith("#  ") or line.startswith("#    ") else line for line in lines)


@pytest.mark.parametrize(("old", "new"), PAIRS)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_template_decides_nothing_and_offers_each_doubtful_call_both_ways(old: str, new: str, language: str) -> None:
    result = corpus_diff(old, new)
    template = to_alignments(result, catalogue(language))
    written = parse_overrides(template, "a__b.yaml")
    assert (written.pin, written.forbid) == ((), ())
    chosen = parse_overrides(uncommented(template), "a__b.yaml")
    calls = doubtful(result)
    assert calls
    expected_pins = {
        (result.old.unit_anchor(i.old if i.status == Status.DROPPED else i.nearest),
         result.new.unit_anchor(i.nearest if i.status == Status.DROPPED else i.new))
        for i in calls
    }
    expected_alone = {
        (result.old.unit_anchor(i.old), "") if i.status == Status.DROPPED else ("", result.new.unit_anchor(i.new))
        for i in calls
    }
    assert set(chosen.pin) == expected_pins and len(chosen.pin) == len(calls)
    assert set(chosen.forbid) == expected_alone and len(chosen.forbid) == len(calls)
