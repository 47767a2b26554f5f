"""Word's automatic numbering in a .doc: the label (`一、`, `（一）`, `1.` …) Word shows in front of
a paragraph a list numbers, which is not in the text ([MS-DOC] 2.9.147 LSTF, 2.9.150 LVL, 2.9.131
LFO), counted as read/docx_numbering.py counts a .docx's.

The table stream holds the lists (PlfLst: an LSTF for each, then each list's levels, an LVL each:
its start, number format and number text, where the characters 0 to 8 stand for the levels'
numbers) and the list overrides (PlfLfo) a paragraph names by its sprmPIlfo, with sprmPIlvl for
its level. A paragraph style may name a list too (Word numbers its headings so: `一、` on every
`Heading 1`, the paragraphs naming no list of their own), read from the stylesheet
(`style_lists`).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from corpusdiff.read.doc_sprms import sprms
from corpusdiff.read.docx_numbering import bullet_label, format_number

_LEVELS = 9
_LSTF, _LVLF, _LFO, _LFOLVL = 28, 28, 16, 8
_SIMPLE_LIST = 0x01
_BULLET, _NONE = 0x17, 0xFF
_START_AT = 0x10  # LFOLVL: the override restarts the level at its iStartAt
_FORMATTING = 0x20  # LFOLVL: a whole LVL follows it
#: MSONFC number formats ([MS-OSHARED] 2.2.1.3) as the WordprocessingML names docx_numbering reads.
_FORMATS = {
    0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
    0x0A: "ideographDigital", 0x0B: "japaneseCounting", 0x0E: "decimalFullWidth",
    0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth2", 0x16: "decimalZero",
    0x1A: "decimalEnclosedFullstop", 0x1B: "decimalEnclosedParen", 0x1C: "decimalEnclosedCircleChinese",
    0x1D: "ideographEnclosedCircle", 0x1E: "ideographTraditional", 0x1F: "ideographZodiac",
    0x21: "taiwaneseCounting", 0x22: "ideographLegalTraditional",
    # LibreOffice writes its 一, 二, 三 numbering as 0x23 (Taiwanese counting: the same characters)
    0x23: "taiwaneseCountingThousand", 0x24: "ideographDigital",
    0x25: "chineseCounting", 0x26: "chineseLegalSimplified", 0x27: "chineseCountingThousand",
}  # fmt: skip


@dataclass(frozen=True)
class _Level:
    start: int
    nfc: int
    text: str  # the number text: characters 0-8 stand for the numbers of levels 1-9


class DocNumbering:
    """The lists of a .doc and the counters of each, read in document order."""

    def __init__(self, table: bytes, lists: tuple[int, int], overrides: tuple[int, int]) -> None:
        self.levels: dict[int, list[_Level]] = {}  # by lsid
        self.overrides: list[tuple[int, dict[int, int]]] = []  # by ilfo - 1: (lsid, level -> start)
        self.counters: dict[int, list[int]] = {}
        self.restarted: set[tuple[int, int]] = set()
        if lists[1]:
            self._read_lists(table, lists[0])
        if overrides[1]:
            self._read_overrides(table, overrides[0])

    def _read_lists(self, table: bytes, fc: int) -> None:
        count = _u16(table, fc)
        position = fc + 2 + count * _LSTF
        for index in range(count):
            lstf = fc + 2 + index * _LSTF
            lsid = _i32(table, lstf)
            levels = 1 if table[lstf + 26] & _SIMPLE_LIST else _LEVELS
            self.levels[lsid] = []
            for _ in range(levels):
                level, position = _read_level(table, position)
                self.levels[lsid].append(level)

    def _read_overrides(self, table: bytes, fc: int) -> None:
        count = _u32(table, fc)
        data = fc + 4 + count * _LFO
        for index in range(count):
            lfo = fc + 4 + index * _LFO
            starts: dict[int, int] = {}
            data += 4  # LFOData.cp
            for _ in range(table[lfo + 12]):
                start, flags = _i32(table, data), table[data + 4]
                data += _LFOLVL
                if flags & _START_AT:
                    starts[flags & 0x0F] = start
                if flags & _FORMATTING:
                    _, data = _read_level(table, data)
            self.overrides.append((_i32(table, lfo), starts))

    def label(self, ilfo: int, level: int) -> str:
        """The label Word shows for a paragraph of list override `ilfo` (1-based) at `level`;
        "" for none. Lists of one LSTF count on together; an override that restarts a level
        restarts it at its first paragraph, as Word's "Restart at 1" does."""
        if not 1 <= ilfo <= len(self.overrides) or not 0 <= level < _LEVELS:
            return ""
        lsid, starts = self.overrides[ilfo - 1]
        levels = self.levels.get(lsid, [])
        if level >= len(levels):
            return ""
        counters = self.counters.setdefault(lsid, [0] * _LEVELS)
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = 0
        if level in starts and (ilfo, level) not in self.restarted:
            self.restarted.add((ilfo, level))
            counters[level] = 0
        counters[level] = starts.get(level, levels[level].start) if counters[level] == 0 else counters[level] + 1
        shown = levels[level]
        if shown.nfc == _BULLET:
            return bullet_label(shown.text)
        if shown.nfc == _NONE:
            return ""
        return "".join(self._number(char, counters, levels) for char in shown.text)

    @staticmethod
    def _number(char: str, counters: list[int], levels: list[_Level]) -> str:
        index = ord(char)
        if index >= min(_LEVELS, len(levels)):
            return char
        value = counters[index] or levels[index].start
        return format_number(value, _FORMATS.get(levels[index].nfc, "decimal"))


