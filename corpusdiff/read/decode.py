"""Raw bytes -> text. The only place that guesses encodings, so every other step sees clean str.

The format is told from the content (read/formats.py): plain text is decoded as it is; an HTML
page, a DOCX, a Word 97–2003 .doc, a PDF and a CSV export holding one report go through their
extractors (read/html.py, docx.py, doc.py, pdf/, csvtext.py), which give the normaliser the same plain layout a text file has;
every other format is refused with one line (docs/inputs.md).
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from corpusdiff.errors import InputError
from corpusdiff.read import formats
from corpusdiff.text.chars import count_ideographs, has_han

_EXTRACT_HINT = "extract its text first (e.g. pdftotext, or save the document as UTF-8 text)"
#: Single-byte encodings a Chinese file is misread as before being saved again (mojibake), with
#: iconv's name for each; and the encodings the file really was in.
_MISREAD_AS = (("latin-1", "LATIN1"), ("cp1252", "CP1252"))
_REALLY = ("utf-8", "gb18030")
#: Han characters the recovered text must show before the file is called mojibake.
_MOJIBAKE_MIN_HAN = 20
#: A UTF-8 file damaged in a few places, not written in another encoding: at most this many
#: runs of invalid bytes, with at least this many Han characters for each.
_DAMAGED_UTF8_MAX_PLACES = 20
_DAMAGED_UTF8_HAN_PER_PLACE = 200
#: More than any report holds (the longest text report is under 3 MB, a PDF with its fonts
#: tens of MB): a file or a pipe that goes on past it is refused when read that far, rather
#: than read until the memory runs out.
MAX_REPORT_BYTES = 256 * 1024 * 1024
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class RawReport:
    """A report's text together with the facts about the bytes it came from."""

    text: str
    name: str
    sha256: str
    encoding: str
    size: int
    #: the format told from the content (read/formats.FORMATS) and the extractor that read it
    format: str = "text"
    extractor: str = ""
    #: what extraction dropped or guessed, for the normaliser's warnings
    notes: tuple[str, ...] = ()
    #: the title the format marks (an HTML page's one h1), when it opens the text
    title_hint: str = ""
    #: the date a web page gives the report outside its text (its record's 发文日期, its publication
    #: date): the report's date when the text prints none and the text's year agrees
    date_hint: str = ""


