"""site/labels: where a chart's figure can stand (a line ran through `4.6%以内`, figures side by
side read as one)."""

from __future__ import annotations

from corpusdiff.site.labels import Box, Label, place, text_width

FIGURE = Box(0, 40, 0, 12)


def test_a_line_through_a_figure_crosses_it_and_one_beside_it_does_not() -> None:
    assert FIGURE.crossed_by((-10, 6, 50, 6))  # across
    assert FIGURE.crossed_by((-10, -10, 50, 22))  # corner to corner
    assert not FIGURE.crossed_by((-10, 20, 50, 20))  # below
    assert not FIGURE.crossed_by((45, -10, 60, 30))  # to its right


def test_a_figure_takes_its_first_clear_place_or_none_unless_required() -> None:
    above, below = Box(0, 40, 0, 12), Box(0, 40, 30, 42)
    line = (-10, 6, 50, 6)  # runs through `above`
    assert place([Label((above, below))], [], [line]) == [1]
    assert place([Label((above,))], [], [line]) == [None]
    assert place([Label((above,), required=True)], [], [line]) == [0]
    # side by side closer than the gap they read as one figure
    assert place([Label((above,)), Label((Box(42, 80, 0, 12),))], [], []) == [0, None]


def test_a_figure_is_measured_no_narrower_than_it_is_set() -> None:
    assert text_width("4.6%以内", 10) >= 43  # Noto Sans CJK at 10 px in Chromium
