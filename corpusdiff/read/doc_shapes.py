"""The groups of shapes of a .doc's main text ([MS-DOC] 2.9.172 OfficeArtContent, [MS-ODRAW]
2.2.13 to 2.2.16): which group each grouped shape is in, so that a text box grouped with other
shapes (a 专栏 box beside its figure) is read where the group is anchored.

A shape anchored in the text has an FSPA naming its spid; a group of shapes has one, naming the
group, and the shapes in it have none. The table stream's OfficeArtContent (at the FIB's
fcDggInfo) holds the drawing group, then each document part's drawing: a byte saying which
(0: the main text, 1: the headers) and its OfficeArtDgContainer, whose patriarch group holds a
container for each shape anchored in the text (OfficeArtSpContainer) and for each group
(OfficeArtSpgrContainer: the group's own shape first, then its shapes and groups). Each shape's
OfficeArtFSP gives its spid. Records are an 8-byte header (version and instance, type, length)
and their body; a record running past its container ends the walk, as a damaged drawing costs
the boxes' places, never the reading.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

_HEADER = 8
_DG_CONTAINER, _SPGR_CONTAINER, _SP_CONTAINER, _FSP = 0xF002, 0xF003, 0xF004, 0xF00A
_MAIN_TEXT = 0  # the dgglbl of the main text's drawing


def grouped_shapes(art: bytes) -> dict[int, tuple[int, int]]:
    """The spid of each shape in a group of the main text's drawing, mapped to the spid of its
    outermost group (the one an FSPA names) and its place among the group's shapes, in the order
    the group holds them (the order a .docx's `wpg:wgp` writes them in)."""
    grouped: dict[int, tuple[int, int]] = {}
    for group in _main_text_groups(art):
        own, *shapes = _shape_ids(art, *group)
        for place, spid in enumerate(shapes):
            grouped.setdefault(spid, (own, place))
    return grouped


def _main_text_groups(art: bytes) -> Iterator[tuple[int, int]]:
    """The body of each group of shapes anchored in the main text (not a group in a group)."""
    drawing_group = _record(art, 0, len(art))
    position = drawing_group[2] if drawing_group else len(art)
    while position < len(art):
        label, drawing = art[position], _record(art, position + 1, len(art))
        if drawing is None:
            return
        kind, body, position = drawing
        if kind != _DG_CONTAINER or label != _MAIN_TEXT:
            continue
        for patriarch in _records(art, body, position):
            if patriarch[0] == _SPGR_CONTAINER:
                yield from ((start, end) for inner, start, end in _records(art, *patriarch[1:]) if inner == _SPGR_CONTAINER)
        return


def _shape_ids(art: bytes, start: int, end: int) -> list[int]:
    """The spids of the shapes within the records from `start` to `end`, at any depth, in order
    (walked without recursion: a damaged file may nest containers deep)."""
    found: list[int] = []
    walks = [iter(_records(art, start, end))]
    while walks:
        record = next(walks[-1], None)
        if record is None:
            walks.pop()
            continue
        kind, body, stop = record
        if kind == _FSP and stop - body >= 4:
            found.append(_u32(art, body))
        elif kind in (_SPGR_CONTAINER, _SP_CONTAINER):
            walks.append(iter(_records(art, body, stop)))
    return found


def _records(art: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    """Each record from `start` to `end`, as `_record` gives it."""
    records = []
    while (record := _record(art, start, end)) is not None:
        records.append(record)
        start = record[2]
    return records


def _record(art: bytes, start: int, end: int) -> tuple[int, int, int] | None:
    """The record at `start`: its type, and where its body starts and ends; None where no whole
    record stands before `end`."""
    if start + _HEADER > end:
        return None
    kind, length = struct.unpack_from("<HI", art, start + 2)
    body = start + _HEADER
    return (kind, body, body + length) if body + length <= end else None


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<I", data, offset)[0])
