"""Word 97-2003 .doc fixtures (tests/data/doc/, made from their .docx by LibreOffice), and the bad
.doc files a user may be handed, each made from a good one by changing its WordDocument stream in
place (olefile writes a stream of the same size)."""

from __future__ import annotations

import shutil
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path

import olefile

from corpusdiff.read import doc

DATA = Path(__file__).parent.parent / "data" / "doc"
REPORTS = ("qingxi-2024-gwr", "qingxi-2024-plan")
GOOD = DATA / "qingxi-2024-gwr.doc"
#: In the FIB ([MS-DOC] 2.5): wIdent, nFib, the flags word (fEncrypted 0x0100), lcbClx.
W_IDENT, N_FIB, FLAGS, CCP_TEXT, LCB_CLX = 0x00, 0x02, 0x0A, 0x4C, 0x01A6


def with_word_stream(change: Callable[[bytearray], None], source: Path = GOOD, name: str = "WordDocument") -> bytes:
    """The bytes of `source` with its WordDocument stream (or the stream `name`) changed by
    `change` (in place)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / source.name
        shutil.copyfile(source, path)
        with olefile.OleFileIO(str(path), write_mode=True) as ole:
            stream = bytearray(ole.openstream(name).read())
            change(stream)
            ole.write_stream(name, bytes(stream))
        return path.read_bytes()


_FKP = 512  # a page of a .doc's character properties (an FKP of CHPX runs)
#: sprmCFVanish with its operand on: the text is formatted hidden; sprmCPicLocation of no picture;
#: sprmCFBold off, as long as the two are apart.
_VANISH, _NO_PICTURE, _PADDING = b"\x3c\x08\x01", b"\x03\x6a\x00\x00\x00\x00", b"\x35\x08\x00"


class CharacterRuns:
    """A .doc as the reader reads it (its characters, their byte offsets and properties), and the
    FKP pages of its character properties (CHPX runs), to change runs' properties in place in
    its WordDocument stream (`with_word_stream`)."""

    def __init__(self, path: Path) -> None:
        with olefile.OleFileIO(str(path)) as ole:
            word = ole.openstream("WordDocument").read()
            table = ole.openstream("1Table").read()
        self.fib = doc._Fib.read(word, path.name)
        self.document = doc._Document(word, table, self.fib, b"")
        self.text = "".join(char for char, _ in self.document.chars)
        plc = table[self.fib.characters[0] : self.fib.characters[0] + self.fib.characters[1]]
        pages = (len(plc) - 4) // 8
        self.pages = struct.unpack_from(f"<{pages}I", plc, 4 * (pages + 1))

    def runs(self, stream: bytearray) -> list[tuple[int, int, int]]:
        """Each run: its first and end byte offsets, and where the byte naming its CHPX is."""
        found = []
        for number in self.pages:
            page = (number & 0x3FFFFF) * _FKP
            count = stream[page + _FKP - 1]
            starts = struct.unpack_from(f"<{count + 1}I", stream, page)
            found += [(starts[run], starts[run + 1], page + 4 * (count + 1) + run) for run in range(count)]
        return found

    def offset_of(self, stream: bytearray, cp: int) -> tuple[int, list[int]]:
        """Where the byte naming the CHPX of the run of the one character at `cp` (a mark, an
        anchor) is, and those of its page's runs."""
        fc = self.document.chars[cp][1]
        [(_, end, offset)] = [run for run in self.runs(stream) if run[0] == fc]
        assert end == fc + 2
        page = offset - offset % _FKP
        return offset, [named for _, _, named in self.runs(stream) if named - named % _FKP == page]

    def delete(self, stream: bytearray, cp: int) -> None:
        """Give the run of the one character at `cp` the properties of the first deleted run of
        its page."""
        mark, runs = self.offset_of(stream, cp)
        page = mark - mark % _FKP
        [deleted, *_] = [
            run for run in runs
            if stream[run] and doc._format(bytes(stream[page : page + _FKP]), 2 * stream[run]).deleted
        ]  # fmt: skip
        stream[mark] = stream[deleted]

    def hide(self, stream: bytearray, cps: list[int]) -> None:
        """Format the characters at `cps` (drawn objects' anchors, a run each) hidden: the CHPX
        they share, and no other run of their page, is given sprmCFVanish where its
        sprmCPicLocation of no picture was (a drawn object's, operand 0: an FSPA names the
        shape), so it keeps its size (the page may have no room for another)."""
        offsets = [self.offset_of(stream, cp) for cp in cps]
        [(page, named)] = {(mark - mark % _FKP, stream[mark]) for mark, _ in offsets}
        _, runs = offsets[0]
        assert sorted(run for run in runs if stream[run] == named) == sorted(mark for mark, _ in offsets)
        chpx = page + 2 * named
        size = stream[chpx]
        sprms = bytes(stream[chpx + 1 : chpx + 1 + size])
        assert _NO_PICTURE in sprms
        stream[chpx + 1 : chpx + 1 + size] = sprms.replace(_NO_PICTURE, _VANISH + _PADDING)

    def undelete(self, stream: bytearray, first: int, end: int) -> None:
        """Give the deleted runs of the characters from CP `first` to `end` no properties."""
        fcs = {self.document.chars[cp][1] for cp in range(first, end)}
        for start, stop, named in self.runs(stream):
            if any(start <= fc < stop for fc in fcs) and self.document.formats.at(start).deleted:
                stream[named] = 0


def text_box_deleted_at_its_anchor() -> bytes:
    """The report whose second 专栏 box is in a text box a tracked change deletes
    (qingxi-2024-revisions-text-box.doc) with the deletion where Word writes it: on the box's
    anchor (0x08) in the main text, not on the box's text. LibreOffice marks the box's text
    deleted and its anchor not."""
    path = DATA / "qingxi-2024-revisions-text-box.doc"
    read = CharacterRuns(path)
    [(anchor, (first, end))] = [
        (cp, box) for cp, boxes in read.document.boxes.anchored.items() for box in boxes
        if read.text[box[0] : box[1]].startswith("专栏2")
    ]  # fmt: skip

    def change(stream: bytearray) -> None:
        read.delete(stream, anchor)
        read.undelete(stream, first, end)

    return with_word_stream(change, path)


def _set(offset: int, value: int, size: str = "<H") -> Callable[[bytearray], None]:
    return lambda stream: struct.pack_into(size, stream, offset, value)


def encrypted() -> bytes:
    return with_word_stream(lambda stream: struct.pack_into("<H", stream, FLAGS, _u16(stream, FLAGS) | 0x0100))


def word_95() -> bytes:
    """A Word 95 file's nFib (104) in an otherwise good file."""
    return with_word_stream(_set(N_FIB, 104))


def not_word() -> bytes:
    """An OLE file with a WordDocument stream that is no Word document (its wIdent is not 0xA5EC)."""
    return with_word_stream(_set(W_IDENT, 0x1234))


def clx_past_its_stream() -> bytes:
    """The piece table said to run far past the end of its table stream (a stream cut short)."""
    return with_word_stream(_set(LCB_CLX, 1 << 20, "<I"))


def too_many_characters() -> bytes:
    """A main text said to be a billion characters long, more than the file holds (a file made
    to have the reader repeat its pieces until the memory runs out)."""
    return with_word_stream(_set(CCP_TEXT, 1 << 30, "<I"))


def cut_short() -> bytes:
    """The file as a broken download leaves it: its first half."""
    data = GOOD.read_bytes()
    return data[: len(data) // 2]


def _u16(stream: bytearray, offset: int) -> int:
    return int(struct.unpack_from("<H", stream, offset)[0])
