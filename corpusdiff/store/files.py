"""File writes that never leave a half-written file behind, and reads of a corpus's files that
never wait on one that is no file (a corpus from elsewhere is untrusted)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from corpusdiff import yamlsafe
from corpusdiff.errors import CorpusError
from corpusdiff.read.decode import MAX_REPORT_BYTES

#: Every temporary file of an atomic write ends so (`.<name>.<random>.corpusdiff.tmp`): a sweep
#: after a kill (`remove_temporaries`) removes these and never a file of the user's.
TEMP_SUFFIX = ".corpusdiff.tmp"


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode a new file gets under the user's umask (mkstemp's own 0600 would hide corpus
    documents from the user's group)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _replace_with(target: Path, fill: Callable[[BinaryIO], None], durable: bool) -> None:
    """Fill a temporary file beside `target`, then rename it over `target`: a kill never leaves
    a truncated file under the target's name. `durable` also survives a power cut (fsync)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def copy_atomic(source: Path, target: Path) -> None:
    """Copy `source` to a temporary file beside `target`, then rename it over `target`: a kill
    never leaves a truncated copy under the target's name."""

    def fill(handle: BinaryIO) -> None:
        with source.open("rb") as original:
            shutil.copyfileobj(original, handle)

    _replace_with(target, fill, durable=True)


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same directory, then rename it over the target; the
    file gets the mode the user's umask gives any new file."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """`write_atomic` for bytes; `durable=False` skips the fsync, for files that can be made
    again (a site page): the rename alone already survives a killed process."""

    def fill(handle: BinaryIO) -> None:
        handle.write(data)

    _replace_with(path, fill, durable)


def temporaries(directory: Path) -> Iterator[Path]:
    """The temporary files atomic writes left under `directory` (a killed process's)."""
    return (path for path in directory.rglob(f".*{TEMP_SUFFIX}") if path.is_file())


def remove_temporaries(directory: Path) -> None:
    for path in list(temporaries(directory)):
        path.unlink(missing_ok=True)


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes, read in blocks (sources may be large PDFs). Raises
    NotARegularFile for a named pipe or a device, never waiting on one (`read_regular`)."""
    with _open_regular(path, follow=True) as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class NotARegularFile(OSError):
    """A path that names a named pipe, a device, a socket or a directory, not a file's bytes."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: {kind}, not a file")
        self.kind = kind


def read_regular(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of the regular file `path`; None when it holds more than `max_bytes`. It is
    opened without blocking and without following a link in its last part, and what it is is
    asked of the open descriptor: a path checked and then read could be swapped for a named pipe
    in between (a corpus from elsewhere is untrusted), and opening a pipe waits for a writer for
    ever. Raises NotARegularFile for anything but a file, OSError as `open` does (missing,
    denied, a link)."""
    with _open_regular(path, follow=False) as handle:
        if os.fstat(handle.fileno()).st_size > max_bytes:
            return None  # not read at all: a sparse file of hundreds of gigabytes takes no time
        data = handle.read(max_bytes + 1)  # and one growing since holds no more than this
    return None if len(data) > max_bytes else data


def read_corpus_text(path: Path, max_bytes: int = MAX_REPORT_BYTES) -> str:
    """The UTF-8 text of a file a corpus holds (a document, an alignments file), read as
    `read_regular` reads once the links on its way are followed (the caller has confined it to
    the corpus), with universal newlines as `Path.read_text` gives them. Anything else is one
    CorpusError line: a named pipe swapped in while a command runs is named, never waited on; a
    sparse file of gigabytes is refused by its size, never read."""
    try:
        data = read_regular(path.resolve(), max_bytes)
    except OSError as exc:
        raise unreadable(path, exc) from None
    if data is None:
        raise CorpusError(f"{path}: larger than {max_bytes} bytes, more than any report holds; remove it")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text (byte {exc.start}), so no corpus document; remove it") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def unreadable(path: Path, exc: OSError) -> CorpusError:
    """The one line for a corpus file that could not be read as a file: what it is instead
    (`a named pipe, not a file; remove it`, as `check` says), gone, or the system's reason."""
    if isinstance(exc, NotARegularFile):
        return CorpusError(f"{path}: {exc.kind}, not a file; remove it")
    if isinstance(exc, FileNotFoundError):
        return CorpusError(f"{path}: no longer there (removed while the command ran?); run the command again")
    return CorpusError(f"{path}: cannot be read ({exc.strerror or exc.__class__.__name__})")


def open_regular(path: Path) -> contextlib.AbstractContextManager[io.BufferedReader]:
    """`path` open for reading as `read_regular` opens it, for a reader that stops early (front
    matter): raises NotARegularFile for anything but a file, never waiting on a pipe."""
    return _open_regular(path, follow=False)


@contextlib.contextmanager
def _open_regular(path: Path, *, follow: bool) -> Iterator[io.BufferedReader]:
    """`path` open for reading if it is a regular file, told by the descriptor, never the name."""
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow else getattr(os, "O_NOFOLLOW", 0))
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(path, _kind(mode))
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def read_yaml(path: Path, max_bytes: int = yamlsafe.MAX_BYTES) -> Any:
    """`yamlsafe.load` of a file, reading no more than `max_bytes` of it. Only a regular file, told by
    the open descriptor (`read_regular`): a named pipe an unpacked corpus holds, or
    swaps in, would block the command for ever."""
    try:
        raw = read_regular(path.resolve(), max_bytes)
    except NotARegularFile as exc:
        raise CorpusError(
            f"{path}: {exc.kind}, not a regular file; replace it with the YAML file itself"
        ) from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read it ({exc.strerror or exc.__class__.__name__})") from exc
    if raw is None:
        raise CorpusError(f"{path}: larger than {max_bytes} bytes; is this the right file?")
    return yamlsafe.load(raw, path)
