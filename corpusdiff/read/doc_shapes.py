"""The groups of shapes of a .doc's main text ([MS-DOC] 2.9.172 OfficeArtContent, [MS-ODRAW]
2.2.13 to 2.2.16): which group each grouped shape is in, so that a text box grouped with other
shapes (a 专栏 box beside its figure) is read where the group is anchored.

A shape anchored in the text has an FSPA naming its spid; a group of shapes has one, naming the
group, and the shapes in it have none. The table stream's OfficeArtContent (at the FIB's
fcDggInfo) holds the drawing group, then each document part's drawing: a byte saying which
(0: the main text, 1: the headers) and its OfficeArtDgContainer, whose patriarch group holds a
container for each shape anchored in the text (OfficeArtSpContainer) and for each group
(OfficeArtSpgrContainer: the group's own shape first, then its shapes and groups). Each shape's
OfficeArtFSP gives its spid, in its header's instance its shape type (a picture frame for a
picture, which shows no text: `shown_pictures`) and in its flags whether it shows an OLE object.
Records are an 8-byte header (version and instance, type, length) and their body; a record
running past its container ends the walk, as a damaged drawing costs the boxes' places, never
the reading.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

_HEADER = 8
_DG_CONTAINER, _SPGR_CONTAINER, _SP_CONTAINER, _FSP = 0xF002, 0xF003, 0xF004, 0xF00A
_MAIN_TEXT = 0  # the dgglbl of the main text's drawing
#: msosptPictureFrame, the shape type of a picture ([MS-ODRAW] 2.4.24), and fOleShape, the
#: OfficeArtFSP flag of a shape showing an OLE object (an Excel sheet pasted in).
_PICTURE_FRAME, _OLE_SHAPE = 75, 0x10


@dataclass(frozen=True)
class _Shape:
    """What an OfficeArtFSP says: the shape's spid, its shape type, its flags."""

    spid: int
    type: int
    flags: int

    @property
    def picture(self) -> str:
        """What the shape shows as a picture, as the .docx reader names it; "" for none (a text
        box, a line, a group's own shape)."""
        if self.type != _PICTURE_FRAME:
            return ""
        return "embedded object" if self.flags & _OLE_SHAPE else "picture"


def grouped_shapes(art: bytes) -> dict[int, tuple[int, int]]:
    """The spid of each shape in a group of the main text's drawing, mapped to the spid of its
    outermost group (the one an FSPA names) and its place among the group's shapes, in the order
    the group holds them (the order a .docx's `wpg:wgp` writes them in)."""
    grouped: dict[int, tuple[int, int]] = {}
    for kind, body, end in _main_text_shapes(art):
        if kind != _SPGR_CONTAINER:
            continue
        shapes = _shapes(art, body, end)  # the group's own shape first
        for place, shape in enumerate(shapes[1:]):
            grouped.setdefault(shape.spid, (shapes[0].spid, place))
    return grouped


def shown_pictures(art: bytes) -> dict[int, tuple[str, ...]]:
    """What each shape or group of shapes anchored in the main text shows as pictures, by the
    spid its FSPA names: a picture ("picture"), an OLE object ("embedded object"), each
    picture a group holds; none for a text box, whose text is read."""
    shown: dict[int, tuple[str, ...]] = {}
    for _, body, end in _main_text_shapes(art):
        shapes = _shapes(art, body, end)  # a group's own shape first
        if shapes:
            shown.setdefault(shapes[0].spid, tuple(shape.picture for shape in shapes if shape.picture))
    return shown


def _main_text_shapes(art: bytes) -> Iterator[tuple[int, int, int]]:
    """Each shape (OfficeArtSpContainer) and group of shapes (OfficeArtSpgrContainer) anchored
    in the main text, not one in a group, as `_record` gives it."""
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
                yield from (record for record in _records(art, *patriarch[1:]) if record[0] in (_SPGR_CONTAINER, _SP_CONTAINER))
        return


def _shapes(art: bytes, start: int, end: int) -> list[_Shape]:
    """The shapes within the records from `start` to `end`, at any depth, in order (walked
    without recursion: a damaged file may nest containers deep)."""
    found: list[_Shape] = []
    walks = [iter(_records(art, start, end))]
    while walks:
        record = next(walks[-1], None)
        if record is None:
            walks.pop()
            continue
        kind, body, stop = record
        if kind == _FSP and stop - body >= 4:
            flags = _u32(art, body + 4) if stop - body >= 8 else 0
            found.append(_Shape(_u32(art, body), _u16(art, body - _HEADER) >> 4, flags))
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


def _u16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<H", data, offset)[0])


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<I", data, offset)[0])
