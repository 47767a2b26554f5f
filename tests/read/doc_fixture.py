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
