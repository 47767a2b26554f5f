"""What a file is, told from its bytes and never from its name (docs/inputs.md).

`sniff_binary` looks at the first bytes for the signatures of formats that are not text;
`classify_text` looks at decoded text for markup, JSON and CSV. Together they give one of
FORMATS. `text`, `html`, `markdown`, `docx`, `doc` (Word 97–2003), `pdf` (with a text layer) and
`csv` (an export holding one report's text) are read as reports; every other format is refused by
`refusal` with one line saying what the file is and what to do.
"""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import zipfile

FORMATS = ("text", "html", "markdown", "xml", "csv", "json", "image", "zip", "docx", "doc", "pdf", "binary")
READABLE = frozenset({"text", "html", "markdown", "docx", "doc", "pdf", "csv"})

_EXTRACT_HINT = "extract its text first (e.g. pdftotext, or save the document as UTF-8 text)"

_SAVE_AS_DOCX = "open it in Word, WPS or LibreOffice and save it as a .docx document (or as UTF-8 text)"
#: For an old Office file that is not a Word .doc (a .wps, an .xls), which is read now.
_SAVE_OLD_AS_DOCX = "corpusdiff reads Word .doc and .docx documents: " + _SAVE_AS_DOCX
#: The stream an old (OLE) Office file names in its directory (in UTF-16): what the file is, and
#: what to do with it.
_OLE_STREAMS = {
    "EncryptedPackage": (
        "a password-protected Office document",
        "open it with its password, save it without one and give that file",
    ),
    "WordDocument": ("a Word 97–2003 .doc document", ""),
    "Workbook": (
        "an old Excel .xls workbook",
        "give the report itself (its text, web page, or Word .doc or .docx document)",
    ),
}
_OLD_OFFICE = ("an old binary Office document (WPS .wps, Excel .xls)", _SAVE_OLD_AS_DOCX)
#: Every OLE file's directory names its root; a file without it was cut short before its directory.
_OLE_ROOT = "Root Entry".encode("utf-16-le")
_OLE_LAST_SECTOR, _OLE_FREE = 0xFFFFFFFA, 0xFFFFFFFF
_CUT_OLE = (
    "a cut-short or damaged old Office file (.doc, .wps, .xls: its directory of streams is missing)",
    "get the file again (a download may have been cut off), or open it in Word, WPS or LibreOffice and save it again",
)
#: Word's XML formats, as an office system writes a ".doc": Word 2003 XML, or Word's flat XML.
_WORD_XML = ("a Word XML document (Word 2003 XML or flat XML)", _SAVE_AS_DOCX)
_WORD_XML_RE = re.compile(r'progid="Word\.Document"|<w:wordDocument[\s>]|/office/word/2003/wordml|wordprocessingml')
#: Rich Text, as Word saves it and portals often offer it under a .doc name.
_RTF = ("an RTF document (rich text, often saved under a .doc name)", _SAVE_AS_DOCX)
_OFFICE_HINTS = {what: hint for what, hint in [*_OLE_STREAMS.values(), _OLD_OFFICE, _CUT_OLE, _WORD_XML, _RTF] if hint}


_OLE = b"\xd0\xcf\x11\xe0"  # an OLE compound file: Office 97-2003, WPS, an encrypted Office file
DOC = ("doc", _OLE_STREAMS["WordDocument"][0])
# (signature, format, what it is)
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "pdf", "a PDF file"),
    (b"PK\x03\x04", "zip", "a zip archive"),
    (b"PK\x05\x06", "zip", "a zip archive (empty)"),
    (b"\x89PNG", "image", "a PNG image"),
    (b"\xff\xd8\xff", "image", "a JPEG image"),
    (b"GIF8", "image", "a GIF image"),
    (b"BM", "image", "a BMP image"),
    (b"II*\x00", "image", "a TIFF image"),
    (b"MM\x00*", "image", "a TIFF image"),
    (_OLE, "binary", _OLD_OFFICE[0]),
    (b"\x7fELF", "binary", "an executable"),
    (b"MZ", "binary", "a Windows executable"),
    (b"\x1f\x8b", "zip", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "zip", "a 7-Zip archive"),
    (b"Rar!", "zip", "a RAR archive"),
    (b"{\\rtf", "binary", _RTF[0]),
)
DOCX = ("docx", "a Word .docx document")
PDF = ("pdf", "a PDF file")
_OFFICE_PARTS = {
    "word/document.xml": DOCX,
    "xl/workbook.xml": ("zip", "an Excel .xlsx workbook (a zip archive)"),
    "ppt/presentation.xml": ("zip", "a PowerPoint .pptx file (a zip archive)"),
}

