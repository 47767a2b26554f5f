"""Word 97–2003 .doc -> the plain text layout the normaliser reads, as read/docx.py gives it for
the .docx of the same document (docs/inputs.md).

A .doc is an OLE compound file (read with olefile). Its text is in the `WordDocument` stream,
in pieces the piece table names ([MS-DOC] 2.4.1): the FIB at the stream's start says which table
stream (`0Table` or `1Table`) holds the piece table (the CLX) and how many characters the main
text has (ccpText); each piece is 8-bit (cp1252) or UTF-16LE text. The main text is read, then
the footnotes and endnotes, stories that follow it in the same character stream, as `注：`
paragraphs after the body as the .docx reader puts them, and the text boxes (a story after the
endnotes), each box's paragraphs after the paragraph its shape is anchored in (or the group of
shapes holding it: read/doc_shapes.py), as the .docx reader reads a `w:txbxContent`; headers,
footers and comments are not read, as the .docx reader reads none. Word's special characters become what the .docx reader makes of the same document: a
paragraph mark (0x0D) ends a line; a line break (0x0B) is a break inside the paragraph; a field
(0x13 instruction 0x14 result 0x15) is its result, except a table of contents Word generates (a
`TOC` field: its result repeats the headings with their page numbers), left out with the `目录`
line over it, as the .docx reader leaves it out; a picture or drawn object (0x01, 0x08) is
nothing; a page break (0x0C) is no break, unless it ends a section. Table cells end with 0x07,
and the paragraph properties (the PAPX of [MS-DOC] 2.9.175) tell which paragraphs are in a table
(and how deep: a table inside a cell ends its cells and rows with paragraph marks, and is that
cell's text) and which 0x07 ends a row, so a table reads as the .docx reader's: a row a line, its cells
separated by tabs, a cell merged across columns followed by empty ones (the row end's cell
edges, sprmTDefTable, laid on the table's grid); and which list numbers a paragraph (its own,
or its style's in the stylesheet), whose number (not in the text) is put in front of it
(read/doc_numbering.py). What the text shows as pictures (a picture, an object pasted in, the
pictures a drawn shape or group of shapes shows) is counted for the warning the .docx reader
gives. The character properties (the CHPX of [MS-DOC] 2.9.31, by the
PlcBteChpx) tell which text a tracked change deletes and which is formatted hidden: neither
is read, as the .docx reader reads neither `w:del` nor `w:vanish`. Properties a fast-saved file
keeps in its piece table (a Pcd's Prm) and a character style's are not read.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import struct
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from corpusdiff.errors import InputError
from corpusdiff.read.doc_numbering import SPRM_LIST, SPRM_LIST_LEVEL, DocNumbering, style_lists
from corpusdiff.read.doc_shapes import grouped_shapes, shown_pictures
from corpusdiff.read.doc_sprms import sprms
from corpusdiff.read.docx import (
    CONTENTS_ENTRY_LENGTH,
    CONTENTS_HEADING_RE,
    ParagraphJoiner,
    contents_note,
    hidden_note,
    pictures_note,
)
from corpusdiff.read.docx_numbering import BULLET
from corpusdiff.read.extracted import Extracted, spanned_rows, table_row
from corpusdiff.strings import counted

_WORD_IDENT = 0xA5EC
#: The nFib of Word 97, which every later Word writes too; Word 6.0 and 95 wrote 101 to 105,
#: with another FIB layout.
_WORD_97 = 0x00C1
_ENCRYPTED = 0x0100
_TABLE_1 = 0x0200
#: The FIB's fixed part, up to the end of FibRgFcLcb97's fcPlfLfo/lcbPlfLfo.
_FIB_LENGTH = 0x02F2
#: Offsets in the FIB: FibRgLw97's character counts of the main text and of the stories after it
#: (footnotes, headers, a reserved one, comments, endnotes, text boxes), in the order they follow
#: it; FibRgFcLcb97's (fc, lcb) pairs.
_CCP_TEXT, _CCP_FTN, _CCP_HDD, _CCP_RESERVED, _CCP_ATN, _CCP_EDN, _CCP_TXBX = 0x4C, 0x50, 0x54, 0x58, 0x5C, 0x60, 0x64
_PLCF_SED, _PLCF_BTE_CHPX, _PLCF_BTE_PAPX, _CLX, _PLF_LST, _PLF_LFO = 0x00CA, 0x00FA, 0x0102, 0x01A2, 0x02E2, 0x02EA
#: The stylesheet (STSH).
_STSHF = 0x00A2
#: Where each note's text starts in its story (PlcffndTxt, PlcfendTxt).
_PLCF_FND_TXT, _PLCF_END_TXT = 0x00B2, 0x0212
#: The shapes anchored in the main text (PlcSpaMom: an FSPA each, its spid first), the drawings
#: (OfficeArtContent: which shapes a group holds, read/doc_shapes.py) and where each text box's
#: text starts in its story (PlcftxbxTxt: an FTXBXS each, fReusable at byte 8 and the lid, the
#: spid of the shape showing it, at byte 14).
_PLC_SPA_MOM, _DGG_INFO, _PLCF_TXBX_TXT = 0x01DA, 0x022A, 0x025A
_FSPA, _FTXBXS, _FTXBXS_REUSABLE, _FTXBXS_LID = 26, 22, 8, 14
_PAGE = 512  # an FKP page of the WordDocument stream
_COMPRESSED = 0x40000000

PARAGRAPH_END, LINE_BREAK, CELL_END, PAGE_BREAK = "\r", "\x0b", "\x07", "\x0c"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
#: Characters that stand for something not text: a picture, a drawn object, a footnote or
#: comment reference, an optional hyphen.
_DROPPED = frozenset("\x01\x08\x02\x05\x1f")
#: A picture or an object pasted in, in the line (0x01), and a drawn object's anchor (0x08).
_PICTURE, _DRAWN_OBJECT = "\x01", "\x08"
_NON_BREAKING_HYPHEN = "\x1e"
_MARKS = frozenset((PARAGRAPH_END, CELL_END))

#: sprms that say a paragraph is in a table, and that it ends a table row (its 0x07 is the row's).
#: A table in a cell ends its cells and rows with paragraph marks (sprmPFInnerTableCell,
#: sprmPFInnerTtp): its paragraphs are the cell's, a table inside a cell that cell's text, as
#: the .docx reader reads it; its row ends are not the table's.
_SPRM_IN_TABLE, _SPRM_ROW_END, _SPRM_INNER_CELL = 0x2416, 0x2417, 0x244B
#: sprmPItap: how deep in tables the paragraph is (1 in a table, 2 in a table in its cell …).
_SPRM_DEPTH = 0x6649
#: sprmTDefTable: a row end's cells and their edges (a cell merged across columns is one cell,
#: wider, so the row has fewer cells).
_SPRM_TABLE_CELLS = 0xD608
#: sprmPHugePapx: the paragraph's properties are in the Data stream, at the offset it gives.
_SPRM_HUGE_PAPX = 0x6646
#: A span past this is a file's error, not a table's layout (as the .docx reader takes it).
_MAX_SPAN = 50
#: sprmCFRMarkDel: the text is deleted by a tracked change; sprmCFVanish: it is formatted hidden.
_SPRM_DELETED, _SPRM_HIDDEN = 0x0800, 0x083C
#: A ToggleOperand that sets the property: on (1), or the opposite of its style's (0x81; a style's
#: character properties are not read, so taken as off).
_TOGGLED_ON = frozenset({0x01, 0x81})
#: The bytes each run takes in an FKP's array of offsets: a BxPap (an offset and a 12-byte PHE)
#: for a paragraph, a byte for a character run.
_PAPX_ENTRY, _CHPX_ENTRY = 13, 1


_P = TypeVar("_P")


class _Damaged(Exception):
    """A structure points outside its stream: the file is cut short or damaged."""


def extractor_version() -> str:
    import olefile

    return f"corpusdiff.read.doc (olefile {olefile.__version__})"


def extract_doc(data: bytes, name: str) -> Extracted:
    """The main text of a Word 97–2003 .doc; InputError with one line when it cannot be read."""
    word, table = _streams(data, name)
    try:
        fib = _Fib.read(word, name)
        document = _Document(word, _stream(table, fib.table, name), fib, table.get("Data", b""))
        text = _Lines(document).text()
    except (_Damaged, struct.error, IndexError, UnicodeDecodeError) as exc:
        what = str(exc) if isinstance(exc, _Damaged) else "its structures point outside its streams"
        raise InputError(
            f"{name}: a damaged or cut-short Word .doc file ({what}); "
            "open it in Word, WPS or LibreOffice and save it again (as .docx or .doc)"
        ) from exc
    if not text.strip():
        raise InputError(f"{name}: this .doc file holds no text (only images or nothing); give the report's text")
    return Extracted(text + "\n", _notes(document))


def _streams(data: bytes, name: str) -> tuple[bytes, dict[str, bytes]]:
    """The WordDocument stream, and the table streams and the Data stream by name, read from the
    OLE container."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            word = ole.openstream("WordDocument").read()
            names = ("0Table", "1Table", "Data")
            tables = {table: ole.openstream(table).read() for table in names if ole.exists(table)}
    except (OSError, ValueError, struct.error, IndexError, KeyError, EOFError) as exc:
        raise InputError(
            f"{name}: a damaged or cut-short Word .doc file (its OLE container cannot be read); "
            "get the file again, or open it in Word, WPS or LibreOffice and save it again"
        ) from exc
    return word, tables