def read_report(path: Path) -> RawReport:
    """Read a report file, detecting its encoding; raise InputError with advice on bad input."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give the report files inside it")
    mode = path.stat().st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise InputError(f"{path}: is a device, not a file; give the report's file")
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_REPORT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    if len(data) > MAX_REPORT_BYTES:
        raise InputError(
            f"{path}: larger than {MAX_REPORT_BYTES} bytes, more than any report holds; "
            "extract the report's text first (e.g. pdftotext) or split it"
        )
    return decode_report(data, name=path.name)


def decode_report(data: bytes, name: str, embedded: bool = False) -> RawReport:
    """Decode report bytes; raise InputError for empty, binary or undecodable input.
    `embedded`: the bytes are a part embedded in a .docx (read/docx_chunks.py)."""
    if not data:
        raise InputError(f"{name}: the file is empty; nothing to normalise")
    if not data.strip():
        raise InputError(f"{name}: the file holds only white space; nothing to normalise")
    found = formats.sniff_binary(data)
    if found == formats.DOCX:
        return _read_docx(data, name, embedded)
    if found == formats.PDF:
        return _read_pdf(data, name)
    if found == formats.DOC:
        return _read_doc(data, name)
    _reject_binary(data, name)
    text, encoding = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: the file holds only white space; nothing to normalise")
    _reject_mojibake(text, name)
    kind, extractor = _text_format(text), ""
    notes: tuple[str, ...] = ()
    title_hint = date_hint = ""
    if kind not in formats.READABLE:
        raise InputError(formats.refusal(name, kind, formats.xml_kind(text) if kind == "xml" else ""))
    if kind == "html":
        from corpusdiff.read import html

        extracted = html.extract_html(text, name)
        text, extractor, notes = extracted.text, html.extractor_version(), tuple(extracted.notes)
        title_hint, date_hint = extracted.title, extracted.date
    if kind == "markdown":
        from corpusdiff.read import markdown

        extracted = markdown.extract_markdown(text, name)
        text, extractor, notes = extracted.text, markdown.extractor_version(), tuple(extracted.notes)
        title_hint = extracted.title
    if kind == "csv":
        from corpusdiff.read import csvtext

        extracted = csvtext.extract_csv(text, name)
        text, extractor, notes = extracted.text, csvtext.EXTRACTOR, tuple(extracted.notes)
        title_hint = extracted.title
    return RawReport(
        text=text,
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        size=len(data),
        format=kind,
        extractor=extractor,
        notes=notes,
        title_hint=title_hint,
        date_hint=date_hint,
    )


def _read_docx(data: bytes, name: str, embedded: bool) -> RawReport:
    from corpusdiff.read import docx

    def read_part(part: bytes, label: str) -> str:
        return decode_report(part, label, embedded=True).text

    extracted = docx.extract_docx(data, name, None if embedded else read_part)
    return _extracted(
        data, name, "docx", docx.extractor_version(), extracted.text, extracted.notes, extracted.title
    )


def _read_doc(data: bytes, name: str) -> RawReport:
    from corpusdiff.read import doc

    extracted = doc.extract_doc(data, name)
    return _extracted(data, name, "doc", doc.extractor_version(), extracted.text, extracted.notes)


def _read_pdf(data: bytes, name: str) -> RawReport:
    from corpusdiff.read import pdf

    extracted = pdf.extract_pdf(data, name)
    return _extracted(
        data, name, "pdf", pdf.extractor_version(), extracted.text, extracted.notes, extracted.title
    )


def _extracted(
    data: bytes, name: str, kind: str, extractor: str, text: str, notes: Iterable[str], title: str = ""
) -> RawReport:
    """The report a binary format's extractor gave: its text, with the raw bytes' hash and size."""
    return RawReport(
        text=text,
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        size=len(data),
        format=kind,
        extractor=extractor,
        notes=tuple(notes),
        title_hint=title,
    )


def _text_format(text: str) -> str:
    """The format of decoded text; canonical Markdown is text whatever it holds."""
    from corpusdiff.canonical.markdown import is_canonical_text

    if is_canonical_text(text):
        return "text"
    return formats.classify_text(text)


def _reject_binary(data: bytes, name: str) -> None:
    found = formats.sniff_binary(data)
    if found:
        kind, what = found
        raise InputError(formats.refusal(name, kind, what))
    if _bom_encoding(data) in ("utf-16", "utf-32") or _bomless_utf16(data):
        return
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: the file contains NUL bytes, so it is binary; {_EXTRACT_HINT}")


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Prefer a BOM, then strict UTF-8, then charset-normalizer's best guess."""
    encoding = _bom_encoding(data)
    if encoding == "utf-8-sig":
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(encoding), encoding
        data = data[len(codecs.BOM_UTF8) :]  # damaged UTF-8 after its mark: refused below, saying where
    elif encoding:
        return _decode_marked(data, encoding, name), encoding
    utf16 = _bomless_utf16(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    _reject_damaged_utf8(data, name)
    declared = _META_CHARSET_RE.search(data[:4096])
    if declared:  # an HTML page that names its encoding
        try:
            label = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode("gb18030" if label in ("gb2312", "gbk") else label), label
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or _looks_garbled(str(best)):
        raise InputError(
            f"{name}: cannot tell which text encoding this is; "
            "convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8; if a few stray bytes stop iconv, "
            "find them at the place it names) and try again"
        )
    return str(best), best.encoding


def _decode_marked(data: bytes, encoding: str, name: str) -> str:
    """Text whose byte-order mark names UTF-16 or UTF-32; a damaged or cut-off file is refused
    (its mark is all that says what it is, so no other guess is made)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: opens with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
            f"(damaged or cut off at byte {error.start}); save it again as UTF-8 and try again"
        ) from None


#: Of a text read as UTF-16, at least this share of its characters are Chinese.
_UTF16_HAN_SHARE = 0.3
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of UTF-16 saved without a byte-order mark (Windows tools do): its ASCII
    characters leave NUL bytes, so it would pass for binary. Taken only when it decodes cleanly
    to Chinese text without control characters."""
    if b"\x00" not in data[:65536] or len(data) % 2:
        return None
    # an ASCII character's zero byte comes second (little-endian) or first (big-endian)
    sample = data[:65536]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    visible = len("".join(text.split()))
    if visible and not _CONTROL_RE.search(text) and count_ideographs(text) >= _UTF16_HAN_SHARE * visible:
        return text, encoding
    return None


def _gb_text_at(data: bytes, position: int) -> str:
    """The start of the line from `position` on read as GB18030, when that gives Chinese text
    (a line pasted from a GBK file into a UTF-8 one); "" otherwise."""
    end = data.find(b"\n", position)
    piece = data[position : end if end >= 0 else len(data)]
    text = piece.decode("gb18030", errors="replace")
    if "\ufffd" in text or count_ideographs(text) < min(4, len(text)):
        return ""
    return text[:12]


def _reject_damaged_utf8(data: bytes, name: str) -> None:
    """Refuse UTF-8 text with a few invalid bytes (a character cut in copying, a stray byte from
    an extraction) saying so and where: it is no unknown encoding, and guessing one for it would
    garble the whole file. A file in another encoding fails UTF-8 nearly everywhere."""
    places = _invalid_utf8_places(data)
    if len(places) > _DAMAGED_UTF8_MAX_PLACES:
        return
    if count_ideographs(data.decode("utf-8", errors="replace")) < _DAMAGED_UTF8_HAN_PER_PLACE * len(places):
        return
    first = places[0]
    line = data.count(b"\n", 0, first) + 1
    before = data[max(0, first - 12) : first].decode("utf-8", errors="ignore")
    count = f"{len(places)} place" + ("s" if len(places) > 1 else "")
    pasted = _gb_text_at(data, first)
    if pasted:
        raise InputError(
            f"{name}: UTF-8 text with text in another encoding at line {line}: it reads as GBK/GB18030 "
            f"(“{pasted}”), pasted in from another file; convert that part to UTF-8 (dropping the bytes "
            "would lose its characters) and try again"
        )
    raise InputError(
        f"{name}: UTF-8 text with invalid bytes in {count}, first at line {line} after “{before.strip()}” "
        "(damaged in copying or extraction); get a clean copy, or check that place and drop the "
        f"invalid bytes with `iconv -c -f UTF-8 -t UTF-8 {name} > fixed.txt` and give fixed.txt"
    )


def _invalid_utf8_places(data: bytes) -> list[int]:
    """Where runs of bytes that are not UTF-8 start (adjacent invalid bytes are one place); the
    search stops after one more than `_DAMAGED_UTF8_MAX_PLACES`."""
    places: list[int] = []
    end = -1
    position = 0
    while True:
        try:
            data[position:].decode("utf-8")
            return places
        except UnicodeDecodeError as error:
            start = position + error.start
            if start != end:
                places.append(start)
            end = position + error.end
            position = end
            if len(places) > _DAMAGED_UTF8_MAX_PLACES:
                return places


def _reject_mojibake(text: str, name: str) -> None:
    """Refuse Chinese text that was once decoded as Latin-1 or Windows-1252 and saved again
    (`æ”¿åºœ` for 政府): it decodes cleanly but holds no Chinese, and iconv gives the bytes back."""
    if has_han(text):
        return
    for misread, iconv_name in _MISREAD_AS:
        for really in _REALLY:
            recovered = _recovered(text, misread, really)
            if count_ideographs(recovered) >= _MOJIBAKE_MIN_HAN:
                raise InputError(
                    f"{name}: the text is garbled: it is {really.upper()} Chinese that was read as "
                    f"{misread} and saved again (“{_sample(text)}” is “{_sample(recovered)}”); recover it "
                    f"with `iconv -f UTF-8 -t {iconv_name} {name} > fixed.txt` and give fixed.txt"
                )


def _recovered(text: str, misread: str, really: str) -> str:
    """`text` encoded back the way it was misread and decoded as it really was ("" if it fails)."""
    try:
        return text.encode(misread).decode(really)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return ""


def _sample(text: str) -> str:
    return "".join(char for char in text if char.isprintable() and not char.isspace())[:8]


def _looks_garbled(text: str) -> bool:
    """True when a decode produced mostly control or replacement characters."""
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return bad > max(3, len(text) // 100)
