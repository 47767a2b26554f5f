"""Word's automatic numbering in a .doc: the label (`一、`, `（一）`, `1.` …) Word shows in front of
a paragraph a list numbers, which is not in the text ([MS-DOC] 2.9.147 LSTF, 2.9.150 LVL, 2.9.131
LFO), counted as read/docx_numbering.py counts a .docx's.

The table stream holds the lists (PlfLst: an LSTF for each, then each list's levels, an LVL each:
its start, number format and number text, where the characters 0 to 8 stand for the levels'
numbers) and the list overrides (PlfLfo) a paragraph names by its sprmPIlfo, with sprmPIlvl for
its level. Numbering a paragraph style gives all its paragraphs (through the stylesheet) is not
read: such paragraphs get no label.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

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