#: The sprms of a paragraph's list (sprmPIlfo) and level in it (sprmPIlvl).
SPRM_LIST, SPRM_LIST_LEVEL = 0x460B, 0x260A
_NO_STYLE = 0x0FFF
#: Word lets a style be based on styles ten deep; a longer chain is a loop in a damaged file.
_STYLE_DEPTH = 11


def style_lists(table: bytes, stylesheet: tuple[int, int]) -> dict[int, tuple[int, int]]:
    """The list override and level each paragraph style numbers its paragraphs with, by istd:
    its own (sprmPIlfo and sprmPIlvl in its paragraph properties) or its base style's. Read
    from the STSH ([MS-DOC] 2.9.271: an STSHI, then each style's STD, its StdfBase naming its
    kind and base style, its name, and its UPXs, a paragraph style's first its istd and sprms).
    A stylesheet that cannot be read numbers nothing: it never made a .doc unreadable before."""
    fc, size = stylesheet
    try:
        own, bases = _own_style_lists(table[fc : fc + size])
    except (struct.error, IndexError):
        return {}
    resolved = {}
    for istd in own.keys() | bases.keys():
        ilfo = ilvl = None
        style = istd
        for _ in range(_STYLE_DEPTH):
            found_ilfo, found_ilvl = own.get(style, (None, None))
            ilfo = found_ilfo if ilfo is None else ilfo
            ilvl = found_ilvl if ilvl is None else ilvl
            style = bases.get(style, _NO_STYLE)
            if style == _NO_STYLE:
                break
        if ilfo:
            resolved[istd] = (ilfo, ilvl or 0)
    return resolved


def _own_style_lists(stsh: bytes) -> tuple[dict[int, tuple[int | None, int | None]], dict[int, int]]:
    """Each paragraph style's own sprmPIlfo and sprmPIlvl (None where it has none), and each
    style's base style."""
    own: dict[int, tuple[int | None, int | None]] = {}
    bases: dict[int, int] = {}
    header = _u16(stsh, 0)
    count, base_size = _u16(stsh, 2), _u16(stsh, 4)
    position = 2 + header
    for istd in range(count):
        size = _u16(stsh, position)
        std = stsh[position + 2 : position + 2 + size]
        position += 2 + size
        if size < base_size + 2:  # an empty slot
            continue
        kind, bases[istd], upx_count = _u16(std, 2) & 0x0F, _u16(std, 2) >> 4, _u16(std, 4) & 0x0F
        if kind != 1 or not upx_count:  # not a paragraph style
            continue
        upx = base_size + 2 + 2 * _u16(std, base_size) + 2  # after the name and its terminator
        papx = std[upx + 2 : upx + 2 + _u16(std, upx)]
        found = {sprm: operand for sprm, operand in sprms(papx[2:]) if sprm in (SPRM_LIST, SPRM_LIST_LEVEL)}
        own[istd] = (
            int.from_bytes(found[SPRM_LIST], "little", signed=True) if SPRM_LIST in found else None,
            found[SPRM_LIST_LEVEL][0] if SPRM_LIST_LEVEL in found else None,
        )
    return own, bases


def _read_level(table: bytes, position: int) -> tuple[_Level, int]:
    """The LVL at `position` and where the next one starts."""
    start, nfc = _i32(table, position), table[position + 4]
    chpx, papx = table[position + 24], table[position + 25]
    xst = position + _LVLF + papx + chpx
    length = _u16(table, xst)
    text = table[xst + 2 : xst + 2 + 2 * length].decode("utf-16-le", "replace")
    if len(text) < length:
        raise IndexError("a list level runs past the end of the table stream")
    return _Level(start, nfc, text), xst + 2 + 2 * length


def _u16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<H", data, offset)[0])


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<I", data, offset)[0])


def _i32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<i", data, offset)[0])