_HTML_TAGS = (
    "html|head|body|div|p|span|h[1-6]|table|tr|td|th|tbody|thead|ul|ol|li|br|a|img|meta|title|"
    "section|article|main|header|footer|nav|strong|b|em|font|center|script|style|link|form|iframe"
)
_HTML_TAG_RE = re.compile(rf"(?<!\\)</?(?:{_HTML_TAGS})(?=[\s/>])[^<>]*>", re.IGNORECASE)
_HTML_ROOT_RE = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_PROLOG_RE = re.compile(r"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.IGNORECASE | re.DOTALL)
_FIRST_ELEMENT_RE = re.compile(r"<([A-Za-z_][\w.:-]*)")
_MIN_HTML_TAGS = 3
#: A page (or a dump of its elements) opens with a block element; report text never does.
_BLOCK_START_RE = re.compile(
    r"<(?:html|head|body|div|p|table|section|article|main|h[1-6]|ul|ol|header|nav|meta|title|center)[\s/>]",
    re.IGNORECASE,
)
_CSV_SAMPLE_LINES = 50
_CSV_MIN_ROWS = 3
#: A CSV header names its columns: short cells on a short line.
_CSV_HEADER_CELL_MAX = 40
_CSV_HEADER_MAX = 1000


def sniff_binary(data: bytes) -> tuple[str, str] | None:
    """(format, what it is) for bytes that are not text, or None when the bytes may be text."""
    for signature, kind, what in _SIGNATURES:
        if data.startswith(signature):
            if kind == "zip" and signature.startswith(b"PK"):
                return _zip_kind(data)
            if kind == "pdf":
                return kind, _pdf_kind(data)
            if signature == _OLE:
                what = _old_office_kind(data)
                return DOC if what == DOC[1] else ("binary", what)
            if data.startswith(b"BM") and not _looks_like_bmp(data):
                continue
            if data.startswith(b"MZ") and b"\x00" not in data[:512]:
                continue
            return kind, what
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "image", "a WebP image"
    return None


def _old_office_kind(data: bytes) -> str:
    found = (what for stream, (what, _) in _OLE_STREAMS.items() if stream.encode("utf-16-le") in data)
    return next(found, _CUT_OLE[0] if _cut_short_ole(data) else _OLD_OFFICE[0])


def _cut_short_ole(data: bytes) -> bool:
    """Whether an OLE file was cut short (a broken download): it is its header and whole
    sectors, and its allocation table (FAT) says which sectors it uses; one that ends before
    them lost the directory entries naming its streams too, which Word and LibreOffice write
    last, so nothing else tells it from an unknown old Office file."""
    shift = int.from_bytes(data[0x1E:0x20], "little")
    sector = 1 << shift if shift in (9, 12) else 512
    present = len(data) // sector - 1  # whole sectors after the header
    if _OLE_ROOT not in data or len(data) % sector or present < 1:
        return True
    fat_sectors = [fat for fat in struct.unpack_from("<109I", data, 0x4C) if fat < _OLE_LAST_SECTOR]
    if any(fat >= present for fat in fat_sectors):
        return True
    per_sector = sector // 4
    used = [
        number * per_sector + index
        for number, fat in enumerate(fat_sectors)
        for index, entry in enumerate(struct.unpack_from(f"<{per_sector}I", data, (fat + 1) * sector))
        if entry != _OLE_FREE
    ]
    return max(used, default=0) >= present


def _looks_like_bmp(data: bytes) -> bool:
    return len(data) > 26 and b"\x00" in data[:26]


def _pdf_kind(data: bytes) -> str:
    """Which kind of PDF: without a text layer (no font anywhere, only images: a scan), damaged
    (neither), or an ordinary one. An encrypted one is left to the reader: a PDF that restricts
    only copying or printing (an owner password, as portals publish reports) opens without a
    password and is read; one that needs a password to open is refused there.

    Dictionaries in compressed object streams (`/ObjStm`, as Word's "Save as PDF" and PDF
    optimisers write them) do not show in the bytes: such a PDF is left to the reader, which
    counts the text it really holds."""
    if b"/Font" in data or b"/ObjStm" in data:
        return PDF[1]
    if b"/Image" in data:
        return "a PDF without a text layer (a scanned image)"
    return "a damaged or empty PDF file (it holds neither text nor images)"


def _zip_kind(data: bytes) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        if b"word/document.xml" in data[:65536]:
            return "docx", "a damaged Word .docx document (its zip structure is broken)"
        return "zip", "a zip archive"
    for part, found in _OFFICE_PARTS.items():
        if part in names:
            return found
    if "content.xml" in names and "mimetype" in names:
        return "zip", "an OpenDocument file (a zip archive)"
    return "zip", "a zip archive"


def classify_text(text: str) -> str:
    """`html`, `xml`, `json`, `markdown`, `csv` or `text` for decoded text."""
    from corpusdiff.read.markdown import is_markdown

    stripped = text.lstrip("\ufeff \t\n")
    if stripped[:1] in "{[" and _is_json(stripped):
        return "json"
    markup = _markup_kind(stripped)
    if markup:
        return markup
    if is_markdown(stripped):
        return "markdown"
    if _is_csv(stripped):
        return "csv"
    return "text"


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


_CLOSING_TAG_RE = re.compile(r"</[A-Za-z][A-Za-z0-9]*\s*>")


def _markup_kind(text: str) -> str | None:
    head = text[:4096]
    if _HTML_ROOT_RE.search(head):
        return "html"
    body = _PROLOG_RE.sub("", head, count=1)
    first = _FIRST_ELEMENT_RE.match(body)
    if first and not _HTML_TAG_RE.match(body):
        return "xml"  # the document starts with an element that HTML does not have
    if not _BLOCK_START_RE.match(body.lstrip("[ \t\r\n")):
        return None  # report text that opens with, or quotes, a few inline tags is still text
    tags = _HTML_TAG_RE.findall(text[:200_000])
    # a closing tag anywhere: a page nested so deep that its first 200,000 characters open
    # elements only is still a page, never text whose markup would be kept as the report's
    if len(tags) >= _MIN_HTML_TAGS and (any(tag.startswith("</") for tag in tags) or _CLOSING_TAG_RE.search(text)):
        return "html"
    return None


def _is_csv(text: str) -> bool:
    """Rows with the same number (two or more) of comma- or semicolon-separated fields: a
    header and records (whose quoted cells may span lines), or lines that are rows."""
    if csv_rows(text) is not None:
        return True
    lines = [line for line in text.split("\n")[: _CSV_SAMPLE_LINES * 2] if line.strip()]
    lines = lines[:_CSV_SAMPLE_LINES]
    if len(lines) < _CSV_MIN_ROWS:
        return False
    for delimiter in ",;":
        if not all(delimiter in line for line in lines):
            continue
        widths = {len(row) for row in csv.reader(lines, delimiter=delimiter)}
        if len(widths) == 1 and widths.pop() >= 2:
            return True
    return False


def csv_rows(text: str) -> list[list[str]] | None:
    """The rows of a CSV export with a header, or None: the first line names two or more columns
    (comma- or semicolon-separated short names), and every row, quoted cells spanning lines and
    all, has as many fields. A cell may hold a whole report, beyond the csv module's default
    field limit."""
    first = text.split("\n", 1)[0]
    if len(first) > _CSV_HEADER_MAX:
        return None
    limit = csv.field_size_limit(max(len(text), csv.field_size_limit()))
    try:
        for delimiter in ",;":
            header = next(csv.reader([first], delimiter=delimiter), [])
            if len(header) < 2 or any(len(cell) > _CSV_HEADER_CELL_MAX for cell in header):
                continue
            try:
                rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter, strict=True) if row]
            except csv.Error:
                continue
            if len(rows) >= 2 and all(len(row) == len(header) for row in rows):
                return rows
        return None
    finally:
        csv.field_size_limit(limit)