def _stream(tables: dict[str, bytes], table: str, name: str) -> bytes:
    if table not in tables:
        raise InputError(f"{name}: a damaged Word .doc file (its {table} stream is missing); open and save it again")
    return tables[table]


@dataclass(frozen=True)
class _Story:
    """A story after the main text: its kind, first character, length and the PLC of its notes
    (or text boxes)."""

    kind: str
    start: int
    length: int
    plc: tuple[int, int]

    @property
    def end(self) -> int:
        return self.start + self.length


@dataclass(frozen=True)
class _Fib:
    """What the reader needs of the File Information Block ([MS-DOC] 2.5.1)."""

    table: str
    ccp_text: int
    text_boxes: _Story  # the text boxes anchored in the main text
    shapes: tuple[int, int]  # the PlcSpaMom
    drawings: tuple[int, int]  # the OfficeArtContent
    notes: tuple[_Story, ...]  # the footnotes and the endnotes
    clx: tuple[int, int]
    sections: tuple[int, int]
    paragraphs: tuple[int, int]
    characters: tuple[int, int]
    styles: tuple[int, int]
    lists: tuple[int, int]
    list_overrides: tuple[int, int]

    @staticmethod
    def read(word: bytes, name: str) -> _Fib:
        if len(word) < 4 or _u16(word, 0) != _WORD_IDENT:
            raise InputError(
                f"{name}: an old Office file whose WordDocument stream is not a Word document; "
                "open it in Word, WPS or LibreOffice and save it as a .docx document (or as UTF-8 text)"
            )
        if _u16(word, 2) < _WORD_97:
            raise InputError(
                f"{name}: a Word 6.0/95 (or older) .doc document, which corpusdiff does not read (it reads "
                "Word 97–2003 .doc); open it in Word, WPS or LibreOffice and save it as a .docx document"
            )
        if len(word) < _FIB_LENGTH:
            raise _Damaged("its WordDocument stream ends inside the file information block")
        if _u32(word, _CCP_TEXT) > len(word):  # a character takes a byte at least
            raise _Damaged("it counts more characters than its WordDocument stream holds")
        flags = _u16(word, 0x0A)
        if flags & _ENCRYPTED:
            raise InputError(
                f"{name}: a password-protected (encrypted) Word .doc document; open it with its password, "
                "save it without one and give that file"
            )
        ccp_text = _u32(word, _CCP_TEXT)
        endnotes = ccp_text + sum(_u32(word, ccp) for ccp in (_CCP_FTN, _CCP_HDD, _CCP_RESERVED, _CCP_ATN))
        endnote = _Story("endnote", endnotes, _u32(word, _CCP_EDN), _pair(word, _PLCF_END_TXT))
        return _Fib(
            table="1Table" if flags & _TABLE_1 else "0Table",
            ccp_text=ccp_text,
            text_boxes=_Story("text box", endnote.end, _u32(word, _CCP_TXBX), _pair(word, _PLCF_TXBX_TXT)),
            shapes=_pair(word, _PLC_SPA_MOM),
            drawings=_pair(word, _DGG_INFO),
            notes=(_Story("footnote", ccp_text, _u32(word, _CCP_FTN), _pair(word, _PLCF_FND_TXT)), endnote),
            clx=_pair(word, _CLX),
            sections=_pair(word, _PLCF_SED),
            paragraphs=_pair(word, _PLCF_BTE_PAPX),
            characters=_pair(word, _PLCF_BTE_CHPX),
            styles=_pair(word, _STSHF),
            lists=_pair(word, _PLF_LST),
            list_overrides=_pair(word, _PLF_LFO),
        )


