"""Parts embedded in a .docx for Word to convert when it opens the file (`w:altChunk`): an
office system writes a report's body as HTML (or MHTML, text, another .docx) and leaves the
converting to Word, so `word/document.xml` holds only a pointer where the text stands. Each
part is read as corpusdiff reads that format on its own, and its lines stand in its place."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from email.message import Message

from corpusdiff.errors import InputError

#: Reads a file's bytes (named for messages) as corpusdiff reads any input, to its plain text;
#: InputError when it cannot. The reader of every format hands itself in, so that a part is
#: read like a file of its own without this module importing the dispatcher that imports it.
PartReader = Callable[[bytes, str], str]


def chunk_lines(data: bytes, target: str, name: str, read_part: PartReader) -> list[str] | None:
    """The lines of the embedded part `target`; None when it cannot be read (a format
    corpusdiff does not read, or too little text to read as a page)."""
    payload = _mime_html(data) if data.lstrip().upper().startswith(b"MIME-VERSION") else data
    if payload is None:
        return None
    try:
        return read_part(payload, f"{name} ({target})").rstrip("\n").split("\n")
    except InputError:
        return None


def _mime_html(data: bytes) -> bytes | None:
    """The HTML of an MHTML part (a web page saved as one file), as UTF-8."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return _utf8(part)
    return None


def _utf8(part: Message) -> bytes | None:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    charset = part.get_content_charset()
    if not charset:
        return payload
    try:
        return payload.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return payload
