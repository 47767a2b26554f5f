"""The commands' JSON writer: the text json.dumps(indent=2, ensure_ascii=False) would print."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from corpusdiff.render.jsontext import dumps

_SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


def _standard(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@given(_VALUES)
def test_the_text_is_the_standard_librarys(value: object) -> None:
    assert dumps(value) == _standard(value)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_float_keeps_its_value(number: float) -> None:
    assert json.loads(dumps({"share": number})) == {"share": number}


def test_report_text_stays_characters_and_controls_are_escaped() -> None:
    text = "新旧对照表\u2028“1+5”\x1f\\"
    assert dumps([text]) == _standard([text])
    assert "新旧对照表" in dumps([text])
    assert "\\u001f" in dumps([text])


def test_integer_keys_are_written_as_strings_as_json_does() -> None:
    assert dumps({3: "三", "a": [1, 2]}) == _standard({3: "三", "a": [1, 2]})


def test_the_seed_diff_prints_as_the_standard_library_would() -> None:
    from corpusdiff.render.diff_json import to_json
    from tests.conftest import corpus_diff

    document = to_json(corpus_diff("futian/annual-plan/2022-01", "futian/annual-plan/2025-01"))
    assert dumps(document) == _standard(document)
