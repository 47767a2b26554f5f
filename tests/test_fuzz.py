"""Fuzzing normalise and diff with hypothesis.

The default suite runs 300 cases per normalising property and 100 per diff property (each case
normalises and compares two documents); the dedicated run (`make fuzz`, i.e.
CORPUSDIFF_FUZZ_EXAMPLES=10000) runs ten thousand each.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpusdiff.canonical.markdown import render
from corpusdiff.compare.core import compare
from corpusdiff.errors import InputError
from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import RawReport
from corpusdiff.structure import build_tree
from tests.conftest import body_of, han_key

#: Started first under xdist (tests/conftest.py): hundreds of cases per property.
pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("CORPUSDIFF_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
DIFF_EXAMPLES = int(os.environ.get("CORPUSDIFF_FUZZ_EXAMPLES", "100"))
FUZZ_DIFF = settings(FUZZ, max_examples=DIFF_EXAMPLES)

TOKENS = [
    "福田",
    "河套",
    "深港",
    "科技",
    "创新",
    "合作区",
    "推动",
    "建设",
    "民生",
    "教育",
    "三大新引擎",
    "计划",
    "报告",
    "一、",
    "二、",
    "（一）",
    "（二）",
    "(三)",
    "1.",
    "2．",
    "12.",
    "第一章 ",
    "第二节 ",
    "专栏1 ",
    "，",
    "。",
    "；",
    "：",
    "“",
    "”",
    ",",
    ".",
    ":",
    ";",
    '"',
    "(",
    ")",
    "、",
    "！",
    " ",
    "  ",
    "\n",
    "\n",
    "\n\n",
    "\t",
    "2021",
    "年",
    "5.5%",
    "1+5",
    "PM2.5",
    "and",
    "GDP",
    "附件：",
    "附表",
    "二〇二二年一月",
    "——",
    "<script>",
    "*",
    "_",
    "#",
    ">",
    "|",
    "[",
    "]",
    "\\",
]
text_strategy = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=120).map("".join)


def _raw(text: str, name: str = "fuzz.txt") -> RawReport:
    return RawReport(text=text, name=name, sha256="0" * 64, encoding="utf-8", size=len(text))


def _normalise(text: str) -> str | None:
    try:
        return render(normalize_raw(_raw(text)))
    except InputError:
        return None


@FUZZ
@given(text_strategy)
def test_normalise_never_crashes_and_is_idempotent(text: str) -> None:
    once = _normalise(text)
    assume(once is not None)
    assert render(normalize_raw(_raw(once))) == once


@FUZZ
@given(text_strategy)
def test_no_han_character_of_the_body_disappears(text: str) -> None:
    once = _normalise(text)
    assume(once is not None)
    body = body_of(once).replace("\n# fuzz\n", "\n", 1)
    source = re.sub(r"^[ \t]*(- )?一一", "——", text, flags=re.MULTILINE)
    assert han_key(body) == han_key(source)


def _tree(text: str):
    once = _normalise(text)
    assume(once is not None)
    return build_tree(normalize_raw(_raw(once)))


@FUZZ_DIFF
@given(text_strategy)
def test_diff_of_a_document_with_itself_reports_no_change(text: str) -> None:
    tree = _tree(text)
    assert not compare(tree, tree).has_changes()


@FUZZ_DIFF
@given(text_strategy, text_strategy)
def test_swapping_sides_mirrors_new_and_dropped(a: str, b: str) -> None:
    old, new = _tree(a), _tree(b)
    forward, backward = compare(old, new), compare(new, old)
    assert forward.counts()["new"] == backward.counts()["dropped"]
    assert forward.counts()["dropped"] == backward.counts()["new"]
    assert set(forward.programmes.new) == set(backward.programmes.dropped)
