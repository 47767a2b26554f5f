"""Where a chart's figures can stand without running into one another, a point or a line.

Over nine editions an indicator chart printed every figure beside its point and they ran
together (`+7.5%左右+7.7%+7.4%`, a line through `4.6%以内`); a figure is now printed where it
is clear, or not at all (the page gives it elsewhere: the point's tooltip, the table).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

#: Two figures side by side closer than this read as one (`+6.9%+6.7%`).
GAP = 4.0


@dataclass(frozen=True)
class Box:
    """A rectangle on the chart, in its pixels (y down)."""

    left: float
    right: float
    top: float
    bottom: float

    def meets(self, other: Box, gap: float = 0.0) -> bool:
        """Whether the two overlap, or come closer than `gap` across."""
        across = self.left < other.right + gap and other.left < self.right + gap
        return across and self.top < other.bottom and other.top < self.bottom

    def crossed_by(self, segment: Segment) -> bool:
        """Whether the line from (x1, y1) to (x2, y2) passes through the box (Liang–Barsky)."""
        x1, y1, x2, y2 = segment
        dx, dy = x2 - x1, y2 - y1
        start, end = 0.0, 1.0
        for p, q in ((-dx, x1 - self.left), (dx, self.right - x1), (-dy, y1 - self.top), (dy, self.bottom - y1)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                start = max(start, t)
            else:
                end = min(end, t)
            if start > end:
                return False
        return True


Segment = tuple[float, float, float, float]


@dataclass(frozen=True)
class Label:
    """A figure to print: the places it may stand, the preferred first; a required one (a line's
    first or last figure) takes its first place when none is clear."""

    places: tuple[Box, ...]
    required: bool = False


def text_width(text: str, font_px: float) -> float:
    """About how wide a text is set: a Han character or full-width sign takes the font's size, a
    digit, letter or sign six tenths of it (Noto Sans CJK's `%` is a little wider, its `.`
    narrower: `4.6%以内` is 43 pixels at 10, this says 44)."""
    return sum(font_px if unicodedata.east_asian_width(c) in "WF" else 0.6 * font_px for c in text)


def place(labels: Sequence[Label], dots: Sequence[Box], segments: Sequence[Segment]) -> list[int | None]:
    """For each label in turn, the index of the first of its places that meets no figure placed
    before it, no point and no line; None where none is clear."""
    placed: list[Box] = []
    chosen: list[int | None] = []
    for label in labels:
        clear = (index for index, box in enumerate(label.places) if _clear(box, placed, dots, segments))
        spot = next(clear, 0 if label.required else None)
        chosen.append(spot)
        if spot is not None:
            placed.append(label.places[spot])
    return chosen


def _clear(box: Box, placed: Sequence[Box], dots: Sequence[Box], segments: Sequence[Segment]) -> bool:
    return (
        not any(box.meets(other, GAP) for other in placed)
        and not any(box.meets(dot) for dot in dots)
        and not any(box.crossed_by(segment) for segment in segments)
    )
