"""The property modifiers of a .doc ([MS-DOC] 2.2.5.1 Sprm, 2.2.5.2 Prl): a grpprl is a run of
sprms, each a 16-bit code whose top three bits (spra) say its operand's size, and the operand.
Paragraph and character properties, and a stylesheet's styles, are written so."""

from __future__ import annotations

import struct
from collections.abc import Iterator

#: sprms whose operand's length takes two bytes (sprmTDefTable, sprmPChgTabs' long form).
_SPRM_LONG = frozenset({0xD608, 0xC615})
#: An operand's size for each spra (the sprm's top three bits); None: its first byte says it.
_OPERAND_SIZE = (1, 1, 2, 4, 2, 2, None, 3)


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """Each sprm with its operand; a sprm running past the end stops the walk."""
    position = 0
    while position + 2 <= len(grpprl):
        sprm = _u16(grpprl, position)
        position += 2
        size = _OPERAND_SIZE[sprm >> 13]
        if sprm in _SPRM_LONG and position + 2 <= len(grpprl):
            size, position = _u16(grpprl, position) - 1, position + 2
        elif size is None and position < len(grpprl):
            size, position = grpprl[position], position + 1
        if size is None or position + size > len(grpprl):
            return
        yield sprm, grpprl[position : position + size]
        position += size


def _u16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<H", data, offset)[0])