@dataclass(frozen=True)
class _Piece:
    """A run of the text: characters [start, end) at byte `fc` of WordDocument, 8-bit or UTF-16."""

    start: int
    end: int
    fc: int
    compressed: bool


@dataclass(frozen=True)
class _Mark:
    """What the properties of a paragraph say: in a table (and how deep in tables), ending a
    table row (and where the row's cells stand) or a cell of a table inside a cell, numbered by
    a list (its list override, 1-based, 0 for none, and level; None where the paragraph does
    not say, and its style may), and its style (istd)."""

    in_table: bool = False
    row_end: bool = False
    depth: int = 0
    inner_cell_end: bool = False
    ilfo: int | None = None
    ilvl: int | None = None
    istd: int = 0
    #: a row end's cell edges, left to right, in twips (sprmTDefTable's rgdxaCenter)
    edges: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Object:
    """A picture or drawn object the text shows: its CP, its character (`_PICTURE`,
    `_DRAWN_OBJECT`) and the instruction of the field whose result holds it ("" for none: an
    object pasted in is an `EMBED` field's result)."""

    cp: int
    char: str
    field: str = ""


@dataclass(frozen=True)
class _Format:
    """What a run's character properties say: deleted by a tracked change (the text with its
    changes accepted, which the .docx reader reads, has no such text), formatted hidden."""

    deleted: bool = False
    hidden: bool = False


class _Document:
    """The main text, each character with its byte offset in WordDocument (where its paragraph's
    properties are looked up), the section ends, and the paragraph properties."""

    def __init__(self, word: bytes, table: bytes, fib: _Fib, data: bytes) -> None:
        self.fib = fib
        self.table = table
        #: the characters of the main text and of the stories up to the text boxes' end
        self.chars: list[tuple[str, int]] = []
        extent = min(max(fib.ccp_text, fib.text_boxes.end, *(story.end for story in fib.notes)), len(word))
        for piece in _pieces(_slice(table, fib.clx)):
            self.chars.extend(_piece_text(word, piece, extent))
            if len(self.chars) >= extent:
                break
        if len(self.chars) < fib.ccp_text:
            raise _Damaged(f"its piece table holds {len(self.chars)} of the text's {fib.ccp_text} characters")
        self.section_ends = frozenset(cp - 1 for cp in _plc_cps(_slice(table, fib.sections), 12)[1:])
        marks = functools.partial(_mark, data=data)
        self.marks = _Runs(word, _slice(table, fib.paragraphs), _PAPX_ENTRY, marks, _Mark())
        self.formats = _Runs(word, _slice(table, fib.characters), _CHPX_ENTRY, _format, _Format())
        self.notes_read: list[str] = []  # what reading the notes did, for the normaliser's warnings
        self.numbering = DocNumbering(table, fib.lists, fib.list_overrides)
        self.style_lists = style_lists(table, fib.styles)
        self.boxes = _TextBoxes(table, fib, len(self.chars), self.deleted, self.hidden_at)
        self.kept_marks = _kept_marks(self)
        self.drawn = _drawn_pictures(table, fib)
        self.objects: list[_Object] = []  # the pictures and drawn objects read, for the warning

    def list_of(self, mark: _Mark) -> tuple[int, int]:
        """The list override (0 for none) and level numbering the paragraph: its own, or where it
        names none, its style's (a paragraph's own level in its style's list counts)."""
        style_ilfo, style_ilvl = self.style_lists.get(mark.istd, (0, 0))
        ilfo = style_ilfo if mark.ilfo is None else mark.ilfo
        ilvl = style_ilvl if mark.ilvl is None else mark.ilvl
        return ilfo, ilvl

    def deleted(self, cp: int) -> bool:
        """Whether a tracked change deletes the character at `cp` (none past the text: a damaged
        file's anchor there anchors nothing it reads)."""
        return cp < len(self.chars) and self.formats.at(self.chars[cp][1]).deleted

    def hidden(self, char: tuple[str, int]) -> bool:
        """Whether the character is formatted hidden and not deleted (which says more)."""
        format_ = self.formats.at(char[1])
        return format_.hidden and not format_.deleted

    def hidden_at(self, cp: int) -> bool:
        """Whether the character at `cp` is hidden (see `hidden`; none past the text)."""
        return cp < len(self.chars) and self.hidden(self.chars[cp])