def xml_kind(text: str) -> str:
    """What an XML file is, when it is a Word document in XML; "" for other XML."""
    return _WORD_XML[0] if _WORD_XML_RE.search(text[:4096]) else ""


def refusal(name: str, kind: str, what: str = "") -> str:
    """The one line that says what a file is and what to do, for a format not read as a report."""
    if what in _OFFICE_HINTS:
        return f"{name}: this is {what}, which corpusdiff does not read; {_OFFICE_HINTS[what]}"
    if kind == "pdf" and "text layer" in what:
        return (
            f"{name}: this is {what}, with no text to read; corpusdiff does no OCR, so get the "
            "report as text, as a web page or as a PDF with a text layer"
        )
    if kind == "pdf" and "damaged" in what:
        return f"{name}: this is {what}; get the file again (a download may have been cut off)"
    if kind == "pdf":
        return f"{name}: this is {what or 'a PDF file'}, not text; {_EXTRACT_HINT}"
    if kind == "docx":
        return (
            f"{name}: this is {what or 'a damaged Word .docx document'}; open it in Word (or LibreOffice) "
            "and save it again, or save it as UTF-8 text"
        )
    if kind == "image":
        return f"{name}: this is {what}, not text; corpusdiff does no OCR, so give the report's text"
    if kind == "zip":
        return f"{name}: this is {what}, not a report; unpack it and give the report files inside it"
    if kind == "xml":
        return (
            f"{name}: this is an XML file, not a report document; "
            "export the report's own text (or its web page) and give that file"
        )
    if kind == "json":
        return f"{name}: this is JSON data, not a report document; write the report's text to a .txt file"
    if kind == "csv":
        return (
            f"{name}: this is a CSV table, not a report document; "
            "give the report itself (its text, web page or document)"
        )
    return f"{name}: this is {what or 'a binary file'}, not text; {_EXTRACT_HINT}"