def _kept_marks(document: _Document) -> frozenset[int]:
    """The CPs of the deleted paragraph marks Word keeps, accepting the deletion, as the .docx
    reader does (docx._BodyReader.kept_mark): one just before a table (the next paragraph mark
    is deeper in tables: a table, or a table inside this one's cell), as a paragraph cannot run
    on into a table's first cell, and one ending a cell of a table inside a cell (a paragraph
    mark there, where a cell's own end is a 0x07, always kept)."""
    ends = [(cp, char, fc) for cp, (char, fc) in enumerate(document.chars) if char in _MARKS]
    last = (len(document.chars), "", -1)  # after the last mark: no paragraph, in no table
    kept = []
    for (cp, char, fc), (_, _, next_fc) in itertools.pairwise([*ends, last]):
        if char != PARAGRAPH_END or not document.formats.at(fc).deleted:
            continue
        mark = document.marks.at(fc)
        if mark.inner_cell_end or document.marks.at(next_fc).depth > mark.depth:
            kept.append(cp)
    return frozenset(kept)


def _pictures(objects: list[_Object], drawn: dict[int, tuple[str, ...]]) -> Counter[str]:
    """How many of each thing the objects read show as a picture, named as the .docx reader
    names them: an object pasted in (`EMBED`; a chart by its program's name: `MSGraph.Chart.8`,
    `Excel.Chart.8`), a picture in the line, the pictures the drawn shape or group anchored at
    the object shows (`drawn`: a text box shows none, its text is read)."""
    found: Counter[str] = Counter()
    for seen in objects:
        field = seen.field.upper()
        if seen.char == _DRAWN_OBJECT:
            found.update(drawn.get(seen.cp, ()))
        elif field.startswith("EMBED"):
            found["chart" if ".CHART" in field else "embedded object"] += 1
        else:
            found["picture"] += 1
    return found


def _drawn_pictures(table: bytes, fib: _Fib) -> dict[int, tuple[str, ...]]:
    """What the shape anchored at each CP of the main text (PlcSpaMom) shows as pictures."""
    shapes = _slice(table, fib.shapes)
    cps = _plc_cps(shapes, _FSPA)
    shown = shown_pictures(_slice(table, fib.drawings))
    return {cp: shown.get(_u32(shapes, 4 * len(cps) + _FSPA * index), ()) for index, cp in enumerate(cps[:-1])}


class _TextBoxes:
    """The text boxes' text, each a range of CPs of the text box story, by the CP of the shape
    anchoring it in the main text ([MS-DOC] 2.3.6: an FTXBXS's lid is the spid of an FSPA, or of
    a shape in a group of shapes, whose FSPA names the group: its boxes follow one another in the
    order the group holds them). A box whose shape no FSPA names, nor any group's, is unplaced.
    A box whose anchor a tracked change deletes is not the report's (Word marks the deletion on
    the anchor, not on the box's text; the .docx reader reads no box in a `w:del`); one whose
    anchor is formatted hidden is not printed, as the hidden text it is anchored in is not (the
    .docx reader reads no box in a hidden run): not read, kept for the warning.
    LibreOffice writes a shape of its own with an empty box beside each box."""

    def __init__(
        self, table: bytes, fib: _Fib, read: int, deleted: Callable[[int], bool], hidden: Callable[[int], bool]
    ) -> None:
        self.anchored: dict[int, list[tuple[int, int]]] = {}
        self.hidden: dict[int, list[tuple[int, int]]] = {}  # the boxes of hidden anchors
        self.anchors: list[int] = []  # the CPs of the anchors, in order
        self.unplaced: list[tuple[int, int]] = []
        story = fib.text_boxes
        if not story.length or read < story.end:
            return
        shapes = _slice(table, fib.shapes)
        cps = _plc_cps(shapes, _FSPA)
        anchors: dict[int, int] = {}
        for index, cp in enumerate(cps[:-1]):
            anchors.setdefault(_u32(shapes, 4 * len(cps) + _FSPA * index), cp)
        grouped = grouped_shapes(_slice(table, fib.drawings))
        places: dict[int, list[tuple[int, int, int]]] = {}  # each anchor's boxes, with their place in a group
        plc = _slice(table, story.plc)
        cps = _plc_cps(plc, _FTXBXS)
        for index in range(len(cps) - 2):  # the last FTXBXS is always a reusable one, no box
            entry = 4 * len(cps) + _FTXBXS * index
            begin, end = (story.start + min(cp, story.length) for cp in cps[index : index + 2])
            if _u16(plc, entry + _FTXBXS_REUSABLE) or begin >= end:
                continue
            lid = _u32(plc, entry + _FTXBXS_LID)
            shape, place = grouped.get(lid, (lid, 0))
            anchor = anchors.get(shape)
            if anchor is None:
                self.unplaced.append((begin, end))
            elif not deleted(anchor):
                places.setdefault(anchor, []).append((place, begin, end))
        ordered = {anchor: [(begin, end) for _, begin, end in sorted(boxes)] for anchor, boxes in places.items()}
        self.hidden = {anchor: boxes for anchor, boxes in ordered.items() if hidden(anchor)}
        self.anchored = {anchor: boxes for anchor, boxes in ordered.items() if anchor not in self.hidden}
        self.anchors = sorted(self.anchored)

    def in_range(self, first: int, last: int) -> list[tuple[int, int]]:
        """The boxes anchored at CPs first to last, in the order of their anchors."""
        at = self.anchors[bisect_right(self.anchors, first - 1) : bisect_right(self.anchors, last)]
        return [box for cp in at for box in self.anchored[cp]]


def _pieces(clx: bytes) -> list[_Piece]:
    """The pieces of the CLX's piece table (its Pcdt), its Prc entries skipped."""
    position = 0
    while position < len(clx) and clx[position] == 0x01:  # a Prc: a grpprl with a 2-byte size
        position += 3 + _u16(clx, position + 1)
    if position >= len(clx) or clx[position] != 0x02:
        raise _Damaged("its piece table is missing")
    size = _u32(clx, position + 1)
    plc = clx[position + 5 : position + 5 + size]
    if len(plc) < size:
        raise _Damaged("its piece table is cut short")
    cps = _plc_cps(plc, 8)
    pieces = []
    for index in range(len(cps) - 1):
        fc = _u32(plc, 4 * len(cps) + 8 * index + 2)
        compressed = bool(fc & _COMPRESSED)
        fc &= ~_COMPRESSED
        pieces.append(_Piece(cps[index], cps[index + 1], fc // 2 if compressed else fc, compressed))
    return pieces


def _piece_text(word: bytes, piece: _Piece, limit: int) -> Iterator[tuple[str, int]]:
    """The piece's characters up to character `limit`, each with its byte offset."""
    count = max(0, min(piece.end, limit) - piece.start)
    width = 1 if piece.compressed else 2
    raw = word[piece.fc : piece.fc + count * width]
    if len(raw) < count * width:
        raise _Damaged("its text runs past the end of its WordDocument stream")
    text = raw.decode("cp1252", errors="replace") if piece.compressed else raw.decode("utf-16-le", "surrogatepass")
    for index, char in enumerate(text):
        yield char, piece.fc + index * width


class _Runs(Generic[_P]):
    """Properties by the byte offset in WordDocument of the text they apply to, read from a bin
    table (PlcBtePapx for paragraphs, PlcBteChpx for characters): it names FKP pages of
    WordDocument, each listing runs of text (rgfc) and, `entry` bytes apart, where in the page
    each run's properties are (a byte, times two; 0 for none)."""

    def __init__(self, word: bytes, plc: bytes, entry: int, read: Callable[[bytes, int], _P], default: _P) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.found: list[_P] = []
        self.default = default
        self.last = -1  # the run `at` found last
        count = (len(plc) - 4) // 8
        for index in range(count):
            page = (_u32(plc, 4 * (count + 1) + 4 * index) & 0x3FFFFF) * _PAGE
            self._read_page(word[page : page + _PAGE], entry, read)

    def _read_page(self, fkp: bytes, entry: int, read: Callable[[bytes, int], _P]) -> None:
        if len(fkp) < _PAGE:
            raise _Damaged("a page of its paragraph or character properties is cut short")
        runs = fkp[_PAGE - 1]
        for index in range(runs):
            offset = 2 * fkp[4 * (runs + 1) + entry * index]
            self.starts.append(_u32(fkp, 4 * index))
            self.ends.append(_u32(fkp, 4 * index + 4))
            self.found.append(read(fkp, offset) if offset else self.default)

    def at(self, fc: int) -> _P:
        """The properties of the text at byte `fc`; the text is read in order, so the run asked
        for last is tried first (a character run holds many characters)."""
        last = self.last
        if last >= 0 and self.starts[last] <= fc < self.ends[last]:
            return self.found[last]
        index = bisect_right(self.starts, fc) - 1
        if index >= 0 and fc < self.ends[index]:
            self.last = index
            return self.found[index]
        return self.default


def _papx(fkp: bytes, offset: int) -> tuple[int, bytes]:
    """A PapxInFkp's istd (its paragraph style) and sprms."""
    size = 2 * fkp[offset] - 1 if fkp[offset] else 2 * fkp[offset + 1]
    start = offset + (1 if fkp[offset] else 2)
    return _u16(fkp, start), fkp[start + 2 : start + size]


def _mark(fkp: bytes, offset: int, data: bytes) -> _Mark:
    istd, grpprl = _papx(fkp, offset)
    found: dict[int, int] = {}
    edges: tuple[int, ...] = ()
    for sprm, operand in itertools.chain(sprms(grpprl), sprms(_huge_papx(grpprl, data))):
        found[sprm] = int.from_bytes(operand[:2], "little", signed=sprm == SPRM_LIST) if operand else 0
        if sprm == _SPRM_TABLE_CELLS:
            edges = _cell_edges(operand)
    in_table = bool(found.get(_SPRM_IN_TABLE))
    return _Mark(
        in_table=in_table,
        row_end=bool(found.get(_SPRM_ROW_END)),
        depth=found.get(_SPRM_DEPTH, int(in_table)),
        inner_cell_end=bool(found.get(_SPRM_INNER_CELL)),
        ilfo=found.get(SPRM_LIST),
        ilvl=found.get(SPRM_LIST_LEVEL),
        istd=istd,
        edges=edges,
    )


def _huge_papx(grpprl: bytes, data: bytes) -> bytes:
    """The sprms a sprmPHugePapx points to in the Data stream (a PrcData: their size, then
    them), where a paragraph's properties do not fit its FKP page: a table row's end in a table
    of a dozen columns or more holds only this sprm, its row end and cells among them."""
    for sprm, operand in sprms(grpprl):
        if sprm == _SPRM_HUGE_PAPX and len(operand) == 4:
            at = _u32(operand, 0)
            size = _u16(data, at) if at + 2 <= len(data) else 0
            return data[at + 2 : at + 2 + size]
    return b""


def _cell_edges(operand: bytes) -> tuple[int, ...]:
    """The cell edges of a sprmTDefTable's operand: its count of cells, then one edge more than
    cells (signed twips); () where the operand is cut short."""
    count = operand[0] if operand else 0
    if len(operand) < 1 + 2 * (count + 1):
        return ()
    return struct.unpack_from(f"<{count + 1}h", operand, 1)


def _format(fkp: bytes, offset: int) -> _Format:
    """A Chpx's properties: its size (a byte), then its sprms."""
    found = {sprm: operand[0] for sprm, operand in sprms(fkp[offset + 1 : offset + 1 + fkp[offset]]) if operand}
    return _Format(deleted=found.get(_SPRM_DELETED) in _TOGGLED_ON, hidden=found.get(_SPRM_HIDDEN) in _TOGGLED_ON)


class _Field:
    """A field open while the text is read: its instruction so far, and whether its result has begun."""

    def __init__(self) -> None:
        self.instruction: list[str] = []
        self.result = False
        self.contents = False  # its result is being read and it is a table of contents

    def begin_result(self) -> None:
        self.result = True
        self.contents = "".join(self.instruction).strip().upper().startswith("TOC")


def _visible(
    chars: list[tuple[str, int]],
    formats: _Runs[_Format],
    first: int = 0,
    kept: frozenset[int] = frozenset(),
    objects: list[_Object] | None = None,
) -> Iterator[tuple[str, int, int, bool]]:
    """The text a reader sees of `chars`, the characters from CP `first` on, as (character, cp,
    fc, in contents): a field's result without its instruction (fields nest), no objects, a
    non-breaking hyphen as a hyphen, and no text a tracked change deletes or formatted hidden
    (see `_shown`; but the deleted paragraph marks at the CPs `kept` end their paragraphs). In
    contents: the character is in the result of a `TOC` field; that field's delimiters are
    yielded as "" in contents too, so a paragraph holding only the field's end is known for the
    contents'. The pictures and drawn objects shown are added to `objects`."""
    fields: list[_Field] = []  # the fields open, outermost first
    for cp, (char, fc) in enumerate(chars, first):
        if cp not in kept and not _shown(char, formats.at(fc)):
            continue
        contents = bool(fields) and any(field.contents for field in fields)
        if char == _FIELD_BEGIN:
            fields.append(_Field())
        elif char == _FIELD_SEPARATOR and fields:
            fields[-1].begin_result()
            contents = any(field.contents for field in fields)
        elif char == _FIELD_END and fields:
            fields.pop()
        elif fields and not all(field.result for field in fields):  # an instruction, not text
            if not fields[-1].result:
                fields[-1].instruction.append(char)
            continue
        elif char not in _DROPPED:
            yield ("-" if char == _NON_BREAKING_HYPHEN else char), cp, fc, contents
            continue
        elif char in (_PICTURE, _DRAWN_OBJECT) and objects is not None:
            objects.append(_Object(cp, char, "".join(fields[-1].instruction).strip() if fields else ""))
        if contents:
            yield "", cp, fc, True


def _shown(char: str, format_: _Format) -> bool:
    """Whether the text with its tracked changes accepted, as Word prints it, has the character.
    A deleted paragraph mark runs its paragraph on into the next, as the .docx reader reads
    one (except before a table or ending a cell: `_kept_marks`); a hidden one ends its paragraph still
    (the .docx reader reads no paragraph mark's properties). A field's delimiters are kept, so
    fields still pair: what a deleted field held is deleted too."""
    if char in (_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END, CELL_END, PAGE_BREAK):
        return True
    if char == PARAGRAPH_END:
        return not format_.deleted
    return not (format_.deleted or format_.hidden)


def _hidden_texts(document: _Document) -> list[str]:
    """The stretches of hidden text (not deleted), for the warning, in document order: the main
    text's, with the text of the boxes a hidden anchor holds (not printed either), and those of
    the text boxes read, where they are anchored (unplaced ones after the body)."""
    boxes = document.boxes
    ccp_text = document.fib.ccp_text
    found = list(_hidden_stretches(document, 0, ccp_text))
    for anchor, anchored in [*boxes.anchored.items(), *((ccp_text, [box]) for box in boxes.unplaced)]:
        found += [(anchor, text) for box in anchored for _, text in _hidden_stretches(document, *box)]
    return [text for _, text in sorted(found, key=lambda stretch: stretch[0])]


def _hidden_stretches(document: _Document, first: int, end: int) -> Iterator[tuple[int, str]]:
    """Each stretch of hidden text from CP `first` to `end`: its first CP and its printed
    characters, with the text of the boxes anchored in it."""
    for hidden, stretch in itertools.groupby(range(first, end), document.hidden_at):
        cps = list(stretch)
        text = "".join(_printable(document, cp) for cp in cps).strip()
        if hidden and text:
            yield cps[0], text


def _printable(document: _Document, cp: int) -> str:
    """The character at `cp` if it is text (not one of Word's marks, all below a space, so an
    ideographic space `　` stays); for an anchor of hidden text boxes, their text."""
    char = document.chars[cp][0]
    if char >= " ":
        return char
    boxes = document.boxes.hidden.get(cp, [])
    return "".join(char for begin, end in boxes for char, _ in document.chars[begin:end] if char >= " ")


@dataclass(frozen=True)
class _Paragraph:
    text: str
    end: str  # the mark that ends it: PARAGRAPH_END, CELL_END, or "" at the text's end
    mark: _Mark
    cps: tuple[int, int]  # its first CP and its mark's (or its last character's)
    #: an entry of a table of contents Word generates: in a `TOC` field's result, no text outside
    #: it, no longer than an entry is (a field never ended, in a damaged file, holds the text)
    contents: bool = False


def _paragraphs(document: _Document, first: int, end: int) -> Iterator[_Paragraph]:
    """The text of CPs first to end (the main text, a text box) cut at its paragraph marks (a
    section break ends a paragraph too; a page break inside one is no break, as the .docx reader
    reads it)."""
    chars: list[str] = []
    outside: list[str] = []  # the characters not in a table of contents
    contents = False
    start = first
    shown = _visible(document.chars[first:end], document.formats, first, document.kept_marks, document.objects)
    for char, cp, fc, in_contents in shown:
        if char == PAGE_BREAK:
            if cp not in document.section_ends:
                continue
            char = PARAGRAPH_END
        if char in _MARKS:
            text = "".join(chars)
            contents = contents or in_contents
            entry = contents and not "".join(outside).strip() and len(text) <= CONTENTS_ENTRY_LENGTH
            yield _Paragraph(text, char, document.marks.at(fc), (start, cp), entry)
            chars, outside, contents, start = [], [], False, cp + 1
        else:
            chars.append(char)
            contents = contents or in_contents
            if not in_contents:
                outside.append(char)
    if chars:
        yield _Paragraph("".join(chars), "", _Mark(), (start, end - 1))


class _Lines:
    """Paragraphs to the lines the .docx reader writes: a paragraph a line (its line breaks read
    as docx.ParagraphJoiner reads them), a table's rows a line each, then a blank line; a text
    box's lines after those of the paragraph it is anchored in, then a blank line."""

    def __init__(self, document: _Document, joiner: ParagraphJoiner | None = None, in_cell: bool = False) -> None:
        self.document = document
        self.joiner = joiner or ParagraphJoiner()
        self.in_cell = in_cell  # reading a text box anchored in a table cell
        self.lines: list[str] = []
        self.rows: list[list[list[str]]] = []  # the table being read: rows of cells of lines
        self.edges: list[tuple[int, ...]] = []  # each row's cell edges, as its row end says
        self.cell: list[str] = []
        self.contents_dropped = 0  # the lines of a table of contents left out
        self.contents_first = ""
        self.in_contents = False

    def text(self) -> str:
        self.read(_paragraphs(self.document, 0, self.document.fib.ccp_text))
        self.unplaced_boxes()
        for story in self.document.fib.notes:
            texts = _note_texts(self.document, story)
            if texts:
                self.lines += ["", *texts]
                read = f"{counted(len(texts), story.kind)} put after the body as paragraphs of their own"
                self.document.notes_read.append(read)
        if self.contents_dropped:
            self.document.notes_read.append(contents_note(self.contents_dropped, self.contents_first))
        return "\n".join(self.lines).strip("\n")

    def unplaced_boxes(self) -> None:
        """The text boxes no shape anchored in the main text shows, after the body: where they
        stand is not known, but their text is the report's."""
        unplaced = [lines for box in self.document.boxes.unplaced if (lines := self.box_lines(box, in_cell=False))]
        for lines in unplaced:
            self.lines += ["", *lines]
        if unplaced:
            self.document.notes_read.append(
                f"{counted(len(unplaced), 'text box', 'text boxes')} put after the body: no shape anchored in the "
                "text names them, nor a group of shapes holding them"
            )

    def read(self, paragraphs: Iterator[_Paragraph]) -> None:
        for paragraph in paragraphs:
            if paragraph.contents:
                self.drop_contents(paragraph)
                continue
            self.in_contents = False
            if paragraph.mark.in_table or paragraph.end == CELL_END:
                self.table_paragraph(paragraph)
            else:
                self.end_table()
                self.lines.append(self.labelled(paragraph, in_cell=self.in_cell))
                self.lines += self.boxes(paragraph, in_cell=self.in_cell)
        self.end_table()

    def boxes(self, paragraph: _Paragraph, in_cell: bool) -> list[str]:
        """The lines of the text boxes anchored in the paragraph, each ending with a blank line,
        as the .docx reader reads a `w:txbxContent` after its paragraph (docx._BodyReader.block)."""
        return [line for box in self.document.boxes.in_range(*paragraph.cps) for line in self.box_lines(box, in_cell)]

    def box_lines(self, box: tuple[int, int], in_cell: bool) -> list[str]:
        """A text box's lines, and a blank line; none for an empty box (LibreOffice writes one
        beside each box). Its paragraphs are counted in their lists, and read by the joiner, in
        document order, so the body's reader reads them."""
        reader = _Lines(self.document, self.joiner, in_cell)
        reader.read(_paragraphs(self.document, *box))
        return [*reader.lines, ""] if any(line.strip() for line in reader.lines) else []

    def drop_contents(self, paragraph: _Paragraph) -> None:
        """Leave out an entry of a table of contents, which repeats the headings with their page
        numbers, and the `目录` line over the table (with the empty lines under it), as the
        .docx reader does (docx._contents)."""
        self.end_table()
        if not self.in_contents:
            self.drop_contents_heading()
        self.in_contents = True
        text = paragraph.text.strip()
        if text:
            self.contents_dropped += 1
            self.contents_first = self.contents_first or re.sub(r"\s+", " ", text)

    def drop_contents_heading(self) -> None:
        empty = len(self.lines) - len(list(itertools.dropwhile(lambda line: not line.strip(), reversed(self.lines))))
        heading = len(self.lines) - empty - 1
        if heading >= 0 and CONTENTS_HEADING_RE.fullmatch(self.lines[heading].strip()):
            del self.lines[heading:]
            self.contents_dropped += 1

    def table_paragraph(self, paragraph: _Paragraph) -> None:
        if not self.rows:
            self.start_row()
        if paragraph.mark.row_end:
            self.edges[-1] = paragraph.mark.edges
            self.start_row()
            return
        self.cell.append(self.labelled(paragraph, in_cell=True))
        self.cell += self.boxes(paragraph, in_cell=True)
        if paragraph.end == CELL_END:
            self.rows[-1].append(self.cell)
            self.cell = []

    def labelled(self, paragraph: _Paragraph, in_cell: bool) -> str:
        """The paragraph's text after the number Word shows for it; a bullet makes a list item
        of a paragraph with text, not of a table cell's (see docx._BodyReader.labelled). A
        paragraph deleted whole before a table is gone, its number too, though its mark stays."""
        text = self.joiner.joined(paragraph.text.split(LINE_BREAK))
        if not text.strip() and paragraph.cps[1] in self.document.kept_marks:
            return text  # not counted in its list, as the .docx reader counts none
        ilfo, ilvl = self.document.list_of(paragraph.mark)
        label = self.document.numbering.label(ilfo, ilvl) if ilfo > 0 else ""
        if label == BULLET and (in_cell or not text.strip()):
            return text
        return label + text

    def start_row(self) -> None:
        self.rows.append([])
        self.edges.append(())

    def end_table(self) -> None:
        rows = [(row, edges) for row, edges in zip(self.rows, self.edges, strict=True) if row]
        self.rows, self.cell, self.edges = [], [], []
        if not rows:
            return
        if all(len(row) == 1 for row, _ in rows):  # a frame around text: its paragraphs, a line each
            self.lines += [line for row, _ in rows for line in row[0] if line.strip()]
        else:
            spans = _spans([(len(row), row_edges) for row, row_edges in rows])
            cells = [
                [(_cell_text(cell), span, 1) for cell, span in zip(row, row_spans, strict=True)]
                for (row, _), row_spans in zip(rows, spans, strict=True)
            ]
            self.lines += [table_row(row) for row in spanned_rows(cells) if any(row)]
        self.lines.append("")


def _spans(rows: list[tuple[int, tuple[int, ...]]]) -> list[list[int]]:
    """How many of the table's columns each cell of each row (its count of cells, its cell
    edges) spans. The columns are those between any two edges of any row, as Word lays out the
    table's grid (a .docx's `w:tblGrid`): a cell merged across columns is one wider cell, and
    spans the columns it covers, as the .docx reader reads a `w:gridSpan`. A row whose edges are
    not known (or do not fit its cells) spans one column a cell."""
    known = [edges for count, edges in rows if len(edges) == count + 1]
    grid = sorted({edge for edges in known for edge in edges})
    column = {edge: index for index, edge in enumerate(grid)}
    spans = []
    for count, edges in rows:
        if len(edges) != count + 1:
            spans.append([1] * count)
            continue
        widths = (column[right] - column[left] for left, right in itertools.pairwise(edges))
        spans.append([min(max(width, 1), _MAX_SPAN) for width in widths])
    return spans


def _cell_text(lines: list[str]) -> str:
    """A cell's text on one line, as the .docx reader writes it: its paragraphs joined by a space."""
    return re.sub(r"\s+", " ", " ".join(line.replace("\t", " ") for line in lines).strip())


def _note_texts(document: _Document, story: _Story) -> list[str]:
    """The text of each footnote or endnote of the story, a note a line marked as a note, as the
    .docx reader writes them: its paragraphs joined by a space, `注：` in front."""
    if not story.length or len(document.chars) < story.end:
        return []
    chars = document.chars[story.start : story.end]
    joiner = ParagraphJoiner()
    joiner.in_front = False
    texts = []
    cps = _plc_cps(_slice(document.table, story.plc), 0)
    for begin, end in itertools.pairwise(cps):
        visible = "".join(char for char, _, _, _ in _visible(chars[begin:end], document.formats))
        paragraphs = visible.replace(CELL_END, PARAGRAPH_END).split(PARAGRAPH_END)
        text = " ".join(joiner.joined(paragraph.split(LINE_BREAK)).replace("\t", " ") for paragraph in paragraphs)
        if text.strip():
            texts.append(text.strip() if text.strip().startswith("注") else f"注：{text.strip()}")
    return texts


def _notes(document: _Document) -> list[str]:
    """What the reader did and left out, for the normaliser's warnings."""
    notes = list(document.notes_read)
    hidden = _hidden_texts(document)
    if hidden:
        notes.append(hidden_note(hidden))
    pictures = _pictures(document.objects, document.drawn)
    if pictures:
        notes.append(pictures_note(pictures))
    return notes


def _plc_cps(plc: bytes, data_size: int) -> list[int]:
    """The CPs of a PLC whose data entries are `data_size` bytes: (n + 1) CPs, then n entries."""
    if not plc:
        return []
    count = (len(plc) - 4) // (4 + data_size)
    return [_u32(plc, 4 * index) for index in range(count + 1)]


def _slice(stream: bytes, place: tuple[int, int]) -> bytes:
    fc, lcb = place
    if fc + lcb > len(stream):
        raise _Damaged("a structure its file information block names lies past the end of its table stream")
    return stream[fc : fc + lcb]


def _pair(word: bytes, offset: int) -> tuple[int, int]:
    return _u32(word, offset), _u32(word, offset + 4)


def _u16(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<H", data, offset)[0])


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<I", data, offset)[0])
